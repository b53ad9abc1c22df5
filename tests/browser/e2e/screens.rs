//! Getting to each screen of the quiz, shared by the journeys, the accessibility audit
//! and the screenshots: a few fixed sets of answers and a walker that answers whatever
//! the quiz asks until it shows the screen wanted.

use crate::browser::{root_js, Browser};
use serde_json::{json, Value as Json};

pub type Answers = [(&'static str, &'static [&'static str])];

/// A named answer set from `lpq-fixtures` (the base with a change made), as the walker
/// answers it: kept for the run.
fn fixture(change: lpq_fixtures::Change) -> &'static Answers {
    Box::leak(lpq_fixtures::pairs(change).into_boxed_slice())
}

/// Weekly cramps that spoil sleep, little dairy or daylight, a poor diet: results with
/// several nutrients, foods from animals and plants, advice and tests to ask about.
pub fn cramps() -> &'static Answers {
    fixture(lpq_fixtures::CRAMPS)
}

/// Weekly calf cramps on a long-term acid-reflux medicine and a diet low in plant foods.
pub fn low_magnesium() -> &'static Answers {
    fixture(lpq_fixtures::LOW_MAGNESIUM)
}

/// Occasional short cramps in a well-fed, active adult: nothing points to a nutrient.
pub fn harmless() -> &'static Answers {
    fixture(lpq_fixtures::AFTER_EXERCISE)
}

/// A 70-year-old woman on two medicines with cramps most nights: the longest results.
pub fn complex() -> &'static Answers {
    fixture(lpq_fixtures::COMPLEX)
}

/// Pain in one calf (urgent), then sudden breathlessness (emergency).
pub fn clot() -> &'static Answers {
    fixture(lpq_fixtures::CLOT)
}

/// Pain and swelling in one calf, no breathlessness: possible dvt(), seen the same day.
pub fn dvt() -> &'static Answers {
    fixture(lpq_fixtures::DVT)
}

/// A vegan without fortified foods or supplements, with tingling: vitamin B12.
pub fn vegan_b12() -> &'static Answers {
    fixture(lpq_fixtures::VEGAN_B12)
}

/// The words a screen shows for `key`, from the knowledge base's ui.toml (so tests
/// follow the wording rather than repeat it).
pub fn ui_text(key: &str) -> String {
    let path = crate::repo_root().join("crates/knowledge/data/ui.toml");
    let table: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
    table["ui"][key].as_str().unwrap_or_else(|| panic!("ui.{key} in ui.toml")).to_string()
}

/// Runs `body` with `root` bound to the first widget's shadow root.
pub fn js(b: &Browser, body: &str) -> Json {
    b.run(&format!("{} {}", root_js(0), body))
}

/// Strings returned by `body` (which must return an array of strings).
pub fn strings(b: &Browser, body: &str) -> Vec<String> {
    let value = js(b, body);
    value
        .as_array()
        .unwrap_or_else(|| panic!("an array from `{body}`, got {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

const SCREEN_JS: &str = "if (!root || root.querySelector('[data-lpq-early]')) return null;
    if (root.querySelector('[data-results]')) return 'results';
    if (root.querySelector('.lpq-review')) return 'review';
    const i = root.querySelector('.lpq-interrupt [data-triage]'); if (i) return 'interrupt:' + i.dataset.triage;
    const q = root.querySelector('[data-question]'); if (q) return 'q:' + q.dataset.question;
    if (root.querySelector('.lpq-intro')) return 'intro';
    return null;";

/// The screen on show, once one is: `intro`, `q:<question id>`, `interrupt:<level>`,
/// `review` or `results`.
pub fn screen(b: &Browser) -> String {
    let js_text = format!("{} {SCREEN_JS}", root_js(0));
    b.wait_until(&js_text, "a screen of the quiz").as_str().unwrap_or_default().to_string()
}

/// Waits until the screen is no longer `was`, and returns the new one.
pub fn next_screen(b: &Browser, was: &str) -> String {
    let js_text =
        format!("{} const s = (() => {{ {SCREEN_JS} }})(); return s && s !== {} ? s : null;", root_js(0), json!(was));
    b.wait_until(&js_text, &format!("the quiz to move on from {was}")).as_str().unwrap_or_default().to_string()
}

/// Starts, answers from `answers`, acknowledges interrupts and submits, until the quiz
/// shows `stop`, in one script run in the page (see [`Browser::walk`]). Returns the
/// screens passed on the way.
pub fn walk_until(b: &Browser, answers: &Answers, stop: &str) -> Vec<String> {
    b.walk(0, answers, stop)
}

/// Opens the results for complete `answers` at once, as a saved session reopens them
/// (its warnings acknowledged): for tests whose point is the results, not the walk. The
/// session is the engine's own, worked out natively.
pub fn seed_results(b: &Browser, answers: &Answers) {
    use leg_pain_quiz::quiz::{interrupting_flags, Journey, Screen};
    let kb = leg_pain_quiz::knowledge::knowledge();
    let answers = leg_pain_quiz::quiz::Answers::from_pairs(answers.iter().copied());
    let seen: Vec<String> = interrupting_flags(kb, &answers).iter().map(|f| f.id.to_string()).collect();
    let journey = Journey::resume(kb, &answers, Screen::Results, &seen);
    assert_eq!(journey.screen, Screen::Results, "complete answers open the results");
    let saved = leg_pain_quiz::session::Session::of(&journey, 1).encode();
    b.goto(&crate::site().url("/"));
    b.run(&format!("localStorage.clear(); localStorage.setItem('leg-pain-quiz:page', {}); return true;", json!(saved)));
    b.goto(&crate::site().url("/"));
    b.wait_for(0, "[data-results]");
}

/// Forgets the saved answers and opens the widget page afresh.
pub fn fresh_page(b: &Browser) {
    b.goto(&crate::site().url("/"));
    b.run("localStorage.clear(); return true;");
    b.goto(&crate::site().url("/"));
    b.wait_for(0, "[data-action=\"start\"]");
}
