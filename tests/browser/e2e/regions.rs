//! The right emergency number wherever the widget is read: for each combination of the
//! element's `region` and `lang`, the page's `<html lang>` and the browser's languages,
//! the emergency screen's every `tel:` link and every number its text names are the
//! country's own, or, where the country can't be told or has no numbers in the table,
//! there is no call button and the text says "call your local emergency number" (and
//! the host gets one console warning). The loader's own resolution (used for the
//! no-WebAssembly fallback) agrees with the wasm's on every combination, and the
//! fallback shows the same numbers. One browser session for all of it.

use crate::browser::{root_js, Browser};
use crate::embedding::{HostDir, LOADER};
use crate::screens::{clot, screen, walk_until};
use serde_json::{json, Value as Json};

struct Combo {
    name: &'static str,
    /// The `<html lang>`, if any.
    page: Option<&'static str>,
    /// `navigator.languages` (the browser runs as en-GB otherwise).
    browser: &'static [&'static str],
    /// The element's attributes.
    attrs: &'static str,
    /// The region the widget should settle on ("" for none) and its numbers.
    region: &'static str,
    numbers: &'static [&'static str],
    locale: &'static str,
    /// Console warnings, each holding this text.
    warns: &'static [&'static str],
}

const GB: &[&str] = &["en-GB"];
const UNKNOWN: &[&str] = &["local emergency number"];

