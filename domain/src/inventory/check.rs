//! The ledger's invariants, verified over a whole tenant (or a merchant's
//! own stock): every bin's units equal the sum of its `on_hand`
//! movements; every level's reserved, incoming and safety stock the sum of
//! theirs; every level's on hand, damaged and quality control the sum of
//! its bins; no quantity below zero and no `available` below zero
//! (DESIGN.md §4). Each breach is named, not just counted.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::entities::{bin_stock, location, stock_level, stock_movement};
use super::locations::{Holding, LocationType};
use super::quantities::Quantity;
use crate::identity::tenants;
use crate::platform::access::Permission;
use crate::platform::db::Db;
use crate::platform::errors::DomainResult;
use crate::platform::tenancy::TenantCtx;
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

string_enum!(
    /// Which invariant a mismatch breaks: LEDGER (a stored quantity is not
    /// the sum of its movements), BINS (a level's quantity is not the sum
    /// of its bins), NEGATIVE (a quantity, or `available`, below zero).
    Invariant as "StockInvariant" {
        Ledger = "ledger",
        Bins = "bins",
        Negative = "negative",
    }
);

/// One breach of an invariant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatch {
    pub invariant: Invariant,
    pub sku_id: Uuid,
    pub warehouse_id: Uuid,
    /// The bin, for a bin's mismatch.
    pub location_id: Option<Uuid>,
    pub lot: Option<String>,
    pub received_on: Option<NaiveDate>,
    /// `on_hand`, `reserved`, `incoming`, `safety_stock`, `damaged`,
    /// `quality_control` or `available`.
    pub quantity: String,
    /// What is stored.
    pub recorded: i64,
    /// What the movements (LEDGER) or the bins (BINS) add up to; zero for NEGATIVE.
    pub expected: i64,
}

/// The outcome of a check: how much was looked at and every mismatch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub levels: u64,
    pub bins: u64,
    pub movements: u64,
    pub mismatches: Vec<Mismatch>,
}

type BinKey = (Uuid, Uuid, Uuid, String, NaiveDate);

/// A bin's movements summed: SKU, warehouse, location, lot, receipt day,
/// the sum and the count.
type BinSum = (Uuid, Uuid, Option<Uuid>, Option<String>, Option<NaiveDate>, i64, i64);

/// Sums of the movements: per bin for `on_hand`, per level and quantity
/// for the others, and how many movements there are.
async fn movement_sums(tx: &TenantTx) -> DomainResult<(HashMap<BinKey, i64>, HashMap<(Uuid, Uuid, String), i64>, u64)> {
    use stock_movement::Column as C;
    let sum = Expr::cust("CAST(SUM(delta) AS BIGINT)");
    let count = Expr::cust("CAST(COUNT(*) AS BIGINT)");
    let bins: Vec<BinSum> = tx
        .find::<stock_movement::Entity>()
        .select_only()
        .columns([C::SkuId, C::WarehouseId, C::LocationId, C::Lot, C::ReceivedOn])
        .column_as(sum.clone(), "total")
        .column_as(count.clone(), "movements")
        .filter(C::Quantity.eq(Quantity::OnHand.as_str()))
        .group_by(C::SkuId)
        .group_by(C::WarehouseId)
        .group_by(C::LocationId)
        .group_by(C::Lot)
        .group_by(C::ReceivedOn)
        .into_tuple()
        .all(tx.conn())
        .await?;
    let levels: Vec<(Uuid, Uuid, String, i64, i64)> = tx
        .find::<stock_movement::Entity>()
        .select_only()
        .columns([C::SkuId, C::WarehouseId, C::Quantity])
        .column_as(sum, "total")
        .column_as(count, "movements")
        .filter(C::Quantity.ne(Quantity::OnHand.as_str()))
        .group_by(C::SkuId)
        .group_by(C::WarehouseId)
        .group_by(C::Quantity)
        .into_tuple()
        .all(tx.conn())
        .await?;
    let mut movements = 0;
    let mut by_bin = HashMap::new();
    for (sku, warehouse, location, lot, received_on, total, n) in bins {
        movements += n as u64;
        // An on-hand movement always names its bin; one that does not is
        // counted under a nil bin so the check reports it.
        let key =
            (sku, warehouse, location.unwrap_or_default(), lot.unwrap_or_default(), received_on.unwrap_or_default());
        *by_bin.entry(key).or_default() += total;
    }
    let mut by_level = HashMap::new();
    for (sku, warehouse, quantity, total, n) in levels {
        movements += n as u64;
        by_level.insert((sku, warehouse, quantity), total);
    }
    Ok((by_bin, by_level, movements))
}

