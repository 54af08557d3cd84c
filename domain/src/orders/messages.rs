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
    /// Order `reference` exists with other lines or another address.
    reference_differs(reference: &str) = "orders-reference-differs";
    not_cancellable(status: &str) = "orders-not-cancellable";
    /// Order `reference` was cancelled in the shop: not imported.
    import_skipped_cancelled(reference: &str) = "orders-import-skipped-cancelled";
    /// Order `reference` is fulfilled already: not imported.
    import_skipped_fulfilled(reference: &str) = "orders-import-skipped-fulfilled";
    /// Line item `item` needs no shipping: not imported.
    import_skipped_no_shipping(item: &str) = "orders-import-skipped-no-shipping";
    /// Line item `item` is fulfilled already: not imported.
    import_skipped_line_fulfilled(item: &str) = "orders-import-skipped-line-fulfilled";
    /// Order `reference` has no line left to ship: no order made.
    import_skipped_nothing_to_ship(reference: &str) = "orders-import-skipped-nothing-to-ship";
    /// A line item without a SKU code.
    import_line_without_sku = "orders-import-line-without-sku";
    /// `raw` is not a whole number of units.
    import_quantity(raw: &str) = "orders-import-quantity";
    /// An order-level cell differs from the order's first row, on `line`.
    import_order_differs(line: i64) = "orders-import-order-differs";
}
