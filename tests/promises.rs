//! What the quiz promises about itself, measured: the intro's "about N minutes" is the
//! median number of screens over every scenario journey (tests/scenarios.toml), each
//! walked as the person would answer it, at a stated reading-and-tapping pace.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::KnowledgeBase;
use leg_pain_quiz::quiz::{Action, Journey, Screen};
use std::collections::BTreeMap;

/// Seconds a screen takes: reading a short question and its choices, one to three taps,
/// then Next. (An assumption, stated here so the promise can be checked against it.)
const SECONDS_PER_SCREEN: usize = 10;

/// Question id → choice ids, for every scenario.
fn journeys() -> Vec<(String, BTreeMap<String, Vec<String>>)> {
    let table: toml::Table = include_str!("scenarios.toml").parse().expect("tests/scenarios.toml parses");
    table["scenario"]
        .as_array()
        .expect("[[scenario]] entries")
        .iter()
        .map(|s| {
            let answers = s["answers"]
                .as_table()
                .expect("answers")
                .iter()
                .map(|(q, cs)| {
                    let cs = cs.as_array().expect("a list of choices");
                    (q.clone(), cs.iter().map(|c| c.as_str().expect("a choice id").to_string()).collect())
                })
                .collect();
            (s["id"].as_str().expect("an id").to_string(), answers)
        })
        .collect()
}

/// Screens shown (intro, questions, interrupts, check your answers, results) and taps
/// made on the way through one journey.
fn walk(kb: &KnowledgeBase, id: &str, answers: &BTreeMap<String, Vec<String>>) -> (usize, usize) {
    let mut journey = Journey::new();
    let (mut screens, mut taps) = (1, 0);
    for _ in 0..200 {
        let actions = match &journey.screen {
            Screen::Results => return (screens, taps),
            Screen::Intro => vec![Action::Start],
            // Every question on the page (who the answers are about, with the age: the
            // person answering, where the journey doesn't say).
            Screen::Question(_) => {
                let mut actions = Vec::new();
                for q in journey.page(kb) {
                    let assumed = q.choices.iter().filter(|c| c.assumed).map(|c| c.id.to_string()).collect::<Vec<_>>();
                    let chosen = answers.get(q.id.as_ref()).or((!assumed.is_empty()).then_some(&assumed));
                    let chosen = chosen.unwrap_or_else(|| panic!("{id}: `{}` is asked and not answered", q.id));
                    actions.extend(
                        chosen.iter().map(|c| Action::Choose { question: q.id.to_string(), choice: c.clone() }),
                    );
                }
                actions.push(Action::Next);
                actions
            }
            Screen::Interrupt(_) => vec![Action::Continue],
            Screen::Review => vec![Action::Submit],
            Screen::Browse(_) => panic!("{id}: a nutrient page on the way"),
        };
        taps += actions.len();
        let before = journey.screen.clone();
        for action in actions {
            journey = journey.apply(kb, action);
        }
        assert_ne!(journey.screen, before, "{id}: stuck on {before:?}");
        screens += 1;
    }
    panic!("{id}: never reached the results");
}

fn median(mut values: Vec<usize>) -> usize {
    values.sort_unstable();
    values[values.len() / 2]
}

/// The whole minutes in the first intro point of a knowledge-base file ("Takes about 3 minutes.").
fn promised_minutes(file: &str) -> usize {
    let path = format!("{}/crates/knowledge/{file}", env!("CARGO_MANIFEST_DIR"));
    let table: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
    let point = table["intro_points"][0].as_str().unwrap_or_else(|| panic!("intro_points in {file}"));
    let digits: String = point.chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap_or_else(|_| panic!("{file}: no number of minutes in “{point}”"))
}

#[test]
fn the_intro_promises_the_time_the_journeys_take() {
    let kb = leg_pain_quiz::knowledge::embedded();
    let walked: Vec<(usize, usize)> = journeys().iter().map(|(id, a)| walk(&kb, id, a)).collect();
    let screens = median(walked.iter().map(|w| w.0).collect());
    let taps = median(walked.iter().map(|w| w.1).collect());
    // Rounded to the nearest minute.
    let minutes = (screens * SECONDS_PER_SCREEN + 30) / 60;
    println!("{} journeys: median {screens} screens, {taps} taps: about {minutes} minutes", walked.len());
    for file in ["data/ui.toml", "locales/es.toml"] {
        assert_eq!(
            promised_minutes(file),
            minutes,
            "{file}: the intro's minutes against the median of {screens} screens at {SECONDS_PER_SCREEN} s each"
        );
    }
}

#[test]
fn the_time_check_can_fail() {
    // A journey that asks nothing is one screen, and a promise of 3 minutes is not 0.
    assert_eq!(median(vec![1, 1, 30]), 1);
    assert_ne!(promised_minutes("data/ui.toml"), (median(vec![1, 1, 30]) * SECONDS_PER_SCREEN + 30) / 60);
}
