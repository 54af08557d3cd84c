//! The `email.send` job: hands a message the domain rendered (in the
//! recipient's language) to the [`Mailer`]. The Message-ID is derived from
//! the job, so a retried job sends a message receivers can recognise as
//! the same.

use async_trait::async_trait;
use domain::Db;
use domain::platform::jobs::queue::ClaimedJob;
use domain::platform::mail::OutgoingEmail;
use lettre::Message;
use lettre::message::MultiPart;

use crate::handler::{JobError, JobHandler};
use crate::mailer::Mailer;

pub struct SendEmail {
    pub mailer: Mailer,
}

#[async_trait]
impl JobHandler for SendEmail {
    async fn run(&self, _: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let email: OutgoingEmail =
            serde_json::from_value(job.payload.clone()).map_err(|e| JobError::Payload(e.to_string()))?;
        let to = email.to.parse().map_err(|e: lettre::address::AddressError| JobError::Payload(e.to_string()))?;
        let message = Message::builder()
            .from(self.mailer.from().clone())
            .to(to)
            .subject(email.subject)
            .message_id(Some(format!("<{}.{}@silkport>", job.id, job.tenant_id)))
            .multipart(MultiPart::alternative_plain_html(email.text, email.html))
            .map_err(|e| JobError::Payload(e.to_string()))?;
        self.mailer.send(message).await.map_err(JobError::Failed)
    }
}
