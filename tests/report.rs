//! What a person is shown: the first screen of the results (outcome, up to three things
//! to do, the nutrients that stand out), the folded sections, the doctor section as plain
//! text, and the results link. Built natively from the same code the widget draws.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{KnowledgeBase, TriageLevel};
use leg_pain_quiz::quiz::share::{self, LinkError};
use leg_pain_quiz::quiz::{assess, clean, is_complete, select, visible_questions, Answers, MAX_STEPS};
use leg_pain_quiz::report::{plain_text, report, Mark, Report};
use leg_pain_quiz::session::Session;
use proptest::prelude::*;

mod common;
use common::{harmless, with};

fn kb() -> KnowledgeBase {
    leg_pain_quiz::knowledge::embedded()
}

fn report_for(kb: &KnowledgeBase, answers: &Answers) -> Report {
    assert!(is_complete(kb, answers), "test answers must be complete: {answers:?}");
    report(kb, kb.region("GB"), answers, &assess(kb, answers))
}

/// A 70-year-old on a water tablet and an acid-reflux medicine, with frequent cramps, a
/// poor diet and little daylight: the most the results ever hold.
fn complex() -> Answers {
    with(&[
        ("age", &["over_70"]),
        ("cramp_pattern", &["short", "spoil_sleep"]),
        ("frequency", &["most_nights"]),
        ("sex", &["postmenopausal"]),
        ("medicines", &["diuretic"]),
        ("other_medicines", &["ppi"]),
        ("eats", &["meat_fish_eggs"]),
        ("daylight", &["little"]),
    ])
}

#[test]
fn a_harmless_case_leads_with_what_helps_and_says_no_nutrient_stands_out() {
    let kb = kb();
    let r = report_for(&kb, &harmless());
    assert_eq!(r.outcome.level, TriageLevel::SelfCare);
    assert!(r.outcome.call.is_empty(), "no number to call");
    assert!(r.standout.is_empty());
    assert_eq!(r.no_nutrients.as_ref().map(|l| l.mark), Some(Mark::NoNutrient));
    assert!(!r.steps.is_empty() && r.steps.len() <= MAX_STEPS, "things to do now: {:?}", r.steps);
    assert!(!r.folds.iter().any(|f| f.name == "supplements"), "no supplement section when nothing points to one");
}

#[test]
fn the_first_screen_holds_at_most_three_steps_even_in_the_most_complex_case() {
    let kb = kb();
    let r = report_for(&kb, &complex());
    assert!(r.steps.len() <= MAX_STEPS, "{:?}", r.steps);
    assert!(r.outcome.level >= TriageLevel::Routine);
    assert!(!r.standout.is_empty());
    // Her most useful line comes first: a medicines review or a blood test.
    let first = r.steps.first().map(|s| s.to_lowercase()).unwrap_or_default();
    assert!(
        first.contains("medicine") || first.contains("blood test") || first.contains("prescriber"),
        "first step: {first}"
    );
}

#[test]
fn emergency_and_urgent_outcomes_give_a_number_to_tap_and_no_lists_to_work_through() {
    let kb = kb();
    let emergency =
        report_for(&kb, &with(&[("leg_signs", &["one_leg_pain_swelling"]), ("body_signs", &["breathless_chest"])]));
    assert_eq!(emergency.outcome.level, TriageLevel::Emergency);
    assert_eq!(emergency.outcome.call, ["999"]);
    assert!(emergency.steps.is_empty(), "under an emergency the one step is to call");
    assert!(!emergency.outcome.while_waiting.is_empty());
    assert!(!emergency.outcome.flags.is_empty());

    let urgent = report_for(&kb, &with(&[("leg_signs", &["one_leg_pain_swelling"])]));
    assert_eq!(urgent.outcome.level, TriageLevel::Urgent);
    assert_eq!(urgent.outcome.call, ["111"]);
    assert!(urgent.steps.is_empty());
}

#[test]
fn pregnancy_sends_people_to_their_midwife() {
    let kb = kb();
    let r = report_for(
        &kb,
        &with(&[("sex", &["pregnant"]), ("pregnancy_signs", &["none"]), ("frequency", &["most_nights"])]),
    );
    assert!(common::action_said(&r.outcome).to_lowercase().contains("midwife"), "{}", common::action_said(&r.outcome));
}

