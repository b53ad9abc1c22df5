//! Checks the knowledge base's invariants, with messages that name the broken entry.

use super::model::*;
use std::collections::BTreeSet;

/// Food tags the filters understand. A tag outside this list is a typo.
pub const KNOWN_FOOD_TAGS: &[&str] = &[
    "meat",
    "pork",
    "poultry",
    "fish",
    "shellfish",
    "dairy",
    "egg",
    "honey",
    "nuts",
    "peanuts",
    "soy",
    "gluten",
    "sesame",
    "liver",
    "fish_liver_oil",
    "high_potassium",
    "vitamin_k",
    "fortified",
    // Iron added by the maker (a cereal): left out with haemochromatosis.
    "added_iron",
    "drink",
];

/// Fewest foods each nutrient must offer in total, to vegans, and under every diet.
const MIN_FOODS_PER_NUTRIENT: usize = 8;
const MIN_VEGAN_FOODS: usize = 3;
const MIN_FOODS_PER_DIET: usize = 3;
/// Most choices a question may have: a results link keeps a question's choices as one
/// 64-bit mask (see the engine's `quiz::share`).
pub const MAX_CHOICES: usize = 64;

/// True when English text addresses the person answering about themselves: "you",
/// "your", "I", "my" (words of other languages are not looked for: a translation gives
/// its words for someone else wherever the English does).
pub fn speaks_to_the_person(text: &str) -> bool {
    const WORDS: &[&str] =
        &["you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd", "i", "i'm", "i'd", "my", "myself"];
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| WORDS.iter().any(|x| w.replace('’', "'").eq_ignore_ascii_case(x)))
}

/// The results' lines that have one wording for everyone (no `_them`): they speak of the
/// person's body, symptoms and medicines, so they are worded for anyone ("the cramps",
/// "the leg", "a GP", an imperative without "your"), never "you", "your": a parent reads
/// them of a child. Lines about the one answering ("nothing in your answers", "While you
/// wait") are not listed: the reader is "you" whoever the answers are about. Listed: the
/// disclaimer, the pattern's text, what to do while waiting, the "Why" reasons, a warning
/// sign's title, `guidance` and `do_not`, every advice's title and text (tips, other
/// causes, medicines, supplement cautions), a nutrient's facts and cautions, foods' notes
/// and cautions, and the blood tests' words.
pub fn said_to_anyone(kb: &KnowledgeBase) -> Vec<(String, Text)> {
    let ui = &kb.ui;
    let mut texts = vec![
        ("`disclaimer`".to_string(), kb.disclaimer.clone()),
        ("ui `not_diagnosis`".into(), ui.not_diagnosis.clone()),
        ("ui `doctor_lead`".into(), ui.doctor_lead.clone()),
        ("ui `no_foods`".into(), ui.no_foods.clone()),
    ];
    for p in kb.patterns.iter() {
        texts.push((format!("pattern `{}`: `text`", p.id), p.text.clone()));
        texts.push((format!("pattern `{}`: `tonight`", p.id), p.tonight.clone()));
    }
    for g in kb.triage.iter() {
        for w in g.while_waiting.iter() {
            texts.push((format!("triage `{}`: `while_waiting`", g.level.id()), w.clone()));
        }
    }
    for e in kb.evidence.iter() {
        texts.push((format!("evidence `{}`: `reason`", e.id), e.reason.clone()));
    }
    texts.push(("ui `deferred`".into(), ui.deferred.clone()));
    texts.push(("ui `child_need`".into(), ui.child_need.clone()));
    for f in kb.red_flags.iter() {
        texts.push((format!("red flag `{}`: `title`", f.id), f.title.clone()));
        texts.push((format!("red flag `{}`: `guidance`", f.id), f.guidance.clone()));
        if let Some(dont) = &f.do_not {
            texts.push((format!("red flag `{}`: `do_not`", f.id), dont.clone()));
        }
        if let Some(action) = &f.action {
            texts.push((format!("red flag `{}`: `action`", f.id), action.clone()));
        }
    }
    for (list, advice) in kb.advice_lists() {
        for x in advice.iter() {
            texts.push((format!("{list} `{}`: `title`", x.id), x.title.clone()));
            texts.push((format!("{list} `{}`: `text`", x.id), x.text.clone()));
        }
    }
    for n in kb.nutrients.iter() {
        let what = |field: &str| format!("nutrient `{}`: `{field}`", n.id);
        texts.push((what("role"), n.role.clone()));
        texts.push((what("legs"), n.legs.clone()));
        texts.push((what("daily_need"), n.daily_need.clone()));
        texts.push((what("supplement_caution"), n.supplement_caution.clone()));
        if let Some(r) = &n.withhold_reason {
            texts.push((what("withhold_reason"), r.clone()));
        }
        if let Some(r) = &n.test_only_reason {
            texts.push((what("test_only_reason"), r.clone()));
        }
        for (field, list) in [
            ("risk_groups", &n.risk_groups),
            ("depleting_medicines", &n.depleting_medicines),
            ("absorption_tips", &n.absorption_tips),
        ] {
            for t in list.iter() {
                texts.push((what(field), t.clone()));
            }
        }
    }
    for f in kb.foods.iter() {
        if let Some(note) = &f.note {
            texts.push((format!("food `{}`: `note`", f.id), note.clone()));
        }
    }
    for c in kb.food_cautions.iter() {
        texts.push((format!("food caution `{}`: `note`", c.tag), c.note.clone()));
    }
    for t in kb.lab_tests.iter() {
        texts.push((format!("lab test `{}`: `plain`", t.id), t.plain.clone()));
        texts.push((format!("lab test `{}`: `why`", t.id), t.why.clone()));
    }
    texts
}

