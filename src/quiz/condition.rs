//! Evaluates a [`Condition`]: every clause must hold; a clause holds when any reference does.

use super::Answers;
use crate::knowledge::Condition;

/// Something that knows whether `question.choice` is selected.
pub trait Picks {
    fn picked(&self, reference: &str) -> bool;
}

impl Picks for Answers {
    fn picked(&self, reference: &str) -> bool {
        reference.split_once('.').is_some_and(|(question, choice)| self.is_selected(question, choice))
    }
}

/// The answers as a sorted list of `question.choice` references. Built once per
/// assessment, it answers the few hundred lookups that follow with one binary search
/// each, instead of a map lookup and a scan.
pub struct Selection(Vec<String>);

impl Selection {
    pub fn new(answers: &Answers) -> Self {
        let mut refs: Vec<String> = answers
            .iter()
            .flat_map(|(question, choices)| choices.iter().map(move |choice| format!("{question}.{choice}")))
            .collect();
        refs.sort_unstable();
        Selection(refs)
    }
}

impl Picks for Selection {
    fn picked(&self, reference: &str) -> bool {
        self.0.binary_search_by(|r| r.as_str().cmp(reference)).is_ok()
    }
}

pub fn holds(condition: &Condition, answers: &impl Picks) -> bool {
    condition.iter().all(|clause| {
        clause.iter().any(|reference| match reference.strip_prefix('!') {
            Some(plain) => !answers.picked(plain),
            None => answers.picked(reference),
        })
    })
}
