//! The edges that fail safe: storage and the clipboard when they throw, are missing or
//! are full; two tabs on one session; storage keys across shadow roots and clones; a host
//! page that breaks custom elements or shadow roots; attributes with empty values; a
//! forged saved session; saved answers that can't be read back; a host that owns the
//! history; a results link over a saved session; slow, failing and incomplete language
//! files; a widget removed and put back; storage keys that differ only in punctuation.
//! Each case is one a hostile-input probe found.

use crate::browser::{root_js, Browser};
use crate::embedding::{expect_screen, finish, mounted, page, storage, HostDir, LOADER};
use crate::screens::{clot, cramps, harmless, ui_text, Answers};
use crate::site;
use serde_json::json;

/// A host page whose first script changes the platform before the widget loads.
fn hostile(dir: &HostDir, file: &str, script: &str, body: &str) {
    dir.write(file, &page(&format!("<script>{script}</script>\n{LOADER}"), body));
}

/// The notice on widget `widget`, once there is one.
fn notice(b: &Browser, widget: usize) -> String {
    let js = format!(
        "{} const n = root && root.querySelector('[data-notice] p'); return n ? n.textContent : null;",
        root_js(widget)
    );
    b.wait_until(&js, "a notice").as_str().unwrap_or_default().to_string()
}

/// Console messages since the last call (reading them clears them), checked for any
/// sign that the wasm aborted; returns those that mention the widget.
fn messages(b: &Browser) -> Vec<String> {
    let all = b.console_problems();
    assert!(
        !all.iter().any(|m| m.contains("unreachable") || m.contains("panicked") || m.contains("RuntimeError")),
        "the wasm must never abort: {all:#?}"
    );
    all.into_iter().filter(|m| m.contains("leg-pain-quiz")).collect()
}

/// Storage that throws: erasing says so when it fails (and the answers are not lost),
/// a full quota says the answers can't be kept, and blocked storage still lets the quiz
/// run. Each failure is logged once.
pub fn storage_that_fails_is_told_not_hidden() {
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
    let b = Browser::open(1280, 900);

    // removeItem throws: "erased" is never said, Start keeps working, the answers stay.
    b.goto(&server.url("/no-remove.html"));
    b.run("localStorage.clear(); return true;");
    b.goto(&server.url("/no-remove.html"));
    mounted(&b, 0);
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["51_70"]);
    b.wait_for(0, "[data-question=\"sensation\"]");
    b.click(0, ".lpq-footer [data-action=\"erase\"]");
    assert_eq!(notice(&b, 0), ui_text("erase_failed"), "the person is told the answers are still there");
    assert!(storage(&b, "leg-pain-quiz:s").is_some_and(|v| v.contains("51_70")), "and they are");
    b.answer(0, "sensation", &["cramp"]);
    b.wait_for(0, "[data-question=\"cramp_pattern\"]");
    let logged = messages(&b);
    assert_eq!(logged.len(), 1, "the failure is logged once: {logged:#?}");

    // A full quota: said once, on screen and in the console, and the quiz goes on.
    b.goto(&server.url("/full.html"));
    b.run("localStorage.clear(); return true;");
    b.goto(&server.url("/full.html"));
    mounted(&b, 0);
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["51_70"]);
    assert_eq!(notice(&b, 0), ui_text("save_failed"));
    b.answer(0, "sensation", &["cramp"]);
    b.answer(0, "cramp_pattern", &["short"]);
    b.wait_for(0, "[data-question=\"leg_signs\"]");
    let saves: Vec<String> = messages(&b).into_iter().filter(|m| m.contains("save")).collect();
    assert_eq!(saves.len(), 1, "logged once, not on every answer: {saves:#?}");

    // Storage that can't even be reached: the quiz runs to its results.
    b.goto(&server.url("/blocked.html"));
    mounted(&b, 0);
    b.click(0, "[data-action=\"start\"]");
    finish(&b, 0, cramps());
    messages(&b);
    b.close();
}

