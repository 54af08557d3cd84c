//! Tracking: every minute, in every tenant, the shipments of carriers that
//! report tracking (the simulated one) and are not yet delivered are
//! polled; each status newly reported is recorded once (a repeated poll
//! records nothing twice), and an order whose every shipment is delivered
//! becomes DELIVERED. Shipping also writes one such job at once
//! ([`enqueue_now`]), so the label's first event is recorded without
//! waiting for the minute; the jobs platform has no delayed jobs, so what
//! happens later is the schedule's to find.
//!
//! A manual carrier reports nothing itself: the warehouse [`report`]s what
//! its carrier said (collected, in transit, delivered, or an exception with
//! what went wrong). An exception makes a SHIPPED order EXCEPTION, for a
//! person to follow up; a delivery after it makes it DELIVERED.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use super::carriers::{self, CarrierCode, ServiceLevel, TrackingStatus};
use super::entities::{shipment, tracking_event};
use super::messages;
use crate::orders::ORDER;
use crate::orders::entities::order;
use crate::orders::intake;
use crate::orders::read::{self, Order};
use crate::orders::status::{OrderEventKind, OrderStatus};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::ids::new_id;
use crate::platform::jobs::schedule::{Schedule, Zone};
use crate::platform::jobs::{self, NewJob};
use crate::platform::tenancy::TenantTx;

/// Every minute, in every tenant: poll the carriers for what moved.
pub const SCHEDULE: Schedule = Schedule::each_tenant("fulfilment.track_shipments", "0 * * * * *", Zone::Utc);

/// Writes a tracking run of this tenant to the queue, in the caller's
/// transaction: one per order shipped (a retry writes none).
pub(super) async fn enqueue_now(tx: &mut TenantTx, order_id: Uuid) -> DomainResult<()> {
    let mut job = NewJob::new(SCHEDULE.name, json!({}));
    job.dedupe_key = Some(format!("{}:{order_id}", SCHEDULE.name));
    jobs::enqueue(tx, job).await?;
    Ok(())
}

/// Most shipments one run polls, longest undelivered first; the next run goes on.
const PER_RUN: u64 = 500;

/// What a run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Polled {
    pub events: usize,
    pub delivered_orders: usize,
}

fn parse<T: crate::platform::text_enum::TextEnum>(what: &str, text: &str) -> DomainResult<T> {
    T::parse(text).ok_or_else(|| DomainError::Internal(format!("stored {what} `{text}` is unknown")))
}

/// Polls the carriers once for this tenant's undelivered shipments.
pub async fn poll(tx: &mut TenantTx) -> DomainResult<Polled> {
    let open = tx
        .find::<shipment::Entity>()
        .filter(shipment::Column::Carrier.eq(CarrierCode::Simulated.as_str()))
        .filter(shipment::Column::DeliveredAt.is_null())
        .order_by_asc(shipment::Column::Id)
        .limit(PER_RUN)
        .all(tx.conn())
        .await?;
    let ids: Vec<Uuid> = open.iter().map(|s| s.id).collect();
    let known: HashSet<(Uuid, String)> = tx
        .find::<tracking_event::Entity>()
        .filter(tracking_event::Column::ShipmentId.is_in(ids))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|e| (e.shipment_id, e.status))
        .collect();
    let mut polled = Polled::default();
    let mut delivered_orders: Vec<Uuid> = Vec::new();
    for row in open {
        let carrier = parse::<CarrierCode>("carrier", &row.carrier)?;
        let asked = carriers::Shipment {
            carrier,
            tracking_number: row.tracking_number.clone(),
            service: parse::<ServiceLevel>("service level", &row.service_level)?,
            label: None,
            created_at: row.shipped_at,
        };
        let events = match carriers::carrier(carrier).track(&asked).await {
            Ok(events) => events,
            // One shipment the carrier does not know must not stop the others.
            Err(e) => {
                tracing::warn!(shipment = %row.id, error = %e, "tracking failed");
                continue;
            }
        };
        let fresh: Vec<_> =
            events.iter().filter(|e| !known.contains(&(row.id, e.status.as_str().to_owned()))).cloned().collect();
        if fresh.is_empty() {
            continue;
        }
        let now = clock::now();
        for event in &fresh {
            let record = tracking_event::Model {
                tenant_id: tx.tenant_id(),
                id: new_id(),
                merchant_id: row.merchant_id,
                shipment_id: row.id,
                order_id: row.order_id,
                status: event.status.as_str().to_owned(),
                occurred_at: event.at,
                recorded_at: now,
            };
            let unique =
                [tracking_event::Column::TenantId, tracking_event::Column::ShipmentId, tracking_event::Column::Status];
            if tx.insert_unless_exists(record.into_active_model(), unique).await? {
                polled.events += 1;
            }
        }
        let last = events.last().map(|e| (e.status, e.at));
        if let Some((status, at)) = last {
            let mut update = tx
                .update_many::<shipment::Entity>()
                .col_expr(shipment::Column::Status, Expr::value(status.as_str()))
                .filter(shipment::Column::Id.eq(row.id));
            if status == TrackingStatus::Delivered {
                update = update.col_expr(shipment::Column::DeliveredAt, Expr::value(at));
                delivered_orders.push(row.order_id);
            }
            update.exec(tx.conn()).await?;
        }
    }
    delivered_orders.dedup();
    for order_id in delivered_orders {
        if deliver(tx, order_id).await? {
            polled.delivered_orders += 1;
        }
    }
    Ok(polled)
}

