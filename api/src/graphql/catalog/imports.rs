//! SKU imports: `skuImportStart` (a file uploaded with `POST /uploads`,
//! read as a job), `skuImport` and `skuImports` to follow them, and their
//! faults (also as CSV at `errorReportUrl`).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::catalog::import::{self, ImportFormat};
use domain::catalog::{MERCHANT, SKU_IMPORT};
use domain::platform::imports::{ImportState, UPLOAD};
use uuid::Uuid;

use super::merchants::Merchant;
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::imports::{ImportRowError, limit};
use crate::graphql::kit::locale::locale;
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};

/// A file of products and SKUs being read into a merchant's goods.
#[derive(Clone)]
pub struct SkuImport(pub import::SkuImport);

#[Object]
impl SkuImport {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(SKU_IMPORT, self.0.id)
    }
    /// The merchant whose goods the file makes; needs `merchants:read`.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        Merchant::load(ctx, self.0.merchant_id).await
    }
    async fn format(&self) -> Enum<ImportFormat> {
        Enum(self.0.format)
    }
    async fn state(&self) -> Enum<ImportState> {
        Enum(self.0.state)
    }
    /// The uploaded file's name.
    async fn filename(&self) -> &str {
        &self.0.filename
    }
    /// Data rows of the file (its header not counted).
    async fn rows_total(&self) -> i32 {
        self.0.rows_total
    }
    /// Rows written, or found as the file says, so far.
    async fn rows_done(&self) -> i32 {
        self.0.rows_done
    }
    /// Faults found; a file with any applies none of its rows.
    async fn error_count(&self) -> i32 {
        self.0.error_count
    }
    /// The first faults by line (at most 250; the report has up to 1,000).
    async fn errors(&self, ctx: &Context<'_>, #[graphql(default = 20)] first: i32) -> Result<Vec<ImportRowError>> {
        if self.0.error_count == 0 {
            return Ok(Vec::new());
        }
        let (id, limit) = (self.0.id, limit(first));
        let faults = db(ctx).read(&tenant_ctx(ctx)?, async |tx| import::faults(tx, id, limit).await).await.or_gql()?;
        let locale = locale(ctx);
        Ok(faults.into_iter().map(|f| ImportRowError::of(f, locale)).collect())
    }
    /// Where the faults are as CSV (`line,column,code,message`), with the
    /// same bearer token; relative to the API's address.
    async fn error_report_url(&self) -> String {
        format!("/imports/{}/errors.csv", self.0.id)
    }
    async fn products_created(&self) -> i32 {
        self.0.products_created
    }
    async fn products_updated(&self) -> i32 {
        self.0.products_updated
    }
    async fn skus_created(&self) -> i32 {
        self.0.skus_created
    }
    async fn skus_updated(&self) -> i32 {
        self.0.skus_updated
    }
    /// SKUs the file gives as they already were: not written.
    async fn skus_unchanged(&self) -> i32 {
        self.0.skus_unchanged
    }
    /// Locations opening stock (`stock:…` columns) was received into; a
    /// location already holding the file's quantity is not counted.
    async fn opening_stock_placed(&self) -> i32 {
        self.0.opening_stock_placed
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn finished_at(&self) -> Option<DateTime<Utc>> {
        self.0.finished_at
    }
}

pub async fn sku_import_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<SkuImport>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| import::get(tx, id).await).await.or_gql()?.map(SkuImport))
}

#[derive(Default)]
pub struct SkuImportQuery;

#[Object]
impl SkuImportQuery {
    /// One import, to follow its progress; null if this caller cannot see it.
    async fn sku_import(&self, ctx: &Context<'_>, id: ID) -> Result<Option<SkuImport>> {
        // Who asks comes first: an anonymous caller learns nothing, not even about its ids.
        let tctx = tenant_ctx(ctx)?;
        let id = ids::decode(SKU_IMPORT, "id", &id).or_gql()?;
        Ok(db(ctx).read(&tctx, async |tx| import::get(tx, id).await).await.or_gql()?.map(SkuImport))
    }

    /// Imports, newest first, of one merchant if named. A merchant user or
    /// merchant-bound client sees only its own merchant's.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn sku_imports(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        merchant_id: Option<ID>,
    ) -> Result<CountedConnection<SkuImport>> {
        let request = page_request(first, after, last, before)?;
        let merchant_id = ids::decode_opt(MERCHANT, "merchantId", merchant_id.as_ref()).or_gql()?;
        let (page, total) =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| import::list(tx, &request, merchant_id).await).await.or_gql()?;
        Ok(counted(page, total, SkuImport))
    }
}

#[derive(InputObject)]
pub struct SkuImportStartInput {
    /// Whose goods the file makes; a merchant-bound caller may leave it out.
    merchant_id: Option<ID>,
    format: Enum<ImportFormat>,
    /// The id `POST /uploads` answered; only its uploader may import it.
    upload_id: ID,
    /// Makes a retry safe: the same key and input return the first import
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(SimpleObject)]
pub struct SkuImportPayload {
    sku_import: Option<SkuImport>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct SkuImportMutation;

#[Object]
impl SkuImportMutation {
    /// Starts reading an uploaded file into a merchant's products and
    /// SKUs, as a job: follow it with `skuImport`. A file that is not a
    /// CSV of the format (not UTF-8, not comma separated, no such header)
    /// is refused at once on `uploadId`. Every row is checked before any
    /// is written; a file with any bad row writes none (see `errors`).
    /// Opening stock columns (`stock:<WAREHOUSE>:<LOCATION>`) need
    /// `inventory:write`.
    async fn sku_import_start(&self, ctx: &Context<'_>, input: SkuImportStartInput) -> Result<SkuImportPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = import::NewImport {
                merchant_id: ids::decode_opt(MERCHANT, "merchantId", input.merchant_id.as_ref())?,
                format: input.format.into_inner(),
                upload_id: ids::decode(UPLOAD, "uploadId", &input.upload_id)?,
            };
            db(ctx).write(&tctx, async |tx| import::start(tx, new, key.as_ref()).await).await
        };
        let (sku_import, user_errors) = into_payload(result.await)?;
        Ok(SkuImportPayload { sku_import: sku_import.map(SkuImport), user_errors })
    }
}
