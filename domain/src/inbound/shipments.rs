//! Inbound shipments and their lines: announcing one (which raises the
//! `incoming` stock of each line's SKU in the destination warehouse),
//! cancelling one that nothing was received of (which withdraws it), and
//! reading them with their progress.
//!
//! A shipment moves IN_TRANSIT (announced) → RECEIVING (the first unit
//! scanned in) → RECEIVED (closed by the warehouse), or IN_TRANSIT →
//! CANCELLED. Receiving, putaway and closing are in [`super::receiving`].

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Select,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::{inbound_line, inbound_shipment};
use super::{INBOUND_SHIPMENT, messages};
use crate::catalog::merchants;
use crate::catalog::skus::{self, SkuFacts};
use crate::inventory::ledger::{self, Effect, Entry, Reference};
use crate::inventory::placement;
use crate::inventory::quantities::{MovementKind, StockKey};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

/// Most lines one shipment may have.
pub const MAX_LINES: usize = 500;
/// Most characters of a reference, a container or waybill number.
const REFERENCE_MAX: usize = 64;
const CARRIER_MAX: usize = 100;
const LOT_MAX: usize = 64;
const NOTE_MAX: usize = 500;

string_enum!(
    /// How the goods travel the first leg: SEA (a container), AIR (an air
    /// waybill), RAIL (China–Europe trains, a container), TRUCK, EXPRESS (a
    /// courier's waybill).
    FirstLegMode {
        Sea = "sea",
        Air = "air",
        Rail = "rail",
        Truck = "truck",
        Express = "express",
    }
);

string_enum!(
    /// Where a shipment is: IN_TRANSIT (announced, its units incoming),
    /// RECEIVING (units are being scanned in), RECEIVED (closed: what was
    /// not received is no longer expected), CANCELLED (withdrawn before
    /// anything was received).
    ShipmentStatus as "InboundShipmentStatus" {
        InTransit = "in_transit",
        Receiving = "receiving",
        Received = "received",
        Cancelled = "cancelled",
    }
);

string_enum!(
    /// How a line's count differs from what was announced: SHORT (fewer
    /// units received than expected; until the shipment is closed, not all
    /// have arrived yet), OVER (more), DAMAGED (as many, some damaged), NONE.
    Discrepancy as "InboundDiscrepancy" {
        None = "none",
        Short = "short",
        Over = "over",
        Damaged = "damaged",
    }
);

impl ShipmentStatus {
    /// Whether units may still be received.
    pub fn open(self) -> bool {
        matches!(self, ShipmentStatus::InTransit | ShipmentStatus::Receiving)
    }
}

/// One SKU (and lot) of a shipment, counted in units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboundLine {
    pub id: Uuid,
    pub shipment_id: Uuid,
    pub merchant_id: Uuid,
    pub sku_id: Uuid,
    /// `None` for a SKU whose lots are not tracked.
    pub lot: Option<String>,
    pub expires_on: Option<NaiveDate>,
    pub expected: i64,
    /// Every unit scanned in, damaged ones included.
    pub received: i64,
    /// The part of `received` that went to the damaged location.
    pub damaged: i64,
    /// Good units moved on from the receiving location to storage.
    pub put_away: i64,
    /// Where the line's good units were last received.
    pub receiving_location_id: Option<Uuid>,
}

impl InboundLine {
    /// Good units still at the receiving location.
    pub fn awaiting_putaway(&self) -> i64 {
        self.received - self.damaged - self.put_away
    }

    /// Units announced and not (yet) received.
    pub fn outstanding(&self) -> i64 {
        (self.expected - self.received).max(0)
    }

    /// Units received beyond those announced.
    pub fn over(&self) -> i64 {
        (self.received - self.expected).max(0)
    }

    /// SHORT, OVER, DAMAGED or NONE, in that order of precedence: a line
    /// both short and damaged is SHORT (its `damaged` count says the rest).
    pub fn discrepancy(&self) -> Discrepancy {
        match () {
            _ if self.received < self.expected => Discrepancy::Short,
            _ if self.received > self.expected => Discrepancy::Over,
            _ if self.damaged > 0 => Discrepancy::Damaged,
            _ => Discrepancy::None,
        }
    }

