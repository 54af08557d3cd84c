import { graphql } from '../../gql';

export const FulfilmentWarehousesQuery = graphql(`
  query FulfilmentWarehouses {
    warehouses(first: 100) { nodes { id code name active } }
  }
`);

export const WavesQuery = graphql(`
  query Waves($first: Int, $after: String, $last: Int, $before: String, $warehouseId: ID, $status: WaveStatus) {
    waves(first: $first, after: $after, last: $last, before: $before, warehouseId: $warehouseId, status: $status) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id status carrier cutoff singleLineOnly orderCount totalUnits pickedUnits createdAt
        warehouse { id code }
        tasks { id orderId orderReference done }
      }
    }
  }
`);

export const WaveQuery = graphql(`
  query Wave($id: ID!) {
    node(id: $id) {
      ... on Wave {
        id status orderCount totalUnits pickedUnits
        warehouse { id code }
        tasks { id orderId orderReference skuCode locationCode lot quantity picked done }
        nextTask { id orderId orderReference skuCode locationCode lot quantity picked }
      }
    }
  }
`);

export const WaveCreateMutation = graphql(`
  mutation WaveCreate($input: WaveCreateInput!) {
    waveCreate(input: $input) {
      wave { id orderCount totalUnits }
      userErrors { field code message }
    }
  }
`);

export const PickConfirmMutation = graphql(`
  mutation PickConfirm($input: PickConfirmInput!) {
    pickConfirm(input: $input) {
      task { id picked done }
      wave {
        id status pickedUnits totalUnits
        tasks { id orderId orderReference skuCode locationCode lot quantity picked done }
        nextTask { id orderId orderReference skuCode locationCode lot quantity picked }
      }
      userErrors { field code message }
    }
  }
`);

export const PackOrderQuery = graphql(`
  query PackOrder($id: ID!) {
    node(id: $id) {
      ... on Order {
        id reference status
        shipTo { name city countryCode }
        lines { quantity sku { id code nameEn nameZh barcodes { barcode } } }
        packages { id number weightGrams dimensionsMm { length width height } items { quantity sku { code } } }
        shipments { id carrier trackingNumber labelFormat labelUrl status events { status description occurredAt } }
      }
    }
  }
`);

export const PackageCreateMutation = graphql(`
  mutation PackageCreate($input: PackageCreateInput!) {
    packageCreate(input: $input) {
      package { id number }
      order { id status }
      userErrors { field code message }
    }
  }
`);

export const OrderShipMutation = graphql(`
  mutation OrderShip($input: OrderShipInput!) {
    orderShip(input: $input) {
      order { id status shipments { id trackingNumber labelUrl } }
      userErrors { field code message }
    }
  }
`);
