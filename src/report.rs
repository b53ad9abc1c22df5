//! The results as a document: what the first screen holds, and the folded sections below
//! it, each a list of blocks of lines. Built here, in plain Rust, from the knowledge base,
//! the answers and their assessment; the views only draw it (one renderer for every
//! section), Copy and Print give the doctor section as plain text from the same blocks,
//! and native tests can read exactly what a person will be shown.

use crate::knowledge::{Advice, KnowledgeBase, Nutrient, RedFlag, Strength, Text, TriageLevel};
use crate::quiz::{next_steps, sources, Answers, Assessment, Cleaned, FoodSuggestion, NextStep};
use crate::text::{amount, fill, in_sentence, list_words};
use std::borrow::Cow;

/// One line: a list item or a short paragraph.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Line {
    /// A data attribute naming what the line is about (`data-food`, `data-test`, …) and
    /// its id: the test contract, kept on folded content too.
    pub mark: Option<(&'static str, Text)>,
    /// Shown in bold before the text.
    pub lead: Option<Text>,
    pub text: Text,
    /// A caution, shown apart.
    pub warning: Option<Text>,
    /// An address the line links to (sources).
    pub url: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Block {
    pub heading: Option<Text>,
    pub lines: Vec<Line>,
}

/// A section folded below the first screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Fold {
    /// Names the section in the page (`data-fold`).
    pub name: &'static str,
    pub title: Text,
    /// Part of the printed handout.
    pub print: bool,
    pub blocks: Vec<Block>,
}

/// The outcome: the triage level in plain words, its next step, the number to call, the
/// warning signs behind it and what to do while waiting.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub level: TriageLevel,
    pub heading: Text,
    pub action: Text,
    pub call: Option<Text>,
    pub flags: Vec<Line>,
    pub while_waiting: Vec<Text>,
}

