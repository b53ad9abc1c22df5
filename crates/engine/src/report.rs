//! The results as a document: what the first screen holds, and the folded sections below
//! it, each a list of blocks of lines. Built here, in plain Rust, from the knowledge base,
//! the answers and their assessment; the views only draw it (one renderer for every
//! section), Copy and Print give the doctor section as plain text from the same blocks,
//! and native tests can read exactly what a person will be shown.

use crate::knowledge::{Advice, KnowledgeBase, Nutrient, RedFlag, Reference, Region, Strength, Text, TriageLevel};
use crate::quiz::{
    next_steps, sources, triage_action, Answers, Assessment, Cleaned, FoodSuggestion, Journey, NextStep, Person,
};
use crate::text::{amount, fill, in_sentence, join, list_words, lower_first};
use std::borrow::Cow;

/// What a line is about, named on it by a data attribute (`data-food="<id>"`, …): the
/// test contract, kept on folded content too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mark {
    #[default]
    None,
    Food,
    Test,
    Flag,
    Advice,
    Source,
    Withheld,
    NoNutrient,
    Deferred,
}

/// One line: a list item or a short paragraph.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Line {
    pub mark: Mark,
    /// The id the mark names.
    pub id: Text,
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
    /// The language of `blocks` when it isn't the page's (`en` for the doctor's part in
    /// English), for the `lang` attribute.
    pub lang: Option<&'static str>,
}

/// The name of the doctor's part among the folds: the part Copy gives as plain text, and
/// the one that can be shown in English.
pub const DOCTOR: &str = "doctor";

/// The words around the doctor's part in plain text: taken from the knowledge base its
/// blocks are written in, so a copy in English is English throughout.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyWords {
    title: Text,
    date: Text,
    made_by: Text,
    /// The content's version and review dates.
    version: Text,
    sources: Text,
}

impl CopyWords {
    pub fn of(kb: &KnowledgeBase) -> CopyWords {
        let ui = &kb.ui;
        CopyWords {
            title: ui.summary_title.clone(),
            date: ui.summary_date.clone(),
            made_by: ui.summary_made_by.clone(),
            version: content_version(kb),
            sources: ui.sources.clone(),
        }
    }
}

/// The outcome: the triage level in plain words, its next step, the number to call, the
/// warning signs behind it and what to do while waiting.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub level: TriageLevel,
    pub heading: Text,
    pub action: Text,
    /// The action's "see a GP if …, call 999 if …" lines, each an item (its lines after the
    /// first in the knowledge base).
    pub safety_net: Vec<Text>,
    /// The numbers the call buttons dial (none: the region is unknown, or the level has none).
    pub call: Vec<Text>,
    pub flags: Vec<Line>,
    /// When nutrients are held back, what to tell the clinician: the answers that may
    /// have lowered a nutrient whose shortfall may be the warning sign itself, and the
    /// blood test (from `Assessment::for_clinician`; never a food or a supplement).
    pub tell: Option<Line>,
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
    /// "Read about {name}", for the link to its page; empty (no link) for a nutrient shown
    /// for its blood test only.
    pub read_about: Text,
    pub blocks: Vec<Block>,
}

/// The recognised pattern the answers fit, in plain words, with the one thing to do
/// tonight and the note that it is not a diagnosis.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternLine {
    pub id: Text,
    pub title: Text,
    pub text: Text,
    pub tonight: Text,
    pub not_diagnosis: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The pattern the answers fit, if any (never with an urgent or emergency outcome).
    pub pattern: Option<PatternLine>,
    /// The pattern opens the results: true unless the outcome is urgent or an
    /// emergency, which is then said first (the engine gives no pattern then either).
    pub pattern_first: bool,
    pub outcome: Outcome,
    /// Up to three things to do now (none when the outcome is urgent or higher).
    pub steps: Vec<Text>,
    pub standout: Vec<Standout>,
    /// Said instead of nutrients (marked `Deferred` or `NoNutrient`).
    pub no_nutrients: Option<Line>,
    /// Nutrients never suggested because more could harm, and why.
    pub withheld: Vec<Line>,
    pub folds: Vec<Fold>,
    /// The words Copy puts around the doctor's part, in that part's language.
    pub copy_words: CopyWords,
}

