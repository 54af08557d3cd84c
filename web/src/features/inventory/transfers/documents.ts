import { graphql } from '../../../gql';

export const StockTransfersQuery = graphql(`
  query StockTransfers(
    $first: Int, $after: String, $last: Int, $before: String, $status: TransferStatus, $merchantId: ID,
    $fromWarehouseId: ID, $toWarehouseId: ID, $query: String, $withMerchant: Boolean!
  ) {
    stockTransfers(
      first: $first, after: $after, last: $last, before: $before, status: $status, merchantId: $merchantId,
      fromWarehouseId: $fromWarehouseId, toWarehouseId: $toWarehouseId, query: $query
    ) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id reference status createdAt receivedAt
        merchant @include(if: $withMerchant) { id code }
        fromWarehouse { id code }
        toWarehouse { id code }
        lines { quantity }
      }
    }
  }
`);

export const StockTransferQuery = graphql(`
  query StockTransfer($id: ID!, $withMerchant: Boolean!) {
    node(id: $id) {
      ... on StockTransfer {
        id reference status note createdAt receivedAt
        merchant @include(if: $withMerchant) { id code name }
        fromWarehouse { id code name }
        toWarehouse { id code name }
        lines {
          lot quantity
          fromLocation { id code }
          toLocation { id code }
          sku { id code nameEn nameZh stock { incoming onHand warehouse { id } } }
        }
      }
    }
  }
`);

export const StockTransferCreateMutation = graphql(`
  mutation StockTransferCreate($input: StockTransferCreateInput!) {
    stockTransferCreate(input: $input) {
      stockTransfer { id }
      userErrors { field code message }
    }
  }
`);

export const StockTransferReceiveMutation = graphql(`
  mutation StockTransferReceive($input: StockTransferReceiveInput!) {
    stockTransferReceive(input: $input) {
      stockTransfer { id status }
      userErrors { field code message }
    }
  }
`);

export const StockTransferCancelMutation = graphql(`
  mutation StockTransferCancel($input: StockTransferCancelInput!) {
    stockTransferCancel(input: $input) {
      stockTransfer { id status }
      userErrors { field code message }
    }
  }
`);
