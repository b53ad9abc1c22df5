//! The one-tag embed on other people's pages: two widgets on a hostile page, style
//! isolation both ways, host events, a strict CSP, attributes, another origin, erasing,
//! no WebAssembly, and the full page inside an iframe.

use crate::browser::{root_js, Browser};
use crate::screens::{dvt, low_magnesium, vegan_b12};
use crate::server::Server;
use crate::{dist, site};
use serde_json::{json, Value as Json};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::screens::Answers;

const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// A throwaway site folder: pages written by the test, with `dist/` linked in so a page
/// can load `dist/leg-pain-quiz.js` from the same origin.
pub(crate) struct HostDir {
    dir: PathBuf,
}

impl HostDir {
    pub(crate) fn new(name: &str) -> HostDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("lpq-embed-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let target = std::fs::canonicalize(dist()).unwrap();
        std::os::unix::fs::symlink(target, dir.join("dist")).unwrap();
        HostDir { dir }
    }

    pub(crate) fn write(&self, file: &str, text: &str) -> &HostDir {
        std::fs::write(self.dir.join(file), text).unwrap();
        self
    }

    pub(crate) fn serve(&self, headers: Vec<(String, String)>) -> Server {
        Server::start(self.dir.clone(), headers)
    }
}

impl Drop for HostDir {
    fn drop(&mut self) {
        // remove_dir_all removes the dist link itself, never what it points to.
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A minimal HTML page; `data:,` as the icon so the browser asks for no favicon.
pub(crate) fn page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>host page</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
}

pub(crate) const LOADER: &str = r#"<script type="module" src="dist/leg-pain-quiz.js"></script>"#;

/// Waits until widget `widget` has mounted (its Start button exists).
pub(crate) fn mounted(b: &Browser, widget: usize) {
    b.wait_for(widget, "[data-action=\"start\"]");
}

/// Read once the next frame is painted: the quiz saves a change after painting the screen
/// it made, so a read straight after a step could find the answers before it.
pub(crate) fn storage(b: &Browser, key: &str) -> Option<String> {
    let js = format!("return {AFTER_PAINT}.then(() => localStorage.getItem({}));", json!(key));
    b.run(&js).as_str().map(str::to_string)
}

/// A promise settled after the quiz's own after-paint work (a frame, then a task: the
/// loader's `painted`), queued behind any the quiz has already asked for.
const AFTER_PAINT: &str = "new Promise((done) => requestAnimationFrame(() => setTimeout(done)))";

/// The widget's localStorage keys, sorted.
pub(crate) fn quiz_keys(b: &Browser) -> Vec<String> {
    let keys = b.run(&format!(
        "return {AFTER_PAINT}.then(() => Object.keys(localStorage).filter(k => k.startsWith('leg-pain-quiz:')).sort());"
    ));
    keys.as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect()
}

/// Clicks Start, answers everything, submits, and waits for the results.
pub(crate) fn finish(b: &Browser, widget: usize, answers: &Answers) {
    b.complete(widget, answers);
    b.click(widget, "[data-action=\"submit\"]");
    b.wait_for(widget, "[data-results]");
}

/// What the results screen shows: triage level, red flags, nutrients in order.
pub(crate) fn results(b: &Browser, widget: usize) -> Json {
    b.run(&format!(
        "{} const r = root.querySelector('[data-results]'); if (!r) return null;
         return {{ triage: r.querySelector('[data-triage]').dataset.triage,
                  flags: [...r.querySelectorAll('[data-flag]')].map(e => e.dataset.flag),
                  nutrients: [...r.querySelectorAll('[data-nutrient]')].map(e => e.dataset.nutrient),
                  foods: r.querySelectorAll('[data-food]').length }};",
        root_js(widget)
    ))
}

/// The screen a widget shows: `intro`, `interrupt`, `review`, `results` or `q:<id>`
/// (the app's: not the loader's copy of the first screen).
pub(crate) fn screen(b: &Browser, widget: usize) -> String {
    let js = format!(
        "{} if (!root || !root.querySelector('.lpq-app:not([data-lpq-early])')) return null;
         if (root.querySelector('[data-results]')) return 'results';
         if (root.querySelector('.lpq-review')) return 'review';
         if (root.querySelector('.lpq-interrupt')) return 'interrupt';
         const q = root.querySelector('[data-question]'); if (q) return 'q:' + q.dataset.question;
         if (root.querySelector('.lpq-intro')) return 'intro'; return null;",
        root_js(widget)
    );
    b.wait_until(&js, &format!("widget {widget} to show a screen")).as_str().unwrap().to_string()
}

/// Waits until widget `widget` shows `expected` (see [`screen`]), and says what it shows if not.
pub(crate) fn expect_screen(b: &Browser, widget: usize, expected: &str, why: &str) {
    let started = std::time::Instant::now();
    loop {
        let now = screen(b, widget);
        if now == expected {
            return;
        }
        if started.elapsed() > std::time::Duration::from_secs(15) {
            panic!("{why}: widget {widget} shows `{now}`, expected `{expected}`");
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

fn lookup(answers: &Answers, question: &str) -> &'static [&'static str] {
    answers
        .iter()
        .find(|(q, _)| *q == question)
        .map(|(_, c)| *c)
        .unwrap_or_else(|| panic!("no answer for `{question}`"))
}

/// 1. Two widgets on the hostile demo page: independent answers, results, saves and resumes.
pub fn two_widgets_on_a_hostile_page_are_independent() {
    let b = Browser::open(1280, 900);
    b.goto(&site().url("/embed-demo.html"));
    mounted(&b, 0);
    mounted(&b, 1);
    // The hostile rules are really in force on the host's own elements.
    let host = b
        .run("const p = getComputedStyle(document.querySelector('.host-text')); const btn = getComputedStyle(document.querySelector('.host-button'));
              return [p.fontSize, p.color, btn.display];");
    assert_eq!(host, json!(["40px", "rgb(255, 0, 0)", "none"]), "the demo page is hostile");

    // A starts and reaches its urgent interrupt; B is untouched meanwhile.
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", lookup(dvt(), "age"));
    b.answer(0, "sensation", lookup(dvt(), "sensation"));
    b.answer(0, "leg_signs", lookup(dvt(), "leg_signs"));
    expect_screen(&b, 0, "interrupt", "one swollen leg interrupts widget A");
    assert!(b.exists(0, "[data-triage=\"urgent\"] [data-flag=\"possible_dvt\"]"));
    assert_eq!(screen(&b, 1), "intro", "widget B is still on its intro");
    assert_eq!(quiz_keys(&b), ["leg-pain-quiz:demo-a"]);

    // B starts with its own answers; A stays on its interrupt.
    b.click(1, "[data-action=\"start\"]");
    b.answer(1, "age", lookup(vegan_b12(), "age"));
    b.answer(1, "sensation", lookup(vegan_b12(), "sensation"));
    b.answer(1, "leg_signs", lookup(vegan_b12(), "leg_signs"));
    b.wait_for(1, "[data-question=\"body_signs\"]");
    assert_eq!(screen(&b, 0), "interrupt", "answering in B leaves A alone");
    assert_eq!(screen(&b, 1), "q:body_signs");

    let keys = quiz_keys(&b);
    assert_eq!(keys, ["leg-pain-quiz:demo-a", "leg-pain-quiz:demo-b"], "one save per widget");
    let saved_a = storage(&b, "leg-pain-quiz:demo-a").unwrap();
    let saved_b = storage(&b, "leg-pain-quiz:demo-b").unwrap();
    assert!(
        saved_a.contains("one_leg_pain_swelling") && !saved_a.contains("tingling"),
        "A's save holds A's answers: {saved_a}"
    );
    assert!(
        saved_b.contains("tingling") && !saved_b.contains("one_leg_pain_swelling"),
        "B's save holds B's answers: {saved_b}"
    );

    // A reload resumes each where it was.
    b.client.refresh().unwrap();
    assert_eq!(screen(&b, 0), "interrupt", "A resumes on its urgent guidance");
    assert_eq!(screen(&b, 1), "q:body_signs", "B resumes on its next question");

    // Both finish, each with its own results.
    b.complete(0, dvt());
    assert_eq!(screen(&b, 1), "q:body_signs", "finishing A doesn't move B");
    b.click(0, "[data-action=\"submit\"]");
    b.wait_for(0, "[data-results]");
    finish(&b, 1, vegan_b12());

    let a = results(&b, 0);
    let bb = results(&b, 1);
    assert_eq!(a["triage"], "urgent", "A: {a}");
    assert!(a["flags"].as_array().unwrap().contains(&json!("possible_dvt")), "A: {a}");
    assert!(!a["nutrients"].as_array().unwrap().contains(&json!("vitamin_b12")), "A has no B12 finding: {a}");
    assert_eq!(bb["triage"], "soon", "B: {bb}");
    assert!(!bb["flags"].as_array().unwrap().contains(&json!("possible_dvt")), "B: {bb}");
    assert_eq!(bb["nutrients"][0], "vitamin_b12", "B: {bb}");
    assert!(bb["foods"].as_u64().unwrap() > 0, "B suggests foods: {bb}");

    // Reloading shows each its own results again.
    b.client.refresh().unwrap();
    b.wait_for(0, "[data-results]");
    b.wait_for(1, "[data-results]");
    assert_eq!(results(&b, 0), a, "A's results survive a reload");
    assert_eq!(results(&b, 1), bb, "B's results survive a reload");
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    b.close();
}

/// Computed styles of elements inside widget `widget`: `selectors` → property → value,
/// plus the rendered width and height (except for the outer `.lpq-root`).
fn widget_styles(b: &Browser, widget: usize, selectors: &[&str]) -> Json {
    b.run(&format!(
        "{} const props = ['font-size', 'color', 'font-family', 'font-weight', 'line-height', 'letter-spacing',
            'word-spacing', 'text-transform', 'text-align', 'display', 'background-color', 'margin-top',
            'padding-top', 'padding-left', 'border-top-width', 'border-top-color', 'border-top-left-radius', 'direction'];
         const out = {{}};
         for (const sel of {}) {{
           const el = root.querySelector(sel);
           if (!el) {{ out[sel] = null; continue; }}
           const cs = getComputedStyle(el); const box = el.getBoundingClientRect();
           out[sel] = Object.fromEntries(props.map(p => [p, cs.getPropertyValue(p)]));
           // The outer container fills whatever width the host gives the element; from the
           // card inwards the widget sizes itself.
           if (sel !== '.lpq-root') {{ out[sel].width = box.width; out[sel].height = box.height; }}
         }}
         return out;",
        root_js(widget),
        json!(selectors)
    ))
}

/// Computed styles of host elements in the light DOM.
fn host_styles(b: &Browser, selectors: &[&str]) -> Json {
    b.run(&format!(
        "const props = ['font-size', 'color', 'font-family', 'font-weight', 'line-height', 'letter-spacing', 'display',
            'background-color', 'margin-top', 'padding-top', 'border-top-width', 'width', 'text-transform'];
         const out = {{ sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length }};
         for (const sel of {}) {{
           const el = document.querySelector(sel);
           out[sel] = el ? Object.fromEntries(props.map(p => [p, getComputedStyle(el).getPropertyValue(p)])) : null;
         }}
         return out;",
        json!(selectors)
    ))
}

fn assert_same(hostile: &Json, plain: &Json, what: &str) {
    let (Json::Object(h), Json::Object(p)) = (hostile, plain) else { panic!("style maps expected") };
    for (sel, values) in p {
        assert!(!values.is_null(), "{what}: `{sel}` not found on the plain page");
        assert_eq!(h.get(sel), Some(values), "{what}: `{sel}` differs between the pages");
    }
}

const INTRO: &[&str] = &[
    ".lpq-root",
    ".lpq-app",
    ".lpq-brand",
    "#lpq-intro-title",
    ".lpq-lead",
    ".lpq-points li",
    ".lpq-warning-signs",
    "[data-action=\"start\"]",
];
const QUESTION: &[&str] = &[
    ".lpq-caption",
    ".lpq-prompt",
    "[data-option]",
    ".lpq-choice-label",
    ".lpq-choice-hint",
    "[data-action=\"next\"]",
    "[data-action=\"back\"]",
];

/// 2. Host CSS can't change the widget, and the widget can't change the host.
pub fn styles_do_not_cross_the_boundary() {
    let dir = HostDir::new("styles");
    dir.write(
        "plain.html",
        &page(
            &format!("<link rel=\"stylesheet\" href=\"plain.css\">\n{LOADER}"),
            "<leg-pain-quiz id=\"quiz-a\" storage-key=\"plain-a\" theme=\"light\"></leg-pain-quiz>\n\
             <leg-pain-quiz id=\"quiz-b\" storage-key=\"plain-b\" theme=\"dark\" class=\"themed\"></leg-pain-quiz>",
        ),
    )
    .write("plain.css", ".themed { --lpq-accent: #7a2eb8; --lpq-radius: 2px; --lpq-font: Georgia, serif; }\n");
    // A normal host page whose own elements reuse the widget's class names: a leak would show.
    let host_body = "<h1 class=\"title\">A health site</h1>\n<p class=\"intro\">Some text about sleep.</p>\n\
        <div class=\"lpq-root\"><div class=\"lpq-app\"><p class=\"lpq-lead\">Lead</p>\n\
        <button class=\"lpq-button lpq-primary\" data-action=\"start\">Host button</button>\n\
        <label class=\"lpq-choice\">Host label</label></div></div>";
    let host_css = "html { font-size: 18px; }\nbody { font-family: Georgia, serif; color: #222; background: #fafafa; line-height: 1.7; margin: 24px; }\n\
        h1 { font-size: 2rem; color: #036; letter-spacing: 0.02em; }\np { margin: 0 0 1em; }\n";
    dir.write("host.css", host_css)
        .write(
            "with.html",
            &page(
                &format!("<link rel=\"stylesheet\" href=\"host.css\">\n{LOADER}"),
                &format!("{host_body}\n<leg-pain-quiz storage-key=\"with\"></leg-pain-quiz>"),
            ),
        )
        .write("without.html", &page("<link rel=\"stylesheet\" href=\"host.css\">", host_body));
    let server = dir.serve(vec![]);

    let b = Browser::open(1280, 900);
    let mut hostile = Vec::new();
    let mut plain = Vec::new();
    for (url, out) in [(site().url("/embed-demo.html"), &mut hostile), (server.url("/plain.html"), &mut plain)] {
        b.goto(&url);
        for w in 0..2 {
            mounted(&b, w);
            let intro = widget_styles(&b, w, INTRO);
            b.click(w, "[data-action=\"start\"]");
            b.answer(w, "age", &["18_50"]);
            b.wait_for(w, "[data-question=\"sensation\"]");
            let question = widget_styles(&b, w, QUESTION);
            out.push((intro, question));
        }
    }
    for w in 0..2 {
        assert_same(&hostile[w].0, &plain[w].0, &format!("widget {w}, intro"));
        assert_same(&hostile[w].1, &plain[w].1, &format!("widget {w}, first question"));
    }
    // And what they share is the widget's own look, not some common breakage.
    let (a, bb) = (&plain[0], &plain[1]);
    // The browser's own text size (`medium`, 16 px by default), not the host page's.
    assert_eq!(a.0[".lpq-root"]["font-size"], "16px");
    assert_eq!(a.0[".lpq-root"]["letter-spacing"], "normal");
    assert_eq!(a.0[".lpq-app"]["width"], 816.0, "48em of 17 px");
    assert_eq!(a.0[".lpq-app"]["background-color"], "rgb(255, 255, 255)");
    let start = &a.0["[data-action=\"start\"]"];
    assert_eq!(start["display"], "flex", "a (blockified) flex item of the actions row, not hidden");
    assert!(start["height"].as_f64().unwrap() >= 44.0, "Start is a 44 px target: {start}");
    assert_eq!(a.1["[data-option]"]["display"], "flex");
    assert_eq!(a.1["[data-option]"]["width"], 748.0, "choices fill the 816 px card less its 2em padding");
    // The themed widget takes the custom properties set on its element.
    assert!(
        bb.0[".lpq-root"]["font-family"].as_str().unwrap().starts_with("Georgia"),
        "--lpq-font: {}",
        bb.0[".lpq-root"]
    );
    assert_eq!(bb.0["[data-action=\"start\"]"]["background-color"], "rgb(122, 46, 184)", "--lpq-accent");
    assert_eq!(bb.0["[data-action=\"start\"]"]["border-top-left-radius"], "2px", "--lpq-radius");
    assert_eq!(bb.0[".lpq-app"]["background-color"], "rgb(22, 27, 34)", "theme=dark");

    // The widget leaves the host page as it was.
    let selectors =
        ["html", "body", "h1", "p.intro", ".lpq-root", ".lpq-app", ".lpq-lead", ".lpq-button", ".lpq-choice"];
    b.goto(&server.url("/without.html"));
    let without = host_styles(&b, &selectors);
    b.goto(&server.url("/with.html"));
    mounted(&b, 0);
    let with = host_styles(&b, &selectors);
    assert_eq!(with, without, "the widget changed the host page's styles");
    assert_eq!(with["h1"]["font-size"], "36px", "the host's own rem sizing holds");
    assert_ne!(
        with[".lpq-button"]["background-color"], "rgb(11, 92, 173)",
        "the widget's accent stays in its shadow root"
    );
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    b.close();
}

/// The events the demo page logged for `source`: (name, detail).
fn host_events(b: &Browser, source: &str) -> Vec<(String, Json)> {
    let list = b.run(&format!(
        "return [...document.querySelectorAll('#host-events li')].filter(li => li.dataset.source === {})
               .map(li => [li.dataset.event, JSON.parse(li.dataset.detail)]);",
        json!(source)
    ));
    list.as_array().unwrap().iter().map(|pair| (pair[0].as_str().unwrap().to_string(), pair[1].clone())).collect()
}

/// Answers widget `widget` to the review. On each question, the newest lpq-step from
/// `source` names the part of the quiz shown in its caption ("Part 2 of 4: …"), and, when
/// `detailed`, the question. Returns how many questions were asked.
fn drive_checking_steps(b: &Browser, widget: usize, source: &str, answers: &Answers, detailed: bool) -> usize {
    let mut asked = 0;
    for _ in 0..40 {
        let now = screen(b, widget);
        if now == "review" {
            return asked;
        }
        if now == "interrupt" {
            b.click(widget, "[data-action=\"continue\"]");
            b.wait_until(
                &format!("{} return root && !root.querySelector('.lpq-interrupt');", root_js(widget)),
                "the interrupt to close",
            );
            continue;
        }
        let id = now.trim_start_matches("q:").to_string();
        asked += 1;
        let caption = b.run(&format!("{} return root.querySelector('.lpq-caption').textContent;", root_js(widget)));
        let caption = caption.as_str().unwrap();
        let numbers: Vec<u64> =
            caption.split(|c: char| !c.is_ascii_digit()).filter_map(|w| w.parse().ok()).take(2).collect();
        let expected = if detailed {
            json!({ "step": numbers[0], "total": numbers[1], "question": id, "version": leg_pain_quiz::VERSION })
        } else {
            json!({ "step": numbers[0], "total": numbers[1], "version": leg_pain_quiz::VERSION })
        };
        let js = format!(
            "const items = [...document.querySelectorAll('#host-events li')].filter(li => li.dataset.source === {} && li.dataset.event === 'lpq-step');
             if (!items.length) return false; const d = JSON.parse(items[items.length - 1].dataset.detail), e = {};
             return Object.keys(d).length === Object.keys(e).length && Object.keys(e).every(k => d[k] === e[k]);",
            json!(source),
            expected
        );
        b.wait_until(&js, &format!("lpq-step {expected} from {source} (caption `{caption}`)"));
        // The page's questions (the age, beside who it is about) answered and Next, in one
        // script run in the page: the steps are the point here, the clicks are the journeys'.
        b.step(widget, answers);
    }
    panic!("widget {widget} never reached the review");
}

/// 3a. By default the host learns only that the quiz started, which part of how many
/// (a total that never depends on the answers), and that it finished: no question ids,
/// no triage, no nutrients. The events bubble out of the shadow root.
pub fn host_events_by_default_tell_only_progress() {
    let b = Browser::open(1280, 900);
    b.goto(&site().url("/embed-demo.html"));
    mounted(&b, 0);
    mounted(&b, 1);
    b.run(
        "window.seen = []; for (const name of ['lpq-start', 'lpq-step', 'lpq-complete'])
           document.addEventListener(name, e => window.seen.push({ name, bubbles: e.bubbles, composed: e.composed,
             target: e.target.id, tag: e.target.tagName.toLowerCase() }));",
    );
    assert!(host_events(&b, "quiz-a").is_empty(), "nothing is sent before the person starts");

    let mut step_lists = Vec::new();
    for (w, source, answers) in [(0, "quiz-a", dvt()), (1, "quiz-b", vegan_b12())] {
        b.click(w, "[data-action=\"start\"]");
        let asked = drive_checking_steps(&b, w, source, answers, false);
        b.click(w, "[data-action=\"submit\"]");
        b.wait_for(w, "[data-results]");
        b.wait_until(
            &format!("return !!document.querySelector('#host-events li[data-source=\"{source}\"][data-event=\"lpq-complete\"]');"),
            "lpq-complete",
        );
        let events = host_events(&b, source);
        let names: Vec<&str> = events.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names.first(), Some(&"lpq-start"), "{source}: start comes first: {names:?}");
        assert_eq!(names.last(), Some(&"lpq-complete"), "{source}: {names:?}");
        assert_eq!(names.iter().filter(|n| **n == "lpq-start" || **n == "lpq-complete").count(), 2, "{names:?}");
        let steps: Vec<Json> = events.iter().filter(|(n, _)| n == "lpq-step").map(|(_, d)| d.clone()).collect();
        assert!(steps.len() < asked, "{source}: one step event per part, not per question ({asked} asked): {steps:?}");
        for (name, detail) in &events {
            let keys: BTreeSet<&str> = detail.as_object().unwrap().keys().map(String::as_str).collect();
            // Start and complete say only which language the person used (it can differ from
            // the host's if they switched); every event says which release sent it.
            let allowed: BTreeSet<&str> =
                if name == "lpq-step" { ["step", "total", "version"].into() } else { ["locale", "version"].into() };
            assert_eq!(keys, allowed, "{source} {name}: {detail}");
            assert_eq!(detail["version"], leg_pain_quiz::VERSION, "{source} {name}");
        }
        step_lists.push(steps);
        if w == 0 {
            assert!(host_events(&b, "quiz-b").is_empty(), "widget B sent nothing while A was used");
        }
    }
    // Two people with different answers send the very same progress: it reveals nothing.
    assert_eq!(step_lists[0], step_lists[1], "the same steps whatever the answers");
    assert!(step_lists[0].iter().all(|d| d["total"] == step_lists[0][0]["total"]), "a stable total");

    let seen = b.run("return window.seen;");
    for e in seen.as_array().unwrap() {
        assert_eq!(
            (e["bubbles"].clone(), e["composed"].clone(), e["tag"].clone()),
            (json!(true), json!(true), json!("leg-pain-quiz")),
            "{e}"
        );
        assert!(e["target"] == "quiz-a" || e["target"] == "quiz-b", "{e}");
    }
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");

    // Resuming saved results tells the host again (as the README says), without a start.
    b.client.refresh().unwrap();
    for source in ["quiz-a", "quiz-b"] {
        b.wait_until(
            &format!("return !!document.querySelector('#host-events li[data-source=\"{source}\"][data-event=\"lpq-complete\"]');"),
            "lpq-complete after a reload",
        );
        let events = host_events(&b, source);
        let expected = json!({ "locale": "en-GB", "version": leg_pain_quiz::VERSION });
        assert_eq!(events, vec![("lpq-complete".to_string(), expected)], "{source} after a reload");
    }
    b.close();
}

/// 3b. `events="detailed"` adds question ids, the triage level and the nutrients;
/// `events="off"` sends nothing; any other value is the default, with a warning.
pub fn detailed_events_only_when_the_host_asks() {
    let dir = HostDir::new("events");
    let log = r#"<script type="module">
        const log = document.getElementById('host-events');
        for (const name of ['lpq-start', 'lpq-step', 'lpq-complete'])
          document.addEventListener(name, (e) => { const li = document.createElement('li'); li.dataset.event = name;
            li.dataset.source = e.target.id; li.dataset.detail = JSON.stringify(e.detail); log.append(li); });
      </script>"#;
    dir.write(
        "events.html",
        &page(
            &format!("{LOADER}\n{log}"),
            "<leg-pain-quiz id=\"quiz-a\" events=\"detailed\"></leg-pain-quiz>\n\
             <leg-pain-quiz id=\"quiz-b\" events=\"off\"></leg-pain-quiz>\n\
             <leg-pain-quiz id=\"quiz-c\" events=\"\"></leg-pain-quiz>\n<ol id=\"host-events\"></ol>",
        ),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/events.html"));
    for w in 0..3 {
        mounted(&b, w);
    }
    b.click(0, "[data-action=\"start\"]");
    drive_checking_steps(&b, 0, "quiz-a", dvt(), true);
    b.click(0, "[data-action=\"submit\"]");
    b.wait_for(0, "[data-results]");
    b.wait_until(
        "return !!document.querySelector('#host-events li[data-source=\"quiz-a\"][data-event=\"lpq-complete\"]');",
        "lpq-complete",
    );
    let (_, complete) = host_events(&b, "quiz-a").pop().unwrap();
    let shown = results(&b, 0);
    assert_eq!(complete["triage"], shown["triage"], "the event's triage is the one on screen");
    assert_eq!(complete["nutrients"], shown["nutrients"], "the event's nutrients are those on screen, in order");
    assert_eq!(complete["triage"], "urgent");

    b.click(1, "[data-action=\"start\"]");
    finish(&b, 1, vegan_b12());
    assert!(host_events(&b, "quiz-b").is_empty(), "events=\"off\" sends nothing");

    let problems = b.console_problems();
    assert_eq!(problems.len(), 1, "one warning, for events=\"\": {problems:#?}");
    assert!(problems[0].contains("events="), "{problems:#?}");
    b.close();
}

/// No element inside any widget carries a `style` attribute (a strict CSP blocks them).
fn no_style_attributes(b: &Browser) {
    let count = b
        .run("return [...document.querySelectorAll('leg-pain-quiz')].reduce((n, h) => n + (h.shadowRoot ? h.shadowRoot.querySelectorAll('[style]').length : 0), 0);");
    assert_eq!(count, json!(0), "style attributes inside the widget");
}

/// 4. Under a strict Content-Security-Policy the page and the demo work without a complaint.
pub fn strict_csp_page_and_demo_work_cleanly() {
    let strict = Server::start(dist(), vec![("Content-Security-Policy".into(), STRICT_CSP.into())]);
    let b = Browser::open(1280, 900);

    b.goto(&strict.url("/index.html"));
    b.click(0, "[data-action=\"start\"]");
    finish(&b, 0, low_magnesium());
    assert_eq!(results(&b, 0)["nutrients"][0], "magnesium");
    no_style_attributes(&b);
    let problems = b.console_problems();
    assert!(problems.is_empty(), "index.html under a strict CSP: {problems:#?}");
    assert!(b.foreign_requests(&[&strict.base]).is_empty());

    b.goto(&strict.url("/embed-demo.html"));
    b.click(0, "[data-action=\"start\"]");
    finish(&b, 0, dvt());
    b.click(1, "[data-action=\"start\"]");
    finish(&b, 1, vegan_b12());
    assert_eq!(results(&b, 0)["triage"], "urgent");
    assert_eq!(results(&b, 1)["nutrients"][0], "vitamin_b12");
    b.wait_until("return document.querySelectorAll('#host-events li').length > 0;", "the demo's event log");
    no_style_attributes(&b);
    let problems = b.console_problems();
    assert!(problems.is_empty(), "embed-demo.html under a strict CSP: {problems:#?}");

    // The policy really was in force: a style attribute is refused (and logs a violation).
    let probe = b
        .run("const d = document.createElement('div'); d.setAttribute('style', 'color: rgb(1, 2, 3)'); document.body.append(d);
              return getComputedStyle(d).color;");
    assert_ne!(probe, "rgb(1, 2, 3)", "the strict CSP header reached the browser");
    let problems = b.console_problems();
    assert!(
        problems.iter().any(|p| p.contains("Content Security Policy")),
        "violations show in the console: {problems:#?}"
    );
    b.close();
}

/// The background colour of widget `widget`'s card.
fn background(b: &Browser, widget: usize) -> String {
    let js = format!("{} return getComputedStyle(root.querySelector('.lpq-app')).backgroundColor;", root_js(widget));
    b.run(&js).as_str().unwrap().to_string()
}

/// 5a. theme and lang: dark renders dark, unknown values fall back with exactly one warning each.
pub fn theme_and_lang_attributes() {
    let dir = HostDir::new("themes");
    dir.write(
        "themes.html",
        &page(
            LOADER,
            "<leg-pain-quiz theme=\"dark\" storage-key=\"dark\"></leg-pain-quiz>\n\
             <leg-pain-quiz theme=\"light\" storage-key=\"light\"></leg-pain-quiz>\n\
             <leg-pain-quiz lang=\"fr\" theme=\"neon\" storage-key=\"neon\"></leg-pain-quiz>\n\
             <leg-pain-quiz lang=\"en-GB\" storage-key=\"auto\"></leg-pain-quiz>",
        ),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/themes.html"));
    for w in 0..4 {
        mounted(&b, w);
    }
    let theme = |w: usize| format!("{} return root.querySelector('.lpq-app').dataset.theme;", root_js(w));
    assert_eq!(b.run(&theme(0)), "dark");
    assert_eq!(b.run(&theme(1)), "light");
    assert_eq!(b.run(&theme(2)), "auto", "an unknown theme falls back to auto");
    assert_eq!(b.run(&theme(3)), "auto");
    assert_eq!(background(&b, 0), "rgb(22, 27, 34)", "theme=dark");
    assert_eq!(background(&b, 1), "rgb(255, 255, 255)", "theme=light");
    assert_eq!(background(&b, 2), "rgb(255, 255, 255)", "auto follows a light system");
    // The content is British English (the default) for an unsupported lang, and screen
    // readers are told so.
    for w in 0..4 {
        let lang = b.run(&format!(
            "{} return root.querySelector('.lpq-app').closest('[lang]')?.getAttribute('lang') ?? null;",
            root_js(w)
        ));
        assert_eq!(lang, "en-GB", "widget {w}'s content is marked as British English");
    }
    assert!(b
        .run(&format!("{} return root.textContent;", root_js(2)))
        .as_str()
        .unwrap()
        .contains(&crate::screens::ui_text("intro_title")));
    // The fallback works: start and answer in the lang=fr theme=neon widget.
    b.click(2, "[data-action=\"start\"]");
    b.answer(2, "age", &["18_50"]);
    b.answer(2, "sensation", &["cramp"]);
    b.wait_for(2, "[data-question=\"cramp_pattern\"]");

    let problems = b.console_problems();
    assert_eq!(problems.len(), 2, "exactly two warnings: {problems:#?}");
    assert!(
        problems.iter().any(|p| p.contains("lang=") && p.contains("fr") && p.contains("using en-GB")),
        "{problems:#?}"
    );
    assert!(problems.iter().any(|p| p.contains("theme=") && p.contains("neon") && p.contains("auto")), "{problems:#?}");

    // `auto` follows the system's dark mode; explicit themes don't.
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }));
    b.wait_until(
        &format!(
            "{} return getComputedStyle(root.querySelector('.lpq-app')).backgroundColor === 'rgb(22, 27, 34)';",
            root_js(3)
        ),
        "auto to turn dark",
    );
    assert_eq!(background(&b, 1), "rgb(255, 255, 255)", "theme=light stays light");
    b.close();
}

/// 5b. storage-key, persist="off", and the default keys in page order.
pub fn storage_attributes() {
    let dir = HostDir::new("storage");
    dir.write(
        "storage.html",
        &page(
            LOADER,
            "<leg-pain-quiz storage-key=\"one\"></leg-pain-quiz>\n\
             <leg-pain-quiz storage-key=\"two\"></leg-pain-quiz>\n\
             <leg-pain-quiz persist=\"off\" storage-key=\"nosave\"></leg-pain-quiz>\n\
             <leg-pain-quiz></leg-pain-quiz>\n\
             <leg-pain-quiz></leg-pain-quiz>\n\
             <leg-pain-quiz id=\"named\"></leg-pain-quiz>",
        ),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/storage.html"));
    for w in 0..6 {
        mounted(&b, w);
    }
    assert!(quiz_keys(&b).is_empty(), "nothing is saved before the person answers");

    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["18_50"]);
    b.answer(0, "sensation", &["cramp"]);
    b.wait_for(0, "[data-question=\"cramp_pattern\"]");
    assert_eq!(quiz_keys(&b), ["leg-pain-quiz:one"]);

    b.click(1, "[data-action=\"start\"]");
    b.answer(1, "age", &["18_50"]);
    b.answer(1, "sensation", &["tingling"]);
    b.wait_for(1, "[data-question=\"leg_signs\"]");
    assert_eq!(quiz_keys(&b), ["leg-pain-quiz:one", "leg-pain-quiz:two"]);
    assert!(storage(&b, "leg-pain-quiz:one").unwrap().contains("cramp"));
    assert!(!storage(&b, "leg-pain-quiz:one").unwrap().contains("tingling"), "storage-key separates saves");

    // persist="off": answering writes nothing.
    b.click(2, "[data-action=\"start\"]");
    b.answer(2, "age", &["18_50"]);
    b.answer(2, "sensation", &["aching"]);
    b.answer(2, "leg_signs", &["none"]);
    b.wait_for(2, "[data-question=\"body_signs\"]");
    // A saving widget answered after it, so a save from widget 2 would have landed by now.
    b.click(5, "[data-action=\"start\"]");
    b.answer(5, "age", &["18_50"]);
    b.answer(5, "sensation", &["urge_to_move"]);
    b.wait_for(5, "[data-question=\"rls_pattern\"]");
    b.wait_until("return localStorage.getItem('leg-pain-quiz:named') !== null;", "the id to name the save");
    assert_eq!(
        quiz_keys(&b),
        ["leg-pain-quiz:named", "leg-pain-quiz:one", "leg-pain-quiz:two"],
        "persist=off saved something"
    );
    assert_eq!(b.run("return Object.keys(localStorage).length;"), json!(3), "nothing else is written either");

    // Without a key or an id, the key follows the element's order on the page.
    b.click(4, "[data-action=\"start\"]");
    b.answer(4, "age", &["18_50"]);
    b.answer(4, "sensation", &["aching"]);
    b.wait_for(4, "[data-question=\"leg_signs\"]");
    assert!(quiz_keys(&b).contains(&"leg-pain-quiz:default-2".to_string()), "{:?}", quiz_keys(&b));

    b.client.refresh().unwrap();
    assert_eq!(screen(&b, 0), "q:cramp_pattern", "widget one resumes");
    assert_eq!(screen(&b, 1), "q:leg_signs", "widget two resumes");
    assert_eq!(screen(&b, 2), "intro", "persist=off starts afresh");
    assert_eq!(
        b.run(&format!("{} return root.querySelector('[data-action=\"start\"]').textContent;", root_js(2))),
        "Start"
    );
    assert_eq!(screen(&b, 3), "intro", "the first unnamed widget was never used");
    assert_eq!(screen(&b, 4), "q:leg_signs", "the second unnamed widget resumes its own answers");
    assert_eq!(screen(&b, 5), "q:rls_pattern", "the id-named widget resumes");
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    b.close();
}

/// The loader on another origin (with CORS): the widget works, nothing else is asked,
/// and a host CSP that names that origin (as the README shows) is enough.
pub fn loads_from_another_origin() {
    let cdn = Server::start(dist(), vec![("Access-Control-Allow-Origin".into(), "*".into())]);
    let dir = HostDir::new("cross-origin");
    dir.write(
        "host.html",
        &page(
            &format!("<script type=\"module\" src=\"{}\"></script>", cdn.url("/leg-pain-quiz.js")),
            "<h1>A site that embeds the quiz from a CDN</h1>\n<leg-pain-quiz storage-key=\"cdn\"></leg-pain-quiz>",
        ),
    );
    let csp = format!(
        "default-src 'self'; img-src 'self' data:; script-src 'self' {0} 'wasm-unsafe-eval'; style-src 'self' {0}; connect-src 'self' {0}",
        cdn.base
    );
    let host = dir.serve(vec![("Content-Security-Policy".into(), csp)]);
    let b = Browser::open(1280, 900);
    b.goto(&host.url("/host.html"));
    b.click(0, "[data-action=\"start\"]");
    finish(&b, 0, low_magnesium());
    let shown = results(&b, 0);
    assert_eq!(shown["nutrients"][0], "magnesium", "{shown}");
    assert_eq!(shown["triage"], "routine", "{shown}");
    assert!(storage(&b, "leg-pain-quiz:cdn").is_some(), "answers are kept on the host's origin");

    let foreign = b.foreign_requests(&[&host.base, &cdn.base]);
    assert!(foreign.is_empty(), "requests beyond the host and the widget's origin: {foreign:#?}");
    let from_cdn = cdn.requests();
    let version = b.run("return document.querySelector('leg-pain-quiz').version;");
    assert_eq!(version, leg_pain_quiz::VERSION, "the element's version property");
    let files = [
        "/leg-pain-quiz.js",
        "/leg-pain-quiz-element.js",
        "/wasm/leg-pain-quiz.js",
        "/wasm/leg-pain-quiz_bg.wasm",
        "/leg-pain-quiz.css",
    ];
    for file in files {
        assert!(from_cdn.iter().any(|r| r == file), "{file} comes from the widget's origin: {from_cdn:?}");
    }
    assert_eq!(host.requests(), ["/host.html"], "the host serves only its page");
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    b.close();
}

/// 7. "Erase my answers" removes this widget's save in one click, and only its own.
pub fn erase_removes_the_saved_answers() {
    let b = Browser::open(1280, 900);
    b.goto(&site().url("/embed-demo.html"));
    for w in 0..2 {
        b.click(w, "[data-action=\"start\"]");
        b.answer(w, "age", &["18_50"]);
        b.answer(w, "sensation", &["cramp"]);
        b.wait_for(w, "[data-question=\"cramp_pattern\"]");
    }
    assert_eq!(quiz_keys(&b), ["leg-pain-quiz:demo-a", "leg-pain-quiz:demo-b"]);

    b.click(0, "[data-action=\"erase\"]");
    expect_screen(&b, 0, "intro", "erasing starts again");
    b.wait_until("return localStorage.getItem('leg-pain-quiz:demo-a') === null;", "one click to remove A's save");
    assert_eq!(quiz_keys(&b), ["leg-pain-quiz:demo-b"], "B's save is kept");
    assert!(!b.exists(0, "[data-action=\"erase\"]"), "nothing left to erase");
    assert!(
        b.run(&format!("{} return root.textContent;", root_js(0))).as_str().unwrap().contains("erased"),
        "the person is told"
    );
    assert_eq!(screen(&b, 1), "q:cramp_pattern", "B is untouched");

    b.client.refresh().unwrap();
    assert_eq!(screen(&b, 0), "intro");
    assert_eq!(
        b.run(&format!("{} return root.querySelector('[data-action=\"start\"]').textContent;", root_js(0))),
        "Start",
        "no answers to resume"
    );
    assert_eq!(screen(&b, 1), "q:cramp_pattern");
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    b.close();
}

/// 8. Without WebAssembly the loader shows the warning signs inside the element.
pub fn without_webassembly_the_warning_signs_show() {
    let dir = HostDir::new("no-wasm");
    dir.write("no-wasm.js", "delete window.WebAssembly;\n").write(
        "no-wasm.html",
        &page(
            &format!("<script src=\"no-wasm.js\"></script>\n{LOADER}"),
            "<leg-pain-quiz><p class=\"light\">Host fallback text.</p></leg-pain-quiz>",
        ),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/no-wasm.html"));
    assert_eq!(b.run("return typeof WebAssembly;"), "undefined", "the page really has no WebAssembly");
    let text = b
        .wait_until(
            &format!("{} const box = root && root.querySelector('.lpq-fallback-box'); return box && box.offsetHeight > 0 ? box.innerText : null;", root_js(0)),
            "the loader's fallback",
        );
    let text = text.as_str().unwrap();
    let meta: toml::Table =
        std::fs::read_to_string(crate::repo_root().join("crates/knowledge/data/meta.toml")).unwrap().parse().unwrap();
    let signs = &meta["emergency"];
    let mut needed: Vec<&str> = signs["signs"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    needed.extend(["cant_start", "heading", "call", "see_a_doctor"].map(|k| signs[k].as_str().unwrap()));
    // The page's region is the default language's, the UK: the number is 999.
    for needed in needed.iter().map(|t| t.replace("{emergency}", "999")) {
        assert!(text.contains(&needed), "the fallback says `{needed}`: {text}");
    }
    assert!(!b.exists(0, ".lpq-intro"), "no quiz without WebAssembly");
    b.close();
}

/// 9. The full page inside an iframe on another site.
pub fn full_page_in_an_iframe() {
    let dir = HostDir::new("iframe");
    // A blocking script in the head: its capturing listener is in place before the frame loads.
    dir.write("frame.js", "document.addEventListener('load', (e) => { if (e.target.tagName === 'IFRAME') window.frameLoaded = true; }, true);\n")
        .write(
            "frame.html",
            &page(
                "<script src=\"frame.js\"></script>",
                &format!(
                    "<h1>A site with the check in a frame</h1>\n<iframe src=\"{}\" title=\"Night-time leg pain check\" width=\"100%\" height=\"900\"></iframe>",
                    site().url("/index.html")
                ),
            ),
        );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 1000);
    b.goto(&server.url("/frame.html"));
    b.wait_until("return window.frameLoaded === true;", "the iframe to load");
    b.client.enter_frame(0).expect("switch into the iframe");
    b.click(0, "[data-action=\"start\"]");
    finish(&b, 0, dvt());
    let shown = results(&b, 0);
    assert_eq!(shown["triage"], "urgent", "{shown}");
    assert!(storage(&b, "leg-pain-quiz:page").is_some(), "the framed page keeps its answers");
    b.client.enter_parent_frame().unwrap();
    assert_eq!(b.run("return document.querySelector('h1').textContent;"), "A site with the check in a frame");
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings: {problems:#?}");
    b.close();
}
