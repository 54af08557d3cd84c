//! Taking orders in and calling them off. An order is created whole — its
//! ship-to address checked against the destination country's rules, every
//! line's SKU the merchant's own — and allocated in the same transaction
//! (ALLOCATED, or BACKORDERED for the units that wait). Creating is
//! idempotent twice over: by the merchant's own reference (a retry, even
//! without a key, gets the first order) and by idempotency key. Orders
//! from a file come in through the same intake ([`take`], for
//! [`super::import`]). Cancelling before the units leave gives every
//! reservation back.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, QueryFilter, QuerySelect};

use super::addresses::{self, AddressField, AddressProblem, ProblemKind, ShipTo};
use super::entities::{order, order_allocation, order_event, order_line};
use super::read::{self, Order};
use super::status::{OrderChannel, OrderEventKind, OrderStatus};
use super::{ORDER, allocation, messages};
use crate::catalog::merchants;
use crate::catalog::skus::{self, SkuFacts, SkuStatus};
use crate::inventory::ledger::{self, Effect, Entry, Reference};
use crate::inventory::quantities::{MovementKind, StockKey};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::i18n::Message;
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::tenancy::TenantTx;

/// Most lines of one order.
pub const MAX_LINES: usize = 500;
const REFERENCE_MAX: usize = 100;
const SERVICE_LEVEL_MAX: usize = 50;
const NOTE_MAX: usize = 1_000;

/// A line as given: the SKU by id or by the merchant's code, and units.
#[derive(Debug, Clone, Serialize)]
pub struct NewLine {
    pub sku_id: Option<Uuid>,
    pub sku_code: Option<String>,
    pub quantity: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewOrder {
    /// Required unless the caller is bound to a merchant (then it is that one).
    pub merchant_id: Option<Uuid>,
    /// The merchant's own order reference (`SHOP-1001`).
    pub reference: String,
    pub channel: OrderChannel,
    pub ship_to: ShipTo,
    pub service_level: Option<String>,
    pub note: Option<String>,
    pub lines: Vec<NewLine>,
}

/// What to tell about a refused address field.
fn address_message(problem: &AddressProblem) -> Message {
    match &problem.kind {
        ProblemKind::Missing => messages::address_missing(),
        ProblemKind::TooLong { max } => messages::address_too_long(*max),
        ProblemKind::PostalCodeFormat { examples } => messages::postal_code_format(&examples.join(", ")),
        ProblemKind::PostalCodeNotInRegion { region, examples } => {
            messages::postal_code_not_in_region(region, &examples.join(", "))
        }
        ProblemKind::UnknownRegion { examples } => messages::unknown_region(&examples.join(", ")),
        ProblemKind::UnknownCountry => messages::unknown_country(),
        ProblemKind::InvalidPhone => messages::invalid_phone(),
        ProblemKind::InvalidEmail => messages::invalid_email(),
    }
}

/// Where a refused address field is in the input (`countryCode` as the
/// API names the country).
fn address_field(field: AddressField) -> &'static str {
    match field {
        AddressField::Country => "countryCode",
        other => other.as_str(),
    }
}

/// The merchant the order is for: the caller's own when bound to one,
/// otherwise the one named (which must exist).
pub(crate) async fn owner(tx: &TenantTx, named: Option<Uuid>) -> DomainResult<Uuid> {
    match (tx.ctx().merchant_id, named) {
        (Some(own), None) => Ok(own),
        (Some(own), Some(named)) if named == own => Ok(own),
        (Some(_), Some(_)) => Err(DomainError::not_found("merchantId")),
        (None, None) => Err(DomainError::user("merchantId", UserErrorCode::Invalid, messages::merchant_required())),
        (None, Some(named)) if merchants::exists(tx, named).await? => Ok(named),
        (None, Some(_)) => Err(DomainError::not_found("merchantId")),
    }
}

