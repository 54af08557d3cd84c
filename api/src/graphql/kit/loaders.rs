//! Dataloaders: a nested field of a listing (`apiClients { merchant }`)
//! loads its objects for the whole page in one query, so the round trips
//! of a request do not grow with its page size.
//!
//! Each request gets its own loaders (they carry the request's tenant and
//! merchant scope), made on first use.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};

use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, Error};
use domain::{Db, DomainResult, TenantCtx, TenantTx};
use uuid::Uuid;

use super::context::{db, tenant_ctx};
use super::payload::gql_error;

/// Objects of one kind fetched by id in one query.
pub trait Batch: Send + Sync + 'static {
    type Value: Clone + Send + Sync + 'static;

    fn load(tx: &TenantTx, ids: &[Uuid]) -> impl Future<Output = DomainResult<Vec<(Uuid, Self::Value)>>> + Send;
}

/// The [`Loader`] of a [`Batch`] in one request's scope.
pub struct ById<B> {
    db: Db,
    ctx: TenantCtx,
    kind: PhantomData<fn() -> B>,
}

impl<B: Batch> Loader<Uuid> for ById<B> {
    type Value = B::Value;
    type Error = Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let found = self.db.read(&self.ctx, async |tx| B::load(tx, keys).await).await.map_err(gql_error)?;
        Ok(found.into_iter().collect())
    }
}

/// The loaders of one request, made on first use.
#[derive(Default)]
pub struct Loaders(Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

/// Loads one object of batch `B` by id, batched with the request's other loads.
pub async fn load<B: Batch>(ctx: &Context<'_>, id: Uuid) -> Result<Option<B::Value>, Error> {
    let loader = loader::<B>(ctx)?;
    loader.load_one(id).await
}

fn loader<B: Batch>(ctx: &Context<'_>) -> Result<Arc<DataLoader<ById<B>>>, Error> {
    let loaders = ctx.data::<Loaders>()?;
    let mut map = loaders.0.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(found) = map.get(&TypeId::of::<B>()).and_then(|l| l.clone().downcast::<DataLoader<ById<B>>>().ok()) {
        return Ok(found);
    }
    let batch = ById::<B> { db: db(ctx).clone(), ctx: tenant_ctx(ctx)?, kind: PhantomData };
    let made = Arc::new(DataLoader::new(batch, tokio::spawn));
    map.insert(TypeId::of::<B>(), made.clone());
    Ok(made)
}
