//! Answers shared by the native tests (each test file is its own crate: `mod common;`):
//! the base answer set and named changes to it live in `lpq-fixtures`.

use leg_pain_quiz::quiz::Answers;

/// Occasional short calf cramps in an adult who eats well and gets daylight: nothing
/// stands out, and it is self-care.
#[allow(dead_code)]
pub fn harmless() -> Answers {
    lpq_fixtures::base()
}

/// The harmless answers with `changes` made.
pub fn with(changes: &[(&str, &[&str])]) -> Answers {
    lpq_fixtures::with(changes)
}
