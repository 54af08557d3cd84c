//! Stock changed by hand: adjustments with a reason code, setting the
//! units in a bin against the value the caller saw (compare-and-swap, as
//! Shopify's `inventorySetQuantities` takes `compareQuantity`), moving
//! units between locations of a warehouse, and the safety stock. Each is
//! a posting to the ledger and an audit entry in one transaction.

use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use super::entities::{bin_stock, location};
use super::ledger::{self, Effect, Entry};
use super::locations::LocationType;
use super::messages;
use super::quantities::{AdjustmentReason, MovementKind, StockKey, StockLevel};
use super::stock::{self, Movement};
use crate::catalog::SKU;
use crate::catalog::skus::{self, SkuFacts};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::tenancy::TenantTx;
use sea_orm::{ColumnTrait, QueryFilter};

/// Most characters of a lot code or a note.
const LOT_MAX: usize = 64;
const NOTE_MAX: usize = 500;

/// What a change by hand did: its movements and the level after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockChange {
    pub movements: Vec<Movement>,
    pub level: StockLevel,
}

/// Units added to (positive) or taken from (negative) a bin.
#[derive(Debug, Clone, Serialize)]
pub struct Adjustment {
    pub sku_id: Uuid,
    pub location_id: Uuid,
    /// The lot, for a SKU whose lots are tracked (required when adding).
    pub lot: Option<String>,
    /// Units, not zero.
    pub delta: i64,
    pub reason: AdjustmentReason,
    pub note: Option<String>,
}

/// The units of a SKU (and lot) in a bin set to `quantity`, only if they
/// are `compare_quantity` now.
#[derive(Debug, Clone, Serialize)]
pub struct SetOnHand {
    pub sku_id: Uuid,
    pub location_id: Uuid,
    pub lot: Option<String>,
    pub quantity: i64,
    pub compare_quantity: i64,
    pub reason: AdjustmentReason,
    pub note: Option<String>,
}

/// Units moved between two locations of one warehouse.
#[derive(Debug, Clone, Serialize)]
pub struct Relocation {
    pub sku_id: Uuid,
    pub from_location_id: Uuid,
    pub to_location_id: Uuid,
    pub lot: Option<String>,
    pub quantity: i64,
    pub note: Option<String>,
}

/// The safety stock of a SKU in a warehouse set to `quantity`, only if
/// it is `compare_quantity` now.
#[derive(Debug, Clone, Serialize)]
pub struct SetSafetyStock {
    pub sku_id: Uuid,
    pub warehouse_id: Uuid,
    pub quantity: i64,
    pub compare_quantity: i64,
}

/// The SKU `id`, or `NOT_FOUND` on `skuId` (another merchant's SKU is not found).
async fn sku(tx: &TenantTx, id: Uuid) -> DomainResult<SkuFacts> {
    skus::facts(tx, [id]).await?.remove(&id).ok_or_else(|| DomainError::not_found("skuId"))
}

/// The location `id`, or `NOT_FOUND` on `field`.
async fn location(tx: &TenantTx, id: Uuid, field: &str) -> DomainResult<location::Model> {
    tx.find_by_id::<location::Entity>(id).one(tx.conn()).await?.ok_or_else(|| DomainError::not_found(field))
}

/// The lot checked against the SKU: required when units are added to a
/// lot-tracked SKU, refused for a SKU without lots.
fn lot(sku: &SkuFacts, given: Option<&str>, adding: bool, errors: &mut UserErrors) -> Option<String> {
    let given = given.map(str::trim).filter(|l| !l.is_empty());
    match given {
        None if sku.lot_tracked && adding => {
            errors.push("lot", UserErrorCode::Invalid, messages::lot_required(&sku.code));
            None
        }
        Some(_) if !sku.lot_tracked => {
            errors.push("lot", UserErrorCode::Invalid, messages::lot_not_tracked(&sku.code));
            None
        }
        Some(lot) if lot.chars().count() > LOT_MAX => {
            errors.push("lot", UserErrorCode::Invalid, messages::too_long(LOT_MAX));
            None
        }
        other => other.map(str::to_owned),
    }
}

fn note(given: Option<&str>, errors: &mut UserErrors) -> Option<String> {
    let note = given.map(str::trim).filter(|n| !n.is_empty())?;
    if note.chars().count() > NOTE_MAX {
        errors.push("note", UserErrorCode::Invalid, messages::too_long(NOTE_MAX));
    }
    Some(note.to_owned())
}

