import { graphql } from '../../../gql';

export const MerchantsQuery = graphql(`
  query Merchants($first: Int, $after: String, $last: Int, $before: String, $query: String) {
    merchants(first: $first, after: $after, last: $last, before: $before, query: $query) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { id code name contactName contactEmail contactPhone defaultCurrency }
    }
  }
`);

/** The choices of a merchant picker (`MerchantSelect`), used by other contexts' forms too. */
export const MerchantOptionsQuery = graphql(`
  query MerchantOptions($first: Int, $query: String) {
    merchants(first: $first, query: $query) {
      nodes { id code name }
    }
  }
`);

export const MerchantCreateMutation = graphql(`
  mutation MerchantCreate($input: MerchantCreateInput!) {
    merchantCreate(input: $input) {
      merchant { id code name contactName contactEmail contactPhone defaultCurrency }
      userErrors { field code message }
    }
  }
`);

export const MerchantUpdateMutation = graphql(`
  mutation MerchantUpdate($input: MerchantUpdateInput!) {
    merchantUpdate(input: $input) {
      merchant { id code name contactName contactEmail contactPhone defaultCurrency }
      userErrors { field code message }
    }
  }
`);
