//! The knowledge base (the `lpq-knowledge` crate), and the copy of it built into the
//! widget: `build.rs` loads the authored TOML, validates it and writes it in the compact
//! form into `OUT_DIR`, and [`built_in`] reads it back on first use. The words it leaves
//! out come in each language's file, British English's too ([`Kb::from_parts`]).

pub use lpq_knowledge::*;

/// The languages the widget speaks: (locale, language tag for `lang`, name). Each name is
/// written in its own language, the same whatever language is on screen.
pub const LANGUAGES: [(&str, &str, &str); 3] =
    [("en-GB", "en-GB", "English (UK)"), ("en-US", "en-US", "English (US)"), ("es", "es", "Español")];

/// The British English knowledge base, whole: made from the TOML files at build time
/// (which `build.rs` validates) and read from its compact form on first use. Native builds
/// only (the tests, the benchmark, the generators): the wasm carries [`built_in`], and
/// British English's words come in its language file like any language's.
#[cfg(not(target_arch = "wasm32"))]
pub fn knowledge() -> &'static KnowledgeBase {
    static KNOWLEDGE: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    // build.rs wrote both from a validated base: failing here is a bug, not input.
    KNOWLEDGE.get_or_init(|| read(SHAPE, WHOLE).unwrap_or_else(|e| panic!("{e}")))
}

/// The built-in base: ids, numbers, units and sources; its words are empty strings
/// until a language file gives them
/// ([`Kb::from_parts`]). Native builds only (the tests): the wasm reads it only with a
/// language file.
#[cfg(not(target_arch = "wasm32"))]
pub fn built_in() -> &'static KnowledgeBase {
    static BUILT_IN: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    BUILT_IN.get_or_init(|| read(SHAPE, TEXT).unwrap_or_else(|e| panic!("{e}")))
}

/// The built-in base in its compact form (see build.rs). A language file gives the words
/// it leaves out and what else differs from it (see `lpq_knowledge::language_files`).
pub const SHAPE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.shape"));
pub const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.text"));
/// The whole British English text (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub const WHOLE: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.whole.text"));

/// A copy of the British English knowledge base, to edit in tests (its text is borrowed).
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded() -> KnowledgeBase {
    knowledge().clone()
}

/// A handle on the built-in knowledge base for the views: copied for free and compared
/// by address, so a props comparison never walks the whole base.
#[derive(Clone, Copy, Debug)]
pub struct Kb(pub &'static KnowledgeBase);

impl Kb {
    /// British English, whole (native builds only: see [`knowledge`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Kb {
        Kb(knowledge())
    }

    /// A language's knowledge base, from its file's compact shape and text (the loader
    /// splits the file), which give the words the built-in base leaves out and what else
    /// differs from it: an empty shape is the base's, and each `compact::SAME` in the
    /// text's second part the base's string at that place. A file in a language other
    /// than English also gives the doctor's summary's words in British English (kept for
    /// [`Kb::doctor_english`]). Kept for the page's life: a language is read once, however
    /// often the person switches back to it.
    pub fn from_parts(shape: Vec<u8>, text: String) -> Result<Kb, compact::DecodeError> {
        let (whole, after) = compact::with_base(TEXT, &text)?;
        if !after.is_empty() {
            let damaged = compact::DecodeError { what: "the doctor's words in English don't fit", shape_left: 0 };
            let words = compact::doctor_words(TEXT, after).ok_or(damaged)?;
            let _ = DOCTOR_TEXT.set(Box::leak(words.into_boxed_str()));
        }
        let text: &'static str = Box::leak(whole.into_boxed_str());
        let shape = if shape.is_empty() { SHAPE } else { &shape };
        Ok(Kb(Box::leak(Box::new(read(shape, text)?))))
    }

    /// The base with the doctor's summary's words in British English, the rest left out:
    /// for that summary in English whatever the language on screen. `None` until a file in
    /// a language other than English is read (the only ones that offer it).
    pub fn doctor_english() -> Option<Kb> {
        static DOCTOR: std::sync::OnceLock<Option<Kb>> = std::sync::OnceLock::new();
        let text = *DOCTOR_TEXT.get()?;
        *DOCTOR.get_or_init(|| read(SHAPE, text).ok().map(|kb| Kb(Box::leak(Box::new(kb)))))
    }
}

/// The built-in text with the doctor's words in British English (see [`Kb::doctor_english`]).
static DOCTOR_TEXT: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

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
