//! Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA) on every screen
//! at 320 px and 1280 px, no sideways scrolling on a small phone, 44 × 44 px targets,
//! progress and errors announced through live regions, and a visible focus indicator
//! on everything the keyboard reaches.

use crate::browser::{root_js, Browser, Key};
use crate::screens::{clot, cramps, fresh_page, js, next_screen, screen, walk_until};
use serde_json::{json, Value as Json};

const TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS: &[(u32, u32)] = &[(320, 640), (1280, 900)];

/// A short description of an element for failure messages, in page JavaScript.
const DESCRIBE_JS: &str = "const describe = (el) => {
    const data = [...el.attributes].filter(a => a.name.startsWith('data-') || a.name === 'id').map(a => `[${a.name}=${a.value}]`).join('');
    const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
    return el.tagName.toLowerCase() + cls + data + ' \"' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '\"';
};";

fn axe_source() -> String {
    let path = std::env::var("AXE_JS")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| format!("{}/.tools/node_modules/axe-core/axe.min.js", crate::repo_root().display()));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("axe-core at {path} (set AXE_JS to axe.min.js): {e}"))
}

/// Runs axe-core on the whole page (it reaches into open shadow roots) and returns one
/// line per violation: rule id, impact, help and the targets.
pub fn axe(b: &Browser) -> Vec<String> {
    if b.run("return typeof window.axe === 'object';") != json!(true) {
        b.run(&format!("{}\n;return typeof window.axe === 'object';", axe_source()));
    }
    let script = format!(
        "const done = arguments[arguments.length - 1];
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {} }}, resultTypes: ['violations'] }})
           .then(r => done({{ ok: r.violations.map(v => ({{ id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map(n => JSON.stringify(n.target) + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }})) }}))
           .catch(e => done({{ error: String(e) }}));",
        json!(TAGS)
    );
    let result = b.client.execute_async(&script, vec![]).unwrap_or_else(|e| panic!("axe-core failed to run: {e}"));
    if let Some(error) = result.get("error") {
        panic!("axe-core failed: {error}");
    }
    result["ok"]
        .as_array()
        .expect("axe violations")
        .iter()
        .map(|v| {
            let nodes: Vec<&str> = v["nodes"].as_array().into_iter().flatten().filter_map(Json::as_str).collect();
            format!(
                "{} ({}): {} — {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                nodes.join(" | ")
            )
        })
        .collect()
}

