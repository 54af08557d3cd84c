//! Self-serve sign-up, confirmed by mail.
//!
//! Whether an address has an account is never told to an unauthenticated
//! caller (OWASP Authentication Cheat Sheet, "Account enumeration"): a
//! sign-up answers "check your mail" ([`SignUp::MailSent`]) for a new
//! address and for an existing one alike, in at least [`ANSWER_FLOOR`],
//! and the mail says which it was:
//! - a new address gets its account (unverified) and its tenant, and a
//!   single-use link that confirms the address and signs in
//!   ([`signup_links`]); nobody signs in to an unverified account;
//! - an address with an account gets a note that it has one, with the way
//!   to sign in or reset the password; nothing is made.
//!
//! Only a caller who gives an existing, verified account's own password is
//! signed in at once, in the new tenant (opening another tenant). Every
//! attempt passes the password gate, so a locked address answers the same
//! whether or not it has an account.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, Weak};

use sea_orm::{ColumnTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::entities::{membership, user};
use super::grants::{self, SessionGrant};
use super::memberships;
use super::messages;
use super::password::NewPassword;
use super::password_gate::{self, Clears};
use super::tenants::{self, Opening, Tenant};
use super::{Locale, Module, USER, mail, names, signup_links, slug_holds, users};
use crate::platform::access::Role;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::{Db, scope_to_user};
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey, SIGNUP};
use crate::platform::tenancy::{Actor, TenantCtx, TenantTx};

/// The least time a "check your mail" answer takes, whichever mail (or
/// none) went out, so its timing tells nothing.
const ANSWER_FLOOR: std::time::Duration = std::time::Duration::from_millis(250);
/// Audit action of the note to an address that has an account.
const NOTICE: &str = "user.signup_notice";
const OPERATION: &str = "tenantCreate";

/// A sign-up: the tenant and its owner.
#[derive(Debug, Clone)]
pub struct NewTenant {
    pub tenant_name: String,
    pub tenant_slug: String,
    pub owner_name: String,
    pub email: String,
    pub password: String,
    pub locale: Option<Locale>,
    pub modules: Option<Vec<Module>>,
    /// IANA time zone; `Asia/Shanghai` for a Chinese-speaking tenant, else `UTC`.
    pub timezone: Option<String>,
}

/// The answer to a sign-up.
#[derive(Debug)]
pub enum SignUp {
    /// The caller gave an existing, verified account's password: signed in
    /// to the new tenant.
    SignedIn(SessionGrant),
    /// The answer is in the mail (a confirmation link, or a note that the
    /// address has an account, or nothing when capped): the same for all.
    MailSent,
}

/// A sign-up whose fields passed their rules.
struct Valid {
    tenant_name: String,
    slug: String,
    owner_name: String,
    email: Email,
    password: NewPassword,
    locale: Locale,
    modules: Vec<Module>,
    timezone: String,
}

impl Valid {
    fn parse(input: &NewTenant) -> DomainResult<Self> {
        let mut errors = UserErrors::default();
        let tenant_name = names::parse("tenantName", &input.tenant_name, &mut errors);
        let owner_name = names::parse("name", &input.owner_name, &mut errors);
        let slug = tenants::parse_slug(&input.tenant_slug, &mut errors);
        let locale = input.locale.unwrap_or(Locale::ZhCn);
        let timezone = match &input.timezone {
            Some(raw) => tenants::parse_timezone("timezone", raw, &mut errors),
            None if locale == Locale::ZhCn => "Asia/Shanghai".to_owned(),
            None => "UTC".to_owned(),
        };
        let email = errors.check(Email::parse("email", &input.email))?;
        let password =
            errors.check(NewPassword::parse("password", &input.password, email.as_ref().map(Email::as_str)))?;
        errors.finish()?;
        let (Some(email), Some(password)) = (email, password) else {
            return Err(DomainError::Internal("validated sign-up lost a field".into()));
        };
        let modules = input.modules.clone().unwrap_or_else(|| Module::ALL.to_vec());
        Ok(Self { tenant_name, slug, owner_name, email, password, locale, modules, timezone })
    }

    fn opening(&self) -> Opening<'_> {
        Opening {
            name: &self.tenant_name,
            slug: &self.slug,
            modules: &self.modules,
            default_locale: self.locale,
            timezone: &self.timezone,
        }
    }

    /// What makes a retry "the same request": everything but the
    /// password, which a replay checks against the account instead.
    fn fingerprint(&self) -> DomainResult<String> {
        #[derive(Serialize)]
        struct Request<'a> {
            tenant_name: &'a str,
            tenant_slug: &'a str,
            owner_name: &'a str,
            email: &'a str,
            locale: Locale,
            modules: &'a [Module],
            timezone: &'a str,
        }
        idempotency::fingerprint(
            OPERATION,
            &Request {
                tenant_name: &self.tenant_name,
                tenant_slug: &self.slug,
                owner_name: &self.owner_name,
                email: self.email.as_str(),
                locale: self.locale,
                modules: &self.modules,
                timezone: &self.timezone,
            },
        )
    }
}

