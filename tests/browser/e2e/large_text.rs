//! Large text that fits: every screen of three people's journeys at 200% zoom on a 390 px
//! phone (a 195 px wide page) and at 400% on a desktop (320 px), with nothing wider than
//! the page, the language switch folded into one control, "None of these" in the first
//! screenful of a long checklist, and Erase that loses nothing at one tap.

use crate::browser::{root_js, Browser};
use crate::embedding::{page, HostDir, LOADER};
use crate::screens::{complex, js, next_screen, screen, Answers};
use serde_json::{json, Value as Json};

/// (width, height) in CSS px: a 1280 × 720 desktop at 400%, a 390 × 844 phone at 200%
/// (the phone last: the screenshots and the next step are taken at its size).
const ZOOMED: &[(u32, u32)] = &[(320, 180), (195, 422)];

/// A 7-year-old whose legs ache in the evening most nights, fine by morning.
fn child() -> &'static Answers {
    fixture(&[
        ("age", &["under_13"]),
        ("sensation", &["aching"]),
        ("cramp_pattern", &[]),
        ("child_pattern", &["both_legs_evening", "fine_morning"]),
        ("frequency", &["most_nights"]),
        ("legs", &[]),
        ("sex", &["female"]),
        ("eats", &["greens", "wholegrains", "fruit_veg", "dairy", "meat_fish_eggs"]),
    ])
}

/// 30 weeks pregnant, with restless legs that spoil her sleep (she answers in Spanish).
fn pregnant_rls() -> &'static Answers {
    fixture(&[
        ("sensation", &["urge_to_move"]),
        ("cramp_pattern", &[]),
        ("rls_pattern", &["rest_worse", "moving_helps", "evening_worse", "sleep_spoiled"]),
        ("since", &["weeks"]),
        ("frequency", &["most_nights"]),
        ("legs", &["both_legs"]),
        ("sex", &["pregnant"]),
        ("pregnancy_signs", &["none"]),
        ("eats", &["fruit_veg", "dairy", "meat_fish_eggs"]),
    ])
}

