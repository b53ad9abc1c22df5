//! The triage card: what to do now, and the warning signs that led there.
//! Shared by the interrupt and the results, so urgent advice reads the same in both.

use crate::knowledge::{Kb, RedFlag, TriageLevel};
use crate::ui::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GuidanceProps {
    pub kb: Kb,
    pub level: TriageLevel,
    /// Red flag ids to explain, most urgent first.
    pub flags: Vec<String>,
    /// Heading level: the interrupt's own heading is h2, inside results it is h3.
    #[prop_or(false)]
    pub primary: bool,
}

#[function_component(Guidance)]
pub fn guidance(props: &GuidanceProps) -> Html {
    let Some(g) = props.kb.guidance(props.level) else { return html! {} };
    let flags: Vec<&RedFlag> = props.flags.iter().filter_map(|id| props.kb.red_flag(id)).collect();
    let heading = html! { <>{ text(&g.heading) }</> };
    html! {
        <div class={classes!("lpq-guidance", format!("lpq-level-{}", props.level.id()))}
            data-triage={props.level.id()} role={props.level.interrupts().then_some("alert")}>
            if props.primary {
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