/// What a sign-up's idempotency key remembers: who signed up where, not
/// their tokens (a replay signs the owner in afresh, once verified).
#[derive(Serialize, Deserialize)]
struct SignedUp {
    tenant_id: Uuid,
    user_id: Uuid,
}

/// Signs up a tenant and its owner; see the module docs for the answers.
/// Input errors (`INVALID`, `WEAK_PASSWORD`, `TAKEN` on `tenantSlug`) are
/// told at once: they say nothing about the address. With an idempotency
/// key a retry, even a concurrent one, gets the first attempt's answer
/// (a session only with the password, once the address is verified).
///
/// Errors besides those: `TOO_MANY_ATTEMPTS` on `password` while the
/// address is locked, `IDEMPOTENCY_KEY_REUSED`, [`DomainError::Throttled`].
pub async fn sign_up(
    db: &Db,
    input: NewTenant,
    key: Option<&IdempotencyKey>,
    public_url: &str,
    request_id: Option<String>,
) -> DomainResult<SignUp> {
    let started = tokio::time::Instant::now();
    let valid = Valid::parse(&input)?;
    let _turn = one_at_a_time(&valid.email).await;
    let remembered = match key {
        Some(key) => Some((key, valid.fingerprint()?)),
        None => None,
    };
    if let Some((key, fingerprint)) = &remembered
        && let Some(answer) = replay(db, &valid.slug, &input.password, key, fingerprint, request_id.clone()).await?
    {
        return Ok(answer);
    }
    let made = async {
        if tenants::find_by_slug(db.connection(), &valid.slug).await?.is_some()
            || slug_holds::held_for_another(db.connection(), &valid.slug, &valid.email).await?
        {
            return Err(tenants::slug_taken());
        }
        let account = users::find_by_email(db.connection(), &valid.email).await?;
        // Every sign-up is an attempt on the address, and only a confirmed
        // account's own password forgives earlier ones, so an address locks
        // alike with and without an account.
        let clears = match &account {
            Some(user) if user.email_verified_at.is_some() => Clears::OnMatch,
            _ => Clears::Never,
        };
        let matched = password_gate::check_counting(
            db,
            "password",
            &valid.email,
            &input.password,
            account.as_ref(),
            clears,
            request_id.clone(),
        )
        .await?;
        match account {
            Some(user) if matched && user.email_verified_at.is_some() => {
                open_for_verified(db, &valid, user.id, remembered.as_ref(), request_id.clone()).await
            }
            Some(user) if matched => {
                same_work_as_a_new_address(&valid).await?;
                open_pending(db, &valid, user, remembered.as_ref(), public_url, request_id.clone()).await
            }
            Some(user) => {
                same_work_as_a_new_address(&valid).await?;
                notify_account_exists(db, &user, public_url, request_id.clone()).await.map(|()| SignUp::MailSent)
            }
            None => {
                let hash = valid.password.clone().hash().await?;
                let fresh = (valid.owner_name.clone(), hash);
                open_pending_new(db, &valid, fresh, remembered.as_ref(), public_url, request_id.clone()).await
            }
        }
    }
    .await;
    let answer = match made {
        // A concurrent retry made the tenant first: answer as a retry.
        Err(e) if is_slug_taken(&e) => match &remembered {
            Some((key, fingerprint)) => {
                replay(db, &valid.slug, &input.password, key, fingerprint, None).await?.ok_or(e)?
            }
            None => return Err(e),
        },
        other => other?,
    };
    if matches!(answer, SignUp::MailSent) {
        // Nothing opened under the slug (the address had an account, or a
        // cap held): hold it as an unconfirmed tenant would be.
        if tenants::find_by_slug(db.connection(), &valid.slug).await?.is_none() {
            slug_holds::hold(db.connection(), &valid.slug, &valid.email, clock::now() + signup_links::CONFIRMATION_TTL)
                .await?;
        }
        tokio::time::sleep_until(started + ANSWER_FLOOR).await;
    }
    Ok(answer)
}

/// Hashes the password as a new address's sign-up does, and throws the
/// hash away: both answers then cost the same two argon2id runs, so their
/// timing stays alike even when the machine is busy.
async fn same_work_as_a_new_address(valid: &Valid) -> DomainResult<()> {
    valid.password.clone().hash().await.map(drop)
}

