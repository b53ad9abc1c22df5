//! The results for three people, in plain words that keep their promises: a 78-year-old
//! on a water tablet and omeprazole, a parent of a 7-year-old whose legs ache most nights,
//! and the words every result uses ("a blood test for potassium and magnesium", never
//! "blood salts"; the frequency the person gave, not a paraphrase).
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{KnowledgeBase, TriageLevel};
use leg_pain_quiz::quiz::{assess, is_complete, Answers};
use leg_pain_quiz::report::{report, Block, Report};

mod common;
use common::with;

fn kb() -> KnowledgeBase {
    leg_pain_quiz::knowledge::embedded()
}

fn results(kb: &KnowledgeBase, answers: &Answers) -> Report {
    assert!(is_complete(kb, answers), "test answers must be complete: {answers:?}");
    report(kb, kb.regions.first(), answers, &assess(kb, answers))
}

/// Every word of a report, one string per line, for searching.
fn all_text(r: &Report) -> Vec<String> {
    let lines = |blocks: &[Block]| -> Vec<String> {
        blocks
            .iter()
            .flat_map(|b| {
                b.heading
                    .iter()
                    .map(|h| h.to_string())
                    .chain(b.lines.iter().map(|l| format!("{} {}", l.lead.as_deref().unwrap_or(""), l.text)))
            })
            .collect()
    };
    let mut out = vec![r.outcome.heading.to_string(), common::action_said(&r.outcome)];
    out.extend(r.steps.iter().map(|s| s.to_string()));
    for s in &r.standout {
        out.push(s.label.to_string());
        out.extend(lines(&s.blocks));
    }
    for f in &r.folds {
        out.extend(lines(&f.blocks));
    }
    out
}

/// 78, on a water tablet and omeprazole, with cramps most nights that spoil her sleep.
fn older_woman() -> Answers {
    with(&[
        ("age", &["over_70"]),
        ("sensation", &["cramp"]),
        ("cramp_pattern", &["short", "spoil_sleep"]),
        ("frequency", &["most_nights"]),
        ("sex", &["postmenopausal"]),
        ("medicines", &["diuretic"]),
        ("other_medicines", &["ppi"]),
        ("eats", &["meat_fish_eggs", "dairy"]),
    ])
}

/// A 7-year-old whose legs ache in the evening most nights, fine by morning.
fn child() -> Answers {
    let mut a = with(&[
        ("age", &["under_13"]),
        ("sensation", &["aching"]),
        ("child_pattern", &["both_legs_evening", "fine_morning"]),
        ("frequency", &["most_nights"]),
        ("sex", &["female"]),
    ]);
    // The children's follow-up asks which leg; the adults' question isn't asked.
    a.set("legs", Vec::new());
    a.set("cramp_pattern", Vec::new());
    a
}

#[test]
fn a_water_tablet_gives_one_blood_test_step_in_plain_words() {
    let kb = kb();
    let r = results(&kb, &older_woman());
    let tests: Vec<&str> =
        r.steps.iter().map(|s| s.as_ref()).filter(|s| s.to_lowercase().contains("blood test")).collect();
    assert_eq!(tests.len(), 1, "one blood-test step: {:#?}", r.steps);
    assert!(tests[0].contains("a blood test for potassium, magnesium"), "named in plain words: {}", tests[0]);
}

#[test]
fn no_result_says_blood_salts() {
    let kb = kb();
    for answers in [older_woman(), child(), with(&[("conditions", &["kidney"])])] {
        let said = all_text(&results(&kb, &answers)).join("\n").to_lowercase();
        assert!(!said.contains("salts"), "“salts” in:\n{said}");
    }
}

#[test]
fn the_reasons_give_the_frequency_the_person_gave() {
    let kb = kb();
    let a = assess(&kb, &older_woman());
    let reasons: Vec<&str> = a.nutrients.iter().flat_map(|m| m.reasons.iter().map(|r| r.as_ref())).collect();
    assert!(reasons.iter().any(|r| r.contains("most nights")), "she said most nights: {reasons:#?}");
    assert!(!reasons.iter().any(|r| r.contains("several nights a week")), "{reasons:#?}");
}

#[test]
fn a_child_with_pains_most_nights_is_told_what_that_means_now() {
    let kb = kb();
    let r = results(&kb, &child());
    assert_eq!(r.outcome.level, TriageLevel::SelfCare);
    let action = common::action_said(&r.outcome).to_lowercase();
    assert!(!action.contains("if pain wakes them most nights"), "not “see a GP if” what she said: {action}");
    assert!(action.contains("most nights") && action.contains("appointment"), "what it means now: {action}");
    let said = all_text(&r).join("\n");
    assert!(said.contains("Growing pains"), "named as growing pains");
    assert!(
        r.fold("doctor").iter().all(|b| b.heading.as_deref() != Some(kb.ui.summary_tests.as_ref())),
        "no test suggested"
    );
    assert!(!r.steps.iter().any(|s| s.contains("blood test")), "no test step: {:?}", r.steps);
}

