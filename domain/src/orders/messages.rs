//! The orders context's messages (`locales/*.ftl`).

use crate::platform::i18n::messages::messages;

messages! {
    /// This field of the address must be given.
    address_missing = "orders-address-missing";
    /// At most `max` characters.
    address_too_long(max: usize) = "orders-address-too-long";
    /// Not a postal code of the country; `examples` are right ones.
    postal_code_format(examples: &str) = "orders-postal-code-format";
    /// A postal code of the country but not of `region`.
    postal_code_not_in_region(region: &str, examples: &str) = "orders-postal-code-not-in-region";
    /// Not a region of the country.
    unknown_region(examples: &str) = "orders-unknown-region";
    /// Not an ISO 3166-1 alpha-2 country code.
    unknown_country = "orders-unknown-country";
    /// Not a phone number.
    invalid_phone = "orders-invalid-phone";
    /// Not an email address.
    invalid_email = "orders-invalid-email";
    /// At most `max` characters.
    too_long(max: usize) = "orders-too-long";
    /// A merchant must be named by a caller bound to none.
    merchant_required = "orders-merchant-required";
    /// The reference is 1 to `max` characters.
    reference_format(max: usize) = "orders-reference-format";
    /// An order has 1 to `max` lines.
    lines_count(max: usize) = "orders-lines-count";
    /// A quantity is a whole number above zero.
    quantity_positive = "orders-quantity-positive";
    /// A line names its SKU by id or by code, one of them.
    sku_id_or_code = "orders-sku-id-or-code";
    /// No SKU of the merchant is that.
    sku_not_found = "orders-sku-not-found";
    /// SKU `code` is inactive.
    sku_inactive(code: &str) = "orders-sku-inactive";
    /// An order in status `status` cannot be cancelled.
    not_cancellable(status: &str) = "orders-not-cancellable";
}
