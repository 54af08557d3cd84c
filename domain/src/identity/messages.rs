//! The identity context's messages (`locales/*.ftl`).

use crate::platform::i18n::messages::messages;

messages! {
    /// Email or password is incorrect.
    bad_credentials = "identity-bad-credentials";
    /// Too many failed attempts; try again in `minutes`.
    locked(minutes: i64) = "identity-locked";
    /// The refresh token is not valid.
    refresh_invalid = "identity-refresh-invalid";
    /// You are not a member of that tenant.
    not_a_member = "identity-not-a-member";
    /// This reset link is not valid.
    reset_link_invalid = "identity-reset-link-invalid";
    /// This reset link has expired.
    reset_link_expired = "identity-reset-link-expired";
    /// The person already has a pending invitation; resend it instead.
    already_invited = "identity-already-invited";
    /// An accepted invitation cannot be resent.
    resend_accepted = "identity-resend-accepted";
    /// A revoked invitation cannot be resent.
    resend_revoked = "identity-resend-revoked";
    /// Only an owner can resend an owner's invitation.
    resend_owner_needs_owner = "identity-resend-owner-needs-owner";
    /// Nobody changes their own role.
    own_role = "identity-own-role";
    /// Nobody removes themselves.
    own_removal = "identity-own-removal";
    /// This reset link was used, or a newer one (or a reset) voided it.
    reset_link_used = "identity-reset-link-used";
    /// One address was invited too often today.
    invitations_capped_address = "identity-invitations-capped-address";
    /// One inviter sent too many invitations this hour.
    invitations_capped_inviter = "identity-invitations-capped-inviter";
    /// One tenant sent too many invitations today.
    invitations_capped_tenant = "identity-invitations-capped-tenant";
    /// Only an owner can grant or remove the owner role.
    owner_role_needs_owner = "identity-owner-role-needs-owner";
    /// Only an owner can invite an owner.
    owner_invite_needs_owner = "identity-owner-invite-needs-owner";
    /// A merchant member needs the merchant they act for.
    merchant_needed = "identity-merchant-needed";
    /// Only merchant members are bound to a merchant.
    merchant_only_for_merchants = "identity-merchant-only-for-merchants";
    /// A tenant must keep at least one owner.
    last_owner = "identity-last-owner";
    /// A name must be 1 to `max` characters.
    name_length(max: i64) = "identity-name-length";
    /// Grant at least one scope.
    scopes_empty = "identity-scopes-empty";
    /// You cannot grant `scope`.
    scope_not_yours(scope: &str) = "identity-scope-not-yours";
    /// A merchant-bound client cannot hold the tenant-wide `scope`.
    scope_tenant_wide(scope: &str) = "identity-scope-tenant-wide";
    /// Clients can be bound to your own merchant only.
    merchant_own_only = "identity-merchant-own-only";
    /// A password shorter than `min` characters.
    password_too_short(min: usize) = "identity-password-too-short";
    /// A password longer than `max` characters.
    password_too_long(max: usize) = "identity-password-too-long";
    /// A password of fewer than two kinds of characters.
    password_one_kind = "identity-password-one-kind";
    /// A well-known password.
    password_common = "identity-password-common";
    /// A password containing the email address.
    password_contains_email = "identity-password-contains-email";
    /// The slug rule.
    slug_format = "identity-slug-format";
    /// The slug is taken.
    slug_taken = "identity-slug-taken";
    /// `zone` is not an IANA time zone.
    timezone_invalid(zone: &str) = "identity-timezone-invalid";
    /// This confirmation link is not valid.
    signup_link_invalid = "identity-signup-link-invalid";
    /// This confirmation link has expired.
    signup_link_expired = "identity-signup-link-expired";
    /// This confirmation link was already used.
    signup_link_used = "identity-signup-link-used";
    /// Confirm the address first; a link is on its way.
    email_unconfirmed = "identity-email-unconfirmed";
    /// This person is already a member.
    already_member = "identity-already-member";
    /// The invitation was accepted; remove the member instead.
    invitation_accepted = "identity-invitation-accepted";
    /// This invitation link is not valid.
    invitation_invalid = "identity-invitation-invalid";
    /// This invitation was already used.
    invitation_used = "identity-invitation-used";
    /// This invitation was withdrawn.
    invitation_withdrawn = "identity-invitation-withdrawn";
    /// This invitation has expired.
    invitation_expired = "identity-invitation-expired";
    /// You already have an account: enter its password.
    invitation_needs_password = "identity-invitation-needs-password";
    /// You are already a member of this tenant.
    invitation_already_joined = "identity-invitation-already-joined";
    /// Subject of the invitation mail.
    invitation_subject(inviter: &str, tenant: &str) = "identity-invitation-subject";
    /// Subject of the password-reset mail.
    password_reset_subject = "identity-password-reset-subject";
    /// Subject of the sign-up confirmation mail.
    signup_confirm_subject(tenant: &str) = "identity-signup-confirm-subject";
    /// Subject of the note to an address that already has an account.
    signup_exists_subject = "identity-signup-exists-subject";
}
