//! What a file asks for, checked: the products and SKUs its rows make or
//! change, each field by the rules `productCreate` and `skuCreate` apply,
//! codes and barcodes not twice in the file, and barcodes not held by
//! another SKU of the merchant. A fault is kept with the line and column
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
use super::report::Faults;
use crate::platform::errors::{DomainError, DomainResult, UserError, UserErrorCode, UserErrors};
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

/// One variant row: its line and the change it makes (`code` is set).
#[derive(Debug, Clone)]
pub(super) struct SkuLine {
    pub line: u64,
    pub change: SkuUpdate,
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
    pub skus: Vec<(Option<Sku>, Sku)>,
    pub rows: usize,
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
            skus.push((before, sku));
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
