//! Inviting members, changing roles, removing members.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use domain::catalog::MERCHANT;
use domain::identity::{self, Locale, invitations, members};
use domain::platform::access::Role;

use super::types::{Invitation, Member};
use crate::graphql::kit::context::{db, idempotency_key, state, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{UserError, into_payload};

#[derive(Default)]
pub struct MemberMutations;

#[derive(InputObject)]
pub struct MemberInviteInput {
    email: String,
    role: Enum<Role>,
    /// Required for the MERCHANT role: the merchant the invitee acts for.
    merchant_id: Option<ID>,
    /// Language of the invitation mail; yours when not given.
    locale: Option<Enum<Locale>>,
    /// Makes a retry safe: the same key and input return the first
    /// invitation for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(SimpleObject)]
pub struct MemberInvitePayload {
    invitation: Option<Invitation>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct MemberRoleChangeInput {
    member_id: ID,
    role: Enum<Role>,
    /// Required for the MERCHANT role: the merchant the member acts for.
    merchant_id: Option<ID>,
}

#[derive(SimpleObject)]
pub struct MemberRoleChangePayload {
    member: Option<Member>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct MemberRemoveInput {
    member_id: ID,
}

#[derive(SimpleObject)]
pub struct MemberRemovePayload {
    removed_member_id: Option<ID>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct InvitationRevokeInput {
    id: ID,
}

#[derive(SimpleObject)]
pub struct InvitationRevokePayload {
    invitation: Option<Invitation>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct InvitationResendInput {
    id: ID,
}

#[derive(SimpleObject)]
pub struct InvitationResendPayload {
    invitation: Option<Invitation>,
    user_errors: Vec<UserError>,
}

#[Object]
impl MemberMutations {
    /// Invites someone by email; they get a link to join. Someone with a
    /// pending invitation is not invited twice: the answer is the user error
    /// `ALREADY_INVITED`, whose `subjectId` is that invitation (resend it
    /// with `invitationResend`). An expired invitation is replaced.
    async fn member_invite(&self, ctx: &Context<'_>, input: MemberInviteInput) -> Result<MemberInvitePayload> {
        let tctx = tenant_ctx(ctx)?;
        let public_url = &state(ctx).config.public_url;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let invite = invitations::InviteInput {
                email: input.email,
                role: input.role.into_inner(),
                merchant_id: ids::decode_opt(MERCHANT, "merchantId", input.merchant_id.as_ref())?,
                locale: input.locale.map(Enum::into_inner),
            };
            db(ctx).write(&tctx, async |tx| invitations::invite(tx, invite, public_url, key.as_ref()).await).await
        };
        let (invitation, user_errors) = into_payload(result.await)?;
        Ok(MemberInvitePayload { invitation: invitation.map(Invitation), user_errors })
    }

    /// Withdraws a pending invitation; its link stops working.
    async fn invitation_revoke(
        &self,
        ctx: &Context<'_>,
        input: InvitationRevokeInput,
    ) -> Result<InvitationRevokePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(identity::INVITATION, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| invitations::revoke(tx, id).await).await
        };
        let (invitation, user_errors) = into_payload(result.await)?;
        Ok(InvitationRevokePayload { invitation: invitation.map(Invitation), user_errors })
    }

    /// Sends a pending or expired invitation again: a new link, valid for
    /// another 7 days; the old link stops working.
    async fn invitation_resend(
        &self,
        ctx: &Context<'_>,
        input: InvitationResendInput,
    ) -> Result<InvitationResendPayload> {
        let tctx = tenant_ctx(ctx)?;
        let public_url = &state(ctx).config.public_url;
        let result = async {
            let id = ids::decode(identity::INVITATION, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| invitations::resend(tx, id, public_url).await).await
        };
        let (invitation, user_errors) = into_payload(result.await)?;
        Ok(InvitationResendPayload { invitation: invitation.map(Invitation), user_errors })
    }

    async fn member_role_change(
        &self,
        ctx: &Context<'_>,
        input: MemberRoleChangeInput,
    ) -> Result<MemberRoleChangePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(identity::MEMBER, "memberId", &input.member_id)?;
            let merchant_id = ids::decode_opt(MERCHANT, "merchantId", input.merchant_id.as_ref())?;
            let role = input.role.into_inner();
            db(ctx).write(&tctx, async |tx| members::change_role(tx, id, role, merchant_id).await).await
        };
        let (member, user_errors) = into_payload(result.await)?;
        Ok(MemberRoleChangePayload { member: member.map(Member), user_errors })
    }

    async fn member_remove(&self, ctx: &Context<'_>, input: MemberRemoveInput) -> Result<MemberRemovePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(identity::MEMBER, "memberId", &input.member_id)?;
            db(ctx).write(&tctx, async |tx| members::remove(tx, id).await).await
        };
        let (removed, user_errors) = into_payload(result.await)?;
        Ok(MemberRemovePayload { removed_member_id: removed.map(|id| ids::encode(identity::MEMBER, id)), user_errors })
    }
}
