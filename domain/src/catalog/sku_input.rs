//! The checks of a SKU's own fields, reported all at once: its code, its
//! options (the variant's `Color: Red`), its weight in grams and its
//! dimensions in millimetres. The rules of other standards live beside
//! it: barcodes, customs data (HS code, origin), money.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::platform::errors::{UserErrorCode, UserErrors};

/// Most characters of a SKU code.
pub const MAX_CODE: usize = 64;
/// Most options of one SKU.
pub const MAX_OPTIONS: usize = 10;
/// Most characters of an option's name or value.
pub const MAX_OPTION_TEXT: usize = 64;

/// One option of a variant: `{ name: "Color", value: "Red" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkuOption {
    pub name: String,
    pub value: String,
}

/// A SKU's outer size, each side in whole millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimensions {
    pub length: i32,
    pub width: i32,
    pub height: i32,
}

/// A SKU code as the merchant's systems know it: 1 to [`MAX_CODE`]
/// visible ASCII characters, no spaces; kept as given (case included).
pub(super) fn code(raw: &str, errors: &mut UserErrors) -> String {
    let code = raw.trim();
    if code.is_empty() || code.len() > MAX_CODE || !code.bytes().all(|b| b.is_ascii_graphic()) {
        errors.push("code", UserErrorCode::Invalid, messages::sku_code_format(MAX_CODE));
    }
    code.to_owned()
}

/// Options trimmed: at most [`MAX_OPTIONS`], each name and value 1 to
/// [`MAX_OPTION_TEXT`] characters, no name twice (whatever its case).
pub(super) fn options(given: &[SkuOption], errors: &mut UserErrors) -> Vec<SkuOption> {
    if given.len() > MAX_OPTIONS {
        errors.push("options", UserErrorCode::Invalid, messages::too_many_options(MAX_OPTIONS));
    }
    let fits = |text: &str| (1..=MAX_OPTION_TEXT).contains(&text.chars().count());
    let mut checked: Vec<SkuOption> = Vec::new();
    for (i, option) in given.iter().enumerate() {
        let option = SkuOption { name: option.name.trim().to_owned(), value: option.value.trim().to_owned() };
        let position = i.to_string();
        if !fits(&option.name) || !fits(&option.value) {
            let part = if fits(&option.name) { "value" } else { "name" };
            let message = messages::option_length(MAX_OPTION_TEXT);
            errors.push_at(&["options", position.as_str(), part], UserErrorCode::Invalid, message);
        } else if checked.iter().any(|o| o.name.to_lowercase() == option.name.to_lowercase()) {
            let message = messages::option_twice(&option.name);
            errors.push_at(&["options", position.as_str(), "name"], UserErrorCode::Invalid, message);
        }
        checked.push(option);
    }
    checked
}

/// A count of grams or millimetres: whole (the API's `Int` sees to that)
/// and not negative.
fn measure(path: &[&str], value: i32, errors: &mut UserErrors) -> i32 {
    if value < 0 {
        errors.push_at(path, UserErrorCode::Invalid, messages::measure_negative());
    }
    value
}

pub(super) fn weight(grams: i32, errors: &mut UserErrors) -> i32 {
    measure(&["weightGrams"], grams, errors)
}

pub(super) fn dimensions(mm: Dimensions, errors: &mut UserErrors) -> Dimensions {
    Dimensions {
        length: measure(&["dimensionsMm", "length"], mm.length, errors),
        width: measure(&["dimensionsMm", "width"], mm.width, errors),
        height: measure(&["dimensionsMm", "height"], mm.height, errors),
    }
}