#[rustfmt::skip]
const COMBOS: &[Combo] = &[
    Combo { name: "es-CO", page: Some("en"), browser: GB, attrs: "lang=\"es-CO\"", region: "CO", numbers: &["123"], locale: "es", warns: &[] },
    Combo { name: "es-CL", page: Some("en"), browser: GB, attrs: "lang=\"es-CL\"", region: "CL", numbers: &["131"], locale: "es", warns: &[] },
    Combo { name: "es-PE", page: Some("en"), browser: GB, attrs: "lang=\"es-PE\"", region: "PE", numbers: &["106", "116"], locale: "es", warns: &[] },
    Combo { name: "es-MX", page: Some("en"), browser: GB, attrs: "lang=\"es-MX\"", region: "MX", numbers: &["911"], locale: "es", warns: &[] },
    Combo { name: "es-ES", page: Some("en"), browser: GB, attrs: "lang=\"es-ES\"", region: "ES", numbers: &["112"], locale: "es", warns: &[] },
    Combo { name: "es-US", page: None, browser: &["es-US"], attrs: "lang=\"es-US\"", region: "US", numbers: &["911"], locale: "es", warns: &[] },
    Combo { name: "es-419", page: Some("es"), browser: &["es-419", "es"], attrs: "lang=\"es-419\"", region: "", numbers: &[], locale: "es", warns: UNKNOWN },
    Combo { name: "es-419-page-co", page: Some("es-CO"), browser: GB, attrs: "lang=\"es-419\"", region: "CO", numbers: &["123"], locale: "es", warns: &[] },
    Combo { name: "en-ZA", page: Some("en"), browser: GB, attrs: "lang=\"en-ZA\"", region: "ZA", numbers: &["10177", "112"], locale: "en-GB", warns: &[] },
    Combo { name: "en-SG", page: Some("en"), browser: GB, attrs: "lang=\"en-SG\"", region: "SG", numbers: &["995"], locale: "en-GB", warns: &[] },
    Combo { name: "en-PH", page: Some("en"), browser: GB, attrs: "lang=\"en-PH\"", region: "PH", numbers: &["911"], locale: "en-GB", warns: &[] },
    Combo { name: "en-IN", page: Some("en"), browser: GB, attrs: "lang=\"en-IN\"", region: "IN", numbers: &["112", "108"], locale: "en-GB", warns: &[] },
    Combo { name: "en-AU", page: Some("en"), browser: GB, attrs: "lang=\"en-AU\"", region: "AU", numbers: &["000"], locale: "en-GB", warns: &[] },
    Combo { name: "en-US", page: Some("en"), browser: GB, attrs: "lang=\"en-US\"", region: "US", numbers: &["911"], locale: "en-US", warns: &[] },
    Combo { name: "en-GB", page: Some("fr-FR"), browser: &["fr-FR"], attrs: "lang=\"en-GB\"", region: "GB", numbers: &["999"], locale: "en-GB", warns: &[] },
    Combo { name: "fr-FR-page", page: Some("fr-FR"), browser: &["fr-FR", "fr"], attrs: "", region: "FR", numbers: &["112", "15"], locale: "en-GB", warns: &[] },
    Combo { name: "de-DE-page", page: Some("de-DE"), browser: &["de-DE"], attrs: "", region: "DE", numbers: &["112"], locale: "en-GB", warns: &[] },
    Combo { name: "it-IT-page", page: Some("it-IT"), browser: &["it-IT"], attrs: "", region: "IT", numbers: &["112", "118"], locale: "en-GB", warns: &[] },
    Combo { name: "pt-BR-page", page: Some("pt-BR"), browser: &["pt-BR"], attrs: "", region: "BR", numbers: &["192"], locale: "en-GB", warns: &[] },
    Combo { name: "browser-only-nz", page: None, browser: &["en-NZ", "en"], attrs: "", region: "NZ", numbers: &["111"], locale: "en-GB", warns: &[] },
    Combo { name: "es-ZZ", page: Some("en"), browser: GB, attrs: "lang=\"es-ZZ\"", region: "", numbers: &[], locale: "es", warns: UNKNOWN },
    Combo { name: "es-GQ", page: Some("en"), browser: GB, attrs: "lang=\"es-GQ\"", region: "", numbers: &[], locale: "es", warns: UNKNOWN },
    Combo { name: "es-AD", page: Some("en"), browser: &["es-ES"], attrs: "lang=\"es-AD\"", region: "", numbers: &[], locale: "es", warns: UNKNOWN },
    Combo { name: "unknown", page: Some("en"), browser: &["en"], attrs: "", region: "", numbers: &[], locale: "en-GB", warns: UNKNOWN },
    Combo { name: "region-over-lang", page: Some("en"), browser: GB, attrs: "lang=\"es-CO\" region=\"MX\"", region: "MX", numbers: &["911"], locale: "es", warns: &[] },
    Combo { name: "region-gb-en-us", page: Some("en"), browser: GB, attrs: "lang=\"en-US\" region=\"GB\"", region: "GB", numbers: &["999"], locale: "en-US", warns: &[] },
    Combo { name: "region-zz", page: Some("en-GB"), browser: GB, attrs: "lang=\"en-GB\" region=\"ZZ\"", region: "", numbers: &[], locale: "en-GB", warns: &["region=\"ZZ\""] },
    Combo { name: "region-empty", page: Some("en"), browser: GB, attrs: "lang=\"es-PE\" region=\"\"", region: "PE", numbers: &["106", "116"], locale: "es", warns: &["region=\"\" is empty"] },
    Combo { name: "lang-empty", page: Some("es-CL"), browser: GB, attrs: "lang=\"\"", region: "CL", numbers: &["131"], locale: "es", warns: &["lang=\"\" is empty"] },
];

/// A host page: its `<html lang>`, the browser's languages, one widget.
fn host(c: &Combo, i: usize, head: &str) -> String {
    let lang = c.page.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
    format!(
        "<!doctype html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>host page</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n\
         <script>Object.defineProperty(navigator, 'languages', {{ get: () => {} }});</script>\n{head}\n{LOADER}\n</head>\n\
         <body>\n<leg-pain-quiz storage-key=\"r{i}\" {}></leg-pain-quiz>\n</body>\n</html>\n",
        json!(c.browser),
        c.attrs
    )
}

