//! Shopify's product CSV, as a merchant downloads it from the Shopify
//! admin (Products → Export): one row per variant, the first row of a
//! product carrying its `Title`, `Status` and option names and the next
//! ones only the `Handle` and the variant's cells; rows of further images
//! have no variant at all and are skipped. Columns this does not read
//! (`Body (HTML)`, `Vendor`, `Tags`, SEO, images, …) may be there or not.
//!
//! What becomes of it, for the merchant the import is for:
//! - a product per `Handle` (lower-cased), titled by `Title` (as the
//!   Chinese title when it has Chinese characters, else the English one;
//!   the other language is kept), with `Status` (active, draft, archived);
//! - a SKU per variant, by `Variant SKU` (required: the warehouse keeps
//!   goods by code), named `Title - Red / M` after its option values, with
//!   the options (`Option1 Name` = `Option1 Value`, …; Shopify's
//!   `Title: Default Title` of a product without variants is none),
//!   `Variant Grams` rounded to whole grams, `Variant Barcode` (a GTIN when
//!   it is 8, 12, 13 or 14 digits, else an internal barcode) and
//!   `Variant Price` as the declared value, in the merchant's default
//!   currency (a parcel's customs value is what the buyer paid).
//! - A cell left empty leaves that field as it is (customs data a
//!   warehouse added later survives a second import), and the columns
//!   this does not read change nothing. `Variant Inventory Qty` is not
//!   stock: stock is counted in the warehouse.

use std::collections::HashMap;
use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::super::messages;
use super::super::products::ProductStatus;
use super::super::skus::SkuUpdate;
use super::super::{Barcode, BarcodeKind, SkuOption};
use super::plan::{Group, SkuLine};
use crate::platform::imports::{CsvFile, Faults, Header};
use crate::platform::messages as import_messages;
use crate::platform::money::MoneyInput;

/// Columns every Shopify product export has, which tell it apart; any
/// other column is taken (and not read).
pub(super) const HEADER: Header = Header {
    label: "Shopify product CSV",
    required: &["Handle", "Title", "Option1 Name", "Option1 Value", "Variant SKU"],
    known: None,
};

/// The column a field's fault is shown in.
pub(super) fn column(field: &[String]) -> Option<&'static str> {
    Some(match field.get(1).map(String::as_str)? {
        "handle" => "Handle",
        "title" | "titleZh" | "titleEn" | "name" | "nameZh" | "nameEn" => "Title",
        "code" => "Variant SKU",
        "options" => match (field.get(2).map(String::as_str), field.get(3).map(String::as_str)) {
            (Some("1"), Some("name")) => "Option2 Name",
            (Some("1"), _) => "Option2 Value",
            (Some("2"), Some("name")) => "Option3 Name",
            (Some("2"), _) => "Option3 Value",
            (_, Some("name")) => "Option1 Name",
            _ => "Option1 Value",
        },
        "weightGrams" => "Variant Grams",
        "barcodes" => "Variant Barcode",
        "declaredValue" => "Variant Price",
        _ => return None,
    })
}

/// Whether `text` has Chinese characters (CJK unified ideographs).
fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'))
}

/// A barcode as Shopify holds it (free text): a GTIN by its length when it
/// is all digits, otherwise the merchant's internal barcode.
pub(super) fn barcode(raw: &str) -> Barcode {
    let kind = match raw.len() {
        _ if !raw.bytes().all(|b| b.is_ascii_digit()) => BarcodeKind::Internal,
        8 => BarcodeKind::Gtin8,
        12 => BarcodeKind::Gtin12,
        13 => BarcodeKind::Gtin13,
        14 => BarcodeKind::Gtin14,
        _ => BarcodeKind::Internal,
    };
    Barcode { barcode: raw.to_owned(), kind }
}

/// Grams as Shopify writes them (`226.796`), rounded to whole grams (half
/// away from zero); `None` for what is not a number.
pub(super) fn grams(raw: &str) -> Option<i32> {
    let grams = Decimal::from_str(raw).ok()?;
    grams.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).to_i32()
}

/// A product as the rows read so far make it.
struct Product {
    group: Group,
    title: Option<(u64, String)>,
    option_names: [String; 3],
}

