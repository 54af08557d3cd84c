//! Changing inbound shipments: `inboundCreate` and `inboundCancel` (the
//! merchant's), `inboundReceive`, `inboundPutaway` and `inboundClose` (the
//! warehouse's).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::NaiveDate;
use domain::catalog::{MERCHANT, SKU};
use domain::inbound::receiving::{self, LineChange, Putaway, Receipt};
use domain::inbound::shipments::{self, FirstLegMode, NewLine, NewShipment};
use domain::inbound::{INBOUND_LINE, INBOUND_SHIPMENT};
use domain::inventory::{LOCATION, WAREHOUSE};
use domain::{DomainResult, platform::idempotency::IdempotencyKey};

use super::shipments::{InboundLine, InboundShipment};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{UserError, into_payload};

/// One SKU (and lot) announced.
#[derive(InputObject)]
pub struct InboundLineInput {
    /// A SKU of the shipment's merchant.
    sku_id: ID,
    /// Units, above zero.
    expected: i32,
    /// Required for a SKU whose lots are tracked, left out otherwise.
    lot: Option<String>,
    /// Required for a SKU whose expiry is tracked, left out otherwise.
    expires_on: Option<NaiveDate>,
}

/// An advance shipping notice: its lines' units become `incoming` stock
/// of the warehouse at once.
#[derive(InputObject)]
pub struct InboundCreateInput {
    /// The merchant whose goods these are; a merchant user's own when left out.
    merchant_id: Option<ID>,
    /// The destination warehouse.
    warehouse_id: ID,
    /// The merchant's own reference, 1 to 64 characters, unique per merchant.
    reference: String,
    mode: Enum<FirstLegMode>,
    /// ISO 6346 container number (sea, rail); up to 64 characters.
    container_number: Option<String>,
    /// Bill of lading, air waybill or courier tracking number; up to 64 characters.
    waybill_number: Option<String>,
    /// Up to 100 characters.
    carrier_name: Option<String>,
    /// Expected arrival, a date in the warehouse's time zone.
    eta: Option<NaiveDate>,
    /// Cartons (or pallets) in the shipment, zero or more.
    cartons: Option<i32>,
    /// Up to 500 characters.
    note: Option<String>,
    /// 1 to 500 lines, one per SKU and lot.
    lines: Vec<InboundLineInput>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

/// A shipment to cancel (nothing received yet) or close (receiving done).
#[derive(InputObject)]
pub struct InboundShipmentIdInput {
    id: ID,
}

/// Units of one line counted in, found by a scan (a barcode or the SKU's
/// code) or by SKU.
#[derive(InputObject)]
pub struct InboundReceiveInput {
    shipment_id: ID,
    /// What the scanner read; a barcode not on the shipment is refused
    /// (`NOT_FOUND` on `barcode`) and changes nothing.
    barcode: Option<String>,
    /// The SKU, when chosen rather than scanned.
    sku_id: Option<ID>,
    /// Units, above zero; one scan is one unit.
    #[graphql(default = 1)]
    quantity: i32,
    /// Damaged units go to the warehouse's DAMAGED location.
    #[graphql(default)]
    damaged: bool,
    /// A RECEIVING location of the shipment's warehouse; its first one by
    /// code when left out.
    location_id: Option<ID>,
}

/// Units of one line moved from the receiving location to storage.
#[derive(InputObject)]
pub struct InboundPutawayInput {
    shipment_id: ID,
    line_id: Option<ID>,
    /// The line of this SKU with units awaiting putaway, when no line is named.
    sku_id: Option<ID>,
    /// Units, above zero, at most the line's `awaitingPutaway`.
    quantity: i32,
    to_location_id: ID,
}

#[derive(SimpleObject)]
pub struct InboundShipmentPayload {
    inbound_shipment: Option<InboundShipment>,
    user_errors: Vec<UserError>,
}

impl InboundShipmentPayload {
    fn of(result: DomainResult<shipments::InboundShipment>) -> Result<Self> {
        let (shipment, user_errors) = into_payload(result)?;
        Ok(Self { inbound_shipment: shipment.map(InboundShipment), user_errors })
    }
}

/// A shipment after a change to one of its lines, and that line.
#[derive(SimpleObject)]
pub struct InboundLinePayload {
    inbound_shipment: Option<InboundShipment>,
    line: Option<InboundLine>,
    user_errors: Vec<UserError>,
}

impl InboundLinePayload {
    fn of(result: DomainResult<LineChange>) -> Result<Self> {
        let (change, user_errors) = into_payload(result)?;
        let Some(LineChange { shipment, line_id }) = change else {
            return Ok(Self { inbound_shipment: None, line: None, user_errors });
        };
        let line = shipment.lines.iter().find(|l| l.id == line_id).map(|l| InboundLine::new(l.clone(), &shipment));
        Ok(Self { inbound_shipment: Some(InboundShipment(shipment)), line, user_errors })
    }
}

fn new_shipment(input: InboundCreateInput) -> DomainResult<(NewShipment, Option<String>)> {
    let lines = input
        .lines
        .into_iter()
        .map(|line| {
            Ok(NewLine {
                sku_id: ids::decode(SKU, "lines", &line.sku_id)?,
                expected: line.expected.into(),
                lot: line.lot,
                expires_on: line.expires_on,
            })
        })
        .collect::<DomainResult<Vec<_>>>()?;
    let new = NewShipment {
        merchant_id: ids::decode_opt(MERCHANT, "merchantId", input.merchant_id.as_ref())?,
        warehouse_id: ids::decode(WAREHOUSE, "warehouseId", &input.warehouse_id)?,
        reference: input.reference,
        mode: input.mode.into_inner(),
        container_number: input.container_number,
        waybill_number: input.waybill_number,
        carrier_name: input.carrier_name,
        eta: input.eta,
        cartons: input.cartons,
        note: input.note,
        lines,
    };
    Ok((new, input.idempotency_key))
}

#[derive(Default)]
pub struct InboundMutations;

#[Object]
impl InboundMutations {
    /// Announces an inbound shipment (ASN); its units become incoming.
    async fn inbound_create(&self, ctx: &Context<'_>, input: InboundCreateInput) -> Result<InboundShipmentPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let (new, key) = new_shipment(input)?;
            let key: Option<IdempotencyKey> = idempotency_key(ctx, key.as_deref())?;
            db(ctx).write(&tctx, async |tx| shipments::create(tx, new, key.as_ref()).await).await
        };
        InboundShipmentPayload::of(result.await)
    }

