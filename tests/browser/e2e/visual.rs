//! Pictures for people to look at: every screen at four sizes, and the printout as a
//! PDF (with its first pages as PNGs). Written to tests/e2e-output/ (git-ignored).

use crate::accessibility::axe;
use crate::browser::{base64_decode, Browser, Key};
use crate::output_dir;
use crate::screens::{fresh_page, js, next_screen, walk_until, CLOT, CRAMPS};
use serde_json::json;
use std::path::Path;
use std::process::Command;

const SIZES: &[(u32, u32)] = &[(320, 640), (390, 844), (768, 1024), (1280, 900)];

/// Screenshots of the screen on show at every size, as `<name>-<w>x<h>.png`.
async fn shoot(b: &Browser, name: &str, written: &mut Vec<String>) {
    for &(w, h) in SIZES {
        b.viewport(w, h).await;
        assert_eq!(b.run("return window.innerWidth;").await, json!(w));
        let file = format!("{name}-{w}x{h}.png");
        let path = output_dir().join(&file);
        b.screenshot(&path).await;
        let bytes = std::fs::read(&path).expect("screenshot written");
        assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 2000, "{file} is a PNG with something in it");
        written.push(file);
    }
    b.viewport(390, 844).await;
}

pub async fn screenshots_of_every_screen() {
    let b = Browser::open(390, 844).await;
    let mut written = Vec::new();
    fresh_page(&b).await;
    shoot(&b, "01-intro", &mut written).await;

    b.click(0, "[data-action=\"start\"]").await;
    next_screen(&b, "intro").await;
    b.click(0, "[data-action=\"next\"]").await;
    b.wait_for(0, ".lpq-error").await;
    shoot(&b, "03-missing-answer", &mut written).await;
    walk_until(&b, CRAMPS, "q:sensation").await;
    b.click(0, "[data-option=\"cramp\"]").await;
    b.wait_for(0, "[data-option=\"cramp\"] input:checked").await;
    shoot(&b, "02-question-multiple", &mut written).await;

    walk_until(&b, CRAMPS, "q:frequency").await;
    shoot(&b, "04-question-single", &mut written).await;
    // The focus ring as a keyboard user sees it, on a choice.
    js(&b, "root.querySelector('[data-focus]').focus(); return true;").await;
    // Tab enters the radio group at its first choice ("just once"); Down twice reaches weekly.
    b.keys(&[Key::Tab.into(), Key::Down.into(), Key::Down.into()]).await;
    b.wait_for(0, "[data-option=\"weekly\"] input:checked:focus-visible").await;
    shoot(&b, "04-question-keyboard-focus", &mut written).await;
    walk_until(&b, CRAMPS, "review").await;
    shoot(&b, "05-check-answers", &mut written).await;
    walk_until(&b, CRAMPS, "results").await;
    shoot(&b, "07-results", &mut written).await;
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }))
        .await;
    let dark = js(&b, "return getComputedStyle(root.querySelector('.lpq-app')).backgroundColor;").await;
    assert_ne!(dark, json!("rgb(255, 255, 255)"), "the widget follows the dark system theme");
    shoot(&b, "08-results-dark", &mut written).await;
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [] })).await;

    fresh_page(&b).await;
    walk_until(&b, CLOT, "interrupt:emergency").await;
    shoot(&b, "06-emergency-interrupt", &mut written).await;
    walk_until(&b, CLOT, "results").await;
    shoot(&b, "09-results-after-emergency", &mut written).await;

    assert_eq!(written.len(), 10 * SIZES.len());
    println!("screenshots in {}:\n{}", output_dir().display(), written.join("\n"));
    b.close().await;
}

/// Renders the PDF's first pages as PNGs with poppler's pdftoppm, if it is installed.
fn pdf_to_png(pdf: &Path, prefix: &str) -> Vec<String> {
    let out = output_dir().join(prefix);
    for old in std::fs::read_dir(output_dir()).unwrap().flatten() {
        if old.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_file(old.path());
        }
    }
    let status = Command::new("pdftoppm").args(["-png", "-r", "60", "-f", "1", "-l", "3"]).arg(pdf).arg(&out).status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!("pdftoppm failed on {}: {s}", pdf.display()),
        Err(e) => {
            eprintln!("pdftoppm not available ({e}): apt-get install -y poppler-utils to see the PDF as PNGs");
            return Vec::new();
        }
    }
    let mut pages: Vec<String> = std::fs::read_dir(output_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|n| n.starts_with(prefix) && n.ends_with(".png"))
        .collect();
    pages.sort();
    pages
}

/// Prints the results page of `answers` to `<name>.pdf`, after checking what print shows.
async fn print_results(b: &Browser, answers: &crate::screens::Answers, name: &str) {
    fresh_page(b).await;
    walk_until(b, answers, "results").await;
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await;
    let shown = js(
        b,
        "const visible = (el) => el.checkVisibility();
         return {
           print: matchMedia('print').matches,
           actions: [...root.querySelectorAll('[data-action]')].filter(visible).map(a => a.dataset.action),
           summary: [...root.querySelectorAll('[data-summary]')].filter(visible).length,
           summaryClipped: (() => { const s = root.querySelector('[data-summary]'); return s.scrollHeight > s.clientHeight + 1; })(),
           triage: [...root.querySelectorAll('[data-triage]')].filter(visible).map(t => t.dataset.triage),
           text: root.querySelector('[data-summary]').textContent.length,
         };",
    )
    .await;
    assert_eq!(shown["print"], json!(true), "print media is emulated");
    assert_eq!(shown["actions"], json!([]), "no buttons in the printout: {shown}");
    assert_eq!(shown["summary"], json!(1), "the doctor summary is printed: {shown}");
    assert_eq!(shown["summaryClipped"], json!(false), "the whole summary prints, not a scrolled part: {shown}");
    assert_eq!(shown["triage"].as_array().map(Vec::len), Some(1), "the guidance is printed: {shown}");
    assert!(shown["text"].as_u64().unwrap_or(0) > 200, "the summary has content: {shown}");

    // What prints must be readable: axe (contrast included) on the print styles, from
    // a light and from a dark screen theme.
    let problems = axe(b).await;
    assert!(problems.is_empty(), "accessibility problems in print:\n{}", problems.join("\n"));
    b.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "media": "print", "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    )
    .await;
    let problems = axe(b).await;
    assert!(problems.is_empty(), "accessibility problems in print from the dark theme:\n{}", problems.join("\n"));
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print", "features": [] })).await;

    // As browsers print by default: without background colours.
    let pdf = b.cdp("Page.printToPDF", json!({ "printBackground": false, "preferCSSPageSize": true })).await;
    let bytes = base64_decode(pdf["data"].as_str().expect("PDF data"));
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let path = output_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, &bytes).unwrap();
    let pages = pdf_to_png(&path, &format!("{name}-page"));
    println!("{}: {} bytes; pages as PNG: {pages:?}", path.display(), bytes.len());
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "", "features": [] })).await;
}

pub async fn print_shows_the_summary_without_buttons() {
    let b = Browser::open(1280, 900).await;
    print_results(&b, CRAMPS, "10-print-results").await;
    print_results(&b, CLOT, "11-print-emergency").await;
    b.close().await;
}