    pub(super) fn key(&self, warehouse_id: Uuid) -> StockKey {
        StockKey { sku_id: self.sku_id, warehouse_id, merchant_id: self.merchant_id }
    }

    pub(super) fn audit_view(&self) -> serde_json::Value {
        json!({"expected": self.expected, "received": self.received, "damaged": self.damaged, "putAway": self.put_away})
    }
}

impl From<inbound_line::Model> for InboundLine {
    fn from(m: inbound_line::Model) -> Self {
        Self {
            id: m.id,
            shipment_id: m.shipment_id,
            merchant_id: m.merchant_id,
            sku_id: m.sku_id,
            lot: (!m.lot.is_empty()).then_some(m.lot),
            expires_on: m.expires_on,
            expected: m.expected,
            received: m.received,
            damaged: m.damaged,
            put_away: m.put_away,
            receiving_location_id: m.receiving_location_id,
        }
    }
}

/// An advance shipping notice with its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboundShipment {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub warehouse_id: Uuid,
    /// The merchant's own, unique per merchant.
    pub reference: String,
    pub mode: FirstLegMode,
    /// ISO 6346 container number (SEA, RAIL), as given, upper case.
    pub container_number: Option<String>,
    /// Bill of lading, air waybill or courier tracking number.
    pub waybill_number: Option<String>,
    pub carrier_name: Option<String>,
    /// Expected arrival, a date in the warehouse's time zone.
    pub eta: Option<NaiveDate>,
    pub cartons: Option<i32>,
    pub note: Option<String>,
    pub status: ShipmentStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub arrived_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// In the order they were announced.
    pub lines: Vec<InboundLine>,
}

impl InboundShipment {
    fn of(m: inbound_shipment::Model, lines: Vec<InboundLine>) -> DomainResult<Self> {
        let unknown = |what: &str, text: &str| DomainError::Internal(format!("stored {what} `{text}` is unknown"));
        Ok(Self {
            id: m.id,
            merchant_id: m.merchant_id,
            warehouse_id: m.warehouse_id,
            reference: m.reference,
            mode: FirstLegMode::parse(&m.mode).ok_or_else(|| unknown("mode", &m.mode))?,
            container_number: m.container_number,
            waybill_number: m.waybill_number,
            carrier_name: m.carrier_name,
            eta: m.eta,
            cartons: m.cartons,
            note: m.note,
            status: ShipmentStatus::parse(&m.status).ok_or_else(|| unknown("status", &m.status))?,
            created_at: m.created_at,
            updated_at: m.updated_at,
            arrived_at: m.arrived_at,
            closed_at: m.closed_at,
            lines,
        })
    }

    pub fn expected_units(&self) -> i64 {
        self.lines.iter().map(|l| l.expected).sum()
    }

    pub fn received_units(&self) -> i64 {
        self.lines.iter().map(|l| l.received).sum()
    }

    pub fn damaged_units(&self) -> i64 {
        self.lines.iter().map(|l| l.damaged).sum()
    }

    pub fn put_away_units(&self) -> i64 {
        self.lines.iter().map(|l| l.put_away).sum()
    }

    /// What the ledger's movements of this shipment refer to.
    pub(super) fn reference(&self) -> Reference {
        Reference { kind: INBOUND_SHIPMENT.name(), id: self.id.to_string() }
    }

    pub(super) fn audit_view(&self) -> serde_json::Value {
        json!({
            "reference": self.reference,
            "status": self.status.as_str(),
            "expected": self.expected_units(),
            "received": self.received_units(),
            "damaged": self.damaged_units(),
            "putAway": self.put_away_units(),
        })
    }
}

/// One line of a shipment to announce.
#[derive(Debug, Clone, Serialize)]
pub struct NewLine {
    pub sku_id: Uuid,
    /// Units, above zero.
    pub expected: i64,
    /// Required for a SKU whose lots are tracked, refused otherwise.
    pub lot: Option<String>,
    /// Required for a SKU whose expiry is tracked, refused otherwise.
    pub expires_on: Option<NaiveDate>,
}