/// A shortfall the person can put right alone (pregnancy's cramps with little dairy) brings
/// foods and the midwife on the first screen, never a GP's blood test beside a midwife's
/// outcome; a medicine's shortfall (a water tablet) still brings the test.
#[test]
fn a_cause_put_right_at_home_brings_foods_not_a_blood_test() {
    let kb = kb();
    let pregnant = with(&[
        ("sex", &["pregnant"]),
        ("pregnancy_signs", &["none"]),
        ("frequency", &["most_nights"]),
        ("avoid", &["dairy"]),
        ("eats", &["greens", "wholegrains", "fruit_veg", "meat_fish_eggs"]),
    ]);
    let a = assess(&kb, &pregnant);
    assert!(!a.nutrients.is_empty(), "pregnancy cramps with little dairy name a nutrient: {a:#?}");
    let r = report_for(&kb, &pregnant);
    let steps = r.steps.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
    assert!(steps.iter().all(|s| !s.contains("blood test")), "no blood test for pregnancy cramps: {steps:?}");
    assert!(steps.iter().any(|s| s.contains("foods")), "food ideas instead: {steps:?}");
    let water_tablet = with(&[("medicines", &["diuretic"]), ("frequency", &["most_nights"])]);
    let r = report_for(&kb, &water_tablet);
    assert!(r.steps.iter().any(|s| s.contains("blood test")), "a water tablet's test stays: {:?}", r.steps);
}

/// A child's harmless leg pains are spoken of as a child's, with the signs that need a doctor.
#[test]
fn a_childs_growing_pains_are_self_care_in_words_for_a_parent() {
    let kb = kb();
    let child = with(&[
        ("age", &["under_13"]),
        ("sensation", &["aching"]),
        ("child_pattern", &["both_legs_evening", "fine_morning"]),
    ]);
    let r = report_for(&kb, &child);
    assert_eq!(r.outcome.level, TriageLevel::SelfCare);
    let action = common::action_said(&r.outcome).to_lowercase();
    assert!(["children", "limp", "fever"].iter().all(|w| action.contains(w)), "{action}");
    let adult = report_for(&kb, &harmless());
    assert!(!adult.outcome.action.contains("children"), "adults keep their own words");
}

#[test]
fn the_doctor_section_cites_only_what_was_shown_and_each_source_once() {
    let kb = kb();
    let answers = complex();
    let a = assess(&kb, &answers);
    let r = report(&kb, kb.region("GB"), &answers, &a);
    let sources = &r.folds.iter().find(|f| f.name == "sources").expect("a sources section").blocks[0].lines;
    let ids: Vec<&str> = sources.iter().map(|l| l.id.as_ref()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "each source once: {ids:?}");

    // Without an acid-reflux medicine, no paper about one.
    let plain = harmless();
    let a_plain = assess(&kb, &plain);
    let r_plain = report(&kb, kb.region("GB"), &plain, &a_plain);
    let cited: Vec<String> = r_plain
        .folds
        .iter()
        .filter(|f| f.name == "sources")
        .flat_map(|f| f.blocks[0].lines.iter().map(|l| l.text.to_lowercase()))
        .collect();
    assert!(!cited.iter().any(|t| t.contains("proton pump") || t.contains("ppi")), "{cited:?}");

    let doctor = &r.folds.iter().find(|f| f.name == "doctor").expect("a doctor section").blocks;
    let text = plain_text(&kb, doctor, sources, "2026-12-01");
    assert!(text.contains("2026-12-01"));
    assert!(text.contains(kb.ui.summary_answers.as_ref()), "the answers are listed");
    assert!(!text.contains('['), "no tags like [soon] in the summary: {text}");
    for s in sources {
        assert_eq!(text.matches(s.url.as_deref().unwrap_or("-")).count(), 1, "each source once in the text");
    }
}

