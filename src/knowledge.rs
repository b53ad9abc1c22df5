//! What is known: nutrients, foods, questions, red flags, advice and their sources.
//!
//! The content is authored as TOML in `src/knowledge/data/`; `build.rs` checks it fits
//! the model and embeds it in a compact form (see `knowledge/decode.rs`), so the wasm
//! carries no TOML parser.

pub mod compact;
pub mod fallback;
mod model;
mod validate;

pub use model::*;
pub use validate::{validate, KNOWN_FOOD_TAGS};

/// The built-in knowledge base, made from the TOML files at build time (which
/// `build.rs` validates) and read from its compact form on first use.
pub fn knowledge() -> &'static KnowledgeBase {
    static KNOWLEDGE: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        let shape = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.shape"));
        let text = include_str!(concat!(env!("OUT_DIR"), "/knowledge.text"));
        // build.rs wrote both from a validated base: failing here is a bug, not input.
        compact::Reader::new(shape, text).read_all().unwrap_or_else(|e| panic!("{e}"))
    })
}

impl KnowledgeBase {
    /// A copy of the built-in knowledge base, to edit in tests (its text is borrowed).
    pub fn embedded() -> KnowledgeBase {
        knowledge().clone()
    }
}

/// A handle on the built-in knowledge base for the views: copied for free and compared
/// by address, so a props comparison never walks the whole base.
#[derive(Clone, Copy, Debug)]
pub struct Kb(pub &'static KnowledgeBase);

impl Kb {
    pub fn embedded() -> Kb {
        Kb(knowledge())
    }
}

impl PartialEq for Kb {
    fn eq(&self, other: &Kb) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for Kb {
    type Target = KnowledgeBase;
    fn deref(&self) -> &KnowledgeBase {
        self.0
    }
}
