//! What the contexts register their job kinds and schedules into; the
//! full set is assembled in [`crate::standard_registry`].

use std::collections::HashMap;
use std::sync::Arc;

use domain::platform::jobs::schedule::{Schedule, Scope};

use crate::handler::{JobHandler, PlatformTask};
use crate::mailer::Mailer;

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
