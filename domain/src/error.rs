//! Typed errors of the domain. The API edge maps them once: user errors to
//! `userErrors` in the payload, the rest to GraphQL error codes, and
//! internal ones to a plain "internal error" with the cause only in the log.

use sea_orm::DbErr;

/// Machine-readable code of a problem the user can fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserErrorCode {
    Invalid,
    InvalidEmail,
    WeakPassword,
    Taken,
    NotFound,
    InvalidCredentials,
    TooManyAttempts,
    Expired,
    Forbidden,
    LastOwner,
    AlreadyMember,
    NotRetryable,
}

/// A problem with the input, pointing at the field that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError {
    pub field: Vec<String>,
    pub code: UserErrorCode,
    pub message: String,
}

impl UserError {
    pub fn new(field: &str, code: UserErrorCode, message: impl Into<String>) -> Self {
        Self { field: vec!["input".into(), field.into()], code, message: message.into() }
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
    Database(#[from] DbErr),
    #[error("internal error: {0}")]
    Internal(String),
}

impl DomainError {
    pub fn user(field: &str, code: UserErrorCode, message: impl Into<String>) -> Self {
        Self::User(vec![UserError::new(field, code, message)])
    }

    pub fn not_found(field: &str) -> Self {
        Self::user(field, UserErrorCode::NotFound, "No such record exists.")
    }
}

pub type DomainResult<T> = Result<T, DomainError>;
