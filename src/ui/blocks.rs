//! Draws the report's blocks and lines (see `report`): one renderer for every section of
//! the results and the nutrient pages, each line carrying its own data attribute
//! (`data-food`, `data-test`, …).

use crate::report::{Block, Line, Mark};
use crate::ui::text;
use yew::prelude::*;

pub fn line(tag: &'static str, l: &Line) -> Html {
    // One optional attribute per kind of mark: a computed attribute name would need
    // `VTag::add_attribute`, whose attribute map costs kilobytes of wasm.
    let mark = |m: Mark| (l.mark == m).then(|| text(&l.id));
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
        <@{tag} data-food={mark(Mark::Food)} data-test={mark(Mark::Test)} data-flag={mark(Mark::Flag)}
            data-advice-id={mark(Mark::Advice)} data-source={mark(Mark::Source)} data-withheld={mark(Mark::Withheld)}
            data-no-nutrient={mark(Mark::NoNutrient)} data-deferred={mark(Mark::Deferred)}>{ body }</@>
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
