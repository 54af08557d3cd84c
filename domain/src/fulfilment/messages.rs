//! The fulfilment context's messages (`locales/*.ftl`).

use crate::platform::i18n::messages::messages;

messages! {
    /// A wave takes 1 to `max` orders.
    max_orders(max: i64) = "fulfilment-max-orders";
    /// A cut-off is a time of day, `HH:MM`.
    cutoff_format = "fulfilment-cutoff-format";
    /// No allocated order of the warehouse can be picked now.
    nothing_to_pick = "fulfilment-nothing-to-pick";
    /// A quantity is a whole number above zero.
    quantity_positive = "fulfilment-quantity-positive";
    /// The scanned location `scanned` is not the task's `expected`.
    wrong_location(scanned: &str, expected: &str) = "fulfilment-wrong-location";
    /// The scanned item `scanned` is not the task's SKU `expected`.
    wrong_sku(scanned: &str, expected: &str) = "fulfilment-wrong-sku";
    /// Only `left` units of the task are left to pick; `wanted` were scanned.
    over_pick(left: i64, wanted: i64) = "fulfilment-over-pick";
    /// The order is `status`, not being picked.
    not_picking(status: &str) = "fulfilment-not-picking";
    /// `left` units of the order are still to pick.
    not_picked(left: i64) = "fulfilment-not-picked";
    /// `scanned` is not in this order.
    not_in_order(scanned: &str) = "fulfilment-not-in-order";
    /// Of SKU `code`, `left` picked units are unpacked; `wanted` were packed.
    over_pack(code: &str, left: i64, wanted: i64) = "fulfilment-over-pack";
    /// Give a barcode or a SKU for each item, one of them.
    scan_or_sku = "fulfilment-scan-or-sku";
    /// A package has at least one item.
    items_required = "fulfilment-items-required";
    /// A weight in grams, 1 or more.
    weight_positive = "fulfilment-weight-positive";
    /// A side in millimetres, 1 or more.
    size_positive = "fulfilment-size-positive";
    /// Only a packed order ships; this one is `status`.
    not_packed(status: &str) = "fulfilment-not-packed";
    /// Manual shipping needs the tracking number.
    tracking_number_missing = "fulfilment-tracking-number-missing";
    /// `number` is not 4 to 40 visible characters.
    tracking_number_invalid(number: &str) = "fulfilment-tracking-number-invalid";
    /// The carrier takes 1 to `max` g, not `grams`.
    too_heavy(grams: i64, max: i64) = "fulfilment-too-heavy";
    /// The carrier takes sides of 1 to `max` mm.
    too_big(max: i64) = "fulfilment-too-big";
    /// Tracking: the label is printed, the carrier has not the package yet.
    tracking_label_created = "fulfilment-tracking-label-created";
    /// Tracking: the carrier collected the package.
    tracking_picked_up = "fulfilment-tracking-picked-up";
    /// Tracking: on its way.
    tracking_in_transit = "fulfilment-tracking-in-transit";
    /// Tracking: with the driver.
    tracking_out_for_delivery = "fulfilment-tracking-out-for-delivery";
    /// Tracking: delivered.
    tracking_delivered = "fulfilment-tracking-delivered";
    /// Tracking: a problem on the way.
    tracking_exception = "fulfilment-tracking-exception";
    /// This carrier reports its own tracking; only manual shipments take a report.
    tracking_reported_by_carrier = "fulfilment-tracking-reported-by-carrier";
    /// LABEL_CREATED is recorded when shipping, not reported.
    tracking_not_reportable = "fulfilment-tracking-not-reportable";
    /// The shipment was delivered already.
    already_delivered = "fulfilment-already-delivered";
    /// A report cannot be dated in the future.
    tracking_in_future = "fulfilment-tracking-in-future";
    /// A report cannot be dated before the shipment left, `shipped_at`.
    tracking_before_shipping(shipped_at: &str) = "fulfilment-tracking-before-shipping";
    /// An exception says what went wrong.
    exception_note_required = "fulfilment-exception-note-required";
    /// A note is up to `max` characters.
    note_too_long(max: i64) = "fulfilment-note-too-long";
    /// A tracking number is typed for manual shipping only.
    tracking_number_manual_only = "fulfilment-tracking-number-manual-only";
}
