//! SKUs: the `skus` connection with search and filters, `skuCreate` and
//! `skuUpdate`. A listing loads the products and merchants of its page in
//! the same transaction when they are selected, so its database round
//! trips do not grow with the page; a single SKU loads them through the
//! request's dataloaders.

use std::collections::HashMap;

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject, Value};
use chrono::{DateTime, Utc};
use domain::catalog::skus::{self, SkuStatus};
use domain::catalog::{self, BarcodeKind, MERCHANT, PRODUCT, SKU, products};
use domain::inventory::{stock, warehouses};
use domain::{DomainResult, TenantTx};
use uuid::Uuid;

use super::merchants::Merchant;
use super::products::{Product, merchants_by_id};
use crate::graphql::inventory::{StockLevel, Warehouse};
use crate::graphql::kit::connection::{CountedConnection, counted, nodes_select, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::loaders::{self, Batch};
use crate::graphql::kit::money::{Money, MoneyInput};
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::plain::{Fast, Plain, PlainValue, Selection};

/// One option of a variant, e.g. `{ name: "Color", value: "Red" }`.
#[derive(SimpleObject, Clone)]
pub struct SkuOption {
    name: String,
    value: String,
}

impl Plain for SkuOption {
    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        Some(match name {
            "name" => self.name.plain(),
            "value" => self.value.plain(),
            _ => return None,
        })
    }
}

/// A barcode the SKU is scanned by.
#[derive(SimpleObject, Clone)]
pub struct Barcode {
    /// As given: the digits of a GTIN, the text of an internal barcode.
    barcode: String,
    kind: Enum<BarcodeKind>,
}

impl Plain for Barcode {
    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        Some(match name {
            "barcode" => self.barcode.plain(),
            "kind" => self.kind.plain(),
            _ => return None,
        })
    }
}

/// The outer size of one unit, each side in whole millimetres.
#[derive(SimpleObject, Clone, Copy)]
pub struct Dimensions {
    /// Millimetres.
    length: i32,
    /// Millimetres.
    width: i32,
    /// Millimetres.
    height: i32,
}

impl Plain for Dimensions {
    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        Some(match name {
            "length" => self.length.plain(),
            "width" => self.width.plain(),
            "height" => self.height.plain(),
            _ => return None,
        })
    }
}

/// A SKU; `product` and `merchant` are filled in when a listing loaded
/// those of its page (otherwise they are loaded on demand).
#[derive(Clone)]
pub struct Sku {
    pub sku: skus::Sku,
    /// Boxed: most SKUs are shown without them.
    pub product: Option<Box<Product>>,
    pub merchant: Option<Box<Merchant>>,
    /// Its levels with their warehouses, when a listing loaded them.
    pub stock: Option<Vec<StockLevel>>,
}

impl Sku {
    pub fn new(sku: skus::Sku) -> Self {
        Self { sku, product: None, merchant: None, stock: None }
    }

    fn option_list(&self) -> Vec<SkuOption> {
        self.sku.options.iter().map(|o| SkuOption { name: o.name.clone(), value: o.value.clone() }).collect()
    }

    fn barcode_list(&self) -> Vec<Barcode> {
        self.sku.barcodes.iter().map(|b| Barcode { barcode: b.barcode.clone(), kind: Enum(b.kind) }).collect()
    }

    fn size(&self) -> Option<Dimensions> {
        self.sku.dimensions_mm.map(|d| Dimensions { length: d.length, width: d.width, height: d.height })
    }
}

