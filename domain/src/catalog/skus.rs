//! SKUs (stock keeping units): the things the warehouse stores, counts and
//! ships, each a variant of a merchant's product. A SKU has a code unique
//! within its merchant, names in Chinese and/or English, options
//! (`Color: Red`), barcodes, the customs data of cross-border parcels (HS
//! code, country of origin, declared value), its weight in grams and size
//! in millimetres, whether lots and expiry dates are tracked, and a status.
//!
//! Owned by its merchant (the product's): a merchant user or merchant-bound
//! client sees and changes only its own merchant's SKUs; another
//! merchant's are not found, never forbidden, so they cannot be probed.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{self, Set};
use sea_orm::{ColumnTrait, Condition, PaginatorTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::barcodes::{self, Barcode};
use super::entities::sku;
use super::names::Names;
use super::sku_input::{self, Dimensions, SkuOption};
use super::{SKU, customs, messages, products, search};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserError, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::money::{Money, MoneyInput};
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

string_enum!(
    /// Whether a SKU is in use: inactive SKUs are kept for their history
    /// but take no new stock or orders.
    SkuStatus {
        Active = "active",
        Inactive = "inactive",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sku {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub product_id: Uuid,
    /// The merchant's code, unique within the merchant (`LT-SHIRT-RED-M`).
    pub code: String,
    pub name: Names,
    /// `[{ name: "Color", value: "Red" }]`, in the order given.
    pub options: Vec<SkuOption>,
    /// 6 to 10 digits, no dots (`6109100000`).
    pub hs_code: Option<String>,
    /// ISO 3166-1 alpha-2 (`CN`).
    pub origin_country: Option<String>,
    /// The value declared to customs per unit.
    pub declared_value: Option<Money>,
    /// Gross weight of one unit, in whole grams.
    pub weight_grams: Option<i32>,
    /// Outer size of one unit, in whole millimetres.
    pub dimensions_mm: Option<Dimensions>,
    /// Stock of it is kept per lot (batch).
    pub lot_tracked: bool,
    /// Stock of it carries expiry dates.
    pub expiry_tracked: bool,
    pub status: SkuStatus,
    /// In the order given.
    pub barcodes: Vec<Barcode>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Sku {
    fn read(m: sku::Model, barcodes: Vec<Barcode>) -> DomainResult<Sku> {
        let declared_value = match (m.declared_amount.as_deref(), m.declared_currency.as_deref()) {
            (Some(amount), Some(currency)) => Some(Money::stored(amount, currency)?),
            _ => None,
        };
        let dimensions_mm = match (m.length_mm, m.width_mm, m.height_mm) {
            (Some(length), Some(width), Some(height)) => Some(Dimensions { length, width, height }),
            _ => None,
        };
        Ok(Sku {
            id: m.id,
            merchant_id: m.merchant_id,
            product_id: m.product_id,
            code: m.code,
            name: Names { zh: m.name_zh, en: m.name_en },
            options: serde_json::from_str(&m.options).map_err(DomainError::internal)?,
            hs_code: m.hs_code,
            origin_country: m.origin_country,
            declared_value,
            weight_grams: m.weight_grams,
            dimensions_mm,
            lot_tracked: m.lot_tracked,
            expiry_tracked: m.expiry_tracked,
            // Only ever written from `SkuStatus`.
            status: SkuStatus::parse(&m.status).unwrap_or(SkuStatus::Inactive),
            barcodes,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }

    /// The row of this SKU (its barcodes are rows of their own).
    fn row(&self, tenant_id: Uuid) -> DomainResult<sku::ActiveModel> {
        let dimensions = self.dimensions_mm;
        Ok(sku::ActiveModel {
            tenant_id: Set(tenant_id),
            id: Set(self.id),
            merchant_id: Set(self.merchant_id),
            product_id: Set(self.product_id),
            code: Set(self.code.clone()),
            name_zh: Set(self.name.zh.clone()),
            name_en: Set(self.name.en.clone()),
            options: Set(serde_json::to_string(&self.options).map_err(DomainError::internal)?),
            hs_code: Set(self.hs_code.clone()),
            origin_country: Set(self.origin_country.clone()),
            declared_amount: Set(self.declared_value.map(|m| m.amount_text())),
            declared_currency: Set(self.declared_value.map(|m| m.currency_code().to_owned())),
            weight_grams: Set(self.weight_grams),
            length_mm: Set(dimensions.map(|d| d.length)),
            width_mm: Set(dimensions.map(|d| d.width)),
            height_mm: Set(dimensions.map(|d| d.height)),
            lot_tracked: Set(self.lot_tracked),
            expiry_tracked: Set(self.expiry_tracked),
            status: Set(self.status.as_str().to_owned()),
            created_at: Set(self.created_at),
            updated_at: Set(self.updated_at),
        })
    }

    fn audit_view(&self) -> serde_json::Value {
        json!({
            "merchantId": self.merchant_id.to_string(),
            "productId": self.product_id.to_string(),
            "code": self.code,
            "nameZh": self.name.zh,
            "nameEn": self.name.en,
            "options": self.options,
            "hsCode": self.hs_code,
            "originCountry": self.origin_country,
            "declaredValue": self.declared_value,
            "weightGrams": self.weight_grams,
            "dimensionsMm": self.dimensions_mm,
            "lotTracked": self.lot_tracked,
            "expiryTracked": self.expiry_tracked,
            "status": self.status.as_str(),
            "barcodes": self.barcodes,
        })
    }
}

/// A SKU to create, as the caller wrote it; [`create`] checks every field
/// and reports every fault at once.
#[derive(Debug, Clone, Serialize)]
pub struct NewSku {
    /// The product it is a variant of; the SKU belongs to its merchant.
    pub product_id: Uuid,
    pub code: String,
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    pub options: Vec<SkuOption>,
    /// Dots and spaces allowed (`6109.10.00`).
    pub hs_code: Option<String>,
    pub origin_country: Option<String>,
    pub declared_value: Option<MoneyInput>,
    pub weight_grams: Option<i32>,
    pub dimensions_mm: Option<Dimensions>,
    pub lot_tracked: bool,
    pub expiry_tracked: bool,
    /// Active unless given.
    pub status: Option<SkuStatus>,
    pub barcodes: Vec<Barcode>,
}

/// Fields to change. `None` leaves a field as it is; `Some("")` clears a
/// text (a name, the HS code, the origin; one name must remain);
/// `Some(None)` clears a value; `barcodes` replaces the whole set.
#[derive(Debug, Clone, Default)]
pub struct SkuUpdate {
    pub code: Option<String>,
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    pub options: Option<Vec<SkuOption>>,
    pub hs_code: Option<String>,
    pub origin_country: Option<String>,
    pub declared_value: Option<Option<MoneyInput>>,
    pub weight_grams: Option<Option<i32>>,
    pub dimensions_mm: Option<Option<Dimensions>>,
    pub lot_tracked: Option<bool>,
    pub expiry_tracked: Option<bool>,
    pub status: Option<SkuStatus>,
    pub barcodes: Option<Vec<Barcode>>,
}

/// An optional text checked by `check` unless it is empty (none).
fn optional(raw: Option<&str>, check: impl FnOnce(&str) -> Option<String>) -> Option<String> {
    raw.map(str::trim).filter(|t| !t.is_empty()).and_then(check)
}

fn code_taken(code: &str, holder: Option<Uuid>) -> DomainError {
    let error = UserError::new("code", UserErrorCode::Taken, messages::sku_code_taken(code));
    DomainError::User(vec![match holder {
        Some(holder) => error.about(SKU.gid(holder)),
        None => error,
    }])
}

/// The SKU of this caller's merchant(s) holding `code` under `merchant_id`.
async fn holder_of(tx: &TenantTx, merchant_id: Uuid, code: &str) -> DomainResult<Option<Uuid>> {
    let found = tx
        .find::<sku::Entity>()
        .filter(sku::Column::MerchantId.eq(merchant_id))
        .filter(sku::Column::Code.eq(code))
        .one(tx.conn())
        .await?;
    Ok(found.map(|s| s.id))
}

/// Creates a SKU under a product this caller can see; a retry with the
/// same idempotency key returns it. Of concurrent creations of one code
/// in one merchant, one succeeds and the others are told it is taken.
pub async fn create(tx: &mut TenantTx, input: NewSku, key: Option<&IdempotencyKey>) -> DomainResult<Sku> {
    let request = input.clone();
    idempotency::once(tx, key, "skuCreate", &request, async |tx| create_now(tx, input).await).await
}

async fn create_now(tx: &mut TenantTx, input: NewSku) -> DomainResult<Sku> {
    tx.ctx().require(Permission::CatalogWrite)?;
    let mut errors = UserErrors::default();
    let code = sku_input::code(&input.code, &mut errors);
    let name = Names::parse("name", input.name_zh.as_deref(), input.name_en.as_deref(), &mut errors);
    let options = sku_input::options(&input.options, &mut errors);
    let hs_code = optional(input.hs_code.as_deref(), |c| customs::hs_code(c, &mut errors));
    let origin_country = optional(input.origin_country.as_deref(), |c| customs::country(c, &mut errors));
    let declared_value = input.declared_value.as_ref().and_then(|m| m.parse("declaredValue", &mut errors));
    let weight_grams = input.weight_grams.map(|g| sku_input::weight(g, &mut errors));
    let dimensions_mm = input.dimensions_mm.map(|d| sku_input::dimensions(d, &mut errors));
    let barcodes = barcodes::parse(&input.barcodes, &mut errors);
    errors.finish()?;
    let Some(product) = products::find(tx, input.product_id).await? else {
        return Err(DomainError::not_found("productId"));
    };
    let now = clock::now();
    let saved = Sku {
        id: new_id(),
        merchant_id: product.merchant_id,
        product_id: product.id,
        code,
        name,
        options,
        hs_code,
        origin_country,
        declared_value,
        weight_grams,
        dimensions_mm,
        lot_tracked: input.lot_tracked,
        expiry_tracked: input.expiry_tracked,
        status: input.status.unwrap_or(SkuStatus::Active),
        barcodes,
        created_at: now,
        updated_at: now,
    };
    let unique = [sku::Column::TenantId, sku::Column::MerchantId, sku::Column::Code];
    if !tx.insert_unless_exists(saved.row(tx.tenant_id())?, unique).await? {
        return Err(code_taken(&saved.code, holder_of(tx, saved.merchant_id, &saved.code).await?));
    }
    barcodes::replace(tx, saved.merchant_id, saved.id, &saved.barcodes).await?;
    audit::record(tx, Change::of("sku.create", SKU, saved.id).after(saved.audit_view())).await?;
    Ok(saved)
}

/// Changes a SKU this caller can see (another merchant's is not found).
pub async fn update(tx: &mut TenantTx, id: Uuid, change: SkuUpdate) -> DomainResult<Sku> {
    tx.ctx().require(Permission::CatalogWrite)?;
    let Some(before) = get_unchecked(tx, id).await? else {
        return Err(DomainError::not_found("id"));
    };
    let mut errors = UserErrors::default();
    let mut after = changed(&before, &change, &mut errors);
    errors.finish()?;
    after.updated_at = clock::now();
    if after.code != before.code
        && let Some(holder) = holder_of(tx, after.merchant_id, &after.code).await?
    {
        return Err(code_taken(&after.code, Some(holder)));
    }
    write_update(tx, &before, &after, change.barcodes.is_some()).await?;
    Ok(after)
}

/// `before` with `change` applied, each given field checked (faults go to
/// `errors`); the time of the change is left to the caller.
pub(super) fn changed(before: &Sku, change: &SkuUpdate, errors: &mut UserErrors) -> Sku {
    let mut after = before.clone();
    if let Some(code) = &change.code {
        after.code = sku_input::code(code, errors);
    }
    after.name = before.name.changed("name", change.name_zh.as_deref(), change.name_en.as_deref(), errors);
    if let Some(options) = &change.options {
        after.options = sku_input::options(options, errors);
    }
    if let Some(hs_code) = &change.hs_code {
        after.hs_code = optional(Some(hs_code), |c| customs::hs_code(c, errors));
    }
    if let Some(country) = &change.origin_country {
        after.origin_country = optional(Some(country), |c| customs::country(c, errors));
    }
    if let Some(value) = &change.declared_value {
        after.declared_value = value.as_ref().and_then(|m| m.parse("declaredValue", errors));
    }
    if let Some(grams) = change.weight_grams {
        after.weight_grams = grams.map(|g| sku_input::weight(g, errors));
    }
    if let Some(mm) = change.dimensions_mm {
        after.dimensions_mm = mm.map(|d| sku_input::dimensions(d, errors));
    }
    if let Some(barcodes) = &change.barcodes {
        after.barcodes = barcodes::parse(barcodes, errors);
    }
    after.lot_tracked = change.lot_tracked.unwrap_or(before.lot_tracked);
    after.expiry_tracked = change.expiry_tracked.unwrap_or(before.expiry_tracked);
    after.status = change.status.unwrap_or(before.status);
    after
}

/// Writes `after` over `before` (the same SKU), its barcodes when
/// `barcodes_too`, and audits the change.
async fn write_update(tx: &mut TenantTx, before: &Sku, after: &Sku, barcodes_too: bool) -> DomainResult<()> {
    let mut row = after.row(tx.tenant_id())?;
    // Keys and the time of creation stay; every other column is written.
    row.tenant_id = ActiveValue::Unchanged(tx.tenant_id());
    row.id = ActiveValue::Unchanged(before.id);
    row.created_at = ActiveValue::Unchanged(before.created_at);
    tx.update(row).await?;
    if barcodes_too {
        barcodes::replace(tx, after.merchant_id, after.id, &after.barcodes).await?;
    }
    let change = Change::of("sku.update", SKU, before.id).before(before.audit_view()).after(after.audit_view());
    audit::record(tx, change).await
}

/// What a write of imported data did to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Put {
    Created,
    Updated,
    /// It already was as given: nothing written, nothing audited.
    Unchanged,
}

impl Sku {
    /// A SKU of nothing yet, for an import's change to be applied to: no
    /// names, options, customs data or barcodes, active, untracked.
    pub(super) fn blank(merchant_id: Uuid, product_id: Uuid) -> Sku {
        let now = clock::now();
        Sku {
            id: new_id(),
            merchant_id,
            product_id,
            code: String::new(),
            name: Names::default(),
            options: Vec::new(),
            hs_code: None,
            origin_country: None,
            declared_value: None,
            weight_grams: None,
            dimensions_mm: None,
            lot_tracked: false,
            expiry_tracked: false,
            status: SkuStatus::Active,
            barcodes: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// Equal but for the time of the last change.
    fn same_as(&self, other: &Sku) -> bool {
        Sku { updated_at: other.updated_at, ..self.clone() } == *other
    }
}

/// Makes `after` (checked by [`changed`]) so: created when `before` is
/// none, written when it differs from `before`, left alone (and not
/// audited) when equal. The caller has checked the permission; the audit
/// entry names the transaction's actor.
pub(super) async fn put(tx: &mut TenantTx, before: Option<&Sku>, mut after: Sku) -> DomainResult<Put> {
    let Some(before) = before else {
        let unique = [sku::Column::TenantId, sku::Column::MerchantId, sku::Column::Code];
        if !tx.insert_unless_exists(after.row(tx.tenant_id())?, unique).await? {
            return Err(code_taken(&after.code, holder_of(tx, after.merchant_id, &after.code).await?));
        }
        barcodes::replace(tx, after.merchant_id, after.id, &after.barcodes).await?;
        audit::record(tx, Change::of("sku.create", SKU, after.id).after(after.audit_view())).await?;
        return Ok(Put::Created);
    };
    if after.same_as(before) {
        return Ok(Put::Unchanged);
    }
    after.updated_at = clock::now();
    write_update(tx, before, &after, after.barcodes != before.barcodes).await?;
    Ok(Put::Updated)
}

/// The SKUs of `merchant_id` with these codes, by code, with their barcodes.
pub(super) async fn by_codes(tx: &TenantTx, merchant_id: Uuid, codes: &[String]) -> DomainResult<HashMap<String, Sku>> {
    let mut found = HashMap::new();
    for chunk in codes.chunks(500) {
        let rows = tx
            .find::<sku::Entity>()
            .filter(sku::Column::MerchantId.eq(merchant_id))
            .filter(sku::Column::Code.is_in(chunk.iter().cloned()))
            .all(tx.conn())
            .await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let mut barcodes = barcodes::of_skus(tx, &ids).await?;
        for row in rows {
            let own = barcodes.remove(&row.id).unwrap_or_default();
            let sku = Sku::read(row, own)?;
            found.insert(sku.code.clone(), sku);
        }
    }
    Ok(found)
}

/// Every SKU of `merchant_id` with its barcodes, in code order (an export).
pub(super) async fn of_merchant(tx: &TenantTx, merchant_id: Uuid) -> DomainResult<Vec<Sku>> {
    let rows = tx
        .find::<sku::Entity>()
        .filter(sku::Column::MerchantId.eq(merchant_id))
        .order_by_asc(sku::Column::Code)
        .all(tx.conn())
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut barcodes = HashMap::new();
    for chunk in ids.chunks(500) {
        barcodes.extend(barcodes::of_skus(tx, chunk).await?);
    }
    rows.into_iter()
        .map(|row| {
            let own = barcodes.remove(&row.id).unwrap_or_default();
            Sku::read(row, own)
        })
        .collect()
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct SkuFilter {
    /// SKUs whose code starts with it, that a scan of it finds (a barcode,
    /// GTINs with or without leading zeros), or whose name (either
    /// language) contains it, regardless of case.
    pub query: Option<String>,
    pub merchant_id: Option<Uuid>,
    pub status: Option<SkuStatus>,
}

impl SkuFilter {
    fn select(&self, tx: &TenantTx) -> sea_orm::Select<sku::Entity> {
        let mut select = tx.find::<sku::Entity>();
        if let Some(query) = search::query_text(self.query.as_deref()) {
            select = select.filter(
                Condition::any()
                    .add(search::starts_with(sku::Column::Code, query))
                    .add(sku::Column::Id.in_subquery(barcodes::skus_scanned_as(tx, query)))
                    .add(search::contains(sku::Column::NameZh, query))
                    .add(search::contains(sku::Column::NameEn, query)),
            );
        }
        if let Some(merchant) = self.merchant_id {
            select = select.filter(sku::Column::MerchantId.eq(merchant));
        }
        if let Some(status) = self.status {
            select = select.filter(sku::Column::Status.eq(status.as_str()));
        }
        select
    }
}

/// SKUs this caller can see with their barcodes, oldest first, narrowed
/// by `filter`: two queries whatever the page size.
pub async fn list(tx: &TenantTx, request: &PageRequest, filter: &SkuFilter) -> DomainResult<Page<Sku>> {
    tx.ctx().require(Permission::CatalogRead)?;
    let page = paging::fetch(tx, filter.select(tx), Order::OldestFirst, request).await?;
    let ids: Vec<Uuid> = page.items.iter().map(|(id, _)| *id).collect();
    let mut barcodes = barcodes::of_skus(tx, &ids).await?;
    page.try_map(|row| {
        let own = barcodes.remove(&row.id).unwrap_or_default();
        Sku::read(row, own)
    })
}

/// How many SKUs pass `filter` (ask only when the number is shown).
pub async fn count(tx: &TenantTx, filter: &SkuFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::CatalogRead)?;
    Ok(filter.select(tx).count(tx.conn()).await?)
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Sku>> {
    tx.ctx().require(Permission::CatalogRead)?;
    get_unchecked(tx, id).await
}

/// The SKUs `ids` this caller can see, with their barcodes, in two queries.
pub async fn get_many(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<Sku>> {
    tx.ctx().require(Permission::CatalogRead)?;
    let rows = tx.find::<sku::Entity>().filter(sku::Column::Id.is_in(ids.iter().copied())).all(tx.conn()).await?;
    let mut barcodes = barcodes::of_skus(tx, ids).await?;
    rows.into_iter()
        .map(|row| {
            let own = barcodes.remove(&row.id).unwrap_or_default();
            Sku::read(row, own)
        })
        .collect()
}

async fn get_unchecked(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Sku>> {
    let Some(row) = tx.find_by_id::<sku::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    let own = barcodes::of_skus(tx, &[id]).await?.remove(&id).unwrap_or_default();
    Sku::read(row, own).map(Some)
}

/// What other contexts need of a SKU to book stock or an order line: its
/// merchant, code, tracking flags and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkuFacts {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub code: String,
    pub lot_tracked: bool,
    pub expiry_tracked: bool,
    pub status: SkuStatus,
}

impl From<sku::Model> for SkuFacts {
    fn from(m: sku::Model) -> Self {
        Self {
            id: m.id,
            merchant_id: m.merchant_id,
            code: m.code,
            lot_tracked: m.lot_tracked,
            expiry_tracked: m.expiry_tracked,
            status: SkuStatus::parse(&m.status).unwrap_or(SkuStatus::Inactive),
        }
    }
}

/// The facts of the SKUs `ids` this context may see (owner scoping
/// applies), in one query, for contexts that checked their own
/// permission; ids it cannot see are left out.
pub(crate) async fn facts(tx: &TenantTx, ids: impl IntoIterator<Item = Uuid>) -> DomainResult<HashMap<Uuid, SkuFacts>> {
    let rows = tx.find::<sku::Entity>().filter(sku::Column::Id.is_in(ids)).all(tx.conn()).await?;
    Ok(rows.into_iter().map(|row| (row.id, SkuFacts::from(row))).collect())
}

/// The facts of merchant `merchant_id`'s SKUs with the codes `codes`, by
/// code, in one query per 500 codes (owner scoping applies).
pub(crate) async fn facts_by_codes(
    tx: &TenantTx,
    merchant_id: Uuid,
    codes: &[String],
) -> DomainResult<HashMap<String, SkuFacts>> {
    let mut found = HashMap::new();
    // A file's worth of codes: a few hundred per `IN (…)` list.
    for chunk in codes.chunks(500) {
        let rows = tx
            .find::<sku::Entity>()
            .filter(sku::Column::MerchantId.eq(merchant_id))
            .filter(sku::Column::Code.is_in(chunk.iter().map(String::as_str)))
            .all(tx.conn())
            .await?;
        found.extend(rows.into_iter().map(|row| (row.code.clone(), SkuFacts::from(row))));
    }
    Ok(found)
}
