//! Shopify's orders export, as a merchant downloads it from the Shopify
//! admin (Orders → Export → CSV): one row per line item; an order of
//! several lines repeats its `Name` (`#1001`) on continuation rows whose
//! order-level cells are empty, so the order's email, shipping method,
//! notes, status and shipping address are read from its first row. Later
//! exports add columns: any column this does not read may be there or not.
//!
//! What becomes of it, for the merchant the import is for:
//! - an order per `Name` (its reference), shipped to the `Shipping …`
//!   address (`Shipping Province` as the region code, `Shipping Country`
//!   ISO alpha-2, `Shipping Zip` without the apostrophe Shopify puts before
//!   a ZIP with leading zeros, `'02134`; also before a phone number), with
//!   `Email` as the recipient's, `Shipping Method` as the service level and
//!   `Notes` as the note;
//! - a line per line item by `Lineitem sku` (the merchant's SKU code) and
//!   `Lineitem quantity` (a whole number above zero).
//!
//! Passed over as notices, not faults (no warehouse work): an order with
//! `Cancelled at` set (cancelled in Shopify), an order whose `Fulfillment
//! Status` is `fulfilled` (shipped already, by the shop or another
//! warehouse), a line with `Lineitem requires shipping` false (gift cards,
//! digital goods, services), a line whose `Lineitem fulfillment status` is
//! `fulfilled` (shipped already, in a partly fulfilled order), and an order
//! left with no line to ship. Money, taxes, billing, payment and the other
//! columns are not read: the warehouse ships, it does not invoice.

use std::collections::HashMap;

use super::super::addresses::ShipTo;
use super::super::intake::{NewLine, NewOrder};
use super::super::messages;
use super::super::status::OrderChannel;
use super::reading::FileOrder;
use crate::platform::imports::{CsvFile, Faults, Header, Record};
use crate::platform::messages as import_messages;

/// The columns read: every Shopify orders export has them.
pub(super) const HEADER: Header = Header {
    label: "Shopify orders export",
    required: &[
        "Name",
        "Email",
        "Fulfillment Status",
        "Shipping Method",
        "Lineitem quantity",
        "Lineitem name",
        "Lineitem sku",
        "Lineitem requires shipping",
        "Lineitem fulfillment status",
        "Shipping Name",
        "Shipping Address1",
        "Shipping Address2",
        "Shipping Company",
        "Shipping City",
        "Shipping Zip",
        "Shipping Province",
        "Shipping Country",
        "Shipping Phone",
        "Notes",
        "Cancelled at",
    ],
    known: None,
};

/// What a notice of a row passed over is coded as.
pub(super) const SKIPPED: &str = "skipped";

/// The column a field's fault is shown in.
pub(super) fn column(field: &[String]) -> Option<&'static str> {
    Some(match (field.get(1).map(String::as_str)?, field.get(2).map(String::as_str)) {
        ("reference", _) => "Name",
        ("serviceLevel", _) => "Shipping Method",
        ("note", _) => "Notes",
        ("shipTo", Some("name")) => "Shipping Name",
        ("shipTo", Some("company")) => "Shipping Company",
        ("shipTo", Some("line1")) => "Shipping Address1",
        ("shipTo", Some("line2")) => "Shipping Address2",
        ("shipTo", Some("city")) => "Shipping City",
        ("shipTo", Some("region")) => "Shipping Province",
        ("shipTo", Some("postalCode")) => "Shipping Zip",
        ("shipTo", Some("countryCode")) => "Shipping Country",
        ("shipTo", Some("phone")) => "Shipping Phone",
        ("shipTo", Some("email")) => "Email",
        ("lines", Some(_)) => match field.get(3).map(String::as_str) {
            Some("quantity") => "Lineitem quantity",
            _ => "Lineitem sku",
        },
        _ => return None,
    })
}

