//! Silkport's own SKU CSV: one row per SKU with its product and its
//! customs data, comma separated, UTF-8, the header on line 1 naming
//! columns in any order. [`super::export`] writes it (every column) and an
//! import reads it back to the same SKUs.
//!
//! | column | meaning |
//! | --- | --- |
//! | `product_handle` | required; the product (`linen-shirt`), made if new |
//! | `product_title_zh`, `product_title_en` | its titles; empty keeps the product's (a new product without one takes its first SKU's names) |
//! | `sku_code` | required; the SKU, unique within the merchant |
//! | `name_zh`, `name_en` | the SKU's names; one of them must remain (empty removes a name) |
//! | `options` | `Color=Red\|Size=M` |
//! | `barcodes` | `4006381333931\|internal:LY-BIN-7`: 8, 12, 13 or 14 digits are a GTIN of that length (check digit checked), anything else, or a value after `internal:`, an internal barcode |
//! | `hs_code` | 6 to 10 digits, dots and spaces ignored |
//! | `origin_country` | ISO 3166-1 alpha-2 (`CN`) |
//! | `declared_value`, `declared_currency` | customs value of one unit (`12.50`) and its ISO 4217 currency; without a currency, the merchant's default |
//! | `weight_g` | gross weight of one unit, whole grams |
//! | `length_mm`, `width_mm`, `height_mm` | outer size, whole millimetres, all three or none |
//! | `lot_tracked`, `expiry_tracked` | `true` or `false` (also yes/no, 1/0; empty is false) |
//! | `status` | `active` or `inactive`; empty keeps it (new SKUs are active) |
//!
//! Only `product_handle` and `sku_code` are required: a file with fewer
//! columns changes only the fields it has columns for, while an empty
//! cell of a column it has clears that field, as `skuUpdate` does. A
//! column of another name is refused (a typo would otherwise change
//! nothing, silently).
//!
//! **Opening stock.** Columns `stock:<WAREHOUSE>:<LOCATION>`
//! (`stock:LAX1:A-01-01-1-A`, codes in any case) give the units of the
//! row's SKU already on that shelf: a whole number, 0 or more, or empty
//! for none given. An optional `lot` column names their lot: required
//! for a lot-tracked SKU with stock, refused for a SKU without lots
//! (expiry dates come with receiving, not with an opening load). The job
//! receives them after the SKU, in the same transaction, through the
//! ledger, as [`crate::inventory::opening`] rules: only into locations
//! the SKU has never been in; exactly the quantity there already is
//! nothing to do, another quantity where it has history is a fault of
//! that cell (an adjustment or a count changes real stock). Stock columns
//! are for warehouse staff: a file with them needs `inventory:write`.
//! [`super::export`] writes none (`GET /exports/stock.csv` has stock).

use super::super::messages;
use super::super::skus::{Sku, SkuStatus, SkuUpdate};
use super::super::{Barcode, BarcodeKind, Dimensions, SkuOption};
use super::plan::{Group, SkuLine, StockCell};
use super::shopify;
use crate::inventory::opening::{Opening, Place};
use crate::platform::i18n::Message;
use crate::platform::imports::{CsvFile, Faults, Header, Record};
use crate::platform::messages as import_messages;
use crate::platform::money::MoneyInput;

/// Every column, in the order an export writes them.
pub(super) const COLUMNS: &[&str] = &[
    "product_handle",
    "product_title_zh",
    "product_title_en",
    "sku_code",
    "name_zh",
    "name_en",
    "options",
    "barcodes",
    "hs_code",
    "origin_country",
    "declared_value",
    "declared_currency",
    "weight_g",
    "length_mm",
    "width_mm",
    "height_mm",
    "lot_tracked",
    "expiry_tracked",
    "status",
];

const REQUIRED: &[&str] = &["product_handle", "sku_code"];

/// The lot of a row's opening stock.
const LOT: &str = "lot";

/// How the header of a Silkport SKU CSV is checked.
pub(super) const HEADER: Header = Header { label: "Silkport SKU CSV", required: REQUIRED, known: Some(known) };

/// What marks an internal barcode that would read as a GTIN.
const INTERNAL: &str = "internal:";

/// Whether `column` is one of the format's: a field, `lot`, or a stock
/// column naming a warehouse and a location.
fn known(column: &str) -> bool {
    COLUMNS.contains(&column) || column == LOT || place(column).is_some()
}

/// The warehouse and location of a `stock:<WAREHOUSE>:<LOCATION>` column.
fn place(column: &str) -> Option<Place> {
    let rest = column.get(..6).filter(|p| p.eq_ignore_ascii_case("stock:")).map(|_| &column[6..])?;
    let (warehouse, location) = rest.split_once(':')?;
    let usable = |code: &str| !code.trim().is_empty() && !code.contains(':');
    (usable(warehouse) && usable(location)).then(|| Place::new(warehouse, location))
}

/// Whether the file gives opening stock (its header has stock columns).
pub(super) fn has_stock(file: &CsvFile) -> bool {
    file.columns().any(|c| place(c).is_some())
}

