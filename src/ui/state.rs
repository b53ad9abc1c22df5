//! The app's state: the quiz [`Journey`] (all navigation lives in the core) plus what
//! only the screen needs: a one-off notice, where the question on screen stood when it
//! was shown, and the state of Copy and the results link.

use crate::knowledge::Kb;
use crate::quiz::{Action, Answers, Cleaned, Journey, Screen};
use yew::AttrValue;

/// A one-off message at the top of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Erased,
    EraseFailed,
    SaveFailed,
    RestoreDamaged,
    RestoreUpdated,
    OtherTab,
    LinkOpened,
    LinkDamaged,
    LinkOld,
    LinkNewer,
    LocaleFailed,
}

/// What happened to the last Copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyStatus {
    NotYet,
    Copied,
    /// The browser refused: the text is shown selected instead.
    Failed,
}

#[derive(Clone, Debug)]
pub struct QuizState {
    pub kb: Kb,
    pub journey: Journey,
    pub notice: Option<Notice>,
    /// The part of the quiz the question on screen belongs to, set when the screen
    /// changes, so the live region announces each question once.
    pub shown_at: Option<u32>,
    pub copy: CopyStatus,
    /// The results link was asked for (it is shown from then on).
    pub link_shown: bool,
    /// The person chose to keep sensitive answers (pregnancy) on the device too.
    pub keep_sensitive: bool,
    /// Answers are saved on this device (the host allows it).
    pub saving: bool,
    /// The diet the nutrient pages show foods for.
    pub browse_diet: AttrValue,
    /// The name of this widget's results in a link's `#` part (see `platform::address_with`).
    pub link_param: AttrValue,
    /// Where the person is (a region id): the numbers the call buttons dial.
    pub region: AttrValue,
    /// The language on screen (`en-GB`, `en-US`, `es`).
    pub locale: AttrValue,
    /// A language file is on its way (the switch waits).
    pub loading_locale: bool,
    /// "For your doctor" is shown (and copied) in English, for a clinician who doesn't
    /// read the language on screen.
    pub doctor_english: bool,
    /// The answers just erased, kept in memory while the "erased" notice offers Undo:
    /// one tap on Erase loses nothing.
    pub undo: Option<Box<Journey>>,
    /// The folded language switch (narrow widths) is open.
    pub languages_open: bool,
}

/// Everything the views and the edges can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Quiz(Action),
    /// Erase the saved answers: the app tries, then sends `Erased` with the outcome.
    Erase,
    /// The saved answers were erased (true), or the browser refused (false).
    Erased(bool),
    /// Bring back the answers just erased (the app saves them again).
    Undo,
    /// Open or close the folded language switch.
    LanguagesOpen(bool),
    DismissNotice,
    Copied(bool),
    ShowLink,
    KeepSensitive(bool),
    BrowseDiet(AttrValue),
    /// Show the quiz in this locale: the app fetches its file if needed, then sends
    /// `LocaleReady`.
    Locale(AttrValue),
    /// This locale's knowledge base is ready (or couldn't be read: `None`).
    LocaleReady(AttrValue, Option<Kb>),
    DoctorEnglish(bool),
    /// Move focus to the first choice of the question named (the error summary's link).
    FocusChoice(String),
    /// A save failed, or another tab saved newer answers: show `Notice`, and the
    /// journey given, if any.
    Storage(Notice, Option<Box<Journey>>),
    /// Keep the answers a results link opened, in place of the ones saved on the device.
    KeepLink,
    /// Leave a results link's answers for the ones saved on the device (the app sends
    /// their journey).
    SavedAnswers(Option<Box<Journey>>),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Quiz(action)
    }
}

impl Notice {
    /// What the person is told.
    pub fn text(self, kb: &crate::knowledge::KnowledgeBase) -> &crate::knowledge::Text {
        let ui = &kb.ui;
        match self {
            Notice::Erased => &ui.erased,
            Notice::EraseFailed => &ui.erase_failed,
            Notice::SaveFailed => &ui.save_failed,
            Notice::RestoreDamaged => &ui.restore_damaged,
            Notice::RestoreUpdated => &ui.restore_updated,
            Notice::OtherTab => &ui.other_tab,
            Notice::LinkOpened => &ui.link_opened,
            Notice::LinkDamaged => &ui.link_damaged,
            Notice::LinkOld => &ui.link_old,
            Notice::LinkNewer => &ui.link_newer,
            Notice::LocaleFailed => &ui.locale_failed,
        }
    }
}