#[Object]
impl Sku {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(SKU, self.sku.id)
    }
    /// The product it is a variant of.
    async fn product(&self, ctx: &Context<'_>) -> Result<Product> {
        if let Some(product) = &self.product {
            return Ok(Product::clone(product));
        }
        Product::load(ctx, self.sku.product_id).await?.ok_or_else(|| "the SKU's product is missing".into())
    }
    /// The merchant (货主) whose goods it is; needs `merchants:read`.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        match &self.merchant {
            Some(merchant) => Ok(Some(Merchant::clone(merchant))),
            None => Merchant::load(ctx, self.sku.merchant_id).await,
        }
    }
    /// The merchant's code, unique within the merchant (`LT-SHIRT-RED-M`).
    async fn code(&self) -> &str {
        &self.sku.code
    }
    /// Name in Simplified Chinese.
    async fn name_zh(&self) -> Option<&str> {
        self.sku.name.zh.as_deref()
    }
    /// Name in English.
    async fn name_en(&self) -> Option<&str> {
        self.sku.name.en.as_deref()
    }
    /// The variant's options, in the order given.
    async fn options(&self) -> Vec<SkuOption> {
        self.option_list()
    }
    /// The barcodes it is scanned by, in the order given.
    async fn barcodes(&self) -> Vec<Barcode> {
        self.barcode_list()
    }
    /// Harmonized System code, 6 to 10 digits without dots (`6109100000`).
    async fn hs_code(&self) -> Option<&str> {
        self.sku.hs_code.as_deref()
    }
    /// Country of origin, ISO 3166-1 alpha-2 (`CN`).
    async fn origin_country(&self) -> Option<&str> {
        self.sku.origin_country.as_deref()
    }
    /// The value of one unit declared to customs.
    async fn declared_value(&self) -> Option<Money> {
        self.sku.declared_value.map(Money::from)
    }
    /// Gross weight of one unit, in whole grams.
    async fn weight_grams(&self) -> Option<i32> {
        self.sku.weight_grams
    }
    /// Outer size of one unit, in whole millimetres.
    async fn dimensions_mm(&self) -> Option<Dimensions> {
        self.size()
    }
    /// Its stock is kept per lot (batch).
    async fn lot_tracked(&self) -> bool {
        self.sku.lot_tracked
    }
    /// Its stock carries expiry dates.
    async fn expiry_tracked(&self) -> bool {
        self.sku.expiry_tracked
    }
    /// Its stock in each warehouse that ever had it; needs `inventory:read`.
    async fn stock(&self, ctx: &Context<'_>) -> Result<Vec<StockLevel>> {
        match &self.stock {
            Some(levels) => Ok(levels.clone()),
            None => StockLevel::of_sku(ctx, self.sku.id).await,
        }
    }
    async fn status(&self) -> Enum<SkuStatus> {
        Enum(self.sku.status)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.sku.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.sku.updated_at
    }
}

/// A list of plain objects as a plain value.
fn objects<T: Plain>(selection: Selection<'_>, items: &[T]) -> Value {
    Value::List(items.iter().map(|item| selection.object(item)).collect())
}

impl Plain for Sku {
    const INTERFACES: &'static [&'static str] = &["Node"];

    fn field(&self, name: &str, selection: Selection<'_>) -> Option<Value> {
        let sku = &self.sku;
        Some(match name {
            "id" => ids::encode(SKU, sku.id).plain(),
            "product" => self.product.as_deref().map_or(Value::Null, |p| selection.object(p)),
            "merchant" => self.merchant.as_deref().map_or(Value::Null, |m| selection.object(m)),
            "code" => sku.code.plain(),
            "nameZh" => sku.name.zh.plain(),
            "nameEn" => sku.name.en.plain(),
            "options" => objects(selection, &self.option_list()),
            "barcodes" => objects(selection, &self.barcode_list()),
            "hsCode" => sku.hs_code.plain(),
            "originCountry" => sku.origin_country.plain(),
            "declaredValue" => sku.declared_value.map_or(Value::Null, |m| selection.object(&Money::from(m))),
            "weightGrams" => sku.weight_grams.plain(),
            "dimensionsMm" => self.size().map_or(Value::Null, |d| selection.object(&d)),
            "lotTracked" => sku.lot_tracked.plain(),
            "expiryTracked" => sku.expiry_tracked.plain(),
            "stock" => self.stock.as_deref().map_or(Value::Null, |levels| objects(selection, levels)),
            "status" => Enum(sku.status).plain(),
            "createdAt" => sku.created_at.plain(),
            "updatedAt" => sku.updated_at.plain(),
            _ => return None,
        })
    }
}

pub async fn sku_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Sku>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| skus::get(tx, id).await).await.or_gql()?.map(Sku::new))
}

