//! The widget and its peer (the same quiz in SurveyJS, benches/peer/) as a person meets
//! them: served compressed by a static host (see `static_host`), in one browser, first
//! unthrottled and then on a phone profile (CPU 4× slower, 150 ms round trips, 1.6 Mbps
//! down and 750 kbps up). For each page, over cold loads (no HTTP cache, nothing saved):
//! when the warning signs are first painted, when the first screen can be used, the
//! cumulative layout shift of the load and the bytes transferred; over walks through the
//! quiz: the time from a click on Next to the end of the frame that draws the next
//! question (see `STEP`).
//!
//! Everything is timed inside the page, from a script the browser runs before the page's
//! own (`Page.addScriptToEvaluateOnNewDocument`): a check on every animation frame for
//! the warning signs and the working first screen, a `layout-shift` observer, and timers
//! around the browser calls a step may make (storage, history, focus, blur).

use lpq_browser_tests::browser::Browser;
use serde_json::{json, Value as Json};

/// A network and CPU to emulate.
pub struct Profile {
    pub name: &'static str,
    /// CPU slowdown (1: none).
    pub cpu: f64,
    /// Round trip in ms, download and upload in bytes per second (none: no throttling).
    pub network: Option<(f64, f64, f64)>,
    pub cold_loads: usize,
    pub min_steps: usize,
}

pub const UNTHROTTLED: Profile = Profile { name: "unthrottled", cpu: 1.0, network: None, cold_loads: 7, min_steps: 30 };

/// A mid-range phone on a slow mobile connection: Lighthouse's mobile CPU slowdown, and a
/// 150 ms round trip at 1.6 Mbps down, 750 kbps up (its "slow 4G").
pub const PHONE: Profile = Profile {
    name: "phone",
    cpu: 4.0,
    network: Some((150.0, 1_600_000.0 / 8.0, 750_000.0 / 8.0)),
    cold_loads: 5,
    min_steps: 20,
};

#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Widget,
    Peer,
}

/// A page to measure: the widget's full page (or a variant of it), or the peer.
pub struct Page {
    pub name: String,
    pub kind: Kind,
    /// Its URL on the static host.
    pub url: String,
}

