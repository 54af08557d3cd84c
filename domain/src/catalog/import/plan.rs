//! What a file asks for, checked: the products and SKUs its rows make or
//! change, each field by the rules `productCreate` and `skuCreate` apply,
//! codes and barcodes not twice in the file, barcodes not held by another
//! SKU of the merchant, and opening stock by the rules of
//! [`crate::inventory::opening`]. A fault is kept with the line and column
//! it comes from; what is planned is written by [`super::job`].
//!
//! The same [`plan`] checks the whole file before anything is written and
//! each slice of it again in the transaction that writes it, so what is
//! written is measured against the database as it is then.

use std::collections::HashMap;

use uuid::Uuid;

use super::super::barcodes;
use super::super::messages;
use super::super::products::{self, Product, ProductStatus};
use super::super::skus::{self, Sku, SkuUpdate};
use crate::inventory::opening::{self, Holder, Opening, Place, Receipt};
use crate::platform::errors::{DomainError, DomainResult, UserError, UserErrorCode, UserErrors};
use crate::platform::imports::Faults;
use crate::platform::tenancy::TenantTx;

/// One product of the file with its variants, as a format read it.
#[derive(Debug, Clone)]
pub(super) struct Group {
    /// The line of its first row.
    pub line: u64,
    pub handle: String,
    /// A title the file gives; `None` keeps the product's.
    pub title_zh: Option<String>,
    pub title_en: Option<String>,
    pub status: Option<ProductStatus>,
    pub skus: Vec<SkuLine>,
    /// How many records of the file it took (variants, image-only rows).
    pub rows: usize,
}

/// One variant row: its line, the change it makes (`code` is set) and the
/// opening stock it gives.
#[derive(Debug, Clone)]
pub(super) struct SkuLine {
    pub line: u64,
    pub change: SkuUpdate,
    pub stock: Vec<StockCell>,
}

/// The opening stock of one cell of a stock column.
#[derive(Debug, Clone)]
pub(super) struct StockCell {
    /// The header's name of the column (`stock:LAX1:A-01-01-1-A`).
    pub column: String,
    pub opening: Opening,
}

impl SkuLine {
    pub fn code(&self) -> &str {
        self.change.code.as_deref().unwrap_or_default().trim()
    }
}

/// The header name of the cell an input field comes from, for a field
/// path as user errors name it (`["input", "declaredValue", "amount"]`);
/// `None` when no one cell is at fault.
pub(super) type Columns = fn(&[String]) -> Option<&'static str>;

/// A product and its SKUs as they are and as the file makes them.
pub(super) struct Planned {
    pub product_before: Option<Product>,
    pub product_after: Product,
    pub skus: Vec<PlannedSku>,
    pub rows: usize,
}

/// A SKU as it is and as the file makes it, with the opening stock to
/// receive once it is written.
pub(super) struct PlannedSku {
    pub before: Option<Sku>,
    pub after: Sku,
    pub receipts: Vec<Receipt>,
}

fn record(faults: &mut Faults, line: u64, columns: Columns, result: DomainResult<()>) -> DomainResult<()> {
    match result {
        Ok(()) => Ok(()),
        Err(DomainError::User(errors)) => {
            for UserError { field, code, message, .. } in errors {
                faults.push(line, columns(&field), code, &message);
            }
            Ok(())
        }
        Err(other) => Err(other),
    }
}

/// Codes and barcodes given twice in the file: each later line is a fault.
pub(super) fn twice(groups: &[Group], faults: &mut Faults, columns: Columns) {
    let code_column = columns(&["input".into(), "code".into()]);
    let barcode_column = columns(&["input".into(), "barcodes".into()]);
    let mut codes: HashMap<&str, u64> = HashMap::new();
    let mut keys: HashMap<String, u64> = HashMap::new();
    for line in groups.iter().flat_map(|g| &g.skus) {
        if let Some(first) = codes.get(line.code()) {
            let message = messages::import_code_twice(line.code(), i64::try_from(*first).unwrap_or(i64::MAX));
            faults.push(line.line, code_column, UserErrorCode::Taken, &message);
        } else {
            codes.insert(line.code(), line.line);
        }
        for barcode in line.change.barcodes.iter().flatten() {
            let key = barcode.scan_key();
            match keys.get(&key) {
                Some(first) if *first != line.line => {
                    let first = i64::try_from(*first).unwrap_or(i64::MAX);
                    let message = messages::import_barcode_twice(barcode.barcode.trim(), first);
                    faults.push(line.line, barcode_column, UserErrorCode::Taken, &message);
                }
                _ => {
                    keys.insert(key, line.line);
                }
            }
        }
    }
}