/// A cell as Shopify writes it, without the apostrophe it puts before a
/// value a spreadsheet would read as a number (`'02134`); `None` when empty.
fn value(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text.strip_prefix('\'').unwrap_or(text).trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// An order as the rows read so far make it.
struct Pending {
    order: FileOrder,
    /// Passed over whole (cancelled or fulfilled): its rows only counted.
    skipped: bool,
    /// Lines passed over.
    lines_skipped: usize,
}

/// The order a first row begins, with its order-level cells.
fn begin(file: &CsvFile, record: &Record, name: &str) -> FileOrder {
    let cell = |column: &str| file.cell(record, column);
    let ship_to = ShipTo {
        name: cell("Shipping Name").to_owned(),
        company: value(cell("Shipping Company")),
        line1: cell("Shipping Address1").to_owned(),
        line2: value(cell("Shipping Address2")),
        city: cell("Shipping City").to_owned(),
        region: value(cell("Shipping Province")),
        postal_code: value(cell("Shipping Zip")),
        country: cell("Shipping Country").to_owned(),
        phone: value(cell("Shipping Phone")),
        email: value(cell("Email")),
    };
    let order = NewOrder {
        merchant_id: None,
        reference: name.to_owned(),
        channel: OrderChannel::Csv,
        ship_to,
        service_level: value(cell("Shipping Method")),
        note: value(cell("Notes")),
        lines: Vec::new(),
    };
    FileOrder { line: record.line, order, line_of: Vec::new(), lines_dropped: false, rows: 0 }
}

/// The orders of a Shopify export in the order of the file, and how many
/// were passed over; faults and notices of the rows are recorded.
pub(super) fn read(file: &CsvFile, faults: &mut Faults, notices: &mut Faults) -> (Vec<FileOrder>, usize) {
    let mut pending: Vec<Pending> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for record in file.records(faults) {
        let line = record.line;
        let cell = |column: &str| file.cell(&record, column);
        let name = cell("Name");
        if name.is_empty() {
            faults.row(line, Some("Name"), import_messages::import_required());
            continue;
        }
        let index = *by_name.entry(name.to_owned()).or_insert_with(|| {
            let order = begin(file, &record, name);
            let (cancelled, fulfilled) =
                (!cell("Cancelled at").is_empty(), cell("Fulfillment Status").eq_ignore_ascii_case("fulfilled"));
            if cancelled {
                notices.push_as(line, Some("Cancelled at"), SKIPPED, &messages::import_skipped_cancelled(name));
            } else if fulfilled {
                notices.push_as(line, Some("Fulfillment Status"), SKIPPED, &messages::import_skipped_fulfilled(name));
            }
            pending.push(Pending { order, skipped: cancelled || fulfilled, lines_skipped: 0 });
            pending.len() - 1
        });
        let current = &mut pending[index];
        current.order.rows += 1;
        if current.skipped {
            continue;
        }
        let item = cell("Lineitem name");
        let ships = match cell("Lineitem requires shipping").to_lowercase().as_str() {
            "" | "true" | "yes" => true,
            "false" | "no" => false,
            other => {
                faults.row(line, Some("Lineitem requires shipping"), import_messages::import_flag(other));
                current.order.lines_dropped = true;
                continue;
            }
        };
        if !ships {
            let message = messages::import_skipped_no_shipping(item);
            notices.push_as(line, Some("Lineitem requires shipping"), SKIPPED, &message);
            current.lines_skipped += 1;
            continue;
        }
        if cell("Lineitem fulfillment status").eq_ignore_ascii_case("fulfilled") {
            let message = messages::import_skipped_line_fulfilled(item);
            notices.push_as(line, Some("Lineitem fulfillment status"), SKIPPED, &message);
            current.lines_skipped += 1;
            continue;
        }
        let sku = cell("Lineitem sku");
        if sku.is_empty() {
            faults.row(line, Some("Lineitem sku"), messages::import_line_without_sku());
            current.order.lines_dropped = true;
            continue;
        }
        let quantity = cell("Lineitem quantity");
        let Ok(units) = quantity.parse::<i64>() else {
            faults.row(line, Some("Lineitem quantity"), messages::import_quantity(quantity));
            current.order.lines_dropped = true;
            continue;
        };
        current.order.order.lines.push(NewLine { sku_id: None, sku_code: Some(sku.to_owned()), quantity: units });
        current.order.line_of.push(line);
    }
    let mut orders = Vec::with_capacity(pending.len());
    let mut skipped = 0;
    for p in pending {
        if p.skipped {
            skipped += 1;
        } else if p.order.order.lines.is_empty() && !p.order.lines_dropped && p.lines_skipped > 0 {
            let reference = &p.order.order.reference;
            notices.push_as(p.order.line, None, SKIPPED, &messages::import_skipped_nothing_to_ship(reference));
            skipped += 1;
        } else {
            orders.push(p.order);
        }
    }
    (orders, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_apostrophe_kept_for_a_spreadsheet_is_dropped() {
        assert_eq!(value("'02134").as_deref(), Some("02134"));
        assert_eq!(value("90001").as_deref(), Some("90001"));
        assert_eq!(value(" ' "), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn faults_are_shown_in_the_columns_of_the_export() {
        let path = |parts: &[&str]| parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
        assert_eq!(column(&path(&["input", "shipTo", "postalCode"])), Some("Shipping Zip"));
        assert_eq!(column(&path(&["input", "shipTo", "email"])), Some("Email"));
        assert_eq!(column(&path(&["input", "lines", "2", "quantity"])), Some("Lineitem quantity"));
        assert_eq!(column(&path(&["input", "lines", "0", "skuCode"])), Some("Lineitem sku"));
        assert_eq!(column(&path(&["input", "lines"])), None);
    }
}
