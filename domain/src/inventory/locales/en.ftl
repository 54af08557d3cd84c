# Inventory: warehouses, locations (bins) and their labels.

inventory-code-format = Code must be 1 to { $max } upper-case letters, digits or dashes.
inventory-code-taken = Warehouse code `{ $code }` is taken.
inventory-name-length = Name must be 1 to { $max } characters.
inventory-too-long = At most { $max } characters.
inventory-required = Required.
inventory-country-invalid = `{ $code }` is not an ISO 3166-1 alpha-2 country code such as US or DE.
inventory-timezone-invalid = `{ $zone }` is not an IANA time zone such as America/Los_Angeles.
inventory-part-format = Each part of a location code is 1 to { $max } letters or digits.
inventory-part-needs-outer = Give the { $outer } too: a location code names its parts from the zone inward, none left out.
inventory-location-taken = Location `{ $code }` exists in this warehouse already.
inventory-more-taken = { $count ->
    [one] One more of these locations exists already.
   *[other] { $count } more of these locations exist already.
}
inventory-range-ends = `from` and `to` must both be digits, or both letters of the same length.
inventory-range-order = `from` must not come after `to`.
inventory-range-too-large = This range makes { $count } locations; at most { $max } are made at once. Make them zone by zone.
inventory-labels-too-many = { $count } labels match; at most { $max } print at once. Narrow the filter.
inventory-labels-none = No location matches these filters.

# Stock and its ledger.

inventory-short-at-location = Only { $on_hand } on hand at this location; { $wanted } asked for.
inventory-not-available = Only { $available } available; { $short } more would be needed.
inventory-below-zero = This would take { $quantity } below zero (it is { $current }).
inventory-quantity-positive = Quantity must be a whole number above zero.
inventory-quantity-not-negative = Quantity must not be below zero.
inventory-delta-not-zero = An adjustment of zero units changes nothing.
inventory-lot-required = SKU `{ $code }` keeps its stock by lot: give the lot.
inventory-lot-not-tracked = SKU `{ $code }` does not track lots: leave the lot out.
inventory-stale = The quantity changed meanwhile: it is { $current } now. Check it and try again.
inventory-same-location = Choose a location other than the one the units are in.
inventory-other-warehouse = Both locations must be in the same warehouse; use a transfer between warehouses.
inventory-location-holds-stock = This location holds { $units } units: move them out before making it a damaged, quarantine or sellable location.

# Transfers and cycle counts.

inventory-lines-count = Give 1 to { $max } lines.
inventory-one-merchant = A transfer carries one merchant's goods; send this SKU in a transfer of its own.
inventory-one-source = A transfer leaves one warehouse; this location is in another.
inventory-not-found-here = Not found.
inventory-same-warehouse = The units are in this warehouse already; use a move between locations.
inventory-warehouse-closed = Warehouse `{ $code }` is closed.
inventory-transfer-reference-taken = Transfer reference `{ $reference }` is taken.
inventory-transfer-not-in-transit = This transfer is { $status }, no longer in transit.
inventory-receiving-location = Receive into a RECEIVING location of the destination warehouse.
inventory-count-not-in = This count is { $status }.
inventory-count-every-line = Count every line of the task (enter 0 where nothing is there).
inventory-count-own = Someone other than the counter must approve or reject this count.
inventory-count-scope = Count a location, or a SKU in a warehouse: give `locationId`, or `skuId` with `warehouseId`.
inventory-opening-unknown-warehouse = No warehouse has the code `{ $code }`.
inventory-opening-unknown-location = Warehouse `{ $warehouse }` has no location `{ $location }`.
inventory-opening-location-inactive = Location `{ $code }` is inactive: activate it, or load the stock into another location.
inventory-opening-differs = This SKU has stock history at this location ({ $on_hand } on hand now, { $quantity } in the file): opening stock only fills locations it has never been in. Change real stock with an adjustment or a cycle count.
inventory-delta-against-reason = The reason `{ $reason }` goes the other way: found and opening stock add units, lost, damaged and expired take them; correction and other go either way.
