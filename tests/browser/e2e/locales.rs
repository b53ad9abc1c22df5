//! British and American English and Spanish: a journey in each, to the emergency screen
//! with the region's number to tap; the language switch keeping the answers; the
//! `region` attribute; the doctor's part in English; the Spanish fallback without
//! WebAssembly; axe and a clean console in each.

use crate::accessibility::axe;
use crate::browser::{root_js, Browser};
use crate::embedding::{mounted, page, HostDir, LOADER};
use crate::screens::{clot, cramps, harmless, walk_until};
use serde_json::json;

/// The text a locale gives at `path` (`[table] key`), from its file or the base.
fn words(locale: &str, table: &str, key: &str) -> String {
    let root = crate::repo_root();
    let file = match locale {
        "en-GB" => root.join("crates/knowledge/data/ui.toml"),
        _ => root.join(format!("crates/knowledge/locales/{locale}.toml")),
    };
    let parsed: toml::Table = std::fs::read_to_string(&file).unwrap().parse().unwrap();
    let mut value = &toml::Value::Table(parsed);
    for part in table.split('.').filter(|p| !p.is_empty()) {
        value = value.get(part).unwrap_or_else(|| panic!("[{table}] in {}", file.display()));
    }
    value[key].as_str().unwrap().to_string()
}

/// In each language: the emergency screen with the region's number as a tel: link and
/// the language's words, then the results; axe clean and no console errors.
pub fn a_journey_in_each_language_reaches_the_right_number() {
    let dir = HostDir::new("locales");
    dir.write("gb.html", &page(LOADER, "<leg-pain-quiz lang=\"en-GB\" storage-key=\"gb\"></leg-pain-quiz>"))
        .write("us.html", &page(LOADER, "<leg-pain-quiz lang=\"en-US\" storage-key=\"us\"></leg-pain-quiz>"))
        .write("es.html", &page(LOADER, "<leg-pain-quiz lang=\"es-ES\" storage-key=\"es\"></leg-pain-quiz>"))
        .write("mx.html", &page(LOADER, "<leg-pain-quiz lang=\"es-MX\" storage-key=\"mx\"></leg-pain-quiz>"))
        .write("au.html", &page(LOADER, "<leg-pain-quiz lang=\"en-AU\" storage-key=\"au\"></leg-pain-quiz>"));
    let server = dir.serve(vec![]);
    let b = Browser::open(390, 844);
    for (file, locale, number) in [
        ("gb", "en-GB", "999"),
        ("us", "en-US", "911"),
        ("es", "es", "112"),
        ("mx", "es", "911"),
        ("au", "en-GB", "000"),
    ] {
        b.goto(&server.url(&format!("/{file}.html")));
        b.run("localStorage.clear(); return true;");
        b.goto(&server.url(&format!("/{file}.html")));
        mounted(&b, 0);
        let active = b.run(&format!("{} return root.querySelector('.lpq-app').dataset.localeActive;", root_js(0)));
        assert_eq!(active, json!(locale), "{file}: the locale in use");
        // One calf first (urgent: GB's 111 to tap, elsewhere words), then breathless (emergency).
        walk_until(&b, clot(), "interrupt:urgent");
        let urgent_call = b.exists(0, ".lpq-interrupt a[href^=\"tel:\"]");
        assert_eq!(urgent_call, file == "gb", "{file}: only the UK has a same-day number to tap");
        b.click(0, "[data-action=\"continue\"]");
        walk_until(&b, clot(), "interrupt:emergency");
        assert!(b.exists(0, ".lpq-interrupt [data-triage=\"emergency\"]"), "{file}: the emergency screen");
        let interrupt = b.run(&format!("{} return root.querySelector('.lpq-interrupt').textContent;", root_js(0)));
        assert!(
            b.exists(0, &format!(".lpq-interrupt a[href=\"tel:{number}\"]")),
            "{file}: a tap calls {number}: {interrupt}"
        );
        if locale == "es" {
            let seen = words("es", "ui", "seen_continue");
            assert!(interrupt.as_str().unwrap().contains(&seen), "{file}: in Spanish: {interrupt}");
        }
        let problems = axe(&b);
        assert!(problems.is_empty(), "{file}: accessibility problems:\n{}", problems.join("\n"));
        crate::phone_screenshot(&b, &format!("16-emergency-{file}"));
        walk_until(&b, clot(), "results");
        assert!(b.exists(0, "[data-results] [data-triage=\"emergency\"]"));
        let problems = axe(&b);
        assert!(problems.is_empty(), "{file} results: accessibility problems:\n{}", problems.join("\n"));
        let console = b.console_problems();
        assert!(console.is_empty(), "{file}: console errors or warnings: {console:#?}");
    }
    // A harmless case in Spanish and American English, for people to read.
    for file in ["es", "us"] {
        b.goto(&server.url(&format!("/{file}.html")));
        b.run("localStorage.clear(); return true;");
        b.goto(&server.url(&format!("/{file}.html")));
        mounted(&b, 0);
        walk_until(&b, harmless(), "results");
        assert!(b.exists(0, "[data-results] [data-triage=\"self_care\"]"), "{file}: harmless");
        crate::phone_screenshot(&b, &format!("17-results-harmless-{file}"));
    }
    b.close();
}