/// A shipment to announce; every field is checked and all faults reported.
#[derive(Debug, Clone, Serialize)]
pub struct NewShipment {
    /// The merchant whose goods these are; a merchant-bound caller's own
    /// when not given.
    pub merchant_id: Option<Uuid>,
    pub warehouse_id: Uuid,
    pub reference: String,
    pub mode: FirstLegMode,
    pub container_number: Option<String>,
    pub waybill_number: Option<String>,
    pub carrier_name: Option<String>,
    pub eta: Option<NaiveDate>,
    pub cartons: Option<i32>,
    pub note: Option<String>,
    pub lines: Vec<NewLine>,
}

/// Trimmed text, `None` when empty, refused on `field` beyond `max` characters.
fn optional_text(field: &str, given: Option<&str>, max: usize, errors: &mut UserErrors) -> Option<String> {
    let text = given.map(str::trim).filter(|t| !t.is_empty())?;
    if text.chars().count() > max {
        errors.push(field, UserErrorCode::Invalid, messages::too_long(max));
    }
    Some(text.to_owned())
}

/// Checks one line against its SKU (lot and expiry as the SKU tracks them).
fn check_line(i: usize, line: &NewLine, sku: &SkuFacts, errors: &mut UserErrors) -> (String, Option<NaiveDate>) {
    let position = i.to_string();
    let at = |field: &'static str| ["lines", position.as_str(), field];
    if line.expected <= 0 {
        errors.push_at(&at("expected"), UserErrorCode::Invalid, messages::quantity_positive());
    }
    let lot = line.lot.as_deref().map(str::trim).filter(|l| !l.is_empty());
    match lot {
        None if sku.lot_tracked => {
            errors.push_at(&at("lot"), UserErrorCode::Invalid, messages::lot_required(&sku.code))
        }
        Some(_) if !sku.lot_tracked => {
            errors.push_at(&at("lot"), UserErrorCode::Invalid, messages::lot_not_tracked(&sku.code));
        }
        Some(l) if l.chars().count() > LOT_MAX => {
            errors.push_at(&at("lot"), UserErrorCode::Invalid, messages::too_long(LOT_MAX));
        }
        _ => {}
    }
    match line.expires_on {
        None if sku.expiry_tracked => {
            errors.push_at(&at("expiresOn"), UserErrorCode::Invalid, messages::expiry_required(&sku.code));
        }
        Some(_) if !sku.expiry_tracked => {
            errors.push_at(&at("expiresOn"), UserErrorCode::Invalid, messages::expiry_not_tracked(&sku.code));
        }
        _ => {}
    }
    (lot.unwrap_or_default().to_owned(), line.expires_on)
}

/// The shipment's merchant: the one named, or a merchant-bound caller's
/// own; another merchant than the caller's is not found.
async fn merchant_of(tx: &TenantTx, named: Option<Uuid>) -> DomainResult<Uuid> {
    let bound = tx.ctx().merchant_id;
    let Some(id) = named.or(bound) else {
        return Err(DomainError::user("merchantId", UserErrorCode::Invalid, messages::merchant_required()));
    };
    if bound.is_some_and(|own| own != id) || !merchants::exists(tx, id).await? {
        return Err(DomainError::not_found("merchantId"));
    }
    Ok(id)
}

/// Announces a shipment: its lines' units become `incoming` in the
/// destination warehouse. A retry with the same idempotency key returns it.
pub async fn create(
    tx: &mut TenantTx,
    input: NewShipment,
    key: Option<&IdempotencyKey>,
) -> DomainResult<InboundShipment> {
    let request = input.clone();
    idempotency::once(tx, key, "inboundCreate", &request, async |tx| create_now(tx, input).await).await
}

