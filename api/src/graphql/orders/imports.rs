//! Order imports: `orderImportStart` (a file uploaded with `POST /uploads`,
//! a Shopify orders export or Silkport's orders CSV, read as a job),
//! `orderImport` and `orderImports` to follow them, their faults and
//! notices (also as CSV at `errorReportUrl`).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::catalog::MERCHANT;
use domain::orders::ORDER_IMPORT;
use domain::orders::import::{self, Kept, OrderImportFormat};
use domain::platform::imports::{ImportState, UPLOAD};
use uuid::Uuid;

use crate::graphql::catalog::Merchant;
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::imports::{ImportRowError, limit};
use crate::graphql::kit::locale::locale;
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};

#[derive(Clone)]
pub struct OrderImport(pub import::OrderImport);

impl OrderImport {
    async fn kept(&self, ctx: &Context<'_>, kept: Kept, first: i32) -> Result<Vec<ImportRowError>> {
        let (id, limit) = (self.0.id, limit(first));
        let found =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| import::rows(tx, id, kept, limit).await).await.or_gql()?;
        let locale = locale(ctx);
        Ok(found.into_iter().map(|f| ImportRowError::of(f, locale)).collect())
    }
}

/// A file of orders (a Shopify orders export, Silkport's orders CSV)
/// being taken in as a merchant's warehouse orders.
#[Object]
impl OrderImport {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(ORDER_IMPORT, self.0.id)
    }
    /// The merchant whose orders the file makes; needs `merchants:read`.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        Merchant::load(ctx, self.0.merchant_id).await
    }
    async fn format(&self) -> Enum<OrderImportFormat> {
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
    /// Rows taken in, or found taken in already, so far.
    async fn rows_done(&self) -> i32 {
        self.0.rows_done
    }
    /// Faults found; a file with any makes no order (see `errors`).
    async fn error_count(&self) -> i32 {
        self.0.error_count
    }
    /// The first faults by line (at most 250; the report has up to 1,000).
    async fn errors(&self, ctx: &Context<'_>, #[graphql(default = 20)] first: i32) -> Result<Vec<ImportRowError>> {
        if self.0.error_count == 0 {
            return Ok(Vec::new());
        }
        self.kept(ctx, Kept::Faults, first).await
    }
    /// Rows passed over on purpose, no warehouse work: cancelled or
    /// fulfilled orders, lines that need no shipping.
    async fn notice_count(&self) -> i32 {
        self.0.notice_count
    }
    /// The first notices by line, code `SKIPPED`, saying why each row was
    /// passed over (at most 250).
    async fn notices(&self, ctx: &Context<'_>, #[graphql(default = 20)] first: i32) -> Result<Vec<ImportRowError>> {
        if self.0.notice_count == 0 {
            return Ok(Vec::new());
        }
        self.kept(ctx, Kept::Notices, first).await
    }
    /// Where the faults and notices are as CSV (`line,column,code,message`),
    /// with the same bearer token; relative to the API's address.
    async fn error_report_url(&self) -> String {
        format!("/order-imports/{}/errors.csv", self.0.id)
    }
    /// Orders of the file to take in (those passed over not counted); known
    /// once every row is checked.
    async fn orders_total(&self) -> i32 {
        self.0.orders_total
    }
    async fn orders_created(&self) -> i32 {
        self.0.orders_created
    }
    /// Orders the merchant had already by the same reference: left as they are.
    async fn orders_existing(&self) -> i32 {
        self.0.orders_existing
    }
    /// Orders passed over whole: cancelled, fulfilled, or nothing to ship.
    async fn orders_skipped(&self) -> i32 {
        self.0.orders_skipped
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

pub async fn order_import_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<OrderImport>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| import::get(tx, id).await).await.or_gql()?.map(OrderImport))
}

#[derive(Default)]
pub struct OrderImportQuery;

#[Object]
impl OrderImportQuery {
    /// One order import, to follow its progress; null if this caller cannot see it.
    async fn order_import(&self, ctx: &Context<'_>, id: ID) -> Result<Option<OrderImport>> {
        // Who asks comes first: an anonymous caller learns nothing, not even about its ids.
        let tctx = tenant_ctx(ctx)?;
        let id = ids::decode(ORDER_IMPORT, "id", &id).or_gql()?;
        Ok(db(ctx).read(&tctx, async |tx| import::get(tx, id).await).await.or_gql()?.map(OrderImport))
    }

    /// Order imports, newest first, of one merchant if named. A merchant
    /// user or merchant-bound client sees only its own merchant's.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn order_imports(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        merchant_id: Option<ID>,
    ) -> Result<CountedConnection<OrderImport>> {
        let request = page_request(first, after, last, before)?;
        let merchant_id = ids::decode_opt(MERCHANT, "merchantId", merchant_id.as_ref()).or_gql()?;
        let (page, total) =
            db(ctx).read(&tenant_ctx(ctx)?, async |tx| import::list(tx, &request, merchant_id).await).await.or_gql()?;
        Ok(counted(page, total, OrderImport))
    }
}

#[derive(InputObject)]
pub struct OrderImportStartInput {
    /// Whose orders the file makes; a merchant-bound caller may leave it out.
    merchant_id: Option<ID>,
    format: Enum<OrderImportFormat>,
    /// The id `POST /uploads` answered; only its uploader may import it.
    upload_id: ID,
    /// Makes a retry safe: the same key and input return the first import
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(SimpleObject)]
pub struct OrderImportPayload {
    order_import: Option<OrderImport>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct OrderImportMutation;

#[Object]
impl OrderImportMutation {
    /// Starts taking an uploaded file in as a merchant's orders, as a job:
    /// follow it with `orderImport`. A file that is not a CSV of the format
    /// (not UTF-8, not comma separated, no such header) is refused at once
    /// on `uploadId`. Every order is checked before any is made; a file with
    /// any bad row makes none (see `errors`). Each order goes through the
    /// same intake as `orderCreate`, idempotent by the merchant's reference:
    /// importing a file again makes nothing new.
    async fn order_import_start(&self, ctx: &Context<'_>, input: OrderImportStartInput) -> Result<OrderImportPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let new = import::NewOrderImport {
                merchant_id: ids::decode_opt(MERCHANT, "merchantId", input.merchant_id.as_ref())?,
                format: input.format.into_inner(),
                upload_id: ids::decode(UPLOAD, "uploadId", &input.upload_id)?,
            };
            db(ctx).write(&tctx, async |tx| import::start(tx, new, key.as_ref()).await).await
        };
        let (order_import, user_errors) = into_payload(result.await)?;
        Ok(OrderImportPayload { order_import: order_import.map(OrderImport), user_errors })
    }
}
