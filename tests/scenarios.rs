//! Clinical scenarios: vignettes written from public sources (NHS, NICE CKS, NIH ODS, Mayo
//! Clinic, AAFP, AASM, Cochrane) are run through `assess`, and the results are scored like a
//! triage audit: exact and acceptable triage, under- and over-triage, self-care kept as
//! self-care, quiet results when nothing points to a nutrient, whether the expected nutrient
//! ranks in the top two, whether anything unsafe for the person is shown, and whether what
//! must be said is said. The nutrients counted (top two, quiet, forbidden) are those the
//! results name, as the person and their doctor read them: the list with foods, or, at an
//! urgent or emergency outcome that shows none, the nutrients named for the clinician
//! (safety/triage-policy.md, "A warning sign that may be the shortfall itself").
//!
//! The vignettes live in `tests/scenarios.toml` and state what a clinician would expect, not
//! what the scoring happens to produce: 59 earlier ones, and 89 written independently from
//! public sources (in two rounds) before anyone looked at the engine's output on them. Run with
//! `cargo test --test scenarios -- --nocapture` to see the accuracy table even when
//! everything passes.
// Native only: these use the file system and TOML, which the wasm target lacks.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{KnowledgeBase, QuestionKind, TriageLevel, KNOWN_FOOD_TAGS};
use leg_pain_quiz::quiz::{assess, is_complete, visible_questions, Answers, Assessment, Cleaned};
use leg_pain_quiz::report::{report, Block};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The safety and accuracy bars the knowledge base must clear. No emergency or urgent case
/// may be triaged lower than expected, and nothing forbidden may be shown: those gates have
/// no threshold.
const MIN_ACCEPTABLE_TRIAGE: f64 = 0.97;
const MAX_OVER_TRIAGE: f64 = 0.10;
const MIN_EXACT_SELF_CARE: f64 = 0.85;
const MIN_QUIET_WHEN_NO_NUTRIENT: f64 = 0.90;
const MIN_TOP_TWO_HITS: f64 = 0.90;
const MIN_MUST_SAY: f64 = 0.95;
/// What the suite must cover.
const MIN_SCENARIOS: usize = 100;
const MIN_TOP_TWO_PER_NUTRIENT: usize = 4;
const MIN_NO_NUTRIENT_CASES: usize = 10;
const MIN_CHILDREN: usize = 10;
const MIN_SELF_CARE: usize = 15;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Suite {
    /// Sources the independent scenarios cite that the knowledge base doesn't (id -> where).
    scenario_sources: BTreeMap<String, String>,
    scenario: Vec<Scenario>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    id: String,
    /// The red-flag or case group (independent scenarios).
    #[serde(default)]
    group: Option<String>,
    /// The key fact was one the questionnaire could not express when the story was written.
    #[serde(default)]
    #[allow(dead_code)]
    outside: bool,
    summary: String,
    /// Question id → choice ids, as the person would answer.
    answers: BTreeMap<String, Vec<String>>,
    /// The level a clinician would give.
    triage: TriageLevel,
    /// Neighbouring levels that are also defensible.
    #[serde(default)]
    acceptable: Vec<TriageLevel>,
    /// At least one of these must rank in the top two; empty when there is no nutritional angle.
    top_two: Vec<String>,
    /// No nutrient at all should be shown.
    #[serde(default)]
    no_nutrient: bool,
    #[serde(default)]
    forbidden_nutrients: Vec<String>,
    #[serde(default)]
    forbidden_foods: Vec<String>,
    #[serde(default)]
    forbidden_food_tags: Vec<String>,
    #[serde(default)]
    required_cautions: Vec<String>,
    #[serde(default)]
    required_flags: Vec<String>,
    #[serde(default)]
    required_advice: Vec<String>,
    #[serde(default)]
    required_tests: Vec<String>,
    /// What the results must tell the person: each line is alternatives separated by ` | `,
    /// each alternative parts joined by ` + ` that must all appear, matched without case
    /// against the English results text the person sees (see [`results_text`]).
    #[serde(default)]
    must_say: Vec<String>,
    sources: Vec<String>,
}

impl Scenario {
    fn answers(&self) -> Answers {
        let mut answers = Answers::new();
        for (question, choices) in &self.answers {
            answers.set(question, choices.clone());
        }
        answers
    }

    fn accepts(&self, level: TriageLevel) -> bool {
        level == self.triage || self.acceptable.contains(&level)
    }

    fn is_child(&self) -> bool {
        self.answers.get("age").is_some_and(|a| a.iter().any(|c| c == "under_3" || c == "under_13" || c == "13_17"))
    }
}

fn kb() -> KnowledgeBase {
    leg_pain_quiz::knowledge::embedded()
}