/// Writes a step of the order's timeline.
pub(crate) async fn record(
    tx: &TenantTx,
    order: &order::Model,
    status: OrderStatus,
    kind: OrderEventKind,
    detail: Option<String>,
) -> DomainResult<()> {
    tx.insert(order_event::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(new_id()),
        merchant_id: Set(order.merchant_id),
        order_id: Set(order.id),
        status: Set(status.as_str().to_owned()),
        kind: Set(kind.as_str().to_owned()),
        detail: Set(detail),
        actor: Set(tx.ctx().actor.label()),
        created_at: Set(clock::now()),
    })
    .await?;
    Ok(())
}

/// Sets the order's status.
pub(crate) async fn set_status(tx: &TenantTx, id: Uuid, status: OrderStatus) -> DomainResult<()> {
    let now = clock::now();
    let mut update = tx
        .update_many::<order::Entity>()
        .col_expr(order::Column::Status, Expr::value(status.as_str()))
        .col_expr(order::Column::UpdatedAt, Expr::value(now));
    match status {
        OrderStatus::Allocated => update = update.col_expr(order::Column::AllocatedAt, Expr::value(now)),
        OrderStatus::Cancelled => update = update.col_expr(order::Column::CancelledAt, Expr::value(now)),
        _ => {}
    }
    update.filter(order::Column::Id.eq(id)).exec(tx.conn()).await?;
    Ok(())
}

/// Allocates what it can of `row` and moves it to ALLOCATED or
/// BACKORDERED, with a timeline step when the status changes.
pub(super) async fn allocate_and_settle(tx: &mut TenantTx, row: &order::Model) -> DomainResult<OrderStatus> {
    let whole = allocation::allocate(tx, row).await?;
    let status = if whole { OrderStatus::Allocated } else { OrderStatus::Backordered };
    if row.status != status.as_str() {
        set_status(tx, row.id, status).await?;
        let kind = if whole { OrderEventKind::Allocated } else { OrderEventKind::Backordered };
        record(tx, row, status, kind, None).await?;
    }
    Ok(status)
}

/// Creates an order and allocates it; a retry with the same idempotency
/// key, or with the same merchant and reference, returns the first order.
pub async fn create(tx: &mut TenantTx, input: NewOrder, key: Option<&IdempotencyKey>) -> DomainResult<Order> {
    let request = input.clone();
    idempotency::once(tx, key, "orderCreate", &request, async |tx| create_now(tx, input).await).await
}

fn text(field: &str, raw: Option<&str>, max: usize, errors: &mut UserErrors) -> Option<String> {
    let text = raw.map(str::trim).filter(|t| !t.is_empty())?;
    if text.chars().count() > max {
        errors.push(field, UserErrorCode::Invalid, messages::too_long(max));
    }
    Some(text.to_owned())
}

async fn create_now(tx: &mut TenantTx, input: NewOrder) -> DomainResult<Order> {
    tx.ctx().require(Permission::OrdersWrite)?;
    let merchant_id = owner(tx, input.merchant_id).await?;
    Ok(take(tx, merchant_id, input).await?.order)
}

/// An order as given, every field checked and normalized; its SKUs are
/// not looked up yet.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub reference: String,
    pub ship_to: ShipTo,
    pub service_level: Option<String>,
    pub note: Option<String>,
}

/// Checks every field of `input` by the rules of an order, without the
/// database: all faults at once, each on its field (`shipTo.postalCode`,
/// `lines.2.quantity`).
pub(crate) fn check(input: &NewOrder) -> DomainResult<Checked> {
    let mut errors = UserErrors::default();
    let reference = input.reference.trim().to_owned();
    if reference.is_empty() || reference.chars().count() > REFERENCE_MAX || reference.chars().any(char::is_control) {
        errors.push("reference", UserErrorCode::Invalid, messages::reference_format(REFERENCE_MAX));
    }
    let service_level = text("serviceLevel", input.service_level.as_deref(), SERVICE_LEVEL_MAX, &mut errors);
    let note = text("note", input.note.as_deref(), NOTE_MAX, &mut errors);
    let ship_to = match addresses::validate(&input.ship_to) {
        Ok(address) => Some(address),
        Err(problems) => {
            for problem in &problems {
                let path = ["shipTo", address_field(problem.field)];
                errors.push_at(&path, UserErrorCode::Invalid, address_message(problem));
            }
            None
        }
    };
    if input.lines.is_empty() || input.lines.len() > MAX_LINES {
        errors.push("lines", UserErrorCode::Invalid, messages::lines_count(MAX_LINES));
    }
    for (i, line) in input.lines.iter().enumerate() {
        if line.quantity <= 0 {
            let position = i.to_string();
            errors.push_at(&["lines", &position, "quantity"], UserErrorCode::Invalid, messages::quantity_positive());
        }
        if line.sku_id.is_none() == line.sku_code.as_deref().is_none_or(|c| c.trim().is_empty()) {
            let position = i.to_string();
            errors.push_at(&["lines", &position, "skuId"], UserErrorCode::Invalid, messages::sku_id_or_code());
        }
    }
    errors.finish()?;
    let ship_to = ship_to.ok_or_else(|| DomainError::Internal("address checked without a result".into()))?;
    Ok(Checked { reference, ship_to, service_level, note })
}

