//! What a file's orders are, as a format read them, and their check by
//! the rules of an order before anything is written: every field as
//! [`intake::check`] sees it, and, for orders the merchant has not got
//! yet, every line's SKU among the merchant's active SKUs. Each fault is
//! put back on the line and column of the file it came from.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::super::intake::{self, NewOrder};
use crate::catalog::skus;
use crate::platform::errors::{DomainError, DomainResult, UserError};
use crate::platform::imports::Faults;
use crate::platform::tenancy::TenantTx;

/// The header name of the cell an order's field comes from, for a field
/// path as user errors name it (`["input", "shipTo", "postalCode"]`,
/// `["input", "lines", "2", "quantity"]`); `None` when no one cell is.
pub(super) type Columns = fn(&[String]) -> Option<&'static str>;

/// One order of the file: the order to take in (for no merchant yet, by
/// SKU codes) and where its parts are in the file.
#[derive(Debug, Clone)]
pub(super) struct FileOrder {
    /// The line of its first row, which carries its order-level cells.
    pub line: u64,
    pub order: NewOrder,
    /// The line each of `order.lines` comes from.
    pub line_of: Vec<u64>,
    /// Whether a line was left out for a fault of its own (the order
    /// then has no "no lines" fault of its own as well).
    pub lines_dropped: bool,
    /// Records of the file it took, lines passed over included.
    pub rows: usize,
}

impl FileOrder {
    /// The line and column a fault on `field` is shown at.
    fn place(&self, field: &[String], columns: Columns) -> (u64, Option<&'static str>) {
        let line = match field.get(1).map(String::as_str) {
            Some("lines") => field.get(2).and_then(|i| i.parse::<usize>().ok()).and_then(|i| self.line_of.get(i)),
            _ => None,
        };
        (line.copied().unwrap_or(self.line), columns(field))
    }

    /// Records the user errors of `result` as faults of this order's rows.
    fn record(&self, faults: &mut Faults, columns: Columns, result: DomainResult<()>) -> DomainResult<()> {
        match result {
            Ok(()) => Ok(()),
            Err(DomainError::User(errors)) => {
                for UserError { field, code, message, .. } in errors {
                    if self.lines_dropped && field.len() == 2 && field[1] == "lines" {
                        continue;
                    }
                    let (line, column) = self.place(&field, columns);
                    faults.push(line, column, code, &message);
                }
                Ok(())
            }
            Err(other) => Err(other),
        }
    }
}

/// Checks `orders` for `merchant_id` as they would be taken in now,
/// recording each fault: every field, and the SKUs of the orders whose
/// reference the merchant has not used yet (an order it has is left as it
/// is, whatever its SKUs have become since).
pub(super) async fn check(
    tx: &TenantTx,
    merchant_id: Uuid,
    orders: &[FileOrder],
    faults: &mut Faults,
    columns: Columns,
) -> DomainResult<()> {
    let mut valid = Vec::with_capacity(orders.len());
    for order in orders {
        let checked = intake::check(&order.order).map(|_| ());
        if checked.is_ok() {
            valid.push(order);
        }
        order.record(faults, columns, checked)?;
    }
    let references: Vec<String> = valid.iter().map(|o| o.order.reference.trim().to_owned()).collect();
    let existing: HashSet<String> = intake::existing_references(tx, merchant_id, &references).await?;
    let new: Vec<&FileOrder> = valid.into_iter().filter(|o| !existing.contains(o.order.reference.trim())).collect();
    let mut codes: Vec<String> = new
        .iter()
        .flat_map(|o| o.order.lines.iter().filter_map(|l| l.sku_code.as_deref().map(|c| c.trim().to_owned())))
        .collect();
    codes.sort();
    codes.dedup();
    let by_code = skus::facts_by_codes(tx, merchant_id, &codes).await?;
    for order in new {
        let matched = intake::match_skus(merchant_id, &order.order.lines, &HashMap::new(), &by_code).map(|_| ());
        order.record(faults, columns, matched)?;
    }
    Ok(())
}