/// Returns every problem found; an empty list means the knowledge base is sound.
///
/// Each check is a named method of [`Checks`], run in this order (the order of the
/// messages): the choice-effect check comes after every condition has been read.
/// True when some clause of the condition can only hold through an answer to a question
/// that is not about signs (see `Question::signs`): what someone eats or doesn't, a
/// medicine, a condition, a life stage.
fn rests_on_a_cause(kb: &KnowledgeBase, when: &Condition) -> bool {
    when.iter().any(|clause| clause.iter().all(|r| kb.question(&r.question).is_some_and(|q| !q.signs)))
}

pub fn validate(kb: &KnowledgeBase) -> Vec<String> {
    let mut checks = Checks::new(kb);
    checks.ids_are_unique_and_snake_case();
    checks.triage_has_one_guidance_a_level();
    checks.questions_are_well_formed();
    checks.rules_are_well_formed();
    checks.regions_have_numbers_to_dial();
    checks.lab_tests_are_well_formed();
    checks.every_choice_has_an_effect();
    checks.words_for_someone_else();
    checks.nutrients_have_foods_for_every_diet();
    checks.foods_are_well_formed();
    checks.diets_and_food_cautions_are_well_formed();
    checks.errors
}

/// The base being checked, what the checks have found, and the ids they look up.
struct Checks<'a> {
    kb: &'a KnowledgeBase,
    errors: Vec<String>,
    source_ids: BTreeSet<&'a str>,
    nutrient_ids: BTreeSet<&'a str>,
    test_ids: BTreeSet<&'a str>,
    /// Every `question.choice` some condition names.
    referenced: BTreeSet<String>,
}

impl<'a> Checks<'a> {
    fn new(kb: &'a KnowledgeBase) -> Self {
        Checks {
            kb,
            errors: Vec::new(),
            source_ids: kb.sources.iter().map(|s| s.id.as_ref()).collect(),
            nutrient_ids: kb.nutrients.iter().map(|n| n.id.as_ref()).collect(),
            test_ids: kb.lab_tests.iter().map(|t| t.id.as_ref()).collect(),
            referenced: BTreeSet::new(),
        }
    }

    fn err(&mut self, message: String) {
        self.errors.push(message);
    }

    /// An entry names at least one source, and only known ones.
    fn sources(&mut self, what: &str, sources: &[Text]) {
        if sources.is_empty() {
            self.err(format!("{what} names no source"));
        }
        for s in sources {
            if !self.source_ids.contains(s.as_ref()) {
                self.err(format!("{what} cites unknown source `{s}`"));
            }
        }
    }

