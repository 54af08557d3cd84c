//! The tenant-scoped transaction.
//!
//! [`TenantTx`] is the only way to reach a tenant table: every query it
//! builds is filtered by the context's tenant and, for entities with an
//! owner, by the context's merchant; every row it writes is stamped with
//! them; and on PostgreSQL it sets `app.tenant_id` and `app.merchant_id`
//! for the transaction so row-level security checks the same things a
//! second time.

use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;

use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, DeleteMany, IntoActiveModel,
    QueryFilter, Select, Statement, TryInsertResult, UpdateMany, Value,
};
use serde::Serialize;
use uuid::Uuid;

use super::ctx::{Actor, TenantCtx};
use super::entity::TenantEntity;
use crate::platform::bus::{Event, Topic};
use crate::platform::db::{Db, Mode};
use crate::platform::errors::{DomainError, DomainResult};

/// A transaction bound to one tenant (and, for merchant-bound contexts,
/// one merchant), carrying the context that opened it.
pub struct TenantTx {
    db: Db,
    tx: DatabaseTransaction,
    ctx: TenantCtx,
    wrote_jobs: bool,
    events: Vec<Event>,
    /// In a mutex only so that `&TenantTx` is `Send` (the futures are not `Sync`).
    after_commit: Mutex<Vec<AfterCommit>>,
}

type AfterCommit = Pin<Box<dyn Future<Output = ()> + Send>>;

