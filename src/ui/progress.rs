//! "Question 3 of 18" with a bar. The count changes as follow-ups appear or vanish.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub index: usize,
    pub total: usize,
}

#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    let label = format!("Question {} of {}", props.index, props.total);
    html! {
        <div class="lpq-progress">
            <p class="lpq-progress-text" aria-hidden="true">{ label.clone() }</p>
            <progress max={props.total.to_string()} value={props.index.to_string()} aria-label={label} />
        </div>
    }
}
