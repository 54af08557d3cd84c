//! Locations (bins): the places in a warehouse that hold stock, each named
//! by a code built from its zone, aisle, bay, level and bin
//! ([`super::location_codes`]), unique in its warehouse, and typed by what
//! it is for. A layout is made in bulk from ranges ([`generate`]), all or
//! nothing; a location that is no longer used is deactivated, not deleted,
//! since stock history will name it.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::LikeExpr;
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Select, SqlErr};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::{bin_stock, location};
use super::location_codes::{self, CodeParts, CodeRange};
use super::warehouses::{self, Warehouse};
use super::{LOCATION, WAREHOUSE, messages};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserError, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

string_enum!(
    /// What a location is for: PICK faces are picked from; BULK holds
    /// reserve stock (pallets) that refills them; RECEIVING and STAGING are
    /// where goods wait on their way in and out; DAMAGED and QUARANTINE
    /// hold stock that must not be sold.
    LocationType {
        Pick = "pick",
        Bulk = "bulk",
        Receiving = "receiving",
        Staging = "staging",
        Damaged = "damaged",
        Quarantine = "quarantine",
    }
);

/// What the units in a location count as in their level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holding {
    Sellable,
    Damaged,
    QualityControl,
}

impl LocationType {
    /// DAMAGED locations hold damaged units, QUARANTINE ones units in
    /// quality control; the rest hold units that may be sold.
    pub fn holds(self) -> Holding {
        match self {
            LocationType::Damaged => Holding::Damaged,
            LocationType::Quarantine => Holding::QualityControl,
            _ => Holding::Sellable,
        }
    }
}

/// Codes that exist already named one by one in the answer to a range
/// that overlaps them; the rest are counted.
const TAKEN_NAMED: usize = 20;

/// Codes looked up per statement when a range is checked for ones that exist.
const CODES_PER_LOOKUP: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub id: Uuid,
    /// The warehouse it is in, read with it (lists show its code).
    pub warehouse: Warehouse,
    /// The parts joined by dashes, unique in the warehouse (`A-01-03-2-B`).
    pub code: String,
    pub parts: CodeParts,
    pub kind: LocationType,
    /// False once deactivated: kept for the stock history that names it.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Location {
    fn of(row: location::Model, warehouse: Warehouse) -> Self {
        Self {
            id: row.id,
            warehouse,
            code: row.code,
            parts: CodeParts { zone: row.zone, aisle: row.aisle, bay: row.bay, level: row.level, bin: row.bin },
            // Only ever written from `LocationType`.
            kind: LocationType::parse(&row.kind).unwrap_or(LocationType::Pick),
            active: row.active,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }

    fn audit_view(&self) -> serde_json::Value {
        json!({"warehouse": self.warehouse.code, "code": self.code, "type": self.kind.as_str(), "active": self.active})
    }
}

/// A location to create: its parts (an empty part is not given) and type.
#[derive(Debug, Clone, Serialize)]
pub struct NewLocation {
    pub warehouse_id: Uuid,
    pub zone: String,
    pub aisle: Option<String>,
    pub bay: Option<String>,
    pub level: Option<String>,
    pub bin: Option<String>,
    pub kind: LocationType,
}

/// Fields to change; `None` leaves a field as it is. The code stays: it
/// is printed on the label at the location.
#[derive(Debug, Clone, Default)]
pub struct LocationUpdate {
    pub kind: Option<LocationType>,
    /// `false` deactivates the location, `true` brings it back.
    pub active: Option<bool>,
}

/// Every location of `range`, in one warehouse, of one type.
#[derive(Debug, Clone, Serialize)]
pub struct NewLocations {
    pub warehouse_id: Uuid,
    pub range: CodeRange,
    pub kind: LocationType,
}

/// What [`generate`] made: how many locations, the first and last code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generated {
    pub warehouse: Warehouse,
    pub created: usize,
    pub first_code: String,
    pub last_code: String,
}

/// Which locations a list or a label sheet covers; each field given
/// narrows it.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub warehouse_id: Option<Uuid>,
    pub kind: Option<LocationType>,
    /// Keeps the codes that start with it (`A-01` is aisle 01 of zone A);
    /// letters in either case.
    pub code_prefix: Option<String>,
}

/// The warehouse `id` for a location to be made in, or `NOT_FOUND` on
/// `warehouseId`.
async fn warehouse(tx: &TenantTx, id: Uuid) -> DomainResult<Warehouse> {
    let mut found = warehouses::by_ids(tx, [id]).await?;
    found.remove(&id).ok_or_else(|| DomainError::not_found("warehouseId"))
}

/// Whether `error` is a unique index refusing a code another transaction
/// made meanwhile.
fn is_duplicate(error: &DomainError) -> bool {
    matches!(error, DomainError::Database(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))))
}

