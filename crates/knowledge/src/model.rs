//! The shape of the knowledge base: plain data that serde loads, with no behaviour.
//!
//! Every entry has a stable snake_case `id` and names the sources it rests on.
//! Text and lists are `Cow<'static, …>`: the embedded base borrows its text from the
//! wasm's data, serde owns what it loads from TOML, and native tests can edit a copy.
//! Conditions are data too (see [`Condition`]), so adding a question, a food or a
//! red flag is an edit to the TOML files in `crates/knowledge/data/`, not to code.

use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Text in the knowledge base: borrowed from static data, owned when built at run time.
pub type Text = Cow<'static, str>;
/// A list in the knowledge base.
pub type List<T> = Cow<'static, [T]>;

/// A condition over the answers in conjunctive normal form: every inner list must
/// hold, and an inner list holds when any of its references holds. An empty condition
/// always holds.
/// Example: `[["leg_signs.one_leg_pain_swelling"], ["body_signs.breathless_chest", "!age.under_13"]]`.
pub type Condition = List<List<Reference>>;

/// One choice in a condition: authored as `"question_id.choice_id"` (that choice is
/// selected) or `"!question_id.choice_id"` (it is not), and split once when the base is
/// read, never on each check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub negated: bool,
    pub question: Text,
    pub choice: Text,
}

impl Reference {
    /// Parses `"!question.choice"`; `None` when the text has no dot.
    pub fn parse(text: Text) -> Option<Reference> {
        let negated = text.starts_with('!');
        let start = usize::from(negated);
        let dot = text.find('.')?;
        let (question, choice) = match text {
            Cow::Borrowed(t) => (Cow::Borrowed(&t[start..dot]), Cow::Borrowed(&t[dot + 1..])),
            Cow::Owned(t) => (Cow::Owned(t[start..dot].to_string()), Cow::Owned(t[dot + 1..].to_string())),
        };
        Some(Reference { negated, question, choice })
    }
}

impl std::fmt::Display for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let bang = if self.negated { "!" } else { "" };
        write!(f, "{bang}{}.{}", self.question, self.choice)
    }
}

impl Serialize for Reference {
    /// As `"!question.choice"`, marked as a reference so the compact encoder can write
    /// it as two numbers instead (see `encode.rs`).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct("Reference", &self.to_string())
    }
}

impl<'de> Deserialize<'de> for Reference {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Reference::parse(Cow::Owned(text.clone()))
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not `question.choice`")))
    }
}

impl crate::knowledge_compact::Decode for Reference {
    /// The question's and the choice's places among the questions already read.
    fn decode(r: &mut crate::knowledge_compact::Reader) -> Self {
        let negated = <bool as crate::knowledge_compact::Decode>::decode(r);
        let (q, c) = (r.count(), r.count());
        match r.questions.get(q).and_then(|(question, choices)| Some((question.clone(), choices.get(c)?.clone()))) {
            Some((question, choice)) => Reference { negated, question, choice },
            None => {
                r.fail("a condition names a question or choice not read before it");
                Reference { negated, question: Cow::Borrowed(""), choice: Cow::Borrowed("") }
            }
        }
    }
}

crate::compact_enum! {
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
}

impl TriageLevel {
    pub const ALL: [TriageLevel; 5] =
        [TriageLevel::Emergency, TriageLevel::Urgent, TriageLevel::Soon, TriageLevel::Routine, TriageLevel::SelfCare];

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

crate::compact_enum! {
/// How strongly the answers point to a nutrient shortfall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Possible,
    Moderate,
    Strong,
}
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

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeBase {
    /// Version of the content, shown in the doctor summary.
    pub version: Text,
    /// When the content was last reviewed, and when the next review is due (YYYY-MM-DD).
    pub reviewed: Text,
    pub next_review: Text,
    pub disclaimer: Text,
    /// First: conditions everywhere else point into the questions and their choices.
    pub questions: List<Question>,
    /// The warning signs shown before anything else: on the first screen, and in the
    /// fallbacks for pages where the quiz can't run (generated from this by tests/generated.rs).
    pub emergency: EmergencySigns,
    /// The parts of the quiz, in order, named for the progress line.
    pub parts: List<Text>,
    /// The first screen's points: how long, private, not a diagnosis.
    pub intro_points: List<Text>,
    /// Where the person is: the numbers the call buttons dial, by country.
    pub regions: List<Region>,
    /// The words for a country the widget doesn't know.
    pub services: Services,
    /// Who counts as a child or teenager: adults' daily needs are not shown to them.
    pub young_when: Condition,
    /// The answers are about someone else: the words for them (`prompt_them`, …) are used.
    #[serde(default)]
    pub them_when: Condition,
    /// The answers are about a child, by someone else: the words for a child where there
    /// are some (`prompt_child`, …), else those for someone else.
    #[serde(default)]
    pub child_when: Condition,
    /// Every word the screens show that isn't medical content.
    pub ui: UiText,
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
    /// Recognised pictures (growing pains, restless legs, …) that open the results in
    /// plain words when the answers fit one: the first that fits, in this order.
    #[serde(default)]
    pub patterns: List<Pattern>,
}
}

