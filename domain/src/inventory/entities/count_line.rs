use sea_orm::entity::prelude::*;

/// What a count expects and found of one SKU and lot in one location.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "count_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub task_id: Uuid,
    pub merchant_id: Uuid,
    pub sku_id: Uuid,
    pub location_id: Uuid,
    /// Empty when lots are not tracked.
    pub lot: String,
    /// Units on hand when the task was made.
    pub expected: i64,
    /// Units the counter found; `None` until counted.
    pub counted: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
