//! Warehouses: the buildings a tenant stores goods in, each with a code
//! unique in the tenant (`LAX1`), the country it stands in (ISO 3166-1
//! alpha-2, which is its address's country too), the IANA time zone its
//! cut-offs and reports are read in, and its street address.

use std::collections::HashMap;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use iso_currency::Country;
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Select};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::WAREHOUSE;
use super::entities::warehouse;
use super::messages;
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;

/// Longest warehouse code: short, as it is printed on every label.
const CODE_MAX: usize = 16;

/// A street address; its country is the warehouse's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    /// State, province or prefecture, where the country has them.
    pub region: Option<String>,
    /// Where the country has postal codes.
    pub postal_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warehouse {
    pub id: Uuid,
    /// Upper-case letters, digits and dashes, unique in the tenant (`LAX1`).
    pub code: String,
    pub name: String,
    /// ISO 3166-1 alpha-2 (`US`, `DE`).
    pub country: String,
    /// IANA time zone (`America/Los_Angeles`).
    pub timezone: String,
    pub address: Address,
    /// False once the warehouse is closed; it stays listed for its history.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<warehouse::Model> for Warehouse {
    fn from(m: warehouse::Model) -> Self {
        Self {
            id: m.id,
            code: m.code,
            name: m.name,
            country: m.country,
            timezone: m.timezone,
            address: Address {
                line1: m.address_line1,
                line2: m.address_line2,
                city: m.address_city,
                region: m.address_region,
                postal_code: m.address_postal_code,
            },
            active: m.active,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

impl Warehouse {
    fn audit_view(&self) -> serde_json::Value {
        let a = &self.address;
        json!({
            "code": self.code,
            "name": self.name,
            "countryCode": self.country,
            "timezone": self.timezone,
            "address": {"line1": a.line1, "line2": a.line2, "city": a.city, "region": a.region, "postalCode": a.postal_code},
            "active": self.active,
        })
    }
}

/// A warehouse to create; every field is checked and all faults reported.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NewWarehouse {
    pub code: String,
    pub name: String,
    pub country: String,
    pub timezone: String,
    pub address: Address,
}

/// Fields to change; `None` leaves a field as it is. An address replaces
/// the whole address. The code and country stay: labels, partners'
/// systems and the address carry them.
#[derive(Debug, Clone, Default)]
pub struct WarehouseUpdate {
    pub name: Option<String>,
    pub timezone: Option<String>,
    pub address: Option<Address>,
    pub active: Option<bool>,
}

fn parse_code(raw: &str, errors: &mut UserErrors) -> String {
    let code = raw.trim().to_uppercase();
    let ok = (1..=CODE_MAX).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        errors.push("code", UserErrorCode::Invalid, messages::code_format(CODE_MAX));
    }
    code
}

fn parse_name(raw: &str, errors: &mut UserErrors) -> String {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 200 {
        errors.push("name", UserErrorCode::Invalid, messages::name_length(200));
    }
    name.to_owned()
}

fn parse_country(raw: &str, errors: &mut UserErrors) -> String {
    let code = raw.trim().to_uppercase();
    // The table's parser also takes the empty string (its `Unspecified`).
    if code.len() != 2 || Country::from_str(&code).is_err() {
        errors.push("countryCode", UserErrorCode::Invalid, messages::country_invalid(raw.trim()));
    }
    code
}

/// An IANA time zone name, as the tz database spells it (the tenant's
/// time zone is checked the same way).
fn parse_timezone(raw: &str, errors: &mut UserErrors) -> String {
    let name = raw.trim();
    if chrono_tz::Tz::from_str(name).is_err() {
        errors.push("timezone", UserErrorCode::Invalid, messages::timezone_invalid(name));
    }
    name.to_owned()
}

/// A line of the address: trimmed; required ones must not be empty.
fn parse_line(field: &str, raw: &str, max: usize, required: bool, errors: &mut UserErrors) -> Option<String> {
    let text = raw.trim();
    if text.is_empty() {
        if required {
            errors.push_at(&["address", field], UserErrorCode::Invalid, messages::required());
        }
        return None;
    }
    if text.chars().count() > max {
        errors.push_at(&["address", field], UserErrorCode::Invalid, messages::too_long(max));
    }
    Some(text.to_owned())
}

fn parse_address(raw: &Address, errors: &mut UserErrors) -> Address {
    let optional = |field, text: &Option<String>, max, errors: &mut UserErrors| {
        text.as_deref().and_then(|t| parse_line(field, t, max, false, errors))
    };
    Address {
        line1: parse_line("line1", &raw.line1, 200, true, errors).unwrap_or_default(),
        line2: optional("line2", &raw.line2, 200, errors),
        city: parse_line("city", &raw.city, 100, true, errors).unwrap_or_default(),
        region: optional("region", &raw.region, 100, errors),
        postal_code: optional("postalCode", &raw.postal_code, 20, errors),
    }
}

async fn code_taken(tx: &TenantTx, code: &str) -> DomainResult<bool> {
    Ok(tx.find::<warehouse::Entity>().filter(warehouse::Column::Code.eq(code)).count(tx.conn()).await? > 0)
}

/// Creates a warehouse; a retry with the same idempotency key returns it.
pub async fn create(tx: &mut TenantTx, input: NewWarehouse, key: Option<&IdempotencyKey>) -> DomainResult<Warehouse> {
    let request = input.clone();
    idempotency::once(tx, key, "warehouseCreate", &request, async |tx| create_now(tx, input).await).await
}

async fn create_now(tx: &mut TenantTx, input: NewWarehouse) -> DomainResult<Warehouse> {
    tx.ctx().require(Permission::WarehousesWrite)?;
    let mut errors = UserErrors::default();
    let code = parse_code(&input.code, &mut errors);
    let name = parse_name(&input.name, &mut errors);
    let country = parse_country(&input.country, &mut errors);
    let timezone = parse_timezone(&input.timezone, &mut errors);
    let address = parse_address(&input.address, &mut errors);
    errors.finish()?;
    if code_taken(tx, &code).await? {
        return Err(DomainError::user("code", UserErrorCode::Taken, messages::code_taken(&code)));
    }
    let now = clock::now();
    let id = new_id();
    let saved: Warehouse = tx
        .insert(warehouse::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(id),
            code: Set(code),
            name: Set(name),
            country: Set(country),
            timezone: Set(timezone),
            address_line1: Set(address.line1),
            address_line2: Set(address.line2),
            address_city: Set(address.city),
            address_region: Set(address.region),
            address_postal_code: Set(address.postal_code),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .await?
        .into();
    audit::record(tx, Change::of("warehouse.create", WAREHOUSE, id).after(saved.audit_view())).await?;
    Ok(saved)
}

pub async fn update(tx: &mut TenantTx, id: Uuid, change: WarehouseUpdate) -> DomainResult<Warehouse> {
    tx.ctx().require(Permission::WarehousesWrite)?;
    let mut errors = UserErrors::default();
    let name = change.name.as_deref().map(|n| parse_name(n, &mut errors));
    let timezone = change.timezone.as_deref().map(|z| parse_timezone(z, &mut errors));
    let address = change.address.as_ref().map(|a| parse_address(a, &mut errors));
    errors.finish()?;
    let Some(row) = tx.find_by_id::<warehouse::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    let before = Warehouse::from(row.clone());
    let mut active = row.into_active_model();
    if let Some(name) = name {
        active.name = Set(name);
    }
    if let Some(timezone) = timezone {
        active.timezone = Set(timezone);
    }
    if let Some(address) = address {
        active.address_line1 = Set(address.line1);
        active.address_line2 = Set(address.line2);
        active.address_city = Set(address.city);
        active.address_region = Set(address.region);
        active.address_postal_code = Set(address.postal_code);
    }
    if let Some(flag) = change.active {
        active.active = Set(flag);
    }
    active.updated_at = Set(clock::now());
    let after: Warehouse = tx.update(active).await?.into();
    let change = Change::of("warehouse.update", WAREHOUSE, id).before(before.audit_view()).after(after.audit_view());
    audit::record(tx, change).await?;
    Ok(after)
}

/// The warehouses this context may read: every reader of a warehouse
/// tenant sees all of them (a merchant sees where its goods may be).
fn visible(tx: &TenantTx) -> DomainResult<Select<warehouse::Entity>> {
    tx.ctx().require(Permission::WarehousesRead)?;
    Ok(tx.find::<warehouse::Entity>())
}

/// Warehouses, oldest first, with the total count.
pub async fn list(tx: &TenantTx, request: &PageRequest) -> DomainResult<(Page<Warehouse>, u64)> {
    let select = visible(tx)?;
    let total = select.clone().count(tx.conn()).await?;
    let page = paging::fetch(tx, select, Order::OldestFirst, request).await?;
    Ok((page.map(Warehouse::from), total))
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Warehouse>> {
    Ok(visible(tx)?.filter(warehouse::Column::Id.eq(id)).one(tx.conn()).await?.map(Warehouse::from))
}

/// Warehouses by id, for callers in this context that have checked the
/// reader may see them (the warehouses of a page of locations, the
/// destination of an inbound shipment).
pub(crate) async fn by_ids(
    tx: &TenantTx,
    ids: impl IntoIterator<Item = Uuid>,
) -> DomainResult<HashMap<Uuid, Warehouse>> {
    let rows = tx.find::<warehouse::Entity>().filter(warehouse::Column::Id.is_in(ids)).all(tx.conn()).await?;
    Ok(rows.into_iter().map(|row| (row.id, Warehouse::from(row))).collect())
}

/// The warehouses `ids`, in one query.
pub async fn get_many(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<Warehouse>> {
    Ok(visible(tx)?
        .filter(warehouse::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(Warehouse::from)
        .collect())
}

/// The active warehouses, for other contexts that choose one (allocation)
/// under their own permission.
pub(crate) async fn active(tx: &TenantTx) -> DomainResult<Vec<Warehouse>> {
    let rows = tx.find::<warehouse::Entity>().filter(warehouse::Column::Active.eq(true)).all(tx.conn()).await?;
    Ok(rows.into_iter().map(Warehouse::from).collect())
}
