//! Who the answers are about, and the words for them: "How old are you?" for oneself,
//! "How old are they?" for someone else, "How old is your child?" for a child, as NHS 111
//! online asks. The knowledge base gives the words (`prompt_them`, `prompt_child`, …) and
//! says when each applies (`them_when`, `child_when`); this picks them, so no view ever
//! changes a word.

use super::{holds, Picks};
use crate::knowledge::{Choice, KnowledgeBase, Question, Text};
use serde::{Deserialize, Serialize};

/// Whom the answers are about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Person {
    /// The one answering ("you"). Also answers saved before the question was asked.
    #[default]
    Myself,
    /// Someone else: an adult or a teenager ("they").
    Them,
    /// Someone else's child ("your child").
    Child,
}

impl Person {
    /// Whom these answers are about.
    pub fn of(kb: &KnowledgeBase, answers: &impl Picks) -> Person {
        let them = !kb.them_when.is_empty() && holds(&kb.them_when, answers);
        if them && !kb.child_when.is_empty() && holds(&kb.child_when, answers) {
            Person::Child
        } else if them {
            Person::Them
        } else {
            Person::Myself
        }
    }

    /// The words for this person: the person's own (`you`), or those for someone else
    /// (`them`), or for a child (`child`, else `them`), whichever the base gives.
    pub fn pick<'a>(self, you: &'a Text, them: Option<&'a Text>, child: Option<&'a Text>) -> &'a Text {
        match self {
            Person::Myself => you,
            Person::Them => them.unwrap_or(you),
            Person::Child => child.or(them).unwrap_or(you),
        }
    }

    /// A question's heading.
    pub fn prompt(self, q: &Question) -> &Text {
        self.pick(&q.prompt, q.prompt_them.as_ref(), q.prompt_child.as_ref())
    }

    /// A question's hint, if it has one.
    pub fn hint(self, q: &Question) -> Option<&Text> {
        let you = q.hint.as_ref()?;
        Some(self.pick(you, q.hint_them.as_ref(), q.hint_child.as_ref()))
    }

    /// What the error says when the question is left unanswered.
    pub fn error(self, q: &Question) -> &Text {
        self.pick(&q.error, q.error_them.as_ref(), q.error_child.as_ref())
    }

    /// A choice's label.
    pub fn label(self, c: &Choice) -> &Text {
        self.pick(&c.label, c.label_them.as_ref(), c.label_child.as_ref())
    }

    /// Text with a single wording for anyone else (results: headings, actions).
    pub fn them<'a>(self, you: &'a Text, them: Option<&'a Text>) -> &'a Text {
        self.pick(you, them, None)
    }
}
