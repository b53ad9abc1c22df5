//! "Question 3 of 18" with a bar. The count changes as follow-ups appear or vanish.

use yew::prelude::*;

pub fn progress(index: usize, total: usize) -> Html {
    let label = format!("Question {index} of {total}");
    html! {
        <div class="lpq-progress">
            <p class="lpq-progress-text" aria-hidden="true">{ label.clone() }</p>
            <progress max={total.to_string()} value={index.to_string()} aria-label={label} />
        </div>
    }
}
