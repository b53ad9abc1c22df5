//! The shape of the knowledge base: plain data that serde loads, with no behaviour.
//!
//! Every entry has a stable snake_case `id` and names the sources it rests on.
//! Conditions are data too (see [`Condition`]), so adding a question, a food or a
//! red flag is an edit to the TOML files in `src/knowledge/data/`, not to code.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A condition over the answers in conjunctive normal form: every inner list must
/// hold, and an inner list holds when any of its references holds.
///
/// A reference is `"question_id.choice_id"` (that choice is selected) or
/// `"!question_id.choice_id"` (it is not). An empty condition always holds.
/// Example: `[["leg_signs.one_leg_swollen"], ["body_signs.breathless", "body_signs.chest_pain"]]`.
pub type Condition = Vec<Vec<String>>;

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
    pub version: String,
    pub disclaimer: String,
    /// Scores at or above which a nutrient is `strong`, `moderate` or `possible`.
    pub strength: StrengthThresholds,
    /// What to do at each triage level: exactly one entry per level.
    pub triage: Vec<TriageGuidance>,
    pub sources: Vec<Source>,
    pub nutrients: Vec<Nutrient>,
    pub foods: Vec<Food>,
    pub diets: Vec<Diet>,
    /// Notes shown beside foods carrying a tag, when an answer asks for that caution.
    #[serde(default)]
    pub food_cautions: Vec<FoodCaution>,
    pub questions: Vec<Question>,
    pub evidence: Vec<Evidence>,
    pub red_flags: Vec<RedFlag>,
    #[serde(default)]
    pub lifestyle: Vec<Advice>,
    #[serde(default)]
    pub other_causes: Vec<Advice>,
    #[serde(default)]
    pub medicine_notes: Vec<Advice>,
    #[serde(default)]
    pub supplement_cautions: Vec<Advice>,
    #[serde(default)]
    pub lab_tests: Vec<LabTest>,
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
    pub heading: String,
    /// What to do, in plain words.
    pub action: String,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nutrient {
    pub id: String,
    pub name: String,
    /// Unit of the per-serving amounts in foods: "mg" or "mcg".
    pub unit: String,
    /// What it does for muscles and nerves.
    pub role: String,
    /// How a shortfall can show in the legs.
    pub legs: String,
    /// How much adults need, in words and figures.
    pub daily_need: String,
    pub risk_groups: Vec<String>,
    /// Medicines that can lower it.
    pub depleting_medicines: Vec<String>,
    /// Ids of `lab_tests` a doctor may use.
    pub tests: Vec<String>,
    pub absorption_tips: Vec<String>,
    /// Where a supplement can harm. Never a dose.
    pub supplement_caution: String,
    /// When this holds, more of the nutrient could harm (kidney disease and potassium),
    /// so it is never suggested, whatever the other answers add up to.
    #[serde(default)]
    pub withhold_when: Condition,
    /// Why it is withheld, shown in its place.
    #[serde(default)]
    pub withhold_reason: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Food {
    pub id: String,
    pub name: String,
    /// Household serving, e.g. "1 oz (28 g)".
    pub serving: String,
    /// Amount per serving, keyed by nutrient id, in that nutrient's unit.
    pub amounts: BTreeMap<String, f64>,
    /// What the food contains or is, for filtering: meat, pork, poultry, fish, shellfish,
    /// dairy, egg, honey, nuts, peanuts, soy, gluten, sesame, liver, fish_liver_oil,
    /// high_potassium, fortified.
    #[serde(default)]
    pub tags: Vec<String>,
    /// e.g. "choose a brand fortified with B12".
    #[serde(default)]
    pub note: Option<String>,
    /// USDA SR26 NDB number the amounts derive from, where they do.
    #[serde(default)]
    pub usda_ndb: Option<u32>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diet {
    pub id: String,
    pub name: String,
    /// Food tags this diet leaves out.
    pub excludes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoodCaution {
    pub tag: String,
    pub note: String,
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Single,
    Multi,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    #[serde(default)]
    pub hint: Option<String>,
    pub kind: QuestionKind,
    /// Asked only when this holds (follow-ups).
    #[serde(default)]
    pub show_if: Condition,
    pub choices: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub hint: Option<String>,
    /// In a multiple-choice question, selecting it clears the others ("None of these").
    #[serde(default)]
    pub exclusive: bool,
    /// The diet (id in `diets`) this choice sets.
    #[serde(default)]
    pub diet: Option<String>,
    /// Food tags this choice leaves out (allergies, pregnancy).
    #[serde(default)]
    pub excludes: Vec<String>,
    /// Food caution tags this choice turns on (kidney disease → high_potassium).
    #[serde(default)]
    pub cautions: Vec<String>,
    /// Declares that the choice deliberately has no effect ("not sure", "none").
    #[serde(default)]
    pub neutral: bool,
}

/// A rule that points toward a nutrient shortfall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: String,
    pub nutrient: String,
    /// Negative where an answer makes a shortfall less likely (kidney disease and potassium).
    pub weight: i32,
    /// Why, in plain words, addressed to the person.
    pub reason: String,
    pub when: Condition,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RedFlag {
    pub id: String,
    pub level: TriageLevel,
    pub title: String,
    /// What to do and where to go.
    pub guidance: String,
    /// What not to do, e.g. "Don't drive yourself".
    #[serde(default)]
    pub do_not: Option<String>,
    pub when: Condition,
    pub sources: Vec<String>,
}

/// Lifestyle tips, other causes, medicine notes and supplement cautions share this shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    pub id: String,
    pub title: String,
    pub text: String,
    /// Shown when this holds (empty: always).
    #[serde(default)]
    pub when: Condition,
    /// If set, shown only when one of these nutrients is matched.
    #[serde(default)]
    pub nutrients: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabTest {
    pub id: String,
    pub name: String,
    pub why: String,
    /// Suggested when this holds, besides whenever a nutrient listing it is matched.
    #[serde(default)]
    pub when: Condition,
    pub sources: Vec<String>,
}
