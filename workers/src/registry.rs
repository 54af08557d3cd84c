//! Every job kind and schedule Silkport has, registered by its context in
//! one function each, so the binary and the tests run the same set. A new
//! context adds its `register` to [`Registry::standard`].

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::Db;
use domain::platform::jobs::schedule::{Schedule, Scope};

use crate::mailer::Mailer;
use crate::runner::{JobError, JobHandler};

/// The work of a platform-wide schedule, run by the worker that claims it.
#[async_trait]
pub trait PlatformTask: Send + Sync {
    /// Does the run of `fire_at`; must be idempotent (a run may repeat
    /// after a crash).
    async fn run(&self, db: &Db, fire_at: DateTime<Utc>) -> Result<(), JobError>;
}

/// What the contexts register into, and what their handlers may need.
pub struct Registry {
    mailer: Mailer,
    pub(crate) handlers: HashMap<&'static str, Arc<dyn JobHandler>>,
    pub(crate) schedules: Vec<Schedule>,
    pub(crate) tasks: HashMap<&'static str, Arc<dyn PlatformTask>>,
}

impl Registry {
    /// Nothing registered yet (tests register their own kinds).
    pub fn new(mailer: Mailer) -> Self {
        Self { mailer, handlers: HashMap::new(), schedules: Vec::new(), tasks: HashMap::new() }
    }

    /// Every context's jobs and schedules.
    pub fn standard(mailer: Mailer) -> Self {
        let mut registry = Self::new(mailer);
        crate::platform::register(&mut registry);
        crate::identity::register(&mut registry);
        registry
    }

    pub fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    /// Runs `handler` for jobs of `kind`.
    pub fn handle(&mut self, kind: &'static str, handler: Arc<dyn JobHandler>) -> &mut Self {
        self.handlers.insert(kind, handler);
        self
    }

    /// Runs `handler` as the job of a tenant schedule, in every tenant at
    /// each of its fire times.
    pub fn schedule_job(&mut self, schedule: Schedule, handler: Arc<dyn JobHandler>) -> &mut Self {
        debug_assert_eq!(schedule.scope, Scope::EachTenant, "{} is not a tenant schedule", schedule.name);
        self.schedules.push(schedule);
        self.handle(schedule.name, handler)
    }

    /// Runs `task` once for the platform at each fire time of `schedule`.
    pub fn schedule_task(&mut self, schedule: Schedule, task: Arc<dyn PlatformTask>) -> &mut Self {
        debug_assert_eq!(schedule.scope, Scope::Platform, "{} is not a platform schedule", schedule.name);
        self.schedules.push(schedule);
        self.tasks.insert(schedule.name, task);
        self
    }
}
