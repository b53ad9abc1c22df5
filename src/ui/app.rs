//! The root component: owns the state and connects it to the edges. It opens a results
//! link or the saved session, saves each change, follows other tabs, steps the browser's
//! history, opens the handout's sections for print, moves focus, and tells the host page
//! what happened (never the answers).
//!
//! A struct component rather than a function with hooks: each hook is its own copy of
//! Yew's code in the wasm, and this one would need a dozen.

use super::state::{on_click, Msg, Notice, QuizState};
use super::{
    browse::browse, interrupt::interrupt, intro::intro, question::question_view, results::results, review::review,
};
use crate::knowledge::{Kb, TriageLevel};
use crate::platform;
use crate::quiz::{assess, browser_moves, share, Action, Answers, Journey, Screen};
use crate::report::{report, Report};
use crate::session::{RestoreError, Session};
use crate::storage::{SaveProblem, SessionStore};
use crate::ui::button::{button, Look};
use crate::ui::{fill, text};
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// What happened, for the host page. `embed` decides how much of it the host is told.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    /// The person started, in this locale.
    Start(AttrValue),
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
        locale: AttrValue,
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
    /// The locale `kb` is in, and the region whose numbers the call buttons dial.
    #[prop_or(AttrValue::Static("en-GB"))]
    pub locale: AttrValue,
    #[prop_or(AttrValue::Static("GB"))]
    pub region: AttrValue,
    /// The loader's function that fetches a language file (`locale => Promise<bytes>`).
    #[prop_or_default]
    pub load_locale: wasm_bindgen::JsValue,
    /// The loader's function that returns a promise settled once the next frame is painted.
    #[prop_or_default]
    pub painted: wasm_bindgen::JsValue,
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
    /// Start was pressed on the loader's first screen before the app was ready.
    #[prop_or_default]
    pub start: bool,
}

/// What only the app needs, besides the state the views draw.
pub enum AppMsg {
    Ui(Msg),
    /// The browser moved through its history, to an entry where this widget's place is
    /// this (`None`: not one of the widget's entries).
    Popped(Option<u32>),
    /// Another tab saved (`Some`) or erased (`None`) the session under this key.
    OtherTab(Option<Session>),
    /// Save the answers now: once the screen they changed is painted, or as the page goes.
    Save,
}

/// A report and what it was worked out for.
struct CachedReport {
    /// The answers it was worked out from.
    answers: Answers,
    /// The level and nutrients told to the host.
    triage: TriageLevel,
    nutrients: Vec<String>,
    report: Rc<Report>,
    /// The knowledge base it speaks, with whether the doctor's part is in English.
    words: (Kb, bool),
}

pub struct App {
    state: QuizState,
    /// The results of the answers on screen, worked out once per set of answers (and
    /// again for another language, or the doctor's part in English).
    report: Option<CachedReport>,
    /// Answers opened from a results link: not saved until the person changes one.
    from_link: Option<Answers>,
    /// The session saved on the device when a results link opened over it (with whether
    /// it keeps sensitive answers): until the person chooses between the two, the link's
    /// answers are a session of their own, and nothing is saved or erased.
    link_over: Option<(Box<Session>, bool)>,
    /// This widget's place in its own browser history entries (`history="on"`).
    entry: u32,
    /// A failed save was reported; said once, not on every answer.
    told_save_failed: bool,
    /// A change waits to be saved, once the screen it made is painted (`AppMsg::Save`).
    save_queued: bool,
    /// The screen when last rendered, and the part of the quiz last told to the host.
    shown: Option<Screen>,
    last_part: Option<u32>,
    /// The next screen change came from the browser's Back button: add no history entry.
    popped: bool,
    /// The history entry (from, to) a new screen adds once it is painted, not yet added.
    pending_entry: Rc<std::cell::Cell<Option<(u32, u32)>>>,
    /// The error summary was on screen at the last render (it takes focus as it appears).
    missing_shown: bool,
    /// The first choice of this question takes focus after this render (the error
    /// summary's link).
    focus_choice: Option<String>,
    /// The question page is patched into the next with its heading in view where it is:
    /// focus moves to it without the browser working out whether to scroll.
    heading_in_view: bool,
    root: NodeRef,
    _listeners: Vec<EventListener>,
}

