//! The npm package in real hosts: the packed tarball installed into a fresh Vite + React 19
//! app and built by the app's own bundler; the package's files loaded the way a CDN serves
//! them, with `integrity` attributes, under the strict CSP; and the loader refusing a file
//! whose hash doesn't match the one the release build wrote into it.
//!
//! The tarball comes from scripts/pack.sh (scripts/test.sh runs it after the release
//! build), or $LPQ_PACKAGE. The Vite host installs vite, react and react-dom from the npm
//! registry into a temporary folder (npm's cache makes later runs quick).

use crate::browser::{root_js, Browser};
use crate::embedding::{finish, mounted, page, results};
use crate::screens::low_magnesium;
use crate::server::Server;
use crate::{dist, output_dir, repo_root};
use serde_json::{json, Value as Json};
use std::path::{Path, PathBuf};
use std::process::Command;

const VITE: &str = "7.3.8";
const REACT: &str = "19.2.9";
const TYPES_REACT: &str = "19.2.18";
const TYPESCRIPT: &str = "5.9.3";

/// The packed tarball.
fn tarball() -> PathBuf {
    let path = std::env::var("LPQ_PACKAGE")
        .map(PathBuf::from)
        .unwrap_or_else(|_| repo_root().join(format!("target/leg-pain-quiz-{}.tgz", leg_pain_quiz::VERSION)));
    assert!(path.exists(), "{} is missing: run `bash scripts/pack.sh` after `trunk build --release`", path.display());
    path
}

/// A fresh temporary folder.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lpq-package-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).current_dir(dir).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} in {}:\n{}\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The package's files, unpacked from the tarball as a CDN would serve them.
fn unpacked() -> PathBuf {
    let dir = temp("cdn");
    run(&dir, "tar", &["-xzf", tarball().to_str().unwrap()]);
    dir.join("package")
}

fn integrity(package: &Path) -> Json {
    serde_json::from_str(&std::fs::read_to_string(package.join("dist/integrity.json")).unwrap()).unwrap()
}