/// Run in every document before its own scripts: records in `window.__bench` when the
/// warning signs and the working first screen are first in a frame, the layout shift so
/// far, and the time spent in storage, history, focus and blur calls since `probe` was
/// reset.
const INSTRUMENT: &str = r#"
(() => {
  const m = window.__bench = { cls: 0, warn: null, warnBy: null, ready: null, probe: null };
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) m.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}
  const wrap = (proto, name, bucket) => {
    const f = proto[name];
    if (!f) return;
    proto[name] = function (...args) {
      const t = performance.now();
      try { return f.apply(this, args); } finally { if (m.probe) m.probe[bucket] += performance.now() - t; }
    };
  };
  for (const name of ['getItem', 'setItem', 'removeItem']) wrap(Storage.prototype, name, 'storage');
  for (const name of ['pushState', 'replaceState']) wrap(History.prototype, name, 'history');
  wrap(HTMLElement.prototype, 'focus', 'focus');
  wrap(HTMLElement.prototype, 'blur', 'blur');
  const roots = () => [document].concat(Array.from(document.querySelectorAll('leg-pain-quiz'), h => h.shadowRoot).filter(Boolean));
  // In the page and shown: markup that is there but hidden (a fallback waiting for its
  // moment) is not painted.
  const shown = el => el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
  const has = css => roots().some(r => Array.from(r.querySelectorAll(css)).some(shown));
  // The warning signs: the widget's early screen marks them with data-lpq-warnings;
  // without one, its app's first screen (which lists them); for the peer, its first
  // question (it has no warning signs of its own to show first).
  const frame = () => {
    const t = performance.now();
    if (m.warn === null) {
      const by = has('[data-lpq-warnings]') ? 'data-lpq-warnings'
        : has('.lpq-intro') ? 'the app\'s first screen'
        : has('.sd-question') ? 'the first question' : null;
      if (by) { m.warn = t; m.warnBy = by; }
    }
    // Working: the app marked itself ready with Start on screen; the peer's Next is there.
    if (m.ready === null && ((performance.getEntriesByName('lpq-ready').length && has('[data-action="start"]'))
        || has('.sd-navigation__next-btn'))) m.ready = t;
    if (m.warn === null || m.ready === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
"#;

/// One step: ticks an answer, lets its frame pass, then clicks Next at the start of the
/// next frame (in its animation-frame callback) and times until that frame is rendered:
/// its style, layout, paint and commit done, the task after it running. Resolves `null`
/// at the end of the walk.
///
/// A click made as a frame starts is drawn in that frame when its work is done by the
/// time the frame's callbacks return (the widget's render is a microtask of the click):
/// the step is then the click's work plus the frame's rendering, the main thread's time
/// that a frame of 16 ms must hold, and no wait for the display's next frame is in it.
/// A page that draws the next question later (a task or a frame after the click) is
/// timed to the end of the first frame after its change. (Until 2026-12 the step ended
/// at the animation-frame callback of the frame after the change, before that frame's
/// style, layout and paint: it left out the rendering of the new question, and counted
/// the wait for the display's next frame, which depends on where in a frame the click
/// fell: the longer the answer's own frame took, the shorter that wait.)
const STEP: &str = r#"
const [kind, walk, done] = arguments;
const host = document.querySelector('leg-pain-quiz');
const root = kind === 'widget' ? host && host.shadowRoot : document;
// The questions on the page (the widget may ask more than one on a page: who the
// answers are about, with the age), by name.
const questions = () => kind === 'widget'
  ? Array.from(root.querySelectorAll('[data-question]'), q => [q, q.dataset.question])
  : Array.from(root.querySelectorAll('.sd-question[data-name]'), q => [q, q.dataset.name]);
const current = () => questions().map(q => q[1]).join(' ') || null;
const nextButton = () => kind === 'widget' ? root.querySelector('[data-action="next"]') : root.querySelector('.sd-navigation__next-btn');
const id = current();
const next = nextButton();
if (!id || !next || next.offsetParent === null) { done(null); return; }
for (const [q, name] of questions()) {
  const option = kind === 'widget'
    ? q.querySelector(`[data-option="${walk[name]}"] input`)
    : q.querySelector('.sd-item__control');
  if (option && !option.checked) option.click();
}
requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => {
  const bench = window.__bench;
  bench.probe = { storage: 0, history: 0, focus: 0, blur: 0 };
  let work = null, inFrame = false;
  const changed = () => current() !== id;
  const t0 = performance.now();
  // The probe stays open a task longer than the frame: the calls the click made after
  // the paint (a render that yielded, say) count too.
  const end = () => {
    const t1 = performance.now();
    setTimeout(() => { const probe = bench.probe; bench.probe = null; done({ id, step: t1 - t0, work, inFrame, probe }); }, 0);
  };
  // Queued now, this task runs once this frame is rendered.
  setTimeout(() => {
    if (changed()) { inFrame = true; end(); return; }
    const observer = new MutationObserver(() => {
      if (changed()) { observer.disconnect(); requestAnimationFrame(() => setTimeout(end, 0)); }
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  }, 0);
  nextButton().click();
  // Queued after the click's own work (Yew renders in a microtask queued by the click).
  queueMicrotask(() => { work = performance.now() - t0; });
})));
"#;

pub fn apply(b: &Browser, profile: &Profile) {
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": profile.cpu }));
    let (latency, down, up) = profile.network.unwrap_or((0.0, -1.0, -1.0));
    b.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": latency, "downloadThroughput": down, "uploadThroughput": up }),
    );
}

pub fn instrument(b: &Browser) {
    b.cdp("Network.enable", json!({}));
    b.cdp("Page.enable", json!({}));
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": INSTRUMENT }));
}

pub fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn median(values: &[f64]) -> f64 {
    percentile(values, 0.5)
}

/// Cold loads of `page`: nothing cached, nothing saved.
pub fn cold_loads(b: &Browser, page: &Page, origin: &str, times: usize) -> Json {
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }));
    let (mut warn, mut ready, mut cls, mut transfer, mut encoded) = (vec![], vec![], vec![], vec![], vec![]);
    let mut warn_by = String::new();
    for i in 0..times {
        b.cdp("Network.clearBrowserCache", json!({}));
        forget(b, origin);
        b.goto(&format!("{}?cold={i}", page.url));
        let m = b
            .wait_until(
                "const m = window.__bench; return m && m.warn !== null && m.ready !== null && document.readyState === 'complete' ? m : null;",
                &format!("{}'s first screen", page.name),
            );
        let bytes = b
            .run(
                "const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                 return [all.reduce((s, e) => s + (e.transferSize || 0), 0), all.reduce((s, e) => s + (e.encodedBodySize || 0), 0)];",
            );
        warn.push(m["warn"].as_f64().unwrap());
        ready.push(m["ready"].as_f64().unwrap());
        cls.push(m["cls"].as_f64().unwrap_or(0.0));
        warn_by = m["warnBy"].as_str().unwrap_or_default().to_string();
        transfer.push(bytes[0].as_f64().unwrap());
        encoded.push(bytes[1].as_f64().unwrap());
    }
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": false }));
    json!({
        "warnings_painted_ms": { "median": median(&warn), "samples": warn, "what": warn_by },
        "interactive_ms": { "median": median(&ready), "samples": ready },
        "cls": { "median": median(&cls), "max": percentile(&cls, 1.0) },
        "transfer_bytes": median(&transfer),
        "encoded_body_bytes": median(&encoded),
    })
}