#[test]
fn a_results_link_reopens_the_same_answers() {
    let kb = kb();
    for answers in [harmless(), complex()] {
        let link = share::encode(&kb, &answers);
        assert!(link.len() < 80, "a short link: {} characters", link.len());
        assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{link}");
        assert_eq!(share::decode(&kb, &link), Ok(clean(&kb, &answers)));
    }
}

#[test]
fn a_damaged_cut_or_edited_link_is_refused_never_misread() {
    let kb = kb();
    let link = share::encode(&kb, &complex());
    assert_eq!(share::decode(&kb, ""), Err(LinkError::Damaged));
    assert_eq!(share::decode(&kb, "not a link!"), Err(LinkError::Damaged));
    for cut in 1..link.len() {
        assert_eq!(share::decode(&kb, &link[..cut]), Err(LinkError::Damaged), "cut to {cut}");
    }
    for i in 0..link.len() {
        let mut edited = link.clone().into_bytes();
        edited[i] = if edited[i] == b'A' { b'B' } else { b'A' };
        let edited = String::from_utf8(edited).unwrap();
        if edited != link {
            assert!(share::decode(&kb, &edited).is_err(), "one character changed at {i} is caught");
        }
    }
    assert_eq!(share::decode(&kb, &format!("{link}AA")), Err(LinkError::Damaged), "longer than it should be");
}

#[test]
fn a_link_from_another_version_of_the_quiz_says_so() {
    let kb = kb();
    let link = share::encode(&kb, &harmless());
    let mut changed = kb.clone();
    let mut questions = changed.questions.to_vec();
    let age = questions.iter().position(|q| q.id == "age").unwrap();
    let mut choices = questions[age].choices.to_vec();
    choices[0].id = "renamed".into();
    questions[age].choices = choices.into();
    changed.questions = questions.into();
    assert_eq!(share::decode(&changed, &link), Err(LinkError::OtherVersion));
}

/// A link whose format is newer than this version's, with a valid checksum, is called
/// newer, not older (and is not read).
#[test]
fn a_link_from_a_newer_format_says_it_is_newer() {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let fnv = |bytes: &[u8]| bytes.iter().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193));
    let b64 = |bytes: &[u8]| {
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    };
    let kb = kb();
    // Format 2, any fingerprint, one empty mask per question, then the checksum.
    let mut bytes = vec![2u8, 1, 2, 3, 4];
    bytes.extend(std::iter::repeat_n(0u8, kb.questions.len()));
    let check = fnv(&bytes);
    bytes.extend_from_slice(&check.to_le_bytes());
    assert_eq!(share::decode(&kb, &b64(&bytes)), Err(LinkError::Newer));
    // The same with a damaged checksum is damaged, whatever its format says.
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    assert_eq!(share::decode(&kb, &b64(&bytes)), Err(LinkError::Damaged));
}

#[test]
fn pregnancy_is_kept_only_for_the_session_unless_the_person_chooses() {
    let kb = kb();
    let session = Session { revision: 3, answers: with(&[("sex", &["pregnant"])]), ..Session::default() };
    assert!(session.has_sensitive(&kb));
    let kept = session.without_sensitive(&kb);
    assert!(!kept.has_sensitive(&kb));
    assert!(!kept.answers.is_answered("sex"), "the question is asked again next time");
    assert_eq!(kept.answers.get("age"), session.answers.get("age"), "everything else is kept");
    assert!(!Session { answers: harmless(), ..Session::default() }.has_sensitive(&kb));
}