impl Component for App {
    type Message = AppMsg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let props = ctx.props();
        let (kb, store) = (props.kb, &props.store);
        let saved = || match store.load(&kb) {
            Ok(Some((session, kept))) => (session.resume(&kb), None, kept),
            Ok(None) => (Journey::new(), None, false),
            Err(RestoreError::Corrupted) => (Journey::new(), Some(Notice::RestoreDamaged), false),
            Err(RestoreError::OtherFormat(_)) => (Journey::new(), Some(Notice::RestoreUpdated), false),
        };
        let (mut from_link, mut link_over) = (None, None);
        let (journey, notice, kept) =
            match platform::take_from_address(&props.link_param).map(|c| share::decode(&kb, &c)) {
                Some(Ok(answers)) => {
                    let journey = Journey::resume(&kb, &answers, Screen::Results, &[]);
                    from_link = Some(journey.answers.clone());
                    // A different session saved here stays as it is until the person chooses.
                    let saved = store.load(&kb).ok().flatten().filter(|(s, _)| s.answers != journey.answers);
                    let notice = if saved.is_some() { None } else { Some(Notice::LinkOpened) };
                    link_over = saved.map(|(s, kept)| (Box::new(s), kept));
                    (journey, notice, false)
                }
                Some(Err(e)) => {
                    let (journey, _, kept) = saved();
                    let notice = match e {
                        share::LinkError::Damaged => Notice::LinkDamaged,
                        share::LinkError::OtherVersion => Notice::LinkOld,
                        share::LinkError::Newer => Notice::LinkNewer,
                    };
                    (journey, Some(notice), kept)
                }
                None => saved(),
            };
        let mut state =
            QuizState::new(kb, journey, notice, store.enabled(), props.link_param.clone(), props.region.clone());
        state.keep_sensitive = kept;
        state.locale = props.locale.clone();

