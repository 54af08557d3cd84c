//! Fulfilment's mutations, all warehouse staff's (`fulfilment:write`):
//! `waveCreate` (idempotent by key), `pickConfirm`, `packageCreate` and
//! `orderShip` (idempotent by key) and `shipmentTrackingReport` (what a
//! manual carrier said; reporting a status again changes nothing).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::catalog::SKU;
use domain::fulfilment::carriers::{CarrierCode, LabelFormat, ServiceLevel, TrackingStatus};
use domain::fulfilment::packing::{self, NewPackage, PackItem};
use domain::fulfilment::picking::{self, PickScan};
use domain::fulfilment::shipping::{self, ShipOrder};
use domain::fulfilment::tracking::{self, Report};
use domain::fulfilment::waves::{self, NewWave};
use domain::fulfilment::{PICK_TASK, SHIPMENT};
use domain::inventory::WAREHOUSE;
use domain::orders::ORDER;
use domain::orders::read;
use domain::platform::access::Permission;

use super::shipments::Package;
use super::waves::{PickTask, Wave};
use crate::graphql::catalog::DimensionsInput;
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{UserError, into_payload};
use crate::graphql::orders::Order;

#[derive(InputObject)]
pub struct WaveCreateInput {
    warehouse_id: ID,
    /// The carrier whose collection the wave is for; recorded on the wave.
    carrier: Option<Enum<CarrierCode>>,
    /// Only orders of exactly one line.
    single_line_only: Option<bool>,
    /// 1 to 250; 50 when left out.
    max_orders: Option<i32>,
    /// The collection's cut-off, `HH:MM` in the warehouse's time zone:
    /// only orders placed before it today are taken.
    cutoff: Option<String>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(SimpleObject)]
pub struct WavePayload {
    wave: Option<Wave>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct PickConfirmInput {
    task_id: ID,
    /// What the scanner read off the location label.
    location_code: String,
    /// What it read off the item: a barcode of the SKU or its code.
    barcode: String,
    /// Units, above zero; 1 when left out (one scan, one unit).
    quantity: Option<i32>,
}

#[derive(SimpleObject)]
pub struct PickConfirmPayload {
    /// The task as it is now.
    task: Option<PickTask>,
    /// Its wave as it is now; `nextTask` is the next one on the path.
    wave: Option<Wave>,
    user_errors: Vec<UserError>,
}

/// Units of one SKU put in the package: scanned or chosen (one of the two).
#[derive(InputObject)]
pub struct PackageItemInput {
    /// What the scanner read: a barcode of the SKU or its code.
    barcode: Option<String>,
    sku_id: Option<ID>,
    /// Units, above zero.
    quantity: i32,
}

#[derive(InputObject)]
pub struct PackageCreateInput {
    order_id: ID,
    items: Vec<PackageItemInput>,
    /// Gross weight, packing included, in grams.
    weight_grams: i32,
    /// Outer size, each side in millimetres (1 or more).
    dimensions_mm: DimensionsInput,
}

#[derive(SimpleObject)]
pub struct PackagePayload {
    package: Option<Package>,
    /// The order as it is now: PACKED once every picked unit is packed.
    order: Option<Order>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct OrderShipInput {
    order_id: ID,
    carrier: Enum<CarrierCode>,
    /// The number the carrier gave, for MANUAL only.
    tracking_number: Option<String>,
    /// The order's own service level when left out (else STANDARD).
    service_level: Option<Enum<ServiceLevel>>,
    /// What the warehouse's printer takes; PDF when left out.
    label_format: Option<Enum<LabelFormat>>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(SimpleObject)]
pub struct OrderShipPayload {
    /// SHIPPED, with its `shipments`.
    order: Option<Order>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct ShipmentTrackingReportInput {
    /// A shipment of the MANUAL carrier (others report their own tracking).
    shipment_id: ID,
    /// PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED or EXCEPTION.
    status: Enum<TrackingStatus>,
    /// When it happened: not before the shipment left, not in the future;
    /// now when left out.
    occurred_at: Option<DateTime<Utc>>,
    /// What went wrong: required for EXCEPTION (up to 500 characters); it
    /// goes on the order's timeline.
    note: Option<String>,
}

#[derive(SimpleObject)]
pub struct ShipmentTrackingReportPayload {
    /// The shipment's order: EXCEPTION after an exception, DELIVERED once
    /// every shipment is delivered.
    order: Option<Order>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct FulfilmentMutations;

#[Object]
impl FulfilmentMutations {
    /// Takes the warehouse's oldest ALLOCATED orders (every unit reserved
    /// there, and in its pick or bulk locations) into a wave and moves them
    /// to PICKING; its pick list comes sorted by location code.
    async fn wave_create(&self, ctx: &Context<'_>, input: WaveCreateInput) -> Result<WavePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = NewWave {
                warehouse_id: ids::decode(WAREHOUSE, "warehouseId", &input.warehouse_id)?,
                carrier: input.carrier.map(Enum::into_inner),
                single_line_only: input.single_line_only.unwrap_or(false),
                max_orders: input.max_orders.map(i64::from),
                cutoff: input.cutoff,
            };
            db(ctx).write(&tctx, async |tx| waves::create(tx, new, key.as_ref()).await).await
        };
        let (wave, user_errors) = into_payload(result.await)?;
        Ok(WavePayload { wave: wave.map(Wave), user_errors })
    }