    /// A condition names known questions and choices (a `show_if`, with `before` set,
    /// only earlier questions), and has no empty clause. Records what it names.
    fn condition(&mut self, what: &str, cond: &Condition, before: Option<usize>) {
        let kb = self.kb;
        for clause in cond.iter() {
            if clause.is_empty() {
                self.err(format!("{what}: a condition clause is empty"));
            }
            for reference in clause.iter() {
                let (qid, cid) = (reference.question.as_ref(), reference.choice.as_ref());
                let Some(qpos) = kb.questions.iter().position(|q| q.id == qid) else {
                    self.err(format!("{what}: `{reference}` names unknown question `{qid}`"));
                    continue;
                };
                if kb.questions[qpos].choice(cid).is_none() {
                    self.err(format!("{what}: `{reference}` names unknown choice `{cid}`"));
                }
                if before.is_some_and(|limit| qpos >= limit) {
                    self.err(format!("{what}: show_if must refer to an earlier question, not `{qid}`"));
                }
                self.referenced.insert(format!("{qid}.{cid}"));
            }
        }
    }

    fn ids_are_unique_and_snake_case(&mut self) {
        let kb = self.kb;
        let mut lists = vec![
            ("source", kb.sources.iter().map(|x| x.id.as_ref()).collect::<Vec<_>>()),
            ("nutrient", kb.nutrients.iter().map(|x| x.id.as_ref()).collect()),
            ("food", kb.foods.iter().map(|x| x.id.as_ref()).collect()),
            ("diet", kb.diets.iter().map(|x| x.id.as_ref()).collect()),
            ("question", kb.questions.iter().map(|x| x.id.as_ref()).collect()),
            ("evidence", kb.evidence.iter().map(|x| x.id.as_ref()).collect()),
            ("red flag", kb.red_flags.iter().map(|x| x.id.as_ref()).collect()),
            ("lab test", kb.lab_tests.iter().map(|x| x.id.as_ref()).collect()),
        ];
        lists.extend(kb.advice_lists().map(|(kind, list)| (kind, list.iter().map(|x| x.id.as_ref()).collect())));
        for (kind, ids) in lists {
            let mut seen = BTreeSet::new();
            for id in ids {
                if !seen.insert(id) {
                    self.err(format!("{kind} `{id}` is defined twice"));
                }
                // Source ids are citation keys (ODS_MG); everything else is snake_case.
                let fits = |c: char| {
                    c.is_ascii_digit()
                        || c == '_'
                        || c.is_ascii_lowercase()
                        || (kind == "source" && c.is_ascii_uppercase())
                };
                if id.is_empty() || !id.chars().all(fits) {
                    self.err(format!("{kind} `{id}`: ids must be snake_case"));
                }
            }
        }
    }

    /// Triage guidance: exactly one per level, and strength thresholds in order.
    fn triage_has_one_guidance_a_level(&mut self) {
        let kb = self.kb;
        for level in TriageLevel::ALL {
            let n = kb.triage.iter().filter(|t| t.level == level).count();
            if n != 1 {
                self.err(format!("triage level `{}` has {n} guidance entries, expected 1", level.id()));
            }
        }
        for t in kb.triage.iter() {
            if t.heading.trim().is_empty() || t.action.trim().is_empty() {
                self.err(format!("triage `{}` has no heading or action", t.level.id()));
            }
            self.sources(&format!("triage `{}`", t.level.id()), &t.sources);
        }
        let s = &kb.strength;
        if !(s.strong > s.moderate && s.moderate > s.possible && s.possible > 0) {
            self.err("strength thresholds must satisfy strong > moderate > possible > 0".into());
        }
    }

    /// Questions: words, choices, parts in order, and `show_if` naming earlier questions.
    /// There is no cap on how many: a results link holds any number of questions (one
    /// number each), but a question's choices are one bitmask of 64 bits in it.
    fn questions_are_well_formed(&mut self) {
        let kb = self.kb;
        if kb.questions.is_empty() {
            self.err("there are no questions".into());
        }
        for (pos, q) in kb.questions.iter().enumerate() {
            let what = format!("question `{}`", q.id);
            if q.prompt.trim().is_empty() || q.error.trim().is_empty() {
                self.err(format!("{what} has no prompt or no error message"));
            }
            // An error that names a choice ("… or ‘None of these’") names one that exists.
            if let Some((_, quoted)) = q.error.split_once('‘') {
                let named = quoted.split('’').next().unwrap_or_default();
                if !q.choices.iter().any(|c| c.exclusive && c.label.starts_with(named)) {
                    self.err(format!("{what}: the error names ‘{named}’, which is not a choice that stands alone"));
                }
            }
            if q.choices.len() < 2 {
                self.err(format!("{what} has fewer than two choices"));
            }
            for c in q.choices.iter().filter(|c| !c.show_if.is_empty()) {
                self.condition(&format!("{what}, choice `{}`,", c.id), &c.show_if, Some(pos));
            }
            if q.choices.len() > MAX_CHOICES {
                self.err(format!("{what} has {} choices; a results link holds {MAX_CHOICES}", q.choices.len()));
            }
            self.condition(&what, &q.show_if, Some(pos));
            if q.part == 0 || q.part as usize > kb.parts.len() {
                self.err(format!("{what} is in part {}, but the quiz has parts 1 to {}", q.part, kb.parts.len()));
            }
            if pos > 0 && q.part < kb.questions[pos - 1].part {
                self.err(format!("{what} is in part {}, after a question in a later part", q.part));
            }
            self.choices_are_well_formed(&what, q);
        }
    }

