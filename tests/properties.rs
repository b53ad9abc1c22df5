//! Properties over every answer sequence the flow allows, and over hostile input.

use leg_pain_quiz::knowledge::{KnowledgeBase, QuestionKind};
use leg_pain_quiz::quiz::{assess, is_complete, select, visible_questions, Answers};
use leg_pain_quiz::session::{RestoreError, Screen, Session};
use proptest::prelude::*;

fn kb() -> KnowledgeBase {
    KnowledgeBase::embedded()
}

/// Walks the quiz as a person would: answer the first unanswered question asked, with
/// clicks chosen by `picks`, until every question asked has an answer.
fn walk(kb: &KnowledgeBase, picks: &[u16]) -> Answers {
    let mut answers = Answers::new();
    let mut picks = picks.iter().cycle();
    for _ in 0..100 {
        let Some(q) = visible_questions(kb, &answers).into_iter().find(|q| !answers.is_answered(&q.id)) else {
            break;
        };
        let clicks = if q.kind == QuestionKind::Multi { 1 + (*picks.next().unwrap() as usize % 3) } else { 1 };
        for _ in 0..clicks {
            let c = &q.choices[*picks.next().unwrap() as usize % q.choices.len()];
            answers = select(kb, &answers, &q.id, &c.id);
        }
        if !answers.is_answered(&q.id) {
            // Clicking the same box twice unticks it; a person would tick one more.
            answers = select(kb, &answers, &q.id, &q.choices[0].id);
        }
    }
    answers
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

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
        // Nutrients are known, unique, ranked by score, and strong enough to show.
        prop_assert!(a.nutrients.windows(2).all(|w| w[0].score >= w[1].score));
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
    fn a_saved_session_reads_back_the_same(picks in prop::collection::vec(any::<u16>(), 1..64), stop in 0usize..25) {
        let kb = kb();
        let answers = walk(&kb, &picks);
        let asked = visible_questions(&kb, &answers);
        let mut session = Session::new();
        session.answers = answers.clone();
        session.screen = match asked.get(stop) {
            Some(q) => Screen::Question(q.id.to_string()),
            None => Screen::Results,
        };
        session.acknowledged = kb.red_flags.iter().take(stop % 3).map(|f| f.id.to_string()).collect();
        let restored = Session::restore(&kb, &session.encode()).expect("a session we wrote reads back");
        prop_assert_eq!(restored, session);
    }

    #[test]
    fn unknown_ids_never_panic(raw in prop::collection::btree_map("[a-z_]{1,12}", prop::collection::vec("[a-z_0-9]{0,10}", 0..4), 0..12)) {
        let kb = kb();
        let json = serde_json::to_string(&raw).unwrap();
        let answers: Answers = serde_json::from_str(&json).unwrap();
        let a = assess(&kb, &answers);
        prop_assert!(a.nutrients.iter().all(|m| kb.nutrient(&m.id).is_some()));
    }

    #[test]
    fn any_saved_text_restores_or_says_why(text in ".{0,200}") {
        let kb = kb();
        match Session::restore(&kb, &text) {
            Ok(s) => prop_assert_eq!(s.format, 1),
            Err(e) => prop_assert!(!e.notice().is_empty()),
        }
    }
}

#[test]
fn a_corrupted_save_is_reported_not_trusted() {
    let kb = kb();
    assert_eq!(Session::restore(&kb, "{not a session"), Err(RestoreError::Corrupted));
    assert_eq!(Session::restore(&kb, r#"{"format":1,"answers":{}}"#), Err(RestoreError::Corrupted));
    assert_eq!(Session::restore(&kb, "lpq-session 1\nscreen=question:<img src=x>\n"), Err(RestoreError::Corrupted));
    assert_eq!(Session::restore(&kb, "lpq-session 1\nscreen=intro\na.sensation=cramp;drop\n"), Err(RestoreError::Corrupted));
    assert_eq!(Session::restore(&kb, "lpq-session 1\na.sensation=cramp\n"), Err(RestoreError::Corrupted), "no screen");
    assert_eq!(Session::restore(&kb, "lpq-session 0\nscreen=intro\n"), Err(RestoreError::OtherFormat(0)));
    assert!(Session::restore(&kb, "lpq-session 1\nscreen=intro\nack=\n").is_ok());
}

#[test]
fn a_saved_session_round_trips_and_stale_ids_are_dropped() {
    let kb = kb();
    let mut session = Session::new();
    session.answers = Answers::from_pairs([
        ("sensation", &["cramp", "levitation"][..]),
        ("no_such_question", &["x"][..]),
        ("rls_pattern", &["rest_worse"][..]), // hidden: no urge to move
    ]);
    session.screen = Screen::Question("leg_signs".into());
    session.acknowledged = vec!["possible_dvt".into(), "gone_flag".into()];
    let restored = Session::restore(&kb, &session.encode()).unwrap();
    assert_eq!(restored.answers, Answers::from_pairs([("sensation", &["cramp"][..])]));
    assert_eq!(restored.screen, Screen::Question("leg_signs".into()));
    assert_eq!(restored.acknowledged, vec!["possible_dvt".to_string()]);
}

#[test]
fn a_saved_screen_that_no_longer_applies_falls_back_to_the_next_question() {
    let kb = kb();
    let mut session = Session::new();
    session.answers = Answers::from_pairs([("sensation", &["tingling"][..])]);
    session.screen = Screen::Question("cramp_pattern".into()); // hidden now
    let restored = Session::restore(&kb, &session.encode()).unwrap();
    assert_eq!(restored.screen, Screen::Question("leg_signs".into()));
    session.screen = Screen::Results; // results without complete answers
    let restored = Session::restore(&kb, &session.encode()).unwrap();
    assert_eq!(restored.screen, Screen::Question("leg_signs".into()));
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