/// Verifies every invariant over the stock this context may read.
pub async fn run(tx: &TenantTx) -> DomainResult<Report> {
    tx.ctx().require(Permission::InventoryRead)?;
    let (mut ledger_bins, ledger_levels, movements) = movement_sums(tx).await?;
    let kinds: HashMap<Uuid, String> = tx
        .find::<location::Entity>()
        .select_only()
        .columns([location::Column::Id, location::Column::Kind])
        .into_tuple()
        .all(tx.conn())
        .await?
        .into_iter()
        .collect();
    let bins = tx.find::<bin_stock::Entity>().all(tx.conn()).await?;
    let levels = tx.find::<stock_level::Entity>().all(tx.conn()).await?;
    let mut report = Report { levels: levels.len() as u64, bins: bins.len() as u64, movements, mismatches: Vec::new() };

    // (on hand, damaged, quality control) of each level, from its bins.
    let mut from_bins: BTreeMap<(Uuid, Uuid), [i64; 3]> = BTreeMap::new();
    for bin in &bins {
        let key = (bin.sku_id, bin.warehouse_id, bin.location_id, bin.lot.clone(), bin.received_on);
        let summed = ledger_bins.remove(&key).unwrap_or(0);
        let mismatch = |invariant, expected| Mismatch {
            invariant,
            sku_id: bin.sku_id,
            warehouse_id: bin.warehouse_id,
            location_id: Some(bin.location_id),
            lot: (!bin.lot.is_empty()).then(|| bin.lot.clone()),
            received_on: Some(bin.received_on),
            quantity: Quantity::OnHand.as_str().to_owned(),
            recorded: bin.on_hand,
            expected,
        };
        if summed != bin.on_hand {
            report.mismatches.push(mismatch(Invariant::Ledger, summed));
        }
        if bin.on_hand < 0 {
            report.mismatches.push(mismatch(Invariant::Negative, 0));
        }
        let parts = from_bins.entry((bin.sku_id, bin.warehouse_id)).or_default();
        parts[0] += bin.on_hand;
        match kinds.get(&bin.location_id).and_then(|k| LocationType::parse(k)).map(LocationType::holds) {
            Some(Holding::Damaged) => parts[1] += bin.on_hand,
            Some(Holding::QualityControl) => parts[2] += bin.on_hand,
            _ => {}
        }
    }
    // Bins that are gone must have movements adding up to nothing.
    for ((sku_id, warehouse_id, location_id, lot, received_on), summed) in ledger_bins {
        if summed != 0 {
            report.mismatches.push(Mismatch {
                invariant: Invariant::Ledger,
                sku_id,
                warehouse_id,
                location_id: Some(location_id),
                lot: (!lot.is_empty()).then_some(lot),
                received_on: Some(received_on),
                quantity: Quantity::OnHand.as_str().to_owned(),
                recorded: 0,
                expected: summed,
            });
        }
    }

    for level in &levels {
        let mismatch = |invariant, quantity: &str, recorded, expected| Mismatch {
            invariant,
            sku_id: level.sku_id,
            warehouse_id: level.warehouse_id,
            location_id: None,
            lot: None,
            received_on: None,
            quantity: quantity.to_owned(),
            recorded,
            expected,
        };
        let summed = |quantity: Quantity| {
            ledger_levels.get(&(level.sku_id, level.warehouse_id, quantity.as_str().to_owned())).copied().unwrap_or(0)
        };
        for (quantity, recorded) in [
            (Quantity::Reserved, level.reserved),
            (Quantity::Incoming, level.incoming),
            (Quantity::SafetyStock, level.safety_stock),
        ] {
            if summed(quantity) != recorded {
                report.mismatches.push(mismatch(Invariant::Ledger, quantity.as_str(), recorded, summed(quantity)));
            }
        }
        let [on_hand, damaged, quality_control] =
            from_bins.get(&(level.sku_id, level.warehouse_id)).copied().unwrap_or_default();
        for (name, recorded, expected) in [
            ("on_hand", level.on_hand, on_hand),
            ("damaged", level.damaged, damaged),
            ("quality_control", level.quality_control, quality_control),
        ] {
            if recorded != expected {
                report.mismatches.push(mismatch(Invariant::Bins, name, recorded, expected));
            }
        }
        let available = level.available();
        for (name, value) in [
            ("on_hand", level.on_hand),
            ("reserved", level.reserved),
            ("incoming", level.incoming),
            ("safety_stock", level.safety_stock),
            ("available", available),
        ] {
            if value < 0 {
                report.mismatches.push(mismatch(Invariant::Negative, name, value, 0));
            }
        }
    }
    // Bins whose level is missing.
    for ((sku_id, warehouse_id), [on_hand, ..]) in from_bins {
        if !levels.iter().any(|l| l.sku_id == sku_id && l.warehouse_id == warehouse_id) {
            report.mismatches.push(Mismatch {
                invariant: Invariant::Bins,
                sku_id,
                warehouse_id,
                location_id: None,
                lot: None,
                received_on: None,
                quantity: Quantity::OnHand.as_str().to_owned(),
                recorded: 0,
                expected: on_hand,
            });
        }
    }
    Ok(report)
}

/// The check of the whole tenant whose slug is `slug`, run as the platform
/// acting for it (`silkport inventory check --tenant <slug>`); `None` when
/// no tenant has that slug.
pub async fn run_for_tenant(db: &Db, slug: &str) -> DomainResult<Option<Report>> {
    let Some(tenant) = tenants::find_by_slug(db.connection(), slug).await? else { return Ok(None) };
    Ok(Some(db.read(&TenantCtx::system(tenant.id), async |tx| run(tx).await).await?))
}
