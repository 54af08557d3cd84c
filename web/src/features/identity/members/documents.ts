import { graphql } from '../../../gql';

export const MembersQuery = graphql(`
  query Members($first: Int, $after: String, $last: Int, $before: String) {
    members(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { id role createdAt user { id name email } merchant { id code name } }
    }
    owners: members(first: 0, role: OWNER) { totalCount }
  }
`);

export const InvitationsQuery = graphql(`
  query Invitations($first: Int) {
    invitations(first: $first) {
      nodes { id email role locale status expiresAt createdAt merchant { id code name } }
    }
  }
`);

export const MemberInviteMutation = graphql(`
  mutation MemberInvite($input: MemberInviteInput!) {
    memberInvite(input: $input) {
      invitation { id email role merchant { id code name } }
      userErrors { field code message subjectId }
    }
  }
`);

export const InvitationResendMutation = graphql(`
  mutation InvitationResend($input: InvitationResendInput!) {
    invitationResend(input: $input) {
      invitation { id email status expiresAt }
      userErrors { field code message }
    }
  }
`);

export const InvitationRevokeMutation = graphql(`
  mutation InvitationRevoke($input: InvitationRevokeInput!) {
    invitationRevoke(input: $input) {
      invitation { id status }
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
