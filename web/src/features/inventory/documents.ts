import { graphql } from '../../gql';

export const StockLevelsQuery = graphql(`
  query StockLevels($first: Int, $after: String, $last: Int, $before: String, $skuId: ID, $warehouseId: ID, $merchantId: ID, $atSafetyStock: Boolean) {
    stockLevels(first: $first, after: $after, last: $last, before: $before, skuId: $skuId, warehouseId: $warehouseId, merchantId: $merchantId, atSafetyStock: $atSafetyStock) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        onHand reserved damaged qualityControl safetyStock incoming available updatedAt
        sku { id code nameEn nameZh lotTracked }
        warehouse { id code }
      }
    }
  }
`);

export const SkuStockQuery = graphql(`
  query SkuStock($first: Int, $after: String, $last: Int, $before: String, $query: String, $merchantId: ID) {
    skus(first: $first, after: $after, last: $last, before: $before, query: $query, merchantId: $merchantId) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id code nameEn nameZh
        merchant { id code }
        stock {
          onHand reserved damaged qualityControl safetyStock incoming available
          warehouse { id code }
        }
      }
    }
  }
`);

export const BinStocksQuery = graphql(`
  query BinStocks($first: Int, $after: String, $last: Int, $before: String, $skuId: ID, $warehouseId: ID, $locationId: ID) {
    binStocks(first: $first, after: $after, last: $last, before: $before, skuId: $skuId, warehouseId: $warehouseId, locationId: $locationId) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        lot receivedOn expiresOn onHand ageDays
        sku { id code }
        location { id code type warehouse { id code } }
      }
    }
  }
`);

export const StockMovementsQuery = graphql(`
  query StockMovements($first: Int, $after: String, $last: Int, $before: String, $skuId: ID, $warehouseId: ID) {
    stockMovements(first: $first, after: $after, last: $last, before: $before, skuId: $skuId, warehouseId: $warehouseId) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id kind quantityName delta quantityBefore quantityAfter reason referenceType referenceId note actor lot createdAt
        location { id code }
      }
    }
  }
`);

export const WarehouseOptionsQuery = graphql(`
  query WarehouseOptions {
    warehouses(first: 100) { nodes { id code name active } }
  }
`);

export const LocationOptionsQuery = graphql(`
  query LocationOptions($warehouseId: ID, $type: LocationType, $query: String) {
    locations(first: 20, warehouseId: $warehouseId, type: $type, query: $query) {
      nodes { id code type active warehouse { id code } }
    }
  }
`);

export const SkuOptionsQuery = graphql(`
  query SkuOptions($query: String) {
    skus(first: 20, query: $query) { nodes { id code nameEn nameZh lotTracked merchant { id code } } }
  }
`);

export const InventoryCheckQuery = graphql(`
  query InventoryCheck {
    inventoryCheck {
      ok levelsChecked binsChecked movementsChecked
      mismatches { invariant skuId warehouseId locationId lot receivedOn quantityName recorded expected }
    }
  }
`);


export const InventoryAdjustMutation = graphql(`
  mutation InventoryAdjust($input: InventoryAdjustInput!) {
    inventoryAdjust(input: $input) {
      stockLevel { onHand reserved damaged qualityControl safetyStock incoming available }
      userErrors { field code message }
    }
  }
`);

export const InventoryMoveMutation = graphql(`
  mutation InventoryMove($input: InventoryMoveInput!) {
    inventoryMove(input: $input) {
      stockLevel { onHand reserved damaged qualityControl safetyStock incoming available }
      userErrors { field code message }
    }
  }
`);

export const InventorySetOnHandMutation = graphql(`
  mutation InventorySetOnHand($input: InventorySetOnHandInput!) {
    inventorySetOnHand(input: $input) {
      stockLevel { onHand reserved damaged qualityControl safetyStock incoming available }
      userErrors { field code message }
    }
  }
`);

export const InventorySetSafetyStockMutation = graphql(`
  mutation InventorySetSafetyStock($input: InventorySetSafetyStockInput!) {
    inventorySetSafetyStock(input: $input) {
      stockLevel { onHand reserved damaged qualityControl safetyStock incoming available }
      userErrors { field code message }
    }
  }
`);

