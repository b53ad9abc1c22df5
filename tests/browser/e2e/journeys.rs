//! Complete journeys through the quiz, clicking (or typing) as a person would.

use crate::browser::{root_js, Browser, Key};
use crate::screens::{clot, cramps, harmless, js, low_magnesium, next_screen, screen, strings, walk_until, Answers};
use crate::site;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// Every journey checks the page's promises: no console errors or warnings, and no
/// request to anything but the widget's own files.
fn assert_clean(browser: &Browser) {
    let problems = browser.console_problems();
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    let foreign = browser.foreign_requests(&[&site().base]);
    assert!(foreign.is_empty(), "requests outside the widget's own files: {foreign:#?}");
}

fn data_file(name: &str) -> toml::Table {
    let path = format!("{}/crates/knowledge/data/{name}", crate::repo_root().display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    text.parse().unwrap_or_else(|e| panic!("parse {path}: {e}"))
}

fn string_list(value: Option<&toml::Value>) -> BTreeSet<String> {
    value.and_then(toml::Value::as_array).into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect()
}

/// Food id → its tags, read from the knowledge base's own foods.toml.
fn food_tags() -> BTreeMap<String, BTreeSet<String>> {
    let foods = data_file("foods.toml");
    foods["foods"]
        .as_array()
        .expect("[[foods]]")
        .iter()
        .map(|f| (f["id"].as_str().expect("food id").to_string(), string_list(f.get("tags"))))
        .collect()
}

/// The tags a diet leaves out, from diets.toml.
fn diet_excludes(diet: &str) -> BTreeSet<String> {
    let diets = data_file("diets.toml");
    let entry = diets["diets"].as_array().expect("[[diets]]").iter().find(|d| d["id"].as_str() == Some(diet));
    let excludes = string_list(entry.unwrap_or_else(|| panic!("diet {diet} in diets.toml")).get("excludes"));
    assert!(!excludes.is_empty(), "the {diet} diet excludes something");
    excludes
}

/// Shown foods that carry any of `tags`, with the offending tags.
fn foods_tagged(shown: &[String], tags: &BTreeSet<String>) -> Vec<String> {
    let known = food_tags();
    shown
        .iter()
        .filter_map(|id| {
            let food = known.get(id).unwrap_or_else(|| panic!("food `{id}` on screen is not in foods.toml"));
            let bad: Vec<&String> = food.intersection(tags).collect();
            (!bad.is_empty()).then(|| format!("{id} {bad:?}"))
        })
        .collect()
}

/// Matched nutrient ids, in the order shown.
fn nutrients(b: &Browser) -> Vec<String> {
    strings(b, "return [...root.querySelectorAll('[data-nutrient]')].map(n => n.dataset.nutrient);")
}

/// Every suggested food on the results page.
fn foods(b: &Browser) -> Vec<String> {
    strings(b, "return [...root.querySelectorAll('[data-food]')].map(n => n.dataset.food);")
}

/// Opens the page, answers everything, submits, and waits for the results.
fn results_for(b: &Browser, answers: &Answers) -> Vec<String> {
    b.goto(&site().url("/"));
    let passed = walk_until(b, answers, "results");
    b.wait_for(0, "[data-results]");
    passed
}

pub fn cramps_with_a_low_magnesium_diet() {
    let b = Browser::open(390, 844);
    b.goto(&site().url("/"));
    b.click(0, "[data-action=\"start\"]");
    let seen = b.complete(0, low_magnesium());
    assert!(!seen.contains(&"rls_pattern".to_string()), "no restless-legs follow-up without an urge to move");
    assert!(!seen.contains(&"child_pattern".to_string()), "no child follow-up for an adult");
    b.click(0, "[data-action=\"submit\"]");
    b.wait_for(0, "[data-results]");
    let first = b.run(&format!("{} return root.querySelector('[data-nutrient]').dataset.nutrient;", root_js(0)));
    assert_eq!(first, "magnesium");
    assert!(b.exists(0, "[data-nutrient=\"magnesium\"][data-strength=\"strong\"]"));
    // The triage policy: weekly cramps, unchanged for months, never "soon" on their own; the
    // acid-reflux medicine and diet make it a routine visit for a blood test.
    assert!(b.exists(0, "[data-triage=\"routine\"]"), "cramps every week on a PPI: a routine visit");
    assert!(b.exists(0, "[data-nutrient=\"magnesium\"] [data-food=\"pumpkin_seeds\"]"));
    // Folded below: more about magnesium, naming the medicines that lower it.
    let more = js(&b, "return root.querySelector('[data-fold=\"about\"]').textContent;");
    let more = more.as_str().unwrap_or_default();
    let nutrients = data_file("nutrients.toml");
    let magnesium =
        nutrients["nutrients"].as_array().unwrap().iter().find(|n| n["id"].as_str() == Some("magnesium")).unwrap();
    let first_medicine = magnesium["depleting_medicines"][0].as_str().unwrap();
    assert!(
        more.contains(&crate::screens::ui_text("lowered_by")) && more.contains(first_medicine),
        "More about magnesium names the medicines: {more}"
    );
    assert_clean(&b);
    b.close();
}

/// Occasional short cramps after exercise, in someone who eats well: self-care, and the
/// results say plainly that nothing points to a nutrient.
pub fn harmless_cramps_are_self_care_with_no_nutrient() {
    let b = Browser::open(390, 844);
    results_for(&b, harmless());
    assert!(b.exists(0, "[data-results] [data-triage=\"self_care\"]"), "self-care");
    assert!(nutrients(&b).is_empty(), "no nutrient card");
    let text = js(&b, "return root.querySelector('[data-results]').textContent;");
    let text = text.as_str().unwrap_or_default();
    let plainly = crate::screens::ui_text("nothing_stands_out");
    assert!(text.contains(&plainly), "says so plainly ({plainly}): {text}");
    assert!(b.exists(0, "[data-advice-id=\"stretch_before_bed\"]"), "leads with what helps");
    assert_clean(&b);
    b.close();
}

/// A vegan without B12 sources, with pins and needles in the feet.
pub fn vegan_with_tingling_feet() {
    let b = Browser::open(390, 844);
    results_for(
        &b,
        &lpq_fixtures::pairs(&[
            ("sensation", &["tingling"]),
            ("cramp_pattern", &[]),
            ("body_signs", &["tired_pale"]),
            ("since", &["weeks"]),
            ("frequency", &["most_nights"]),
            ("legs", &["feet"]),
            ("sex", &["female"]),
            ("diet", &["vegan"]),
            ("eats", &["greens", "nuts_seeds", "beans", "wholegrains", "fruit_veg"]),
        ]),
    );
    let matched = nutrients(&b);
    assert_eq!(
        matched.first().map(String::as_str),
        Some("vitamin_b12"),
        "B12 leads for a vegan with tingling: {matched:?}"
    );
    let shown = foods(&b);
    assert!(shown.len() >= 3, "foods are suggested: {shown:?}");
    assert!(
        b.exists(0, "[data-nutrient=\"vitamin_b12\"] [data-food]"),
        "B12 foods that fit a vegan diet are suggested"
    );
    let animal = foods_tagged(&shown, &diet_excludes("vegan"));
    assert!(animal.is_empty(), "foods a vegan doesn't eat were suggested: {animal:?}");
    assert_clean(&b);
    b.close();
}

/// 34 weeks pregnant with restless legs that spoil her sleep.
pub fn pregnant_with_restless_legs() {
    let b = Browser::open(390, 844);
    let passed = results_for(
        &b,
        &lpq_fixtures::pairs(&[
            ("sensation", &["urge_to_move"]),
            ("cramp_pattern", &[]),
            ("since", &["weeks"]),
            ("frequency", &["most_nights"]),
            ("legs", &["both_legs"]),
            ("sex", &["pregnant"]),
            ("pregnancy_signs", &["none"]),
            ("eats", &["fruit_veg", "dairy", "meat_fish_eggs"]),
            ("rls_pattern", &["rest_worse", "moving_helps", "evening_worse", "sleep_spoiled"]),
        ]),
    );
    assert!(passed.contains(&"q:rls_pattern".to_string()), "the restless-legs follow-up is asked: {passed:?}");
    let matched = nutrients(&b);
    let iron = matched.iter().position(|n| n == "iron");
    assert!(matches!(iron, Some(0 | 1)), "iron is matched, in the top two: {matched:?}");
    assert!(b.exists(0, "[data-nutrient=\"iron\"] [data-food]"), "iron-rich foods are suggested");
    let shown = foods(&b);
    let unsafe_foods: BTreeSet<String> = ["liver", "fish_liver_oil"].iter().map(|t| t.to_string()).collect();
    let bad = foods_tagged(&shown, &unsafe_foods);
    assert!(bad.is_empty(), "liver or fish-liver oil suggested in pregnancy: {bad:?}");
    assert!(!shown.iter().any(|f| f == "beef_liver" || f == "cod_liver_oil"), "no liver or cod liver oil: {shown:?}");
    let caution = js(
        &b,
        "const c = root.querySelector('[data-advice-id=\"pregnancy_ask_midwife\"]'); return c ? c.textContent : null;",
    );
    let caution = caution.as_str().unwrap_or_else(|| panic!("the pregnancy supplement caution is shown"));
    assert!(
        caution.contains("midwife") && caution.contains("liver"),
        "pregnancy caution says to ask the midwife and avoid liver: {caution}"
    );
    // NHS restless legs: "see a GP if it spoils sleep" is non-urgent advice, as for cramps
    // (safety/triage-policy.md): a routine visit, the midwife's in pregnancy.
    assert!(b.exists(0, "[data-triage=\"routine\"]"), "restless legs that spoil sleep: a routine visit");
    assert_clean(&b);
    b.close();
}

/// New confusion alone: the emergency interrupts at once, on the question that raised it.
pub fn sepsis_signs_interrupt_at_once() {
    let b = Browser::open(390, 844);
    b.goto(&site().url("/"));
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["over_70"]);
    b.answer(0, "sensation", &["aching"]);
    b.answer(0, "leg_signs", &["none"]);
    b.answer(0, "body_signs", &["confused_drowsy"]);
    assert_eq!(next_screen(&b, "q:body_signs"), "interrupt:emergency");
    assert!(b.exists(0, ".lpq-interrupt [data-flag=\"sepsis\"]"), "the sepsis warning");
    let text = js(&b, "return root.querySelector('.lpq-interrupt').textContent;");
    assert!(text.as_str().unwrap_or_default().contains("sepsis"), "names sepsis: {text}");
    assert_clean(&b);
    b.close();
}

