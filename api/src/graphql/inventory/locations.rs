//! Locations (bins): the `locations` connection with its filters,
//! `locationCreate`, `locationUpdate` and `locationsGenerate` (a whole
//! layout from ranges).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Value};
use chrono::{DateTime, Utc};
use domain::inventory::location_codes::{CodeRange, PartRange};
use domain::inventory::locations::{self, LocationType};
use domain::inventory::{LOCATION, WAREHOUSE};
use domain::{DomainResult, TenantTx};
use uuid::Uuid;

use super::warehouses::Warehouse;
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::loaders::{self, Batch};
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::plain::{Fast, Plain, PlainValue, Selection};

#[derive(Clone)]
pub struct Location(pub locations::Location);

/// A place in a warehouse that holds stock, named by a code built from its
/// zone, aisle, bay, level and bin as the trade writes them: `A-01-03-2-B`
/// is zone A, aisle 01, bay 03, level 2, bin B. Its label (a Code 128
/// barcode of the code) prints from `GET /labels/location.svg?id=…`.
#[Object]
impl Location {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(LOCATION, self.0.id)
    }
    async fn warehouse(&self) -> Warehouse {
        Warehouse(self.0.warehouse.clone())
    }
    /// The parts joined by dashes, unique in the warehouse; what its
    /// barcode carries.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn zone(&self) -> &str {
        &self.0.parts.zone
    }
    async fn aisle(&self) -> Option<&str> {
        self.0.parts.aisle.as_deref()
    }
    async fn bay(&self) -> Option<&str> {
        self.0.parts.bay.as_deref()
    }
    async fn level(&self) -> Option<&str> {
        self.0.parts.level.as_deref()
    }
    async fn bin(&self) -> Option<&str> {
        self.0.parts.bin.as_deref()
    }
    #[graphql(name = "type")]
    async fn kind(&self) -> Enum<LocationType> {
        Enum(self.0.kind)
    }
    /// False once deactivated; kept for the stock history that names it.
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

impl Plain for Location {
    const INTERFACES: &'static [&'static str] = &["Node"];

    fn field(&self, name: &str, selection: Selection<'_>) -> Option<Value> {
        let location = &self.0;
        let parts = &location.parts;
        Some(match name {
            "id" => ids::encode(LOCATION, location.id).plain(),
            "warehouse" => selection.object(&Warehouse(location.warehouse.clone())),
            "code" => location.code.plain(),
            "zone" => parts.zone.plain(),
            "aisle" => parts.aisle.plain(),
            "bay" => parts.bay.plain(),
            "level" => parts.level.plain(),
            "bin" => parts.bin.plain(),
            "type" => Enum(location.kind).plain(),
            "active" => location.active.plain(),
            "createdAt" => location.created_at.plain(),
            "updatedAt" => location.updated_at.plain(),
            _ => return None,
        })
    }
}

pub async fn location_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Location>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| locations::get(tx, id).await).await.or_gql()?.map(Location))
}

/// Locations by id, for nested fields.
struct Locations;

impl Batch for Locations {
    type Value = Location;

    async fn load(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<(Uuid, Location)>> {
        Ok(locations::get_many(tx, ids).await?.into_iter().map(|l| (l.id, Location(l))).collect())
    }
}

impl Location {
    /// One location, batched with the request's other location loads.
    pub async fn load(ctx: &Context<'_>, id: Uuid) -> Result<Option<Location>> {
        loaders::load::<Locations>(ctx, id).await
    }
}

#[derive(Default)]
pub struct LocationsQuery;

#[Object]
impl LocationsQuery {
    /// Locations in the order they were made, each with its warehouse;
    /// `warehouseId`, `type` and `query` (a code prefix: `A-01` is aisle 01
    /// of zone A) narrow the list. The same filters print a sheet of labels
    /// from `GET /labels/locations.pdf`.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "a connection's four paging arguments and three filters")]
    async fn locations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        warehouse_id: Option<ID>,
        #[graphql(name = "type")] kind: Option<Enum<LocationType>>,
        query: Option<String>,
    ) -> Result<CountedConnection<Fast<Location>>> {
        let request = page_request(first, after, last, before)?;
        let filter = locations::Filter {
            warehouse_id: ids::decode_opt(WAREHOUSE, "warehouseId", warehouse_id.as_ref()).or_gql()?,
            kind: kind.map(Enum::into_inner),
            code_prefix: query,
        };
        let (page, total) =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| locations::list(tx, &request, &filter).await).await.or_gql()?;
        Ok(counted(page, total, |location| Fast(Location(location))))
    }
}

