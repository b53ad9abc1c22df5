//! Urgent or emergency guidance, shown the moment an answer calls for it. Like NHS 111
//! online, the outcome and the call are the screen: carrying on with the questions is a
//! quiet link below, never the main action. An urgent and an emergency warning together
//! make one screen at the higher level.

use super::outcome::outcome;
use super::state::{on_click, Msg, QuizState};
use crate::quiz::Action;
use crate::report;
use crate::ui::button::{button, Look};
use crate::ui::text;
use yew::prelude::*;

/// Draws the engine's interruption for the journey (its unseen warnings and what to do).
pub fn interrupt(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let kb = state.kb.0;
    let Some(shown) = report::interruption(kb, state.region(), &state.journey) else { return html! {} };
    html! {
        <section class="lpq-interrupt">
            { outcome(kb, &shown, true) }
            <p class="lpq-quiet">
                { button(Look::Link, "continue", text(&kb.ui.seen_continue), on_click(dispatch, Action::Continue)) }
            </p>
            <p class="lpq-quiet">
                { button(Look::Link, "back", text(&kb.ui.change_answer), on_click(dispatch, Action::Back)) }
            </p>
        </section>
    }
}