crate::compact_struct! {
/// A recognised picture: "This sounds like growing pains", why it is likely harmless,
/// and the one thing to do tonight. Never a diagnosis, and never before a warning sign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    pub id: Text,
    /// "This sounds like growing pains".
    pub title: Text,
    /// `title` for someone else, where it says "you" or "your".
    #[serde(default)]
    pub title_them: Option<Text>,
    /// What it usually is, in a few words: "common, harmless, and gone by morning".
    pub text: Text,
    /// The one thing to do tonight.
    pub tonight: Text,
    pub when: Condition,
    /// Tips whose step `tonight` already says: not repeated among the things to do.
    #[serde(default)]
    pub replaces: List<Text>,
    /// It calls what it describes harmless: not said beside a warning that sends the person
    /// to a doctor within days or sooner, which it would contradict (review 30 R42).
    #[serde(default)]
    pub harmless: bool,
    /// The pain or aching it describes is its own, so that pain is no telling sign of a
    /// shortfall (growing pains are no sign of rickets): the nutrient's foods are still
    /// shown, but no test is asked for on that sign (safety/triage-policy.md).
    #[serde(default)]
    pub explains_pain: bool,
    pub sources: List<Text>,
}
}

crate::compact_texts! {
/// The words of the screens, apart from the medical content: one entry per place, so a
/// translation is a data file with the same keys. `{name}` marks where a value goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UiText {
    /// The widget's name, above every screen.
    pub brand: Text,
    /// The footer's privacy line.
    pub private: Text,
    /// The footer's erase button.
    pub erase: Text,
    /// Said once the saved answers are gone.
    pub erased: Text,
    /// Said when the browser refused to erase them.
    pub erase_failed: Text,
    /// Said when the answers couldn't be saved.
    pub save_failed: Text,
    /// Saved answers couldn't be read.
    pub restore_damaged: Text,
    /// Saved answers are from an older version.
    pub restore_updated: Text,
    /// Another tab saved newer answers.
    pub other_tab: Text,
    /// Dismisses a notice.
    pub ok: Text,
    /// The results came from a link.
    pub link_opened: Text,
    /// A results link that can't be read.
    pub link_damaged: Text,
    /// A results link from another version (older, or one that can't be told).
    pub link_old: Text,
    /// A results link from a newer version.
    pub link_newer: Text,
    /// A results link opened where other answers are saved: they are kept until the
    /// person chooses.
    pub link_over_saved: Text,
    /// Keep the link's answers in place of the saved ones.
    pub keep_link: Text,
    /// Go back to the saved answers.
    pub back_to_saved: Text,
    pub intro_title: Text,
    pub intro_lead: Text,
    pub start: Text,
    pub resume: Text,
    pub start_again: Text,
    pub browse: Text,
    pub back: Text,
    pub next: Text,
    pub save_and_return: Text,
    /// "Part {n} of {m}: {name}".
    pub part: Text,
    /// The error summary's heading.
    pub problem: Text,
    /// The notice on the first question.
    pub saved_here: Text,
    /// How pregnancy answers are kept.
    pub sensitive_note: Text,
    /// The choice to keep them on this device too.
    pub keep_sensitive: Text,
    /// "Call {number}" on the call button.
    pub call: Text,
    pub while_waiting: Text,
    /// Above the "see a GP if …" lines of a self-care outcome.
    pub get_help: Text,
    pub seen_continue: Text,
    pub change_answer: Text,
    pub check_title: Text,
    pub change: Text,
    pub not_answered: Text,
    pub see_results: Text,
    pub to_do: Text,
    pub stand_out: Text,
    pub nothing_stands_out: Text,
    pub deferred: Text,
    /// `deferred` where a warning may be the shortfall itself.
    pub deferred_checked: Text,
    /// What to tell the clinician when nutrients are deferred: `{causes}`, the answers,
    /// and `{names}`, the nutrients that may be low.
    pub tell_clinician: Text,
    /// `tell_clinician` when no answer names a cause the person can't put right alone: the
    /// causes are the diet, daylight or drops (a sign that is the shortfall's own).
    pub tell_clinician_own: Text,
    pub strong: Text,
    pub moderate: Text,
    pub possible: Text,
    /// In place of the strength, for a nutrient shown for its blood test only.
    pub test_only: Text,
    pub why: Text,
    pub foods: Text,
    pub supplements: Text,
    pub causes: Text,
    pub medicines: Text,
    pub tips: Text,
    pub doctor: Text,
    /// Above the doctor section: who to show it to.
    pub doctor_lead: Text,
    pub about_these: Text,
    /// "Read about {name}": from a result to the nutrient's page.
    pub read_about: Text,
    pub keep: Text,
    pub sources: Text,
    pub no_foods: Text,
    /// "{name} is not suggested."
    pub not_suggested: Text,
    /// "{amount} {unit} in {serving}".
    pub amount: Text,
    /// "Ask your GP about a blood test for {tests}".
    pub ask_tests: Text,
    /// "Add foods rich in {name} to your meals, such as {foods}".
    pub add_foods: Text,
    /// Joins the last two items of a list: "a, b or c", "a, b and c".
    pub or: Text,
    pub and: Text,
    pub print: Text,
    pub copy: Text,
    pub copied: Text,
    pub copy_failed: Text,
    pub share: Text,
    pub share_note: Text,
    pub back_to_answers: Text,
    pub summary_title: Text,
    pub summary_made_by: Text,
    /// "Date: {date}".
    pub summary_date: Text,
    pub summary_urgency: Text,
    pub summary_flags: Text,
    pub summary_answers: Text,
    pub summary_nutrients: Text,
    pub summary_tests: Text,
    pub summary_medicines: Text,
    pub summary_none: Text,
    pub browse_title: Text,
    pub browse_lead: Text,
    pub foods_for: Text,
    pub risk: Text,
    pub signs: Text,
    pub need: Text,
    pub lowered_by: Text,
    pub child_need: Text,
    /// Names the language switch.
    pub language: Text,
    /// A language file couldn't be fetched or read.
    pub locale_failed: Text,
    /// The choice to show "For your doctor" in English.
    pub doctor_english: Text,
    /// `foods`, `medicines`, `doctor`, `ask_tests` and `add_foods` when the answers are
    /// about someone else.
    pub foods_them: Text,
    pub medicines_them: Text,
    pub doctor_them: Text,
    pub ask_tests_them: Text,
    pub add_foods_them: Text,
    /// The knowledge base's version and review dates: `{version}`, `{reviewed}`, `{next}`.
    pub content_version: Text,
    /// The footer's intended-use statement: who it is for, what it is not.
    pub intended_use: Text,
    /// Brings back the answers just erased.
    pub undo: Text,
    /// Beside a recognised pattern: it is not a diagnosis.
    pub not_diagnosis: Text,
}
}

