import { graphql } from '../../../gql';

export const CountTasksQuery = graphql(`
  query CountTasks($status: CountStatus) {
    countTasks(status: $status) {
      id status blind createdBy countedBy decidedBy createdAt countedAt decidedAt
      warehouse { id code }
      location { id code }
      sku { id code }
      lines { counted variance }
    }
  }
`);

export const CountTaskQuery = graphql(`
  query CountTask($id: ID!) {
    node(id: $id) {
      ... on CountTask {
        id status blind createdBy countedBy decidedBy createdAt countedAt decidedAt
        warehouse { id code }
        location { id code }
        sku { id code lotTracked barcodes { barcode } }
        lines {
          lot expected counted variance
          location { id code }
          sku { id code nameEn nameZh lotTracked barcodes { barcode } }
        }
      }
    }
  }
`);

export const CountPeopleQuery = graphql(`
  query CountPeople {
    members(first: 250) { nodes { user { id name email } } }
  }
`);

export const CountSkuLookupQuery = graphql(`
  query CountSkuLookup($query: String!) {
    skus(first: 10, query: $query) { nodes { id code lotTracked barcodes { barcode } } }
  }
`);

export const CountLocationLookupQuery = graphql(`
  query CountLocationLookup($warehouseId: ID!, $query: String!) {
    locations(first: 20, warehouseId: $warehouseId, query: $query) { nodes { id code } }
  }
`);

export const CycleCountCreateMutation = graphql(`
  mutation CycleCountCreate($input: CycleCountCreateInput!) {
    cycleCountCreate(input: $input) {
      countTask { id }
      userErrors { field code message }
    }
  }
`);

export const CycleCountSubmitMutation = graphql(`
  mutation CycleCountSubmit($input: CycleCountSubmitInput!) {
    cycleCountSubmit(input: $input) {
      countTask { id status }
      userErrors { field code message }
    }
  }
`);

export const CycleCountDecideMutation = graphql(`
  mutation CycleCountDecide($input: CycleCountDecideInput!) {
    cycleCountDecide(input: $input) {
      countTask { id status }
      userErrors { field code message }
    }
  }
`);