/// Copy says "Copied" only when the browser copied; otherwise it says so and shows the
/// text to select.
pub fn copy_tells_the_truth() {
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
    let b = Browser::open(1280, 900);
    for mode in ["ok", "missing", "reject"] {
        b.goto(&server.url(&format!("/clip.html?mode={mode}")));
        b.run("localStorage.clear(); return true;");
        b.goto(&server.url(&format!("/clip.html?mode={mode}")));
        mounted(&b, 0);
        b.click(0, "[data-action=\"start\"]");
        finish(&b, 0, cramps());
        b.click(0, "[data-action=\"copy\"]");
        let status = format!(
            "{} const s = root.querySelector('.lpq-keep [role=status]'); return s && s.textContent.trim() ? s.textContent : null;",
            root_js(0)
        );
        let said = b.wait_until(&status, "what Copy did");
        let text_shown = b.exists(0, ".lpq-copy-text");
        if mode == "ok" {
            assert_eq!(said, json!(ui_text("copied")));
            assert!(!text_shown);
            let copied = b.run("return window.copied;");
            assert!(copied.as_str().unwrap_or_default().contains(&ui_text("summary_title")), "the summary was copied");
        } else {
            assert_eq!(said, json!(ui_text("copy_failed")), "{mode}: no false “Copied”");
            assert!(text_shown, "{mode}: the text is there to select");
            let text = b.run(&format!("{} return root.querySelector('.lpq-copy-text').value;", root_js(0)));
            assert!(text.as_str().unwrap_or_default().contains(&ui_text("summary_title")));
        }
        messages(&b);
    }
    b.close();
}

/// Two tabs on one session: the older tab takes the newer answers, with a notice, and
/// never writes its own older ones over them.
pub fn an_old_tab_never_overwrites_a_newer_session() {
    let b = Browser::open(1280, 900);
    b.goto(&site().url("/"));
    b.run("localStorage.clear(); return true;");
    b.goto(&site().url("/"));
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["51_70"]);
    b.wait_for(0, "[data-question=\"sensation\"]");
    let tab_a = b.client.window().unwrap();

    // Tab B resumes and answers nine more.
    let tab_b = b.client.new_window(true).unwrap();
    b.client.switch_to_window(tab_b.handle.clone()).unwrap();
    b.goto(&site().url("/"));
    // It picks up where tab A is: the second page (the first holds who and the age).
    for (q, c) in cramps().iter().skip(2).take(9) {
        b.answer(0, q, c);
        b.wait_until(
            &format!(
                "{} const q = root.querySelector('[data-question]'); return !q || q.dataset.question !== {};",
                root_js(0),
                json!(q)
            ),
            "the next question",
        );
    }
    let newer = storage(&b, "leg-pain-quiz:page").unwrap();
    let answered = |s: &str| s.lines().filter(|l| l.starts_with("a.")).count();
    assert_eq!(answered(&newer), 11);

    // Back in tab A: it shows the newer session, says why, and Back doesn't lose it.
    b.client.switch_to_window(tab_a).unwrap();
    assert_eq!(notice(&b, 0), ui_text("other_tab"));
    b.click(0, "[data-action=\"back\"]");
    // Wait until tab A has saved its Back (the saved screen moves from the eleventh
    // question to the tenth): only then is there something to check.
    let (tenth, eleventh) = (cramps()[10].0, cramps()[11].0);
    b.wait_until(
        &format!(
            "const s = localStorage.getItem('leg-pain-quiz:page') || ''; return s.includes('screen=question:{tenth}\\n');"
        ),
        "tab A to save the screen it went back to",
    );
    let after = storage(&b, "leg-pain-quiz:page").unwrap();
    assert!(
        !newer.contains(&format!("screen=question:{tenth}\n"))
            && newer.contains(&format!("screen=question:{eleventh}\n")),
        "{newer}"
    );
    assert_eq!(answered(&after), 11, "tab A kept tab B's eleven answers: {after}");
    messages(&b);
    b.close();
}

