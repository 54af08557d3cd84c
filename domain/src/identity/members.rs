//! Members of a tenant: listing, role changes and removal, guarding the
//! last owner. A merchant-role member is bound to one merchant, whose
//! goods alone they see.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use super::entities::membership;
use super::grants::parse_role;
use super::messages;
use super::sessions;
use super::users::{self, User};
use super::{MEMBER, authority};
use crate::catalog::merchants;
use crate::platform::access::{Permission, Role};
use crate::platform::audit::{self, Change};
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::TenantTx;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: Uuid,
    pub user: User,
    pub role: Role,
    /// The merchant a merchant-role member acts for.
    pub merchant_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl Member {
    fn audit_view(&self) -> serde_json::Value {
        json!({"user": self.user.email, "role": self.role.as_str(), "merchantId": self.merchant_id})
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
            Ok(Member {
                id: m.id,
                user,
                role: parse_role(&m.role)?,
                merchant_id: m.merchant_id,
                created_at: m.created_at,
            })
        })
        .collect()
}

/// Members, oldest first, with the total count; only those with `role`
/// when given (`Owner`: how many owners there are, say).
pub async fn list(tx: &TenantTx, request: &PageRequest, role: Option<Role>) -> DomainResult<(Page<Member>, u64)> {
    tx.ctx().require(Permission::MembersRead)?;
    let select = || {
        let all = tx.find::<membership::Entity>();
        match role {
            Some(role) => all.filter(membership::Column::Role.eq(role.as_str())),
            None => all,
        }
    };
    let page = paging::fetch(tx, select(), Order::OldestFirst, request).await?;
    let total = select().count(tx.conn()).await?;
    let (has_next_page, has_previous_page) = (page.has_next_page, page.has_previous_page);
    let members = attach_users(tx, page.items.into_iter().map(|(_, m)| m).collect()).await?;
    let items = members.into_iter().map(|m| (m.id, m)).collect();
    Ok((Page { items, has_next_page, has_previous_page }, total))
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Member>> {
    tx.ctx().require(Permission::MembersRead)?;
    let row = tx.find_by_id::<membership::Entity>(id).one(tx.conn()).await?;
    Ok(match row {
        Some(row) => attach_users(tx, vec![row]).await?.pop(),
        None => None,
    })
}

/// A user, if they are a member of this tenant (or are the caller).
pub async fn user_in_tenant(tx: &TenantTx, user_id: Uuid) -> DomainResult<Option<User>> {
    if tx.ctx().user_id() != Some(user_id) {
        tx.ctx().require(Permission::MembersRead)?;
    }
    let member = tx.find::<membership::Entity>().filter(membership::Column::UserId.eq(user_id)).one(tx.conn()).await?;
    Ok(match member {
        Some(_) => users::get_many(tx.conn(), vec![user_id]).await?.pop(),
        None => None,
    })
}

/// The tenant's owners, their rows locked until the transaction ends, so
/// that two concurrent demotions or removals cannot both see a second
/// owner and leave none (`FOR UPDATE` on PostgreSQL; SQLite's write
/// transactions exclude each other already).
async fn owners(tx: &TenantTx) -> DomainResult<u64> {
    let rows = tx
        .find::<membership::Entity>()
        .filter(membership::Column::Role.eq(Role::Owner.as_str()))
        .lock_exclusive()
        .all(tx.conn())
        .await?;
    Ok(rows.len() as u64)
}

/// Whether `row` is the acting user's own membership. Nobody changes their
/// own role or removes themselves: done by mistake, it cannot be undone
/// without someone else, and it ends the very session that did it.
fn is_self(tx: &TenantTx, row: &membership::Model) -> bool {
    tx.ctx().user_id() == Some(row.user_id)
}

/// Only an owner may make or unmake owners.
fn check_owner_rule(tx: &TenantTx, touches_owner: bool) -> DomainResult<()> {
    if touches_owner && tx.ctx().role != Some(Role::Owner) {
        return Err(DomainError::user("role", UserErrorCode::Forbidden, messages::owner_role_needs_owner()));
    }
    Ok(())
}

/// The merchant binding that goes with `role`: required for the merchant
/// role (and must name a merchant of this tenant), refused for the others.
pub(crate) async fn merchant_binding(
    tx: &TenantTx,
    role: Role,
    merchant_id: Option<Uuid>,
) -> DomainResult<Option<Uuid>> {
    match (role, merchant_id) {
        (Role::Merchant, None) => {
            Err(DomainError::user("merchantId", UserErrorCode::Invalid, messages::merchant_needed()))
        }
        (Role::Merchant, Some(id)) if !merchants::exists(tx, id).await? => Err(DomainError::not_found("merchantId")),
        (Role::Merchant, Some(id)) => Ok(Some(id)),
        (_, Some(_)) => {
            Err(DomainError::user("merchantId", UserErrorCode::Invalid, messages::merchant_only_for_merchants()))
        }
        (_, None) => Ok(None),
    }
}

pub async fn change_role(
    tx: &mut TenantTx,
    member_id: Uuid,
    role: Role,
    merchant_id: Option<Uuid>,
) -> DomainResult<Member> {
    tx.ctx().require(Permission::MembersWrite)?;
    let row = tx.find_by_id::<membership::Entity>(member_id).one(tx.conn()).await?;
    let Some(row) = row else { return Err(DomainError::not_found("memberId")) };
    let current = parse_role(&row.role)?;
    check_owner_rule(tx, current == Role::Owner || role == Role::Owner)?;
    let merchant_id = merchant_binding(tx, role, merchant_id).await?;
    if current == Role::Owner && role != Role::Owner && owners(tx).await? <= 1 {
        return Err(DomainError::user("role", UserErrorCode::LastOwner, messages::last_owner()));
    }
    let changed = current != role || row.merchant_id != merchant_id;
    if changed && is_self(tx, &row) {
        return Err(DomainError::user("memberId", UserErrorCode::Forbidden, messages::own_role()));
    }
    let before = attach_users(tx, vec![row.clone()]).await?.pop();
    let mut active = row.into_active_model();
    active.role = Set(role.as_str().to_owned());
    active.merchant_id = Set(merchant_id);
    let saved = tx.update(active).await?;
    if changed {
        // Their refresh tokens carry the old role into new access tokens.
        sessions::revoke_user(tx.conn(), saved.user_id, Some(tx.tenant_id())).await?;
        authority::changed(tx, saved.user_id)?;
    }
    let after =
        attach_users(tx, vec![saved]).await?.pop().ok_or_else(|| DomainError::Internal("member vanished".into()))?;
    let mut change = Change::of("member.role_change", MEMBER, member_id).after(after.audit_view());
    change.before = before.map(|b| b.audit_view());
    audit::record(tx, change).await?;
    Ok(after)
}

pub async fn remove(tx: &mut TenantTx, member_id: Uuid) -> DomainResult<Uuid> {
    tx.ctx().require(Permission::MembersWrite)?;
    let row = tx.find_by_id::<membership::Entity>(member_id).one(tx.conn()).await?;
    let Some(row) = row else { return Err(DomainError::not_found("memberId")) };
    let role = parse_role(&row.role)?;
    check_owner_rule(tx, role == Role::Owner)?;
    if role == Role::Owner && owners(tx).await? <= 1 {
        return Err(DomainError::user("memberId", UserErrorCode::LastOwner, messages::last_owner()));
    }
    if is_self(tx, &row) {
        return Err(DomainError::user("memberId", UserErrorCode::Forbidden, messages::own_removal()));
    }
    let before = attach_users(tx, vec![row.clone()]).await?.pop();
    tx.delete_many::<membership::Entity>().filter(membership::Column::Id.eq(member_id)).exec(tx.conn()).await?;
    sessions::revoke_user(tx.conn(), row.user_id, Some(tx.tenant_id())).await?;
    authority::changed(tx, row.user_id)?;
    let mut change = Change::of("member.remove", MEMBER, member_id);
    change.before = before.map(|b| b.audit_view());
    audit::record(tx, change).await?;
    Ok(member_id)
}
