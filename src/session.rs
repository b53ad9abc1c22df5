//! A saved quiz session: what is written to the device and how it is read back.
//!
//! The saved form is a few lines of plain text (`key=value`), written and read here
//! without a JSON library, which would add tens of kilobytes to the wasm:
//! ```text
//! lpq-session 1
//! screen=question:leg_signs
//! ack=possible_dvt
//! a.sensation=cramp,tingling
//! ```
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

    /// The saved form (see the module docs).
    pub fn encode(&self) -> String {
        let mut out = format!("{HEADER} {}\n", self.format);
        let screen = match &self.screen {
            Screen::Intro => "intro".to_string(),
            Screen::Question(id) => format!("question:{id}"),
            Screen::Interrupt(id) => format!("interrupt:{id}"),
            Screen::Review => "review".to_string(),
            Screen::Results => "results".to_string(),
        };
        out += &format!("screen={screen}\nack={}\n", self.acknowledged.join(","));
        for (question, choices) in self.answers.iter() {
            out += &format!("a.{question}={}\n", choices.join(","));
        }
        out
    }

    /// Reads a saved session and cleans it against the knowledge base.
    pub fn restore(kb: &KnowledgeBase, saved: &str) -> Result<Session, RestoreError> {
        let mut session = decode(saved)?;
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

const HEADER: &str = "lpq-session";

/// Ids are snake_case; anything else in a saved value means it was tampered with.
fn is_id(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn ids(list: &str) -> Result<Vec<String>, RestoreError> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    list.split(',').map(|id| if is_id(id) { Ok(id.to_string()) } else { Err(RestoreError::Corrupted) }).collect()
}

fn decode(saved: &str) -> Result<Session, RestoreError> {
    let mut lines = saved.lines();
    let header = lines.next().ok_or(RestoreError::Corrupted)?;
    let version = header
        .strip_prefix(HEADER)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .ok_or(RestoreError::Corrupted)?;
    if version != SESSION_FORMAT {
        return Err(RestoreError::OtherFormat(version));
    }
    let mut session = Session::new();
    let mut saw_screen = false;
    for line in lines.filter(|l| !l.is_empty()) {
        let (key, value) = line.split_once('=').ok_or(RestoreError::Corrupted)?;
        match key {
            "screen" => {
                saw_screen = true;
                session.screen = match value.split_once(':') {
                    None if value == "intro" => Screen::Intro,
                    None if value == "review" => Screen::Review,
                    None if value == "results" => Screen::Results,
                    Some(("question", id)) if is_id(id) => Screen::Question(id.to_string()),
                    Some(("interrupt", id)) if is_id(id) => Screen::Interrupt(id.to_string()),
                    _ => return Err(RestoreError::Corrupted),
                }
            }
            "ack" => session.acknowledged = ids(value)?,
            _ => {
                let question = key.strip_prefix("a.").filter(|q| is_id(q)).ok_or(RestoreError::Corrupted)?;
                session.answers.set(question, ids(value)?);
            }
        }
    }
    if saw_screen {
        Ok(session)
    } else {
        Err(RestoreError::Corrupted)
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

/// The first question asked that has no answer yet.
pub fn first_unanswered(kb: &KnowledgeBase, answers: &Answers) -> Option<String> {
    visible_questions(kb, answers).into_iter().find(|q| !answers.is_answered(&q.id)).map(|q| q.id.to_string())
}