/// Storage keys are unique across the whole document: a widget inside another
/// component's shadow root counts in the page order, and a clone (same id and key) gets
/// a console warning and doesn't save over the original.
pub fn storage_keys_are_unique_across_shadow_roots_and_clones() {
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
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/keys.html"));
    b.run("localStorage.clear(); return true;");
    b.goto(&server.url("/keys.html"));
    mounted(&b, 0);
    mounted(&b, 1);
    // The nested widget, reached through its host's shadow root.
    let nested =
        "const root = document.querySelector('host-box').shadowRoot.querySelector('leg-pain-quiz').shadowRoot;";
    let click_nested = |css: &str| format!("{nested} root.querySelector({}).click(); return true;", json!(css));
    b.wait_until(
        &format!("{nested} return !!(root && root.querySelector('[data-action=\"start\"]'));"),
        "the nested widget",
    );

    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["18_50"]);
    b.run(&click_nested("[data-action=\"start\"]"));
    b.wait_until(&format!("{nested} return !!root.querySelector('[data-question=\"age\"]');"), "the nested quiz");
    b.run(&click_nested("[data-option=\"myself\"] input"));
    b.run(&click_nested("[data-option=\"over_70\"] input"));
    b.run(&click_nested("[data-action=\"next\"]"));
    b.wait_until(
        &format!("{nested} return !!root.querySelector('[data-question=\"sensation\"]');"),
        "the nested quiz to move on",
    );
    let first = storage(&b, "leg-pain-quiz:default").unwrap_or_default();
    let second = storage(&b, "leg-pain-quiz:default-2").unwrap_or_default();
    assert!(first.contains("18_50") && !first.contains("over_70"), "the first widget's answers: {first}");
    assert!(second.contains("over_70"), "the nested widget saves under its own key: {second}");

    // A clone of the keyed widget: same id and key. It works, warns, and doesn't save.
    b.click(1, "[data-action=\"start\"]");
    b.answer(1, "age", &["51_70"]);
    b.wait_for(1, "[data-question=\"sensation\"]");
    b.run("document.body.append(document.querySelector('#orig').cloneNode(true)); return true;");
    mounted(&b, 2);
    b.click(2, "[data-action=\"start\"]");
    b.answer(2, "age", &["under_13"]);
    b.wait_for(2, "[data-question=\"sensation\"]");
    let shared = storage(&b, "leg-pain-quiz:shared").unwrap_or_default();
    assert!(
        shared.contains("51_70") && !shared.contains("under_13"),
        "the clone didn't save over the original: {shared}"
    );
    let warnings = messages(&b);
    assert!(
        warnings.iter().any(|w| w.contains("leg-pain-quiz:shared") && w.contains("won't save")),
        "the clone's key clash is reported: {warnings:#?}"
    );
    b.close();
}

/// When the host page breaks custom elements or shadow roots, each widget shows the
/// built-in warning signs and the console says why, once.
pub fn a_broken_platform_shows_the_warning_signs() {
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
    let b = Browser::open(1280, 900);
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
        b.goto(&server.url(&format!("/{file}")));
        let shown = b
            .wait_until(
                "const boxes = [...document.querySelectorAll('leg-pain-quiz')].map(e => e.querySelector('.lpq-fallback-box'));
                 return boxes.every(Boolean) ? boxes.map(b => b.innerText) : null;",
                &format!("{file}: the warning signs in every widget"),
            );
        for text in shown.as_array().unwrap() {
            assert!(text.as_str().unwrap().contains(&heading), "{file}: {text}");
        }
        let errors = messages(&b);
        assert_eq!(errors.len(), 1, "{file}: one console error: {errors:#?}");
        assert!(errors[0].contains(why), "{file}: says why: {errors:#?}");
    }
    b.close();
}

/// Attributes behave as documented, empty values included: `persist=""` is not a value
/// the README lists, so it warns and doesn't save.
pub fn empty_attribute_values_fall_back_with_a_warning() {
    let dir = HostDir::new("empty-attrs");
    dir.write(
        "empty.html",
        &page(LOADER, "<leg-pain-quiz persist=\"\" storage-key=\"empty\" theme=\"\" history=\"\"></leg-pain-quiz>"),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/empty.html"));
    b.run("localStorage.clear(); return true;");
    messages(&b);
    b.goto(&server.url("/empty.html"));
    mounted(&b, 0);
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["18_50"]);
    b.wait_for(0, "[data-question=\"sensation\"]");
    assert_eq!(storage(&b, "leg-pain-quiz:empty"), None, "persist=\"\" doesn't save");
    let warnings = messages(&b);
    for name in ["persist=", "theme=", "history="] {
        assert!(warnings.iter().any(|w| w.contains(name)), "{name}\"\" is reported: {warnings:#?}");
    }
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    b.close();
}