/// The language switch keeps the answers and redraws the screen in the new language; the
/// doctor's part can be shown in English; the events say which language is in use.
pub fn switching_language_keeps_the_answers() {
    let b = Browser::open(1280, 900);
    b.goto(&crate::site().url("/"));
    b.run("localStorage.clear(); return true;");
    b.goto(&crate::site().url("/"));
    b.run("window.seen = []; document.addEventListener('lpq-start', e => window.seen.push(e.detail.locale)); return true;");
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["51_70"]);
    b.wait_for(0, "[data-question=\"sensation\"]");
    assert_eq!(b.run("return window.seen;"), json!(["en-GB"]));
    b.click(0, "[data-locale=\"es\"]");
    let prompt = words("es", "questions.sensation", "prompt");
    b.wait_until(
        &format!("{} return root.querySelector('.lpq-prompt').textContent === {};", root_js(0), json!(prompt)),
        "the question in Spanish",
    );
    assert_eq!(b.run(&format!("{} return root.querySelector('.lpq-app').lang;", root_js(0))), json!("es"));
    b.click(0, "[data-action=\"back\"]");
    b.wait_for(0, "[data-question=\"age\"] [data-option=\"51_70\"] input:checked");

    // To the results in Spanish, then the doctor's part in English.
    b.click(0, "[data-action=\"next\"]");
    walk_until(&b, cramps(), "results");
    let doctor = "[data-fold=\"doctor\"] [data-summary]";
    let spanish = b.run(&format!("{} return root.querySelector('{doctor}').textContent;", root_js(0)));
    assert!(spanish.as_str().unwrap().contains(&words("es", "ui", "summary_answers")), "{spanish}");
    b.run(&format!("{} root.querySelector('[data-fold=\"doctor\"]').open = true; return true;", root_js(0)));
    b.click(0, "[data-action=\"doctor-english\"]");
    let english = words("en-GB", "ui", "summary_answers");
    b.wait_until(
        &format!("{} return root.querySelector('{doctor}').textContent.includes({});", root_js(0), json!(english)),
        "the doctor's part in English",
    );
    let console = b.console_problems();
    assert!(console.is_empty(), "console errors or warnings: {console:#?}");
    b.close();
}

/// Without WebAssembly, a Spanish page shows the warning signs in Spanish, with the
/// region's number.
pub fn the_fallback_speaks_the_page_language() {
    let dir = HostDir::new("fallback-es");
    dir.write("no-wasm.js", "delete window.WebAssembly;\n").write(
        "no-wasm.html",
        &page(
            &format!("<script src=\"no-wasm.js\"></script>\n{LOADER}"),
            "<leg-pain-quiz lang=\"es\" region=\"MX\"></leg-pain-quiz>",
        ),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/no-wasm.html"));
    let text = b.wait_until(
        &format!(
            "{} const box = root && root.querySelector('.lpq-fallback-box'); return box ? box.innerText : null;",
            root_js(0)
        ),
        "the fallback",
    );
    let text = text.as_str().unwrap();
    assert!(text.contains(&words("es", "emergency", "heading")), "{text}");
    assert!(text.contains("911"), "the region's number: {text}");
    b.close();
}
