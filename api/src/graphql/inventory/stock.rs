//! Stock: levels (`stockLevels`, and `Sku.stock`), units in bins with
//! their age (`binStocks`), the ledger (`stockMovements`) and its check
//! (`inventoryCheck`).

use async_graphql::{Context, ID, Object, Result, SimpleObject, Value};
use chrono::{DateTime, NaiveDate, Utc};
use domain::catalog::SKU;
use domain::inventory::check::{self, Invariant};
use domain::inventory::quantities::{self, MovementKind, Quantity};
use domain::inventory::stock::{self, BinFilter, LevelFilter, MovementFilter};
use domain::inventory::{LOCATION, STOCK_MOVEMENT, WAREHOUSE};
use domain::{DomainResult, TenantTx};
use uuid::Uuid;

use super::locations::Location;
use super::warehouses::Warehouse;
use crate::graphql::catalog::Sku;
use crate::graphql::kit::connection::{CountedConnection, UncountedConnection, counted, page_request, uncounted};
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::loaders::{self, Batch};
use crate::graphql::kit::payload::OrGql;
use crate::graphql::kit::plain::{Plain, PlainValue, Selection};
use crate::graphql::kit::units::units;

/// The named quantities of one SKU in one warehouse; `warehouse` and
/// `sku` are filled in when a listing loaded them for its page.
#[derive(Clone)]
pub struct StockLevel {
    pub level: quantities::StockLevel,
    pub warehouse: Option<Warehouse>,
    pub sku: Option<Box<Sku>>,
}

impl StockLevel {
    pub fn new(level: quantities::StockLevel) -> Self {
        Self { level, warehouse: None, sku: None }
    }
}

/// A SKU's stock in one warehouse, in units: `available = onHand -
/// reserved - damaged - qualityControl - safetyStock`, never below zero.
#[Object]
impl StockLevel {
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        match &self.sku {
            Some(sku) => Ok(Some(Sku::clone(sku))),
            None => Sku::load(ctx, self.level.key.sku_id).await,
        }
    }
    async fn warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        match &self.warehouse {
            Some(warehouse) => Ok(Some(warehouse.clone())),
            None => Warehouse::load(ctx, self.level.key.warehouse_id).await,
        }
    }
    /// Every unit in the building, damaged and in quality control included.
    async fn on_hand(&self) -> i32 {
        units(self.level.on_hand)
    }
    /// Held for orders and live sales, not yet picked.
    async fn reserved(&self) -> i32 {
        units(self.level.reserved)
    }
    /// Units in DAMAGED locations.
    async fn damaged(&self) -> i32 {
        units(self.level.damaged)
    }
    /// Units in QUARANTINE locations, awaiting inspection.
    async fn quality_control(&self) -> i32 {
        units(self.level.quality_control)
    }
    /// Held back from sale on purpose.
    async fn safety_stock(&self) -> i32 {
        units(self.level.safety_stock)
    }
    /// Announced by inbound shipments and transfers, not yet received.
    async fn incoming(&self) -> i32 {
        units(self.level.incoming)
    }
    /// What can still be sold.
    async fn available(&self) -> i32 {
        units(self.level.available())
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.level.updated_at
    }
}

impl Plain for StockLevel {
    fn field(&self, name: &str, selection: Selection<'_>) -> Option<Value> {
        let level = &self.level;
        Some(match name {
            "sku" => self.sku.as_deref().map_or(Value::Null, |s| selection.object(s)),
            "warehouse" => self.warehouse.as_ref().map_or(Value::Null, |w| selection.object(w)),
            "onHand" => units(level.on_hand).plain(),
            "reserved" => units(level.reserved).plain(),
            "damaged" => units(level.damaged).plain(),
            "qualityControl" => units(level.quality_control).plain(),
            "safetyStock" => units(level.safety_stock).plain(),
            "incoming" => units(level.incoming).plain(),
            "available" => units(level.available()).plain(),
            "updatedAt" => level.updated_at.plain(),
            _ => return None,
        })
    }
}

/// The stock levels of SKUs by SKU id, for `Sku.stock`.
struct LevelsOfSkus;

impl Batch for LevelsOfSkus {
    type Value = Vec<StockLevel>;

