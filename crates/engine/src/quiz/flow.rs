//! Branching and selection: which questions are asked, how a click changes the answers,
//! and which warnings interrupt. All of it reads the answers through [`Cleaned`].

use super::{holds, Answers, Cleaned, Person, Picks};
use crate::knowledge::{KnowledgeBase, Question, QuestionKind, RedFlag, Text, TriageLevel};

/// The questions asked for these answers, in order.
pub fn visible_questions<'kb>(kb: &'kb KnowledgeBase, answers: &Answers) -> Vec<&'kb Question> {
    Cleaned::new(kb, answers).asked().to_vec()
}

/// True when every question asked has an answer.
pub fn is_complete(kb: &KnowledgeBase, answers: &Answers) -> bool {
    Cleaned::new(kb, answers).is_complete()
}

/// The answers after a person clicks `choice` in `question`, cleaned. Single choice
/// replaces; multiple choice toggles, and an exclusive choice ("None of these") clears
/// the others and is cleared by them.
pub fn select(kb: &KnowledgeBase, answers: &Answers, question: &str, choice: &str) -> Answers {
    let mut next = answers.clone();
    if let Some((q, c)) = kb.question(question).and_then(|q| Some((q, q.choice(choice)?))) {
        let chosen: Vec<String> = match q.kind {
            QuestionKind::Single => vec![c.id.to_string()],
            QuestionKind::Multi if answers.is_selected(question, choice) => {
                answers.get(question).iter().filter(|x| *x != choice).cloned().collect()
            }
            QuestionKind::Multi if c.exclusive => vec![c.id.to_string()],
            QuestionKind::Multi => q
                .choices
                .iter()
                .filter(|x| x.id == choice || (answers.is_selected(question, &x.id) && !x.exclusive))
                .map(|x| x.id.to_string())
                .collect(),
        };
        next.set(question, chosen);
    }
    Cleaned::new(kb, &next).to_answers()
}

/// Red flags at `urgent` or `emergency` that these answers trigger, most urgent first.
/// They interrupt the questions at once, with one exception: an urgent warning waits
/// one screen for the follow-up the last answer opened (the next question, asked only
/// because of it) when some answer to that follow-up would lift it. "Symptoms from before
/// the statin?" comes straight after "a new statin": telling someone to stop it today and
/// then, one answer later, that it can wait for a review contradicts itself. An emergency
/// never waits.
pub fn interrupting_flags<'kb>(kb: &'kb KnowledgeBase, answers: &Answers) -> Vec<&'kb RedFlag> {
    let cleaned = Cleaned::new(kb, answers);
    let mut flags = flags_by_urgency(kb, &cleaned, TriageLevel::Urgent);
    if let Some(follow_up) = cleaned.first_unanswered().filter(|q| !q.show_if.is_empty()) {
        flags.retain(|f| f.level == TriageLevel::Emergency || !lifted_by(kb, answers, f, follow_up));
    }
    flags
}

/// True when some answer to `question` would make `flag` stop holding, or give way to a
/// higher warning it is `replaced_by` (new bladder trouble, then back pain: the emergency).
fn lifted_by(kb: &KnowledgeBase, answers: &Answers, flag: &RedFlag, question: &Question) -> bool {
    question.choices.iter().any(|c| {
        let mut next = answers.clone();
        next.set(&question.id, vec![c.id.to_string()]);
        let next = Cleaned::new(kb, &next);
        !holds(&flag.when, &next)
            || flag.replaced_by.iter().any(|r| kb.red_flag(r).is_some_and(|higher| holds(&higher.when, &next)))
    })
}

/// Red flags at or above `lowest` that hold, most urgent first, in data order within a
/// level. (Walking the levels avoids a sort, which costs kilobytes in the wasm.)
pub fn flags_by_urgency<'kb>(kb: &'kb KnowledgeBase, answers: &impl Picks, lowest: TriageLevel) -> Vec<&'kb RedFlag> {
    let holding: Vec<&RedFlag> = TriageLevel::ALL
        .iter()
        .filter(|level| **level >= lowest)
        .flat_map(|level| kb.red_flags.iter().filter(move |f| f.level == *level))
        .filter(|f| holds(&f.when, answers))
        .collect();
    // A warning whose higher sibling about the same sign holds gives way to it (its
    // `replaced_by` are all above it, so the level never moves).
    let replaced = |f: &RedFlag| f.replaced_by.iter().any(|r| holding.iter().any(|h| h.id == *r));
    holding.iter().copied().filter(|f| !replaced(f)).collect()
}

/// What to do at `level`, in the words for this person: the `action` of the first warning
/// at that level that holds and has one, when every warning at that level that holds has
/// one; else the level's action, or the first variant whose condition holds (pregnancy:
/// the midwife first), each worded for someone else when the answers are about someone
/// else. `foods`: the results show foods (a variant for results with or without them is
/// passed over when that doesn't fit).
pub fn triage_action<'kb>(
    kb: &'kb KnowledgeBase,
    level: TriageLevel,
    answers: &impl Picks,
    foods: bool,
) -> Option<&'kb Text> {
    let g = kb.guidance(level)?;
    // A warning at this level with its own next step (A&E now, the team's line now) leads:
    // the first such, in data order, over any variant (safety/triage-policy.md), unless
    // another warning at the level holds without one: a stroke beside a sickle cell fever
    // still calls the ambulance first (review 17 S1).
    let mut holding = kb.red_flags.iter().filter(|f| f.level == level && holds(&f.when, answers));
    // A same-day warning whose own step is the more pressing (A&E now) leads whatever holds
    // beside it (review 24 S1).
    if let Some(pressing) = holding.clone().find(|f| f.leads).and_then(|f| f.action.as_ref()) {
        return Some(pressing);
    }
    let own: Option<&Text> = holding.clone().find_map(|f| f.action.as_ref());
    if own.is_some() && holding.all(|f| f.action.is_some()) {
        return own;
    }
    // A wording whose "see a GP if …" names an answer the person gave is passed over:
    // the next that fits says what that answer means now.
    let covered = |unless: &crate::knowledge::Condition| !unless.is_empty() && holds(unless, answers);
    let variant = g
        .variants
        .iter()
        .find(|v| holds(&v.when, answers) && !covered(&v.unless) && v.foods.is_none_or(|f| f == foods));
    let person = Person::of(kb, answers);
    Some(variant.map_or_else(
        || person.them(&g.action, g.action_them.as_ref()),
        |v| person.them(&v.action, v.action_them.as_ref()),
    ))
}
