//! The results: guidance for the triage level first, then nutrients with reasons and
//! foods, lifestyle, other causes, medicines and supplements, tests, and the summary.

mod advice_list;
mod doctor_summary;
mod nutrient_card;

use super::guidance::guidance;
use super::state::{on_click, Msg, QuizState};
use crate::knowledge::TriageLevel;
use crate::quiz::Action;
use crate::quiz::{sources, Assessment};
use crate::ui::button::{button, Look};
use crate::ui::text;
use advice_list::{advice_list, AdviceKind};
use doctor_summary::doctor_summary_section;
use nutrient_card::nutrient_card;
use yew::prelude::*;

/// The results for `assessment`, which the app assesses once per set of answers.
pub fn results(state: &QuizState, dispatch: &Callback<Msg>, assessment: &Assessment) -> Html {
    let kb = state.kb;
    let emergency = assessment.triage == TriageLevel::Emergency;

    let nutrients = html! {
        <section class="lpq-section" aria-labelledby="lpq-nutrients-title">
            <h3 id="lpq-nutrients-title">{ "Nutrients that may be involved" }</h3>
            if assessment.nutrients_deferred {
                <p>{ "Get the warning signs above checked first: they explain your symptoms better than any nutrient could. Food ideas can wait until you have been seen." }</p>
            } else if assessment.nutrients.is_empty() {
                <p data-no-nutrient="">{ "Nothing in your answers points to a nutrient shortfall. Most night cramps have no shortfall behind them, and the things below are what helps." }</p>
            } else {
                <p class="lpq-small">{ "Ranked by how strongly your answers point to each. Only a blood test can tell whether you are actually low." }</p>
                <ol class="lpq-nutrients">
                    { for assessment.nutrients.iter().map(|m| nutrient_card(kb, m)) }
                </ol>
            }
            { for assessment.withheld.iter().filter_map(|id| kb.nutrient(id)).map(|n| html! {
                <p class="lpq-withheld" data-withheld={text(&n.id)}>
                    <strong>{ format!("{} is not suggested. ", n.name) }</strong>
                    { n.withhold_reason.clone().unwrap_or_default() }
                </p>
            }) }
        </section>
    };
    let advice = html! {
        <>
            { advice_list(kb, "Things you can try", AdviceKind::Lifestyle, &assessment.lifestyle) }
            { advice_list(kb, "Other possible causes to discuss", AdviceKind::Cause, &assessment.other_causes) }
            { advice_list(kb, "Your medicines", AdviceKind::Medicine, &assessment.medicine_notes) }
            { advice_list(kb, "Supplements: be careful", AdviceKind::Supplement, &assessment.supplement_cautions) }
        </>
    };

    html! {
        <section class="lpq-results" data-results="">
            <h2 tabindex="-1" data-focus="">{ "Your results" }</h2>
            { guidance(kb, assessment.triage, &assessment.red_flags, false) }
            if emergency {
                <details class="lpq-after-seen">
                    <summary>{ "Food and lifestyle ideas, for after you have been seen" }</summary>
                    <p class="lpq-small">{ "Get help for the warning signs first. These ideas can wait." }</p>
                    { nutrients }
                    { advice }
                </details>
            } else {
                { nutrients }
                { advice }
            }
            { doctor_summary_section(state, dispatch, assessment) }
            <details class="lpq-sources lpq-no-print">
                <summary>{ "Sources" }</summary>
                <ul>
                    { for sources(&kb, assessment).into_iter().map(|src| html! {
                        <li data-source={text(&src.id)}>
                            { text(&src.title) }{ ", " }{ text(&src.publisher) }{ ". " }
                            <a href={text(&src.url)} target="_blank" rel="noopener noreferrer">{ text(&src.url) }</a>
                        </li>
                    }) }
                </ul>
            </details>
            <p class="lpq-small lpq-disclaimer">{ kb.disclaimer.clone() }</p>
            <div class="lpq-actions lpq-no-print">
                { button(Look::Secondary, "back", "Back to my answers", on_click(dispatch, Action::Back)) }
                { button(Look::Secondary, "restart", "Start again", on_click(dispatch, Action::Restart)) }
            </div>
        </section>
    }
}
