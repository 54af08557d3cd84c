//! The import job: reads the upload, checks every row, and writes a clean
//! file a few dozen products per transaction, the progress with them.
//!
//! Idempotent, as jobs must be: a finished import is left alone, and an
//! import whose worker stopped while writing is checked and written again
//! from the start, which finds what was written already as the file says
//! and leaves it alone (opening stock included: a location holding the
//! file's quantity is not written again). Changes are audited as the
//! person (or client) who started the import.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;

use super::super::entities::sku_import;
use super::super::products;
use super::super::skus::{self, Put};
use super::super::{SKU_IMPORT, merchants};
use super::plan::{self, Columns, Group};
use super::{ImportFormat, shopify, silkport_csv};
use crate::inventory::ledger::Reference;
use crate::inventory::opening;
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::imports::{CsvFile, Faults, ImportState, upload};
use crate::platform::messages as import_messages;
use crate::platform::tenancy::{Actor, TenantCtx, TenantTx};

/// Job kind; its payload is `{"importId": "<uuid>"}`.
pub const IMPORT_SKUS: &str = "catalog.sku_import";

/// Products written per transaction: small enough that the progress moves
/// and SQLite's one writer is not held long, large enough to be quick.
const GROUPS_PER_TX: usize = 50;

/// Sets columns of import `id` (the progress, the outcome), each once
/// (PostgreSQL refuses a column assigned twice).
async fn set(tx: &TenantTx, id: Uuid, values: Vec<(sku_import::Column, Expr)>) -> DomainResult<()> {
    let mut update = tx.update_many::<sku_import::Entity>().filter(sku_import::Column::Id.eq(id));
    for (column, value) in values {
        update = update.col_expr(column, value);
    }
    update.col_expr(sku_import::Column::UpdatedAt, Expr::value(clock::now())).exec(tx.conn()).await?;
    Ok(())
}

fn state(state: ImportState) -> (sku_import::Column, Expr) {
    (sku_import::Column::State, Expr::value(state.as_str()))
}

/// Ends import `id` as failed with `faults`, writing nothing else.
async fn fail(db: &Db, ctx: &TenantCtx, id: Uuid, faults: Faults) -> DomainResult<()> {
    let count = i32::try_from(faults.len()).unwrap_or(i32::MAX);
    let tx = db.begin(ctx).await?;
    set(
        &tx,
        id,
        vec![
            state(ImportState::Failed),
            (sku_import::Column::ErrorCount, Expr::value(count)),
            (sku_import::Column::Errors, Expr::value(faults.stored()?)),
            (sku_import::Column::FinishedAt, Expr::value(clock::now())),
        ],
    )
    .await?;
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
        fail(db, &ctx, import_id, faults).await?;
    }
    outcome
}

async fn run_once(db: &Db, ctx: &TenantCtx, id: Uuid) -> DomainResult<()> {
    let tx = db.begin(ctx).await?;
    let Some(import) = tx.find_by_id::<sku_import::Entity>(id).one(tx.conn()).await? else {
        return Ok(());
    };
    if ImportState::parse(&import.state).is_none_or(ImportState::is_finished) {
        return Ok(());
    }
    let content = upload::content(&tx, import.upload_id).await?;
    let currency = merchants::default_currency(&tx, import.merchant_id)
        .await?
        .ok_or_else(|| DomainError::internal("the merchant of an import is missing"))?;
    set(&tx, id, vec![state(ImportState::Validating), (sku_import::Column::RowsDone, Expr::value(0))]).await?;
    tx.commit().await?;

    let format = ImportFormat::parse(&import.format).ok_or_else(|| DomainError::internal("import format"))?;
    let mut faults = Faults::default();
    let file = match CsvFile::open(&content, format.header()) {
        Ok(file) => file,
        Err(message) => {
            faults.row(1, None, message);
            return fail(db, ctx, id, faults).await;
        }
    };
    let (groups, columns): (Vec<Group>, Columns) = match format {
        ImportFormat::ShopifyProducts => (shopify::read(&file, &currency, &mut faults), shopify::column),
        ImportFormat::SilkportSkus => (silkport_csv::read(&file, &currency, &mut faults), silkport_csv::column),
    };
    plan::twice(&groups, &mut faults, columns);
    let tx = db.begin_read(ctx).await?;
    plan::plan(&tx, import.merchant_id, &groups, &mut faults, columns).await?;
    tx.commit().await?;
    if !faults.is_empty() {
        return fail(db, ctx, id, faults).await;
    }

    let actor = Actor::from_key(&import.started_by);
    let reference = Reference { kind: SKU_IMPORT.name(), id: id.to_string() };
    let mut totals = Totals::default();
    for chunk in groups.chunks(GROUPS_PER_TX) {
        let mut tx = db.begin(ctx).await?;
        tx.act_as(actor.clone(), import.request_id.clone());
        let mut faults = Faults::default();
        let planned = plan::plan(&tx, import.merchant_id, chunk, &mut faults, columns).await?;
        if !faults.is_empty() {
            // Someone changed the merchant's goods since the check.
            drop(tx);
            return fail(db, ctx, id, faults).await;
        }
        for group in planned {
            totals.count_product(products::put(&mut tx, group.product_before.as_ref(), group.product_after).await?);
            for sku in group.skus {
                totals.count_sku(skus::put(&mut tx, sku.before.as_ref(), sku.after).await?);
                opening::receive(&mut tx, &sku.receipts, &reference).await?;
                totals.opening_stock_placed += i32::try_from(sku.receipts.len()).unwrap_or(i32::MAX);
            }
            totals.rows += group.rows;
        }
        set(&tx, id, totals.progress(ImportState::Applying)).await?;
        tx.commit().await?;
    }
    let tx = db.begin(ctx).await?;
    totals.rows = usize::try_from(import.rows_total).unwrap_or_default();
    let mut done = totals.progress(ImportState::Succeeded);
    done.push((sku_import::Column::FinishedAt, Expr::value(clock::now())));
    set(&tx, id, done).await?;
    Ok(tx.commit().await?)
}

/// What the writing did so far.
#[derive(Default)]
struct Totals {
    rows: usize,
    products_created: i32,
    products_updated: i32,
    skus_created: i32,
    skus_updated: i32,
    skus_unchanged: i32,
    opening_stock_placed: i32,
}

impl Totals {
    fn count_product(&mut self, put: Put) {
        match put {
            Put::Created => self.products_created += 1,
            Put::Updated => self.products_updated += 1,
            Put::Unchanged => {}
        }
    }

    fn count_sku(&mut self, put: Put) {
        match put {
            Put::Created => self.skus_created += 1,
            Put::Updated => self.skus_updated += 1,
            Put::Unchanged => self.skus_unchanged += 1,
        }
    }

    fn progress(&self, now: ImportState) -> Vec<(sku_import::Column, Expr)> {
        use sku_import::Column::*;
        vec![
            state(now),
            (RowsDone, Expr::value(i32::try_from(self.rows).unwrap_or(i32::MAX))),
            (ProductsCreated, Expr::value(self.products_created)),
            (ProductsUpdated, Expr::value(self.products_updated)),
            (SkusCreated, Expr::value(self.skus_created)),
            (SkusUpdated, Expr::value(self.skus_updated)),
            (SkusUnchanged, Expr::value(self.skus_unchanged)),
            (OpeningStockPlaced, Expr::value(self.opening_stock_placed)),
        ]
    }
}
