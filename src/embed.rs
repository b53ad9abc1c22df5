//! The edge between the host page and the widget: the `<leg-pain-quiz>` element's
//! attributes become a typed [`Config`] (a value that isn't documented falls back to the
//! default with a console warning), the app is mounted in the element's shadow root, and
//! what happens is told to the host as bubbling, composed DOM events, at the level of
//! detail the host asked for.

use crate::storage::SessionStore;
use crate::ui::{App, AppMsg, AppProps, HostEvent};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::{AttrValue, Callback};

/// How much the host page is told through events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventLevel {
    /// No events.
    Off,
    /// That the quiz started, which part of how many (a total that never depends on the
    /// answers), and that it finished. Nothing about the person.
    Basic,
    /// Also each question's id, the triage level and the nutrient ids: health details,
    /// for hosts that need them and have the person's consent.
    Detailed,
}

/// Settings read from the element's attributes (see the README's table).
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub theme: &'static str,
    pub persist: bool,
    pub storage_key: String,
    pub events: EventLevel,
    pub history: bool,
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Reads one attribute against its documented `values`: the index of the value found;
/// `absent` when there is no attribute; `fallback`, with a warning, for any other value
/// (the empty value included).
fn choose(host: &Element, name: &str, values: &[&str], absent: usize, fallback: usize) -> usize {
    let Some(raw) = host.get_attribute(name) else { return absent };
    let value = raw.trim().to_ascii_lowercase();
    if let Some(i) = values.iter().position(|v| *v == value) {
        return i;
    }
    warn(
        &[
            "leg-pain-quiz: ",
            name,
            "=\"",
            &raw,
            "\" is not one of ",
            &crate::text::join(&mut values.iter().copied(), ", "),
            "; see the README. Using the default.",
        ]
        .concat(),
    );
    fallback
}

/// Reads the host element's attributes. `ordinal` is the element's place (from 1) among
/// the widgets in the whole document, shadow roots included, that have neither a
/// `storage-key` nor an `id`.
pub fn read_config(host: &Element, ordinal: u32) -> Config {
    const THEMES: [&str; 3] = ["auto", "light", "dark"];
    let theme = THEMES[choose(host, "theme", &THEMES, 0, 0)];
    // On with no attribute; off (never saving on a guess) for a value the README doesn't list.
    let persist = choose(host, "persist", &["on", "off"], 0, 1) == 0;
    let events = [EventLevel::Basic, EventLevel::Detailed, EventLevel::Off]
        [choose(host, "events", &["basic", "detailed", "off"], 0, 0)];
    let history = choose(host, "history", &["on", "off"], 1, 1) == 0;
    // Each element keeps its own answers: an explicit key, else the element's id, else
    // its order in the document.
    let explicit = host.get_attribute("storage-key").map(|k| k.trim().to_string());
    if explicit.as_deref() == Some("") {
        warn("leg-pain-quiz: storage-key is empty; using the element's id or its order on the page.");
    }
    let storage_key = explicit
        .filter(|k| !k.is_empty())
        .or_else(|| Some(host.id()).filter(|id| !id.is_empty()))
        .unwrap_or_else(|| {
            if ordinal <= 1 {
                "default".to_string()
            } else {
                ["default-", &crate::text::number(ordinal.into())].concat()
            }
        });
    Config { theme, persist, storage_key, events, history }
}

/// What the element and the page say about where the person is: the element's `region`
/// and `lang`, the page's `<html lang>` and the browser's languages, read here rather
/// than decided in the loader (see `crate::region`). Anything unreadable counts as
/// absent.
fn where_signals(host: &Element) -> (Option<String>, Option<String>, String, Vec<String>) {
    let window = web_sys::window();
    let page = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let browser: Vec<String> = window
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    (host.get_attribute("region"), host.get_attribute("lang"), page, browser)
}

