//! The summary to take to a clinician: tests to ask about, then the plain-text
//! summary with Print and Copy.

use crate::quiz::Assessment;
use crate::summary::doctor_summary;
use crate::ui::button::{button, Look};
use crate::ui::state::{Msg, QuizState};
use crate::ui::text;
use yew::prelude::*;

pub fn doctor_summary_section(state: &QuizState, dispatch: &Callback<Msg>, assessment: &Assessment) -> Html {
    let kb = &state.kb;
    let summary_text = doctor_summary(kb, state.answers(), assessment, &today());
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let copy = {
        let (summary_text, dispatch) = (summary_text.clone(), dispatch.clone());
        Callback::from(move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&summary_text);
                dispatch.emit(Msg::Copied);
            }
        })
    };
    let tests: Vec<_> = assessment.lab_tests.iter().filter_map(|id| kb.lab_test(id)).collect();
    html! {
        <section class="lpq-section lpq-summary-section" aria-labelledby="lpq-summary-title">
            <h3 id="lpq-summary-title">{ "When to see a doctor, and what to ask" }</h3>
            if !tests.is_empty() {
                <p>{ "Blood tests worth asking about:" }</p>
                <ul class="lpq-tests">
                    { for tests.iter().map(|t| html! {
                        <li data-test={text(&t.id)}><strong>{ text(&t.name) }</strong><p>{ text(&t.why) }</p></li>
                    }) }
                </ul>
            }
            <p>{ "Take this summary with you. It lists what you told the quiz, without your name." }</p>
            <pre class="lpq-summary" data-summary="">{ summary_text }</pre>
            <div class="lpq-actions lpq-no-print">
                { button(Look::Secondary, "print", "Print summary", print) }
                { button(Look::Secondary, "copy", "Copy as text", copy) }
            </div>
            <p class="lpq-small" role="status">{ if state.copied { "Copied to the clipboard." } else { "" } }</p>
        </section>
    }
}

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}
