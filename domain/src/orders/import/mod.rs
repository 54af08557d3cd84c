//! Orders from files merchants already have: a Shopify orders export (the
//! CSV of Shopify admin → Orders → Export) or Silkport's own orders CSV
//! becomes warehouse orders of one merchant, each through the same intake
//! as `orderCreate` ([`super::intake::take`]).
//!
//! It follows the platform's imports ([`crate::platform::imports`]):
//!
//! 1. The file is uploaded and kept as it came.
//! 2. [`start`] checks that it is a CSV of the format named (UTF-8, comma
//!    separated, the format's header) and refuses one that is not at once;
//!    otherwise it records the import and queues its job.
//! 3. The job ([`job`]) reads every row into orders and checks each by the
//!    rules of an order (address of the destination country, quantities,
//!    the merchant's active SKUs by code) before anything is written:
//!    **a file with any bad row makes no order**; each fault is kept by
//!    line and column (the CSV's header name).
//! 4. A clean file is taken in order by order, a few dozen per transaction
//!    with the progress, each allocated as any new order. An order is
//!    idempotent by the merchant's reference (Shopify's `Name`, `#1001`):
//!    one the merchant has already is left as it is, so importing the same
//!    file again makes nothing and audits nothing, and two imports of one
//!    file running at once make each order once.
//!
//! Rows that are no warehouse work are passed over on purpose and reported
//! as notices (code `skipped`), not faults: they do not stop the import.
//! Which they are is each format's to say ([`shopify`]).

mod job;
mod reading;
mod shopify;
mod silkport_csv;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

pub use self::job::{IMPORT_ORDERS, run};
use super::entities::order_import;
use super::{ORDER_IMPORT, intake};
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
    /// What kind of file an order import reads: SHOPIFY_ORDERS (Shopify
    /// admin's orders export) or SILKPORT_ORDERS (Silkport's orders CSV).
    OrderImportFormat {
        ShopifyOrders = "shopify_orders",
        SilkportOrders = "silkport_orders",
    }
);

impl OrderImportFormat {
    /// What its header must hold.
    fn header(self) -> Header {
        match self {
            OrderImportFormat::ShopifyOrders => shopify::HEADER,
            OrderImportFormat::SilkportOrders => silkport_csv::HEADER,
        }
    }
}

/// An order import as its reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderImport {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub upload_id: Uuid,
    pub filename: String,
    pub format: OrderImportFormat,
    pub state: ImportState,
    /// Data rows of the file (its header not counted).
    pub rows_total: i32,
    /// Rows taken in (or found made already) so far.
    pub rows_done: i32,
    /// Faults found; the first [`crate::platform::imports::MAX_STORED_FAULTS`] are kept.
    pub error_count: i32,
    /// Rows passed over on purpose (see [`rows`]).
    pub notice_count: i32,
    /// Orders of the file to take in, those passed over not counted.
    pub orders_total: i32,
    pub orders_created: i32,
    /// Orders the merchant had already by the same reference: left as they are.
    pub orders_existing: i32,
    /// Orders passed over whole: cancelled, fulfilled, or nothing to ship.
    pub orders_skipped: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl From<order_import::Model> for OrderImport {
    fn from(m: order_import::Model) -> Self {
        Self {
            id: m.id,
            merchant_id: m.merchant_id,
            upload_id: m.upload_id,
            filename: m.filename,
            // Both only ever written from their enums.
            format: OrderImportFormat::parse(&m.format).unwrap_or(OrderImportFormat::SilkportOrders),
            state: ImportState::parse(&m.state).unwrap_or(ImportState::Failed),
            rows_total: m.rows_total,
            rows_done: m.rows_done,
            error_count: m.error_count,
            notice_count: m.notice_count,
            orders_total: m.orders_total,
            orders_created: m.orders_created,
            orders_existing: m.orders_existing,
            orders_skipped: m.orders_skipped,
            created_at: m.created_at,
            updated_at: m.updated_at,
            finished_at: m.finished_at,
        }
    }
}

/// An order import to start.
#[derive(Debug, Clone, Serialize)]
pub struct NewOrderImport {
    /// Whose orders; a merchant-bound caller may leave it out (its own).
    pub merchant_id: Option<Uuid>,
    pub format: OrderImportFormat,
    pub upload_id: Uuid,
}

