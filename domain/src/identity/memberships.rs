//! A person's memberships across tenants: which tenants they may enter and
//! with which role. Read past the tenant fence by user (the RLS policy
//! `own_memberships` on PostgreSQL).
#![expect(clippy::disallowed_methods, reason = "memberships are looked up by user across tenants")]

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::entities::membership;
use super::grants::parse_role;
use super::tenants::{self, Tenant};
use crate::platform::access::Role;
use crate::platform::db::{Db, scope_to_user};
use crate::platform::errors::DomainResult;

/// A user's memberships across tenants, oldest first. On PostgreSQL the
/// caller's transaction must have `app.user_id` set (the RLS policy
/// `own_memberships` allows exactly these rows).
pub(crate) async fn memberships_of_user(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
) -> DomainResult<Vec<membership::Model>> {
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .order_by_asc(membership::Column::CreatedAt)
        .all(conn)
        .await?)
}

/// A tenant the user belongs to, with their role there.
#[derive(Debug, Clone)]
pub struct TenantMembership {
    pub tenant: Tenant,
    pub role: Role,
}

/// Every tenant the user belongs to (the tenant switcher).
pub async fn tenants_of(db: &Db, user_id: Uuid) -> DomainResult<Vec<TenantMembership>> {
    let tx = db.global_tx().await?;
    scope_to_user(&tx, user_id).await?;
    let memberships = memberships_of_user(&tx, user_id).await?;
    let tenants = tenants::find_many(&tx, memberships.iter().map(|m| m.tenant_id).collect()).await?;
    tx.commit().await?;
    memberships
        .into_iter()
        .filter_map(|m| {
            let tenant = tenants.iter().find(|t| t.id == m.tenant_id)?.clone();
            Some(parse_role(&m.role).map(|role| TenantMembership { tenant, role }))
        })
        .collect()
}
