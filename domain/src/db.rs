//! The database handle and the tenant-scoped transaction.
//!
//! [`TenantTx`] is the only way to reach a tenant table: every query it
//! builds is filtered by the context's tenant, every row it writes is
//! stamped with it, and on PostgreSQL it sets `app.tenant_id` for the
//! transaction so row-level security checks the same thing a second time.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sea_orm::{
    AccessMode, ActiveModelTrait, ColumnTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    DatabaseTransaction, DbBackend, DbErr, DeleteMany, IntoActiveModel, QueryFilter, Select, SqliteTransactionMode,
    Statement, TransactionOptions, TransactionTrait, UpdateMany, Value,
};
use tokio::sync::{Notify, broadcast};
use uuid::Uuid;

use crate::context::TenantCtx;
use crate::entities::TenantEntity;
use crate::events::{Event, EventKind};
use crate::lookups::Lookups;

/// Something to poke after a commit that wrote jobs, so idle workers wake
/// (in-process always; the binary adds Redis when configured).
pub type JobsCommittedHook = Arc<dyn Fn() + Send + Sync>;

/// Carries committed events to every process (the binary installs Redis);
/// without one, events reach this process's subscribers directly.
pub type EventRelay = Arc<dyn Fn(&Event) + Send + Sync>;

/// Work done on the database since start: statements sent and
/// transactions opened (each also costs a BEGIN and a COMMIT round trip).
#[derive(Debug, Default)]
pub struct DbStats {
    statements: AtomicU64,
    transactions: AtomicU64,
}

impl DbStats {
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    pub fn transactions(&self) -> u64 {
        self.transactions.load(Ordering::Relaxed)
    }

    /// Statements plus BEGIN and COMMIT of every transaction.
    pub fn round_trips(&self) -> u64 {
        self.statements() + 2 * self.transactions()
    }
}

#[derive(Clone)]
pub struct Db {
    conn: DatabaseConnection,
    stats: Arc<DbStats>,
    jobs_notify: Arc<Notify>,
    on_jobs_committed: Option<JobsCommittedHook>,
    events: broadcast::Sender<Event>,
    relay: Option<EventRelay>,
    lookups: Arc<Lookups>,
}

/// How to open the pool.
#[derive(Debug, Clone)]
pub struct DbOptions {
    pub url: String,
    pub max_connections: u32,
}

impl Db {
    pub async fn connect(options: &DbOptions) -> Result<Self, DbErr> {
        let mut opts = ConnectOptions::new(options.url.clone());
        opts.max_connections(options.max_connections)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .sqlx_logging(false)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
                    .create_if_missing(true)
            });
        let mut conn = Database::connect(opts).await?;
        let stats = Arc::new(DbStats::default());
        let counter = stats.clone();
        conn.set_metric_callback(move |_| {
            counter.statements.fetch_add(1, Ordering::Relaxed);
        });
        let (events, _) = broadcast::channel(1024);
        Ok(Self {
            conn,
            stats,
            jobs_notify: Arc::new(Notify::new()),
            on_jobs_committed: None,
            events,
            relay: None,
            lookups: Arc::default(),
        })
    }

    /// Adds a hook run after every commit that enqueued jobs.
    pub fn with_jobs_committed_hook(mut self, hook: JobsCommittedHook) -> Self {
        self.on_jobs_committed = Some(hook);
        self
    }

    pub fn stats(&self) -> &DbStats {
        &self.stats
    }

    pub fn backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    /// The raw connection, for migrations and the few audited cross-tenant
    /// places (job claiming, zone statistics).
    pub fn connection(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// Woken (in this process) whenever a transaction that wrote jobs commits.
    pub fn jobs_notify(&self) -> Arc<Notify> {
        self.jobs_notify.clone()
    }

    /// Sends committed events through `relay` instead of straight to this
    /// process's subscribers.
    pub fn with_event_relay(mut self, relay: EventRelay) -> Self {
        self.relay = Some(relay);
        self
    }

    pub(crate) fn lookups(&self) -> &Lookups {
        &self.lookups
    }

    /// Hands an event that came through the relay to this process's subscribers.
    pub fn deliver(&self, event: Event) {
        if let EventKind::TenantChanged = event.kind {
            let lookups = self.lookups.clone();
            let tenant_id = event.tenant_id;
            tokio::spawn(async move { lookups.tenants.invalidate(&tenant_id).await });
        }
        // No subscriber is not an error: the rows are committed.
        let _ = self.events.send(event);
    }

    fn publish(&self, event: Event) {
        match &self.relay {
            Some(relay) => relay(&event),
            None => self.deliver(event),
        }
    }

    /// Committed events of every tenant; subscribers filter by their own.
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.subscribe()
    }

    pub async fn ping(&self) -> Result<(), DbErr> {
        self.conn.ping().await
    }

    /// A read-write transaction scoped to the context's tenant.
    pub async fn tenant_tx(&self, ctx: &TenantCtx) -> Result<TenantTx, DbErr> {
        self.tenant_tx_for(ctx.tenant_id).await
    }

    /// A read-only transaction scoped to the context's tenant.
    pub async fn tenant_read(&self, ctx: &TenantCtx) -> Result<TenantTx, DbErr> {
        let tx = self.begin(AccessMode::ReadOnly).await?;
        TenantTx::start(self.clone(), tx, ctx.tenant_id).await
    }

    pub(crate) async fn tenant_tx_for(&self, tenant_id: Uuid) -> Result<TenantTx, DbErr> {
        let tx = self.begin(AccessMode::ReadWrite).await?;
        TenantTx::start(self.clone(), tx, tenant_id).await
    }

    /// A transaction on global tables (users, tenants, sessions) only.
    pub(crate) async fn global_tx(&self) -> Result<DatabaseTransaction, DbErr> {
        self.begin(AccessMode::ReadWrite).await
    }

    async fn begin(&self, mode: AccessMode) -> Result<DatabaseTransaction, DbErr> {
        let options = match self.backend() {
            // SQLite has one writer: taking the write lock up front makes a
            // second writer wait (busy timeout) instead of failing mid-way.
            DbBackend::Sqlite if mode == AccessMode::ReadWrite => TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            },
            DbBackend::Sqlite => TransactionOptions::default(),
            _ => TransactionOptions { access_mode: Some(mode), ..Default::default() },
        };
        self.stats.transactions.fetch_add(1, Ordering::Relaxed);
        self.conn.begin_with_options(options).await
    }

    pub(crate) fn jobs_committed(&self) {
        self.jobs_notify.notify_one();
        if let Some(hook) = &self.on_jobs_committed {
            hook();
        }
    }
}