    fn choices_are_well_formed(&mut self, what: &str, q: &Question) {
        let kb = self.kb;
        let mut seen = BTreeSet::new();
        for c in q.choices.iter() {
            if !seen.insert(c.id.as_ref()) {
                self.err(format!("{what}: choice `{}` is defined twice", c.id));
            }
            if c.label.trim().is_empty() {
                self.err(format!("{what}: choice `{}` has no label", c.id));
            }
            if let Some(d) = &c.diet {
                if kb.diet(d).is_none() {
                    self.err(format!("{what}: choice `{}` sets unknown diet `{d}`", c.id));
                }
            }
            for tag in c.excludes.iter().chain(c.cautions.iter()) {
                if !KNOWN_FOOD_TAGS.contains(&tag.as_ref()) {
                    self.err(format!("{what}: choice `{}` uses unknown food tag `{tag}`", c.id));
                }
            }
            for tag in c.cautions.iter() {
                if kb.food_caution(tag).is_none() {
                    self.err(format!("{what}: choice `{}` turns on caution `{tag}`, which has no note", c.id));
                }
            }
            if c.exclusive && q.kind == QuestionKind::Single {
                self.err(format!("{what}: choice `{}` is exclusive in a single-choice question", c.id));
            }
        }
    }

    /// Rules: evidence, red flags, advice, and every other condition in the base.
    fn rules_are_well_formed(&mut self) {
        let kb = self.kb;
        for e in kb.evidence.iter() {
            let what = format!("evidence `{}`", e.id);
            if !self.nutrient_ids.contains(e.nutrient.as_ref()) {
                self.err(format!("{what} points to unknown nutrient `{}`", e.nutrient));
            }
            if e.weight == 0 {
                self.err(format!("{what} has weight 0"));
            }
            if e.reason.trim().is_empty() {
                self.err(format!("{what} gives no reason"));
            }
            if e.when.is_empty() {
                self.err(format!("{what} has no condition"));
            }
            if e.direct && e.weight < 0 {
                self.err(format!("{what} is a direct cause but lowers the score"));
            }
            if e.supports_only && e.weight < 0 {
                self.err(format!("{what} is supports_only but lowers the score"));
            }
            // Nutrients by cause: a rule that can make a nutrient appear must rest on a cause
            // (what someone eats, a medicine, a condition, a life stage, a loss), not on signs
            // alone. Signs may only add weight (`supports_only`) or suggest a test.
            if e.weight > 0 && !e.supports_only && !rests_on_a_cause(kb, &e.when) {
                self.err(format!(
                    "{what} can point to a nutrient from signs alone: mark it supports_only or add a cause"
                ));
            }
            self.condition(&what, &e.when, None);
            self.sources(&what, &e.sources);
        }
        for f in kb.red_flags.iter() {
            let what = format!("red flag `{}`", f.id);
            if f.title.trim().is_empty() || f.guidance.trim().is_empty() {
                self.err(format!("{what} has no title or guidance"));
            }
            if f.when.is_empty() {
                self.err(format!("{what} has no condition"));
            }
            for n in f.may_be_low.iter() {
                if !self.nutrient_ids.contains(n.as_ref()) {
                    self.err(format!("{what} names unknown nutrient `{n}`"));
                }
            }
            // A warning gives way only to one above it: the outcome's level never moves.
            for other in f.replaced_by.iter() {
                match kb.red_flags.iter().find(|g| g.id == *other) {
                    Some(g) if g.level > f.level => {}
                    Some(_) => self.err(format!("{what} is replaced by `{other}`, which is not at a higher level")),
                    None => self.err(format!("{what} is replaced by unknown red flag `{other}`")),
                }
            }
            // Only a same-day warning's own step can lead over its level's: an emergency's
            // level action (call the ambulance) is already the most pressing.
            if f.leads && (f.action.is_none() || f.level != TriageLevel::Urgent) {
                self.err(format!("{what} leads but has no `action` or is not `urgent`"));
            }
            // The shortfall's own sign names a nutrient from any cause: one it may be low in,
            // and asks for a GP at least (a routine note is no sign that has gone too far).
            if !f.shortfall_sign.is_empty() && f.level < TriageLevel::Soon {
                self.err(format!("{what} is a shortfall's own sign but is below `soon`"));
            }
            for n in f.shortfall_sign.iter().filter(|n| !f.may_be_low.contains(n)) {
                self.err(format!("{what} is `{n}`'s own sign but doesn't name it in `may_be_low`"));
            }
            self.condition(&what, &f.when, None);
            self.sources(&what, &f.sources);
        }
        for (kind, list) in kb.advice_lists() {
            for a in list.iter() {
                let what = format!("{kind} `{}`", a.id);
                if a.title.trim().is_empty() || a.text.trim().is_empty() {
                    self.err(format!("{what} has no title or text"));
                }
                for n in a.nutrients.iter() {
                    if !self.nutrient_ids.contains(n.as_ref()) {
                        self.err(format!("{what} names unknown nutrient `{n}`"));
                    }
                }
                for t in a.tests.iter() {
                    if kb.lab_test(t).is_none() {
                        self.err(format!("{what} names unknown lab test `{t}`"));
                    }
                }
                if !a.tests.is_empty() && a.action.is_none() {
                    self.err(format!("{what} has tests but no action asking for them"));
                }
                self.condition(&what, &a.when, None);
                self.sources(&what, &a.sources);
            }
        }
        for n in kb.nutrients.iter() {
            self.condition(&format!("nutrient `{}`", n.id), &n.withhold_when, None);
            self.condition(&format!("nutrient `{}`", n.id), &n.test_only_when, None);
        }
        for g in kb.triage.iter() {
            let what = format!("triage `{}`", g.level.id());
            self.condition(&what, &g.unless, None);
            for v in g.variants.iter() {
                self.condition(&format!("{what} variant"), &v.when, None);
                self.condition(&format!("{what} variant"), &v.unless, None);
            }
            // With every wording passed over, the person would be told to act on their own answer.
            if !g.unless.is_empty() && !g.variants.iter().any(|v| v.unless.is_empty()) {
                self.err(format!("{what}: its action has `unless`, so a variant without one must follow"));
            }
        }
        for (list, items) in kb.advice_lists() {
            for a in items.iter() {
                for id in a.not_beside.iter().filter(|id| !kb.red_flags.iter().any(|f| f.id == **id)) {
                    self.err(format!("{list} `{}` is not shown beside unknown red flag `{id}`", a.id));
                }
            }
        }
        for p in kb.patterns.iter() {
            let what = format!("pattern `{}`", p.id);
            if p.when.is_empty() {
                self.err(format!("{what} has no condition: it would be said to everyone"));
            }
            for r in p.replaces.iter() {
                if !kb.lifestyle.iter().any(|t| t.id == *r) {
                    self.err(format!("{what} replaces unknown tip `{r}`"));
                }
            }
            self.condition(&what, &p.when, None);
            self.sources(&what, &p.sources);
        }
        self.condition("young_when", &kb.young_when, None);
        self.condition("them_when", &kb.them_when, None);
        self.condition("child_when", &kb.child_when, None);
        for (pos, q) in kb.questions.iter().enumerate() {
            for c in q.choices.iter().filter(|c| !c.first_when.is_empty()) {
                self.condition(&format!("question `{}`, choice `{}`,", q.id, c.id), &c.first_when, Some(pos));
            }
        }
    }

