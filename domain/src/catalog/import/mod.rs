//! Imports of what merchants already have: a Shopify product export or
//! Silkport's own SKU CSV becomes products and SKUs of one merchant (and,
//! from our CSV, their opening stock). The upload, the reading of CSV and
//! the fault report are the platform's ([`crate::platform::imports`]).
//!
//! 1. The file is uploaded ([`crate::platform::imports::upload`]) and kept
//!    as it came, tenant-scoped.
//! 2. [`start`] checks that it is a CSV of the format named (UTF-8, comma
//!    separated, the format's header): a file that is not is refused at
//!    once as a user error. Otherwise it records the import and queues its
//!    job in the same transaction.
//! 3. The job ([`job`]) reads every row and checks it, against the file
//!    (codes and barcodes twice) and the merchant's goods, before writing
//!    anything: **a file with any bad row applies none of its rows**; its
//!    faults (line, column, reason) are kept for the report ([`report`]).
//!    A clean file is written product by product, each product with its
//!    SKUs all or nothing, a few dozen products per transaction with the
//!    progress (rows done of rows total).
//! 4. Writing is an upsert by merchant and SKU code (product: by handle):
//!    what is already as the file says is not written, so importing the
//!    same file again changes nothing and audits nothing. Opening stock is
//!    received after its SKU, in the same transaction, only where the SKU
//!    has never been ([`crate::inventory::opening`]).
//!
//! Formats: [`shopify`] (Shopify's product CSV) and [`silkport_csv`]
//! (ours, which [`export`] writes and this reads back).

pub mod export;
mod job;
mod plan;
mod shopify;
mod silkport_csv;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

pub use self::job::{IMPORT_SKUS, run};
use super::entities::sku_import;
use super::{SKU_IMPORT, products};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::i18n::Locale;
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::imports::{CsvFile, Header, ImportState, RowFault, report, upload};
use crate::platform::jobs::{self, NewJob};
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

string_enum!(
    /// What kind of file an import reads.
    ImportFormat as "SkuImportFormat" {
        ShopifyProducts = "shopify_products",
        SilkportSkus = "silkport_skus",
    }
);

impl ImportFormat {
    /// What its header must hold.
    fn header(self) -> Header {
        match self {
            ImportFormat::ShopifyProducts => shopify::HEADER,
            ImportFormat::SilkportSkus => silkport_csv::HEADER,
        }
    }
}

/// An import as its reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkuImport {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub upload_id: Uuid,
    pub filename: String,
    pub format: ImportFormat,
    pub state: ImportState,
    /// Data rows of the file (its header not counted).
    pub rows_total: i32,
    /// Rows written (or found as the file says) so far.
    pub rows_done: i32,
    /// Faults found; the first [`report::MAX_STORED_FAULTS`] are kept.
    pub error_count: i32,
    pub products_created: i32,
    pub products_updated: i32,
    pub skus_created: i32,
    pub skus_updated: i32,
    /// SKUs already as the file says (not written).
    pub skus_unchanged: i32,
    /// Locations opening stock was received into; a location already
    /// holding the file's quantity is not counted (nothing was written).
    pub opening_stock_placed: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl From<sku_import::Model> for SkuImport {
    fn from(m: sku_import::Model) -> Self {
        Self {
            id: m.id,
            merchant_id: m.merchant_id,
            upload_id: m.upload_id,
            filename: m.filename,
            // Both only ever written from their enums.
            format: ImportFormat::parse(&m.format).unwrap_or(ImportFormat::SilkportSkus),
            state: ImportState::parse(&m.state).unwrap_or(ImportState::Failed),
            rows_total: m.rows_total,
            rows_done: m.rows_done,
            error_count: m.error_count,
            products_created: m.products_created,
            products_updated: m.products_updated,
            skus_created: m.skus_created,
            skus_updated: m.skus_updated,
            skus_unchanged: m.skus_unchanged,
            opening_stock_placed: m.opening_stock_placed,
            created_at: m.created_at,
            updated_at: m.updated_at,
            finished_at: m.finished_at,
        }
    }
}

/// An import to start.
#[derive(Debug, Clone, Serialize)]
pub struct NewImport {
    /// Whose goods; a merchant-bound caller may leave it out (its own).
    pub merchant_id: Option<Uuid>,
    pub format: ImportFormat,
    pub upload_id: Uuid,
}

