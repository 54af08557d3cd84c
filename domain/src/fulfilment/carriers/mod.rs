//! Carriers: who takes a package from the warehouse to the recipient. A
//! [`Carrier`] registers a shipment for one package, giving back its
//! tracking number and, where it prints one, its label, and reports the
//! tracking events of a shipment when polled.
//!
//! - [`Manual`]: the operator ships by other means and types the tracking
//!   number; no label, no tracking feed.
//! - [`Simulated`]: a carrier for demos and tests: deterministic tracking
//!   numbers, real labels (PDF or ZPL) and a timeline that advances with
//!   [`clock::now`](crate::platform::clock::now).
//!
//! Real carriers' adapters (they call HTTP APIs) implement the same trait;
//! the trait is async for them. Weights are in grams, sizes in millimetres,
//! times in UTC.

mod label;
mod manual;
mod simulated;

use chrono::{DateTime, Utc};

use crate::catalog::Dimensions;
use crate::inventory::warehouses::Address;
use crate::orders::addresses::ShipTo;
use crate::platform::text_enum::string_enum;

pub use self::manual::Manual;
pub use self::simulated::Simulated;

string_enum!(
    /// A carrier Silkport ships with.
    CarrierCode {
        Manual = "manual",
        Simulated = "simulated",
    }
);

string_enum!(
    /// How fast the package should travel; each carrier maps it to one of
    /// its services.
    ServiceLevel {
        Economy = "economy",
        Standard = "standard",
        Express = "express",
    }
);

string_enum!(
    /// What a label document is: a PDF page of 4 × 6 in (for any printer)
    /// or ZPL II (for Zebra-compatible thermal printers, 203 dpi).
    LabelFormat {
        Pdf = "pdf",
        Zpl = "zpl",
    }
);

string_enum!(
    /// Where a shipment is, as its carrier last reported: EXCEPTION when
    /// it met a problem on the way (address not found, damaged, held by
    /// customs) that a person must look at.
    TrackingStatus {
        LabelCreated = "label_created",
        PickedUp = "picked_up",
        InTransit = "in_transit",
        OutForDelivery = "out_for_delivery",
        Delivered = "delivered",
        Exception = "exception",
    }
);

/// The carrier implementing `code`.
pub fn carrier(code: CarrierCode) -> &'static dyn Carrier {
    match code {
        CarrierCode::Manual => &Manual,
        CarrierCode::Simulated => &Simulated,
    }
}

/// One package as packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Package {
    /// Gross weight, packing included, in grams.
    pub weight_grams: i32,
    /// Outer size, each side in millimetres.
    pub dimensions: Dimensions,
}

/// Where a package leaves from: a warehouse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipFrom {
    /// The warehouse's (or the merchant's, where the label names it) name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub address: Address,
}

/// A package to register with a carrier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentRequest {
    /// Ours for the package (its order's reference and package number); a
    /// carrier that can, makes a retry with the same reference the same
    /// shipment.
    pub reference: String,
    pub ship_from: ShipFrom,
    /// Checked by [`crate::orders::addresses::validate`].
    pub ship_to: ShipTo,
    pub package: Package,
    pub service: ServiceLevel,
    /// What the warehouse's printer takes.
    pub label_format: LabelFormat,
    /// The tracking number the operator typed, for [`Manual`].
    pub tracking_number: Option<String>,
}

/// A label to print and stick on the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelDocument {
    pub format: LabelFormat,
    /// The PDF file, or the ZPL program as UTF-8 text.
    pub bytes: Vec<u8>,
}

/// A package registered with a carrier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shipment {
    pub carrier: CarrierCode,
    pub tracking_number: String,
    pub service: ServiceLevel,
    /// None when the carrier prints none (manual shipping); not needed to
    /// track the shipment.
    pub label: Option<LabelDocument>,
    /// When the carrier registered it (UTC).
    pub created_at: DateTime<Utc>,
}

/// One thing that happened to a shipment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackingEvent {
    pub status: TrackingStatus,
    /// When it happened (UTC).
    pub at: DateTime<Utc>,
}

/// Why a carrier refused or failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CarrierError {
    /// Manual shipping needs the tracking number the operator typed.
    #[error("a tracking number is required")]
    TrackingNumberMissing,
    /// Not 4 to 40 visible ASCII characters.
    #[error("tracking number `{0}` is not 4 to 40 visible characters")]
    TrackingNumberInvalid(String),
    /// The carrier knows no shipment by this number.
    #[error("no shipment has tracking number `{0}`")]
    UnknownTrackingNumber(String),
    /// Heavier than the carrier takes, or no weight at all.
    #[error("a package weighs 1 to {max_grams} g, not {grams} g")]
    Weight { grams: i32, max_grams: i32 },
    /// A side longer than the carrier takes, or of no length.
    #[error("each side of a package is 1 to {max_mm} mm")]
    Size { max_mm: i32 },
    /// The label could not be drawn (a bug, not the user's doing).
    #[error("label: {0}")]
    Label(String),
}

/// A carrier's adapter.
#[async_trait::async_trait]
pub trait Carrier: Send + Sync {
    fn code(&self) -> CarrierCode;

    /// Registers `request`'s package and buys its label, where the carrier
    /// prints one.
    async fn create_shipment(&self, request: &ShipmentRequest) -> Result<Shipment, CarrierError>;

    /// What has happened to `shipment` so far, oldest first.
    async fn track(&self, shipment: &Shipment) -> Result<Vec<TrackingEvent>, CarrierError>;
}

/// A package from a Los Angeles warehouse to Mountain View, for tests.
#[cfg(test)]
fn test_request(label_format: LabelFormat) -> ShipmentRequest {
    ShipmentRequest {
        reference: "SO-1001/1".into(),
        ship_from: ShipFrom {
            name: "Silkport LAX1".into(),
            country: "US".into(),
            address: Address {
                line1: "2000 E Carson St".into(),
                line2: None,
                city: "Carson".into(),
                region: Some("CA".into()),
                postal_code: Some("90810".into()),
            },
        },
        ship_to: ShipTo {
            name: "Zoë O'Brien (Apt)".into(),
            line1: "1600 Amphitheatre Pkwy".into(),
            city: "Mountain View".into(),
            region: Some("CA".into()),
            postal_code: Some("94043".into()),
            country: "US".into(),
            ..ShipTo::default()
        },
        package: Package { weight_grams: 1250, dimensions: Dimensions { length: 300, width: 200, height: 100 } },
        service: ServiceLevel::Standard,
        label_format,
        tracking_number: None,
    }
}