impl Report {
    /// The blocks of the fold named `name` (none if it isn't shown).
    pub fn fold(&self, name: &str) -> &[Block] {
        self.folds.iter().find(|f| f.name == name).map_or(&[][..], |f| &f.blocks[..])
    }

    /// The doctor's part and its sources as plain text, for Copy, in the language the
    /// doctor's part is shown in. `date` is `YYYY-MM-DD`, given by the caller.
    pub fn doctor_text(&self, date: &str) -> String {
        let cited = self.fold("sources").first().map_or(&[][..], |b| &b.lines[..]);
        write_plain(&self.copy_words, self.fold(DOCTOR), cited, date)
    }

    /// Puts the doctor's part whole in `english`'s words, for a clinician who doesn't read
    /// the language on screen: the answers are assessed again in those words, so the
    /// reasons, tests and medicines are in English too, not only the headings. The rest
    /// of the results stays as it is.
    pub fn doctor_in_english(&mut self, english: &KnowledgeBase, region: Option<&Region>, answers: &Answers) {
        let a = crate::quiz::assess(english, answers);
        if let Some(f) = self.folds.iter_mut().find(|f| f.name == DOCTOR) {
            f.blocks = doctor(english, region, answers, &a);
            f.lang = Some("en");
            self.copy_words = CopyWords::of(english);
        }
    }
}

// Built with plain loops and one helper per shape of line: every iterator chain and
// closure is its own copy of code in the wasm, and this module is on the size budget.

fn line(text: Text) -> Line {
    Line { text, ..Line::default() }
}

fn led(lead: &Text, text: Text) -> Line {
    Line { lead: Some(lead.clone()), text, ..Line::default() }
}

fn marked(mark: Mark, id: &Text, lead: &Text, text: Text) -> Line {
    Line { mark, id: id.clone(), lead: Some(lead.clone()), text, ..Line::default() }
}

fn owned(s: String) -> Text {
    Cow::Owned(s)
}

/// `a`, `between`, `b` in one string.
fn joined(a: &str, between: &str, b: &str) -> Text {
    let mut s = String::with_capacity(a.len() + between.len() + b.len());
    s.push_str(a);
    s.push_str(between);
    s.push_str(b);
    owned(s)
}

fn block(heading: Option<&Text>, lines: Vec<Line>) -> Block {
    Block { heading: heading.cloned(), lines }
}

/// `text` with the region's numbers and services where it says `{emergency}`,
/// `{same_day}` or `{ed}`. With no region (the widget can't tell the country, or has no
/// numbers for it), "your local emergency number" in the language: never another
/// country's number.
pub fn numbers(kb: &KnowledgeBase, text: &Text, region: Option<&Region>) -> Text {
    if !text.contains('{') {
        return text.clone();
    }
    let s = &kb.services;
    let emergency = match region {
        None => s.local_emergency.to_string(),
        Some(Region { emergency, also: Some(also), .. }) => fill(&s.either, &[("a", emergency), ("b", also)]),
        Some(r) => r.emergency.to_string(),
    };
    let same_day = region.and_then(|r| r.same_day.as_deref()).unwrap_or(&s.same_day);
    let ed = region.and_then(|r| r.ed.as_deref()).unwrap_or(&s.ed);
    owned(fill(text, &[("emergency", &emergency), ("same_day", same_day), ("ed", ed)]))
}

/// The numbers the emergency outcome's buttons call: the region's, none where it is unknown.
pub fn emergency_calls(region: Option<&Region>) -> Vec<Text> {
    region.map_or_else(Vec::new, |r| std::iter::once(&r.emergency).chain(r.also.as_ref()).cloned().collect())
}

