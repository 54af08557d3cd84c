//! The demo tenant: one user per role, all modules on, and one merchant
//! that the merchant user acts for, so a fresh install can be tried at
//! once. Running it again changes nothing.

use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, QueryFilter};

use super::entities::{membership, tenant};
use super::password::NewPassword;
use super::{Locale, Module, format_modules, tenants, users};
use crate::catalog::merchants::{self, NewMerchant};
use crate::platform::access::Role;
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::email::Email;
use crate::platform::errors::DomainResult;
use crate::platform::ids::new_id;
use crate::platform::paging::PageRequest;
use crate::platform::tenancy::{TenantCtx, TenantTx};

pub const DEMO_SLUG: &str = "demo";
pub const DEMO_PASSWORD: &str = "silkport-demo";
pub const DEMO_MERCHANT_CODE: &str = "DEMO-M1";

/// One demo login.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub email: String,
    pub role: Role,
}

pub fn demo_email(role: Role) -> String {
    format!("{}@demo.silkport.test", role.as_str().replace('_', "-"))
}

/// Creates the demo tenant, its merchant and its users if missing; returns the logins.
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
                timezone: Set("Asia/Shanghai".to_owned()),
                created_at: Set(clock::now()),
            };
            sea_orm::ActiveModelTrait::insert(row, &tx).await?.id
        }
    };
    let mut scoped = TenantTx::scope(db, tx, TenantCtx::system(tenant_id)).await?;
    let merchant_id = demo_merchant(&mut scoped).await?;
    let mut logins = Vec::new();
    for role in Role::ALL {
        let email = Email::parse("email", &demo_email(*role))?;
        let user = match users::find_by_email(scoped.conn(), &email).await? {
            Some(user) => user,
            None => {
                let name = format!("Demo {}", role.as_str().replace('_', " "));
                users::insert(scoped.conn(), &email, &name, hash.clone(), Locale::ZhCn, true).await?
            }
        };
        let member = scoped
            .find::<membership::Entity>()
            .filter(membership::Column::UserId.eq(user.id))
            .one(scoped.conn())
            .await?;
        if member.is_none() {
            scoped
                .insert(membership::ActiveModel {
                    tenant_id: Set(tenant_id),
                    id: Set(new_id()),
                    user_id: Set(user.id),
                    role: Set(role.as_str().to_owned()),
                    merchant_id: Set((*role == Role::Merchant).then_some(merchant_id)),
                    created_at: Set(clock::now()),
                })
                .await?;
        }
        logins.push(DemoLogin { email: email.as_str().to_owned(), role: *role });
    }
    scoped.commit().await?;
    Ok(logins)
}

async fn demo_merchant(tx: &mut TenantTx) -> DomainResult<uuid::Uuid> {
    let (existing, _) = merchants::list(tx, &PageRequest::default(), Some(DEMO_MERCHANT_CODE)).await?;
    if let Some((id, _)) = existing.items.into_iter().find(|(_, m)| m.code == DEMO_MERCHANT_CODE) {
        return Ok(id);
    }
    let merchant = NewMerchant {
        code: DEMO_MERCHANT_CODE.to_owned(),
        name: "演示货主 Demo Merchant Ltd.".to_owned(),
        contact_name: Some("王芳 Wang Fang".to_owned()),
        contact_email: Some("merchant@demo.silkport.test".to_owned()),
        contact_phone: Some("+86 539 000 0000".to_owned()),
        default_currency: "CNY".to_owned(),
    };
    Ok(merchants::create(tx, merchant, None).await?.id)
}
