//! One question per page, as GOV.UK question pages do it (or the few the engine puts on
//! one page: who the answers are about, with the age): a back link at the top, the part
//! of the quiz as a caption, each question as a heading, an error summary that says what
//! is missing with a link to each, radios for one answer and checkboxes for several. The
//! words are those for the person the answers are about (`quiz::Person`).

use super::state::{on_click, on_click_change, Msg, QuizState};
use crate::knowledge::{Choice, Question, QuestionKind};
use crate::quiz::{Action, Person, Screen};
use crate::ui::button::{button, Look};
use crate::ui::{fill, text};
use yew::prelude::*;

/// A checklist with more choices than this puts its exclusive ones ("None of these") first.
const LONG_LIST: usize = 6;

pub fn question_view(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let Screen::Question(head) = &state.journey.screen else { return html! {} };
    let kb = state.kb.0;
    let ui = &kb.ui;
    // The engine says which questions share this page and which still lack an answer.
    let cleaned = state.cleaned();
    let page = cleaned.page(head);
    let missing = state.journey.missing(kb);
    let person = Person::of(kb, &cleaned);
    let Some(first) = page.first() else { return html! {} };
    let part = fill(
        &ui.part,
        &[
            ("n", &crate::text::number(first.part.into())),
            ("m", &crate::text::number(kb.parts.len() as u64)),
            ("name", kb.parts.get(first.part as usize - 1).map_or("", |p| p.as_ref())),
        ],
    );
    let sensitive_chosen =
        page.iter().any(|q| q.choices.iter().any(|c| c.sensitive && state.answers().is_selected(&q.id, &c.id)));

    let fieldset = |(i, question): (usize, &&Question)| {
        let multi = question.kind == QuestionKind::Multi;
        let missing = missing.iter().any(|m| m.id == question.id);
        let error = text(person.error(question));
        let hint = person.hint(question);
        let hint_id = ["lpq-hint-", &question.id].concat();
        let error_id = ["lpq-error-", &question.id].concat();
        let described_by = crate::text::join(
            &mut [hint.map(|_| hint_id.as_str()), missing.then_some(error_id.as_str())].into_iter().flatten(),
            " ",
        );
        // Only the choices offered for these answers (no pregnancy for a child under 13),
        // in the engine's order (a child's warning signs first). A long checklist puts
        // "None of these" (and "Not sure") first, with an "or" below them, so that someone
        // with none of the signs finds it without scrolling past them all (GOV.UK's
        // exclusive "None", placed where a long list can't bury it).
        let offered = cleaned.offered(question);
        let long = multi && offered.len() > LONG_LIST && offered.iter().any(|c| c.exclusive);
        let (first, rest): (Vec<_>, Vec<_>) = offered.iter().copied().partition(|c| long && c.exclusive);
        let choice_html = |choice: &Choice| {
            let selected = state.answers().is_selected(&question.id, &choice.id);
            let onchange = on_click_change(
                dispatch,
                Action::Choose { question: question.id.to_string(), choice: choice.id.to_string() }.into(),
            );
            let input_id = ["lpq-", &question.id, "-", &choice.id].concat();
            // The input inside its label is labelled by it: no `for` to set on every step.
            html! {
                <label class="lpq-choice" data-selected={selected.then_some("")} data-option={text(&choice.id)}>
                    <input id={input_id} type={if multi { "checkbox" } else { "radio" }}
                        name={text(&question.id)} value={text(&choice.id)} checked={selected} {onchange} />
                    // The hint, if any, is a line of its own under the words (the stylesheet):
                    // one element fewer for each choice a page draws.
                    <span class="lpq-choice-label">{ text(person.label(choice)) }
                        if let Some(hint) = &choice.hint {
                            <span class="lpq-choice-hint">{ text(hint) }</span>
                        }
                    </span>
                </label>
            }
        };
        html! {
            <fieldset class="lpq-fieldset" data-question={text(&question.id)}
                aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                aria-invalid={missing.then_some("true")}>
                <legend class="lpq-legend">
                    if i == 0 {
                        <span class="lpq-caption">{ part.clone() }</span>
                    }
                    // The page's first heading takes focus on arrival.
                    <h2 class="lpq-prompt" tabindex="-1" data-focus={(i == 0).then_some("")}>
                        { text(person.prompt(question)) }
                    </h2>
                </legend>
                if let Some(hint) = hint {
                    <p class="lpq-hint" id={hint_id}>{ text(hint) }</p>
                }
                if missing {
                    <p class="lpq-error" id={error_id}>{ error }</p>
                }
                <div class="lpq-choices">
                    { for first.iter().map(|c| choice_html(c)) }
                    if long {
                        <p class="lpq-or">{ text(&ui.or) }</p>
                    }
                    { for rest.iter().map(|c| choice_html(c)) }
                </div>
            </fieldset>
        }
    };

    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Action::Next.into())
        })
    };
    html! {
        // One section for every page, patched from page to page: building a new one for
        // each step cost most of a step's time. Yew sets each input's `checked` on every
        // render, so a reused radio shows the answer of the page it now belongs to.
        <section class="lpq-question" data-page={head.clone()}>
            { button(Look::Link, "back", text(&ui.back), on_click(dispatch, Action::Back)) }
            if !missing.is_empty() {
                <div class="lpq-error-summary" role="alert" tabindex="-1" data-error-summary="">
                    <h2>{ text(&ui.problem) }</h2>
                    <ul>{ for missing.iter().map(|q| html! {
                        <li><a href={["#lpq-", &q.id, "-", q.choices.first().map_or("", |c| c.id.as_ref())].concat()}
                            onclick={focus_choice(dispatch, &q.id)}>{ text(person.error(q)) }</a></li>
                    }) }</ul>
                </div>
            }
            <form class="lpq-form" novalidate=true {onsubmit}>
                { for page.iter().enumerate().map(fieldset) }
                if state.saving && sensitive_chosen {
                    <p class="lpq-small">{ text(&ui.sensitive_note) }</p>
                    <label class="lpq-check">
                        <input type="checkbox" checked={state.keep_sensitive} data-action="keep-sensitive" onchange={on_click_change(dispatch, Msg::KeepSensitive(!state.keep_sensitive))} />
                        { text(&ui.keep_sensitive) }
                    </label>
                }
                <div class="lpq-actions">
                    <button type="submit" class="lpq-button lpq-primary" data-action="next">
                        { text(if state.journey.editing { &ui.save_and_return } else { &ui.next }) }
                    </button>
                </div>
                if state.saving && first.id == kb.questions[0].id {
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
fn focus_choice(dispatch: &Callback<Msg>, question: &str) -> Callback<MouseEvent> {
    let (dispatch, question) = (dispatch.clone(), question.to_string());
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        dispatch.emit(Msg::FocusChoice(question.clone()));
    })
}
