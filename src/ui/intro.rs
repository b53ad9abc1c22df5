//! The first screen: what the quiz does, that it is private, and when not to use it.
//! Start comes before the warning signs so that it is in view on a phone; the signs
//! follow straight after it.

use super::state::{on_click, Msg, QuizState};
use crate::quiz::Action;
use crate::ui::button::{button, Look};
use yew::prelude::*;

pub fn intro(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let resuming = !state.answers().is_empty();
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
                <h3>{ "Call an ambulance now if you have" }</h3>
                <ul>
                    <li>{ "one swollen, painful leg with breathlessness or chest pain" }</li>
                    <li>{ "a leg that suddenly turned cold, pale or numb" }</li>
                    <li>{ "sudden weakness on one side, a drooping face or slurred speech" }</li>
                </ul>
                <p>{ "Call 999 (UK), 911 (US), 112 (Europe) or your local emergency number." }</p>
            </div>
            <p class="lpq-small">{ state.kb.disclaimer.clone() }</p>
        </section>
    }
}