/// Being sick on a gliflozin (ketoacidosis can come with a near-normal sugar): the
/// same-day warning interrupts when the medicine is ticked, and says to ask about pausing
/// medicines while ill.
pub fn sick_day_medicines_interrupt_with_the_pause_advice() {
    let b = Browser::open(390, 844);
    b.goto(&site().url("/"));
    b.click(0, "[data-action=\"start\"]");
    for (q, c) in [
        ("age", &["51_70"][..]),
        ("sensation", &["cramp"]),
        ("cramp_pattern", &["short"]),
        ("leg_signs", &["none"]),
        ("body_signs", &["none"]),
        ("since", &["sudden"]),
        ("frequency", &["most_nights"]),
        ("legs", &["both_legs"]),
        ("circumstances", &["none"]),
        ("sex", &["male"]),
        ("daily_life", &["vomiting_now"]),
        ("sick_signs", &["none"]),
    ] {
        b.answer(0, q, c);
        next_screen(&b, &format!("q:{q}"));
    }
    b.answer(0, "medicines", &["ace_arb", "sglt2"]);
    assert_eq!(next_screen(&b, "q:medicines"), "interrupt:urgent");
    assert!(b.exists(0, ".lpq-interrupt [data-flag=\"sick_day_medicines\"]"));
    let text = js(&b, "return root.querySelector('.lpq-interrupt').textContent;");
    assert!(text.as_str().unwrap_or_default().contains("pause"), "ask whether to pause medicines: {text}");
    crate::phone_screenshot(&b, "18-sick-day-urgent");
    assert_clean(&b);
    b.close();
}

