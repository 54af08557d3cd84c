import { graphql } from '../../../gql';

export const SkusQuery = graphql(`
  query Skus($first: Int, $after: String, $last: Int, $before: String, $query: String, $merchantId: ID) {
    skus(first: $first, after: $after, last: $last, before: $before, query: $query, merchantId: $merchantId) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id code nameZh nameEn status weightGrams
        options { name value }
        barcodes { barcode }
        product { id handle }
      }
    }
  }
`);

export const SkuImportStartMutation = graphql(`
  mutation SkuImportStart($input: SkuImportStartInput!) {
    skuImportStart(input: $input) {
      skuImport { id state rowsTotal rowsDone }
      userErrors { field code message }
    }
  }
`);

export const SkuImportQuery = graphql(`
  query SkuImport($id: ID!) {
    skuImport(id: $id) {
      id state format filename rowsTotal rowsDone errorCount errorReportUrl
      productsCreated productsUpdated skusCreated skusUpdated skusUnchanged openingStockPlaced
      errors(first: 10) { line column message }
    }
  }
`);
