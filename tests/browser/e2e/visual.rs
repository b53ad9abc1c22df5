//! Pictures for people to look at: every screen at four sizes, and the printout as a
//! PDF (with its first pages as PNGs). Written to tests/e2e-output/ (git-ignored).

use crate::accessibility::axe;
use crate::browser::{base64_decode, Browser, Key};
use crate::output_dir;
use crate::screens::{clot, complex, cramps, fresh_page, harmless, js, next_screen, walk_until};
use serde_json::json;
use std::path::Path;
use std::process::Command;

const SIZES: &[(u32, u32)] = &[(320, 640), (390, 844), (768, 1024), (1280, 900)];

/// Screenshots of the screen on show at every size, as `<name>-<w>x<h>.png`.
fn shoot(b: &Browser, name: &str, written: &mut Vec<String>) {
    for &(w, h) in SIZES {
        b.viewport(w, h);
        assert_eq!(b.run("return window.innerWidth;"), json!(w));
        let file = format!("{name}-{w}x{h}.png");
        let path = output_dir().join(&file);
        b.screenshot(&path);
        let bytes = std::fs::read(&path).expect("screenshot written");
        assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 2000, "{file} is a PNG with something in it");
        written.push(file);
    }
    b.viewport(390, 844);
}

pub fn screenshots_of_every_screen() {
    let b = Browser::open(390, 844);
    let mut written = Vec::new();
    fresh_page(&b);
    shoot(&b, "01-intro", &mut written);

    b.click(0, "[data-action=\"start\"]");
    next_screen(&b, "intro");
    b.click(0, "[data-action=\"next\"]");
    b.wait_for(0, ".lpq-error");
    shoot(&b, "03-missing-answer", &mut written);
    walk_until(&b, cramps(), "q:sensation");
    b.click(0, "[data-option=\"cramp\"]");
    b.wait_for(0, "[data-option=\"cramp\"] input:checked");
    shoot(&b, "02-question-multiple", &mut written);

    walk_until(&b, cramps(), "q:frequency");
    shoot(&b, "04-question-single", &mut written);
    // The focus ring as a keyboard user sees it, on a choice.
    js(&b, "root.querySelector('[data-focus]').focus(); return true;");
    // Tab enters the radio group at its first choice ("just once"); Down twice reaches weekly.
    b.keys(&[Key::Tab.into(), Key::Down.into(), Key::Down.into()]);
    b.wait_for(0, "[data-option=\"weekly\"] input:checked:focus-visible");
    shoot(&b, "04-question-keyboard-focus", &mut written);
    walk_until(&b, cramps(), "review");
    shoot(&b, "05-check-answers", &mut written);
    walk_until(&b, cramps(), "results");
    shoot(&b, "07-results", &mut written);
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }));
    let dark = js(&b, "return getComputedStyle(root.querySelector('.lpq-app')).backgroundColor;");
    assert_ne!(dark, json!("rgb(255, 255, 255)"), "the widget follows the dark system theme");
    shoot(&b, "08-results-dark", &mut written);
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [] }));

    fresh_page(&b);
    walk_until(&b, clot(), "interrupt:emergency");
    shoot(&b, "06-emergency-interrupt", &mut written);
    walk_until(&b, clot(), "results");
    shoot(&b, "09-results-after-emergency", &mut written);

    for (answers, name) in [(harmless(), "12-results-harmless"), (complex(), "13-results-70-year-old")] {
        fresh_page(&b);
        walk_until(&b, answers, "results");
        shoot(&b, name, &mut written);
    }
    // Everything unfolded, for reading the whole text.
    js(&b, "root.querySelectorAll('details').forEach(d => d.open = true); return true;");
    shoot(&b, "14-results-70-year-old-unfolded", &mut written);

    fresh_page(&b);
    b.click(0, "[data-action=\"browse\"]");
    b.wait_for(0, ".lpq-browse");
    js(&b, "root.querySelector('[data-browse=\"iron\"]').open = true; return true;");
    shoot(&b, "15-browse", &mut written);

    assert_eq!(written.len(), 14 * SIZES.len());
    println!("screenshots in {}:\n{}", output_dir().display(), written.join("\n"));
    b.close();
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

