//! Evaluates a [`Condition`]: every clause must hold; a clause holds when any reference does.

use super::Answers;
use crate::knowledge::Condition;

pub fn holds(condition: &Condition, answers: &Answers) -> bool {
    condition.iter().all(|clause| clause.iter().any(|reference| reference_holds(reference, answers)))
}

fn reference_holds(reference: &str, answers: &Answers) -> bool {
    let (negated, plain) = match reference.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, reference),
    };
    let selected = plain
        .split_once('.')
        .is_some_and(|(question, choice)| answers.is_selected(question, choice));
    selected != negated
}