fn suite() -> Suite {
    toml::from_str(include_str!("scenarios.toml"))
        .unwrap_or_else(|e| panic!("tests/scenarios.toml does not parse: {e}"))
}

/// The held-out scenarios: scored and printed, never gated or tuned against.
fn held_out() -> Suite {
    toml::from_str(include_str!("heldout.toml")).unwrap_or_else(|e| panic!("tests/heldout.toml does not parse: {e}"))
}

/// Everything the results show the person, in British English with the UK's numbers, as
/// one lower-case text: the outcome, its warning signs, the steps, the nutrients and their
/// reasons, and every folded section.
fn results_text(kb: &KnowledgeBase, answers: &Answers, a: &Assessment) -> String {
    let region = kb.region("GB").expect("the UK is a region");
    let r = report(kb, Some(region), answers, a);
    let mut t = String::new();
    let mut add = |x: &str| {
        t.push_str(x);
        t.push('\n');
    };
    let o = &r.outcome;
    add(&o.heading);
    add(&o.action);
    o.safety_net.iter().for_each(|x| add(x));
    o.call.iter().for_each(|c| add(c));
    for l in &o.flags {
        l.lead.iter().for_each(|x| add(x));
        add(&l.text);
    }
    o.tell.iter().for_each(|l| add(&l.text));
    o.while_waiting.iter().for_each(|x| add(x));
    r.steps.iter().for_each(|x| add(x));
    let mut blocks: Vec<&Block> = Vec::new();
    for s in &r.standout {
        add(&s.name);
        add(&s.label);
        blocks.extend(&s.blocks);
    }
    r.no_nutrients.iter().for_each(|l| add(&l.text));
    for l in &r.withheld {
        l.lead.iter().for_each(|x| add(x));
        add(&l.text);
    }
    for f in &r.folds {
        add(&f.title);
        blocks.extend(&f.blocks);
    }
    for b in blocks {
        b.heading.iter().for_each(|x| add(x));
        for l in &b.lines {
            l.lead.iter().for_each(|x| add(x));
            add(&l.text);
            l.warning.iter().for_each(|x| add(x));
        }
    }
    normalise(&t)
}