/// Prints the results page of `answers` to `<name>.pdf`, after checking what print shows:
/// a handout of the outcome, what to do, the nutrients with the foods for this diet, the
/// tips and the doctor section, with no buttons, status messages or focus rings, on one
/// or two pages.
fn print_results(b: &Browser, answers: &crate::screens::Answers, name: &str) -> (serde_json::Value, usize) {
    fresh_page(b);
    walk_until(b, answers, "results");
    // Something has focus, as it would after a click: print shows no ring for it.
    js(b, "root.querySelector('[data-action=\"print\"]').focus(); return true;");
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let shown = js(
        b,
        "const visible = (el) => el.checkVisibility();
         const focused = root.activeElement;
         const ring = focused ? getComputedStyle(focused) : null;
         return {
           print: matchMedia('print').matches,
           actions: [...root.querySelectorAll('[data-action]')].filter(visible).map(a => a.dataset.action),
           notices: [...root.querySelectorAll('[role=status], .lpq-notice')].filter(visible).filter(n => n.textContent.trim()).length,
           summary: [...root.querySelectorAll('[data-summary]')].filter(visible).length,
           foods: [...root.querySelectorAll('[data-food]')].filter(visible).length,
           tips: [...root.querySelectorAll('[data-fold=\"tips\"] li')].filter(visible).length,
           triage: [...root.querySelectorAll('[data-triage]')].filter(visible).map(t => t.dataset.triage),
           text: (root.querySelector('[data-summary]') || { textContent: '' }).textContent.length,
           outline: ring ? ring.outlineStyle + ' ' + ring.boxShadow : 'none none',
         };",
    );
    assert_eq!(shown["print"], json!(true), "print media is emulated");
    assert_eq!(shown["actions"], json!([]), "no buttons in the printout: {shown}");
    assert_eq!(shown["notices"], json!(0), "no status messages in the printout: {shown}");
    assert_eq!(shown["summary"], json!(1), "the doctor section is printed: {shown}");
    assert_eq!(shown["triage"].as_array().map(Vec::len), Some(1), "the outcome is printed: {shown}");
    assert!(shown["text"].as_u64().unwrap_or(0) > 200, "the doctor section has content: {shown}");
    assert!(shown["outline"].as_str().unwrap_or_default().starts_with("none none"), "no focus ring: {shown}");

    // What prints must be readable: axe (contrast included) on the print styles, from
    // a light and from a dark screen theme.
    let problems = axe(b);
    assert!(problems.is_empty(), "accessibility problems in print:\n{}", problems.join("\n"));
    b.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "media": "print", "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    );
    let problems = axe(b);
    assert!(problems.is_empty(), "accessibility problems in print from the dark theme:\n{}", problems.join("\n"));
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print", "features": [] }));

    // As browsers print by default: A4, without background colours.
    let pdf = b.cdp("Page.printToPDF", json!({ "printBackground": false, "paperWidth": 8.27, "paperHeight": 11.69 }));
    let bytes = base64_decode(pdf["data"].as_str().expect("PDF data"));
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let path = output_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, &bytes).unwrap();
    let pages = pdf_pages(&bytes);
    let pngs = pdf_to_png(&path, &format!("{name}-page"));
    println!("{}: {} bytes, {pages} pages on A4; as PNG: {pngs:?}", path.display(), bytes.len());
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "", "features": [] }));
    (shown, pages)
}

/// Pages in a PDF, counted from its page objects.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

pub fn print_gives_a_handout_without_buttons() {
    let b = Browser::open(1280, 900);
    let (shown, pages) = print_results(&b, cramps(), "10-print-results");
    assert!(shown["foods"].as_u64().unwrap_or(0) > 0, "foods for this diet are printed: {shown}");
    assert!(shown["tips"].as_u64().unwrap_or(0) > 0, "the tips are printed: {shown}");
    assert!((1..=2).contains(&pages), "a one- or two-page handout, not {pages}");
    let (_, pages) = print_results(&b, complex(), "11-print-70-year-old");
    assert!((1..=2).contains(&pages), "the longest results print on two pages at most, not {pages}");
    print_results(&b, clot(), "12-print-emergency");
    b.close();
}