fn positive(field: &str, quantity: i64, errors: &mut UserErrors) {
    if quantity <= 0 {
        errors.push(field, UserErrorCode::Invalid, messages::quantity_positive());
    }
}

fn not_negative(field: &str, quantity: i64, errors: &mut UserErrors) {
    if quantity < 0 {
        errors.push(field, UserErrorCode::Invalid, messages::quantity_not_negative());
    }
}

fn key(sku: &SkuFacts, warehouse_id: Uuid) -> StockKey {
    StockKey { sku_id: sku.id, warehouse_id, merchant_id: sku.merchant_id }
}

/// Posts `entries`, records the audit entry `action` and answers the
/// level after.
async fn finish(
    tx: &mut TenantTx,
    action: &str,
    sku_key: StockKey,
    entries: &[Entry],
    note: Option<&str>,
    fields: (&str, &str),
    view: serde_json::Value,
) -> DomainResult<StockChange> {
    let written = ledger::post(tx, entries, None, note).await.map_err(|e| e.at(fields.0, fields.1))?;
    let movements = written.into_iter().map(Movement::try_from).collect::<DomainResult<Vec<_>>>()?;
    let level = stock::read_level(tx, sku_key).await?;
    let after = json!({"change": view, "onHand": level.on_hand, "available": level.available()});
    audit::record(tx, Change::of(action, SKU, sku_key.sku_id).after(after)).await?;
    Ok(StockChange { movements, level })
}

/// Adds or takes units in a bin, with a reason.
pub async fn adjust(tx: &mut TenantTx, input: Adjustment) -> DomainResult<StockChange> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let sku = sku(tx, input.sku_id).await?;
    let mut errors = UserErrors::default();
    if input.delta == 0 {
        errors.push("delta", UserErrorCode::Invalid, messages::delta_not_zero());
    } else if input.reason.adds().is_some_and(|adds| adds != (input.delta > 0)) {
        errors.push("delta", UserErrorCode::Invalid, messages::delta_against_reason(input.reason.as_str()));
    }
    let lot = lot(&sku, input.lot.as_deref(), input.delta > 0, &mut errors);
    let note = note(input.note.as_deref(), &mut errors);
    errors.finish()?;
    let place = location(tx, input.location_id, "locationId").await?;
    let effect = if input.delta > 0 {
        Effect::IntoBin { location_id: place.id, lot, received_on: None, expires_on: None, quantity: input.delta }
    } else {
        Effect::OutOfBin { location_id: place.id, lot, received_on: None, quantity: -input.delta }
    };
    let key = key(&sku, place.warehouse_id);
    let entry = Entry { key, kind: MovementKind::Adjustment, effect, reason: Some(input.reason.as_str().to_owned()) };
    let view = json!({"location": place.code, "delta": input.delta, "reason": input.reason.as_str()});
    finish(tx, "stock.adjust", key, &[entry], note.as_deref(), ("delta", "locationId"), view).await
}

/// The units of `sku` (and `lot`, when given) in a bin now.
async fn units_in_bin(tx: &TenantTx, sku_id: Uuid, location_id: Uuid, lot: Option<&str>) -> DomainResult<i64> {
    let mut select = tx
        .find::<bin_stock::Entity>()
        .filter(bin_stock::Column::SkuId.eq(sku_id))
        .filter(bin_stock::Column::LocationId.eq(location_id));
    if let Some(lot) = lot {
        select = select.filter(bin_stock::Column::Lot.eq(lot));
    }
    Ok(select.all(tx.conn()).await?.iter().map(|b| b.on_hand).sum())
}

