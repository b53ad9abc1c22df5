//! The shape of the knowledge base: plain data that serde loads, with no behaviour.
//!
//! Every entry has a stable snake_case `id` and names the sources it rests on.
//! Text and lists are `Cow<'static, …>`: the embedded base borrows its text from the
//! wasm's data, serde owns what it loads from TOML, and native tests can edit a copy.
//! Conditions are data too (see [`Condition`]), so adding a question, a food or a
//! red flag is an edit to the TOML files in `src/knowledge/data/`, not to code.

use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Text in the knowledge base: borrowed from static data, owned when built at run time.
pub type Text = Cow<'static, str>;
/// A list in the knowledge base.
pub type List<T> = Cow<'static, [T]>;

/// A condition over the answers in conjunctive normal form: every inner list must
/// hold, and an inner list holds when any of its references holds.
///
/// A reference is `"question_id.choice_id"` (that choice is selected) or
/// `"!question_id.choice_id"` (it is not). An empty condition always holds.
/// Example: `[["leg_signs.one_leg_swollen"], ["body_signs.breathless", "body_signs.chest_pain"]]`.
pub type Condition = List<List<Text>>;

/// How soon a person should be seen, from least to most urgent (so `Ord` ranks them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriageLevel {
    SelfCare,
    Routine,
    Soon,
    Urgent,
    Emergency,
}

impl TriageLevel {
    pub const ALL: [TriageLevel; 5] = [
        TriageLevel::Emergency,
        TriageLevel::Urgent,
        TriageLevel::Soon,
        TriageLevel::Routine,
        TriageLevel::SelfCare,
    ];

    /// The id used in data files and in the `data-triage` attribute.
    pub fn id(self) -> &'static str {
        match self {
            TriageLevel::SelfCare => "self_care",
            TriageLevel::Routine => "routine",
            TriageLevel::Soon => "soon",
            TriageLevel::Urgent => "urgent",
            TriageLevel::Emergency => "emergency",
        }
    }

    /// Levels at which an answer interrupts the questions at once.
    pub fn interrupts(self) -> bool {
        self >= TriageLevel::Urgent
    }
}

/// How strongly the answers point to a nutrient shortfall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Possible,
    Moderate,
    Strong,
}

