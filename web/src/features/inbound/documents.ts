import { graphql } from '../../gql';

export const InboundShipmentsQuery = graphql(`
  query InboundShipments($first: Int, $after: String, $last: Int, $before: String, $status: InboundShipmentStatus, $query: String) {
    inboundShipments(first: $first, after: $after, last: $last, before: $before, status: $status, query: $query) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id reference mode status containerNumber waybillNumber eta
        expectedUnits receivedUnits damagedUnits progress hasDiscrepancies
        merchant { id code } warehouse { id code }
      }
    }
  }
`);

export const InboundShipmentQuery = graphql(`
  query InboundShipment($id: ID!) {
    node(id: $id) {
      ... on InboundShipment {
        id reference mode status containerNumber waybillNumber
        expectedUnits receivedUnits damagedUnits putAwayUnits progress hasDiscrepancies
        warehouse { id code }
        lines {
          id lot expected received damaged putAway awaitingPutaway shortUnits overUnits discrepancy
          sku { id code nameEn nameZh barcodes { barcode } }
          suggestedPutawayLocation { id code }
        }
      }
    }
  }
`);

export const InboundReceiveMutation = graphql(`
  mutation InboundReceive($input: InboundReceiveInput!) {
    inboundReceive(input: $input) {
      line { id received damaged discrepancy }
      userErrors { field code message }
    }
  }
`);

export const InboundPutawayMutation = graphql(`
  mutation InboundPutaway($input: InboundPutawayInput!) {
    inboundPutaway(input: $input) {
      line { id putAway awaitingPutaway }
      userErrors { field code message }
    }
  }
`);

export const InboundCloseMutation = graphql(`
  mutation InboundClose($input: InboundShipmentIdInput!) {
    inboundClose(input: $input) {
      inboundShipment { id status }
      userErrors { field code message }
    }
  }
`);

/** A location of the shipment's warehouse by the code its label carries (putaway by scan). */
export const PutawayLocationQuery = graphql(`
  query PutawayLocation($warehouseId: ID!, $code: String!) {
    locations(first: 5, warehouseId: $warehouseId, query: $code) {
      nodes { id code type active }
    }
  }
`);
