//! Silkport's own orders CSV, for merchants whose shop or ERP is not
//! Shopify: one row per order line, comma separated, UTF-8, the header on
//! line 1 naming columns in any order. Rows with the same
//! `order_reference` are the lines of one order; its order-level cells are
//! read from its first row, and a later row may leave them empty or repeat
//! them, but not give others.
//!
//! | column | meaning |
//! | --- | --- |
//! | `order_reference` | required; the merchant's own order reference (`SHOP-1001`), 1–100 characters |
//! | `sku_code` | required; the merchant's SKU code |
//! | `quantity` | required; units, a whole number above zero |
//! | `ship_to_name`, `ship_to_company` | the recipient (required) and company |
//! | `ship_to_line1`, `ship_to_line2` | street lines (the first as the country requires) |
//! | `ship_to_city`, `ship_to_region`, `ship_to_postal_code` | as the destination country requires them (`CA`, `90001`) |
//! | `ship_to_country` | required; ISO 3166-1 alpha-2 (`US`) |
//! | `ship_to_phone`, `ship_to_email` | the recipient's, optional |
//! | `service_level` | the shipping service asked for (`Standard`), optional |
//! | `note` | for the warehouse, optional |
//!
//! A column of another name is refused (a typo would otherwise lose a
//! field, silently). Nothing is passed over: every row is an order line.

use std::collections::HashMap;

use super::super::addresses::ShipTo;
use super::super::intake::{NewLine, NewOrder};
use super::super::messages;
use super::super::status::OrderChannel;
use super::reading::FileOrder;
use crate::platform::imports::{CsvFile, Faults, Header, Record};
use crate::platform::messages as import_messages;

/// Every column.
const COLUMNS: &[&str] = &[
    "order_reference",
    "sku_code",
    "quantity",
    "ship_to_name",
    "ship_to_company",
    "ship_to_line1",
    "ship_to_line2",
    "ship_to_city",
    "ship_to_region",
    "ship_to_postal_code",
    "ship_to_country",
    "ship_to_phone",
    "ship_to_email",
    "service_level",
    "note",
];

/// The order-level columns, read from an order's first row.
const ORDER_COLUMNS: &[&str] = &[
    "ship_to_name",
    "ship_to_company",
    "ship_to_line1",
    "ship_to_line2",
    "ship_to_city",
    "ship_to_region",
    "ship_to_postal_code",
    "ship_to_country",
    "ship_to_phone",
    "ship_to_email",
    "service_level",
    "note",
];

pub(super) const HEADER: Header = Header {
    label: "Silkport orders CSV",
    required: &[
        "order_reference",
        "sku_code",
        "quantity",
        "ship_to_name",
        "ship_to_line1",
        "ship_to_city",
        "ship_to_country",
    ],
    known: Some(known),
};

fn known(column: &str) -> bool {
    COLUMNS.contains(&column)
}

/// The column a field's fault is shown in.
pub(super) fn column(field: &[String]) -> Option<&'static str> {
    Some(match (field.get(1).map(String::as_str)?, field.get(2).map(String::as_str)) {
        ("reference", _) => "order_reference",
        ("serviceLevel", _) => "service_level",
        ("note", _) => "note",
        ("shipTo", Some("name")) => "ship_to_name",
        ("shipTo", Some("company")) => "ship_to_company",
        ("shipTo", Some("line1")) => "ship_to_line1",
        ("shipTo", Some("line2")) => "ship_to_line2",
        ("shipTo", Some("city")) => "ship_to_city",
        ("shipTo", Some("region")) => "ship_to_region",
        ("shipTo", Some("postalCode")) => "ship_to_postal_code",
        ("shipTo", Some("countryCode")) => "ship_to_country",
        ("shipTo", Some("phone")) => "ship_to_phone",
        ("shipTo", Some("email")) => "ship_to_email",
        ("lines", Some(_)) => match field.get(3).map(String::as_str) {
            Some("quantity") => "quantity",
            _ => "sku_code",
        },
        _ => return None,
    })
}

fn optional(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// The order a first row begins, with its order-level cells.
fn begin(file: &CsvFile, record: &Record, reference: &str) -> FileOrder {
    let cell = |column: &str| file.cell(record, column);
    let ship_to = ShipTo {
        name: cell("ship_to_name").to_owned(),
        company: optional(cell("ship_to_company")),
        line1: cell("ship_to_line1").to_owned(),
        line2: optional(cell("ship_to_line2")),
        city: cell("ship_to_city").to_owned(),
        region: optional(cell("ship_to_region")),
        postal_code: optional(cell("ship_to_postal_code")),
        country: cell("ship_to_country").to_owned(),
        phone: optional(cell("ship_to_phone")),
        email: optional(cell("ship_to_email")),
    };
    let order = NewOrder {
        merchant_id: None,
        reference: reference.to_owned(),
        channel: OrderChannel::Csv,
        ship_to,
        service_level: optional(cell("service_level")),
        note: optional(cell("note")),
        lines: Vec::new(),
    };
    FileOrder { line: record.line, order, line_of: Vec::new(), lines_dropped: false, rows: 0 }
}

/// The orders of a Silkport orders CSV in the order of the file; faults
/// of the rows are recorded.
pub(super) fn read(file: &CsvFile, faults: &mut Faults) -> Vec<FileOrder> {
    let mut orders: Vec<(FileOrder, &Record)> = Vec::new();
    let mut by_reference: HashMap<String, usize> = HashMap::new();
    let records = file.records(faults);
    for record in &records {
        let line = record.line;
        let cell = |column: &str| file.cell(record, column);
        let reference = cell("order_reference");
        if reference.is_empty() {
            faults.row(line, Some("order_reference"), import_messages::import_required());
            continue;
        }
        let index = match by_reference.get(reference) {
            Some(index) => {
                let (order, first) = &orders[*index];
                for column in ORDER_COLUMNS.iter().copied() {
                    let (given, known) = (cell(column), file.cell(first, column));
                    if !given.is_empty() && given != known {
                        let first = i64::try_from(order.line).unwrap_or(i64::MAX);
                        faults.row(line, Some(column), messages::import_order_differs(first));
                    }
                }
                *index
            }
            None => {
                orders.push((begin(file, record, reference), record));
                by_reference.insert(reference.to_owned(), orders.len() - 1);
                orders.len() - 1
            }
        };
        let order = &mut orders[index].0;
        order.rows += 1;
        let (sku, quantity) = (cell("sku_code"), cell("quantity"));
        if sku.is_empty() {
            faults.row(line, Some("sku_code"), import_messages::import_required());
            order.lines_dropped = true;
            continue;
        }
        let Ok(units) = quantity.parse::<i64>() else {
            faults.row(line, Some("quantity"), messages::import_quantity(quantity));
            order.lines_dropped = true;
            continue;
        };
        order.order.lines.push(NewLine { sku_id: None, sku_code: Some(sku.to_owned()), quantity: units });
        order.line_of.push(line);
    }
    orders.into_iter().map(|(order, _)| order).collect()
}