/// Lower case, straight quotes, single spaces: wording, not typography, is compared.
fn normalise(text: &str) -> String {
    let lower = text.to_lowercase().replace(['‘', '’'], "'").replace(['“', '”'], "\"");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether one `must_say` line holds: any alternative whose parts all appear.
fn says(text: &str, line: &str) -> bool {
    line.split(" | ").any(|alt| {
        let parts: Vec<String> = alt.split(" + ").map(normalise).filter(|p| !p.is_empty()).collect();
        !parts.is_empty() && parts.iter().all(|p| text.contains(p.as_str()))
    })
}

fn rank(level: TriageLevel) -> i32 {
    TriageLevel::ALL.len() as i32 - TriageLevel::ALL.iter().position(|l| *l == level).unwrap() as i32
}

/// Every advice entry an assessment shows, by id (lifestyle, other causes, medicine notes).
fn advice_ids(a: &Assessment) -> Vec<&str> {
    a.lifestyle.iter().chain(&a.other_causes).chain(&a.medicine_notes).map(|x| x.as_ref()).collect()
}

/// Everything wrong with how a scenario is written: incomplete or stray answers, unknown ids.
fn problems(kb: &KnowledgeBase, s: &Scenario, extra_sources: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut err = |msg: String| out.push(format!("scenario `{}`: {msg}", s.id));
    if s.summary.trim().is_empty() {
        err("has no summary".into());
    }
    if s.sources.is_empty() {
        err("cites no sources".into());
    }

    // Answers refer to real questions and choices, in a shape the quiz could produce.
    for (qid, choices) in &s.answers {
        let Some(q) = kb.question(qid) else {
            err(format!("answers unknown question `{qid}`"));
            continue;
        };
        if choices.is_empty() {
            err(format!("gives an empty answer to `{qid}`"));
        }
        if q.kind == QuestionKind::Single && choices.len() > 1 {
            err(format!("gives {} choices to single-choice question `{qid}`", choices.len()));
        }
        let mut seen = BTreeSet::new();
        for c in choices {
            if !seen.insert(c) {
                err(format!("repeats choice `{qid}.{c}`"));
            }
            match q.choice(c) {
                None => err(format!("uses unknown choice `{qid}.{c}`")),
                Some(choice) if choice.exclusive && choices.len() > 1 => {
                    err(format!("combines exclusive choice `{qid}.{c}` with others"))
                }
                Some(_) => {}
            }
        }
    }

    // Complete: every question asked is answered, and nothing is answered that isn't asked.
    let answers = s.answers();
    let visible: Vec<&str> = visible_questions(kb, &answers).iter().map(|q| q.id.as_ref()).collect();
    for qid in &visible {
        // Who the answers are about may be left out: a scenario is then about the person
        // answering, as answers saved before the question was asked are.
        if !answers.is_answered(qid) && !Cleaned::new(kb, &answers).is_answered(qid) {
            err(format!("leaves question `{qid}` unanswered, but it would be asked"));
        }
    }
    for qid in s.answers.keys() {
        if kb.question(qid).is_some() && !visible.contains(&qid.as_str()) {
            err(format!("answers `{qid}`, which is not asked for these answers (its show_if fails)"));
        }
    }
    if !is_complete(kb, &answers) {
        err("is not complete according to quiz::is_complete".into());
    }

    // Expectations name real things.
    for level in &s.acceptable {
        // A neighbour, or the one beyond it where the writer judged it defensible (soon for
        // a self-care case): never a level far from the expected one.
        if *level == s.triage || (rank(*level) - rank(s.triage)).abs() > 2 {
            err(format!("lists `{}` as acceptable, which is too far from `{}`", level.id(), s.triage.id()));
        }
    }
    for n in s.top_two.iter().chain(&s.forbidden_nutrients) {
        if kb.nutrient(n).is_none() {
            err(format!("names unknown nutrient `{n}`"));
        }
    }
    for n in &s.top_two {
        if s.forbidden_nutrients.contains(n) {
            err(format!("both expects and forbids nutrient `{n}`"));
        }
    }
    if s.no_nutrient && !s.top_two.is_empty() {
        err("expects no nutrient but names one in top_two".into());
    }
    for f in &s.forbidden_foods {
        if kb.food(f).is_none() {
            err(format!("forbids unknown food `{f}`"));
        }
    }
    for t in &s.forbidden_food_tags {
        if !KNOWN_FOOD_TAGS.contains(&t.as_str()) {
            err(format!("forbids unknown food tag `{t}`"));
        }
    }
    for c in &s.required_cautions {
        if !kb.supplement_cautions.iter().any(|a| &a.id == c) {
            err(format!("requires unknown supplement caution `{c}`"));
        }
    }
    for f in &s.required_flags {
        if kb.red_flag(f).is_none() {
            err(format!("requires unknown red flag `{f}`"));
        }
    }
    for a in &s.required_advice {
        let known =
            kb.lifestyle.iter().chain(kb.other_causes.iter()).chain(kb.medicine_notes.iter()).any(|x| &x.id == a);
        if !known {
            err(format!("requires unknown advice `{a}`"));
        }
    }
    for t in &s.required_tests {
        if kb.lab_test(t).is_none() {
            err(format!("requires unknown lab test `{t}`"));
        }
    }
    for src in &s.sources {
        // A knowledge-base source id, one the file lists, or the address itself.
        if kb.source(src).is_none()
            && !extra_sources.contains_key(src)
            && !src.starts_with("https://")
            && !src.starts_with("http://")
        {
            err(format!("cites unknown source `{src}`"));
        }
    }
    out
}

/// How one scenario fared.
#[derive(Debug)]
struct Outcome {
    id: String,
    expected: TriageLevel,
    actual: TriageLevel,
    exact: bool,
    acceptable: bool,
    /// `Some` only when the scenario has a nutritional angle.
    top_one: Option<bool>,
    top_two: Option<bool>,
    /// `Some` only when no nutrient should show: whether none did.
    quiet: Option<bool>,
    child: bool,
    expected_nutrients: Vec<String>,
    ranked: Vec<String>,
    flags: Vec<String>,
    forbidden_nutrients: Vec<String>,
    forbidden_foods: Vec<String>,
    forbidden_tags: Vec<String>,
    missing_cautions: Vec<String>,
    missing_flags: Vec<String>,
    missing_advice: Vec<String>,
    missing_tests: Vec<String>,
    /// The `must_say` lines the results don't say.
    unsaid: Vec<String>,
    must_say: usize,
}

impl Outcome {
    fn under(&self) -> bool {
        !self.acceptable && self.actual < self.expected
    }

    fn over(&self) -> bool {
        !self.acceptable && self.actual > self.expected
    }

    /// Expected at emergency or urgent but triaged lower than that.
    fn unsafe_triage(&self) -> bool {
        self.expected >= TriageLevel::Urgent && self.actual < self.expected
    }

    fn self_care_case(&self) -> bool {
        self.expected == TriageLevel::SelfCare
    }

    fn missing_anything(&self) -> bool {
        !self.missing_cautions.is_empty()
            || !self.missing_flags.is_empty()
            || !self.missing_advice.is_empty()
            || !self.missing_tests.is_empty()
    }

    fn is_miss(&self) -> bool {
        !self.exact
            || self.top_two == Some(false)
            || self.top_one == Some(false)
            || self.quiet == Some(false)
            || !self.forbidden_nutrients.is_empty()
            || !self.forbidden_foods.is_empty()
            || !self.forbidden_tags.is_empty()
            || self.missing_anything()
            || !self.unsaid.is_empty()
    }

    /// One line naming everything that went wrong.
    fn miss_line(&self) -> String {
        let mut parts = Vec::new();
        if !self.exact {
            let verdict = if self.unsafe_triage() {
                "UNSAFE UNDER-TRIAGE"
            } else if self.under() {
                "under-triage"
            } else if self.over() {
                "over-triage"
            } else {
                "acceptable neighbour"
            };
            parts.push(format!(
                "triage expected {} got {} ({verdict}; flags: [{}])",
                self.expected.id(),
                self.actual.id(),
                self.flags.join(", ")
            ));
        }
        if self.top_two == Some(false) || self.top_one == Some(false) {
            let which = if self.top_two == Some(false) { "top-2 MISS" } else { "top-1 miss" };
            parts.push(format!(
                "{which}: expected one of [{}], ranked [{}]",
                self.expected_nutrients.join(", "),
                self.ranked.join(", ")
            ));
        }
        if self.quiet == Some(false) {
            parts.push(format!("shows nutrients [{}] where none should show", self.ranked.join(", ")));
        }
        if !self.forbidden_nutrients.is_empty() {
            parts.push(format!(
                "shows forbidden nutrients [{}] (ranked [{}])",
                self.forbidden_nutrients.join(", "),
                self.ranked.join(", ")
            ));
        }
        let mut list = |what: &str, items: &[String]| {
            if !items.is_empty() {
                parts.push(format!("{what} [{}]", items.join(", ")));
            }
        };
        list("suggests forbidden foods", &self.forbidden_foods);
        list("suggests foods with forbidden tags", &self.forbidden_tags);
        list("missing cautions", &self.missing_cautions);
        list("missing flags", &self.missing_flags);
        list("missing advice", &self.missing_advice);
        list("missing tests", &self.missing_tests);
        list("doesn't say", &self.unsaid);
        format!("  {}: {}", self.id, parts.join("; "))
    }
}

fn missing(required: &[String], shown: &[impl AsRef<str>]) -> Vec<String> {
    required.iter().filter(|r| !shown.iter().any(|x| x.as_ref() == r.as_str())).cloned().collect()
}

fn evaluate(kb: &KnowledgeBase, s: &Scenario) -> Outcome {
    let answers = s.answers();
    let a: Assessment = assess(kb, &answers);
    let text = results_text(kb, &answers, &a);
    let unsaid: Vec<String> = s.must_say.iter().filter(|line| !says(&text, line)).cloned().collect();
    // The nutrients the results name, as the person and their doctor read them: the list
    // with foods, or, when an urgent or emergency outcome leaves the page without one, the
    // nutrients named for the clinician (the outcome's line and the doctor's summary).
    let named = if a.nutrients.is_empty() { &a.for_clinician } else { &a.nutrients };
    let ranked: Vec<String> = named.iter().map(|m| format!("{}:{}", m.id, m.score)).collect();
    let ids: Vec<&str> = named.iter().map(|m| m.id.as_ref()).collect();
    let has_angle = !s.top_two.is_empty();
    let hit = |n: usize| has_angle.then(|| ids.iter().take(n).any(|id| s.top_two.iter().any(|t| t == id)));

    let mut forbidden_foods = Vec::new();
    let mut forbidden_tags = Vec::new();
    for m in &a.nutrients {
        for food in &m.foods {
            if s.forbidden_foods.iter().any(|f| *f == food.id) {
                forbidden_foods.push(format!("{} (for {})", food.id, m.id));
            }
            let tags = kb.food(&food.id).map(|f| &f.tags[..]).unwrap_or(&[]);
            for tag in tags.iter().filter(|t| s.forbidden_food_tags.iter().any(|x| x == *t)) {
                forbidden_tags.push(format!("{}#{tag} (for {})", food.id, m.id));
            }
        }
    }
    let strs = |list: &[leg_pain_quiz::knowledge::Text]| list.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let (cautions, flags, tests) = (strs(&a.supplement_cautions), strs(&a.red_flags), strs(&a.lab_tests));

    Outcome {
        id: s.id.clone(),
        expected: s.triage,
        actual: a.triage,
        exact: a.triage == s.triage,
        acceptable: s.accepts(a.triage),
        top_one: hit(1),
        top_two: hit(2),
        quiet: s.no_nutrient.then_some(named.is_empty()),
        child: s.is_child(),
        expected_nutrients: s.top_two.clone(),
        ranked,
        flags: flags.clone(),
        forbidden_nutrients: s.forbidden_nutrients.iter().filter(|n| ids.contains(&n.as_str())).cloned().collect(),
        forbidden_foods,
        forbidden_tags,
        missing_cautions: missing(&s.required_cautions, &cautions),
        missing_flags: missing(&s.required_flags, &flags),
        missing_advice: missing(&s.required_advice, &advice_ids(&a)),
        missing_tests: missing(&s.required_tests, &tests),
        unsaid,
        must_say: s.must_say.len(),
    }
}

/// The audit over a set of scenarios.
struct Report {
    outcomes: Vec<Outcome>,
}

impl Report {
    fn new(kb: &KnowledgeBase, scenarios: &[Scenario]) -> Report {
        Report { outcomes: scenarios.iter().map(|s| evaluate(kb, s)).collect() }
    }

    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.outcomes.iter().filter(|o| f(o)).count()
    }

    fn total(&self) -> usize {
        self.outcomes.len()
    }

    fn list_count(&self, f: impl Fn(&Outcome) -> usize) -> usize {
        self.outcomes.iter().map(f).sum()
    }

    fn table(&self) -> String {
        fn pct(n: usize, d: usize) -> String {
            if d == 0 {
                "  n/a".into()
            } else {
                format!("{:5.1}%", 100.0 * n as f64 / d as f64)
            }
        }
        let n = self.total();
        let angle = self.count(|o| o.top_two.is_some());
        let serious = self.count(|o| o.expected >= TriageLevel::Urgent);
        let self_care = self.count(Outcome::self_care_case);
        let no_nutrient = self.count(|o| o.quiet.is_some());
        let children = self.count(|o| o.child);
        let row = |label: &str, hits: usize, of: usize, gate: &str| {
            format!("  {label:<42} {hits:>3}/{of:<3} {}  {gate}\n", pct(hits, of))
        };
        let mut t = format!(
            "Clinical scenario accuracy: {n} scenarios ({serious} expected emergency or urgent, {self_care} self-care, \
             {no_nutrient} where no nutrient should show, {angle} with an expected nutrient, {children} children)\n"
        );
        t += &row("triage exact", self.count(|o| o.exact), n, "");
        t += &row("triage exact or acceptable", self.count(|o| o.acceptable), n, "(gate >= 97%)");
        t += &row("under-triage", self.count(Outcome::under), n, "");
        t += &row("over-triage", self.count(Outcome::over), n, "(gate <= 10%)");
        // The measure: a red-flag case triaged lower than any level its writer accepts.
        t += &row(
            "emergency/urgent below what is accepted",
            self.count(|o| o.expected >= TriageLevel::Urgent && o.under()),
            serious,
            "",
        );
        t += &row(
            "emergency/urgent triaged at or above",
            self.count(|o| o.expected >= TriageLevel::Urgent && !o.unsafe_triage()),
            serious,
            "(gate 100%)",
        );
        t += &row(
            "self-care cases triaged self-care",
            self.count(|o| o.self_care_case() && o.exact),
            self_care,
            "(gate >= 85%)",
        );
        t +=
            &row("no-nutrient cases showing none", self.count(|o| o.quiet == Some(true)), no_nutrient, "(gate >= 90%)");
        t += &row("top-1 nutrient hit", self.count(|o| o.top_one == Some(true)), angle, "");
        t += &row("top-2 nutrient hit", self.count(|o| o.top_two == Some(true)), angle, "(gate >= 90%)");
        t += &row("children: triage exact or acceptable", self.count(|o| o.child && o.acceptable), children, "");
        t += &row("showing forbidden nutrients", self.count(|o| !o.forbidden_nutrients.is_empty()), n, "(gate 0)");
        t += &row("suggesting forbidden foods", self.count(|o| !o.forbidden_foods.is_empty()), n, "(gate 0)");
        t += &row("suggesting foods with forbidden tags", self.count(|o| !o.forbidden_tags.is_empty()), n, "(gate 0)");
        let said = self.list_count(|o| o.must_say - o.unsaid.len());
        t += &row("must_say lines the results say", said, self.list_count(|o| o.must_say), "(gate >= 95%)");
        t += &row(
            "missing a required flag, caution, advice or test",
            self.count(Outcome::missing_anything),
            n,
            "(gate 0)",
        );
        let _ = writeln!(
            t,
            "  items: {} forbidden nutrients, {} forbidden foods, {} forbidden-tag foods, {} missing cautions, \
             {} missing flags, {} missing advice, {} missing tests",
            self.list_count(|o| o.forbidden_nutrients.len()),
            self.list_count(|o| o.forbidden_foods.len()),
            self.list_count(|o| o.forbidden_tags.len()),
            self.list_count(|o| o.missing_cautions.len()),
            self.list_count(|o| o.missing_flags.len()),
            self.list_count(|o| o.missing_advice.len()),
            self.list_count(|o| o.missing_tests.len()),
        );
        t += &self.confusion();
        let misses: Vec<String> = self.outcomes.iter().filter(|o| o.is_miss()).map(Outcome::miss_line).collect();
        if misses.is_empty() {
            t += "Misses: none\n";
        } else {
            let _ = writeln!(t, "Misses ({}):", misses.len());
            for line in misses {
                t += &line;
                t.push('\n');
            }
        }
        t
    }

    /// How many cases of each expected level got each level: the direction of the misses,
    /// in aggregate (what a miss is, case by case, the held-out set never prints).
    fn confusion(&self) -> String {
        let mut t = String::from("  expected \\ given       emergency  urgent    soon routine self_care\n");
        for expected in TriageLevel::ALL {
            let cells: String = TriageLevel::ALL
                .iter()
                .map(|given| format!("{:>8}", self.count(|o| o.expected == expected && o.actual == *given)))
                .collect();
            let _ = writeln!(t, "  {:<20}{cells}", expected.id());
        }
        t
    }

    /// The bars not cleared; empty when the knowledge base passes.
    fn gate_failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        let unsafe_ids: Vec<&str> = self.outcomes.iter().filter(|o| o.unsafe_triage()).map(|o| o.id.as_str()).collect();
        if !unsafe_ids.is_empty() {
            out.push(format!("emergency/urgent scenarios triaged too low: {}", unsafe_ids.join(", ")));
        }
        let ratio = |hits: usize, of: usize| if of == 0 { 1.0 } else { hits as f64 / of as f64 };
        let mut bar = |what: &str, value: f64, min: f64| {
            if value < min {
                out.push(format!("{what} {:.1}% < {:.0}%", value * 100.0, min * 100.0));
            }
        };
        bar("exact or acceptable triage", ratio(self.count(|o| o.acceptable), self.total()), MIN_ACCEPTABLE_TRIAGE);
        // At most MAX_OVER_TRIAGE over-triaged: the same bar, on the share not over-triaged.
        bar("not over-triaged", 1.0 - ratio(self.count(Outcome::over), self.total()), 1.0 - MAX_OVER_TRIAGE);
        bar(
            "must_say lines said",
            ratio(self.list_count(|o| o.must_say - o.unsaid.len()), self.list_count(|o| o.must_say)),
            MIN_MUST_SAY,
        );
        bar(
            "self-care cases kept self-care",
            ratio(self.count(|o| o.self_care_case() && o.exact), self.count(Outcome::self_care_case)),
            MIN_EXACT_SELF_CARE,
        );
        bar(
            "no-nutrient cases showing none",
            ratio(self.count(|o| o.quiet == Some(true)), self.count(|o| o.quiet.is_some())),
            MIN_QUIET_WHEN_NO_NUTRIENT,
        );
        bar(
            "top-2 nutrient hits",
            ratio(self.count(|o| o.top_two == Some(true)), self.count(|o| o.top_two.is_some())),
            MIN_TOP_TWO_HITS,
        );
        let mut zero = |what: &str, f: &dyn Fn(&Outcome) -> bool| {
            let ids: Vec<&str> = self.outcomes.iter().filter(|o| f(o)).map(|o| o.id.as_str()).collect();
            if !ids.is_empty() {
                out.push(format!("{what}: {}", ids.join(", ")));
            }
        };
        zero("forbidden nutrients shown", &|o| !o.forbidden_nutrients.is_empty());
        zero("forbidden foods suggested", &|o| !o.forbidden_foods.is_empty());
        zero("foods with forbidden tags suggested", &|o| !o.forbidden_tags.is_empty());
        zero("required cautions missing", &|o| !o.missing_cautions.is_empty());
        zero("required red flags missing", &|o| !o.missing_flags.is_empty());
        zero("required advice missing", &|o| !o.missing_advice.is_empty());
        zero("required tests missing", &|o| !o.missing_tests.is_empty());
        out
    }
}