/// A child, told by a parent: the first page asks who the answers are about with the
/// age, and from then on every question and result speaks of "your child", never "you";
/// the children's follow-up is asked early; growing pains are self-care, and a limp with
/// pain in one leg needs a doctor today.
pub fn child_path_growing_pains_and_a_limp() {
    let b = Browser::open(390, 844);
    let child: &Answers = &lpq_fixtures::pairs(&[
        ("for_whom", &["someone_else"]),
        ("age", &["under_13"]),
        ("sensation", &["aching"]),
        ("cramp_pattern", &[]),
        ("frequency", &["weekly"]),
        ("legs", &[]),
        ("sex", &["female"]),
        ("eats", &["greens", "wholegrains", "fruit_veg", "dairy", "meat_fish_eggs"]),
        ("child_pattern", &["both_legs_evening", "fine_morning"]),
    ]);
    b.goto(&site().url("/"));
    // On the first page, "Someone else" renames the age's group of choices, which a screen
    // reader announces on entering it: its legend, the group's name, asks "How old are
    // they?". The choice keeps the focus, and no hint repeats who the answers are for.
    b.click(0, "[data-action=\"start\"]");
    assert_eq!(next_screen(&b, "intro"), "q:for_whom");
    b.click(0, "[data-question=\"for_whom\"] [data-option=\"someone_else\"]");
    let age = b
        .wait_until(
            &format!(
                "{} const f = root.querySelector('fieldset[data-question=\"age\"]');
                 const name = f && f.querySelector(':scope > legend .lpq-prompt').textContent.trim();
                 return name === 'How old are they?' ? {{ name, labelled: f.hasAttribute('aria-labelledby') || f.hasAttribute('aria-label'),
                   hints: f.querySelectorAll('.lpq-hint').length, focus: root.activeElement && root.activeElement.id }} : null;",
                root_js(0)
            ),
            "the age's legend to ask “How old are they?”",
        );
    assert_eq!(age["labelled"], json!(false), "the legend names the group: {age}");
    assert_eq!(age["hints"], json!(0), "no hint under the age: {age}");
    assert_eq!(age["focus"], json!("lpq-for_whom-someone_else"), "the choice keeps the focus: {age}");
    let passed = walk_until(&b, child, "review");
    let at = passed.iter().position(|s| s == "q:child_pattern");
    // The walk began on the first page (the intro was left above).
    assert_eq!(at, Some(2), "asked straight after who, age and what they feel: {passed:?}");
    // "Check your answers" lists every question asked, in the words shown for the child.
    let says_you = |t: &str| {
        let t = t.to_lowercase().replace("your child", "the child");
        t.split(|c: char| !(c.is_alphanumeric() || c == '\'')).any(|w| matches!(w, "you" | "your" | "yourself"))
    };
    let prompts =
        strings(&b, "return [...root.querySelectorAll('[data-review]:not([data-review=\"for_whom\"]) dt')].map(d => d.textContent);");
    assert!(prompts.iter().any(|p| p.contains("your child")), "the questions name “your child”: {prompts:?}");
    assert!(!prompts.iter().any(|p| says_you(p)), "no question about the child says “you”: {prompts:?}");
    b.click(0, "[data-action=\"submit\"]");
    b.wait_for(0, "[data-results]");
    let headings = strings(
        &b,
        "return [...root.querySelectorAll('[data-results] :is(h2, h3, h4, summary)')].map(h => h.textContent);",
    );
    assert!(
        !headings.is_empty() && !headings.iter().any(|h| says_you(h)),
        "no result heading says “you”: {headings:?}"
    );
    assert!(!passed.contains(&"q:legs".to_string()), "which leg is part of the child follow-up");
    assert!(b.exists(0, "[data-results] [data-triage=\"self_care\"]"), "growing pains: self-care");
    assert!(b.exists(0, "[data-advice-id=\"growing_pains\"]"), "named as growing pains");
    assert!(nutrients(&b).is_empty(), "no nutrient for growing pains");
    crate::phone_screenshot(&b, "19-results-child-growing-pains");

    b.click(0, "[data-results] [data-action=\"restart\"]");
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["under_13"]);
    b.answer(0, "sensation", &["pain"]);
    b.answer(0, "child_pattern", &["one_leg", "limp"]);
    assert_eq!(next_screen(&b, "q:child_pattern"), "interrupt:urgent");
    assert!(b.exists(0, ".lpq-interrupt [data-flag=\"child_needs_a_doctor\"]"));
    crate::phone_screenshot(&b, "19-child-limp-urgent");
    assert_clean(&b);
    b.close();
}

