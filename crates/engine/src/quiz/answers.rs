//! The person's answers: choice ids keyed by question id.
//!
//! Kept as a short list sorted by question id rather than a `BTreeMap`: there are at
//! most twenty entries, and the map's code costs kilobytes in the wasm. It serialises
//! as a map (`{"diet": ["vegan"]}`), like one.

use serde::de::Deserializer;
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, Vec<String>)>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds answers from `(question, [choices])` pairs; handy in tests and tools.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a [&'a str])>) -> Self {
        let mut answers = Answers::new();
        for (q, cs) in pairs {
            answers.set(q, cs.iter().map(|c| c.to_string()).collect());
        }
        answers
    }

    fn position(&self, question: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(q, _)| q.as_str().cmp(question))
    }

    /// The choices selected for a question (empty if unanswered).
    pub fn get(&self, question: &str) -> &[String] {
        self.position(question).map_or(&[], |i| &self.0[i].1)
    }

    pub fn is_answered(&self, question: &str) -> bool {
        !self.get(question).is_empty()
    }

    pub fn is_selected(&self, question: &str, choice: &str) -> bool {
        self.get(question).iter().any(|c| c == choice)
    }

    /// Sets a question's choices; an empty list removes the answer.
    pub fn set(&mut self, question: &str, choices: Vec<String>) {
        match (self.position(question), choices.is_empty()) {
            (Ok(i), true) => {
                self.0.remove(i);
            }
            (Ok(i), false) => self.0[i].1 = choices,
            (Err(_), true) => {}
            (Err(i), false) => self.0.insert(i, (question.to_string(), choices)),
        }
    }

    /// Question ids and their choices, in question-id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.0.iter().map(|(q, cs)| (q, cs))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, Vec<String>>::deserialize(deserializer)?;
        let mut answers = Answers::new();
        for (q, cs) in map {
            answers.set(&q, cs);
        }
        Ok(answers)
    }
}