    /// Confirms a pick by its scans: the location, then the item. A wrong
    /// scan is a user error naming what was scanned and what was expected,
    /// and changes nothing.
    async fn pick_confirm(&self, ctx: &Context<'_>, input: PickConfirmInput) -> Result<PickConfirmPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let task_id = ids::decode(PICK_TASK, "taskId", &input.task_id)?;
            let scan = PickScan {
                task_id,
                location_code: input.location_code,
                barcode: input.barcode,
                quantity: input.quantity.map_or(1, i64::from),
            };
            let wave = db(ctx).write(&tctx, async |tx| picking::confirm(tx, scan).await).await?;
            Ok((wave, task_id))
        };
        let (done, user_errors) = into_payload(result.await)?;
        let (wave, task) = match done {
            Some((wave, id)) => (Some(wave.clone()), wave.tasks.into_iter().find(|t| t.id == id)),
            None => (None, None),
        };
        Ok(PickConfirmPayload { task: task.map(PickTask), wave: wave.map(Wave), user_errors })
    }

    /// Packs picked units of an order into a package; the order is PACKED
    /// when every picked unit is packed.
    async fn package_create(&self, ctx: &Context<'_>, input: PackageCreateInput) -> Result<PackagePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let order_id = ids::decode(ORDER, "orderId", &input.order_id)?;
            let items = input
                .items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let field = format!("items.{i}.skuId");
                    Ok(PackItem {
                        barcode: item.barcode,
                        sku_id: ids::decode_opt(SKU, &field, item.sku_id.as_ref())?,
                        quantity: item.quantity.into(),
                    })
                })
                .collect::<domain::DomainResult<Vec<_>>>()?;
            let new = NewPackage {
                order_id,
                items,
                weight_grams: input.weight_grams,
                dimensions: input.dimensions_mm.into(),
            };
            db(ctx)
                .write(&tctx, async |tx| {
                    let package = packing::create(tx, new).await?;
                    // A client that packs but does not read orders still gets its package.
                    let order =
                        if tx.ctx().can(Permission::OrdersRead) { read::get(tx, order_id).await? } else { None };
                    Ok((package, order))
                })
                .await
        };
        let (done, user_errors) = into_payload(result.await)?;
        let (package, order) = done.map_or((None, None), |(p, o)| (Some(p), o));
        Ok(PackagePayload { package: package.map(Package), order: order.map(Order), user_errors })
    }

    /// Ships a PACKED order: each package is registered with the carrier
    /// (MANUAL takes the tracking number typed; SIMULATED prints a label
    /// and reports tracking over time); the order becomes SHIPPED.
    async fn order_ship(&self, ctx: &Context<'_>, input: OrderShipInput) -> Result<OrderShipPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let ship = ShipOrder {
                order_id: ids::decode(ORDER, "orderId", &input.order_id)?,
                carrier: input.carrier.into_inner(),
                tracking_number: input.tracking_number,
                service_level: input.service_level.map(Enum::into_inner),
                label_format: input.label_format.map_or(LabelFormat::Pdf, Enum::into_inner),
            };
            db(ctx).write(&tctx, async |tx| shipping::ship(tx, ship, key.as_ref()).await).await
        };
        let (order, user_errors) = into_payload(result.await)?;
        Ok(OrderShipPayload { order: order.map(Order), user_errors })
    }

    /// Records what a manual shipment's carrier reported (collected, in
    /// transit, out for delivery, delivered, or an exception saying what
    /// went wrong): an exception makes the SHIPPED order EXCEPTION, a
    /// delivery of its every shipment DELIVERED. Reporting a status the
    /// shipment has had already changes nothing. Needs `fulfilment:write`.
    async fn shipment_tracking_report(
        &self,
        ctx: &Context<'_>,
        input: ShipmentTrackingReportInput,
    ) -> Result<ShipmentTrackingReportPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let report = Report {
                shipment_id: ids::decode(SHIPMENT, "shipmentId", &input.shipment_id)?,
                status: input.status.into_inner(),
                occurred_at: input.occurred_at,
                note: input.note,
            };
            db(ctx).write(&tctx, async |tx| tracking::report(tx, report).await).await
        };
        let (order, user_errors) = into_payload(result.await)?;
        Ok(ShipmentTrackingReportPayload { order: order.map(Order), user_errors })
    }
}
