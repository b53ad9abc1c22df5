//! Who the answers are about: asked on the age's page, and every question and the results
//! worded for that person ("you", "they", "your child"); a child's warning signs first;
//! answers and links saved before the question existed still open.
// Native only: proptest and the authored data, which the wasm target lacks.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{speaks_to_the_person, validate, KnowledgeBase, Text, TriageLevel};
use leg_pain_quiz::quiz::{
    assess, clean, share, Action, Answers, Assessment, Cleaned, FoodSuggestion, Journey, NutrientMatch, Person, Screen,
};
use leg_pain_quiz::report::{report, Mark, Report};
use leg_pain_quiz::session::Session;
use lpq_fixtures::{with, Change, HARMLESS};
use proptest::prelude::*;
use std::borrow::Cow;

fn kb() -> KnowledgeBase {
    leg_pain_quiz::knowledge::embedded()
}

const SOMEONE_ELSE: (&str, &[&str]) = ("for_whom", &["someone_else"]);

/// Growing pains in a 7-year-old, told by a parent.
const GROWING_PAINS: Change = &[
    SOMEONE_ELSE,
    ("age", &["under_13"]),
    ("sensation", &["aching"]),
    ("cramp_pattern", &[]),
    ("child_pattern", &["both_legs_evening", "fine_morning"]),
    ("legs", &[]),
    ("sex", &["female"]),
    ("daily_life", &["none"]),
];

/// A child with a fever and a red, hot leg: an urgent warning interrupts.
const CHILD_RED_LEG: Change = &[
    SOMEONE_ELSE,
    ("age", &["under_13"]),
    ("sensation", &["pain"]),
    ("cramp_pattern", &[]),
    ("child_pattern", &["one_leg", "swelling", "unwell"]),
    ("legs", &[]),
    ("leg_signs", &["red_hot_skin"]),
    ("body_signs", &["fever"]),
    ("since", &["sudden"]),
    ("frequency", &["constant"]),
];

/// A child's restless legs at night, vegan, indoors: nutrients stand out.
const CHILD_RESTLESS_VEGAN: Change = &[
    SOMEONE_ELSE,
    ("age", &["under_13"]),
    ("sensation", &["urge_to_move"]),
    ("cramp_pattern", &[]),
    ("rls_pattern", &["rest_worse", "evening_worse", "sleep_spoiled"]),
    ("frequency", &["most_nights"]),
    ("sex", &["male"]),
    ("diet", &["vegan"]),
    ("eats", &["fruit_veg"]),
    ("daylight", &["little", "covered"]),
];

/// A daughter answering for her father, 74, on a water tablet.
const FATHER_ON_WATER_TABLETS: Change = &[
    SOMEONE_ELSE,
    ("age", &["over_70"]),
    ("frequency", &["most_nights"]),
    ("cramp_pattern", &["short", "spoil_sleep"]),
    ("medicines", &["diuretic"]),
    ("other_medicines", &["ppi"]),
    ("conditions", &["diabetes"]),
    ("daylight", &["little"]),
];

/// A partner answering for a pregnant woman with cramps.
const PARTNER_PREGNANT: Change =
    &[SOMEONE_ELSE, ("age", &["18_50"]), ("sex", &["pregnant"]), ("pregnancy_signs", &["none"])];

/// Words that speak to the person themselves: "your child" speaks to a parent, of the child.
fn says_you(text: &str) -> bool {
    let lower = text.to_lowercase().replace("your child", "the child");
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| matches!(w, "you" | "your" | "yours" | "yourself" | "you're" | "you’re"))
}