/// Sets a transaction-local PostgreSQL setting; a no-op elsewhere.
pub(crate) async fn set_local(tx: &DatabaseTransaction, name: &str, value: Uuid) -> Result<(), DbErr> {
    if tx.get_database_backend() == DbBackend::Postgres {
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config($1, $2, true)",
            [Value::from(name), Value::from(value.to_string())],
        ))
        .await?;
    }
    Ok(())
}

/// A transaction bound to one tenant.
pub struct TenantTx {
    db: Db,
    tx: DatabaseTransaction,
    tenant_id: Uuid,
    wrote_jobs: bool,
    events: Vec<Event>,
}

impl TenantTx {
    async fn start(db: Db, tx: DatabaseTransaction, tenant_id: Uuid) -> Result<Self, DbErr> {
        set_local(&tx, "app.tenant_id", tenant_id).await?;
        Ok(Self { db, tx, tenant_id, wrote_jobs: false, events: Vec::new() })
    }

    /// Continues an open transaction (that created the tenant, say) scoped to `tenant_id`.
    pub(crate) async fn scope(db: &Db, tx: DatabaseTransaction, tenant_id: Uuid) -> Result<Self, DbErr> {
        Self::start(db.clone(), tx, tenant_id).await
    }

    pub fn tenant_id(&self) -> Uuid {
        self.tenant_id
    }

    /// The underlying transaction, for executing what this type built.
    pub(crate) fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    pub(crate) fn backend(&self) -> DbBackend {
        self.tx.get_database_backend()
    }

    /// `SELECT … WHERE tenant_id = <this tenant>`.
    #[expect(clippy::disallowed_methods, reason = "the one place unscoped finds become scoped")]
    pub(crate) fn find<E: TenantEntity>(&self) -> Select<E> {
        E::find().filter(E::tenant_column().eq(self.tenant_id))
    }

    /// One row of this tenant by id.
    pub(crate) fn find_by_id<E: TenantEntity>(&self, id: Uuid) -> Select<E> {
        self.find::<E>().filter(E::id_column().eq(id))
    }

    /// `UPDATE … WHERE tenant_id = <this tenant>`.
    #[expect(clippy::disallowed_methods, reason = "the one place unscoped updates become scoped")]
    pub(crate) fn update_many<E: TenantEntity>(&self) -> UpdateMany<E> {
        E::update_many().filter(E::tenant_column().eq(self.tenant_id))
    }

    /// `DELETE … WHERE tenant_id = <this tenant>`.
    #[expect(clippy::disallowed_methods, reason = "the one place unscoped deletes become scoped")]
    pub(crate) fn delete_many<E: TenantEntity>(&self) -> DeleteMany<E> {
        E::delete_many().filter(E::tenant_column().eq(self.tenant_id))
    }

    /// Inserts a row stamped with this tenant, whatever the caller set.
    pub(crate) async fn insert<E, A>(&self, mut row: A) -> Result<E::Model, DbErr>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E> + sea_orm::ActiveModelBehavior + Send,
        E::Model: IntoActiveModel<A>,
    {
        row.set(E::tenant_column(), self.tenant_id.into());
        row.insert(&self.tx).await
    }

    /// Updates one row loaded through this transaction.
    pub(crate) async fn update<E, A>(&self, row: A) -> Result<E::Model, DbErr>
    where
        E: TenantEntity,
        A: ActiveModelTrait<Entity = E> + sea_orm::ActiveModelBehavior + Send,
        E::Model: IntoActiveModel<A>,
    {
        let stamped = row.get(E::tenant_column());
        if stamped.into_value() != Some(Value::from(self.tenant_id)) {
            return Err(DbErr::Custom("row of another tenant passed to TenantTx::update".into()));
        }
        row.update(&self.tx).await
    }

    pub(crate) fn mark_jobs_written(&mut self) {
        self.wrote_jobs = true;
    }

    /// Queues an event to publish once this transaction commits.
    pub(crate) fn emit(&mut self, event: Event) {
        self.events.push(event);
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        let Self { db, tx, wrote_jobs, events, .. } = self;
        tx.commit().await?;
        if wrote_jobs {
            db.jobs_committed();
        }
        for event in events {
            db.publish(event);
        }
        Ok(())
    }
}
