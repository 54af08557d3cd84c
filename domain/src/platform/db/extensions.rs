//! Process-local state that a context keeps beside the pool (the identity
//! context's caches, say), so the platform holds it without knowing it.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

#[derive(Default)]
pub struct Extensions(RwLock<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl Extensions {
    /// Stores `value`, replacing an earlier value of its type.
    pub fn insert<T: Any + Send + Sync>(&self, value: T) {
        self.0.write().unwrap_or_else(|p| p.into_inner()).insert(TypeId::of::<T>(), Arc::new(value));
    }

    pub fn get<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        let found = self.0.read().unwrap_or_else(|p| p.into_inner()).get(&TypeId::of::<T>()).cloned()?;
        found.downcast().ok()
    }
}