/// The stock levels of the SKUs `ids` with their warehouses, in two queries.
async fn stock_with_warehouses(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<HashMap<Uuid, Vec<StockLevel>>> {
    let levels = stock::levels_of_skus(tx, ids).await?;
    let mut warehouse_ids: Vec<Uuid> = levels.values().flatten().map(|l| l.key.warehouse_id).collect();
    warehouse_ids.sort_unstable();
    warehouse_ids.dedup();
    let found: HashMap<Uuid, Warehouse> =
        warehouses::get_many(tx, &warehouse_ids).await?.into_iter().map(|w| (w.id, Warehouse(w))).collect();
    Ok(levels
        .into_iter()
        .map(|(sku, levels)| {
            let levels = levels
                .into_iter()
                .map(|level| StockLevel {
                    warehouse: found.get(&level.key.warehouse_id).cloned(),
                    ..StockLevel::new(level)
                })
                .collect();
            (sku, levels)
        })
        .collect())
}

/// SKUs by id, for nested fields.
struct Skus;

impl Batch for Skus {
    type Value = Sku;

    async fn load(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<(Uuid, Sku)>> {
        Ok(skus::get_many(tx, ids).await?.into_iter().map(|s| (s.id, Sku::new(s))).collect())
    }
}

impl Sku {
    /// One SKU, batched with the request's other SKU loads.
    pub async fn load(ctx: &Context<'_>, id: Uuid) -> Result<Option<Sku>> {
        loaders::load::<Skus>(ctx, id).await
    }
}

#[derive(Default)]
pub struct SkuQuery;

#[Object]
impl SkuQuery {
    /// SKUs, oldest first. `query` keeps those whose code starts with it,
    /// that a scan of it finds (a barcode; a GTIN with or without leading
    /// zeros) or whose name (Chinese or English) contains it, regardless of
    /// case. A merchant user or merchant-bound client sees only its own
    /// merchant's; `totalCount` is counted only when selected.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn skus(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        query: Option<String>,
        merchant_id: Option<ID>,
        status: Option<Enum<SkuStatus>>,
    ) -> Result<CountedConnection<Fast<Sku>>> {
        let request = page_request(first, after, last, before)?;
        let merchant_id = ids::decode_opt(MERCHANT, "merchantId", merchant_id.as_ref()).or_gql()?;
        let filter = skus::SkuFilter { query, merchant_id, status: status.map(Enum::into_inner) };
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let products_too = nodes_select(ctx, &["product"]);
        let merchants_too = nodes_select(ctx, &["merchant"]) || nodes_select(ctx, &["product", "merchant"]);
        let stock_too = nodes_select(ctx, &["stock"]);
        let (page, total, products, merchants, stock) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = skus::list(tx, &request, &filter).await?;
                let total = if count_too { skus::count(tx, &filter).await? } else { 0 };
                let products = if products_too {
                    let mut ids: Vec<Uuid> = page.items.iter().map(|(_, s)| s.product_id).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    products::get_many(tx, &ids).await?
                } else {
                    HashMap::new()
                };
                let merchants = if merchants_too {
                    merchants_by_id(tx, page.items.iter().map(|(_, s)| s.merchant_id).collect()).await?
                } else {
                    HashMap::new()
                };
                let stock = if stock_too {
                    let ids: Vec<Uuid> = page.items.iter().map(|(id, _)| *id).collect();
                    Some(stock_with_warehouses(tx, &ids).await?)
                } else {
                    None
                };
                Ok((page, total, products, merchants, stock))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, |sku| {
            // A SKU's product is of the SKU's own merchant.
            let merchant = merchants.get(&sku.merchant_id).cloned().map(Box::new);
            let product = products
                .get(&sku.product_id)
                .map(|p| Box::new(Product { product: p.clone(), merchant: merchant.clone() }));
            let levels = stock.as_ref().map(|by_sku| by_sku.get(&sku.id).cloned().unwrap_or_default());
            let parent = Sku { sku: sku.clone(), product: product.clone(), merchant: merchant.clone(), stock: None };
            let levels = levels.map(|levels| {
                levels.into_iter().map(|level| StockLevel { sku: Some(Box::new(parent.clone())), ..level }).collect()
            });
            Fast(Sku { sku, product, merchant, stock: levels })
        }))
    }
}

#[derive(InputObject)]
pub struct SkuOptionInput {
    /// 1 to 64 characters, e.g. `Color`; no name twice in one SKU.
    name: String,
    /// 1 to 64 characters, e.g. `Red`.
    value: String,
}

impl From<SkuOptionInput> for catalog::SkuOption {
    fn from(input: SkuOptionInput) -> Self {
        Self { name: input.name, value: input.value }
    }
}

#[derive(InputObject)]
pub struct BarcodeInput {
    /// A GTIN's digits (its length and check digit are checked), or 1 to
    /// 64 printable ASCII characters for an internal barcode.
    barcode: String,
    kind: Enum<BarcodeKind>,
}

impl From<BarcodeInput> for catalog::Barcode {
    fn from(input: BarcodeInput) -> Self {
        Self { barcode: input.barcode, kind: input.kind.into_inner() }
    }
}

/// The outer size of one unit, each side in whole millimetres (0 or more).
#[derive(InputObject)]
pub struct DimensionsInput {
    length: i32,
    width: i32,
    height: i32,
}

impl From<catalog::Dimensions> for Dimensions {
    fn from(d: catalog::Dimensions) -> Self {
        Self { length: d.length, width: d.width, height: d.height }
    }
}

impl From<DimensionsInput> for catalog::Dimensions {
    fn from(input: DimensionsInput) -> Self {
        Self { length: input.length, width: input.width, height: input.height }
    }
}

fn list_of<I, T: From<I>>(items: Option<Vec<I>>) -> Option<Vec<T>> {
    items.map(|items| items.into_iter().map(T::from).collect())
}

/// An update's nullable field: absent keeps, `null` clears.
fn change_of<I, T: From<I>>(value: MaybeUndefined<I>) -> Option<Option<T>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(value) => Some(Some(T::from(value))),
    }
}