/// Pain in one calf, then breathlessness: the emergency shows at once, the person can
/// still finish, and the results lead with the emergency.
pub fn emergency_interrupt_then_continue() {
    let b = Browser::open(390, 844);
    b.goto(&site().url("/"));
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["51_70"]);
    b.answer(0, "sensation", &["aching"]);
    b.answer(0, "leg_signs", &["one_leg_pain_swelling"]);
    // Pain or swelling in one calf alone is urgent (a possible clot): same-day guidance at once.
    assert_eq!(next_screen(&b, "q:leg_signs"), "interrupt:urgent");
    b.click(0, "[data-action=\"continue\"]");
    assert_eq!(next_screen(&b, "interrupt:urgent"), "q:body_signs", "Continue goes on to the next question");
    b.answer(0, "body_signs", &["breathless_chest"]);
    // Breathlessness with it: the emergency interrupt, before any other question.
    assert_eq!(next_screen(&b, "q:body_signs"), "interrupt:emergency");
    assert!(!b.exists(0, "[data-question]"), "no question on the interrupt screen");
    assert!(
        b.exists(0, ".lpq-interrupt [data-triage=\"emergency\"] [data-flag=\"clot_reaching_lung\"]"),
        "the clot-in-the-lung warning"
    );
    let text = js(&b, "return root.querySelector('.lpq-interrupt').textContent;");
    assert!(text.as_str().unwrap_or_default().contains("Call 999"), "says to call the emergency number: {text}");
    b.wait_until(
        &format!("{} const a = root.activeElement; return !!a && a.hasAttribute('data-focus') && !!a.closest('[data-triage=\"emergency\"]');", root_js(0)),
        "focus on the emergency heading",
    );

    b.click(0, "[data-action=\"continue\"]");
    assert_eq!(next_screen(&b, "interrupt:emergency"), "q:since", "Continue resumes with the next question");
    let passed = walk_until(&b, clot(), "results");
    assert!(
        !passed.iter().any(|s| s.starts_with("interrupt:")),
        "acknowledged warnings don't interrupt again: {passed:?}"
    );

    // Results lead with the emergency, and hold nutrient ideas back until the person is seen.
    let first = js(
        &b,
        "const r = root.querySelector('[data-results]'); const f = r.firstElementChild;
        return f.dataset.triage || f.className;",
    );
    assert_eq!(first, "emergency", "the first thing on the results is the emergency outcome");
    assert!(b.exists(0, "[data-results] a[href=\"tel:999\"]"), "a tap calls 999");
    let levels =
        strings(&b, "return [...root.querySelectorAll('[data-results] [data-triage]')].map(t => t.dataset.triage);");
    assert_eq!(levels, ["emergency"], "one guidance block, the emergency one");
    assert!(nutrients(&b).is_empty(), "no nutrient ideas under an emergency");
    assert_clean(&b);
    b.close();
}