/// A country's numbers and the English names of its services (regions.toml). Texts say
/// `{emergency}`, `{same_day}` and `{ed}` where they go.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// `GB`, `US`, `CO`, …: ISO 3166 alpha-2 (and `EU`), what the `region` attribute names.
    pub id: Text,
    /// The country's name, in its own language, for the people who read the table. Not
    /// in the compact form: the widget never shows it (see [`Region::as_embedded`]).
    #[serde(skip_serializing)]
    pub name: Text,
    /// The ambulance number.
    pub emergency: Text,
    /// A second emergency number in everyday use (France's 15, Italy's 118).
    #[serde(default)]
    pub also: Option<Text>,
    /// A number for same-day help where there is one (NHS 111); else the urgent outcome
    /// says whom to call in words.
    #[serde(default)]
    pub urgent: Option<Text>,
    /// In English: what to do when the doctor can't see you today ("call NHS 111").
    #[serde(default)]
    pub same_day: Option<Text>,
    /// In English: the emergency department, after "go to" ("A&E", "the ER").
    #[serde(default)]
    pub ed: Option<Text>,
    /// An official page that gives the numbers. Like `name`, for the table's readers and
    /// its tests, not in the compact form.
    #[serde(skip_serializing)]
    pub source: Text,
}

impl Region {
    /// The region as the widget has it: without `name` and `source`, which the compact
    /// form leaves out (57 countries' names and addresses, about 0.8 KB gzip of the wasm
    /// that no screen shows).
    pub fn as_embedded(&self) -> Region {
        Region { name: Cow::Borrowed(""), source: Cow::Borrowed(""), ..self.clone() }
    }
}

