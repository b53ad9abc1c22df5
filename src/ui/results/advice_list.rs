//! A titled list of advice entries (lifestyle, other causes, medicines, supplements).

use crate::knowledge::{Advice, Kb, Text};
use crate::ui::text;
use yew::prelude::*;

/// Which of the knowledge base's advice lists to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AdviceKind {
    Lifestyle,
    Cause,
    Medicine,
    Supplement,
}

impl AdviceKind {
    fn entries(self, kb: Kb) -> &'static [Advice] {
        match self {
            AdviceKind::Lifestyle => &kb.0.lifestyle,
            AdviceKind::Cause => &kb.0.other_causes,
            AdviceKind::Medicine => &kb.0.medicine_notes,
            AdviceKind::Supplement => &kb.0.supplement_cautions,
        }
    }

    /// The `data-advice` attribute, which the stylesheet and tests select on.
    fn attr(self) -> &'static str {
        match self {
            AdviceKind::Lifestyle => "lifestyle",
            AdviceKind::Cause => "cause",
            AdviceKind::Medicine => "medicine",
            AdviceKind::Supplement => "supplement",
        }
    }
}

/// Renders nothing when no entry applies.
pub fn advice_list(kb: Kb, title: &'static str, kind: AdviceKind, ids: &[Text]) -> Html {
    let list = kind.entries(kb);
    let entries: Vec<&Advice> = ids.iter().filter_map(|id| list.iter().find(|a| &a.id == id)).collect();
    if entries.is_empty() {
        return html! {};
    }
    html! {
        <section class="lpq-section" data-advice={kind.attr()}>
            <h3>{ title }</h3>
            <ul class="lpq-advice">
                { for entries.iter().map(|a| html! {
                    <li data-advice-id={text(&a.id)}><strong>{ text(&a.title) }</strong><p>{ text(&a.text) }</p></li>
                }) }
            </ul>
        </section>
    }
}
