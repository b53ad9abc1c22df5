//! What the answers add up to: triage, ranked nutrients with reasons, foods that fit the
//! person's diet, and the advice, cautions and tests that apply.

use super::{flags_by_urgency, holds, triage_action, Answers, Cleaned, Person};
use crate::knowledge::{Advice, Food, KnowledgeBase, Source, Strength, Text, TriageLevel};
use serde::{Deserialize, Serialize};

/// Foods suggested per nutrient, richest first.
const FOODS_PER_NUTRIENT: usize = 6;

/// Ids and text are [`Text`]: for the embedded knowledge base they borrow its static
/// strings, so an assessment copies no string at all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub kb_version: Text,
    /// The highest level any answer triggers; it leads the results.
    pub triage: TriageLevel,
    /// The one next step at that level, in the words for this person.
    pub action: Text,
    /// A child or teenager: adults' daily needs are not shown.
    pub young: bool,
    /// Whom the answers are about: the results speak to them ("you") or of them.
    #[serde(default)]
    pub person: Person,
    /// Ids of the red flags that hold, most urgent first.
    pub red_flags: Vec<Text>,
    /// Matched nutrients, strongest first, shown with foods. Empty when nothing points to
    /// one, or when nutrients must wait (`nutrients_deferred`).
    pub nutrients: Vec<NutrientMatch>,
    /// The outcome is urgent or an emergency, or a warning sign that explains the leg
    /// symptoms otherwise holds: no nutrient, food or supplement is shown to the person
    /// until they have been seen.
    pub nutrients_deferred: bool,
    /// When nutrients are deferred, the nutrients whose shortfall may be the warning sign
    /// itself (a flag's `may_be_low`) that a direct cause the person can't put right alone
    /// points to, or any direct cause when the flag is the shortfall's own sign (`shortfall_sign`),
    /// ranked like `nutrients`: named for the clinician only (a line in the outcome and the
    /// doctor's summary, with the blood tests), never with foods or a supplement.
    #[serde(default)]
    pub for_clinician: Vec<NutrientMatch>,
    /// Nutrients never suggested because more could harm (ids; the reason is in the knowledge base).
    pub withheld: Vec<Text>,
    pub lifestyle: Vec<Text>,
    pub other_causes: Vec<Text>,
    pub medicine_notes: Vec<Text>,
    pub supplement_cautions: Vec<Text>,
    pub lab_tests: Vec<Text>,
    /// Food tags left out because of diet, allergies or pregnancy.
    pub excluded_food_tags: Vec<Text>,
    /// The recognised pattern the answers fit (growing pains, restless legs, …), if any:
    /// never when the outcome is urgent or an emergency.
    #[serde(default)]
    pub pattern: Option<Text>,
}

impl NutrientMatch {
    /// Its blood test is worth asking for: a test-only match, or one that stands out
    /// enough to check with a cause a doctor looks at (a medicine, an illness, a telling
    /// sign). A cause the person can put right alone (a diet, daylight, pregnancy's cramps)
    /// brings foods, not a test, as it sends no one to a doctor (safety/triage-policy.md).
    pub fn worth_a_test(&self, kb: &KnowledgeBase) -> bool {
        self.test_only
            || self.strength >= kb.strength.routine_at && (self.medical_cause || self.triage >= TriageLevel::Routine)
    }
}

