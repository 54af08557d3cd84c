import { graphql } from '../../../gql';

export const TenantQuery = graphql(`
  query Tenant {
    tenant { id name slug modules defaultLocale timezone }
  }
`);

export const TenantUpdateMutation = graphql(`
  mutation TenantUpdate($input: TenantUpdateInput!) {
    tenantUpdate(input: $input) {
      tenant { id name modules defaultLocale timezone }
      userErrors { field code message }
    }
  }
`);
