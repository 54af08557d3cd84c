//! Reading orders: one with its lines, where each line's units were
//! reserved and why, and its timeline; lists with filters. A merchant user
//! or merchant-bound client reads only its own merchant's orders.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::LikeExpr;
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter, QueryOrder, Select};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::addresses::ShipTo;
use super::entities::{order, order_allocation, order_event, order_line};
use super::status::{AllocationRule, OrderChannel, OrderEventKind, OrderStatus};
use crate::platform::access::Permission;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::paging::{self, Order as PageOrder, Page, PageRequest};
use crate::platform::tenancy::TenantTx;

/// Units of a line reserved in one warehouse, and why there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub warehouse_id: Uuid,
    pub quantity: i64,
    pub rule: AllocationRule,
    /// From the warehouse's country to the destination's.
    pub distance_km: Option<i32>,
    /// The SKU's available units there just before.
    pub available_before: i64,
    pub created_at: DateTime<Utc>,
    /// When the units were given back (the order was cancelled).
    pub released_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub id: Uuid,
    pub sku_id: Uuid,
    /// Units ordered.
    pub quantity: i64,
    /// Units reserved so far; the rest are backordered.
    pub allocated: i64,
    pub allocations: Vec<Allocation>,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub status: OrderStatus,
    pub kind: OrderEventKind,
    pub detail: Option<String>,
    pub actor: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: Uuid,
    pub merchant_id: Uuid,
    /// The merchant's own reference, unique per merchant.
    pub reference: String,
    pub channel: OrderChannel,
    pub status: OrderStatus,
    pub ship_to: ShipTo,
    pub service_level: Option<String>,
    pub note: Option<String>,
    pub lines: Vec<Line>,
    /// Oldest first.
    pub events: Vec<Event>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn stored<T: crate::platform::text_enum::TextEnum>(what: &str, text: &str) -> DomainResult<T> {
    T::parse(text).ok_or_else(|| DomainError::Internal(format!("stored {what} `{text}` is unknown")))
}

fn ship_to(m: &order::Model) -> ShipTo {
    ShipTo {
        name: m.ship_to_name.clone(),
        company: m.ship_to_company.clone(),
        line1: m.ship_to_line1.clone(),
        line2: m.ship_to_line2.clone(),
        city: m.ship_to_city.clone(),
        region: m.ship_to_region.clone(),
        postal_code: m.ship_to_postal_code.clone(),
        country: m.ship_to_country.clone(),
        phone: m.ship_to_phone.clone(),
        email: m.ship_to_email.clone(),
    }
}

/// The orders of `rows` with their lines, allocations and events, in three
/// more queries however many rows.
pub(super) async fn assemble(tx: &TenantTx, rows: Vec<order::Model>) -> DomainResult<Vec<Order>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let lines = tx
        .find::<order_line::Entity>()
        .filter(order_line::Column::OrderId.is_in(ids.clone()))
        .order_by_asc(order_line::Column::Position)
        .all(tx.conn())
        .await?;
    let allocations = tx
        .find::<order_allocation::Entity>()
        .filter(order_allocation::Column::OrderId.is_in(ids.clone()))
        .order_by_asc(order_allocation::Column::Id)
        .all(tx.conn())
        .await?;
    let events = tx
        .find::<order_event::Entity>()
        .filter(order_event::Column::OrderId.is_in(ids))
        .order_by_asc(order_event::Column::Id)
        .all(tx.conn())
        .await?;
    let mut by_line: HashMap<Uuid, Vec<Allocation>> = HashMap::new();
    for a in allocations {
        by_line.entry(a.line_id).or_default().push(Allocation {
            warehouse_id: a.warehouse_id,
            quantity: a.quantity,
            rule: stored("allocation rule", &a.rule)?,
            distance_km: a.distance_km,
            available_before: a.available_before,
            created_at: a.created_at,
            released_at: a.released_at,
        });
    }
    let mut lines_of: HashMap<Uuid, Vec<Line>> = HashMap::new();
    for l in lines {
        lines_of.entry(l.order_id).or_default().push(Line {
            id: l.id,
            sku_id: l.sku_id,
            quantity: l.quantity,
            allocated: l.allocated,
            allocations: by_line.remove(&l.id).unwrap_or_default(),
        });
    }
    let mut events_of: HashMap<Uuid, Vec<Event>> = HashMap::new();
    for e in events {
        events_of.entry(e.order_id).or_default().push(Event {
            status: stored("order status", &e.status)?,
            kind: stored("order event", &e.kind)?,
            detail: e.detail,
            actor: e.actor,
            created_at: e.created_at,
        });
    }
    rows.into_iter()
        .map(|m| {
            Ok(Order {
                id: m.id,
                merchant_id: m.merchant_id,
                channel: stored("order channel", &m.channel)?,
                status: stored("order status", &m.status)?,
                ship_to: ship_to(&m),
                service_level: m.service_level.clone(),
                note: m.note.clone(),
                lines: lines_of.remove(&m.id).unwrap_or_default(),
                events: events_of.remove(&m.id).unwrap_or_default(),
                created_at: m.created_at,
                updated_at: m.updated_at,
                reference: m.reference,
            })
        })
        .collect()
}

/// Which orders a list covers; each field given narrows it.
#[derive(Debug, Clone, Default)]
pub struct OrderFilter {
    pub status: Option<OrderStatus>,
    pub merchant_id: Option<Uuid>,
    /// Keeps the orders whose reference starts with it.
    pub query: Option<String>,
}

impl OrderFilter {
    fn select(&self, tx: &TenantTx) -> Select<order::Entity> {
        let mut select = tx.find::<order::Entity>();
        if let Some(status) = self.status {
            select = select.filter(order::Column::Status.eq(status.as_str()));
        }
        if let Some(id) = self.merchant_id {
            select = select.filter(order::Column::MerchantId.eq(id));
        }
        if let Some(query) = self.query.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let pattern = format!("{}%", query.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
            select = select.filter(order::Column::Reference.like(LikeExpr::new(pattern).escape('\\')));
        }
        select
    }
}

/// Orders, newest first, each whole.
pub async fn list(tx: &TenantTx, request: &PageRequest, filter: &OrderFilter) -> DomainResult<Page<Order>> {
    tx.ctx().require(Permission::OrdersRead)?;
    let page = paging::fetch(tx, filter.select(tx), PageOrder::NewestFirst, request).await?;
    let (ids, rows): (Vec<Uuid>, Vec<order::Model>) = page.items.into_iter().unzip();
    let items = ids.into_iter().zip(assemble(tx, rows).await?).collect();
    Ok(Page { items, has_next_page: page.has_next_page, has_previous_page: page.has_previous_page })
}

pub async fn count(tx: &TenantTx, filter: &OrderFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::OrdersRead)?;
    Ok(filter.select(tx).count(tx.conn()).await?)
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Order>> {
    tx.ctx().require(Permission::OrdersRead)?;
    read_one(tx, id).await
}

/// [`get`] for a writer of this context that has checked its own permission.
pub(crate) async fn read_one(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Order>> {
    let Some(row) = tx.find_by_id::<order::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    Ok(assemble(tx, vec![row]).await?.pop())
}
