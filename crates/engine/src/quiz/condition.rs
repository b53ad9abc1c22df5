//! Evaluates a [`Condition`]: every clause must hold; a clause holds when any of its
//! references does.

use super::Answers;
use crate::knowledge::Condition;

/// Something that knows whether a choice is selected.
pub trait Picks {
    fn picked(&self, question: &str, choice: &str) -> bool;
}

/// Raw answers, as given: used only where the clean-up itself is tested against them.
impl Picks for Answers {
    fn picked(&self, question: &str, choice: &str) -> bool {
        self.is_selected(question, choice)
    }
}

pub fn holds(condition: &Condition, answers: &impl Picks) -> bool {
    condition.iter().all(|clause| clause.iter().any(|r| answers.picked(&r.question, &r.choice) != r.negated))
}