/// Every line of the results the reader takes to be about the person the answers are
/// about: the pattern, the outcome's heading, each warning sign (its title, guidance and
/// "don't"), what to do while waiting, the action's safety net, the steps, the nutrients and their foods, and every
/// folded section (tips, other causes, medicines, supplements, the doctor's part). Left
/// out, as the reader's own: the outcome's action (its words for someone else say "if
/// you can't reach them" of the reader; validation asks for them), "nothing in your
/// answers", the question of whom the answers are about in the doctor's part ("Who are
/// you answering for?"), and the sources' titles (publications' names).
fn lines_read(kb: &KnowledgeBase, r: &Report) -> Vec<String> {
    let asked_who: Vec<&Text> = kb.questions.iter().filter(|q| asks_who(kb, q)).map(|q| &q.prompt).collect();
    let mut lines: Vec<String> = Vec::new();
    if let Some(p) = &r.pattern {
        lines.extend([&p.title, &p.text, &p.tonight, &p.not_diagnosis].map(|t| t.to_string()));
    }
    lines.push(r.outcome.heading.to_string());
    lines.extend(r.outcome.while_waiting.iter().chain(&r.outcome.safety_net).map(|t| t.to_string()));
    lines.extend(r.steps.iter().map(|t| t.to_string()));
    let mut blocks = Vec::new();
    let flags = leg_pain_quiz::report::Block { heading: None, lines: r.outcome.flags.clone() };
    let withheld = leg_pain_quiz::report::Block { heading: None, lines: r.withheld.clone() };
    blocks.extend([&flags, &withheld]);
    for s in &r.standout {
        lines.extend([&s.name, &s.label].map(|t| t.to_string()));
        blocks.extend(&s.blocks);
    }
    for f in &r.folds {
        lines.push(f.title.to_string());
        blocks.extend(&f.blocks);
    }
    if let Some(l) = r.no_nutrients.as_ref().filter(|l| l.mark != Mark::NoNutrient) {
        lines.push(l.text.to_string());
    }
    for b in blocks {
        lines.extend(b.heading.iter().map(|h| h.to_string()));
        for l in b
            .lines
            .iter()
            .filter(|l| l.mark != Mark::Source && !l.lead.as_ref().is_some_and(|t| asked_who.contains(&t)))
        {
            lines.extend(l.lead.iter().chain([&l.text]).chain(&l.warning).map(|t| t.to_string()));
        }
    }
    lines
}

/// The validation's word check ("you", "your", "I", "my"), where "your child" speaks to a
/// parent of the child.
fn speaks_to_them(text: &str) -> bool {
    speaks_to_the_person(&text.replace("your child", "the child").replace("Your child", "The child"))
}

/// "I", "my": the person speaking of themselves in a choice.
fn says_i(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| matches!(w, "I" | "my" | "My" | "I'm" | "I’m" | "me"))
}

/// What a walk through the quiz showed: each page's headings, hints, errors and choice
/// labels (in the words shown once its answers are given), the results' headings, and
/// how many screens it took (pages, warnings, check your answers, results).
#[derive(Default)]
struct Walk {
    headings: Vec<String>,
    choice_labels: Vec<String>,
    results_headings: Vec<String>,
    steps: Vec<String>,
    screens: usize,
    answers: Answers,
}

/// The question the wording depends on (`them_when` names it): it speaks to the one
/// answering ("Who are you answering for?"), whoever the answers are about.
fn asks_who(kb: &KnowledgeBase, q: &leg_pain_quiz::knowledge::Question) -> bool {
    kb.them_when.iter().any(|clause| clause.iter().any(|r| r.question == q.id))
}

