//! The signed-in person's own account: name and language.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use domain::identity::{Locale, users};

use super::types::User;
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::payload::{UserError, into_payload};

#[derive(Default)]
pub struct AccountMutations;

#[derive(InputObject)]
pub struct AccountUpdateInput {
    /// 1 to 120 characters.
    name: Option<String>,
    /// The language of the portal and of every mail sent to you.
    locale: Option<Enum<Locale>>,
}

#[derive(SimpleObject)]
pub struct AccountUpdatePayload {
    user: Option<User>,
    user_errors: Vec<UserError>,
}

#[Object]
impl AccountMutations {
    /// Changes your own name or language (people only; a partner client
    /// has no account: `FORBIDDEN`).
    async fn account_update(&self, ctx: &Context<'_>, input: AccountUpdateInput) -> Result<AccountUpdatePayload> {
        let change = users::AccountUpdate { name: input.name, locale: input.locale.map(Enum::into_inner) };
        let result = db(ctx).write(&tenant_ctx(ctx)?, async |tx| users::update_own(tx, change).await).await;
        let (user, user_errors) = into_payload(result)?;
        Ok(AccountUpdatePayload { user: user.map(User), user_errors })
    }
}
