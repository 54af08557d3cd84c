import { graphql } from '../../../gql';

export const MembersQuery = graphql(`
  query Members($first: Int, $after: String, $last: Int, $before: String) {
    members(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { id role createdAt user { id name email } merchant { id code name } }
    }
  }
`);

export const InvitationsQuery = graphql(`
  query Invitations($first: Int) {
    invitations(first: $first) {
      nodes { id email role locale expiresAt acceptedAt createdAt merchant { id code name } }
    }
  }
`);

export const MemberInviteMutation = graphql(`
  mutation MemberInvite($input: MemberInviteInput!) {
    memberInvite(input: $input) {
      invitation { id email role merchant { id code name } }
      userErrors { field code message }
    }
  }
`);

export const MemberRoleChangeMutation = graphql(`
  mutation MemberRoleChange($input: MemberRoleChangeInput!) {
    memberRoleChange(input: $input) {
      member { id role merchant { id code name } }
      userErrors { field code message }
    }
  }
`);

export const MemberRemoveMutation = graphql(`
  mutation MemberRemove($input: MemberRemoveInput!) {
    memberRemove(input: $input) {
      removedMemberId
      userErrors { field code message }
    }
  }
`);