/// Read by hand rather than by `compact_struct!`: `name` and `source` aren't written.
impl crate::knowledge_compact::Decode for Region {
    fn decode(r: &mut crate::knowledge_compact::Reader) -> Self {
        use crate::knowledge_compact::Decode;
        Region {
            id: Decode::decode(r),
            name: Cow::Borrowed(""),
            emergency: Decode::decode(r),
            also: Decode::decode(r),
            urgent: Decode::decode(r),
            same_day: Decode::decode(r),
            ed: Decode::decode(r),
            source: Cow::Borrowed(""),
        }
    }
}

crate::compact_struct! {
/// The words for where the widget can't tell the country, or has no words of its own
/// for the country's services; the locales translate them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Services {
    /// "your local emergency number": in place of a number, with no call button.
    pub local_emergency: Text,
    /// "{a} or {b}": two emergency numbers.
    pub either: Text,
    /// What to do when the doctor can't see you today.
    pub same_day: Text,
    /// The emergency department, after "go to".
    pub ed: Text,
}
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmergencySigns {
    /// "Call an ambulance now if you have".
    pub heading: Text,
    pub signs: List<Text>,
    /// Which number to call.
    pub call: Text,
    /// When to see a doctor instead, for the fallbacks, which can't ask questions. Like
    /// `cant_start`, only for the fallbacks generated from the authored base (index.html,
    /// the loader), which the wasm never shows: not in the compact form.
    #[serde(skip_serializing)]
    pub see_a_doctor: Text,
    /// What the no-WebAssembly fallback says first.
    #[serde(skip_serializing)]
    pub cant_start: Text,
}

impl EmergencySigns {
    /// The signs as the widget has them: without the fallbacks' own words, which the
    /// compact form leaves out (0.15 KB gzip of the wasm, 0.2 of the Spanish file).
    pub fn as_embedded(&self) -> EmergencySigns {
        EmergencySigns { see_a_doctor: Cow::Borrowed(""), cant_start: Cow::Borrowed(""), ..self.clone() }
    }
}

/// Read by hand rather than by `compact_struct!`: `see_a_doctor` and `cant_start` aren't
/// written.
impl crate::knowledge_compact::Decode for EmergencySigns {
    fn decode(r: &mut crate::knowledge_compact::Reader) -> Self {
        use crate::knowledge_compact::Decode;
        EmergencySigns {
            heading: Decode::decode(r),
            signs: Decode::decode(r),
            call: Decode::decode(r),
            see_a_doctor: Cow::Borrowed(""),
            cant_start: Cow::Borrowed(""),
        }
    }
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StrengthThresholds {
    pub strong: i32,
    pub moderate: i32,
    /// Below this a score is too weak to mention.
    pub possible: i32,
    /// A nutrient matched at or above this strength makes the triage at least `routine`
    /// (mention it at a check-up and ask about tests). A strong match goes as far as the
    /// nutrient's own `strong_means`.
    pub routine_at: Strength,
}
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TriageGuidance {
    pub level: TriageLevel,
    /// The outcome in plain words, e.g. "Call an ambulance now".
    pub heading: Text,
    /// `heading` for someone else, where it says "you".
    #[serde(default)]
    pub heading_them: Option<Text>,
    /// The one next step, in plain words.
    pub action: Text,
    /// `action` for someone else, where it says "you" or "your".
    #[serde(default)]
    pub action_them: Option<Text>,
    /// What to do while waiting for help (urgent and emergency only).
    #[serde(default)]
    pub while_waiting: List<Text>,
    /// Other wording of `action` for some people (pregnancy: the midwife first); the
    /// first whose `when` holds replaces it.
    #[serde(default)]
    pub variants: List<ActionVariant>,
    /// As a variant's `unless`, for `action`.
    #[serde(default)]
    pub unless: Condition,
    pub sources: List<Text>,
}
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionVariant {
    pub when: Condition,
    pub action: Text,
    #[serde(default)]
    pub action_them: Option<Text>,
    /// Answers that this wording's own "see a GP if …" already covers: when they were
    /// given, the wording would ask the person to act on what they said, so another is
    /// used (see `quiz::flow::triage_action`).
    #[serde(default)]
    pub unless: Condition,
    /// Holds only when the results show foods (`true`: "try the food ideas below") or
    /// show none (`false`), so the words match the page.
    #[serde(default)]
    pub foods: Option<bool>,
}
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub publisher: Text,
    pub url: Text,
}
}