/// The answers of a clot in the lung, saved as the widget saves them, on the results: the
/// widget opens on the emergency screen (the warnings are worked out again on resume).
/// Saves that session under every combination's key but `except`'s, in one script.
fn seeded(except: &str) -> String {
    let mut session = "lpq-session 2\nrev=1\nscreen=results\nack=\n".to_string();
    for (q, c) in clot() {
        session += &format!("a.{q}={}\n", c.join(","));
    }
    let keys: Vec<String> = COMBOS
        .iter()
        .enumerate()
        .filter(|(_, c)| c.name != except)
        .map(|(i, _)| format!("leg-pain-quiz:r{i}"))
        .collect();
    format!(
        "localStorage.clear(); for (const key of {}) localStorage.setItem(key, {}); return true;",
        json!(keys),
        json!(session)
    )
}

/// Every run of two or more digits in `text`.
fn numbers_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for ch in text.chars().chain([' ']) {
        if ch.is_ascii_digit() {
            run.push(ch);
        } else {
            if run.len() >= 2 && !out.contains(&run) {
                out.push(run.clone());
            }
            run.clear();
        }
    }
    out
}

fn messages(b: &Browser) -> Vec<String> {
    // Chromium's log quotes the message: `\"` for `"`.
    b.console_problems().into_iter().filter(|m| m.contains("leg-pain-quiz")).map(|m| m.replace("\\\"", "\"")).collect()
}

fn check_warnings(c: &Combo, warnings: &[String], failures: &mut Vec<String>) {
    let ok = warnings.len() == c.warns.len() && c.warns.iter().all(|w| warnings.iter().any(|got| got.contains(w)));
    if !ok {
        failures.push(format!("{}: console warnings {warnings:#?}, want one each of {:?}", c.name, c.warns));
    }
}

