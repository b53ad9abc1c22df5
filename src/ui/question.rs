//! One question per screen: radios for single choice, checkboxes for multiple.

use super::progress::progress;
use super::state::{on_click, Msg, QuizState};
use crate::knowledge::QuestionKind;
use crate::quiz::Action;
use crate::quiz::Screen;
use crate::ui::button::{button, Look};
use crate::ui::text;
use yew::prelude::*;

pub fn question_view(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let Screen::Question(id) = &state.journey.screen else { return html! {} };
    let Some(question) = state.kb.question(id) else { return html! {} };
    let (index, total) = state.position(id);
    let multi = question.kind == QuestionKind::Multi;
    let hint_id = format!("lpq-hint-{}", question.id);
    let error_id = format!("lpq-error-{}", question.id);
    let described_by = [
        question.hint.is_some().then_some(hint_id.as_str()),
        state.journey.missing_answer.then_some(error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let missing_text = if multi {
        "Choose at least one answer, or “None of these”, to continue."
    } else {
        "Choose an answer to continue."
    };

    let choices = question.choices.iter().map(|choice| {
        let selected = state.answers().is_selected(&question.id, &choice.id);
        let onchange = {
            let dispatch = dispatch.clone();
            let (q, c) = (question.id.to_string(), choice.id.to_string());
            Callback::from(move |_: Event| {
                dispatch.emit(Action::Choose { question: q.clone(), choice: c.clone() }.into())
            })
        };
        let input_id = format!("lpq-{}-{}", question.id, choice.id);
        html! {
            <label class="lpq-choice" data-selected={selected.then_some("")} for={input_id.clone()}
                data-option={text(&choice.id)}>
                <input id={input_id} type={if multi { "checkbox" } else { "radio" }}
                    name={text(&question.id)} value={text(&choice.id)} checked={selected} {onchange} />
                <span class="lpq-choice-text">
                    <span class="lpq-choice-label">{ text(&choice.label) }</span>
                    if let Some(hint) = &choice.hint {
                        <span class="lpq-choice-hint">{ text(hint) }</span>
                    }
                </span>
            </label>
        }
    });

    html! {
        // Keyed by question: each question gets fresh inputs. Reusing the previous
        // question's radios left a restored answer unticked when going back.
        <section class="lpq-question" data-question={text(&question.id)} key={question.id.to_string()}>
            { progress(index, total) }
            <form class="lpq-form" novalidate=true onsubmit={
                let dispatch = dispatch.clone();
                Callback::from(move |e: SubmitEvent| { e.prevent_default(); dispatch.emit(Action::Next.into()) })
            }>
                <fieldset class="lpq-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                    aria-invalid={state.journey.missing_answer.then_some("true")}>
                    <legend class="lpq-legend">
                        <h2 class="lpq-prompt" tabindex="-1" data-focus="">{ text(&question.prompt) }</h2>
                    </legend>
                    if let Some(hint) = &question.hint {
                        <p class="lpq-hint" id={hint_id.clone()}>{ text(hint) }</p>
                    }
                    if state.journey.missing_answer {
                        <p class="lpq-error" id={error_id.clone()} role="alert">{ missing_text }</p>
                    }
                    <div class="lpq-choices">
                        { for choices }
                    </div>
                </fieldset>
                <div class="lpq-actions">
                    <button type="submit" class="lpq-button lpq-primary" data-action="next">
                        { if state.journey.editing { "Save and return" } else { "Next" } }
                    </button>
                    { button(Look::Secondary, "back", "Back", on_click(dispatch, Action::Back)) }
                </div>
            </form>
        </section>
    }
}
