//! The inbound context's messages (`locales/*.ftl`).

use crate::platform::i18n::messages::messages;

messages! {
    /// A reference is 1 to `max` characters.
    reference_format(max: usize) = "inbound-reference-format";
    /// The merchant has a shipment of reference `reference` already.
    reference_taken(reference: &str) = "inbound-reference-taken";
    /// At most `max` characters.
    too_long(max: usize) = "inbound-too-long";
    /// A caller bound to no merchant names the shipment's merchant.
    merchant_required = "inbound-merchant-required";
    /// A shipment has 1 to `max` lines.
    lines_count(max: usize) = "inbound-lines-count";
    /// A quantity is a whole number above zero.
    quantity_positive = "inbound-quantity-positive";
    /// A count is not below zero.
    not_negative = "inbound-not-negative";
    /// SKU `code` keeps stock by lot: name the lot.
    lot_required(code: &str) = "inbound-lot-required";
    /// SKU `code` does not track lots.
    lot_not_tracked(code: &str) = "inbound-lot-not-tracked";
    /// SKU `code` tracks expiry: give the expiry date.
    expiry_required(code: &str) = "inbound-expiry-required";
    /// SKU `code` does not track expiry.
    expiry_not_tracked(code: &str) = "inbound-expiry-not-tracked";
    /// SKU `code` (with the same lot) is on the shipment twice.
    line_twice(code: &str) = "inbound-line-twice";
    /// Warehouse `code` is closed.
    warehouse_inactive(code: &str) = "inbound-warehouse-inactive";
    /// A scan of `scan` finds nothing on this shipment.
    not_on_shipment(scan: &str) = "inbound-not-on-shipment";
    /// Give a barcode or a SKU, one of them.
    scan_or_sku = "inbound-scan-or-sku";
    /// Give a line or a SKU, one of them.
    line_or_sku = "inbound-line-or-sku";
    /// The shipment is `status` (`received` or `cancelled`): no more receipts, no cancel.
    not_open(status: &str) = "inbound-not-open";
    /// Units were received: close the shipment rather than cancel it.
    received_already(units: i64) = "inbound-received-already";
    /// Location `code` is not a receiving location of the shipment's warehouse.
    not_receiving_location(code: &str) = "inbound-not-receiving-location";
    /// The warehouse has no active receiving location.
    no_receiving_location = "inbound-no-receiving-location";
    /// The warehouse has no active damaged location for damaged units.
    no_damaged_location = "inbound-no-damaged-location";
    /// Only `awaiting` units of the line await putaway; `wanted` were asked for.
    putaway_exceeds(awaiting: i64, wanted: i64) = "inbound-putaway-exceeds";
    /// Location `code` is a receiving or damaged location, not storage.
    putaway_target(code: &str) = "inbound-putaway-target";
    /// The location is in another warehouse than the shipment's.
    other_warehouse = "inbound-other-warehouse";
}