crate::compact_struct! {
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
    /// Ids of `lab_tests` a doctor may use; none where no blood test shows a dietary
    /// shortfall.
    pub tests: List<Text>,
    pub absorption_tips: List<Text>,
    /// Where a supplement can harm. Never a dose.
    pub supplement_caution: Text,
    /// How soon to be seen when many answers point here, lasting causes only: `soon` where
    /// a shortfall harms if left (B12 and nerves, iron and its cause, potassium and the
    /// heart), `routine` where food and a check-up will do.
    pub strong_means: TriageLevel,
    /// When this holds, more of the nutrient could harm (kidney disease and potassium),
    /// so it is never suggested, whatever the other answers add up to.
    #[serde(default)]
    pub withhold_when: Condition,
    /// Why it is withheld, shown in its place.
    #[serde(default)]
    pub withhold_reason: Option<Text>,
    /// When this holds, it is shown for its blood test only, even where `withhold_when`
    /// holds too: ranked by its causes, with `test_only_reason` and no foods
    /// (safety/triage-policy.md). For a cause that lowers it beside one that raises it
    /// (potassium), one food can't put right (B12 with pernicious anaemia), or one to take
    /// only once a test shows it low (iron with sickle cell disease). Beside a warning it is
    /// named for the clinician, as any other.
    #[serde(default)]
    pub test_only_when: Condition,
    #[serde(default)]
    pub test_only_reason: Option<Text>,
    pub sources: List<Text>,
}
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Food {
    pub id: Text,
    /// The part before a comma is the short name used in a sentence ("Almonds, dry-roasted").
    pub name: Text,
    /// Household serving, e.g. "1 oz (28 g)".
    pub serving: Text,
    /// Amount per serving, as (nutrient id, amount in that nutrient's unit). Authored
    /// as a table: `amounts = { magnesium = 156, iron = 2.3 }`.
    #[serde(deserialize_with = "amounts_from_table")]
    pub amounts: List<(Text, f64)>,
    /// What the food contains or is, for filtering: meat, pork, poultry, fish, shellfish,
    /// dairy, egg, honey, nuts, peanuts, soy, gluten, sesame, liver, fish_liver_oil,
    /// high_potassium, vitamin_k, fortified, drink (a glass of milk, a plant drink or juice).
    #[serde(default)]
    pub tags: List<Text>,
    /// e.g. "choose a brand fortified with B12".
    #[serde(default)]
    pub note: Option<Text>,
    /// USDA SR26 NDB number the amounts derive from, where they do: for the tests that
    /// check the amounts against the USDA table, not in the compact form.
    #[serde(default, skip_serializing)]
    pub usda_ndb: Option<u32>,
    pub sources: List<Text>,
}

/// Read by hand rather than by `compact_struct!`: `usda_ndb` isn't written.
impl crate::knowledge_compact::Decode for Food {
    fn decode(r: &mut crate::knowledge_compact::Reader) -> Self {
        use crate::knowledge_compact::Decode;
        Food {
            id: Decode::decode(r),
            name: Decode::decode(r),
            serving: Decode::decode(r),
            amounts: Decode::decode(r),
            tags: Decode::decode(r),
            note: Decode::decode(r),
            usda_ndb: None,
            sources: Decode::decode(r),
        }
    }
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diet {
    pub id: Text,
    pub name: Text,
    /// Food tags this diet leaves out.
    pub excludes: List<Text>,
}
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoodCaution {
    pub tag: Text,
    pub note: Text,
    pub sources: List<Text>,
}
}

crate::compact_enum! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Single,
    Multi,
}
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: Text,
    /// Which part of the quiz it belongs to (1 to the number of `parts`): the progress
    /// shown, which doesn't change as follow-ups come and go.
    pub part: u32,
    pub prompt: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    /// What the error says when Next is pressed without an answer, as GOV.UK words it
    /// for this question ("Select how old you are").
    pub error: Text,
    /// The same words for someone else ("How old are they?"), required where the
    /// person's own words say "you" or "your"; and for a child, where "your child" reads
    /// better than "they". The engine picks them (`quiz::Person`).
    #[serde(default)]
    pub prompt_them: Option<Text>,
    #[serde(default)]
    pub hint_them: Option<Text>,
    #[serde(default)]
    pub error_them: Option<Text>,
    #[serde(default)]
    pub prompt_child: Option<Text>,
    #[serde(default)]
    pub hint_child: Option<Text>,
    #[serde(default)]
    pub error_child: Option<Text>,
    /// Asked on the same page as the question after it ("who are you answering for?"
    /// with the age): the journey's pages group them, and Next needs both.
    #[serde(default)]
    pub joins_next: bool,
    pub kind: QuestionKind,
    /// Asked only when this holds (follow-ups).
    #[serde(default)]
    pub show_if: Condition,
    /// Its answers describe symptoms and signs, not causes: a nutrient is never pointed to
    /// by these alone (validation checks every evidence rule), and a sign ticked here is
    /// what the triage policy's properties vary.
    #[serde(default)]
    pub signs: bool,
    pub choices: List<Choice>,
}

