//! Request errors (GraphQL spec §7.1.2): the document does not parse, is
//! over a [limit](super::limits), fails validation, or names no operation
//! to run. They are found before execution, so the response has no `data`
//! and, for clients that accept `application/graphql-response+json`, a 4xx
//! status (GraphQL over HTTP §6.4.2); [`Execution`] tells the HTTP layer
//! which case it has.
//!
//! Like every other error they carry `extensions.code`:
//! `GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED` (limits included), or
//! `BAD_REQUEST` for an unknown or missing operation name. A response holds
//! at most [`MAX_ERRORS`] errors, so a document with thousands of faults
//! gets a short answer.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextPrepareRequest, NextRequest, NextValidation,
};
use async_graphql::{Request, Response, ServerError, ServerResult, ValidationResult};

use super::limits;

pub const PARSE_FAILED: &str = "GRAPHQL_PARSE_FAILED";
pub const VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
pub const BAD_REQUEST: &str = "BAD_REQUEST";

/// Most errors in one response; the last one then says the rest were cut.
pub const MAX_ERRORS: usize = 50;

/// Set when the operation starts executing; a response whose request
/// never set it is a request error. Put a clone in the request's data.
#[derive(Debug, Clone, Default)]
pub struct Execution(Arc<AtomicBool>);

impl Execution {
    pub fn began(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }

    fn begin(&self) {
        self.0.store(true, Ordering::Release);
    }
}

/// Checks the document's limits before validation, codes request errors
/// and caps the number of errors.
pub struct RequestChecks {
    /// Most levels of data fields (`SILKPORT_MAX_QUERY_DEPTH`).
    pub max_depth: usize,
}

impl ExtensionFactory for RequestChecks {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Checks { max_depth: self.max_depth, executing: Execution::default() })
    }
}

struct Checks {
    max_depth: usize,
    executing: Execution,
}

fn with_code(mut error: ServerError, code: &str) -> ServerError {
    let extensions = error.extensions.get_or_insert_with(Default::default);
    if extensions.get("code").is_none() {
        extensions.set("code", code);
    }
    error
}

/// The first [`MAX_ERRORS`] errors, the last of them saying how many were
/// left out (with the code of the first one left out).
fn capped(mut errors: Vec<ServerError>) -> Vec<ServerError> {
    if errors.len() <= MAX_ERRORS {
        return errors;
    }
    let left_out = errors.split_off(MAX_ERRORS - 1);
    let mut note = ServerError::new(format!("{} more errors left out.", left_out.len()), None);
    if let Some(code) = left_out[0].extensions.as_ref().and_then(|e| e.get("code")) {
        note.extensions.get_or_insert_with(Default::default).set("code", code.clone());
    }
    errors.push(note);
    errors
}

#[async_trait::async_trait]
impl Extension for Checks {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut response = next.run(ctx).await;
        if !self.executing.began() {
            response.errors = response.errors.into_iter().map(|e| with_code(e, BAD_REQUEST)).collect();
        }
        response.errors = capped(std::mem::take(&mut response.errors));
        response
    }

    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let mut request = next.run(ctx, request).await?;
        // Parsed here, before async-graphql's own checks, whose walk
        // expands every fragment spread.
        let document = request.parsed_query().map_err(|e| with_code(e, PARSE_FAILED))?;
        limits::check(document, self.max_depth)
            .map_err(|e| with_code(ServerError::new(e.to_string(), None), VALIDATION_FAILED))?;
        Ok(request)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        next.run(ctx).await.map_err(|errors| errors.into_iter().map(|e| with_code(e, VALIDATION_FAILED)).collect())
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        self.executing.begin();
        if let Some(execution) = ctx.data_opt::<Execution>() {
            execution.begin();
        }
        next.run(ctx, operation_name).await
    }
}