/// A saved session forged to jump to the results past an unseen emergency: the
/// emergency is worked out again from the answers and shown first.
pub fn a_forged_session_never_skips_an_emergency() {
    let b = Browser::open(390, 844);
    let answers: &Answers = clot();
    let mut forged = "lpq-session 2\nrev=1\nscreen=results\nack=\n".to_string();
    for (q, c) in answers {
        forged += &format!("a.{q}={}\n", c.join(","));
    }
    b.goto(&site().url("/"));
    b.run(&format!("localStorage.setItem('leg-pain-quiz:page', {}); return true;", json!(forged)));
    b.goto(&site().url("/"));
    let now = crate::screens::screen(&b);
    assert_eq!(now, "interrupt:emergency", "the emergency comes before the results");
    assert!(!b.exists(0, "[data-results]"));
    b.click(0, "[data-action=\"continue\"]");
    crate::screens::next_screen(&b, "interrupt:emergency");
    assert!(b.exists(0, "[data-results] [data-triage=\"emergency\"]"));
    b.close();
}

/// The screen widget 0 shows, once it shows one (see [`crate::embedding::screen`]).
fn on(b: &Browser) -> String {
    crate::embedding::screen(b, 0)
}

/// Saved answers that can't be read back are never taken as the person's decision:
/// storage that drops writes, a `getItem` that gives something other than text, and
/// another version's session written under the key mid-quiz each leave the quiz going
/// on, never "erased" and never back at the start. Where storage can't keep the answers,
/// the person is told once.
pub fn unreadable_saved_answers_never_count_as_erased() {
    let dir = HostDir::new("unreadable");
    let body = "<leg-pain-quiz storage-key=\"u\"></leg-pain-quiz>";
    hostile(
        &dir,
        "drops.html",
        "const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {
           if (String(k).startsWith('leg-pain-quiz:')) return; return set.call(this, k, v); };",
        body,
    );
    hostile(
        &dir,
        "not-text.html",
        "const get = Storage.prototype.getItem; Storage.prototype.getItem = function (k) {
           return String(k).startsWith('leg-pain-quiz:') ? { not: 'text' } : get.call(this, k); };",
        body,
    );
    hostile(&dir, "plain.html", "", body);
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    for file in ["drops.html", "not-text.html"] {
        b.goto(&server.url(&format!("/{file}")));
        b.run("localStorage.clear(); return true;");
        b.goto(&server.url(&format!("/{file}")));
        mounted(&b, 0);
        b.click(0, "[data-action=\"start\"]");
        // From the age (who it is about, on its page, is Myself) through three pages.
        for (q, c) in cramps().iter().skip(1).take(3) {
            b.answer(0, q, c);
        }
        b.wait_for(0, &format!("[data-question=\"{}\"]", cramps()[4].0));
        assert_eq!(notice(&b, 0), ui_text("save_failed"), "{file}: told it can't save");
        // Told once: dismissed, it doesn't come back on the next answers.
        b.click(0, "[data-notice] [data-action=\"dismiss\"]");
        b.answer(0, cramps()[4].0, cramps()[4].1);
        b.wait_for(0, &format!("[data-question=\"{}\"]", cramps()[5].0));
        assert!(!b.exists(0, "[data-notice]"), "{file}: said once");
        messages(&b);
    }

    // Another version of the widget, in another tab, writes its session under the key.
    b.goto(&server.url("/plain.html"));
    b.run("localStorage.clear(); return true;");
    b.goto(&server.url("/plain.html"));
    mounted(&b, 0);
    b.click(0, "[data-action=\"start\"]");
    // The age (who it is about, on its page, is Myself).
    b.answer(0, cramps()[1].0, cramps()[1].1);
    b.wait_for(0, &format!("[data-question=\"{}\"]", cramps()[2].0));
    b.run(
        "const v = 'lpq-session 3\\nrev=40\\nscreen=intro\\nfuture=yes\\n';
         localStorage.setItem('leg-pain-quiz:u', v);
         dispatchEvent(new StorageEvent('storage', { key: 'leg-pain-quiz:u', newValue: v, storageArea: localStorage }));
         return true;",
    );
    b.answer(0, cramps()[2].0, cramps()[2].1);
    b.wait_for(0, &format!("[data-question=\"{}\"]", cramps()[3].0));
    assert!(!b.exists(0, "[data-notice]"), "no notice names a cause that didn't happen");
    let saved = storage(&b, "leg-pain-quiz:u").unwrap_or_default();
    assert!(saved.starts_with("lpq-session 2") && saved.contains(cramps()[1].1[0]), "the answers are saved: {saved}");
    messages(&b);
    b.close();
}

