use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sku_imports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub upload_id: Uuid,
    pub filename: String,
    /// An `ImportFormat`.
    pub format: String,
    /// An `ImportState`.
    pub state: String,
    /// Data records of the file (the header not counted).
    pub rows_total: i32,
    pub rows_done: i32,
    pub error_count: i32,
    /// JSON text: the first `MAX_STORED_FAULTS` row faults, each worded in
    /// every language (`[{"line": 3, "column": "Variant SKU", ...}]`).
    pub errors: String,
    pub products_created: i32,
    pub products_updated: i32,
    pub skus_created: i32,
    pub skus_updated: i32,
    pub skus_unchanged: i32,
    /// Locations opening stock was received into (`stock:…` columns).
    pub opening_stock_placed: i32,
    /// `Actor::key` of who started it: its changes are audited as theirs.
    pub started_by: String,
    pub request_id: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
    pub finished_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
