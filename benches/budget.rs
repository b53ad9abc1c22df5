//! The size and speed budget, measured: `bash scripts/bench.sh` (which builds dist/ first).
//!
//! Prints a table and a JSON document (also written to target/bench/budget.json) with:
//! bytes raw / gzip / brotli of the built files; in headless Chromium the median time
//! from navigation to the first interactive screen over cold loads, the median and 95th
//! percentile from a click on Next to the next question, the time to render the results,
//! and the JS heap afterwards; natively, the median time of one `assess` call.
//! A broken budget makes the command fail (exit status 1), so CI stops on it.
//!
//! `--sizes-only` prints just the sizes and checks the transfer budget (CI does this on
//! every run). `--loads-only` measures only the cold loads (any build, to compare).

use leg_pain_quiz::quiz::{assess, Answers};
use lpq_browser_tests::{browser, server};
use serde_json::{json, Value as Json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The whole release transfer in the default language (British English, built in). A
/// bare Yew app plus this content weighs about 77 KB; the rest must earn its place.
/// Another language adds its own file, fetched only when that language applies.
///
/// 160 KiB since 0.2.0, up from 140: that release added about 5 KB gzip of clinical
/// content (27 warning signs and their follow-ups, the likely patterns), a table of 57
/// countries' emergency numbers and services, and the edge handling of saved answers,
/// history and slow language files, and measured 159.1 KiB.
///
/// 159 KiB since: 157.3 KiB measured once the wasm left out the regions' names and
/// sources and its one substring searcher, plus 1 KiB of margin (rounded up). Where the
/// bytes go (gzip, each part compressed alone): the wasm 148 KB, of which code 107
/// (253 KB raw: Yew about a quarter, the views and the widget's own code nearly a third,
/// core and alloc generics a quarter, the engine a tenth, the compact reader 4%), the
/// embedded knowledge base 27 (its text 73 KB raw, 25 gzip; its shape 2), other data 10
/// (Yew's event names, messages, panic locations, tables) and the import and export
/// names 2; the loader 4, the wasm-bindgen glue 4, the stylesheet 3.3, index.html 1. wasm-opt's
/// other flags (`--converge`, stripping the producers and target-features sections,
/// `--merge-similar-functions`) gain under 0.1 KB. The 130 KiB aim is still open: it
/// needs about 27 KiB less code.
///
/// A language file adds only what differs from British English: en-US 10.4 KiB, es
/// 21.6 KiB (the Spanish words themselves), each on top of this.
const BUDGET_TOTAL_GZIP: u64 = 159 * 1024;
const BUDGET_FIRST_SCREEN_MS: f64 = 150.0;
const BUDGET_STEP_P95_MS: f64 = 16.0;
const BUDGET_ASSESS_US: f64 = 50.0;
const COLD_LOADS: usize = 10;
const MIN_STEPS: usize = 50;

fn main() {
    let sizes_only = std::env::args().any(|a| a == "--sizes-only");
    let loads_only = std::env::args().any(|a| a == "--loads-only");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dist = std::env::var("LPQ_DIST").map(PathBuf::from).unwrap_or_else(|_| root.join("dist"));
    assert!(dist.join("leg-pain-quiz.js").exists(), "no dist/ at {}: run `bash scripts/bench.sh`", dist.display());

    let sizes = sizes(&dist);
    let mut report = json!({ "sizes": sizes });
    let mut flags = Vec::new();
    print_sizes(&sizes);
    let total_gzip = sizes["total"]["gzip"].as_u64().unwrap();
    if total_gzip > BUDGET_TOTAL_GZIP {
        flags.push(format!("total transfer {} > budget {} gzip", kb(total_gzip), kb(BUDGET_TOTAL_GZIP)));
    }

    if !sizes_only {
        let assess_us = time_assess();
        println!("\nassess(): median {:.2} µs, p95 {:.2} µs per call", assess_us.0, assess_us.1);
        if assess_us.0 > BUDGET_ASSESS_US {
            flags.push(format!("assess median {:.1} µs > {BUDGET_ASSESS_US} µs", assess_us.0));
        }
        report["assess_us"] = json!({ "median": assess_us.0, "p95": assess_us.1 });

        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let browser_figures = runtime.block_on(browser_figures(&dist, loads_only));
        let first = browser_figures["first_interactive_ms"]["median"].as_f64().unwrap();
        let step95 = browser_figures["step_ms"]["p95"].as_f64().unwrap();
        if first > BUDGET_FIRST_SCREEN_MS {
            flags.push(format!("first interactive screen {first:.1} ms > {BUDGET_FIRST_SCREEN_MS} ms"));
        }
        if step95 > BUDGET_STEP_P95_MS {
            flags.push(format!("step p95 {step95:.1} ms > {BUDGET_STEP_P95_MS} ms"));
        }
        report["browser"] = browser_figures;
    }

    report["budget_flags"] = json!(flags);
    println!(
        "\nBudgets: {}",
        if flags.is_empty() { "all met".to_string() } else { format!("OVER: {}", flags.join("; ")) }
    );
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    let text = serde_json::to_string_pretty(&report).unwrap();
    std::fs::write(out.join("budget.json"), &text).unwrap();
    println!("\nJSON (also in target/bench/budget.json):\n{text}");
    if !flags.is_empty() {
        std::process::exit(1);
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// Raw, gzip (level 9) and brotli (quality 11) bytes of every file in dist/, by kind.
fn sizes(dist: &Path) -> Json {
    let mut files = Vec::new();
    collect(dist, dist, &mut files);
    files.sort();
    let mut by_kind: std::collections::BTreeMap<&str, [u64; 3]> = Default::default();
    let mut rows = Vec::new();
    let mut locales = Vec::new();
    for rel in &files {
        let kind = match rel.rsplit('.').next().unwrap_or("") {
            "wasm" => "wasm",
            "js" => "js",
            "css" => "css",
            "html" => "html",
            _ => "other",
        };
        // The demo host page and its assets are not part of the widget's transfer; a
        // language file is added to it only for its language (see `print_sizes`).
        // integrity.json (every file's hash, for hosts and CDN embeds) is never fetched.
        if rel.starts_with("embed-demo") || rel == "integrity.json" {
            continue;
        }
        if let Some(locale) = rel.strip_prefix("locales/").and_then(|f| f.strip_suffix(".kb")) {
            let bytes = std::fs::read(dist.join(rel)).unwrap();
            locales
                .push(json!({ "locale": locale, "raw": bytes.len(), "gzip": gzip(&bytes), "brotli": brotli(&bytes) }));
            continue;
        }
        let bytes = std::fs::read(dist.join(rel)).unwrap();
        let sizes = [bytes.len() as u64, gzip(&bytes), brotli(&bytes)];
        rows.push(json!({ "file": rel, "raw": sizes[0], "gzip": sizes[1], "brotli": sizes[2] }));
        let entry = by_kind.entry(kind).or_default();
        for i in 0..3 {
            entry[i] += sizes[i];
        }
    }
    let total: [u64; 3] = by_kind.values().fold([0; 3], |acc, s| [acc[0] + s[0], acc[1] + s[1], acc[2] + s[2]]);
    let kinds: serde_json::Map<String, Json> =
        by_kind.iter().map(|(k, s)| (k.to_string(), json!({ "raw": s[0], "gzip": s[1], "brotli": s[2] }))).collect();
    let per_locale: Vec<Json> = std::iter::once(json!({ "locale": "en-GB", "gzip": total[1], "brotli": total[2] }))
        .chain(locales.iter().map(|l| {
            json!({ "locale": l["locale"], "gzip": total[1] + l["gzip"].as_u64().unwrap(), "brotli": total[2] + l["brotli"].as_u64().unwrap() })
        }))
        .collect();
    json!({ "files": rows, "by_kind": kinds, "total": { "raw": total[0], "gzip": total[1], "brotli": total[2] },
            "locale_files": locales, "per_locale": per_locale })
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            out.push(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
}

fn gzip(bytes: &[u8]) -> u64 {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len() as u64
}

fn brotli(bytes: &[u8]) -> u64 {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out.len() as u64
}

fn print_sizes(sizes: &Json) {
    println!("Size of the built widget (dist/, without the embed demo page)");
    println!("{:<36} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    for row in sizes["files"].as_array().unwrap() {
        let n = |k: &str| row[k].as_u64().unwrap();
        println!("{:<36} {:>10} {:>10} {:>10}", row["file"].as_str().unwrap(), n("raw"), n("gzip"), n("brotli"));
    }
    println!("{:-<69}", "");
    for (kind, s) in sizes["by_kind"].as_object().unwrap() {
        let n = |k: &str| s[k].as_u64().unwrap();
        println!("{:<36} {:>10} {:>10} {:>10}", format!("all {kind}"), n("raw"), n("gzip"), n("brotli"));
    }
    let t = &sizes["total"];
    let n = |k: &str| t[k].as_u64().unwrap();
    println!("{:<36} {:>10} {:>10} {:>10}", "TOTAL", n("raw"), n("gzip"), n("brotli"));
    println!("budget: total ≤ {} gzip (the default language, en-GB)", kb(BUDGET_TOTAL_GZIP));
    println!("\ntransfer by language (the common files, plus the language's file where it has one):");
    for l in sizes["per_locale"].as_array().unwrap() {
        println!(
            "  {:<8} {:>10} gzip {:>10} brotli",
            l["locale"].as_str().unwrap(),
            kb(l["gzip"].as_u64().unwrap()),
            kb(l["brotli"].as_u64().unwrap())
        );
    }
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    let index = ((values.len() as f64 - 1.0) * p).round() as usize;
    values[index]
}

/// Weekly cramps at 60 on a water tablet and an acid-reflux medicine, in the heat.
const TYPICAL: lpq_fixtures::Change = &[
    ("age", &["51_70"]),
    ("frequency", &["weekly"]),
    ("legs", &["both_legs"]),
    ("sex", &["female"]),
    ("daily_life", &["exertion_heat", "caffeine"]),
    ("medicines", &["diuretic"]),
    ("other_medicines", &["ppi"]),
    ("eats", &["fruit_veg", "meat_fish_eggs"]),
    ("daylight", &["little"]),
];

/// Typical complete answer sets: cramps, restless legs, vegan tingling, kidney disease.
fn answer_sets() -> Vec<Answers> {
    let base = lpq_fixtures::pairs(TYPICAL);
    let variant = |changes: &[(&'static str, &'static [&'static str])]| {
        let mut a = Answers::from_pairs(base.iter().copied());
        for (q, c) in changes {
            a.set(q, c.iter().map(|c| c.to_string()).collect());
        }
        a
    };
    vec![
        variant(&[]),
        variant(&[
            ("sensation", &["urge_to_move"]),
            ("rls_pattern", &["rest_worse", "evening_worse"]),
            ("sex", &["heavy_periods"]),
        ]),
        variant(&[("sensation", &["tingling"]), ("diet", &["vegan"]), ("avoid", &["nuts", "soy"])]),
        variant(&[("conditions", &["kidney", "diabetes"]), ("medicines", &["ace_arb", "metformin"])]),
    ]
}

/// Median and p95 of one `assess` call, in microseconds.
fn time_assess() -> (f64, f64) {
    let kb = leg_pain_quiz::knowledge::embedded();
    let sets = answer_sets();
    for a in &sets {
        std::hint::black_box(assess(&kb, a));
    }
    let mut samples = Vec::new();
    for _ in 0..2000 {
        for a in &sets {
            let start = Instant::now();
            std::hint::black_box(assess(&kb, std::hint::black_box(a)));
            samples.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    let median = percentile(&mut samples, 0.5);
    (median, percentile(&mut samples, 0.95))
}

/// Safe answers for each question, so a run through the quiz meets no interrupt (one
/// choice each: the walk ticks one and clicks Next).
const WALK: lpq_fixtures::Change = &[
    ("legs", &["both_legs"]),
    ("sex", &["female"]),
    ("diet", &["vegetarian"]),
    ("eats", &["fruit_veg"]),
    ("daylight", &["little"]),
];

async fn browser_figures(dist: &Path, loads_only: bool) -> Json {
    let site = server::Server::start(dist.to_path_buf(), vec![]);
    let b = browser::Browser::open(390, 844).await;
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true })).await;

    // Cold loads: no HTTP cache, nothing saved, fresh wasm compile each time.
    let mut first = Vec::new();
    // When each file finished arriving, per cold load: the loader, the glue, the wasm.
    let parts = ["leg-pain-quiz.js", "wasm/leg-pain-quiz.js", "wasm/leg-pain-quiz_bg.wasm"];
    let mut arrived: Vec<Vec<f64>> = vec![Vec::new(); parts.len()];
    for i in 0..COLD_LOADS {
        b.goto(&site.url(&format!("/index.html?cold={i}"))).await;
        b.run("localStorage.clear(); return true;").await;
        b.goto(&site.url(&format!("/index.html?cold={i}b"))).await;
        let t = b
            .wait_until(
                "const m = performance.getEntriesByName('lpq-ready'); return m.length ? m[0].startTime : null;",
                "the first screen",
            )
            .await;
        first.push(t.as_f64().unwrap());
        let ends = b
            .run(&format!(
                "const parts = {}; const rs = performance.getEntriesByType('resource');
                 return parts.map(p => {{ const r = rs.find(e => new URL(e.name).pathname.endsWith('/' + p)); return r ? r.responseEnd : null; }});",
                json!(parts)
            ))
            .await;
        for (k, end) in ends.as_array().unwrap().iter().enumerate() {
            if let Some(ms) = end.as_f64() {
                arrived[k].push(ms);
            }
        }
    }
    let mut waterfall = serde_json::Map::new();
    println!("\ncold load waterfall (median of {COLD_LOADS}, ms from navigation):");
    for (k, part) in parts.iter().enumerate() {
        let ms = if arrived[k].is_empty() { f64::NAN } else { percentile(&mut arrived[k], 0.5) };
        println!("  {part:<32} arrived {ms:6.1}");
        waterfall.insert(part.to_string(), json!(ms));
    }
    println!("  {:<32} ready   {:6.1}", "first interactive screen", percentile(&mut first.clone(), 0.5));

    if loads_only {
        b.close().await;
        let first_median = percentile(&mut first.clone(), 0.5);
        return json!({
            "first_interactive_ms": { "median": first_median, "samples": first },
            "cold_load_arrived_ms": waterfall,
            "step_ms": { "median": 0.0, "p95": 0.0 },
        });
    }

    // Steps: click Next and time until the next question is in the page and a frame is painted.
    let walk: serde_json::Map<String, Json> =
        lpq_fixtures::pairs(WALK).iter().map(|(q, c)| (q.to_string(), json!(c[0]))).collect();
    let script = r#"
        const [walk, done] = arguments;
        const root = document.querySelector('leg-pain-quiz').shadowRoot;
        const q = root.querySelector('[data-question]');
        if (!q) { done(null); return; }
        const id = q.dataset.question;
        const option = root.querySelector(`[data-option="${walk[id]}"] input`);
        if (!option.checked) option.click();
        const next = root.querySelector('[data-action="next"]');
        const t0 = performance.now();
        const changed = () => { const n = root.querySelector('[data-question]'); return !n || n.dataset.question !== id; };
        const finish = () => requestAnimationFrame(() => { const t1 = performance.now(); setTimeout(() => done({ id, dom: t1 - t0 }), 0); });
        const observer = new MutationObserver(() => { if (changed()) { observer.disconnect(); finish(); } });
        observer.observe(root, { childList: true, subtree: true, attributes: true });
        next.click();
        if (changed()) { observer.disconnect(); finish(); }
    "#;
    let mut steps = Vec::new();
    let mut results_ms = Vec::new();
    let mut heap = 0.0;
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": false })).await;
    while steps.len() < MIN_STEPS {
        b.goto(&site.url("/index.html")).await;
        b.run("localStorage.clear(); return true;").await;
        b.goto(&site.url("/index.html")).await;
        b.click(0, "[data-action=\"start\"]").await;
        b.wait_for(0, "[data-question]").await;
        loop {
            let r = b.client.execute_async(script, vec![json!(walk)]).await.expect("a step");
            if r.is_null() {
                break;
            }
            steps.push(r["dom"].as_f64().unwrap());
            let review = b.run(&format!("{} return !!root.querySelector('.lpq-review');", browser::root_js(0))).await;
            if review == json!(true) {
                break;
            }
        }
        let t = b
            .client
            .execute_async(
                r#"const done = arguments[0];
                   const root = document.querySelector('leg-pain-quiz').shadowRoot;
                   const t0 = performance.now();
                   const finish = () => requestAnimationFrame(() => { const t1 = performance.now(); setTimeout(() => done(t1 - t0), 0); });
                   const observer = new MutationObserver(() => { if (root.querySelector('[data-results]')) { observer.disconnect(); finish(); } });
                   observer.observe(root, { childList: true, subtree: true });
                   root.querySelector('[data-action="submit"]').click();"#,
                vec![],
            )
            .await
            .expect("results");
        results_ms.push(t.as_f64().unwrap());
        heap = b.run("return performance.memory ? performance.memory.usedJSHeapSize : 0;").await.as_f64().unwrap();
    }
    b.close().await;

    let first_median = percentile(&mut first.clone(), 0.5);
    let step_median = percentile(&mut steps.clone(), 0.5);
    let step_p95 = percentile(&mut steps.clone(), 0.95);
    let results_median = percentile(&mut results_ms.clone(), 0.5);
    println!("\nIn headless Chromium (390×844, this machine)");
    println!(
        "first interactive screen, {} cold loads: median {first_median:.1} ms (budget {BUDGET_FIRST_SCREEN_MS} ms)",
        first.len()
    );
    println!("click Next → next question painted, {} steps: median {step_median:.1} ms, p95 {step_p95:.1} ms (budget p95 {BUDGET_STEP_P95_MS} ms)", steps.len());
    println!("click See my results → results painted, {} runs: median {results_median:.1} ms", results_ms.len());
    println!("JS heap after finishing: {}", kb(heap as u64));
    json!({
        "first_interactive_ms": { "median": first_median, "samples": first },
        "cold_load_arrived_ms": waterfall,
        "step_ms": { "median": step_median, "p95": step_p95, "count": steps.len() },
        "results_ms": { "median": results_median, "samples": results_ms },
        "js_heap_bytes": heap,
    })
}
