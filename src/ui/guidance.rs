//! The triage card: what to do now, and the warning signs that led there.
//! Shared by the interrupt and the results, so urgent advice reads the same in both.

use crate::knowledge::{Kb, RedFlag, Text, TriageLevel};
use crate::ui::text;
use yew::prelude::*;

/// `flags` are red flag ids to explain, most urgent first. `primary` makes the heading
/// an h2 that takes focus (the interrupt's own heading); inside results it is an h3.
pub fn guidance(kb: Kb, level: TriageLevel, flags: &[Text], primary: bool) -> Html {
    let Some(g) = kb.guidance(level) else { return html! {} };
    let flags: Vec<&RedFlag> = flags.iter().filter_map(|id| kb.red_flag(id)).collect();
    let heading = html! { <>{ text(&g.heading) }</> };
    html! {
        <div class="lpq-guidance" data-triage={level.id()} role={level.interrupts().then_some("alert")}>
            if primary {
                <h2 tabindex="-1" data-focus="">{ heading }</h2>
            } else {
                <h3>{ heading }</h3>
            }
            <p class="lpq-guidance-action">{ text(&g.action) }</p>
            if !flags.is_empty() {
                <ul class="lpq-flags">
                    { for flags.iter().map(|f| html! {
                        <li data-flag={text(&f.id)}>
                            <strong>{ text(&f.title) }</strong>
                            <p>{ text(&f.guidance) }</p>
                            if let Some(dont) = &f.do_not {
                                <p class="lpq-do-not">{ text(dont) }</p>
                            }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}
