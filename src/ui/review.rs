//! "Check your answers": every question asked, its answer, and a way to change it.

use super::state::{on_click, Msg, QuizState};
use crate::quiz::Action;
use crate::quiz::Cleaned;
use crate::ui::button::{button, Look};
use crate::ui::text;
use yew::prelude::*;

pub fn review(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let cleaned = Cleaned::new(&state.kb, state.answers());
    let rows = cleaned.asked().iter().map(|q| {
        let labels: Vec<&str> = cleaned.choices_of(&q.id).map(|c| c.label.as_ref()).collect();
        html! {
            <div class="lpq-review-row" data-review={text(&q.id)}>
                <dt>{ text(&q.prompt) }</dt>
                <dd>
                    if labels.is_empty() {
                        <span class="lpq-unanswered">{ "Not answered" }</span>
                    } else {
                        <ul>{ for labels.iter().map(|l| html! { <li>{ *l }</li> }) }</ul>
                    }
                </dd>
                <dd class="lpq-review-change">
                    <button type="button" class="lpq-link" data-action="change" data-change={text(&q.id)}
                        onclick={on_click(dispatch, Action::Edit(q.id.to_string()))}>
                        { "Change" }<span class="lpq-visually-hidden">{ format!(": {}", q.prompt) }</span>
                    </button>
                </dd>
            </div>
        }
    });
    html! {
        <section class="lpq-review">
            <h2 tabindex="-1" data-focus="">{ "Check your answers" }</h2>
            <dl class="lpq-review-list">{ for rows }</dl>
            <div class="lpq-actions">
                { button(Look::Primary, "submit", "See my results", on_click(dispatch, Action::Submit)) }
                { button(Look::Secondary, "back", "Back", on_click(dispatch, Action::Back)) }
            </div>
        </section>
    }
}