    /// Every text that speaks to the person ("you", "your", "my") has its words for
    /// someone else, so a parent answering for a child never reads "How old are you?".
    /// The question that asks who the answers are about (named in `them_when`) speaks to
    /// the one answering, and is exempt; so is a choice that stands alone.
    fn words_for_someone_else(&mut self) {
        let kb = self.kb;
        let asks_who = |q: &Question| kb.them_when.iter().flat_map(|c| c.iter()).any(|r| r.question == q.id);
        let mut missing = Vec::new();
        for q in kb.questions.iter().filter(|q| !asks_who(q)) {
            let what = format!("question `{}`", q.id);
            for (field, you, them) in [
                ("prompt", Some(&q.prompt), &q.prompt_them),
                ("hint", q.hint.as_ref(), &q.hint_them),
                ("error", Some(&q.error), &q.error_them),
            ] {
                if you.is_some_and(|t| speaks_to_the_person(t)) && them.is_none() {
                    missing.push(format!("{what}: `{field}` speaks to the person but has no `{field}_them`"));
                }
            }
            for c in q.choices.iter().filter(|c| speaks_to_the_person(&c.label) && c.label_them.is_none()) {
                missing.push(format!("{what}: choice `{}` speaks to the person but has no `label_them`", c.id));
            }
        }
        for g in kb.triage.iter() {
            let what = format!("triage `{}`", g.level.id());
            if speaks_to_the_person(&g.heading) && g.heading_them.is_none() {
                missing.push(format!("{what}: `heading` speaks to the person but has no `heading_them`"));
            }
            let variants = g.variants.iter().map(|v| (&v.action, &v.action_them));
            for (action, them) in std::iter::once((&g.action, &g.action_them)).chain(variants) {
                if speaks_to_the_person(action) && them.is_none() {
                    missing.push(format!("{what}: an `action` speaks to the person but has no `action_them`"));
                }
            }
        }
        let advice = kb.lifestyle.iter().chain(kb.medicine_notes.iter());
        for x in advice.filter(|x| x.action.as_ref().is_some_and(|a| speaks_to_the_person(a))) {
            if x.action_them.is_none() {
                missing.push(format!("advice `{}`: `action` speaks to the person but has no `action_them`", x.id));
            }
        }
        for p in kb.patterns.iter().filter(|p| speaks_to_the_person(&p.title) && p.title_them.is_none()) {
            missing.push(format!("pattern `{}`: `title` speaks to the person but has no `title_them`", p.id));
        }
        for (what, text) in said_to_anyone(kb) {
            if speaks_to_the_person(&text) {
                missing.push(format!(
                    "{what} is said whoever the answers are about, so it can't say “you”: “{text}”; \
                     word it for anyone (“the leg”, “a GP”, an imperative without “your”)"
                ));
            }
        }
        self.errors.extend(missing);
    }

