use sea_orm::entity::prelude::*;

/// Orders of one warehouse picked together: the tenant's, not a merchant's.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "waves")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub warehouse_id: Uuid,
    /// A `WaveStatus`.
    pub status: String,
    /// The `CarrierCode` whose truck the wave is for, if one was named.
    pub carrier: Option<String>,
    pub single_line_only: bool,
    /// The carrier's cut-off, `HH:MM` in the warehouse's time zone.
    pub cutoff: Option<String>,
    pub order_count: i32,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
