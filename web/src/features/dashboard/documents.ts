import { graphql } from '../../gql';

export const DashboardOrdersQuery = graphql(`
  query DashboardOrders {
    allocated: orders(status: ALLOCATED, first: 1) { totalCount }
    picking: orders(status: PICKING, first: 1) { totalCount }
    packed: orders(status: PACKED, first: 1) { totalCount }
    backordered: orders(status: BACKORDERED, first: 1) { totalCount }
  }
`);

export const DashboardInboundQuery = graphql(`
  query DashboardInbound {
    inboundShipments(status: IN_TRANSIT, first: 250) { totalCount nodes { id eta expectedUnits } }
  }
`);

export const DashboardStockQuery = graphql(`
  query DashboardStock {
    stockLevels(atSafetyStock: true, first: 1) { totalCount }
  }
`);
