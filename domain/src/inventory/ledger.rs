//! The stock ledger: the one writer of stock. Every change of a quantity is
//! a movement appended here in the same transaction as the change, with
//! its kind, reason, reference, actor and the quantity before and after,
//! so every level can be rebuilt from its movements ([`super::check`]).
//!
//! A posting locks the levels it touches (`FOR UPDATE` on PostgreSQL, in
//! key order so two postings never wait on each other in a circle;
//! SQLite's write transactions are one at a time), applies its entries in
//! order and refuses the whole posting, changing nothing, when a bin would
//! hold fewer than zero units or a level's `available` would fall below
//! zero. The database's CHECK constraints hold the same line behind it.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use super::entities::{bin_stock, location, stock_level, stock_movement, warehouse};
use super::locations::{Holding, LocationType};
use super::messages;
use super::quantities::{MovementKind, Quantity, StockKey, StockLevel};
use crate::platform::clock;
use crate::platform::errors::{DomainError, UserErrorCode};
use crate::platform::ids::new_id;
use crate::platform::jobs::{self, NewJob};
use crate::platform::tenancy::TenantTx;

/// The job written (at most once a second per tenant) when a posting
/// leaves more units available than there were: units arrived, were
/// released or came out of damage, so waiting orders may now be served.
pub const STOCK_ARRIVED: &str = "inventory.stock_arrived";

/// What a movement changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// `quantity` units (more than zero) into a location, of `lot` (none
    /// for a SKU whose lots are not tracked), received on `received_on`
    /// (today in the warehouse's time zone when not given).
    IntoBin {
        location_id: Uuid,
        lot: Option<String>,
        received_on: Option<NaiveDate>,
        expires_on: Option<NaiveDate>,
        quantity: i64,
    },
    /// `quantity` units (more than zero) out of a location: of `lot` and
    /// `received_on` when given, otherwise the earliest expiry first, then
    /// the oldest receipt (FEFO, then FIFO).
    OutOfBin { location_id: Uuid, lot: Option<String>, received_on: Option<NaiveDate>, quantity: i64 },
    /// `quantity` units (more than zero) from one location to another of
    /// the same warehouse, each keeping its lot, receipt day and expiry;
    /// which units as for [`Effect::OutOfBin`].
    MoveBin { from: Uuid, to: Uuid, lot: Option<String>, received_on: Option<NaiveDate>, quantity: i64 },
    /// Units reserved (positive) or released (negative).
    Reserved(i64),
    /// Units announced (positive) or received or withdrawn (negative).
    Incoming(i64),
    /// Units held back from sale, more or fewer.
    SafetyStock(i64),
}

/// One movement to post.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: StockKey,
    pub kind: MovementKind,
    pub effect: Effect,
    /// A reason code, for adjustments and counts.
    pub reason: Option<String>,
}

/// What caused a posting: a node type and id (`Order`, a UUID) or a
/// partner's own reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub kind: &'static str,
    pub id: String,
}

/// Why a posting was refused; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum StockError {
    /// Fewer units than asked for are on hand at a location.
    #[error("only {on_hand} on hand at location {location_id}, {wanted} asked for")]
    ShortAtLocation { key: StockKey, location_id: Uuid, on_hand: i64, wanted: i64 },
    /// The posting would leave a level's `available` below zero.
    #[error("{available} available, {short} short")]
    NotAvailable { key: StockKey, available: i64, short: i64 },
    /// A reserved, incoming or safety stock quantity would fall below zero.
    #[error("{quantity:?} would fall below zero")]
    BelowZero { key: StockKey, quantity: Quantity, current: i64 },
    /// The location is not one of the warehouse's (or, for goods put
    /// into it, not active).
    #[error("location {0} not usable here")]
    UnknownLocation(Uuid),
    #[error(transparent)]
    Domain(#[from] DomainError),
}

impl From<sea_orm::DbErr> for StockError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::Domain(e.into())
    }
}

