//! Shipping: a PACKED order's packages are handed to a carrier through its
//! adapter ([`super::carriers`]), one shipment per package, with the
//! warehouse as sender and the order's ship-to as recipient. Each shipment
//! keeps its carrier, tracking number and label (a PDF or ZPL document);
//! the order becomes SHIPPED with the tracking numbers in its timeline.
//! Shipping is idempotent by key; an order that is not packed is refused.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::carriers::{
    self, CarrierCode, CarrierError, LabelFormat, Package, ServiceLevel, ShipFrom, ShipmentRequest, TrackingStatus,
};
use super::entities::{package, shipment, tracking_event};
use super::{messages, tracking};
use crate::catalog::Dimensions;
use crate::inventory::placement;
use crate::orders::ORDER;
use crate::orders::entities::{order, order_allocation};
use crate::orders::intake;
use crate::orders::read::{self, Order};
use crate::orders::status::{OrderEventKind, OrderStatus};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::i18n::Message;
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::tenancy::TenantTx;

#[derive(Debug, Clone, Serialize)]
pub struct ShipOrder {
    pub order_id: Uuid,
    pub carrier: CarrierCode,
    /// What the operator typed, for [`CarrierCode::Manual`] only.
    pub tracking_number: Option<String>,
    /// The order's own service level when it names one, else STANDARD.
    pub service_level: Option<ServiceLevel>,
    pub label_format: LabelFormat,
}

/// One thing a carrier reported of a shipment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingEvent {
    pub status: TrackingStatus,
    /// When it happened (UTC).
    pub occurred_at: DateTime<Utc>,
}

/// A package handed to a carrier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipment {
    pub id: Uuid,
    pub order_id: Uuid,
    pub package_id: Uuid,
    pub carrier: CarrierCode,
    pub tracking_number: String,
    pub service_level: ServiceLevel,
    /// None when the carrier printed no label (manual shipping).
    pub label_format: Option<LabelFormat>,
    pub status: TrackingStatus,
    pub shipped_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    /// Oldest first.
    pub events: Vec<TrackingEvent>,
}

/// A shipment's label document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub format: LabelFormat,
    pub tracking_number: String,
    pub bytes: Vec<u8>,
}

/// Ships a packed order; a retry with the same key returns the first result.
pub async fn ship(tx: &mut TenantTx, input: ShipOrder, key: Option<&IdempotencyKey>) -> DomainResult<Order> {
    let request = input.clone();
    idempotency::once(tx, key, "orderShip", &request, async |tx| ship_now(tx, input).await).await
}

/// What the user can fix of a carrier's refusal.
fn refusal(error: CarrierError) -> DomainError {
    let (field, message) = match &error {
        CarrierError::TrackingNumberMissing => ("trackingNumber", messages::tracking_number_missing()),
        CarrierError::TrackingNumberInvalid(number) => ("trackingNumber", messages::tracking_number_invalid(number)),
        CarrierError::Weight { grams, max_grams } => {
            ("orderId", messages::too_heavy(i64::from(*grams), i64::from(*max_grams)))
        }
        CarrierError::Size { max_mm } => ("orderId", messages::too_big(i64::from(*max_mm))),
        CarrierError::UnknownTrackingNumber(_) | CarrierError::Label(_) => {
            return DomainError::Internal(format!("the carrier failed: {error}"));
        }
    };
    DomainError::user(field, UserErrorCode::Invalid, message)
}

/// The warehouse the order's units were reserved (and so picked) in.
async fn warehouse_of(tx: &TenantTx, order_id: Uuid) -> DomainResult<ShipFrom> {
    let allocation = tx
        .find::<order_allocation::Entity>()
        .filter(order_allocation::Column::OrderId.eq(order_id))
        .filter(order_allocation::Column::ReleasedAt.is_null())
        .one(tx.conn())
        .await?
        .ok_or_else(|| DomainError::internal("a packed order has no reservation"))?;
    let warehouse = placement::warehouse(tx, allocation.warehouse_id)
        .await?
        .ok_or_else(|| DomainError::internal("the order's warehouse vanished"))?;
    Ok(ShipFrom { name: warehouse.name, country: warehouse.country, address: warehouse.address })
}

