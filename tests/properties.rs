//! Properties over every answer sequence the flow allows, and over hostile input.
// Native only: these use proptest and the file system, which the wasm target lacks.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{KnowledgeBase, QuestionKind};
use leg_pain_quiz::quiz::{
    assess, clean, holds, is_complete, next_steps, visible_questions, Action, Answers, Cleaned, NextStep, Screen,
};
use leg_pain_quiz::session::{RestoreError, Session, SESSION_FORMAT};
use proptest::prelude::*;

fn kb() -> KnowledgeBase {
    leg_pain_quiz::knowledge::embedded()
}

/// Walks the quiz as a person would (the shared walker): for each question asked, the
/// clicks `picks` choose, until every question asked has an answer.
fn walk(kb: &KnowledgeBase, picks: &[u16]) -> Answers {
    let mut picks = picks.iter().cycle();
    lpq_fixtures::walk(kb, |q| {
        let clicks = if q.kind == QuestionKind::Multi { 1 + (*picks.next().unwrap() as usize % 3) } else { 1 };
        (0..clicks).map(|_| q.choices[*picks.next().unwrap() as usize % q.choices.len()].id.to_string()).collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// The results never contradict the answers or themselves: the next step's wording
    /// never says "see a GP if …" of an answer the person gave; a note saying no test is
    /// needed never stands beside a suggested test; and blood tests are one step, not two.
    #[test]
    fn the_results_never_contradict_the_answers_or_themselves(picks in prop::collection::vec(any::<u16>(), 1..64)) {
        let kb = kb();
        let walked = walk(&kb, &picks);
        // As walked, and with each answer to how often (the one the wordings name most).
        let frequencies = ["once", "occasional", "weekly", "most_nights", "constant"];
        for answers in std::iter::once(walked.clone()).chain(frequencies.iter().map(|f| {
            let mut a = walked.clone();
            a.set("frequency", vec![f.to_string()]);
            a
        })) {
        let a = assess(&kb, &answers);
        let cleaned = Cleaned::new(&kb, &answers);
        let g = kb.guidance(a.triage).expect("guidance for every level");
        // Each wording as said to the person, or of someone else.
        let wordings = std::iter::once((&g.action, &g.unless))
            .chain(g.action_them.iter().map(|t| (t, &g.unless)))
            .chain(g.variants.iter().map(|v| (&v.action, &v.unless)))
            .chain(g.variants.iter().filter_map(|v| Some((v.action_them.as_ref()?, &v.unless))))
            // Or the own next step of a warning at that level (A&E now, the team's line now).
            .chain(kb.red_flags.iter().filter(|f| f.level == a.triage && holds(&f.when, &cleaned)).filter_map(|f| Some((f.action.as_ref()?, &g.unless))).take(1));
        let chosen: Vec<_> = wordings.filter(|(action, _)| **action == a.action).collect();
        prop_assert!(!chosen.is_empty(), "the action is one of the level's wordings");
        for (action, unless) in chosen {
            prop_assert!(unless.is_empty() || !holds(unless, &cleaned), "“{}” asks to act on an answer given", action);
        }
        let steps = next_steps(&kb, &a);
        let test_steps = steps.iter().filter(|s| match s {
            NextStep::Tests(_) => true,
            NextStep::Advice(x) => !x.tests.is_empty(),
            NextStep::Foods(..) => false,
        }).count();
        prop_assert!(test_steps <= 1, "{} blood-test steps", test_steps);
        let suggests_test = test_steps > 0 || !a.lab_tests.is_empty();
        let shown = a.lifestyle.iter().chain(&a.other_causes).chain(&a.medicine_notes);
        let all = kb.lifestyle.iter().chain(kb.other_causes.iter()).chain(kb.medicine_notes.iter());
        let says_none: Vec<_> = all.filter(|x| x.no_tests && shown.clone().any(|id| *id == x.id)).map(|x| x.id.to_string()).collect();
        // A recognised pattern fits the answers and never comes with an urgent outcome.
        if let Some(p) = a.pattern.as_deref().map(|id| kb.pattern(id).expect("known pattern")) {
            prop_assert!(a.triage < leg_pain_quiz::knowledge::TriageLevel::Urgent);
            prop_assert!(holds(&p.when, &cleaned));
        }
        prop_assert!(!suggests_test || says_none.is_empty(), "tests {:?} beside {:?}", a.lab_tests, says_none);
        }
    }

    #[test]
    fn every_allowed_sequence_gives_a_valid_assessment(picks in prop::collection::vec(any::<u16>(), 1..64)) {
        let kb = kb();
        let answers = walk(&kb, &picks);
        prop_assert!(is_complete(&kb, &answers));
        let a = assess(&kb, &answers);
        // Red flags are known, most urgent first, and the triage is at least the top one.
        let levels: Vec<_> = a.red_flags.iter().map(|id| kb.red_flag(id).expect("known flag").level).collect();
        prop_assert!(levels.windows(2).all(|w| w[0] >= w[1]));
        if let Some(top) = levels.first() { prop_assert!(a.triage >= *top); }
        // Nutrients are known, unique, ranked by a direct cause the person can't put right
        // alone, then any direct cause, then score, and strong enough to show.
        let lasting = |m: &leg_pain_quiz::quiz::NutrientMatch| {
            let rule = |e: &leg_pain_quiz::knowledge::Evidence| e.direct && !e.supports_only && !e.self_managed && e.weight > 0;
            m.evidence.iter().any(|id| kb.evidence.iter().any(|e| e.id == *id && rule(e)))
        };
        prop_assert!(a.nutrients.windows(2).all(|w| (lasting(&w[0]), w[0].direct, w[0].score) >= (lasting(&w[1]), w[1].direct, w[1].score)));
        for m in &a.nutrients {
            prop_assert!(kb.nutrient(&m.id).is_some());
            prop_assert!(m.score >= kb.strength.possible);
            prop_assert!(!m.reasons.is_empty());
            for f in &m.foods {
                let food = kb.food(&f.id).expect("known food");
                prop_assert!(!food.tags.iter().any(|t| a.excluded_food_tags.iter().any(|x| x == t)), "{} is excluded", f.id);
            }
        }
        for id in &a.lab_tests { prop_assert!(kb.lab_test(id).is_some()); }
    }

    #[test]
    fn a_saved_session_reads_back_the_same(picks in prop::collection::vec(any::<u16>(), 1..64), stop in 0usize..25, rev in 0u64..1_000_000) {
        let kb = kb();
        let answers = walk(&kb, &picks);
        let asked = visible_questions(&kb, &answers);
        let session = Session {
            revision: rev,
            answers: answers.clone(),
            screen: Some(match asked.get(stop) {
                Some(q) => Screen::Question(q.id.to_string()),
                None => Screen::Results,
            }),
            acknowledged: kb.red_flags.iter().take(stop % 3).map(|f| f.id.to_string()).collect(),
        };
        let read = Session::decode(&session.encode()).expect("a session we wrote reads back");
        prop_assert_eq!(read, session);
    }

    /// Cleaning is idempotent, and what it removes never changes an assessment.
    #[test]
    fn cleaning_is_idempotent_and_changes_no_assessment(
        picks in prop::collection::vec(any::<u16>(), 1..64),
        noise in prop::collection::vec((0usize..40, "[a-z_0-9]{1,12}"), 0..8),
        dupes in prop::collection::vec(0usize..40, 0..4),
    ) {
        let kb = kb();
        let mut raw = walk(&kb, &picks);
        // Stale ids, hidden follow-ups, repeats (not next to each other) and extra
        // choices for single-choice questions, as a tampered or old save might hold.
        for (i, id) in &noise {
            let q = &kb.questions[i % kb.questions.len()];
            let mut choices = raw.get(&q.id).to_vec();
            choices.push(id.clone());
            choices.push(q.choices[i % q.choices.len()].id.to_string());
            raw.set(&q.id, choices);
        }
        for i in &dupes {
            let q = &kb.questions[i % kb.questions.len()];
            let mut choices = raw.get(&q.id).to_vec();
            if let Some(first) = choices.first().cloned() {
                choices.push("levitation".into());
                choices.push(first);
            }
            raw.set(&q.id, choices);
        }
        let once = clean(&kb, &raw);
        prop_assert_eq!(clean(&kb, &once), once.clone());
        prop_assert_eq!(assess(&kb, &once), assess(&kb, &raw));
    }

    #[test]
    fn unknown_ids_never_panic(raw in prop::collection::btree_map("[a-z_]{1,12}", prop::collection::vec("[a-z_0-9]{0,10}", 0..4), 0..12)) {
        let kb = kb();
        let json = serde_json::to_string(&raw).unwrap();
        let answers: Answers = serde_json::from_str(&json).unwrap();
        let a = assess(&kb, &answers);
        prop_assert!(a.nutrients.iter().all(|m| kb.nutrient(&m.id).is_some()));
    }

    /// Any text at all, including text behind a valid header, decodes or says why.
    #[test]
    fn any_saved_text_decodes_or_says_why(
        body in "(rev=[0-9]{0,3}|screen=[a-z:_<>]{0,20}|ack=[a-z_,]{0,20}|a\\.[a-z_]{0,12}=[a-z_,;]{0,20}|[ -~]{0,20})(\n(rev=[0-9]{0,3}|screen=[a-z:_]{0,20}|ack=[a-z_,]{0,20}|a\\.[a-z_]{0,12}=[a-z_,]{0,20}|[ -~]{0,10})){0,8}",
        header in prop::sample::select(vec!["lpq-session 2\n", "lpq-session 1\n", "", "lpq-session 2 \n"]),
    ) {
        let kb = kb();
        let text = format!("{header}{body}");
        match Session::decode(&text) {
            Ok(s) => {
                prop_assert!(text.starts_with("lpq-session 2\n"));
                // Whatever was read, resuming it lands on a screen that exists.
                let journey = s.resume(&kb);
                if let Screen::Question(q) = &journey.screen {
                    prop_assert!(visible_questions(&kb, &journey.answers).iter().any(|x| x.id == *q));
                }
            }
            Err(RestoreError::OtherFormat(v)) => prop_assert_ne!(v, SESSION_FORMAT),
            Err(RestoreError::Corrupted) => {}
        }
    }
}

#[test]
fn a_corrupted_save_is_reported_not_trusted() {
    let bad = |text: &str| Session::decode(text).err();
    assert_eq!(bad("{not a session"), Some(RestoreError::Corrupted));
    assert_eq!(bad(r#"{"format":2,"answers":{}}"#), Some(RestoreError::Corrupted));
    assert_eq!(bad("lpq-session 2\nrev=1\nscreen=question:<img src=x>\n"), Some(RestoreError::Corrupted));
    assert_eq!(bad("lpq-session 2\nrev=1\nscreen=intro\na.sensation=cramp;drop\n"), Some(RestoreError::Corrupted));
    assert_eq!(bad("lpq-session 2\nrev=1\na.sensation=cramp\n"), Some(RestoreError::Corrupted), "no screen");
    assert_eq!(bad("lpq-session 2\nscreen=intro\n"), Some(RestoreError::Corrupted), "no revision");
    assert_eq!(
        bad("lpq-session 2\nrev=1\nscreen=intro\na.age=18_50\na.age=over_70\n"),
        Some(RestoreError::Corrupted),
        "twice"
    );
    assert_eq!(bad("lpq-session 1\nscreen=intro\n"), Some(RestoreError::OtherFormat(1)));
    assert!(Session::decode("lpq-session 2\nrev=3\nscreen=intro\nack=\n").is_ok());
}

/// Complete answers with nothing of note: "none" where a question has it, else a
/// neutral choice.
fn calm(kb: &KnowledgeBase) -> Answers {
    lpq_fixtures::walk(kb, |q| vec![lpq_fixtures::calm_choice(q).to_string()])
}

fn saved(answers: Answers, screen: Screen, acknowledged: &[&str]) -> Session {
    Session {
        revision: 1,
        answers,
        screen: Some(screen),
        acknowledged: acknowledged.iter().map(|a| a.to_string()).collect(),
    }
}

#[test]
fn a_resumed_session_drops_stale_ids() {
    let kb = kb();
    let session = saved(
        Answers::from_pairs([
            ("sensation", &["cramp", "levitation"][..]),
            ("no_such_question", &["x"][..]),
            ("rls_pattern", &["rest_worse"][..]), // hidden: no urge to move
        ]),
        Screen::Question("leg_signs".into()),
        &["long_cramp", "gone_flag"],
    );
    let journey = Session::decode(&session.encode()).unwrap().resume(&kb);
    // Saved before who the answers are about was asked: about the person answering.
    assert_eq!(journey.answers, Answers::from_pairs([("for_whom", &["myself"][..]), ("sensation", &["cramp"][..])]));
    assert_eq!(journey.screen, Screen::Question("leg_signs".into()));
    assert!(journey.acknowledged.is_empty(), "acknowledgements count only for warnings that hold");
}

#[test]
fn a_saved_screen_that_no_longer_applies_falls_back_to_the_next_question() {
    let kb = kb();
    let answers = Answers::from_pairs([("age", &["18_50"][..]), ("sensation", &["tingling"][..])]);
    let hidden = saved(answers.clone(), Screen::Question("cramp_pattern".into()), &[]).resume(&kb);
    assert_eq!(hidden.screen, Screen::Question("leg_signs".into()));
    let early = saved(answers, Screen::Results, &[]).resume(&kb);
    assert_eq!(early.screen, Screen::Question("leg_signs".into()), "results need complete answers");
}

/// A forged save that claims the results, with an emergency answer never acknowledged,
/// still shows the emergency first.
#[test]
fn an_unseen_emergency_is_shown_on_resume_whatever_screen_was_saved() {
    let kb = kb();
    let mut answers = calm(&kb);
    assert!(assess(&kb, &answers).red_flags.is_empty(), "the calm answers raise no warning");
    answers.set("leg_signs", vec!["cold_pale".into()]);
    assert!(is_complete(&kb, &answers));
    for screen in [Screen::Results, Screen::Review, Screen::Question("for_whom".into())] {
        let journey = saved(answers.clone(), screen.clone(), &[]).resume(&kb);
        assert_eq!(journey.screen, Screen::Interrupt(Box::new(screen.clone())), "saved as {screen:?}");
        let continued = journey.apply(&kb, Action::Continue);
        assert_eq!(continued.screen, screen, "Continue goes on to the saved screen");
        assert!(continued.acknowledged.iter().any(|f| f == "limb_ischaemia"), "and the warning counts as seen");
    }
    let seen = saved(answers, Screen::Results, &["limb_ischaemia"]).resume(&kb);
    assert_eq!(seen.screen, Screen::Results, "an acknowledged warning isn't shown again on reload");
}

#[test]
fn every_result_names_its_sources() {
    let kb = kb();
    let answers = walk(&kb, &[3, 1, 4, 1, 5, 9, 2, 6]);
    let a = assess(&kb, &answers);
    let cited = leg_pain_quiz::quiz::sources(&kb, &a);
    assert!(!cited.is_empty(), "the guidance alone cites a source");
    let ids: Vec<&str> = cited.iter().map(|s| s.id.as_ref()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "each source once");
    for m in &a.nutrients {
        let n = kb.nutrient(&m.id).unwrap();
        assert!(n.sources.iter().all(|s| ids.contains(&s.as_ref())), "{} sources listed", m.id);
    }
}
