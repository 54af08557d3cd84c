# Catalog: merchants, products, SKUs and their barcodes.

catalog-code-format = Code must be 1 to 32 letters, digits, dashes or underscores.
catalog-code-taken = Merchant code `{ $code }` is taken.
catalog-name-length = Name must be 1 to { $max } characters.
catalog-currency-invalid = `{ $code }` is not an ISO 4217 currency code.
catalog-too-long = At most { $max } characters.
catalog-name-missing = Give a name in Chinese or in English (or both).
catalog-merchant-required = Choose the merchant whose goods these are (`merchantId`).
catalog-handle-format = A handle is 1 to { $max } lower-case letters, digits, dashes or underscores, such as `linen-shirt`.
catalog-handle-taken = This merchant already has a product with the handle `{ $handle }`.
catalog-sku-code-format = A SKU code is 1 to { $max } visible ASCII characters without spaces, such as `LT-SHIRT-RED-M`.
catalog-sku-code-taken = This merchant already has a SKU with the code `{ $code }`.
catalog-too-many-options = A SKU has at most { $max } options.
catalog-option-length = An option's name and value are each 1 to { $max } characters.
catalog-option-twice = The option `{ $name }` is given twice.
catalog-measure-negative = Must be 0 or more.
catalog-hs-code-format = `{ $raw }` is not an HS code: give 6 to 10 digits, such as 6109.10 or 6109100000.
catalog-country-invalid = `{ $code }` is not an ISO 3166-1 alpha-2 country code, such as CN or US.
catalog-too-many-barcodes = A SKU has at most { $max } barcodes.
catalog-barcode-digits-only = A { $kind } barcode has digits only.
catalog-barcode-length = A { $kind } barcode has { $digits } digits, not { $given }.
catalog-barcode-check-digit = The check digit of `{ $barcode }` is wrong: check the number for a typing or scanning error.
catalog-barcode-internal-format = An internal barcode is 1 to { $max } printable ASCII characters.
catalog-barcode-twice = The barcode `{ $barcode }` is given twice.
catalog-barcode-taken = Another SKU of this merchant already has the barcode `{ $barcode }`.
catalog-import-variant-without-sku = This variant has no SKU code: the warehouse keeps goods by SKU, so give each variant a Variant SKU.
catalog-import-code-twice = The SKU code `{ $code }` is also on line { $line }.
catalog-import-barcode-twice = The barcode `{ $barcode }` is also on line { $line }.
catalog-import-title-conflict = This product's title differs from the one on line { $line }.
catalog-import-options-format = Write options as name=value pairs separated by |, such as Color=Red|Size=M.
catalog-import-stock-quantity = `{ $raw }` is not a number of units: write a whole number, 0 or more.
