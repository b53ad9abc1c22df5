//! Keeps the session on the device, when the host allows it: one session per storage
//! key, across tabs.
//!
//! - Every browser call here can fail (blocked storage, a full quota, a host script that
//!   throws) and is handled through [`platform`]: the caller learns what happened, and
//!   the person is told the truth.
//! - Saves carry a revision. A tab that finds a newer revision saved by another tab
//!   takes that session instead of writing over it. Only that (a readable, newer session
//!   of this format) counts as the person's decision elsewhere: a value that can't be
//!   read, or another version's, is never taken as "erased" or "changed".
//! - A save is read back: storage that drops or mangles writes is a failed save, told
//!   once, and the quiz goes on in memory.
//! - Sensitive answers (pregnancy) go to `sessionStorage`, which the browser clears when
//!   the tab closes; `localStorage` gets the session without them, unless the person
//!   chose to keep them.
//! - A storage key belongs to one live widget: a second widget with the same key (a
//!   clone, or two elements given one `storage-key`) gets a console warning and doesn't
//!   save. A widget removed from the page releases its key (see [`SessionStore::release`]),
//!   and a key held by an element no longer in the document is free to take.

use crate::knowledge::KnowledgeBase;
use crate::platform::{self, get_item, remove_item, set_item};
use crate::quiz::Journey;
use crate::session::{RestoreError, Session};
use js_sys::Reflect;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Why a save didn't write.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveProblem {
    /// The browser refused (blocked storage, full quota).
    Failed,
    /// Another tab saved a newer session: this is it.
    Newer(Box<Session>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct SessionStore {
    key: String,
    /// Saving is on and this widget holds the key (false once another live widget took it).
    enabled: Rc<Cell<bool>>,
    /// The revision of the last session this tab read or wrote (0: none yet).
    revision: Rc<Cell<u64>>,
}

impl SessionStore {
    /// A store under `leg-pain-quiz:<storage_key>`, saving only if `enabled` and the key
    /// isn't held by another widget in the document. `host` is the element it saves for.
    pub fn new(storage_key: &str, enabled: bool, host: &web_sys::Element) -> Self {
        let key = ["leg-pain-quiz:", storage_key].concat();
        let owner = Rc::new(Cell::new(false));
        owner.set(enabled && claim(&key, host, &owner));
        SessionStore { key, enabled: owner, revision: Rc::default() }
    }

    /// Gives the key back (the element left the page): another widget may take it.
    pub fn release(&self) {
        if self.enabled.replace(false) {
            CLAIMED.with(|claimed| claimed.borrow_mut().retain(|c| c.0 != self.key));
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn enabled(&self) -> bool {
        self.enabled.get()
    }

    /// The text under the key; `None` when there is none, or it can't be read (a throw,
    /// or a value that isn't text).
    fn read(&self, session_copy: bool) -> Option<String> {
        let store = platform::storage(session_copy).ok()?;
        match get_item(&store, &self.key) {
            Ok(value) => value,
            Err(e) => {
                platform::log_once("couldn't read the saved answers", &e);
                None
            }
        }
    }

    /// The saved session, if any: this tab's full copy when it is the newest, else the
    /// device's; with whether the device's copy keeps sensitive answers (the person chose
    /// to). A saved value that can't be used is left as it is (the next save writes over
    /// it), and the error says why.
    pub fn load(&self, kb: &KnowledgeBase) -> Result<Option<(Session, bool)>, RestoreError> {
        if !self.enabled() {
            return Ok(None);
        }
        let Some(raw) = self.read(false) else { return Ok(None) };
        let session = Session::decode(&raw)?;
        let kept_sensitive = session.has_sensitive(kb);
        let full = self.read(true).and_then(|raw| Session::decode(&raw).ok());
        let session = full.filter(|f| f.revision == session.revision).unwrap_or(session);
        self.revision.set(session.revision);
        Ok(Some((session, kept_sensitive)))
    }

    /// Saves `journey`, unless nothing changed, another tab saved a newer session, or the
    /// browser refuses. Sensitive answers stay in this tab unless `keep_sensitive`.
    ///
    /// Only a readable session of this format with a newer revision stops the save: an
    /// empty key, a value that can't be read or another version's is written over (an
    /// erase in another tab arrives through [`SessionStore::newer`], not here). The write
    /// is read back, so storage that drops or changes it counts as a failed save.
    pub fn save(&self, kb: &KnowledgeBase, journey: &Journey, keep_sensitive: bool) -> Result<(), SaveProblem> {
        if !self.enabled() {
            return Ok(());
        }
        let stored = self.read(false).and_then(|raw| Session::decode(&raw).ok());
        if let Some(s) = stored.as_ref().filter(|s| s.revision > self.revision.get()) {
            return Err(SaveProblem::Newer(Box::new(s.clone())));
        }
        let revision = self.revision.get() + 1;
        let full = Session::of(journey, revision);
        let kept = if keep_sensitive { full.clone() } else { full.without_sensitive(kb) };
        let unchanged = stored.is_some_and(|s| s.same_as(&kept)) && !full.has_sensitive(kb);
        if unchanged {
            return Ok(());
        }
        let text = kept.encode();
        let result = platform::storage(false).and_then(|store| {
            set_item(&store, &self.key, &text)?;
            match get_item(&store, &self.key)? {
                Some(read) if read == text => Ok(()),
                _ => Err(JsValue::from_str("the saved answers didn't read back as written")),
            }
        });
        if let Err(e) = result {
            platform::log_once("couldn't save the answers on this device", &e);
            return Err(SaveProblem::Failed);
        }
        self.revision.set(revision);
        if let Ok(store) = platform::storage(true) {
            // The full copy lives only as long as the tab; without it the device's copy is used.
            let _ =
                if kept == full { remove_item(&store, &self.key) } else { set_item(&store, &self.key, &full.encode()) };
        }
        Ok(())
    }

    /// A session another tab just saved under this key (the `storage` event's new value),
    /// if it is newer than this tab's. `Some(None)`: the answers were erased there.
    pub fn newer(&self, saved: Option<String>) -> Option<Option<Session>> {
        if !self.enabled() {
            return None;
        }
        match saved {
            None if self.revision.get() > 0 => {
                self.revision.set(0);
                Some(None)
            }
            None => None,
            Some(raw) => {
                let session = Session::decode(&raw).ok().filter(|s| s.revision > self.revision.get())?;
                self.revision.set(session.revision);
                Some(Some(session))
            }
        }
    }

    /// Takes `session` (another tab's) as this tab's latest.
    pub fn adopt(&self, session: &Session) {
        self.revision.set(session.revision);
    }

    /// Removes the saved answers, whether or not saving is on now. True only when they
    /// are gone: the key is checked afterwards in both storages.
    pub fn erase(&self) -> bool {
        let mut gone = true;
        for session_copy in [false, true] {
            let Ok(store) = platform::storage(session_copy) else { continue };
            if let Err(e) = remove_item(&store, &self.key) {
                platform::log_once("couldn't erase the saved answers", &e);
            }
            gone &= matches!(get_item(&store, &self.key), Ok(None));
        }
        if gone {
            self.revision.set(0);
        }
        gone
    }
}

/// A key a widget saves under: the key, the element, and its store's `enabled`.
type Claim = (String, web_sys::Element, Rc<Cell<bool>>);

thread_local! {
    static CLAIMED: RefCell<Vec<Claim>> = const { RefCell::new(Vec::new()) };
}

/// Marks `key` as used by `host`'s widget; false (with a console warning) when another
/// widget still in the document has it. A holder that left the document without
/// releasing it loses it (and stops saving).
fn claim(key: &str, host: &web_sys::Element, owner: &Rc<Cell<bool>>) -> bool {
    let connected = |e: &web_sys::Element| {
        Reflect::get(e, &JsValue::from_str("isConnected")).ok().and_then(|v| v.as_bool()) != Some(false)
    };
    let free = CLAIMED.with(|claimed| {
        let mut claimed = claimed.borrow_mut();
        if let Some(i) = claimed.iter().position(|c| c.0 == key) {
            if connected(&claimed[i].1) {
                return false;
            }
            claimed.remove(i).2.set(false);
        }
        claimed.push((key.to_string(), host.clone(), owner.clone()));
        true
    });
    if !free {
        web_sys::console::warn_1(&JsValue::from_str(
            &[
                "leg-pain-quiz: another widget on this page already saves under \"",
                key,
                "\", so this one won't save. Give each widget its own id or storage-key.",
            ]
            .concat(),
        ));
    }
    free
}
