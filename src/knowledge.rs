//! The knowledge base (the `lpq-knowledge` crate), and the copy of it built into the
//! widget: `build.rs` loads the authored TOML, validates it and writes it in the compact
//! form into `OUT_DIR`, and [`knowledge`] reads it back on first use.

pub use lpq_knowledge::*;

/// The languages the widget speaks: (locale, language tag for `lang`, name). Each name is
/// written in its own language, the same whatever language is on screen.
pub const LANGUAGES: [(&str, &str, &str); 3] =
    [("en-GB", "en-GB", "English (UK)"), ("en-US", "en-US", "English (US)"), ("es", "es", "Español")];

/// The built-in knowledge base, made from the TOML files at build time (which
/// `build.rs` validates) and read from its compact form on first use.
pub fn knowledge() -> &'static KnowledgeBase {
    static KNOWLEDGE: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        // build.rs wrote both from a validated base: failing here is a bug, not input.
        read(SHAPE, TEXT).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The built-in base in its compact form (see build.rs). A language file gives only what
/// differs from it (see `lpq_knowledge::language_files`).
pub const SHAPE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.shape"));
pub const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.text"));

/// A copy of the built-in knowledge base, to edit in tests (its text is borrowed).
pub fn embedded() -> KnowledgeBase {
    knowledge().clone()
}

/// A handle on the built-in knowledge base for the views: copied for free and compared
/// by address, so a props comparison never walks the whole base.
#[derive(Clone, Copy, Debug)]
pub struct Kb(pub &'static KnowledgeBase);

impl Kb {
    pub fn embedded() -> Kb {
        Kb(knowledge())
    }

    /// A language's knowledge base, from its file's compact shape and text (the loader
    /// splits the file), which give only what differs from the built-in base: an empty
    /// shape is the base's, and each `compact::SAME` in the text the base's string at that
    /// place. Kept for the page's life: a language is read once, however often the person
    /// switches back to it.
    pub fn from_parts(shape: Vec<u8>, text: String) -> Result<Kb, compact::DecodeError> {
        let text: &'static str = Box::leak(compact::with_base(TEXT, &text)?.into_boxed_str());
        let shape = if shape.is_empty() { SHAPE } else { &shape };
        Ok(Kb(Box::leak(Box::new(read(shape, text)?))))
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