/// Longest note of a report, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// What the warehouse reports of a manual shipment, as its carrier told it.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub shipment_id: Uuid,
    /// PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED or EXCEPTION
    /// (LABEL_CREATED is recorded when shipping).
    pub status: TrackingStatus,
    /// When it happened (UTC): not before the shipment left, not in the
    /// future; now when left out.
    pub occurred_at: Option<DateTime<Utc>>,
    /// What went wrong (required for EXCEPTION, up to [`MAX_NOTE_CHARS`]);
    /// it goes on the order's timeline.
    pub note: Option<String>,
}

/// Records `report` on its shipment (`fulfilment:write`): the event (once
/// per status: reporting a status again changes nothing), the shipment's
/// status, and the order's — EXCEPTION from SHIPPED on an exception,
/// DELIVERED once every shipment is delivered. Answers the order.
///
/// Errors (user, nothing changed): `shipmentId` not found, of a carrier
/// that reports itself, or delivered already; `status` LABEL_CREATED;
/// `occurredAt` in the future or before shipping; `note` missing on an
/// exception or too long.
pub async fn report(tx: &mut TenantTx, report: Report) -> DomainResult<Order> {
    tx.ctx().require(Permission::FulfilmentWrite)?;
    // Locked: two reports of one shipment apply one after the other.
    let row = tx.find_by_id::<shipment::Entity>(report.shipment_id).lock_exclusive().one(tx.conn()).await?;
    let row = row.ok_or_else(|| DomainError::not_found("shipmentId"))?;
    let refuse = |field: &str, message| Err(DomainError::user(field, UserErrorCode::Invalid, message));
    if row.carrier != CarrierCode::Manual.as_str() {
        return refuse("shipmentId", messages::tracking_reported_by_carrier());
    }
    if report.status == TrackingStatus::LabelCreated {
        return refuse("status", messages::tracking_not_reportable());
    }
    if row.delivered_at.is_some() {
        return refuse("shipmentId", messages::already_delivered());
    }
    let now = clock::now();
    let at = report.occurred_at.unwrap_or(now);
    if at > now {
        return refuse("occurredAt", messages::tracking_in_future());
    }
    if at < row.shipped_at {
        return refuse("occurredAt", messages::tracking_before_shipping(&row.shipped_at.to_rfc3339()));
    }
    let note = report.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
        return refuse("note", messages::note_too_long(MAX_NOTE_CHARS as i64));
    }
    if report.status == TrackingStatus::Exception && note.is_none() {
        return refuse("note", messages::exception_note_required());
    }
    let order_row = tx.find_by_id::<order::Entity>(row.order_id).lock_exclusive().one(tx.conn()).await?;
    let order_row = order_row.ok_or_else(|| DomainError::internal("a shipment's order vanished"))?;
    let event = tracking_event::Model {
        tenant_id: tx.tenant_id(),
        id: new_id(),
        merchant_id: row.merchant_id,
        shipment_id: row.id,
        order_id: row.order_id,
        status: report.status.as_str().to_owned(),
        occurred_at: at,
        recorded_at: now,
    };
    let unique = [tracking_event::Column::TenantId, tracking_event::Column::ShipmentId, tracking_event::Column::Status];
    if tx.insert_unless_exists(event.into_active_model(), unique).await? {
        let mut update = tx
            .update_many::<shipment::Entity>()
            .col_expr(shipment::Column::Status, Expr::value(report.status.as_str()))
            .filter(shipment::Column::Id.eq(row.id));
        if report.status == TrackingStatus::Delivered {
            update = update.col_expr(shipment::Column::DeliveredAt, Expr::value(at));
        }
        update.exec(tx.conn()).await?;
        match report.status {
            TrackingStatus::Delivered => {
                deliver(tx, row.order_id).await?;
            }
            TrackingStatus::Exception if order_row.status == OrderStatus::Shipped.as_str() => {
                intake::set_status(tx, row.order_id, OrderStatus::Exception).await?;
                let detail = Some(format!("{}: {}", row.tracking_number, note.unwrap_or_default()));
                intake::record(tx, &order_row, OrderStatus::Exception, OrderEventKind::Exception, detail).await?;
            }
            _ => {}
        }
        let after = tx.find_by_id::<order::Entity>(row.order_id).one(tx.conn()).await?.map(|o| o.status);
        let change = Change::of("shipment.report", ORDER, row.order_id)
            .before(json!({"status": order_row.status, "shipment": {"trackingNumber": row.tracking_number, "status": row.status}}))
            .after(json!({"status": after, "shipment": {"trackingNumber": row.tracking_number,
                "status": report.status.as_str(), "occurredAt": at, "note": note}}));
        audit::record(tx, change).await?;
    }
    read::read_one(tx, row.order_id).await?.ok_or_else(|| DomainError::internal("order vanished"))
}

/// Marks a SHIPPED (or EXCEPTION) order DELIVERED when every shipment of it is.
async fn deliver(tx: &mut TenantTx, order_id: Uuid) -> DomainResult<bool> {
    let Some(row) = tx.find_by_id::<order::Entity>(order_id).one(tx.conn()).await? else { return Ok(false) };
    if row.status != OrderStatus::Shipped.as_str() && row.status != OrderStatus::Exception.as_str() {
        return Ok(false);
    }
    let shipments = tx.find::<shipment::Entity>().filter(shipment::Column::OrderId.eq(order_id)).all(tx.conn()).await?;
    if shipments.iter().any(|s| s.delivered_at.is_none()) {
        return Ok(false);
    }
    let numbers: HashMap<&str, ()> = shipments.iter().map(|s| (s.tracking_number.as_str(), ())).collect();
    let mut numbers: Vec<&str> = numbers.into_keys().collect();
    numbers.sort();
    intake::set_status(tx, order_id, OrderStatus::Delivered).await?;
    let detail = Some(numbers.join(", "));
    intake::record(tx, &row, OrderStatus::Delivered, OrderEventKind::Delivered, detail).await?;
    Ok(true)
}