/// With `history="on"` the widget moves only on the history entries it made: the
/// browser's Back and Forward step through the quiz as they say, while a host that
/// changes `location.hash` on a timer or pushes and pops its own routes leaves it where
/// it is, on results opened from a link too.
pub fn the_widget_moves_only_on_its_own_history_entries() {
    let dir = HostDir::new("history");
    dir.write(
        "spa.html",
        &page(
            &format!("<script>window.pops = 0; addEventListener('popstate', () => window.pops++);</script>\n{LOADER}"),
            "<leg-pain-quiz storage-key=\"h\" history=\"on\"></leg-pain-quiz>",
        ),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    let fresh = || {
        b.goto(&server.url("/spa.html"));
        b.run("localStorage.clear(); return true;");
        b.goto(&server.url("/spa.html"));
        mounted(&b, 0);
    };
    let pops = |n: u32| format!("return window.pops >= {n};");

    // A results link, then a hash change by the host: the results stay.
    fresh();
    b.click(0, "[data-action=\"start\"]");
    finish(&b, 0, cramps());
    b.click(0, "[data-action=\"share\"]");
    let href = b.run(&format!("{} return root.querySelector('a[data-share-link]').href;", root_js(0)));
    b.run("localStorage.clear(); return true;");
    b.goto("about:blank");
    b.goto(href.as_str().unwrap());
    b.wait_for(0, "[data-results]");
    b.run("window.pops = 0; location.hash = 'host-section'; return true;");
    b.wait_until(&pops(1), "the host's hash change");
    assert_eq!(on(&b), "results", "a hash change is not the widget's Back");

    // Back and Forward mean what the browser means.
    fresh();
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["18_50"]);
    b.answer(0, "sensation", &["cramp"]);
    b.wait_for(0, "[data-question=\"cramp_pattern\"]");
    b.client.back().unwrap();
    expect_screen(&b, 0, "q:sensation", "Back steps back");
    b.client.forward().unwrap();
    expect_screen(&b, 0, "q:cramp_pattern", "Forward goes forward");

    // The host changes its hash every 50 ms, then pushes and pops a route of its own.
    b.run(
        "window.pops = 0; let n = 0;
         const t = setInterval(() => { location.hash = 'tick-' + n++; if (n === 5) clearInterval(t); }, 50);
         return true;",
    );
    b.wait_until(&pops(5), "five hash changes");
    assert_eq!(on(&b), "q:cramp_pattern", "the host's hash changes don't move the quiz");
    b.run("window.pops = 0; history.pushState({ route: 'settings' }, '', '?route=settings'); history.back(); return true;");
    b.wait_until(&pops(1), "the host's route Back");
    assert_eq!(on(&b), "q:cramp_pattern", "the host's own Back doesn't move the quiz");
    // And the quiz carries on, its own Back still working. The new screen's entry is added
    // once it is painted (a frame after), so Back waits for it as a person's finger would.
    b.run("window.entryBefore = JSON.stringify(history.state); return true;");
    b.answer(0, "cramp_pattern", &["short"]);
    b.wait_for(0, "[data-question=\"leg_signs\"]");
    b.wait_until("return JSON.stringify(history.state) !== window.entryBefore || null;", "the widget's history entry");
    b.client.back().unwrap();
    expect_screen(&b, 0, "q:cramp_pattern", "Back after the host's entries");
    messages(&b);
    b.close();
}

