//! The quiz core: pure Rust, no web dependencies. Which question comes next, what a
//! click does, where each action leads, and what the answers add up to. Deterministic,
//! and usable from native tests and tools.

mod answers;
mod assess;
mod cleaned;
mod condition;
mod flow;
mod journey;
mod next_steps;
mod person;
pub mod share;

pub use answers::Answers;
pub use assess::{assess, foods_for, sources, Assessment, FoodSuggestion, NutrientMatch};
pub use cleaned::{clean, Cleaned};
pub use condition::{holds, Picks};
pub use flow::{flags_by_urgency, interrupting_flags, is_complete, select, triage_action, visible_questions};
pub use journey::{browser_moves, Action, Journey, Screen};
pub use next_steps::{next_steps, NextStep, MAX_STEPS};
pub use person::Person;