/// The outcome at `level` for this person: its words with the region's numbers, and the
/// numbers a tap calls (the emergency numbers; for urgent, the region's same-day line if
/// it has one; none where the region is unknown).
pub fn outcome(
    kb: &KnowledgeBase,
    region: Option<&Region>,
    level: TriageLevel,
    action: &Text,
    flags: &[&RedFlag],
    person: Person,
) -> Outcome {
    let g = kb.guidance(level);
    // At an emergency only its own warnings are said in full: a lower one's "see a doctor
    // today" beside "call the ambulance now" reads as a choice between the two (review 30
    // P1). What a lower one says not to do, or to do before help comes (say steroids are
    // taken, no more lithium, keep the blood thinner), is still said, as its `do_not`
    // (review 32 S2), after the emergency's own. The interrupt screen and the results
    // both come through here, so they say the same.
    let emergency = level == TriageLevel::Emergency;
    let mut lines = Vec::with_capacity(flags.len());
    for f in flags {
        if emergency && f.level < level {
            continue;
        }
        let text = match &f.do_not {
            Some(dont) => joined(&f.guidance, " ", dont),
            None => f.guidance.clone(),
        };
        lines.push(marked(Mark::Flag, &f.id, &f.title, numbers(kb, &text, region)));
    }
    for f in flags.iter().filter(|f| emergency && f.level < level) {
        if let Some(dont) = &f.do_not {
            lines.push(marked(Mark::Flag, &f.id, &f.title, numbers(kb, dont, region)));
        }
    }
    // The emergency's waiting lines are for an ambulance on its way (unlock the door, call
    // again): not shown when a warning's own first step sends the person to A&E or a
    // team's 24-hour line instead (review 17 S5).
    let warnings_own = kb.red_flags.iter().any(|f| f.level == level && f.action.as_ref() == Some(action));
    let mut while_waiting = Vec::new();
    if level != TriageLevel::Emergency || !warnings_own {
        for w in g.map_or(&[][..], |g| &g.while_waiting[..]) {
            while_waiting.push(numbers(kb, w, region));
        }
    }
    let mut action_lines = action.split('\n');
    let first = action_lines.next().unwrap_or_default();
    let mut safety_net = Vec::new();
    for l in action_lines {
        safety_net.push(numbers(kb, &owned(l.to_string()), region));
    }
    Outcome {
        level,
        heading: g.map(|g| numbers(kb, person.them(&g.heading, g.heading_them.as_ref()), region)).unwrap_or_default(),
        action: if safety_net.is_empty() {
            numbers(kb, action, region)
        } else {
            numbers(kb, &owned(first.to_string()), region)
        },
        safety_net,
        call: match level {
            TriageLevel::Emergency => emergency_calls(region),
            TriageLevel::Urgent => region.and_then(|r| r.urgent.clone()).into_iter().collect(),
            _ => Vec::new(),
        },
        flags: lines,
        tell: None,
        while_waiting,
    }
}

