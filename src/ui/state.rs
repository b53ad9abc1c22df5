//! The app's state: the quiz [`Journey`] (all navigation lives in the core) plus what
//! only the screen needs: a one-off notice, where the question on screen stood when it
//! was shown, and whether the summary was just copied.

use crate::knowledge::Kb;
use crate::quiz::{Action, Answers, Cleaned, Journey, Screen};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    pub kb: Kb,
    pub journey: Journey,
    /// A one-off message (saved answers unreadable, answers erased, …).
    pub notice: Option<&'static str>,
    /// Where the question on screen stood when it was shown: (position, questions asked).
    /// Set when the screen changes, not when a ticked box changes the count, so the live
    /// region announces each question once and the host hears of each step once.
    pub shown_at: Option<(usize, usize)>,
    /// The doctor summary was just copied to the clipboard (until the screen changes).
    pub copied: bool,
}

/// Everything the views can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Quiz(Action),
    /// Erase the answers from the device and start again.
    Erase,
    DismissNotice,
    /// The doctor summary went to the clipboard.
    Copied,
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Quiz(action)
    }
}

impl QuizState {
    pub fn new(kb: Kb, journey: Journey, notice: Option<&'static str>) -> Self {
        let mut state = QuizState { kb, journey, notice, shown_at: None, copied: false };
        state.note_position();
        state
    }

    fn note_position(&mut self) {
        self.shown_at = match &self.journey.screen {
            Screen::Question(id) => Some(self.position(id)),
            _ => None,
        };
    }

    pub fn answers(&self) -> &Answers {
        &self.journey.answers
    }

    pub fn screen(&self) -> &Screen {
        &self.journey.screen
    }

    /// 1-based position of a question among those asked, and how many are asked.
    pub fn position(&self, question: &str) -> (usize, usize) {
        let cleaned = Cleaned::new(&self.kb, &self.journey.answers);
        (cleaned.position(question).unwrap_or(0), cleaned.asked().len())
    }
}

impl Reducible for QuizState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Quiz(action) => {
                if matches!(action, Action::Start) {
                    next.notice = None;
                }
                next.journey = self.journey.apply(&self.kb, action);
            }
            Msg::Erase => {
                next.journey = Journey::new();
                next.notice = Some("Your answers have been erased from this device.");
            }
            Msg::DismissNotice => next.notice = None,
            Msg::Copied => next.copied = matches!(self.journey.screen, Screen::Results),
        }
        if next.journey.screen != self.journey.screen {
            next.copied = false;
            next.note_position();
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// A click handler that sends a fixed message.
pub fn on_click(dispatch: &yew::Callback<Msg>, msg: impl Into<Msg>) -> yew::Callback<yew::MouseEvent> {
    let (dispatch, msg) = (dispatch.clone(), msg.into());
    yew::Callback::from(move |_| dispatch.emit(msg.clone()))
}