        let mut app = App {
            state,
            report: None,
            from_link,
            link_over,
            entry: if props.history { platform::history_place(&props.link_param).unwrap_or(0) } else { 0 },
            told_save_failed: false,
            save_queued: false,
            shown: None,
            last_part: None,
            popped: false,
            pending_entry: Rc::default(),
            missing_shown: false,
            focus_choice: None,
            heading_in_view: false,
            root: NodeRef::default(),
            _listeners: Vec::new(),
        };
        app._listeners = app.listen(ctx);
        app.refresh_report();
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: AppMsg) -> bool {
        let store = &ctx.props().store;
        let kb = self.state.kb;
        match &msg {
            // The browser moved before the last new screen's entry was added: it moved
            // from the entry before it, and that entry is never added.
            AppMsg::Popped(_) => {
                if let Some((from, _)) = self.pending_entry.take() {
                    self.entry = from;
                }
            }
            // Anything else finds the entry added.
            _ => add_entry(&ctx.props().link_param, &self.pending_entry),
        }
        match msg {
            // Saving takes a few milliseconds the person would otherwise wait for (the
            // answers are read back to check they were kept): it is done once the screen is
            // painted, or at once if the page is going. Only its notices render.
            AppMsg::Save => {
                if !self.save_queued_change(store) {
                    return false;
                }
            }
            AppMsg::Ui(Msg::Erase) => {
                self.state.apply(Msg::Erase);
                let erased = store.erase();
                if erased {
                    (self.link_over, self.from_link) = (None, None);
                }
                self.state.apply(Msg::Erased(erased));
            }
            AppMsg::Ui(Msg::KeepLink) => {
                // The person chose the link's answers: from now on they are saved, in
                // place of the others.
                (self.link_over, self.from_link) = (None, None);
                self.state.apply(Msg::KeepLink);
            }
            AppMsg::Ui(Msg::SavedAnswers(_)) => {
                if let Some((session, kept)) = self.link_over.take() {
                    store.adopt(&session);
                    self.from_link = None;
                    self.state.keep_sensitive = kept;
                    self.state.apply(Msg::SavedAnswers(Some(Box::new(session.resume(&kb)))));
                }
            }
            AppMsg::Ui(Msg::Locale(locale)) => match crate::ui::known_locale(&locale) {
                Some(kb) => self.state.apply(Msg::LocaleReady(locale, Some(kb))),
                None => {
                    self.state.apply(Msg::Locale(locale.clone()));
                    self.fetch_locale(ctx, locale);
                }
            },
            AppMsg::Ui(Msg::FocusChoice(question)) => self.focus_choice = Some(question),
            AppMsg::Ui(msg) => self.state.apply(msg),
            AppMsg::Popped(landed) => {
                if let Some((action, times)) = browser_moves(self.entry, landed) {
                    self.popped = true;
                    for _ in 0..times {
                        self.state.apply(Msg::Quiz(action.clone()));
                    }
                }
                self.entry = landed.unwrap_or(self.entry);
            }
            AppMsg::OtherTab(session) if self.link_over.is_some() => {
                // The link's answers stay on screen; the choice now offers the newer saved ones.
                self.link_over = session.map(|s| (Box::new(s), false));
            }
            AppMsg::OtherTab(session) => {
                let journey = session.map_or_else(Journey::new, |s| s.resume(&kb));
                let notice = if journey == Journey::new() { Notice::Erased } else { Notice::OtherTab };
                self.state.apply(Msg::Storage(notice, Some(Box::new(journey))));
            }
        }
        if !std::mem::replace(&mut self.save_queued, true) {
            let link = ctx.link().clone();
            platform::after_paint(&ctx.props().painted, Box::new(move || link.send_message(AppMsg::Save)));
        }
        self.report = self.report.take().filter(|r| r.words == (self.state.kb, self.state.doctor_english));
        self.refresh_report();
        if let Some(shown) = self.shown.as_ref().filter(|shown| **shown != self.state.journey.screen) {
            let patched = matches!((shown, &self.state.journey.screen), (Screen::Question(_), Screen::Question(_)));
            // Read before anything on the page changes, from the last frame's layout.
            self.heading_in_view = patched
                && !self.missing_shown
                && self.state.notice.is_none()
                && self.link_over.is_none()
                && heading_stays_in_view(&self.root);
            // Focus on Back or Next, or on a heading patched where it is, moves to the new
            // heading in one pass; anything else is let go of now (see `blur_screen`).
            let stays = match (patched, self.heading_in_view) {
                (true, true) => "[data-action=next],[data-action=back],[data-focus]",
                (true, false) => "[data-action=next],[data-action=back]",
                _ => "",
            };
            blur_screen(&self.root, stays);
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let state = &self.state;
        let dispatch = ctx.link().callback(AppMsg::Ui);
        let kb = state.kb.0;
        let ui = &kb.ui;
        let screen = match &state.journey.screen {
            Screen::Intro => intro(state, &dispatch),
            Screen::Question(_) => question_view(state, &dispatch),
            Screen::Interrupt(_) => interrupt(state, &dispatch),
            Screen::Review => review(state, &dispatch),
            Screen::Results => {
                self.report.as_ref().map_or_else(Html::default, |r| results(state, &dispatch, &r.report))
            }
            Screen::Browse(_) => browse(state, &dispatch),
        };
        let announcement = state.shown_at.and_then(|part| {
            let name = kb.parts.get(part as usize - 1)?;
            let (n, m) = (crate::text::number(part.into()), crate::text::number(kb.parts.len() as u64));
            Some(fill(&ui.part, &[("n", &n), ("m", &m), ("name", name)]))
        });
        let language = crate::ui::LANGUAGES.iter().find(|l| l.0 == state.locale).map_or("en-GB", |l| l.1);
        html! {
            <div class="lpq-app" data-theme={ctx.props().theme.clone()} lang={language} data-locale-active={state.locale.clone()} data-region={state.region.clone()} ref={self.root.clone()}>
                // Stays in place across screens, so a change of its text is what screen readers announce.
                <p class="lpq-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announce="">
                    { announcement }
                </p>
                <header class="lpq-header lpq-no-print">
                    <p class="lpq-brand">{ text(&ui.brand) }</p>
                    // At narrow widths (large text on a phone) the languages fold into one
                    // control that opens to the list; wider, the list shows and the
                    // control's own line is hidden (see the stylesheet).
                    <div class="lpq-language-menu" data-open={state.languages_open.then_some("")}>
                        <button type="button" class="lpq-link lpq-language-toggle" aria-controls="lpq-languages"
                            aria-expanded={if state.languages_open { "true" } else { "false" }}
                            onclick={on_click(&dispatch, Msg::LanguagesOpen(!state.languages_open))}>
                            { text(&ui.language) }{ ": " }
                            <span lang={language}>{ crate::ui::LANGUAGES.iter().find(|l| l.0 == state.locale).map_or("", |l| l.2) }</span>
                        </button>
                        <nav class="lpq-languages" id="lpq-languages" aria-label={text(&ui.language)}>
                            { for crate::ui::LANGUAGES.iter().map(|(locale, tag, name)| {
                                let current = state.locale == *locale;
                                html! {
                                    <button type="button" class="lpq-link" lang={*tag} data-locale={*locale}
                                        aria-pressed={if current { "true" } else { "false" }} disabled={state.loading_locale}
                                        onclick={on_click(&dispatch, Msg::Locale(AttrValue::Static(locale)))}>{ *name }</button>
                                }
                            }) }
                        </nav>
                    </div>
                </header>
                if self.link_over.is_some() {
                    <div class="lpq-notice lpq-no-print" role="status" data-link-choice="">
                        <p>{ text(&ui.link_over_saved) }</p>
                        { button(Look::Link, "keep-link", text(&ui.keep_link), on_click(&dispatch, Msg::KeepLink)) }
                        { button(Look::Link, "saved-answers", text(&ui.back_to_saved), on_click(&dispatch, Msg::SavedAnswers(None))) }
                    </div>
                }
                if let Some(notice) = state.notice {
                    <div class="lpq-notice lpq-no-print" role="status" data-notice="">
                        <p>{ text(notice.text(kb)) }</p>
                        if state.undo.is_some() {
                            { button(Look::Link, "undo", text(&ui.undo), on_click(&dispatch, Msg::Undo)) }
                        }
                        { button(Look::Link, "dismiss", text(&ui.ok), on_click(&dispatch, Msg::DismissNotice)) }
                    </div>
                }
                <div class="lpq-screen">{ screen }</div>
                <footer class="lpq-footer lpq-no-print">
                    <p>{ text(&ui.private) }</p>
                    <p data-intended-use="">{ text(&ui.intended_use) }</p>
                    if !state.answers().is_empty() && state.saving {
                        { button(Look::Link, "erase", text(&ui.erase), on_click(&dispatch, Msg::Erase)) }
                    }
                </footer>
            </div>
        }
    }

    /// On each new screen: tell the host, add a history entry, and move focus to the
    /// heading (not on first load, so an embedded widget never takes focus from its page).
    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        let props = ctx.props();
        let screen = self.state.journey.screen.clone();
        let missing = self.state.journey.missing_answer;
        if missing && !std::mem::replace(&mut self.missing_shown, missing) {
            focus(&self.root, "[data-error-summary]", false);
        }
        self.missing_shown = missing;
        if let Some(question) = self.focus_choice.take() {
            focus(&self.root, &["[data-question=\"", &question, "\"] input"].concat(), false);
        }
        let popped = std::mem::take(&mut self.popped);
        let was = self.shown.replace(screen.clone());
        if was.as_ref() == Some(&screen) {
            return;
        }
        match &screen {
            Screen::Question(id) => {
                self.tick_chosen();
                if was == Some(Screen::Intro) {
                    props.on_event.emit(HostEvent::Start(self.state.locale.clone()));
                }
                let part = self.state.shown_at.unwrap_or(0);
                let new_part = self.last_part.replace(part) != Some(part);
                let parts = props.kb.parts.len() as u32;
                props.on_event.emit(HostEvent::Step { question: id.clone(), part, parts, new_part });
            }
            Screen::Results => {
                if let Some(CachedReport { triage, nutrients, .. }) = &self.report {
                    let locale = self.state.locale.clone();
                    props.on_event.emit(HostEvent::Complete { triage: *triage, nutrients: nutrients.clone(), locale });
                }
            }
            Screen::Intro => self.last_part = None,
            _ => {}
        }
        if first_render {
            mark_ready();
            // A Start pressed on the loader's copy of this screen counts as pressed here
            // (on the intro only: a resumed session or a results link stays where it is),
            // and the quiz moves on as after any Start, focus and host events included.
            if props.start && screen == Screen::Intro {
                ctx.link().send_message(AppMsg::Ui(Msg::Quiz(Action::Start)));
            }
            return;
        }
        if props.history && !popped {
            // Added once the new screen is painted: writing the entry takes a few
            // milliseconds the person would otherwise wait for.
            add_entry(&props.link_param, &self.pending_entry);
            self.pending_entry.set(Some((self.entry, self.entry + 1)));
            let (name, pending) = (props.link_param.clone(), self.pending_entry.clone());
            platform::after_paint(&props.painted, Box::new(move || add_entry(&name, &pending)));
            self.entry += 1;
        }
        if std::mem::take(&mut self.heading_in_view) {
            // The heading is in view where it will be drawn: the new page is painted
            // first, then focus moves (the frame after), so the browser styles the page
            // once, in its frame, rather than there and then for focus() as well.
            let root = self.root.clone();
            platform::after_paint(&props.painted, Box::new(move || refocus_heading(&root)));
        } else {
            // It must be scrolled to: moved now, so the page is painted where it is read.
            focus(&self.root, "[data-focus]", false);
        }
    }

    fn destroy(&mut self, ctx: &Context<Self>) {
        add_entry(&ctx.props().link_param, &self.pending_entry);
        // Saved before the key is given back: once it is, nothing more is written.
        self.save_queued_change(&ctx.props().store);
        ctx.props().store.release();
    }
}

