//! Keeps the session in the browser's localStorage, when the host allows it.
//!
//! Every failure (storage blocked, quota full, private mode) degrades to "not saved";
//! nothing here can stop the quiz from working.

use crate::quiz::Journey;
use crate::session::{RestoreError, Session};
use std::cell::Cell;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub struct SessionStore {
    key: String,
    enabled: bool,
    /// The revision of the last session this tab read or wrote.
    revision: Rc<Cell<u64>>,
}

impl SessionStore {
    pub fn new(storage_key: &str, enabled: bool) -> Self {
        SessionStore { key: format!("leg-pain-quiz:{storage_key}"), enabled, revision: Rc::default() }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// The saved session, if any. A saved value that can't be used is erased, and the
    /// error says why so the person sees a notice.
    pub fn load(&self) -> Result<Option<Session>, RestoreError> {
        if !self.enabled {
            return Ok(None);
        }
        let Some(raw) = Self::storage().and_then(|s| s.get_item(&self.key).ok().flatten()) else { return Ok(None) };
        match Session::decode(&raw) {
            Ok(session) => {
                self.revision.set(session.revision);
                Ok(Some(session))
            }
            Err(e) => {
                self.clear();
                Err(e)
            }
        }
    }

    pub fn save(&self, journey: &Journey) {
        if !self.enabled {
            return;
        }
        if let Some(storage) = Self::storage() {
            let revision = self.revision.get() + 1;
            // A full or blocked storage only means progress isn't kept.
            if storage.set_item(&self.key, &Session::of(journey, revision).encode()).is_ok() {
                self.revision.set(revision);
            }
        }
    }

    /// Removes the saved answers, whether or not saving is on now.
    pub fn clear(&self) {
        if let Some(storage) = Self::storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}