/// Layout problems at the current width: sideways scrolling, elements wider than the
/// viewport, and click targets smaller than 44 × 44 px.
fn layout(b: &Browser) -> Vec<String> {
    let script = format!(
        "{} {DESCRIBE_JS}
         const w = window.innerWidth, out = [];
         if (document.documentElement.scrollWidth > w) out.push(`the page scrolls sideways: scrollWidth ${{document.documentElement.scrollWidth}} > ${{w}}`);
         for (const el of root.querySelectorAll('*')) {{
           if (el.closest('.lpq-visually-hidden') || !el.checkVisibility()) continue;
           const r = el.getBoundingClientRect();
           if (r.width === 0 && r.height === 0) continue;
           if (r.left < -0.5 || r.right > w + 0.5) out.push(`wider than the ${{w}} px viewport (${{Math.round(r.left)}}..${{Math.round(r.right)}}): ${{describe(el)}}`);
         }}
         for (const el of root.querySelectorAll('button, label, a[href], summary, [role=button], [role=link]')) {{
           if (!el.checkVisibility()) continue;
           const r = el.getBoundingClientRect();
           if (r.width < 44 || r.height < 44) out.push(`target ${{Math.round(r.width)}}×${{Math.round(r.height)}} px, under 44×44: ${{describe(el)}}`);
         }}
         return out;",
        root_js(0)
    );
    b.run(&script)
        .as_array()
        .expect("layout problems")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Audits the screen on show at each width; returns report lines and problems.
fn audit(b: &Browser, name: &str, report: &mut Vec<String>, problems: &mut Vec<String>) {
    for &(w, h) in WIDTHS {
        b.viewport(w, h);
        let width = b.run("return window.innerWidth;");
        if width != json!(w) {
            // A phone widens its layout viewport to fit content that is too wide.
            problems.push(format!("[{name} @ {w} px] the layout viewport grew to {width} px: something is too wide"));
        }
        let violations = axe(b);
        let laid_out = layout(b);
        report.push(format!(
            "{name:<34} {w:>4} px: {} axe violations, {} layout problems",
            violations.len(),
            laid_out.len()
        ));
        problems.extend(violations.into_iter().map(|v| format!("[{name} @ {w} px] axe {v}")));
        problems.extend(laid_out.into_iter().map(|v| format!("[{name} @ {w} px] {v}")));
    }
    b.viewport(390, 844);
}

fn open_all_details(b: &Browser) {
    js(b, "root.querySelectorAll('details').forEach(d => d.open = true); return true;");
}

pub fn axe_and_layout_on_every_screen() {
    let b = Browser::open(390, 844);
    let (mut report, mut problems) = (Vec::new(), Vec::new());

    fresh_page(&b);
    assert_eq!(screen(&b), "intro");
    audit(&b, "intro", &mut report, &mut problems);

    b.click(0, "[data-action=\"start\"]");
    assert_eq!(next_screen(&b, "intro"), "q:for_whom");
    audit(&b, "single-choice question", &mut report, &mut problems);

    b.click(0, "[data-action=\"next\"]");
    b.wait_for(0, "[data-question=\"age\"] .lpq-error");
    audit(&b, "missing-answer error", &mut report, &mut problems);

    walk_until(&b, cramps(), "q:leg_signs");
    audit(&b, "multiple-choice question", &mut report, &mut problems);

    walk_until(&b, cramps(), "review");
    audit(&b, "check your answers", &mut report, &mut problems);

    walk_until(&b, cramps(), "results");
    open_all_details(&b);
    audit(&b, "results", &mut report, &mut problems);

    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }));
    audit(&b, "results, dark theme", &mut report, &mut problems);
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [] }));

    fresh_page(&b);
    walk_until(&b, clot(), "interrupt:urgent");
    audit(&b, "urgent interrupt", &mut report, &mut problems);
    walk_until(&b, clot(), "interrupt:emergency");
    audit(&b, "emergency interrupt", &mut report, &mut problems);
    walk_until(&b, clot(), "results");
    open_all_details(&b);
    audit(&b, "results after an emergency", &mut report, &mut problems);

    fresh_page(&b);
    b.click(0, "[data-action=\"browse\"]");
    b.wait_for(0, ".lpq-browse");
    audit(&b, "nutrient pages", &mut report, &mut problems);
    open_all_details(&b);
    audit(&b, "nutrient pages, all open", &mut report, &mut problems);

    println!("{}", report.join("\n"));
    assert!(
        problems.is_empty(),
        "{} accessibility problems:\n{}\n\nper screen:\n{}",
        problems.len(),
        problems.join("\n"),
        report.join("\n")
    );
    b.close();
}

