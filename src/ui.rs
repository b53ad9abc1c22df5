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

pub use app::{App, AppProps, HostEvent};
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
