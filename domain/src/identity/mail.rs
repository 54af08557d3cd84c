//! The identity context's mail: the invitation, the password-reset link,
//! the sign-up confirmation link and the note to an address that already
//! has an account, in the recipient's language with times in the tenant's
//! zone. Words in `locales/*.ftl`, bodies in `templates/<name>.{txt,html}`.

use chrono::{DateTime, Utc};
use minijinja::context;

use super::messages;
use crate::platform::access::Role;
use crate::platform::errors::DomainResult;
use crate::platform::i18n::{Locale, zoned_time};
use crate::platform::mail::OutgoingEmail;

/// "X invited you to join Y as Z", with the accept link.
pub(crate) struct Invitation<'a> {
    pub tenant_name: &'a str,
    /// IANA zone the expiry is shown in: the tenant's.
    pub timezone: &'a str,
    pub inviter: &'a str,
    pub role: Role,
    pub accept_url: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// The password-reset link.
pub(crate) struct PasswordReset<'a> {
    pub reset_url: &'a str,
    /// IANA zone the expiry is shown in: the user's home tenant's.
    pub timezone: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// The sign-up confirmation link.
pub(crate) struct SignupConfirm<'a> {
    pub tenant_name: &'a str,
    pub confirm_url: &'a str,
    /// IANA zone the expiry is shown in: the new tenant's.
    pub timezone: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// "This address already has an account": how to sign in or reset.
pub(crate) struct SignupAccountExists<'a> {
    pub sign_in_url: &'a str,
    pub reset_url: &'a str,
}

impl Invitation<'_> {
    pub fn render(&self, to: &str, locale: Locale) -> DomainResult<OutgoingEmail> {
        let subject = messages::invitation_subject(self.inviter, self.tenant_name);
        let values = context! {
            tenant => self.tenant_name,
            inviter => self.inviter,
            role => self.role.as_str(),
            accept_url => self.accept_url,
            expires => zoned_time(self.expires_at, self.timezone),
        };
        OutgoingEmail::render(to, locale, "identity/invitation", &subject, values)
    }
}

impl PasswordReset<'_> {
    pub fn render(&self, to: &str, locale: Locale) -> DomainResult<OutgoingEmail> {
        let values = context! {
            reset_url => self.reset_url,
            expires => zoned_time(self.expires_at, self.timezone),
        };
        OutgoingEmail::render(to, locale, "identity/password_reset", &messages::password_reset_subject(), values)
    }
}

impl SignupConfirm<'_> {
    pub fn render(&self, to: &str, locale: Locale) -> DomainResult<OutgoingEmail> {
        let values = context! {
            tenant => self.tenant_name,
            confirm_url => self.confirm_url,
            expires => zoned_time(self.expires_at, self.timezone),
        };
        let subject = messages::signup_confirm_subject(self.tenant_name);
        OutgoingEmail::render(to, locale, "identity/signup_confirm", &subject, values)
    }
}

