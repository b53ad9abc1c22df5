//! The quiz's buttons share one shape: `type="button"`, a look, a `data-action` that
//! tests and stylesheets can rely on, and a label. Built here once rather than as
//! markup at every use, which keeps the wasm smaller.

use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
pub enum Look {
    /// The step forward on a screen.
    Primary,
    Secondary,
    /// Small text actions: dismiss a notice, erase answers.
    Link,
}

pub fn button(look: Look, action: &'static str, label: &'static str, onclick: Callback<MouseEvent>) -> Html {
    let class = match look {
        Look::Primary => "lpq-button lpq-primary",
        Look::Secondary => "lpq-button",
        Look::Link => "lpq-link",
    };
    html! { <button type="button" {class} data-action={action} {onclick}>{ label }</button> }
}
