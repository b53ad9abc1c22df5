//! The browser APIs the widget uses that can fail, each handled as fallible.
//!
//! Some of web-sys's bindings assume a call never throws (`Storage::remove_item`), and a
//! host script, a privacy extension or a locked-down browser can make any of them throw:
//! a throw through such a binding aborts the wasm. So these calls go through
//! [`call`], which catches, and every failure comes back as a value the caller must
//! handle. Failures are logged once each, never on every save.

use js_sys::{Function, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
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
        web_sys::console::warn_2(&JsValue::from_str(&["leg-pain-quiz: ", kind].concat()), detail);
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

/// When `promise` settles, calls `done` with its value or its reason (at once with the
/// error, if there was no promise). One pair of callbacks for every promise the widget
/// waits on: each kind of callback handed to JavaScript is its own glue in the wasm.
pub fn settle(promise: Result<JsValue, JsValue>, done: Box<dyn FnOnce(Result<JsValue, JsValue>)>) {
    let promise = match promise {
        Ok(p) => p,
        Err(e) => return done(Err(e)),
    };
    let once = Rc::new(RefCell::new(Some(done)));
    let _ = call(&promise, "then", &[&half(once.clone(), true), &half(once, false)]);
}

/// One of `settle`'s two callbacks: the value as `Ok`, or the reason as `Err`. The same
/// closure for both, so the wasm holds one copy of its glue.
type Done = Rc<RefCell<Option<Box<dyn FnOnce(Result<JsValue, JsValue>)>>>>;
fn half(done: Done, ok: bool) -> JsValue {
    Closure::once_into_js(move |v: JsValue| {
        done.borrow_mut().take().map(|d| d(if ok { Ok(v) } else { Err(v) })).unwrap_or_default()
    })
}

/// Copies `text` to the clipboard, then calls `done` with true only once the browser
/// says it did. Fails where `navigator.clipboard` is missing (plain http), the page lacks
/// permission (an iframe without `clipboard-write`) or the write is refused.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let attempt = || -> Result<JsValue, JsValue> {
        let window: JsValue = web_sys::window().ok_or(JsValue::NULL)?.into();
        let navigator = Reflect::get(&window, &JsValue::from_str("navigator"))?;
        let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
        call(&clipboard, "writeText", &[&JsValue::from_str(text)])
    };
    settle(
        attempt(),
        Box::new(move |outcome| {
            if let Err(e) = &outcome {
                log_once("couldn't copy to the clipboard", e);
            }
            done(outcome.is_ok())
        }),
    );
}

/// Calls `function(arg)` (a function the loader gave) and, when the promise it returns
/// settles, `done` with the outcome.
pub fn ask(function: &JsValue, arg: &str, done: Box<dyn FnOnce(Result<JsValue, JsValue>)>) {
    let promise = match function.dyn_ref::<Function>() {
        Some(f) => f.call1(&JsValue::NULL, &JsValue::from_str(arg)),
        None => Err(JsValue::from_str("the loader gave no function")),
    };
    settle(promise, done);
}

/// Calls `f` once the next frame is painted, by the loader's `painted` (a function
/// returning a promise that settles then), or at once without one. For work the person
/// neither sees nor waits for, so that it doesn't hold the frame back. (A promise, not a
/// callback of its own: each kind of callback handed to JavaScript is its own glue.)
pub fn after_paint(painted: &JsValue, f: Box<dyn FnOnce()>) {
    ask(painted, "", Box::new(move |_| f()));
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
    let two = |n: u32| [if n < 10 { "0" } else { "" }, &crate::text::number(n.into())].concat();
    let year = crate::text::number(d.get_full_year().into());
    [&year, "-", &two(d.get_month() + 1), "-", &two(d.get_date())].concat()
}

/// This page's address, without its fragment.
fn address() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    Some(href.split('#').next().unwrap_or_default().to_string())
}

/// This page's address with `#param=value` as its fragment (in place of any other).
pub fn address_with(param: &str, value: &str) -> String {
    [&address().unwrap_or_default(), "#", param, "=", value].concat()
}

/// The value of `#param=…` in this page's address, if that is its fragment, then taken
/// out of the address so that a reload or a new quiz doesn't reopen it.
pub fn take_from_address(param: &str) -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let value = hash.strip_prefix('#')?.strip_prefix(param)?.strip_prefix('=')?.to_string();
    let history = window.history().ok()?;
    let state = history.state().unwrap_or(JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", address().as_deref());
    Some(value)
}

/// The key under which the widget keeps its places in `history.state`: one number per
/// widget (by its link name), so each knows its own entries and no one else's.
const HISTORY_KEY: &str = "leg-pain-quiz";

/// The widget `name`'s place in the current history entry, if the entry is one it made
/// (or marked); `None` for the host's own entries, hash changes and other widgets'.
pub fn history_place(name: &str) -> Option<u32> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    let places = Reflect::get(&state, &JsValue::from_str(HISTORY_KEY)).ok().filter(JsValue::is_object)?;
    let place = Reflect::get(&places, &JsValue::from_str(name)).ok()?.as_f64()?;
    (place >= 0.0 && place.fract() == 0.0).then_some(place as u32)
}

/// Adds a history entry that is the widget `name`'s, at place `to`. The entry it leaves
/// is marked as its place `from` first, when that entry's state is no one's (null) or
/// already the widget's (another widget's places are kept); a host's own state is never
/// touched.
pub fn push_history(name: &str, from: u32, to: u32) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let current = history.state().unwrap_or(JsValue::NULL);
    let key = JsValue::from_str(HISTORY_KEY);
    let places = if current.is_null() || current.is_undefined() {
        Some(js_sys::Object::new())
    } else {
        Reflect::get(&current, &key)
            .ok()
            .filter(JsValue::is_object)
            .map(|p| js_sys::Object::assign(&js_sys::Object::new(), p.unchecked_ref()))
    };
    let state = |places: &js_sys::Object, place: u32| {
        let copy = js_sys::Object::assign(&js_sys::Object::new(), places);
        let _ = Reflect::set(&copy, &JsValue::from_str(name), &JsValue::from(place));
        let state = js_sys::Object::new();
        let _ = Reflect::set(&state, &key, &copy);
        state
    };
    let places = match places {
        Some(places) => {
            if history_place(name).is_none() {
                let _ = history.replace_state(&state(&places, from), "");
            }
            places
        }
        None => js_sys::Object::new(),
    };
    let _ = history.push_state(&state(&places, to), "");
}