impl Strength {
    pub fn id(self) -> &'static str {
        match self {
            Strength::Possible => "possible",
            Strength::Moderate => "moderate",
            Strength::Strong => "strong",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeBase {
    /// Version of the content, shown in the doctor summary.
    pub version: Text,
    pub disclaimer: Text,
    /// Scores at or above which a nutrient is `strong`, `moderate` or `possible`.
    pub strength: StrengthThresholds,
    /// What to do at each triage level: exactly one entry per level.
    pub triage: List<TriageGuidance>,
    pub sources: List<Source>,
    pub nutrients: List<Nutrient>,
    pub foods: List<Food>,
    pub diets: List<Diet>,
    /// Notes shown beside foods carrying a tag, when an answer asks for that caution.
    #[serde(default)]
    pub food_cautions: List<FoodCaution>,
    pub questions: List<Question>,
    pub evidence: List<Evidence>,
    pub red_flags: List<RedFlag>,
    #[serde(default)]
    pub lifestyle: List<Advice>,
    #[serde(default)]
    pub other_causes: List<Advice>,
    #[serde(default)]
    pub medicine_notes: List<Advice>,
    #[serde(default)]
    pub supplement_cautions: List<Advice>,
    #[serde(default)]
    pub lab_tests: List<LabTest>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StrengthThresholds {
    pub strong: i32,
    pub moderate: i32,
    /// Below this a score is too weak to mention.
    pub possible: i32,
    /// A nutrient matched at or above this strength makes the triage at least `routine`
    /// (mention it at a check-up and ask about tests).
    pub routine_at: Strength,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TriageGuidance {
    pub level: TriageLevel,
    /// Short instruction, e.g. "Call 999 now".
    pub heading: Text,
    /// What to do, in plain words.
    pub action: Text,
    pub sources: List<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub publisher: Text,
    pub url: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nutrient {
    pub id: Text,
    pub name: Text,
    /// Unit of the per-serving amounts in foods: "mg" or "mcg".
    pub unit: Text,
    /// What it does for muscles and nerves.
    pub role: Text,
    /// How a shortfall can show in the legs.
    pub legs: Text,
    /// How much adults need, in words and figures.
    pub daily_need: Text,
    pub risk_groups: List<Text>,
    /// Medicines that can lower it.
    pub depleting_medicines: List<Text>,
    /// Ids of `lab_tests` a doctor may use.
    pub tests: List<Text>,
    pub absorption_tips: List<Text>,
    /// Where a supplement can harm. Never a dose.
    pub supplement_caution: Text,
    /// When this holds, more of the nutrient could harm (kidney disease and potassium),
    /// so it is never suggested, whatever the other answers add up to.
    #[serde(default)]
    pub withhold_when: Condition,
    /// Why it is withheld, shown in its place.
    #[serde(default)]
    pub withhold_reason: Option<Text>,
    pub sources: List<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Food {
    pub id: Text,
    pub name: Text,
    /// Household serving, e.g. "1 oz (28 g)".
    pub serving: Text,
    /// Amount per serving, as (nutrient id, amount in that nutrient's unit). Authored
    /// as a table: `amounts = { magnesium = 156, iron = 2.3 }`.
    #[serde(deserialize_with = "amounts_from_table")]
    pub amounts: List<(Text, f64)>,
    /// What the food contains or is, for filtering: meat, pork, poultry, fish, shellfish,
    /// dairy, egg, honey, nuts, peanuts, soy, gluten, sesame, liver, fish_liver_oil,
    /// high_potassium, fortified.
    #[serde(default)]
    pub tags: List<Text>,
    /// e.g. "choose a brand fortified with B12".
    #[serde(default)]
    pub note: Option<Text>,
    /// USDA SR26 NDB number the amounts derive from, where they do.
    #[serde(default)]
    pub usda_ndb: Option<u32>,
    pub sources: List<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diet {
    pub id: Text,
    pub name: Text,
    /// Food tags this diet leaves out.
    pub excludes: List<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoodCaution {
    pub tag: Text,
    pub note: Text,
    pub sources: List<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Single,
    Multi,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: Text,
    pub prompt: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    pub kind: QuestionKind,
    /// Asked only when this holds (follow-ups).
    #[serde(default)]
    pub show_if: Condition,
    pub choices: List<Choice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: Text,
    pub label: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    /// In a multiple-choice question, selecting it clears the others ("None of these").
    #[serde(default)]
    pub exclusive: bool,
    /// The diet (id in `diets`) this choice sets.
    #[serde(default)]
    pub diet: Option<Text>,
    /// Food tags this choice leaves out (allergies, pregnancy).
    #[serde(default)]
    pub excludes: List<Text>,
    /// Food caution tags this choice turns on (kidney disease → high_potassium).
    #[serde(default)]
    pub cautions: List<Text>,
    /// Declares that the choice deliberately has no effect ("not sure", "none").
    #[serde(default)]
    pub neutral: bool,
}

/// A rule that points toward a nutrient shortfall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: Text,
    pub nutrient: Text,
    /// Negative where an answer makes a shortfall less likely (kidney disease and potassium).
    pub weight: i32,
    /// Why, in plain words, addressed to the person.
    pub reason: Text,
    pub when: Condition,
    pub sources: List<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RedFlag {
    pub id: Text,
    pub level: TriageLevel,
    pub title: Text,
    /// What to do and where to go.
    pub guidance: Text,
    /// What not to do, e.g. "Don't drive yourself".
    #[serde(default)]
    pub do_not: Option<Text>,
    pub when: Condition,
    pub sources: List<Text>,
}

/// Lifestyle tips, other causes, medicine notes and supplement cautions share this shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    pub id: Text,
    pub title: Text,
    pub text: Text,
    /// Shown when this holds (empty: always).
    #[serde(default)]
    pub when: Condition,
    /// If set, shown only when one of these nutrients is matched.
    #[serde(default)]
    pub nutrients: List<Text>,
    pub sources: List<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabTest {
    pub id: Text,
    pub name: Text,
    pub why: Text,
    /// Suggested when this holds, besides whenever a nutrient listing it is matched.
    #[serde(default)]
    pub when: Condition,
    pub sources: List<Text>,
}

fn amounts_from_table<'de, D: Deserializer<'de>>(deserializer: D) -> Result<List<(Text, f64)>, D::Error> {
    let table = BTreeMap::<String, f64>::deserialize(deserializer)?;
    Ok(Cow::Owned(table.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect()))
}

impl Food {
    /// The amount of a nutrient per serving, if the food is a source of it.
    pub fn amount(&self, nutrient: &str) -> Option<f64> {
        self.amounts.iter().find(|(id, _)| id == nutrient).map(|(_, amount)| *amount)
    }
}
