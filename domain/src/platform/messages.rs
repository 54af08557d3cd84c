//! The platform's messages (`platform/locales/*.ftl`): errors of paging,
//! ids, idempotency keys and jobs, and the words of the API edge's errors.

use super::i18n::messages::messages;

messages! {
    /// No such record exists.
    not_found = "platform-not-found";
    /// `address` is not a valid email address.
    invalid_email(address: &str) = "platform-invalid-email";
    /// Give either `first` or `last`, not both.
    page_first_or_last = "platform-page-first-or-last";
    /// `field` must be between 0 and `max`.
    page_size(field: &str, max: i64) = "platform-page-size";
    /// `field` is not a cursor from this list.
    invalid_cursor(field: &str) = "platform-invalid-cursor";
    /// Not a `kind` id.
    invalid_id(kind: &str) = "platform-invalid-id";
    /// An idempotency key is 1 to 255 visible ASCII characters.
    idempotency_key_format = "platform-idempotency-key-format";
    /// The key was used for a different request.
    idempotency_key_reused = "platform-idempotency-key-reused";
    /// The field and the header name different keys.
    idempotency_key_conflict = "platform-idempotency-key-conflict";
    /// `offset` pages forward only.
    offset_with_last = "platform-offset-with-last";
    /// `offset` must be between 0 and `max`.
    offset_range(max: i64) = "platform-offset-range";
    /// An audit filter names at most `max` actions.
    audit_too_many_actions(max: i64) = "platform-audit-too-many-actions";
    /// `until` must be later than `since`.
    audit_until_before_since = "platform-audit-until-before-since";
    /// `amount` is not a plain decimal number.
    amount_invalid(amount: &str) = "platform-amount-invalid";
    /// An amount may not be negative.
    amount_negative = "platform-amount-negative";
    /// `currency` amounts have at most `digits` decimal places.
    amount_too_many_decimals(currency: &str, digits: i64) = "platform-amount-too-many-decimals";
    /// `code` is not an ISO 4217 currency code.
    currency_invalid(code: &str) = "platform-currency-invalid";
    /// `code` (a fund, metal or testing code) has no minor unit to price in.
    currency_not_for_prices(code: &str) = "platform-currency-not-for-prices";
    /// Only dead-lettered jobs can be retried.
    job_not_retryable = "platform-job-not-retryable";
    /// No access token was sent.
    unauthenticated = "platform-unauthenticated";
    /// The access token has expired.
    token_expired = "platform-token-expired";
    /// The token's membership or client was removed or revoked.
    access_revoked = "platform-access-revoked";
    /// The access token is not valid, for `reason` (`malformed`,
    /// `not_yet_valid`, `bad_signature`, `bad_algorithm`, `unknown_key`,
    /// `bad_claims`).
    token_invalid(reason: &str) = "platform-token-invalid";
    /// The caller lacks `permission`.
    forbidden(permission: &str) = "platform-forbidden";
    /// Too many requests; retry in `seconds`.
    throttled(seconds: i64) = "platform-throttled";
    /// Something failed on our side.
    internal = "platform-internal";
    /// The upload is more than `max_mib` MiB.
    import_too_large(max_mib: i64) = "platform-import-too-large";
    /// The uploaded file is empty.
    import_empty = "platform-import-empty";
    /// The file is not UTF-8 from line `line` on.
    import_not_utf8(line: i64) = "platform-import-not-utf8";
    /// The header lacks `columns` (a `format` file).
    import_missing_columns(columns: &str, format: &str) = "platform-import-missing-columns";
    /// Columns are separated by `found`, not commas.
    import_wrong_delimiter(found: &str) = "platform-import-wrong-delimiter";
    /// Column `column` is not one of the format's.
    import_unknown_column(column: &str) = "platform-import-unknown-column";
    /// Column `column` is in the header twice.
    import_column_twice(column: &str) = "platform-import-column-twice";
    /// Line `line` is not CSV.
    import_malformed(line: i64) = "platform-import-malformed";
    /// A row of `given` fields where the header has `expected`.
    import_row_length(given: i64, expected: i64) = "platform-import-row-length";
    /// A required cell is empty.
    import_required = "platform-import-required";
    /// `raw` is not a number.
    import_number(raw: &str) = "platform-import-number";
    /// `raw` is not a yes/no value.
    import_flag(raw: &str) = "platform-import-flag";
    /// `raw` is not one of `allowed`.
    import_choice(raw: &str, allowed: &str) = "platform-import-choice";
    /// The import stopped on a fault of ours.
    import_internal = "platform-import-internal";
    /// The upload was sent by someone else.
    import_upload_not_yours = "platform-import-upload-not-yours";
}
