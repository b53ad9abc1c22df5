//! The results: guidance for the triage level first, then nutrients with reasons and
//! foods, lifestyle, other causes, medicines and supplements, tests, and the summary.

mod advice_list;
mod doctor_summary;
mod nutrient_card;

use super::guidance::Guidance;
use super::state::{on_click, Action, ScreenProps};
use crate::knowledge::TriageLevel;
use crate::quiz::{assess, sources};
use advice_list::AdviceList;
use doctor_summary::DoctorSummary;
use nutrient_card::NutrientCard;
use std::rc::Rc;
use crate::ui::text;
use yew::prelude::*;

#[function_component(Results)]
pub fn results(props: &ScreenProps) -> Html {
    let state = &props.state;
    let kb = state.kb.clone();
    let assessment = {
        let (kb, answers) = (kb.clone(), state.answers().clone());
        use_memo(answers, move |answers| assess(&kb, answers))
    };
    let emergency = assessment.triage == TriageLevel::Emergency;

    let nutrients = html! {
        <section class="lpq-section" aria-labelledby="lpq-nutrients-title">
            <h3 id="lpq-nutrients-title">{ "Nutrients that may be involved" }</h3>
            if assessment.nutrients.is_empty() {
                <p>{ "Your answers don't point to a particular nutrient. A varied diet still helps, and the other causes below are worth a look." }</p>
            } else {
                <p class="lpq-small">{ "Ranked by how strongly your answers point to each. Only a blood test can tell whether you are actually low." }</p>
                <ol class="lpq-nutrients">
                    { for assessment.nutrients.iter().map(|m| html! {
                        <NutrientCard kb={kb.clone()} matched={m.clone()} />
                    }) }
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
            <AdviceList kb={kb.clone()} title="Things you can try" kind="lifestyle" ids={assessment.lifestyle.clone()} />
            <AdviceList kb={kb.clone()} title="Other possible causes to discuss" kind="cause" ids={assessment.other_causes.clone()} />
            <AdviceList kb={kb.clone()} title="Your medicines" kind="medicine" ids={assessment.medicine_notes.clone()} />
            <AdviceList kb={kb.clone()} title="Supplements: be careful" kind="supplement" ids={assessment.supplement_cautions.clone()} />
        </>
    };

    html! {
        <section class="lpq-results" data-results="">
            <h2 tabindex="-1" data-focus="">{ "Your results" }</h2>
            <Guidance kb={kb.clone()} level={assessment.triage} flags={assessment.red_flags.clone()} />
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
            <DoctorSummary kb={kb.clone()} answers={state.answers().clone()} assessment={Rc::clone(&assessment)} />
            <details class="lpq-sources lpq-no-print">
                <summary>{ "Sources" }</summary>
                <ul>
                    { for sources(&kb, &assessment).into_iter().map(|src| html! {
                        <li data-source={text(&src.id)}>
                            { text(&src.title) }{ ", " }{ text(&src.publisher) }{ ". " }
                            <a href={text(&src.url)} target="_blank" rel="noopener noreferrer">{ text(&src.url) }</a>
                        </li>
                    }) }
                </ul>
            </details>
            <p class="lpq-small lpq-disclaimer">{ kb.disclaimer.clone() }</p>
            <div class="lpq-actions lpq-no-print">
                <button type="button" class="lpq-button" data-action="back"
                    onclick={on_click(&props.dispatch, Action::Back)}>{ "Back to my answers" }</button>
                <button type="button" class="lpq-button" data-action="restart"
                    onclick={on_click(&props.dispatch, Action::Restart)}>{ "Start again" }</button>
            </div>
        </section>
    }
}