/// Adds the history entry a new screen is waiting for, if any.
fn add_entry(name: &str, pending: &std::cell::Cell<Option<(u32, u32)>>) {
    if let Some((from, to)) = pending.take() {
        platform::push_history(name, from, to);
    }
}

impl App {
    /// Saves the change waiting to be saved, if there is one (`save_queued`). Whether the
    /// screen changed.
    fn save_queued_change(&mut self, store: &SessionStore) -> bool {
        std::mem::take(&mut self.save_queued) && self.save(store)
    }

    /// Saves the journey: a fresh start leaves nothing on the device; a failure is told
    /// once; a newer session from another tab is taken, not written over; answers opened
    /// from a link wait until one is changed, and while another session is saved here,
    /// until the person chooses between them. Whether the screen changed (a notice, or
    /// the other tab's answers).
    fn save(&mut self, store: &SessionStore) -> bool {
        let (kb, journey) = (self.state.kb, &self.state.journey);
        if self.link_over.is_some() {
            return false;
        }
        if *journey == Journey::new() {
            store.erase();
            return false;
        }
        if self.from_link.as_ref() == Some(&journey.answers) {
            return false;
        }
        self.from_link = None;
        match store.save(&kb, journey, self.state.keep_sensitive) {
            Ok(()) => self.told_save_failed = false,
            Err(SaveProblem::Failed) => {
                if !std::mem::replace(&mut self.told_save_failed, true) {
                    self.state.apply(Msg::Storage(Notice::SaveFailed, None));
                    return true;
                }
            }
            Err(SaveProblem::Newer(session)) => {
                store.adopt(&session);
                self.state.apply(Msg::Storage(Notice::OtherTab, Some(Box::new(session.resume(&kb)))));
                return true;
            }
        }
        false
    }