/// Random complete answers: a choice (or two) for each question asked, in order.
fn random_answers(kb: &KnowledgeBase, picks: &[u32]) -> Answers {
    let mut answers = Answers::new();
    let mut i = 0;
    loop {
        let asked = visible_questions(kb, &answers);
        let Some(q) = asked.iter().find(|q| !answers.is_answered(&q.id)) else { return answers };
        for _ in 0..(1 + picks.get(i).copied().unwrap_or(0) % 2) {
            let c = &q.choices[picks.get(i).copied().unwrap_or(0) as usize % q.choices.len()];
            answers = select(kb, &answers, &q.id, &c.id);
            i += 1;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_answers_survive_a_link_and_make_a_report_within_its_limits(picks in prop::collection::vec(any::<u32>(), 60)) {
        let kb = kb();
        let answers = random_answers(&kb, &picks);
        let link = share::encode(&kb, &answers);
        prop_assert_eq!(share::decode(&kb, &link), Ok(clean(&kb, &answers)));
        let r = report_for(&kb, &answers);
        prop_assert!(r.steps.len() <= MAX_STEPS);
        if r.outcome.level >= TriageLevel::Urgent {
            prop_assert!(r.steps.is_empty());
            prop_assert!(!r.outcome.call.is_empty());
        }
        prop_assert_eq!(r.standout.is_empty(), r.no_nutrients.is_some());
    }
}

/// Distinct storage keys name distinct results in a link (`x y` and `x_y` once shared
/// `lpq-x_y`), and keys of letters, digits, `-` and `_` keep the name their links have.
#[test]
fn each_storage_key_names_its_own_results_link() {
    let keys = ["x y", "x_y", "x%20y", "x.y", "x/y", "x=y", "x#y", "niño", "default", "default-2", "demo_a"];
    let names: Vec<String> = keys.iter().map(|k| share::param(k)).collect();
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            assert_ne!(a, b, "two keys share a link name");
        }
        assert!(!a.contains(['=', '#', ' ', '&']), "{a} would break the `#name=value` part");
        assert!(a.is_ascii(), "{a}: the browser gives back an address's fragment percent-encoded");
    }
    assert_eq!(share::param("demo_a"), "lpq-demo_a", "existing links still open");
    assert_eq!(share::param("default-2"), "lpq-default-2");
}

/// A racing heart with fainting on a water tablet: the page offers nothing to eat or take,
/// and one line in the outcome tells the person what to tell the clinician; the doctor's
/// summary names the nutrients and the blood test (safety/triage-policy.md).
#[test]
fn an_emergency_that_may_be_a_shortfall_names_it_for_the_clinician_only() {
    let kb = kb();
    let answers = with(&[("body_signs", &["palpitations_faint"]), ("medicines", &["diuretic"])]);
    let r = report_for(&kb, &answers);
    assert_eq!(r.outcome.level, TriageLevel::Emergency);
    assert!(r.standout.is_empty() && r.steps.is_empty());
    assert!(!r.folds.iter().any(|f| f.name == "about" || f.name == "supplements"));
    assert_eq!(r.no_nutrients.as_ref().map(|l| l.mark), Some(Mark::Deferred));
    let tell = r.outcome.tell.as_ref().map(|l| l.text.to_string()).unwrap_or_default();
    assert_eq!(
        tell,
        "Tell them about a water tablet like furosemide or bendroflumethiazide: potassium and magnesium may be low, \
         so a blood test may be needed. Don't start a supplement for this before the test."
    );
    let doctor = r.doctor_text("2026-01-01");
    assert!(doctor.contains("Potassium (") && doctor.contains("Magnesium ("), "{doctor}");
    assert!(doctor.contains("potassium"), "the blood test: {doctor}");
    // Without a direct cause, nothing is named, and no line is added.
    let r = report_for(&kb, &with(&[("body_signs", &["palpitations_faint"])]));
    assert!(r.outcome.tell.is_none() && r.standout.is_empty());
}

/// A toddler's bowed legs from no drops and dark skin: the outcome's line to tell the GP
/// names vitamin D with the diet, time outdoors and vitamins, in words for a parent, and
/// never an empty "Tell them about :" (safety/triage-policy.md).
#[test]
fn rickets_from_daylight_names_vitamin_d_for_the_gp_in_a_whole_sentence() {
    let kb = kb();
    let mut changes = lpq_fixtures::TODDLER_BOWED_LEGS.to_vec();
    changes.push(("daylight", &["dark_skin"]));
    let answers = with(&changes);
    let r = report_for(&kb, &answers);
    assert_eq!(r.outcome.level, TriageLevel::Soon);
    let tell = r.outcome.tell.as_ref().map(|l| l.text.to_string()).unwrap_or_default();
    assert_eq!(
        tell,
        "Tell them about the diet, time outdoors and any vitamins taken: vitamin D may be low, so a blood test may \
         be needed. Don't start iron, B12 or a high-dose supplement for this before the test."
    );
    assert!(r.standout.is_empty() && !r.folds.iter().any(|f| f.name == "supplements"));
    assert!(!r.folds.iter().flat_map(|f| &f.blocks).flat_map(|b| &b.lines).any(|l| l.mark == Mark::Food));
    let doctor = r.doctor_text("2026-01-01");
    assert!(doctor.contains("Vitamin D ("), "{doctor}");
}

