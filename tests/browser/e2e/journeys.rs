//! Complete journeys through the quiz, clicking (or typing) as a person would.

use crate::browser::{root_js, Browser, Key};
use crate::screens::{js, next_screen, screen, strings, walk_until, Answers, CLOT, CRAMPS, LOW_MAGNESIUM};
use crate::site;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// Every journey checks the page's promises: no console errors or warnings, and no
/// request to anything but the widget's own files.
async fn assert_clean(browser: &Browser) {
    let problems = browser.console_problems().await;
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    let foreign = browser.foreign_requests(&[&site().base]).await;
    assert!(foreign.is_empty(), "requests outside the widget's own files: {foreign:#?}");
}

fn data_file(name: &str) -> toml::Table {
    let path = format!("{}/src/knowledge/data/{name}", crate::repo_root().display());
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
async fn nutrients(b: &Browser) -> Vec<String> {
    strings(b, "return [...root.querySelectorAll('[data-nutrient]')].map(n => n.dataset.nutrient);").await
}

/// Every suggested food on the results page.
async fn foods(b: &Browser) -> Vec<String> {
    strings(b, "return [...root.querySelectorAll('[data-food]')].map(n => n.dataset.food);").await
}

/// Opens the page, answers everything, submits, and waits for the results.
async fn results_for(b: &Browser, answers: &Answers) -> Vec<String> {
    b.goto(&site().url("/")).await;
    let passed = walk_until(b, answers, "results").await;
    b.wait_for(0, "[data-results]").await;
    passed
}

pub async fn cramps_with_a_low_magnesium_diet() {
    let b = Browser::open(390, 844).await;
    b.goto(&site().url("/")).await;
    b.click(0, "[data-action=\"start\"]").await;
    let seen = b.complete(0, LOW_MAGNESIUM).await;
    assert!(!seen.contains(&"rls_pattern".to_string()), "no restless-legs follow-up without an urge to move");
    b.click(0, "[data-action=\"submit\"]").await;
    b.wait_for(0, "[data-results]").await;
    let first = b.run(&format!("{} return root.querySelector('[data-nutrient]').dataset.nutrient;", root_js(0))).await;
    assert_eq!(first, "magnesium");
    assert!(b.exists(0, "[data-nutrient=\"magnesium\"][data-strength=\"strong\"]").await);
    assert!(b.exists(0, "[data-triage=\"soon\"]").await, "cramps every week: see a doctor soon");
    assert!(b.exists(0, "[data-nutrient=\"magnesium\"] [data-food=\"pumpkin_seeds\"]").await);
    let more = b
        .run(&format!(
            "{} return root.querySelector('[data-nutrient=\"magnesium\"] .lpq-more').textContent;",
            root_js(0)
        ))
        .await;
    let more = more.as_str().unwrap_or_default();
    assert!(
        more.contains("Medicines that can lower it: Proton pump inhibitors"),
        "More about magnesium names the medicines: {more}"
    );
    assert_clean(&b).await;
    b.close().await;
}

/// A vegan without B12 sources, with pins and needles in the feet.
pub async fn vegan_with_tingling_feet() {
    let b = Browser::open(390, 844).await;
    let passed = results_for(
        &b,
        &[
            ("sensation", &["tingling"]),
            ("leg_signs", &["none"]),
            ("body_signs", &["tired_pale"]),
            ("frequency", &["most_nights"]),
            ("legs", &["feet"]),
            ("diet", &["vegan"]),
            ("avoid", &["none"]),
            ("greens_nuts", &["most_days"]),
            ("dairy", &["rarely"]),
            ("fruit_veg", &["most_days"]),
            ("b12_sources", &["no"]),
            ("sun", &["most"]),
            ("fluids", &["none"]),
            ("activity", &["moderate"]),
            ("medicines", &["none"]),
            ("conditions", &["none"]),
            ("about_you", &["none"]),
            ("age", &["18_50"]),
        ],
    )
    .await;
    assert!(passed.contains(&"q:b12_sources".to_string()), "vegans are asked about B12 sources: {passed:?}");
    let matched = nutrients(&b).await;
    assert_eq!(
        matched.first().map(String::as_str),
        Some("vitamin_b12"),
        "B12 leads for a vegan with tingling: {matched:?}"
    );
    let shown = foods(&b).await;
    assert!(shown.len() >= 3, "foods are suggested: {shown:?}");
    assert!(
        b.exists(0, "[data-nutrient=\"vitamin_b12\"] [data-food]").await,
        "B12 foods that fit a vegan diet are suggested"
    );
    let animal = foods_tagged(&shown, &diet_excludes("vegan"));
    assert!(animal.is_empty(), "foods a vegan doesn't eat were suggested: {animal:?}");
    assert_clean(&b).await;
    b.close().await;
}

/// 34 weeks pregnant with restless legs that spoil her sleep.
pub async fn pregnant_with_restless_legs() {
    let b = Browser::open(390, 844).await;
    let passed = results_for(
        &b,
        &[
            ("sensation", &["urge_to_move"]),
            ("rls_pattern", &["rest_worse", "moving_helps", "evening_worse", "sleep_spoiled"]),
            ("leg_signs", &["none"]),
            ("body_signs", &["none"]),
            ("frequency", &["most_nights"]),
            ("legs", &["both_legs"]),
            ("diet", &["omnivore"]),
            ("avoid", &["none"]),
            ("greens_nuts", &["some_days"]),
            ("dairy", &["most_days"]),
            ("fruit_veg", &["most_days"]),
            ("sun", &["some"]),
            ("fluids", &["none"]),
            ("activity", &["moderate"]),
            ("medicines", &["none"]),
            ("conditions", &["none"]),
            ("about_you", &["pregnant"]),
            ("age", &["18_50"]),
        ],
    )
    .await;
    assert!(passed.contains(&"q:rls_pattern".to_string()), "the restless-legs follow-up is asked: {passed:?}");
    let matched = nutrients(&b).await;
    let iron = matched.iter().position(|n| n == "iron");
    assert!(matches!(iron, Some(0 | 1)), "iron is matched, in the top two: {matched:?}");
    assert!(b.exists(0, "[data-nutrient=\"iron\"] [data-food]").await, "iron-rich foods are suggested");
    let shown = foods(&b).await;
    let unsafe_foods: BTreeSet<String> = ["liver", "fish_liver_oil"].iter().map(|t| t.to_string()).collect();
    let bad = foods_tagged(&shown, &unsafe_foods);
    assert!(bad.is_empty(), "liver or fish-liver oil suggested in pregnancy: {bad:?}");
    assert!(!shown.iter().any(|f| f == "beef_liver" || f == "cod_liver_oil"), "no liver or cod liver oil: {shown:?}");
    let caution = js(&b, "const c = root.querySelector('[data-advice-id=\"pregnancy_ask_midwife\"]'); return c && c.checkVisibility() ? c.textContent : null;").await;
    let caution = caution.as_str().unwrap_or_else(|| panic!("the pregnancy supplement caution is shown"));
    assert!(
        caution.contains("midwife") && caution.contains("liver"),
        "pregnancy caution says to ask the midwife and avoid liver: {caution}"
    );
    assert!(b.exists(0, "[data-triage=\"soon\"]").await, "restless legs that spoil sleep: see a doctor soon");
    assert_clean(&b).await;
    b.close().await;
}

/// Hard training in the heat, sweating heavily, with the odd cramp after long runs.
pub async fn heavy_sweating() {
    let b = Browser::open(1280, 900).await;
    results_for(
        &b,
        &[
            ("sensation", &["cramp"]),
            ("cramp_pattern", &["short"]),
            ("leg_signs", &["none"]),
            ("body_signs", &["none"]),
            ("frequency", &["occasional"]),
            ("legs", &["both_legs"]),
            ("diet", &["pescatarian"]),
            ("avoid", &["shellfish"]),
            ("greens_nuts", &["most_days"]),
            ("dairy", &["most_days"]),
            ("fruit_veg", &["some_days"]),
            ("sun", &["most"]),
            ("fluids", &["sweating"]),
            ("activity", &["hard"]),
            ("medicines", &["none"]),
            ("conditions", &["none"]),
            ("about_you", &["none"]),
            ("age", &["18_50"]),
        ],
    )
    .await;
    let matched = nutrients(&b).await;
    assert!(
        matched.iter().take(2).any(|n| n == "potassium"),
        "potassium in the top two for heavy sweating: {matched:?}"
    );
    let why = strings(
        &b,
        "return [...root.querySelectorAll('[data-nutrient=\"potassium\"] .lpq-reasons li')].map(li => li.textContent);",
    )
    .await;
    assert!(why.iter().any(|r| r.to_lowercase().contains("sweat")), "the reason names the sweating: {why:?}");
    assert!(b.exists(0, "[data-nutrient=\"potassium\"] [data-food]").await, "potassium-rich foods are suggested");
    let shown = foods(&b).await;
    let mut not_eaten = diet_excludes("pescatarian");
    not_eaten.insert("shellfish".to_string());
    let bad = foods_tagged(&shown, &not_eaten);
    assert!(bad.is_empty(), "foods a pescatarian avoiding shellfish doesn't eat: {bad:?}");
    assert_clean(&b).await;
    b.close().await;
}

/// One swollen calf, then breathlessness: the emergency shows at once, the person can
/// still finish, and the results lead with the emergency.
pub async fn emergency_interrupt_then_continue() {
    let b = Browser::open(390, 844).await;
    b.goto(&site().url("/")).await;
    b.click(0, "[data-action=\"start\"]").await;
    b.answer(0, "sensation", &["aching"]).await;
    b.answer(0, "leg_signs", &["one_leg_swollen"]).await;
    // One swollen calf alone is urgent (a possible clot): same-day guidance at once.
    assert_eq!(next_screen(&b, "q:leg_signs").await, "interrupt:urgent");
    b.click(0, "[data-action=\"continue\"]").await;
    assert_eq!(next_screen(&b, "interrupt:urgent").await, "q:body_signs", "Continue goes on to the next question");
    b.answer(0, "body_signs", &["breathless_chest"]).await;
    // Breathlessness with it: the emergency interrupt, before any other question.
    assert_eq!(next_screen(&b, "q:body_signs").await, "interrupt:emergency");
    assert!(!b.exists(0, "[data-question]").await, "no question on the interrupt screen");
    assert!(
        b.exists(0, ".lpq-interrupt [data-triage=\"emergency\"][role=\"alert\"] [data-flag=\"clot_reaching_lung\"]")
            .await,
        "the clot-in-the-lung warning, as an alert"
    );
    let text = js(&b, "return root.querySelector('.lpq-interrupt').textContent;").await;
    assert!(text.as_str().unwrap_or_default().contains("emergency"), "says to call the emergency number: {text}");
    b.wait_until(
        &format!("{} const a = root.activeElement; return !!a && a.hasAttribute('data-focus') && !!a.closest('[data-triage=\"emergency\"]');", root_js(0)),
        "focus on the emergency heading",
    )
    .await;

    b.click(0, "[data-action=\"continue\"]").await;
    assert_eq!(next_screen(&b, "interrupt:emergency").await, "q:frequency", "Continue resumes with the next question");
    let passed = walk_until(&b, CLOT, "results").await;
    assert!(
        !passed.iter().any(|s| s.starts_with("interrupt:")),
        "acknowledged warnings don't interrupt again: {passed:?}"
    );

    // Results lead with the emergency; nutrient advice waits, folded, for after.
    let order = strings(
        &b,
        "const r = root.querySelector('[data-results]'); const h = r.querySelector('h2');
        return [h.textContent, h.nextElementSibling.dataset.triage || h.nextElementSibling.className];",
    )
    .await;
    assert_eq!(order[1], "emergency", "the first thing under the results heading is the emergency guidance: {order:?}");
    let levels =
        strings(&b, "return [...root.querySelectorAll('[data-results] [data-triage]')].map(t => t.dataset.triage);")
            .await;
    assert_eq!(levels, ["emergency"], "one guidance block, the emergency one");
    let folded = js(&b, "const d = root.querySelector('[data-results] details.lpq-after-seen'); const ns = [...root.querySelectorAll('[data-nutrient]')];
        return d ? { open: d.open, nutrients: ns.length, inside: ns.every(n => d.contains(n)), visible: ns.some(n => n.checkVisibility()) } : null;").await;
    assert_eq!(folded["open"], json!(false), "nutrient advice is folded away: {folded}");
    assert!(folded["nutrients"].as_u64().unwrap_or(0) >= 1, "there is nutrient advice to unfold: {folded}");
    assert_eq!(folded["inside"], json!(true), "every nutrient card is inside the folded details: {folded}");
    assert_eq!(folded["visible"], json!(false), "folded cards are not visible: {folded}");
    b.click(0, "details.lpq-after-seen > summary").await;
    b.wait_until(
        &format!("{} return root.querySelector('[data-nutrient]').checkVisibility();", root_js(0)),
        "nutrient cards after unfolding",
    )
    .await;
    assert_clean(&b).await;
    b.close().await;
}

/// On "check your answers", change the diet to vegan: the new follow-up is asked and the
/// results change to fit.
pub async fn change_an_answer_on_the_check_page() {
    let b = Browser::open(390, 844).await;
    results_for(&b, CRAMPS).await;
    let before_foods = foods(&b).await;
    let before_nutrients = nutrients(&b).await;
    let animal = foods_tagged(&before_foods, &diet_excludes("vegan"));
    assert!(!animal.is_empty(), "an omnivore is offered some foods from animals: {before_foods:?}");

    b.click(0, "[data-results] [data-action=\"back\"]").await;
    assert_eq!(next_screen(&b, "results").await, "review");
    let diet_row = js(&b, "return root.querySelector('[data-review=\"diet\"]').textContent;").await;
    assert!(diet_row.as_str().unwrap_or_default().contains("meat and fish"), "the review shows the diet: {diet_row}");
    b.click(0, "[data-action=\"change\"][data-change=\"diet\"]").await;
    assert_eq!(next_screen(&b, "review").await, "q:diet");
    assert!(b.exists(0, "[data-option=\"omnivore\"] input:checked").await, "the current answer is selected");
    assert!(b.exists(0, "[data-action=\"next\"]").await);
    b.answer(0, "diet", &["vegan"]).await;
    // Vegans are asked one more question; then straight back to the check page.
    assert_eq!(next_screen(&b, "q:diet").await, "q:b12_sources");
    b.answer(0, "b12_sources", &["no"]).await;
    assert_eq!(next_screen(&b, "q:b12_sources").await, "review", "after the new follow-up, back to checking answers");
    let diet_row = js(&b, "return root.querySelector('[data-review=\"diet\"]').textContent;").await;
    assert!(diet_row.as_str().unwrap_or_default().contains("Vegan"), "the review shows the new diet: {diet_row}");
    assert!(b.exists(0, "[data-review=\"b12_sources\"]").await, "the new follow-up is listed");

    b.click(0, "[data-action=\"submit\"]").await;
    b.wait_for(0, "[data-results]").await;
    let after_foods = foods(&b).await;
    let after_nutrients = nutrients(&b).await;
    assert_ne!(before_foods, after_foods, "the suggested foods change with the diet");
    let animal = foods_tagged(&after_foods, &diet_excludes("vegan"));
    assert!(animal.is_empty(), "no animal foods once vegan: {animal:?}");
    assert!(
        after_nutrients.contains(&"vitamin_b12".to_string()),
        "a vegan without B12 sources gets B12 advice: {after_nutrients:?}"
    );
    assert!(!before_nutrients.contains(&"vitamin_b12".to_string()), "B12 was not matched before: {before_nutrients:?}");
    assert_clean(&b).await;
    b.close().await;
}

/// Reloading half-way lands on the same question, with the earlier answers kept.
pub async fn reload_half_way_and_resume() {
    let b = Browser::open(390, 844).await;
    b.goto(&site().url("/")).await;
    walk_until(&b, CRAMPS, "q:legs").await;
    let before = js(&b, "return root.querySelector('.lpq-progress-text').textContent;").await;

    b.client.refresh().await.expect("reload");
    assert_eq!(screen(&b).await, "q:legs", "the reload lands on the same question");
    let after = js(&b, "return root.querySelector('.lpq-progress-text').textContent;").await;
    assert_eq!(before, after, "same place in the progress");
    assert!(
        !b.exists(0, "[data-question=\"legs\"] input:checked").await,
        "the unanswered question is still unanswered"
    );

    // Earlier answers are kept: back shows them selected.
    b.click(0, "[data-action=\"back\"]").await;
    assert_eq!(next_screen(&b, "q:legs").await, "q:frequency");
    assert!(b.exists(0, "[data-option=\"weekly\"] input:checked").await, "frequency is still answered");
    for (from, to) in
        [("q:frequency", "q:body_signs"), ("q:body_signs", "q:leg_signs"), ("q:leg_signs", "q:cramp_pattern")]
    {
        b.click(0, "[data-action=\"back\"]").await;
        assert_eq!(next_screen(&b, from).await, to);
    }
    let checked = strings(
        &b,
        "return [...root.querySelectorAll('input:checked')].map(i => i.closest('[data-option]').dataset.option);",
    )
    .await;
    assert_eq!(checked, ["short", "wakes"], "both cramp answers are kept");

    let passed = walk_until(&b, CRAMPS, "review").await;
    assert!(passed.contains(&"q:legs".to_string()));
    let sensation = js(&b, "return root.querySelector('[data-review=\"sensation\"]').textContent;").await;
    assert!(
        sensation.as_str().unwrap_or_default().contains("cramp"),
        "the first answer survives the reload: {sensation}"
    );
    assert_clean(&b).await;
    b.close().await;
}

/// A saved session that was corrupted or tampered with is not trusted: the quiz starts
/// afresh with a short notice, nothing crashes, and the bad value is gone.
pub async fn corrupted_saved_answers_start_afresh_with_a_notice() {
    let b = Browser::open(390, 844).await;
    b.goto(&site().url("/")).await;
    b.wait_for(0, "[data-action=\"start\"]").await;
    for bad in [
        "{\"format\":1,\"answers\":",
        "lpq-session 1\nscreen=question:<img src=x onerror=alert(1)>\n",
        "lpq-session 99\nscreen=intro\n",
    ] {
        b.run(&format!("localStorage.setItem('leg-pain-quiz:page', {}); return true;", json!(bad))).await;
        b.client.refresh().await.expect("reload");
        b.wait_for(0, ".lpq-notice").await;
        let notice = js(&b, "return root.querySelector('.lpq-notice').textContent;").await;
        let notice = notice.as_str().unwrap_or_default().to_string();
        assert!(notice.contains("started afresh"), "a notice says what happened: {notice}");
        assert!(b.exists(0, "[data-action=\"start\"]").await, "the intro is shown");
        let saved = b.run("return localStorage.getItem('leg-pain-quiz:page');").await;
        assert_eq!(saved, serde_json::Value::Null, "the unreadable value was removed");
        assert!(!b.exists(0, "img").await, "tampered text is never rendered as markup");
    }
    // And the quiz still works from there.
    walk_until(&b, CRAMPS, "review").await;
    assert_clean(&b).await;
    b.close().await;
}

/// Where keyboard focus is inside the widget: `option:<id>`, `action:<name>`, `heading:<question id or screen>`, or the tag.
async fn focus(b: &Browser) -> String {
    let value = js(
        b,
        "const a = root && root.activeElement; if (!a) return 'none';
         if (a.hasAttribute('data-focus')) { const q = a.closest('[data-question]'); return 'heading:' + (q ? q.dataset.question : a.closest('section').className); }
         const o = a.closest('[data-option]'); if (o) return 'option:' + o.dataset.option;
         if (a.dataset.action) return 'action:' + a.dataset.action;
         return a.tagName.toLowerCase();",
    )
    .await;
    value.as_str().unwrap_or_default().to_string()
}

/// Presses Tab until focus is on `target`, failing if it takes more than 30 presses.
async fn tab_to(b: &Browser, target: &str) {
    let mut path = Vec::new();
    for _ in 0..30 {
        b.keys(&[Key::Tab.into()]).await;
        let now = focus(b).await;
        if now == target {
            return;
        }
        path.push(now);
    }
    panic!("Tab never reached {target}; focus went {path:?}");
}

async fn wait_focus(b: &Browser, target: &str) {
    let js_text = format!(
        "{} const a = root && root.activeElement; if (!a || !a.hasAttribute('data-focus')) return false;
         const q = a.closest('[data-question]'); return (q ? q.dataset.question : a.closest('section').className) === {};",
        root_js(0),
        json!(target)
    );
    b.wait_until(&js_text, &format!("focus on the heading of {target}")).await;
}

async fn is_checked(b: &Browser, option: &str) -> bool {
    b.exists(0, &format!("[data-question] [data-option=\"{option}\"] input:checked")).await
}

/// The whole quiz with the keyboard alone: Tab and Shift+Tab between controls, Space on
/// checkboxes and buttons, arrow keys inside radio groups, Enter on buttons.
pub async fn keyboard_only() {
    let b = Browser::open(1280, 900).await;
    b.goto(&site().url("/")).await;
    b.wait_for(0, "[data-action=\"start\"]").await;
    assert_eq!(focus(&b).await, "none", "the widget doesn't take focus on load");
    tab_to(&b, "action:start").await;
    b.keys(&[Key::Enter.into()]).await;

    let answers: &Answers = &[
        ("sensation", &["cramp", "aching"]),
        ("cramp_pattern", &["short"]),
        ("leg_signs", &["none"]),
        ("body_signs", &["none"]),
        ("frequency", &["most_nights"]),
        ("legs", &["both_legs"]),
        ("diet", &["vegetarian"]),
        ("avoid", &["nuts", "none"]),
        ("greens_nuts", &["rarely"]),
        ("dairy", &["most_days"]),
        ("fruit_veg", &["most_days"]),
        ("b12_sources", &["yes"]),
        ("sun", &["little"]),
        ("fluids", &["none"]),
        ("activity", &["moderate"]),
        ("medicines", &["none"]),
        ("conditions", &["none"]),
        ("about_you", &["none"]),
        ("age", &["18_50"]),
    ];
    let mut asked = Vec::new();
    let mut went_back = false;
    loop {
        let now = screen(&b).await;
        if now == "review" {
            break;
        }
        let id = now.strip_prefix("q:").unwrap_or_else(|| panic!("a question, got {now}")).to_string();
        // Focus moved to the new question's heading.
        wait_focus(&b, &id).await;
        let choices = answers
            .iter()
            .find(|(q, _)| *q == id)
            .map(|(_, c)| *c)
            .unwrap_or_else(|| panic!("unexpected question {id}"));
        let multi =
            js(&b, "return root.querySelector('[data-question] input').type === 'checkbox';").await == json!(true);
        if multi {
            // Tab to each choice and tick it with Space; "None of these" clears the others.
            for choice in choices {
                tab_to(&b, &format!("option:{choice}")).await;
                b.keys(&[Key::Space.into()]).await;
                let c = *choice;
                b.wait_until(
                    &format!("{} return !!root.querySelector('[data-option=\"{c}\"] input:checked');", root_js(0)),
                    &format!("{c} ticked"),
                )
                .await;
            }
            if choices == ["nuts", "none"] {
                assert!(!is_checked(&b, "nuts").await, "ticking “None of these” clears the other choices");
            }
        } else {
            // Tab into the radio group (at the chosen radio, else the first), then use
            // the arrow keys to reach the choice.
            let order = strings(
                &b,
                "return [...root.querySelectorAll('[data-question] [data-option]')].map(o => o.dataset.option);",
            )
            .await;
            let current =
                strings(&b, "return [...root.querySelectorAll('[data-question] input:checked')].map(i => i.value);")
                    .await;
            let want = order.iter().position(|o| o == choices[0]).expect("choice on screen");
            let mut at = current.first().and_then(|c| order.iter().position(|o| o == c)).unwrap_or(0);
            b.keys(&[Key::Tab.into()]).await;
            assert_eq!(
                focus(&b).await,
                format!("option:{}", order[at]),
                "Tab enters the radio group at the chosen radio, else the first"
            );
            if want == at {
                b.keys(&[Key::Space.into()]).await;
            }
            while at != want {
                let key = if want > at { Key::Down } else { Key::Up };
                b.keys(&[key.into()]).await;
                at = if want > at { at + 1 } else { at - 1 };
                assert_eq!(focus(&b).await, format!("option:{}", order[at]), "the arrow keys move through the group");
            }
            let c = choices[0];
            b.wait_until(
                &format!("{} return !!root.querySelector('[data-option=\"{c}\"] input:checked');", root_js(0)),
                &format!("{c} chosen"),
            )
            .await;
            let checked =
                strings(&b, "return [...root.querySelectorAll('[data-question] input:checked')].map(i => i.value);")
                    .await;
            assert_eq!(checked, [c], "exactly one radio chosen");
        }
        tab_to(&b, "action:next").await;
        // Shift+Tab goes back to the choices, Tab returns to Next.
        b.shift_keys(Key::Tab.into()).await;
        let back_on = focus(&b).await;
        assert!(back_on.starts_with("option:"), "Shift+Tab from Next goes back to a choice, got {back_on}");
        b.keys(&[Key::Tab.into()]).await;
        assert_eq!(focus(&b).await, "action:next");
        if id == "legs" && !went_back {
            // Once, go back with the keyboard and return: the answer is kept.
            went_back = true;
            tab_to(&b, "action:back").await;
            b.keys(&[Key::Enter.into()]).await;
            wait_focus(&b, "frequency").await;
            let dbg = js(&b, "return [[...root.querySelectorAll('[data-question] input')].map(i => i.value + ':' + i.checked + ':' + i.name), localStorage.getItem('lpq:page') || JSON.stringify(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))];").await;
            assert!(is_checked(&b, "most_nights").await, "going back keeps the answer {dbg}");
            tab_to(&b, "action:next").await;
            b.keys(&[Key::Space.into()]).await;
            assert_eq!(next_screen(&b, "q:frequency").await, "q:legs");
            continue;
        }
        b.keys(&[Key::Enter.into()]).await;
        next_screen(&b, &now).await;
        asked.push(id);
    }
    assert!(went_back, "the journey went back once");
    assert!(asked.contains(&"b12_sources".to_string()), "vegetarians are asked about B12: {asked:?}");
    wait_focus(&b, "lpq-review").await;
    tab_to(&b, "action:submit").await;
    b.keys(&[Key::Space.into()]).await;
    b.wait_for(0, "[data-results]").await;
    wait_focus(&b, "lpq-results").await;
    let matched = nutrients(&b).await;
    assert!(!matched.is_empty(), "results with nutrients: {matched:?}");
    // The "more about" details open from the keyboard too.
    tab_to(&b, "summary").await;
    b.keys(&[Key::Enter.into()]).await;
    b.wait_until(
        &format!("{} return root.querySelector('details.lpq-more').open;", root_js(0)),
        "details open with Enter",
    )
    .await;
    assert_clean(&b).await;
    b.close().await;
}
