//! The root component: owns the state and connects it to the edges. It opens a results
//! link or the saved session, saves each change, follows other tabs, steps the browser's
//! history, moves focus, and tells the host page what happened (never the answers).

use super::state::{on_click, Msg, Notice, QuizState};
use super::{
    browse::browse, interrupt::interrupt, intro::intro, question::question_view, results::results, review::review,
};
use crate::knowledge::{Kb, TriageLevel};
use crate::platform;
use crate::quiz::{assess, share, Action, Journey, Screen};
use crate::report::report;
use crate::session::RestoreError;
use crate::storage::{SaveProblem, SessionStore};
use crate::ui::button::{button, Look};
use crate::ui::{fill, text};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What happened, for the host page. `embed` decides how much of it the host is told.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    Start,
    /// A question is on screen; `new_part` when it begins a part of the quiz.
    Step {
        question: String,
        part: u32,
        parts: u32,
        new_part: bool,
    },
    Complete {
        triage: TriageLevel,
        nutrients: Vec<String>,
    },
}

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub kb: Kb,
    pub store: SessionStore,
    /// `light`, `dark` or `auto`.
    #[prop_or(AttrValue::Static("auto"))]
    pub theme: AttrValue,
    /// The browser's Back button steps back through the quiz.
    #[prop_or_default]
    pub history: bool,
    /// The name of this widget's results in a link's `#` part.
    #[prop_or(AttrValue::Static("lpq"))]
    pub link_param: AttrValue,
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // Answers opened from a results link: not saved until the person changes one.
    let from_link = use_mut_ref(|| None);
    let state = {
        let (kb, store, link_param, from_link) =
            (props.kb, props.store.clone(), props.link_param.clone(), from_link.clone());
        use_reducer(move || {
            let saved = || match store.load(&kb) {
                Ok(Some((session, kept))) => (session.resume(&kb), None, kept),
                Ok(None) => (Journey::new(), None, false),
                Err(RestoreError::Corrupted) => (Journey::new(), Some(Notice::RestoreDamaged), false),
                Err(RestoreError::OtherFormat(_)) => (Journey::new(), Some(Notice::RestoreUpdated), false),
            };
            let (journey, notice, kept) =
                match platform::take_from_address(&link_param).map(|code| share::decode(&kb, &code)) {
                    Some(Ok(answers)) => {
                        let journey = Journey::resume(&kb, &answers, Screen::Results, &[]);
                        *from_link.borrow_mut() = Some(journey.answers.clone());
                        (journey, Some(Notice::LinkOpened), false)
                    }
                    Some(Err(e)) => {
                        let notice = if e == share::LinkError::Old { Notice::LinkOld } else { Notice::LinkDamaged };
                        let (journey, _, kept) = saved();
                        (journey, Some(notice), kept)
                    }
                    None => saved(),
                };
            let mut state = QuizState::new(kb, journey, notice, store.enabled(), link_param);
            state.keep_sensitive = kept;
            state
        })
    };
    let root = use_node_ref();

    let dispatch = {
        let (state, store) = (state.clone(), props.store.clone());
        Callback::from(move |msg: Msg| match msg {
            Msg::Erase => {
                state.dispatch(Msg::Erase);
                state.dispatch(Msg::Erased(store.erase()));
            }
            msg => state.dispatch(msg),
        })
    };

    // Save each change. A fresh start leaves nothing on the device; a failure is told
    // once; a newer session from another tab is taken, not written over.
    {
        let (store, kb, dispatch, from_link) = (props.store.clone(), props.kb, dispatch.clone(), from_link.clone());
        let told = use_mut_ref(|| false);
        let first = use_mut_ref(|| true);
        use_effect_with((state.journey.clone(), state.keep_sensitive), move |(journey, keep)| {
            if first.replace(false) && *journey == Journey::new() {
                return; // Nothing saved, nothing to do.
            }
            if *journey == Journey::new() {
                store.erase();
                return;
            }
            if from_link.borrow().as_ref() == Some(&journey.answers) {
                return;
            }
            *from_link.borrow_mut() = None;
            match store.save(&kb, journey, *keep) {
                Ok(()) => *told.borrow_mut() = false,
                Err(SaveProblem::Failed) if !*told.borrow() => {
                    *told.borrow_mut() = true;
                    dispatch.emit(Msg::Storage(Notice::SaveFailed, None));
                }
                Err(SaveProblem::Failed) => {}
                Err(SaveProblem::Newer(session)) => {
                    store.adopt(&session);
                    dispatch.emit(Msg::Storage(Notice::OtherTab, Some(Box::new(session.resume(&kb)))));
                }
                Err(SaveProblem::ErasedElsewhere) => dispatch.emit(Msg::Storage(Notice::Erased, Some(Box::default()))),
            }
        });
    }

    // Another tab saved or erased the answers under this key: follow it at once.
    {
        let (store, kb, dispatch) = (props.store.clone(), props.kb, dispatch.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
                    if event.key().as_deref() != Some(store.key()) {
                        return;
                    }
                    match store.newer(event.new_value()) {
                        Some(Some(session)) => {
                            dispatch.emit(Msg::Storage(Notice::OtherTab, Some(Box::new(session.resume(&kb)))))
                        }
                        Some(None) => dispatch.emit(Msg::Storage(Notice::Erased, Some(Box::default()))),
                        None => {}
                    }
                })
            });
            move || drop(listener)
        });
    }

    // The browser's Back button steps back through the quiz (when the host asks for it).
    let popped = use_mut_ref(|| false);
    {
        let (dispatch, popped, on) = (dispatch.clone(), popped.clone(), props.history);
        use_effect_with((), move |_| {
            let listener = web_sys::window().filter(|_| on).map(|window| {
                EventListener::new(&window, "popstate", move |_| {
                    *popped.borrow_mut() = true;
                    dispatch.emit(Action::Back.into());
                })
            });
            move || drop(listener)
        });
    }

    // Print gives the handout: the sections it needs are opened, then closed again.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let opened = std::rc::Rc::new(std::cell::RefCell::new(Vec::<web_sys::Element>::new()));
            let listeners = web_sys::window().map(|window| {
                let (root, opened_too) = (root.clone(), opened.clone());
                let before = EventListener::new(&window, "beforeprint", move |_| {
                    let Some(el) = root.cast::<web_sys::Element>() else { return };
                    let Ok(list) = el.query_selector_all("details[data-print]:not([open])") else { return };
                    for i in 0..list.length() {
                        if let Some(d) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                            let _ = d.set_attribute("open", "");
                            opened_too.borrow_mut().push(d);
                        }
                    }
                });
                let after = EventListener::new(&window, "afterprint", move |_| {
                    for d in opened.borrow_mut().drain(..) {
                        let _ = d.remove_attribute("open");
                    }
                });
                (before, after)
            });
            move || drop(listeners)
        });
    }

    // Assessed once per set of answers, and only once the results are asked for.
    let assessment = {
        let kb = props.kb;
        let on_results = state.journey.screen == Screen::Results;
        use_memo(on_results.then(|| state.answers().clone()), move |answers| {
            answers.as_ref().map(|answers| {
                let a = assess(&kb, answers);
                let report = std::rc::Rc::new(report(&kb, answers, &a));
                (a, report)
            })
        })
    };

    // On each new screen: tell the host, add a history entry, and move focus to the
    // heading (not on first load, so an embedded widget never takes focus from its page).
    {
        let previous = use_mut_ref(|| None::<Screen>);
        // The part of the quiz last told to the host: a step event per part, so that the
        // events don't show how many questions (or warnings) the answers led to.
        let last_part = use_mut_ref(|| None::<u32>);
        let (root, on_event, history) = (root.clone(), props.on_event.clone(), props.history);
        let (assessment, kb) = (assessment.clone(), props.kb);
        use_effect_with(state.journey.screen.clone(), move |screen| {
            let was = previous.replace(Some(screen.clone()));
            match screen {
                Screen::Question(id) => {
                    if was == Some(Screen::Intro) {
                        on_event.emit(HostEvent::Start);
                    }
                    let part = kb.question(id).map_or(0, |q| q.part);
                    let new_part = last_part.replace(Some(part)) != Some(part);
                    let parts = kb.parts.len() as u32;
                    on_event.emit(HostEvent::Step { question: id.clone(), part, parts, new_part });
                }
                Screen::Results => {
                    if let Some((a, _)) = assessment.as_ref() {
                        let nutrients = a.nutrients.iter().map(|n| n.id.to_string()).collect();
                        on_event.emit(HostEvent::Complete { triage: a.triage, nutrients });
                    }
                }
                Screen::Intro => *last_part.borrow_mut() = None,
                _ => {}
            }
            if was.is_none() {
                mark_ready();
                return;
            }
            if history && !popped.replace(false) {
                if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = h.push_state(&wasm_bindgen::JsValue::from_str("lpq"), "");
                }
            }
            focus(&root, "[data-focus]");
        });
    }
    // The error summary takes focus when it appears, as on GOV.UK.
    {
        let root = root.clone();
        use_effect_with(state.journey.missing_answer, move |missing| {
            if *missing {
                focus(&root, "[data-error-summary]");
            }
        });
    }

    let kb = props.kb.0;
    let ui = &kb.ui;
    let screen = match &state.journey.screen {
        Screen::Intro => intro(&state, &dispatch),
        Screen::Question(_) => question_view(&state, &dispatch),
        Screen::Interrupt(_) => interrupt(&state, &dispatch),
        Screen::Review => review(&state, &dispatch),
        Screen::Results => {
            assessment.as_ref().as_ref().map_or_else(Html::default, |(_, r)| results(&state, &dispatch, r))
        }
        Screen::Browse(_) => browse(&state, &dispatch),
    };
    let announcement = state.shown_at.and_then(|part| {
        let name = kb.parts.get(part as usize - 1)?;
        Some(fill(&ui.part, &[("n", &part.to_string()), ("m", &kb.parts.len().to_string()), ("name", name)]))
    });

    html! {
        <div class="lpq-app" data-theme={props.theme.clone()} ref={root}>
            // Stays in place across screens, so a change of its text is what screen readers announce.
            <p class="lpq-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announce="">
                { announcement }
            </p>
            <header class="lpq-header lpq-no-print">
                <p class="lpq-brand">{ text(&ui.brand) }</p>
            </header>
            if let Some(notice) = state.notice {
                <div class="lpq-notice lpq-no-print" role="status" data-notice="">
                    <p>{ text(notice.text(kb)) }</p>
                    { button(Look::Link, "dismiss", text(&ui.ok), on_click(&dispatch, Msg::DismissNotice)) }
                </div>
            }
            <div class="lpq-screen">{ screen }</div>
            <footer class="lpq-footer lpq-no-print">
                <p>{ text(&ui.private) }</p>
                if !state.answers().is_empty() && state.saving {
                    { button(Look::Link, "erase", text(&ui.erase), on_click(&dispatch, Msg::Erase)) }
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

fn focus(root: &NodeRef, selector: &str) {
    let target = root
        .cast::<web_sys::Element>()
        .and_then(|el| el.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}
