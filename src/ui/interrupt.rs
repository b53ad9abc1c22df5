//! Urgent or emergency guidance shown the moment an answer calls for it, before any
//! more questions. The person can go back, or carry on once they have read it.

use super::guidance::Guidance;
use super::state::{on_click, Action, ScreenProps};
use crate::quiz::interrupting_flags;
use yew::prelude::*;

#[function_component(Interrupt)]
pub fn interrupt(props: &ScreenProps) -> Html {
    let kb = props.state.kb.clone();
    let flags = interrupting_flags(&kb, props.state.answers());
    let Some(level) = flags.first().map(|f| f.level) else { return html! {} };
    let ids: Vec<String> = flags.iter().filter(|f| f.level == level).map(|f| f.id.to_string()).collect();
    html! {
        <section class="lpq-interrupt">
            <Guidance kb={kb.clone()} {level} flags={ids} primary=true />
            <p>{ "You can finish the questions afterwards for food and lifestyle ideas: your answers are kept." }</p>
            <div class="lpq-actions">
                <button type="button" class="lpq-button lpq-primary" data-action="continue"
                    onclick={on_click(&props.dispatch, Action::Continue)}>{ "I understand, continue the questions" }</button>
                <button type="button" class="lpq-button" data-action="back"
                    onclick={on_click(&props.dispatch, Action::Back)}>{ "Back: change my answer" }</button>
            </div>
        </section>
    }
}
