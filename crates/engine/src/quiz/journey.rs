//! The quiz's navigation as a pure state machine: the screens, what each action does on
//! each of them, the warnings that interrupt (each shown once), "check your answers",
//! resuming a saved session and starting again. The Yew app only renders a [`Journey`]
//! and sends it [`Action`]s; everything here is tested natively, including by random
//! action sequences (`tests/journey.rs`).
//!
//! Rules that hold on every path:
//! - Any move forward (Start, Next, Continue, Submit) first checks the answers for urgent
//!   or emergency warnings not yet seen, and shows them before anything else (an urgent
//!   one waits for the follow-up asked next when its answer can lift it: see
//!   [`interrupting_flags`]).
//! - Back returns to the screen the person came from, skipping screens that no longer
//!   exist for the current answers (a follow-up whose trigger was unticked).
//! - A question is never shown twice in a row: Next either moves on or says what is
//!   missing on the same screen.
//! - Forward undoes a Back, to a screen that still exists, as long as no answer changed
//!   since; like any move forward, it shows unseen warnings first.
//!
//! The browser's Back and Forward buttons (with `history="on"`) come here through
//! [`browser_moves`], which reads only the widget's own history entries.

use super::{interrupting_flags, select, Answers, Cleaned};
use crate::knowledge::{KnowledgeBase, RedFlag};

/// Where the person is. Question screens are named by id, so a reload lands on the
/// same question even if the branching before it changed. A page holding several
/// questions (who the answers are about, with the age) is named by its first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Intro,
    Question(String),
    /// Urgent or emergency guidance, shown the moment the answers call for it. It holds
    /// the screen that Continue leads to.
    Interrupt(Box<Screen>),
    Review,
    Results,
    /// Reading about the nutrients, one opened first if named.
    Browse(Option<String>),
}

/// What a person can do. Actions that don't fit the current screen change nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Start,
    Choose {
        question: String,
        choice: String,
    },
    Next,
    Back,
    /// Return to the screen the last Back left (the browser's Forward button).
    Forward,
    /// Carry on after urgent guidance.
    Continue,
    /// Change an answer from "check your answers".
    Edit(String),
    /// From "check your answers" to the results.
    Submit,
    /// Read about the nutrients (from the first screen, or a nutrient's card).
    Browse(Option<String>),
    Restart,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Journey {
    /// Always cleaned (see [`Cleaned`]).
    pub answers: Answers,
    pub screen: Screen,
    /// Red flags whose warning the person has seen and acknowledged.
    pub acknowledged: Vec<String>,
    /// Came to this question from "check your answers": Next returns there.
    pub editing: bool,
    /// Next was pressed without an answer: the screen says what is missing (see
    /// [`Journey::missing`]).
    pub missing_answer: bool,
    /// Screens visited, for Back.
    history: Vec<Screen>,
    /// Screens left by Back, for Forward (the latest last).
    ahead: Vec<Screen>,
}

impl Default for Journey {
    fn default() -> Self {
        Journey::new()
    }
}

impl Journey {
    pub fn new() -> Self {
        Journey {
            answers: Answers::new(),
            screen: Screen::Intro,
            acknowledged: Vec::new(),
            editing: false,
            missing_answer: false,
            history: Vec::new(),
            ahead: Vec::new(),
        }
    }

    /// Picks up a saved session. Nothing saved is trusted: the answers are cleaned, the
    /// screen is checked against them, acknowledgements count only for warnings that
    /// still hold, and a warning not yet acknowledged is shown before anything else,
    /// whatever screen was saved.
    pub fn resume(kb: &KnowledgeBase, answers: &Answers, screen: Screen, acknowledged: &[String]) -> Journey {
        let cleaned = Cleaned::new(kb, answers);
        let holding: Vec<String> = interrupting_flags(kb, answers).iter().map(|f| f.id.to_string()).collect();
        let mut journey = Journey {
            answers: cleaned.to_answers(),
            acknowledged: acknowledged.iter().filter(|a| holding.contains(a)).cloned().collect(),
            ..Journey::new()
        };
        let screen = match screen {
            Screen::Interrupt(then) => *then,
            Screen::Browse(_) => Screen::Intro,
            other => other,
        };
        let target = match screen {
            Screen::Intro => Screen::Intro,
            // A question saved on its own that now shares a page reopens that page.
            Screen::Question(q) if cleaned.is_asked(&q) => journey.page_screen(kb, &q),
            Screen::Review => Screen::Review,
            Screen::Results if cleaned.is_complete() => Screen::Results,
            _ => journey.resume_point(kb),
        };
        journey.screen = match target {
            Screen::Intro => Screen::Intro,
            target => journey.guarded(kb, target),
        };
        journey
    }

