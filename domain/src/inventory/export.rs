//! Stock as CSV, for a merchant's or a finance team's spreadsheet and for
//! reconciling with another system: one row per stock level (SKU and
//! warehouse, every named quantity), or one per bin (location, lot,
//! receipt day, units and stock age). UTF-8 without a byte-order mark,
//! codes rather than ids, in code order.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;

use super::entities::{bin_stock, location, stock_level, warehouse};
use super::quantities::{BinStock, StockLevel};
use crate::catalog::{merchants, skus};
use crate::platform::access::Permission;
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::tenancy::TenantTx;

/// The columns of a levels export.
pub const LEVEL_COLUMNS: [&str; 10] = [
    "merchant_code",
    "sku_code",
    "warehouse_code",
    "on_hand",
    "reserved",
    "damaged",
    "quality_control",
    "safety_stock",
    "incoming",
    "available",
];

/// The columns of a bins export; `age_days` counts to today in UTC.
pub const BIN_COLUMNS: [&str; 9] = [
    "merchant_code",
    "sku_code",
    "warehouse_code",
    "location_code",
    "lot",
    "received_on",
    "expires_on",
    "on_hand",
    "age_days",
];

/// Which stock an export covers; each field given narrows it.
#[derive(Debug, Clone, Default)]
pub struct ExportFilter {
    pub warehouse_id: Option<Uuid>,
    pub merchant_id: Option<Uuid>,
}

/// Codes of the merchants, SKUs and warehouses of `keys`.
struct Codes {
    merchants: HashMap<Uuid, String>,
    skus: HashMap<Uuid, String>,
    warehouses: HashMap<Uuid, String>,
}

async fn codes(tx: &TenantTx, merchants: Vec<Uuid>, skus: Vec<Uuid>) -> DomainResult<Codes> {
    let warehouses = tx.find::<warehouse::Entity>().all(tx.conn()).await?;
    Ok(Codes {
        merchants: merchants::codes(tx, &merchants).await?,
        skus: skus::facts(tx, skus).await?.into_iter().map(|(id, f)| (id, f.code)).collect(),
        warehouses: warehouses.into_iter().map(|w| (w.id, w.code)).collect(),
    })
}

fn text(map: &HashMap<Uuid, String>, id: Uuid) -> String {
    map.get(&id).cloned().unwrap_or_default()
}

fn finish(mut rows: Vec<Vec<String>>, columns: &[&str]) -> DomainResult<Vec<u8>> {
    rows.sort();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns).map_err(DomainError::internal)?;
    for row in rows {
        writer.write_record(row).map_err(DomainError::internal)?;
    }
    writer.into_inner().map_err(DomainError::internal)
}

/// One row per stock level this caller may read.
pub async fn levels_csv(tx: &TenantTx, filter: &ExportFilter) -> DomainResult<Vec<u8>> {
    tx.ctx().require(Permission::InventoryRead)?;
    let mut select = tx.find::<stock_level::Entity>();
    if let Some(id) = filter.warehouse_id {
        select = select.filter(stock_level::Column::WarehouseId.eq(id));
    }
    if let Some(id) = filter.merchant_id {
        select = select.filter(stock_level::Column::MerchantId.eq(id));
    }
    let levels: Vec<StockLevel> = select.all(tx.conn()).await?.into_iter().map(StockLevel::from).collect();
    let codes =
        codes(tx, levels.iter().map(|l| l.key.merchant_id).collect(), levels.iter().map(|l| l.key.sku_id).collect())
            .await?;
    let rows = levels
        .iter()
        .map(|l| {
            let mut row = vec![
                text(&codes.merchants, l.key.merchant_id),
                text(&codes.skus, l.key.sku_id),
                text(&codes.warehouses, l.key.warehouse_id),
            ];
            let quantities =
                [l.on_hand, l.reserved, l.damaged, l.quality_control, l.safety_stock, l.incoming, l.available()];
            row.extend(quantities.iter().map(i64::to_string));
            row
        })
        .collect();
    finish(rows, &LEVEL_COLUMNS)
}

/// One row per bin (location, lot and receipt day) this caller may read.
pub async fn bins_csv(tx: &TenantTx, filter: &ExportFilter) -> DomainResult<Vec<u8>> {
    tx.ctx().require(Permission::InventoryRead)?;
    let mut select = tx.find::<bin_stock::Entity>();
    if let Some(id) = filter.warehouse_id {
        select = select.filter(bin_stock::Column::WarehouseId.eq(id));
    }
    if let Some(id) = filter.merchant_id {
        select = select.filter(bin_stock::Column::MerchantId.eq(id));
    }
    let bins: Vec<BinStock> = select.all(tx.conn()).await?.into_iter().map(BinStock::from).collect();
    let codes =
        codes(tx, bins.iter().map(|b| b.key.merchant_id).collect(), bins.iter().map(|b| b.key.sku_id).collect())
            .await?;
    let places: HashMap<Uuid, String> = tx
        .find::<location::Entity>()
        .filter(location::Column::Id.is_in(bins.iter().map(|b| b.location_id)))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|l| (l.id, l.code))
        .collect();
    let today = clock::now().date_naive();
    let rows = bins
        .iter()
        .map(|b| {
            vec![
                text(&codes.merchants, b.key.merchant_id),
                text(&codes.skus, b.key.sku_id),
                text(&codes.warehouses, b.key.warehouse_id),
                text(&places, b.location_id),
                b.lot.clone().unwrap_or_default(),
                b.received_on.to_string(),
                b.expires_on.map(|d| d.to_string()).unwrap_or_default(),
                b.on_hand.to_string(),
                b.age_days(today).to_string(),
            ]
        })
        .collect();
    finish(rows, &BIN_COLUMNS)
}