/// Sign-ups of one address take turns in this process, so a burst of
/// retries (one idempotency key, a double click) finds the first one's
/// result instead of racing it through the password gate.
async fn one_at_a_time(email: &Email) -> tokio::sync::OwnedMutexGuard<()> {
    static TURNS: LazyLock<Mutex<HashMap<String, Weak<tokio::sync::Mutex<()>>>>> = LazyLock::new(Mutex::default);
    let turn = {
        let mut turns = TURNS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if turns.len() > 1_000 {
            turns.retain(|_, turn| turn.strong_count() > 0);
        }
        let key = password_gate::email_key(email);
        match turns.get(&key).and_then(Weak::upgrade) {
            Some(turn) => turn,
            None => {
                let turn = Arc::new(tokio::sync::Mutex::new(()));
                turns.insert(key, Arc::downgrade(&turn));
                turn
            }
        }
    };
    turn.lock_owned().await
}

fn is_slug_taken(error: &DomainError) -> bool {
    matches!(error, DomainError::User(errors) if errors.iter().any(|e| e.code == UserErrorCode::Taken))
}

type Remembered<'a> = (&'a IdempotencyKey, String);

async fn remember(scoped: &TenantTx, remembered: Option<&Remembered<'_>>, first: SignedUp) -> DomainResult<()> {
    if let Some((key, fingerprint)) = remembered {
        idempotency::remember(scoped, SIGNUP, key, OPERATION, fingerprint, &first).await?;
    }
    Ok(())
}

/// A verified account opening another tenant: signed in there at once.
async fn open_for_verified(
    db: &Db,
    valid: &Valid,
    user_id: Uuid,
    remembered: Option<&Remembered<'_>>,
    request_id: Option<String>,
) -> DomainResult<SignUp> {
    let tx = db.global_tx().await?;
    let (tenant, scoped) = tenants::open(db, tx, valid.opening(), user_id, request_id).await?;
    let grant = grants::issue(scoped.conn(), user_id, tenant.id, Role::Owner, None, None).await?;
    remember(&scoped, remembered, SignedUp { tenant_id: tenant.id, user_id }).await?;
    scoped.commit().await?;
    Ok(SignUp::SignedIn(grant))
}

/// A new address: its account, unverified, and a tenant with a
/// confirmation link. Of two concurrent sign-ups for one address, the
/// second finds the account taken and answers the same, sending nothing.
async fn open_pending_new(
    db: &Db,
    valid: &Valid,
    (name, hash): (String, String),
    remembered: Option<&Remembered<'_>>,
    public_url: &str,
    request_id: Option<String>,
) -> DomainResult<SignUp> {
    let tx = db.global_tx().await?;
    let user = match users::insert(&tx, &valid.email, &name, hash, valid.locale, false).await {
        Ok(user) => user,
        Err(DomainError::Database(e)) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Ok(SignUp::MailSent);
        }
        Err(e) => return Err(e),
    };
    let (tenant, mut scoped) = tenants::open(db, tx, valid.opening(), user.id, request_id).await?;
    signup_links::send_link(&mut scoped, &user, &tenant, public_url).await?;
    remember(&scoped, remembered, SignedUp { tenant_id: tenant.id, user_id: user.id }).await?;
    scoped.commit().await?;
    Ok(SignUp::MailSent)
}

/// An unverified account, with its own password, signing up again (the
/// first link lost, say): another tenant and link, within the address's cap.
async fn open_pending(
    db: &Db,
    valid: &Valid,
    user: user::Model,
    remembered: Option<&Remembered<'_>>,
    public_url: &str,
    request_id: Option<String>,
) -> DomainResult<SignUp> {
    let tx = db.global_tx().await?;
    // Locked for the count-then-insert of the cap.
    if users::find_by_email_for_update(&tx, &valid.email).await?.is_none_or(|u| u.id != user.id) {
        return Ok(SignUp::MailSent);
    }
    if signup_links::links_sent_recently(&tx, user.id).await? >= signup_links::MAILS_PER_ADDRESS {
        tracing::info!(user.email = %valid.email.redacted(), "sign-up mail capped for this address");
        return Ok(SignUp::MailSent);
    }
    let (tenant, mut scoped) = tenants::open(db, tx, valid.opening(), user.id, request_id).await?;
    signup_links::send_link(&mut scoped, &user, &tenant, public_url).await?;
    remember(&scoped, remembered, SignedUp { tenant_id: tenant.id, user_id: user.id }).await?;
    scoped.commit().await?;
    Ok(SignUp::MailSent)
}

