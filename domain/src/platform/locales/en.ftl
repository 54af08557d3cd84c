# The platform's strings: errors every context can meet, and the frame of every mail.

platform-not-found = No such record exists.
platform-invalid-email = `{ $address }` is not a valid email address.
platform-page-first-or-last = Give either `first` or `last`, not both.
platform-page-size = `{ $field }` must be between 0 and { $max }.
platform-invalid-cursor = `{ $field }` is not a cursor from this list.
platform-invalid-id = Not a { $kind } id.
platform-idempotency-key-format = An idempotency key is 1 to 255 visible ASCII characters, such as a UUID.
platform-idempotency-key-reused = This idempotency key was used for a different request; use a new key for a new request.
platform-idempotency-key-conflict = The `idempotencyKey` field and the `Idempotency-Key` header differ; send one key.
platform-offset-with-last = `offset` pages forward: use it with `first`, not `last`.
platform-offset-range = `offset` must be between 0 and { $max }; narrow the list instead.
platform-audit-too-many-actions = Name at most { $max } actions.
platform-audit-until-before-since = `until` must be later than `since`.
platform-amount-invalid = `{ $amount }` is not an amount: write digits with at most one decimal point, such as 12.50.
platform-amount-negative = An amount cannot be negative.
platform-amount-too-many-decimals = { $currency } amounts have { $digits ->
        [0] no decimal places
        [one] at most { $digits } decimal place
       *[other] at most { $digits } decimal places
    }.
platform-currency-invalid = `{ $code }` is not an ISO 4217 currency code.
platform-currency-not-for-prices = `{ $code }` has no minor unit and cannot price goods; use a currency such as USD or CNY.
platform-job-not-retryable = Only dead-lettered jobs can be retried.
platform-unauthenticated = Authentication required: send `Authorization: Bearer <access token>`.
platform-token-expired = The access token has expired; sign in again or refresh it.
platform-access-revoked = Your access to this tenant was removed or revoked; sign in again.
platform-token-invalid = The access token is not valid: { $reason ->
        [not_yet_valid] it is not valid yet (`nbf`)
        [bad_signature] its signature does not match
        [bad_algorithm] it uses an unsupported algorithm
        [unknown_key] it is signed by an unknown key
        [bad_claims] its claims are not ours (issuer, audience or subject)
       *[malformed] it is not a well-formed JWT bearer token
    }.
platform-forbidden = Not allowed: this requires `{ $permission }`.
platform-throttled = Too many requests; try again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
platform-internal = Something went wrong on our side; please try again later.

## Imports of files (uploads, CSV, reports)

platform-import-too-large = The file is larger than { $max_mib } MiB: split it into smaller files.
platform-import-empty = The file is empty.
platform-import-not-utf8 = The file is not UTF-8 text (from line { $line }): save it as "CSV UTF-8" and upload it again.
platform-import-missing-columns = The header lacks the columns { $columns }: is this a { $format } file, with its header on the first line?
platform-import-wrong-delimiter = The columns are separated by `{ $found }`, not by commas: export the file as comma-separated CSV.
platform-import-unknown-column = `{ $column }` is not a column of this format.
platform-import-column-twice = The column `{ $column }` is in the header twice.
platform-import-malformed = Line { $line } is not valid CSV (check its quotes).
platform-import-row-length = This row has { $given } cells; the header has { $expected }.
platform-import-required = This cell must not be empty.
platform-import-number = `{ $raw }` is not a number.
platform-import-flag = `{ $raw }` is not a yes/no value: write true or false.
platform-import-choice = `{ $raw }` is not one of: { $allowed }.
platform-import-internal = The import stopped because of a fault on our side; nothing more was changed. Start it again.
platform-import-upload-not-yours = This file was uploaded by someone else: upload it yourself.

## Mail

platform-mail-signature = Silkport — the cross-border e-commerce platform
platform-mail-automatic = This mail was sent automatically; replies are not read.