/// Sets the units in a bin if they are what the caller saw; `STALE` with
/// the units there now when they changed meanwhile, and nothing changes.
pub async fn set_on_hand(tx: &mut TenantTx, input: SetOnHand) -> DomainResult<StockChange> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let sku = sku(tx, input.sku_id).await?;
    let mut errors = UserErrors::default();
    not_negative("quantity", input.quantity, &mut errors);
    not_negative("compareQuantity", input.compare_quantity, &mut errors);
    let adding = input.quantity > input.compare_quantity;
    let lot = lot(&sku, input.lot.as_deref(), adding, &mut errors);
    let note = note(input.note.as_deref(), &mut errors);
    errors.finish()?;
    let place = location(tx, input.location_id, "locationId").await?;
    let key = key(&sku, place.warehouse_id);
    // The level's lock makes the read and the write one step: a second
    // writer waits here and then reads what the first one wrote.
    ledger::lock_levels(tx, &[key].into()).await.map_err(|e| e.at("quantity", "locationId"))?;
    let now = units_in_bin(tx, sku.id, place.id, lot.as_deref()).await?;
    if now != input.compare_quantity {
        return Err(DomainError::user("compareQuantity", UserErrorCode::Stale, messages::stale(now)));
    }
    let delta = input.quantity - now;
    let effect = match delta {
        0 => return Ok(StockChange { movements: Vec::new(), level: stock::read_level(tx, key).await? }),
        d if d > 0 => Effect::IntoBin { location_id: place.id, lot, received_on: None, expires_on: None, quantity: d },
        d => Effect::OutOfBin { location_id: place.id, lot, received_on: None, quantity: -d },
    };
    let entry = Entry { key, kind: MovementKind::Adjustment, effect, reason: Some(input.reason.as_str().to_owned()) };
    let view = json!({"location": place.code, "from": now, "to": input.quantity, "reason": input.reason.as_str()});
    finish(tx, "stock.set", key, &[entry], note.as_deref(), ("quantity", "locationId"), view).await
}

/// Moves units between two locations of one warehouse: a PUTAWAY out of
/// a receiving location, DAMAGE into a damaged one, a MOVE otherwise.
/// Each unit keeps its lot, receipt day and expiry.
pub async fn relocate(tx: &mut TenantTx, input: Relocation) -> DomainResult<StockChange> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let sku = sku(tx, input.sku_id).await?;
    let mut errors = UserErrors::default();
    positive("quantity", input.quantity, &mut errors);
    let lot = lot(&sku, input.lot.as_deref(), false, &mut errors);
    let note = note(input.note.as_deref(), &mut errors);
    if input.from_location_id == input.to_location_id {
        errors.push("toLocationId", UserErrorCode::Invalid, messages::same_location());
    }
    errors.finish()?;
    let from = location(tx, input.from_location_id, "fromLocationId").await?;
    let to = location(tx, input.to_location_id, "toLocationId").await?;
    if to.warehouse_id != from.warehouse_id {
        return Err(DomainError::user("toLocationId", UserErrorCode::Invalid, messages::other_warehouse()));
    }
    let kind = match (LocationType::parse(&from.kind), LocationType::parse(&to.kind)) {
        (_, Some(LocationType::Damaged)) => MovementKind::Damage,
        (Some(LocationType::Receiving), _) => MovementKind::Putaway,
        _ => MovementKind::Move,
    };
    let key = key(&sku, from.warehouse_id);
    let effect = Effect::MoveBin { from: from.id, to: to.id, lot, received_on: None, quantity: input.quantity };
    let entry = Entry { key, kind, effect, reason: None };
    let view = json!({"from": from.code, "to": to.code, "quantity": input.quantity});
    finish(tx, "stock.move", key, &[entry], note.as_deref(), ("quantity", "toLocationId"), view).await
}

/// Sets how many units of a SKU a warehouse holds back from sale, if it
/// is what the caller saw.
pub async fn set_safety_stock(tx: &mut TenantTx, input: SetSafetyStock) -> DomainResult<StockChange> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let sku = sku(tx, input.sku_id).await?;
    let mut errors = UserErrors::default();
    not_negative("quantity", input.quantity, &mut errors);
    not_negative("compareQuantity", input.compare_quantity, &mut errors);
    errors.finish()?;
    let Some(warehouse) = super::warehouses::by_ids(tx, [input.warehouse_id]).await?.remove(&input.warehouse_id) else {
        return Err(DomainError::not_found("warehouseId"));
    };
    let key = key(&sku, input.warehouse_id);
    let locked = ledger::lock_levels(tx, &[key].into()).await.map_err(|e| e.at("quantity", "warehouseId"))?;
    let now = locked.get(&(key.sku_id, key.warehouse_id)).map_or(0, |l| l.safety_stock);
    if now != input.compare_quantity {
        return Err(DomainError::user("compareQuantity", UserErrorCode::Stale, messages::stale(now)));
    }
    if input.quantity == now {
        return Ok(StockChange { movements: Vec::new(), level: stock::read_level(tx, key).await? });
    }
    let entry =
        Entry { key, kind: MovementKind::SafetyStock, effect: Effect::SafetyStock(input.quantity - now), reason: None };
    let view = json!({"warehouse": warehouse.code, "from": now, "to": input.quantity});
    finish(tx, "stock.safety_stock", key, &[entry], None, ("quantity", "warehouseId"), view).await
}