/// An order taken in: the one made, or the merchant's order of the same
/// reference that was there already.
pub(crate) struct Taken {
    pub order: Order,
    pub created: bool,
}

/// Takes `input` in as an order of `merchant_id` (whose permission the
/// caller checked): checked, found by the merchant's reference when it
/// exists (nothing changes then; other lines or another address under
/// that reference are refused), else made and allocated.
pub(crate) async fn take(tx: &mut TenantTx, merchant_id: Uuid, input: NewOrder) -> DomainResult<Taken> {
    let Checked { reference, ship_to, service_level, note } = check(&input)?;

    // The merchant's reference: a retry (even without a key) finds the first order.
    if let Some(existing) = by_reference(tx, merchant_id, &reference).await? {
        return retried(tx, merchant_id, existing, &input, &ship_to).await;
    }
    let sku_ids = resolve_skus(tx, merchant_id, &input.lines).await?;
    let ship_to_sent = ship_to.clone();

    let now = clock::now();
    let id = new_id();
    let row = order::Model {
        tenant_id: tx.tenant_id(),
        id,
        merchant_id,
        reference: reference.clone(),
        channel: input.channel.as_str().to_owned(),
        status: OrderStatus::Received.as_str().to_owned(),
        ship_to_name: ship_to.name,
        ship_to_company: ship_to.company,
        ship_to_line1: ship_to.line1,
        ship_to_line2: ship_to.line2,
        ship_to_city: ship_to.city,
        ship_to_region: ship_to.region,
        ship_to_postal_code: ship_to.postal_code,
        ship_to_country: ship_to.country,
        ship_to_phone: ship_to.phone,
        ship_to_email: ship_to.email,
        service_level,
        note,
        created_at: now,
        updated_at: now,
        allocated_at: None,
        cancelled_at: None,
    };
    use sea_orm::IntoActiveModel;
    let unique = [order::Column::TenantId, order::Column::MerchantId, order::Column::Reference];
    if !tx.insert_unless_exists(row.clone().into_active_model(), unique).await? {
        // A concurrent request with the same reference won; answer its order.
        let existing = by_reference(tx, merchant_id, &reference).await?;
        let existing = existing.ok_or_else(|| DomainError::Internal("order reference taken but not found".into()))?;
        return retried(tx, merchant_id, existing, &input, &ship_to_sent).await;
    }
    let lines = input
        .lines
        .iter()
        .zip(&sku_ids)
        .enumerate()
        .map(|(position, (line, sku_id))| order_line::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(new_id()),
            merchant_id: Set(merchant_id),
            order_id: Set(id),
            position: Set(position as i32),
            sku_id: Set(*sku_id),
            quantity: Set(line.quantity),
            allocated: Set(0),
        })
        .collect();
    tx.insert_many(lines).await?;
    record(tx, &row, OrderStatus::Received, OrderEventKind::Received, None).await?;
    allocate_and_settle(tx, &row).await?;
    let order = read::read_one(tx, id).await?.ok_or_else(|| DomainError::Internal("order vanished".into()))?;
    let view = json!({"reference": order.reference, "status": order.status.as_str(), "lines": order.lines.len(),
                      "units": order.lines.iter().map(|l| l.quantity).sum::<i64>(),
                      "allocated": order.lines.iter().map(|l| l.allocated).sum::<i64>()});
    audit::record(tx, Change::of("order.create", ORDER, id).after(view)).await?;
    Ok(Taken { order, created: true })
}

