//! Members of a tenant: listing, role changes and removal, guarding the
//! last owner.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, PaginatorTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::sessions::{self, parse_role};
use super::users::{self, User};
use crate::access::{Permission, Role};
use crate::audit::{self, Change};
use crate::context::TenantCtx;
use crate::db::{Db, TenantTx};
use crate::entities::membership;
use crate::error::{DomainError, DomainResult, UserErrorCode};
use crate::page::{self, Order, Page, PageRequest};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: Uuid,
    pub user: User,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

impl Member {
    fn audit_view(&self) -> serde_json::Value {
        json!({"user": self.user.email, "role": self.role.as_str()})
    }
}

async fn attach_users(tx: &TenantTx, rows: Vec<membership::Model>) -> DomainResult<Vec<Member>> {
    let people = users::get_many(tx.conn(), rows.iter().map(|m| m.user_id).collect()).await?;
    rows.into_iter()
        .map(|m| {
            let user = people
                .iter()
                .find(|u| u.id == m.user_id)
                .cloned()
                .ok_or_else(|| DomainError::Internal("membership without user".into()))?;
            Ok(Member { id: m.id, user, role: parse_role(&m.role)?, created_at: m.created_at })
        })
        .collect()
}

/// Members, oldest first, with the total count.
pub async fn list(db: &Db, ctx: &TenantCtx, request: &PageRequest) -> DomainResult<(Page<Member>, u64)> {
    ctx.require(Permission::MembersRead)?;
    let tx = db.tenant_read(ctx).await?;
    let page = page::fetch(
        tx.conn(),
        tx.find::<membership::Entity>(),
        membership::Column::Id,
        |m| m.id,
        Order::OldestFirst,
        request,
    )
    .await?;
    let total = tx.find::<membership::Entity>().count(tx.conn()).await?;
    let rows: Vec<_> = page.items.iter().map(|(_, m)| m.clone()).collect();
    let members = attach_users(&tx, rows).await?;
    tx.commit().await?;
    let items = members.into_iter().map(|m| (m.id, m)).collect();
    Ok((Page { items, has_next_page: page.has_next_page, has_previous_page: page.has_previous_page }, total))
}

pub async fn get(db: &Db, ctx: &TenantCtx, id: Uuid) -> DomainResult<Option<Member>> {
    ctx.require(Permission::MembersRead)?;
    let tx = db.tenant_read(ctx).await?;
    let row = tx.find_by_id::<membership::Entity>(id).one(tx.conn()).await?;
    let member = match row {
        Some(row) => attach_users(&tx, vec![row]).await?.pop(),
        None => None,
    };
    tx.commit().await?;
    Ok(member)
}

/// A user, if they are a member of this tenant (or are the caller).
pub async fn user_in_tenant(db: &Db, ctx: &TenantCtx, user_id: Uuid) -> DomainResult<Option<User>> {
    if ctx.user_id() != Some(user_id) {
        ctx.require(Permission::MembersRead)?;
    }
    let tx = db.tenant_read(ctx).await?;
    let member = tx.find::<membership::Entity>().filter(membership::Column::UserId.eq(user_id)).one(tx.conn()).await?;
    let found = match member {
        Some(_) => users::get_many(tx.conn(), vec![user_id]).await?.pop(),
        None => None,
    };
    tx.commit().await?;
    Ok(found)
}

async fn owners(tx: &TenantTx) -> DomainResult<u64> {
    Ok(tx
        .find::<membership::Entity>()
        .filter(membership::Column::Role.eq(Role::Owner.as_str()))
        .count(tx.conn())
        .await?)
}

/// Only an owner may make or unmake owners.
fn check_owner_rule(ctx: &TenantCtx, touches_owner: bool) -> DomainResult<()> {
    if touches_owner && ctx.role != Some(Role::Owner) {
        return Err(DomainError::user(
            "role",
            UserErrorCode::Forbidden,
            "Only an owner can grant or remove the owner role.",
        ));
    }
    Ok(())
}

pub async fn change_role(db: &Db, ctx: &TenantCtx, member_id: Uuid, role: Role) -> DomainResult<Member> {
    ctx.require(Permission::MembersWrite)?;
    let mut tx = db.tenant_tx(ctx).await?;
    let row = tx.find_by_id::<membership::Entity>(member_id).one(tx.conn()).await?;
    let Some(row) = row else { return Err(DomainError::not_found("memberId")) };
    let current = parse_role(&row.role)?;
    check_owner_rule(ctx, current == Role::Owner || role == Role::Owner)?;
    if current == Role::Owner && role != Role::Owner && owners(&tx).await? <= 1 {
        return Err(DomainError::user("role", UserErrorCode::LastOwner, "A tenant must keep at least one owner."));
    }
    let before = attach_users(&tx, vec![row.clone()]).await?.pop();
    let mut active = row.into_active_model();
    active.role = Set(role.as_str().to_owned());
    let saved = tx.update(active).await?;
    if current != role {
        // Their refresh tokens carry the old role into new access tokens.
        sessions::revoke_user(tx.conn(), saved.user_id, Some(ctx.tenant_id)).await?;
    }
    let after =
        attach_users(&tx, vec![saved]).await?.pop().ok_or_else(|| DomainError::Internal("member vanished".into()))?;
    audit::record(
        &mut tx,
        ctx,
        Change {
            action: "member.role_change",
            subject: Some(audit::subject("Member", member_id)),
            before: before.map(|b| b.audit_view()),
            after: Some(after.audit_view()),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub async fn remove(db: &Db, ctx: &TenantCtx, member_id: Uuid) -> DomainResult<Uuid> {
    ctx.require(Permission::MembersWrite)?;
    let mut tx = db.tenant_tx(ctx).await?;
    let row = tx.find_by_id::<membership::Entity>(member_id).one(tx.conn()).await?;
    let Some(row) = row else { return Err(DomainError::not_found("memberId")) };
    let role = parse_role(&row.role)?;
    check_owner_rule(ctx, role == Role::Owner)?;
    if role == Role::Owner && owners(&tx).await? <= 1 {
        return Err(DomainError::user("memberId", UserErrorCode::LastOwner, "A tenant must keep at least one owner."));
    }
    let before = attach_users(&tx, vec![row.clone()]).await?.pop();
    tx.delete_many::<membership::Entity>().filter(membership::Column::Id.eq(member_id)).exec(tx.conn()).await?;
    sessions::revoke_user(tx.conn(), row.user_id, Some(ctx.tenant_id)).await?;
    audit::record(
        &mut tx,
        ctx,
        Change {
            action: "member.remove",
            subject: Some(audit::subject("Member", member_id)),
            before: before.map(|b| b.audit_view()),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(member_id)
}
