//! A saved quiz session: what is written to the device and how it is read back.
//!
//! Reading is tolerant: corrupted data, another version's format or ids that no
//! longer exist never crash the widget. The caller gets a clear [`RestoreError`]
//! (and starts afresh with a notice) or a session cleaned against the knowledge base.

use crate::knowledge::KnowledgeBase;
use crate::quiz::{effective_answers, visible_questions, Answers};
use serde::{Deserialize, Serialize};

/// Bumped whenever the saved format changes; older sessions start afresh.
pub const SESSION_FORMAT: u32 = 1;

/// Where the person was. Question screens are named by id, so a reload lands on the
/// same question even if the branching before it changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "screen", content = "question", rename_all = "snake_case")]
pub enum Screen {
    Intro,
    Question(String),
    /// Urgent guidance shown before the question after this one.
    Interrupt(String),
    Review,
    Results,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format: u32,
    pub answers: Answers,
    pub screen: Screen,
    /// Red flags whose interrupt the person has already seen.
    #[serde(default)]
    pub acknowledged: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Not valid JSON, or not a session.
    Corrupted,
    /// Saved by another version of the widget.
    OtherFormat(u32),
}

impl RestoreError {
    /// A short notice for the person; their old answers could not be used.
    pub fn notice(&self) -> &'static str {
        match self {
            RestoreError::Corrupted => {
                "Your saved answers couldn't be read, so the quiz has started afresh."
            }
            RestoreError::OtherFormat(_) => {
                "The quiz has been updated since your last visit, so it has started afresh."
            }
        }
    }
}

impl Session {
    pub fn new() -> Self {
        Session { format: SESSION_FORMAT, answers: Answers::new(), screen: Screen::Intro, acknowledged: Vec::new() }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a saved session and cleans it against the knowledge base.
    pub fn restore(kb: &KnowledgeBase, json: &str) -> Result<Session, RestoreError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|_| RestoreError::Corrupted)?;
        let format = value.get("format").and_then(|f| f.as_u64()).ok_or(RestoreError::Corrupted)?;
        if format != u64::from(SESSION_FORMAT) {
            return Err(RestoreError::OtherFormat(format.try_into().unwrap_or(u32::MAX)));
        }
        let mut session: Session = serde_json::from_value(value).map_err(|_| RestoreError::Corrupted)?;
        session.answers = effective_answers(kb, &session.answers);
        session.acknowledged.retain(|id| kb.red_flag(id).is_some());
        let visible = visible_questions(kb, &session.answers);
        let is_visible = |id: &str| visible.iter().any(|q| q.id == id);
        session.screen = match session.screen {
            Screen::Question(id) | Screen::Interrupt(id) if !is_visible(&id) => {
                first_unanswered(kb, &session.answers).map_or(Screen::Review, Screen::Question)
            }
            Screen::Review | Screen::Results if crate::quiz::is_complete(kb, &session.answers) => session.screen,
            Screen::Review | Screen::Results => {
                first_unanswered(kb, &session.answers).map_or(Screen::Review, Screen::Question)
            }
            other => other,
        };
        Ok(session)
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

/// The first question asked that has no answer yet.
pub fn first_unanswered(kb: &KnowledgeBase, answers: &Answers) -> Option<String> {
    visible_questions(kb, answers).into_iter().find(|q| !answers.is_answered(&q.id)).map(|q| q.id.clone())
}