pub fn every_combination_dials_only_its_countrys_number() {
    let dir = HostDir::new("regions");
    for (i, c) in COMBOS.iter().enumerate() {
        dir.write(&format!("{}.html", c.name), &host(c, i, ""));
        dir.write(&format!("{}-nowasm.html", c.name), &host(c, i, "<script>delete window.WebAssembly;</script>"));
    }
    let unknown = COMBOS.iter().find(|c| c.name == "unknown").expect("the unknown combination");
    let second = "<leg-pain-quiz storage-key=\"r91\" lang=\"es-ZZ\"></leg-pain-quiz>\n</body>";
    dir.write("two-unknown.html", &host(unknown, 90, "").replace("</body>", second));
    dir.write("seed.html", &crate::embedding::page("", ""));
    let server = dir.serve(vec![]);
    let b = Browser::open(390, 844);
    let mut failures = Vec::new();
    let texts = format!(
        "{} const i = root.querySelector('.lpq-interrupt'); const app = root.querySelector('.lpq-app');
         const el = document.querySelector('leg-pain-quiz');
         const resolve = customElements.get('leg-pain-quiz').resolveSignals;
         const js = resolve && resolve(el.getAttribute('region'), el.getAttribute('lang'),
           document.documentElement.getAttribute('lang') || '', [...navigator.languages]);
         return {{ text: i.innerText, tel: [...root.querySelectorAll('a[href^=\"tel:\"]')].map(a => a.getAttribute('href')),
           region: app.dataset.region || '', locale: app.dataset.localeActive, js }};",
        root_js(0)
    );
    // Every combination's widget opens on the saved session, Colombia's excepted.
    b.goto(&server.url("/seed.html"));
    b.run(&seeded("es-CO"));
    for c in COMBOS {
        let url = server.url(&format!("/{}.html", c.name));
        messages(&b);
        b.goto(&url);
        if c.name == "es-CO" {
            // Colombia the long way: every question, as a person would.
            walk_until(&b, clot(), "interrupt:emergency");
        } else {
            let now = screen(&b);
            assert_eq!(now, "interrupt:emergency", "{}: the seeded answers open on the emergency screen", c.name);
        }
        let seen = b.run(&texts);
        let text = seen["text"].as_str().unwrap_or_default();
        let want_tel: Vec<Json> = c.numbers.iter().map(|n| json!(format!("tel:{n}"))).collect();
        if seen["tel"] != json!(want_tel) {
            failures.push(format!("{}: tel: links {} (want {want_tel:?})", c.name, seen["tel"]));
        }
        let named = numbers_in(text);
        let stray: Vec<&String> = named.iter().filter(|n| !c.numbers.contains(&n.as_str())).collect();
        let missing: Vec<&&str> = c.numbers.iter().filter(|n| !named.iter().any(|m| m == *n)).collect();
        if !stray.is_empty() || !missing.is_empty() {
            failures
                .push(format!("{}: the text names {named:?} (stray {stray:?}, missing {missing:?}): {text}", c.name));
        }
        if c.numbers.is_empty() {
            let local = if c.locale == "es" { "número de emergencias local" } else { "your local emergency number" };
            if !text.contains(local) {
                failures.push(format!("{}: no “{local}”: {text}", c.name));
            }
        }
        if seen["region"] != json!(c.region) || seen["locale"] != json!(c.locale) {
            failures.push(format!(
                "{}: the wasm settled on {} {} (want {:?} {:?})",
                c.name, seen["region"], seen["locale"], c.region, c.locale
            ));
        }
        let js_region = seen["js"]["region"].as_str().unwrap_or_default();
        if js_region != c.region || seen["js"]["locale"] != json!(c.locale) {
            failures.push(format!("{}: the loader's resolution {} disagrees with the wasm's", c.name, seen["js"]));
        }
        if text.contains("NHS") && c.region != "GB" {
            failures.push(format!("{}: names the NHS outside the UK: {text}", c.name));
        }
        check_warnings(c, &messages(&b), &mut failures);
        match c.name {
            "es-CO" => crate::phone_screenshot(&b, "30-emergency-colombia"),
            "unknown" => crate::phone_screenshot(&b, "30-emergency-unknown-region"),
            "fr-FR-page" => crate::phone_screenshot(&b, "30-emergency-french-host-page"),
            _ => {}
        }

        // Without WebAssembly: the loader's fallback, with the same numbers or none.
        b.goto(&server.url(&format!("/{}-nowasm.html", c.name)));
        let fallback = b.wait_until(
            &format!(
                "{} const box = root && root.querySelector('.lpq-fallback-box'); return box ? box.innerText : null;",
                root_js(0)
            ),
            "the fallback",
        );
        let fallback = fallback.as_str().unwrap_or_default();
        let named = numbers_in(fallback);
        let want: Vec<String> = c.numbers.iter().map(|n| n.to_string()).collect();
        if named != want {
            failures.push(format!("{} without WebAssembly: names {named:?}, want {want:?}: {fallback}", c.name));
        }
        let tels = b.run(&format!("{} return root.querySelectorAll('a[href^=\"tel:\"]').length;", root_js(0)));
        if tels != json!(0) && c.numbers.is_empty() {
            failures.push(format!("{} without WebAssembly: a call link with no country", c.name));
        }
    }

    // Two widgets on a page that says nowhere where the person is: one warning, not two.
    messages(&b);
    b.goto(&server.url("/two-unknown.html"));
    b.wait_for(1, "[data-action=\"start\"]");
    b.wait_for(0, "[data-action=\"start\"]");
    let warnings = messages(&b);
    if warnings.len() != 1 || !warnings[0].contains("local emergency number") {
        failures.push(format!("two widgets with no country: {warnings:#?}, want one warning"));
    }
    b.close();
    assert!(
        failures.is_empty(),
        "{} problems in {} combinations:\n{}",
        failures.len(),
        COMBOS.len(),
        failures.join("\n")
    );
}

/// `index.html`'s `<noscript>`-style content (shown where JavaScript is off) can't know
/// the country: it names no number.
pub fn the_page_without_javascript_names_no_number() {
    let html = std::fs::read_to_string(crate::dist().join("index.html")).expect("dist/index.html");
    let start = html.find("<leg-pain-quiz").expect("the widget in index.html");
    let end = html.find("</leg-pain-quiz>").expect("its end");
    let inside = &html[start..end];
    assert!(inside.contains("your local emergency number"), "{inside}");
    assert!(numbers_in(inside).is_empty(), "no number: {inside}");
}
