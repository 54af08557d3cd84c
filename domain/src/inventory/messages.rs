//! The inventory context's messages (`locales/*.ftl`).

use crate::platform::i18n::messages::messages;

messages! {
    /// The warehouse code rule, at most `max` characters.
    code_format(max: usize) = "inventory-code-format";
    /// Warehouse code `code` is taken.
    code_taken(code: &str) = "inventory-code-taken";
    /// A name must be 1 to `max` characters.
    name_length(max: usize) = "inventory-name-length";
    /// At most `max` characters.
    too_long(max: usize) = "inventory-too-long";
    /// This field must be given.
    required = "inventory-required";
    /// `code` is not an ISO 3166-1 alpha-2 country code.
    country_invalid(code: &str) = "inventory-country-invalid";
    /// `zone` is not an IANA time zone.
    timezone_invalid(zone: &str) = "inventory-timezone-invalid";
    /// A part of a location code is 1 to `max` letters or digits.
    part_format(max: usize) = "inventory-part-format";
    /// A part needs the part `outer` (zone, aisle, bay, level) outside it.
    part_needs_outer(outer: &str) = "inventory-part-needs-outer";
    /// Location `code` exists in this warehouse.
    location_taken(code: &str) = "inventory-location-taken";
    /// `count` more of the locations asked for exist.
    more_taken(count: usize) = "inventory-more-taken";
    /// Both ends of a range are digits, or letters of one length.
    range_ends = "inventory-range-ends";
    /// A range's `from` comes after its `to`.
    range_order = "inventory-range-order";
    /// A range makes `count` locations, more than `max`.
    range_too_large(count: i64, max: i64) = "inventory-range-too-large";
    /// `count` labels match, more than `max` print at once.
    labels_too_many(count: i64, max: i64) = "inventory-labels-too-many";
    /// No location matches the label filters.
    labels_none = "inventory-labels-none";
    /// Only `on_hand` units are at the location; `wanted` were asked for.
    short_at_location(on_hand: i64, wanted: i64) = "inventory-short-at-location";
    /// `available` units are available; the change needs `short` more.
    not_available(available: i64, short: i64) = "inventory-not-available";
    /// The quantity `quantity` (now `current`) would fall below zero.
    below_zero(quantity: &str, current: i64) = "inventory-below-zero";
    /// A quantity must be a whole number above zero.
    quantity_positive = "inventory-quantity-positive";
    /// A quantity must not be below zero.
    quantity_not_negative = "inventory-quantity-not-negative";
    /// An adjustment of zero units changes nothing.
    delta_not_zero = "inventory-delta-not-zero";
    /// Reason `reason` goes the other way (found adds, lost takes, …).
    delta_against_reason(reason: &str) = "inventory-delta-against-reason";
    /// SKU `code` keeps stock by lot: name the lot.
    lot_required(code: &str) = "inventory-lot-required";
    /// SKU `code` does not track lots.
    lot_not_tracked(code: &str) = "inventory-lot-not-tracked";
    /// The value changed meanwhile: it is `current` now.
    stale(current: i64) = "inventory-stale";
    /// Moving to the location it is in.
    same_location = "inventory-same-location";
    /// The two locations are in different warehouses.
    other_warehouse = "inventory-other-warehouse";
    /// The location holds `units` units; its type cannot change what they count as.
    location_holds_stock(units: i64) = "inventory-location-holds-stock";
    /// 1 to `max` lines.
    lines_count(max: usize) = "inventory-lines-count";
    /// A transfer carries one merchant's goods.
    one_merchant = "inventory-one-merchant";
    /// A transfer leaves one warehouse.
    one_source = "inventory-one-source";
    /// Not found here.
    not_found_here = "inventory-not-found-here";
    /// Transfer to the warehouse it leaves.
    same_warehouse = "inventory-same-warehouse";
    /// Warehouse `code` is closed.
    warehouse_closed(code: &str) = "inventory-warehouse-closed";
    /// Transfer reference `reference` is taken.
    transfer_reference_taken(reference: &str) = "inventory-transfer-reference-taken";
    /// The transfer is `status`, no longer in transit.
    transfer_not_in_transit(status: &str) = "inventory-transfer-not-in-transit";
    /// Receive into a RECEIVING location of the destination.
    receiving_location = "inventory-receiving-location";
    /// The count is `status`.
    count_not_in(status: &str) = "inventory-count-not-in";
    /// Every line of the count must be counted.
    count_every_line = "inventory-count-every-line";
    /// The counter cannot approve their own count.
    count_own = "inventory-count-own";
    /// A count covers a location, or a SKU in a warehouse.
    count_scope = "inventory-count-scope";
    /// No warehouse of the tenant has the code `code`.
    opening_unknown_warehouse(code: &str) = "inventory-opening-unknown-warehouse";
    /// Warehouse `warehouse` has no location `location`.
    opening_unknown_location(warehouse: &str, location: &str) = "inventory-opening-unknown-location";
    /// Location `code` is inactive.
    opening_location_inactive(code: &str) = "inventory-opening-location-inactive";
    /// Opening stock where the SKU has stock history: `on_hand` now, `quantity` asked.
    opening_differs(on_hand: i64, quantity: i64) = "inventory-opening-differs";
}
