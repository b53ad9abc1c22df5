//! The Yew views. They render state and the assessment, and dispatch actions; they hold
//! no medical logic and never decide a triage level.

mod app;
mod button;
mod guidance;
mod interrupt;
mod intro;
mod progress;
mod question;
mod results;
mod review;
mod state;

pub use app::{App, AppProps, HostEvent};
pub use state::{Msg, QuizState};

/// Knowledge-base text as an attribute or text node, without copying static strings.
pub(crate) fn text(value: &crate::knowledge::Text) -> yew::AttrValue {
    yew::AttrValue::from(value.clone())
}
