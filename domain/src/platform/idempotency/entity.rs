use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idempotency_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Whose key it is: `u:<user>`, `c:<client>`, or `signup`.
    pub principal: String,
    pub key: String,
    pub operation: String,
    /// SHA-256 of the operation and its input, hex.
    pub request_hash: String,
    /// The first result, sealed (see `seal`); null only inside the
    /// transaction that claimed the key.
    pub response: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub expires_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