impl Assessment {
    /// The advice shown, by id, in the order of [`KnowledgeBase::advice_lists`].
    pub fn advice_shown(&self) -> [&Vec<Text>; 4] {
        [&self.lifestyle, &self.other_causes, &self.medicine_notes, &self.supplement_cautions]
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NutrientMatch {
    pub id: Text,
    pub strength: Strength,
    pub score: i32,
    /// A direct, well-established cause points to it (not only weaker causes and signs):
    /// such nutrients rank first, then by `score` (safety/triage-policy.md).
    #[serde(default)]
    pub direct: bool,
    /// A direct cause the person can't put right alone (a medicine, poor absorption, a
    /// loss) points to it: such nutrients lead the direct ones.
    #[serde(default)]
    pub medical_cause: bool,
    /// Shown for its blood test only (`test_only_when`: it may be low or high), with no foods.
    #[serde(default)]
    pub test_only: bool,
    /// How soon this match alone suggests being seen: from its lasting causes only.
    pub triage: TriageLevel,
    /// Ids of the evidence rules that held, and their plain-words reasons.
    pub evidence: Vec<Text>,
    pub reasons: Vec<Text>,
    pub foods: Vec<FoodSuggestion>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoodSuggestion {
    pub id: Text,
    /// Amount of the nutrient per serving, in the nutrient's unit.
    pub amount: f64,
    /// A caution tag (e.g. `high_potassium`) when the answers ask for care with this food.
    pub caution: Option<Text>,
}

/// The first recognised pattern that fits, unless the outcome is urgent or an
/// emergency: then the warning sign is all the results lead with. A pattern that calls
/// itself harmless is passed over beside a warning that sends the person to a doctor.
fn pattern(kb: &KnowledgeBase, triage: TriageLevel, selected: &Cleaned) -> Option<Text> {
    if triage >= TriageLevel::Urgent {
        return None;
    }
    let warned = triage >= TriageLevel::Soon;
    kb.patterns.iter().find(|p| !(p.harmless && warned) && holds(&p.when, selected)).map(|p| p.id.clone())
}

/// Scores the answers against the knowledge base. Pure and deterministic; the answers
/// are cleaned first (see [`Cleaned`]), so raw and cleaned answers assess the same.
pub fn assess(kb: &KnowledgeBase, answers: &Answers) -> Assessment {
    // Plain loops rather than iterator chains: each chain is its own copy of code in the
    // wasm, and this function is on the size budget.
    let selected = Cleaned::new(kb, answers);
    let excluded = excluded_tags(kb, &selected);
    let cautions = caution_tags(&selected);
    // Which foods the person eats, and which need a caution, worked out once for all nutrients.
    let mut eligible: Vec<(&Food, Option<&Text>)> = Vec::new();
    for f in kb.foods.iter() {
        if !f.tags.iter().any(|t| excluded.contains(&t)) {
            eligible.push((f, f.tags.iter().find(|t| cautions.contains(t))));
        }
    }

    let flags = flags_by_urgency(kb, &selected, TriageLevel::SelfCare);
    // At a same-day or emergency outcome, or beside a warning that defers them, the person
    // is shown no nutrient, food or supplement: the warning comes first, and foods beside it
    // invite delay. A nutrient whose shortfall may be the warning sign itself is named for
    // the clinician only, and only from a direct cause the person can't put right alone,
    // or from any direct cause when the sign is the shortfall's own (rickets' bowed legs)
    // (safety/triage-policy.md, "A warning sign that may be the shortfall itself").
    let warning = flags.first().is_some_and(|f| f.level >= TriageLevel::Urgent);
    let nutrients_deferred = warning || flags.iter().any(|f| f.defers_nutrients);
    let mut nutrients: Vec<NutrientMatch> = Vec::new();
    let mut for_clinician: Vec<NutrientMatch> = Vec::new();
    let mut withheld = Vec::new();
    let pain_explained = kb.patterns.iter().any(|p| p.explains_pain && holds(&p.when, &selected));
    for n in kb.nutrients.iter() {
        let withhold = !n.withhold_when.is_empty() && holds(&n.withhold_when, &selected);
        // Shown for its blood test only, never beside a warning (safety/triage-policy.md): a
        // withheld one with a cause that lowers it beside one that raises it (a blood test
        // tells which), one that food can't put right (B12 with pernicious anaemia), or one
        // to take only once a test shows it low (iron with sickle cell disease), which beside
        // a warning is named for the clinician as any other.
        let test_only = !nutrients_deferred && !n.test_only_when.is_empty() && holds(&n.test_only_when, &selected);
        if withhold && !test_only {
            withheld.push(n.id.clone());
            continue;
        }
        // Held back with the warning unless a warning that holds may be this shortfall; its
        // own classic sign (bowed legs, pallor: `shortfall_sign`) names it from any direct
        // cause, one the person could otherwise put right too (a diet, little daylight).
        let (mut listed, mut own_sign) = (false, false);
        for f in &flags {
            if f.may_be_low.contains(&n.id) {
                listed = true;
                own_sign |= f.shortfall_sign.contains(&n.id);
            }
        }
        if nutrients_deferred && !listed {
            continue;
        }
        // Named for the clinician otherwise only from a direct cause the person can't put
        // right alone (neck surgery, not a diet without dairy: safety/triage-policy.md).
        let (mut score, mut direct, mut pointed, mut named) = (0, false, false, false);
        // Lasting causes: all, and whether a direct one the person can't put right alone (a
        // medicine, poor absorption, a loss) or a telling sign holds: without one, causes the
        // person can put right send no one to a doctor.
        let (mut lasting, mut needs_a_doctor) = (0, false);
        let (mut evidence, mut reasons) = (Vec::new(), Vec::new());
        // Shown for its blood test only: that reason comes first, before what may lower it.
        if test_only {
            reasons.extend(n.test_only_reason.clone());
        }
        for e in kb.evidence.iter().filter(|e| e.nutrient == n.id) {
            if !holds(&e.when, &selected) {
                continue;
            }
            score += e.weight;
            // Only a rule that points makes a nutrient direct: an age or a sign never does.
            direct |= e.direct && !e.supports_only && e.weight > 0;
            named |= e.direct && !e.supports_only && !e.self_managed && e.weight > 0;
            // How soon to be seen comes from lasting causes only: a passing cause (a stomach
            // bug), a sign or an age adds weight to the match but sends no one to a doctor by
            // itself, nor does a cause the person puts right alone (diet, daylight) unless a
            // cause they can't is there too (safety/triage-policy.md).
            if !e.transient && !e.supports_only {
                lasting += e.weight;
                needs_a_doctor |= e.direct && !e.self_managed && e.weight > 0;
            }
            // A telling sign of the shortfall (aching bones, tingling feet, pallor) is a reason
            // to test even when the cause is one the person could put right (NICE CKS vitamin D).
            // Not aching that a harmless pattern explains (growing pains, a growing child's
            // sports knee): the child at risk takes the daily vitamin D (NHS vitamin D), no
            // test first; restless legs, tingling or pallor still ask for theirs
            // (safety/triage-policy.md).
            needs_a_doctor |=
                e.supports_only && e.weight >= 2 && e.telling_sign.get() && !(pain_explained && e.pain_sign);
            if e.weight > 0 {
                // Something in the answers must point here; a common sign alone never does.
                pointed |= !e.supports_only;
                evidence.push(e.id.clone());
                reasons.push(e.reason.clone());
            }
        }
        let Some(strength) =
            strength_of(kb, score).filter(|_| pointed && (named || (own_sign && direct) || !nutrients_deferred))
        else {
            continue;
        };
        let triage = match strength_of(kb, if needs_a_doctor { lasting } else { 0 }) {
            Some(Strength::Strong) => n.strong_means,
            Some(s) if s >= kb.strength.routine_at => TriageLevel::Routine,
            // Shown for its blood test only: the test is the next step.
            _ if test_only => TriageLevel::Routine,
            _ => TriageLevel::SelfCare,
        };
        let m = NutrientMatch {
            id: n.id.clone(),
            strength,
            score,
            direct,
            medical_cause: named,
            test_only,
            triage,
            evidence,
            reasons,
            foods: if nutrients_deferred || test_only { Vec::new() } else { suggest_foods(&eligible, &n.id) },
        };
        // A direct cause the person can't put right (a medicine, poor absorption, a loss)
        // first, then any direct cause, then the whole score (signs and weaker causes never
        // lift a nutrient above one with a direct cause); ties keep the knowledge base's
        // order: inserted in place (six at most, and a general sort costs kilobytes in the wasm).
        let list = if nutrients_deferred { &mut for_clinician } else { &mut nutrients };
        let key = |x: &NutrientMatch| (x.medical_cause, x.direct, x.score);
        let at = list.iter().position(|x| key(x) < key(&m)).unwrap_or(list.len());
        list.insert(at, m);
    }

    let mut triage = flags.first().map_or(TriageLevel::SelfCare, |f| f.level);
    let mut tested: Vec<&Text> = Vec::new();
    for m in nutrients.iter().chain(&for_clinician) {
        triage = triage.max(m.triage);
        // A nutrient named for the clinician is named for its blood test.
        if nutrients_deferred || m.worth_a_test(kb) {
            if let Some(n) = kb.nutrient(&m.id) {
                tested.extend(n.tests.iter());
            }
        }
    }
    // A warning that may be a shortfall asks for its blood test even where the nutrient
    // isn't named (a cause that lowers it beside one that raises it: the test tells which).
    for id in &withheld {
        if let Some(n) = kb.nutrient(id).filter(|_| flags.iter().any(|f| f.may_be_low.contains(id))) {
            tested.extend(n.tests.iter());
        }
    }
    let mut advice: [Vec<&Advice>; 4] = Default::default();
    // Beside a same-day or emergency warning no tip names a supplement (vitamin D drops read
    // as a treatment for the leg), nor beside a nutrient named for the clinician (none before
    // its blood test), and no care at home with its own timescale is offered: the warning
    // comes first.
    let no_supplement = warning || !for_clinician.is_empty();
    // Advice for a nutrient shows only with it, so beside a same-day or emergency warning
    // only what the answers alone call for is said (what not to take with kidney disease).
    // At an emergency, tips for everyday life and gentler explanations would sit between
    // the person and the call, and a gentler cause can falsely reassure (review 42 P1, P2):
    // they aren't weighed at all. What to tell the crew about a medicine, and what a
    // supplement could harm, stay.
    let emergency = triage == TriageLevel::Emergency;
    for (out, (name, list)) in advice.iter_mut().zip(kb.advice_lists()) {
        if emergency && (name == "lifestyle" || name == "other_causes") {
            continue;
        }
        for a in list.iter() {
            let for_nutrient =
                a.nutrients.is_empty() || a.nutrients.iter().any(|n| nutrients.iter().any(|m| m.id == *n));
            let contradicted = a.not_beside.iter().any(|id| flags.iter().any(|f| f.id == *id));
            let unsaid = (a.supplement && no_supplement) || (a.home_care && warning) || contradicted;
            if for_nutrient && !unsaid && holds(&a.when, &selected) {
                tested.extend(a.tests.iter());
                out.push(a);
            }
        }
    }
    let mut lab_tests = Vec::new();
    for t in kb.lab_tests.iter() {
        if tested.contains(&&t.id) || (!t.when.is_empty() && holds(&t.when, &selected)) {
            lab_tests.push(t.id.clone());
        }
    }
    // No two parts of the results disagree about tests: a note saying none is needed
    // gives way when one is suggested.
    let [lifestyle, other_causes, medicine_notes, supplement_cautions] = advice.map(|list| {
        list.into_iter().filter(|a| !a.no_tests || lab_tests.is_empty()).map(|a| a.id.clone()).collect::<Vec<Text>>()
    });
    let flag_led = triage == TriageLevel::Routine && flags.iter().any(|f| f.level == TriageLevel::Routine);
    let mut red_flags = Vec::new();
    for f in &flags {
        red_flags.push(f.id.clone());
    }
    Assessment {
        kb_version: kb.version.clone(),
        triage,
        // Foods are offered only where some are shown, and never when a warning sets a
        // routine level or a nutrient is shown for its blood test only: the next step is then
        // the GP or nurse, not food ideas (safety/triage-policy.md).
        action: triage_action(
            kb,
            triage,
            &selected,
            nutrients.iter().all(|m| !m.test_only) && nutrients.iter().any(|m| !m.foods.is_empty()) && !flag_led,
        )
        .cloned()
        .unwrap_or_default(),
        young: holds(&kb.young_when, &selected),
        person: Person::of(kb, &selected),
        red_flags,
        nutrients,
        nutrients_deferred,
        for_clinician,
        withheld,
        lifestyle,
        other_causes,
        medicine_notes,
        supplement_cautions,
        lab_tests,
        excluded_food_tags: excluded.into_iter().cloned().collect(),
        pattern: pattern(kb, triage, &selected),
    }
}

fn strength_of(kb: &KnowledgeBase, score: i32) -> Option<Strength> {
    let t = &kb.strength;
    if score >= t.strong {
        Some(Strength::Strong)
    } else if score >= t.moderate {
        Some(Strength::Moderate)
    } else if score >= t.possible {
        Some(Strength::Possible)
    } else {
        None
    }
}

/// Food tags the person's diet, allergies and circumstances leave out (a short list:
/// comparing a dozen short strings is quicker than any set).
fn excluded_tags<'kb>(kb: &'kb KnowledgeBase, selected: &Cleaned<'kb>) -> Vec<&'kb Text> {
    let mut tags = Vec::new();
    for (_, c) in selected.chosen() {
        add_unique(&mut tags, &c.excludes);
        if let Some(diet) = c.diet.as_deref().and_then(|d| kb.diet(d)) {
            add_unique(&mut tags, &diet.excludes);
        }
    }
    tags
}

fn caution_tags<'kb>(selected: &Cleaned<'kb>) -> Vec<&'kb Text> {
    let mut tags = Vec::new();
    for (_, c) in selected.chosen() {
        add_unique(&mut tags, &c.cautions);
    }
    tags
}

fn add_unique<'kb>(tags: &mut Vec<&'kb Text>, more: &'kb [Text]) {
    for t in more {
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
}

/// The richest foods for a nutrient in a diet (an id in `diets`; unknown: no limits),
/// for reading about the nutrients without taking the quiz.
pub fn foods_for(kb: &KnowledgeBase, nutrient: &str, diet: &str) -> Vec<FoodSuggestion> {
    let excluded: &[Text] = kb.diet(diet).map_or(&[], |d| &d.excludes);
    let eligible: Vec<(&Food, Option<&Text>)> =
        kb.foods.iter().filter(|f| !f.tags.iter().any(|t| excluded.contains(t))).map(|f| (f, None)).collect();
    suggest_foods(&eligible, nutrient)
}

/// The richest foods for a nutrient among those the person eats; foods needing care sort last.
fn suggest_foods(eligible: &[(&Food, Option<&Text>)], nutrient: &str) -> Vec<FoodSuggestion> {
    let mut pool: Vec<(&Food, f64, Option<&Text>)> =
        eligible.iter().filter_map(|(f, caution)| Some((*f, f.amount(nutrient)?, *caution))).collect();
    // Picks the best few in turn rather than sorting them all.
    let ahead = |a: &(&Food, f64, Option<&Text>), b: &(&Food, f64, Option<&Text>)| {
        (a.2.is_none(), a.1) > (b.2.is_none(), b.1) || ((a.2.is_none(), a.1) == (b.2.is_none(), b.1) && a.0.id < b.0.id)
    };
    let mut picked = Vec::with_capacity(FOODS_PER_NUTRIENT);
    while picked.len() < FOODS_PER_NUTRIENT && !pool.is_empty() {
        let best = (1..pool.len()).fold(0, |best, i| if ahead(&pool[i], &pool[best]) { i } else { best });
        let (f, amount, caution) = pool.swap_remove(best);
        picked.push(FoodSuggestion { id: f.id.clone(), amount, caution: caution.cloned() });
    }
    picked
}

/// The sources behind everything an assessment shows (its guidance, red flags, matched
/// nutrients and the reasons given for them, advice and tests), each once, in order of
/// first use.
/// Kept out of [`assess`] so that scoring stays quick; the results and the doctor
/// summary call it once.
pub fn sources<'kb>(kb: &'kb KnowledgeBase, a: &Assessment) -> Vec<&'kb Source> {
    let mut ids: Vec<&'kb Text> = Vec::new();
    let guidance = kb.guidance(a.triage).map(|g| &g.sources[..]).unwrap_or(&[]);
    add_unique(&mut ids, guidance);
    for f in a.red_flags.iter().filter_map(|id| kb.red_flag(id)) {
        add_unique(&mut ids, &f.sources);
    }
    for m in a.nutrients.iter().chain(&a.for_clinician) {
        // The nutrient's main fact sheet, then only what the reasons shown rest on: a
        // paper on acid-reflux medicines is not cited to someone who takes none.
        if let Some(n) = kb.nutrient(&m.id) {
            add_unique(&mut ids, &n.sources[..n.sources.len().min(1)]);
        }
        for e in m.evidence.iter().filter_map(|id| kb.evidence.iter().find(|e| e.id == *id)) {
            add_unique(&mut ids, &e.sources);
        }
    }
    for ((_, list), shown) in kb.advice_lists().into_iter().zip(a.advice_shown()) {
        for item in shown.iter().filter_map(|id| list.iter().find(|x| x.id == *id)) {
            add_unique(&mut ids, &item.sources);
        }
    }
    for t in a.lab_tests.iter().filter_map(|id| kb.lab_test(id)) {
        add_unique(&mut ids, &t.sources);
    }
    for p in a.pattern.iter().filter_map(|id| kb.pattern(id)) {
        add_unique(&mut ids, &p.sources);
    }
    ids.iter().filter_map(|id| kb.source(id)).collect()
}
