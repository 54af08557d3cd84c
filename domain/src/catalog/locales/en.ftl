# Catalog: merchants (and later products and SKUs).

catalog-code-format = Code must be 1 to 32 letters, digits, dashes or underscores.
catalog-code-taken = Merchant code `{ $code }` is taken.
catalog-name-length = Name must be 1 to { $max } characters.
catalog-currency-invalid = `{ $code }` is not an ISO 4217 currency code.
catalog-too-long = At most { $max } characters.