/// Mounts the quiz into `root` (inside the element's shadow root), configured by `host`'s
/// attributes. Called by the `leg-pain-quiz.js` loader, which passes the element's place
/// among the unnamed widgets in the document (see [`read_config`]), the locale it
/// fetched (worked out in the same order as `crate::region`, or British English when that
/// language's file couldn't be fetched), and the locale's knowledge base file (every
/// language has one, British English too). The region is worked out here from the page's
/// signals; where no country can be told, no number is shown. A file that can't be read
/// throws, and the loader shows the warning signs: the built-in base lacks the words.
///
/// Returns the function the loader calls when the element leaves the page: the app
/// stops, and the storage key is released for the next widget that wants it.
#[wasm_bindgen]
pub fn mount(root: Element, host: HtmlElement, ordinal: u32, locale: String, file: JsValue) -> JsValue {
    let Some(kb) = crate::ui::kb_from_file(&file) else {
        wasm_bindgen::throw_str("the language file can't be read");
    };
    let config = read_config(&host, ordinal);
    let level = config.events;
    let (region_attr, lang, page, browser) = where_signals(&host);
    let browser: Vec<&str> = browser.iter().map(String::as_str).collect();
    let signals = crate::region::Signals {
        region: region_attr.as_deref(),
        lang: lang.as_deref(),
        page: &page,
        browser: &browser,
    };
    let resolved = crate::region::resolve(&signals, &|id| kb.region(id).is_some());
    // Where no country can be told, the host is told once per page, however many widgets.
    static TOLD_NO_COUNTRY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    for w in &resolved.warnings {
        let no_country = resolved.region.is_none() && crate::region::says_no_number(w);
        if !(no_country && TOLD_NO_COUNTRY.swap(true, std::sync::atomic::Ordering::Relaxed)) {
            warn(w);
        }
    }
    crate::ui::remember_locale(&locale, kb);
    let store = SessionStore::new(&config.storage_key, config.persist, &host);
    let props = AppProps {
        kb,
        locale: locale.into(),
        region: resolved.region.unwrap_or_default().into(),
        load_locale: js_sys::Reflect::get(&host, &JsValue::from_str("lpqLocale")).unwrap_or_default(),
        painted: js_sys::Reflect::get(&host, &JsValue::from_str("lpqPainted")).unwrap_or_default(),
        // Start pressed on the loader's first screen while the wasm was on its way.
        start: js_sys::Reflect::get(&host, &JsValue::from_str("lpqStart")).is_ok_and(|v| v.as_bool() == Some(true)),
        store: store.clone(),
        theme: AttrValue::Static(config.theme),
        history: config.history,
        link_param: crate::quiz::share::param(&config.storage_key).into(),
        on_event: Callback::from(move |event: HostEvent| dispatch(&host, level, &event)),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // The loader tells the root when the element leaves the page (it may be back at once,
    // if it was moved): a change still waiting to be saved is saved then, before a widget
    // put in its place reads the answers. The app gives the storage key back as it stops.
    let scope = (*app).clone();
    let leaving = gloo_events::EventListener::new(&root, "lpq-leaving", move |_| scope.send_message(AppMsg::Save));
    Closure::once_into_js(move || {
        drop(leaving);
        app.destroy();
    })
}

/// Sends a host event, with only what `level` allows.
fn dispatch(host: &HtmlElement, level: EventLevel, event: &HostEvent) {
    let detailed = level == EventLevel::Detailed;
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    let name = match event {
        _ if level == EventLevel::Off => return,
        HostEvent::Start(locale) => {
            set("locale", JsValue::from_str(locale));
            "lpq-start"
        }
        HostEvent::Step { new_part: false, .. } if !detailed => return,
        HostEvent::Step { question, part, parts, .. } => {
            set("step", JsValue::from(*part));
            set("total", JsValue::from(*parts));
            if detailed {
                set("question", JsValue::from_str(question));
            }
            "lpq-step"
        }
        HostEvent::Complete { triage, nutrients, locale } => {
            set("locale", JsValue::from_str(locale));
            if detailed {
                set("triage", JsValue::from_str(triage.id()));
                let list: js_sys::Array = nutrients.iter().map(|n| JsValue::from_str(n)).collect();
                set("nutrients", list.into());
            }
            "lpq-complete"
        }
    };
    // Every event says which release sent it (the same as the element's `version`).
    set("version", JsValue::from_str(crate::VERSION));
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&e);
    }
}
