//! Receiving a shipment at the dock: scanning units in (each scan a
//! posting of the ledger: units on hand at a receiving location, or at the
//! warehouse's damaged location, and as many fewer incoming as were still
//! expected), putting them away to storage, and closing the shipment, which
//! settles what was short and withdraws what never came. Warehouse staff
//! only (`inventory:write`).

use serde_json::json;
use uuid::Uuid;

use super::INBOUND_SHIPMENT;
use super::messages;
use super::shipments::{self, InboundLine, InboundShipment, ShipmentStatus};
use crate::catalog::barcodes;
use crate::catalog::skus;
use crate::inventory::ledger::{self, Effect, Entry};
use crate::inventory::locations::LocationType;
use crate::inventory::placement::{self, Place};
use crate::inventory::quantities::MovementKind;
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::tenancy::TenantTx;

/// Units of one line scanned in.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub shipment_id: Uuid,
    /// What the scanner read: a barcode of the SKU or its code.
    pub barcode: Option<String>,
    /// The SKU, when chosen rather than scanned.
    pub sku_id: Option<Uuid>,
    /// Units, above zero.
    pub quantity: i64,
    /// Damaged units go to the warehouse's first active DAMAGED location.
    pub damaged: bool,
    /// A RECEIVING location of the shipment's warehouse; its first active
    /// one by code when not given.
    pub location_id: Option<Uuid>,
}

/// Units of one line moved on from the receiving location to storage.
#[derive(Debug, Clone)]
pub struct Putaway {
    pub shipment_id: Uuid,
    pub line_id: Option<Uuid>,
    pub sku_id: Option<Uuid>,
    /// Units, above zero, at most the line's units awaiting putaway.
    pub quantity: i64,
    pub to_location_id: Uuid,
}

/// A shipment after a change to one of its lines.
#[derive(Debug, Clone)]
pub struct LineChange {
    pub shipment: InboundShipment,
    pub line_id: Uuid,
}

fn positive(quantity: i64, errors: &mut UserErrors) {
    if quantity <= 0 {
        errors.push("quantity", UserErrorCode::Invalid, messages::quantity_positive());
    }
}

/// Refuses a shipment that takes no more receipts.
fn open(shipment: &InboundShipment) -> DomainResult<()> {
    if shipment.status.open() {
        return Ok(());
    }
    Err(DomainError::user("shipmentId", UserErrorCode::Invalid, messages::not_open(shipment.status.as_str())))
}

/// The line of one of `skus` to count against: the first still expecting
/// units (`wanted`), else the first of them.
fn line_of<'a>(
    shipment: &'a InboundShipment,
    skus: &[Uuid],
    wanted: impl Fn(&InboundLine) -> bool,
) -> Option<&'a InboundLine> {
    let mut lines = shipment.lines.iter().filter(|l| skus.contains(&l.sku_id));
    let first = lines.clone().next();
    lines.find(|l| wanted(l)).or(first)
}

/// Where received units go: the damaged location, or the receiving
/// location named (or the first one), checked to be the shipment's.
async fn receiving_place(tx: &TenantTx, shipment: &InboundShipment, input: &Receipt) -> DomainResult<Place> {
    let warehouse = shipment.warehouse_id;
    if input.damaged {
        return placement::first_of(tx, warehouse, LocationType::Damaged)
            .await?
            .ok_or_else(|| DomainError::user("damaged", UserErrorCode::Invalid, messages::no_damaged_location()));
    }
    let Some(id) = input.location_id else {
        return placement::first_of(tx, warehouse, LocationType::Receiving)
            .await?
            .ok_or_else(|| DomainError::user("locationId", UserErrorCode::Invalid, messages::no_receiving_location()));
    };
    let place = placement::place(tx, id).await?.ok_or_else(|| DomainError::not_found("locationId"))?;
    if place.warehouse_id != warehouse || place.kind != LocationType::Receiving || !place.active {
        let message = messages::not_receiving_location(&place.code);
        return Err(DomainError::user("locationId", UserErrorCode::Invalid, message));
    }
    Ok(place)
}