/// Walks the quiz as a person clicks through it, answering each page from `answers`.
fn walk(kb: &KnowledgeBase, answers: &Answers) -> Walk {
    let mut seen = Walk::default();
    let mut j = Journey::new().apply(kb, Action::Start);
    for _ in 0..60 {
        seen.screens += 1;
        match j.screen.clone() {
            Screen::Question(head) => {
                let page = j.page(kb);
                assert!(!page.is_empty(), "page `{head}` has questions");
                for q in &page {
                    let given = answers.get(&q.id);
                    assert!(!given.is_empty(), "the walk doesn't answer `{}`", q.id);
                    for c in given {
                        j = j.apply(kb, Action::Choose { question: q.id.to_string(), choice: c.clone() });
                    }
                }
                let cleaned = Cleaned::new(kb, &j.answers);
                let person = Person::of(kb, &cleaned);
                // The question of who the answers are about speaks to the one answering.
                for q in page.iter().filter(|q| !asks_who(kb, q)) {
                    seen.headings.push(person.prompt(q).to_string());
                    seen.headings.extend(person.hint(q).map(|h| h.to_string()));
                    seen.headings.push(person.error(q).to_string());
                    seen.choice_labels.extend(cleaned.offered(q).iter().map(|c| person.label(c).to_string()));
                }
                let before = j.screen.clone();
                j = j.apply(kb, Action::Next);
                assert_ne!(j.screen, before, "Next leaves a page whose questions are answered");
            }
            Screen::Interrupt(_) => j = j.apply(kb, Action::Continue),
            Screen::Review => j = j.apply(kb, Action::Submit),
            Screen::Results => {
                let a = assess(kb, &j.answers);
                let r = report(kb, kb.region("GB"), &j.answers, &a);
                seen.results_headings.push(r.outcome.heading.to_string());
                seen.results_headings.extend(r.pattern.map(|p| p.title.to_string()));
                seen.results_headings.extend(r.folds.iter().map(|f| f.title.to_string()));
                for s in &r.standout {
                    seen.results_headings
                        .extend(s.blocks.iter().filter_map(|b| b.heading.as_ref().map(|h| h.to_string())));
                }
                seen.steps = r.steps.iter().map(|s| s.to_string()).collect();
                seen.answers = j.answers.clone();
                return seen;
            }
            other => panic!("the walk reached {other:?}"),
        }
    }
    panic!("the walk never reached the results");
}

#[test]
fn the_first_page_asks_who_the_answers_are_about_with_the_age() {
    let kb = kb();
    let j = Journey::new().apply(&kb, Action::Start);
    let ids: Vec<&str> = j.page(&kb).iter().map(|q| q.id.as_ref()).collect();
    assert_eq!(ids, ["for_whom", "age"]);
    // Next with only the age given says what is missing: who the answers are for.
    let j = j.apply(&kb, Action::Choose { question: "age".into(), choice: "18_50".into() }).apply(&kb, Action::Next);
    assert_eq!(j.screen, Screen::Question("for_whom".into()));
    let missing: Vec<&str> = j.missing(&kb).iter().map(|q| q.id.as_ref()).collect();
    assert_eq!(missing, ["for_whom"]);
    // Nothing given: both are missing, in the page's order.
    let blank = Journey::new().apply(&kb, Action::Start).apply(&kb, Action::Next);
    assert_eq!(blank.missing(&kb).len(), 2);
    // Both given: on to the next page, and Back returns to the first page whole.
    let j =
        j.apply(&kb, Action::Choose { question: "for_whom".into(), choice: "myself".into() }).apply(&kb, Action::Next);
    assert_eq!(j.screen, Screen::Question("sensation".into()));
    assert!(j.missing(&kb).is_empty());
    assert_eq!(j.apply(&kb, Action::Back).screen, Screen::Question("for_whom".into()));
    // Changing the age from "check your answers" opens its page.
    let done = walk(&kb, &with(HARMLESS));
    let mut at_review = Journey::resume(&kb, &done.answers, Screen::Review, &[]);
    at_review = at_review.apply(&kb, Action::Edit("age".into()));
    assert_eq!(at_review.screen, Screen::Question("for_whom".into()));
}

#[test]
fn a_child_under_13_is_never_asked_or_told_about_you() {
    let kb = kb();
    for (name, change) in
        [("growing pains", GROWING_PAINS), ("red leg", CHILD_RED_LEG), ("restless, vegan", CHILD_RESTLESS_VEGAN)]
    {
        let w = walk(&kb, &with(change));
        assert_eq!(Person::of(&kb, &Cleaned::new(&kb, &w.answers)), Person::Child, "{name}");
        for text in w.headings.iter().chain(&w.results_headings) {
            assert!(!says_you(text), "{name}: a child's page or result says “{text}”");
        }
        for text in &w.choice_labels {
            assert!(!says_i(text) && !says_you(text), "{name}: a child's choice says “{text}”");
        }
        for step in &w.steps {
            assert!(!says_you(step), "{name}: a next step says “{step}”");
        }
        assert!(w.headings.iter().any(|h| h.contains("your child")), "{name}: the questions name “your child”");
    }
}

