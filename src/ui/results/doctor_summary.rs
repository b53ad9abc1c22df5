//! The summary to take to a clinician: tests to ask about, then the plain-text
//! summary with Print and Copy.

use crate::knowledge::Kb;
use crate::quiz::{Answers, Assessment};
use crate::summary::doctor_summary;
use std::rc::Rc;
use crate::ui::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoctorSummaryProps {
    pub kb: Kb,
    pub answers: Answers,
    pub assessment: Rc<Assessment>,
}

#[function_component(DoctorSummary)]
pub fn doctor_summary_view(props: &DoctorSummaryProps) -> Html {
    let kb = &props.kb;
    let copied = use_state(|| false);
    let summary_text = doctor_summary(kb, &props.answers, &props.assessment, &today());
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let copy = {
        let (summary_text, copied) = (summary_text.clone(), copied.clone());
        Callback::from(move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&summary_text);
                copied.set(true);
            }
        })
    };
    let tests: Vec<_> = props.assessment.lab_tests.iter().filter_map(|id| kb.lab_test(id)).collect();
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
                <button type="button" class="lpq-button" data-action="print" onclick={print}>{ "Print summary" }</button>
                <button type="button" class="lpq-button" data-action="copy" onclick={copy}>{ "Copy as text" }</button>
            </div>
            <p class="lpq-small" role="status">{ if *copied { "Copied to the clipboard." } else { "" } }</p>
        </section>
    }
}

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}