/// A results link opened where other answers are saved is a session of its own until
/// the person chooses: changing an answer keeps it (no jump to the saved session, no
/// "another tab"), "Start again" erases nothing, and the person can go back to the saved
/// answers or keep the link's instead.
pub fn a_results_link_over_saved_answers_waits_for_the_person() {
    let b = Browser::open(1280, 900);
    crate::screens::fresh_page(&b);
    crate::screens::walk_until(&b, harmless(), "results");
    b.click(0, "[data-action=\"share\"]");
    let href = b.run(&format!("{} return root.querySelector('a[data-share-link]').href;", root_js(0)));
    let href = href.as_str().unwrap().to_string();
    // The person's own answers, saved part way through.
    b.click(0, "[data-action=\"restart\"]");
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["over_70"]);
    b.wait_for(0, "[data-question=\"sensation\"]");
    let saved = storage(&b, "leg-pain-quiz:page").expect("saved");
    assert!(saved.contains("over_70"));

    let open = || {
        b.goto("about:blank");
        b.goto(&href);
        b.wait_for(0, "[data-results]");
        b.wait_for(0, "[data-link-choice]");
    };
    open();
    b.screenshot(&crate::output_dir().join("link-over-saved-1280x900.png"));
    // Changing an answer: the link's session goes on; nothing is saved over the person's.
    b.click(0, "[data-action=\"back\"]");
    b.click(0, "[data-change=\"frequency\"]");
    b.answer(0, "frequency", &["weekly"]);
    expect_screen(&b, 0, "review", "back to the check page with the changed answer");
    assert!(b.exists(0, "[data-link-choice]"), "the choice is still the person's");
    let notices = b.run(&format!(
        "{} return [...root.querySelectorAll('[data-notice]')].map(n => n.textContent).join('|');",
        root_js(0)
    ));
    assert!(!notices.as_str().unwrap_or_default().contains(&ui_text("other_tab")), "no other tab: {notices}");
    assert_eq!(storage(&b, "leg-pain-quiz:page").as_deref(), Some(saved.as_str()), "the saved answers are untouched");
    // "Start again" on the link's results erases nothing.
    b.click(0, "[data-action=\"submit\"]");
    b.wait_for(0, "[data-results]");
    b.click(0, "[data-action=\"restart\"]");
    expect_screen(&b, 0, "intro", "started again");
    assert_eq!(storage(&b, "leg-pain-quiz:page").as_deref(), Some(saved.as_str()), "nothing erased unasked");
    // The person goes back to the saved answers: where they left off.
    b.click(0, "[data-action=\"saved-answers\"]");
    expect_screen(&b, 0, "q:sensation", "the saved session, where it was left");
    assert!(!b.exists(0, "[data-link-choice]"));
    // Or keeps the link's answers instead.
    open();
    b.click(0, "[data-action=\"keep-link\"]");
    b.wait_until(
        "const s = localStorage.getItem('leg-pain-quiz:page'); return s && s.includes('months_stable') && !s.includes('over_70');",
        "the link's answers saved in place of the others",
    );
    assert!(!b.exists(0, "[data-link-choice]"));
    messages(&b);
    b.close();
}

/// A language file that hangs never leaves the element blank: the first screen with the
/// warning signs shows in the element's language meanwhile (the loader's copy), and after
/// the time limit the quiz starts in British English with a console warning.
pub fn a_slow_language_file_shows_the_warning_signs_meanwhile() {
    let dir = HostDir::new("slow-locale");
    hostile(
        &dir,
        "slow.html",
        "const f = window.fetch; window.fetch = function (u, o) {
           return String(u).includes('locales/es.kb') ? new Promise(() => {}) : f.call(this, u, o); };",
        "<leg-pain-quiz lang=\"es-ES\" storage-key=\"slow\"></leg-pain-quiz>",
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/slow.html"));
    let waiting = b.wait_until(
        &format!(
            "{} const early = root && root.querySelector('[data-lpq-early]'); return early ? early.innerText : null;",
            root_js(0)
        ),
        "the first screen with the warning signs while the language file is slow",
    );
    b.screenshot(&crate::output_dir().join("slow-language-first-screen-1280x900.png"));
    let waiting = waiting.as_str().unwrap();
    assert!(waiting.contains(&spanish("heading")), "in the element's language: {waiting}");
    assert!(!waiting.contains(&spanish("cant_start")), "not yet 'could not start': {waiting}");
    mounted(&b, 0);
    let active =
        b.run(&format!("{} return root.querySelector('[data-locale-active]').dataset.localeActive;", root_js(0)));
    assert_eq!(active, json!("en-GB"), "started in British English after the time limit");
    assert!(!b.exists(0, "[data-lpq-early]"), "the quiz replaced the loader's first screen");
    let logged = messages(&b);
    assert!(logged.iter().any(|m| m.contains("couldn't load es")), "{logged:#?}");
    b.close();
}

