//! A saved quiz session: what is written to the device and how it is read back.
//!
//! The saved form is a few lines of plain text (`key=value`), written and read here
//! without a JSON library, which would add tens of kilobytes to the wasm:
//! ```text
//! lpq-session 2
//! rev=7
//! screen=question:leg_signs
//! ack=possible_dvt
//! a.sensation=cramp,tingling
//! ```
//! Reading is strict about the shape and tolerant about the content: damaged text or
//! another version's format gives a clear [`RestoreError`] (the quiz starts afresh with
//! a notice), while ids that no longer exist are dropped when [`Journey::resume`]
//! cleans the session against the knowledge base.

use crate::knowledge::KnowledgeBase;
use crate::quiz::{Answers, Journey, Screen};

/// Bumped whenever the saved format changes; older sessions start afresh.
pub const SESSION_FORMAT: u32 = 2;

const HEADER: &str = "lpq-session";

/// What is kept on the device.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Session {
    /// Counts saves, so a tab can tell that another tab saved a newer session.
    pub revision: u64,
    pub answers: Answers,
    pub screen: Option<Screen>,
    pub acknowledged: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Not a session, or damaged.
    Corrupted,
    /// Saved by another version of the widget.
    OtherFormat(u32),
}

impl Session {
    /// What to save for a journey, as revision `revision`.
    pub fn of(journey: &Journey, revision: u64) -> Session {
        Session {
            revision,
            answers: journey.answers.clone(),
            screen: Some(journey.screen.clone()),
            acknowledged: journey.acknowledged.clone(),
        }
    }

    /// The journey this session continues (see [`Journey::resume`]).
    pub fn resume(&self, kb: &KnowledgeBase) -> Journey {
        let screen = self.screen.clone().unwrap_or(Screen::Intro);
        Journey::resume(kb, &self.answers, screen, &self.acknowledged)
    }

    /// True when an answer is one the person may not want kept (pregnancy).
    pub fn has_sensitive(&self, kb: &KnowledgeBase) -> bool {
        self.answers
            .iter()
            .any(|(q, cs)| kb.question(q).is_some_and(|q| cs.iter().any(|c| q.choice(c).is_some_and(|c| c.sensitive))))
    }

    /// This session without its sensitive answers: what is kept on the device when the
    /// person hasn't chosen to keep them. A question left without an answer is asked
    /// again on the next visit.
    pub fn without_sensitive(&self, kb: &KnowledgeBase) -> Session {
        let mut answers = Answers::new();
        for (q, cs) in self.answers.iter() {
            let question = kb.question(q);
            let kept: Vec<String> = cs
                .iter()
                .filter(|c| !question.and_then(|q| q.choice(c)).is_some_and(|c| c.sensitive))
                .cloned()
                .collect();
            if !kept.is_empty() {
                answers.set(q, kept);
            }
        }
        Session { answers, ..self.clone() }
    }

    /// The same session, whatever its revision: to tell a real change from a re-save.
    pub fn same_as(&self, other: &Session) -> bool {
        Session { revision: 0, ..self.clone() } == Session { revision: 0, ..other.clone() }
    }

    /// The saved form (see the module docs).
    pub fn encode(&self) -> String {
        let list = |items: &[String]| crate::text::join(&mut items.iter().map(String::as_str), ",");
        let mut out = [
            HEADER,
            " ",
            &crate::text::number(SESSION_FORMAT.into()),
            "\nrev=",
            &crate::text::number(self.revision),
            "\n",
        ]
        .concat();
        if let Some(screen) = &self.screen {
            out += &["screen=", &screen_text(screen), "\n"].concat();
        }
        out += &["ack=", &list(&self.acknowledged), "\n"].concat();
        for (question, choices) in self.answers.iter() {
            out += &["a.", question, "=", &list(choices), "\n"].concat();
        }
        out
    }

    /// Reads the saved form. Every line must be one the format knows.
    pub fn decode(saved: &str) -> Result<Session, RestoreError> {
        let mut lines = saved.lines();
        let header = lines.next().ok_or(RestoreError::Corrupted)?;
        let version = header
            .strip_prefix(HEADER)
            .and_then(|v| v.strip_prefix(' '))
            .and_then(|v| v.parse::<u32>().ok())
            .ok_or(RestoreError::Corrupted)?;
        if version != SESSION_FORMAT {
            return Err(RestoreError::OtherFormat(version));
        }
        let mut session = Session::default();
        let mut seen_rev = false;
        for line in lines.filter(|l| !l.is_empty()) {
            let (key, value) = line.split_once('=').ok_or(RestoreError::Corrupted)?;
            match key {
                "rev" if !seen_rev => {
                    seen_rev = true;
                    session.revision = value.parse().map_err(|_| RestoreError::Corrupted)?;
                }
                "screen" if session.screen.is_none() => session.screen = Some(parse_screen(value)?),
                "ack" => session.acknowledged = ids(value)?,
                _ => {
                    let question = key.strip_prefix("a.").filter(|q| is_id(q)).ok_or(RestoreError::Corrupted)?;
                    if session.answers.is_answered(question) {
                        return Err(RestoreError::Corrupted);
                    }
                    session.answers.set(question, ids(value)?);
                }
            }
        }
        if seen_rev && session.screen.is_some() {
            Ok(session)
        } else {
            Err(RestoreError::Corrupted)
        }
    }
}

/// A screen as saved. An interrupt is saved as the screen it leads to: warnings are
/// worked out again from the answers on resume, never trusted from storage.
fn screen_text(screen: &Screen) -> String {
    match screen {
        Screen::Intro => "intro".to_string(),
        Screen::Question(id) => ["question:", id].concat(),
        Screen::Interrupt(then) => screen_text(then),
        Screen::Review => "review".to_string(),
        Screen::Results => "results".to_string(),
        // Reading about the nutrients isn't a place in the quiz to come back to.
        Screen::Browse(_) => "intro".to_string(),
    }
}

fn parse_screen(value: &str) -> Result<Screen, RestoreError> {
    match value.split_once(':') {
        None if value == "intro" => Ok(Screen::Intro),
        None if value == "review" => Ok(Screen::Review),
        None if value == "results" => Ok(Screen::Results),
        Some(("question", id)) if is_id(id) => Ok(Screen::Question(id.to_string())),
        _ => Err(RestoreError::Corrupted),
    }
}

/// Ids are snake_case; anything else in a saved value means it was tampered with.
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn ids(list: &str) -> Result<Vec<String>, RestoreError> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    list.split(',').map(|id| if is_id(id) { Ok(id.to_string()) } else { Err(RestoreError::Corrupted) }).collect()
}