    /// Ticks the chosen answers on the page just shown again. Its inputs are the last
    /// page's, patched (last to first): a radio ticked there that joins this page's group
    /// (its name or type changed) unticks the one of the group already ticked, before it
    /// is unticked itself.
    fn tick_chosen(&self) {
        let Some(root) = self.root.cast::<web_sys::Element>() else { return };
        for question in self.state.journey.page(self.state.kb.0) {
            for choice in self.state.answers().get(&question.id) {
                let selector = ["#lpq-", &question.id, "-", choice].concat();
                if let Some(input) = root.query_selector(&selector).ok().flatten() {
                    let _ = js_sys::Reflect::set(&input, &"checked".into(), &true.into());
                }
            }
        }
    }

    /// Works the results out again when the answers on the results screen changed.
    fn refresh_report(&mut self) {
        let answers = &self.state.journey.answers;
        if self.state.journey.screen != Screen::Results || self.report.as_ref().is_some_and(|r| r.answers == *answers) {
            return;
        }
        let kb = self.state.kb;
        let a = assess(&kb, answers);
        let nutrients = a.nutrients.iter().map(|n| n.id.to_string()).collect();
        let mut report = report(&kb, self.state.region(), answers, &a);
        if let Some(english) = Kb::doctor_english().filter(|_| self.state.doctor_english) {
            report.doctor_in_english(&english, self.state.region(), answers);
        }
        self.report = Some(CachedReport {
            answers: answers.clone(),
            triage: a.triage,
            nutrients,
            report: Rc::new(report),
            words: (kb, self.state.doctor_english),
        });
    }

