//! Reading stock: levels per SKU and warehouse, the units in each bin
//! with their age, and the ledger's movements. A merchant user or
//! merchant-bound client reads only its own merchant's stock (owner
//! scoping); everyone else in the tenant with `inventory:read` reads all.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter, Select};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::entities::{bin_stock, stock_level, stock_movement};
use super::quantities::{BinStock, MovementKind, Quantity, StockKey, StockLevel};
use crate::platform::access::Permission;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;

/// One movement of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    pub id: Uuid,
    pub key: StockKey,
    /// The bin of an `on_hand` movement.
    pub location_id: Option<Uuid>,
    pub lot: Option<String>,
    pub received_on: Option<NaiveDate>,
    pub kind: MovementKind,
    pub quantity: Quantity,
    /// Units, signed.
    pub delta: i64,
    /// The bin's units (for `on_hand`) or the level's quantity, before and after.
    pub before: i64,
    pub after: i64,
    pub reason: Option<String>,
    /// What caused it: a node type (`Order`) and id, when something did.
    pub reference_type: Option<String>,
    pub reference_id: Option<String>,
    pub note: Option<String>,
    /// `user:<id>`, `client:<id>` or `system`.
    pub actor: String,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<stock_movement::Model> for Movement {
    type Error = DomainError;

    fn try_from(m: stock_movement::Model) -> DomainResult<Self> {
        let unknown = |what: &str, text: &str| DomainError::Internal(format!("stored {what} `{text}` is unknown"));
        Ok(Self {
            id: m.id,
            key: StockKey { sku_id: m.sku_id, warehouse_id: m.warehouse_id, merchant_id: m.merchant_id },
            location_id: m.location_id,
            lot: m.lot.filter(|l| !l.is_empty()),
            received_on: m.received_on,
            kind: MovementKind::parse(&m.kind).ok_or_else(|| unknown("movement kind", &m.kind))?,
            quantity: Quantity::parse(&m.quantity).ok_or_else(|| unknown("quantity", &m.quantity))?,
            delta: m.delta,
            before: m.before,
            after: m.after,
            reason: m.reason,
            reference_type: m.reference_type,
            reference_id: m.reference_id,
            note: m.note,
            actor: m.actor,
            created_at: m.created_at,
        })
    }
}

/// Which levels a list covers; each field given narrows it.
#[derive(Debug, Clone, Default)]
pub struct LevelFilter {
    pub sku_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
    pub merchant_id: Option<Uuid>,
    /// Only levels down to their safety stock: a safety stock is set and
    /// nothing beyond it is left to sell.
    pub at_or_below_safety_stock: bool,
}

impl LevelFilter {
    fn select(&self, tx: &TenantTx) -> Select<stock_level::Entity> {
        use stock_level::Column as C;
        let mut select = tx.find::<stock_level::Entity>();
        if let Some(id) = self.sku_id {
            select = select.filter(C::SkuId.eq(id));
        }
        if let Some(id) = self.warehouse_id {
            select = select.filter(C::WarehouseId.eq(id));
        }
        if let Some(id) = self.merchant_id {
            select = select.filter(C::MerchantId.eq(id));
        }
        if self.at_or_below_safety_stock {
            select = select.filter(Expr::cust(
                "safety_stock > 0 AND on_hand - reserved - damaged - quality_control <= safety_stock",
            ));
        }
        select
    }
}

/// Stock levels, oldest first.
pub async fn levels(tx: &TenantTx, request: &PageRequest, filter: &LevelFilter) -> DomainResult<Page<StockLevel>> {
    tx.ctx().require(Permission::InventoryRead)?;
    Ok(paging::fetch(tx, filter.select(tx), Order::OldestFirst, request).await?.map(StockLevel::from))
}

pub async fn count_levels(tx: &TenantTx, filter: &LevelFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::InventoryRead)?;
    Ok(filter.select(tx).count(tx.conn()).await?)
}