/// A nutrient that stands out: one line on the first screen, which opens to why and the
/// foods for this person's diet.
#[derive(Clone, Debug, PartialEq)]
pub struct Standout {
    pub id: Text,
    pub name: Text,
    pub strength: Strength,
    pub label: Text,
    /// "Read about {name}", for the link to its page.
    pub read_about: Text,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub outcome: Outcome,
    /// Up to three things to do now (none when the outcome is urgent or higher).
    pub steps: Vec<Text>,
    pub standout: Vec<Standout>,
    /// Said instead of nutrients: (`data-deferred` or `data-no-nutrient`, the words).
    pub no_nutrients: Option<(&'static str, Text)>,
    /// Nutrients never suggested because more could harm, and why.
    pub withheld: Vec<Line>,
    pub folds: Vec<Fold>,
}

fn line(text: impl Into<Text>) -> Line {
    Line { text: text.into(), ..Line::default() }
}

fn led(lead: &Text, text: impl Into<Text>) -> Line {
    Line { lead: Some(lead.clone()), text: text.into(), ..Line::default() }
}

fn owned(s: String) -> Text {
    Cow::Owned(s)
}

pub fn outcome(kb: &KnowledgeBase, level: TriageLevel, action: Text, flags: &[&RedFlag]) -> Outcome {
    let g = kb.guidance(level);
    Outcome {
        level,
        heading: g.map(|g| g.heading.clone()).unwrap_or_default(),
        action,
        call: g.and_then(|g| g.call.clone()),
        flags: flags
            .iter()
            .map(|f| {
                let text = match &f.do_not {
                    Some(dont) => owned(format!("{} {dont}", f.guidance)),
                    None => f.guidance.clone(),
                };
                Line { mark: Some(("data-flag", f.id.clone())), ..led(&f.title, text) }
            })
            .collect(),
        while_waiting: g.map(|g| g.while_waiting.to_vec()).unwrap_or_default(),
    }
}

/// "several reasons to check" and its siblings: how many answers point to a nutrient,
/// never how likely a shortfall is.
pub fn strength_label(kb: &KnowledgeBase, strength: Strength) -> &Text {
    match strength {
        Strength::Strong => &kb.ui.strong,
        Strength::Moderate => &kb.ui.moderate,
        Strength::Possible => &kb.ui.possible,
    }
}

pub fn report(kb: &KnowledgeBase, answers: &Answers, a: &Assessment) -> Report {
    let ui = &kb.ui;
    let flags: Vec<&RedFlag> = a.red_flags.iter().filter_map(|id| kb.red_flag(id)).collect();
    let matched: Vec<_> = a.nutrients.iter().filter_map(|m| Some((m, kb.nutrient(&m.id)?))).collect();

    let mut folds = Vec::new();
    let mut fold = |name, title: &Text, print, blocks: Vec<Block>| {
        if blocks.iter().any(|b| !b.lines.is_empty()) {
            folds.push(Fold { name, title: title.clone(), print, blocks });
        }
    };
    let about = matched.iter().map(|(_, n)| Block { heading: Some(n.name.clone()), lines: facts(kb, n, a.young) });
    fold("about", &ui.about_these, false, about.collect());
    let mut supplements: Vec<Line> = matched.iter().map(|(_, n)| led(&n.name, n.supplement_caution.clone())).collect();
    supplements.extend(advice_lines(&kb.supplement_cautions, &a.supplement_cautions));
    fold("supplements", &ui.supplements, false, vec![Block { heading: None, lines: supplements }]);
    fold(
        "causes",
        &ui.causes,
        false,
        vec![Block { heading: None, lines: advice_lines(&kb.other_causes, &a.other_causes) }],
    );
    let medicines = advice_lines(&kb.medicine_notes, &a.medicine_notes);
    fold("medicines", &ui.medicines, false, vec![Block { heading: None, lines: medicines }]);
    fold("tips", &ui.tips, true, vec![Block { heading: None, lines: advice_lines(&kb.lifestyle, &a.lifestyle) }]);
    fold("doctor", &ui.doctor, true, doctor(kb, answers, a));
    let cited = sources(kb, a)
        .into_iter()
        .map(|s| Line {
            mark: Some(("data-source", s.id.clone())),
            url: Some(s.url.clone()),
            ..line(owned(format!("{}, {}.", s.title, s.publisher)))
        })
        .collect();
    fold("sources", &ui.sources, false, vec![Block { heading: None, lines: cited }]);

    let no_nutrients = if a.nutrients_deferred {
        Some(("data-deferred", ui.deferred.clone()))
    } else if matched.is_empty() {
        Some(("data-no-nutrient", ui.nothing_stands_out.clone()))
    } else {
        None
    };
    Report {
        outcome: outcome(kb, a.triage, a.action.clone(), &flags),
        steps: next_steps(kb, a).iter().map(|s| step_text(kb, s)).collect(),
        standout: matched
            .iter()
            .map(|(m, n)| {
                let mut foods = food_lines(kb, n, &m.foods);
                foods.extend(n.absorption_tips.iter().cloned().map(line));
                Standout {
                    id: m.id.clone(),
                    name: n.name.clone(),
                    strength: m.strength,
                    label: strength_label(kb, m.strength).clone(),
                    read_about: owned(fill(&ui.read_about, &[("name", &in_sentence(&n.name))])),
                    blocks: vec![
                        Block { heading: Some(ui.why.clone()), lines: m.reasons.iter().cloned().map(line).collect() },
                        Block { heading: Some(ui.foods.clone()), lines: foods },
                    ],
                }
            })
            .collect(),
        no_nutrients,
        withheld: withheld(kb, a),
        folds,
    }
}

/// One of the things to do now, as a sentence.
fn step_text(kb: &KnowledgeBase, step: &NextStep) -> Text {
    let ui = &kb.ui;
    match step {
        NextStep::Advice(advice) => advice.action.clone().unwrap_or_default(),
        NextStep::Tests(tests) => {
            let names: Vec<&str> = tests.iter().map(|t| t.plain.as_ref()).collect();
            owned(fill(&ui.ask_tests, &[("tests", &list_words(&names, &ui.and))]))
        }
        NextStep::Foods(n, foods) => {
            let names: Vec<String> = foods.iter().map(|f| in_sentence(&f.name)).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            owned(fill(&ui.add_foods, &[("name", &in_sentence(&n.name)), ("foods", &list_words(&names, &ui.or))]))
        }
    }
}

fn advice_lines(list: &[Advice], ids: &[Text]) -> Vec<Line> {
    ids.iter()
        .filter_map(|id| list.iter().find(|x| x.id == *id))
        .map(|x| Line { mark: Some(("data-advice-id", x.id.clone())), ..led(&x.title, x.text.clone()) })
        .collect()
}

fn withheld(kb: &KnowledgeBase, a: &Assessment) -> Vec<Line> {
    a.withheld
        .iter()
        .filter_map(|id| kb.nutrient(id))
        .map(|n| Line {
            mark: Some(("data-withheld", n.id.clone())),
            lead: Some(owned(fill(&kb.ui.not_suggested, &[("name", &n.name)]))),
            text: n.withhold_reason.clone().unwrap_or_default(),
            ..Line::default()
        })
        .collect()
}

/// Foods rich in `n`, each with its amount per serving, any note, and any caution.
pub fn food_lines(kb: &KnowledgeBase, n: &Nutrient, foods: &[FoodSuggestion]) -> Vec<Line> {
    if foods.is_empty() {
        return vec![line(kb.ui.no_foods.clone())];
    }
    foods
        .iter()
        .filter_map(|s| {
            let f = kb.food(&s.id)?;
            let mut per =
                fill(&kb.ui.amount, &[("amount", &amount(s.amount)), ("unit", &n.unit), ("serving", &f.serving)]);
            if let Some(note) = &f.note {
                per = format!("{per}. {note}");
            }
            let warning = s.caution.as_deref().and_then(|tag| kb.food_caution(tag)).map(|c| c.note.clone());
            Some(Line { mark: Some(("data-food", f.id.clone())), warning, ..led(&f.name, owned(per)) })
        })
        .collect()
}

/// What a nutrient does, how a shortfall shows in the legs, how much is needed (not
/// adults' figures for the `young`), who runs low and which medicines lower it.
pub fn facts(kb: &KnowledgeBase, n: &Nutrient, young: bool) -> Vec<Line> {
    let ui = &kb.ui;
    let mut lines = vec![
        line(n.role.clone()),
        led(&ui.signs, n.legs.clone()),
        led(&ui.need, if young { ui.child_need.clone() } else { n.daily_need.clone() }),
        led(&ui.risk, owned(n.risk_groups.join("; "))),
    ];
    if !n.depleting_medicines.is_empty() {
        lines.push(led(&ui.lowered_by, owned(n.depleting_medicines.join("; "))));
    }
    lines
}

/// A nutrient's page, read without taking the quiz: its facts, foods rich in it for a
/// diet, where supplements can harm, and its sources.
pub fn nutrient_page(kb: &KnowledgeBase, n: &Nutrient, foods: &[FoodSuggestion]) -> Vec<Block> {
    let ui = &kb.ui;
    let cited = n
        .sources
        .iter()
        .filter_map(|id| kb.source(id))
        .map(|s| Line { url: Some(s.url.clone()), ..line(owned(format!("{}, {}.", s.title, s.publisher))) })
        .collect();
    vec![
        Block { heading: None, lines: facts(kb, n, false) },
        Block { heading: Some(ui.foods.clone()), lines: food_lines(kb, n, foods) },
        Block { heading: Some(ui.supplements.clone()), lines: vec![line(n.supplement_caution.clone())] },
        Block { heading: Some(ui.sources.clone()), lines: cited },
    ]
}

/// "For your doctor": the outcome, warning signs, the answers that say something, the
/// nutrients and why, tests worth considering and the medicines that matter.
pub fn doctor(kb: &KnowledgeBase, answers: &Answers, a: &Assessment) -> Vec<Block> {
    let ui = &kb.ui;
    let cleaned = Cleaned::new(kb, answers);
    let block = |heading: &Text, lines: Vec<Line>| Block { heading: Some(heading.clone()), lines };
    let mut blocks = vec![
        Block { heading: None, lines: vec![line(ui.doctor_lead.clone())] },
        block(&ui.summary_urgency, vec![line(kb.guidance(a.triage).map(|g| g.heading.clone()).unwrap_or_default())]),
    ];
    let flags = a.red_flags.iter().filter_map(|id| kb.red_flag(id)).map(|f| line(f.title.clone())).collect();
    blocks.push(block(&ui.summary_flags, flags));
    let answered = cleaned
        .asked()
        .iter()
        .filter_map(|q| {
            let labels: Vec<&str> =
                cleaned.choices_of(&q.id).filter(|c| !c.exclusive && !c.neutral).map(|c| c.label.as_ref()).collect();
            (!labels.is_empty()).then(|| led(&q.prompt, owned(labels.join("; "))))
        })
        .collect();
    blocks.push(block(&ui.summary_answers, answered));
    let mut nutrients: Vec<Line> = a
        .nutrients
        .iter()
        .filter_map(|m| {
            let n = kb.nutrient(&m.id)?;
            let lead = owned(format!("{} ({})", n.name, strength_label(kb, m.strength)));
            Some(Line { lead: Some(lead), text: owned(m.reasons.join(" ")), ..Line::default() })
        })
        .collect();
    if nutrients.is_empty() {
        nutrients.push(line(ui.summary_none.clone()));
    }
    nutrients.extend(withheld(kb, a));
    blocks.push(block(&ui.summary_nutrients, nutrients));
    let tests = a
        .lab_tests
        .iter()
        .filter_map(|id| kb.lab_test(id))
        .map(|t| Line { mark: Some(("data-test", t.id.clone())), ..led(&t.name, t.why.clone()) })
        .collect();
    blocks.push(block(&ui.summary_tests, tests));
    blocks.push(block(&ui.summary_medicines, advice_lines(&kb.medicine_notes, &a.medicine_notes)));
    blocks.retain(|b| !b.lines.is_empty());
    blocks
}

/// Blocks as plain text, for Copy and for pasting into a letter or a record. `date` is
/// given by the caller (`YYYY-MM-DD`) so this stays pure.
pub fn plain_text(kb: &KnowledgeBase, blocks: &[Block], cited: &[Line], date: &str) -> String {
    let ui = &kb.ui;
    let mut out =
        format!("{}\n{}\n{}\n", ui.summary_title, fill(&ui.summary_date, &[("date", date)]), ui.summary_made_by);
    let mut write = |heading: Option<&Text>, lines: &[Line]| {
        if let Some(h) = heading {
            out += &format!("\n{h}:\n");
        }
        for l in lines {
            out += "- ";
            if let Some(lead) = &l.lead {
                out += lead;
                out += ": ";
            }
            out += &l.text;
            for extra in [&l.warning, &l.url].into_iter().flatten() {
                out += " ";
                out += extra;
            }
            out += "\n";
        }
    };
    // Headed blocks only: the line above them says whom to show them to.
    for b in blocks.iter().filter(|b| b.heading.is_some()) {
        write(b.heading.as_ref(), &b.lines);
    }
    write(Some(&ui.sources), cited);
    out
}