/// Read by hand rather than by `compact_struct!`: once read, a question's id and its
/// choices' ids are what later conditions point into (see `encode.rs`).
impl crate::knowledge_compact::Decode for Question {
    fn decode(r: &mut crate::knowledge_compact::Reader) -> Self {
        use crate::knowledge_compact::Decode;
        let q = Question {
            id: Decode::decode(r),
            part: Decode::decode(r),
            prompt: Decode::decode(r),
            hint: Decode::decode(r),
            error: Decode::decode(r),
            prompt_them: Decode::decode(r),
            hint_them: Decode::decode(r),
            error_them: Decode::decode(r),
            prompt_child: Decode::decode(r),
            hint_child: Decode::decode(r),
            error_child: Decode::decode(r),
            joins_next: Decode::decode(r),
            kind: Decode::decode(r),
            show_if: Decode::decode(r),
            signs: Decode::decode(r),
            choices: Decode::decode(r),
        };
        r.questions.push((q.id.clone(), q.choices.iter().map(|c| c.id.clone()).collect()));
        q
    }
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: Text,
    pub label: Text,
    /// `label` for someone else (where it says "I" or "my"), and for a child.
    #[serde(default)]
    pub label_them: Option<Text>,
    #[serde(default)]
    pub label_child: Option<Text>,
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
    /// Personal enough (pregnancy) to be kept only until the page is closed, unless the
    /// person chooses to keep it on the device.
    #[serde(default)]
    pub sensitive: bool,
    /// Offered only when this holds on the earlier answers (pregnancy, alcohol or statins
    /// are not offered for a child under 13).
    #[serde(default)]
    pub show_if: Condition,
    /// Listed first when this holds (the warning signs that apply to children, for a
    /// child), keeping the base's order otherwise.
    #[serde(default)]
    pub first_when: Condition,
    /// The answer taken when answers saved before this question existed lack it
    /// ("myself" for "who are you answering for?").
    #[serde(default)]
    pub assumed: bool,
}
}

crate::compact_struct! {
/// A rule that points toward a nutrient shortfall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: Text,
    pub nutrient: Text,
    /// A sign that fits a shortfall but is too common to point to one by itself (cramps
    /// alone). It adds weight only to a nutrient that something else points to: a risk
    /// group, a diet, a medicine, a condition or a telling pattern of symptoms.
    #[serde(default)]
    pub supports_only: bool,
    /// A passing cause (a stomach bug, a hot day): it adds weight, but doesn't by itself
    /// send anyone to a doctor, because the shortfall rights itself within days.
    #[serde(default)]
    pub transient: bool,
    /// A direct, well-established cause (a medicine with a known mechanism, a diet without
    /// the nutrient's main sources, a loss, poor absorption, a life stage or exposure): it
    /// ranks the nutrient above ones with only indirect or weak causes, whatever the signs
    /// add (safety/triage-policy.md, "Ranking").
    #[serde(default)]
    pub direct: bool,
    /// A cause the person can put right alone, by diet, daylight or an over-the-counter
    /// supplement (a vegan diet without fortified foods, little daylight): it adds weight and
    /// shows foods and tips, but doesn't by itself send anyone to a doctor (NICE PH56; NHS
    /// vitamin D; NHS vegan diet).
    #[serde(default)]
    pub self_managed: bool,
    /// Negative where an answer makes a shortfall less likely (kidney disease and potassium).
    pub weight: i32,
    /// Why, in plain words, worded for anyone ("the cramps", "the body"): one wording
    /// whoever the answers are about (see `validate::said_to_anyone`).
    pub reason: Text,
    pub when: Condition,
    pub sources: List<Text>,
    /// The rule holds only with a sign: every reference of one of its clauses is an answer
    /// to a question marked `signs` (a telling sign of the shortfall: aching bones,
    /// tingling feet). Worked out as the base is read ([`KnowledgeBase::mark`]).
    #[serde(skip)]
    pub telling_sign: Marked,
    /// A pain sign (aching bones for vitamin D) that a harmless pattern's own pain explains
    /// (`Pattern::explains_pain`): then it asks for no test (review 36 S6: only this sign,
    /// never restless legs, tingling or pallor).
    #[serde(default)]
    pub pain_sign: bool,
}
}

