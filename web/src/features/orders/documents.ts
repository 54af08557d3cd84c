import { graphql } from '../../gql';

export const OrdersQuery = graphql(`
  query Orders($first: Int, $after: String, $last: Int, $before: String, $status: OrderStatus, $merchantId: ID, $query: String) {
    orders(first: $first, after: $after, last: $last, before: $before, status: $status, merchantId: $merchantId, query: $query) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id reference status channel totalUnits createdAt
        merchant { id code }
        shipTo { countryCode }
      }
    }
  }
`);

export const OrderQuery = graphql(`
  query Order($id: ID!) {
    node(id: $id) {
      ... on Order {
        id reference status channel serviceLevel note totalUnits createdAt updatedAt
        merchant { id code name }
        shipTo { name company line1 line2 city region postalCode countryCode phone email }
        lines {
          quantity allocated backordered
          sku { id code nameEn nameZh }
          allocations {
            quantity rule distanceKm availableBefore createdAt releasedAt
            warehouse { id code }
          }
        }
        shipments { id carrier trackingNumber status shippedAt deliveredAt }
        timeline { kind status detail actor createdAt }
      }
    }
  }
`);

export const OrderCreateMutation = graphql(`
  mutation OrderCreate($input: OrderCreateInput!) {
    orderCreate(input: $input) {
      order { id reference status }
      userErrors { field code message }
    }
  }
`);

export const OrderCancelMutation = graphql(`
  mutation OrderCancel($input: OrderCancelInput!) {
    orderCancel(input: $input) {
      order { id status }
      userErrors { field code message }
    }
  }
`);

export const OrderImportStartMutation = graphql(`
  mutation OrderImportStart($input: OrderImportStartInput!) {
    orderImportStart(input: $input) {
      orderImport { id state rowsTotal rowsDone }
      userErrors { field code message }
    }
  }
`);

export const OrderImportQuery = graphql(`
  query OrderImport($id: ID!) {
    orderImport(id: $id) {
      id state format filename rowsTotal rowsDone errorCount errorReportUrl noticeCount
      ordersTotal ordersCreated ordersExisting ordersSkipped
      errors(first: 10) { line column message }
      notices(first: 10) { line column message }
    }
  }
`);
