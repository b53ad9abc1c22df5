//! What is known: nutrients, foods, questions, red flags, advice and their sources.
//!
//! The content is authored as TOML in `src/knowledge/data/`; `build.rs` checks it fits
//! the model and embeds it in a compact form (see `knowledge/decode.rs`), so the wasm
//! carries no TOML parser.

mod decode;
mod model;
mod validate;

pub use model::*;
pub use validate::{validate, KNOWN_FOOD_TAGS};

/// The built-in knowledge base, made from the TOML files at build time and read from
/// its compact form on first use.
pub fn knowledge() -> &'static KnowledgeBase {
    static KNOWLEDGE: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        decode::knowledge_base(
            include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.shape")),
            include_str!(concat!(env!("OUT_DIR"), "/knowledge.text")),
        )
    })
}

impl KnowledgeBase {
    /// A copy of the built-in knowledge base, to edit in tests (its text is borrowed).
    pub fn embedded() -> KnowledgeBase {
        knowledge().clone()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn nutrient(&self, id: &str) -> Option<&Nutrient> {
        self.nutrients.iter().find(|n| n.id == id)
    }

    pub fn food(&self, id: &str) -> Option<&Food> {
        self.foods.iter().find(|f| f.id == id)
    }

    pub fn red_flag(&self, id: &str) -> Option<&RedFlag> {
        self.red_flags.iter().find(|f| f.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn lab_test(&self, id: &str) -> Option<&LabTest> {
        self.lab_tests.iter().find(|t| t.id == id)
    }

    pub fn diet(&self, id: &str) -> Option<&Diet> {
        self.diets.iter().find(|d| d.id == id)
    }

    pub fn food_caution(&self, tag: &str) -> Option<&FoodCaution> {
        self.food_cautions.iter().find(|c| c.tag == tag)
    }

    /// What to do at a triage level. Validation guarantees one entry per level.
    pub fn guidance(&self, level: TriageLevel) -> Option<&TriageGuidance> {
        self.triage.iter().find(|t| t.level == level)
    }
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
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
