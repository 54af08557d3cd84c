//! Queries of the identity context.

use async_graphql::{Context, Object, Result};
use domain::identity::{api_clients, invitations, members, tenants};
use domain::platform::access::Role;

use super::types::{ApiClient, Invitation, Member, Tenant, Viewer};
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, principal, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::payload::OrGql;

#[derive(Default)]
pub struct IdentityQuery;

#[Object]
impl IdentityQuery {
    /// Whoever the access token speaks for.
    async fn viewer(&self, ctx: &Context<'_>) -> Result<Viewer> {
        Ok(Viewer(principal(ctx)?.clone()))
    }

    /// The tenant of the access token.
    async fn tenant(&self, ctx: &Context<'_>) -> Result<Tenant> {
        Ok(Tenant(tenants::current(db(ctx), &tenant_ctx(ctx)?).await.or_gql()?))
    }

    /// Members, oldest first; only those with `role` when given.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn members(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        role: Option<Enum<Role>>,
    ) -> Result<CountedConnection<Member>> {
        let request = page_request(first, after, last, before)?;
        let role = role.map(Enum::into_inner);
        let (page, total) =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| members::list(tx, &request, role).await).await.or_gql()?;
        Ok(counted(page, total, Member))
    }

    /// Open invitations (neither accepted nor revoked), newest first;
    /// expired ones included, with status `EXPIRED`.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn invitations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<CountedConnection<Invitation>> {
        let request = page_request(first, after, last, before)?;
        let (page, total) =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| invitations::list(tx, &request).await).await.or_gql()?;
        Ok(counted(page, total, Invitation))
    }

    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn api_clients(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<CountedConnection<ApiClient>> {
        let request = page_request(first, after, last, before)?;
        let (page, total) =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| api_clients::list(tx, &request).await).await.or_gql()?;
        Ok(counted(page, total, ApiClient))
    }
}
