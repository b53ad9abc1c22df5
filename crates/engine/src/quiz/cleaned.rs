//! The one clean-up of the answers. Everything that reads answers (which questions are
//! asked, whether the quiz is complete, the interrupting warnings, the summary and
//! [`assess`](super::assess)) reads them through [`Cleaned`], so the rules live here once:
//!
//! 1. Questions are taken in the knowledge base's order. A question is asked when its
//!    `show_if` holds on the answers kept so far (a follow-up only refers to earlier
//!    questions, which validation checks), and answers to questions not asked are dropped.
//! 2. Only choices that exist and are offered count (a choice's own `show_if`, such as
//!    pregnancy for someone under 13, must hold on the earlier answers), each once, in the
//!    knowledge base's order, so the saved form and the summary don't depend on click order.
//! 3. A single-choice question keeps only the first known choice given.
//! 4. A question added later (who the answers are about) that answers saved before it
//!    lack takes its `assumed` choice ("myself") once a question on a later page is
//!    answered: such answers can only come from before it was asked, since Next needs
//!    every question on a page.
//! 5. An exclusive choice ("None of these") given together with others is dropped: a
//!    ticked warning sign must never be lost to a stale "none". Of several exclusive
//!    choices alone, the first in the base's order is kept.
//!
//! Cleaning is idempotent, and assessing cleaned answers gives the same result as
//! assessing the raw ones (both are property tests).

use super::{holds, Answers, Picks};
use crate::knowledge::{Choice, KnowledgeBase, Question, QuestionKind};
use std::cmp::Ordering;

/// The answers that count, borrowed from the knowledge base without copying a string.
pub struct Cleaned<'kb> {
    /// Questions asked for these answers, in order.
    asked: Vec<&'kb Question>,
    /// Chosen (question, choice) pairs, in question order then the base's choice order.
    chosen: Vec<(&'kb Question, &'kb Choice)>,
    /// The same pairs as ids, sorted for the few hundred lookups an assessment makes.
    pairs: Vec<(&'kb str, &'kb str)>,
}

