//! The root component: owns the state, saves it, moves focus, and tells the host page
//! what happened (never the answers themselves).

use super::state::{Msg, QuizState};
use super::{interrupt::interrupt, intro::intro, question::question_view, results::results, review::review};
use crate::knowledge::{Kb, TriageLevel};
use crate::quiz::{assess, Journey, Screen};
use crate::session::RestoreError;
use crate::storage::SessionStore;
use crate::ui::button::{button, Look};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the host page is told through DOM events.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    Start,
    Step { question: String, index: usize, total: usize },
    Complete { triage: TriageLevel, nutrients: Vec<String> },
}

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub kb: Kb,
    pub store: SessionStore,
    /// `light`, `dark` or `auto`.
    #[prop_or(AttrValue::Static("auto"))]
    pub theme: AttrValue,
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let (kb, store) = (props.kb, props.store.clone());
        use_reducer(move || {
            let (journey, notice) = match store.load() {
                Ok(Some(saved)) => (saved.resume(&kb), None),
                Ok(None) => (Journey::new(), None),
                Err(error) => (Journey::new(), Some(restore_notice(&error))),
            };
            QuizState::new(kb, journey, notice)
        })
    };
    let root = use_node_ref();

    // Save on every change; a fresh session leaves nothing behind on the device.
    {
        let store = props.store.clone();
        use_effect_with(state.journey.clone(), move |journey| {
            if *journey == Journey::new() {
                store.clear();
            } else {
                store.save(journey);
            }
        });
    }

    // Assessed once per set of answers, and only once the results are asked for.
    let assessment = {
        let kb = props.kb;
        let on_results = state.journey.screen == Screen::Results;
        use_memo(on_results.then(|| state.answers().clone()), move |answers| {
            answers.as_ref().map(|answers| assess(&kb, answers))
        })
    };

    // Tell the host and move focus to the new screen's heading (not on first load, so
    // an embedded widget never steals focus from the host page).
    {
        // The screen before this one; `None` until the first render is done.
        let previous = use_mut_ref(|| None::<Screen>);
        let (root, on_event, state) = (root.clone(), props.on_event.clone(), state.clone());
        let assessment = assessment.clone();
        use_effect_with(state.journey.screen.clone(), move |screen| {
            let was = previous.replace(Some(screen.clone()));
            match screen {
                Screen::Question(id) => {
                    if was == Some(Screen::Intro) {
                        on_event.emit(HostEvent::Start);
                    }
                    if let Some((index, total)) = state.shown_at {
                        on_event.emit(HostEvent::Step { question: id.clone(), index, total });
                    }
                }
                Screen::Results => {
                    if let Some(a) = assessment.as_ref() {
                        on_event.emit(HostEvent::Complete {
                            triage: a.triage,
                            nutrients: a.nutrients.iter().map(|n| n.id.to_string()).collect(),
                        });
                    }
                }
                _ => {}
            }
            if was.is_none() {
                mark_ready();
            } else {
                focus_heading(&root);
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        Callback::from(move |msg: Msg| state.dispatch(msg))
    };
    let erase = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Msg::Erase))
    };
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Msg::DismissNotice))
    };

    let screen = match &state.journey.screen {
        // Plain functions, not components: each component costs about 1 KB of wasm, and
        // every screen re-renders with the state anyway.
        Screen::Intro => intro(&state, &dispatch),
        Screen::Question(_) => question_view(&state, &dispatch),
        Screen::Interrupt(_) => interrupt(&state, &dispatch),
        Screen::Review => review(&state, &dispatch),
        Screen::Results => match assessment.as_ref() {
            Some(assessment) => results(&state, &dispatch, assessment),
            None => html! {},
        },
    };

    html! {
        <div class="lpq-app" data-theme={props.theme.clone()} ref={root}>
            // Stays in place across screens, so a change of its text is what screen readers announce.
            <p class="lpq-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announce="">
                { state.shown_at.map(|(index, total)| format!("Question {index} of {total}")) }
            </p>
            <header class="lpq-header">
                <p class="lpq-brand">{ "Night-time leg pain check" }</p>
            </header>
            if let Some(notice) = state.notice {
                <div class="lpq-notice" role="status">
                    <p>{ notice }</p>
                    { button(Look::Link, "dismiss", "OK", dismiss) }
                </div>
            }
            <div class="lpq-screen">{ screen }</div>
            <footer class="lpq-footer">
                <p>{ "Private: your answers never leave this device." }</p>
                if !state.journey.answers.is_empty() {
                    { button(Look::Link, "erase", "Erase my answers", erase) }
                }
            </footer>
        </div>
    }
}

/// Marks the moment the first screen is on the page and working, for the benchmark
/// and for hosts measuring their own pages (`performance.getEntriesByName("lpq-ready")`).
fn mark_ready() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("lpq-ready");
    }
}

fn focus_heading(root: &NodeRef) {
    let heading = root
        .cast::<web_sys::Element>()
        .and_then(|el| el.query_selector("[data-focus]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}

/// A short notice for the person when their saved answers could not be used.
fn restore_notice(error: &RestoreError) -> &'static str {
    match error {
        RestoreError::Corrupted => "Your saved answers couldn't be read, so the quiz has started afresh.",
        RestoreError::OtherFormat(_) => "The quiz has been updated since your last visit, so it has started afresh.",
    }
}