/// The first order of a reference sent again: a retry answers it, but a
/// request with other lines or another address is not a retry, and is
/// refused on `reference` rather than dropped without a word (to change
/// an order, cancel it and send a new reference).
async fn retried(
    tx: &TenantTx,
    merchant_id: Uuid,
    id: Uuid,
    input: &NewOrder,
    ship_to: &ShipTo,
) -> DomainResult<Taken> {
    let order = read::read_one(tx, id).await?.ok_or_else(|| DomainError::Internal("order vanished".into()))?;
    let sku_ids = resolve_skus(tx, merchant_id, &input.lines).await?;
    let sent: Vec<(Uuid, i64)> = sku_ids.into_iter().zip(input.lines.iter().map(|l| l.quantity)).collect();
    let first: Vec<(Uuid, i64)> = order.lines.iter().map(|l| (l.sku_id, l.quantity)).collect();
    if sent != first || *ship_to != order.ship_to {
        return Err(DomainError::user(
            "reference",
            UserErrorCode::Taken,
            messages::reference_differs(&order.reference),
        ));
    }
    Ok(Taken { order, created: false })
}

/// Which of `references` merchant `merchant_id` has orders of already.
pub(crate) async fn existing_references(
    tx: &TenantTx,
    merchant_id: Uuid,
    references: &[String],
) -> DomainResult<HashSet<String>> {
    let mut found = HashSet::new();
    for chunk in references.chunks(500) {
        let rows: Vec<String> = tx
            .find::<order::Entity>()
            .select_only()
            .column(order::Column::Reference)
            .filter(order::Column::MerchantId.eq(merchant_id))
            .filter(order::Column::Reference.is_in(chunk.iter().map(String::as_str)))
            .into_tuple()
            .all(tx.conn())
            .await?;
        found.extend(rows);
    }
    Ok(found)
}

async fn by_reference(tx: &TenantTx, merchant_id: Uuid, reference: &str) -> DomainResult<Option<Uuid>> {
    let row = tx
        .find::<order::Entity>()
        .filter(order::Column::MerchantId.eq(merchant_id))
        .filter(order::Column::Reference.eq(reference))
        .one(tx.conn())
        .await?;
    Ok(row.map(|r| r.id))
}

/// The SKU of each line, by id or by the merchant's code: another
/// merchant's SKU is not found; an inactive one takes no orders.
async fn resolve_skus(tx: &TenantTx, merchant_id: Uuid, lines: &[NewLine]) -> DomainResult<Vec<Uuid>> {
    let by_id = skus::facts(tx, lines.iter().filter_map(|l| l.sku_id)).await?;
    let codes: Vec<String> = lines.iter().filter_map(|l| l.sku_code.as_deref().map(|c| c.trim().to_owned())).collect();
    let by_code = skus::facts_by_codes(tx, merchant_id, &codes).await?;
    match_skus(merchant_id, lines, &by_id, &by_code)
}

/// The SKU of each line among those found (`by_id`, and `by_code` of
/// the merchant's codes), or the user errors of the lines whose SKU is
/// not the merchant's or is inactive.
pub(crate) fn match_skus(
    merchant_id: Uuid,
    lines: &[NewLine],
    by_id: &HashMap<Uuid, SkuFacts>,
    by_code: &HashMap<String, SkuFacts>,
) -> DomainResult<Vec<Uuid>> {
    let mut errors = UserErrors::default();
    let mut ids = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let position = i.to_string();
        let (found, field) = match (line.sku_id, line.sku_code.as_deref()) {
            (Some(id), _) => (by_id.get(&id).filter(|s| s.merchant_id == merchant_id), "skuId"),
            (None, Some(code)) => (by_code.get(code.trim()), "skuCode"),
            (None, None) => (None, "skuId"),
        };
        match found {
            None => errors.push_at(&["lines", &position, field], UserErrorCode::NotFound, messages::sku_not_found()),
            Some(sku) if sku.status != SkuStatus::Active => {
                errors.push_at(&["lines", &position, field], UserErrorCode::Invalid, messages::sku_inactive(&sku.code))
            }
            Some(sku) => ids.push(sku.id),
        }
    }
    errors.finish()?;
    Ok(ids)
}