/// On "check your answers", change the diet to vegan: the new follow-up is asked and the
/// results change to fit.
pub fn change_an_answer_on_the_check_page() {
    let b = Browser::open(390, 844);
    results_for(&b, cramps());
    let before_foods = foods(&b);
    let before_nutrients = nutrients(&b);
    let animal = foods_tagged(&before_foods, &diet_excludes("vegan"));
    assert!(!animal.is_empty(), "an omnivore is offered some foods from animals: {before_foods:?}");

    b.click(0, "[data-results] [data-action=\"back\"]");
    assert_eq!(next_screen(&b, "results"), "review");
    let diet_row = js(&b, "return root.querySelector('[data-review=\"diet\"]').textContent;");
    assert!(diet_row.as_str().unwrap_or_default().contains("meat and fish"), "the review shows the diet: {diet_row}");
    b.click(0, "[data-action=\"change\"][data-change=\"diet\"]");
    assert_eq!(next_screen(&b, "review"), "q:diet");
    assert!(b.exists(0, "[data-option=\"omnivore\"] input:checked"), "the current answer is selected");
    assert!(b.exists(0, "[data-action=\"next\"]"));
    b.answer(0, "diet", &["vegan"]);
    // The change opens a follow-up (how long, for B12): it is asked, then straight back to
    // the check page.
    assert_eq!(next_screen(&b, "q:diet"), "q:diet_since", "the follow-up the change opened");
    b.answer(0, "diet_since", &["longer"]);
    assert_eq!(next_screen(&b, "q:diet_since"), "review", "back to checking answers");
    let diet_row = js(&b, "return root.querySelector('[data-review=\"diet\"]').textContent;");
    assert!(diet_row.as_str().unwrap_or_default().contains("Vegan"), "the review shows the new diet: {diet_row}");

    b.click(0, "[data-action=\"submit\"]");
    b.wait_for(0, "[data-results]");
    let after_foods = foods(&b);
    let after_nutrients = nutrients(&b);
    assert_ne!(before_foods, after_foods, "the suggested foods change with the diet");
    let animal = foods_tagged(&after_foods, &diet_excludes("vegan"));
    assert!(animal.is_empty(), "no animal foods once vegan: {animal:?}");
    assert!(
        after_nutrients.contains(&"vitamin_b12".to_string()),
        "a vegan without fortified foods gets B12 advice: {after_nutrients:?}"
    );
    assert!(!before_nutrients.contains(&"vitamin_b12".to_string()), "B12 was not matched before: {before_nutrients:?}");
    assert_clean(&b);
    b.close();
}

