//! The one mapping from domain errors to what clients see: `userErrors` in
//! mutation payloads, GraphQL error codes otherwise, and "internal error"
//! (cause logged, never sent) for bugs and infrastructure failures.
//!
//! Messages are catalogue [`Message`]s until the response is written: a
//! `UserError`'s `message` field and every error we raise are rendered in
//! the request's language ([`super::locale`]), so the portal and partners
//! read them in the language they ask for; `code` and `field` never change.

use std::fmt;

use async_graphql::{ComplexObject, Context, Error, ErrorExtensions, ID, SimpleObject};
use domain::platform::i18n::{Locale, Message};
use domain::platform::messages;
use domain::{DomainError, UserErrorCode};

use super::enums::Enum;
use super::locale::locale;

/// A problem with the input that the user can fix.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct UserError {
    /// Path to the input field at fault, e.g. `["input", "email"]`.
    pub field: Option<Vec<String>>,
    pub code: Enum<UserErrorCode>,
    #[graphql(skip)]
    pub message: Message,
    /// Global id of the existing object the error is about, when there is
    /// one: the pending invitation of `ALREADY_INVITED`, to resend instead.
    pub subject_id: Option<ID>,
}

#[ComplexObject]
impl UserError {
    /// What is wrong, for a person, in the request's language (its
    /// `Accept-Language` header; English by default).
    async fn message(&self, ctx: &Context<'_>) -> String {
        self.message.render(locale(ctx))
    }
}

impl From<domain::UserError> for UserError {
    fn from(e: domain::UserError) -> Self {
        Self { field: Some(e.field), code: Enum(e.code), message: e.message, subject_id: e.subject_id.map(ID) }
    }
}

/// The messages of an error we raise, kept as its `source` until
/// [`super::locale::Localise`] words them in the request's language.
#[derive(Debug, Clone)]
pub struct Localised(pub Vec<Message>);

impl Localised {
    /// The messages in `locale`, one sentence after the other.
    pub fn render(&self, locale: Locale) -> String {
        self.0.iter().map(|m| m.render(locale)).collect::<Vec<_>>().join(" ")
    }
}

/// English, until localised.
impl fmt::Display for Localised {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::En))
    }
}

/// A GraphQL error with `extensions.code` and a message to be localised.
pub fn coded(messages: Vec<Message>, code: &'static str) -> Error {
    Error::new_with_source(Localised(messages)).extend_with(move |_, e| e.set("code", code))
}

/// For queries and failures that are not the user's to fix.
pub fn gql_error(error: DomainError) -> Error {
    match error {
        DomainError::User(errors) => coded(errors.into_iter().map(|e| e.message).collect(), "BAD_USER_INPUT"),
        DomainError::Unauthenticated => coded(vec![messages::unauthenticated()], "UNAUTHENTICATED"),
        DomainError::Forbidden(permission) => coded(vec![messages::forbidden(permission)], "FORBIDDEN"),
        DomainError::Throttled { retry_after_secs } => {
            let seconds = i64::try_from(retry_after_secs).unwrap_or(i64::MAX);
            coded(vec![messages::throttled(seconds)], "THROTTLED")
                .extend_with(move |_, e| e.set("retryAfterSeconds", retry_after_secs))
        }
        DomainError::Database(cause) => {
            tracing::error!(error = %cause, "database error");
            coded(vec![messages::internal()], "INTERNAL")
        }
        DomainError::Internal(cause) => {
            tracing::error!(error = %cause, "internal error");
            coded(vec![messages::internal()], "INTERNAL")
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
