//! Inviting members, changing roles, removing members.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use domain::identity::{invitations, members};

use crate::graphql::context::{db, state, tenant_ctx};
use crate::graphql::enums::{Locale, Role};
use crate::graphql::errors::{UserError, into_payload};
use crate::graphql::ids;
use crate::graphql::objects::{Invitation, Member};

#[derive(Default)]
pub struct MemberMutations;

#[derive(InputObject)]
pub struct MemberInviteInput {
    email: String,
    role: Role,
    /// Language of the invitation mail; yours when not given.
    locale: Option<Locale>,
}

#[derive(SimpleObject)]
pub struct MemberInvitePayload {
    invitation: Option<Invitation>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct MemberRoleChangeInput {
    member_id: ID,
    role: Role,
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

fn member_id(id: &ID) -> Result<uuid::Uuid, Vec<UserError>> {
    ids::decode("Member", id).ok_or_else(|| vec![UserError::invalid("memberId", "Not a member id.")])
}

#[Object]
impl MemberMutations {
    /// Invites someone by email; they get a link to join.
    async fn member_invite(&self, ctx: &Context<'_>, input: MemberInviteInput) -> Result<MemberInvitePayload> {
        let invite = invitations::InviteInput {
            email: input.email,
            role: input.role.into(),
            locale: input.locale.map(Into::into),
        };
        let public_url = &state(ctx).config.public_url;
        let result = invitations::invite(db(ctx), &tenant_ctx(ctx)?, invite, public_url).await;
        let (invitation, user_errors) = into_payload(result)?;
        Ok(MemberInvitePayload { invitation: invitation.map(Invitation), user_errors })
    }

    /// Withdraws a pending invitation; its link stops working.
    async fn invitation_revoke(
        &self,
        ctx: &Context<'_>,
        input: InvitationRevokeInput,
    ) -> Result<InvitationRevokePayload> {
        let tctx = tenant_ctx(ctx)?;
        let Some(id) = ids::decode("Invitation", &input.id) else {
            let user_errors = vec![UserError::invalid("id", "Not an invitation id.")];
            return Ok(InvitationRevokePayload { invitation: None, user_errors });
        };
        let (invitation, user_errors) = into_payload(invitations::revoke(db(ctx), &tctx, id).await)?;
        Ok(InvitationRevokePayload { invitation: invitation.map(Invitation), user_errors })
    }

    async fn member_role_change(
        &self,
        ctx: &Context<'_>,
        input: MemberRoleChangeInput,
    ) -> Result<MemberRoleChangePayload> {
        let tctx = tenant_ctx(ctx)?;
        let id = match member_id(&input.member_id) {
            Ok(id) => id,
            Err(user_errors) => return Ok(MemberRoleChangePayload { member: None, user_errors }),
        };
        let (member, user_errors) = into_payload(members::change_role(db(ctx), &tctx, id, input.role.into()).await)?;
        Ok(MemberRoleChangePayload { member: member.map(Member), user_errors })
    }

    async fn member_remove(&self, ctx: &Context<'_>, input: MemberRemoveInput) -> Result<MemberRemovePayload> {
        let tctx = tenant_ctx(ctx)?;
        let id = match member_id(&input.member_id) {
            Ok(id) => id,
            Err(user_errors) => return Ok(MemberRemovePayload { removed_member_id: None, user_errors }),
        };
        let (removed, user_errors) = into_payload(members::remove(db(ctx), &tctx, id).await)?;
        Ok(MemberRemovePayload { removed_member_id: removed.map(|id| ids::encode("Member", id)), user_errors })
    }
}
