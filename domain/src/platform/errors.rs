//! Typed errors of the domain. The API edge maps them once: user errors to
//! `userErrors` in the payload, the rest to GraphQL error codes, and
//! internal ones to a plain "internal error" with the cause only in the log.
//! What a user reads is a catalogue [`Message`], put into words in the
//! reader's language by the edge.

use sea_orm::{ConnAcquireErr, DbErr};

use super::i18n::Message;
use super::messages;
use super::text_enum::string_enum;

string_enum!(
    /// Machine-readable code of a problem the user can fix.
    UserErrorCode {
        Invalid = "invalid",
        InvalidEmail = "invalid_email",
        WeakPassword = "weak_password",
        Taken = "taken",
        NotFound = "not_found",
        InvalidCredentials = "invalid_credentials",
        TooManyAttempts = "too_many_attempts",
        RateLimited = "rate_limited",
        Expired = "expired",
        LinkUsed = "link_used",
        EmailUnconfirmed = "email_unconfirmed",
        Forbidden = "forbidden",
        LastOwner = "last_owner",
        AlreadyMember = "already_member",
        AlreadyInvited = "already_invited",
        NotRetryable = "not_retryable",
        IdempotencyKeyReused = "idempotency_key_reused",
        InsufficientStock = "insufficient_stock",
        Stale = "stale",
    }
);

/// A problem with the input, pointing at the field that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError {
    /// Path to the field at fault, e.g. `["input", "email"]`.
    pub field: Vec<String>,
    pub code: UserErrorCode,
    /// What to tell the user, in their language when shown.
    pub message: Message,
    /// Global id of the existing object the error is about, when there is
    /// one (the pending invitation of [`UserErrorCode::AlreadyInvited`]), so
    /// the caller can act on it instead.
    pub subject_id: Option<String>,
}

impl UserError {
    /// An error on `input.<field>`.
    pub fn new(field: &str, code: UserErrorCode, message: Message) -> Self {
        Self { field: vec!["input".into(), field.into()], code, message, subject_id: None }
    }

    /// An error on a nested input field: `["input", "declaredValue",
    /// "amount"]` for `&["declaredValue", "amount"]`, `["input",
    /// "barcodes", "1", "barcode"]` for the second barcode's.
    pub fn at(path: &[&str], code: UserErrorCode, message: Message) -> Self {
        let field = std::iter::once("input").chain(path.iter().copied()).map(str::to_owned).collect();
        Self { field, code, message, subject_id: None }
    }

    /// The same error, about the existing object `subject_id` (a global id).
    pub fn about(mut self, subject_id: String) -> Self {
        self.subject_id = Some(subject_id);
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// Input the user can correct; nothing was changed.
    #[error("invalid input: {0:?}")]
    User(Vec<UserError>),
    /// The request carries no valid identity.
    #[error("authentication required")]
    Unauthenticated,
    /// The identity is valid but lacks the permission named.
    #[error("missing permission {0}")]
    Forbidden(&'static str),
    /// Too many requests or attempts; retry after the given seconds.
    #[error("throttled")]
    Throttled { retry_after_secs: u64 },
    #[error("database error: {0}")]
    Database(DbErr),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<DbErr> for DomainError {
    /// A pool with no connection free for its whole acquire timeout is
    /// saturated, not broken (a burst queued on one hot row, say): the
    /// caller is told to come back in a second (THROTTLED) rather than
    /// given an internal error.
    fn from(error: DbErr) -> Self {
        match error {
            DbErr::ConnectionAcquire(ConnAcquireErr::Timeout) => DomainError::Throttled { retry_after_secs: 1 },
            other => DomainError::Database(other),
        }
    }
}

impl DomainError {
    /// One user error on `input.<field>`.
    pub fn user(field: &str, code: UserErrorCode, message: Message) -> Self {
        Self::User(vec![UserError::new(field, code, message)])
    }

    pub fn not_found(field: &str) -> Self {
        Self::user(field, UserErrorCode::NotFound, messages::not_found())
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }
}

pub type DomainResult<T> = Result<T, DomainError>;

/// Collects field errors of one input, so all of them are reported at once.
#[derive(Debug, Default)]
pub struct UserErrors(Vec<UserError>);

impl UserErrors {
    pub fn push(&mut self, field: &str, code: UserErrorCode, message: Message) {
        self.0.push(UserError::new(field, code, message));
    }

    /// Records an error on a nested input field (see [`UserError::at`]).
    pub fn push_at(&mut self, path: &[&str], code: UserErrorCode, message: Message) {
        self.0.push(UserError::at(path, code, message));
    }

    /// Keeps the value of `result`, recording its user errors.
    pub fn check<T>(&mut self, result: DomainResult<T>) -> DomainResult<Option<T>> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(DomainError::User(errors)) => {
                self.0.extend(errors);
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok` when nothing was recorded, else every recorded error.
    pub fn finish(self) -> DomainResult<()> {
        if self.0.is_empty() { Ok(()) } else { Err(DomainError::User(self.0)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saturated_pool_throttles_and_other_database_errors_stay_internal() {
        let saturated = DomainError::from(DbErr::ConnectionAcquire(ConnAcquireErr::Timeout));
        assert!(matches!(saturated, DomainError::Throttled { retry_after_secs: 1 }), "{saturated:?}");
        let closed = DomainError::from(DbErr::ConnectionAcquire(ConnAcquireErr::ConnectionClosed));
        assert!(matches!(closed, DomainError::Database(_)), "{closed:?}");
    }
}
