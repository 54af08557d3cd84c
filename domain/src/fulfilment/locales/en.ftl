# Fulfilment: waves, picking by scan, packing, shipping and tracking.

fulfilment-max-orders = A wave takes 1 to { $max } orders.
fulfilment-nothing-to-pick = No allocated order of this warehouse can be picked now (with these filters, and with its units in pick or bulk locations).
fulfilment-quantity-positive = Quantity must be a whole number above zero.
fulfilment-wrong-location = Wrong location: scanned `{ $scanned }`, this task is at `{ $expected }`.
fulfilment-wrong-sku = Wrong item: scanned `{ $scanned }`, this task is SKU `{ $expected }`. Put it back.
fulfilment-over-pick = Only { $left } left to pick on this task; { $wanted } scanned.
fulfilment-not-picking = This order is { $status }, not being picked.
fulfilment-not-picked = { $left } units of this order are still to pick: pack it when every unit is picked.
fulfilment-not-in-order = `{ $scanned }` is not in this order. Set it aside.
fulfilment-over-pack = Only { $left } picked units of SKU `{ $code }` are left to pack; { $wanted } packed.
fulfilment-scan-or-sku = Scan a barcode or choose a SKU for each item: one of them.
fulfilment-items-required = A package holds at least one item.
fulfilment-weight-positive = Weight is in grams, 1 or more.
fulfilment-size-positive = Each side is in millimetres, 1 or more.
fulfilment-not-packed = Only a packed order ships; this one is { $status }.
fulfilment-tracking-number-missing = Type the tracking number the carrier gave.
fulfilment-tracking-number-invalid = `{ $number }` is not a tracking number: 4 to 40 letters, digits or signs, no spaces.
fulfilment-too-heavy = This carrier takes packages of 1 to { $max } g, not { $grams } g.
fulfilment-too-big = This carrier takes packages whose sides are 1 to { $max } mm.
fulfilment-tracking-number-manual-only = Only manual shipping takes a typed tracking number.
fulfilment-tracking-label-created = Label created; the carrier has not collected the package yet.
fulfilment-tracking-picked-up = Collected by the carrier at the warehouse.
fulfilment-tracking-in-transit = In transit.
fulfilment-tracking-out-for-delivery = Out for delivery.
fulfilment-tracking-delivered = Delivered.
fulfilment-cutoff-format = A cut-off is a time of day as HH:MM, such as 16:00.
