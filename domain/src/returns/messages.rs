//! The returns context's messages (`locales/*.ftl`).

use crate::platform::i18n::messages::messages;

messages! {
    /// Only a shipped or delivered order can be returned; this one is `status`.
    not_shipped(status: &str) = "returns-not-shipped";
    /// A return needs at least one line.
    lines_required = "returns-lines-required";
    /// The SKU is not on the order.
    not_in_order = "returns-not-in-order";
    /// 1 to `max` units can still come back.
    quantity_range(max: i64) = "returns-quantity-range";
    /// A SKU twice in one return.
    sku_twice = "returns-sku-twice";
    /// The return is `status`.
    closed(status: &str) = "returns-closed";
    /// A quantity is a whole number above zero.
    quantity_positive = "returns-quantity-positive";
    /// `barcode` is not on this return.
    not_on_return(barcode: &str) = "returns-not-on-return";
    /// The warehouse has no location of type `kind`.
    no_location(kind: &str) = "returns-no-location";
    /// Only `left` more units of this SKU are on the return.
    more_than_expected(left: i64) = "returns-more-than-expected";
    /// Only `awaiting` units await inspection.
    more_than_awaiting(awaiting: i64) = "returns-more-than-awaiting";
    /// The location does not fit the outcome.
    wrong_location = "returns-wrong-location";
}
