//! Tenant settings and enabled modules.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use domain::identity::tenants;

use crate::graphql::context::{db, tenant_ctx};
use crate::graphql::enums::{Locale, Module};
use crate::graphql::errors::{UserError, into_payload};
use crate::graphql::objects::Tenant;

#[derive(Default)]
pub struct TenantMutations;

#[derive(InputObject)]
pub struct TenantUpdateInput {
    name: Option<String>,
    /// The complete set of enabled modules.
    modules: Option<Vec<Module>>,
    default_locale: Option<Locale>,
}

#[derive(SimpleObject)]
pub struct TenantUpdatePayload {
    tenant: Option<Tenant>,
    user_errors: Vec<UserError>,
}

#[Object]
impl TenantMutations {
    async fn tenant_update(&self, ctx: &Context<'_>, input: TenantUpdateInput) -> Result<TenantUpdatePayload> {
        let change = tenants::TenantUpdate {
            name: input.name,
            modules: input.modules.map(|m| m.into_iter().map(Into::into).collect()),
            default_locale: input.default_locale.map(Into::into),
        };
        let (tenant, user_errors) = into_payload(tenants::update(db(ctx), &tenant_ctx(ctx)?, change).await)?;
        Ok(TenantUpdatePayload { tenant: tenant.map(Tenant), user_errors })
    }
}
