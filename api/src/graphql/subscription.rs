//! Subscriptions (graphql-ws at `/graphql/ws`), fed by events published
//! after their transaction commits.

use async_graphql::{Context, Result, Subscription};
use domain::access::Permission;
use domain::events::EventKind;
use futures_util::Stream;
use tokio::sync::broadcast::error::RecvError;

use super::context::{db, tenant_ctx};
use super::errors::gql_error;
use super::objects::AuditEntry;

pub struct SubscriptionRoot;

#[Subscription]
impl SubscriptionRoot {
    /// Each new audit entry of the tenant, as it is committed.
    async fn audit_entry_added(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = AuditEntry>> {
        let tctx = tenant_ctx(ctx)?;
        tctx.require(Permission::AuditRead).map_err(gql_error)?;
        let receiver = db(ctx).subscribe();
        let tenant_id = tctx.tenant_id;
        Ok(futures_util::stream::unfold(receiver, move |mut receiver| async move {
            loop {
                match receiver.recv().await {
                    Ok(event) if event.tenant_id == tenant_id => {
                        if let EventKind::AuditEntryAdded(entry) = event.kind {
                            return Some((AuditEntry(*entry), receiver));
                        }
                    }
                    Ok(_) | Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                }
            }
        }))
    }
}
