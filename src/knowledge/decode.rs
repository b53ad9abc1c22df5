//! Reads the knowledge base back from the compact form `build.rs` writes (see
//! `src/knowledge/encode.rs`): a `shape` of small numbers (lengths, counts, flags,
//! choices) and one `text` holding every string in order.
//!
//! Why not static Rust data: a static copy of the base is mostly pointers and lengths
//! (a 12-byte header for each of its ~2,300 strings and lists), which gzip can hardly
//! shrink. In this form the structure costs a few kilobytes, the text stays together
//! where it compresses best, and every string is borrowed from it. Reading it takes
//! well under a millisecond, once, on first use.
//!
//! Fields are read in the order the model declares them, which is the order serde
//! writes them in; `tests/knowledge.rs` checks the result equals the TOML files.

use super::model::*;
use std::borrow::Cow;

pub fn knowledge_base(shape: &'static [u8], text: &'static str) -> KnowledgeBase {
    let r = &mut Reader { shape, text };
    let kb = KnowledgeBase {
        version: r.text(),
        disclaimer: r.text(),
        strength: StrengthThresholds {
            strong: r.int(),
            moderate: r.int(),
            possible: r.int(),
            routine_at: r.strength(),
        },
        triage: r.list(|r| TriageGuidance {
            level: r.triage_level(),
            heading: r.text(),
            action: r.text(),
            sources: r.texts(),
        }),
        sources: r.list(|r| Source { id: r.text(), title: r.text(), publisher: r.text(), url: r.text() }),
        nutrients: r.list(|r| Nutrient {
            id: r.text(),
            name: r.text(),
            unit: r.text(),
            role: r.text(),
            legs: r.text(),
            daily_need: r.text(),
            risk_groups: r.texts(),
            depleting_medicines: r.texts(),
            tests: r.texts(),
            absorption_tips: r.texts(),
            supplement_caution: r.text(),
            withhold_when: r.condition(),
            withhold_reason: r.option(Reader::text),
            sources: r.texts(),
        }),
        foods: r.list(|r| Food {
            id: r.text(),
            name: r.text(),
            serving: r.text(),
            amounts: r.list(|r| (r.text(), r.float())),
            tags: r.texts(),
            note: r.option(Reader::text),
            usda_ndb: r.option(|r| r.count() as u32),
            sources: r.texts(),
        }),
        diets: r.list(|r| Diet { id: r.text(), name: r.text(), excludes: r.texts() }),
        food_cautions: r.list(|r| FoodCaution { tag: r.text(), note: r.text(), sources: r.texts() }),
        questions: r.list(|r| Question {
            id: r.text(),
            prompt: r.text(),
            hint: r.option(Reader::text),
            kind: if r.count() == 0 { QuestionKind::Single } else { QuestionKind::Multi },
            show_if: r.condition(),
            choices: r.list(|r| Choice {
                id: r.text(),
                label: r.text(),
                hint: r.option(Reader::text),
                exclusive: r.flag(),
                diet: r.option(Reader::text),
                excludes: r.texts(),
                cautions: r.texts(),
                neutral: r.flag(),
            }),
        }),
        evidence: r.list(|r| Evidence {
            id: r.text(),
            nutrient: r.text(),
            weight: r.int(),
            reason: r.text(),
            when: r.condition(),
            sources: r.texts(),
        }),
        red_flags: r.list(|r| RedFlag {
            id: r.text(),
            level: r.triage_level(),
            title: r.text(),
            guidance: r.text(),
            do_not: r.option(Reader::text),
            when: r.condition(),
            sources: r.texts(),
        }),
        lifestyle: r.list(advice),
        other_causes: r.list(advice),
        medicine_notes: r.list(advice),
        supplement_cautions: r.list(advice),
        lab_tests: r.list(|r| LabTest {
            id: r.text(),
            name: r.text(),
            why: r.text(),
            when: r.condition(),
            sources: r.texts(),
        }),
    };
    assert!(r.shape.is_empty() && r.text.is_empty(), "the knowledge base was read to its end");
    kb
}

fn advice(r: &mut Reader) -> Advice {
    Advice {
        id: r.text(),
        title: r.text(),
        text: r.text(),
        when: r.condition(),
        nutrients: r.texts(),
        sources: r.texts(),
    }
}

/// What is left to read. `build.rs` made both parts from the same value, so a read
/// past the end is a bug in this file, caught by the native tests, not bad input.
struct Reader {
    shape: &'static [u8],
    text: &'static str,
}

impl Reader {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.shape.split_first().expect("the shape has more to read");
        self.shape = rest;
        *first
    }

    /// An unsigned LEB128 number: a length, a count, or an enum's variant index.
    fn count(&mut self) -> usize {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let byte = self.byte();
            value |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return value;
            }
            shift += 7;
        }
    }

    /// A zigzag-encoded signed number.
    fn int(&mut self) -> i32 {
        let n = self.count() as u32;
        (n >> 1) as i32 ^ -((n & 1) as i32)
    }

    fn float(&mut self) -> f64 {
        let (bytes, rest) = self.shape.split_at(8);
        self.shape = rest;
        f64::from_le_bytes(bytes.try_into().expect("eight bytes"))
    }

    fn flag(&mut self) -> bool {
        self.byte() != 0
    }

    fn text(&mut self) -> Text {
        let (text, rest) = self.text.split_at(self.count());
        self.text = rest;
        Cow::Borrowed(text)
    }

    fn list<T: Clone>(&mut self, item: fn(&mut Reader) -> T) -> List<T> {
        let n = self.count();
        Cow::Owned((0..n).map(|_| item(self)).collect())
    }

    fn texts(&mut self) -> List<Text> {
        self.list(Reader::text)
    }

    fn condition(&mut self) -> Condition {
        self.list(Reader::texts)
    }

    fn option<T>(&mut self, item: fn(&mut Reader) -> T) -> Option<T> {
        self.flag().then(|| item(self))
    }

    fn triage_level(&mut self) -> TriageLevel {
        match self.count() {
            0 => TriageLevel::SelfCare,
            1 => TriageLevel::Routine,
            2 => TriageLevel::Soon,
            3 => TriageLevel::Urgent,
            _ => TriageLevel::Emergency,
        }
    }

    fn strength(&mut self) -> Strength {
        match self.count() {
            0 => Strength::Possible,
            1 => Strength::Moderate,
            _ => Strength::Strong,
        }
    }
}
