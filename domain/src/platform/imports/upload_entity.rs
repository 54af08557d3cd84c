use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "uploads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The uploader's merchant when it is bound to one; none otherwise.
    pub merchant_id: Option<Uuid>,
    /// `Actor::key` of who sent it: only they may import it.
    pub uploaded_by: String,
    pub filename: String,
    pub size_bytes: i32,
    /// Hex SHA-256 of `content`.
    pub sha256: String,
    pub content: Vec<u8>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
