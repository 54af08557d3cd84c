//! Merchants (货主): the sellers whose goods a public warehouse stores.
//! Code unique per tenant, a contact, and the currency their goods are
//! declared and billed in by default.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use iso_currency::Currency;
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, IntoActiveModel, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::MERCHANT;
use super::entities::merchant;
use super::{messages, search};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merchant {
    pub id: Uuid,
    /// Upper-case letters, digits and dashes, unique in the tenant (`M-0001`).
    pub code: String,
    pub name: String,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    /// ISO 4217 code (`CNY`, `USD`).
    pub default_currency: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<merchant::Model> for Merchant {
    fn from(m: merchant::Model) -> Self {
        Self {
            id: m.id,
            code: m.code,
            name: m.name,
            contact_name: m.contact_name,
            contact_email: m.contact_email,
            contact_phone: m.contact_phone,
            default_currency: m.default_currency,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

impl Merchant {
    fn audit_view(&self) -> serde_json::Value {
        json!({
            "code": self.code,
            "name": self.name,
            "contactName": self.contact_name,
            "contactEmail": self.contact_email,
            "contactPhone": self.contact_phone,
            "defaultCurrency": self.default_currency,
        })
    }
}

/// A merchant to create; every field is checked and all faults reported.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NewMerchant {
    pub code: String,
    pub name: String,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub default_currency: String,
}

/// Fields to change; `None` leaves a field as it is, `Some("")` clears an
/// optional contact field.
#[derive(Debug, Clone, Default)]
pub struct MerchantUpdate {
    pub name: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub default_currency: Option<String>,
}

fn parse_code(raw: &str, errors: &mut UserErrors) -> String {
    let code = raw.trim().to_uppercase();
    let ok = (1..=32).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        errors.push("code", UserErrorCode::Invalid, messages::code_format());
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

fn parse_currency(raw: &str, errors: &mut UserErrors) -> String {
    let code = raw.trim().to_uppercase();
    if Currency::from_str(&code).is_err() {
        errors.push("defaultCurrency", UserErrorCode::Invalid, messages::currency_invalid(raw.trim()));
    }
    code
}

/// An optional free-text field: trimmed, empty means none.
fn parse_text(field: &str, raw: Option<&str>, max: usize, errors: &mut UserErrors) -> Option<String> {
    let text = raw.map(str::trim).filter(|t| !t.is_empty())?;
    if text.chars().count() > max {
        errors.push(field, UserErrorCode::Invalid, messages::too_long(max));
    }
    Some(text.to_owned())
}

fn parse_email(raw: Option<&str>, errors: &mut UserErrors) -> DomainResult<Option<String>> {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    Ok(errors.check(Email::parse("contactEmail", text))?.map(|e| e.as_str().to_owned()))
}

async fn code_taken(tx: &TenantTx, code: &str) -> DomainResult<bool> {
    Ok(tx.find::<merchant::Entity>().filter(merchant::Column::Code.eq(code)).count(tx.conn()).await? > 0)
}

/// Creates a merchant; a retry with the same idempotency key returns it.
pub async fn create(tx: &mut TenantTx, input: NewMerchant, key: Option<&IdempotencyKey>) -> DomainResult<Merchant> {
    let request = input.clone();
    idempotency::once(tx, key, "merchantCreate", &request, async |tx| create_now(tx, input).await).await
}

async fn create_now(tx: &mut TenantTx, input: NewMerchant) -> DomainResult<Merchant> {
    tx.ctx().require(Permission::MerchantsWrite)?;
    let mut errors = UserErrors::default();
    let code = parse_code(&input.code, &mut errors);
    let name = parse_name(&input.name, &mut errors);
    let contact_name = parse_text("contactName", input.contact_name.as_deref(), 120, &mut errors);
    let contact_email = parse_email(input.contact_email.as_deref(), &mut errors)?;
    let contact_phone = parse_text("contactPhone", input.contact_phone.as_deref(), 40, &mut errors);
    let default_currency = parse_currency(&input.default_currency, &mut errors);
    errors.finish()?;
    if code_taken(tx, &code).await? {
        return Err(DomainError::user("code", UserErrorCode::Taken, messages::code_taken(&code)));
    }
    let now = clock::now();
    let id = new_id();
    let saved: Merchant = tx
        .insert(merchant::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(id),
            code: Set(code),
            name: Set(name),
            contact_name: Set(contact_name),
            contact_email: Set(contact_email),
            contact_phone: Set(contact_phone),
            default_currency: Set(default_currency),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .await?
        .into();
    audit::record(tx, Change::of("merchant.create", MERCHANT, id).after(saved.audit_view())).await?;
    Ok(saved)
}

pub async fn update(tx: &mut TenantTx, id: Uuid, change: MerchantUpdate) -> DomainResult<Merchant> {
    tx.ctx().require(Permission::MerchantsWrite)?;
    let mut errors = UserErrors::default();
    let name = change.name.as_deref().map(|n| parse_name(n, &mut errors));
    let contact_name = change.contact_name.as_deref().map(|t| parse_text("contactName", Some(t), 120, &mut errors));
    let contact_email = match change.contact_email.as_deref() {
        Some(raw) => Some(parse_email(Some(raw), &mut errors)?),
        None => None,
    };
    let contact_phone = change.contact_phone.as_deref().map(|t| parse_text("contactPhone", Some(t), 40, &mut errors));
    let default_currency = change.default_currency.as_deref().map(|c| parse_currency(c, &mut errors));
    errors.finish()?;
    let Some(row) = tx.find_by_id::<merchant::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    let before = Merchant::from(row.clone());
    let mut active = row.into_active_model();
    if let Some(name) = name {
        active.name = Set(name);
    }
    if let Some(contact_name) = contact_name {
        active.contact_name = Set(contact_name);
    }
    if let Some(contact_email) = contact_email {
        active.contact_email = Set(contact_email);
    }
    if let Some(contact_phone) = contact_phone {
        active.contact_phone = Set(contact_phone);
    }
    if let Some(currency) = default_currency {
        active.default_currency = Set(currency);
    }
    active.updated_at = Set(clock::now());
    let after: Merchant = tx.update(active).await?.into();
    let change = Change::of("merchant.update", MERCHANT, id).before(before.audit_view()).after(after.audit_view());
    audit::record(tx, change).await?;
    Ok(after)
}

/// Merchants, oldest first, with the total count; `query` keeps those
/// whose code starts with it or whose name contains it (case-insensitive
/// for ASCII).
pub async fn list(tx: &TenantTx, request: &PageRequest, query: Option<&str>) -> DomainResult<(Page<Merchant>, u64)> {
    tx.ctx().require(Permission::MerchantsRead)?;
    let mut select = tx.find::<merchant::Entity>();
    if let Some(query) = search::query_text(query) {
        select = select.filter(
            Condition::any()
                .add(search::starts_with(merchant::Column::Code, query))
                .add(search::contains(merchant::Column::Name, query)),
        );
    }
    let total = select.clone().count(tx.conn()).await?;
    let page = paging::fetch(tx, select, Order::OldestFirst, request).await?;
    Ok((page.map(Merchant::from), total))
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Merchant>> {
    tx.ctx().require(Permission::MerchantsRead)?;
    Ok(tx.find_by_id::<merchant::Entity>(id).one(tx.conn()).await?.map(Merchant::from))
}

/// Many merchants by id in one query (for nested fields of a listing).
pub async fn get_many(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<Merchant>> {
    tx.ctx().require(Permission::MerchantsRead)?;
    let rows =
        tx.find::<merchant::Entity>().filter(merchant::Column::Id.is_in(ids.iter().copied())).all(tx.conn()).await?;
    Ok(rows.into_iter().map(Merchant::from).collect())
}

/// Whether `id` is a merchant this context can see; for other contexts
/// that bind something to a merchant.
pub(crate) async fn exists(tx: &TenantTx, id: Uuid) -> DomainResult<bool> {
    Ok(tx.find_by_id::<merchant::Entity>(id).count(tx.conn()).await? > 0)
}

/// The ISO 4217 code of merchant `id`'s default currency, if this context
/// can see the merchant (prices in files that name no currency are in it).
pub(super) async fn default_currency(tx: &TenantTx, id: Uuid) -> DomainResult<Option<String>> {
    Ok(tx.find_by_id::<merchant::Entity>(id).one(tx.conn()).await?.map(|m| m.default_currency))
}

/// The codes of the merchants `ids` this context can see, for other
/// contexts' exports under their own permission.
pub(crate) async fn codes(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<std::collections::HashMap<Uuid, String>> {
    let rows =
        tx.find::<merchant::Entity>().filter(merchant::Column::Id.is_in(ids.iter().copied())).all(tx.conn()).await?;
    Ok(rows.into_iter().map(|m| (m.id, m.code)).collect())
}