/// Reloading half-way lands on the same question, with the earlier answers kept.
pub fn reload_half_way_and_resume() {
    let b = Browser::open(390, 844);
    b.goto(&site().url("/"));
    walk_until(&b, cramps(), "q:legs");
    let before = js(&b, "return root.querySelector('.lpq-caption').textContent;");

    b.client.refresh().expect("reload");
    assert_eq!(screen(&b), "q:legs", "the reload lands on the same question");
    let after = js(&b, "return root.querySelector('.lpq-caption').textContent;");
    assert_eq!(before, after, "same place in the progress");
    assert!(!b.exists(0, "[data-question=\"legs\"] input:checked"), "the unanswered question is still unanswered");

    // Earlier answers are kept: back shows them selected.
    b.click(0, "[data-action=\"back\"]");
    assert_eq!(next_screen(&b, "q:legs"), "q:frequency");
    assert!(b.exists(0, "[data-option=\"weekly\"] input:checked"), "frequency is still answered");
    for (from, to) in [
        ("q:frequency", "q:since"),
        ("q:since", "q:body_signs"),
        ("q:body_signs", "q:leg_signs"),
        ("q:leg_signs", "q:cramp_pattern"),
    ] {
        b.click(0, "[data-action=\"back\"]");
        assert_eq!(next_screen(&b, from), to);
    }
    let checked = strings(
        &b,
        "return [...root.querySelectorAll('input:checked')].map(i => i.closest('[data-option]').dataset.option);",
    );
    assert_eq!(checked, ["short", "spoil_sleep"], "both cramp answers are kept");

    let passed = walk_until(&b, cramps(), "review");
    assert!(passed.contains(&"q:legs".to_string()));
    let sensation = js(&b, "return root.querySelector('[data-review=\"sensation\"]').textContent;");
    assert!(
        sensation.as_str().unwrap_or_default().contains("cramp"),
        "the first answer survives the reload: {sensation}"
    );
    assert_clean(&b);
    b.close();
}

/// A saved session that was corrupted or tampered with is not trusted: the quiz starts
/// afresh with a short notice, nothing crashes, and the bad value is gone.
pub fn corrupted_saved_answers_start_afresh_with_a_notice() {
    let b = Browser::open(390, 844);
    b.goto(&site().url("/"));
    b.wait_for(0, "[data-action=\"start\"]");
    for bad in [
        "{\"format\":1,\"answers\":",
        "lpq-session 2\nrev=1\nscreen=question:<img src=x onerror=alert(1)>\n",
        "lpq-session 99\nrev=1\nscreen=intro\n",
    ] {
        b.run(&format!("localStorage.setItem('leg-pain-quiz:page', {}); return true;", json!(bad)));
        b.client.refresh().expect("reload");
        b.wait_for(0, ".lpq-notice");
        let notice = js(&b, "return root.querySelector('.lpq-notice').textContent;");
        let notice = notice.as_str().unwrap_or_default().to_string();
        let said = [crate::screens::ui_text("restore_damaged"), crate::screens::ui_text("restore_updated")];
        assert!(said.iter().any(|s| notice.contains(s.as_str())), "a notice says what happened: {notice}");
        assert!(b.exists(0, "[data-action=\"start\"]"), "the intro is shown");
        // Left as it is (it may be another version's): the first save writes over it.
        let saved = crate::embedding::storage(&b, "leg-pain-quiz:page");
        assert_eq!(saved.as_deref(), Some(bad), "nothing is erased before the person answers");
        assert!(!b.exists(0, "img"), "tampered text is never rendered as markup");
    }
    // And the quiz still works from there, saving over the value it couldn't read.
    walk_until(&b, cramps(), "review");
    let saved = crate::embedding::storage(&b, "leg-pain-quiz:page").unwrap_or_default();
    assert!(saved.starts_with("lpq-session 2\n"), "saved: {saved}");
    assert_clean(&b);
    b.close();
}