/// A fresh Vite app with React 19 installs the tarball, builds with Vite, and the built
/// site takes a journey to the results, with the element's event reaching React and no
/// console errors or warnings.
pub fn a_vite_react_host_reaches_the_results() {
    let tarball = tarball();
    let app = temp("vite-react");
    let manifest = json!({
        "name": "lpq-vite-host", "private": true, "type": "module",
        "dependencies": {
            "leg-pain-quiz": format!("file:{}", tarball.display()),
            "react": REACT, "react-dom": REACT, "vite": VITE,
            "typescript": TYPESCRIPT, "@types/react": TYPES_REACT,
        }
    });
    std::fs::write(app.join("package.json"), manifest.to_string()).unwrap();
    std::fs::write(
        app.join("index.html"),
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vite + React host</title>\
         <link rel=\"icon\" href=\"data:,\"></head>\n<body><div id=\"root\"></div>\
         <script type=\"module\" src=\"/src/main.jsx\"></script></body></html>\n",
    )
    .unwrap();
    std::fs::create_dir_all(app.join("src")).unwrap();
    std::fs::write(
        app.join("src/main.jsx"),
        r#"import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'leg-pain-quiz';

function App() {
  const [done, setDone] = useState(null);
  return (
    <main>
      <h1>A Vite + React 19 host</h1>
      <leg-pain-quiz storage-key="vite" theme="light" onlpq-complete={(e) => setDone(e.detail)}></leg-pain-quiz>
      <p id="host-status">{done ? `complete ${done.version} ${done.locale}` : 'not finished'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
"#,
    )
    .unwrap();
    // The package's React 19 types, as the app's TypeScript sees them: the element's
    // attributes and its event's detail are typed, and a wrong attribute value is refused.
    // One run of tsc over both files (loading TypeScript and React's types is most of its
    // time): it must fail, on the wrong value only.
    let tsconfig = json!({
        "compilerOptions": { "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler", "jsx": "react-jsx",
            "strict": true, "noEmit": true, "lib": ["ES2022", "DOM"], "types": [] },
        "files": ["src/typed.tsx", "src/refused.tsx"]
    });
    std::fs::write(app.join("tsconfig.json"), tsconfig.to_string()).unwrap();
    let typed = "import type {} from 'leg-pain-quiz/react';\n\
        export const ok = <leg-pain-quiz theme=\"dark\" events=\"detailed\" storage-key=\"a\"\n\
          onlpq-complete={(e) => console.log(e.detail.version, e.detail.nutrients?.[0])} />;\n";
    std::fs::write(app.join("src/typed.tsx"), typed).unwrap();
    std::fs::write(app.join("src/refused.tsx"), typed.replace("theme=\"dark\"", "theme=\"purple\"")).unwrap();
    run(&app, "npm", &["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"]);
    let checked =
        Command::new("npx").args(["--no-install", "tsc", "-p", "tsconfig.json"]).current_dir(&app).output().unwrap();
    let said = String::from_utf8_lossy(&checked.stdout);
    let errors: Vec<&str> = said.lines().filter(|l| l.contains("error TS")).collect();
    assert!(
        !checked.status.success() && said.contains("'\"purple\"' is not assignable"),
        "tsc accepted theme=\"purple\": {said}"
    );
    assert!(errors.iter().all(|e| e.starts_with("src/refused.tsx")), "tsc refused the typed host: {said}");
    run(&app, "npx", &["--no-install", "vite", "build", "--logLevel", "warn"]);
    let built = app.join("dist");
    // Vite copied the widget's files into the build: the loader found them from its URL.
    let assets: Vec<String> = std::fs::read_dir(built.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for kind in [".wasm", ".css", ".kb"] {
        assert!(assets.iter().any(|a| a.ends_with(kind)), "Vite's build has no {kind} asset: {assets:?}");
    }

    let server = Server::start(built, vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/"));
    mounted(&b, 0);
    let version = b.run("return document.querySelector('leg-pain-quiz').version;");
    assert_eq!(version, leg_pain_quiz::VERSION);
    b.click(0, "[data-action=\"start\"]");
    finish(&b, 0, low_magnesium());
    let shown = results(&b, 0);
    assert_eq!(shown["nutrients"][0], "magnesium", "{shown}");
    let status = format!("complete {} en-GB", leg_pain_quiz::VERSION);
    b.wait_until(
        &format!("return document.getElementById('host-status').textContent === {};", json!(status)),
        "React's onlpq-complete to set the status",
    );
    // Open the folds so the screenshot shows the whole results.
    b.run(&format!("{} root.querySelectorAll('details').forEach(d => d.open = true);", root_js(0)));
    b.screenshot(&output_dir().join("vite-react-host-results.png"));
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings in the Vite host: {problems:#?}");
    let foreign = b.foreign_requests(&[&server.base]);
    assert!(foreign.is_empty(), "requests beyond the app's origin: {foreign:#?}");
    b.close();
    let _ = std::fs::remove_dir_all(&app);
}

/// The strict CSP, naming the CDN for scripts, styles and fetches (and `data:` images for
/// the test page's empty icon, which keeps the browser from asking for a favicon).
fn csp(cdn: &str) -> String {
    format!(
        "default-src 'self'; img-src 'self' data:; script-src 'self' {cdn} 'wasm-unsafe-eval'; style-src 'self' {cdn}; connect-src 'self' {cdn}"
    )
}

/// A plain page loads the package's files from another origin the way a CDN serves
/// them, with `integrity` on the script and module preloads (from integrity.json), under
/// the strict CSP: the journey reaches the results, in Spanish too (a language file), with
/// a clean console; and a wrong `integrity` on the script stops it loading.
pub fn a_cdn_style_page_checks_every_file() {
    let package = unpacked();
    let hashes = integrity(&package);
    let cdn = Server::start(package.join("dist"), vec![("Access-Control-Allow-Origin".into(), "*".into())]);
    let head = |loader_hash: &str| {
        let tag = |rel: &str, file: &str, hash: &str| {
            format!("<link rel=\"{rel}\" href=\"{}\" integrity=\"{hash}\" crossorigin=\"anonymous\">", cdn.url(file))
        };
        format!(
            "<script type=\"module\" src=\"{}\" integrity=\"{loader_hash}\" crossorigin=\"anonymous\"></script>\n{}\n{}",
            cdn.url("/leg-pain-quiz.js"),
            tag("modulepreload", "/leg-pain-quiz-element.js", hashes["leg-pain-quiz-element.js"].as_str().unwrap()),
            tag("modulepreload", "/wasm/leg-pain-quiz.js", hashes["wasm/leg-pain-quiz.js"].as_str().unwrap()),
        )
    };
    let loader_hash = hashes["leg-pain-quiz.js"].as_str().unwrap().to_string();
    for file in
        ["leg-pain-quiz.css", "wasm/leg-pain-quiz_bg.wasm", "locales/en-GB.kb", "locales/es.kb", "locales/en-US.kb"]
    {
        assert!(hashes[file].as_str().is_some_and(|h| h.starts_with("sha384-")), "integrity.json: {file}");
    }
    let host = temp("cdn-host");
    let body = "<leg-pain-quiz storage-key=\"cdn-en\"></leg-pain-quiz>\n<leg-pain-quiz storage-key=\"cdn-es\" lang=\"es\"></leg-pain-quiz>";
    std::fs::write(host.join("host.html"), page(&head(&loader_hash), body)).unwrap();
    let wrong = format!("sha384-{}", "A".repeat(64));
    std::fs::write(host.join("wrong.html"), page(&head(&wrong), body)).unwrap();
    let server = Server::start(host.clone(), vec![("Content-Security-Policy".into(), csp(&cdn.base))]);

    let b = Browser::open(1280, 900);
    b.goto(&server.url("/host.html"));
    mounted(&b, 0);
    mounted(&b, 1);
    let locale =
        b.run(&format!("{} return root.querySelector('[data-locale-active]').dataset.localeActive;", root_js(1)));
    assert_eq!(locale, "es", "the Spanish file passed its hash check");
    b.click(0, "[data-action=\"start\"]");
    finish(&b, 0, low_magnesium());
    assert_eq!(results(&b, 0)["nutrients"][0], "magnesium");
    let problems = b.console_problems();
    assert!(problems.is_empty(), "console errors or warnings on the CDN-style page: {problems:#?}");
    let requested = cdn.requests();
    for file in [
        "/leg-pain-quiz.js",
        "/leg-pain-quiz-element.js",
        "/wasm/leg-pain-quiz_bg.wasm",
        "/leg-pain-quiz.css",
        "/locales/en-GB.kb",
        "/locales/es.kb",
    ] {
        assert!(requested.iter().any(|r| r == file), "{file} from the CDN: {requested:?}");
    }

    // The same page with a wrong hash on the loader: the browser refuses to run it.
    b.goto(&server.url("/wrong.html"));
    // The load event waits for module scripts to run or fail.
    b.wait_until("return document.readyState === 'complete';", "the page to finish loading");
    let problems = b.console_problems();
    assert!(problems.iter().any(|p| p.contains("integrity")), "an integrity error: {problems:#?}");
    let defined = b.run("return !!customElements.get('leg-pain-quiz');");
    assert_eq!(defined, json!(false), "a loader with the wrong hash never runs");
    b.close();
    let _ = std::fs::remove_dir_all(&host);
    let _ = std::fs::remove_dir_all(package.parent().unwrap());
}

/// Copies a folder (the release build) so a test can change a file in the copy.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The loader checks the hashes the release build wrote into it: an untouched Spanish
/// file is used; one changed by a single byte (a CDN, proxy or attacker) is refused like a
/// missing one, so the widget starts in British English with a warning; a changed wasm
/// never runs, and the warning signs are shown instead.
pub fn a_tampered_file_is_refused_by_its_hash() {
    let copy = temp("tampered");
    copy_dir(&dist(), &copy);
    let body = "<leg-pain-quiz lang=\"es\" persist=\"off\"></leg-pain-quiz>";
    std::fs::write(copy.join("host.html"), page(r#"<script type="module" src="leg-pain-quiz.js"></script>"#, body))
        .unwrap();
    let server = Server::start(copy.clone(), vec![]);
    let active = format!(
        "{} const a = root && root.querySelector('[data-locale-active]'); return a ? a.dataset.localeActive : null;",
        root_js(0)
    );

    // Untouched: Spanish.
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/host.html"));
    mounted(&b, 0);
    assert_eq!(b.run(&active), "es");
    assert!(b.console_problems().is_empty());

    // One byte of the Spanish file changed, same length.
    let es = copy.join("locales/es.kb");
    let mut bytes = std::fs::read(&es).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(&es, &bytes).unwrap();
    b.goto(&server.url("/host.html"));
    mounted(&b, 0);
    assert_eq!(b.run(&active), "en-GB", "a changed language file is refused");
    let problems = b.console_problems();
    assert!(problems.iter().any(|p| p.contains("integrity")), "the browser names the integrity failure: {problems:#?}");
    assert!(problems.iter().any(|p| p.contains("couldn't load es")), "the loader warns once: {problems:#?}");

    // The wasm changed: the quiz doesn't start; the warning signs show.
    let wasm = copy.join("wasm/leg-pain-quiz_bg.wasm");
    let mut bytes = std::fs::read(&wasm).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(&wasm, &bytes).unwrap();
    b.goto(&server.url("/host.html"));
    b.wait_until(
        &format!("{} return !!(root && root.querySelector('.lpq-fallback-box'));", root_js(0)),
        "the warning signs instead of the quiz",
    );
    let problems = b.console_problems();
    assert!(problems.iter().any(|p| p.contains("integrity")), "the browser names the integrity failure: {problems:#?}");
    b.close();
    let _ = std::fs::remove_dir_all(&copy);
}