impl QuizState {
    pub fn new(
        kb: Kb,
        journey: Journey,
        notice: Option<Notice>,
        saving: bool,
        link_param: AttrValue,
        region: AttrValue,
    ) -> Self {
        let browse_diet = kb.diets.first().map(|d| AttrValue::from(d.id.clone())).unwrap_or_default();
        let mut state = QuizState {
            kb,
            journey,
            notice,
            shown_at: None,
            copy: CopyStatus::NotYet,
            link_shown: false,
            keep_sensitive: false,
            saving,
            browse_diet,
            link_param,
            region,
            locale: AttrValue::Static("en-GB"),
            loading_locale: false,
            doctor_english: false,
            undo: None,
            languages_open: false,
        };
        state.note_position();
        state
    }

    fn note_position(&mut self) {
        self.shown_at = match &self.journey.screen {
            Screen::Question(id) => self.kb.question(id).map(|q| q.part),
            _ => None,
        };
    }

    /// The region's numbers and services; `None` where the country isn't known (no call
    /// button, "your local emergency number").
    pub fn region(&self) -> Option<&'static crate::knowledge::Region> {
        self.kb.0.region(&self.region)
    }

    pub fn answers(&self) -> &Answers {
        &self.journey.answers
    }

    pub fn screen(&self) -> &Screen {
        &self.journey.screen
    }

    pub fn cleaned(&self) -> Cleaned<'static> {
        Cleaned::new(self.kb.0, &self.journey.answers)
    }
}

impl QuizState {
    /// Applies `msg`. (Erasing is the app's to do, with the storage: here it only clears
    /// the notice, and `Erased` says how it went.)
    pub fn apply(&mut self, msg: Msg) {
        let screen_before = self.journey.screen.clone();
        match msg {
            Msg::Quiz(action) => {
                if matches!(action, Action::Start | Action::Restart) {
                    self.notice = None;
                }
                self.journey = self.journey.apply(self.kb.0, action);
            }
            Msg::Erased(true) => {
                self.undo = Some(Box::new(std::mem::take(&mut self.journey)));
                self.notice = Some(Notice::Erased);
            }
            Msg::LanguagesOpen(open) => self.languages_open = open,
            Msg::Undo => {
                if let Some(journey) = self.undo.take() {
                    self.journey = *journey;
                    self.notice = None;
                }
            }
            Msg::Erased(false) => self.notice = Some(Notice::EraseFailed),
            Msg::DismissNotice | Msg::Erase => self.notice = None,
            Msg::Copied(ok) => self.copy = if ok { CopyStatus::Copied } else { CopyStatus::Failed },
            Msg::ShowLink => self.link_shown = true,
            Msg::KeepSensitive(keep) => self.keep_sensitive = keep,
            Msg::BrowseDiet(diet) => self.browse_diet = diet,
            Msg::Locale(_) => self.loading_locale = true,
            Msg::LocaleReady(locale, Some(kb)) => {
                self.kb = kb;
                self.locale = locale;
                self.loading_locale = false;
                self.note_position();
            }
            Msg::LocaleReady(_, None) => {
                self.loading_locale = false;
                self.notice = Some(Notice::LocaleFailed);
            }
            Msg::DoctorEnglish(on) => self.doctor_english = on,
            Msg::FocusChoice(_) => {}
            Msg::Storage(notice, journey) => {
                self.notice = Some(notice);
                if let Some(journey) = journey {
                    self.journey = *journey;
                }
            }
            Msg::KeepLink => self.notice = None,
            Msg::SavedAnswers(journey) => {
                self.notice = None;
                if let Some(journey) = journey {
                    self.journey = *journey;
                }
            }
        }
        // Undo is offered only while the notice saying the answers were erased is on show.
        if self.notice != Some(Notice::Erased) {
            self.undo = None;
        }
        if self.journey.screen != screen_before {
            self.copy = CopyStatus::NotYet;
            self.link_shown = false;
            self.note_position();
        }
    }
}

/// A click handler that sends a fixed message.
pub fn on_click(dispatch: &yew::Callback<Msg>, msg: impl Into<Msg>) -> yew::Callback<yew::MouseEvent> {
    let (dispatch, msg) = (dispatch.clone(), msg.into());
    yew::Callback::from(move |_| dispatch.emit(msg.clone()))
}

/// A change handler (checkboxes, selects) that sends a fixed message.
pub fn on_click_change(dispatch: &yew::Callback<Msg>, msg: Msg) -> yew::Callback<yew::Event> {
    let dispatch = dispatch.clone();
    yew::Callback::from(move |_| dispatch.emit(msg.clone()))
}