/// The column a field's fault is shown in.
pub(super) fn column(field: &[String]) -> Option<&'static str> {
    Some(match field.get(1).map(String::as_str)? {
        "handle" => "product_handle",
        "titleZh" => "product_title_zh",
        "title" | "titleEn" => "product_title_en",
        "code" => "sku_code",
        "nameZh" => "name_zh",
        "name" | "nameEn" => "name_en",
        "options" => "options",
        "barcodes" => "barcodes",
        "hsCode" => "hs_code",
        "originCountry" => "origin_country",
        "declaredValue" if field.get(2).is_some_and(|p| p == "currencyCode") => "declared_currency",
        "declaredValue" => "declared_value",
        "weightGrams" => "weight_g",
        "dimensionsMm" => match field.get(2).map(String::as_str) {
            Some("width") => "width_mm",
            Some("height") => "height_mm",
            _ => "length_mm",
        },
        "lotTracked" => "lot_tracked",
        "expiryTracked" => "expiry_tracked",
        "status" => "status",
        _ => return None,
    })
}

/// Reads one row's cells; a cell it cannot read is a fault of its column.
struct Row<'a> {
    file: &'a CsvFile<'a>,
    record: &'a Record,
    faults: &'a mut Faults,
    bad: bool,
}

impl Row<'_> {
    /// The cell of `column`, or `None` when the file has no such column.
    fn cell(&self, column: &str) -> Option<&str> {
        self.file.has(column).then(|| self.file.cell(self.record, column))
    }

    fn fault(&mut self, column: &str, message: Message) {
        self.faults.row(self.record.line, Some(column), message);
        self.bad = true;
    }

    /// A whole number of the column, or none when empty.
    fn number(&mut self, column: &str) -> Option<Option<i32>> {
        let text = self.cell(column)?.to_owned();
        if text.is_empty() {
            return Some(None);
        }
        match text.parse::<i32>() {
            Ok(n) => Some(Some(n)),
            Err(_) => {
                self.fault(column, import_messages::import_number(&text));
                None
            }
        }
    }

    fn flag(&mut self, column: &str) -> Option<bool> {
        let text = self.cell(column)?.to_lowercase();
        match text.as_str() {
            "" | "false" | "no" | "0" | "n" => Some(false),
            "true" | "yes" | "1" | "y" => Some(true),
            _ => {
                self.fault(column, import_messages::import_flag(&text));
                None
            }
        }
    }

    fn text(&self, column: &str) -> Option<String> {
        self.cell(column).map(str::to_owned)
    }

    /// Titles are given on one row of the product or repeated alike;
    /// empty gives none.
    fn title(&self, column: &str) -> Option<String> {
        self.cell(column).filter(|t| !t.is_empty()).map(str::to_owned)
    }

    fn options(&mut self) -> Option<Vec<SkuOption>> {
        let text = self.cell("options")?.to_owned();
        let mut options = Vec::new();
        for pair in text.split('|').map(str::trim).filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some((name, value)) => options.push(SkuOption { name: name.to_owned(), value: value.to_owned() }),
                None => {
                    self.fault("options", messages::import_options_format());
                    return None;
                }
            }
        }
        Some(options)
    }

    /// The opening stock of the row's stock columns, in header order; an
    /// empty cell gives none, a cell that is not a whole number 0 or more
    /// is a fault of its column.
    fn stock(&mut self, columns: &[(String, Place)]) -> Vec<StockCell> {
        let lot = self.cell(LOT).filter(|l| !l.is_empty()).map(str::to_owned);
        let mut cells = Vec::new();
        for (column, place) in columns {
            let text = self.file.cell(self.record, column).to_owned();
            if text.is_empty() {
                continue;
            }
            match text.parse::<i64>() {
                Ok(quantity) if quantity >= 0 => cells.push(StockCell {
                    column: column.clone(),
                    opening: Opening { place: place.clone(), lot: lot.clone(), quantity },
                }),
                _ => self.fault(column, messages::import_stock_quantity(&text)),
            }
        }
        cells
    }

    fn barcodes(&self) -> Option<Vec<Barcode>> {
        let text = self.cell("barcodes")?;
        let read = |value: &str| match value.get(..INTERNAL.len()) {
            Some(prefix) if prefix.eq_ignore_ascii_case(INTERNAL) => {
                Barcode { barcode: value[INTERNAL.len()..].trim().to_owned(), kind: BarcodeKind::Internal }
            }
            _ => shopify::barcode(value),
        };
        Some(text.split('|').map(str::trim).filter(|b| !b.is_empty()).map(read).collect())
    }
}

