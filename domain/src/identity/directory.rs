//! Names actors for the audit log: a user by email (and, for its readers,
//! by their present name), a partner client by name.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use uuid::Uuid;

use super::entities::api_client;
use super::users;
use crate::platform::audit::{ActorDirectory, Directory};
use crate::platform::db::Db;
use crate::platform::errors::DomainResult;
use crate::platform::tenancy::{Actor, TenantTx};

struct Identity;

#[async_trait]
impl ActorDirectory for Identity {
    async fn label(&self, tx: &TenantTx, actor: &Actor) -> DomainResult<String> {
        Ok(match actor {
            Actor::User { id } => users::find(tx.conn(), *id).await?.map(|u| u.email).unwrap_or_else(|| id.to_string()),
            Actor::ApiClient { id } => {
                let found = tx.find_by_id::<api_client::Entity>(*id).one(tx.conn()).await?;
                found.map(|c| format!("API client {}", c.name)).unwrap_or_else(|| id.to_string())
            }
            Actor::System => "system".to_owned(),
        })
    }

    async fn user_names(&self, tx: &TenantTx, ids: &[Uuid]) -> DomainResult<HashMap<Uuid, String>> {
        Ok(users::get_many(tx.conn(), ids.to_vec()).await?.into_iter().map(|u| (u.id, u.name)).collect())
    }
}

pub(super) fn install(db: &Db) {
    db.extensions().insert(Directory(Arc::new(Identity)));
}
