//! "Check your answers", as GOV.UK does it: every question asked, its answer, and a way
//! to change it.

use super::state::{on_click, Msg, QuizState};
use crate::quiz::Action;
use crate::ui::button::{button, Look};
use crate::ui::text;
use yew::prelude::*;

pub fn review(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let ui = &state.kb.0.ui;
    let cleaned = state.cleaned();
    let person = crate::quiz::Person::of(state.kb.0, &cleaned);
    let rows = cleaned.asked().iter().map(|q| {
        let labels: Vec<_> = cleaned.choices_of(&q.id).map(|c| text(person.label(c))).collect();
        html! {
            <div class="lpq-review-row" data-review={text(&q.id)}>
                <dt>{ text(person.prompt(q)) }</dt>
                <dd>
                    if labels.is_empty() {
                        <span class="lpq-unanswered">{ text(&ui.not_answered) }</span>
                    } else {
                        <ul>{ for labels.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                    }
                </dd>
                <dd class="lpq-review-change">
                    <button type="button" class="lpq-link" data-action="change" data-change={text(&q.id)}
                        onclick={on_click(dispatch, Action::Edit(q.id.to_string()))}>
                        { text(&ui.change) }<span class="lpq-visually-hidden">{ ": " }{ text(person.prompt(q)) }</span>
                    </button>
                </dd>
            </div>
        }
    });
    html! {
        <section class="lpq-review">
            { button(Look::Link, "back", text(&ui.back), on_click(dispatch, Action::Back)) }
            <h2 tabindex="-1" data-focus="">{ text(&ui.check_title) }</h2>
            <dl class="lpq-review-list">{ for rows }</dl>
            <div class="lpq-actions">
                { button(Look::Primary, "submit", text(&ui.see_results), on_click(dispatch, Action::Submit)) }
            </div>
        </section>
    }
}
