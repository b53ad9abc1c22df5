//! Clinical scenarios: vignettes written from the sourced facts (NHS, NIH ODS, Mayo Clinic,
//! AAFP 2012, AASM 2024) are run through `assess`, and the results are scored like a triage
//! audit: exact and acceptable triage, under- and over-triage, whether the expected nutrient
//! ranks in the top two, and whether anything unsafe for the person is shown.
//!
//! The vignettes live in `tests/scenarios.toml` and state what a clinician would expect, not
//! what the scoring happens to produce. Run with `cargo test --test scenarios -- --nocapture`
//! to see the accuracy table even when everything passes.
// Native only: these use proptest and the file system, which the wasm target lacks.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{KnowledgeBase, QuestionKind, TriageLevel, KNOWN_FOOD_TAGS};
use leg_pain_quiz::quiz::{assess, is_complete, visible_questions, Answers, Assessment};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The safety and accuracy bars the knowledge base must clear.
const MIN_ACCEPTABLE_TRIAGE: f64 = 0.90;
const MIN_TOP_TWO_HITS: f64 = 0.90;
const MIN_SCENARIOS: usize = 44;
const MIN_TOP_TWO_PER_NUTRIENT: usize = 4;
const MIN_NO_NUTRITION_CASES: usize = 5;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Suite {
    scenario: Vec<Scenario>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    id: String,
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
}

fn kb() -> KnowledgeBase {
    KnowledgeBase::embedded()
}

fn scenarios() -> Vec<Scenario> {
    let suite: Suite = toml::from_str(include_str!("scenarios.toml"))
        .unwrap_or_else(|e| panic!("tests/scenarios.toml does not parse: {e}"));
    suite.scenario
}

fn rank(level: TriageLevel) -> i32 {
    TriageLevel::ALL.len() as i32 - TriageLevel::ALL.iter().position(|l| *l == level).unwrap() as i32
}

