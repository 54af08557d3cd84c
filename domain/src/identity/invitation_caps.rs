//! Caps on the invitation mail a tenant sends: per address, per tenant and
//! per inviting person or client, so that no account becomes a mail cannon.
//!
//! Counted inside the inviting transaction with the tenant's row locked,
//! so a burst of invitations cannot all pass one count.

use chrono::Duration;
use sea_orm::{ColumnTrait, QueryFilter};

use super::entities::invitation;
use super::{INVITATION, messages, tenants};
use crate::platform::audit;
use crate::platform::clock;
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::i18n::Message;
use crate::platform::tenancy::TenantTx;

/// Invitation mails (invitations and resends) one address gets from one
/// tenant per day.
pub const PER_ADDRESS_PER_DAY: u64 = 3;
/// Invitation mails one tenant sends per day.
pub const PER_TENANT_PER_DAY: u64 = 200;
/// Invitation mails one person or partner client sends per hour.
pub const PER_INVITER_PER_HOUR: u64 = 50;

/// The audit actions that each sent one invitation mail.
pub(crate) const SENDS: &[&str] = &["member.invite", "invitation.resend"];

fn capped(message: Message) -> DomainError {
    DomainError::user("email", UserErrorCode::RateLimited, message)
}

/// `Ok` when one more invitation mail to `email` is within every cap;
/// `RATE_LIMITED` on `email` saying which cap, otherwise.
pub(crate) async fn check(tx: &TenantTx, email: &Email) -> DomainResult<()> {
    tenants::lock(tx.conn(), tx.tenant_id()).await?;
    let now = clock::now();
    let day = now - Duration::days(1);
    // Invitations and resends alike: each is a mail to the address.
    let invitations: Vec<String> = tx
        .find::<invitation::Entity>()
        .filter(invitation::Column::Email.eq(email.as_str()))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|i| INVITATION.gid(i.id))
        .collect();
    if audit::count_about(tx, SENDS, day, invitations).await? >= PER_ADDRESS_PER_DAY {
        return Err(capped(messages::invitations_capped_address()));
    }
    if let Some(inviter) = tx.ctx().actor.id()
        && audit::count_since(tx, SENDS, now - Duration::hours(1), Some(inviter)).await? >= PER_INVITER_PER_HOUR
    {
        return Err(capped(messages::invitations_capped_inviter()));
    }
    if audit::count_since(tx, SENDS, day, None).await? >= PER_TENANT_PER_DAY {
        return Err(capped(messages::invitations_capped_tenant()));
    }
    Ok(())
}
