//! Keeps the session in the browser's localStorage, when the host allows it.
//!
//! Every failure (storage blocked, quota full, private mode) degrades to "not saved";
//! nothing here can stop the quiz from working.

use crate::knowledge::KnowledgeBase;
use crate::session::{RestoreError, Session};
use gloo::storage::{LocalStorage, Storage};

#[derive(Clone, Debug, PartialEq)]
pub struct SessionStore {
    key: String,
    enabled: bool,
}

impl SessionStore {
    pub fn new(storage_key: &str, enabled: bool) -> Self {
        SessionStore { key: format!("leg-pain-quiz:{storage_key}"), enabled }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// The saved session, if any. A saved value that can't be used is erased, and the
    /// error says why so the person sees a notice.
    pub fn load(&self, kb: &KnowledgeBase) -> Result<Option<Session>, RestoreError> {
        if !self.enabled {
            return Ok(None);
        }
        if !available() {
            return Ok(None);
        }
        let Ok(Some(raw)) = LocalStorage::raw().get_item(&self.key) else { return Ok(None) };
        match Session::restore(kb, &raw) {
            Ok(session) => Ok(Some(session)),
            Err(e) => {
                self.clear();
                Err(e)
            }
        }
    }

    pub fn save(&self, session: &Session) {
        if self.enabled && available() {
            // A full or blocked storage only means progress isn't kept.
            let _ = LocalStorage::raw().set_item(&self.key, &session.encode());
        }
    }

    /// Removes the saved answers, whether or not saving is on now.
    pub fn clear(&self) {
        if available() {
            LocalStorage::delete(&self.key);
        }
    }
}

/// gloo panics when localStorage is missing or blocked (sandboxed iframes, some privacy
/// modes), so ask the browser first.
fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}