/// At an emergency the first screen says only the emergency's own warnings: a lower one's
/// "see a doctor today" beside "call 999 now" reads as a choice (review 30 P1). The others
/// stay among the warnings reported in the doctor's part.
#[test]
fn an_emergency_says_only_its_own_warnings_and_the_doctor_hears_them_all() {
    let kb = kb();
    let answers = with(&[
        ("sensation", &["cramp", "tingling"]),
        ("frequency", &["most_nights"]),
        ("since", &["weeks"]),
        ("leg_signs", &["shooting_both_legs"]),
        ("circumstances", &["new_medicine"]),
    ]);
    let a = assess(&kb, &answers);
    assert_eq!(a.triage, TriageLevel::Emergency, "{:?}", a.red_flags);
    let lower: Vec<_> =
        a.red_flags.iter().filter(|id| kb.red_flag(id).is_some_and(|f| f.level < TriageLevel::Emergency)).collect();
    assert!(!lower.is_empty(), "the test needs a lower warning beside the emergency: {:?}", a.red_flags);
    let r = report_for(&kb, &answers);
    // A lower warning is said only by what it says not to do (review 32 S2), never by its
    // level's wording.
    common::assert_emergency_says_lower_warnings_only_by_what_not_to_do(&kb, &r.outcome.flags, "results");
    assert!(r.outcome.flags.iter().any(|l| kb.red_flag(&l.id).is_some_and(|f| f.level == TriageLevel::Emergency)));
    let doctor = r.doctor_text("2026-01-01");
    for id in a.red_flags.iter() {
        let title = &kb.red_flag(id).unwrap().title;
        assert!(doctor.contains(title.as_ref()), "the doctor's part lacks `{title}`");
    }
    // Below an emergency, every warning is said.
    let soon = with(&[
        ("sensation", &["cramp"]),
        ("frequency", &["most_nights"]),
        ("since", &["weeks"]),
        ("circumstances", &["new_medicine"]),
    ]);
    let a = assess(&kb, &soon);
    assert!(a.triage < TriageLevel::Emergency && a.red_flags.len() > 1, "{:?}", a.red_flags);
    assert_eq!(report_for(&kb, &soon).outcome.flags.len(), a.red_flags.len());
}

/// Review 32: at an emergency, what a lower warning says to do before help comes is still
/// said (S2: steroid-dependent), and a hypo's signs beside slurred speech reach the
/// emergency that says to give a sugary drink (S1).
#[test]
fn an_emergency_keeps_what_to_do_before_help_comes() {
    let kb = kb();
    let steroids = with(&[("other_medicines", &["steroids"]), ("body_signs", &["fever", "mottled_rash"])]);
    let a = assess(&kb, &steroids);
    assert_eq!(a.triage, TriageLevel::Emergency, "{:?}", a.red_flags);
    let r = report_for(&kb, &steroids);
    let said = r.outcome.flags.iter().find(|l| l.id == "steroid_sick_day").map(|l| l.text.to_string());
    assert!(said.as_deref().is_some_and(|t| t.contains("steroid-dependent")), "{said:?}");
    let hypo = with(&[("medicines", &["insulin_su"]), ("body_signs", &["shaking_sweating", "stroke_signs"])]);
    let a = assess(&kb, &hypo);
    assert!(a.red_flags.iter().any(|f| f == "low_sugar_severe"), "{:?}", a.red_flags);
    let r = report_for(&kb, &hypo);
    assert!(r.outcome.flags.iter().any(|l| l.text.contains("sugary drink")), "{:?}", r.outcome.flags);
}
