//! Branching and selection: which questions are asked, and how a click changes answers.

use super::{holds, Answers, Picks};
use crate::knowledge::{KnowledgeBase, Question, QuestionKind, RedFlag, TriageLevel};

/// The questions asked for these answers, in order. A follow-up is asked only when its
/// `show_if` holds on the answers to the questions asked before it.
pub fn visible_questions<'kb>(kb: &'kb KnowledgeBase, answers: &Answers) -> Vec<&'kb Question> {
    let mut asked = Answers::new();
    let mut visible = Vec::new();
    for q in kb.questions.iter() {
        if holds(&q.show_if, &asked) {
            visible.push(q);
            asked.set(&q.id, answers.get(&q.id).to_vec());
        }
    }
    visible
}

/// The answers that count: only questions still asked, and only choices that exist.
/// Answers to a follow-up that no longer applies, or stale ids from an older
/// version, are dropped rather than trusted.
pub fn effective_answers(kb: &KnowledgeBase, answers: &Answers) -> Answers {
    // One pass: a follow-up's `show_if` only looks at earlier questions, all kept by now.
    let mut kept = Answers::new();
    for q in kb.questions.iter() {
        if !holds(&q.show_if, &kept) {
            continue;
        }
        let mut choices: Vec<String> =
            answers.get(&q.id).iter().filter(|c| q.choice(c).is_some()).cloned().collect();
        choices.dedup();
        if q.kind == QuestionKind::Single {
            choices.truncate(1);
        }
        kept.set(&q.id, choices);
    }
    kept
}

/// True when every question asked has an answer.
pub fn is_complete(kb: &KnowledgeBase, answers: &Answers) -> bool {
    visible_questions(kb, answers).iter().all(|q| answers.is_answered(&q.id))
}

/// The answers after a person clicks `choice` in `question`. Single choice replaces;
/// multiple choice toggles, and an exclusive choice ("None of these") clears the
/// others and is cleared by them.
pub fn select(kb: &KnowledgeBase, answers: &Answers, question: &str, choice: &str) -> Answers {
    let mut next = answers.clone();
    let Some(q) = kb.question(question) else { return next };
    let Some(c) = q.choice(choice) else { return next };
    let chosen: Vec<String> = match q.kind {
        QuestionKind::Single => vec![c.id.to_string()],
        QuestionKind::Multi if answers.is_selected(question, choice) => {
            answers.get(question).iter().filter(|x| *x != choice).cloned().collect()
        }
        QuestionKind::Multi if c.exclusive => vec![c.id.to_string()],
        QuestionKind::Multi => {
            // Keep the data order so saved answers and summaries are stable.
            q.choices
                .iter()
                .filter(|x| x.id == choice || (answers.is_selected(question, &x.id) && !x.exclusive))
                .map(|x| x.id.to_string())
                .collect()
        }
    };
    next.set(question, chosen);
    next
}

/// Red flags at `urgent` or `emergency` that these answers trigger, most urgent first.
/// They interrupt the questions at once.
pub fn interrupting_flags<'kb>(kb: &'kb KnowledgeBase, answers: &Answers) -> Vec<&'kb RedFlag> {
    flags_by_urgency(kb, &effective_answers(kb, answers), TriageLevel::Urgent)
}

/// Red flags at or above `lowest` that hold, most urgent first, in data order within a
/// level. (Walking the levels avoids a sort, which costs kilobytes in the wasm.)
pub fn flags_by_urgency<'kb>(kb: &'kb KnowledgeBase, answers: &impl Picks, lowest: TriageLevel) -> Vec<&'kb RedFlag> {
    TriageLevel::ALL
        .iter()
        .filter(|level| **level >= lowest)
        .flat_map(|level| kb.red_flags.iter().filter(move |f| f.level == *level))
        .filter(|f| holds(&f.when, answers))
        .collect()
}
