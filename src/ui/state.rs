//! The quiz state and its reducer: every click becomes an [`Action`].

use crate::knowledge::Kb;
use crate::quiz::{interrupting_flags, is_complete, select, visible_questions, Answers};
use crate::session::{first_unanswered, Screen, Session};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    pub kb: Kb,
    pub session: Session,
    /// The person pressed Next without answering: say what is missing.
    pub missing_answer: bool,
    /// Came to this question from "check your answers": Next returns there.
    pub editing: bool,
    /// A one-off message (saved answers unreadable, answers erased, …).
    pub notice: Option<&'static str>,
    /// Where the question on screen stood when it was shown: (position, questions asked).
    /// Set when the screen changes, not when a ticked box changes the count, so the live
    /// region announces each question once and the host hears of each step once.
    pub shown_at: Option<(usize, usize)>,
    /// The doctor summary was just copied to the clipboard (until the screen changes).
    pub copied: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Start,
    Choose { question: String, choice: String },
    Next,
    Back,
    /// Carry on with the questions after urgent guidance.
    Continue,
    Edit(String),
    Submit,
    Restart,
    /// Erase the answers from the device and start again.
    Erase,
    DismissNotice,
    /// The doctor summary went to the clipboard.
    Copied,
}

impl QuizState {
    pub fn new(kb: Kb, session: Session, notice: Option<&'static str>) -> Self {
        let mut state = QuizState {
            kb,
            session,
            missing_answer: false,
            editing: false,
            notice,
            shown_at: None,
            copied: false,
        };
        state.note_position();
        state
    }

    fn note_position(&mut self) {
        self.shown_at = match &self.session.screen {
            Screen::Question(id) => Some(self.position(id)),
            _ => None,
        };
    }

    pub fn answers(&self) -> &Answers {
        &self.session.answers
    }

    /// 1-based position of a question among those asked, and how many are asked.
    pub fn position(&self, question: &str) -> (usize, usize) {
        let visible = visible_questions(&self.kb, &self.session.answers);
        let index = visible.iter().position(|q| q.id == question).map_or(0, |i| i + 1);
        (index, visible.len())
    }

    fn go(&mut self, screen: Screen) {
        self.session.screen = screen;
        self.missing_answer = false;
        self.copied = false;
        self.note_position();
    }

    /// Where Next leads from `current`: urgent guidance first, else the next question.
    fn after(&mut self, current: &str) {
        let kb = self.kb;
        let answers = &self.session.answers;
        let unseen = interrupting_flags(&kb, answers)
            .into_iter()
            .any(|f| !self.session.acknowledged.iter().any(|a| *a == f.id));
        if unseen {
            self.go(Screen::Interrupt(current.to_string()));
            return;
        }
        self.advance_from(current);
    }

    fn advance_from(&mut self, current: &str) {
        let kb = self.kb;
        let answers = self.session.answers.clone();
        if self.editing {
            // A changed answer can open a new follow-up: ask it, then return to the check page.
            let screen = first_unanswered(&kb, &answers).map_or(Screen::Review, Screen::Question);
            self.editing = matches!(screen, Screen::Question(_));
            self.go(screen);
            return;
        }
        let visible = visible_questions(&kb, &answers);
        let next = visible.iter().skip_while(|q| q.id != current).nth(1);
        match next {
            Some(q) => self.go(Screen::Question(q.id.to_string())),
            None if is_complete(&kb, &answers) => self.go(Screen::Review),
            None => {
                let screen = first_unanswered(&kb, &answers).map_or(Screen::Review, Screen::Question);
                self.go(screen)
            }
        }
    }
}

impl Reducible for QuizState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match (action, self.session.screen.clone()) {
            (Action::Start, _) => {
                next.notice = None;
                let first = first_unanswered(&next.kb, next.answers());
                next.go(first.map_or(Screen::Review, Screen::Question));
            }
            (Action::Choose { question, choice }, _) => {
                next.session.answers = select(&next.kb, next.answers(), &question, &choice);
                next.missing_answer = false;
            }
            (Action::Next, Screen::Question(current)) => {
                if next.answers().is_answered(&current) {
                    next.after(&current);
                } else {
                    next.missing_answer = true;
                }
            }
            (Action::Continue, Screen::Interrupt(current)) => {
                let kb = next.kb;
                for flag in interrupting_flags(&kb, next.answers()) {
                    if !next.session.acknowledged.iter().any(|a| *a == flag.id) {
                        next.session.acknowledged.push(flag.id.to_string());
                    }
                }
                next.advance_from(&current);
            }
            (Action::Back, Screen::Question(current)) => {
                let visible = visible_questions(&next.kb, next.answers());
                let previous = visible.iter().take_while(|q| q.id != current).last().map(|q| q.id.to_string());
                next.editing = false;
                next.go(previous.map_or(Screen::Intro, Screen::Question));
            }
            (Action::Back, Screen::Interrupt(current)) => next.go(Screen::Question(current)),
            (Action::Back, Screen::Review) => {
                let last = visible_questions(&next.kb, next.answers()).last().map(|q| q.id.to_string());
                next.go(last.map_or(Screen::Intro, Screen::Question));
            }
            (Action::Back, Screen::Results) => next.go(Screen::Review),
            (Action::Edit(question), _) => {
                next.editing = true;
                next.go(Screen::Question(question));
            }
            (Action::Submit, Screen::Review) if is_complete(&next.kb, next.answers()) => {
                next.go(Screen::Results)
            }
            (Action::Submit, Screen::Review) => {
                let first = first_unanswered(&next.kb, next.answers());
                next.go(first.map_or(Screen::Review, Screen::Question));
            }
            (Action::Restart, _) => {
                next.session = Session::new();
                next.editing = false;
                next.go(Screen::Intro);
            }
            (Action::Erase, _) => {
                next.session = Session::new();
                next.editing = false;
                next.notice = Some("Your answers have been erased from this device.");
                next.go(Screen::Intro);
            }
            (Action::DismissNotice, _) => next.notice = None,
            (Action::Copied, Screen::Results) => next.copied = true,
            // An action that doesn't fit the screen (a double click, a stale event) changes nothing.
            _ => return self,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// A click handler that sends a fixed action.
pub fn on_click(dispatch: &yew::Callback<Action>, action: Action) -> yew::Callback<yew::MouseEvent> {
    let dispatch = dispatch.clone();
    yew::Callback::from(move |_| dispatch.emit(action.clone()))
}
