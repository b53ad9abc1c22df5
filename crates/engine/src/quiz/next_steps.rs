//! Up to three things to do now, for the first screen of the results: the most useful
//! steps for this person, chosen from what the assessment shows. The rest of the advice
//! is folded below them.

use super::Assessment;
use crate::knowledge::{Advice, Food, KnowledgeBase, LabTest, Nutrient, TriageLevel};

/// How many steps the first screen holds.
pub const MAX_STEPS: usize = 3;

/// One thing to do now.
#[derive(Debug, PartialEq)]
pub enum NextStep<'kb> {
    /// A tip or a medicine note, by its short `action`.
    Advice(&'kb Advice),
    /// Ask the GP about these blood tests.
    Tests(Vec<&'kb LabTest>),
    /// Eat more of these foods, rich in the nutrient that stands out most.
    Foods(&'kb Nutrient, Vec<&'kb Food>),
}

/// The steps, most useful first. Empty when the triage is urgent or higher: then the one
/// step is to get help, and the outcome says so.
pub fn next_steps<'kb>(kb: &'kb KnowledgeBase, a: &Assessment) -> Vec<NextStep<'kb>> {
    if a.triage >= TriageLevel::Urgent {
        return Vec::new();
    }
    let with_action = |list: &'kb [Advice], ids: &[crate::knowledge::Text]| -> Vec<&'kb Advice> {
        ids.iter().filter_map(|id| list.iter().find(|x| x.id == *id)).filter(|x| x.action.is_some()).collect()
    };
    let medicine = with_action(&kb.medicine_notes, &a.medicine_notes);
    // What the recognised pattern's step for tonight already says is not said twice.
    let said = a.pattern.as_deref().and_then(|id| kb.pattern(id)).map_or(&[][..], |p| &p.replaces[..]);
    let all_tips = with_action(&kb.lifestyle, &a.lifestyle);
    let tips: Vec<&Advice> = all_tips.iter().copied().filter(|t| !said.contains(&t.id)).collect();

    // One blood-test step: the tests a medicine note asks for (a water tablet: potassium
    // and magnesium) come first in it, rather than as a second step of their own.
    let mut tests: Vec<&LabTest> = Vec::new();
    for t in medicine.iter().flat_map(|m| m.tests.iter()).filter_map(|t| kb.lab_test(t)) {
        if !tests.contains(&t) {
            tests.push(t);
        }
    }
    let medicine: Vec<&Advice> = medicine.into_iter().filter(|m| m.tests.is_empty()).collect();
    // Then the tests for the nutrients worth testing (the same as the assessment's tests).
    let cap = tests.len() + 2;
    for m in a.nutrients.iter().filter(|m| m.worth_a_test(kb)) {
        if let Some(t) = kb.nutrient(&m.id).and_then(|n| n.tests.first()).and_then(|t| kb.lab_test(t)) {
            if !tests.contains(&t) && tests.len() < cap {
                tests.push(t);
            }
        }
    }
    let foods = a.nutrients.first().and_then(|m| {
        let picked: Vec<&Food> =
            m.foods.iter().filter(|f| f.caution.is_none()).take(2).filter_map(|f| kb.food(&f.id)).collect();
        Some(NextStep::Foods(kb.nutrient(&m.id)?, picked)).filter(|_| m.foods.iter().any(|f| f.caution.is_none()))
    });

    // A medicine review first (it can be the cause), then the tests, then what helps
    // tonight, then food; further tips fill any room left.
    let mut steps = Vec::new();
    if let Some(m) = medicine.first() {
        steps.push(NextStep::Advice(m));
    }
    if !tests.is_empty() {
        steps.push(NextStep::Tests(tests));
    }
    if let Some(t) = tips.first() {
        steps.push(NextStep::Advice(t));
    }
    if let Some(f) = foods {
        steps.push(f);
    }
    steps.extend(tips.iter().skip(1).map(|t| NextStep::Advice(t)));
    // The outcome promises steps below: with nothing else to do, what the pattern's
    // "tonight" says is the step, said twice rather than not at all (review 40 P5).
    if steps.is_empty() {
        steps.extend(all_tips.iter().map(|t| NextStep::Advice(t)));
    }
    steps.truncate(MAX_STEPS);
    steps
}