/// Leaves the page, then clears what the origin saved, so the next load starts afresh. The
/// widget saves a change once its screen is painted, or as the page goes: leaving first lets
/// that last save land before the clearing, not after it.
fn forget(b: &Browser, origin: &str) {
    b.goto("about:blank");
    b.cdp("Storage.clearDataForOrigin", json!({ "origin": origin, "storageTypes": "local_storage,session_storage" }));
}

/// Walks through the quiz until at least `min_steps` steps are timed.
pub fn steps(b: &Browser, page: &Page, origin: &str, walk: &Json, min_steps: usize) -> Json {
    let (mut step, mut work, mut storage, mut history, mut focus, mut blur) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let mut in_frame = 0;
    let kind = if page.kind == Kind::Widget { "widget" } else { "peer" };
    while step.len() < min_steps {
        forget(b, origin);
        b.goto(&format!("{}?walk={}", page.url, step.len()));
        b.wait_until("const m = window.__bench; return m && m.ready !== null;", "the first screen");
        if page.kind == Kind::Widget {
            b.click(0, "[data-action=\"start\"]");
            b.wait_for(0, "[data-question]");
        }
        let before = step.len();
        loop {
            let r = b.client.execute_async(STEP, vec![json!(kind), walk.clone()]).expect("a step");
            if r.is_null() {
                break;
            }
            step.push(r["step"].as_f64().unwrap());
            in_frame += usize::from(r["inFrame"] == json!(true));
            work.push(r["work"].as_f64().unwrap_or(f64::NAN));
            storage.push(r["probe"]["storage"].as_f64().unwrap_or(0.0));
            history.push(r["probe"]["history"].as_f64().unwrap_or(0.0));
            focus.push(r["probe"]["focus"].as_f64().unwrap_or(0.0));
            blur.push(r["probe"]["blur"].as_f64().unwrap_or(0.0));
        }
        assert!(step.len() > before, "a walk through {} timed no step", page.name);
    }
    let summary = |v: &Vec<f64>| json!({ "median": median(v), "p95": percentile(v, 0.95) });
    json!({
        "count": step.len(),
        "drawn_in_the_clicks_frame": in_frame,
        "step_ms": summary(&step),
        "click_work_ms": summary(&work),
        "storage_calls_ms": summary(&storage),
        "history_calls_ms": summary(&history),
        "focus_calls_ms": summary(&focus),
        "blur_calls_ms": summary(&blur),
        "samples": step,
    })
}

/// Where a walk's main-thread time goes, from the V8 sampling profiler: self time by
/// function, the top `n`, as (name, ms).
pub fn profile_walk(b: &Browser, page: &Page, origin: &str, walk: &Json, n: usize) -> Vec<(String, f64)> {
    b.cdp("Profiler.enable", json!({}));
    b.cdp("Profiler.setSamplingInterval", json!({ "interval": 100 }));
    forget(b, origin);
    b.goto(&format!("{}?profile", page.url));
    b.wait_until("const m = window.__bench; return m && m.ready !== null;", "the first screen");
    b.click(0, "[data-action=\"start\"]");
    b.wait_for(0, "[data-question]");
    b.cdp("Profiler.start", json!({}));
    loop {
        let r = b.client.execute_async(STEP, vec![json!("widget"), walk.clone()]).expect("a step");
        if r.is_null() {
            break;
        }
    }
    let profile = b.cdp("Profiler.stop", json!({}));
    b.cdp("Profiler.disable", json!({}));
    let profile = &profile["profile"];
    let nodes = profile["nodes"].as_array().cloned().unwrap_or_default();
    let name_of = |id: i64| {
        nodes.iter().find(|n| n["id"].as_i64() == Some(id)).map(|n| {
            let f = &n["callFrame"];
            let url = f["url"].as_str().unwrap_or_default();
            let file = url.rsplit('/').next().unwrap_or_default();
            let name = f["functionName"].as_str().unwrap_or_default();
            if file.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({file})")
            }
        })
    };
    let mut totals: std::collections::HashMap<String, f64> = Default::default();
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"].as_array().cloned().unwrap_or_default();
    for (k, s) in samples.iter().enumerate() {
        let ms = deltas.get(k + 1).and_then(Json::as_f64).unwrap_or(0.0) / 1000.0;
        if let Some(name) = s.as_i64().and_then(name_of) {
            *totals.entry(name).or_default() += ms;
        }
    }
    let mut top: Vec<(String, f64)> = totals.into_iter().filter(|(n, _)| n != "(idle)").collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    top.truncate(n);
    top
}