    async fn load(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<(Uuid, Vec<StockLevel>)>> {
        let mut found = stock::levels_of_skus(tx, ids).await?;
        Ok(ids
            .iter()
            .map(|id| (*id, found.remove(id).unwrap_or_default().into_iter().map(StockLevel::new).collect()))
            .collect())
    }
}

impl StockLevel {
    /// The levels of one SKU, batched with the request's other SKUs.
    pub async fn of_sku(ctx: &Context<'_>, sku_id: Uuid) -> Result<Vec<StockLevel>> {
        Ok(loaders::load::<LevelsOfSkus>(ctx, sku_id).await?.unwrap_or_default())
    }
}

pub struct BinStock(quantities::BinStock);

/// Units of a SKU in one location, of one lot, received on one day.
#[Object]
impl BinStock {
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.0.key.sku_id).await
    }
    async fn location(&self, ctx: &Context<'_>) -> Result<Option<Location>> {
        Location::load(ctx, self.0.location_id).await
    }
    /// Null for a SKU whose lots are not tracked.
    async fn lot(&self) -> Option<&str> {
        self.0.lot.as_deref()
    }
    /// The day the units were received, in the warehouse's time zone (`2026-11-30`).
    async fn received_on(&self) -> NaiveDate {
        self.0.received_on
    }
    async fn expires_on(&self) -> Option<NaiveDate> {
        self.0.expires_on
    }
    async fn on_hand(&self) -> i32 {
        units(self.0.on_hand)
    }
    /// Stock age (库龄): whole days since receipt, today in UTC.
    async fn age_days(&self) -> i32 {
        units(self.0.age_days(domain::platform::clock::now().date_naive()))
    }
}

pub struct StockMovement(pub stock::Movement);

/// One entry of the append-only stock ledger: one quantity of one SKU in
/// one warehouse (and, for `ON_HAND`, one bin) changed by `delta`.
#[Object]
impl StockMovement {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(STOCK_MOVEMENT, self.0.id)
    }
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.0.key.sku_id).await
    }
    async fn warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        Warehouse::load(ctx, self.0.key.warehouse_id).await
    }
    /// The bin of an `ON_HAND` movement.
    async fn location(&self, ctx: &Context<'_>) -> Result<Option<Location>> {
        match self.0.location_id {
            Some(id) => Location::load(ctx, id).await,
            None => Ok(None),
        }
    }
    async fn lot(&self) -> Option<&str> {
        self.0.lot.as_deref()
    }
    async fn received_on(&self) -> Option<NaiveDate> {
        self.0.received_on
    }
    async fn kind(&self) -> Enum<MovementKind> {
        Enum(self.0.kind)
    }
    async fn quantity_name(&self) -> Enum<Quantity> {
        Enum(self.0.quantity)
    }
    /// Units, signed.
    async fn delta(&self) -> i32 {
        units(self.0.delta)
    }
    /// The bin's units (for `ON_HAND`) or the level's quantity before.
    async fn quantity_before(&self) -> i32 {
        units(self.0.before)
    }
    async fn quantity_after(&self) -> i32 {
        units(self.0.after)
    }
    /// A reason code (`StockAdjustmentReason` in lower case, for adjustments).
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// What caused it: a type (`Order`, `InboundShipment`) and its id.
    async fn reference_type(&self) -> Option<&str> {
        self.0.reference_type.as_deref()
    }
    async fn reference_id(&self) -> Option<&str> {
        self.0.reference_id.as_deref()
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    /// `user:<id>`, `client:<id>` or `system`.
    async fn actor(&self) -> &str {
        &self.0.actor
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub async fn movement_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<StockMovement>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| stock::movement(tx, id).await).await.or_gql()?.map(StockMovement))
}

/// One breach of the ledger's invariants.
#[derive(SimpleObject)]
pub struct StockMismatch {
    invariant: Enum<Invariant>,
    sku_id: ID,
    warehouse_id: ID,
    /// The bin, for a bin's mismatch.
    location_id: Option<ID>,
    lot: Option<String>,
    received_on: Option<NaiveDate>,
    /// `on_hand`, `reserved`, `incoming`, `safety_stock`, `damaged`,
    /// `quality_control` or `available`.
    quantity_name: String,
    /// What is stored.
    recorded: i32,
    /// What the movements (LEDGER) or bins (BINS) add up to; 0 for NEGATIVE.
    expected: i32,
}

/// The outcome of `inventoryCheck`.
#[derive(SimpleObject)]
pub struct InventoryCheckReport {
    /// True when no invariant is broken.
    ok: bool,
    levels_checked: u64,
    bins_checked: u64,
    movements_checked: u64,
    mismatches: Vec<StockMismatch>,
}

#[derive(Default)]
pub struct StockQuery;

