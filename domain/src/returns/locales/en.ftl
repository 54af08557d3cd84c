# Returns (RMA).

returns-not-shipped = Only a shipped or delivered order can be returned; this one is { $status }.
returns-lines-required = Name at least one SKU coming back.
returns-not-in-order = This SKU is not on the order.
returns-quantity-range = Between 1 and { $max } units of this SKU can still come back.
returns-sku-twice = Name each SKU once.
returns-closed = This return is { $status }.
returns-quantity-positive = Quantity must be a whole number above zero.
returns-not-on-return = `{ $barcode }` is not on this return.
returns-no-location = The warehouse has no { $kind } location: make one first.
returns-more-than-awaiting = Only { $awaiting } units of this SKU await inspection.
returns-wrong-location = Restock into a sellable location (pick, bulk, …) of the warehouse; damaged units go to a damaged location.
returns-more-than-expected = Only { $left } more units of this SKU are on this return; set extra units aside and tell the merchant.
