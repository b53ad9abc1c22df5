//! The edge between the host page and the widget: the `<leg-pain-quiz>` element's
//! attributes become a typed [`Config`] (unknown values fall back with a console
//! warning), the app is mounted in the element's shadow root, and what happens is
//! told to the host as bubbling, composed DOM events.

use crate::knowledge::Kb;
use crate::storage::SessionStore;
use crate::ui::{App, AppProps, HostEvent};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::{AttrValue, Callback};

/// Settings read from the element's attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub theme: &'static str,
    pub persist: bool,
    pub storage_key: String,
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Reads `lang`, `theme`, `persist` and `storage-key` from the host element. `ordinal` is
/// the element's place (from 1) among the widgets on its page with neither a
/// `storage-key` nor an `id`.
pub fn read_config(host: &Element, ordinal: u32) -> Config {
    let attr = |name: &str| host.get_attribute(name).map(|v| v.trim().to_ascii_lowercase());
    if let Some(lang) = attr("lang") {
        if !lang.is_empty() && lang != "en" && !lang.starts_with("en-") {
            warn(&format!("leg-pain-quiz: lang=\"{lang}\" is not available yet; using English."));
        }
    }
    let theme = match attr("theme").as_deref() {
        None | Some("auto") | Some("") => "auto",
        Some("light") => "light",
        Some("dark") => "dark",
        Some(other) => {
            warn(&format!("leg-pain-quiz: theme=\"{other}\" is unknown; use light, dark or auto. Using auto."));
            "auto"
        }
    };
    let persist = match attr("persist").as_deref() {
        None | Some("on") | Some("") | Some("true") => true,
        Some("off") | Some("false") => false,
        Some(other) => {
            warn(&format!("leg-pain-quiz: persist=\"{other}\" is unknown; use on or off. Answers will not be saved."));
            false
        }
    };
    // Each element keeps its own answers: an explicit key, else the element's id, else
    // its order on the page.
    let storage_key = host
        .get_attribute("storage-key")
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .or_else(|| Some(host.id()).filter(|id| !id.is_empty()))
        .unwrap_or_else(|| if ordinal <= 1 { "default".to_string() } else { format!("default-{ordinal}") });
    Config { theme, persist, storage_key }
}

/// Mounts the quiz into `root` (inside the element's shadow root), configured by `host`'s
/// attributes. Called by the `leg-pain-quiz.js` loader, which passes the element's place
/// among the unnamed widgets on the page (see [`read_config`]).
#[wasm_bindgen]
pub fn mount(root: Element, host: HtmlElement, ordinal: u32) {
    let config = read_config(&host, ordinal);
    let kb = Kb::embedded();
    let props = AppProps {
        kb,
        store: SessionStore::new(&config.storage_key, config.persist),
        theme: AttrValue::Static(config.theme),
        on_event: Callback::from(move |event: HostEvent| dispatch(&host, &event)),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Sends a host event. Details carry ids and counts only, never the answers.
fn dispatch(host: &HtmlElement, event: &HostEvent) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    let name = match event {
        HostEvent::Start => "lpq-start",
        HostEvent::Step { question, index, total } => {
            set("question", JsValue::from_str(question));
            set("index", JsValue::from(*index as u32));
            set("total", JsValue::from(*total as u32));
            "lpq-step"
        }
        HostEvent::Complete { triage, nutrients } => {
            set("triage", JsValue::from_str(triage.id()));
            let list: js_sys::Array = nutrients.iter().map(|n| JsValue::from_str(n)).collect();
            set("nutrients", list.into());
            "lpq-complete"
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&e);
    }
}
