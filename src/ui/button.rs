//! The quiz's buttons share one shape: `type="button"`, a look, a `data-action` that
//! tests and stylesheets can rely on, and a label. Built here once rather than as
//! markup at every use, which keeps the wasm smaller.

use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
pub enum Look {
    /// The step forward on a screen.
    Primary,
    Secondary,
    /// Small text actions: back links, dismissing a notice, erasing answers.
    Link,
}

pub fn button(look: Look, action: &'static str, label: impl Into<AttrValue>, onclick: Callback<MouseEvent>) -> Html {
    // Literal classes: a computed `class` goes through Yew's `Classes` set at run time,
    // which costs kilobytes of wasm.
    let label = label.into();
    match look {
        Look::Primary => {
            html! { <button type="button" class="lpq-button lpq-primary" data-action={action} {onclick}>{ label }</button> }
        }
        Look::Secondary => {
            html! { <button type="button" class="lpq-button" data-action={action} {onclick}>{ label }</button> }
        }
        Look::Link => {
            html! { <button type="button" class="lpq-link" data-action={action} {onclick}>{ label }</button> }
        }
    }
}
