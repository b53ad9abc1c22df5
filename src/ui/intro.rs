//! The first screen: what the quiz does, that it is private, and when not to use it.
//! Start comes before the warning signs so that it is in view on a phone; the signs
//! follow straight after it.

use super::state::{on_click, Msg, QuizState};
use crate::quiz::Action;
use crate::ui::button::{button, Look};
use crate::ui::text;
use yew::prelude::*;

pub fn intro(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let resuming = !state.answers().is_empty();
    let signs = &state.kb.0.emergency;
    html! {
        <section class="lpq-intro" aria-labelledby="lpq-intro-title">
            <h2 id="lpq-intro-title" tabindex="-1" data-focus="">{ "Leg pain, cramps or restless legs at night?" }</h2>
            <p class="lpq-lead">
                { "A few short questions show which nutrients may be involved, foods that suit you, and when to see a doctor." }
            </p>
            <ul class="lpq-points">
                <li>{ "About 3 minutes, up to 20 questions." }</li>
                <li>{ "Private: everything is worked out in your browser. Nothing is sent anywhere." }</li>
                <li>{ "Information, not a diagnosis." }</li>
            </ul>
            <div class="lpq-actions">
                { button(Look::Primary, "start", if resuming { "Continue where I left off" } else { "Start" },
                    on_click(dispatch, Action::Start)) }
                if resuming {
                    { button(Look::Secondary, "restart", "Start again", on_click(dispatch, Action::Restart)) }
                }
            </div>
            <div class="lpq-warning" role="note">
                <h3>{ text(&signs.heading) }</h3>
                <ul>
                    { for signs.signs.iter().map(|s| html! { <li>{ text(s) }</li> }) }
                </ul>
                <p>{ text(&signs.call) }</p>
            </div>
            <p class="lpq-small">{ state.kb.disclaimer.clone() }</p>
        </section>
    }
}
