//! Draws the report's blocks and lines (see `report`): one renderer for every section of
//! the results and the nutrient pages. Lines are built with `VTag` rather than `html!` so
//! that each can carry its own data attribute (`data-food`, `data-test`, …).

use crate::report::{Block, Line};
use crate::ui::text;
use yew::prelude::*;

pub fn line(tag: &'static str, l: &Line) -> Html {
    // One optional attribute per kind of mark: a computed attribute name would need
    // `VTag::add_attribute`, whose attribute map costs kilobytes of wasm.
    let mark = |name: &str| l.mark.as_ref().filter(|(n, _)| *n == name).map(|(_, v)| text(v));
    let body = html! {
        <>
            if let Some(lead) = &l.lead {
                <strong>{ text(lead) }</strong>{ " " }
            }
            { text(&l.text) }
            if let Some(url) = &l.url {
                { " " }<a href={text(url)} target="_blank" rel="noopener noreferrer">{ text(url) }</a>
            }
            if let Some(warning) = &l.warning {
                <span class="lpq-warning">{ text(warning) }</span>
            }
        </>
    };
    html! {
        <@{tag} data-food={mark("data-food")} data-test={mark("data-test")} data-flag={mark("data-flag")}
            data-advice-id={mark("data-advice-id")} data-source={mark("data-source")} data-withheld={mark("data-withheld")}
            data-no-nutrient={mark("data-no-nutrient")} data-deferred={mark("data-deferred")}>{ body }</@>
    }
}

/// Each block: its heading (at `level`, an `h3` or `h4`), then its lines as a list.
pub fn blocks(level: &'static str, list: &[Block]) -> Html {
    html! {
        <>
            { for list.iter().map(|b| html! {
                <>
                    if let Some(h) = &b.heading {
                        { heading(level, h) }
                    }
                    <ul class="lpq-lines">{ for b.lines.iter().map(|l| line("li", l)) }</ul>
                </>
            }) }
        </>
    }
}

pub fn heading(level: &'static str, words: &crate::knowledge::Text) -> Html {
    html! { <@{level}>{ text(words) }</@> }
}
