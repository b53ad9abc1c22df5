//! Complete journeys through the quiz, clicking as a person would.

use crate::browser::Browser;
use crate::site;

/// Every journey checks the page's promises: no console errors or warnings, and no
/// request to anything but the widget's own files.
async fn assert_clean(browser: &Browser) {
    let problems = browser.console_problems().await;
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    let foreign = browser.foreign_requests(&[&site().base]).await;
    assert!(foreign.is_empty(), "requests outside the widget's own files: {foreign:#?}");
}

#[tokio::test(flavor = "current_thread")]
async fn cramps_with_a_low_magnesium_diet() {
    let b = Browser::open(390, 844).await;
    b.goto(&site().url("/")).await;
    b.click(0, "[data-action=\"start\"]").await;
    let seen = b
        .complete(
            0,
            &[
                ("sensation", &["cramp"]),
                ("cramp_pattern", &["short"]),
                ("leg_signs", &["none"]),
                ("body_signs", &["none"]),
                ("frequency", &["weekly"]),
                ("legs", &["both_legs"]),
                ("diet", &["omnivore"]),
                ("avoid", &["none"]),
                ("greens_nuts", &["rarely"]),
                ("dairy", &["most_days"]),
                ("fruit_veg", &["most_days"]),
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
    assert!(!seen.contains(&"rls_pattern".to_string()), "no restless-legs follow-up without an urge to move");
    b.click(0, "[data-action=\"submit\"]").await;
    b.wait_for(0, "[data-results]").await;
    let first = b.run(&format!("{} return root.querySelector('[data-nutrient]').dataset.nutrient;", crate::browser::root_js(0))).await;
    assert_eq!(first, "magnesium");
    assert!(b.exists(0, "[data-nutrient=\"magnesium\"][data-strength=\"strong\"]").await);
    assert!(b.exists(0, "[data-triage=\"soon\"]").await, "cramps every week: see a doctor soon");
    assert!(b.exists(0, "[data-nutrient=\"magnesium\"] [data-food=\"pumpkin_seeds\"]").await);
    assert_clean(&b).await;
    b.close().await;
}
