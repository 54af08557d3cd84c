//! The request's language: chosen at the HTTP edge from `Accept-Language`
//! (or the graphql-ws `connection_init` payload), kept in [`RequestInfo`],
//! and used to word `UserError.message` and the errors we raise.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextExecute, NextSubscribe};
use async_graphql::{Context, Response, ServerError};
use domain::platform::i18n::Locale;
use futures_util::StreamExt;
use futures_util::stream::BoxStream;

use super::context::RequestInfo;
use super::payload::Localised;

/// The language of the request a resolver serves (English by default).
pub fn locale(ctx: &Context<'_>) -> Locale {
    ctx.data_opt::<RequestInfo>().map(|r| r.locale).unwrap_or_default()
}

/// Words the messages of our errors ([`Localised`]) in the request's
/// language, for queries, mutations and subscription events alike.
/// Parse and validation errors are GraphQL's own, for developers, and
/// stay English.
pub struct Localise;

impl ExtensionFactory for Localise {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(LocaliseExtension)
    }
}

struct LocaliseExtension;

fn localise(errors: &mut [ServerError], locale: Locale) {
    for error in errors {
        if let Some(messages) = error.source::<Localised>() {
            error.message = messages.render(locale);
        }
    }
}

fn request_locale(ctx: &ExtensionContext<'_>) -> Locale {
    ctx.data_opt::<RequestInfo>().map(|r| r.locale).unwrap_or_default()
}

#[async_trait::async_trait]
impl Extension for LocaliseExtension {
    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        let locale = request_locale(ctx);
        let mut response = next.run(ctx, operation_name).await;
        localise(&mut response.errors, locale);
        response
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        // graphql-ws keeps the RequestInfo of `connection_init` as session data.
        let locale = request_locale(ctx);
        next.run(ctx, stream)
            .map(move |mut response| {
                localise(&mut response.errors, locale);
                response
            })
            .boxed()
    }
}