#[test]
fn someone_else_is_they_and_myself_is_you_as_before() {
    let kb = kb();
    for (name, change) in [("father", FATHER_ON_WATER_TABLETS), ("partner", PARTNER_PREGNANT)] {
        let w = walk(&kb, &with(change));
        assert_eq!(Person::of(&kb, &Cleaned::new(&kb, &w.answers)), Person::Them, "{name}");
        for text in w.headings.iter().chain(&w.results_headings).chain(&w.choice_labels).chain(&w.steps) {
            assert!(!says_you(text), "{name}: someone else's page or result says “{text}”");
        }
        assert!(w.headings.iter().any(|h| h == "How old are they?"), "{name}");
    }
    // Myself: the words are the base's own, unchanged.
    let w = walk(&kb, &with(HARMLESS));
    let asked = Cleaned::new(&kb, &w.answers).asked().to_vec();
    for q in asked.iter().filter(|q| !asks_who(&kb, q)) {
        assert!(w.headings.contains(&q.prompt.to_string()), "`{}` keeps its own prompt", q.id);
    }
    assert!(w.results_headings.contains(&"You can likely manage this yourself".to_string()));
    let them = walk(&kb, &with(&[SOMEONE_ELSE]));
    assert!(them.results_headings.contains(&"This can likely be looked after at home".to_string()));
    assert!(them.results_headings.contains(&"For their doctor".to_string()));
}

#[test]
fn the_engine_picks_the_words_for_each_person() {
    let (you, them, child): (Text, Text, Text) = ("you".into(), "they".into(), "your child".into());
    assert_eq!(Person::Myself.pick(&you, Some(&them), Some(&child)), "you");
    assert_eq!(Person::Them.pick(&you, Some(&them), Some(&child)), "they");
    assert_eq!(Person::Child.pick(&you, Some(&them), Some(&child)), "your child");
    assert_eq!(Person::Child.pick(&you, Some(&them), None), "they", "a child falls back to someone else's words");
    assert_eq!(Person::Them.pick(&you, None, None), "you", "a text that never says “you” has one wording");
    let kb = kb();
    let person = |changes: Change| Person::of(&kb, &Cleaned::new(&kb, &with(changes)));
    assert_eq!(person(HARMLESS), Person::Myself);
    assert_eq!(person(&[("age", &["under_13"])]), Person::Myself, "a child answering for themselves is “you”");
    assert_eq!(person(&[SOMEONE_ELSE, ("age", &["13_17"])]), Person::Them);
    assert_eq!(person(&[SOMEONE_ELSE, ("age", &["under_13"])]), Person::Child);
}

#[test]
fn a_childs_warning_signs_come_first_and_no_adult_only_choice_is_offered() {
    let kb = kb();
    let child = Cleaned::new(&kb, &with(GROWING_PAINS));
    let adult = Cleaned::new(&kb, &with(HARMLESS));
    for id in ["leg_signs", "body_signs"] {
        let q = kb.question(id).unwrap();
        let offered = child.offered(q);
        let first = offered.iter().take_while(|c| !c.first_when.is_empty()).count();
        // Of those offered (a baby's fever under 3 months is offered under 3 only).
        let flagged = offered.iter().filter(|c| !c.first_when.is_empty()).count();
        assert!(first >= 3 && first == flagged, "{id}: the {flagged} signs for children lead ({first} did)");
        assert!(offered.last().is_some_and(|c| c.exclusive), "{id}: “None of these” stays last in the list");
        // An adult sees the base's order.
        let ids = |cs: Vec<&leg_pain_quiz::knowledge::Choice>| cs.iter().map(|c| c.id.to_string()).collect::<Vec<_>>();
        let for_adults = q.choices.iter().filter(|c| leg_pain_quiz::quiz::holds(&c.show_if, &adult)).collect();
        assert_eq!(ids(adult.offered(q)), ids(for_adults), "{id}: an adult's order is the base's");
    }
    // Every choice that makes no sense under 13 (`!age.under_13`) is missing from every
    // page a child's walk shows.
    let mut adult_only: Vec<String> = Vec::new();
    for q in kb.questions.iter() {
        for c in q.choices.iter() {
            if c.show_if.iter().any(|clause| clause.iter().any(|r| r.negated && r.choice == "under_13")) {
                adult_only.push(format!("{}.{}", q.id, c.id));
            }
        }
    }
    assert!(adult_only.iter().any(|c| c == "sex.pregnant") && adult_only.iter().any(|c| c == "medicines.hormones"));
    for change in [GROWING_PAINS, CHILD_RED_LEG, CHILD_RESTLESS_VEGAN] {
        let answers = with(change);
        let cleaned = Cleaned::new(&kb, &answers);
        for q in cleaned.asked() {
            for c in cleaned.offered(q) {
                let id = format!("{}.{}", q.id, c.id);
                assert!(!adult_only.contains(&id), "a child is offered `{id}`");
            }
        }
    }
}

