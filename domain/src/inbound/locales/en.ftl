# Inbound shipments (ASNs): announcing, receiving and putting away.

inbound-reference-format = Reference must be 1 to { $max } characters.
inbound-reference-taken = This merchant has a shipment with reference `{ $reference }` already.
inbound-too-long = At most { $max } characters.
inbound-merchant-required = Name the merchant whose goods these are.
inbound-lines-count = A shipment has 1 to { $max } lines.
inbound-quantity-positive = Quantity must be a whole number above zero.
inbound-not-negative = Must not be below zero.
inbound-lot-required = SKU `{ $code }` keeps its stock by lot: give the lot.
inbound-lot-not-tracked = SKU `{ $code }` does not track lots: leave the lot out.
inbound-expiry-required = SKU `{ $code }` tracks expiry: give the expiry date.
inbound-expiry-not-tracked = SKU `{ $code }` does not track expiry: leave the expiry date out.
inbound-line-twice = SKU `{ $code }` is on this shipment twice; give it one line per lot.
inbound-warehouse-inactive = Warehouse `{ $code }` is closed and receives nothing.
inbound-not-on-shipment = `{ $scan }` is not on this shipment. Set the item aside and check the label.
inbound-scan-or-sku = Scan a barcode or choose a SKU: one of them.
inbound-line-or-sku = Choose a line or a SKU: one of them.
inbound-not-open = { $status ->
    [cancelled] This shipment is cancelled.
   *[other] This shipment is closed: everything on it was received.
}
inbound-received-already = { $units } units were received already: close the shipment instead of cancelling it.
inbound-not-receiving-location = Location `{ $code }` is not a receiving location of this shipment's warehouse.
inbound-no-receiving-location = This warehouse has no active receiving location: create one first.
inbound-no-damaged-location = This warehouse has no active DAMAGED location for damaged units: create one first.
inbound-putaway-exceeds = Only { $awaiting } units of this line await putaway; { $wanted } asked for.
inbound-putaway-target = Location `{ $code }` is a receiving or damaged location: put away into storage.
inbound-other-warehouse = This location is in another warehouse than the shipment's.