impl StockError {
    /// The user error of this refusal on the input field `field` (the
    /// quantity asked for, or the location for an unknown one).
    pub fn at(self, quantity_field: &str, location_field: &str) -> DomainError {
        match self {
            Self::ShortAtLocation { on_hand, wanted, .. } => DomainError::user(
                quantity_field,
                UserErrorCode::InsufficientStock,
                messages::short_at_location(on_hand, wanted),
            ),
            Self::NotAvailable { available, short, .. } => DomainError::user(
                quantity_field,
                UserErrorCode::InsufficientStock,
                messages::not_available(available, short),
            ),
            Self::BelowZero { quantity, current, .. } => DomainError::user(
                quantity_field,
                UserErrorCode::InsufficientStock,
                messages::below_zero(quantity.as_str(), current),
            ),
            Self::UnknownLocation(_) => DomainError::not_found(location_field),
            Self::Domain(e) => e,
        }
    }
}

fn level_row(tenant_id: Uuid, key: StockKey) -> stock_level::ActiveModel {
    stock_level::ActiveModel {
        tenant_id: Set(tenant_id),
        id: Set(new_id()),
        merchant_id: Set(key.merchant_id),
        sku_id: Set(key.sku_id),
        warehouse_id: Set(key.warehouse_id),
        on_hand: Set(0),
        reserved: Set(0),
        damaged: Set(0),
        quality_control: Set(0),
        safety_stock: Set(0),
        incoming: Set(0),
        updated_at: Set(clock::now()),
    }
}

fn keys_condition(keys: &BTreeSet<StockKey>) -> Condition {
    keys.iter().fold(Condition::any(), |any, key| {
        any.add(
            Condition::all()
                .add(stock_level::Column::SkuId.eq(key.sku_id))
                .add(stock_level::Column::WarehouseId.eq(key.warehouse_id)),
        )
    })
}

/// The levels of `keys`, locked for this transaction, made (empty) where
/// none exists yet.
pub(super) async fn lock_levels(
    tx: &TenantTx,
    keys: &BTreeSet<StockKey>,
) -> Result<HashMap<(Uuid, Uuid), stock_level::Model>, StockError> {
    let select = || {
        tx.find::<stock_level::Entity>()
            .filter(keys_condition(keys))
            .order_by_asc(stock_level::Column::SkuId)
            .order_by_asc(stock_level::Column::WarehouseId)
            .lock_exclusive()
    };
    let mut rows = select().all(tx.conn()).await?;
    if rows.len() < keys.len() {
        let found: BTreeSet<(Uuid, Uuid)> = rows.iter().map(|r| (r.sku_id, r.warehouse_id)).collect();
        for key in keys.iter().filter(|k| !found.contains(&(k.sku_id, k.warehouse_id))) {
            let unique = [stock_level::Column::TenantId, stock_level::Column::SkuId, stock_level::Column::WarehouseId];
            tx.insert_unless_exists(level_row(tx.tenant_id(), *key), unique).await?;
        }
        rows = select().all(tx.conn()).await?;
    }
    Ok(rows.into_iter().map(|row| ((row.sku_id, row.warehouse_id), row)).collect())
}

/// Today in each warehouse of `ids`, in its own time zone.
async fn todays(tx: &TenantTx, ids: impl IntoIterator<Item = Uuid>) -> Result<HashMap<Uuid, NaiveDate>, StockError> {
    let rows = tx.find::<warehouse::Entity>().filter(warehouse::Column::Id.is_in(ids)).all(tx.conn()).await?;
    let now = clock::now();
    Ok(rows
        .into_iter()
        .map(|w| {
            let zone: chrono_tz::Tz = w.timezone.parse().unwrap_or(chrono_tz::UTC);
            (w.id, now.with_timezone(&zone).date_naive())
        })
        .collect())
}

/// The locations the entries name, checked to be in their warehouse.
async fn locations_of(tx: &TenantTx, entries: &[Entry]) -> Result<HashMap<Uuid, location::Model>, StockError> {
    let ids: BTreeSet<Uuid> = entries
        .iter()
        .flat_map(|e| match &e.effect {
            Effect::IntoBin { location_id, .. } | Effect::OutOfBin { location_id, .. } => vec![*location_id],
            Effect::MoveBin { from, to, .. } => vec![*from, *to],
            _ => vec![],
        })
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = tx.find::<location::Entity>().filter(location::Column::Id.is_in(ids)).all(tx.conn()).await?;
    let found: HashMap<Uuid, location::Model> = rows.into_iter().map(|l| (l.id, l)).collect();
    for entry in entries {
        let named = match &entry.effect {
            Effect::IntoBin { location_id, .. } => vec![(*location_id, true)],
            Effect::OutOfBin { location_id, .. } => vec![(*location_id, false)],
            Effect::MoveBin { from, to, .. } => vec![(*from, false), (*to, true)],
            _ => continue,
        };
        for (id, putting) in named {
            match found.get(&id) {
                Some(l) if l.warehouse_id == entry.key.warehouse_id && (l.active || !putting) => {}
                _ => return Err(StockError::UnknownLocation(id)),
            }
        }
    }
    Ok(found)
}

