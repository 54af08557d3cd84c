//! The words of stock: the named quantities of DESIGN.md §4 (as Shopify,
//! ShipHero and ShipBob name them), the kinds of movement the ledger
//! records, and a SKU's level in one warehouse with its `available`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::entities::{bin_stock, stock_level};
use crate::platform::text_enum::string_enum;

string_enum!(
    /// A quantity the ledger moves. `ON_HAND` is counted per bin, lot and
    /// receipt day; the others per SKU and warehouse. A level's `damaged`
    /// and `qualityControl` are not moved on their own: they are the units
    /// on hand in DAMAGED and QUARANTINE locations.
    Quantity as "StockQuantityName" {
        OnHand = "on_hand",
        Reserved = "reserved",
        Incoming = "incoming",
        SafetyStock = "safety_stock",
    }
);

string_enum!(
    /// Why stock moved: RECEIPT (goods arrived), PUTAWAY (from receiving to
    /// storage), MOVE (between locations), DAMAGE (into a damaged
    /// location), PICK (taken for an order), ADJUSTMENT (corrected by
    /// hand, with a reason), COUNT (a cycle count's approved variance),
    /// TRANSFER (between warehouses), RETURN (a customer's return),
    /// ALLOCATION and RELEASE (reserved for an order and given back),
    /// EXPECTED (announced by an inbound shipment: incoming) and
    /// SAFETY_STOCK (held back from sale).
    MovementKind as "StockMovementKind" {
        Receipt = "receipt",
        Putaway = "putaway",
        Move = "move",
        Damage = "damage",
        Pick = "pick",
        Adjustment = "adjustment",
        Count = "count",
        Transfer = "transfer",
        Return = "return",
        Allocation = "allocation",
        Release = "release",
        Expected = "expected",
        SafetyStock = "safety_stock",
    }
);

string_enum!(
    /// Why stock was adjusted by hand (Shopify's reasons, where they fit).
    AdjustmentReason as "StockAdjustmentReason" {
        Correction = "correction",
        Found = "found",
        Lost = "lost",
        Damaged = "damaged",
        Expired = "expired",
        OpeningStock = "opening_stock",
        Other = "other",
    }
);

impl AdjustmentReason {
    /// The direction the reason allows: `Some(true)` adds units (FOUND,
    /// OPENING_STOCK), `Some(false)` takes them (LOST, DAMAGED, EXPIRED),
    /// `None` either (CORRECTION, OTHER).
    pub fn adds(self) -> Option<bool> {
        match self {
            AdjustmentReason::Found | AdjustmentReason::OpeningStock => Some(true),
            AdjustmentReason::Lost | AdjustmentReason::Damaged | AdjustmentReason::Expired => Some(false),
            AdjustmentReason::Correction | AdjustmentReason::Other => None,
        }
    }
}

/// `onHand - reserved - damaged - qualityControl - safetyStock` (DESIGN.md
/// §4): the one place the formula is written.
fn available(on_hand: i64, reserved: i64, damaged: i64, quality_control: i64, safety_stock: i64) -> i64 {
    on_hand - reserved - damaged - quality_control - safety_stock
}

impl stock_level::Model {
    /// What the stored level leaves to sell (see [`StockLevel::available`]).
    pub(super) fn available(&self) -> i64 {
        available(self.on_hand, self.reserved, self.damaged, self.quality_control, self.safety_stock)
    }
}

/// A merchant's SKU in one warehouse: the key of a stock level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StockKey {
    pub sku_id: Uuid,
    pub warehouse_id: Uuid,
    pub merchant_id: Uuid,
}

/// The named quantities of a SKU in a warehouse, in units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockLevel {
    pub id: Uuid,
    pub key: StockKey,
    /// Every unit in the building, damaged and in quality control included.
    pub on_hand: i64,
    /// Held for orders and live sales, not yet picked.
    pub reserved: i64,
    pub damaged: i64,
    pub quality_control: i64,
    /// Held back from sale on purpose.
    pub safety_stock: i64,
    /// Announced by inbound shipments and transfers, not yet received.
    pub incoming: i64,
    pub updated_at: DateTime<Utc>,
}

impl StockLevel {
    /// What can still be sold: `onHand - reserved - damaged -
    /// qualityControl - safetyStock` (DESIGN.md §4); never negative.
    pub fn available(&self) -> i64 {
        available(self.on_hand, self.reserved, self.damaged, self.quality_control, self.safety_stock)
    }

    /// The level of a key that has never had stock.
    pub fn empty(key: StockKey) -> Self {
        Self {
            id: Uuid::nil(),
            key,
            on_hand: 0,
            reserved: 0,
            damaged: 0,
            quality_control: 0,
            safety_stock: 0,
            incoming: 0,
            updated_at: DateTime::<Utc>::MIN_UTC,
        }
    }
}

impl From<stock_level::Model> for StockLevel {
    fn from(m: stock_level::Model) -> Self {
        Self {
            id: m.id,
            key: StockKey { sku_id: m.sku_id, warehouse_id: m.warehouse_id, merchant_id: m.merchant_id },
            on_hand: m.on_hand,
            reserved: m.reserved,
            damaged: m.damaged,
            quality_control: m.quality_control,
            safety_stock: m.safety_stock,
            incoming: m.incoming,
            updated_at: m.updated_at,
        }
    }
}

/// Units of a SKU in one location, of one lot, received on one day: the
/// grain of stock age (库龄).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinStock {
    pub id: Uuid,
    pub key: StockKey,
    pub location_id: Uuid,
    /// `None` for a SKU whose lots are not tracked.
    pub lot: Option<String>,
    /// In the warehouse's time zone.
    pub received_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
    pub on_hand: i64,
}

impl BinStock {
    /// Whole days since receipt on `today` (the warehouse's date).
    pub fn age_days(&self, today: NaiveDate) -> i64 {
        (today - self.received_on).num_days().max(0)
    }
}

impl From<bin_stock::Model> for BinStock {
    fn from(m: bin_stock::Model) -> Self {
        Self {
            id: m.id,
            key: StockKey { sku_id: m.sku_id, warehouse_id: m.warehouse_id, merchant_id: m.merchant_id },
            location_id: m.location_id,
            lot: (!m.lot.is_empty()).then_some(m.lot),
            received_on: m.received_on,
            expires_on: m.expires_on,
            on_hand: m.on_hand,
        }
    }
}