/// Everything wrong with how a scenario is written: incomplete or stray answers, unknown ids.
fn problems(kb: &KnowledgeBase, s: &Scenario) -> Vec<String> {
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
        if !answers.is_answered(qid) {
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
        if *level == s.triage || (rank(*level) - rank(s.triage)).abs() != 1 {
            err(format!("lists `{}` as acceptable, which is not a neighbour of `{}`", level.id(), s.triage.id()));
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
    for src in &s.sources {
        if kb.source(src).is_none() {
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
    expected_nutrients: Vec<String>,
    ranked: Vec<String>,
    flags: Vec<String>,
    forbidden_nutrients: Vec<String>,
    forbidden_foods: Vec<String>,
    forbidden_tags: Vec<String>,
    missing_cautions: Vec<String>,
    missing_flags: Vec<String>,
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

    fn is_miss(&self) -> bool {
        !self.exact
            || self.top_two == Some(false)
            || self.top_one == Some(false)
            || !self.forbidden_nutrients.is_empty()
            || !self.forbidden_foods.is_empty()
            || !self.forbidden_tags.is_empty()
            || !self.missing_cautions.is_empty()
            || !self.missing_flags.is_empty()
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
        format!("  {}: {}", self.id, parts.join("; "))
    }
}

fn evaluate(kb: &KnowledgeBase, s: &Scenario) -> Outcome {
    let a: Assessment = assess(kb, &s.answers());
    let ranked: Vec<String> = a.nutrients.iter().map(|m| format!("{}:{}", m.id, m.score)).collect();
    let ids: Vec<&str> = a.nutrients.iter().map(|m| m.id.as_ref()).collect();
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

    Outcome {
        id: s.id.clone(),
        expected: s.triage,
        actual: a.triage,
        exact: a.triage == s.triage,
        acceptable: s.accepts(a.triage),
        top_one: hit(1),
        top_two: hit(2),
        expected_nutrients: s.top_two.clone(),
        ranked,
        flags: a.red_flags.iter().map(|f| f.to_string()).collect(),
        forbidden_nutrients: s.forbidden_nutrients.iter().filter(|n| ids.contains(&n.as_str())).cloned().collect(),
        forbidden_foods,
        forbidden_tags,
        missing_cautions: s
            .required_cautions
            .iter()
            .filter(|c| !a.supplement_cautions.iter().any(|x| x == c.as_str()))
            .cloned()
            .collect(),
        missing_flags: s
            .required_flags
            .iter()
            .filter(|f| !a.red_flags.iter().any(|x| x == f.as_str()))
            .cloned()
            .collect(),
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

    fn with_angle(&self) -> usize {
        self.count(|o| o.top_two.is_some())
    }

    fn serious(&self) -> usize {
        self.count(|o| o.expected >= TriageLevel::Urgent)
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
        let (n, k, u) = (self.total(), self.with_angle(), self.serious());
        let row = |label: &str, hits: usize, of: usize, gate: &str| {
            format!("  {label:<38} {hits:>3}/{of:<3} {}  {gate}\n", pct(hits, of))
        };
        let mut t = format!(
            "Clinical scenario accuracy ({n} scenarios, {k} with a nutritional angle, {u} expected emergency/urgent)\n"
        );
        t += &row("triage exact", self.count(|o| o.exact), n, "");
        t += &row("triage exact or acceptable", self.count(|o| o.acceptable), n, "(gate >= 90%)");
        t += &row("under-triage", self.count(Outcome::under), n, "");
        t += &row("over-triage", self.count(Outcome::over), n, "");
        t += &row(
            "emergency/urgent triaged at or above",
            self.count(|o| o.expected >= TriageLevel::Urgent && !o.unsafe_triage()),
            u,
            "(gate 100%)",
        );
        t += &row("top-1 nutrient hit", self.count(|o| o.top_one == Some(true)), k, "");
        t += &row("top-2 nutrient hit", self.count(|o| o.top_two == Some(true)), k, "(gate >= 90%)");
        t += &row(
            "scenarios showing forbidden nutrients",
            self.count(|o| !o.forbidden_nutrients.is_empty()),
            n,
            "(gate 0)",
        );
        t += &row("scenarios suggesting forbidden foods", self.count(|o| !o.forbidden_foods.is_empty()), n, "(gate 0)");
        t += &row("scenarios suggesting forbidden tags", self.count(|o| !o.forbidden_tags.is_empty()), n, "(gate 0)");
        t += &row("scenarios missing required cautions", self.count(|o| !o.missing_cautions.is_empty()), n, "(gate 0)");
        t += &row("scenarios missing required flags", self.count(|o| !o.missing_flags.is_empty()), n, "(gate 0)");
        let _ = writeln!(
            t,
            "  items: {} forbidden nutrients, {} forbidden foods, {} forbidden-tag foods, {} missing cautions, {} missing flags",
            self.list_count(|o| o.forbidden_nutrients.len()),
            self.list_count(|o| o.forbidden_foods.len()),
            self.list_count(|o| o.forbidden_tags.len()),
            self.list_count(|o| o.missing_cautions.len()),
            self.list_count(|o| o.missing_flags.len()),
        );
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

    /// The bars not cleared; empty when the knowledge base passes.
    fn gate_failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        let unsafe_ids: Vec<&str> = self.outcomes.iter().filter(|o| o.unsafe_triage()).map(|o| o.id.as_str()).collect();
        if !unsafe_ids.is_empty() {
            out.push(format!("emergency/urgent scenarios triaged too low: {}", unsafe_ids.join(", ")));
        }
        let ratio = |hits: usize, of: usize| if of == 0 { 1.0 } else { hits as f64 / of as f64 };
        let acceptable = ratio(self.count(|o| o.acceptable), self.total());
        if acceptable < MIN_ACCEPTABLE_TRIAGE {
            out.push(format!(
                "exact or acceptable triage {:.1}% < {:.0}%",
                acceptable * 100.0,
                MIN_ACCEPTABLE_TRIAGE * 100.0
            ));
        }
        let top_two = ratio(self.count(|o| o.top_two == Some(true)), self.with_angle());
        if top_two < MIN_TOP_TWO_HITS {
            out.push(format!("top-2 nutrient hits {:.1}% < {:.0}%", top_two * 100.0, MIN_TOP_TWO_HITS * 100.0));
        }
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
        out
    }
}

#[test]
fn scenarios_are_complete_and_use_real_ids() {
    let kb = kb();
    let scenarios = scenarios();
    let mut all = Vec::new();
    let mut ids = BTreeSet::new();
    for s in &scenarios {
        if !ids.insert(s.id.as_str()) {
            all.push(format!("scenario id `{}` is used twice", s.id));
        }
        all.extend(problems(&kb, s));
    }
    assert!(all.is_empty(), "scenario problems:\n  {}", all.join("\n  "));
}

#[test]
fn scenarios_cover_the_knowledge_base() {
    let kb = kb();
    let scenarios = scenarios();
    let mut gaps = Vec::new();
    if scenarios.len() < MIN_SCENARIOS {
        gaps.push(format!("only {} scenarios, want at least {MIN_SCENARIOS}", scenarios.len()));
    }
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
    let chosen = |question: &str, choice: &str| {
        scenarios.iter().any(|s| s.answers.get(question).is_some_and(|cs| cs.iter().any(|c| c == choice)))
    };
    let wanted: &[(&str, &[&str])] = &[
        ("diet", &["omnivore", "pescatarian", "vegetarian", "vegan"]),
        ("avoid", &["nuts", "peanuts", "fish", "shellfish", "dairy", "egg", "soy", "gluten", "pork"]),
        ("about_you", &["pregnant"]),
        ("age", &["51_70", "over_70"]),
        ("medicines", &["diuretic", "ppi", "metformin", "statin_new", "statin", "k_raising"]),
        ("conditions", &["kidney"]),
    ];
    for (question, choices) in wanted {
        for choice in *choices {
            if !chosen(question, choice) {
                gaps.push(format!("no scenario answers `{question}.{choice}`"));
            }
        }
    }
    let no_angle = scenarios.iter().filter(|s| s.top_two.is_empty()).count();
    if no_angle < MIN_NO_NUTRITION_CASES {
        gaps.push(format!("only {no_angle} scenarios without a nutritional angle, want {MIN_NO_NUTRITION_CASES}"));
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
    let scenarios = scenarios();
    // Malformed scenarios would score meaninglessly; the other test names them.
    let malformed: Vec<String> = scenarios.iter().flat_map(|s| problems(&kb, s)).collect();
    assert!(malformed.is_empty(), "fix the scenarios first:\n  {}", malformed.join("\n  "));
    let report = Report::new(&kb, &scenarios);
    let table = report.table();
    println!("{table}");
    let failures = report.gate_failures();
    assert!(failures.is_empty(), "clinical accuracy below the bar:\n  {}\n\n{table}", failures.join("\n  "));
}

/// The audit itself must be able to fail: a deliberately wrong scenario scores as a miss on
/// every count, and the gates reject it.
#[test]
fn the_accuracy_check_can_fail() {
    let kb = kb();
    let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (q, c) in [
        ("sensation", "cramp"),
        ("cramp_pattern", "short"),
        ("leg_signs", "none"),
        ("body_signs", "none"),
        ("frequency", "occasional"),
        ("legs", "both_legs"),
        ("diet", "omnivore"),
        ("avoid", "none"),
        ("greens_nuts", "rarely"),
        ("dairy", "rarely"),
        ("fruit_veg", "some_days"),
        ("sun", "some"),
        ("fluids", "none"),
        ("activity", "moderate"),
        ("medicines", "ppi"),
        ("conditions", "none"),
        ("about_you", "none"),
        ("age", "18_50"),
    ] {
        answers.insert(q.into(), vec![c.into()]);
    }
    let mut wrong = Scenario {
        id: "deliberately_wrong".into(),
        summary: "A benign cramp story that claims to be an emergency.".into(),
        answers,
        triage: TriageLevel::Emergency,
        acceptable: vec![],
        top_two: vec![],
        forbidden_nutrients: vec![],
        forbidden_foods: vec![],
        forbidden_food_tags: vec![],
        required_cautions: vec!["kidney_no_potassium_magnesium".into()],
        required_flags: vec!["stroke".into()],
        sources: vec!["NHS_CRAMPS".into()],
    };
    assert!(problems(&kb, &wrong).is_empty(), "the wrong scenario should be well formed: {:?}", problems(&kb, &wrong));

    // Forbid exactly what the engine shows, and expect a nutrient it does not rank in the top two.
    let a = assess(&kb, &wrong.answers());
    let top = a.nutrients.first().expect("a PPI user with low intake matches a nutrient");
    let food = top.foods.first().expect("the top nutrient suggests a food");
    let tag = kb.food(&food.id).and_then(|f| f.tags.first()).cloned();
    let top_two: Vec<&str> = a.nutrients.iter().take(2).map(|m| m.id.as_ref()).collect();
    let absent = kb.nutrients.iter().find(|n| !top_two.contains(&n.id.as_ref())).expect("six nutrients");
    wrong.top_two = vec![absent.id.to_string()];
    wrong.forbidden_nutrients = vec![top.id.to_string()];
    wrong.forbidden_foods = vec![food.id.to_string()];
    wrong.forbidden_food_tags = tag.clone().into_iter().map(|t| t.to_string()).collect();

    let report = Report::new(&kb, &[wrong]);
    let o = &report.outcomes[0];
    assert!(o.is_miss() && !o.exact && !o.acceptable && o.under() && o.unsafe_triage());
    assert_eq!(o.top_two, Some(false));
    assert_eq!(o.forbidden_nutrients, std::slice::from_ref(&top.id));
    assert_eq!(o.forbidden_foods.len(), 1);
    assert_eq!(o.forbidden_tags.is_empty(), tag.is_none());
    assert_eq!(o.missing_cautions, ["kidney_no_potassium_magnesium"]);
    assert_eq!(o.missing_flags, ["stroke"]);

    let failures = report.gate_failures().join("\n");
    for expected in [
        "triaged too low: deliberately_wrong",
        "exact or acceptable triage 0.0%",
        "top-2 nutrient hits 0.0%",
        "forbidden nutrients shown: deliberately_wrong",
        "forbidden foods suggested: deliberately_wrong",
        "required cautions missing: deliberately_wrong",
        "required red flags missing: deliberately_wrong",
    ] {
        assert!(failures.contains(expected), "missing `{expected}` in:\n{failures}");
    }
    let table = report.table();
    assert!(table.contains("deliberately_wrong: triage expected emergency got"), "{table}");
    assert!(table.contains("UNSAFE UNDER-TRIAGE"), "{table}");
}