/// One of the element's language's emergency texts, from the Spanish locale.
fn spanish(key: &str) -> String {
    let path = crate::repo_root().join("crates/knowledge/locales/es.toml");
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    table["emergency"][key].as_str().unwrap().to_string()
}

/// Where the quiz can't start, the warning signs need nothing but the loader: in Spanish
/// under `connect-src 'none'` and while the language file hangs. (A language file carries
/// no warning signs at all: only the knowledge base for the wasm.)
pub fn the_warning_signs_need_nothing_but_the_loader() {
    let dir = HostDir::new("signs");
    let body = "<leg-pain-quiz lang=\"es-ES\" storage-key=\"signs\"></leg-pain-quiz>";
    dir.write("no-connect.html", &page(LOADER, body));
    hostile(
        &dir,
        "hangs.html",
        "delete window.WebAssembly; const f = window.fetch; window.fetch = function (u, o) {
           return String(u).includes('locales/es.kb') ? new Promise(() => {}) : f.call(this, u, o); };",
        body,
    );
    let csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'none'";
    let strict = dir.serve(vec![("Content-Security-Policy".into(), csp.into())]);
    let plain = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    for (server, file) in [(&strict, "no-connect.html"), (&plain, "hangs.html")] {
        b.goto(&server.url(&format!("/{file}")));
        let text = b
            .wait_until(
                &format!("{} const box = root && root.querySelector('.lpq-fallback-box:not([data-waiting])'); return box ? box.innerText : null;", root_js(0)),
                &format!("{file}: the warning signs"),
            );
        let text = text.as_str().unwrap();
        for key in ["cant_start", "heading"] {
            assert!(text.contains(&spanish(key)), "{file}: in Spanish, `{key}`: {text}");
        }
        assert!(text.contains("112"), "{file}: Spain's number: {text}");
        messages(&b);
    }
    b.close();
}

/// A language download that failed once is tried again the next time the person asks.
pub fn a_failed_language_download_is_tried_again() {
    let dir = HostDir::new("retry-locale");
    hostile(
        &dir,
        "retry.html",
        "window.esRequests = 0; const f = window.fetch; window.fetch = function (u, o) {
           if (String(u).includes('locales/es.kb') && window.esRequests++ === 0) return Promise.resolve(new Response('down', { status: 500 }));
           return f.call(this, u, o); };",
        "<leg-pain-quiz lang=\"en-GB\" storage-key=\"retry\"></leg-pain-quiz>",
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/retry.html"));
    mounted(&b, 0);
    b.click(0, "[data-locale=\"es\"]");
    assert_eq!(notice(&b, 0), ui_text("locale_failed"));
    b.click(0, "[data-locale=\"es\"]");
    b.wait_until(
        &format!(
            "{} const a = root.querySelector('[data-locale-active]'); return a && a.dataset.localeActive === 'es';",
            root_js(0)
        ),
        "Spanish on the second try",
    );
    assert_eq!(b.run("return window.esRequests;"), json!(2), "asked again, once");
    messages(&b);
    b.close();
}