impl<'kb> Cleaned<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, answers: &Answers) -> Self {
        let mut cleaned = Cleaned {
            asked: Vec::with_capacity(kb.questions.len()),
            chosen: Vec::with_capacity(32),
            pairs: Vec::with_capacity(32),
        };
        for (i, q) in kb.questions.iter().enumerate() {
            if !holds(&q.show_if, &cleaned) {
                continue;
            }
            cleaned.asked.push(q);
            let given = answers.get(&q.id);
            if given.is_empty() {
                if let Some(c) = q.choices.iter().find(|c| c.assumed) {
                    let page_end = kb.questions[i..].iter().position(|q| !q.joins_next).map_or(i, |n| i + n);
                    if kb.questions[page_end + 1..].iter().any(|later| answers.is_answered(&later.id)) {
                        cleaned.add(q, c);
                    }
                    continue;
                }
            }
            match q.kind {
                QuestionKind::Single => {
                    let offered = |c: &&Choice| c.show_if.is_empty() || holds(&c.show_if, &cleaned);
                    if let Some(c) = given.iter().find_map(|g| q.choice(g).filter(offered)) {
                        cleaned.add(q, c);
                    }
                }
                QuestionKind::Multi => {
                    let offered = |c: &&Choice| c.show_if.is_empty() || holds(&c.show_if, &cleaned);
                    let picked: Vec<&'kb Choice> =
                        q.choices.iter().filter(|c| given.iter().any(|g| *g == c.id)).filter(offered).collect();
                    let informative = picked.iter().any(|c| !c.exclusive);
                    if informative {
                        for c in picked.into_iter().filter(|c| !c.exclusive) {
                            cleaned.add(q, c);
                        }
                    } else if let Some(c) = picked.first() {
                        cleaned.add(q, c);
                    }
                }
            }
        }
        cleaned
    }

    fn add(&mut self, q: &'kb Question, c: &'kb Choice) {
        self.chosen.push((q, c));
        let pair = (q.id.as_ref(), c.id.as_ref());
        // Kept sorted as it grows: a general sort costs kilobytes in the wasm.
        let at = self.pairs.binary_search_by(|p| order(*p, pair)).unwrap_or_else(|i| i);
        self.pairs.insert(at, pair);
    }

    /// The choices a question offers for these answers (those whose own `show_if` holds),
    /// in order: what the question screen lists. Those whose `first_when` holds (the
    /// warning signs that apply to children, for a child) come first.
    pub fn offered(&self, q: &'kb Question) -> Vec<&'kb Choice> {
        let offered = q.choices.iter().filter(|c| c.show_if.is_empty() || holds(&c.show_if, self));
        let (mut first, rest): (Vec<&'kb Choice>, Vec<&'kb Choice>) =
            offered.partition(|c| !c.first_when.is_empty() && holds(&c.first_when, self));
        first.extend(rest);
        first
    }

    /// The questions asked on the page that begins with `head`: it and those joined to
    /// it (`joins_next`). Empty when `head` is not asked.
    pub fn page(&self, head: &str) -> &[&'kb Question] {
        let Some(start) = self.asked.iter().position(|q| q.id == head) else { return &[] };
        let len = self.asked[start..].iter().position(|q| !q.joins_next).map_or(self.asked.len() - start, |n| n + 1);
        &self.asked[start..start + len]
    }

    /// The questions asked for these answers, in order.
    pub fn asked(&self) -> &[&'kb Question] {
        &self.asked
    }

    /// Every chosen choice with its question, in question order.
    pub fn chosen(&self) -> &[(&'kb Question, &'kb Choice)] {
        &self.chosen
    }

    /// The choices kept for one question.
    pub fn choices_of<'a>(&'a self, question: &'a str) -> impl Iterator<Item = &'kb Choice> + 'a {
        self.chosen.iter().filter(move |(q, _)| q.id == question).map(|(_, c)| *c)
    }

    pub fn is_asked(&self, question: &str) -> bool {
        self.asked.iter().any(|q| q.id == question)
    }

    pub fn is_answered(&self, question: &str) -> bool {
        self.chosen.iter().any(|(q, _)| q.id == question)
    }

    /// The first question asked that has no answer yet.
    pub fn first_unanswered(&self) -> Option<&'kb Question> {
        self.asked.iter().copied().find(|q| !self.is_answered(&q.id))
    }

    /// True when every question asked has an answer.
    pub fn is_complete(&self) -> bool {
        self.first_unanswered().is_none()
    }

    /// 1-based position of a question among those asked.
    pub fn position(&self, question: &str) -> Option<usize> {
        self.asked.iter().position(|q| q.id == question).map(|i| i + 1)
    }

    /// The cleaned answers as plain data, to keep or save.
    pub fn to_answers(&self) -> Answers {
        let mut answers = Answers::new();
        for q in &self.asked {
            answers.set(&q.id, self.choices_of(&q.id).map(|c| c.id.to_string()).collect());
        }
        answers
    }
}

/// Orders pairs by the lengths of their ids before their bytes: most of the few
/// hundred comparisons per assessment then end without reading a string (measured:
/// 200k → 161k instructions per assessment).
#[inline]
fn order(a: (&str, &str), b: (&str, &str)) -> Ordering {
    a.0.len()
        .cmp(&b.0.len())
        .then(a.1.len().cmp(&b.1.len()))
        .then_with(|| a.0.as_bytes().cmp(b.0.as_bytes()))
        .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
}

impl Picks for Cleaned<'_> {
    fn picked(&self, question: &str, choice: &str) -> bool {
        self.pairs.binary_search_by(|p| order(*p, (question, choice))).is_ok()
    }
}

/// The cleaned answers as plain data.
pub fn clean(kb: &KnowledgeBase, answers: &Answers) -> Answers {
    Cleaned::new(kb, answers).to_answers()
}