/// Counts units of one line in, by scan or by SKU. A scan of something not
/// on the shipment is refused, naming it, and changes nothing. Units beyond
/// those expected are taken (the line shows OVER); only units still
/// expected leave `incoming`.
pub async fn receive(tx: &mut TenantTx, input: Receipt) -> DomainResult<LineChange> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let mut errors = UserErrors::default();
    let barcode = input.barcode.as_deref().map(str::trim).filter(|b| !b.is_empty());
    if barcode.is_some() == input.sku_id.is_some() {
        errors.push("barcode", UserErrorCode::Invalid, messages::scan_or_sku());
    }
    positive(input.quantity, &mut errors);
    errors.finish()?;
    let mut shipment = shipments::lock(tx, input.shipment_id, "shipmentId").await?;
    open(&shipment)?;
    let (skus, field, scanned) = match (barcode, input.sku_id) {
        (Some(text), _) => (barcodes::scan(tx, shipment.merchant_id, text).await?, "barcode", text.to_owned()),
        (None, Some(id)) => {
            let code = skus::facts(tx, [id]).await?.remove(&id).map_or_else(|| id.to_string(), |s| s.code);
            (vec![id], "skuId", code)
        }
        (None, None) => return Err(DomainError::internal("a scan or a SKU was checked above")),
    };
    let Some(line) = line_of(&shipment, &skus, |l| l.outstanding() > 0).cloned() else {
        return Err(DomainError::user(field, UserErrorCode::NotFound, messages::not_on_shipment(&scanned)));
    };
    let place = receiving_place(tx, &shipment, &input).await?;

    let key = line.key(shipment.warehouse_id);
    let into = Effect::IntoBin {
        location_id: place.id,
        lot: line.lot.clone(),
        received_on: None,
        expires_on: line.expires_on,
        quantity: input.quantity,
    };
    let mut entries = vec![Entry { key, kind: MovementKind::Receipt, effect: into, reason: None }];
    let arrived = input.quantity.min(line.outstanding());
    if arrived > 0 {
        entries.push(Entry { key, kind: MovementKind::Receipt, effect: Effect::Incoming(-arrived), reason: None });
    }
    ledger::post(tx, &entries, Some(&shipment.reference()), None).await.map_err(|e| e.at("quantity", "locationId"))?;

    let before = line.audit_view();
    let mut counted = line;
    counted.received += input.quantity;
    if input.damaged {
        counted.damaged += input.quantity;
    } else {
        counted.receiving_location_id = Some(place.id);
    }
    shipments::save_line(tx, &counted).await?;
    if shipment.status == ShipmentStatus::InTransit {
        let now = clock::now();
        shipments::save_status(tx, shipment.id, ShipmentStatus::Receiving, now).await?;
        shipment.status = ShipmentStatus::Receiving;
        shipment.arrived_at = Some(now);
    }
    let after = json!({"line": counted.audit_view(), "scanned": scanned, "quantity": input.quantity,
                       "damaged": input.damaged, "location": place.code});
    let change = Change::of("inbound.receive", INBOUND_SHIPMENT, shipment.id).before(before).after(after);
    audit::record(tx, change).await?;
    Ok(replace_line(shipment, counted))
}

fn replace_line(mut shipment: InboundShipment, line: InboundLine) -> LineChange {
    let line_id = line.id;
    if let Some(slot) = shipment.lines.iter_mut().find(|l| l.id == line_id) {
        *slot = line;
    }
    LineChange { shipment, line_id }
}

