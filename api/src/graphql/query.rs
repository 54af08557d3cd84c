//! Query root.

use async_graphql::{Context, ID, Object, Result};
use domain::identity::{api_clients, invitations, members, tenants};
use domain::{audit, jobs};

use super::connection::{CountedConnection, PlainConnection, counted, page_request, plain};
use super::context::{db, principal, tenant_ctx};
use super::enums::JobState;
use super::errors::gql_error;
use super::ids;
use super::objects::{ApiClient, AuditEntry, Invitation, Job, Member, Node, Tenant, User, Viewer};

pub struct QueryRoot;

#[Object]
impl QueryRoot {
    /// Whoever the access token speaks for.
    async fn viewer(&self, ctx: &Context<'_>) -> Result<Viewer> {
        Ok(Viewer(principal(ctx)?.clone()))
    }

    /// Any object by its global id; null if it does not exist in this tenant.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Node>> {
        let Some((kind, uuid)) = ids::decode_any(&id) else { return Ok(None) };
        let tctx = tenant_ctx(ctx)?;
        let db = db(ctx);
        let node = match kind {
            "Tenant" if uuid == tctx.tenant_id => {
                Some(Node::Tenant(Tenant(tenants::current(db, &tctx).await.map_err(gql_error)?)))
            }
            "User" => members::user_in_tenant(db, &tctx, uuid).await.map_err(gql_error)?.map(|u| Node::User(User(u))),
            "Member" => members::get(db, &tctx, uuid).await.map_err(gql_error)?.map(|m| Node::Member(Member(m))),
            "Invitation" => {
                invitations::get(db, &tctx, uuid).await.map_err(gql_error)?.map(|i| Node::Invitation(Invitation(i)))
            }
            "ApiClient" => {
                api_clients::get(db, &tctx, uuid).await.map_err(gql_error)?.map(|c| Node::ApiClient(ApiClient(c)))
            }
            "AuditEntry" => {
                audit::get(db, &tctx, uuid).await.map_err(gql_error)?.map(|a| Node::AuditEntry(AuditEntry(a)))
            }
            "Job" => jobs::get(db, &tctx, uuid).await.map_err(gql_error)?.map(|j| Node::Job(Job(j))),
            _ => None,
        };
        Ok(node)
    }

    /// The tenant of the access token.
    async fn tenant(&self, ctx: &Context<'_>) -> Result<Tenant> {
        Ok(Tenant(tenants::current(db(ctx), &tenant_ctx(ctx)?).await.map_err(gql_error)?))
    }

    #[graphql(complexity = "(first.or(last).unwrap_or(50).clamp(0, 250) as usize).max(1) * child_complexity + 1")]
    async fn members(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<CountedConnection<Member>> {
        let request = page_request(first, after, last, before)?;
        let (page, total) = members::list(db(ctx), &tenant_ctx(ctx)?, &request).await.map_err(gql_error)?;
        Ok(counted(page, total, Member))
    }

    /// Invitations not yet accepted, newest first.
    #[graphql(complexity = "(first.or(last).unwrap_or(50).clamp(0, 250) as usize).max(1) * child_complexity + 1")]
    async fn invitations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<CountedConnection<Invitation>> {
        let request = page_request(first, after, last, before)?;
        let (page, total) = invitations::list(db(ctx), &tenant_ctx(ctx)?, &request).await.map_err(gql_error)?;
        Ok(counted(page, total, Invitation))
    }

    #[graphql(complexity = "(first.or(last).unwrap_or(50).clamp(0, 250) as usize).max(1) * child_complexity + 1")]
    async fn api_clients(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<CountedConnection<ApiClient>> {
        let request = page_request(first, after, last, before)?;
        let (page, total) = api_clients::list(db(ctx), &tenant_ctx(ctx)?, &request).await.map_err(gql_error)?;
        Ok(counted(page, total, ApiClient))
    }

    /// Every audited change in the tenant, newest first.
    #[graphql(complexity = "(first.or(last).unwrap_or(50).clamp(0, 250) as usize).max(1) * child_complexity + 1")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<PlainConnection<AuditEntry>> {
        let request = page_request(first, after, last, before)?;
        let page = audit::list(db(ctx), &tenant_ctx(ctx)?, &request).await.map_err(gql_error)?;
        Ok(plain(page, AuditEntry))
    }

    /// Background jobs, newest first; `state: DEAD` lists the dead letters.
    #[graphql(complexity = "(first.or(last).unwrap_or(50).clamp(0, 250) as usize).max(1) * child_complexity + 1")]
    async fn jobs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        state: Option<JobState>,
    ) -> Result<PlainConnection<Job>> {
        let request = page_request(first, after, last, before)?;
        let page = jobs::list(db(ctx), &tenant_ctx(ctx)?, state.map(Into::into), &request).await.map_err(gql_error)?;
        Ok(plain(page, Job))
    }
}
