//! Keeping the results: Print (a handout: see the stylesheet's print rules), Copy as
//! plain text, and a link that reopens them. Each tells the truth about what happened:
//! a copy the browser refused says so and shows the text to select instead.

use crate::platform;
use crate::quiz::share;
use crate::report::Report;
use crate::ui::button::{button, Look};
use crate::ui::state::{on_click, CopyStatus, Msg, QuizState};
use crate::ui::text;
use std::rc::Rc;
use yew::prelude::*;

pub fn keep(state: &QuizState, dispatch: &Callback<Msg>, report: &Rc<Report>) -> Html {
    let (kb, ui) = (state.kb.0, &state.kb.0.ui);
    let plain = {
        let report = report.clone();
        move || report.doctor_text(&platform::today())
    };
    let copy = {
        let (dispatch, plain) = (dispatch.clone(), plain.clone());
        Callback::from(move |_| {
            let dispatch = dispatch.clone();
            platform::copy(&plain(), move |ok| dispatch.emit(Msg::Copied(ok)));
        })
    };
    let link = state.link_shown.then(|| platform::address_with(&state.link_param, &share::encode(kb, state.answers())));
    html! {
        <section class="lpq-keep lpq-no-print" aria-labelledby="lpq-keep-title">
            <h3 id="lpq-keep-title">{ text(&ui.keep) }</h3>
            <div class="lpq-actions">
                { button(Look::Secondary, "print", text(&ui.print), Callback::from(|_| platform::print())) }
                { button(Look::Secondary, "copy", text(&ui.copy), copy) }
                { button(Look::Secondary, "share", text(&ui.share), on_click(dispatch, Msg::ShowLink)) }
            </div>
            <p class="lpq-small" role="status">
                { match state.copy { CopyStatus::Copied => text(&ui.copied), CopyStatus::Failed => text(&ui.copy_failed), CopyStatus::NotYet => AttrValue::default() } }
            </p>
            if state.copy == CopyStatus::Failed {
                <textarea class="lpq-copy-text" readonly=true rows="8" aria-label={text(&ui.copy)}
                    onfocus={Callback::from(|e: FocusEvent| platform::select_all(e.target()))} value={plain()} />
            }
            if let Some(link) = link {
                <p class="lpq-share"><a data-share-link="" href={link.clone()}>{ link }</a></p>
                <p class="lpq-small">{ text(&ui.share_note) }</p>
            }
        </section>
    }
}
