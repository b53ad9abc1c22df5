//! The first screen: what the quiz does, that it is private, and when not to use it.
//! Start comes before the warning signs so that it is in view on a phone; the signs
//! follow straight after it.

use super::state::{on_click, Msg, QuizState};
use crate::quiz::Action;
use crate::report;
use crate::ui::button::{button, Look};
use crate::ui::{items, text};
use yew::prelude::*;

pub fn intro(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let (kb, ui) = (state.kb.0, &state.kb.0.ui);
    let resuming = !state.answers().is_empty();
    let signs = &kb.emergency;
    html! {
        <section class="lpq-intro" aria-labelledby="lpq-intro-title">
            <h2 id="lpq-intro-title" tabindex="-1" data-focus="">{ text(&ui.intro_title) }</h2>
            <p class="lpq-lead">{ text(&ui.intro_lead) }</p>
            <ul class="lpq-points">{ items(&kb.intro_points) }</ul>
            <div class="lpq-actions">
                { button(Look::Primary, "start", text(if resuming { &ui.resume } else { &ui.start }), on_click(dispatch, Action::Start)) }
                if resuming {
                    { button(Look::Secondary, "restart", text(&ui.start_again), on_click(dispatch, Action::Restart)) }
                }
            </div>
            <div class="lpq-warning-signs" role="note">
                <h3>{ text(&signs.heading) }</h3>
                // Found by this attribute here and in the loader's first screen (the
                // benchmark times the warning signs' first paint by it).
                <ul data-lpq-warnings="">{ items(&signs.signs) }</ul>
                <p>{ text(&report::numbers(kb, &signs.call, state.region())) }</p>
            </div>
            <p>{ button(Look::Link, "browse", text(&ui.browse), on_click(dispatch, Action::Browse(None))) }</p>
            <p class="lpq-small">{ text(&kb.disclaimer) }</p>
        </section>
    }
}
