//! The order import job: reads the upload into orders, checks every one,
//! and takes a clean file in a few dozen orders per transaction, the
//! progress with them.
//!
//! Idempotent, as jobs must be: a finished import is left alone, and an
//! import whose worker stopped while writing is checked and taken in
//! again from the start, which finds the orders made already by their
//! references and leaves them as they are. Orders are made, allocated and
//! audited as the person (or client) who started the import.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;

use super::super::entities::order_import;
use super::super::intake;
use super::reading::{self, Columns, FileOrder};
use super::{OrderImportFormat, shopify, silkport_csv};
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::imports::{CsvFile, Faults, ImportState, upload};
use crate::platform::messages as import_messages;
use crate::platform::tenancy::{Actor, TenantCtx, TenantTx};

/// Job kind; its payload is `{"importId": "<uuid>"}`.
pub const IMPORT_ORDERS: &str = "orders.order_import";

/// Orders taken in per transaction: each is allocated (stock levels
/// locked), so a transaction stays short for SQLite's one writer and for
/// the orders competing for the same stock.
const ORDERS_PER_TX: usize = 25;

/// Sets columns of import `id`, each once.
async fn set(tx: &TenantTx, id: Uuid, values: Vec<(order_import::Column, Expr)>) -> DomainResult<()> {
    let mut update = tx.update_many::<order_import::Entity>().filter(order_import::Column::Id.eq(id));
    for (column, value) in values {
        update = update.col_expr(column, value);
    }
    update.col_expr(order_import::Column::UpdatedAt, Expr::value(clock::now())).exec(tx.conn()).await?;
    Ok(())
}

fn state(state: ImportState) -> (order_import::Column, Expr) {
    (order_import::Column::State, Expr::value(state.as_str()))
}

fn count(n: usize) -> Expr {
    Expr::value(i32::try_from(n).unwrap_or(i32::MAX))
}

/// Ends import `id` as failed with `faults` (and `notices`, when it has
/// found some; else those kept stay), making nothing else.
async fn fail(db: &Db, ctx: &TenantCtx, id: Uuid, faults: Faults, notices: Faults) -> DomainResult<()> {
    let tx = db.begin(ctx).await?;
    let mut values = vec![
        state(ImportState::Failed),
        (order_import::Column::ErrorCount, count(faults.len())),
        (order_import::Column::Errors, Expr::value(faults.stored()?)),
        (order_import::Column::FinishedAt, Expr::value(clock::now())),
    ];
    if !notices.is_empty() {
        values.push((order_import::Column::NoticeCount, count(notices.len())));
        values.push((order_import::Column::Notices, Expr::value(notices.stored()?)));
    }
    set(&tx, id, values).await?;
    Ok(tx.commit().await?)
}

/// Runs import `import_id` of tenant `tenant_id`. On the job's last
/// attempt a failure of ours ends the import as failed (saying so), so
/// no one waits for it.
pub async fn run(db: &Db, tenant_id: Uuid, import_id: Uuid, last_attempt: bool) -> DomainResult<()> {
    let ctx = TenantCtx::system(tenant_id);
    let outcome = run_once(db, &ctx, import_id).await;
    if outcome.is_err() && last_attempt {
        let mut faults = Faults::default();
        faults.push(1, None, UserErrorCode::Invalid, &import_messages::import_internal());
        fail(db, &ctx, import_id, faults, Faults::default()).await?;
    }
    outcome
}

async fn run_once(db: &Db, ctx: &TenantCtx, id: Uuid) -> DomainResult<()> {
    let tx = db.begin(ctx).await?;
    let Some(import) = tx.find_by_id::<order_import::Entity>(id).one(tx.conn()).await? else {
        return Ok(());
    };
    if ImportState::parse(&import.state).is_none_or(ImportState::is_finished) {
        return Ok(());
    }
    let content = upload::content(&tx, import.upload_id).await?;
    set(&tx, id, vec![state(ImportState::Validating), (order_import::Column::RowsDone, Expr::value(0))]).await?;
    tx.commit().await?;

    let format = OrderImportFormat::parse(&import.format).ok_or_else(|| DomainError::internal("import format"))?;
    let (mut faults, mut notices) = (Faults::default(), Faults::default());
    let file = match CsvFile::open(&content, format.header()) {
        Ok(file) => file,
        Err(message) => {
            faults.row(1, None, message);
            return fail(db, ctx, id, faults, notices).await;
        }
    };
    let ((orders, skipped), columns): ((Vec<FileOrder>, usize), Columns) = match format {
        OrderImportFormat::ShopifyOrders => (shopify::read(&file, &mut faults, &mut notices), shopify::column),
        OrderImportFormat::SilkportOrders => ((silkport_csv::read(&file, &mut faults), 0), silkport_csv::column),
    };
    let tx = db.begin_read(ctx).await?;
    reading::check(&tx, import.merchant_id, &orders, &mut faults, columns).await?;
    tx.commit().await?;
    if !faults.is_empty() {
        return fail(db, ctx, id, faults, notices).await;
    }

    let actor = Actor::from_key(&import.started_by);
    let tx = db.begin(ctx).await?;
    let notice_count = notices.len();
    set(
        &tx,
        id,
        vec![
            state(ImportState::Applying),
            (order_import::Column::OrdersTotal, count(orders.len())),
            (order_import::Column::OrdersSkipped, count(skipped)),
            (order_import::Column::NoticeCount, count(notice_count)),
            (order_import::Column::Notices, Expr::value(notices.stored()?)),
        ],
    )
    .await?;
    tx.commit().await?;
    let mut totals = Totals::default();
    for chunk in orders.chunks(ORDERS_PER_TX) {
        let mut tx = db.begin(ctx).await?;
        tx.act_as(actor.clone(), import.request_id.clone());
        let mut faults = Faults::default();
        reading::check(&tx, import.merchant_id, chunk, &mut faults, columns).await?;
        if !faults.is_empty() {
            // Someone changed the merchant's SKUs since the check.
            drop(tx);
            return fail(db, ctx, id, faults, Faults::default()).await;
        }
        for order in chunk {
            let taken = intake::take(&mut tx, import.merchant_id, order.order.clone()).await?;
            if taken.created {
                totals.created += 1;
            } else {
                totals.existing += 1;
            }
            totals.rows += order.rows;
        }
        set(&tx, id, totals.progress(ImportState::Applying)).await?;
        tx.commit().await?;
    }
    let tx = db.begin(ctx).await?;
    totals.rows = usize::try_from(import.rows_total).unwrap_or_default();
    let mut done = totals.progress(ImportState::Succeeded);
    done.push((order_import::Column::FinishedAt, Expr::value(clock::now())));
    set(&tx, id, done).await?;
    Ok(tx.commit().await?)
}

/// What taking the orders in did so far.
#[derive(Default)]
struct Totals {
    rows: usize,
    created: usize,
    existing: usize,
}

impl Totals {
    fn progress(&self, now: ImportState) -> Vec<(order_import::Column, Expr)> {
        use order_import::Column::*;
        vec![
            state(now),
            (RowsDone, count(self.rows)),
            (OrdersCreated, count(self.created)),
            (OrdersExisting, count(self.existing)),
        ]
    }
}
