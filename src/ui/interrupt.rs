//! Urgent or emergency guidance, shown the moment an answer calls for it. Like NHS 111
//! online, the outcome and the call are the screen: carrying on with the questions is a
//! quiet link below, never the main action. An urgent and an emergency warning together
//! make one screen at the higher level.

use super::outcome::outcome;
use super::state::{on_click, Msg, QuizState};
use crate::quiz::{interrupting_flags, triage_action, Action};
use crate::report;
use crate::ui::button::{button, Look};
use crate::ui::text;
use yew::prelude::*;

pub fn interrupt(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let kb = state.kb.0;
    let flags = interrupting_flags(kb, state.answers());
    let unseen: Vec<_> = flags.into_iter().filter(|f| !state.journey.acknowledged.iter().any(|a| *a == f.id)).collect();
    let Some(level) = unseen.first().map(|f| f.level) else { return html! {} };
    let cleaned = state.cleaned();
    let action = triage_action(kb, level, &cleaned).cloned().unwrap_or_default();
    let person = crate::quiz::Person::of(kb, &cleaned);
    html! {
        <section class="lpq-interrupt">
            { outcome(kb, &report::outcome(kb, state.region(), level, &action, &unseen, person), true) }
            <p class="lpq-quiet">
                { button(Look::Link, "continue", text(&kb.ui.seen_continue), on_click(dispatch, Action::Continue)) }
            </p>
            <p class="lpq-quiet">
                { button(Look::Link, "back", text(&kb.ui.change_answer), on_click(dispatch, Action::Back)) }
            </p>
        </section>
    }
}