/// Moves good units of a line from where they were received to a storage
/// location of the warehouse (PUTAWAY in the ledger), at most those
/// awaiting putaway.
pub async fn put_away(tx: &mut TenantTx, input: Putaway) -> DomainResult<LineChange> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let mut errors = UserErrors::default();
    if input.line_id.is_some() == input.sku_id.is_some() {
        errors.push("lineId", UserErrorCode::Invalid, messages::line_or_sku());
    }
    positive(input.quantity, &mut errors);
    errors.finish()?;
    let shipment = shipments::lock(tx, input.shipment_id, "shipmentId").await?;
    let found = match (input.line_id, input.sku_id) {
        (Some(id), _) => shipment.lines.iter().find(|l| l.id == id).ok_or_else(|| DomainError::not_found("lineId")),
        (None, Some(sku)) => {
            line_of(&shipment, &[sku], |l| l.awaiting_putaway() > 0).ok_or_else(|| DomainError::not_found("skuId"))
        }
        (None, None) => Err(DomainError::internal("a line or a SKU was checked above")),
    };
    let line = found?.clone();
    let awaiting = line.awaiting_putaway();
    let from = match line.receiving_location_id {
        Some(from) if input.quantity <= awaiting => from,
        _ => {
            let message = messages::putaway_exceeds(awaiting, input.quantity);
            return Err(DomainError::user("quantity", UserErrorCode::Invalid, message));
        }
    };
    let to = placement::place(tx, input.to_location_id).await?.ok_or_else(|| DomainError::not_found("toLocationId"))?;
    if to.warehouse_id != shipment.warehouse_id {
        return Err(DomainError::user("toLocationId", UserErrorCode::Invalid, messages::other_warehouse()));
    }
    if matches!(to.kind, LocationType::Receiving | LocationType::Damaged) {
        return Err(DomainError::user("toLocationId", UserErrorCode::Invalid, messages::putaway_target(&to.code)));
    }
    let effect =
        Effect::MoveBin { from, to: to.id, lot: line.lot.clone(), received_on: None, quantity: input.quantity };
    let entry = Entry { key: line.key(shipment.warehouse_id), kind: MovementKind::Putaway, effect, reason: None };
    ledger::post(tx, &[entry], Some(&shipment.reference()), None)
        .await
        .map_err(|e| e.at("quantity", "toLocationId"))?;

    let before = line.audit_view();
    let mut moved = line;
    moved.put_away += input.quantity;
    shipments::save_line(tx, &moved).await?;
    let after = json!({"line": moved.audit_view(), "quantity": input.quantity, "to": to.code});
    let change = Change::of("inbound.putaway", INBOUND_SHIPMENT, shipment.id).before(before).after(after);
    audit::record(tx, change).await?;
    Ok(replace_line(shipment, moved))
}

/// Closes a shipment as RECEIVED: each line's discrepancy is settled by
/// its counts, and what was expected but never came is no longer incoming.
pub async fn close(tx: &mut TenantTx, id: Uuid) -> DomainResult<InboundShipment> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let shipment = shipments::lock(tx, id, "id").await?;
    if !shipment.status.open() {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::not_open(shipment.status.as_str())));
    }
    let before = shipment.audit_view();
    let shipment = shipments::finish(tx, shipment, ShipmentStatus::Received).await?;
    let discrepancies: Vec<&str> = shipment.lines.iter().map(|l| l.discrepancy().as_str()).collect();
    let after = json!({"shipment": shipment.audit_view(), "discrepancies": discrepancies});
    audit::record(tx, Change::of("inbound.close", INBOUND_SHIPMENT, id).before(before).after(after)).await?;
    Ok(shipment)
}

/// Where to put away the line's units ([`placement::suggest_putaway`]);
/// none for a caller who cannot put away (who also cannot see every
/// merchant's bins, so could not be told which are empty).
pub async fn suggested_location(tx: &TenantTx, warehouse_id: Uuid, sku_id: Uuid) -> DomainResult<Option<Uuid>> {
    if !tx.ctx().can(Permission::InventoryWrite) {
        return Ok(None);
    }
    Ok(placement::suggest_putaway(tx, warehouse_id, sku_id).await?.map(|p| p.id))
}
