//! The results, as Ada and NHS 111 online show them: the first screen holds the outcome
//! with its one next step, up to three things to do now, and the nutrients that stand
//! out, one line each. Everything else is folded below, one section at a time, and
//! nothing is lost: folded sections keep their content and data attributes in the page.
//! What goes where is decided by `report`; this only draws it.

mod keep;

use super::blocks::{blocks, line};
use super::outcome::outcome;
use super::state::{on_click, on_click_change, Msg, QuizState};
use crate::quiz::Action;
use crate::report::{Report, DOCTOR};
use crate::ui::button::{button, Look};
use crate::ui::{items, text};
use std::rc::Rc;
use yew::prelude::*;

/// The results for `report`, which the app builds once per set of answers.
pub fn results(state: &QuizState, dispatch: &Callback<Msg>, report: &Rc<Report>) -> Html {
    let (kb, ui) = (state.kb.0, &state.kb.0.ui);
    let pattern = report.pattern.as_ref().map(|p| {
        html! {
            <div class="lpq-pattern" data-pattern={text(&p.id)}>
                <h2 tabindex="-1" data-focus="">{ text(&p.title) }</h2>
                <p>{ text(&p.text) }{ " " }<span class="lpq-small">{ text(&p.not_diagnosis) }</span></p>
                <p class="lpq-tonight">{ text(&p.tonight) }</p>
            </div>
        }
    });
    // A pattern opens the results; an urgent or emergency outcome always comes first.
    let (before, after) = if report.pattern_first { (pattern, None) } else { (None, pattern) };
    html! {
        <section class="lpq-results" data-results="">
            { for before }
            { outcome(kb, &report.outcome, false) }
            { for after }
            if !report.steps.is_empty() {
                <h3>{ text(&ui.to_do) }</h3>
                <ol class="lpq-steps">{ items(&report.steps) }</ol>
            }
            if let Some(none) = &report.no_nutrients {
                { line("p", none) }
            } else {
                <h3>{ text(&ui.stand_out) }</h3>
                <ul class="lpq-standout">
                    { for report.standout.iter().map(|n| html! {
                        <li data-nutrient={text(&n.id)} data-strength={n.strength.id()}>
                            <details class="lpq-fold" data-print="">
                                <summary><span><strong>{ text(&n.name) }</strong>{ ": " }{ text(&n.label) }</span></summary>
                                <div class="lpq-fold-body">
                                    { blocks("h4", &n.blocks) }
                                    // No link for a nutrient shown for its blood test only (the report leaves it empty).
                                    { for (!n.read_about.is_empty()).then(|| button(Look::Link, "browse", text(&n.read_about), on_click(dispatch, Action::Browse(Some(n.id.to_string()))))) }
                                </div>
                            </details>
                        </li>
                    }) }
                </ul>
            }
            { for report.withheld.iter().map(|w| line("p", w)) }
            // A self-care outcome's "see a GP if …" lines come after what to do, as NHS
            // self-care pages end with when to get help.
            if !report.outcome.safety_net.is_empty() {
                <h3>{ text(&ui.get_help) }</h3>
                <ul class="lpq-safety-net">{ items(&report.outcome.safety_net) }</ul>
            }
            { for report.folds.iter().map(|f| html! {
                <details class="lpq-fold" data-fold={f.name} data-print={f.print.then_some("")}>
                    <summary>{ text(&f.title) }</summary>
                    if f.name == DOCTOR && !state.locale.starts_with("en") {
                        <label class="lpq-check lpq-no-print">
                            <input type="checkbox" data-action="doctor-english" checked={state.doctor_english}
                                onchange={on_click_change(dispatch, Msg::DoctorEnglish(!state.doctor_english))} />
                            { text(&ui.doctor_english) }
                        </label>
                    }
                    <div class="lpq-fold-body" data-summary={(f.name == DOCTOR).then_some("")}
                        lang={f.lang}>{ blocks("h4", &f.blocks) }</div>
                </details>
            }) }
            { keep::keep(state, dispatch, report) }
            <p class="lpq-small">{ text(&kb.disclaimer) }</p>
            <div class="lpq-actions lpq-no-print">
                { button(Look::Secondary, "back", text(&ui.back_to_answers), on_click(dispatch, Action::Back)) }
                { button(Look::Secondary, "restart", text(&ui.start_again), on_click(dispatch, Action::Restart)) }
            </div>
        </section>
    }
}