/// The level's part that a bin of this location type counts toward.
fn counts_toward(kind: &str) -> Option<fn(&mut stock_level::Model) -> &mut i64> {
    match LocationType::parse(kind).map(LocationType::holds) {
        Some(Holding::Damaged) => Some(|l| &mut l.damaged),
        Some(Holding::QualityControl) => Some(|l| &mut l.quality_control),
        _ => None,
    }
}

/// A movement row of `entry`, before its quantities are known.
struct Pending<'a> {
    tx: &'a TenantTx,
    entry: &'a Entry,
    reference: Option<&'a Reference>,
    note: Option<&'a str>,
    actor: &'a str,
}

impl Pending<'_> {
    fn row(
        &self,
        quantity: Quantity,
        bin: Option<&bin_stock::Model>,
        before: i64,
        after: i64,
    ) -> stock_movement::Model {
        let key = self.entry.key;
        stock_movement::Model {
            tenant_id: self.tx.tenant_id(),
            id: new_id(),
            merchant_id: key.merchant_id,
            sku_id: key.sku_id,
            warehouse_id: key.warehouse_id,
            location_id: bin.map(|b| b.location_id),
            lot: bin.map(|b| b.lot.clone()),
            received_on: bin.map(|b| b.received_on),
            kind: self.entry.kind.as_str().to_owned(),
            quantity: quantity.as_str().to_owned(),
            delta: after - before,
            before,
            after,
            reason: self.entry.reason.clone(),
            reference_type: self.reference.map(|r| r.kind.to_owned()),
            reference_id: self.reference.map(|r| r.id.clone()),
            note: self.note.map(str::to_owned),
            actor: self.actor.to_owned(),
            created_at: clock::now(),
        }
    }
}

/// Sets a bin's units, removing the row when none are left (its movements
/// then sum to zero, which is what [`super::check`] expects of a missing bin).
async fn save_bin(tx: &TenantTx, bin: &bin_stock::Model, on_hand: i64) -> Result<(), StockError> {
    let by_id = bin_stock::Column::Id.eq(bin.id);
    if on_hand == 0 {
        tx.delete_many::<bin_stock::Entity>().filter(by_id).exec(tx.conn()).await?;
    } else {
        tx.update_many::<bin_stock::Entity>()
            .col_expr(bin_stock::Column::OnHand, Expr::value(on_hand))
            .col_expr(bin_stock::Column::UpdatedAt, Expr::value(clock::now()))
            .filter(by_id)
            .exec(tx.conn())
            .await?;
    }
    Ok(())
}

/// Units of one lot and receipt day, on their way into a bin.
struct Piece {
    lot: String,
    received_on: NaiveDate,
    expires_on: Option<NaiveDate>,
    quantity: i64,
}

/// Changes a level's on hand (and its damaged or quality-control part)
/// by `delta` units moved in or out of `location`.
fn move_level(level: &mut stock_level::Model, location: &location::Model, delta: i64) {
    level.on_hand += delta;
    if let Some(part) = counts_toward(&location.kind) {
        *part(level) += delta;
    }
}

/// Puts `piece` into `location`, joining the bin of its lot and day.
async fn put_in(
    tx: &TenantTx,
    pending: &Pending<'_>,
    level: &mut stock_level::Model,
    location: &location::Model,
    piece: Piece,
) -> Result<stock_movement::Model, StockError> {
    let key = pending.entry.key;
    let existing = tx
        .find::<bin_stock::Entity>()
        .filter(bin_stock::Column::SkuId.eq(key.sku_id))
        .filter(bin_stock::Column::LocationId.eq(location.id))
        .filter(bin_stock::Column::Lot.eq(piece.lot.as_str()))
        .filter(bin_stock::Column::ReceivedOn.eq(piece.received_on))
        .one(tx.conn())
        .await?;
    let bin = match existing {
        Some(bin) => {
            save_bin(tx, &bin, bin.on_hand + piece.quantity).await?;
            bin
        }
        None => {
            let fresh = bin_stock::Model {
                tenant_id: tx.tenant_id(),
                id: new_id(),
                merchant_id: key.merchant_id,
                sku_id: key.sku_id,
                warehouse_id: key.warehouse_id,
                location_id: location.id,
                lot: piece.lot,
                received_on: piece.received_on,
                expires_on: piece.expires_on,
                on_hand: piece.quantity,
                updated_at: clock::now(),
            };
            tx.insert(fresh.clone().into_active_model().reset_all()).await?;
            bin_stock::Model { on_hand: 0, ..fresh }
        }
    };
    move_level(level, location, piece.quantity);
    Ok(pending.row(Quantity::OnHand, Some(&bin), bin.on_hand, bin.on_hand + piece.quantity))
}

