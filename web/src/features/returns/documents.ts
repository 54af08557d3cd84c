import { graphql } from '../../gql';

export const ReturnsQuery = graphql(`
  query Returns($first: Int, $after: String, $last: Int, $before: String, $status: ReturnStatus, $orderId: ID) {
    returns(first: $first, after: $after, last: $last, before: $before, status: $status, orderId: $orderId) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id reference status reason createdAt completedAt
        order { id reference }
        warehouse { id code }
        lines { expected received restocked damaged disposed awaitingInspection }
      }
    }
  }
`);

export const ReturnQuery = graphql(`
  query Return($id: ID!) {
    node(id: $id) {
      ... on Return {
        id reference status reason createdAt completedAt
        order { id reference status }
        warehouse { id code name }
        lines {
          expected received restocked damaged disposed awaitingInspection
          sku { id code nameEn nameZh barcodes { barcode } }
        }
      }
    }
  }
`);

export const ReturnMovementsQuery = graphql(`
  query ReturnMovements($referenceId: String!) {
    stockMovements(first: 100, referenceType: "Return", referenceId: $referenceId) {
      nodes {
        id kind quantityName delta quantityBefore quantityAfter reason lot createdAt
        sku { id code }
        warehouse { id code }
        location { id code type }
      }
    }
  }
`);

export const ReturnOrderOptionsQuery = graphql(`
  query ReturnOrderOptions($query: String) {
    orders(first: 20, query: $query) { nodes { id reference status } }
  }
`);

export const ReturnOrderQuery = graphql(`
  query ReturnOrder($id: ID!) {
    node(id: $id) {
      ... on Order {
        id reference status
        lines { quantity sku { id code nameEn nameZh } }
      }
    }
    returns(first: 50, orderId: $id) {
      nodes { id reference status lines { expected sku { id } } }
    }
  }
`);

export const ReturnCreateMutation = graphql(`
  mutation ReturnCreate($input: ReturnCreateInput!) {
    returnCreate(input: $input) {
      return { id reference }
      userErrors { field code message }
    }
  }
`);

export const ReturnReceiveMutation = graphql(`
  mutation ReturnReceive($input: ReturnReceiveInput!) {
    returnReceive(input: $input) {
      return {
        id status
        lines { expected received restocked damaged disposed awaitingInspection sku { id code } }
      }
      userErrors { field code message }
    }
  }
`);

export const ReturnInspectMutation = graphql(`
  mutation ReturnInspect($input: ReturnInspectInput!) {
    returnInspect(input: $input) {
      return {
        id status
        lines { expected received restocked damaged disposed awaitingInspection sku { id code } }
      }
      userErrors { field code message }
    }
  }
`);
