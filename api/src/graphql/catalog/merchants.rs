//! Merchants (货主): the `merchants` connection with search, `merchantCreate`
//! and `merchantUpdate`, and the dataloader nested fields use.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Value};
use chrono::{DateTime, Utc};
use domain::catalog::{MERCHANT, merchants};
use domain::{DomainResult, TenantTx};
use uuid::Uuid;

use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::ids;
use crate::graphql::kit::loaders::{self, Batch};
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::plain::{Fast, Plain, PlainValue, Selection};

#[derive(Clone)]
pub struct Merchant(pub merchants::Merchant);

#[Object]
impl Merchant {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(MERCHANT, self.0.id)
    }
    /// Unique in the tenant, upper case (`M-0001`).
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn contact_name(&self) -> Option<&str> {
        self.0.contact_name.as_deref()
    }
    async fn contact_email(&self) -> Option<&str> {
        self.0.contact_email.as_deref()
    }
    async fn contact_phone(&self) -> Option<&str> {
        self.0.contact_phone.as_deref()
    }
    /// ISO 4217 code of the currency goods are declared and billed in by default.
    async fn default_currency(&self) -> &str {
        &self.0.default_currency
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

impl Plain for Merchant {
    const INTERFACES: &'static [&'static str] = &["Node"];

    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        let merchant = &self.0;
        Some(match name {
            "id" => ids::encode(MERCHANT, merchant.id).plain(),
            "code" => merchant.code.plain(),
            "name" => merchant.name.plain(),
            "contactName" => merchant.contact_name.plain(),
            "contactEmail" => merchant.contact_email.plain(),
            "contactPhone" => merchant.contact_phone.plain(),
            "defaultCurrency" => merchant.default_currency.plain(),
            "createdAt" => merchant.created_at.plain(),
            "updatedAt" => merchant.updated_at.plain(),
            _ => return None,
        })
    }
}

/// Merchants by id, for nested fields.
struct Merchants;

impl Batch for Merchants {
    type Value = Merchant;

    async fn load(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<(Uuid, Merchant)>> {
        Ok(merchants::get_many(tx, ids).await?.into_iter().map(|m| (m.id, Merchant(m))).collect())
    }
}

impl Merchant {
    /// One merchant, batched with the request's other merchant loads.
    pub async fn load(ctx: &Context<'_>, id: Uuid) -> Result<Option<Merchant>> {
        loaders::load::<Merchants>(ctx, id).await
    }
}

pub async fn merchant_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Merchant>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| merchants::get(tx, id).await).await.or_gql()?.map(Merchant))
}

#[derive(Default)]
pub struct MerchantQuery;

#[Object]
impl MerchantQuery {
    /// Merchants, oldest first; `query` keeps those whose code starts with it
    /// or whose name contains it. A merchant user sees only their own.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn merchants(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        query: Option<String>,
    ) -> Result<CountedConnection<Fast<Merchant>>> {
        let request = page_request(first, after, last, before)?;
        let (page, total) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| merchants::list(tx, &request, query.as_deref()).await)
            .await
            .or_gql()?;
        Ok(counted(page, total, |merchant| Fast(Merchant(merchant))))
    }
}

#[derive(InputObject)]
pub struct MerchantCreateInput {
    /// 1 to 32 letters, digits, dashes or underscores; stored upper case.
    code: String,
    name: String,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    /// ISO 4217 code, e.g. `CNY`.
    default_currency: String,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct MerchantUpdateInput {
    id: ID,
    name: Option<String>,
    /// An empty string clears it.
    contact_name: Option<String>,
    /// An empty string clears it.
    contact_email: Option<String>,
    /// An empty string clears it.
    contact_phone: Option<String>,
    default_currency: Option<String>,
}

#[derive(SimpleObject)]
pub struct MerchantPayload {
    merchant: Option<Merchant>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct MerchantMutation;

#[Object]
impl MerchantMutation {
    async fn merchant_create(&self, ctx: &Context<'_>, input: MerchantCreateInput) -> Result<MerchantPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = merchants::NewMerchant {
                code: input.code,
                name: input.name,
                contact_name: input.contact_name,
                contact_email: input.contact_email,
                contact_phone: input.contact_phone,
                default_currency: input.default_currency,
            };
            db(ctx).write(&tctx, async |tx| merchants::create(tx, new, key.as_ref()).await).await
        };
        let (merchant, user_errors) = into_payload(result.await)?;
        Ok(MerchantPayload { merchant: merchant.map(Merchant), user_errors })
    }

    async fn merchant_update(&self, ctx: &Context<'_>, input: MerchantUpdateInput) -> Result<MerchantPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(MERCHANT, "id", &input.id)?;
            let change = merchants::MerchantUpdate {
                name: input.name,
                contact_name: input.contact_name,
                contact_email: input.contact_email,
                contact_phone: input.contact_phone,
                default_currency: input.default_currency,
            };
            db(ctx).write(&tctx, async |tx| merchants::update(tx, id, change).await).await
        };
        let (merchant, user_errors) = into_payload(result.await)?;
        Ok(MerchantPayload { merchant: merchant.map(Merchant), user_errors })
    }
}
