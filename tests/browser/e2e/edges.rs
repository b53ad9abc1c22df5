//! The edges that fail safe: storage and the clipboard when they throw, are missing or
//! are full; two tabs on one session; storage keys across shadow roots and clones; a host
//! page that breaks custom elements or shadow roots; attributes with empty values; and a
//! forged saved session. Each case is one a hostile-input probe found.

use crate::browser::{root_js, Browser};
use crate::embedding::{finish, mounted, page, storage, HostDir, LOADER};
use crate::screens::{clot, cramps, ui_text, Answers};
use crate::site;
use serde_json::json;

/// A host page whose first script changes the platform before the widget loads.
fn hostile(dir: &HostDir, file: &str, script: &str, body: &str) {
    dir.write(file, &page(&format!("<script>{script}</script>\n{LOADER}"), body));
}

/// The notice on widget `widget`, once there is one.
async fn notice(b: &Browser, widget: usize) -> String {
    let js = format!(
        "{} const n = root && root.querySelector('[data-notice] p'); return n ? n.textContent : null;",
        root_js(widget)
    );
    b.wait_until(&js, "a notice").await.as_str().unwrap_or_default().to_string()
}

/// Console messages since the last call (reading them clears them), checked for any
/// sign that the wasm aborted; returns those that mention the widget.
async fn messages(b: &Browser) -> Vec<String> {
    let all = b.console_problems().await;
    assert!(
        !all.iter().any(|m| m.contains("unreachable") || m.contains("panicked") || m.contains("RuntimeError")),
        "the wasm must never abort: {all:#?}"
    );
    all.into_iter().filter(|m| m.contains("leg-pain-quiz")).collect()
}

/// Storage that throws: erasing says so when it fails (and the answers are not lost),
/// a full quota says the answers can't be kept, and blocked storage still lets the quiz
/// run. Each failure is logged once.
pub async fn storage_that_fails_is_told_not_hidden() {
    let dir = HostDir::new("storage-fails");
    hostile(
        &dir,
        "no-remove.html",
        "Storage.prototype.removeItem = function () { throw new DOMException('blocked by the host', 'SecurityError'); };",
        "<leg-pain-quiz storage-key=\"s\"></leg-pain-quiz>",
    );
    hostile(
        &dir,
        "full.html",
        "const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {
           if (String(k).startsWith('leg-pain-quiz:')) throw new DOMException('full', 'QuotaExceededError'); return set.call(this, k, v); };",
        "<leg-pain-quiz storage-key=\"s\"></leg-pain-quiz>",
    );
    hostile(
        &dir,
        "blocked.html",
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
         Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });",
        "<leg-pain-quiz storage-key=\"s\"></leg-pain-quiz>",
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900).await;

    // removeItem throws: "erased" is never said, Start keeps working, the answers stay.
    b.goto(&server.url("/no-remove.html")).await;
    b.run("localStorage.clear(); return true;").await;
    b.goto(&server.url("/no-remove.html")).await;
    mounted(&b, 0).await;
    b.click(0, "[data-action=\"start\"]").await;
    b.answer(0, "age", &["51_70"]).await;
    b.wait_for(0, "[data-question=\"sensation\"]").await;
    b.click(0, ".lpq-footer [data-action=\"erase\"]").await;
    assert_eq!(notice(&b, 0).await, ui_text("erase_failed"), "the person is told the answers are still there");
    assert!(storage(&b, "leg-pain-quiz:s").await.is_some_and(|v| v.contains("51_70")), "and they are");
    b.answer(0, "sensation", &["cramp"]).await;
    b.wait_for(0, "[data-question=\"cramp_pattern\"]").await;
    let logged = messages(&b).await;
    assert_eq!(logged.len(), 1, "the failure is logged once: {logged:#?}");

    // A full quota: said once, on screen and in the console, and the quiz goes on.
    b.goto(&server.url("/full.html")).await;
    b.run("localStorage.clear(); return true;").await;
    b.goto(&server.url("/full.html")).await;
    mounted(&b, 0).await;
    b.click(0, "[data-action=\"start\"]").await;
    b.answer(0, "age", &["51_70"]).await;
    assert_eq!(notice(&b, 0).await, ui_text("save_failed"));
    b.answer(0, "sensation", &["cramp"]).await;
    b.answer(0, "cramp_pattern", &["short"]).await;
    b.wait_for(0, "[data-question=\"leg_signs\"]").await;
    let saves: Vec<String> = messages(&b).await.into_iter().filter(|m| m.contains("save")).collect();
    assert_eq!(saves.len(), 1, "logged once, not on every answer: {saves:#?}");

    // Storage that can't even be reached: the quiz runs to its results.
    b.goto(&server.url("/blocked.html")).await;
    mounted(&b, 0).await;
    b.click(0, "[data-action=\"start\"]").await;
    finish(&b, 0, cramps()).await;
    messages(&b).await;
    b.close().await;
}

