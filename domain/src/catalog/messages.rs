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
    /// The upload is more than `max_mib` MiB.
    import_too_large(max_mib: i64) = "catalog-import-too-large";
    /// The uploaded file is empty.
    import_empty = "catalog-import-empty";
    /// The file is not UTF-8 from line `line` on.
    import_not_utf8(line: i64) = "catalog-import-not-utf8";
    /// The header lacks `columns` (a `format` file).
    import_missing_columns(columns: &str, format: &str) = "catalog-import-missing-columns";
    /// Columns are separated by `found`, not commas.
    import_wrong_delimiter(found: &str) = "catalog-import-wrong-delimiter";
    /// Column `column` is not one of the format's.
    import_unknown_column(column: &str) = "catalog-import-unknown-column";
    /// Column `column` is in the header twice.
    import_column_twice(column: &str) = "catalog-import-column-twice";
    /// Line `line` is not CSV.
    import_malformed(line: i64) = "catalog-import-malformed";
    /// A row of `given` fields where the header has `expected`.
    import_row_length(given: i64, expected: i64) = "catalog-import-row-length";
    /// A required cell is empty.
    import_required = "catalog-import-required";
    /// A variant without a SKU code.
    import_variant_without_sku = "catalog-import-variant-without-sku";
    /// SKU code `code` is also on line `line`.
    import_code_twice(code: &str, line: i64) = "catalog-import-code-twice";
    /// Barcode `barcode` is also on line `line`.
    import_barcode_twice(barcode: &str, line: i64) = "catalog-import-barcode-twice";
    /// `raw` is not a number.
    import_number(raw: &str) = "catalog-import-number";
    /// `raw` is not a yes/no value.
    import_flag(raw: &str) = "catalog-import-flag";
    /// `raw` is not one of `allowed`.
    import_choice(raw: &str, allowed: &str) = "catalog-import-choice";
    /// The product's title differs from the one on line `line`.
    import_title_conflict(line: i64) = "catalog-import-title-conflict";
    /// Options are written `Color=Red|Size=M`.
    import_options_format = "catalog-import-options-format";
    /// The import stopped on a fault of ours.
    import_internal = "catalog-import-internal";
    /// The upload was sent by someone else.
    import_upload_not_yours = "catalog-import-upload-not-yours";
}
