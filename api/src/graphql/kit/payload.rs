//! The one mapping from domain errors to what clients see: `userErrors` in
//! mutation payloads, GraphQL error codes otherwise, and "internal error"
//! (cause logged, never sent) for bugs and infrastructure failures.

use async_graphql::{Error, ErrorExtensions, ID, SimpleObject};
use domain::{DomainError, UserErrorCode};

use super::enums::Enum;

/// A problem with the input that the user can fix.
#[derive(SimpleObject, Clone, Debug)]
pub struct UserError {
    /// Path to the input field at fault, e.g. `["input", "email"]`.
    pub field: Option<Vec<String>>,
    pub code: Enum<UserErrorCode>,
    pub message: String,
    /// Global id of the existing object the error is about, when there is
    /// one: the pending invitation of `ALREADY_INVITED`, to resend instead.
    pub subject_id: Option<ID>,
}

impl UserError {
    pub fn invalid(field: &str, message: &str) -> Self {
        Self {
            field: Some(vec!["input".into(), field.into()]),
            code: Enum(UserErrorCode::Invalid),
            message: message.into(),
            subject_id: None,
        }
    }
}

impl From<domain::UserError> for UserError {
    fn from(e: domain::UserError) -> Self {
        Self { field: Some(e.field), code: Enum(e.code), message: e.message, subject_id: e.subject_id.map(ID) }
    }
}

fn coded(message: impl Into<String>, code: &'static str) -> Error {
    Error::new(message.into()).extend_with(move |_, e| e.set("code", code))
}

/// For queries and failures that are not the user's to fix.
pub fn gql_error(error: DomainError) -> Error {
    match error {
        DomainError::User(errors) => {
            let message = errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" ");
            coded(message, "BAD_USER_INPUT")
        }
        DomainError::Unauthenticated => coded("authentication required", "UNAUTHENTICATED"),
        DomainError::Forbidden(scope) => coded(format!("not allowed: requires `{scope}`"), "FORBIDDEN"),
        DomainError::Throttled { retry_after_secs } => Error::new(format!("throttled; retry in {retry_after_secs} s"))
            .extend_with(move |_, e| {
                e.set("code", "THROTTLED");
                e.set("retryAfterSeconds", retry_after_secs);
            }),
        DomainError::Database(cause) => {
            tracing::error!(error = %cause, "database error");
            coded("internal error", "INTERNAL")
        }
        DomainError::Internal(cause) => {
            tracing::error!(error = %cause, "internal error");
            coded("internal error", "INTERNAL")
        }
    }
}

/// For mutations: user errors go into the payload, the rest are errors.
pub fn into_payload<T>(result: Result<T, DomainError>) -> Result<(Option<T>, Vec<UserError>), Error> {
    match result {
        Ok(value) => Ok((Some(value), Vec::new())),
        Err(DomainError::User(errors)) => Ok((None, errors.into_iter().map(UserError::from).collect())),
        Err(other) => Err(gql_error(other)),
    }
}

/// Shorthand for resolvers: a domain result as a GraphQL result.
pub trait OrGql<T> {
    fn or_gql(self) -> Result<T, Error>;
}

impl<T> OrGql<T> for Result<T, DomainError> {
    fn or_gql(self) -> Result<T, Error> {
        self.map_err(gql_error)
    }
}