impl TenantTx {
    pub(crate) async fn start(db: Db, tx: DatabaseTransaction, ctx: TenantCtx, mode: Mode) -> Result<Self, DbErr> {
        if tx.get_database_backend() == DbBackend::Postgres {
            // One round trip for the scope and, for reads, the access mode.
            let read_only = if mode == Mode::Read { ", set_config('transaction_read_only', 'on', true)" } else { "" };
            let merchant = ctx.merchant_id.map(|m| m.to_string()).unwrap_or_default();
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                format!(
                    "SELECT set_config('app.tenant_id', $1, true), set_config('app.merchant_id', $2, true){read_only}"
                ),
                [Value::from(ctx.tenant_id.to_string()), Value::from(merchant)],
            ))
            .await?;
        }
        Ok(Self { db, tx, ctx, wrote_jobs: false, events: Vec::new(), after_commit: Mutex::default() })
    }

    /// Continues an open global transaction (one that created the tenant,
    /// say) scoped to `ctx`.
    pub(crate) async fn scope(db: &Db, tx: DatabaseTransaction, ctx: TenantCtx) -> Result<Self, DbErr> {
        Self::start(db.clone(), tx, ctx, Mode::Write).await
    }

    pub fn ctx(&self) -> &TenantCtx {
        &self.ctx
    }

    /// Records what follows as done by `actor` (a person who just proved
    /// who they are inside this transaction, say). Scoping is unchanged.
    pub(crate) fn act_as(&mut self, actor: Actor, request_id: Option<String>) {
        self.ctx.actor = actor;
        self.ctx.request_id = request_id;
    }

    pub fn tenant_id(&self) -> Uuid {
        self.ctx.tenant_id
    }

    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    /// The underlying transaction, for executing what this type built.
    pub(crate) fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    pub(crate) fn backend(&self) -> DbBackend {
        self.tx.get_database_backend()
    }

    /// The owner filter of `E` for this context, if any applies.
    fn owner_filter<E: TenantEntity>(&self) -> Option<(E::Column, Uuid)> {
        Some((E::owner_column()?, self.ctx.merchant_id?))
    }

    /// `SELECT … WHERE tenant_id = <tenant> [AND <owner> = <merchant>]`.
    #[expect(clippy::disallowed_methods, reason = "the one place unscoped finds become scoped")]
    pub(crate) fn find<E: TenantEntity>(&self) -> Select<E> {
        let select = E::find().filter(E::tenant_column().eq(self.ctx.tenant_id));
        match self.owner_filter::<E>() {
            Some((column, merchant)) => select.filter(column.eq(merchant)),
            None => select,
        }
    }

    /// One row of this tenant (and merchant) by id.
    pub(crate) fn find_by_id<E: TenantEntity>(&self, id: Uuid) -> Select<E> {
        self.find::<E>().filter(E::id_column().eq(id))
    }

    /// `UPDATE … WHERE tenant_id = <tenant> [AND <owner> = <merchant>]`.
    #[expect(clippy::disallowed_methods, reason = "the one place unscoped updates become scoped")]
    pub(crate) fn update_many<E: TenantEntity>(&self) -> UpdateMany<E> {
        let update = E::update_many().filter(E::tenant_column().eq(self.ctx.tenant_id));
        match self.owner_filter::<E>() {
            Some((column, merchant)) => update.filter(column.eq(merchant)),
            None => update,
        }
    }

    /// `DELETE … WHERE tenant_id = <tenant> [AND <owner> = <merchant>]`.
    #[expect(clippy::disallowed_methods, reason = "the one place unscoped deletes become scoped")]
    pub(crate) fn delete_many<E: TenantEntity>(&self) -> DeleteMany<E> {
        let delete = E::delete_many().filter(E::tenant_column().eq(self.ctx.tenant_id));
        match self.owner_filter::<E>() {
            Some((column, merchant)) => delete.filter(column.eq(merchant)),
            None => delete,
        }
    }

    /// Refuses a row whose owner is not this context's merchant.
    fn check_owner<E, A>(&self, row: &A) -> DomainResult<()>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E>,
    {
        let Some((column, merchant)) = self.owner_filter::<E>() else { return Ok(()) };
        let owner = row.get(column).into_value();
        if owner == Some(Value::from(merchant)) { Ok(()) } else { Err(DomainError::Forbidden("merchant:own")) }
    }

    /// Inserts a row stamped with this tenant, whatever the caller set. In a
    /// merchant-bound context a row of an owned entity gets the context's
    /// merchant when none is set, and one naming another merchant is refused.
    pub(crate) async fn insert<E, A>(&self, mut row: A) -> DomainResult<E::Model>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E> + sea_orm::ActiveModelBehavior + Send,
        E::Model: IntoActiveModel<A>,
    {
        self.stamp(&mut row)?;
        Ok(row.insert(&self.tx).await?)
    }

    /// Stamps a new row with this tenant and, for an owned entity in a
    /// merchant-bound context, the merchant; refuses another merchant's.
    fn stamp<E, A>(&self, row: &mut A) -> DomainResult<()>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E>,
    {
        row.set(E::tenant_column(), self.ctx.tenant_id.into());
        if let Some((column, merchant)) = self.owner_filter::<E>()
            && row.get(column).into_value().is_none_or(|v| v == Value::Uuid(None))
        {
            row.set(column, merchant.into());
        }
        self.check_owner(row)
    }

    /// Inserts many rows as [`TenantTx::insert`] does, a few hundred to a
    /// statement, so a bulk creation costs a handful of round trips rather
    /// than one per row.
    pub(crate) async fn insert_many<E, A>(&self, mut rows: Vec<A>) -> DomainResult<u64>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E> + sea_orm::ActiveModelBehavior + Send,
    {
        // Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters
        // for a table of a dozen columns.
        const ROWS_PER_STATEMENT: usize = 500;
        for row in &mut rows {
            self.stamp(row)?;
        }
        let mut inserted = 0;
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<A> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
            inserted += E::insert_many(chunk).exec_without_returning(&self.tx).await?;
        }
        Ok(inserted)
    }

    /// Inserts a row as [`TenantTx::insert`] does unless one with the same
    /// `unique` columns exists (waiting, on PostgreSQL, for a transaction
    /// that is inserting one to end); true when this one was inserted.
    pub(crate) async fn insert_unless_exists<E, A, const N: usize>(
        &self,
        row: A,
        unique: [E::Column; N],
    ) -> DomainResult<bool>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E> + sea_orm::ActiveModelBehavior + Send,
        E::Model: IntoActiveModel<A>,
    {
        self.insert_unless_exists_where(row, unique, None).await
    }

    /// [`TenantTx::insert_unless_exists`] for a partial unique index: the
    /// `unique` columns are unique among the rows where `predicate` holds
    /// (the index's own `WHERE`, which PostgreSQL needs to match it).
    pub(crate) async fn insert_unless_exists_where<E, A, const N: usize>(
        &self,
        mut row: A,
        unique: [E::Column; N],
        predicate: Option<Expr>,
    ) -> DomainResult<bool>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E> + sea_orm::ActiveModelBehavior + Send,
        E::Model: IntoActiveModel<A>,
    {
        row.set(E::tenant_column(), self.ctx.tenant_id.into());
        self.check_owner(&row)?;
        let target = OnConflict::columns(unique).target_and_where_option(predicate).do_nothing().to_owned();
        let inserted = E::insert(row).on_conflict(target).try_insert().exec_without_returning(&self.tx).await?;
        Ok(matches!(inserted, TryInsertResult::Inserted(n) if n > 0))
    }

    /// Updates one row loaded through this transaction.
    pub(crate) async fn update<E, A>(&self, row: A) -> DomainResult<E::Model>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E> + sea_orm::ActiveModelBehavior + Send,
        E::Model: IntoActiveModel<A>,
    {
        if row.get(E::tenant_column()).into_value() != Some(Value::from(self.ctx.tenant_id)) {
            return Err(DomainError::Internal("row of another tenant passed to TenantTx::update".into()));
        }
        self.check_owner(&row)?;
        Ok(row.update(&self.tx).await?)
    }

    pub(crate) fn mark_jobs_written(&mut self) {
        self.wrote_jobs = true;
    }

    /// Queues an event of this tenant to publish once this transaction commits.
    pub(crate) fn emit<T: Topic>(&mut self, payload: &T::Payload) -> DomainResult<()>
    where
        T::Payload: Serialize,
    {
        let payload = serde_json::to_value(payload).map_err(DomainError::internal)?;
        self.events.push(Event { tenant_id: self.ctx.tenant_id, topic: T::NAME.to_owned(), payload });
        Ok(())
    }

    /// Runs `work` once this transaction has committed (evicting a cache
    /// of what it changed, say); dropped if it rolls back.
    pub(crate) fn after_commit(&mut self, work: impl Future<Output = ()> + Send + 'static) {
        self.after_commit.get_mut().unwrap_or_else(|p| p.into_inner()).push(Box::pin(work));
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        let Self { db, tx, wrote_jobs, events, after_commit, .. } = self;
        tx.commit().await?;
        for work in after_commit.into_inner().unwrap_or_else(|p| p.into_inner()) {
            work.await;
        }
        if wrote_jobs {
            db.jobs_committed();
        }
        for event in events {
            db.bus().publish(event);
        }
        Ok(())
    }
}