/// Copy says "Copied" only when the browser copied; otherwise it says so and shows the
/// text to select.
pub async fn copy_tells_the_truth() {
    let dir = HostDir::new("clipboard");
    hostile(
        &dir,
        "clip.html",
        "const mode = new URLSearchParams(location.search).get('mode');
         if (mode === 'missing') Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
         if (mode === 'reject') navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
         if (mode === 'ok') navigator.clipboard.writeText = (t) => { window.copied = t; return Promise.resolve(); };",
        "<leg-pain-quiz storage-key=\"clip\"></leg-pain-quiz>",
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900).await;
    for mode in ["ok", "missing", "reject"] {
        b.goto(&server.url(&format!("/clip.html?mode={mode}"))).await;
        b.run("localStorage.clear(); return true;").await;
        b.goto(&server.url(&format!("/clip.html?mode={mode}"))).await;
        mounted(&b, 0).await;
        b.click(0, "[data-action=\"start\"]").await;
        finish(&b, 0, cramps()).await;
        b.click(0, "[data-action=\"copy\"]").await;
        let status = format!(
            "{} const s = root.querySelector('.lpq-keep [role=status]'); return s && s.textContent.trim() ? s.textContent : null;",
            root_js(0)
        );
        let said = b.wait_until(&status, "what Copy did").await;
        let text_shown = b.exists(0, ".lpq-copy-text").await;
        if mode == "ok" {
            assert_eq!(said, json!(ui_text("copied")));
            assert!(!text_shown);
            let copied = b.run("return window.copied;").await;
            assert!(copied.as_str().unwrap_or_default().contains(&ui_text("summary_title")), "the summary was copied");
        } else {
            assert_eq!(said, json!(ui_text("copy_failed")), "{mode}: no false “Copied”");
            assert!(text_shown, "{mode}: the text is there to select");
            let text = b.run(&format!("{} return root.querySelector('.lpq-copy-text').value;", root_js(0))).await;
            assert!(text.as_str().unwrap_or_default().contains(&ui_text("summary_title")));
        }
        messages(&b).await;
    }
    b.close().await;
}

/// Two tabs on one session: the older tab takes the newer answers, with a notice, and
/// never writes its own older ones over them.
pub async fn an_old_tab_never_overwrites_a_newer_session() {
    let b = Browser::open(1280, 900).await;
    b.goto(&site().url("/")).await;
    b.run("localStorage.clear(); return true;").await;
    b.goto(&site().url("/")).await;
    b.click(0, "[data-action=\"start\"]").await;
    b.answer(0, "age", &["51_70"]).await;
    b.wait_for(0, "[data-question=\"sensation\"]").await;
    let tab_a = b.client.window().await.unwrap();

    // Tab B resumes and answers nine more.
    let tab_b = b.client.new_window(true).await.unwrap();
    b.client.switch_to_window(tab_b.handle.clone()).await.unwrap();
    b.goto(&site().url("/")).await;
    // It picks up where tab A is: the second question.
    for (q, c) in cramps().iter().skip(1).take(9) {
        b.answer(0, q, c).await;
        b.wait_until(
            &format!(
                "{} const q = root.querySelector('[data-question]'); return !q || q.dataset.question !== {};",
                root_js(0),
                json!(q)
            ),
            "the next question",
        )
        .await;
    }
    let newer = storage(&b, "leg-pain-quiz:page").await.unwrap();
    let answered = |s: &str| s.lines().filter(|l| l.starts_with("a.")).count();
    assert_eq!(answered(&newer), 10);

    // Back in tab A: it shows the newer session, says why, and Back doesn't lose it.
    b.client.switch_to_window(tab_a).await.unwrap();
    assert_eq!(notice(&b, 0).await, ui_text("other_tab"));
    b.click(0, "[data-action=\"back\"]").await;
    // Wait until tab A has saved its Back (the saved screen moves from the eleventh
    // question to the tenth): only then is there something to check.
    let (tenth, eleventh) = (cramps()[9].0, cramps()[10].0);
    b.wait_until(
        &format!(
            "const s = localStorage.getItem('leg-pain-quiz:page') || ''; return s.includes('screen=question:{tenth}\\n');"
        ),
        "tab A to save the screen it went back to",
    )
    .await;
    let after = storage(&b, "leg-pain-quiz:page").await.unwrap();
    assert!(
        !newer.contains(&format!("screen=question:{tenth}\n"))
            && newer.contains(&format!("screen=question:{eleventh}\n")),
        "{newer}"
    );
    assert_eq!(answered(&after), 10, "tab A kept tab B's ten answers: {after}");
    messages(&b).await;
    b.close().await;
}