/// The base as it was before it asked who the answers are about.
fn before_who(kb: &KnowledgeBase) -> KnowledgeBase {
    let mut old = kb.clone();
    old.questions = Cow::Owned(kb.questions.iter().filter(|q| q.id != "for_whom").cloned().collect());
    old
}

#[test]
fn answers_and_links_from_before_are_about_the_person_answering() {
    let kb = kb();
    let old = before_who(&kb);
    let mut answers = with(&[("age", &["51_70"]), ("medicines", &["diuretic"])]);
    answers.set("for_whom", Vec::new());
    // A results link made before opens, as answers about oneself.
    let link = share::encode(&old, &answers);
    let opened = share::decode(&kb, &link).expect("a link from before opens");
    let cleaned = clean(&kb, &opened);
    assert_eq!(cleaned.get("for_whom"), ["myself"]);
    assert_eq!(assess(&kb, &opened).triage, assess(&old, &answers).triage);
    // A link made now carries the answer, and a changed link is still refused.
    let now = share::encode(&kb, &with(&[SOMEONE_ELSE]));
    assert_eq!(clean(&kb, &share::decode(&kb, &now).unwrap()).get("for_whom"), ["someone_else"]);
    let mut bytes = now.into_bytes();
    bytes[7] = if bytes[7] == b'A' { b'B' } else { b'A' };
    assert!(share::decode(&kb, &String::from_utf8(bytes).unwrap()).is_err());
    // A session saved before, on the age question, reopens the age's page, as oneself.
    let saved =
        Session { answers: answers.clone(), screen: Some(Screen::Question("age".into())), ..Session::default() };
    let resumed = Session::decode(&saved.encode()).unwrap().resume(&kb);
    assert_eq!(resumed.screen, Screen::Question("for_whom".into()));
    assert_eq!(resumed.answers.get("for_whom"), ["myself"]);
    // Saved at the results: still the results, complete.
    let done = walk(&old_walkable(&kb), &with(HARMLESS)).answers;
    let saved = Session { answers: done, screen: Some(Screen::Results), ..Session::default() };
    assert_eq!(Session::decode(&saved.encode()).unwrap().resume(&kb).screen, Screen::Results);
    // But a person who has only chosen an age on the first page is not taken to be
    // answering for themselves: the question waits for them.
    let fresh = Journey::new().apply(&kb, Action::Start);
    let fresh = fresh.apply(&kb, Action::Choose { question: "age".into(), choice: "under_13".into() });
    assert!(fresh.answers.get("for_whom").is_empty());
}

/// The base with no page joining two questions: the screens as they were before.
fn old_walkable(kb: &KnowledgeBase) -> KnowledgeBase {
    before_who(kb)
}

#[test]
fn validation_asks_for_the_words_for_someone_else() {
    let kb = kb();
    assert!(validate(&kb).is_empty());
    let mut broken = kb.clone();
    let mut questions = broken.questions.to_vec();
    let age = questions.iter_mut().find(|q| q.id == "age").unwrap();
    age.prompt_them = None;
    let sensation_choice = |q: &mut leg_pain_quiz::knowledge::Question| {
        let mut choices = q.choices.to_vec();
        choices.iter_mut().find(|c| c.id == "urge_to_move").unwrap().label_them = None;
        q.choices = choices.into();
    };
    sensation_choice(questions.iter_mut().find(|q| q.id == "sensation").unwrap());
    broken.questions = questions.into();
    let errors = validate(&broken);
    assert!(errors.iter().any(|e| e.contains("`age`") && e.contains("prompt_them")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("urge_to_move") && e.contains("label_them")), "{errors:?}");
}