/// Checks `groups` against the rules and against the goods of
/// `merchant_id` as they are now, recording each fault; what they would
/// write, in the order of the file.
pub(super) async fn plan(
    tx: &TenantTx,
    merchant_id: Uuid,
    groups: &[Group],
    faults: &mut Faults,
    columns: Columns,
) -> DomainResult<Vec<Planned>> {
    let handles: Vec<String> = groups.iter().map(|g| g.handle.trim().to_lowercase()).collect();
    let codes: Vec<String> = groups.iter().flat_map(|g| g.skus.iter().map(|s| s.code().to_owned())).collect();
    let mut products = products::by_handles(tx, merchant_id, &handles).await?;
    let existing = skus::by_codes(tx, merchant_id, &codes).await?;
    let ground = stock_ground(tx, groups, &existing).await?;
    let mut planned = Vec::with_capacity(groups.len());
    let mut keys = Vec::new();
    for group in groups {
        let mut errors = UserErrors::default();
        let handle = products::parse_handle(&group.handle, &mut errors);
        let before = products.remove(&handle);
        let base = before.clone().unwrap_or_else(|| Product::blank(merchant_id, &handle));
        // A new product the file gives no title takes its first SKU's names.
        let untitled = before.is_none() && group.title_zh.is_none() && group.title_en.is_none();
        let first = group.skus.first().filter(|_| untitled).map(|line| &line.change);
        let title_zh = group.title_zh.as_deref().or(first.and_then(|c| c.name_zh.as_deref()));
        let title_en = group.title_en.as_deref().or(first.and_then(|c| c.name_en.as_deref()));
        let after = products::changed(&base, title_zh, title_en, group.status, &mut errors);
        record(faults, group.line, columns, errors.finish())?;
        let mut skus = Vec::with_capacity(group.skus.len());
        for line in &group.skus {
            let before = existing.get(line.code()).cloned();
            let base = before.clone().unwrap_or_else(|| Sku::blank(merchant_id, after.id));
            let mut errors = UserErrors::default();
            let mut sku = skus::changed(&base, &line.change, &mut errors);
            record(faults, line.line, columns, errors.finish())?;
            // The file says which product a SKU is a variant of.
            sku.product_id = after.id;
            keys.extend(sku.barcodes.iter().map(|b| (b.scan_key(), b.barcode.clone(), line.line, sku.id)));
            let holder = Holder { sku_id: sku.id, merchant_id, code: &sku.code, lot_tracked: sku.lot_tracked };
            let mut receipts = Vec::new();
            for cell in &line.stock {
                match ground.as_ref().map(|g| g.plan(&holder, &cell.opening)) {
                    Some(Ok(Some(receipt))) => receipts.push(receipt),
                    Some(Err(message)) => faults.row(line.line, Some(cell.column.as_str()), message),
                    Some(Ok(None)) | None => {}
                }
            }
            skus.push(PlannedSku { before, after: sku, receipts });
        }
        planned.push(Planned { product_before: before, product_after: after, skus, rows: group.rows });
    }
    let scan_keys: Vec<String> = keys.iter().map(|(key, ..)| key.clone()).collect();
    let holders = barcodes::holders(tx, merchant_id, &scan_keys).await?;
    let barcode_column = columns(&["input".into(), "barcodes".into()]);
    for (key, barcode, line, sku) in keys {
        // Held by another SKU, even one the file changes too: writes go in
        // file order, so a barcode moves between SKUs in two imports.
        if holders.get(&key).is_some_and(|holder| *holder != sku) {
            faults.push(line, barcode_column, UserErrorCode::Taken, &messages::barcode_taken(&barcode));
        }
    }
    Ok(planned)
}

/// The warehouses, locations and stock the opening stock of `groups`
/// concerns, read once; none when the file gives no stock.
async fn stock_ground(
    tx: &TenantTx,
    groups: &[Group],
    existing: &HashMap<String, Sku>,
) -> DomainResult<Option<opening::Ground>> {
    let lines = || groups.iter().flat_map(|g| &g.skus).filter(|l| !l.stock.is_empty());
    if lines().next().is_none() {
        return Ok(None);
    }
    let mut places: Vec<Place> = lines().flat_map(|l| l.stock.iter().map(|c| c.opening.place.clone())).collect();
    places.sort_by(|a, b| (&a.warehouse, &a.location).cmp(&(&b.warehouse, &b.location)));
    places.dedup();
    let skus: Vec<Uuid> = lines().filter_map(|l| existing.get(l.code()).map(|s| s.id)).collect();
    Ok(Some(opening::ground(tx, &places, &skus).await?))
}
