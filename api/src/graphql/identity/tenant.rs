//! Tenant settings and enabled modules.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use domain::identity::{Locale, Module, tenants};

use super::types::Tenant;
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::payload::{UserError, into_payload};

#[derive(Default)]
pub struct TenantMutations;

#[derive(InputObject)]
pub struct TenantUpdateInput {
    name: Option<String>,
    /// The complete set of enabled modules.
    modules: Option<Vec<Enum<Module>>>,
    default_locale: Option<Enum<Locale>>,
    /// IANA time zone of the tenant's schedules, e.g. `Asia/Shanghai`.
    timezone: Option<String>,
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
            modules: input.modules.map(|m| m.into_iter().map(Enum::into_inner).collect()),
            default_locale: input.default_locale.map(Enum::into_inner),
            timezone: input.timezone,
        };
        let result = db(ctx).write(&tenant_ctx(ctx)?, async |tx| tenants::update(tx, change).await).await;
        let (tenant, user_errors) = into_payload(result)?;
        Ok(TenantUpdatePayload { tenant: tenant.map(Tenant), user_errors })
    }
}
