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
}