/// Takes `quantity` units out of `location` (of `lot` and `received_on`
/// when given; earliest expiry, then oldest receipt first), returning each
/// bin as it was with the piece taken from it.
async fn take_out(
    tx: &TenantTx,
    key: StockKey,
    location: &location::Model,
    lot: Option<&str>,
    received_on: Option<NaiveDate>,
    quantity: i64,
) -> Result<Vec<(bin_stock::Model, Piece)>, StockError> {
    let mut select = tx
        .find::<bin_stock::Entity>()
        .filter(bin_stock::Column::SkuId.eq(key.sku_id))
        .filter(bin_stock::Column::LocationId.eq(location.id));
    if let Some(lot) = lot {
        select = select.filter(bin_stock::Column::Lot.eq(lot));
    }
    if let Some(day) = received_on {
        select = select.filter(bin_stock::Column::ReceivedOn.eq(day));
    }
    let mut bins = select.all(tx.conn()).await?;
    bins.sort_by_key(|b| (b.expires_on.is_none(), b.expires_on, b.received_on, b.lot.clone()));
    let on_hand: i64 = bins.iter().map(|b| b.on_hand).sum();
    if on_hand < quantity {
        return Err(StockError::ShortAtLocation { key, location_id: location.id, on_hand, wanted: quantity });
    }
    let mut left = quantity;
    let mut taken = Vec::new();
    for bin in bins {
        if left == 0 {
            break;
        }
        let quantity = left.min(bin.on_hand);
        left -= quantity;
        save_bin(tx, &bin, bin.on_hand - quantity).await?;
        let piece = Piece { lot: bin.lot.clone(), received_on: bin.received_on, expires_on: bin.expires_on, quantity };
        taken.push((bin, piece));
    }
    Ok(taken)
}

