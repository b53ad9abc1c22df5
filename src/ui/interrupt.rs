//! Urgent or emergency guidance shown the moment an answer calls for it, before any
//! more questions. The person can go back, or carry on once they have read it.

use super::guidance::guidance;
use super::state::{on_click, Msg, QuizState};
use crate::quiz::interrupting_flags;
use crate::quiz::Action;
use crate::ui::button::{button, Look};
use yew::prelude::*;

pub fn interrupt(state: &QuizState, dispatch: &Callback<Msg>) -> Html {
    let kb = state.kb;
    let flags = interrupting_flags(&kb, state.answers());
    let Some(level) = flags.first().map(|f| f.level) else { return html! {} };
    let ids: Vec<_> = flags.iter().filter(|f| f.level == level).map(|f| f.id.clone()).collect();
    html! {
        <section class="lpq-interrupt">
            { guidance(kb, level, &ids, true) }
            <p>{ "You can finish the questions afterwards for food and lifestyle ideas: your answers are kept." }</p>
            <div class="lpq-actions">
                { button(Look::Primary, "continue", "I understand, continue the questions", on_click(dispatch, Action::Continue)) }
                { button(Look::Secondary, "back", "Back: change my answer", on_click(dispatch, Action::Back)) }
            </div>
        </section>
    }
}
