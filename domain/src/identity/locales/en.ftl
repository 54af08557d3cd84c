# Identity: sign-in, sign-up, members, invitations, password reset, API clients.

identity-bad-credentials = Email or password is incorrect.
identity-locked = Too many failed attempts; try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } or reset your password.
identity-refresh-invalid = The refresh token is not valid; sign in again.
identity-not-a-member = You are not a member of that tenant.
identity-reset-link-invalid = This reset link is not valid; ask for a new one.
identity-reset-link-expired = This reset link has expired; ask for a new one.
identity-already-invited = This person already has a pending invitation; resend it instead.
identity-resend-accepted = This invitation was accepted; there is nothing to resend.
identity-resend-revoked = This invitation was revoked; invite the person again.
identity-resend-owner-needs-owner = Only an owner can resend an owner's invitation.
identity-own-role = You cannot change your own role; another owner or admin can.
identity-own-removal = You cannot remove yourself; another owner or admin can.
identity-reset-link-used = This reset link was already used, or a newer one replaced it; request a new link.
identity-invitations-capped-address = This address was invited too often today; try again tomorrow.
identity-invitations-capped-inviter = You sent too many invitations this hour; try again later.
identity-invitations-capped-tenant = This tenant sent too many invitations today; try again tomorrow.
identity-owner-role-needs-owner = Only an owner can grant or remove the owner role.
identity-owner-invite-needs-owner = Only an owner can invite an owner.
identity-merchant-needed = A merchant member needs the merchant they act for.
identity-merchant-only-for-merchants = Only merchant members are bound to a merchant.
identity-last-owner = A tenant must keep at least one owner.
identity-name-length = Name must be 1 to { $max } characters.
identity-scopes-empty = Grant at least one scope.
identity-scope-not-yours = You cannot grant `{ $scope }`.
identity-scope-tenant-wide = A client bound to a merchant cannot hold the tenant-wide scope `{ $scope }`.
identity-merchant-own-only = You can bind clients to your own merchant only.
identity-password-too-short = Password must be at least { $min } characters long.
identity-password-too-long = Password must be at most { $max } characters long.
identity-password-one-kind = Password must mix at least two of letters, digits and symbols.
identity-password-common = Password is too common.
identity-password-contains-email = Password must not contain your email address or the name before its @.
identity-slug-format = The tenant's short name (slug) must be 3 to 40 lower-case letters, digits or dashes, starting with a letter.
identity-slug-taken = This short name (slug) is taken.
identity-timezone-invalid = `{ $zone }` is not an IANA time zone such as Asia/Shanghai.
identity-signup-link-invalid = This confirmation link is not valid; sign up again to get a new one.
identity-signup-link-expired = This confirmation link has expired; sign in with your email and password to get a new one.
identity-signup-link-used = This confirmation link was already used; sign in with your email and password.
identity-email-unconfirmed = Confirm your email address first: open the link we mailed you. A new link is on its way unless three were sent in the past hour.
identity-already-member = This person is already a member.
identity-invitation-accepted = This invitation was accepted; remove the member instead.
identity-invitation-invalid = This invitation link is not valid.
identity-invitation-used = This invitation was already used.
identity-invitation-withdrawn = This invitation was withdrawn; ask the person who invited you for a new one.
identity-invitation-expired = This invitation has expired; ask for a new one.
identity-invitation-needs-password = You already have an account: enter its password to accept.
identity-invitation-already-joined = You are already a member of this tenant.

identity-role = { $role ->
        [owner] owner
        [admin] admin
        [operator] operator
        [merchant] merchant
        [seller] seller
        [store_staff] store staff
        [trainer] trainer
        [trainee] trainee
       *[viewer] viewer
    }

## Mail

identity-invitation-subject = { $inviter } invited you to join { $tenant }
identity-invitation-intro = { $inviter } invited you to join { $tenant } on Silkport as { $role }.
identity-invitation-accept-before = Accept the invitation before { $expires }:
identity-invitation-accept = Accept the invitation
identity-password-reset-subject = Reset your Silkport password
identity-password-reset-intro = We received a request to reset your Silkport password.
identity-password-reset-before = Set a new password before { $expires }; if it was not you, ignore this mail:
identity-password-reset-button = Set a new password
identity-signup-confirm-subject = Confirm your email to open { $tenant } on Silkport
identity-signup-confirm-intro = Welcome to Silkport. Confirm this address to open { $tenant } and sign in.
identity-signup-confirm-before = Open this link before { $expires }; if you did not sign up, ignore this mail and nothing happens:
identity-signup-confirm-button = Confirm and sign in
identity-signup-exists-subject = You already have a Silkport account
identity-signup-exists-intro = Someone, hopefully you, tried to sign up to Silkport with this address. It already has an account, so nothing was created.
identity-signup-exists-sign-in = Sign in with your password:
identity-signup-exists-reset = Forgot it? Set a new one:
identity-signup-exists-ignore = If it was not you, ignore this mail: your account is unchanged.