/// The note to an address that has an account, in its home tenant (where
/// the mail job and the audit entry live), within the address's cap.
async fn notify_account_exists(
    db: &Db,
    user: &user::Model,
    public_url: &str,
    request_id: Option<String>,
) -> DomainResult<()> {
    let tx = db.global_tx().await?;
    scope_to_user(&tx, user.id).await?;
    let Some(home) = memberships::memberships_of_user(&tx, user.id).await?.into_iter().next() else {
        return Ok(());
    };
    let ctx = TenantCtx::account(home.tenant_id, user.id, request_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    tenants::lock(scoped.conn(), home.tenant_id).await?;
    if audit::count_since(&scoped, &[NOTICE], clock::now() - signup_links::MAIL_WINDOW, Some(user.id)).await?
        >= signup_links::MAILS_PER_ADDRESS
    {
        tracing::info!(user.id = %user.id, "sign-up notice capped for this address");
        return Ok(());
    }
    let base = public_url.trim_end_matches('/');
    let message = mail::SignupAccountExists {
        sign_in_url: &format!("{base}/login"),
        reset_url: &format!("{base}/forgot-password"),
    };
    let locale = Locale::parse(&user.locale).unwrap_or_default();
    crate::platform::mail::send(&mut scoped, message.render(&user.email, locale)?).await?;
    audit::record(&mut scoped, Change::of(NOTICE, USER, user.id)).await?;
    Ok(scoped.commit().await?)
}

/// The answer to a retried sign-up, if `key` names a first attempt that
/// opened the tenant of `slug`: "check your mail" while the address is
/// unverified (nothing is sent again), else a new session for the owner
/// there, once `password` matches the account again.
async fn replay(
    db: &Db,
    slug: &str,
    password: &str,
    key: &IdempotencyKey,
    fingerprint: &str,
    request_id: Option<String>,
) -> DomainResult<Option<SignUp>> {
    let Some(tenant) = tenants::find_by_slug(db.connection(), slug).await? else { return Ok(None) };
    let (first, user, membership) = {
        let tx = db.begin_read(&TenantCtx::system(tenant.id)).await?;
        let Some(first) = idempotency::recall::<SignedUp>(&tx, SIGNUP, key, OPERATION, fingerprint).await? else {
            return Ok(None);
        };
        let user = users::find(tx.conn(), first.user_id).await?;
        let membership =
            tx.find::<membership::Entity>().filter(membership::Column::UserId.eq(first.user_id)).one(tx.conn()).await?;
        tx.commit().await?;
        (first, user, membership)
    };
    if user.as_ref().is_some_and(|u| u.email_verified_at.is_none()) {
        return Ok(Some(SignUp::MailSent));
    }
    // Checked with no transaction open: the gate writes its own.
    let verified = match &user {
        Some(user) => {
            let email = Email::parse("email", &user.email)?;
            password_gate::check(db, "password", &email, password, Some(user), request_id.clone()).await?
        }
        None => false,
    };
    let (true, Some(membership)) = (verified, membership) else {
        return Err(DomainError::user("password", UserErrorCode::InvalidCredentials, messages::bad_credentials()));
    };
    let role = grants::parse_role(&membership.role)?;
    let mut tx = db.begin(&TenantCtx::system(tenant.id)).await?;
    let grant = grants::issue(tx.conn(), first.user_id, tenant.id, role, membership.merchant_id, None).await?;
    tx.act_as(Actor::User { id: first.user_id }, request_id);
    audit::record(&mut tx, Change::action("session.create")).await?;
    tx.commit().await?;
    Ok(Some(SignUp::SignedIn(grant)))
}

/// How an operator's [`open_by_operator`] went.
#[derive(Debug)]
pub enum Opened {
    /// A new, verified account owns the tenant.
    NewAccount(Tenant),
    /// The address's existing account owns it; its password is unchanged.
    ExistingAccount(Tenant),
}

/// `silkport tenant create`: the operator of an installation opens a
/// tenant for an owner, whose address is taken as verified (the operator
/// vouches for it; no mail goes out). Input errors as for [`sign_up`].
pub async fn open_by_operator(db: &Db, input: NewTenant) -> DomainResult<Opened> {
    let valid = Valid::parse(&input)?;
    let existing = users::find_by_email(db.connection(), &valid.email).await?;
    let hash = match existing {
        Some(_) => None,
        None => Some(valid.password.clone().hash().await?),
    };
    let tx = db.global_tx().await?;
    let (user, is_new) = match (users::find_by_email(&tx, &valid.email).await?, hash) {
        (Some(user), _) => (user, false),
        (None, Some(hash)) => {
            (users::insert(&tx, &valid.email, &valid.owner_name, hash, valid.locale, true).await?, true)
        }
        (None, None) => return Err(DomainError::Internal("account vanished while opening a tenant".into())),
    };
    let (tenant, scoped) = tenants::open(db, tx, valid.opening(), user.id, None).await?;
    scoped.commit().await?;
    Ok(if is_new { Opened::NewAccount(tenant) } else { Opened::ExistingAccount(tenant) })
}