async fn ship_now(tx: &mut TenantTx, input: ShipOrder) -> DomainResult<Order> {
    tx.ctx().require(Permission::FulfilmentWrite)?;
    // Locked: an order ships once however many ask at once.
    let row = tx.find_by_id::<order::Entity>(input.order_id).lock_exclusive().one(tx.conn()).await?;
    let row = row.ok_or_else(|| DomainError::not_found("orderId"))?;
    if row.status != OrderStatus::Packed.as_str() {
        return Err(DomainError::user("orderId", UserErrorCode::Invalid, messages::not_packed(&row.status)));
    }
    let typed = input.tracking_number.as_deref().is_some_and(|t| !t.trim().is_empty());
    if typed && input.carrier != CarrierCode::Manual {
        let message = messages::tracking_number_manual_only();
        return Err(DomainError::user("trackingNumber", UserErrorCode::Invalid, message));
    }
    let order = read::read_one(tx, row.id).await?.ok_or_else(|| DomainError::internal("order vanished"))?;
    let service = input
        .service_level
        .or_else(|| order.service_level.as_deref().and_then(|s| ServiceLevel::parse(&s.to_lowercase())))
        .unwrap_or(ServiceLevel::Standard);
    let ship_from = warehouse_of(tx, row.id).await?;
    let packages = tx
        .find::<package::Entity>()
        .filter(package::Column::OrderId.eq(row.id))
        .order_by_asc(package::Column::Number)
        .all(tx.conn())
        .await?;
    let carrier = carriers::carrier(input.carrier);
    let mut numbers = Vec::new();
    for p in &packages {
        let request = ShipmentRequest {
            reference: format!("{}/{}", order.reference, p.number),
            ship_from: ship_from.clone(),
            ship_to: order.ship_to.clone(),
            package: Package {
                weight_grams: p.weight_grams,
                dimensions: Dimensions { length: p.length_mm, width: p.width_mm, height: p.height_mm },
            },
            service,
            label_format: input.label_format,
            tracking_number: input.tracking_number.clone(),
        };
        let made = carrier.create_shipment(&request).await.map_err(refusal)?;
        let saved = tx
            .insert(shipment::ActiveModel {
                tenant_id: Set(tx.tenant_id()),
                id: Set(new_id()),
                merchant_id: Set(row.merchant_id),
                order_id: Set(row.id),
                package_id: Set(p.id),
                carrier: Set(made.carrier.as_str().to_owned()),
                tracking_number: Set(made.tracking_number.clone()),
                service_level: Set(made.service.as_str().to_owned()),
                label_format: Set(made.label.as_ref().map(|l| l.format.as_str().to_owned())),
                label: Set(made.label.map(|l| l.bytes)),
                status: Set(TrackingStatus::LabelCreated.as_str().to_owned()),
                shipped_at: Set(made.created_at),
                delivered_at: Set(None),
            })
            .await?;
        // Every shipment's tracking starts with its label, known now; the
        // tracking poll adds what the carrier reports later.
        tx.insert(tracking_event::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(new_id()),
            merchant_id: Set(row.merchant_id),
            shipment_id: Set(saved.id),
            order_id: Set(row.id),
            status: Set(TrackingStatus::LabelCreated.as_str().to_owned()),
            occurred_at: Set(saved.shipped_at),
            recorded_at: Set(crate::platform::clock::now()),
        })
        .await?;
        numbers.push(made.tracking_number);
    }
    if numbers.is_empty() {
        return Err(DomainError::internal("a packed order has no package"));
    }
    if input.carrier == CarrierCode::Simulated {
        tracking::enqueue_now(tx, row.id).await?;
    }
    intake::set_status(tx, row.id, OrderStatus::Shipped).await?;
    let detail = Some(numbers.join(", "));
    intake::record(tx, &row, OrderStatus::Shipped, OrderEventKind::Shipped, detail).await?;
    let change = Change::of("order.ship", ORDER, row.id).before(json!({"status": row.status})).after(json!({
        "status": "shipped", "carrier": input.carrier.as_str(), "service": service.as_str(),
        "trackingNumbers": numbers, "packages": packages.len()}));
    audit::record(tx, change).await?;
    read::read_one(tx, row.id).await?.ok_or_else(|| DomainError::internal("order vanished"))
}