    /// Asks the loader for a language file; its knowledge base comes back as
    /// `LocaleReady` (`None` if it couldn't be fetched or read).
    fn fetch_locale(&self, ctx: &Context<Self>, locale: AttrValue) {
        let link = ctx.link().clone();
        let name = locale.clone();
        platform::ask(
            &ctx.props().load_locale,
            &locale,
            Box::new(move |file| {
                let kb = file.ok().and_then(|f| kb_from_file(&f));
                if let Some(kb) = kb {
                    crate::ui::remember_locale(&name, kb);
                }
                link.send_message(AppMsg::Ui(Msg::LocaleReady(name, kb)));
            }),
        );
    }

    /// The page events the app follows: other tabs saving under this key, the browser's
    /// Back button (when the host asks for it), and printing.
    fn listen(&self, ctx: &Context<Self>) -> Vec<EventListener> {
        let Some(window) = web_sys::window() else { return Vec::new() };
        let props = ctx.props();
        let mut listeners = Vec::new();
        let (store, link) = (props.store.clone(), ctx.link().clone());
        listeners.push(EventListener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
            if event.key().as_deref() == Some(store.key()) {
                if let Some(session) = store.newer(event.new_value()) {
                    link.send_message(AppMsg::OtherTab(session));
                }
            }
        }));
        // A change not yet saved is saved as the page goes (closed, reloaded, left).
        let link_too = ctx.link().clone();
        listeners.push(EventListener::new(&window, "pagehide", move |_| link_too.send_message(AppMsg::Save)));
        if props.history {
            let (link, name) = (ctx.link().clone(), props.link_param.clone());
            listeners.push(EventListener::new(&window, "popstate", move |_| {
                link.send_message(AppMsg::Popped(platform::history_place(&name)))
            }));
        }
        // Print gives the handout: its sections are opened, then closed again.
        let opened: Rc<std::cell::RefCell<Vec<web_sys::Element>>> = Rc::default();
        let (root, opened_too) = (self.root.clone(), opened.clone());
        listeners.push(EventListener::new(&window, "beforeprint", move |_| {
            let Some(list) = root
                .cast::<web_sys::Element>()
                .and_then(|el| el.query_selector_all("details[data-print]:not([open])").ok())
            else {
                return;
            };
            for i in 0..list.length() {
                if let Some(d) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = d.set_attribute("open", "");
                    opened_too.borrow_mut().push(d);
                }
            }
        }));
        listeners.push(EventListener::new(&window, "afterprint", move |_| {
            for d in opened.borrow_mut().drain(..) {
                let _ = d.remove_attribute("open");
            }
        }));
        listeners
    }
}

/// A language's knowledge base from the loader's `{ shape, text }` (see the loader).
pub fn kb_from_file(file: &wasm_bindgen::JsValue) -> Option<Kb> {
    let part = |name: &str| js_sys::Reflect::get(file, &name.into()).ok();
    let text = part("text")?.as_string()?;
    Kb::from_parts(js_sys::Uint8Array::new(&part("shape")?).to_vec(), text).ok()
}

