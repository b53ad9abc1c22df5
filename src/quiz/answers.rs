//! The person's answers: choice ids keyed by question id.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Vec<String>>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds answers from `(question, [choices])` pairs; handy in tests and tools.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a [&'a str])>) -> Self {
        Answers(
            pairs
                .into_iter()
                .map(|(q, cs)| (q.to_string(), cs.iter().map(|c| c.to_string()).collect()))
                .collect(),
        )
    }

    /// The choices selected for a question (empty if unanswered).
    pub fn get(&self, question: &str) -> &[String] {
        self.0.get(question).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_answered(&self, question: &str) -> bool {
        !self.get(question).is_empty()
    }

    pub fn is_selected(&self, question: &str, choice: &str) -> bool {
        self.get(question).iter().any(|c| c == choice)
    }

    /// Sets a question's choices; an empty list removes the answer.
    pub fn set(&mut self, question: &str, choices: Vec<String>) {
        if choices.is_empty() {
            self.0.remove(question);
        } else {
            self.0.insert(question.to_string(), choices);
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