#[Object]
impl StockQuery {
    /// Stock levels (one per SKU and warehouse that ever had stock), oldest
    /// first. A merchant user or merchant-bound client sees only its own
    /// merchant's. `atSafetyStock` keeps levels with a safety stock and
    /// nothing beyond it left to sell.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn stock_levels(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        sku_id: Option<ID>,
        warehouse_id: Option<ID>,
        merchant_id: Option<ID>,
        at_safety_stock: Option<bool>,
    ) -> Result<CountedConnection<StockLevel>> {
        let request = page_request(first, after, last, before)?;
        let filter = LevelFilter {
            sku_id: ids::decode_opt(SKU, "skuId", sku_id.as_ref()).or_gql()?,
            warehouse_id: ids::decode_opt(WAREHOUSE, "warehouseId", warehouse_id.as_ref()).or_gql()?,
            merchant_id: ids::decode_opt(domain::catalog::MERCHANT, "merchantId", merchant_id.as_ref()).or_gql()?,
            at_or_below_safety_stock: at_safety_stock.unwrap_or(false),
        };
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let (page, total) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = stock::levels(tx, &request, &filter).await?;
                let total = if count_too { stock::count_levels(tx, &filter).await? } else { 0 };
                Ok((page, total))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, StockLevel::new))
    }

    /// Units in bins, one row per SKU, location, lot and receipt day, with
    /// their age; oldest first.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn bin_stocks(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        sku_id: Option<ID>,
        warehouse_id: Option<ID>,
        location_id: Option<ID>,
    ) -> Result<UncountedConnection<BinStock>> {
        let request = page_request(first, after, last, before)?;
        let filter = BinFilter {
            sku_id: ids::decode_opt(SKU, "skuId", sku_id.as_ref()).or_gql()?,
            warehouse_id: ids::decode_opt(WAREHOUSE, "warehouseId", warehouse_id.as_ref()).or_gql()?,
            location_id: ids::decode_opt(LOCATION, "locationId", location_id.as_ref()).or_gql()?,
        };
        let page =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| stock::bins(tx, &request, &filter).await).await.or_gql()?;
        Ok(uncounted(page, BinStock))
    }

    /// The stock ledger, newest first. `referenceType` and `referenceId`
    /// together keep the movements one object caused (`Order` and its id).
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn stock_movements(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        sku_id: Option<ID>,
        warehouse_id: Option<ID>,
        location_id: Option<ID>,
        kind: Option<Enum<MovementKind>>,
        reference_type: Option<String>,
        reference_id: Option<String>,
    ) -> Result<UncountedConnection<StockMovement>> {
        let request = page_request(first, after, last, before)?;
        let filter = MovementFilter {
            sku_id: ids::decode_opt(SKU, "skuId", sku_id.as_ref()).or_gql()?,
            warehouse_id: ids::decode_opt(WAREHOUSE, "warehouseId", warehouse_id.as_ref()).or_gql()?,
            location_id: ids::decode_opt(LOCATION, "locationId", location_id.as_ref()).or_gql()?,
            kind: kind.map(Enum::into_inner),
            reference: reference_type.zip(reference_id),
        };
        let page =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| stock::movements(tx, &request, &filter).await).await.or_gql()?;
        Ok(uncounted(page, StockMovement))
    }

    /// Verifies the ledger over all the stock this caller may read: every
    /// bin equals the sum of its movements, every level its movements and
    /// bins, nothing below zero; names every mismatch. The same check runs
    /// as `silkport inventory check --tenant <slug>`.
    async fn inventory_check(&self, ctx: &Context<'_>) -> Result<InventoryCheckReport> {
        let report = db(ctx).read(&tenant_ctx(ctx)?, async |tx| check::run(tx).await).await.or_gql()?;
        let mismatches = report
            .mismatches
            .into_iter()
            .map(|m| StockMismatch {
                invariant: Enum(m.invariant),
                sku_id: ids::encode(SKU, m.sku_id),
                warehouse_id: ids::encode(WAREHOUSE, m.warehouse_id),
                location_id: m.location_id.map(|id| ids::encode(LOCATION, id)),
                lot: m.lot,
                received_on: m.received_on,
                quantity_name: m.quantity,
                recorded: units(m.recorded),
                expected: units(m.expected),
            })
            .collect::<Vec<_>>();
        Ok(InventoryCheckReport {
            ok: mismatches.is_empty(),
            levels_checked: report.levels,
            bins_checked: report.bins,
            movements_checked: report.movements,
            mismatches,
        })
    }
}
