//! The browser APIs the widget uses that can fail, each handled as fallible.
//!
//! Some of web-sys's bindings assume a call never throws (`Storage::remove_item`), and a
//! host script, a privacy extension or a locked-down browser can make any of them throw:
//! a throw through such a binding aborts the wasm. So these calls go through
//! [`call`], which catches, and every failure comes back as a value the caller must
//! handle. Failures are logged once each, never on every save.

use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Calls `target[method](...args)`, catching anything it throws (or a missing method).
pub fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let function = Reflect::get(target, &JsValue::from_str(method))?.dyn_into::<Function>()?;
    let list: js_sys::Array = args.iter().copied().collect();
    function.apply(target, &list)
}

/// Logs a problem once per kind for the page's life.
pub fn log_once(kind: &'static str, detail: &JsValue) {
    thread_local!(static LOGGED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) });
    let first = LOGGED.with(|logged| {
        let mut logged = logged.borrow_mut();
        let first = !logged.contains(&kind);
        if first {
            logged.push(kind);
        }
        first
    });
    if first {
        web_sys::console::warn_2(&JsValue::from_str(&format!("leg-pain-quiz: {kind}")), detail);
    }
}

/// `localStorage` or `sessionStorage`, if the page may use it (reading the property
/// itself throws where storage is blocked).
pub fn storage(session: bool) -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let name = if session { "sessionStorage" } else { "localStorage" };
    let store = Reflect::get(&window, &JsValue::from_str(name))?;
    if store.is_object() {
        Ok(store)
    } else {
        Err(JsValue::from_str("storage is not available"))
    }
}

pub fn get_item(store: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    Ok(call(store, "getItem", &[&JsValue::from_str(key)])?.as_string())
}

pub fn set_item(store: &JsValue, key: &str, value: &str) -> Result<(), JsValue> {
    call(store, "setItem", &[&JsValue::from_str(key), &JsValue::from_str(value)]).map(drop)
}

pub fn remove_item(store: &JsValue, key: &str) -> Result<(), JsValue> {
    call(store, "removeItem", &[&JsValue::from_str(key)]).map(drop)
}

/// Copies `text` to the clipboard, then calls `done` with true only once the browser
/// says it did. Fails where `navigator.clipboard` is missing (plain http), the page lacks
/// permission (an iframe without `clipboard-write`) or the write is refused.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let attempt = || -> Result<Promise, JsValue> {
        let window: JsValue = web_sys::window().ok_or(JsValue::NULL)?.into();
        let navigator = Reflect::get(&window, &JsValue::from_str("navigator"))?;
        let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
        call(&clipboard, "writeText", &[&JsValue::from_str(text)])?.dyn_into::<Promise>()
    };
    match attempt() {
        Ok(promise) => {
            // One callback for both outcomes: the promise settles once.
            let settle = Closure::once_into_js(move |error: JsValue| {
                if !error.is_undefined() {
                    log_once("couldn't copy to the clipboard", &error);
                }
                done(error.is_undefined())
            });
            let _ = call(&promise, "then", &[&settle, &settle]);
        }
        Err(e) => {
            log_once("couldn't copy to the clipboard", &e);
            done(false);
        }
    }
}

/// Selects the text of an input or text area (after a failed copy).
pub fn select_all(target: Option<web_sys::EventTarget>) {
    if let Some(target) = target {
        let _ = call(&target, "select", &[]);
    }
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = call(&window, "print", &[]);
    }
}

/// Today as `YYYY-MM-DD`, for the doctor summary.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    let two = |n: u32| if n < 10 { format!("0{n}") } else { n.to_string() };
    format!("{}-{}-{}", d.get_full_year(), two(d.get_month() + 1), two(d.get_date()))
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// This page's address with `#param=value` as its fragment (any fragment the page had is
/// kept, minus an older value of `param`).
pub fn address_with(param: &str, value: &str) -> String {
    let Some(location) = location() else { return String::new() };
    let href = location.href().unwrap_or_default();
    let (base, fragment) = href.split_once('#').unwrap_or((&href, ""));
    let mut parts: Vec<&str> = fragment.split('&').filter(|p| !p.is_empty() && !is_param(p, param)).collect();
    let ours = format!("{param}={value}");
    parts.push(&ours);
    format!("{base}#{}", parts.join("&"))
}

fn is_param(part: &str, param: &str) -> bool {
    part.split_once('=').map_or(part, |(name, _)| name) == param
}

/// The value of `#param=…` in this page's address, if any, removed from the address so
/// that a reload or a new quiz doesn't reopen it.
pub fn take_from_address(param: &str) -> Option<String> {
    let location = location()?;
    let hash = location.hash().ok()?;
    let fragment = hash.strip_prefix('#')?;
    let value = fragment.split('&').find(|p| is_param(p, param))?.split_once('=')?.1.to_string();
    let rest: Vec<&str> = fragment.split('&').filter(|p| !p.is_empty() && !is_param(p, param)).collect();
    let href = location.href().ok()?;
    let base = href.split_once('#').map_or(href.as_str(), |(b, _)| b);
    let address = if rest.is_empty() { base.to_string() } else { format!("{base}#{}", rest.join("&")) };
    if let Ok(history) = web_sys::window()?.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&address));
    }
    Some(value)
}
