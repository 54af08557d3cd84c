//! Products: what a merchant sells, as its shop lists it (a Shopify
//! product), grouping the SKUs (variants) the warehouse actually stores.
//! A product has a handle unique within its merchant (`linen-shirt`), a
//! title in Chinese and/or English, and a status.
//!
//! Owned by its merchant: a merchant user or merchant-bound client sees
//! and changes only its own merchant's products; others name the merchant.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, Condition, IntoActiveModel, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::product;
use super::names::Names;
use super::{PRODUCT, merchants, messages, search};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

/// Most characters of a handle.
pub const MAX_HANDLE: usize = 255;

string_enum!(
    /// Whether a product is sold: active, a draft being prepared, or
    /// archived (kept for history, no longer sold).
    ProductStatus {
        Active = "active",
        Draft = "draft",
        Archived = "archived",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: Uuid,
    pub merchant_id: Uuid,
    /// Lower-case letters, digits, `-` and `_`, unique in the merchant
    /// (`linen-shirt`), as in the merchant's shop.
    pub handle: String,
    pub title: Names,
    pub status: ProductStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<product::Model> for Product {
    fn from(m: product::Model) -> Self {
        Self {
            id: m.id,
            merchant_id: m.merchant_id,
            handle: m.handle,
            title: Names { zh: m.title_zh, en: m.title_en },
            // Only ever written from `ProductStatus`.
            status: ProductStatus::parse(&m.status).unwrap_or(ProductStatus::Draft),
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

impl Product {
    fn audit_view(&self) -> serde_json::Value {
        json!({
            "merchantId": self.merchant_id.to_string(),
            "handle": self.handle,
            "titleZh": self.title.zh,
            "titleEn": self.title.en,
            "status": self.status.as_str(),
        })
    }
}

/// A product to create.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NewProduct {
    /// Whose product; a merchant-bound caller may leave it out (its own).
    pub merchant_id: Option<Uuid>,
    pub handle: String,
    pub title_zh: Option<String>,
    pub title_en: Option<String>,
    /// Active unless given.
    pub status: Option<ProductStatus>,
}

/// Fields to change; `None` leaves a field as it is, `Some("")` removes a
/// title (one must remain).
#[derive(Debug, Clone, Default)]
pub struct ProductUpdate {
    pub handle: Option<String>,
    pub title_zh: Option<String>,
    pub title_en: Option<String>,
    pub status: Option<ProductStatus>,
}

pub(super) fn parse_handle(raw: &str, errors: &mut UserErrors) -> String {
    let handle = raw.trim().to_lowercase();
    let ok = (1..=MAX_HANDLE).contains(&handle.chars().count())
        && handle.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if !ok {
        errors.push("handle", UserErrorCode::Invalid, messages::handle_format(MAX_HANDLE));
    }
    handle
}

/// The merchant goods are created for: the one named, which this caller
/// must be able to see (a merchant-bound caller sees only its own), or a
/// merchant-bound caller's own.
pub(super) async fn owner(tx: &TenantTx, named: Option<Uuid>) -> DomainResult<Uuid> {
    let Some(merchant) = named.or(tx.ctx().merchant_id) else {
        return Err(DomainError::user("merchantId", UserErrorCode::Invalid, messages::merchant_required()));
    };
    if merchants::exists(tx, merchant).await? { Ok(merchant) } else { Err(DomainError::not_found("merchantId")) }
}

fn taken(handle: &str) -> DomainError {
    DomainError::user("handle", UserErrorCode::Taken, messages::handle_taken(handle))
}

/// Creates a product; a retry with the same idempotency key returns it.
pub async fn create(tx: &mut TenantTx, input: NewProduct, key: Option<&IdempotencyKey>) -> DomainResult<Product> {
    let request = input.clone();
    idempotency::once(tx, key, "productCreate", &request, async |tx| create_now(tx, input).await).await
}

async fn create_now(tx: &mut TenantTx, input: NewProduct) -> DomainResult<Product> {
    tx.ctx().require(Permission::CatalogWrite)?;
    let mut errors = UserErrors::default();
    let handle = parse_handle(&input.handle, &mut errors);
    let title = Names::parse("title", input.title_zh.as_deref(), input.title_en.as_deref(), &mut errors);
    errors.finish()?;
    let merchant_id = owner(tx, input.merchant_id).await?;
    let now = clock::now();
    let saved = Product {
        id: new_id(),
        merchant_id,
        handle,
        title,
        status: input.status.unwrap_or(ProductStatus::Active),
        created_at: now,
        updated_at: now,
    };
    let row = product::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(saved.id),
        merchant_id: Set(merchant_id),
        handle: Set(saved.handle.clone()),
        title_zh: Set(saved.title.zh.clone()),
        title_en: Set(saved.title.en.clone()),
        status: Set(saved.status.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let unique = [product::Column::TenantId, product::Column::MerchantId, product::Column::Handle];
    if !tx.insert_unless_exists(row, unique).await? {
        return Err(taken(&saved.handle));
    }
    audit::record(tx, Change::of("product.create", PRODUCT, saved.id).after(saved.audit_view())).await?;
    Ok(saved)
}

/// Changes a product this caller can see (another merchant's is not found).
pub async fn update(tx: &mut TenantTx, id: Uuid, change: ProductUpdate) -> DomainResult<Product> {
    tx.ctx().require(Permission::CatalogWrite)?;
    let mut errors = UserErrors::default();
    let handle = change.handle.as_deref().map(|h| parse_handle(h, &mut errors));
    errors.finish()?;
    let Some(row) = tx.find_by_id::<product::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    let before = Product::from(row.clone());
    let mut errors = UserErrors::default();
    let title = before.title.changed("title", change.title_zh.as_deref(), change.title_en.as_deref(), &mut errors);
    errors.finish()?;
    if let Some(handle) = handle.as_ref().filter(|h| **h != before.handle) {
        let clash = tx
            .find::<product::Entity>()
            .filter(product::Column::MerchantId.eq(before.merchant_id))
            .filter(product::Column::Handle.eq(handle.as_str()))
            .count(tx.conn())
            .await?;
        if clash > 0 {
            return Err(taken(handle));
        }
    }
    let mut active = row.into_active_model();
    if let Some(handle) = handle {
        active.handle = Set(handle);
    }
    active.title_zh = Set(title.zh);
    active.title_en = Set(title.en);
    if let Some(status) = change.status {
        active.status = Set(status.as_str().to_owned());
    }
    active.updated_at = Set(clock::now());
    let after = Product::from(tx.update(active).await?);
    let change = Change::of("product.update", PRODUCT, id).before(before.audit_view()).after(after.audit_view());
    audit::record(tx, change).await?;
    Ok(after)
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct ProductFilter {
    /// Products whose handle starts with it or whose title (either
    /// language) contains it, regardless of case.
    pub query: Option<String>,
    pub merchant_id: Option<Uuid>,
    pub status: Option<ProductStatus>,
}

impl ProductFilter {
    fn select(&self, tx: &TenantTx) -> sea_orm::Select<product::Entity> {
        let mut select = tx.find::<product::Entity>();
        if let Some(query) = search::query_text(self.query.as_deref()) {
            select = select.filter(
                Condition::any()
                    .add(search::starts_with(product::Column::Handle, query))
                    .add(search::contains(product::Column::TitleZh, query))
                    .add(search::contains(product::Column::TitleEn, query)),
            );
        }
        if let Some(merchant) = self.merchant_id {
            select = select.filter(product::Column::MerchantId.eq(merchant));
        }
        if let Some(status) = self.status {
            select = select.filter(product::Column::Status.eq(status.as_str()));
        }
        select
    }
}

/// Products this caller can see, oldest first, narrowed by `filter`.
pub async fn list(tx: &TenantTx, request: &PageRequest, filter: &ProductFilter) -> DomainResult<Page<Product>> {
    tx.ctx().require(Permission::CatalogRead)?;
    let page = paging::fetch(tx, filter.select(tx), Order::OldestFirst, request).await?;
    Ok(page.map(Product::from))
}

/// How many products pass `filter` (ask only when the number is shown).
pub async fn count(tx: &TenantTx, filter: &ProductFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::CatalogRead)?;
    Ok(filter.select(tx).count(tx.conn()).await?)
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Product>> {
    tx.ctx().require(Permission::CatalogRead)?;
    Ok(tx.find_by_id::<product::Entity>(id).one(tx.conn()).await?.map(Product::from))
}

/// Many products by id in one query (for nested fields of a listing).
pub async fn get_many(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<HashMap<Uuid, Product>> {
    tx.ctx().require(Permission::CatalogRead)?;
    let rows =
        tx.find::<product::Entity>().filter(product::Column::Id.is_in(ids.iter().copied())).all(tx.conn()).await?;
    Ok(rows.into_iter().map(|row| (row.id, Product::from(row))).collect())
}

/// The product `id` as this caller sees it, for a SKU to hang under.
pub(super) async fn find(tx: &TenantTx, id: Uuid) -> DomainResult<Option<product::Model>> {
    Ok(tx.find_by_id::<product::Entity>(id).one(tx.conn()).await?)
}

impl Product {
    /// A product of nothing yet with `handle`, for an import to fill in.
    pub(super) fn blank(merchant_id: Uuid, handle: &str) -> Product {
        let now = clock::now();
        Product {
            id: new_id(),
            merchant_id,
            handle: handle.to_owned(),
            title: Names::default(),
            status: ProductStatus::Active,
            created_at: now,
            updated_at: now,
        }
    }
}

/// `before` with the titles and status an import gives: a title in a
/// language the file does not give is kept (`None`), as in `productUpdate`.
pub(super) fn changed(
    before: &Product,
    title_zh: Option<&str>,
    title_en: Option<&str>,
    status: Option<ProductStatus>,
    errors: &mut UserErrors,
) -> Product {
    let mut after = before.clone();
    after.title = before.title.changed("title", title_zh, title_en, errors);
    after.status = status.unwrap_or(before.status);
    after
}

/// Makes `after` so, as [`super::skus::put`] does a SKU: created, written
/// when it differs from `before`, or left alone and not audited.
pub(super) async fn put(
    tx: &mut TenantTx,
    before: Option<&Product>,
    mut after: Product,
) -> DomainResult<super::skus::Put> {
    use super::skus::Put;
    let row = |p: &Product, tenant_id: Uuid| product::ActiveModel {
        tenant_id: Set(tenant_id),
        id: Set(p.id),
        merchant_id: Set(p.merchant_id),
        handle: Set(p.handle.clone()),
        title_zh: Set(p.title.zh.clone()),
        title_en: Set(p.title.en.clone()),
        status: Set(p.status.as_str().to_owned()),
        created_at: Set(p.created_at),
        updated_at: Set(p.updated_at),
    };
    let Some(before) = before else {
        let unique = [product::Column::TenantId, product::Column::MerchantId, product::Column::Handle];
        if !tx.insert_unless_exists(row(&after, tx.tenant_id()), unique).await? {
            return Err(taken(&after.handle));
        }
        audit::record(tx, Change::of("product.create", PRODUCT, after.id).after(after.audit_view())).await?;
        return Ok(Put::Created);
    };
    if (Product { updated_at: before.updated_at, ..after.clone() }) == *before {
        return Ok(Put::Unchanged);
    }
    after.updated_at = clock::now();
    let mut active = row(&after, tx.tenant_id());
    active.tenant_id = sea_orm::ActiveValue::Unchanged(tx.tenant_id());
    active.id = sea_orm::ActiveValue::Unchanged(before.id);
    tx.update(active).await?;
    let change = Change::of("product.update", PRODUCT, before.id).before(before.audit_view()).after(after.audit_view());
    audit::record(tx, change).await?;
    Ok(Put::Updated)
}

/// The products of `merchant_id` with these handles, by handle.
pub(super) async fn by_handles(
    tx: &TenantTx,
    merchant_id: Uuid,
    handles: &[String],
) -> DomainResult<HashMap<String, Product>> {
    let mut found = HashMap::new();
    for chunk in handles.chunks(500) {
        let rows = tx
            .find::<product::Entity>()
            .filter(product::Column::MerchantId.eq(merchant_id))
            .filter(product::Column::Handle.is_in(chunk.iter().cloned()))
            .all(tx.conn())
            .await?;
        found.extend(rows.into_iter().map(|row| (row.handle.clone(), Product::from(row))));
    }
    Ok(found)
}

/// Every product of `merchant_id`, by id (an export).
pub(super) async fn of_merchant(tx: &TenantTx, merchant_id: Uuid) -> DomainResult<HashMap<Uuid, Product>> {
    let rows = tx.find::<product::Entity>().filter(product::Column::MerchantId.eq(merchant_id)).all(tx.conn()).await?;
    Ok(rows.into_iter().map(|row| (row.id, Product::from(row))).collect())
}