/// The results' body lines with one wording for everyone (the disclaimer, the likely
/// pattern and its "Tonight:", what to do while waiting, the "Why" reasons) never say
/// "you" about the person; a line that did is refused by validation.
#[test]
fn the_results_lines_said_to_anyone_never_say_you() {
    let kb = kb();
    let texts = leg_pain_quiz::knowledge::said_to_anyone(&kb);
    assert!(texts.iter().any(|(w, _)| w.contains("tonight")) && texts.iter().any(|(w, _)| w.contains("reason")));
    for (what, text) in &texts {
        assert!(!says_you(text), "{what}: “{text}”");
    }
    // A "Tonight:" line that speaks to the person is refused.
    let mut broken = kb.clone();
    let mut patterns = broken.patterns.to_vec();
    patterns[0].tonight = "Tonight: stretch your calves before bed.".into();
    broken.patterns = patterns.into();
    let errors = validate(&broken);
    assert!(errors.iter().any(|e| e.contains(&*kb.patterns[0].id) && e.contains("`tonight`")), "{errors:?}");
    // So is a "Why" reason, and a line to do while waiting.
    let mut broken = kb.clone();
    let mut evidence = broken.evidence.to_vec();
    evidence[0].reason = "Your cramps come most nights.".into();
    broken.evidence = evidence.into();
    let mut triage = broken.triage.to_vec();
    let g = triage.iter_mut().find(|g| !g.while_waiting.is_empty()).unwrap();
    g.while_waiting = vec!["If you get worse, call again.".into()].into();
    broken.triage = triage.into();
    let errors = validate(&broken);
    assert!(errors.iter().any(|e| e.contains("`reason`")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("`while_waiting`")), "{errors:?}");
}

/// Validation refuses "you" in a warning sign's words and in advice, nutrients' and foods'
/// notes, naming the field and saying how to word it.
#[test]
fn validation_refuses_you_in_warnings_and_advice() {
    let kb = kb();
    assert!(validate(&kb).is_empty());
    let mut broken = kb.clone();
    let mut flags = broken.red_flags.to_vec();
    flags[0].guidance = "Rest your leg.".into();
    flags[1].do_not = Some("Don't stop your medicine.".into());
    broken.red_flags = flags.into();
    let mut tips = broken.lifestyle.to_vec();
    tips[0].text = "If you sit a lot, move hourly.".into();
    tips[1].title = "Long days on your feet".into();
    broken.lifestyle = tips.into();
    let mut notes = broken.medicine_notes.to_vec();
    notes[0].text = "Skip your next dose.".into();
    broken.medicine_notes = notes.into();
    let mut nutrients = broken.nutrients.to_vec();
    nutrients[0].supplement_caution = "Ask your doctor.".into();
    broken.nutrients = nutrients.into();
    let mut cautions = broken.food_cautions.to_vec();
    cautions[0].note = "If a medicine of yours raises it, ask.".into();
    broken.food_cautions = cautions.into();
    let errors = validate(&broken);
    for (id, field) in [
        (&kb.red_flags[0].id, "`guidance`"),
        (&kb.red_flags[1].id, "`do_not`"),
        (&kb.lifestyle[0].id, "`text`"),
        (&kb.lifestyle[1].id, "`title`"),
        (&kb.medicine_notes[0].id, "`text`"),
        (&kb.nutrients[0].id, "`supplement_caution`"),
        (&kb.food_cautions[0].tag, "`note`"),
    ] {
        let found = errors.iter().find(|e| e.contains(&format!("`{id}`: {field}")));
        assert!(found.is_some_and(|e| e.contains("word it for anyone")), "{id} {field}: {errors:?}");
    }
    assert_eq!(errors.len(), 7, "{errors:?}");
}