    fn cleaned<'kb>(&self, kb: &'kb KnowledgeBase) -> Cleaned<'kb> {
        Cleaned::new(kb, &self.answers)
    }

    /// Where to pick up: the page of the first question without an answer, else "check
    /// your answers".
    fn resume_point(&self, kb: &KnowledgeBase) -> Screen {
        self.cleaned(kb).first_unanswered().map_or(Screen::Review, |q| self.page_screen(kb, &q.id))
    }

    /// The screen of the page `question` is asked on: named by the first question
    /// joined to it (`joins_next` links a page's questions in the base's order).
    fn page_screen(&self, kb: &KnowledgeBase, question: &str) -> Screen {
        let qs = &kb.questions;
        let mut head = qs.iter().position(|q| q.id == question).unwrap_or(0);
        while head > 0 && qs[head - 1].joins_next {
            head -= 1;
        }
        Screen::Question(qs.get(head).map_or(question, |q| q.id.as_ref()).to_string())
    }

    /// The questions on the current screen, in order: one, or those sharing its page.
    pub fn page<'kb>(&self, kb: &'kb KnowledgeBase) -> Vec<&'kb crate::knowledge::Question> {
        match &self.screen {
            Screen::Question(head) => self.cleaned(kb).page(head).to_vec(),
            _ => Vec::new(),
        }
    }

    /// The questions on the current page still without an answer, once Next was pressed:
    /// each has its error, in the error summary and beside it.
    pub fn missing<'kb>(&self, kb: &'kb KnowledgeBase) -> Vec<&'kb crate::knowledge::Question> {
        if !self.missing_answer {
            return Vec::new();
        }
        let cleaned = self.cleaned(kb);
        self.page(kb).into_iter().filter(|q| !cleaned.is_answered(&q.id)).collect()
    }

    /// `target`, or the warnings first if any are unseen.
    fn guarded(&self, kb: &KnowledgeBase, target: Screen) -> Screen {
        if self.unseen_warnings(kb) {
            Screen::Interrupt(Box::new(target))
        } else {
            target
        }
    }

    /// True when the answers trigger an urgent or emergency warning not yet acknowledged.
    pub fn unseen_warnings(&self, kb: &KnowledgeBase) -> bool {
        !self.unseen(kb).is_empty()
    }

    /// The urgent and emergency warnings the answers trigger that are not yet
    /// acknowledged, most urgent first: what the interrupt screen shows (at the first
    /// one's level).
    pub fn unseen<'kb>(&self, kb: &'kb KnowledgeBase) -> Vec<&'kb RedFlag> {
        let mut flags = interrupting_flags(kb, &self.answers);
        flags.retain(|f| !self.acknowledged.iter().any(|a| *a == f.id));
        flags
    }

    fn go(&mut self, screen: Screen) {
        if screen != self.screen {
            let previous = std::mem::replace(&mut self.screen, screen);
            self.history.push(previous);
            self.ahead.clear();
        }
        self.missing_answer = false;
    }

    /// Where Next leads from question `current`.
    fn after_question(&self, kb: &KnowledgeBase, current: &str) -> Screen {
        let cleaned = self.cleaned(kb);
        if self.editing {
            // A changed answer can open a new follow-up: ask it, then return to the check page.
            return self.resume_point(kb);
        }
        let asked = cleaned.asked();
        let last = cleaned.page(current).last().map_or(current, |q| q.id.as_ref());
        let next = asked.iter().skip_while(|q| q.id != last).nth(1);
        match next {
            Some(q) => Screen::Question(q.id.to_string()),
            None => self.resume_point(kb),
        }
    }

    /// The screen before `screen` when there is no history (after a reload).
    fn fallback_back(&self, kb: &KnowledgeBase) -> Screen {
        let cleaned = self.cleaned(kb);
        match &self.screen {
            Screen::Question(current) => {
                let previous = cleaned.asked().iter().take_while(|q| q.id != current.as_str()).last();
                previous.map_or(Screen::Intro, |q| self.page_screen(kb, &q.id))
            }
            Screen::Review => cleaned.asked().last().map_or(Screen::Intro, |q| self.page_screen(kb, &q.id)),
            Screen::Results => Screen::Review,
            Screen::Interrupt(_) | Screen::Intro | Screen::Browse(_) => Screen::Intro,
        }
    }

    /// Whether a screen from the history still exists for the current answers.
    fn still_there(&self, kb: &KnowledgeBase, screen: &Screen) -> bool {
        let cleaned = self.cleaned(kb);
        match screen {
            Screen::Question(q) => cleaned.is_asked(q),
            Screen::Results => cleaned.is_complete(),
            Screen::Interrupt(_) => !interrupting_flags(kb, &self.answers).is_empty(),
            Screen::Intro | Screen::Review | Screen::Browse(_) => true,
        }
    }

    /// The journey after `action`. Pure: the same journey and action always give the
    /// same result.
    pub fn apply(&self, kb: &KnowledgeBase, action: Action) -> Journey {
        let mut next = self.clone();
        match (action, &self.screen) {
            (Action::Start, Screen::Intro) => {
                let target = next.resume_point(kb);
                next.go(next.guarded(kb, target));
            }
            (Action::Choose { question, choice }, Screen::Question(current))
                if next.cleaned(kb).page(current).iter().any(|q| q.id == question) =>
            {
                next.answers = select(kb, &next.answers, &question, &choice);
                next.missing_answer = false;
                if next.answers != self.answers {
                    // The road ahead may have changed: Forward no longer leads anywhere.
                    next.ahead.clear();
                }
                // A warning unticked and ticked again is shown again.
                let holding = interrupting_flags(kb, &next.answers);
                next.acknowledged.retain(|a| holding.iter().any(|f| f.id == *a));
            }
            (Action::Next, Screen::Question(current)) => {
                let cleaned = next.cleaned(kb);
                if cleaned.page(current).iter().all(|q| cleaned.is_answered(&q.id)) {
                    let target = next.after_question(kb, current);
                    next.editing = next.editing && matches!(target, Screen::Question(_));
                    next.go(next.guarded(kb, target));
                } else {
                    next.missing_answer = true;
                }
            }
            (Action::Continue, Screen::Interrupt(then)) => {
                for flag in interrupting_flags(kb, &next.answers) {
                    if !next.acknowledged.iter().any(|a| *a == flag.id) {
                        next.acknowledged.push(flag.id.to_string());
                    }
                }
                let then = (**then).clone();
                next.go(then);
            }
            (Action::Edit(question), Screen::Review | Screen::Results) if next.cleaned(kb).is_asked(&question) => {
                next.editing = true;
                let page = next.page_screen(kb, &question);
                next.go(page);
            }
            (Action::Submit, Screen::Review) => {
                let target = if next.cleaned(kb).is_complete() { Screen::Results } else { next.resume_point(kb) };
                next.go(next.guarded(kb, target));
            }
            (Action::Browse(nutrient), Screen::Intro | Screen::Results | Screen::Browse(_)) => {
                next.go(Screen::Browse(nutrient));
            }
            (Action::Back, Screen::Intro) => return self.clone(),
            (Action::Back, _) => {
                let mut previous = None;
                while let Some(screen) = next.history.pop() {
                    if next.still_there(kb, &screen) && screen != next.screen {
                        previous = Some(screen);
                        break;
                    }
                }
                let previous = previous.unwrap_or_else(|| next.fallback_back(kb));
                if matches!(previous, Screen::Review | Screen::Intro | Screen::Results) {
                    next.editing = false;
                }
                let left = std::mem::replace(&mut next.screen, previous);
                next.ahead.push(left);
                next.missing_answer = false;
            }
            (Action::Forward, _) => {
                let Some(target) = next.ahead.pop() else { return self.clone() };
                if target == next.screen || !next.still_there(kb, &target) {
                    next.ahead.clear();
                    return next;
                }
                // A warning screen, or the nutrient pages, come back as they were; a step of
                // the quiz first shows warnings not yet seen.
                let target = match target {
                    Screen::Interrupt(_) | Screen::Browse(_) | Screen::Intro => target,
                    other => next.guarded(kb, other),
                };
                let previous = std::mem::replace(&mut next.screen, target);
                next.history.push(previous);
                next.missing_answer = false;
            }
            (Action::Restart, _) => next = Journey::new(),
            // A double click, a stale event or an action for another screen changes nothing.
            _ => {}
        }
        next
    }
}

/// What the browser's history moving to one of its entries means for the quiz. `at` is the
/// widget's place in its own history entries now; `landed` its place in the entry the
/// browser moved to, or `None` when that entry isn't the widget's (the host's own route,
/// a hash change, another widget's step): the quiz doesn't move. Back as many steps as
/// the browser went back, Forward as many as it went forward.
pub fn browser_moves(at: u32, landed: Option<u32>) -> Option<(Action, u32)> {
    let landed = landed?;
    match landed.cmp(&at) {
        std::cmp::Ordering::Less => Some((Action::Back, at - landed)),
        std::cmp::Ordering::Greater => Some((Action::Forward, landed - at)),
        std::cmp::Ordering::Equal => None,
    }
}
