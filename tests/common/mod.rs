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
#[allow(dead_code)]
pub fn with(changes: &[(&str, &[&str])]) -> Answers {
    lpq_fixtures::with(changes)
}

/// At an emergency, each warning line is the emergency's own in full, or a lower
/// warning's `do_not` alone (review 30 P1; review 32 S2): the results and the interrupt
/// screen hold to it alike.
#[allow(dead_code)]
pub fn assert_emergency_says_lower_warnings_only_by_what_not_to_do(
    kb: &leg_pain_quiz::knowledge::KnowledgeBase,
    flags: &[leg_pain_quiz::report::Line],
    screen: &str,
) {
    use leg_pain_quiz::knowledge::TriageLevel;
    for l in flags {
        let f = kb.red_flag(&l.id).unwrap();
        assert!(
            f.level == TriageLevel::Emergency || f.do_not.as_ref().is_some_and(|d| *d == l.text),
            "`{}` is said in full on the {screen}: {}",
            f.id,
            l.text
        );
    }
}

/// An outcome's action and its safety net as one text, in reading order.
#[allow(dead_code)]
pub fn action_said(o: &leg_pain_quiz::report::Outcome) -> String {
    let mut s = o.action.to_string();
    for l in &o.safety_net {
        s.push(' ');
        s.push_str(l);
    }
    s
}