/// Every warning sign and every note the results can show, read by a parent about a
/// child and by someone answering for an older man: none says "your leg", "you take" of
/// them. The answers are real walks; the assessment then lists every warning sign, tip,
/// other cause, medicine and supplement note, every nutrient (with its foods and each
/// food caution, and as withheld), at every level and with each pattern.
#[test]
fn every_warning_and_note_speaks_of_them() {
    let kb = kb();
    let ids = |list: &[leg_pain_quiz::knowledge::Advice]| list.iter().map(|x| x.id.clone()).collect::<Vec<Text>>();
    let patterns = kb.patterns.iter().map(|p| Some(p.id.clone())).chain([None]);
    let levels = TriageLevel::ALL;
    let mut seen = 0;
    for (name, change, person) in
        [("growing pains", GROWING_PAINS, Person::Child), ("father", FATHER_ON_WATER_TABLETS, Person::Them)]
    {
        let answers = walk(&kb, &with(change)).answers;
        let mut a: Assessment = assess(&kb, &answers);
        assert_eq!(a.person, person, "{name}");
        a.red_flags = kb.red_flags.iter().map(|f| f.id.clone()).collect();
        a.lifestyle = ids(&kb.lifestyle);
        a.other_causes = ids(&kb.other_causes);
        a.medicine_notes = ids(&kb.medicine_notes);
        a.supplement_cautions = ids(&kb.supplement_cautions);
        a.withheld = kb.nutrients.iter().map(|n| n.id.clone()).collect();
        let mut caution = kb.food_cautions.iter().map(|c| c.tag.clone()).cycle();
        a.nutrients = kb
            .nutrients
            .iter()
            .map(|n| NutrientMatch {
                id: n.id.clone(),
                strength: leg_pain_quiz::knowledge::Strength::Possible,
                score: 1,
                direct: false,
                medical_cause: false,
                test_only: false,
                triage: TriageLevel::SelfCare,
                evidence: Vec::new(),
                reasons: Vec::new(),
                foods: kb
                    .foods
                    .iter()
                    .filter(|f| f.amounts.iter().any(|(id, _)| *id == n.id))
                    .map(|f| FoodSuggestion { id: f.id.clone(), amount: 1.0, caution: caution.next() })
                    .collect(),
            })
            .collect();
        for (level, pattern) in levels.iter().cycle().zip(patterns.clone()) {
            a.triage = *level;
            a.pattern = pattern;
            let r = report(&kb, kb.region("GB"), &answers, &a);
            // At an emergency only its own warnings are said (the others at the other levels).
            // (and the others' `do_not` lines).
            let said = kb
                .red_flags
                .iter()
                .filter(|f| *level != TriageLevel::Emergency || f.level == *level || f.do_not.is_some())
                .count();
            assert_eq!(r.outcome.flags.len(), said);
            for text in lines_read(&kb, &r) {
                seen += 1;
                assert!(!speaks_to_them(&text), "{name}: the results say “{text}”");
            }
        }
    }
    assert!(seen > 1000, "{seen} lines read");
}

/// Everything the results say to a parent about a child, to someone answering for a
/// father, and to a partner: the likely pattern and its "Tonight:", the
/// lines while waiting, the next steps and the "Why" reasons, and the lead of "For their
/// doctor". None says "you" of the person. Not here: the outcome's action and its safety net, whose words
/// for someone else may say "if you can't reach them" of the reader (validation asks for
/// them); "nothing in your answers" (the reader's). Every warning sign and note:
/// `every_warning_and_note_speaks_of_them`.
#[test]
fn the_results_body_speaks_of_them() {
    let kb = kb();
    for (name, change) in [
        ("growing pains", GROWING_PAINS),
        ("restless, vegan", CHILD_RESTLESS_VEGAN),
        ("father", FATHER_ON_WATER_TABLETS),
        ("partner", PARTNER_PREGNANT),
    ] {
        let answers = walk(&kb, &with(change)).answers;
        let a = assess(&kb, &answers);
        let r = report(&kb, kb.region("GB"), &answers, &a);
        let mut lines: Vec<String> = vec![kb.disclaimer.to_string()];
        lines.extend(r.outcome.while_waiting.iter().map(|t| t.to_string()));
        lines.extend(
            r.pattern.iter().flat_map(|p| [p.text.to_string(), p.tonight.to_string(), p.not_diagnosis.to_string()]),
        );
        lines.extend(r.steps.iter().map(|t| t.to_string()));
        for s in &r.standout {
            lines.extend(s.blocks[0].lines.iter().map(|l| l.text.to_string()));
        }
        lines.push(kb.ui.doctor_lead.to_string());
        assert!(lines.len() > 4, "{name}");
        for text in &lines {
            assert!(!says_you(text), "{name}: the results say “{text}”");
        }
    }
}

