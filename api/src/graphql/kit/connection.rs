//! Relay connections over domain pages: opaque cursors, `pageInfo`, and
//! `totalCount` where it is cheap.

use async_graphql::connection::{Connection, CursorType, Edge, OpaqueCursor};
use async_graphql::{Context, Error, OutputType, SimpleObject};
use domain::platform::paging::{Page, PageRequest};
use uuid::Uuid;

use super::payload::gql_error;

pub type Cursor = OpaqueCursor<Uuid>;

/// The query cost of a connection field: its page size (50 when not
/// given) times what each node costs, plus one. Resolvers name it in
/// `#[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]`.
pub fn cost(first: Option<i32>, last: Option<i32>, child_complexity: usize) -> usize {
    (first.or(last).unwrap_or(50).clamp(0, 250) as usize).max(1) * child_complexity + 1
}

#[derive(SimpleObject)]
pub struct CountedFields {
    /// Number of items in the whole list, not just this page.
    pub total_count: u64,
}

pub type CountedConnection<T> = Connection<Cursor, T, CountedFields>;
pub type UncountedConnection<T> = Connection<Cursor, T>;

/// Whether the selection under a connection field asks for `path` of its
/// nodes, through `nodes` or `edges { node }`: a listing loads nested
/// objects for its whole page only when they are asked for.
pub fn nodes_select(ctx: &Context<'_>, path: &[&str]) -> bool {
    let look = ctx.look_ahead();
    let under = |mut at: async_graphql::Lookahead<'_>| {
        for name in path {
            at = at.field(name);
        }
        at.exists()
    };
    under(look.field("nodes")) || under(look.field("edges").field("node"))
}

fn cursor(raw: Option<String>, field: &str) -> Result<Option<Uuid>, Error> {
    raw.map(|c| {
        Cursor::decode_cursor(&c).map(|c| c.0).map_err(|_| {
            gql_error(domain::DomainError::user(
                field,
                domain::UserErrorCode::Invalid,
                domain::platform::messages::invalid_cursor(field),
            ))
        })
    })
    .transpose()
}

/// Parses Relay arguments into a domain page request.
pub fn page_request(
    first: Option<i32>,
    after: Option<String>,
    last: Option<i32>,
    before: Option<String>,
) -> Result<PageRequest, Error> {
    Ok(PageRequest { first, last, after: cursor(after, "after")?, before: cursor(before, "before")?, offset: None })
}

fn edges<T, N: OutputType>(
    page: Page<T>,
    node: impl Fn(T) -> N,
) -> (bool, bool, Vec<Edge<Cursor, N, async_graphql::connection::EmptyFields>>) {
    let edges = page.items.into_iter().map(|(id, item)| Edge::new(OpaqueCursor(id), node(item))).collect();
    (page.has_previous_page, page.has_next_page, edges)
}

pub fn counted<T, N: OutputType>(page: Page<T>, total: u64, node: impl Fn(T) -> N) -> CountedConnection<N> {
    let (previous, next, edges) = edges(page, node);
    let mut connection = Connection::with_additional_fields(previous, next, CountedFields { total_count: total });
    connection.edges = edges;
    connection
}

pub fn uncounted<T, N: OutputType>(page: Page<T>, node: impl Fn(T) -> N) -> UncountedConnection<N> {
    let (previous, next, edges) = edges(page, node);
    let mut connection = Connection::new(previous, next);
    connection.edges = edges;
    connection
}
