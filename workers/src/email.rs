//! The `email.send` job: renders the message in the recipient's language
//! and hands it to the [`Mailer`]. The Message-ID is derived from the job,
//! so a retried job sends a message receivers can recognise as the same.

use async_trait::async_trait;
use domain::jobs::mail::{EmailMessage, OutgoingEmail};
use domain::jobs::queue::ClaimedJob;
use lettre::Message;
use lettre::message::MultiPart;

use crate::mailer::Mailer;
use crate::runner::{JobError, JobHandler};

pub struct SendEmail {
    pub mailer: Mailer,
}

/// Subject and plain-text body of a message in one language.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn role_name(role: &str, zh: bool) -> String {
    if !zh {
        return role.replace('_', " ");
    }
    match role {
        "owner" => "所有者",
        "admin" => "管理员",
        "operator" => "仓库操作员",
        "merchant" => "货主",
        "seller" => "直播销售",
        "store_staff" => "门店员工",
        "trainer" => "培训讲师",
        "trainee" => "学员",
        "viewer" => "只读成员",
        other => other,
    }
    .to_owned()
}

pub fn render(email: &OutgoingEmail) -> Rendered {
    let zh = email.locale == "zh-CN";
    let (subject, lines, link) = match &email.message {
        EmailMessage::Invitation { tenant_name, inviter, role, accept_url, expires_at } => {
            let expires = expires_at.format("%Y-%m-%d %H:%M UTC");
            let role = role_name(role, zh);
            if zh {
                (
                    format!("{inviter} 邀请您加入「{tenant_name}」"),
                    vec![
                        format!("{inviter} 邀请您以「{role}」身份加入丝路港（Silkport）上的「{tenant_name}」。"),
                        format!("请在 {expires} 前点击下面的链接接受邀请："),
                    ],
                    accept_url.clone(),
                )
            } else {
                (
                    format!("{inviter} invited you to join {tenant_name}"),
                    vec![
                        format!("{inviter} invited you to join {tenant_name} on Silkport as {role}."),
                        format!("Accept the invitation before {expires}:"),
                    ],
                    accept_url.clone(),
                )
            }
        }
        EmailMessage::PasswordReset { reset_url, expires_at } => {
            let expires = expires_at.format("%Y-%m-%d %H:%M UTC");
            if zh {
                (
                    "重置您的丝路港密码".to_owned(),
                    vec![
                        "我们收到了重置您丝路港（Silkport）密码的请求。".to_owned(),
                        format!("请在 {expires} 前点击下面的链接设置新密码；如非本人操作，请忽略本邮件："),
                    ],
                    reset_url.clone(),
                )
            } else {
                (
                    "Reset your Silkport password".to_owned(),
                    vec![
                        "We received a request to reset your Silkport password.".to_owned(),
                        format!("Set a new password before {expires}; if it was not you, ignore this mail:"),
                    ],
                    reset_url.clone(),
                )
            }
        }
    };
    let text = format!("{}\n\n{link}\n", lines.join("\n"));
    let html = format!(
        "<!doctype html><html lang=\"{}\"><body>{}<p><a href=\"{}\">{}</a></p></body></html>",
        escape(&email.locale),
        lines.iter().map(|l| format!("<p>{}</p>", escape(l))).collect::<String>(),
        escape(&link),
        escape(&link),
    );
    Rendered { subject, text, html }
}

#[async_trait]
impl JobHandler for SendEmail {
    async fn run(&self, job: &ClaimedJob) -> Result<(), JobError> {
        let email: OutgoingEmail =
            serde_json::from_value(job.payload.clone()).map_err(|e| JobError::Payload(e.to_string()))?;
        let to = email.to.parse().map_err(|e: lettre::address::AddressError| JobError::Payload(e.to_string()))?;
        let rendered = render(&email);
        let message = Message::builder()
            .from(self.mailer.from().clone())
            .to(to)
            .subject(rendered.subject)
            .message_id(Some(format!("<{}.{}@silkport>", job.id, job.tenant_id)))
            .multipart(MultiPart::alternative_plain_html(rendered.text, rendered.html))
            .map_err(|e| JobError::Payload(e.to_string()))?;
        self.mailer.send(message).await.map_err(JobError::Failed)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use domain::identity::Locale;

    use super::*;

    fn invitation(locale: Locale) -> OutgoingEmail {
        OutgoingEmail::new(
            "new@example.com",
            locale,
            EmailMessage::Invitation {
                tenant_name: "Acme <Warehouse>".into(),
                inviter: "Li Wei".into(),
                role: "operator".into(),
                accept_url: "https://portal.example/accept-invite?token=a.b.c".into(),
                expires_at: Utc::now(),
            },
        )
    }

    #[test]
    fn invitation_is_rendered_in_the_recipients_language_with_the_link() {
        let zh = render(&invitation(Locale::ZhCn));
        assert!(zh.subject.contains("邀请您加入"));
        assert!(zh.text.contains("仓库操作员"));
        assert!(zh.text.contains("https://portal.example/accept-invite?token=a.b.c"));
        let en = render(&invitation(Locale::En));
        assert!(en.subject.starts_with("Li Wei invited you"));
        assert!(en.text.contains("as operator"));
    }

    #[test]
    fn html_escapes_what_users_typed() {
        let html = render(&invitation(Locale::En)).html;
        assert!(html.contains("Acme &lt;Warehouse&gt;"));
        assert!(!html.contains("<Warehouse>"));
    }
}