/// The products and SKUs of a Silkport SKU CSV, in the order of the file;
/// `currency` is the merchant's, for values given without one.
pub(super) fn read(file: &CsvFile, currency: &str, faults: &mut Faults) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_handle = std::collections::HashMap::new();
    let mut stock_columns: Vec<(String, Place)> =
        file.columns().filter_map(|c| Some((c.to_owned(), place(c)?))).collect();
    stock_columns.sort_by(|a, b| a.0.cmp(&b.0));
    let records = file.records(faults);
    for record in &records {
        let mut row = Row { file, record, faults, bad: false };
        let handle = row.text("product_handle").unwrap_or_default().to_lowercase();
        let code = row.text("sku_code").unwrap_or_default();
        for (column, value) in [("product_handle", &handle), ("sku_code", &code)] {
            if value.is_empty() {
                row.fault(column, import_messages::import_required());
            }
        }
        let options = row.options();
        let weight = row.number("weight_g");
        let sizes = [row.number("length_mm"), row.number("width_mm"), row.number("height_mm")];
        let dimensions = match sizes {
            [None, None, None] => None,
            [Some(Some(length)), Some(Some(width)), Some(Some(height))] => {
                Some(Some(Dimensions { length, width, height }))
            }
            [Some(None), Some(None), Some(None)] => Some(None),
            _ => {
                for (column, size) in ["length_mm", "width_mm", "height_mm"].into_iter().zip(sizes) {
                    if size == Some(None) {
                        row.fault(column, import_messages::import_required());
                    }
                }
                None
            }
        };
        let lot = row.flag("lot_tracked");
        let expiry = row.flag("expiry_tracked");
        let status = match row.text("status").map(|s| s.to_lowercase()) {
            None => None,
            Some(s) if s.is_empty() => None,
            Some(s) => match SkuStatus::parse(&s) {
                Some(status) => Some(status),
                None => {
                    row.fault("status", import_messages::import_choice(&s, "active, inactive"));
                    None
                }
            },
        };
        let declared = row.text("declared_value").map(|amount| {
            (!amount.is_empty()).then(|| {
                let given = row.text("declared_currency").unwrap_or_default();
                let currency_code = if given.is_empty() { currency.to_owned() } else { given };
                MoneyInput { amount, currency_code }
            })
        });
        let change = SkuUpdate {
            code: Some(code),
            name_zh: row.text("name_zh"),
            name_en: row.text("name_en"),
            options,
            hs_code: row.text("hs_code"),
            origin_country: row.text("origin_country"),
            declared_value: declared,
            weight_grams: weight,
            dimensions_mm: dimensions,
            lot_tracked: lot,
            expiry_tracked: expiry,
            status,
            barcodes: row.barcodes(),
        };
        let stock = row.stock(&stock_columns);
        let (title_zh, title_en) = (row.title("product_title_zh"), row.title("product_title_en"));
        if row.bad || handle.is_empty() {
            continue;
        }
        let line = record.line;
        let index = *by_handle.entry(handle.clone()).or_insert_with(|| {
            groups.push(Group {
                line,
                handle,
                title_zh: None,
                title_en: None,
                status: None,
                skus: Vec::new(),
                rows: 0,
            });
            groups.len() - 1
        });
        let group = &mut groups[index];
        for (slot, title) in [(&mut group.title_zh, title_zh), (&mut group.title_en, title_en)] {
            match (slot.as_ref(), title) {
                (None, Some(title)) => *slot = Some(title),
                (Some(known), Some(title)) if *known != title => {
                    let first = i64::try_from(group.line).unwrap_or(i64::MAX);
                    faults.row(line, Some("product_title_en"), messages::import_title_conflict(first));
                }
                _ => {}
            }
        }
        group.rows += 1;
        group.skus.push(SkuLine { line, change, stock });
    }
    groups
}

/// The cells of `sku` of the product `handle` with `titles` (zh, en), in
/// [`COLUMNS`] order.
pub(super) fn cells(sku: &Sku, handle: &str, titles: (&str, &str)) -> Vec<String> {
    let options: Vec<String> = sku.options.iter().map(|o| format!("{}={}", o.name, o.value)).collect();
    let barcodes: Vec<String> = sku
        .barcodes
        .iter()
        .map(|b| match b.kind {
            // An internal barcode that would read as a GTIN says what it is.
            BarcodeKind::Internal if shopify::barcode(&b.barcode).kind != BarcodeKind::Internal => {
                format!("{INTERNAL}{}", b.barcode)
            }
            _ => b.barcode.clone(),
        })
        .collect();
    let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    let dimensions = sku.dimensions_mm;
    vec![
        handle.to_owned(),
        titles.0.to_owned(),
        titles.1.to_owned(),
        sku.code.clone(),
        sku.name.zh.clone().unwrap_or_default(),
        sku.name.en.clone().unwrap_or_default(),
        options.join("|"),
        barcodes.join("|"),
        sku.hs_code.clone().unwrap_or_default(),
        sku.origin_country.clone().unwrap_or_default(),
        sku.declared_value.map(|m| m.amount_text()).unwrap_or_default(),
        sku.declared_value.map(|m| m.currency_code().to_owned()).unwrap_or_default(),
        number(sku.weight_grams),
        number(dimensions.map(|d| d.length)),
        number(dimensions.map(|d| d.width)),
        number(dimensions.map(|d| d.height)),
        sku.lot_tracked.to_string(),
        sku.expiry_tracked.to_string(),
        sku.status.as_str().to_owned(),
    ]
}
