# Orders: outbound orders, their addresses and allocation.

orders-address-missing = Required for an address in this country.
orders-address-too-long = At most { $max } characters.
orders-postal-code-format = Not a postal code of this country; for example { $examples }.
orders-postal-code-not-in-region = This postal code is not in { $region }; its codes look like { $examples }.
orders-unknown-region = Not a region of this country; for example { $examples }.
orders-unknown-country = Not an ISO 3166-1 alpha-2 country code such as US or DE.
orders-invalid-phone = Not a phone number: digits, spaces and + - ( ) . only, at least 5 digits.
orders-invalid-email = Not an email address.
orders-too-long = At most { $max } characters.
orders-merchant-required = Name the merchant the order is for.
orders-reference-format = The reference must be 1 to { $max } characters.
orders-lines-count = An order has 1 to { $max } lines.
orders-quantity-positive = Quantity must be a whole number above zero.
orders-sku-id-or-code = Name the SKU by its id or by its code, one of the two.
orders-sku-not-found = The merchant has no such SKU.
orders-sku-inactive = SKU `{ $code }` is inactive and takes no orders.
orders-not-cancellable = An order in status { $status } can no longer be cancelled.
orders-import-skipped-cancelled = Order `{ $reference }` was cancelled in the shop: not imported.
orders-import-skipped-fulfilled = Order `{ $reference }` is fulfilled already: not imported.
orders-import-skipped-no-shipping = `{ $item }` needs no shipping (a gift card, a digital good or a service): not imported.
orders-import-skipped-line-fulfilled = `{ $item }` is fulfilled already: not imported.
orders-import-skipped-nothing-to-ship = Order `{ $reference }` has nothing left for the warehouse to ship: no order made.
orders-import-line-without-sku = This line has no SKU code: the warehouse ships goods by SKU, so give the product variant a SKU in the shop and export again.
orders-import-quantity = `{ $raw }` is not a number of units: write a whole number above zero.
orders-import-order-differs = This differs from the order's first row, line { $line }: give an order's details once, or the same on every row.
orders-reference-differs = Order `{ $reference }` exists already with other lines or another address: a retry sends the same order. To change it, cancel it and send a new reference.