async fn create_now(tx: &mut TenantTx, input: NewShipment) -> DomainResult<InboundShipment> {
    tx.ctx().require(Permission::InboundWrite)?;
    let merchant_id = merchant_of(tx, input.merchant_id).await?;
    let mut errors = UserErrors::default();
    let reference = input.reference.trim().to_owned();
    if reference.is_empty() || reference.chars().count() > REFERENCE_MAX {
        errors.push("reference", UserErrorCode::Invalid, messages::reference_format(REFERENCE_MAX));
    }
    let container = optional_text("containerNumber", input.container_number.as_deref(), REFERENCE_MAX, &mut errors)
        .map(|c| c.to_uppercase());
    let waybill = optional_text("waybillNumber", input.waybill_number.as_deref(), REFERENCE_MAX, &mut errors);
    let carrier = optional_text("carrierName", input.carrier_name.as_deref(), CARRIER_MAX, &mut errors);
    let note = optional_text("note", input.note.as_deref(), NOTE_MAX, &mut errors);
    if input.cartons.is_some_and(|c| c < 0) {
        errors.push("cartons", UserErrorCode::Invalid, messages::not_negative());
    }
    if input.lines.is_empty() || input.lines.len() > MAX_LINES {
        errors.push("lines", UserErrorCode::Invalid, messages::lines_count(MAX_LINES));
    }
    let warehouse = placement::warehouse(tx, input.warehouse_id).await?;
    match &warehouse {
        None => errors.push("warehouseId", UserErrorCode::NotFound, crate::platform::messages::not_found()),
        Some(w) if !w.active => {
            errors.push("warehouseId", UserErrorCode::Invalid, messages::warehouse_inactive(&w.code));
        }
        Some(_) => {}
    }
    // Another merchant's SKU is not found: owner scoping hides it from a
    // merchant, and the merchant check below from everyone else.
    let skus = skus::facts(tx, input.lines.iter().map(|l| l.sku_id)).await?;
    let mut seen = HashSet::new();
    let mut lines = Vec::with_capacity(input.lines.len());
    for (i, line) in input.lines.iter().enumerate() {
        let position = i.to_string();
        let Some(sku) = skus.get(&line.sku_id).filter(|s| s.merchant_id == merchant_id) else {
            let path = ["lines", position.as_str(), "skuId"];
            errors.push_at(&path, UserErrorCode::NotFound, crate::platform::messages::not_found());
            continue;
        };
        let (lot, expires_on) = check_line(i, line, sku, &mut errors);
        if !seen.insert((sku.id, lot.clone())) {
            errors.push_at(
                &["lines", position.as_str(), "skuId"],
                UserErrorCode::Invalid,
                messages::line_twice(&sku.code),
            );
        }
        lines.push(inbound_line::Model {
            tenant_id: tx.tenant_id(),
            id: new_id(),
            merchant_id,
            shipment_id: Uuid::nil(),
            sku_id: sku.id,
            lot,
            expires_on,
            expected: line.expected,
            received: 0,
            damaged: 0,
            put_away: 0,
            receiving_location_id: None,
        });
    }
    errors.finish()?;
    let warehouse = warehouse.ok_or_else(|| DomainError::internal("warehouse checked above"))?;

    let now = clock::now();
    let row = inbound_shipment::Model {
        tenant_id: tx.tenant_id(),
        id: new_id(),
        merchant_id,
        warehouse_id: warehouse.id,
        reference: reference.clone(),
        mode: input.mode.as_str().to_owned(),
        container_number: container,
        waybill_number: waybill,
        carrier_name: carrier,
        eta: input.eta,
        cartons: input.cartons,
        note,
        status: ShipmentStatus::InTransit.as_str().to_owned(),
        created_at: now,
        updated_at: now,
        arrived_at: None,
        closed_at: None,
    };
    let unique =
        [inbound_shipment::Column::TenantId, inbound_shipment::Column::MerchantId, inbound_shipment::Column::Reference];
    if !tx.insert_unless_exists(row.clone().into_active_model().reset_all(), unique).await? {
        return Err(DomainError::user("reference", UserErrorCode::Taken, messages::reference_taken(&reference)));
    }
    for line in &mut lines {
        line.shipment_id = row.id;
    }
    tx.insert_many(lines.iter().map(|l| l.clone().into_active_model().reset_all()).collect()).await?;
    let shipment = InboundShipment::of(row, lines.into_iter().map(InboundLine::from).collect())?;

    let entries: Vec<Entry> = shipment
        .lines
        .iter()
        .map(|line| Entry {
            key: line.key(shipment.warehouse_id),
            kind: MovementKind::Expected,
            effect: Effect::Incoming(line.expected),
            reason: None,
        })
        .collect();
    ledger::post(tx, &entries, Some(&shipment.reference()), None).await.map_err(|e| e.at("lines", "warehouseId"))?;
    let after = json!({"shipment": shipment.audit_view(), "warehouse": warehouse.code, "mode": shipment.mode.as_str()});
    audit::record(tx, Change::of("inbound.create", INBOUND_SHIPMENT, shipment.id).after(after)).await?;
    Ok(shipment)
}

