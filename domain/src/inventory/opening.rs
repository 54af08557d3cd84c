//! Opening stock: the units a merchant's goods already have on the shelves
//! when its catalogue is first loaded (Silkport's SKU CSV, columns
//! `stock:<WAREHOUSE>:<LOCATION>`). An opening load is an initial load,
//! never a correction, so loading the same file twice changes nothing:
//!
//! - where the SKU (of the lot, when given) already has exactly the
//!   quantity at the location, nothing is written;
//! - where the SKU has no history at the location at all, the units are
//!   received there: a `RECEIPT` movement with reason `opening_stock`
//!   (the adjustment reason of that name), received today;
//! - where it has history there and another quantity, the load is refused
//!   for that location: real stock changes by an adjustment or a count,
//!   and is never overwritten by a file.
//!
//! The warehouse and location are named by their codes (any case); the
//! location must be active and its warehouse open. A lot-tracked SKU's
//! units need a lot, a SKU without lots takes none (as adjustments).

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use super::entities::{bin_stock, location, stock_movement, warehouse};
use super::ledger::{self, Effect, Entry, Reference};
use super::messages;
use super::quantities::{AdjustmentReason, MovementKind, StockKey};
use crate::catalog::SKU;
use crate::platform::audit::{self, Change};
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::i18n::Message;
use crate::platform::tenancy::TenantTx;

/// Most characters of a lot code.
const LOT_MAX: usize = 64;
/// Ids per `IN (…)` list, well inside every database's limit of parameters.
const CHUNK: usize = 500;

/// Where opening stock goes: a warehouse and one of its locations, by the
/// codes a file names them with (upper-cased).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Place {
    pub warehouse: String,
    pub location: String,
}

impl Place {
    pub fn new(warehouse: &str, location: &str) -> Self {
        Self { warehouse: warehouse.trim().to_uppercase(), location: location.trim().to_uppercase() }
    }
}

/// The SKU opening stock is for, as it is (or will be, in the same
/// transaction) written.
#[derive(Debug, Clone)]
pub struct Holder<'a> {
    pub sku_id: Uuid,
    pub merchant_id: Uuid,
    pub code: &'a str,
    pub lot_tracked: bool,
}

/// Units of a lot (none for a SKU without lots) to be found at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub place: Place,
    pub lot: Option<String>,
    /// Whole units, 0 or more.
    pub quantity: i64,
}

/// Units to receive into a bin: what an opening load writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub key: StockKey,
    pub location_id: Uuid,
    pub place: Place,
    pub lot: Option<String>,
    pub quantity: i64,
}

/// The warehouses and locations a file names and what the SKUs it loads
/// hold there now, read once for a batch of SKUs.
pub struct Ground {
    warehouses: HashMap<String, warehouse::Model>,
    locations: HashMap<Place, location::Model>,
    /// Units on hand by SKU, location and lot (`""`: no lot).
    units: HashMap<(Uuid, Uuid, String), i64>,
    /// (SKU, location) pairs with any movement: stock history.
    history: HashSet<(Uuid, Uuid)>,
}

/// Reads the ground `places` stand on, and what `skus` hold there (ids of
/// SKUs not written yet hold nothing). For contexts that checked their own
/// permission; owner scoping applies to the stock read.
pub async fn ground(tx: &TenantTx, places: &[Place], skus: &[Uuid]) -> DomainResult<Ground> {
    let codes: HashSet<&str> = places.iter().map(|p| p.warehouse.as_str()).collect();
    let warehouses: HashMap<String, warehouse::Model> = if codes.is_empty() {
        HashMap::new()
    } else {
        let rows = tx.find::<warehouse::Entity>().filter(warehouse::Column::Code.is_in(codes)).all(tx.conn()).await?;
        rows.into_iter().map(|w| (w.code.clone(), w)).collect()
    };
    let mut locations = HashMap::new();
    let by_id: HashMap<Uuid, &str> = warehouses.values().map(|w| (w.id, w.code.as_str())).collect();
    let location_codes: HashSet<&str> = places.iter().map(|p| p.location.as_str()).collect();
    if !by_id.is_empty() && !location_codes.is_empty() {
        let rows = tx
            .find::<location::Entity>()
            .filter(location::Column::WarehouseId.is_in(by_id.keys().copied()))
            .filter(location::Column::Code.is_in(location_codes))
            .all(tx.conn())
            .await?;
        for row in rows {
            let place = Place::new(by_id[&row.warehouse_id], &row.code);
            locations.insert(place, row);
        }
    }
    let location_ids: Vec<Uuid> = locations.values().map(|l| l.id).collect();
    let mut units = HashMap::new();
    let mut history = HashSet::new();
    if !location_ids.is_empty() {
        for chunk in skus.chunks(CHUNK) {
            let bins = tx
                .find::<bin_stock::Entity>()
                .filter(bin_stock::Column::SkuId.is_in(chunk.iter().copied()))
                .filter(bin_stock::Column::LocationId.is_in(location_ids.iter().copied()))
                .all(tx.conn())
                .await?;
            for bin in bins {
                *units.entry((bin.sku_id, bin.location_id, bin.lot)).or_default() += bin.on_hand;
            }
            let moved: Vec<(Uuid, Option<Uuid>)> = tx
                .find::<stock_movement::Entity>()
                .select_only()
                .column(stock_movement::Column::SkuId)
                .column(stock_movement::Column::LocationId)
                .distinct()
                .filter(stock_movement::Column::SkuId.is_in(chunk.iter().copied()))
                .filter(stock_movement::Column::LocationId.is_in(location_ids.iter().copied()))
                .into_tuple()
                .all(tx.conn())
                .await?;
            history.extend(moved.into_iter().filter_map(|(sku, location)| Some((sku, location?))));
        }
    }
    Ok(Ground { warehouses, locations, units, history })
}