/// Storage keys are unique across the whole document: a widget inside another
/// component's shadow root counts in the page order, and a clone (same id and key) gets
/// a console warning and doesn't save over the original.
pub async fn storage_keys_are_unique_across_shadow_roots_and_clones() {
    let dir = HostDir::new("keys");
    dir.write(
        "keys.html",
        &page(
            &format!(
                "{LOADER}\n<script type=\"module\">
                   customElements.define('host-box', class extends HTMLElement {{
                     connectedCallback() {{ if (!this.shadowRoot) this.attachShadow({{ mode: 'open' }}).innerHTML = '<leg-pain-quiz></leg-pain-quiz>'; }}
                   }});
                 </script>"
            ),
            "<leg-pain-quiz></leg-pain-quiz>\n<host-box></host-box>\n\
             <leg-pain-quiz id=\"orig\" storage-key=\"shared\"></leg-pain-quiz>",
        ),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900).await;
    b.goto(&server.url("/keys.html")).await;
    b.run("localStorage.clear(); return true;").await;
    b.goto(&server.url("/keys.html")).await;
    mounted(&b, 0).await;
    mounted(&b, 1).await;
    // The nested widget, reached through its host's shadow root.
    let nested =
        "const root = document.querySelector('host-box').shadowRoot.querySelector('leg-pain-quiz').shadowRoot;";
    let click_nested = |css: &str| format!("{nested} root.querySelector({}).click(); return true;", json!(css));
    b.wait_until(
        &format!("{nested} return !!(root && root.querySelector('[data-action=\"start\"]'));"),
        "the nested widget",
    )
    .await;

    b.click(0, "[data-action=\"start\"]").await;
    b.answer(0, "age", &["18_50"]).await;
    b.run(&click_nested("[data-action=\"start\"]")).await;
    b.wait_until(&format!("{nested} return !!root.querySelector('[data-question=\"age\"]');"), "the nested quiz").await;
    b.run(&click_nested("[data-option=\"over_70\"] input")).await;
    b.run(&click_nested("[data-action=\"next\"]")).await;
    b.wait_until(
        &format!("{nested} return !!root.querySelector('[data-question=\"sensation\"]');"),
        "the nested quiz to move on",
    )
    .await;
    let first = storage(&b, "leg-pain-quiz:default").await.unwrap_or_default();
    let second = storage(&b, "leg-pain-quiz:default-2").await.unwrap_or_default();
    assert!(first.contains("18_50") && !first.contains("over_70"), "the first widget's answers: {first}");
    assert!(second.contains("over_70"), "the nested widget saves under its own key: {second}");

    // A clone of the keyed widget: same id and key. It works, warns, and doesn't save.
    b.click(1, "[data-action=\"start\"]").await;
    b.answer(1, "age", &["51_70"]).await;
    b.wait_for(1, "[data-question=\"sensation\"]").await;
    b.run("document.body.append(document.querySelector('#orig').cloneNode(true)); return true;").await;
    mounted(&b, 2).await;
    b.click(2, "[data-action=\"start\"]").await;
    b.answer(2, "age", &["under_13"]).await;
    b.wait_for(2, "[data-question=\"sensation\"]").await;
    let shared = storage(&b, "leg-pain-quiz:shared").await.unwrap_or_default();
    assert!(
        shared.contains("51_70") && !shared.contains("under_13"),
        "the clone didn't save over the original: {shared}"
    );
    let warnings = messages(&b).await;
    assert!(
        warnings.iter().any(|w| w.contains("leg-pain-quiz:shared") && w.contains("won't save")),
        "the clone's key clash is reported: {warnings:#?}"
    );
    b.close().await;
}

