//! Partner API clients.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use domain::identity::api_clients;

use crate::graphql::context::{db, tenant_ctx};
use crate::graphql::enums::Scope;
use crate::graphql::errors::{UserError, into_payload};
use crate::graphql::ids;
use crate::graphql::objects::ApiClient;

#[derive(Default)]
pub struct ApiClientMutations;

#[derive(InputObject)]
pub struct ApiClientCreateInput {
    name: String,
    scopes: Vec<Scope>,
    /// Bind the client to one merchant: it then sees only that merchant's goods.
    merchant_id: Option<ID>,
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
        let merchant_id = match input.merchant_id {
            None => None,
            Some(id) => match ids::decode("Merchant", &id) {
                Some(uuid) => Some(uuid),
                None => {
                    let user_errors = vec![UserError::invalid("merchantId", "Not a merchant id.")];
                    return Ok(ApiClientCreatePayload { api_client: None, client_secret: None, user_errors });
                }
            },
        };
        let new = api_clients::NewApiClient {
            name: input.name,
            scopes: input.scopes.into_iter().map(Into::into).collect(),
            merchant_id,
        };
        let (created, user_errors) = into_payload(api_clients::create(db(ctx), &tctx, new).await)?;
        let (api_client, client_secret) = match created {
            Some((client, secret)) => (Some(ApiClient(client)), Some(secret)),
            None => (None, None),
        };
        Ok(ApiClientCreatePayload { api_client, client_secret, user_errors })
    }

    /// Revokes a client: its secret stops working; issued tokens expire on their own.
    async fn api_client_revoke(
        &self,
        ctx: &Context<'_>,
        input: ApiClientRevokeInput,
    ) -> Result<ApiClientRevokePayload> {
        let tctx = tenant_ctx(ctx)?;
        let Some(id) = ids::decode("ApiClient", &input.id) else {
            return Ok(ApiClientRevokePayload {
                api_client: None,
                user_errors: vec![UserError::invalid("id", "Not an API client id.")],
            });
        };
        let (client, user_errors) = into_payload(api_clients::revoke(db(ctx), &tctx, id).await)?;
        Ok(ApiClientRevokePayload { api_client: client.map(ApiClient), user_errors })
    }
}
