//! The outcome, as NHS 111 online shows it: the triage level in large plain words, the
//! one next step, a button that calls the number, the warning signs that led there and
//! what to do while waiting. Shared by the interrupt and the results, so urgent advice
//! reads the same in both.

use super::blocks::line;
use crate::knowledge::KnowledgeBase;
use crate::report::Outcome;
use crate::ui::{fill, items, text};
use yew::prelude::*;

/// The heading is the screen's h2 and takes focus. `alert`: announced at once (an
/// interrupt), not only read when reached.
pub fn outcome(kb: &KnowledgeBase, o: &Outcome, alert: bool) -> Html {
    let ui = &kb.ui;
    html! {
        <div class="lpq-outcome" data-triage={o.level.id()} role={alert.then_some("alert")}>
            <h2 class="lpq-outcome-title" tabindex="-1" data-focus="">{ text(&o.heading) }</h2>
            <p class="lpq-outcome-action">{ text(&o.action) }</p>
            for number in o.call.iter() {
                <p><a class="lpq-button lpq-call" href={["tel:", number].concat()}>{ fill(&ui.call, &[("number", number)]) }</a></p>
            }
            if !o.flags.is_empty() {
                <ul class="lpq-flags">{ for o.flags.iter().map(|f| line("li", f)) }</ul>
            }
            if let Some(tell) = &o.tell {
                { line("p", tell) }
            }
            if !o.while_waiting.is_empty() {
                <h3>{ text(&ui.while_waiting) }</h3>
                <ul>{ items(&o.while_waiting) }</ul>
            }
        </div>
    }
}
