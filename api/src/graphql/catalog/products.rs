//! Products: the `products` connection with search and filters,
//! `productCreate` and `productUpdate`, and the dataloader SKUs use.

use std::collections::HashMap;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Value};
use chrono::{DateTime, Utc};
use domain::catalog::products::{self, ProductStatus};
use domain::catalog::{MERCHANT, PRODUCT, merchants};
use domain::{DomainResult, TenantTx};
use uuid::Uuid;

use super::merchants::Merchant;
use crate::graphql::kit::connection::{CountedConnection, counted, nodes_select, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::loaders::{self, Batch};
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::plain::{Fast, Plain, PlainValue, Selection};

/// A product; `merchant` is filled in when a listing loaded the merchants
/// of its page (otherwise it is loaded on demand).
#[derive(Clone)]
pub struct Product {
    pub product: products::Product,
    /// Boxed: most products are shown without it.
    pub merchant: Option<Box<Merchant>>,
}

impl Product {
    pub fn new(product: products::Product) -> Self {
        Self { product, merchant: None }
    }
}

#[Object]
impl Product {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(PRODUCT, self.product.id)
    }
    /// The merchant (货主) whose product it is; needs `merchants:read`.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        match &self.merchant {
            Some(merchant) => Ok(Some(Merchant::clone(merchant))),
            None => Merchant::load(ctx, self.product.merchant_id).await,
        }
    }
    /// Unique within the merchant, lower case (`linen-shirt`).
    async fn handle(&self) -> &str {
        &self.product.handle
    }
    /// Title in Simplified Chinese.
    async fn title_zh(&self) -> Option<&str> {
        self.product.title.zh.as_deref()
    }
    /// Title in English.
    async fn title_en(&self) -> Option<&str> {
        self.product.title.en.as_deref()
    }
    async fn status(&self) -> Enum<ProductStatus> {
        Enum(self.product.status)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.product.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.product.updated_at
    }
}

impl Plain for Product {
    const INTERFACES: &'static [&'static str] = &["Node"];

    fn field(&self, name: &str, selection: Selection<'_>) -> Option<Value> {
        let product = &self.product;
        Some(match name {
            "id" => ids::encode(PRODUCT, product.id).plain(),
            "merchant" => self.merchant.as_deref().map_or(Value::Null, |m| selection.object(m)),
            "handle" => product.handle.plain(),
            "titleZh" => product.title.zh.plain(),
            "titleEn" => product.title.en.plain(),
            "status" => Enum(product.status).plain(),
            "createdAt" => product.created_at.plain(),
            "updatedAt" => product.updated_at.plain(),
            _ => return None,
        })
    }
}

/// Products by id, for nested fields.
struct Products;

impl Batch for Products {
    type Value = Product;

    async fn load(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<(Uuid, Product)>> {
        Ok(products::get_many(tx, ids).await?.into_iter().map(|(id, p)| (id, Product::new(p))).collect())
    }
}

impl Product {
    /// One product, batched with the request's other product loads.
    pub async fn load(ctx: &Context<'_>, id: Uuid) -> Result<Option<Product>> {
        loaders::load::<Products>(ctx, id).await
    }
}

pub async fn product_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Product>> {
    let found = db(ctx).read(&tenant_ctx(ctx)?, async |tx| products::get(tx, id).await).await.or_gql()?;
    Ok(found.map(Product::new))
}

/// The merchants of `ids` by id, for a listing that shows them (one query).
pub(super) async fn merchants_by_id(tx: &TenantTx, mut ids: Vec<Uuid>) -> DomainResult<HashMap<Uuid, Merchant>> {
    ids.sort_unstable();
    ids.dedup();
    Ok(merchants::get_many(tx, &ids).await?.into_iter().map(|m| (m.id, Merchant(m))).collect())
}

#[derive(Default)]
pub struct ProductQuery;

#[Object]
impl ProductQuery {
    /// Products, oldest first. `query` keeps those whose handle starts with
    /// it or whose title (Chinese or English) contains it, regardless of
    /// case. A merchant user or merchant-bound client sees only its own
    /// merchant's; `totalCount` is counted only when selected.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn products(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        query: Option<String>,
        merchant_id: Option<ID>,
        status: Option<Enum<ProductStatus>>,
    ) -> Result<CountedConnection<Fast<Product>>> {
        let request = page_request(first, after, last, before)?;
        let merchant_id = ids::decode_opt(MERCHANT, "merchantId", merchant_id.as_ref()).or_gql()?;
        let filter = products::ProductFilter { query, merchant_id, status: status.map(Enum::into_inner) };
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let merchants_too = nodes_select(ctx, &["merchant"]);
        let (page, total, merchants) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = products::list(tx, &request, &filter).await?;
                let total = if count_too { products::count(tx, &filter).await? } else { 0 };
                let merchants = if merchants_too {
                    merchants_by_id(tx, page.items.iter().map(|(_, p)| p.merchant_id).collect()).await?
                } else {
                    HashMap::new()
                };
                Ok((page, total, merchants))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, |product| {
            let merchant = merchants.get(&product.merchant_id).cloned().map(Box::new);
            Fast(Product { product, merchant })
        }))
    }
}

#[derive(InputObject)]
pub struct ProductCreateInput {
    /// The merchant whose product it is; a merchant user or merchant-bound
    /// client may leave it out (its own).
    merchant_id: Option<ID>,
    /// Lower-case letters, digits, `-` and `_`, unique within the merchant
    /// (stored lower case), as in the merchant's shop.
    handle: String,
    /// Title in Simplified Chinese; a title in at least one language is needed.
    title_zh: Option<String>,
    /// Title in English.
    title_en: Option<String>,
    /// `ACTIVE` unless given.
    status: Option<Enum<ProductStatus>>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct ProductUpdateInput {
    id: ID,
    handle: Option<String>,
    /// An empty string removes it (a title in one language must remain).
    title_zh: Option<String>,
    /// An empty string removes it (a title in one language must remain).
    title_en: Option<String>,
    status: Option<Enum<ProductStatus>>,
}

#[derive(SimpleObject)]
pub struct ProductPayload {
    product: Option<Product>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct ProductMutation;

#[Object]
impl ProductMutation {
    async fn product_create(&self, ctx: &Context<'_>, input: ProductCreateInput) -> Result<ProductPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = products::NewProduct {
                merchant_id: ids::decode_opt(MERCHANT, "merchantId", input.merchant_id.as_ref())?,
                handle: input.handle,
                title_zh: input.title_zh,
                title_en: input.title_en,
                status: input.status.map(Enum::into_inner),
            };
            db(ctx).write(&tctx, async |tx| products::create(tx, new, key.as_ref()).await).await
        };
        let (product, user_errors) = into_payload(result.await)?;
        Ok(ProductPayload { product: product.map(Product::new), user_errors })
    }

    async fn product_update(&self, ctx: &Context<'_>, input: ProductUpdateInput) -> Result<ProductPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(PRODUCT, "id", &input.id)?;
            let change = products::ProductUpdate {
                handle: input.handle,
                title_zh: input.title_zh,
                title_en: input.title_en,
                status: input.status.map(Enum::into_inner),
            };
            db(ctx).write(&tctx, async |tx| products::update(tx, id, change).await).await
        };
        let (product, user_errors) = into_payload(result.await)?;
        Ok(ProductPayload { product: product.map(Product::new), user_errors })
    }
}
