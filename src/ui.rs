//! The Yew views. They render state and the assessment, and dispatch actions; they hold
//! no medical logic and never decide a triage level. Every word comes from the
//! knowledge base (`kb.ui` for the screens' own words).
//!
//! Screens are plain functions, not components: each component costs about 1 KB of
//! wasm, and every screen re-renders with the state anyway.

mod app;
mod blocks;
mod browse;
mod button;
mod interrupt;
mod intro;
mod outcome;
mod question;
mod results;
mod review;
mod state;

pub use app::{kb_from_file, App, AppMsg, AppProps, HostEvent};

// Here for the views; in `knowledge` so that the loader's copy of the first screen
// (tests/generated) names the languages the same way.
pub use crate::knowledge::LANGUAGES;

thread_local! {
    /// The knowledge base of each language read so far on this page.
    static READ: std::cell::RefCell<Vec<(String, crate::knowledge::Kb)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps a language's knowledge base for the page's life (each is read once).
pub fn remember_locale(locale: &str, kb: crate::knowledge::Kb) {
    READ.with(|read| {
        let mut read = read.borrow_mut();
        if !read.iter().any(|(l, _)| l == locale) {
            read.push((locale.to_string(), kb));
        }
    });
}

/// A language's knowledge base, if read already (each comes in its file, British
/// English's too).
pub fn known_locale(locale: &str) -> Option<crate::knowledge::Kb> {
    READ.with(|read| read.borrow().iter().find(|(l, _)| l == locale).map(|(_, kb)| *kb))
}
pub use state::{Msg, Notice, QuizState};

use yew::AttrValue;

/// Knowledge-base text as an attribute or text node, without copying static strings.
pub(crate) fn text(value: &crate::knowledge::Text) -> AttrValue {
    AttrValue::from(value.clone())
}

pub(crate) use crate::text::fill;

/// Each text as a list item, for the `<ul>` or `<ol>` around it: one copy of the loop for
/// every list of plain texts.
pub(crate) fn items(list: &[crate::knowledge::Text]) -> yew::Html {
    list.iter().map(|t| yew::html! { <li>{ text(t) }</li> }).collect()
}
