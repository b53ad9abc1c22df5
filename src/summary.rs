//! The plain-text summary a person can print, copy and take to a clinician.

use crate::knowledge::KnowledgeBase;
use crate::quiz::{sources, Answers, Assessment, Cleaned};
use std::fmt::Write;

/// Builds the summary. `date` is supplied by the caller (ISO `YYYY-MM-DD`) so that
/// this stays pure and testable.
pub fn doctor_summary(kb: &KnowledgeBase, answers: &Answers, assessment: &Assessment, date: &str) -> String {
    let answers = Cleaned::new(kb, answers);
    let mut out = String::new();
    let _ = writeln!(out, "Night-time leg symptoms: self-assessment summary");
    let _ = writeln!(out, "Date: {date}. Knowledge base version {}.", assessment.kb_version);
    let _ = writeln!(out, "Made by the person with an online questionnaire: information, not a diagnosis.");

    let guidance = kb.guidance(assessment.triage);
    let _ = writeln!(
        out,
        "\nSuggested urgency: {} ({})",
        assessment.triage.id().replace('_', " "),
        guidance.map_or("", |g| g.heading.as_ref())
    );
    if !assessment.red_flags.is_empty() {
        let _ = writeln!(out, "\nWarning signs reported:");
        for flag in assessment.red_flags.iter().filter_map(|id| kb.red_flag(id)) {
            let _ = writeln!(out, "- {} [{}]", flag.title, flag.level.id());
        }
    }

    let _ = writeln!(out, "\nAnswers that matter:");
    for q in answers.asked() {
        let chosen: Vec<&str> = answers.choices_of(&q.id).filter(|c| !c.neutral).map(|c| c.label.as_ref()).collect();
        if !chosen.is_empty() {
            let _ = writeln!(out, "- {} {}", q.prompt, chosen.join("; "));
        }
    }

    let _ = writeln!(out, "\nNutrients that may be involved:");
    if assessment.nutrients.is_empty() {
        let _ = writeln!(out, "- None stood out from the answers.");
    }
    for m in assessment.nutrients.iter() {
        let name = kb.nutrient(&m.id).map_or(m.id.as_ref(), |n| n.name.as_ref());
        let _ = writeln!(out, "- {name} ({}): {}", m.strength.id(), m.reasons.join(" "));
    }

    if !assessment.lab_tests.is_empty() {
        let _ = writeln!(out, "\nTests the person may ask about:");
        for t in assessment.lab_tests.iter().filter_map(|id| kb.lab_test(id)) {
            let _ = writeln!(out, "- {}: {}", t.name, t.why);
        }
    }
    let notes: Vec<_> =
        assessment.medicine_notes.iter().filter_map(|id| kb.medicine_notes.iter().find(|a| &a.id == id)).collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "\nMedicines:");
        for n in notes {
            let _ = writeln!(out, "- {}: {}", n.title, n.text);
        }
    }
    let cited = sources(kb, assessment);
    if !cited.is_empty() {
        let _ = writeln!(out, "\nSources:");
        for src in cited {
            let _ = writeln!(out, "- {}, {}. {}", src.title, src.publisher, src.url);
        }
    }
    out
}
