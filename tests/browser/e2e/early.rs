//! The first screen before the wasm: on a slow network the loader paints the app's first
//! screen from its own markup (title, what the quiz does, the warning signs with the
//! region's number, Start), the app takes it over without a blank frame or anything
//! moving, and a Start pressed meanwhile is honoured once the app is ready. The server
//! holds the wasm back until the test lets it go, so the early screen is certain to be
//! the loader's.

use crate::browser::{root_js, Browser};
use crate::embedding::{mounted, page, HostDir, LOADER};
use serde_json::{json, Value as Json};

/// Recorded by the host page from its first script: every layout shift (with its time and
/// whether input just happened), every animation frame in which the widget showed no
/// warning signs after it first had, and the `lpq-start` events. An external file, since
/// the page runs under a strict Content-Security-Policy.
const RECORDER: &str = "window.lpqShifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) lpqShifts.push({ value: e.value, at: e.startTime, input: e.hadRecentInput });
}).observe({ type: 'layout-shift', buffered: true });
window.lpqFrames = { seen: 0, blank: 0 };
const frame = () => {
  const host = document.querySelector('leg-pain-quiz');
  const signs = host && host.shadowRoot && host.shadowRoot.querySelector('[data-lpq-warnings]');
  if (signs && signs.offsetHeight > 0) lpqFrames.seen++;
  else if (lpqFrames.seen) lpqFrames.blank++;
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
window.lpqStarts = 0;
document.addEventListener('lpq-start', () => lpqStarts++);
";

// The page's icon is `data:,` (see `page`), hence `img-src data:`.
const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src data:";

/// The early screen's text once the loader has painted it, while the app has not mounted.
fn early_text(b: &Browser) -> String {
    let js = format!(
        "{} const early = root && root.querySelector('[data-lpq-early]');
         if (!early || root.querySelector('[data-locale-active]')) return null;
         const signs = early.querySelector('[data-lpq-warnings]');
         return signs && signs.offsetHeight > 0 ? early.innerText : null;",
        root_js(0)
    );
    b.wait_until(&js, "the loader's first screen").as_str().unwrap().to_string()
}

/// Whether the page has fetched the wasm (a resource entry appears once it has arrived).
fn wasm_fetched(b: &Browser) -> bool {
    b.run("return performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm'));") == json!(true)
}

/// Where the first screen's parts are, relative to the page, and where the page's own
/// paragraph after the widget is: the same numbers before and after the takeover mean
/// nothing moved.
fn layout(b: &Browser) -> Json {
    b.run(&format!(
        "{} const at = (el) => {{ const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }};
         return ['.lpq-header', '.lpq-intro h2', '.lpq-actions button', '[data-lpq-warnings]', '.lpq-warning-signs p',
                 '.lpq-small', '.lpq-footer'].map((css) => [css, at(root.querySelector(css))])
           .concat([['after', at(document.getElementById('after'))]]);",
        root_js(0)
    ))
}

/// Two animation frames later (and the layout-shift records of those frames delivered):
/// the number of shifts recorded so far.
fn settled_shifts(b: &Browser) -> Json {
    b.run(
        "return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() =>
           setTimeout(() => done(lpqShifts.length), 0))));",
    )
}

