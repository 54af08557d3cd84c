use sea_orm::entity::prelude::*;

/// A cycle count of one location or one SKU in a warehouse.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "count_tasks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub warehouse_id: Uuid,
    pub location_id: Option<Uuid>,
    pub sku_id: Option<Uuid>,
    /// The counter is not shown what the system expects.
    pub blind: bool,
    /// A `CountStatus`.
    pub status: String,
    /// Actor labels (`user:<id>`).
    pub created_by: String,
    pub counted_by: Option<String>,
    pub decided_by: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub counted_at: Option<ChronoDateTimeUtc>,
    pub decided_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