#[test]
fn scenarios_are_complete_and_use_real_ids() {
    let kb = kb();
    let suite = suite();
    let mut all = Vec::new();
    let mut ids = BTreeSet::new();
    for s in &suite.scenario {
        if !ids.insert(s.id.as_str()) {
            all.push(format!("scenario id `{}` is used twice", s.id));
        }
        all.extend(problems(&kb, s, &suite.scenario_sources));
    }
    assert!(all.is_empty(), "scenario problems:\n  {}", all.join("\n  "));
}

#[test]
fn scenarios_cover_the_knowledge_base() {
    let kb = kb();
    let scenarios = suite().scenario;
    let mut gaps = Vec::new();
    let mut at_least = |what: &str, have: usize, want: usize| {
        if have < want {
            gaps.push(format!("only {have} {what}, want at least {want}"));
        }
    };
    at_least("scenarios", scenarios.len(), MIN_SCENARIOS);
    at_least("children", scenarios.iter().filter(|s| s.is_child()).count(), MIN_CHILDREN);
    at_least("self-care cases", scenarios.iter().filter(|s| s.triage == TriageLevel::SelfCare).count(), MIN_SELF_CARE);
    at_least("no-nutrient cases", scenarios.iter().filter(|s| s.no_nutrient).count(), MIN_NO_NUTRIENT_CASES);
    for n in kb.nutrients.iter() {
        let uses = scenarios.iter().filter(|s| s.top_two.iter().any(|x| *x == n.id)).count();
        if uses < MIN_TOP_TWO_PER_NUTRIENT {
            gaps.push(format!(
                "nutrient `{}` is expected in top_two {uses} times, want {MIN_TOP_TWO_PER_NUTRIENT}",
                n.id
            ));
        }
    }
    for f in kb.red_flags.iter() {
        if !scenarios.iter().any(|s| s.required_flags.iter().any(|x| *x == f.id)) {
            gaps.push(format!("red flag `{}` is required by no scenario", f.id));
        }
    }
    // Every red-flag group the independent set was asked to cover.
    for group in [
        "sepsis",
        "sick_day",
        "clot",
        "tetanus",
        "child",
        "low_calcium",
        "faint",
        "balance",
        "cauda_equina",
        "limb_ischaemia",
        "stroke",
        "rhabdo",
        "cellulitis",
        "cramp_long",
        "claudication",
        "neuropathy",
        "self_care",
        "medicine",
    ] {
        if !scenarios.iter().any(|s| s.group.as_deref() == Some(group)) {
            gaps.push(format!("no scenario in group `{group}`"));
        }
    }
    // Every diet, food avoided, medicine and condition choice, and every other choice that
    // changes the outcome, is answered by some scenario.
    let chosen = |question: &str, choice: &str| {
        scenarios.iter().any(|s| s.answers.get(question).is_some_and(|cs| cs.iter().any(|c| c == choice)))
    };
    for q in kb.questions.iter() {
        for c in q.choices.iter().filter(|c| !c.neutral) {
            if !chosen(&q.id, &c.id) {
                gaps.push(format!("no scenario answers `{}.{}`", q.id, c.id));
            }
        }
    }
    for level in TriageLevel::ALL {
        if !scenarios.iter().any(|s| s.triage == level) {
            gaps.push(format!("no scenario expects `{}`", level.id()));
        }
    }
    assert!(gaps.is_empty(), "coverage gaps:\n  {}", gaps.join("\n  "));
}

