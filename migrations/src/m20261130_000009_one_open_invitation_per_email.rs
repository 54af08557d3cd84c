//! At most one open invitation (neither accepted nor revoked) per email in
//! a tenant, so inviting someone twice cannot send two links, even when
//! both requests race.
//!
//! Existing data is brought in line first: an open invitation for someone
//! who is already a member is void from the day they joined, and of several
//! open invitations for one email only the newest stays open, the older
//! ones void from the day the newer was made. No clock is read, so the
//! migration gives the same result wherever it runs.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

use crate::columns::index;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000009_one_open_invitation_per_email"
    }
}

/// Memberships in the invitation's tenant of a user with its email.
const JOINED: &str = "FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.tenant_id = invitations.tenant_id AND u.email = invitations.email";

/// Newer open invitations for the same email in the same tenant.
const NEWER: &str = "FROM invitations n
     WHERE n.tenant_id = invitations.tenant_id AND n.email = invitations.email
       AND n.accepted_at IS NULL AND n.revoked_at IS NULL AND n.id > invitations.id";

const OPEN: &str = "accepted_at IS NULL AND revoked_at IS NULL";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(&format!(
            "UPDATE invitations SET revoked_at = (SELECT MIN(m.created_at) {JOINED})
             WHERE {OPEN} AND EXISTS (SELECT 1 {JOINED})"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "UPDATE invitations SET revoked_at = (SELECT MIN(n.created_at) {NEWER})
             WHERE {OPEN} AND EXISTS (SELECT 1 {NEWER})"
        ))
        .await?;
        m.create_index(
            index("invitations", "invitations_open_email", &["tenant_id", "email"])
                .unique()
                .and_where(Expr::col("accepted_at").is_null())
                .and_where(Expr::col("revoked_at").is_null())
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("invitations_open_email").table("invitations").to_owned()).await
    }
}
