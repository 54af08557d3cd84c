//! The database handle: the pool, its statistics, the event bus and the
//! jobs wake-up that ride on commits, and the ways into a transaction.
//!
//! Tenant tables are reached only through a [`TenantTx`] opened from a
//! [`TenantCtx`]: [`Db::write`] and [`Db::read`] run a piece of work in
//! one, [`Db::begin`] hands one to a caller that composes several services.

mod extensions;
mod stats;

use std::sync::Arc;
use std::time::Duration;

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait, Value,
};
use tokio::sync::Notify;
use uuid::Uuid;

pub use self::extensions::Extensions;
pub use self::stats::DbStats;
use super::bus::{Bus, EventRelay};
use super::errors::DomainResult;
use super::tenancy::{TenantCtx, TenantTx};

/// Something to poke after a commit that wrote jobs, so idle workers wake
/// (in-process always; the binary adds Redis when configured).
pub type JobsCommittedHook = Arc<dyn Fn() + Send + Sync>;

#[derive(Clone)]
pub struct Db {
    conn: DatabaseConnection,
    stats: Arc<DbStats>,
    jobs_notify: Arc<Notify>,
    on_jobs_committed: Option<JobsCommittedHook>,
    bus: Arc<Bus>,
    extensions: Arc<Extensions>,
}

/// How to open the pool.
#[derive(Debug, Clone)]
pub struct DbOptions {
    pub url: String,
    pub max_connections: u32,
}

/// Whether a transaction may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Write,
    Read,
}

impl Db {
    /// Opens the pool. Callers want [`crate::open`], which also installs
    /// what the contexts hang on the handle.
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
        conn.set_metric_callback(move |_| counter.statement());
        Ok(Self {
            conn,
            stats,
            jobs_notify: Arc::new(Notify::new()),
            on_jobs_committed: None,
            bus: Arc::new(Bus::default()),
            extensions: Arc::default(),
        })
    }

    /// Adds a hook run after every commit that enqueued jobs.
    pub fn with_jobs_committed_hook(mut self, hook: JobsCommittedHook) -> Self {
        self.on_jobs_committed = Some(hook);
        self
    }

    /// Sends committed events through `relay` (Redis) instead of straight
    /// to this process's subscribers.
    pub fn with_event_relay(self, relay: Arc<dyn EventRelay>) -> Self {
        self.bus.set_relay(relay);
        self
    }

    pub fn stats(&self) -> &DbStats {
        &self.stats
    }

    pub fn backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    /// The raw connection, for migrations and the few audited cross-tenant
    /// places (job claiming, the scheduler, zone statistics).
    pub fn connection(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// Woken (in this process) whenever a transaction that wrote jobs commits.
    pub fn jobs_notify(&self) -> Arc<Notify> {
        self.jobs_notify.clone()
    }

    pub fn bus(&self) -> &Arc<Bus> {
        &self.bus
    }

    pub fn extensions(&self) -> &Extensions {
        &self.extensions
    }

    pub async fn ping(&self) -> Result<(), DbErr> {
        self.conn.ping().await
    }

    /// A read-write transaction scoped to the context's tenant (and
    /// merchant), for callers that compose several services in it.
    pub async fn begin(&self, ctx: &TenantCtx) -> Result<TenantTx, DbErr> {
        self.open_tenant(ctx.clone(), Mode::Write).await
    }

    /// A read-only transaction scoped to the context's tenant (and merchant).
    pub async fn begin_read(&self, ctx: &TenantCtx) -> Result<TenantTx, DbErr> {
        self.open_tenant(ctx.clone(), Mode::Read).await
    }

    /// Runs `work` in a read-write transaction that commits when it
    /// succeeds and rolls back (changing nothing) when it fails.
    pub async fn write<T>(
        &self,
        ctx: &TenantCtx,
        work: impl AsyncFnOnce(&mut TenantTx) -> DomainResult<T>,
    ) -> DomainResult<T> {
        let mut tx = self.begin(ctx).await?;
        let value = work(&mut tx).await?;
        tx.commit().await?;
        Ok(value)
    }

    /// Runs `work` in a read-only transaction.
    pub async fn read<T>(
        &self,
        ctx: &TenantCtx,
        work: impl AsyncFnOnce(&mut TenantTx) -> DomainResult<T>,
    ) -> DomainResult<T> {
        let mut tx = self.begin_read(ctx).await?;
        let value = work(&mut tx).await?;
        tx.commit().await?;
        Ok(value)
    }

    async fn open_tenant(&self, ctx: TenantCtx, mode: Mode) -> Result<TenantTx, DbErr> {
        let tx = self.begin_raw(mode).await?;
        TenantTx::start(self.clone(), tx, ctx, mode).await
    }

    /// A transaction on global tables (users, tenants, sessions) only.
    pub(crate) async fn global_tx(&self) -> Result<DatabaseTransaction, DbErr> {
        self.begin_raw(Mode::Write).await
    }

    async fn begin_raw(&self, mode: Mode) -> Result<DatabaseTransaction, DbErr> {
        let options = match (self.backend(), mode) {
            // SQLite has one writer: taking the write lock up front makes a
            // second writer wait (busy timeout) instead of failing mid-way.
            (DbBackend::Sqlite, Mode::Write) => TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            },
            // PostgreSQL: no access mode here, which would cost a `SET
            // TRANSACTION` round trip; a read marks itself read-only in the
            // statement that sets the tenant (see `TenantTx::start`).
            _ => TransactionOptions::default(),
        };
        self.stats.transaction();
        self.conn.begin_with_options(options).await
    }

    pub(crate) fn jobs_committed(&self) {
        self.jobs_notify.notify_one();
        if let Some(hook) = &self.on_jobs_committed {
            hook();
        }
    }
}

