use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_imports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub upload_id: Uuid,
    pub filename: String,
    /// An `OrderImportFormat`.
    pub format: String,
    /// An `ImportState`.
    pub state: String,
    /// Data records of the file (the header not counted).
    pub rows_total: i32,
    pub rows_done: i32,
    pub error_count: i32,
    /// JSON text: the first `MAX_STORED_FAULTS` row faults, each worded in
    /// every language (`[{"line": 3, "column": "Lineitem sku", ...}]`).
    pub errors: String,
    pub notice_count: i32,
    /// JSON text, as `errors`: rows passed over on purpose, and why.
    pub notices: String,
    /// Orders of the file to take in (those passed over not counted).
    pub orders_total: i32,
    pub orders_created: i32,
    /// Orders the merchant had already by the same reference: unchanged.
    pub orders_existing: i32,
    /// Orders passed over (cancelled, fulfilled, nothing to ship).
    pub orders_skipped: i32,
    /// `Actor::key` of who started it: its orders are audited as theirs.
    pub started_by: String,
    pub request_id: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
    pub finished_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