#[test]
fn clinical_accuracy_meets_the_bar() {
    let kb = kb();
    let suite = suite();
    // Malformed scenarios would score meaninglessly; the other test names them.
    let malformed: Vec<String> =
        suite.scenario.iter().flat_map(|s| problems(&kb, s, &suite.scenario_sources)).collect();
    assert!(malformed.is_empty(), "fix the scenarios first:\n  {}", malformed.join("\n  "));
    let report = Report::new(&kb, &suite.scenario);
    let table = report.table();
    println!("{table}");
    // The held-out set: printed beside the tuning set, never gated.
    let held = held_out();
    let malformed: Vec<String> = held.scenario.iter().flat_map(|s| problems(&kb, s, &held.scenario_sources)).collect();
    if malformed.is_empty() {
        println!("HELD-OUT (never tuned against, no gate)\n{}", Report::new(&kb, &held.scenario).table());
    } else {
        println!("HELD-OUT not scored: its answers don't fit this questionnaire:\n  {}", malformed.join("\n  "));
    }
    let failures = report.gate_failures();
    assert!(failures.is_empty(), "clinical accuracy below the bar:\n  {}\n\n{table}", failures.join("\n  "));
}

/// Answers for a calm adult with occasional short cramps: every question asked gets an answer.
fn calm_answers() -> BTreeMap<String, Vec<String>> {
    let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (q, c) in [
        ("age", "18_50"),
        ("sensation", "cramp"),
        ("cramp_pattern", "short"),
        ("leg_signs", "none"),
        ("body_signs", "none"),
        ("since", "months_stable"),
        ("frequency", "occasional"),
        ("legs", "either_leg"),
        ("circumstances", "none"),
        ("sex", "not_say"),
        ("daily_life", "none"),
        ("medicines", "none"),
        ("other_medicines", "ppi"),
        ("conditions", "none"),
        ("diet", "omnivore"),
        ("avoid", "none"),
        ("eats", "none"),
        ("daylight", "none"),
    ] {
        answers.insert(q.into(), vec![c.into()]);
    }
    answers
}

