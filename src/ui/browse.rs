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
    let choose_diet = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                dispatch.emit(Msg::BrowseDiet(select.value().into()));
            }
        })
    };
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
            <p>
                <label for="lpq-diet">{ text(&ui.foods_for) }</label>
                <select id="lpq-diet" class="lpq-select" data-action="diet" onchange={choose_diet}>
                    { for kb.diets.iter().map(|d| html! {
                        <option value={text(&d.id)} selected={*state.browse_diet == *d.id}>{ text(&d.name) }</option>
                    }) }
                </select>
            </p>
            { for pages }
        </section>
    }
}