/// Starts importing an upload of this caller's into a merchant's goods;
/// a retry with the same idempotency key returns the first import. A file
/// that is not a CSV of `format` is refused (on `uploadId`) and nothing
/// is recorded; one that gives opening stock needs `inventory:write`.
pub async fn start(tx: &mut TenantTx, input: NewImport, key: Option<&IdempotencyKey>) -> DomainResult<SkuImport> {
    let request = input.clone();
    idempotency::once(tx, key, "skuImportStart", &request, async |tx| start_now(tx, input).await).await
}

async fn start_now(tx: &mut TenantTx, input: NewImport) -> DomainResult<SkuImport> {
    tx.ctx().require(Permission::CatalogWrite)?;
    let merchant_id = products::owner(tx, input.merchant_id).await?;
    let upload = upload::load(tx, input.upload_id).await?;
    let file = CsvFile::open(&upload.content, input.format.header())
        .map_err(|fault| DomainError::user("uploadId", UserErrorCode::Invalid, fault))?;
    if input.format == ImportFormat::SilkportSkus && silkport_csv::has_stock(&file) {
        // Stock is the warehouse's to receive, not the merchant's.
        tx.ctx().require(Permission::InventoryWrite)?;
    }
    let rows_total = file.record_count();
    let now = clock::now();
    let id = new_id();
    let row = sku_import::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(id),
        merchant_id: Set(merchant_id),
        upload_id: Set(upload.id),
        filename: Set(upload.filename.clone()),
        format: Set(input.format.as_str().to_owned()),
        state: Set(ImportState::Queued.as_str().to_owned()),
        rows_total: Set(i32::try_from(rows_total).unwrap_or(i32::MAX)),
        rows_done: Set(0),
        error_count: Set(0),
        errors: Set("[]".to_owned()),
        products_created: Set(0),
        products_updated: Set(0),
        skus_created: Set(0),
        skus_updated: Set(0),
        skus_unchanged: Set(0),
        opening_stock_placed: Set(0),
        started_by: Set(tx.ctx().actor.key()),
        request_id: Set(tx.ctx().request_id.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        finished_at: Set(None),
    };
    let saved = SkuImport::from(tx.insert(row).await?);
    jobs::enqueue(tx, NewJob::new(IMPORT_SKUS, json!({"importId": id}))).await?;
    let after = json!({"merchantId": merchant_id.to_string(), "format": input.format.as_str(),
                       "filename": upload.filename, "sha256": upload.sha256, "rowsTotal": saved.rows_total});
    audit::record(tx, Change::of("sku_import.start", SKU_IMPORT, id).after(after)).await?;
    Ok(saved)
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<SkuImport>> {
    tx.ctx().require(Permission::CatalogRead)?;
    Ok(tx.find_by_id::<sku_import::Entity>(id).one(tx.conn()).await?.map(SkuImport::from))
}

/// Imports this caller can see, newest first, of one merchant if named.
pub async fn list(
    tx: &TenantTx,
    request: &PageRequest,
    merchant_id: Option<Uuid>,
) -> DomainResult<(Page<SkuImport>, u64)> {
    tx.ctx().require(Permission::CatalogRead)?;
    let mut select = tx.find::<sku_import::Entity>();
    if let Some(merchant) = merchant_id {
        select = select.filter(sku_import::Column::MerchantId.eq(merchant));
    }
    let total = select.clone().count(tx.conn()).await?;
    let page = paging::fetch(tx, select, Order::NewestFirst, request).await?;
    Ok((page.map(SkuImport::from), total))
}

/// The first `limit` faults of import `id` (none when it is not found).
pub async fn faults(tx: &TenantTx, id: Uuid, limit: usize) -> DomainResult<Vec<RowFault>> {
    tx.ctx().require(Permission::CatalogRead)?;
    let Some(row) = tx.find_by_id::<sku_import::Entity>(id).one(tx.conn()).await? else { return Ok(Vec::new()) };
    let mut faults = report::read(&row.errors)?;
    faults.truncate(limit);
    Ok(faults)
}

/// The faults of import `id` as the CSV report in `locale` (see
/// [`report::csv`]), or none when this caller cannot see the import.
pub async fn report_csv(tx: &TenantTx, id: Uuid, locale: Locale) -> DomainResult<Option<Vec<u8>>> {
    tx.ctx().require(Permission::CatalogRead)?;
    let Some(row) = tx.find_by_id::<sku_import::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    Ok(Some(report::csv(&report::read(&row.errors)?, locale)?))
}