    /// Cancels a shipment nothing was received of; its units are no longer incoming.
    async fn inbound_cancel(&self, ctx: &Context<'_>, input: InboundShipmentIdInput) -> Result<InboundShipmentPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(INBOUND_SHIPMENT, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| shipments::cancel(tx, id).await).await
        };
        InboundShipmentPayload::of(result.await)
    }

    /// Counts units of one line in: one scan, one unit (or `quantity`).
    async fn inbound_receive(&self, ctx: &Context<'_>, input: InboundReceiveInput) -> Result<InboundLinePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let receipt = Receipt {
                shipment_id: ids::decode(INBOUND_SHIPMENT, "shipmentId", &input.shipment_id)?,
                barcode: input.barcode,
                sku_id: ids::decode_opt(SKU, "skuId", input.sku_id.as_ref())?,
                quantity: input.quantity.into(),
                damaged: input.damaged,
                location_id: ids::decode_opt(LOCATION, "locationId", input.location_id.as_ref())?,
            };
            db(ctx).write(&tctx, async |tx| receiving::receive(tx, receipt).await).await
        };
        InboundLinePayload::of(result.await)
    }

    /// Puts units of one line away from the receiving location to storage.
    async fn inbound_putaway(&self, ctx: &Context<'_>, input: InboundPutawayInput) -> Result<InboundLinePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let putaway = Putaway {
                shipment_id: ids::decode(INBOUND_SHIPMENT, "shipmentId", &input.shipment_id)?,
                line_id: ids::decode_opt(INBOUND_LINE, "lineId", input.line_id.as_ref())?,
                sku_id: ids::decode_opt(SKU, "skuId", input.sku_id.as_ref())?,
                quantity: input.quantity.into(),
                to_location_id: ids::decode(LOCATION, "toLocationId", &input.to_location_id)?,
            };
            db(ctx).write(&tctx, async |tx| receiving::put_away(tx, putaway).await).await
        };
        InboundLinePayload::of(result.await)
    }

    /// Closes a shipment as received: each line's discrepancy is settled
    /// and what never came is no longer incoming.
    async fn inbound_close(&self, ctx: &Context<'_>, input: InboundShipmentIdInput) -> Result<InboundShipmentPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(INBOUND_SHIPMENT, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| receiving::close(tx, id).await).await
        };
        InboundShipmentPayload::of(result.await)
    }
}