/// When the host page breaks custom elements or shadow roots, each widget shows the
/// built-in warning signs and the console says why, once.
pub async fn a_broken_platform_shows_the_warning_signs() {
    let dir = HostDir::new("broken");
    let body = "<leg-pain-quiz><p>Host text.</p></leg-pain-quiz>\n<leg-pain-quiz></leg-pain-quiz>";
    hostile(&dir, "noop.html", "customElements.define = function () {};", body);
    hostile(&dir, "taken.html", "customElements.define('leg-pain-quiz', class extends HTMLElement {});", body);
    hostile(
        &dir,
        "no-shadow.html",
        "Element.prototype.attachShadow = function () { throw new DOMException('not here', 'NotSupportedError'); };",
        body,
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900).await;
    let heading = {
        let meta: toml::Table = std::fs::read_to_string(crate::repo_root().join("crates/knowledge/data/meta.toml"))
            .unwrap()
            .parse()
            .unwrap();
        meta["emergency"]["heading"].as_str().unwrap().to_string()
    };
    for (file, why) in
        [("noop.html", "custom elements"), ("taken.html", "already defined"), ("no-shadow.html", "shadow root")]
    {
        b.goto(&server.url(&format!("/{file}"))).await;
        let shown = b
            .wait_until(
                "const boxes = [...document.querySelectorAll('leg-pain-quiz')].map(e => e.querySelector('.lpq-fallback-box'));
                 return boxes.every(Boolean) ? boxes.map(b => b.innerText) : null;",
                &format!("{file}: the warning signs in every widget"),
            )
            .await;
        for text in shown.as_array().unwrap() {
            assert!(text.as_str().unwrap().contains(&heading), "{file}: {text}");
        }
        let errors = messages(&b).await;
        assert_eq!(errors.len(), 1, "{file}: one console error: {errors:#?}");
        assert!(errors[0].contains(why), "{file}: says why: {errors:#?}");
    }
    b.close().await;
}

/// Attributes behave as documented, empty values included: `persist=""` is not a value
/// the README lists, so it warns and doesn't save.
pub async fn empty_attribute_values_fall_back_with_a_warning() {
    let dir = HostDir::new("empty-attrs");
    dir.write(
        "empty.html",
        &page(LOADER, "<leg-pain-quiz persist=\"\" storage-key=\"empty\" theme=\"\" history=\"\"></leg-pain-quiz>"),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900).await;
    b.goto(&server.url("/empty.html")).await;
    b.run("localStorage.clear(); return true;").await;
    messages(&b).await;
    b.goto(&server.url("/empty.html")).await;
    mounted(&b, 0).await;
    b.click(0, "[data-action=\"start\"]").await;
    b.answer(0, "age", &["18_50"]).await;
    b.wait_for(0, "[data-question=\"sensation\"]").await;
    assert_eq!(storage(&b, "leg-pain-quiz:empty").await, None, "persist=\"\" doesn't save");
    let warnings = messages(&b).await;
    for name in ["persist=", "theme=", "history="] {
        assert!(warnings.iter().any(|w| w.contains(name)), "{name}\"\" is reported: {warnings:#?}");
    }
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    b.close().await;
}

/// A saved session forged to jump to the results past an unseen emergency: the
/// emergency is worked out again from the answers and shown first.
pub async fn a_forged_session_never_skips_an_emergency() {
    let b = Browser::open(390, 844).await;
    let answers: &Answers = clot();
    let mut forged = "lpq-session 2\nrev=1\nscreen=results\nack=\n".to_string();
    for (q, c) in answers {
        forged += &format!("a.{q}={}\n", c.join(","));
    }
    b.goto(&site().url("/")).await;
    b.run(&format!("localStorage.setItem('leg-pain-quiz:page', {}); return true;", json!(forged))).await;
    b.goto(&site().url("/")).await;
    let now = crate::screens::screen(&b).await;
    assert_eq!(now, "interrupt:emergency", "the emergency comes before the results");
    assert!(!b.exists(0, "[data-results]").await);
    b.click(0, "[data-action=\"continue\"]").await;
    crate::screens::next_screen(&b, "interrupt:emergency").await;
    assert!(b.exists(0, "[data-results] [data-triage=\"emergency\"]").await);
    b.close().await;
}