fn stored<T: crate::platform::text_enum::TextEnum>(what: &str, text: &str) -> DomainResult<T> {
    T::parse(text).ok_or_else(|| DomainError::Internal(format!("stored {what} `{text}` is unknown")))
}

/// The shipments of `order_ids` with their events, by order, oldest first.
/// The caller reads the orders (`orders:read`); owner scoping applies.
pub async fn of_orders(tx: &TenantTx, order_ids: &[Uuid]) -> DomainResult<HashMap<Uuid, Vec<Shipment>>> {
    tx.ctx().require(Permission::OrdersRead)?;
    let rows = tx
        .find::<shipment::Entity>()
        .filter(shipment::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(shipment::Column::Id)
        .all(tx.conn())
        .await?;
    let events = tx
        .find::<tracking_event::Entity>()
        .filter(tracking_event::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(tracking_event::Column::OccurredAt)
        .all(tx.conn())
        .await?;
    let mut events_of: HashMap<Uuid, Vec<TrackingEvent>> = HashMap::new();
    for e in events {
        let event = TrackingEvent { status: stored("tracking status", &e.status)?, occurred_at: e.occurred_at };
        events_of.entry(e.shipment_id).or_default().push(event);
    }
    let mut by_order: HashMap<Uuid, Vec<Shipment>> = HashMap::new();
    for s in rows {
        let shipment = Shipment {
            id: s.id,
            order_id: s.order_id,
            package_id: s.package_id,
            carrier: stored("carrier", &s.carrier)?,
            tracking_number: s.tracking_number,
            service_level: stored("service level", &s.service_level)?,
            label_format: s.label_format.as_deref().map(|f| stored("label format", f)).transpose()?,
            status: stored("tracking status", &s.status)?,
            shipped_at: s.shipped_at,
            delivered_at: s.delivered_at,
            events: events_of.remove(&s.id).unwrap_or_default(),
        };
        by_order.entry(s.order_id).or_default().push(shipment);
    }
    Ok(by_order)
}

/// The shipment `id`, if the caller may read its order.
pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Shipment>> {
    tx.ctx().require(Permission::OrdersRead)?;
    let Some(row) = tx.find_by_id::<shipment::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    let mut of_order = of_orders(tx, &[row.order_id]).await?.remove(&row.order_id).unwrap_or_default();
    Ok(of_order.iter().position(|s| s.id == id).map(|i| of_order.swap_remove(i)))
}

/// The label of shipment `id`, if it has one and the caller may read its order.
pub async fn label(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Label>> {
    tx.ctx().require(Permission::OrdersRead)?;
    let Some(row) = tx.find_by_id::<shipment::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    let (Some(format), Some(bytes)) = (row.label_format, row.label) else { return Ok(None) };
    Ok(Some(Label { format: stored("label format", &format)?, tracking_number: row.tracking_number, bytes }))
}

/// What a tracking status means, in words for people.
pub fn describe(status: TrackingStatus) -> Message {
    match status {
        TrackingStatus::LabelCreated => messages::tracking_label_created(),
        TrackingStatus::PickedUp => messages::tracking_picked_up(),
        TrackingStatus::InTransit => messages::tracking_in_transit(),
        TrackingStatus::OutForDelivery => messages::tracking_out_for_delivery(),
        TrackingStatus::Delivered => messages::tracking_delivered(),
        TrackingStatus::Exception => messages::tracking_exception(),
    }
}