#[test]
fn an_adult_with_cramps_most_nights_is_not_told_to_see_a_gp_if_they_do() {
    let kb = kb();
    let r = results(&kb, &with(&[("frequency", &["most_nights"])]));
    let action = common::action_said(&r.outcome).to_lowercase();
    assert!(!action.contains("if it happens most nights"), "{action}");
    let occasional = results(&kb, &with(&[]));
    assert!(
        common::action_said(&occasional.outcome).contains("spoils your sleep"),
        "still said to those who didn't say it"
    );
}

#[test]
fn the_likely_pattern_opens_the_results_in_plain_words() {
    let kb = kb();
    let pregnant = with(&[
        ("sensation", &["urge_to_move"]),
        ("rls_pattern", &["rest_worse", "moving_helps", "evening_worse", "sleep_spoiled"]),
        ("frequency", &["most_nights"]),
        ("sex", &["pregnant"]),
        ("pregnancy_signs", &["none"]),
    ]);
    let mut restless = pregnant.clone();
    restless.set("sex", vec!["female".into()]);
    for (who, answers, pattern, words) in [
        ("child", child(), "growing_pains", "growing pains"),
        ("78-year-old", older_woman(), "cramps_from_water_tablets", "water tablets"),
        ("pregnant", pregnant, "restless_legs_pregnancy", "restless legs of pregnancy"),
        ("restless", restless, "restless_legs", "restless legs"),
        ("harmless", with(&[]), "ordinary_cramps", "ordinary night cramps"),
    ] {
        let r = results(&kb, &answers);
        let p = r.pattern.as_ref().unwrap_or_else(|| panic!("{who}: a pattern"));
        assert_eq!(p.id, pattern, "{who}");
        assert!(p.title.contains(words), "{who}: {}", p.title);
        assert!(r.pattern_first, "{who}: the pattern opens the results");
        assert!(!p.tonight.is_empty() && p.not_diagnosis.contains("not a diagnosis"), "{who}");
    }
}

#[test]
fn a_pattern_never_stands_before_an_urgent_warning() {
    let kb = kb();
    // Ordinary-looking cramps, but one calf is painful and swollen: urgent, no pattern.
    let r = results(&kb, &with(&[("leg_signs", &["one_leg_pain_swelling"]), ("legs", &["one_leg"])]));
    assert!(r.outcome.level >= TriageLevel::Urgent, "{:?}", r.outcome.level);
    assert!(r.pattern.is_none(), "no pattern beside an urgent warning: {:?}", r.pattern);
}

/// Every harmless picture, for adults, children and in pregnancy, at every frequency and
/// with or without spoilt sleep: the wording chosen never names an answer given in its
/// "see a GP if …" (its `unless` doesn't hold).
#[test]
fn no_wording_asks_to_act_on_an_answer_given() {
    let kb = kb();
    let mut checked = 0;
    for who in ["adult", "pregnant", "child"] {
        for frequency in ["once", "occasional", "weekly", "most_nights", "constant", "not_sure"] {
            for sleep in [false, true] {
                let mut answers = match who {
                    "child" => child(),
                    "pregnant" => with(&[("sex", &["pregnant"])]),
                    _ => with(&[]),
                };
                answers.set("frequency", vec![frequency.into()]);
                if sleep && who != "child" {
                    answers.set("cramp_pattern", vec!["short".into(), "spoil_sleep".into()]);
                }
                let a = assess(&kb, &answers);
                let g = kb.guidance(a.triage).unwrap();
                let cleaned = leg_pain_quiz::quiz::Cleaned::new(&kb, &answers);
                let wordings =
                    std::iter::once((&g.action, &g.unless)).chain(g.variants.iter().map(|v| (&v.action, &v.unless)));
                for (action, unless) in wordings.filter(|(action, _)| **action == a.action) {
                    assert!(
                        unless.is_empty() || !leg_pain_quiz::quiz::holds(unless, &cleaned),
                        "{who}, {frequency}, sleep {sleep}: “{action}”"
                    );
                }
                checked += usize::from(a.triage == TriageLevel::SelfCare);
            }
        }
    }
    assert!(checked >= 10, "enough self-care pictures were checked: {checked}");
}
