import { graphql } from '../gql';

export const AccountLocaleMutation = graphql(`
  mutation AccountLocale($input: AccountUpdateInput!) {
    accountUpdate(input: $input) { user { id locale } userErrors { field code message } }
  }
`);