#[derive(InputObject)]
pub struct SkuCreateInput {
    /// The product it is a variant of; the SKU belongs to its merchant.
    product_id: ID,
    /// 1 to 64 visible ASCII characters without spaces, unique within the
    /// merchant; kept as given.
    code: String,
    /// Name in Simplified Chinese; a name in at least one language is needed.
    name_zh: Option<String>,
    /// Name in English.
    name_en: Option<String>,
    /// At most 10.
    options: Option<Vec<SkuOptionInput>>,
    /// 6 to 10 digits; dots and spaces are ignored (`6109.10.00`).
    hs_code: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country of origin (`CN`).
    origin_country: Option<String>,
    /// The value of one unit declared to customs.
    declared_value: Option<MoneyInput>,
    /// Gross weight of one unit, in whole grams (0 or more).
    weight_grams: Option<i32>,
    /// Outer size of one unit, in whole millimetres.
    dimensions_mm: Option<DimensionsInput>,
    /// Keep its stock per lot (batch); false unless given.
    lot_tracked: Option<bool>,
    /// Its stock carries expiry dates; false unless given.
    expiry_tracked: Option<bool>,
    /// `ACTIVE` unless given.
    status: Option<Enum<SkuStatus>>,
    /// At most 20; a barcode belongs to one SKU of a merchant.
    barcodes: Option<Vec<BarcodeInput>>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct SkuUpdateInput {
    id: ID,
    code: Option<String>,
    /// An empty string removes it (a name in one language must remain).
    name_zh: Option<String>,
    /// An empty string removes it (a name in one language must remain).
    name_en: Option<String>,
    /// Replaces the options.
    options: Option<Vec<SkuOptionInput>>,
    /// An empty string clears it.
    hs_code: Option<String>,
    /// An empty string clears it.
    origin_country: Option<String>,
    /// `null` clears it.
    declared_value: MaybeUndefined<MoneyInput>,
    /// Whole grams; `null` clears it.
    weight_grams: MaybeUndefined<i32>,
    /// Whole millimetres; `null` clears it.
    dimensions_mm: MaybeUndefined<DimensionsInput>,
    lot_tracked: Option<bool>,
    expiry_tracked: Option<bool>,
    status: Option<Enum<SkuStatus>>,
    /// Replaces the whole set (an empty list removes every barcode).
    barcodes: Option<Vec<BarcodeInput>>,
}

#[derive(SimpleObject)]
pub struct SkuPayload {
    sku: Option<Sku>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct SkuMutation;

#[Object]
impl SkuMutation {
    async fn sku_create(&self, ctx: &Context<'_>, input: SkuCreateInput) -> Result<SkuPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = skus::NewSku {
                product_id: ids::decode(PRODUCT, "productId", &input.product_id)?,
                code: input.code,
                name_zh: input.name_zh,
                name_en: input.name_en,
                options: list_of(input.options).unwrap_or_default(),
                hs_code: input.hs_code,
                origin_country: input.origin_country,
                declared_value: input.declared_value.map(Into::into),
                weight_grams: input.weight_grams,
                dimensions_mm: input.dimensions_mm.map(Into::into),
                lot_tracked: input.lot_tracked.unwrap_or(false),
                expiry_tracked: input.expiry_tracked.unwrap_or(false),
                status: input.status.map(Enum::into_inner),
                barcodes: list_of(input.barcodes).unwrap_or_default(),
            };
            db(ctx).write(&tctx, async |tx| skus::create(tx, new, key.as_ref()).await).await
        };
        let (sku, user_errors) = into_payload(result.await)?;
        Ok(SkuPayload { sku: sku.map(Sku::new), user_errors })
    }

    async fn sku_update(&self, ctx: &Context<'_>, input: SkuUpdateInput) -> Result<SkuPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(SKU, "id", &input.id)?;
            let change = skus::SkuUpdate {
                code: input.code,
                name_zh: input.name_zh,
                name_en: input.name_en,
                options: list_of(input.options),
                hs_code: input.hs_code,
                origin_country: input.origin_country,
                declared_value: change_of(input.declared_value),
                weight_grams: change_of(input.weight_grams),
                dimensions_mm: change_of(input.dimensions_mm),
                lot_tracked: input.lot_tracked,
                expiry_tracked: input.expiry_tracked,
                status: input.status.map(Enum::into_inner),
                barcodes: list_of(input.barcodes),
            };
            db(ctx).write(&tctx, async |tx| skus::update(tx, id, change).await).await
        };
        let (sku, user_errors) = into_payload(result.await)?;
        Ok(SkuPayload { sku: sku.map(Sku::new), user_errors })
    }
}
