//! `node(id:)` for the identity context's types.

use async_graphql::{Context, Result};
use domain::identity::{api_clients, invitations, members, tenants};
use uuid::Uuid;

use super::types::{ApiClient, Invitation, Member, Tenant, User};
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::payload::OrGql;

/// The viewer's own tenant only.
pub async fn tenant_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Tenant>> {
    let tctx = tenant_ctx(ctx)?;
    if id != tctx.tenant_id {
        return Ok(None);
    }
    Ok(Some(Tenant(tenants::current(db(ctx), &tctx).await.or_gql()?)))
}

pub async fn user_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<User>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| members::user_in_tenant(tx, id).await).await.or_gql()?.map(User))
}

pub async fn member_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Member>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| members::get(tx, id).await).await.or_gql()?.map(Member))
}

pub async fn invitation_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Invitation>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| invitations::get(tx, id).await).await.or_gql()?.map(Invitation))
}

pub async fn api_client_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<ApiClient>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| api_clients::get(tx, id).await).await.or_gql()?.map(ApiClient))
}
