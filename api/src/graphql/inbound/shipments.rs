//! Inbound shipments and lines as the API shows them, and the
//! `inboundShipments` connection.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use domain::catalog::MERCHANT;
use domain::inbound::receiving;
use domain::inbound::shipments::{self, Discrepancy, FirstLegMode, ShipmentFilter, ShipmentStatus};
use domain::inbound::{INBOUND_LINE, INBOUND_SHIPMENT};
use domain::inventory::WAREHOUSE;
use uuid::Uuid;

use crate::graphql::catalog::{Merchant, Sku};
use crate::graphql::inventory::{Location, Warehouse};
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::OrGql;
use crate::graphql::kit::units::units;

/// Received units over expected ones: 0 before the first scan, 1 when
/// all arrived, above 1 for an over-receipt.
fn progress(received: i64, expected: i64) -> f64 {
    if expected == 0 { 0.0 } else { received as f64 / expected as f64 }
}

pub struct InboundShipment(pub shipments::InboundShipment);

/// An advance shipping notice (ASN): one merchant's goods on their way to
/// one warehouse, with the lines it announces and what was received.
#[Object]
impl InboundShipment {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(INBOUND_SHIPMENT, self.0.id)
    }
    /// The merchant's own reference, unique per merchant.
    async fn reference(&self) -> &str {
        &self.0.reference
    }
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        Merchant::load(ctx, self.0.merchant_id).await
    }
    /// The destination.
    async fn warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        Warehouse::load(ctx, self.0.warehouse_id).await
    }
    async fn mode(&self) -> Enum<FirstLegMode> {
        Enum(self.0.mode)
    }
    /// ISO 6346 container number (sea, rail), upper case.
    async fn container_number(&self) -> Option<&str> {
        self.0.container_number.as_deref()
    }
    /// Bill of lading, air waybill or courier tracking number.
    async fn waybill_number(&self) -> Option<&str> {
        self.0.waybill_number.as_deref()
    }
    async fn carrier_name(&self) -> Option<&str> {
        self.0.carrier_name.as_deref()
    }
    /// Expected arrival, a date in the warehouse's time zone.
    async fn eta(&self) -> Option<NaiveDate> {
        self.0.eta
    }
    async fn cartons(&self) -> Option<i32> {
        self.0.cartons
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn status(&self) -> Enum<ShipmentStatus> {
        Enum(self.0.status)
    }
    /// In the order announced.
    async fn lines(&self) -> Vec<InboundLine> {
        self.0.lines.iter().map(|l| InboundLine::new(l.clone(), &self.0)).collect()
    }
    async fn expected_units(&self) -> i32 {
        units(self.0.expected_units())
    }
    /// Units scanned in, damaged ones included.
    async fn received_units(&self) -> i32 {
        units(self.0.received_units())
    }
    async fn damaged_units(&self) -> i32 {
        units(self.0.damaged_units())
    }
    async fn put_away_units(&self) -> i32 {
        units(self.0.put_away_units())
    }
    /// `receivedUnits / expectedUnits`: 1.0 when all arrived, above for an over-receipt.
    async fn progress(&self) -> f64 {
        progress(self.0.received_units(), self.0.expected_units())
    }
    /// True when some line is short, over or damaged (short counts only
    /// once the shipment is closed).
    async fn has_discrepancies(&self) -> bool {
        let closed = self.0.status == ShipmentStatus::Received;
        self.0.lines.iter().any(|l| match l.discrepancy() {
            Discrepancy::None => false,
            Discrepancy::Short => closed,
            _ => true,
        })
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The first unit scanned in.
    async fn arrived_at(&self) -> Option<DateTime<Utc>> {
        self.0.arrived_at
    }
    /// Closed as received, or cancelled.
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
}

pub struct InboundLine {
    line: shipments::InboundLine,
    warehouse_id: Uuid,
    status: ShipmentStatus,
}

impl InboundLine {
    pub fn new(line: shipments::InboundLine, shipment: &shipments::InboundShipment) -> Self {
        Self { line, warehouse_id: shipment.warehouse_id, status: shipment.status }
    }
}

/// One SKU (and lot) of a shipment, counted in units.
#[Object]
impl InboundLine {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(INBOUND_LINE, self.line.id)
    }
    async fn shipment_id(&self) -> ID {
        ids::encode(INBOUND_SHIPMENT, self.line.shipment_id)
    }
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.line.sku_id).await
    }
    /// Null for a SKU whose lots are not tracked.
    async fn lot(&self) -> Option<&str> {
        self.line.lot.as_deref()
    }
    async fn expires_on(&self) -> Option<NaiveDate> {
        self.line.expires_on
    }
    async fn expected(&self) -> i32 {
        units(self.line.expected)
    }
    /// Every unit scanned in, damaged ones included.
    async fn received(&self) -> i32 {
        units(self.line.received)
    }
    /// The part of `received` that went to the damaged location.
    async fn damaged(&self) -> i32 {
        units(self.line.damaged)
    }
    /// Good units moved on to storage.
    async fn put_away(&self) -> i32 {
        units(self.line.put_away)
    }
    /// Good units still at the receiving location.
    async fn awaiting_putaway(&self) -> i32 {
        units(self.line.awaiting_putaway())
    }
    /// Units expected and not received (what a closed line was short).
    async fn short_units(&self) -> i32 {
        units(self.line.outstanding())
    }
    /// Units received beyond those expected.
    async fn over_units(&self) -> i32 {
        units(self.line.over())
    }
    /// How the count differs from the notice; null for a cancelled shipment.
    /// SHORT on an open shipment means not all units have arrived yet.
    async fn discrepancy(&self) -> Option<Enum<Discrepancy>> {
        (self.status != ShipmentStatus::Cancelled).then(|| Enum(self.line.discrepancy()))
    }
    /// `received / expected`.
    async fn progress(&self) -> f64 {
        progress(self.line.received, self.line.expected)
    }
    /// Where to put the units away: the PICK or BULK location already
    /// holding most of this SKU, else the first empty PICK location. Null
    /// for callers who cannot put away (`inventory:write`) and when the
    /// warehouse has no such location. One lookup per line: ask for it on
    /// one shipment, not on a listing.
    async fn suggested_putaway_location(&self, ctx: &Context<'_>) -> Result<Option<Location>> {
        let (warehouse, sku) = (self.warehouse_id, self.line.sku_id);
        let found = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| receiving::suggested_location(tx, warehouse, sku).await)
            .await
            .or_gql()?;
        match found {
            Some(id) => Location::load(ctx, id).await,
            None => Ok(None),
        }
    }
}

