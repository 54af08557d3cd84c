//! Partner API clients.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use domain::catalog::MERCHANT;
use domain::identity::{self, api_clients};
use domain::platform::access::Permission;

use super::types::ApiClient;
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{UserError, into_payload};

#[derive(Default)]
pub struct ApiClientMutations;

#[derive(InputObject)]
pub struct ApiClientCreateInput {
    name: String,
    scopes: Vec<Enum<Permission>>,
    /// Bind the client to one merchant: it then sees only that merchant's goods.
    merchant_id: Option<ID>,
    /// Makes a retry safe: the same key and input return the first result,
    /// secret included, for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(SimpleObject)]
pub struct ApiClientCreatePayload {
    api_client: Option<ApiClient>,
    /// Shown only in this response; store it now.
    client_secret: Option<String>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct ApiClientRevokeInput {
    id: ID,
}

#[derive(SimpleObject)]
pub struct ApiClientRevokePayload {
    api_client: Option<ApiClient>,
    user_errors: Vec<UserError>,
}

#[Object]
impl ApiClientMutations {
    async fn api_client_create(
        &self,
        ctx: &Context<'_>,
        input: ApiClientCreateInput,
    ) -> Result<ApiClientCreatePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = api_clients::NewApiClient {
                name: input.name,
                scopes: input.scopes.into_iter().map(Enum::into_inner).collect(),
                merchant_id: ids::decode_opt(MERCHANT, "merchantId", input.merchant_id.as_ref())?,
            };
            db(ctx).write(&tctx, async |tx| api_clients::create(tx, new, key.as_ref()).await).await
        };
        let (created, user_errors) = into_payload(result.await)?;
        let (api_client, client_secret) = match created {
            Some((client, secret)) => (Some(ApiClient(client)), Some(secret)),
            None => (None, None),
        };
        Ok(ApiClientCreatePayload { api_client, client_secret, user_errors })
    }

    /// Revokes a client: its secret and every token issued to it stop working at once.
    async fn api_client_revoke(
        &self,
        ctx: &Context<'_>,
        input: ApiClientRevokeInput,
    ) -> Result<ApiClientRevokePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(identity::API_CLIENT, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| api_clients::revoke(tx, id).await).await
        };
        let (client, user_errors) = into_payload(result.await)?;
        Ok(ApiClientRevokePayload { api_client: client.map(ApiClient), user_errors })
    }
}
