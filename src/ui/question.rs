//! One question per page, as GOV.UK question pages do it: a back link at the top, the
//! part of the quiz as a caption, the question as the heading, an error summary that
//! says what is missing, radios for one answer and checkboxes for several.

use super::state::{on_click, Msg, QuizState};
use crate::knowledge::QuestionKind;
use crate::quiz::{Action, Screen};
use crate::ui::button::{button, Look};
use crate::ui::{fill, text};
use yew::prelude::*;

/// A checklist with more choices than this puts its exclusive ones ("None of these") first.
const LONG_LIST: usize = 6;

pub fn question_view(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let Screen::Question(id) = &state.journey.screen else { return html! {} };
    let Some(question) = state.kb.question(id) else { return html! {} };
    let (kb, ui) = (state.kb.0, &state.kb.0.ui);
    let multi = question.kind == QuestionKind::Multi;
    let missing = state.journey.missing_answer;
    let error = text(&question.error);
    let first_input = question.choices.first().map(|c| format!("lpq-{}-{}", question.id, c.id)).unwrap_or_default();
    let hint_id = format!("lpq-hint-{}", question.id);
    let error_id = format!("lpq-error-{}", question.id);
    let described_by = crate::text::join(
        &mut [question.hint.as_ref().map(|_| hint_id.as_str()), missing.then_some(error_id.as_str())]
            .into_iter()
            .flatten(),
        " ",
    );
    let part = fill(
        &ui.part,
        &[
            ("n", &question.part.to_string()),
            ("m", &kb.parts.len().to_string()),
            ("name", kb.parts.get(question.part as usize - 1).map_or("", |p| p.as_ref())),
        ],
    );
    let sensitive_chosen = question.choices.iter().any(|c| c.sensitive && state.answers().is_selected(id, &c.id));

    // Only the choices offered for these answers (no pregnancy for a child under 13). A long
    // checklist puts "None of these" (and "Not sure") first, with an "or" below them, so
    // that someone with none of the signs finds it without scrolling past them all
    // (GOV.UK's exclusive "None", placed where a long list can't bury it).
    let offered = state.cleaned().offered(question);
    let long = multi && offered.len() > LONG_LIST && offered.iter().any(|c| c.exclusive);
    let (first, rest): (Vec<_>, Vec<_>) = offered.iter().copied().partition(|c| long && c.exclusive);
    let choice_html = |choice: &crate::knowledge::Choice| {
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
    };
    let choices = html! {
        <>
            { for first.iter().map(|c| choice_html(c)) }
            if long {
                <p class="lpq-or">{ text(&ui.or) }</p>
            }
            { for rest.iter().map(|c| choice_html(c)) }
        </>
    };

    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Action::Next.into())
        })
    };
    html! {
        // Keyed by question: each question gets fresh inputs. Reusing the previous
        // question's radios left a restored answer unticked when going back.
        <section class="lpq-question" data-question={text(&question.id)} key={question.id.to_string()}>
            { button(Look::Link, "back", text(&ui.back), on_click(dispatch, Action::Back)) }
            if missing {
                <div class="lpq-error-summary" role="alert" tabindex="-1" data-error-summary="">
                    <h2>{ text(&ui.problem) }</h2>
                    <ul><li><a href={format!("#{first_input}")} onclick={focus_first(dispatch)}>{ error.clone() }</a></li></ul>
                </div>
            }
            <form class="lpq-form" novalidate=true {onsubmit}>
                <fieldset class="lpq-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                    aria-invalid={missing.then_some("true")}>
                    <legend class="lpq-legend">
                        <span class="lpq-caption">{ part }</span>
                        <h2 class="lpq-prompt" tabindex="-1" data-focus="">{ text(&question.prompt) }</h2>
                    </legend>
                    if let Some(hint) = &question.hint {
                        <p class="lpq-hint" id={hint_id}>{ text(hint) }</p>
                    }
                    if missing {
                        <p class="lpq-error" id={error_id}>{ error }</p>
                    }
                    <div class="lpq-choices">{ choices }</div>
                </fieldset>
                if state.saving && sensitive_chosen {
                    <p class="lpq-small">{ text(&ui.sensitive_note) }</p>
                    <label class="lpq-check">
                        <input type="checkbox" checked={state.keep_sensitive} data-action="keep-sensitive" onchange={
                            let (dispatch, keep) = (dispatch.clone(), !state.keep_sensitive);
                            Callback::from(move |_: Event| dispatch.emit(Msg::KeepSensitive(keep)))
                        } />
                        { text(&ui.keep_sensitive) }
                    </label>
                }
                <div class="lpq-actions">
                    <button type="submit" class="lpq-button lpq-primary" data-action="next">
                        { text(if state.journey.editing { &ui.save_and_return } else { &ui.next }) }
                    </button>
                </div>
                if state.saving && question.part == 1 && question.id == kb.questions[0].id {
                    <p class="lpq-saved-here">{ text(&ui.saved_here) }{ " " }
                        { button(Look::Link, "erase", text(&ui.erase), on_click(dispatch, Msg::Erase)) }
                    </p>
                }
            </form>
        </section>
    }
}

/// The error summary's link moves focus to the first choice (the app does it), without
/// scrolling the host page or changing its address.
fn focus_first(dispatch: &Callback<Msg>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        dispatch.emit(Msg::FocusChoice);
    })
}