/// Posts `entries` in order as one change: all of them or, when any is
/// refused, none. Returns the movements written.
pub async fn post(
    tx: &mut TenantTx,
    entries: &[Entry],
    reference: Option<&Reference>,
    note: Option<&str>,
) -> Result<Vec<stock_movement::Model>, StockError> {
    let keys: BTreeSet<StockKey> = entries.iter().map(|e| e.key).collect();
    let mut levels = lock_levels(tx, &keys).await?;
    let locations = locations_of(tx, entries).await?;
    let needs_today = entries.iter().any(|e| matches!(e.effect, Effect::IntoBin { received_on: None, .. }));
    let today_in = if needs_today { todays(tx, keys.iter().map(|k| k.warehouse_id)).await? } else { HashMap::new() };
    let actor = tx.ctx().actor.label();
    let before: HashMap<(Uuid, Uuid), stock_level::Model> = levels.clone();
    let mut rows = Vec::new();
    for entry in entries {
        let key = entry.key;
        let level = levels
            .get_mut(&(key.sku_id, key.warehouse_id))
            .ok_or_else(|| StockError::Domain(DomainError::Internal("stock level missing after it was made".into())))?;
        let pending = Pending { tx, entry, reference, note, actor: &actor };
        let today = |warehouse_id| today_in.get(&warehouse_id).copied().unwrap_or_else(|| clock::now().date_naive());
        match &entry.effect {
            Effect::IntoBin { location_id, lot, received_on, expires_on, quantity } => {
                let piece = Piece {
                    lot: lot.clone().unwrap_or_default(),
                    received_on: received_on.unwrap_or_else(|| today(key.warehouse_id)),
                    expires_on: *expires_on,
                    quantity: *quantity,
                };
                rows.push(put_in(tx, &pending, level, &locations[location_id], piece).await?);
            }
            Effect::OutOfBin { location_id, lot, received_on, quantity } => {
                let taken = take_out(tx, key, &locations[location_id], lot.as_deref(), *received_on, *quantity).await?;
                for (bin, piece) in taken {
                    rows.push(pending.row(Quantity::OnHand, Some(&bin), bin.on_hand, bin.on_hand - piece.quantity));
                    move_level(level, &locations[location_id], -piece.quantity);
                }
            }
            Effect::MoveBin { from, to, lot, received_on, quantity } => {
                let taken = take_out(tx, key, &locations[from], lot.as_deref(), *received_on, *quantity).await?;
                for (bin, piece) in taken {
                    rows.push(pending.row(Quantity::OnHand, Some(&bin), bin.on_hand, bin.on_hand - piece.quantity));
                    move_level(level, &locations[from], -piece.quantity);
                    rows.push(put_in(tx, &pending, level, &locations[to], piece).await?);
                }
            }
            Effect::Reserved(delta) => {
                let was = level.reserved;
                level.reserved = below_zero(key, Quantity::Reserved, was, *delta)?;
                rows.push(pending.row(Quantity::Reserved, None, was, level.reserved));
            }
            Effect::Incoming(delta) => {
                let was = level.incoming;
                level.incoming = below_zero(key, Quantity::Incoming, was, *delta)?;
                rows.push(pending.row(Quantity::Incoming, None, was, level.incoming));
            }
            Effect::SafetyStock(delta) => {
                let was = level.safety_stock;
                level.safety_stock = below_zero(key, Quantity::SafetyStock, was, *delta)?;
                rows.push(pending.row(Quantity::SafetyStock, None, was, level.safety_stock));
            }
        }
    }
    let mut rose = false;
    for key in &keys {
        let level = &levels[&(key.sku_id, key.warehouse_id)];
        let was = &before[&(key.sku_id, key.warehouse_id)];
        let available = level.available();
        if available < 0 {
            return Err(StockError::NotAvailable { key: *key, available: was.available().max(0), short: -available });
        }
        rose |= available > was.available();
        if level != was {
            save_level(tx, level).await?;
        }
    }
    if rose {
        // One wake-up a second per tenant is enough: its handler looks at
        // every backorder, and a schedule catches what a wake-up missed.
        let mut job = NewJob::new(STOCK_ARRIVED, json!({}));
        job.dedupe_key = Some(format!("{STOCK_ARRIVED}:{}", clock::now().timestamp()));
        jobs::enqueue(tx, job).await?;
    }
    tx.insert_many(rows.iter().map(|row| row.clone().into_active_model().reset_all()).collect()).await?;
    Ok(rows)
}

fn below_zero(key: StockKey, quantity: Quantity, current: i64, delta: i64) -> Result<i64, StockError> {
    if current + delta < 0 {
        return Err(StockError::BelowZero { key, quantity, current });
    }
    Ok(current + delta)
}

async fn save_level(tx: &TenantTx, level: &stock_level::Model) -> Result<(), StockError> {
    use stock_level::Column as C;
    tx.update_many::<stock_level::Entity>()
        .col_expr(C::OnHand, Expr::value(level.on_hand))
        .col_expr(C::Reserved, Expr::value(level.reserved))
        .col_expr(C::Damaged, Expr::value(level.damaged))
        .col_expr(C::QualityControl, Expr::value(level.quality_control))
        .col_expr(C::SafetyStock, Expr::value(level.safety_stock))
        .col_expr(C::Incoming, Expr::value(level.incoming))
        .col_expr(C::UpdatedAt, Expr::value(clock::now()))
        .filter(C::Id.eq(level.id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// The levels of the SKUs `sku_ids` in every warehouse that has one,
/// locked for this transaction (in key order), for a caller that decides
/// where to reserve from what is available.
pub async fn lock_existing(tx: &TenantTx, sku_ids: &[Uuid]) -> Result<Vec<StockLevel>, StockError> {
    let rows = tx
        .find::<stock_level::Entity>()
        .filter(stock_level::Column::SkuId.is_in(sku_ids.iter().copied()))
        .order_by_asc(stock_level::Column::SkuId)
        .order_by_asc(stock_level::Column::WarehouseId)
        .lock_exclusive()
        .all(tx.conn())
        .await?;
    Ok(rows.into_iter().map(StockLevel::from).collect())
}