/// The screens a person clicks through, before and after: the harmless adult path and a
/// child's, counted by the engine's walk. Who the answers are about adds no screen.
#[test]
fn asking_who_adds_no_screen() {
    let kb = kb();
    let old = before_who(&kb);
    for (name, change) in [("harmless adult", HARMLESS), ("child, growing pains", GROWING_PAINS)] {
        let now = walk(&kb, &with(change)).screens;
        let mut old_answers = with(change);
        old_answers.set("for_whom", Vec::new());
        let before = walk(&old, &old_answers).screens;
        println!("{name}: {before} screens before, {now} now");
        assert_eq!(now, before, "{name}: the first page holds both questions");
    }
}

/// Answers given by someone else about another person (of `age` when given), every other
/// answer picked from `picks` in turn.
fn walk_about_someone_else(kb: &KnowledgeBase, picks: &[usize], age: Option<&str>) -> Answers {
    let mut i = 0;
    lpq_fixtures::walk(kb, |q| {
        i += 1;
        let pick = picks[i % picks.len()];
        match (q.id.as_ref(), age) {
            ("for_whom", _) => vec!["someone_else".into()],
            ("age", Some(age)) => vec![age.into()],
            _ => vec![q.choices[pick % q.choices.len()].id.to_string()],
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any answers about a child, given by someone else: no question asked says "you".
    #[test]
    fn no_question_asked_about_a_child_says_you(picks in proptest::collection::vec(0usize..64, 40)) {
        let kb = kb();
        let answers = walk_about_someone_else(&kb, &picks, Some("under_13"));
        let cleaned = Cleaned::new(&kb, &answers);
        prop_assert_eq!(Person::of(&kb, &cleaned), Person::Child);
        for q in cleaned.asked().iter().filter(|q| !asks_who(&kb, q)) {
            prop_assert!(!says_you(Person::Child.prompt(q)), "{}", Person::Child.prompt(q));
            prop_assert!(!says_you(Person::Child.error(q)), "{}", Person::Child.error(q));
        }
        let a = assess(&kb, &answers);
        let r = report(&kb, kb.region("GB"), &answers, &a);
        prop_assert!(!says_you(&r.outcome.heading), "{}", r.outcome.heading);
    }

    /// Any answers about someone else, a child or not: no line of the results a parent
    /// or carer reads says "you" of the person (the same word check as validation's).
    #[test]
    fn no_results_line_about_someone_else_says_you(picks in proptest::collection::vec(0usize..64, 40)) {
        let kb = kb();
        let answers = walk_about_someone_else(&kb, &picks, None);
        let a = assess(&kb, &answers);
        prop_assert_ne!(a.person, Person::Myself);
        let r = report(&kb, kb.region("GB"), &answers, &a);
        for text in lines_read(&kb, &r) {
            prop_assert!(!speaks_to_them(&text), "the results say “{}”", text);
        }
    }
}

/// The screens a person clicks through with and without the diet-length question (asked
/// only of vegans and vegetarians, for B12): the harmless and the emergency path keep their
/// count, and a vegan's path takes one screen more.
#[test]
fn the_diet_length_question_adds_a_screen_only_for_vegans_and_vegetarians() {
    let kb = kb();
    let mut old = kb.clone();
    old.questions = Cow::Owned(kb.questions.iter().filter(|q| q.id != "diet_since").cloned().collect());
    let vegan: Change = &[("diet", &["vegan"]), ("avoid", &["fish", "shellfish", "dairy", "egg"])];
    let emergency: Change = &[("leg_signs", &["cold_pale"])];
    for (name, change, more) in [("harmless adult", HARMLESS, 0), ("emergency", emergency, 0), ("vegan", vegan, 1)] {
        let (before, now) = (walk(&old, &with(change)).screens, walk(&kb, &with(change)).screens);
        println!("{name}: {before} screens without the question, {now} with it");
        assert_eq!(now, before + more, "{name}");
    }
}
