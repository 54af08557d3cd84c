//! The catalog context's messages (`locales/*.ftl`).

use crate::platform::i18n::messages::messages;

messages! {
    /// The merchant code rule.
    code_format = "catalog-code-format";
    /// Merchant code `code` is taken.
    code_taken(code: &str) = "catalog-code-taken";
    /// A name must be 1 to `max` characters.
    name_length(max: i64) = "catalog-name-length";
    /// `code` is not an ISO 4217 currency code.
    currency_invalid(code: &str) = "catalog-currency-invalid";
    /// At most `max` characters.
    too_long(max: usize) = "catalog-too-long";
    /// A name in Chinese or English is needed.
    name_missing = "catalog-name-missing";
    /// Goods are created for a merchant the caller names.
    merchant_required = "catalog-merchant-required";
    /// The product handle rule (at most `max` characters).
    handle_format(max: usize) = "catalog-handle-format";
    /// Product handle `handle` is taken in this merchant.
    handle_taken(handle: &str) = "catalog-handle-taken";
    /// The SKU code rule (at most `max` characters).
    sku_code_format(max: usize) = "catalog-sku-code-format";
    /// SKU code `code` is taken in this merchant.
    sku_code_taken(code: &str) = "catalog-sku-code-taken";
    /// A SKU has at most `max` options.
    too_many_options(max: usize) = "catalog-too-many-options";
    /// An option's name and value are 1 to `max` characters.
    option_length(max: usize) = "catalog-option-length";
    /// Option `name` is given twice.
    option_twice(name: &str) = "catalog-option-twice";
    /// Weights and sizes are 0 or more.
    measure_negative = "catalog-measure-negative";
    /// `raw` is not an HS code.
    hs_code_format(raw: &str) = "catalog-hs-code-format";
    /// `code` is not an ISO 3166-1 alpha-2 country code.
    country_invalid(code: &str) = "catalog-country-invalid";
    /// A SKU has at most `max` barcodes.
    too_many_barcodes(max: usize) = "catalog-too-many-barcodes";
    /// A `kind` barcode is digits only.
    barcode_digits_only(kind: &str) = "catalog-barcode-digits-only";
    /// A `kind` barcode has `digits` digits, not `given`.
    barcode_length(kind: &str, digits: usize, given: usize) = "catalog-barcode-length";
    /// The check digit of `barcode` is wrong.
    barcode_check_digit(barcode: &str) = "catalog-barcode-check-digit";
    /// The internal barcode rule (at most `max` characters).
    barcode_internal_format(max: usize) = "catalog-barcode-internal-format";
    /// `barcode` is given twice.
    barcode_twice(barcode: &str) = "catalog-barcode-twice";
    /// `barcode` belongs to another SKU of this merchant.
    barcode_taken(barcode: &str) = "catalog-barcode-taken";
    /// A variant without a SKU code.
    import_variant_without_sku = "catalog-import-variant-without-sku";
    /// SKU code `code` is also on line `line`.
    import_code_twice(code: &str, line: i64) = "catalog-import-code-twice";
    /// Barcode `barcode` is also on line `line`.
    import_barcode_twice(barcode: &str, line: i64) = "catalog-import-barcode-twice";
    /// The product's title differs from the one on line `line`.
    import_title_conflict(line: i64) = "catalog-import-title-conflict";
    /// Options are written `Color=Red|Size=M`.
    import_options_format = "catalog-import-options-format";
    /// `raw` is not a whole number of units, 0 or more.
    import_stock_quantity(raw: &str) = "catalog-import-stock-quantity";
}