/// Cancels an order before it ships, giving back every unit reserved for
/// it (units already picked go back into the bins they came from); a
/// shipped, delivered or cancelled order is refused.
pub async fn cancel(tx: &mut TenantTx, id: Uuid, reason: Option<String>) -> DomainResult<Order> {
    tx.ctx().require(Permission::OrdersWrite)?;
    // Locked: a pick, pack or ship of this order waits, then sees it cancelled.
    let Some(row) = tx.find_by_id::<order::Entity>(id).lock_exclusive().one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    let status = OrderStatus::parse(&row.status).unwrap_or(OrderStatus::Exception);
    if !status.cancellable() {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::not_cancellable(status.as_str())));
    }
    // Picked units go back to their bins; their reservation was used up
    // by the pick, so only the rest of each reservation is released.
    let picked = crate::fulfilment::picking::put_back(tx, &row).await?;
    let held = tx
        .find::<order_allocation::Entity>()
        .filter(order_allocation::Column::OrderId.eq(id))
        .filter(order_allocation::Column::ReleasedAt.is_null())
        .all(tx.conn())
        .await?;
    let sku_of = line_skus(tx, id).await?;
    let mut unpicked: std::collections::BTreeMap<(Uuid, Uuid), i64> = std::collections::BTreeMap::new();
    for a in &held {
        *unpicked.entry((a.line_id, a.warehouse_id)).or_default() += a.quantity;
    }
    for (key, units) in &picked {
        if let Some(held) = unpicked.get_mut(key) {
            *held -= units;
        }
    }
    let entries: Vec<Entry> = unpicked
        .iter()
        .filter(|(_, units)| **units > 0)
        .filter_map(|((line_id, warehouse_id), units)| {
            Some(Entry {
                key: StockKey {
                    sku_id: *sku_of.get(line_id)?,
                    warehouse_id: *warehouse_id,
                    merchant_id: row.merchant_id,
                },
                kind: MovementKind::Release,
                effect: Effect::Reserved(-units),
                reason: Some("cancelled".to_owned()),
            })
        })
        .collect();
    if !entries.is_empty() {
        let reference = Reference { kind: ORDER.name(), id: id.to_string() };
        ledger::post(tx, &entries, Some(&reference), reason.as_deref())
            .await
            .map_err(|e| DomainError::Internal(format!("releasing a reservation was refused: {e}")))?;
    }
    if !held.is_empty() {
        tx.update_many::<order_allocation::Entity>()
            .col_expr(order_allocation::Column::ReleasedAt, Expr::value(clock::now()))
            .filter(order_allocation::Column::OrderId.eq(id))
            .filter(order_allocation::Column::ReleasedAt.is_null())
            .exec(tx.conn())
            .await?;
    }
    set_status(tx, id, OrderStatus::Cancelled).await?;
    record(tx, &row, OrderStatus::Cancelled, OrderEventKind::Cancelled, reason.clone()).await?;
    let change = Change::of("order.cancel", ORDER, id).before(json!({"status": status.as_str()})).after(
        json!({"status": "cancelled", "reason": reason, "released": unpicked.values().filter(|u| **u > 0).sum::<i64>(),
               "putBack": picked.values().sum::<i64>()}),
    );
    audit::record(tx, change).await?;
    read::read_one(tx, id).await?.ok_or_else(|| DomainError::Internal("order vanished".into()))
}

async fn line_skus(tx: &TenantTx, order_id: Uuid) -> DomainResult<std::collections::HashMap<Uuid, Uuid>> {
    let lines = tx.find::<order_line::Entity>().filter(order_line::Column::OrderId.eq(order_id)).all(tx.conn()).await?;
    Ok(lines.into_iter().map(|l| (l.id, l.sku_id)).collect())
}