fn wrong_scenario(id: &str, answers: BTreeMap<String, Vec<String>>, triage: TriageLevel) -> Scenario {
    Scenario {
        id: id.into(),
        group: None,
        outside: false,
        summary: "A deliberately wrong expectation.".into(),
        answers,
        triage,
        acceptable: vec![],
        top_two: vec![],
        no_nutrient: false,
        forbidden_nutrients: vec![],
        forbidden_foods: vec![],
        forbidden_food_tags: vec![],
        required_cautions: vec![],
        required_flags: vec![],
        required_advice: vec![],
        required_tests: vec![],
        must_say: vec![],
        sources: vec!["NHS_CRAMPS".into()],
    }
}

/// The audit itself must be able to fail: a deliberately wrong scenario scores as a miss on
/// every count, and every gate rejects it.
#[test]
fn the_accuracy_check_can_fail() {
    let kb = kb();
    let mut wrong = wrong_scenario("deliberately_wrong", calm_answers(), TriageLevel::Emergency);
    wrong.required_cautions = vec!["kidney_no_potassium_magnesium".into()];
    wrong.required_flags = vec!["stroke".into()];
    wrong.required_advice = vec!["alcohol_help".into()];
    wrong.required_tests = vec!["glucose_hba1c".into()];
    wrong.must_say = vec!["cauda equina | ambulance + now".into()];
    assert!(problems(&kb, &wrong, &BTreeMap::new()).is_empty(), "{:?}", problems(&kb, &wrong, &BTreeMap::new()));

    // Forbid exactly what the engine shows, and expect a nutrient it does not rank in the top two.
    let a = assess(&kb, &wrong.answers());
    let top = a.nutrients.first().expect("a long-term PPI and a poor diet point to a nutrient");
    let food = top.foods.first().expect("the top nutrient suggests a food");
    let tag = kb.food(&food.id).and_then(|f| f.tags.first()).cloned();
    let top_two: Vec<&str> = a.nutrients.iter().take(2).map(|m| m.id.as_ref()).collect();
    let absent = kb.nutrients.iter().find(|n| !top_two.contains(&n.id.as_ref())).expect("six nutrients");
    wrong.top_two = vec![absent.id.to_string()];
    wrong.forbidden_nutrients = vec![top.id.to_string()];
    wrong.forbidden_foods = vec![food.id.to_string()];
    wrong.forbidden_food_tags = tag.clone().into_iter().map(|t| t.to_string()).collect();

    // A self-care case that the engine sends elsewhere, and a no-nutrient case that shows one.
    let mut frequent = calm_answers();
    frequent.insert("frequency".into(), vec!["most_nights".into()]);
    let over_called = wrong_scenario("self_care_over_called", frequent, TriageLevel::SelfCare);
    let mut noisy = wrong_scenario("noisy", calm_answers(), a.triage);
    noisy.no_nutrient = true;

    let report = Report::new(&kb, &[wrong, over_called, noisy]);
    let o = &report.outcomes[0];
    assert!(o.is_miss() && !o.exact && !o.acceptable && o.under() && o.unsafe_triage());
    assert_eq!(o.top_two, Some(false));
    assert_eq!(o.forbidden_nutrients, std::slice::from_ref(&top.id.to_string()));
    assert_eq!(o.forbidden_foods.len(), 1);
    assert_eq!(o.forbidden_tags.is_empty(), tag.is_none());
    assert_eq!(o.missing_cautions, ["kidney_no_potassium_magnesium"]);
    assert_eq!(o.missing_flags, ["stroke"]);
    assert_eq!(o.missing_advice, ["alcohol_help"]);
    assert_eq!(o.missing_tests, ["glucose_hba1c"]);
    assert_eq!(o.unsaid, ["cauda equina | ambulance + now"]);
    assert!(!report.outcomes[1].exact, "frequent cramps are not self-care");
    assert_eq!(report.outcomes[2].quiet, Some(false));

    let failures = report.gate_failures().join("\n");
    for expected in [
        "triaged too low: deliberately_wrong",
        "exact or acceptable triage",
        "self-care cases kept self-care 0.0%",
        "no-nutrient cases showing none 0.0%",
        "top-2 nutrient hits 0.0%",
        "forbidden nutrients shown: deliberately_wrong",
        "forbidden foods suggested: deliberately_wrong",
        "required cautions missing: deliberately_wrong",
        "required red flags missing: deliberately_wrong",
        "required advice missing: deliberately_wrong",
        "required tests missing: deliberately_wrong",
        "must_say lines said 0.0%",
        "not over-triaged 66.7% < 90%",
    ] {
        assert!(failures.contains(expected), "missing `{expected}` in:\n{failures}");
    }
    let table = report.table();
    assert!(table.contains("deliberately_wrong: triage expected emergency got"), "{table}");
    assert!(table.contains("UNSAFE UNDER-TRIAGE"), "{table}");
}