/// Starts importing an upload of this caller's as a merchant's orders
/// (`orders:write`); a retry with the same idempotency key returns the
/// first import. A file that is not a CSV of `format` is refused (on
/// `uploadId`) and nothing is recorded.
pub async fn start(
    tx: &mut TenantTx,
    input: NewOrderImport,
    key: Option<&IdempotencyKey>,
) -> DomainResult<OrderImport> {
    let request = input.clone();
    idempotency::once(tx, key, "orderImportStart", &request, async |tx| start_now(tx, input).await).await
}

async fn start_now(tx: &mut TenantTx, input: NewOrderImport) -> DomainResult<OrderImport> {
    tx.ctx().require(Permission::OrdersWrite)?;
    let merchant_id = intake::owner(tx, input.merchant_id).await?;
    let upload = upload::load(tx, input.upload_id).await?;
    let rows_total = CsvFile::open(&upload.content, input.format.header())
        .map_err(|fault| DomainError::user("uploadId", UserErrorCode::Invalid, fault))?
        .record_count();
    let now = clock::now();
    let id = new_id();
    let row = order_import::ActiveModel {
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
        notice_count: Set(0),
        notices: Set("[]".to_owned()),
        orders_total: Set(0),
        orders_created: Set(0),
        orders_existing: Set(0),
        orders_skipped: Set(0),
        started_by: Set(tx.ctx().actor.key()),
        request_id: Set(tx.ctx().request_id.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        finished_at: Set(None),
    };
    let saved = OrderImport::from(tx.insert(row).await?);
    jobs::enqueue(tx, NewJob::new(IMPORT_ORDERS, json!({"importId": id}))).await?;
    let after = json!({"merchantId": merchant_id.to_string(), "format": input.format.as_str(),
                       "filename": upload.filename, "sha256": upload.sha256, "rowsTotal": saved.rows_total});
    audit::record(tx, Change::of("order_import.start", ORDER_IMPORT, id).after(after)).await?;
    Ok(saved)
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<OrderImport>> {
    tx.ctx().require(Permission::OrdersRead)?;
    Ok(tx.find_by_id::<order_import::Entity>(id).one(tx.conn()).await?.map(OrderImport::from))
}

/// Order imports this caller can see, newest first, of one merchant if named.
pub async fn list(
    tx: &TenantTx,
    request: &PageRequest,
    merchant_id: Option<Uuid>,
) -> DomainResult<(Page<OrderImport>, u64)> {
    tx.ctx().require(Permission::OrdersRead)?;
    let mut select = tx.find::<order_import::Entity>();
    if let Some(merchant) = merchant_id {
        select = select.filter(order_import::Column::MerchantId.eq(merchant));
    }
    let total = select.clone().count(tx.conn()).await?;
    let page = paging::fetch(tx, select, Order::NewestFirst, request).await?;
    Ok((page.map(OrderImport::from), total))
}

/// What of an import's rows is kept: its faults, or its notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    Faults,
    Notices,
}

/// The first `limit` faults or notices of import `id`, by line (none when
/// it is not found).
pub async fn rows(tx: &TenantTx, id: Uuid, kept: Kept, limit: usize) -> DomainResult<Vec<RowFault>> {
    tx.ctx().require(Permission::OrdersRead)?;
    let Some(row) = tx.find_by_id::<order_import::Entity>(id).one(tx.conn()).await? else { return Ok(Vec::new()) };
    let mut found = report::read(if kept == Kept::Faults { &row.errors } else { &row.notices })?;
    found.truncate(limit);
    Ok(found)
}

/// The report of import `id` as CSV in `locale`: its faults and notices
/// (code `skipped`) by line, or none when this caller cannot see it.
pub async fn report_csv(tx: &TenantTx, id: Uuid, locale: Locale) -> DomainResult<Option<Vec<u8>>> {
    tx.ctx().require(Permission::OrdersRead)?;
    let Some(row) = tx.find_by_id::<order_import::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    let mut all = report::read(&row.errors)?;
    all.extend(report::read(&row.notices)?);
    // Stable: at one line, its faults come before its notices.
    all.sort_by_key(|f| f.line);
    Ok(Some(report::csv(&all, locale)?))
}