/// Where keyboard focus is inside the widget: `option:<id>`, `action:<name>`, `heading:<question id or screen>`, or the tag.
fn focus(b: &Browser) -> String {
    let value = js(
        b,
        "const a = root && root.activeElement; if (!a) return 'none';
         if (a.hasAttribute('data-focus')) { const q = a.closest('[data-question]'); return 'heading:' + (q ? q.dataset.question : a.closest('section').className); }
         const o = a.closest('[data-option]'); if (o) return 'option:' + o.dataset.option;
         if (a.dataset.action) return 'action:' + a.dataset.action;
         return a.tagName.toLowerCase();",
    );
    value.as_str().unwrap_or_default().to_string()
}

/// Presses Tab until focus is on `target`, failing if it takes more than 40 presses (the
/// warning-signs page holds over 30 answers).
fn tab_to(b: &Browser, target: &str) {
    let mut path = Vec::new();
    for _ in 0..40 {
        b.keys(&[Key::Tab.into()]);
        let now = focus(b);
        if now == target {
            return;
        }
        path.push(now);
    }
    panic!("Tab never reached {target}; focus went {path:?}");
}

fn wait_focus(b: &Browser, target: &str) {
    let js_text = format!(
        "{} const a = root && root.activeElement; if (!a || !a.hasAttribute('data-focus')) return false;
         const q = a.closest('[data-question]'); return (q ? q.dataset.question : a.closest('section').className) === {};",
        root_js(0),
        json!(target)
    );
    b.wait_until(&js_text, &format!("focus on the heading of {target}"));
}

fn is_checked(b: &Browser, option: &str) -> bool {
    b.exists(0, &format!("[data-question] [data-option=\"{option}\"] input:checked"))
}