/// What the interrupt screen shows for `journey`: the warnings not yet acknowledged, at
/// the level of the most urgent, with what to do at that level in the words for these
/// answers. `None` when every warning that holds has been seen.
pub fn interruption(kb: &KnowledgeBase, region: Option<&Region>, journey: &Journey) -> Option<Outcome> {
    let unseen = journey.unseen(kb);
    let level = unseen.first()?.level;
    let cleaned = Cleaned::new(kb, &journey.answers);
    // Before the results: no foods are shown yet.
    let action = triage_action(kb, level, &cleaned, false).cloned().unwrap_or_default();
    Some(outcome(kb, region, level, &action, &unseen, Person::of(kb, &cleaned)))
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

pub fn report(kb: &KnowledgeBase, region: Option<&Region>, answers: &Answers, a: &Assessment) -> Report {
    let ui = &kb.ui;
    let them = a.person != Person::Myself;
    let pick = |you, other| if them { other } else { you };
    let mut flags = Vec::new();
    for id in &a.red_flags {
        if let Some(f) = kb.red_flag(id) {
            flags.push(f);
        }
    }
    let mut standout = Vec::new();
    let mut about = Vec::new();
    let mut supplements = Vec::new();
    for m in &a.nutrients {
        let Some(n) = kb.nutrient(&m.id) else { continue };
        let mut why = Vec::new();
        for r in &m.reasons {
            why.push(line(r.clone()));
        }
        let mut blocks = vec![block(Some(&ui.why), why)];
        // Shown for its blood test only (it may be low or high): no foods, no food tips.
        if !m.test_only {
            let mut foods = food_lines(kb, n, &m.foods);
            for t in n.absorption_tips.iter() {
                foods.push(line(t.clone()));
            }
            blocks.push(block(Some(pick(&ui.foods, &ui.foods_them)), foods));
        }
        standout.push(Standout {
            id: m.id.clone(),
            name: n.name.clone(),
            strength: m.strength,
            // Shown for its blood test only: it may be low or high, so no strength and no
            // link to its page, whose foods would read as a way to raise it.
            label: if m.test_only { ui.test_only.clone() } else { strength_label(kb, m.strength).clone() },
            read_about: if m.test_only {
                Text::default()
            } else {
                owned(fill(&ui.read_about, &[("name", &in_sentence(&n.name))]))
            },
            blocks,
        });
        about.push(block(Some(&n.name), facts(kb, n, a.young)));
        supplements.push(led(&n.name, n.supplement_caution.clone()));
    }
    let mut withheld_lines = Vec::new();
    withheld(&mut withheld_lines, kb, a);
    // Beside a same-day or emergency warning there is no supplements section: what the
    // answers say not to take (potassium with kidney disease) joins what is not suggested.
    let warning = a.triage >= TriageLevel::Urgent;
    let cautions = if warning { &mut withheld_lines } else { &mut supplements };
    advice_lines(kb, region, cautions, &kb.supplement_cautions, &a.supplement_cautions);

    let mut folds = Vec::new();
    let mut fold = |name, title: &Text, print, blocks: Vec<Block>| {
        if blocks.iter().any(|b| !b.lines.is_empty()) {
            folds.push(Fold { name, title: title.clone(), print, blocks, lang: None });
        }
    };
    fold("about", &ui.about_these, false, about);
    fold("supplements", &ui.supplements, false, vec![block(None, supplements)]);
    for (name, title, list, shown, print) in [
        ("causes", &ui.causes, &kb.other_causes, &a.other_causes, false),
        ("medicines", pick(&ui.medicines, &ui.medicines_them), &kb.medicine_notes, &a.medicine_notes, false),
        ("tips", &ui.tips, &kb.lifestyle, &a.lifestyle, true),
    ] {
        let mut lines = Vec::new();
        advice_lines(kb, region, &mut lines, list, shown);
        fold(name, title, print, vec![block(None, lines)]);
    }
    fold(DOCTOR, pick(&ui.doctor, &ui.doctor_them), true, doctor(kb, region, answers, a));
    let mut cited = Vec::new();
    for s in sources(kb, a) {
        let mut l = line(joined(&s.title, ", ", &s.publisher));
        l.mark = Mark::Source;
        l.id = s.id.clone();
        l.url = Some(s.url.clone());
        cited.push(l);
    }
    fold("sources", &ui.sources, false, vec![block(None, cited), block(None, vec![line(content_version(kb))])]);

    let no_nutrients = if a.nutrients_deferred {
        // "Not due to a lack of a nutrient" is said only where no warning may be one.
        let may_be = flags.iter().any(|f| !f.may_be_low.is_empty());
        Some(Line { mark: Mark::Deferred, ..line(if may_be { &ui.deferred_checked } else { &ui.deferred }.clone()) })
    } else if standout.is_empty() {
        Some(Line { mark: Mark::NoNutrient, ..line(ui.nothing_stands_out.clone()) })
    } else {
        None
    };
    let mut steps = Vec::new();
    for step in next_steps(kb, a) {
        steps.push(numbers(kb, &step_text(kb, &step, a.person), region));
    }
    let pattern = a.pattern.as_deref().and_then(|id| kb.pattern(id)).map(|p| PatternLine {
        id: p.id.clone(),
        title: a.person.them(&p.title, p.title_them.as_ref()).clone(),
        text: p.text.clone(),
        tonight: p.tonight.clone(),
        not_diagnosis: ui.not_diagnosis.clone(),
    });
    // Its title stays among the warnings in the doctor's part, said in full or not.
    let mut outcome = outcome(kb, region, a.triage, &a.action, &flags, a.person);
    outcome.tell = tell_clinician(kb, answers, a);
    Report {
        pattern,
        pattern_first: a.triage < TriageLevel::Urgent,
        outcome,
        steps,
        standout,
        no_nutrients,
        withheld: withheld_lines,
        folds,
        copy_words: CopyWords::of(kb),
    }
}

/// "Tell them about a water tablet …: potassium and magnesium may be low, so a blood test
/// may be needed": the answers behind the direct causes the person can't put right alone,
/// in the person's words; with none (a diet or daylight behind the shortfall's own sign),
/// the diet, time outdoors and vitamins. `None` when no nutrient is named.
fn tell_clinician(kb: &KnowledgeBase, answers: &Answers, a: &Assessment) -> Option<Line> {
    if a.for_clinician.is_empty() {
        return None;
    }
    let cleaned = Cleaned::new(kb, answers);
    let (mut causes, mut names): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for m in &a.for_clinician {
        if let Some(n) = kb.nutrient(&m.id) {
            names.push(in_sentence(&n.name));
        }
        // The direct causes behind the match, in the knowledge base's order (as `evidence`).
        for e in kb.evidence.iter().filter(|e| e.direct && !e.self_managed && m.evidence.contains(&e.id)) {
            for (q, c) in cleaned.chosen() {
                let named = |r: &Reference| !r.negated && r.question == q.id && r.choice == c.id;
                if !e.when.iter().any(|clause| clause.iter().any(named)) {
                    continue;
                }
                let label = lower_first(a.person.label(c));
                if !causes.contains(&label) {
                    causes.push(label);
                }
            }
        }
    }
    let causes: Vec<&str> = causes.iter().map(String::as_str).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let ui = &kb.ui;
    let template = if causes.is_empty() { &ui.tell_clinician_own } else { &ui.tell_clinician };
    let text = fill(template, &[("causes", &list_words(&causes, &ui.and)), ("names", &list_words(&names, &ui.and))]);
    Some(line(owned(text)))
}

/// One of the things to do now, as a sentence.
fn step_text(kb: &KnowledgeBase, step: &NextStep, person: Person) -> Text {
    let ui = &kb.ui;
    let mut names: Vec<String> = Vec::new();
    let (template, name, last) = match step {
        NextStep::Advice(advice) => {
            return advice
                .action
                .as_ref()
                .map(|you| person.them(you, advice.action_them.as_ref()).clone())
                .unwrap_or_default()
        }
        NextStep::Tests(tests) => {
            for t in tests {
                names.push(t.plain.to_string());
            }
            (person.them(&ui.ask_tests, Some(&ui.ask_tests_them)), String::new(), &ui.and)
        }
        NextStep::Foods(n, foods) => {
            for f in foods {
                names.push(in_sentence(&f.name));
            }
            (person.them(&ui.add_foods, Some(&ui.add_foods_them)), in_sentence(&n.name), &ui.or)
        }
    };
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let list = list_words(&names, last);
    owned(fill(template, &[("name", &name), ("tests", &list), ("foods", &list)]))
}

fn advice_lines(kb: &KnowledgeBase, region: Option<&Region>, out: &mut Vec<Line>, list: &[Advice], ids: &[Text]) {
    for id in ids {
        if let Some(x) = list.iter().find(|x| x.id == *id) {
            out.push(marked(Mark::Advice, &x.id, &x.title, numbers(kb, &x.text, region)));
        }
    }
}

fn withheld(out: &mut Vec<Line>, kb: &KnowledgeBase, a: &Assessment) {
    for n in a.withheld.iter().filter_map(|id| kb.nutrient(id)) {
        let lead = owned(fill(&kb.ui.not_suggested, &[("name", &n.name)]));
        out.push(marked(Mark::Withheld, &n.id, &lead, n.withhold_reason.clone().unwrap_or_default()));
    }
}

/// Foods rich in `n`, each with its amount per serving, any note, and any caution.
pub fn food_lines(kb: &KnowledgeBase, n: &Nutrient, foods: &[FoodSuggestion]) -> Vec<Line> {
    let mut lines = Vec::new();
    if foods.is_empty() {
        lines.push(line(kb.ui.no_foods.clone()));
    }
    for s in foods {
        let Some(f) = kb.food(&s.id) else { continue };
        let mut per = fill(&kb.ui.amount, &[("amount", &amount(s.amount)), ("unit", &n.unit), ("serving", &f.serving)]);
        if let Some(note) = &f.note {
            per.push_str(". ");
            per.push_str(note);
        }
        let mut l = marked(Mark::Food, &f.id, &f.name, owned(per));
        l.warning = s.caution.as_deref().and_then(|tag| kb.food_caution(tag)).map(|c| c.note.clone());
        lines.push(l);
    }
    lines
}

/// What a nutrient does, how a shortfall shows in the legs, how much is needed (not
/// adults' figures for the `young`), who runs low and which medicines lower it.
pub fn facts(kb: &KnowledgeBase, n: &Nutrient, young: bool) -> Vec<Line> {
    let ui = &kb.ui;
    let mut lines = vec![
        line(n.role.clone()),
        led(&ui.signs, n.legs.clone()),
        led(&ui.need, if young { ui.child_need.clone() } else { n.daily_need.clone() }),
        led(&ui.risk, owned(join(&mut n.risk_groups.iter().map(|s| s.as_ref()), "; "))),
    ];
    if !n.depleting_medicines.is_empty() {
        lines.push(led(&ui.lowered_by, owned(join(&mut n.depleting_medicines.iter().map(|s| s.as_ref()), "; "))));
    }
    lines
}

/// A nutrient's page, read without taking the quiz: its facts, foods rich in it for a
/// diet, where supplements can harm, and its sources.
pub fn nutrient_page(kb: &KnowledgeBase, n: &Nutrient, foods: &[FoodSuggestion]) -> Vec<Block> {
    let ui = &kb.ui;
    let mut cited = Vec::new();
    for s in n.sources.iter().filter_map(|id| kb.source(id)) {
        let mut l = line(joined(&s.title, ", ", &s.publisher));
        l.url = Some(s.url.clone());
        cited.push(l);
    }
    vec![
        block(None, facts(kb, n, false)),
        block(Some(&ui.foods), food_lines(kb, n, foods)),
        block(Some(&ui.supplements), vec![line(n.supplement_caution.clone())]),
        block(Some(&ui.sources), cited),
    ]
}

/// "For your doctor": the outcome, warning signs, the answers that say something, the
/// nutrients and why, tests worth considering and the medicines that matter.
pub fn doctor(kb: &KnowledgeBase, region: Option<&Region>, answers: &Answers, a: &Assessment) -> Vec<Block> {
    let ui = &kb.ui;
    let cleaned = Cleaned::new(kb, answers);
    let urgency =
        kb.guidance(a.triage).map(|g| a.person.them(&g.heading, g.heading_them.as_ref()).clone()).unwrap_or_default();
    let mut flags = Vec::new();
    for f in a.red_flags.iter().filter_map(|id| kb.red_flag(id)) {
        flags.push(line(f.title.clone()));
    }
    let mut answered = Vec::new();
    for q in cleaned.asked() {
        let mut labels = String::new();
        for c in cleaned.choices_of(&q.id).filter(|c| !c.exclusive && !c.neutral) {
            if !labels.is_empty() {
                labels.push_str("; ");
            }
            labels.push_str(a.person.label(c));
        }
        if !labels.is_empty() {
            answered.push(led(a.person.prompt(q), owned(labels)));
        }
    }
    let mut nutrients = Vec::new();
    // With an urgent or emergency outcome, the nutrients named for the clinician only.
    for m in a.nutrients.iter().chain(&a.for_clinician) {
        let Some(n) = kb.nutrient(&m.id) else { continue };
        let lead = owned([n.name.as_ref(), " (", strength_label(kb, m.strength), ")"].concat());
        nutrients.push(Line {
            lead: Some(lead),
            text: owned(join(&mut m.reasons.iter().map(|s| s.as_ref()), " ")),
            ..Line::default()
        });
    }
    if nutrients.is_empty() {
        nutrients.push(line(ui.summary_none.clone()));
    }
    withheld(&mut nutrients, kb, a);
    let mut tests = Vec::new();
    for t in a.lab_tests.iter().filter_map(|id| kb.lab_test(id)) {
        tests.push(marked(Mark::Test, &t.id, &t.name, t.why.clone()));
    }
    let mut medicines = Vec::new();
    advice_lines(kb, region, &mut medicines, &kb.medicine_notes, &a.medicine_notes);
    let mut blocks = vec![
        block(None, vec![line(ui.doctor_lead.clone()), line(content_version(kb))]),
        block(Some(&ui.summary_urgency), vec![line(urgency)]),
        block(Some(&ui.summary_flags), flags),
        block(Some(&ui.summary_answers), answered),
        block(Some(&ui.summary_nutrients), nutrients),
        block(Some(&ui.summary_tests), tests),
        block(Some(&ui.summary_medicines), medicines),
    ];
    blocks.retain(|b| !b.lines.is_empty());
    blocks
}

/// The knowledge base's version and its last and next review dates, in the person's words.
pub fn content_version(kb: &KnowledgeBase) -> Text {
    owned(fill(
        &kb.ui.content_version,
        &[("version", &kb.version), ("reviewed", &kb.reviewed), ("next", &kb.next_review)],
    ))
}

/// Blocks as plain text, for Copy and for pasting into a letter or a record. `date` is
/// given by the caller (`YYYY-MM-DD`) so this stays pure.
pub fn plain_text(kb: &KnowledgeBase, blocks: &[Block], cited: &[Line], date: &str) -> String {
    write_plain(&CopyWords::of(kb), blocks, cited, date)
}

fn write_plain(words: &CopyWords, blocks: &[Block], cited: &[Line], date: &str) -> String {
    let mut out = String::new();
    for part in [&*words.title, &fill(&words.date, &[("date", date)]), &*words.made_by, &*words.version] {
        out.push_str(part);
        out.push('\n');
    }
    let sources = block(Some(&words.sources), cited.to_vec());
    // Headed blocks only: the line above them says whom to show them to.
    for b in blocks.iter().chain([&sources]) {
        let Some(heading) = &b.heading else { continue };
        out.push('\n');
        out.push_str(heading);
        out.push_str(":\n");
        for l in &b.lines {
            out.push_str("- ");
            if let Some(lead) = &l.lead {
                out.push_str(lead);
                out.push_str(": ");
            }
            out.push_str(&l.text);
            for extra in [&l.warning, &l.url].into_iter().flatten() {
                out.push(' ');
                out.push_str(extra);
            }
            out.push('\n');
        }
    }
    out
}
