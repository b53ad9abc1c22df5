//! The quiz core: pure Rust, no web dependencies. Which question comes next, and what
//! the answers add up to. Deterministic, and usable from native tests and tools.

mod answers;
mod assess;
mod condition;
mod flow;

pub use answers::Answers;
pub use assess::{assess, sources, Assessment, FoodSuggestion, NutrientMatch};
pub use condition::{holds, Picks, Selection};
pub use flow::{effective_answers, flags_by_urgency, interrupting_flags, is_complete, select, visible_questions};