impl Ground {
    /// What loading `opening` for `sku` takes: a receipt, nothing (the
    /// units are there already, or none are asked for where there is no
    /// stock), or a refusal saying why.
    pub fn plan(&self, sku: &Holder<'_>, opening: &Opening) -> Result<Option<Receipt>, Message> {
        let place = &opening.place;
        let Some(warehouse) = self.warehouses.get(&place.warehouse) else {
            return Err(messages::opening_unknown_warehouse(&place.warehouse));
        };
        if !warehouse.active {
            return Err(messages::warehouse_closed(&warehouse.code));
        }
        let Some(location) = self.locations.get(place) else {
            return Err(messages::opening_unknown_location(&place.warehouse, &place.location));
        };
        if !location.active {
            return Err(messages::opening_location_inactive(&location.code));
        }
        let lot = opening.lot.as_deref().map(str::trim).filter(|l| !l.is_empty());
        match lot {
            None if sku.lot_tracked && opening.quantity > 0 => return Err(messages::lot_required(sku.code)),
            Some(_) if !sku.lot_tracked => return Err(messages::lot_not_tracked(sku.code)),
            Some(lot) if lot.chars().count() > LOT_MAX => return Err(messages::too_long(LOT_MAX)),
            _ => {}
        }
        let held: i64 = self
            .units
            .iter()
            .filter(|((s, l, bin_lot), _)| {
                *s == sku.sku_id && *l == location.id && lot.is_none_or(|lot| lot == bin_lot.as_str())
            })
            .map(|(_, units)| *units)
            .sum();
        if held == opening.quantity {
            return Ok(None);
        }
        if self.history.contains(&(sku.sku_id, location.id)) {
            return Err(messages::opening_differs(held, opening.quantity));
        }
        Ok(Some(Receipt {
            key: StockKey { sku_id: sku.sku_id, warehouse_id: warehouse.id, merchant_id: sku.merchant_id },
            location_id: location.id,
            place: place.clone(),
            lot: lot.map(str::to_owned),
            quantity: opening.quantity,
        }))
    }
}

/// Receives `receipts` (one SKU's opening stock) as one posting referring
/// to `reference` (the import), each audited as `stock.opening` of the SKU.
pub async fn receive(tx: &mut TenantTx, receipts: &[Receipt], reference: &Reference) -> DomainResult<()> {
    if receipts.is_empty() {
        return Ok(());
    }
    let entries: Vec<Entry> = receipts
        .iter()
        .map(|r| Entry {
            key: r.key,
            kind: MovementKind::Receipt,
            effect: Effect::IntoBin {
                location_id: r.location_id,
                lot: r.lot.clone(),
                received_on: None,
                expires_on: None,
                quantity: r.quantity,
            },
            reason: Some(AdjustmentReason::OpeningStock.as_str().to_owned()),
        })
        .collect();
    // Checked just before in this transaction: a refusal here is a bug.
    ledger::post(tx, &entries, Some(reference), None)
        .await
        .map_err(|e| DomainError::Internal(format!("opening stock was refused: {e}")))?;
    for r in receipts {
        let after = json!({"warehouse": r.place.warehouse, "location": r.place.location, "lot": r.lot,
                           "quantity": r.quantity, "reason": AdjustmentReason::OpeningStock.as_str(),
                           "referenceType": reference.kind, "referenceId": reference.id});
        audit::record(tx, Change::of("stock.opening", SKU, r.key.sku_id).after(after)).await?;
    }
    Ok(())
}
