//! Reading about the six nutrients without taking the quiz: for each, what it does, how a
//! shortfall shows, who runs low, foods for a chosen diet, where supplements can harm,
//! and the sources. The same knowledge base as the results; a result's "Read about" link
//! opens its nutrient here.

use super::blocks::blocks;
use super::state::{on_click, Msg, QuizState};
use crate::quiz::{foods_for, Action, Screen};
use crate::report;
use crate::ui::button::{button, Look};
use crate::ui::text;
use yew::prelude::*;

pub fn browse(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let Screen::Browse(opened) = &state.journey.screen else { return html! {} };
    let (kb, ui) = (state.kb.0, &state.kb.0.ui);
    let pages = kb.nutrients.iter().map(|n| {
        let foods = foods_for(kb, &n.id, &state.browse_diet);
        html! {
            <details class="lpq-page" data-browse={text(&n.id)} open={opened.as_deref() == Some(&n.id)}>
                <summary>{ text(&n.name) }</summary>
                <div class="lpq-fold-body">{ blocks("h3", &report::nutrient_page(kb, n, &foods)) }</div>
            </details>
        }
    });
    html! {
        <section class="lpq-browse">
            { button(Look::Link, "back", text(&ui.back), on_click(dispatch, Action::Back)) }
            <h2 tabindex="-1" data-focus="">{ text(&ui.browse_title) }</h2>
            <p>{ text(&ui.browse_lead) }</p>
            // One button per diet, the chosen one pressed: fewer steps on a phone than a list.
            <div class="lpq-diets" role="group" aria-label={text(&ui.foods_for)}>
                <span aria-hidden="true">{ text(&ui.foods_for) }</span>
                { for kb.diets.iter().map(|d| html! {
                    <button type="button" class="lpq-link" data-action="diet" data-diet={text(&d.id)}
                        aria-pressed={if *state.browse_diet == *d.id { "true" } else { "false" }}
                        onclick={on_click(dispatch, Msg::BrowseDiet(text(&d.id)))}>{ text(&d.name) }</button>
                }) }
            </div>
            { for pages }
        </section>
    }
}
