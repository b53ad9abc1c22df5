//! The quiz engine: pure Rust over a knowledge base it is given, with no web crates, so
//! it builds and tests natively and could serve native tools.
//!
//! `quiz` decides (which question comes next, where an action leads, what the answers
//! add up to), `report` words the outcome, `session` keeps a person's progress as data,
//! and `text` holds the small wording helpers they share.

/// The knowledge base the engine reads (re-exported under the name the modules use).
pub use lpq_knowledge as knowledge;

pub mod quiz;
pub mod report;
pub mod session;
pub mod text;
