//! What is known: nutrients, foods, questions, red flags, advice and their sources.
//!
//! The content is authored as TOML in `src/knowledge/data/`, turned into JSON by
//! `build.rs` and embedded in the library. It is loaded once and never changes.

mod model;
mod validate;

pub use model::*;
pub use validate::{validate, KNOWN_FOOD_TAGS};

/// The knowledge base as embedded at build time (JSON made from the TOML files).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.json"));

impl KnowledgeBase {
    /// Parses the embedded knowledge base. It is checked by the native test suite,
    /// so a failure here means a broken build, which the message names.
    pub fn embedded() -> Result<KnowledgeBase, String> {
        serde_json::from_str(EMBEDDED_JSON).map_err(|e| format!("knowledge base: {e}"))
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
