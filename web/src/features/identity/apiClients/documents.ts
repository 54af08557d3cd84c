import { graphql } from '../../../gql';

export const ApiClientsQuery = graphql(`
  query ApiClients($first: Int, $after: String, $last: Int, $before: String) {
    apiClients(first: $first, after: $after, last: $last, before: $before) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { id name clientId scopes merchant { id code name } createdAt revokedAt }
    }
  }
`);

export const ApiClientCreateMutation = graphql(`
  mutation ApiClientCreate($input: ApiClientCreateInput!) {
    apiClientCreate(input: $input) {
      apiClient { id name clientId merchant { id code name } }
      clientSecret
      userErrors { field code message }
    }
  }
`);

export const ApiClientRevokeMutation = graphql(`
  mutation ApiClientRevoke($input: ApiClientRevokeInput!) {
    apiClientRevoke(input: $input) {
      apiClient { id revokedAt }
      userErrors { field code message }
    }
  }
`);
