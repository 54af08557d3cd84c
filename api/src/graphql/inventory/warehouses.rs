//! Warehouses: the `warehouses` connection, `warehouseCreate` and
//! `warehouseUpdate`.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Value};
use chrono::{DateTime, Utc};
use domain::inventory::{WAREHOUSE, warehouses};
use domain::{DomainResult, TenantTx};
use uuid::Uuid;

use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::ids;
use crate::graphql::kit::loaders::{self, Batch};
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::plain::{Fast, Plain, PlainValue, Selection};

#[derive(Clone)]
pub struct Warehouse(pub warehouses::Warehouse);

#[Object]
impl Warehouse {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(WAREHOUSE, self.0.id)
    }
    /// Unique in the tenant, upper case (`LAX1`); printed on every label.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// ISO 3166-1 alpha-2 code of the country it stands in (`US`).
    async fn country_code(&self) -> &str {
        &self.0.country
    }
    /// IANA time zone its cut-offs and reports are read in (`America/Los_Angeles`).
    async fn timezone(&self) -> &str {
        &self.0.timezone
    }
    async fn address(&self) -> Address {
        Address(self.0.address.clone(), self.0.country.clone())
    }
    /// False once the warehouse is closed; it stays listed for its history.
    async fn active(&self) -> bool {
        self.0.active
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

impl Plain for Warehouse {
    const INTERFACES: &'static [&'static str] = &["Node"];

    fn field(&self, name: &str, selection: Selection<'_>) -> Option<Value> {
        let warehouse = &self.0;
        Some(match name {
            "id" => ids::encode(WAREHOUSE, warehouse.id).plain(),
            "code" => warehouse.code.plain(),
            "name" => warehouse.name.plain(),
            "countryCode" => warehouse.country.plain(),
            "timezone" => warehouse.timezone.plain(),
            "address" => selection.object(&Address(warehouse.address.clone(), warehouse.country.clone())),
            "active" => warehouse.active.plain(),
            "createdAt" => warehouse.created_at.plain(),
            "updatedAt" => warehouse.updated_at.plain(),
            _ => return None,
        })
    }
}

/// A street address, with its country's ISO 3166-1 alpha-2 code.
pub struct Address(warehouses::Address, String);

#[Object]
impl Address {
    async fn line1(&self) -> &str {
        &self.0.line1
    }
    async fn line2(&self) -> Option<&str> {
        self.0.line2.as_deref()
    }
    async fn city(&self) -> &str {
        &self.0.city
    }
    /// State, province or prefecture, where the country has them.
    async fn region(&self) -> Option<&str> {
        self.0.region.as_deref()
    }
    async fn postal_code(&self) -> Option<&str> {
        self.0.postal_code.as_deref()
    }
    /// The warehouse's country.
    async fn country_code(&self) -> &str {
        &self.1
    }
}

impl Plain for Address {
    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        let address = &self.0;
        Some(match name {
            "line1" => address.line1.plain(),
            "line2" => address.line2.plain(),
            "city" => address.city.plain(),
            "region" => address.region.plain(),
            "postalCode" => address.postal_code.plain(),
            "countryCode" => self.1.plain(),
            _ => return None,
        })
    }
}

pub async fn warehouse_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Warehouse>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| warehouses::get(tx, id).await).await.or_gql()?.map(Warehouse))
}

/// Warehouses by id, for nested fields.
struct Warehouses;

impl Batch for Warehouses {
    type Value = Warehouse;

    async fn load(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<(Uuid, Warehouse)>> {
        Ok(warehouses::get_many(tx, ids).await?.into_iter().map(|w| (w.id, Warehouse(w))).collect())
    }
}

impl Warehouse {
    /// One warehouse, batched with the request's other warehouse loads.
    pub async fn load(ctx: &Context<'_>, id: Uuid) -> Result<Option<Warehouse>> {
        loaders::load::<Warehouses>(ctx, id).await
    }
}

#[derive(Default)]
pub struct WarehousesQuery;

#[Object]
impl WarehousesQuery {
    /// Warehouses, oldest first. Every reader of the tenant sees all of
    /// them, merchants included: their goods are stored there.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn warehouses(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<CountedConnection<Fast<Warehouse>>> {
        let request = page_request(first, after, last, before)?;
        let (page, total) =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| warehouses::list(tx, &request).await).await.or_gql()?;
        Ok(counted(page, total, |warehouse| Fast(Warehouse(warehouse))))
    }
}

/// A street address; its country is the warehouse's `countryCode`.
#[derive(InputObject)]
pub struct AddressInput {
    /// Street and number; up to 200 characters.
    line1: String,
    /// Building, unit or dock; up to 200 characters.
    line2: Option<String>,
    /// Up to 100 characters.
    city: String,
    /// State, province or prefecture, where the country has them; up to 100 characters.
    region: Option<String>,
    /// Where the country has postal codes; up to 20 characters.
    postal_code: Option<String>,
}

impl From<AddressInput> for warehouses::Address {
    fn from(a: AddressInput) -> Self {
        Self { line1: a.line1, line2: a.line2, city: a.city, region: a.region, postal_code: a.postal_code }
    }
}

#[derive(InputObject)]
pub struct WarehouseCreateInput {
    /// 1 to 16 letters, digits or dashes; stored upper case. It cannot be
    /// changed later: labels and partners' systems carry it.
    code: String,
    /// 1 to 200 characters.
    name: String,
    /// ISO 3166-1 alpha-2 code of the country it stands in (`US`, `DE`).
    country_code: String,
    /// IANA time zone (`America/Los_Angeles`, `Europe/Berlin`).
    timezone: String,
    address: AddressInput,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct WarehouseUpdateInput {
    id: ID,
    name: Option<String>,
    timezone: Option<String>,
    /// Replaces the whole address.
    address: Option<AddressInput>,
    /// `false` when the warehouse closes.
    active: Option<bool>,
}

#[derive(SimpleObject)]
pub struct WarehousePayload {
    warehouse: Option<Warehouse>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct WarehouseMutations;

#[Object]
impl WarehouseMutations {
    async fn warehouse_create(&self, ctx: &Context<'_>, input: WarehouseCreateInput) -> Result<WarehousePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = warehouses::NewWarehouse {
                code: input.code,
                name: input.name,
                country: input.country_code,
                timezone: input.timezone,
                address: input.address.into(),
            };
            db(ctx).write(&tctx, async |tx| warehouses::create(tx, new, key.as_ref()).await).await
        };
        let (warehouse, user_errors) = into_payload(result.await)?;
        Ok(WarehousePayload { warehouse: warehouse.map(Warehouse), user_errors })
    }

    async fn warehouse_update(&self, ctx: &Context<'_>, input: WarehouseUpdateInput) -> Result<WarehousePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(WAREHOUSE, "id", &input.id)?;
            let change = warehouses::WarehouseUpdate {
                name: input.name,
                timezone: input.timezone,
                address: input.address.map(Into::into),
                active: input.active,
            };
            db(ctx).write(&tctx, async |tx| warehouses::update(tx, id, change).await).await
        };
        let (warehouse, user_errors) = into_payload(result.await)?;
        Ok(WarehousePayload { warehouse: warehouse.map(Warehouse), user_errors })
    }
}