/// Marks the moment the first screen is on the page and working, for the benchmark
/// and for hosts measuring their own pages (`performance.getEntriesByName("lpq-ready")`).
fn mark_ready() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("lpq-ready");
    }
}

/// Takes focus off the widget before a new screen is drawn (focus then moves to the new
/// screen's heading, as on every new screen). Removing the focused element makes the
/// browser work out the styles there and then, new screen half-built, and moving focus
/// to the new heading makes it do that again: blurred first, a step costs one pass
/// instead of two. From one question page to the next (`patched`), the Back and Next
/// buttons stay in place (`stays` matches them): focus on one of them just moves to the
/// new heading, in one pass. So does the heading, when it is patched where it is in view:
/// it is blurred and focused again once the new page is painted (`refocus_heading`).
fn blur_screen(root: &NodeRef, stays: &str) {
    if let Some(active) = active_element(root) {
        let kept = !stays.is_empty() && platform::call(&active, "matches", &[&stays.into()]).ok() == Some(true.into());
        if !kept {
            let _ = platform::call(&active, "blur", &[]);
        }
    }
}

/// The element with focus in the widget's shadow root (or document), if any.
fn active_element(root: &NodeRef) -> Option<JsValue> {
    let el = root.cast::<web_sys::Element>()?;
    js_sys::Reflect::get(&el.get_root_node(), &"activeElement".into()).ok().filter(|a| !a.is_null())
}

/// Moves focus to the new page's heading where it is, after the page is painted. A heading
/// that still has focus from the last page is blurred first, so that focusing it again
/// tells screen readers the new question (its focus shows no ring: nothing is seen).
fn refocus_heading(root: &NodeRef) {
    if let Some(active) = active_element(root) {
        if platform::call(&active, "matches", &[&"[data-focus]".into()]).ok() == Some(true.into()) {
            let _ = platform::call(&active, "blur", &[]);
        }
    }
    focus(root, "[data-focus]", true);
}

/// Whether the question page's heading, about to be patched into the next page's where
/// it is (nothing above it coming or going), will be in view there without scrolling: it
/// is in view now, uncovered and unclipped, with the widget in view for 48 px above it
/// and for its height again below it (the caption above may take a line less, the new
/// heading a line more), and the widget's window is the top one (in a frame, the page
/// around it may have scrolled it away). Asked before the new page is written, it reads
/// the layout the last frame left and costs none of its own; in doubt, it says no.
fn heading_stays_in_view(root: &NodeRef) -> bool {
    let check = || -> Option<bool> {
        let window = web_sys::window()?;
        let app = root.cast::<web_sys::Element>()?;
        let heading = app.query_selector("[data-focus]").ok()??;
        let rect = platform::call(&heading, "getBoundingClientRect", &[]).ok()?;
        let at = |key: &str| js_sys::Reflect::get(&rect, &key.into()).ok()?.as_f64();
        let (top, bottom, left) = (at("top")?, at("bottom")?, at("left")? + 1.0);
        let scope = heading.get_root_node();
        let shows = |y: f64, within: &web_sys::Element| {
            let hit = platform::call(&scope, "elementFromPoint", &[&left.into(), &y.into()]).ok()?;
            Some(within.contains(hit.dyn_ref::<web_sys::Node>()))
        };
        Some(
            js_sys::Reflect::get(&window, &"top".into()).ok()? == JsValue::from(window)
                && shows(top - 48.0, &app)?
                && shows(top + 1.0, &heading)?
                && shows(2.0 * bottom - top, &app)?,
        )
    };
    check() == Some(true)
}

/// Focuses the first element that matches `selector`, scrolling it into view if need be,
/// or not at all (`in_place`: see `heading_stays_in_view`, so that the browser lays the
/// new page out once, in its frame, rather than there and then to see whether to scroll).
fn focus(root: &NodeRef, selector: &str, in_place: bool) {
    if let Some(target) = root.cast::<web_sys::Element>().and_then(|el| el.query_selector(selector).ok().flatten()) {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &in_place.into());
        let _ = platform::call(&target, "focus", &[&options]);
    }
}
