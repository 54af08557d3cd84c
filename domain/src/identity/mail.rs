//! The identity context's mail, in the recipient's language: the
//! invitation and the password-reset link.

use chrono::{DateTime, Utc};

use super::Locale;
use crate::platform::access::Role;
use crate::platform::mail::OutgoingEmail;

/// "X invited you to join Y as Z", with the accept link.
pub(crate) struct Invitation<'a> {
    pub tenant_name: &'a str,
    pub inviter: &'a str,
    pub role: Role,
    pub accept_url: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// The password-reset link.
pub(crate) struct PasswordReset<'a> {
    pub reset_url: &'a str,
    pub expires_at: DateTime<Utc>,
}

fn role_name(role: Role, locale: Locale) -> &'static str {
    match locale {
        Locale::En => match role {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Operator => "operator",
            Role::Merchant => "merchant",
            Role::Seller => "seller",
            Role::StoreStaff => "store staff",
            Role::Trainer => "trainer",
            Role::Trainee => "trainee",
            Role::Viewer => "viewer",
        },
        Locale::ZhCn => match role {
            Role::Owner => "所有者",
            Role::Admin => "管理员",
            Role::Operator => "仓库操作员",
            Role::Merchant => "货主",
            Role::Seller => "直播销售",
            Role::StoreStaff => "门店员工",
            Role::Trainer => "培训讲师",
            Role::Trainee => "学员",
            Role::Viewer => "只读成员",
        },
    }
}

fn expiry(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

impl Invitation<'_> {
    pub fn render(&self, to: &str, locale: Locale) -> OutgoingEmail {
        let Self { tenant_name, inviter, role, accept_url, expires_at } = self;
        let (role, expires) = (role_name(*role, locale), expiry(*expires_at));
        let (subject, lines) = match locale {
            Locale::ZhCn => (
                format!("{inviter} 邀请您加入「{tenant_name}」"),
                vec![
                    format!("{inviter} 邀请您以「{role}」身份加入丝路港（Silkport）上的「{tenant_name}」。"),
                    format!("请在 {expires} 前点击下面的链接接受邀请："),
                ],
            ),
            Locale::En => (
                format!("{inviter} invited you to join {tenant_name}"),
                vec![
                    format!("{inviter} invited you to join {tenant_name} on Silkport as {role}."),
                    format!("Accept the invitation before {expires}:"),
                ],
            ),
        };
        OutgoingEmail::with_link(to, locale.as_str(), subject, &lines, accept_url)
    }
}

impl PasswordReset<'_> {
    pub fn render(&self, to: &str, locale: Locale) -> OutgoingEmail {
        let expires = expiry(self.expires_at);
        let (subject, lines) = match locale {
            Locale::ZhCn => (
                "重置您的丝路港密码".to_owned(),
                vec![
                    "我们收到了重置您丝路港（Silkport）密码的请求。".to_owned(),
                    format!("请在 {expires} 前点击下面的链接设置新密码；如非本人操作，请忽略本邮件："),
                ],
            ),
            Locale::En => (
                "Reset your Silkport password".to_owned(),
                vec![
                    "We received a request to reset your Silkport password.".to_owned(),
                    format!("Set a new password before {expires}; if it was not you, ignore this mail:"),
                ],
            ),
        };
        OutgoingEmail::with_link(to, locale.as_str(), subject, &lines, self.reset_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitation() -> Invitation<'static> {
        Invitation {
            tenant_name: "Acme <Warehouse>",
            inviter: "Li Wei",
            role: Role::Operator,
            accept_url: "https://portal.example/accept-invite?token=a.b.c",
            expires_at: Utc::now(),
        }
    }

    #[test]
    fn invitation_is_rendered_in_the_recipients_language_with_the_link() {
        let zh = invitation().render("new@example.com", Locale::ZhCn);
        assert!(zh.subject.contains("邀请您加入"));
        assert!(zh.text.contains("仓库操作员"));
        assert!(zh.text.contains("https://portal.example/accept-invite?token=a.b.c"));
        let en = invitation().render("new@example.com", Locale::En);
        assert!(en.subject.starts_with("Li Wei invited you"));
        assert!(en.text.contains("as operator"));
        assert_eq!(en.to, "new@example.com");
    }

    #[test]
    fn html_escapes_what_users_typed() {
        let html = invitation().render("new@example.com", Locale::En).html;
        assert!(html.contains("Acme &lt;Warehouse&gt;"));
        assert!(!html.contains("<Warehouse>"));
    }

    #[test]
    fn password_reset_is_rendered_in_both_languages() {
        let reset = PasswordReset { reset_url: "https://p.example/reset-password?token=x.y", expires_at: Utc::now() };
        assert!(reset.render("a@example.com", Locale::ZhCn).subject.contains("重置"));
        assert!(reset.render("a@example.com", Locale::En).text.contains("https://p.example/reset-password?token=x.y"));
    }
}
