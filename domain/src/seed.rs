//! The demo tenant: one user per role, all modules on, so a fresh install
//! can be tried at once. Running it again changes nothing.

use chrono::Utc;
use sea_orm::ActiveValue::Set;

use crate::access::Role;
use crate::db::{Db, TenantTx};
use crate::entities::{membership, tenant};
use crate::error::DomainResult;
use crate::identity::email::Email;
use crate::identity::password::NewPassword;
use crate::identity::{Locale, Module, format_modules, tenants, users};
use crate::ids::new_id;

pub const DEMO_SLUG: &str = "demo";
pub const DEMO_PASSWORD: &str = "silkport-demo";

/// One demo login.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub email: String,
    pub role: Role,
}

pub fn demo_email(role: Role) -> String {
    format!("{}@demo.silkport.test", role.as_str().replace('_', "-"))
}

/// Creates the demo tenant and its users if missing; returns the logins.
pub async fn demo(db: &Db) -> DomainResult<Vec<DemoLogin>> {
    let hash = NewPassword::parse("password", DEMO_PASSWORD, None)?.hash().await?;
    let tx = db.global_tx().await?;
    let tenant_id = match tenants::find_by_slug(&tx, DEMO_SLUG).await? {
        Some(existing) => existing.id,
        None => {
            let row = tenant::ActiveModel {
                id: Set(new_id()),
                name: Set("丝路港演示企业 Silkport Demo Co.".to_owned()),
                slug: Set(DEMO_SLUG.to_owned()),
                modules: Set(format_modules(Module::ALL)),
                default_locale: Set(Locale::ZhCn.as_str().to_owned()),
                created_at: Set(Utc::now()),
            };
            sea_orm::ActiveModelTrait::insert(row, &tx).await?.id
        }
    };
    let scoped = TenantTx::scope(db, tx, tenant_id).await?;
    let mut logins = Vec::new();
    for role in Role::ALL {
        let email = Email::parse("email", &demo_email(*role))?;
        let user = match users::find_by_email(scoped.conn(), &email).await? {
            Some(user) => user,
            None => {
                let name = format!("Demo {}", role.as_str().replace('_', " "));
                users::insert(scoped.conn(), &email, &name, hash.clone(), Locale::ZhCn).await?
            }
        };
        let member = {
            use sea_orm::{ColumnTrait, QueryFilter};
            scoped
                .find::<membership::Entity>()
                .filter(membership::Column::UserId.eq(user.id))
                .one(scoped.conn())
                .await?
        };
        if member.is_none() {
            scoped
                .insert(membership::ActiveModel {
                    tenant_id: Set(tenant_id),
                    id: Set(new_id()),
                    user_id: Set(user.id),
                    role: Set(role.as_str().to_owned()),
                    created_at: Set(Utc::now()),
                })
                .await?;
        }
        logins.push(DemoLogin { email: email.as_str().to_owned(), role: *role });
    }
    scoped.commit().await?;
    Ok(logins)
}
