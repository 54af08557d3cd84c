//! Location labels, stuck on the rack at each location so a scanner reads
//! where it is: a Code 128 barcode of the location code with the code in
//! print under it and the warehouse and type above, 70 × 37 mm (the A4
//! sheet of 3 × 8 labels sold by every office supplier). One label as SVG
//! ([`svg`]), or a PDF sheet of every location a filter keeps ([`pdf`]).
//!
//! The barcode's symbology is barcoders' and the PDF's syntax is
//! pdf-writer's; what is ours is the layout ([`layout`]).

mod layout;
mod pdf;
mod svg;

use sea_orm::PaginatorTrait;
use uuid::Uuid;

use super::locations::{self, Filter, Location, LocationType};
use super::messages;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};

pub use self::pdf::pdf;
pub use self::svg::svg;

/// Most labels in one PDF: one range's worth of locations, about 210 pages.
pub const MAX_LABELS: u64 = 5_000;

/// What one label shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The location code, which the barcode carries.
    pub code: String,
    pub warehouse_code: String,
    pub kind: LocationType,
}

impl From<Location> for Label {
    fn from(location: Location) -> Self {
        Self { code: location.code, warehouse_code: location.warehouse.code, kind: location.kind }
    }
}

/// The label of location `id`, if this context may read it.
pub async fn one(tx: &crate::TenantTx, id: Uuid) -> DomainResult<Option<Label>> {
    Ok(locations::get(tx, id).await?.map(Label::from))
}

/// The labels of every location `filter` keeps, warehouse by warehouse in
/// code order (the order a person walks the racks to stick them on);
/// `NOT_FOUND` when none matches, `INVALID` when more than [`MAX_LABELS`] do.
pub async fn sheet(tx: &crate::TenantTx, filter: &Filter) -> DomainResult<Vec<Label>> {
    let select = locations::visible(tx, filter)?;
    let count = select.clone().count(tx.conn()).await?;
    if count == 0 {
        return Err(DomainError::user("query", UserErrorCode::NotFound, messages::labels_none()));
    }
    if count > MAX_LABELS {
        let too_many = messages::labels_too_many(count_arg(count), count_arg(MAX_LABELS));
        return Err(DomainError::user("query", UserErrorCode::Invalid, too_many));
    }
    // Sorted here, not by the database: PostgreSQL's collation may skip the
    // dashes, and labels should come out in the same order on every backend.
    let mut rows = select.all(tx.conn()).await?;
    rows.sort_by(|a, b| (a.warehouse_id, &a.code).cmp(&(b.warehouse_id, &b.code)));
    Ok(locations::with_warehouses(tx, rows).await?.into_iter().map(Label::from).collect())
}

fn count_arg(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