/// Cancels a shipment nothing was received of; what it announced is no
/// longer incoming.
pub async fn cancel(tx: &mut TenantTx, id: Uuid) -> DomainResult<InboundShipment> {
    tx.ctx().require(Permission::InboundWrite)?;
    let shipment = lock(tx, id, "id").await?;
    if !shipment.status.open() {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::not_open(shipment.status.as_str())));
    }
    let received = shipment.received_units();
    if received > 0 {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::received_already(received)));
    }
    let before = shipment.audit_view();
    let shipment = finish(tx, shipment, ShipmentStatus::Cancelled).await?;
    let change = Change::of("inbound.cancel", INBOUND_SHIPMENT, id).before(before).after(shipment.audit_view());
    audit::record(tx, change).await?;
    Ok(shipment)
}

/// Ends a shipment as `status` (closed or cancelled): what is still
/// outstanding of each line is withdrawn from `incoming`.
pub(super) async fn finish(
    tx: &mut TenantTx,
    mut shipment: InboundShipment,
    status: ShipmentStatus,
) -> DomainResult<InboundShipment> {
    let entries: Vec<Entry> = shipment
        .lines
        .iter()
        .filter(|line| line.outstanding() > 0)
        .map(|line| Entry {
            key: line.key(shipment.warehouse_id),
            kind: MovementKind::Expected,
            effect: Effect::Incoming(-line.outstanding()),
            reason: None,
        })
        .collect();
    if !entries.is_empty() {
        ledger::post(tx, &entries, Some(&shipment.reference()), None).await.map_err(|e| e.at("id", "id"))?;
    }
    let now = clock::now();
    save_status(tx, shipment.id, status, now).await?;
    shipment.status = status;
    shipment.closed_at = Some(now);
    shipment.updated_at = now;
    Ok(shipment)
}

/// Stores a shipment's new status (and, for an ended one, when it ended).
pub(super) async fn save_status(
    tx: &TenantTx,
    id: Uuid,
    status: ShipmentStatus,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    use inbound_shipment::Column as C;
    let mut update = tx
        .update_many::<inbound_shipment::Entity>()
        .col_expr(C::Status, Expr::value(status.as_str()))
        .col_expr(C::UpdatedAt, Expr::value(now));
    update = match status {
        ShipmentStatus::Receiving => update.col_expr(C::ArrivedAt, Expr::value(now)),
        ShipmentStatus::Received | ShipmentStatus::Cancelled => update.col_expr(C::ClosedAt, Expr::value(now)),
        ShipmentStatus::InTransit => update,
    };
    update.filter(C::Id.eq(id)).exec(tx.conn()).await?;
    Ok(())
}

/// The shipment `id` with its lines, locked for this transaction (`FOR
/// UPDATE` on PostgreSQL) so two scans of one shipment count one after
/// the other; `NOT_FOUND` on `field` when this caller cannot see it.
pub(super) async fn lock(tx: &TenantTx, id: Uuid, field: &str) -> DomainResult<InboundShipment> {
    use sea_orm::QuerySelect;
    let row = tx
        .find_by_id::<inbound_shipment::Entity>(id)
        .lock_exclusive()
        .one(tx.conn())
        .await?
        .ok_or_else(|| DomainError::not_found(field))?;
    let mut lines = lines_of(tx, &[id]).await?;
    InboundShipment::of(row, lines.remove(&id).unwrap_or_default())
}

