//! A titled list of advice entries (lifestyle, other causes, medicines, supplements).

use crate::knowledge::{Advice, Kb};
use crate::ui::text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AdviceListProps {
    pub kb: Kb,
    pub title: AttrValue,
    /// `lifestyle`, `cause`, `medicine` or `supplement`: picks the list and the styling.
    pub kind: AttrValue,
    pub ids: Vec<String>,
}

#[function_component(AdviceList)]
pub fn advice_list(props: &AdviceListProps) -> Html {
    let kb = &props.kb;
    let list: &[Advice] = match props.kind.as_str() {
        "lifestyle" => &kb.lifestyle,
        "cause" => &kb.other_causes,
        "medicine" => &kb.medicine_notes,
        _ => &kb.supplement_cautions,
    };
    let entries: Vec<&Advice> = props.ids.iter().filter_map(|id| list.iter().find(|a| &a.id == id)).collect();
    if entries.is_empty() {
        return html! {};
    }
    html! {
        <section class={classes!("lpq-section", format!("lpq-{}", props.kind))} data-advice={props.kind.clone()}>
            <h3>{ props.title.clone() }</h3>
            <ul class="lpq-advice">
                { for entries.iter().map(|a| html! {
                    <li data-advice-id={text(&a.id)}><strong>{ text(&a.title) }</strong><p>{ text(&a.text) }</p></li>
                }) }
            </ul>
        </section>
    }
}