/// What an entry's other fields and the rest of the base say about it: worked out once
/// as the base is read ([`KnowledgeBase::mark`]) rather than on every assessment, never
/// authored, never in the compact form (its reader reads nothing for it).
/// (Set through a shared reference: the base's lists are read-only copy-on-write lists,
/// and copying one to mark it would cost the wasm a copy of the code that clones them.)
#[derive(Debug, Default)]
pub struct Marked(std::sync::atomic::AtomicBool);

impl Marked {
    pub fn get(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Clone for Marked {
    fn clone(&self) -> Marked {
        Marked(self.get().into())
    }
}

impl PartialEq for Marked {
    fn eq(&self, other: &Marked) -> bool {
        self.get() == other.get()
    }
}

impl crate::compact::Decode for Marked {
    fn decode(_: &mut crate::compact::Reader) -> Marked {
        Marked::default()
    }
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RedFlag {
    pub id: Text,
    pub level: TriageLevel,
    pub title: Text,
    /// What to do and where to go, worded for anyone ("the leg", "for fainting", "a GP"),
    /// never "you": a parent reads it of a child (see `validate::said_to_anyone`).
    pub guidance: Text,
    /// What not to do, e.g. "Don't rub the leg", worded for anyone likewise.
    #[serde(default)]
    pub do_not: Option<Text>,
    /// The one next step when this warning leads its level, in place of the level's (a
    /// flag that says "A&E now" or "the team's 24-hour line now" under a "call your GP"
    /// action contradicts itself). Worded for anyone, like `guidance`.
    #[serde(default)]
    pub action: Option<Text>,
    /// At `urgent`, this warning's `action` leads even beside a same-day warning with no
    /// step of its own: it is the more pressing (A&E now, the team's line now, 999 if it
    /// has just happened), where "call your GP surgery today" would read as leave to wait.
    #[serde(default)]
    pub leads: bool,
    /// The warning explains the leg symptoms by something other than a nutrient (a clot,
    /// an infection, a trapped nerve) and needs help first: nutrient ideas are held back
    /// rather than offered as another explanation.
    #[serde(default)]
    pub defers_nutrients: bool,
    /// Nutrients whose shortfall can itself cause this sign (low potassium a racing heart,
    /// low calcium a tingling mouth), as its sources say. When nutrients are deferred (an
    /// urgent or emergency outcome, or a warning that defers them) one of them is named for
    /// the clinician only, never with foods, and only when a direct cause the person can't
    /// put right alone points to it (safety/triage-policy.md).
    #[serde(default)]
    pub may_be_low: List<Text>,
    /// The `may_be_low` nutrients whose own classic sign this is (rickets' bowed legs for
    /// vitamin D and calcium, anaemia's pallor for iron and B12, a baby's tetany for vitamin
    /// D): any direct cause of one of them, one the person could otherwise put right too (a
    /// diet, little daylight), names it for the clinician, at any level. The sign means it
    /// has gone too far to put right alone. (Not every nutrient a sign may come from: a diet
    /// without dairy doesn't lower the blood's calcium.)
    #[serde(default)]
    pub shortfall_sign: List<Text>,
    /// Warnings at a higher level about the same sign: when one of them holds, this one
    /// isn't shown (a routine "mention it at a visit" beside "see a GP within days" for the
    /// same tingling reads as two answers to one question).
    #[serde(default)]
    pub replaced_by: List<Text>,
    pub when: Condition,
    pub sources: List<Text>,
}
}

crate::compact_struct! {
/// Lifestyle tips, other causes, medicine notes and supplement cautions share this shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    pub id: Text,
    /// The title and text are worded for anyone, never "you" (see
    /// `validate::said_to_anyone`); only `action` has words for someone else.
    pub title: Text,
    pub text: Text,
    /// The step to do, in a few words, for the first screen of the results ("Stretch your
    /// calves before bed"). Entries without one are shown only further down.
    #[serde(default)]
    pub action: Option<Text>,
    /// `action` for someone else, where it says "you" or "your".
    #[serde(default)]
    pub action_them: Option<Text>,
    /// Shown when this holds (empty: always).
    #[serde(default)]
    pub when: Condition,
    /// If set, shown only when one of these nutrients is matched.
    #[serde(default)]
    pub nutrients: List<Text>,
    /// The blood tests its `action` asks for: on the first screen they join the one
    /// blood-test step instead of making a second.
    #[serde(default)]
    pub tests: List<Text>,
    /// Its text says no test is needed: it is not shown when a test is suggested.
    #[serde(default)]
    pub no_tests: bool,
    /// It names a supplement (vitamin D drops): not shown beside a same-day or emergency
    /// warning, where it would read as a treatment for the leg.
    #[serde(default)]
    pub supplement: bool,
    /// Care at home with its own timescale ("see a GP if not better in 2 weeks", "rest it
    /// and use ice"): not shown beside a same-day or emergency warning, which it would
    /// contradict (review 40 P2).
    #[serde(default)]
    pub home_care: bool,
    /// Warnings (red flag ids) beside which it is not shown: advice one of them
    /// contradicts (rubbing a cramp beside a possible clot's "don't massage the leg").
    #[serde(default)]
    pub not_beside: List<Text>,
    pub sources: List<Text>,
}
}

crate::compact_struct! {
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabTest {
    pub id: Text,
    /// What the person asks for, in plain words ("iron stores").
    pub plain: Text,
    /// The test's name and what it shows, for the doctor.
    pub name: Text,
    pub why: Text,
    /// Suggested when this holds, besides whenever a nutrient listing it is matched.
    #[serde(default)]
    pub when: Condition,
    pub sources: List<Text>,
}
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

/// Lookups by id: the base is small, so a scan is quicker and smaller than a map.
impl KnowledgeBase {
    /// The four kinds of advice (tips, other causes, medicine notes, supplement cautions)
    /// in the order the results show them, each with its table's name in the TOML: the one
    /// place that lists them, for everything that walks them all.
    pub fn advice_lists(&self) -> [(&'static str, &List<Advice>); 4] {
        [
            ("lifestyle", &self.lifestyle),
            ("other_causes", &self.other_causes),
            ("medicine_notes", &self.medicine_notes),
            ("supplement_cautions", &self.supplement_cautions),
        ]
    }

    /// The base as the widget reads it back from the compact form: the regions, the
    /// warning signs and the foods without what it leaves out (see
    /// [`Region::as_embedded`], [`EmergencySigns::as_embedded`], [`Food::usda_ndb`]).
    pub fn as_embedded(&self) -> KnowledgeBase {
        KnowledgeBase {
            regions: self.regions.iter().map(Region::as_embedded).collect(),
            emergency: self.emergency.as_embedded(),
            foods: self.foods.iter().map(|f| Food { usda_ndb: None, ..f.clone() }).collect(),
            ..self.clone()
        }
    }

    /// Works out the [`Marked`] facts: every reader of the base calls it once (and a test
    /// that edits a copy's rules or questions, again).
    pub fn mark(&self) {
        for e in self.evidence.iter() {
            let telling = e
                .when
                .iter()
                .any(|clause| clause.iter().all(|r| !r.negated && self.question(&r.question).is_some_and(|q| q.signs)));
            e.telling_sign.0.store(telling, std::sync::atomic::Ordering::Relaxed);
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn nutrient(&self, id: &str) -> Option<&Nutrient> {
        self.nutrients.iter().find(|n| n.id == id)
    }

    pub fn food(&self, id: &str) -> Option<&Food> {
        self.foods.iter().find(|f| f.id == id)
    }

    pub fn red_flag(&self, id: &str) -> Option<&RedFlag> {
        self.red_flags.iter().find(|f| f.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn pattern(&self, id: &str) -> Option<&Pattern> {
        self.patterns.iter().find(|p| p.id == id)
    }

    pub fn lab_test(&self, id: &str) -> Option<&LabTest> {
        self.lab_tests.iter().find(|t| t.id == id)
    }

    pub fn diet(&self, id: &str) -> Option<&Diet> {
        self.diets.iter().find(|d| d.id == id)
    }

    pub fn food_caution(&self, tag: &str) -> Option<&FoodCaution> {
        self.food_cautions.iter().find(|c| c.tag == tag)
    }

    /// A region by id (any case), if the knowledge base has it.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id.eq_ignore_ascii_case(id))
    }

    /// What to do at a triage level. Validation guarantees one entry per level.
    pub fn guidance(&self, level: TriageLevel) -> Option<&TriageGuidance> {
        self.triage.iter().find(|t| t.level == level)
    }
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
}