impl SignupAccountExists<'_> {
    pub fn render(&self, to: &str, locale: Locale) -> DomainResult<OutgoingEmail> {
        let values = context! { sign_in_url => self.sign_in_url, reset_url => self.reset_url };
        OutgoingEmail::render(to, locale, "identity/signup_exists", &messages::signup_exists_subject(), values)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::TimeZone;

    use super::*;
    use crate::platform::i18n::Message;

    fn expires() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 2, 10, 0, 0).single().expect("a time")
    }

    fn invitation(role: Role) -> Invitation<'static> {
        Invitation {
            tenant_name: "Acme <Warehouse> & Co",
            timezone: "Asia/Shanghai",
            inviter: "Li \"Wei\"",
            role,
            accept_url: "https://portal.example/accept-invite?token=a.b.c&x=1",
            expires_at: expires(),
        }
    }

    #[test]
    fn invitation_is_rendered_in_the_recipients_language_with_the_link_and_the_zone() {
        let zh = invitation(Role::Operator).render("new@example.com", Locale::ZhCn).expect("renders");
        assert!(zh.subject.contains("邀请您加入"), "{}", zh.subject);
        assert!(zh.text.contains("仓库操作员"), "{}", zh.text);
        assert!(zh.text.contains("2025-01-02 18:00 GMT+8 (Asia/Shanghai)"), "{}", zh.text);
        assert!(zh.text.contains("https://portal.example/accept-invite?token=a.b.c&x=1"), "{}", zh.text);
        assert!(zh.html.contains("<html lang=\"zh-CN\">"), "{}", zh.html);
        assert_eq!(zh.locale, "zh-CN");
        let en = invitation(Role::Operator).render("new@example.com", Locale::En).expect("renders");
        assert!(en.subject.starts_with("Li \"Wei\" invited you"), "{}", en.subject);
        assert!(en.text.contains("as operator"), "{}", en.text);
        // minijinja escapes `/` too (`&#x2f;`), harmless in HTML.
        assert!(en.html.contains("2025-01-02 18:00 GMT+8 (Asia&#x2f;Shanghai)"), "{}", en.html);
        assert_eq!(en.to, "new@example.com");
    }

    #[test]
    fn html_escapes_what_users_typed_and_text_keeps_it() {
        let mail = invitation(Role::Operator).render("new@example.com", Locale::En).expect("renders");
        assert!(mail.html.contains("Acme &lt;Warehouse&gt; &amp; Co"), "{}", mail.html);
        assert!(!mail.html.contains("<Warehouse>"));
        assert!(mail.html.contains("token=a.b.c&amp;x=1"), "the link is escaped in the attribute: {}", mail.html);
        assert!(mail.text.contains("Acme <Warehouse> & Co"), "plain text is not HTML: {}", mail.text);
    }

    #[test]
    fn every_role_has_a_name_of_its_own_in_every_language() {
        for &locale in Locale::ALL {
            let names: BTreeSet<String> = Role::ALL
                .iter()
                .map(|&r| Message::new("identity-role").arg("role", r.as_str()).render(locale))
                .collect();
            assert_eq!(names.len(), Role::ALL.len(), "{locale}: {names:?}");
        }
    }

    #[test]
    fn password_reset_is_rendered_in_both_languages_with_the_zone() {
        let reset = PasswordReset {
            reset_url: "https://p.example/reset-password?token=x.y",
            timezone: "UTC",
            expires_at: expires(),
        };
        let zh = reset.render("a@example.com", Locale::ZhCn).expect("renders");
        assert!(zh.subject.contains("重置"), "{}", zh.subject);
        assert!(zh.text.contains("2025-01-02 10:00 GMT (UTC)"), "{}", zh.text);
        let en = reset.render("a@example.com", Locale::En).expect("renders");
        assert!(en.text.contains("https://p.example/reset-password?token=x.y"), "{}", en.text);
        assert!(en.subject.contains("Reset"), "{}", en.subject);
    }

    #[test]
    fn signup_mails_are_rendered_in_both_languages() {
        let confirm = SignupConfirm {
            tenant_name: "Acme <3PL>",
            confirm_url: "https://p.example/confirm-signup?token=x.y",
            timezone: "Asia/Shanghai",
            expires_at: expires(),
        };
        let zh = confirm.render("a@example.com", Locale::ZhCn).expect("renders");
        assert!(zh.subject.contains("Acme <3PL>") && zh.subject.contains("确认"), "{}", zh.subject);
        assert!(zh.text.contains("2025-01-02 18:00 GMT+8 (Asia/Shanghai)"), "{}", zh.text);
        assert!(zh.html.contains("Acme &lt;3PL&gt;"), "{}", zh.html);
        let en = confirm.render("a@example.com", Locale::En).expect("renders");
        assert!(en.text.contains("https://p.example/confirm-signup?token=x.y"), "{}", en.text);
        let exists = SignupAccountExists {
            sign_in_url: "https://p.example/login",
            reset_url: "https://p.example/forgot-password",
        };
        let en = exists.render("a@example.com", Locale::En).expect("renders");
        assert!(en.subject.contains("already have"), "{}", en.subject);
        assert!(en.text.contains("https://p.example/forgot-password"), "{}", en.text);
        let zh = exists.render("a@example.com", Locale::ZhCn).expect("renders");
        assert!(zh.text.contains("https://p.example/login") && zh.subject.contains("已有"), "{}", zh.text);
    }
}