/// The live regions that would announce text matching `pattern`: a polite (status or
/// aria-live=polite) region holding it, not hidden from assistive technology.
fn live_region_js(pattern: &str, mark: bool) -> String {
    format!(
        "{} const re = new RegExp({});
         const regions = [...root.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')]
           .filter(r => r.getAttribute('aria-live') !== 'off' && !r.closest('[aria-hidden=true]'));
         const hit = regions.find(r => re.test(r.textContent));
         if (!hit) return null;
         const was = !!hit.lpqMarked; if ({mark}) hit.lpqMarked = true;
         return {{ text: hit.textContent.trim(), live: hit.getAttribute('aria-live') || hit.getAttribute('role'), role: hit.getAttribute('role'), same: was }};",
        root_js(0),
        json!(pattern)
    )
}

pub fn progress_and_errors_are_announced() {
    let b = Browser::open(390, 844);
    fresh_page(&b);
    b.click(0, "[data-action=\"start\"]");
    assert_eq!(next_screen(&b, "intro"), "q:for_whom");
    b.answer(0, "age", &["18_50"]);
    assert_eq!(next_screen(&b, "q:for_whom"), "q:sensation");

    // The part of the quiz is announced in words that don't change as follow-ups come and go.
    let first = b.wait_until(&live_region_js(r"^Part 1 of \d+: ", true), "a live region saying “Part 1 of N: …”");
    let politeness = first["live"].as_str().unwrap_or_default();
    assert!(
        politeness == "polite" || politeness == "status",
        "progress is announced politely, not as an alert: {first}"
    );

    // Ticking a box that adds a follow-up changes the count on screen, but the live
    // region speaks once per question, not on every tick.
    let said = first["text"].clone();
    b.click(0, "[data-option=\"cramp\"]");
    b.wait_for(0, "[data-option=\"cramp\"] input:checked");
    let again = b.wait_until(&live_region_js(r"^Part 1 of \d+: ", false), "the live region");
    assert_eq!(again["text"], said, "no new announcement on a tick: {again}");
    b.click(0, "[data-option=\"cramp\"]");
    b.wait_for(0, "[data-option=\"cramp\"] input:not(:checked)");

    // Missing answer: an alert, tied to the group of choices.
    b.click(0, "[data-action=\"next\"]");
    b.wait_for(0, ".lpq-error");
    // As on GOV.UK: the error summary is an alert, and the message by the choices
    // describes them.
    let alert = js(
        &b,
        "const e = root.querySelector('.lpq-error'); const f = root.querySelector('fieldset');
         const summary = root.querySelector('[data-error-summary]');
         const live = !!summary && summary.getAttribute('role') === 'alert' && summary.textContent.includes(e.textContent);
         return { live, text: e.textContent, described: (f.getAttribute('aria-describedby') || '').split(' ').includes(e.id) };",
    );
    assert_eq!(alert["live"], json!(true), "the missing-answer message is in an alert: {alert}");
    assert_eq!(alert["described"], json!(true), "the choices are described by the error: {alert}");
    assert!(alert["text"].as_str().unwrap_or_default().starts_with("Select what you feel"), "says what to do: {alert}");
    // GOV.UK's error summary above the question takes focus and links to the first choice.
    b.wait_until(
        &format!("{} return root.activeElement && root.activeElement.hasAttribute('data-error-summary');", root_js(0)),
        "focus on the error summary",
    );
    b.click(0, "[data-error-summary] a");
    b.wait_until(
        &format!("{} return root.activeElement && root.activeElement.closest('[data-option]') !== null;", root_js(0)),
        "the summary's link to focus the first choice",
    );

    // The next part is announced by the same region, whose text changed in place.
    b.answer(0, "sensation", &["cramp"]);
    assert_eq!(next_screen(&b, "q:sensation"), "q:cramp_pattern");
    assert!(!b.exists(0, ".lpq-error"), "the error goes once answered");
    b.answer(0, "cramp_pattern", &["short"]);
    assert_eq!(next_screen(&b, "q:cramp_pattern"), "q:leg_signs");
    let second = b.wait_until(&live_region_js(r"^Part 2 of \d+: ", false), "a live region saying “Part 2 of N: …”");
    assert_eq!(second["same"], json!(true), "the same live region is updated, so screen readers announce it: {second}");

    // An interrupt is an alert.
    fresh_page(&b);
    walk_until(&b, clot(), "interrupt:urgent");
    assert!(
        b.exists(0, ".lpq-interrupt [role=\"alert\"][data-triage=\"urgent\"]"),
        "urgent guidance is announced as an alert"
    );
    b.close();
}

/// Describes the focus indicator on the focused element inside the widget.
fn focus_ring(b: &Browser) -> Json {
    js(
        b,
        &format!(
            "{DESCRIBE_JS} const a = root.activeElement; if (!a) return null;
             const ring = (el) => {{ const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineWidth + ' ' + s.outlineStyle + ' ' + s.outlineColor : null; }};
             const label = a.closest('label');
             return {{ what: describe(a), visible: a.matches(':focus-visible'), own: ring(a), label: label ? ring(label) : null }};"
        ),
    )
}

/// Tabs through every control on the screen, checking each shows a focus ring; returns how many.
fn tab_through(b: &Browser, name: &str, problems: &mut Vec<String>) -> usize {
    let mut seen = Vec::new();
    for _ in 0..80 {
        b.keys(&[Key::Tab.into()]);
        let ring = focus_ring(b);
        if ring.is_null() {
            break; // left the widget
        }
        let what = ring["what"].as_str().unwrap_or_default().to_string();
        if seen.contains(&what) {
            break;
        }
        if ring["visible"] != json!(true) || (ring["own"].is_null() && ring["label"].is_null()) {
            problems.push(format!("[{name}] no visible focus on {ring}"));
        }
        seen.push(what);
    }
    seen.len()
}

pub fn focus_is_always_visible() {
    let b = Browser::open(390, 844);
    let mut problems = Vec::new();
    fresh_page(&b);
    // The language switch comes first, as on GOV.UK; then Start.
    let mut start = json!(null);
    for stop in 0..5 {
        b.keys(&[Key::Tab.into()]);
        start = focus_ring(&b);
        let what = start["what"].as_str().unwrap_or_default();
        if what.contains("data-action=start") {
            break;
        }
        assert!(what.contains("data-locale") && stop < 3, "before Start, only the languages: {start}");
        assert_eq!(start["visible"], json!(true), "the focused language shows it: {start}");
    }
    assert!(start["what"].as_str().unwrap_or_default().contains("data-action=start"), "Tab reaches Start: {start}");
    assert!(
        start["own"].is_string() && start["visible"] == json!(true),
        "the focused Start button shows an outline: {start}"
    );

    b.keys(&[Key::Enter.into()]);
    assert_eq!(next_screen(&b, "intro"), "q:for_whom");
    tab_through(&b, "single-choice question", &mut problems);

    walk_until(&b, cramps(), "q:sensation");
    js(&b, "root.querySelector('[data-focus]').focus(); return true;");
    let n = tab_through(&b, "multiple-choice question", &mut problems);
    assert!(n >= 7, "tabbed through the choices and buttons ({n})");

    walk_until(&b, cramps(), "review");
    js(&b, "root.querySelector('[data-focus]').focus(); return true;");
    let n = tab_through(&b, "check your answers", &mut problems);
    assert!(n >= 18, "every Change button is reachable ({n})");

    walk_until(&b, cramps(), "results");
    js(&b, "root.querySelector('[data-focus]').focus(); return true;");
    tab_through(&b, "results", &mut problems);

    fresh_page(&b);
    walk_until(&b, clot(), "interrupt:emergency");
    js(&b, "root.querySelector('[data-focus]').focus(); return true;");
    tab_through(&b, "emergency interrupt", &mut problems);

    assert!(problems.is_empty(), "focus not visible:\n{}", problems.join("\n"));
    b.close();
}

/// The audit can fail: a violation planted inside the widget's shadow root is found.
pub fn axe_finds_a_planted_violation_inside_the_widget() {
    let b = Browser::open(390, 844);
    fresh_page(&b);
    js(&b, "const i = document.createElement('input'); i.type = 'text'; root.querySelector('.lpq-intro').append(i); return true;");
    let found = axe(&b);
    assert!(found.iter().any(|v| v.starts_with("label")), "an unlabelled input is reported: {found:#?}");
    b.close();
}

/// Where the page's heading is and what has focus: `{ focused, top, bottom, height, y }`.
const HEADING_JS: &str = "const h = root.querySelector('[data-focus]'); const r = h.getBoundingClientRect();
     return { focused: root.activeElement === h, question: h.closest('[data-question]').dataset.question,
              top: r.top, bottom: r.bottom, height: innerHeight, y: scrollY, page: document.documentElement.scrollHeight };";

/// Waits until the heading of `question` has focus, and returns where it is.
fn focused_heading(b: &Browser, question: &str) -> Json {
    b.wait_until(
        &format!(
            "{} const s = (() => {{ {HEADING_JS} }})(); return s.focused && s.question === {} ? s : null;",
            root_js(0),
            json!(question)
        ),
        &format!("focus on the heading of {question}"),
    )
}

/// Each new question's heading takes focus and is in view: left where it is when it
/// already shows (the page doesn't move), scrolled into view when the person had
/// scrolled down past it to reach Next.
pub fn each_new_heading_takes_focus_in_view() {
    let b = Browser::open(390, 360);
    fresh_page(&b);
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["18_50"]);
    assert_eq!(next_screen(&b, "q:for_whom"), "q:sensation");
    // At the top of the page, the heading in view: Next pressed from there.
    js(&b, "scrollTo(0, 0); root.querySelector('[data-option=\"cramp\"] input').click(); return true;");
    let before = js(&b, HEADING_JS);
    assert!(before["top"].as_f64() > Some(0.0) && before["bottom"].as_f64() < before["height"].as_f64(), "{before}");
    js(&b, "requestAnimationFrame(() => root.querySelector('[data-action=\"next\"]').click()); return true;");
    let after = focused_heading(&b, "cramp_pattern");
    assert_eq!(after["y"], json!(0), "the page stays where it was: {after}");
    assert_eq!(after["top"], before["top"], "the heading stays where it was: {before} {after}");

    // Scrolled down to Next on a long checklist, its heading out of sight above.
    b.answer(0, "cramp_pattern", &["short"]);
    let long = focused_heading(&b, "leg_signs");
    assert!(long["page"].as_f64().unwrap_or(0.0) > 2.0 * long["height"].as_f64().unwrap_or(f64::MAX), "{long}");
    js(&b, "root.querySelector('[data-option=\"none\"] input').click(); scrollTo(0, document.documentElement.scrollHeight); return true;");
    let scrolled = js(&b, HEADING_JS);
    assert!(scrolled["bottom"].as_f64() < Some(0.0), "the heading is out of sight: {scrolled}");
    js(&b, "requestAnimationFrame(() => root.querySelector('[data-action=\"next\"]').click()); return true;");
    let shown = focused_heading(&b, "body_signs");
    assert!(shown["page"].as_f64().unwrap_or(0.0) > 2.0 * shown["height"].as_f64().unwrap_or(f64::MAX), "{shown}");
    let (top, bottom, height) =
        (shown["top"].as_f64().unwrap(), shown["bottom"].as_f64().unwrap(), shown["height"].as_f64().unwrap());
    assert!(top >= 0.0 && bottom <= height, "the new heading is scrolled into view: {shown}");
    b.close();
}