pub async fn shipment_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<InboundShipment>> {
    let found = db(ctx).read(&tenant_ctx(ctx)?, async |tx| shipments::get(tx, id).await).await.or_gql()?;
    Ok(found.map(InboundShipment))
}

pub async fn line_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<InboundLine>> {
    let found = db(ctx)
        .read(&tenant_ctx(ctx)?, async |tx| {
            let Some(line) = shipments::line(tx, id).await? else { return Ok(None) };
            Ok(shipments::get(tx, line.shipment_id).await?.map(|s| InboundLine::new(line, &s)))
        })
        .await
        .or_gql()?;
    Ok(found)
}

#[derive(Default)]
pub struct InboundShipmentsQuery;

#[Object]
impl InboundShipmentsQuery {
    /// Inbound shipments with their lines, newest first. A merchant user or
    /// merchant-bound client sees only its own merchant's. `query` matches
    /// a prefix of the reference, container or waybill number.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn inbound_shipments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        status: Option<Enum<ShipmentStatus>>,
        merchant_id: Option<ID>,
        warehouse_id: Option<ID>,
        query: Option<String>,
    ) -> Result<CountedConnection<InboundShipment>> {
        let request = page_request(first, after, last, before)?;
        let filter = ShipmentFilter {
            status: status.map(Enum::into_inner),
            merchant_id: ids::decode_opt(MERCHANT, "merchantId", merchant_id.as_ref()).or_gql()?,
            warehouse_id: ids::decode_opt(WAREHOUSE, "warehouseId", warehouse_id.as_ref()).or_gql()?,
            query,
        };
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let (page, total) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = shipments::list(tx, &request, &filter).await?;
                let total = if count_too { shipments::count(tx, &filter).await? } else { 0 };
                Ok((page, total))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, InboundShipment))
    }
}