/// A location by its code's parts, outermost first: each is 1 to 4 letters
/// or digits, stored upper case, and is given only with every part before
/// it (an empty one is not given). The code is the parts joined by dashes,
/// unique in the warehouse; it cannot be changed later, as it is on the
/// label at the location.
#[derive(InputObject)]
pub struct LocationCreateInput {
    warehouse_id: ID,
    zone: String,
    aisle: Option<String>,
    bay: Option<String>,
    level: Option<String>,
    bin: Option<String>,
    #[graphql(name = "type")]
    kind: Enum<LocationType>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct LocationUpdateInput {
    id: ID,
    #[graphql(name = "type")]
    kind: Option<Enum<LocationType>>,
    /// `false` deactivates the location (nothing is to be put away or
    /// picked there); `true` brings it back.
    active: Option<bool>,
}

/// Every value of one part from `from` to `to`, both included. Digits
/// count in decimal with the width of `from` (`01` to `12`); letters count
/// through the alphabet when both ends have the same length (`A` to `D`).
#[derive(InputObject)]
pub struct LocationRangeInput {
    from: String,
    to: String,
}

impl From<LocationRangeInput> for PartRange {
    fn from(range: LocationRangeInput) -> Self {
        Self { from: range.from, to: range.to }
    }
}

/// A layout to make at once: every combination of the ranges, at most
/// 5,000 locations (zone A, aisles 01–10, bays 01–20, levels 1–4, bins A–B
/// is 1,600). All or none: when some of the codes exist, each is reported
/// (`TAKEN`, with the existing location's `subjectId`) and nothing is made.
#[derive(InputObject)]
pub struct LocationsGenerateInput {
    warehouse_id: ID,
    zone: LocationRangeInput,
    aisle: Option<LocationRangeInput>,
    bay: Option<LocationRangeInput>,
    level: Option<LocationRangeInput>,
    bin: Option<LocationRangeInput>,
    #[graphql(name = "type")]
    kind: Enum<LocationType>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(SimpleObject)]
pub struct LocationPayload {
    location: Option<Location>,
    user_errors: Vec<UserError>,
}

#[derive(SimpleObject)]
pub struct LocationsGeneratePayload {
    warehouse: Option<Warehouse>,
    /// How many locations were made.
    created_count: Option<i32>,
    /// The first code made, in code order.
    first_code: Option<String>,
    /// The last code made; `locations(warehouseId:, query:)` lists them all.
    last_code: Option<String>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct LocationMutations;

#[Object]
impl LocationMutations {
    async fn location_create(&self, ctx: &Context<'_>, input: LocationCreateInput) -> Result<LocationPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = locations::NewLocation {
                warehouse_id: ids::decode(WAREHOUSE, "warehouseId", &input.warehouse_id)?,
                zone: input.zone,
                aisle: input.aisle,
                bay: input.bay,
                level: input.level,
                bin: input.bin,
                kind: input.kind.into_inner(),
            };
            db(ctx).write(&tctx, async |tx| locations::create(tx, new, key.as_ref()).await).await
        };
        let (location, user_errors) = into_payload(result.await)?;
        Ok(LocationPayload { location: location.map(Location), user_errors })
    }

    async fn location_update(&self, ctx: &Context<'_>, input: LocationUpdateInput) -> Result<LocationPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(LOCATION, "id", &input.id)?;
            let change = locations::LocationUpdate { kind: input.kind.map(Enum::into_inner), active: input.active };
            db(ctx).write(&tctx, async |tx| locations::update(tx, id, change).await).await
        };
        let (location, user_errors) = into_payload(result.await)?;
        Ok(LocationPayload { location: location.map(Location), user_errors })
    }

    async fn locations_generate(
        &self,
        ctx: &Context<'_>,
        input: LocationsGenerateInput,
    ) -> Result<LocationsGeneratePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = locations::NewLocations {
                warehouse_id: ids::decode(WAREHOUSE, "warehouseId", &input.warehouse_id)?,
                range: CodeRange {
                    zone: Some(input.zone.into()),
                    aisle: input.aisle.map(Into::into),
                    bay: input.bay.map(Into::into),
                    level: input.level.map(Into::into),
                    bin: input.bin.map(Into::into),
                },
                kind: input.kind.into_inner(),
            };
            db(ctx).write(&tctx, async |tx| locations::generate(tx, new, key.as_ref()).await).await
        };
        let (generated, user_errors) = into_payload(result.await)?;
        Ok(match generated {
            Some(made) => LocationsGeneratePayload {
                warehouse: Some(Warehouse(made.warehouse)),
                created_count: Some(i32::try_from(made.created).unwrap_or(i32::MAX)),
                first_code: Some(made.first_code),
                last_code: Some(made.last_code),
                user_errors,
            },
            None => LocationsGeneratePayload {
                warehouse: None,
                created_count: None,
                first_code: None,
                last_code: None,
                user_errors,
            },
        })
    }
}