/// The lines of `shipments`, each in the order announced, in one query.
async fn lines_of(tx: &TenantTx, shipments: &[Uuid]) -> DomainResult<HashMap<Uuid, Vec<InboundLine>>> {
    let rows = tx
        .find::<inbound_line::Entity>()
        .filter(inbound_line::Column::ShipmentId.is_in(shipments.iter().copied()))
        .order_by_asc(inbound_line::Column::Id)
        .all(tx.conn())
        .await?;
    let mut by_shipment: HashMap<Uuid, Vec<InboundLine>> = HashMap::new();
    for row in rows {
        by_shipment.entry(row.shipment_id).or_default().push(InboundLine::from(row));
    }
    Ok(by_shipment)
}

/// Which shipments a list covers; each field given narrows it.
#[derive(Debug, Clone, Default)]
pub struct ShipmentFilter {
    pub status: Option<ShipmentStatus>,
    pub merchant_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
    /// A prefix of the reference, container or waybill number.
    pub query: Option<String>,
}

impl ShipmentFilter {
    fn select(&self, tx: &TenantTx) -> Select<inbound_shipment::Entity> {
        use inbound_shipment::Column as C;
        let mut select = tx.find::<inbound_shipment::Entity>();
        if let Some(status) = self.status {
            select = select.filter(C::Status.eq(status.as_str()));
        }
        if let Some(id) = self.merchant_id {
            select = select.filter(C::MerchantId.eq(id));
        }
        if let Some(id) = self.warehouse_id {
            select = select.filter(C::WarehouseId.eq(id));
        }
        if let Some(query) = self.query.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let escaped = query.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            let prefix = |column: C, text: String| column.like(LikeExpr::new(format!("{text}%")).escape('\\'));
            select = select.filter(
                Condition::any()
                    .add(prefix(C::Reference, escaped.clone()))
                    .add(prefix(C::ContainerNumber, escaped.to_uppercase()))
                    .add(prefix(C::WaybillNumber, escaped)),
            );
        }
        select
    }
}

/// Shipments, newest first, with their lines; a merchant sees its own only.
pub async fn list(
    tx: &TenantTx,
    request: &PageRequest,
    filter: &ShipmentFilter,
) -> DomainResult<Page<InboundShipment>> {
    tx.ctx().require(Permission::InboundRead)?;
    let page = paging::fetch(tx, filter.select(tx), Order::NewestFirst, request).await?;
    let ids: Vec<Uuid> = page.items.iter().map(|(id, _)| *id).collect();
    let mut lines = lines_of(tx, &ids).await?;
    page.try_map(|row| {
        let id = row.id;
        InboundShipment::of(row, lines.remove(&id).unwrap_or_default())
    })
}

pub async fn count(tx: &TenantTx, filter: &ShipmentFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::InboundRead)?;
    Ok(filter.select(tx).count(tx.conn()).await?)
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<InboundShipment>> {
    tx.ctx().require(Permission::InboundRead)?;
    let Some(row) = tx.find_by_id::<inbound_shipment::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    let mut lines = lines_of(tx, &[id]).await?;
    InboundShipment::of(row, lines.remove(&id).unwrap_or_default()).map(Some)
}

/// One line by id.
pub async fn line(tx: &TenantTx, id: Uuid) -> DomainResult<Option<InboundLine>> {
    tx.ctx().require(Permission::InboundRead)?;
    Ok(tx.find_by_id::<inbound_line::Entity>(id).one(tx.conn()).await?.map(InboundLine::from))
}

/// Stores a line's counts.
pub(super) async fn save_line(tx: &TenantTx, line: &InboundLine) -> DomainResult<()> {
    let row = inbound_line::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(line.id),
        merchant_id: Set(line.merchant_id),
        received: Set(line.received),
        damaged: Set(line.damaged),
        put_away: Set(line.put_away),
        receiving_location_id: Set(line.receiving_location_id),
        ..Default::default()
    };
    tx.update(row).await?;
    Ok(())
}