fn taken(code: &str, existing: Uuid) -> UserError {
    UserError::at(&[], UserErrorCode::Taken, messages::location_taken(code)).about(LOCATION.gid(existing))
}

fn row(tenant_id: Uuid, warehouse_id: Uuid, parts: CodeParts, kind: LocationType) -> location::ActiveModel {
    let now = clock::now();
    location::ActiveModel {
        tenant_id: Set(tenant_id),
        id: Set(new_id()),
        warehouse_id: Set(warehouse_id),
        code: Set(parts.code()),
        zone: Set(parts.zone),
        aisle: Set(parts.aisle),
        bay: Set(parts.bay),
        level: Set(parts.level),
        bin: Set(parts.bin),
        kind: Set(kind.as_str().to_owned()),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// Creates a location; a retry with the same idempotency key returns it.
pub async fn create(tx: &mut TenantTx, input: NewLocation, key: Option<&IdempotencyKey>) -> DomainResult<Location> {
    let request = input.clone();
    idempotency::once(tx, key, "locationCreate", &request, async |tx| create_now(tx, input).await).await
}

async fn create_now(tx: &mut TenantTx, input: NewLocation) -> DomainResult<Location> {
    tx.ctx().require(Permission::WarehousesWrite)?;
    let mut errors = UserErrors::default();
    let raw = [
        Some(input.zone.as_str()),
        input.aisle.as_deref(),
        input.bay.as_deref(),
        input.level.as_deref(),
        input.bin.as_deref(),
    ];
    let parts = location_codes::parse_parts(raw, &mut errors);
    errors.finish()?;
    let warehouse = warehouse(tx, input.warehouse_id).await?;
    let code = parts.code();
    let existing = in_warehouse(tx, warehouse.id).filter(location::Column::Code.eq(&code)).one(tx.conn()).await?;
    if let Some(existing) = existing {
        return Err(DomainError::User(vec![taken(&code, existing.id)]));
    }
    let saved = tx.insert(row(tx.tenant_id(), warehouse.id, parts, input.kind)).await;
    let saved = match saved {
        Err(e) if is_duplicate(&e) => {
            return Err(DomainError::User(vec![UserError::at(
                &[],
                UserErrorCode::Taken,
                messages::location_taken(&code),
            )]));
        }
        other => Location::of(other?, warehouse),
    };
    audit::record(tx, Change::of("location.create", LOCATION, saved.id).after(saved.audit_view())).await?;
    Ok(saved)
}

/// Creates every location of a range in one warehouse (at most
/// [`location_codes::MAX_RANGE`]), all or none: when some of the codes
/// exist already, each is reported (`TAKEN`, about the existing location)
/// and nothing is made. A retry with the same idempotency key returns the
/// first result.
pub async fn generate(tx: &mut TenantTx, input: NewLocations, key: Option<&IdempotencyKey>) -> DomainResult<Generated> {
    let request = input.clone();
    idempotency::once(tx, key, "locationsGenerate", &request, async |tx| generate_now(tx, input).await).await
}

async fn generate_now(tx: &mut TenantTx, input: NewLocations) -> DomainResult<Generated> {
    tx.ctx().require(Permission::WarehousesWrite)?;
    let mut errors = UserErrors::default();
    let layout = location_codes::expand(&input.range, &mut errors);
    errors.finish()?;
    let warehouse = warehouse(tx, input.warehouse_id).await?;
    let codes: Vec<String> = layout.iter().map(CodeParts::code).collect();
    let mut existing = Vec::new();
    for chunk in codes.chunks(CODES_PER_LOOKUP) {
        let select = in_warehouse(tx, warehouse.id).filter(location::Column::Code.is_in(chunk.iter().cloned()));
        existing.extend(select.all(tx.conn()).await?);
    }
    if !existing.is_empty() {
        existing.sort_by(|a, b| a.code.cmp(&b.code));
        let mut reported: Vec<UserError> = existing.iter().take(TAKEN_NAMED).map(|l| taken(&l.code, l.id)).collect();
        if existing.len() > TAKEN_NAMED {
            let more = messages::more_taken(existing.len() - TAKEN_NAMED);
            reported.push(UserError::at(&[], UserErrorCode::Taken, more));
        }
        return Err(DomainError::User(reported));
    }
    let (first_code, last_code) = (codes[0].clone(), codes[codes.len() - 1].clone());
    let rows = layout.into_iter().map(|parts| row(tx.tenant_id(), warehouse.id, parts, input.kind)).collect();
    match tx.insert_many(rows).await {
        Err(e) if is_duplicate(&e) => {
            // Another request made some of these codes since they were checked.
            let again = messages::location_taken(&first_code);
            return Err(DomainError::User(vec![UserError::at(&[], UserErrorCode::Taken, again)]));
        }
        other => other?,
    };
    let after = json!({"warehouse": warehouse.code, "type": input.kind.as_str(), "count": codes.len(),
                       "firstCode": first_code, "lastCode": last_code});
    audit::record(tx, Change::of("location.generate", WAREHOUSE, warehouse.id).after(after)).await?;
    Ok(Generated { warehouse, created: codes.len(), first_code, last_code })
}

pub async fn update(tx: &mut TenantTx, id: Uuid, change: LocationUpdate) -> DomainResult<Location> {
    tx.ctx().require(Permission::WarehousesWrite)?;
    let Some(found) = tx.find_by_id::<location::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    let warehouse = warehouse(tx, found.warehouse_id).await?;
    let before = Location::of(found.clone(), warehouse.clone());
    if let Some(kind) = change.kind
        && kind.holds() != before.kind.holds()
    {
        // Its units would change from sellable to damaged (say) without a
        // movement, and the levels would no longer add up.
        let units = units_held(tx, id).await?;
        if units > 0 {
            return Err(DomainError::user("type", UserErrorCode::Invalid, messages::location_holds_stock(units)));
        }
    }
    let mut active = found.into_active_model();
    if let Some(kind) = change.kind {
        active.kind = Set(kind.as_str().to_owned());
    }
    if let Some(flag) = change.active {
        active.active = Set(flag);
    }
    active.updated_at = Set(clock::now());
    let after = Location::of(tx.update(active).await?, warehouse);
    let change = Change::of("location.update", LOCATION, id).before(before.audit_view()).after(after.audit_view());
    audit::record(tx, change).await?;
    Ok(after)
}

/// The units of every merchant in location `id`.
async fn units_held(tx: &TenantTx, id: Uuid) -> DomainResult<i64> {
    let bins = tx.find::<bin_stock::Entity>().filter(bin_stock::Column::LocationId.eq(id)).all(tx.conn()).await?;
    Ok(bins.iter().map(|b| b.on_hand).sum())
}

fn in_warehouse(tx: &TenantTx, warehouse_id: Uuid) -> Select<location::Entity> {
    tx.find::<location::Entity>().filter(location::Column::WarehouseId.eq(warehouse_id))
}

/// `%`, `_` and the escape itself taken literally in a LIKE pattern.
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The locations `filter` keeps, of those this context may read (every
/// reader of the tenant: locations are the tenant's, not a merchant's).
pub(super) fn visible(tx: &TenantTx, filter: &Filter) -> DomainResult<Select<location::Entity>> {
    tx.ctx().require(Permission::WarehousesRead)?;
    let mut select = tx.find::<location::Entity>();
    if let Some(warehouse) = filter.warehouse_id {
        select = select.filter(location::Column::WarehouseId.eq(warehouse));
    }
    if let Some(kind) = filter.kind {
        select = select.filter(location::Column::Kind.eq(kind.as_str()));
    }
    if let Some(prefix) = filter.code_prefix.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        let pattern = format!("{}%", like_literal(&prefix.to_uppercase()));
        select = select.filter(location::Column::Code.like(LikeExpr::new(pattern).escape('\\')));
    }
    Ok(select)
}

/// Rows with their warehouses, read in one more query however many rows.
pub(super) async fn with_warehouses(tx: &TenantTx, rows: Vec<location::Model>) -> DomainResult<Vec<Location>> {
    let mut ids: Vec<Uuid> = rows.iter().map(|r| r.warehouse_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let warehouses = warehouses::by_ids(tx, ids).await?;
    rows.into_iter()
        .map(|row| {
            let warehouse = warehouses.get(&row.warehouse_id).cloned();
            let warehouse = warehouse.ok_or_else(|| DomainError::Internal("location without its warehouse".into()))?;
            Ok(Location::of(row, warehouse))
        })
        .collect()
}

/// Locations in the order they were made, with the total count.
pub async fn list(tx: &TenantTx, request: &PageRequest, filter: &Filter) -> DomainResult<(Page<Location>, u64)> {
    let select = visible(tx, filter)?;
    let total = select.clone().count(tx.conn()).await?;
    let page = paging::fetch(tx, select, Order::OldestFirst, request).await?;
    let (ids, rows): (Vec<Uuid>, Vec<location::Model>) = page.items.into_iter().unzip();
    let items = ids.into_iter().zip(with_warehouses(tx, rows).await?).collect();
    Ok((Page { items, has_next_page: page.has_next_page, has_previous_page: page.has_previous_page }, total))
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Location>> {
    let Some(row) = visible(tx, &Filter::default())?.filter(location::Column::Id.eq(id)).one(tx.conn()).await? else {
        return Ok(None);
    };
    Ok(with_warehouses(tx, vec![row]).await?.pop())
}

/// The locations `ids` with their warehouses, in two queries.
pub async fn get_many(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<Location>> {
    let rows =
        visible(tx, &Filter::default())?.filter(location::Column::Id.is_in(ids.iter().copied())).all(tx.conn()).await?;
    with_warehouses(tx, rows).await
}