/// The levels of each of the SKUs `ids`, in one query, for a page of SKUs.
pub async fn levels_of_skus(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<HashMap<Uuid, Vec<StockLevel>>> {
    tx.ctx().require(Permission::InventoryRead)?;
    let rows = tx
        .find::<stock_level::Entity>()
        .filter(stock_level::Column::SkuId.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?;
    let mut by_sku: HashMap<Uuid, Vec<StockLevel>> = HashMap::new();
    for row in rows {
        by_sku.entry(row.sku_id).or_default().push(StockLevel::from(row));
    }
    Ok(by_sku)
}

/// The level of one SKU in one warehouse (empty when it never had stock).
pub async fn level(tx: &TenantTx, key: StockKey) -> DomainResult<StockLevel> {
    tx.ctx().require(Permission::InventoryRead)?;
    read_level(tx, key).await
}

/// [`level`] for a writer of this context, whose own permission covers
/// reading back what it wrote.
pub(super) async fn read_level(tx: &TenantTx, key: StockKey) -> DomainResult<StockLevel> {
    let row = tx
        .find::<stock_level::Entity>()
        .filter(stock_level::Column::SkuId.eq(key.sku_id))
        .filter(stock_level::Column::WarehouseId.eq(key.warehouse_id))
        .one(tx.conn())
        .await?;
    Ok(row.map_or_else(|| StockLevel::empty(key), StockLevel::from))
}

/// Which bins a list covers; each field given narrows it.
#[derive(Debug, Clone, Default)]
pub struct BinFilter {
    pub sku_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
    pub location_id: Option<Uuid>,
}

impl BinFilter {
    fn select(&self, tx: &TenantTx) -> Select<bin_stock::Entity> {
        use bin_stock::Column as C;
        let mut select = tx.find::<bin_stock::Entity>();
        if let Some(id) = self.sku_id {
            select = select.filter(C::SkuId.eq(id));
        }
        if let Some(id) = self.warehouse_id {
            select = select.filter(C::WarehouseId.eq(id));
        }
        if let Some(id) = self.location_id {
            select = select.filter(C::LocationId.eq(id));
        }
        select
    }
}

/// Units in bins, per lot and receipt day, oldest first.
pub async fn bins(tx: &TenantTx, request: &PageRequest, filter: &BinFilter) -> DomainResult<Page<BinStock>> {
    tx.ctx().require(Permission::InventoryRead)?;
    Ok(paging::fetch(tx, filter.select(tx), Order::OldestFirst, request).await?.map(BinStock::from))
}

/// Which movements a list covers; each field given narrows it.
#[derive(Debug, Clone, Default)]
pub struct MovementFilter {
    pub sku_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
    pub location_id: Option<Uuid>,
    pub kind: Option<MovementKind>,
    /// Movements caused by this object (`Order`, its id).
    pub reference: Option<(String, String)>,
}

impl MovementFilter {
    fn select(&self, tx: &TenantTx) -> Select<stock_movement::Entity> {
        use stock_movement::Column as C;
        let mut select = tx.find::<stock_movement::Entity>();
        if let Some(id) = self.sku_id {
            select = select.filter(C::SkuId.eq(id));
        }
        if let Some(id) = self.warehouse_id {
            select = select.filter(C::WarehouseId.eq(id));
        }
        if let Some(id) = self.location_id {
            select = select.filter(C::LocationId.eq(id));
        }
        if let Some(kind) = self.kind {
            select = select.filter(C::Kind.eq(kind.as_str()));
        }
        if let Some((kind, id)) = &self.reference {
            select = select.filter(C::ReferenceType.eq(kind.as_str())).filter(C::ReferenceId.eq(id.as_str()));
        }
        select
    }
}

/// The ledger's movements, newest first.
pub async fn movements(tx: &TenantTx, request: &PageRequest, filter: &MovementFilter) -> DomainResult<Page<Movement>> {
    tx.ctx().require(Permission::InventoryRead)?;
    paging::fetch(tx, filter.select(tx), Order::NewestFirst, request).await?.try_map(Movement::try_from)
}

/// One movement by id.
pub async fn movement(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Movement>> {
    tx.ctx().require(Permission::InventoryRead)?;
    tx.find_by_id::<stock_movement::Entity>(id).one(tx.conn()).await?.map(Movement::try_from).transpose()
}