/// The whole quiz with the keyboard alone: Tab and Shift+Tab between controls, Space on
/// checkboxes and buttons, arrow keys inside radio groups, Enter on buttons.
pub fn keyboard_only() {
    let b = Browser::open(1280, 900);
    b.goto(&site().url("/"));
    b.wait_for(0, "[data-action=\"start\"]");
    assert_eq!(focus(&b), "none", "the widget doesn't take focus on load");
    tab_to(&b, "action:start");
    b.keys(&[Key::Enter.into()]);

    let answers: &Answers = &lpq_fixtures::pairs(&[
        ("sensation", &["cramp", "aching"]),
        ("frequency", &["most_nights"]),
        ("legs", &["both_legs"]),
        ("sex", &["female"]),
        ("diet", &["vegetarian"]),
        ("avoid", &["nuts", "none"]),
        ("eats", &["dairy", "fruit_veg"]),
        ("daylight", &["little"]),
    ]);
    let mut asked = Vec::new();
    let mut went_back = false;
    loop {
        let now = screen(&b);
        if now == "review" {
            break;
        }
        let id = now.strip_prefix("q:").unwrap_or_else(|| panic!("a question, got {now}")).to_string();
        // Focus moved to the new question's heading.
        wait_focus(&b, &id);
        // Each question on the page in turn (who the answers are about, then the age).
        let page = b.page_questions(0);
        for qid in page.clone() {
            let choices = answers
                .iter()
                .find(|(q, _)| *q == qid)
                .map(|(_, c)| *c)
                .unwrap_or_else(|| panic!("unexpected question {qid}"));
            let multi =
                js(&b, &format!("return root.querySelector('[data-question=\"{qid}\"] input').type === 'checkbox';"))
                    == json!(true);
            if multi {
                // Tab to each choice and tick it with Space; "None of these" clears the others.
                for choice in choices {
                    tab_to(&b, &format!("option:{choice}"));
                    b.keys(&[Key::Space.into()]);
                    let c = *choice;
                    b.wait_until(
                        &format!("{} return !!root.querySelector('[data-option=\"{c}\"] input:checked');", root_js(0)),
                        &format!("{c} ticked"),
                    );
                }
                if choices == ["nuts", "none"] {
                    assert!(!is_checked(&b, "nuts"), "ticking “None of these” clears the other choices");
                }
            } else {
                // Tab into the radio group (at the chosen radio, else the first), then use
                // the arrow keys to reach the choice.
                let order = strings(
                    &b,
                    &format!("return [...root.querySelectorAll('[data-question=\"{qid}\"] [data-option]')].map(o => o.dataset.option);"),
                );
                let current =
                    strings(&b, &format!("return [...root.querySelectorAll('[data-question=\"{qid}\"] input:checked')].map(i => i.value);"));
                let want = order.iter().position(|o| o == choices[0]).expect("choice on screen");
                let mut at = current.first().and_then(|c| order.iter().position(|o| o == c)).unwrap_or(0);
                b.keys(&[Key::Tab.into()]);
                assert_eq!(
                    focus(&b),
                    format!("option:{}", order[at]),
                    "Tab enters the radio group at the chosen radio, else the first"
                );
                if want == at {
                    b.keys(&[Key::Space.into()]);
                }
                while at != want {
                    let key = if want > at { Key::Down } else { Key::Up };
                    b.keys(&[key.into()]);
                    at = if want > at { at + 1 } else { at - 1 };
                    assert_eq!(focus(&b), format!("option:{}", order[at]), "the arrow keys move through the group");
                }
                let c = choices[0];
                b.wait_until(
                    &format!("{} return !!root.querySelector('[data-option=\"{c}\"] input:checked');", root_js(0)),
                    &format!("{c} chosen"),
                );
                let checked =
                    strings(&b, &format!("return [...root.querySelectorAll('[data-question=\"{qid}\"] input:checked')].map(i => i.value);"));
                assert_eq!(checked, [c], "exactly one radio chosen");
            }
        }
        tab_to(&b, "action:next");
        // Shift+Tab goes back to the choices, Tab returns to Next.
        b.shift_keys(Key::Tab.into());
        let back_on = focus(&b);
        assert!(back_on.starts_with("option:"), "Shift+Tab from Next goes back to a choice, got {back_on}");
        b.keys(&[Key::Tab.into()]);
        assert_eq!(focus(&b), "action:next");
        if id == "legs" && !went_back {
            // Once, go back with the keyboard and return: the answer is kept.
            went_back = true;
            tab_to(&b, "action:back");
            b.keys(&[Key::Enter.into()]);
            wait_focus(&b, "frequency");
            assert!(is_checked(&b, "most_nights"), "going back keeps the answer");
            tab_to(&b, "action:next");
            b.keys(&[Key::Space.into()]);
            assert_eq!(next_screen(&b, "q:frequency"), "q:legs");
            continue;
        }
        b.keys(&[Key::Enter.into()]);
        next_screen(&b, &now);
        asked.extend(page);
    }
    assert!(went_back, "the journey went back once");
    let kb = leg_pain_quiz::knowledge::knowledge();
    let expected: Vec<&str> =
        leg_pain_quiz::quiz::visible_questions(kb, &leg_pain_quiz::quiz::Answers::from_pairs(answers.iter().copied()))
            .iter()
            .map(|q| q.id.as_ref())
            .collect();
    assert_eq!(asked, expected, "asked every question the engine asks for these answers, in its order");
    wait_focus(&b, "lpq-review");
    tab_to(&b, "action:submit");
    b.keys(&[Key::Space.into()]);
    b.wait_for(0, "[data-results]");
    wait_focus(&b, "lpq-results");
    let matched = nutrients(&b);
    assert!(!matched.is_empty(), "results with nutrients: {matched:?}");
    // The folded details open from the keyboard too.
    tab_to(&b, "summary");
    b.keys(&[Key::Enter.into()]);
    b.wait_until(
        &format!("{} return root.querySelector('[data-results] details').open;", root_js(0)),
        "details open with Enter",
    );
    assert_clean(&b);
    b.close();
}