/// How many of `migrations` (names, oldest first) the database has not
/// applied; `None` when it is up to date. Read plainly, so that a role that
/// may not create tables can ask.
pub async fn check_schema(db: &Db, migrations: Vec<String>) -> Result<Option<usize>, DbErr> {
    let applied: Vec<String> = match db
        .connection()
        .query_all_raw(Statement::from_string(db.backend(), "SELECT version FROM seaql_migrations"))
        .await
    {
        Ok(rows) => rows.iter().filter_map(|r| r.try_get::<String>("", "version").ok()).collect(),
        // No table of migrations: nothing is applied.
        Err(_) => Vec::new(),
    };
    let behind = migrations.iter().filter(|m| !applied.contains(m)).count();
    Ok((behind > 0).then_some(behind))
}

/// On PostgreSQL, the connecting role when row-level security would not
/// hold it (a superuser, a role with BYPASSRLS, or the tables' owner), with
/// the reason; `None` when it is fenced (and always on SQLite).
pub async fn unfenced_role(db: &Db) -> Result<Option<(String, &'static str)>, DbErr> {
    if db.backend() != DbBackend::Postgres {
        return Ok(None);
    }
    let row = db
        .connection()
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT current_user::text AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
                    EXISTS (SELECT 1 FROM pg_tables t WHERE t.tablename = 'memberships' AND t.tableowner = current_user) AS owner
               FROM pg_roles r WHERE r.rolname = current_user",
        ))
        .await?;
    let Some(row) = row else { return Ok(None) };
    let role: String = row.try_get("", "role")?;
    let why = if row.try_get::<bool>("", "superuser")? {
        Some("is a superuser")
    } else if row.try_get::<bool>("", "bypass")? {
        Some("bypasses row-level security")
    } else if row.try_get::<bool>("", "owner")? {
        Some("owns the tables")
    } else {
        None
    };
    Ok(why.map(|why| (role, why)))
}

/// Lets a global transaction read the rows of one user across tenants
/// (the `own_memberships` policy on PostgreSQL); a no-op elsewhere.
pub(crate) async fn scope_to_user(tx: &DatabaseTransaction, user_id: Uuid) -> Result<(), DbErr> {
    if tx.get_database_backend() == DbBackend::Postgres {
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('app.user_id', $1, true)",
            [Value::from(user_id.to_string())],
        ))
        .await?;
    }
    Ok(())
}
