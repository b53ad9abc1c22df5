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
];

/// Fewest foods each nutrient must offer in total, to vegans, and under every diet.
const MIN_FOODS_PER_NUTRIENT: usize = 8;
const MIN_VEGAN_FOODS: usize = 3;
const MIN_FOODS_PER_DIET: usize = 3;

/// Returns every problem found; an empty list means the knowledge base is sound.
pub fn validate(kb: &KnowledgeBase) -> Vec<String> {
    let mut errors = Vec::new();
    let mut err = |msg: String| errors.push(msg);

    let source_ids: BTreeSet<&str> = kb.sources.iter().map(|s| s.id.as_ref()).collect();
    let nutrient_ids: BTreeSet<&str> = kb.nutrients.iter().map(|n| n.id.as_ref()).collect();
    let test_ids: BTreeSet<&str> = kb.lab_tests.iter().map(|t| t.id.as_ref()).collect();

    for (kind, ids) in [
        ("source", kb.sources.iter().map(|x| x.id.as_ref()).collect::<Vec<_>>()),
        ("nutrient", kb.nutrients.iter().map(|x| x.id.as_ref()).collect()),
        ("food", kb.foods.iter().map(|x| x.id.as_ref()).collect()),
        ("diet", kb.diets.iter().map(|x| x.id.as_ref()).collect()),
        ("question", kb.questions.iter().map(|x| x.id.as_ref()).collect()),
        ("evidence", kb.evidence.iter().map(|x| x.id.as_ref()).collect()),
        ("red flag", kb.red_flags.iter().map(|x| x.id.as_ref()).collect()),
        ("lifestyle tip", kb.lifestyle.iter().map(|x| x.id.as_ref()).collect()),
        ("other cause", kb.other_causes.iter().map(|x| x.id.as_ref()).collect()),
        ("medicine note", kb.medicine_notes.iter().map(|x| x.id.as_ref()).collect()),
        ("supplement caution", kb.supplement_cautions.iter().map(|x| x.id.as_ref()).collect()),
        ("lab test", kb.lab_tests.iter().map(|x| x.id.as_ref()).collect()),
    ] {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                err(format!("{kind} `{id}` is defined twice"));
            }
            // Source ids are citation keys (ODS_MG); everything else is snake_case.
            let fits = |c: char| {
                c.is_ascii_digit() || c == '_' || c.is_ascii_lowercase() || (kind == "source" && c.is_ascii_uppercase())
            };
            if id.is_empty() || !id.chars().all(fits) {
                err(format!("{kind} `{id}`: ids must be snake_case"));
            }
        }
    }

    let check_sources = |what: String, sources: &[Text], err: &mut dyn FnMut(String)| {
        if sources.is_empty() {
            err(format!("{what} names no source"));
        }
        for s in sources {
            if !source_ids.contains(s.as_ref()) {
                err(format!("{what} cites unknown source `{s}`"));
            }
        }
    };

    // Triage guidance: exactly one per level.
    for level in TriageLevel::ALL {
        let n = kb.triage.iter().filter(|t| t.level == level).count();
        if n != 1 {
            err(format!("triage level `{}` has {n} guidance entries, expected 1", level.id()));
        }
    }
    for t in kb.triage.iter() {
        if t.heading.trim().is_empty() || t.action.trim().is_empty() {
            err(format!("triage `{}` has no heading or action", t.level.id()));
        }
        check_sources(format!("triage `{}`", t.level.id()), &t.sources, &mut err);
    }
    let s = &kb.strength;
    if !(s.strong > s.moderate && s.moderate > s.possible && s.possible > 0) {
        err("strength thresholds must satisfy strong > moderate > possible > 0".into());
    }

    // Questions and the references conditions make to them.
    if !(12..=20).contains(&kb.questions.len()) {
        err(format!("there are {} questions; the quiz asks 12 to 20", kb.questions.len()));
    }
    let mut referenced: BTreeSet<String> = BTreeSet::new();
    let mut check_condition = |what: &str, cond: &Condition, before: Option<usize>, err: &mut dyn FnMut(String)| {
        for clause in cond.iter() {
            if clause.is_empty() {
                err(format!("{what}: a condition clause is empty"));
            }
            for reference in clause.iter() {
                let (qid, cid) = (reference.question.as_ref(), reference.choice.as_ref());
                let plain = format!("{qid}.{cid}");
                let Some(qpos) = kb.questions.iter().position(|q| q.id == qid) else {
                    err(format!("{what}: `{reference}` names unknown question `{qid}`"));
                    continue;
                };
                if kb.questions[qpos].choice(cid).is_none() {
                    err(format!("{what}: `{reference}` names unknown choice `{cid}`"));
                }
                if let Some(limit) = before {
                    if qpos >= limit {
                        err(format!("{what}: show_if must refer to an earlier question, not `{qid}`"));
                    }
                }
                referenced.insert(plain);
            }
        }
    };
    for (pos, q) in kb.questions.iter().enumerate() {
        let what = format!("question `{}`", q.id);
        if q.prompt.trim().is_empty() || q.error.trim().is_empty() {
            err(format!("{what} has no prompt or no error message"));
        }
        // An error that names a choice ("… or ‘None of these’") names one that exists.
        if let Some((_, quoted)) = q.error.split_once('‘') {
            let named = quoted.split('’').next().unwrap_or_default();
            if !q.choices.iter().any(|c| c.exclusive && c.label.starts_with(named)) {
                err(format!("{what}: the error names ‘{named}’, which is not a choice that stands alone"));
            }
        }
        if q.choices.len() < 2 {
            err(format!("{what} has fewer than two choices"));
        }
        check_condition(&what, &q.show_if, Some(pos), &mut err);
        if q.part == 0 || q.part as usize > kb.parts.len() {
            err(format!("{what} is in part {}, but the quiz has parts 1 to {}", q.part, kb.parts.len()));
        }
        if pos > 0 && q.part < kb.questions[pos - 1].part {
            err(format!("{what} is in part {}, after a question in a later part", q.part));
        }
        let mut seen = BTreeSet::new();
        for c in q.choices.iter() {
            if !seen.insert(c.id.as_ref()) {
                err(format!("{what}: choice `{}` is defined twice", c.id));
            }
            if c.label.trim().is_empty() {
                err(format!("{what}: choice `{}` has no label", c.id));
            }
            if let Some(d) = &c.diet {
                if kb.diet(d).is_none() {
                    err(format!("{what}: choice `{}` sets unknown diet `{d}`", c.id));
                }
            }
            for tag in c.excludes.iter().chain(c.cautions.iter()) {
                if !KNOWN_FOOD_TAGS.contains(&tag.as_ref()) {
                    err(format!("{what}: choice `{}` uses unknown food tag `{tag}`", c.id));
                }
            }
            for tag in c.cautions.iter() {
                if kb.food_caution(tag).is_none() {
                    err(format!("{what}: choice `{}` turns on caution `{tag}`, which has no note", c.id));
                }
            }
            if c.exclusive && q.kind == QuestionKind::Single {
                err(format!("{what}: choice `{}` is exclusive in a single-choice question", c.id));
            }
        }
    }

    // Rules: evidence, red flags, advice, tests.
    for e in kb.evidence.iter() {
        let what = format!("evidence `{}`", e.id);
        if !nutrient_ids.contains(e.nutrient.as_ref()) {
            err(format!("{what} points to unknown nutrient `{}`", e.nutrient));
        }
        if e.weight == 0 {
            err(format!("{what} has weight 0"));
        }
        if e.reason.trim().is_empty() {
            err(format!("{what} gives no reason"));
        }
        if e.when.is_empty() {
            err(format!("{what} has no condition"));
        }
        if e.supports_only && e.weight < 0 {
            err(format!("{what} is supports_only but lowers the score"));
        }
        check_condition(&what, &e.when, None, &mut err);
        check_sources(what, &e.sources, &mut err);
    }
    for f in kb.red_flags.iter() {
        let what = format!("red flag `{}`", f.id);
        if f.title.trim().is_empty() || f.guidance.trim().is_empty() {
            err(format!("{what} has no title or guidance"));
        }
        if f.when.is_empty() {
            err(format!("{what} has no condition"));
        }
        check_condition(&what, &f.when, None, &mut err);
        check_sources(what, &f.sources, &mut err);
    }
    for (kind, list) in [
        ("lifestyle tip", &kb.lifestyle),
        ("other cause", &kb.other_causes),
        ("medicine note", &kb.medicine_notes),
        ("supplement caution", &kb.supplement_cautions),
    ] {
        for a in list.iter() {
            let what = format!("{kind} `{}`", a.id);
            if a.title.trim().is_empty() || a.text.trim().is_empty() {
                err(format!("{what} has no title or text"));
            }
            for n in a.nutrients.iter() {
                if !nutrient_ids.contains(n.as_ref()) {
                    err(format!("{what} names unknown nutrient `{n}`"));
                }
            }
            for t in a.tests.iter() {
                if kb.lab_test(t).is_none() {
                    err(format!("{what} names unknown lab test `{t}`"));
                }
            }
            if !a.tests.is_empty() && a.action.is_none() {
                err(format!("{what} has tests but no action asking for them"));
            }
            check_condition(&what, &a.when, None, &mut err);
            check_sources(what, &a.sources, &mut err);
        }
    }
    for n in kb.nutrients.iter() {
        check_condition(&format!("nutrient `{}`", n.id), &n.withhold_when, None, &mut err);
    }
    for g in kb.triage.iter() {
        let what = format!("triage `{}`", g.level.id());
        check_condition(&what, &g.unless, None, &mut err);
        for v in g.variants.iter() {
            check_condition(&format!("{what} variant"), &v.when, None, &mut err);
            check_condition(&format!("{what} variant"), &v.unless, None, &mut err);
        }
        // With every wording passed over, the person would be told to act on their own answer.
        if !g.unless.is_empty() && !g.variants.iter().any(|v| v.unless.is_empty()) {
            err(format!("{what}: its action has `unless`, so a variant without one must follow"));
        }
    }
    check_condition("young_when", &kb.young_when, None, &mut err);
    if kb.regions.is_empty() {
        err("there are no regions: the call buttons need a number".into());
    }
    for r in kb.regions.iter() {
        for number in std::iter::once(&r.emergency).chain(r.urgent.as_ref()) {
            if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
                err(format!("region `{}`: `{number}` is not a number to dial", r.id));
            }
        }
    }
    for p in kb.patterns.iter() {
        let what = format!("pattern `{}`", p.id);
        if p.when.is_empty() {
            err(format!("{what} has no condition: it would be said to everyone"));
        }
        for r in p.replaces.iter() {
            if !kb.lifestyle.iter().any(|t| t.id == *r) {
                err(format!("{what} replaces unknown tip `{r}`"));
            }
        }
        check_condition(&what, &p.when, None, &mut err);
        check_sources(what, &p.sources, &mut err);
    }
    for t in kb.lab_tests.iter() {
        let what = format!("lab test `{}`", t.id);
        check_condition(&what, &t.when, None, &mut err);
        check_sources(what, &t.sources, &mut err);
    }

    // Every choice has an effect, or says it deliberately has none.
    for q in kb.questions.iter() {
        for c in q.choices.iter() {
            let used = referenced.contains(&format!("{}.{}", q.id, c.id))
                || c.diet.is_some()
                || !c.excludes.is_empty()
                || !c.cautions.is_empty();
            if !used && !c.neutral {
                err(format!(
                    "question `{}`: choice `{}` has no effect; use it in a rule or mark it `neutral`",
                    q.id, c.id
                ));
            }
        }
    }

    // Nutrients and their foods.
    for n in kb.nutrients.iter() {
        let what = format!("nutrient `{}`", n.id);
        for (field, text) in [
            ("role", &n.role),
            ("legs", &n.legs),
            ("daily_need", &n.daily_need),
            ("supplement_caution", &n.supplement_caution),
        ] {
            if text.trim().is_empty() {
                err(format!("{what} has an empty `{field}`"));
            }
        }
        if !kb.evidence.iter().any(|e| e.nutrient == n.id && e.weight > 0 && !e.supports_only) {
            err(format!("{what} has no rule that can point to it (every rule is supports_only)"));
        }
        if n.risk_groups.is_empty() {
            err(format!("{what} lists no risk groups"));
        }
        // No blood test is fine where none tells a dietary shortfall (calcium: the blood
        // level stays normal until bones give it up); a test named must exist.
        for t in n.tests.iter() {
            if !test_ids.contains(t.as_ref()) {
                err(format!("{what} names unknown lab test `{t}`"));
            }
        }
        if !matches!(n.unit.as_ref(), "mg" | "mcg" | "µg") {
            err(format!("{what} has unit `{}`; expected mg or mcg", n.unit));
        }
        if !n.withhold_when.is_empty() && n.withhold_reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            err(format!("{what} can be withheld but gives no reason"));
        }
        check_sources(what.clone(), &n.sources, &mut err);

        let foods: Vec<&Food> = kb.foods.iter().filter(|f| f.amount(&n.id).is_some()).collect();
        if foods.len() < MIN_FOODS_PER_NUTRIENT {
            err(format!("{what} has {} foods, needs at least {MIN_FOODS_PER_NUTRIENT}", foods.len()));
        }
        for diet in kb.diets.iter() {
            let fits = foods.iter().filter(|f| !f.tags.iter().any(|t| diet.excludes.contains(t))).count();
            let needed = if diet.id == "vegan" { MIN_VEGAN_FOODS.max(MIN_FOODS_PER_DIET) } else { MIN_FOODS_PER_DIET };
            if fits < needed {
                err(format!("{what} has {fits} foods for diet `{}`, needs at least {needed}", diet.id));
            }
        }
    }
    if kb.diet("vegan").is_none() {
        err("no `vegan` diet is defined".into());
    }
    for f in kb.foods.iter() {
        let what = format!("food `{}`", f.id);
        if f.amounts.is_empty() {
            err(format!("{what} gives no nutrient amounts"));
        }
        for (nid, amount) in f.amounts.iter() {
            if !nutrient_ids.contains(nid.as_ref()) {
                err(format!("{what} gives an amount for unknown nutrient `{nid}`"));
            }
            if !(amount.is_finite() && *amount > 0.0) {
                err(format!("{what}: amount of `{nid}` must be positive"));
            }
        }
        for tag in f.tags.iter() {
            if !KNOWN_FOOD_TAGS.contains(&tag.as_ref()) {
                err(format!("{what} has unknown tag `{tag}`"));
            }
        }
        if f.serving.trim().is_empty() {
            err(format!("{what} has no serving"));
        }
        check_sources(what, &f.sources, &mut err);
    }
    for d in kb.diets.iter() {
        for tag in d.excludes.iter() {
            if !KNOWN_FOOD_TAGS.contains(&tag.as_ref()) {
                err(format!("diet `{}` excludes unknown tag `{tag}`", d.id));
            }
        }
    }
    for c in kb.food_cautions.iter() {
        check_sources(format!("food caution `{}`", c.tag), &c.sources, &mut err);
    }
    errors
}