/// A widget removed from the page gives its storage key back: a new one inserted with
/// the same `storage-key` resumes the answers and saves, with no clash reported.
pub fn a_remounted_widget_resumes_and_saves() {
    let dir = HostDir::new("remount");
    dir.write(
        "remount.html",
        &page(LOADER, "<div id=\"slot\"><leg-pain-quiz storage-key=\"re\"></leg-pain-quiz></div>"),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/remount.html"));
    b.run("localStorage.clear(); return true;");
    b.goto(&server.url("/remount.html"));
    mounted(&b, 0);
    b.click(0, "[data-action=\"start\"]");
    b.answer(0, "age", &["51_70"]);
    b.wait_for(0, "[data-question=\"sensation\"]");
    let replace = "const old = document.querySelector('leg-pain-quiz'); old.remove();
         const el = document.createElement('leg-pain-quiz'); el.setAttribute('storage-key', 're');
         document.querySelector('#slot').append(el); return true;";
    b.run(replace);
    expect_screen(&b, 0, "q:sensation", "the new widget resumes the answers where they were");
    b.answer(0, "sensation", &["cramp"]);
    b.wait_for(0, "[data-question=\"cramp_pattern\"]");
    let saved_at_cramp_pattern =
        "const s = localStorage.getItem('leg-pain-quiz:re') || ''; return s.includes('a.sensation=cramp');";
    b.wait_until(saved_at_cramp_pattern, "and saves the answer");
    // The same element taken off the page in the moment Next is pressed, before the new
    // page is painted (so before the quiz would save): the change is saved as it leaves,
    // and the element put back resumes on the new page.
    let next_and_remove = format!(
        "{} root.querySelector('[data-question=\"cramp_pattern\"] [data-option=\"short\"]').click();
         for (const q of root.querySelectorAll('[data-question]')) if (!q.querySelector('input:checked')) q.querySelector('[data-option]').click();
         root.querySelector('[data-action=\"next\"]').click();
         host.remove(); setTimeout(() => document.querySelector('#slot').append(host), 50); return true;",
        root_js(0)
    );
    b.run(&next_and_remove);
    b.wait_until(
        &format!("{} return !!(root && host.isConnected && root.querySelector('[data-question]'));", root_js(0)),
        "the element back",
    );
    expect_screen(&b, 0, "q:leg_signs", "it resumes on the page Next led to");
    let saved = storage(&b, "leg-pain-quiz:re").unwrap_or_default();
    assert!(saved.contains("a.cramp_pattern=short"), "saved as it left: {saved}");
    // And it saves what is answered after it came back.
    b.answer(0, "leg_signs", &["none"]);
    b.wait_until(
        "const s = localStorage.getItem('leg-pain-quiz:re') || ''; return s.includes('a.leg_signs=');",
        "and saves after it came back",
    );
    let logged = messages(&b);
    assert!(!logged.iter().any(|m| m.contains("won't save")), "no key clash: {logged:#?}");
    b.close();
}

/// Distinct `storage-key`s name distinct results in a link: `x y` and `x_y` once both
/// became `lpq-x_y`, so one widget's link opened in the other.
pub fn distinct_storage_keys_make_distinct_links() {
    let dir = HostDir::new("link-names");
    dir.write(
        "two.html",
        &page(
            LOADER,
            "<leg-pain-quiz storage-key=\"x y\"></leg-pain-quiz>\n<leg-pain-quiz storage-key=\"x_y\"></leg-pain-quiz>",
        ),
    );
    let server = dir.serve(vec![]);
    let b = Browser::open(1280, 900);
    b.goto(&server.url("/two.html"));
    b.run("localStorage.clear(); return true;");
    b.goto(&server.url("/two.html"));
    let mut links = Vec::new();
    for widget in [0, 1] {
        mounted(&b, widget);
        b.click(widget, "[data-action=\"start\"]");
        finish(&b, widget, cramps());
        b.click(widget, "[data-action=\"share\"]");
        b.wait_for(widget, "a[data-share-link]");
        let href = b.run(&format!("{} return root.querySelector('a[data-share-link]').href;", root_js(widget)));
        links.push(href.as_str().unwrap().to_string());
    }
    let name = |href: &str| href.split_once('#').unwrap().1.split_once('=').unwrap().0.to_string();
    assert_ne!(name(&links[0]), name(&links[1]), "two keys, two names: {links:?}");
    // Each link opens in its own widget only.
    for (widget, href) in links.iter().enumerate() {
        b.run("localStorage.clear(); return true;");
        b.goto("about:blank");
        b.goto(href);
        b.wait_for(widget, "[data-results]");
        expect_screen(&b, 1 - widget, "intro", "the other widget stays on its intro");
    }
    messages(&b);
    b.close();
}