pub fn the_first_screen_shows_before_the_wasm_and_keeps_a_start() {
    let dir = HostDir::new("early");
    dir.write("record.js", RECORDER);
    let head = format!("<script src=\"record.js\"></script>\n{LOADER}");
    let after = "<p id=\"after\">The host page goes on after the widget.</p>";
    dir.write("early.html", &page(&head, &format!("<leg-pain-quiz storage-key=\"early\"></leg-pain-quiz>\n{after}")));
    dir.write(
        "early-es.html",
        &page(
            &head,
            &format!("<leg-pain-quiz lang=\"es-ES\" theme=\"dark\" storage-key=\"early-es\"></leg-pain-quiz>\n{after}"),
        ),
    );
    let server = dir.serve(vec![("Content-Security-Policy".into(), STRICT_CSP.into())]);
    let b = Browser::open(390, 844);

    // 1. Before the wasm: the warning signs and the region's number (the browser is in
    // the UK: 999), in the element's language; Spanish from Spain: 112.
    server.hold(".wasm");
    b.goto(&server.url("/early.html"));
    let text = early_text(&b);
    assert!(!wasm_fetched(&b), "the wasm is still on its way");
    assert!(server.requests().iter().any(|p| p.ends_with(".wasm")), "the wasm was asked for: {:?}", server.requests());
    let kb = leg_pain_quiz::knowledge::knowledge();
    assert!(text.contains(kb.emergency.heading.as_ref()), "{text}");
    for sign in kb.emergency.signs.iter() {
        assert!(text.contains(sign.as_ref()), "the sign `{sign}`: {text}");
    }
    assert!(text.contains("Call 999 now"), "the UK's number: {text}");
    crate::phone_screenshot(&b, "00-early-first-screen");

    // 2. The takeover, untouched: nothing moves, no frame without the warning signs, and
    // the app's first screen looks exactly like the loader's.
    b.viewport(390, 2400);
    let shifts_before = settled_shifts(&b);
    let before = layout(&b);
    server.release();
    mounted(&b, 0);
    let takeover = b
        .run(&format!(
            "{} return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() =>
               done({{ early: !!root.querySelector('[data-lpq-early]'), shifts: lpqShifts.slice({}), frames: lpqFrames }}), 0))));",
            root_js(0),
            shifts_before
        ));
    assert_eq!(takeover["early"], json!(false), "the app replaced the loader's screen");
    assert_eq!(takeover["shifts"], json!([]), "no layout shift at the takeover: {takeover}");
    assert_eq!(takeover["frames"]["blank"], json!(0), "no frame without the warning signs: {takeover}");
    assert!(takeover["frames"]["seen"].as_u64().unwrap() > 0, "{takeover}");
    assert_eq!(layout(&b), before, "every part where it was");
    b.viewport(390, 844);
    crate::phone_screenshot(&b, "00-app-first-screen");
    let shots = ["00-early-first-screen", "00-app-first-screen"]
        .map(|name| std::fs::read(crate::output_dir().join(format!("{name}-390x844.png"))).unwrap());
    assert!(
        shots[0] == shots[1],
        "the loader's first screen and the app's are the same pixels (tests/e2e-output/00-*)"
    );
    // The recorder does see a shift when something moves (here, the page adds a line above
    // the widget), so the empty list above is a measurement, not a blind spot.
    b.viewport(390, 2400);
    let n = settled_shifts(&b);
    b.run("const p = document.createElement('p'); p.textContent = 'A line added above.'; document.body.prepend(p);");
    assert!(settled_shifts(&b).as_u64() > n.as_u64(), "the recorder sees a shift");

    b.viewport(390, 844);

    // 3. Start pressed before the app is ready: kept, then honoured by the app: the first
    // question, focus on its heading, and the host told the quiz started, once.
    server.hold(".wasm");
    b.goto(&server.url("/early.html"));
    early_text(&b);
    b.click(0, "[data-lpq-start]");
    let kept = b.run(&format!("{} return [host.lpqStart, !!root.querySelector('[data-lpq-early]')];", root_js(0)));
    assert_eq!(kept, json!([true, true]), "the press is kept while the wasm is still held back");
    assert!(!wasm_fetched(&b), "the press came before the wasm");
    server.release();
    let focused = b
        .wait_until(
            &format!(
                "{} const a = root && root.activeElement; const q = a && a.hasAttribute('data-focus') && a.closest('[data-question]');
                 return q ? q.dataset.question : null;",
                root_js(0)
            ),
            "the first question, with focus on its heading",
        );
    assert_eq!(focused, json!(kb.questions[0].id.as_ref()), "the first question");
    assert_eq!(b.run("return lpqStarts;"), json!(1), "the host is told the quiz started");

    // 4. In Spanish from Spain, dark: Spanish words and 112 before the wasm, in the
    // element's theme, and again nothing moves when the app (in Spanish) takes over.
    server.hold(".wasm");
    b.goto(&server.url("/early-es.html"));
    let text = early_text(&b);
    assert!(!wasm_fetched(&b), "the wasm is still on its way");
    let spanish: toml::Table =
        std::fs::read_to_string(crate::repo_root().join("crates/knowledge/locales/es.toml")).unwrap().parse().unwrap();
    assert!(text.contains(spanish["emergency"]["heading"].as_str().unwrap()), "{text}");
    assert!(text.contains("Llama al 112 ahora"), "Spain's number: {text}");
    crate::phone_screenshot(&b, "00-early-first-screen-es-dark");
    let background = format!("{} return getComputedStyle(root.querySelector('.lpq-app')).backgroundColor;", root_js(0));
    assert_eq!(b.run(&background), json!("rgb(22, 27, 34)"), "the element's theme, dark");
    let before = layout(&b);
    server.release();
    mounted(&b, 0);
    assert_eq!(
        b.run(&format!("{} return root.querySelector('[data-locale-active]').dataset.localeActive;", root_js(0))),
        json!("es")
    );
    assert_eq!(b.run(&background), json!("rgb(22, 27, 34)"), "the app's theme is the same");
    assert_eq!(layout(&b), before, "in Spanish too, every part where it was");

    let problems = b.console_problems();
    assert!(
        !problems.iter().any(|p| p.contains("Content Security Policy") || p.contains("panicked")),
        "nothing refused by the page's policy: {problems:#?}"
    );
    b.close();
}
