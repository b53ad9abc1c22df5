//! A titled list of advice entries (lifestyle, other causes, medicines, supplements).

use crate::knowledge::{Advice, Kb, Text};
use crate::ui::text;
use yew::prelude::*;

/// `kind` is `lifestyle`, `cause`, `medicine` or `supplement`: it picks the list and
/// the styling. Renders nothing when no entry applies.
pub fn advice_list(kb: Kb, title: &'static str, kind: &'static str, ids: &[Text]) -> Html {
    let list: &[Advice] = match kind {
        "lifestyle" => &kb.lifestyle,
        "cause" => &kb.other_causes,
        "medicine" => &kb.medicine_notes,
        _ => &kb.supplement_cautions,
    };
    let entries: Vec<&Advice> = ids.iter().filter_map(|id| list.iter().find(|a| &a.id == id)).collect();
    if entries.is_empty() {
        return html! {};
    }
    html! {
        <section class="lpq-section" data-advice={kind}>
            <h3>{ title }</h3>
            <ul class="lpq-advice">
                { for entries.iter().map(|a| html! {
                    <li data-advice-id={text(&a.id)}><strong>{ text(&a.title) }</strong><p>{ text(&a.text) }</p></li>
                }) }
            </ul>
        </section>
    }
}
