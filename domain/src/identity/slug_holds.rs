//! Slugs held by sign-ups that opened no tenant. A sign-up for a new
//! address opens its tenant at once (unconfirmed), which takes the slug; a
//! sign-up for an address that already has an account opens nothing. Were
//! the slug then free, "sign up someone's address, then try the slug"
//! would tell whether they have an account; so such a sign-up holds the
//! slug for as long as an unconfirmed tenant keeps it, against everyone but
//! the same address.
#![expect(clippy::disallowed_methods, reason = "slug_holds is a global table")]

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::entities::slug_hold;
use super::password_gate::email_key;
use crate::platform::clock;
use crate::platform::email::Email;
use crate::platform::errors::DomainResult;

/// Whether `slug` is held, now, by a sign-up of an address other than `email`.
pub(crate) async fn held_for_another(conn: &impl ConnectionTrait, slug: &str, email: &Email) -> DomainResult<bool> {
    let hold = slug_hold::Entity::find_by_id(slug.to_owned())
        .filter(slug_hold::Column::ExpiresAt.gt(clock::now()))
        .one(conn)
        .await?;
    Ok(hold.is_some_and(|h| h.email_key != email_key(email)))
}

/// Holds `slug` for `email` until `until` (a later sign-up of the same
/// address moves the hold).
pub(crate) async fn hold(
    conn: &impl ConnectionTrait,
    slug: &str,
    email: &Email,
    until: DateTime<Utc>,
) -> DomainResult<()> {
    let row =
        slug_hold::ActiveModel { slug: Set(slug.to_owned()), email_key: Set(email_key(email)), expires_at: Set(until) };
    slug_hold::Entity::insert(row)
        .on_conflict(
            OnConflict::column(slug_hold::Column::Slug)
                .update_columns([slug_hold::Column::EmailKey, slug_hold::Column::ExpiresAt])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Deletes holds that have run out; returns how many.
pub(crate) async fn purge_expired(conn: &impl ConnectionTrait) -> DomainResult<u64> {
    let deleted =
        slug_hold::Entity::delete_many().filter(slug_hold::Column::ExpiresAt.lt(clock::now())).exec(conn).await?;
    Ok(deleted.rows_affected)
}