/// The products and variants of a Shopify export, in the order of the
/// file; `currency` is the merchant's (prices have none in the file).
pub(super) fn read(file: &CsvFile, currency: &str, faults: &mut Faults) -> Vec<Group> {
    let mut products: Vec<Product> = Vec::new();
    let mut by_handle: HashMap<String, usize> = HashMap::new();
    for record in file.records(faults) {
        let line = record.line;
        let cell = |column: &str| file.cell(&record, column);
        let handle = cell("Handle").to_lowercase();
        if handle.is_empty() {
            faults.row(line, Some("Handle"), import_messages::import_required());
            continue;
        }
        let index = *by_handle.entry(handle.clone()).or_insert_with(|| {
            let group = Group { line, handle, title_zh: None, title_en: None, status: None, skus: Vec::new(), rows: 0 };
            products.push(Product { group, title: None, option_names: Default::default() });
            products.len() - 1
        });
        let product = &mut products[index];
        product.group.rows += 1;
        let title = cell("Title");
        match &product.title {
            None if !title.is_empty() => {
                product.title = Some((line, title.to_owned()));
                let slot = if is_chinese(title) { &mut product.group.title_zh } else { &mut product.group.title_en };
                *slot = Some(title.to_owned());
            }
            Some((first, known)) if !title.is_empty() && known != title => {
                faults.row(
                    line,
                    Some("Title"),
                    messages::import_title_conflict(i64::try_from(*first).unwrap_or(i64::MAX)),
                );
            }
            _ => {}
        }
        let status = cell("Status");
        if !status.is_empty() {
            match ProductStatus::parse(&status.to_lowercase()) {
                Some(status) => product.group.status = Some(status),
                None => {
                    faults.row(line, Some("Status"), import_messages::import_choice(status, "active, draft, archived"))
                }
            }
        }
        let mut values = Vec::new();
        for (i, name) in product.option_names.iter_mut().enumerate() {
            let given = cell(&format!("Option{} Name", i + 1));
            if !given.is_empty() && name.is_empty() {
                *name = given.to_owned();
            }
            values.push(cell(&format!("Option{} Value", i + 1)).to_owned());
        }
        let (code, weight, barcode_text, price) =
            (cell("Variant SKU"), cell("Variant Grams"), cell("Variant Barcode"), cell("Variant Price"));
        let image_only =
            values.iter().all(String::is_empty) && [code, weight, barcode_text, price].iter().all(|c| c.is_empty());
        if image_only {
            continue;
        }
        if code.is_empty() {
            faults.row(line, Some("Variant SKU"), messages::import_variant_without_sku());
            continue;
        }
        let options: Vec<SkuOption> = values
            .iter()
            .enumerate()
            .filter(|(_, value)| !value.is_empty())
            .map(|(i, value)| {
                let name = &product.option_names[i];
                SkuOption {
                    name: if name.is_empty() { format!("Option{}", i + 1) } else { name.clone() },
                    value: value.clone(),
                }
            })
            .filter(|o| !(o.name == "Title" && o.value == "Default Title"))
            .collect();
        let title = product.title.as_ref().map(|(_, t)| t.as_str()).unwrap_or_default();
        let shown: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
        let name = match (title.is_empty(), shown.is_empty()) {
            (_, true) => title.to_owned(),
            (true, false) => shown.join(" / "),
            (false, false) => format!("{title} - {}", shown.join(" / ")),
        };
        let weight_grams = match weight {
            "" => None,
            raw => match grams(raw) {
                Some(g) => Some(Some(g)),
                None => {
                    faults.row(line, Some("Variant Grams"), import_messages::import_number(raw));
                    continue;
                }
            },
        };
        let chinese = is_chinese(&name);
        let change = SkuUpdate {
            code: Some(code.to_owned()),
            name_zh: chinese.then(|| name.clone()),
            name_en: (!chinese).then_some(name),
            options: Some(options),
            weight_grams,
            barcodes: (!barcode_text.is_empty()).then(|| vec![barcode(barcode_text)]),
            declared_value: (!price.is_empty())
                .then(|| Some(MoneyInput { amount: price.to_owned(), currency_code: currency.to_owned() })),
            ..SkuUpdate::default()
        };
        product.group.skus.push(SkuLine { line, change, stock: Vec::new() });
    }
    products.into_iter().map(|p| p.group).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_are_rounded_to_whole_grams() {
        assert_eq!(grams("226.796"), Some(227));
        assert_eq!(grams("180.0"), Some(180));
        assert_eq!(grams("0.5"), Some(1));
        assert_eq!(grams("12.49"), Some(12));
        assert_eq!(grams("heavy"), None);
    }

    #[test]
    fn barcodes_are_gtins_by_their_length_or_internal() {
        assert_eq!(barcode("4006381333931").kind, BarcodeKind::Gtin13);
        assert_eq!(barcode("036000291452").kind, BarcodeKind::Gtin12);
        assert_eq!(barcode("LY-7").kind, BarcodeKind::Internal);
        assert_eq!(barcode("12345").kind, BarcodeKind::Internal);
    }
}