/// The shared base answers (lpq-fixtures) with `changes` made, kept for the run.
fn fixture(changes: &[(&'static str, &'static [&'static str])]) -> &'static Answers {
    Box::leak(lpq_fixtures::pairs(changes).into_boxed_slice())
}

/// What doesn't fit at the width on show: the page scrolling sideways, any element of
/// the widget outside the viewport, and any element whose content is wider than it
/// (scrollWidth over clientWidth: text cut off or spilling out). Page JavaScript that
/// returns the list.
const OVERFLOW_JS: &str = "const w = window.innerWidth, out = [];
     const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '')
         + ' \"' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '\"';
     if (document.documentElement.scrollWidth > w) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${w}`);
     for (const el of root.querySelectorAll('*')) {
       if (el.closest('.lpq-visually-hidden') || !el.checkVisibility()) continue;
       const r = el.getBoundingClientRect();
       if (r.width === 0 && r.height === 0) continue;
       if (r.left < -0.5 || r.right > w + 0.5) out.push(`outside the ${w} px page (${Math.round(r.left)}..${Math.round(r.right)}): ${describe(el)}`);
       if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
         out.push(`content ${el.scrollWidth} px wide in ${el.clientWidth} px: ${describe(el)}`);
     }
     return out;";

/// The language switch is one control here: its languages are hidden until opened.
/// Page JavaScript that returns `ok` or what is wrong.
const FOLDED_JS: &str = "const m = root.querySelector('.lpq-language-menu'); if (!m) return 'no menu';
     const s = m.querySelector('.lpq-language-toggle');
     if (!s || !s.checkVisibility()) return 'the menu control is hidden';
     const inside = [...root.querySelectorAll('[data-locale]')].every(l => m.contains(l));
     if (!inside) return 'a language is outside the menu';
     if (!m.hasAttribute('data-open') && [...m.querySelectorAll('[data-locale]')].some(l => l.checkVisibility())) return 'languages show while folded';
     return 'ok';";

/// In a long checklist "None of these" comes before the signs, not after all of them.
/// Page JavaScript that returns `first`, where it comes, or null (no long checklist).
const NONE_AT_JS: &str = "const options = [...root.querySelectorAll('[data-question] [data-option]')];
     const none = root.querySelector('[data-question] [data-option=none]');
     if (!none || options.length <= 7) return null;
     const signs = options.filter(o => !['none', 'not_sure'].includes(o.dataset.option));
     const firstSign = Math.min(...signs.map(o => o.getBoundingClientRect().top));
     return none.getBoundingClientRect().bottom <= firstSign ? 'first' : `after ${signs.filter(o => o.getBoundingClientRect().top < none.getBoundingClientRect().top).length} signs`;";

/// Checks the screen on show at both zoomed sizes (one script a size); a screenshot of
/// each at 195 px.
fn audit(b: &Browser, person: &str, n: usize, name: &str, problems: &mut Vec<String>) {
    let script = format!(
        "{} return {{ width: window.innerWidth, overflow: (() => {{ {OVERFLOW_JS} }})(),
           folded: (() => {{ {FOLDED_JS} }})(), none_at: (() => {{ {NONE_AT_JS} }})(),
           height: document.documentElement.scrollHeight }};",
        root_js(0)
    );
    let mut height = 0.0;
    for &(w, h) in ZOOMED {
        b.viewport(w, h);
        let seen = b.run(&script);
        let width = &seen["width"];
        if *width != json!(w) {
            problems.push(format!("[{person} {name} @ {w} px] the page grew to {width} px: something is too wide"));
        }
        let overflow = seen["overflow"].as_array().expect("a list");
        problems
            .extend(overflow.iter().map(|p| format!("[{person} {name} @ {w} px] {}", p.as_str().unwrap_or_default())));
        let folded = &seen["folded"];
        if *folded != json!("ok") {
            problems.push(format!("[{person} {name} @ {w} px] language switch: {folded}"));
        }
        if let Some(at) = seen["none_at"].as_str().filter(|at| *at != "first") {
            problems.push(format!("[{person} {name} @ {w} px] “None of these” comes {at}"));
        }
        height = seen["height"].as_f64().unwrap_or(0.0);
    }
    // At 195 px now (the last size checked).
    shoot(b, &format!("30-{person}-{n:02}-{name}"), height);
}

/// The whole screen at 195 px as `<name>-195px.png`, and its first 1600 px in pieces of
/// 800 (`<name>-195px-top-N.png`), small enough to read. `height`: the page's, at 195 px.
fn shoot(b: &Browser, name: &str, height: f64) {
    let path = crate::output_dir().join(format!("{name}-195px.png"));
    b.screenshot(&path);
    assert!(std::fs::read(&path).expect("screenshot written").starts_with(b"\x89PNG"), "{name}");
    for (i, top) in [0.0, 800.0].into_iter().enumerate().filter(|(_, top)| *top < height) {
        let clip = json!({ "x": 0, "y": top, "width": 195, "height": 800f64.min(height - top), "scale": 1 });
        let shot = b.cdp(
            "Page.captureScreenshot",
            json!({ "format": "png", "captureBeyondViewport": true, "clip": clip, "optimizeForSpeed": true }),
        );
        let data = crate::browser::base64_decode(shot["data"].as_str().expect("screenshot data"));
        std::fs::write(crate::output_dir().join(format!("{name}-195px-top-{}.png", i + 1)), data).unwrap();
    }
}

/// Walks one person's journey from the intro to the results, auditing every screen.
/// Returns (screens, taps) as a person would count them.
fn walk(b: &Browser, person: &str, answers: &Answers, problems: &mut Vec<String>) -> (usize, usize) {
    let (mut screens, mut taps) = (0, 0);
    for _ in 0..60 {
        let now = screen(b);
        screens += 1;
        let name = now.replace(':', "-");
        if now == "results" {
            js(b, "root.querySelectorAll('details').forEach(d => d.open = true); return true;");
            audit(b, person, screens, &name, problems);
            return (screens, taps);
        }
        audit(b, person, screens, &name, problems);
        taps += match now.as_str() {
            "intro" | "review" => 1,
            s if s.starts_with("interrupt:") => 1,
            s => {
                // A page may ask more than one question (who, with the age): a tap per
                // choice on each, and one for Next.
                let head = s.trim_start_matches("q:").to_string();
                let others = b.page_questions(0).into_iter().filter(|q| *q != head);
                let page: Vec<String> = std::iter::once(head.clone()).chain(others).collect();
                let chosen =
                    page.iter().map(|id| {
                        answers.iter().find(|(q, _)| q == id).map(|(_, c)| c.len()).unwrap_or_else(|| {
                            panic!("{person}: the quiz asked `{id}`, which the journey doesn't answer")
                        })
                    });
                chosen.sum::<usize>() + 1
            }
        };
        // Start, Continue, Submit, or the choices and Next, in one script run in the page.
        b.step(0, answers);
    }
    panic!("{person}: never reached the results");
}

fn fresh(b: &Browser, url: &str) {
    b.goto(url);
    b.run("localStorage.clear(); sessionStorage.clear(); return true;");
    b.goto(url);
    b.wait_for(0, "[data-action=\"start\"]");
}

pub fn every_screen_fits_at_200_and_400_percent() {
    let dir = HostDir::new("large-text");
    dir.write("es.html", &page(LOADER, "<leg-pain-quiz lang=\"es\" storage-key=\"es\"></leg-pain-quiz>"));
    let server = dir.serve(vec![]);
    let b = Browser::open(195, 422);
    let mut problems = Vec::new();
    let mut counts = Vec::new();
    for (person, url, answers) in [
        ("78-year-old", crate::site().url("/"), complex()),
        ("child", crate::site().url("/"), child()),
        ("pregnant-es", server.url("/es.html"), pregnant_rls()),
    ] {
        fresh(&b, &url);
        let (screens, taps) = walk(&b, person, answers, &mut problems);
        counts.push(format!("{person}: {screens} screens, {taps} taps"));
    }
    println!("{}", counts.join("\n"));
    assert!(problems.is_empty(), "{} problems at 200% and 400% zoom:\n{}", problems.len(), problems.join("\n"));
    // The folded language switch opens to every language, each still a `data-locale`.
    b.viewport(195, 422);
    b.click(0, ".lpq-language-toggle");
    let shown = js(
        &b,
        "return [...root.querySelectorAll('[data-locale]')].filter(l => l.checkVisibility()).map(l => l.dataset.locale);",
    );
    assert_eq!(shown, json!(["en-GB", "en-US", "es"]), "the opened language menu lists every language");
    let height = b.run("return document.documentElement.scrollHeight;").as_f64().unwrap_or(0.0);
    shoot(&b, "30-language-menu-open", height);
    b.close();
}

/// One tap on Erase loses nothing: the answers go from the device, and Undo brings them
/// back, saved again, at the question the person was on.
pub fn one_tap_on_erase_loses_nothing() {
    let b = Browser::open(390, 844);
    fresh(&b, &crate::site().url("/"));
    b.click(0, "[data-action=\"start\"]");
    for (q, c) in [("age", &["over_70"][..]), ("sensation", &["cramp"])] {
        b.answer(0, q, c);
        next_screen(&b, &format!("q:{q}"));
    }
    let saved = crate::embedding::storage(&b, "leg-pain-quiz:page").unwrap_or_default();
    assert!(saved.contains("over_70"), "saved before erasing: {saved}");
    b.click(0, ".lpq-footer [data-action=\"erase\"]");
    b.wait_for(0, "[data-action=\"undo\"]");
    assert_eq!(screen(&b), "intro", "erasing shows the start");
    assert_eq!(b.run("return localStorage.getItem('leg-pain-quiz:page');"), Json::Null, "erased from the device");
    b.click(0, "[data-action=\"undo\"]");
    let back = next_screen(&b, "intro");
    assert_eq!(back, "q:cramp_pattern", "Undo returns to the question the person was on");
    b.wait_until(
        "const s = localStorage.getItem('leg-pain-quiz:page'); return !!s && s.includes('over_70');",
        "the answers saved again after Undo",
    );
    b.click(0, "[data-action=\"back\"]");
    b.wait_for(0, "[data-question=\"sensation\"] [data-option=\"cramp\"] input:checked");
    b.close();
}