    fn regions_have_numbers_to_dial(&mut self) {
        let kb = self.kb;
        if kb.regions.is_empty() {
            self.err("there are no regions: the call buttons need a number".into());
        }
        for r in kb.regions.iter() {
            for number in std::iter::once(&r.emergency).chain(r.urgent.as_ref()) {
                if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
                    self.err(format!("region `{}`: `{number}` is not a number to dial", r.id));
                }
            }
        }
    }

    fn lab_tests_are_well_formed(&mut self) {
        for t in self.kb.lab_tests.iter() {
            let what = format!("lab test `{}`", t.id);
            self.condition(&what, &t.when, None);
            self.sources(&what, &t.sources);
        }
    }

    /// Every choice has an effect, or says it deliberately has none. Runs after every
    /// condition has been checked (and recorded).
    fn every_choice_has_an_effect(&mut self) {
        for q in self.kb.questions.iter() {
            for c in q.choices.iter() {
                let used = self.referenced.contains(&format!("{}.{}", q.id, c.id))
                    || c.diet.is_some()
                    || !c.excludes.is_empty()
                    || !c.cautions.is_empty();
                if !used && !c.neutral {
                    self.err(format!(
                        "question `{}`: choice `{}` has no effect; use it in a rule or mark it `neutral`",
                        q.id, c.id
                    ));
                }
            }
        }
    }

    /// Nutrients: their words, a rule that can point to them, tests that exist, and
    /// enough foods in total and under every diet.
    fn nutrients_have_foods_for_every_diet(&mut self) {
        let kb = self.kb;
        for n in kb.nutrients.iter() {
            let what = format!("nutrient `{}`", n.id);
            for (field, text) in [
                ("role", &n.role),
                ("legs", &n.legs),
                ("daily_need", &n.daily_need),
                ("supplement_caution", &n.supplement_caution),
            ] {
                if text.trim().is_empty() {
                    self.err(format!("{what} has an empty `{field}`"));
                }
            }
            if !kb.evidence.iter().any(|e| e.nutrient == n.id && e.weight > 0 && !e.supports_only) {
                self.err(format!("{what} has no rule that can point to it (every rule is supports_only)"));
            }
            if n.risk_groups.is_empty() {
                self.err(format!("{what} lists no risk groups"));
            }
            // No blood test is fine where none tells a dietary shortfall (calcium: the blood
            // level stays normal until bones give it up); a test named must exist.
            for t in n.tests.iter() {
                if !self.test_ids.contains(t.as_ref()) {
                    self.err(format!("{what} names unknown lab test `{t}`"));
                }
            }
            if !matches!(n.unit.as_ref(), "mg" | "mcg" | "µg") {
                self.err(format!("{what} has unit `{}`; expected mg or mcg", n.unit));
            }
            if !n.withhold_when.is_empty() && n.withhold_reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                self.err(format!("{what} can be withheld but gives no reason"));
            }
            let test_only = !n.test_only_when.is_empty();
            if test_only && n.test_only_reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                self.err(format!("{what} can be shown for a test only, but gives no reason"));
            }
            self.sources(&what, &n.sources);

            let foods: Vec<&Food> = kb.foods.iter().filter(|f| f.amount(&n.id).is_some()).collect();
            if foods.len() < MIN_FOODS_PER_NUTRIENT {
                self.err(format!("{what} has {} foods, needs at least {MIN_FOODS_PER_NUTRIENT}", foods.len()));
            }
            for diet in kb.diets.iter() {
                let fits = foods.iter().filter(|f| !f.tags.iter().any(|t| diet.excludes.contains(t))).count();
                let needed =
                    if diet.id == "vegan" { MIN_VEGAN_FOODS.max(MIN_FOODS_PER_DIET) } else { MIN_FOODS_PER_DIET };
                if fits < needed {
                    self.err(format!("{what} has {fits} foods for diet `{}`, needs at least {needed}", diet.id));
                }
            }
        }
        if kb.diet("vegan").is_none() {
            self.err("no `vegan` diet is defined".into());
        }
    }

    fn foods_are_well_formed(&mut self) {
        for f in self.kb.foods.iter() {
            let what = format!("food `{}`", f.id);
            if f.amounts.is_empty() {
                self.err(format!("{what} gives no nutrient amounts"));
            }
            for (nid, amount) in f.amounts.iter() {
                if !self.nutrient_ids.contains(nid.as_ref()) {
                    self.err(format!("{what} gives an amount for unknown nutrient `{nid}`"));
                }
                if !(amount.is_finite() && *amount > 0.0) {
                    self.err(format!("{what}: amount of `{nid}` must be positive"));
                }
            }
            for tag in f.tags.iter() {
                if !KNOWN_FOOD_TAGS.contains(&tag.as_ref()) {
                    self.err(format!("{what} has unknown tag `{tag}`"));
                }
            }
            if f.serving.trim().is_empty() {
                self.err(format!("{what} has no serving"));
            }
            self.sources(&what, &f.sources);
        }
    }

    fn diets_and_food_cautions_are_well_formed(&mut self) {
        for d in self.kb.diets.iter() {
            for tag in d.excludes.iter() {
                if !KNOWN_FOOD_TAGS.contains(&tag.as_ref()) {
                    self.err(format!("diet `{}` excludes unknown tag `{tag}`", d.id));
                }
            }
        }
        for c in self.kb.food_cautions.iter() {
            self.sources(&format!("food caution `{}`", c.tag), &c.sources);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::speaks_to_the_person;

    #[test]
    fn the_word_check_sees_you_in_any_form_and_nothing_else() {
        for says in ["Rest your leg.", "If you're breathless, call.", "A wound you’ve forgotten", "YOU", "Ask my GP"]
        {
            assert!(speaks_to_the_person(says), "{says}");
        }
        for neutral in ["Rest the leg.", "If breathless, call.", "young people", "yourselfish", "Mind the dose"] {
            assert!(!speaks_to_the_person(neutral), "{neutral}");
        }
    }
}
