//! Evaluates a [`Condition`]: every clause must hold; a clause holds when any reference does.

use super::Answers;
use crate::knowledge::{Choice, Condition, KnowledgeBase, QuestionKind};
use std::cmp::Ordering;

/// Something that knows whether `question.choice` is selected.
pub trait Picks {
    fn picked(&self, reference: &str) -> bool;
}

impl Picks for Answers {
    fn picked(&self, reference: &str) -> bool {
        reference.split_once('.').is_some_and(|(question, choice)| self.is_selected(question, choice))
    }
}

/// The answers that count, borrowed from the knowledge base: the (question, choice)
/// pairs of the questions still asked, sorted for lookups, and the chosen [`Choice`]s.
/// Built once per assessment, without copying a string, it answers the few hundred
/// lookups that follow with one binary search each.
pub struct Selection<'kb> {
    pairs: Vec<(&'kb str, &'kb str)>,
    pub choices: Vec<&'kb Choice>,
}

impl<'kb> Selection<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, answers: &Answers) -> Self {
        let mut selection = Selection { pairs: Vec::with_capacity(32), choices: Vec::with_capacity(32) };
        // A follow-up's `show_if` only looks at earlier questions, all gathered by then.
        for q in kb.questions.iter() {
            if !holds(&q.show_if, &selection) {
                continue;
            }
            // Same rules as `effective_answers`: known choices, no repeats, one for single choice.
            let first = selection.choices.len();
            for c in answers.get(&q.id).iter().filter_map(|x| q.choice(x)) {
                if selection.choices[first..].iter().any(|seen| seen.id == c.id) {
                    continue;
                }
                // Kept sorted as it grows (a general sort costs kilobytes in the wasm).
                let pair = (q.id.as_ref(), c.id.as_ref());
                let at = selection.pairs.binary_search_by(|p| order(*p, pair)).unwrap_or_else(|i| i);
                selection.pairs.insert(at, pair);
                selection.choices.push(c);
                if q.kind == QuestionKind::Single {
                    break;
                }
            }
        }
        selection
    }
}

/// Orders pairs by the lengths of their ids before their content: most of the few
/// hundred comparisons per assessment then end without touching the bytes.
#[inline]
fn order(a: (&str, &str), b: (&str, &str)) -> Ordering {
    a.0.len()
        .cmp(&b.0.len())
        .then(a.1.len().cmp(&b.1.len()))
        .then_with(|| a.0.as_bytes().cmp(b.0.as_bytes()))
        .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
}

impl Picks for Selection<'_> {
    fn picked(&self, reference: &str) -> bool {
        reference.split_once('.').is_some_and(|pair| self.pairs.binary_search_by(|p| order(*p, pair)).is_ok())
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
