//! Engine behaviour, one fact per test, written from the reference facts
//! (NHS, NIH ODS, AAFP 2012, AASM 2024). Each starts from a healthy baseline and
//! changes only what the fact is about.
// Native only: these use proptest and the file system, which the wasm target lacks.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{KnowledgeBase, Strength, TriageLevel};
use leg_pain_quiz::quiz::{assess, interrupting_flags, is_complete, select, visible_questions, Answers, Assessment};

fn kb() -> KnowledgeBase {
    KnowledgeBase::embedded()
}

/// Occasional short calf cramps in an active adult who eats well: nothing stands out.
fn baseline() -> Answers {
    Answers::from_pairs([
        ("sensation", &["cramp"][..]),
        ("cramp_pattern", &["short"][..]),
        ("leg_signs", &["none"][..]),
        ("body_signs", &["none"][..]),
        ("frequency", &["occasional"][..]),
        ("legs", &["both_legs"][..]),
        ("diet", &["omnivore"][..]),
        ("avoid", &["none"][..]),
        ("greens_nuts", &["most_days"][..]),
        ("dairy", &["most_days"][..]),
        ("fruit_veg", &["most_days"][..]),
        ("sun", &["most"][..]),
        ("fluids", &["none"][..]),
        ("activity", &["moderate"][..]),
        ("medicines", &["none"][..]),
        ("conditions", &["none"][..]),
        ("about_you", &["none"][..]),
        ("age", &["18_50"][..]),
    ])
}

fn with(changes: &[(&str, &[&str])]) -> Answers {
    let mut a = baseline();
    for (q, cs) in changes {
        a.set(q, cs.iter().map(|c| c.to_string()).collect());
    }
    a
}

fn run(changes: &[(&str, &[&str])]) -> Assessment {
    let kb = kb();
    let answers = with(changes);
    assert!(is_complete(&kb, &answers), "test answers must be complete: {answers:?}");
    assess(&kb, &answers)
}

fn rank(a: &Assessment, nutrient: &str) -> Option<usize> {
    a.nutrients.iter().position(|m| m.id == nutrient)
}

fn strength(a: &Assessment, nutrient: &str) -> Option<Strength> {
    a.nutrients.iter().find(|m| m.id == nutrient).map(|m| m.strength)
}

#[test]
fn occasional_cramps_with_a_good_diet_are_self_care() {
    let a = run(&[]);
    assert_eq!(a.triage, TriageLevel::SelfCare);
    assert!(a.red_flags.is_empty());
    assert!(a.lifestyle.contains(&"stretch_before_bed".into()));
}

#[test]
fn one_swollen_calf_is_urgent() {
    let a = run(&[("leg_signs", &["one_leg_swollen"])]);
    assert_eq!(a.triage, TriageLevel::Urgent);
    assert_eq!(a.red_flags[0], "possible_dvt");
}

#[test]
fn swollen_calf_with_breathlessness_is_an_emergency() {
    let a = run(&[("leg_signs", &["one_leg_swollen"]), ("body_signs", &["breathless_chest"])]);
    assert_eq!(a.triage, TriageLevel::Emergency);
    assert_eq!(a.red_flags[0], "clot_reaching_lung");
    assert!(!a.red_flags.contains(&"possible_dvt".into()), "the combination replaces the lone flag");
}

#[test]
fn a_cold_pale_leg_is_an_emergency() {
    assert_eq!(run(&[("leg_signs", &["cold_pale"])]).triage, TriageLevel::Emergency);
}

#[test]
fn saddle_numbness_is_an_emergency() {
    assert_eq!(run(&[("body_signs", &["saddle_bladder"])]).triage, TriageLevel::Emergency);
}

#[test]
fn red_hot_leg_with_fever_is_an_emergency_without_fever_urgent() {
    assert_eq!(run(&[("leg_signs", &["red_hot_skin"]), ("body_signs", &["fever"])]).triage, TriageLevel::Emergency);
    assert_eq!(run(&[("leg_signs", &["red_hot_skin"])]).triage, TriageLevel::Urgent);
}

#[test]
fn dark_urine_on_a_statin_is_an_emergency() {
    let a = run(&[("body_signs", &["dark_urine"]), ("medicines", &["statin"])]);
    assert_eq!(a.triage, TriageLevel::Emergency);
    assert!(a.red_flags.contains(&"muscle_breakdown".into()));
}

#[test]
fn a_cramp_over_ten_minutes_is_urgent() {
    assert_eq!(run(&[("cramp_pattern", &["long"])]).triage, TriageLevel::Urgent);
}

#[test]
fn new_muscle_pain_after_starting_a_statin_is_urgent() {
    let a = run(&[("medicines", &["statin_new"])]);
    assert_eq!(a.triage, TriageLevel::Urgent);
    assert!(a.medicine_notes.contains(&"statin".into()));
}

#[test]
fn frequent_cramps_mean_seeing_a_doctor_soon() {
    assert_eq!(run(&[("frequency", &["most_nights"])]).triage, TriageLevel::Soon);
}

#[test]
fn walking_calf_pain_eased_by_rest_is_soon_and_circulation_is_discussed() {
    let a = run(&[("leg_signs", &["walking_pain"])]);
    assert_eq!(a.triage, TriageLevel::Soon);
    assert!(a.other_causes.contains(&"poor_circulation".into()));
}

#[test]
fn the_highest_level_wins() {
    let a = run(&[("frequency", &["most_nights"]), ("leg_signs", &["walking_pain", "cold_pale"])]);
    assert_eq!(a.triage, TriageLevel::Emergency);
    assert_eq!(a.red_flags[0], "limb_ischaemia");
}

#[test]
fn low_magnesium_diet_with_cramps_ranks_magnesium_first() {
    let a = run(&[("greens_nuts", &["rarely"]), ("frequency", &["weekly"])]);
    assert_eq!(rank(&a, "magnesium"), Some(0));
    assert_eq!(strength(&a, "magnesium"), Some(Strength::Strong));
}

#[test]
fn long_term_ppi_points_to_magnesium_and_b12() {
    let a = run(&[("medicines", &["ppi"])]);
    assert_eq!(rank(&a, "magnesium"), Some(0));
    assert!(rank(&a, "vitamin_b12").is_some());
    assert!(a.medicine_notes.contains(&"ppi".into()));
}

#[test]
fn diuretics_point_to_potassium_and_magnesium() {
    let a = run(&[("medicines", &["diuretic"])]);
    let top: Vec<&str> = a.nutrients.iter().take(2).map(|m| m.id.as_ref()).collect();
    assert!(top.contains(&"potassium") && top.contains(&"magnesium"), "{top:?}");
}

#[test]
fn restless_legs_point_to_iron() {
    let a = run(&[("sensation", &["urge_to_move"]), ("rls_pattern", &["rest_worse", "moving_helps", "evening_worse"])]);
    assert_eq!(rank(&a, "iron"), Some(0));
    assert!(a.lab_tests.contains(&"ferritin".into()));
    assert!(a.supplement_cautions.contains(&"iron_needs_test".into()));
}

#[test]
fn restless_legs_with_heavy_periods_make_iron_strong() {
    let a = run(&[
        ("sensation", &["urge_to_move"]),
        ("rls_pattern", &["evening_worse"]),
        ("about_you", &["heavy_periods"]),
    ]);
    assert_eq!(strength(&a, "iron"), Some(Strength::Strong));
}

#[test]
fn vegan_without_fortified_foods_and_tingling_points_to_b12() {
    let a = run(&[("diet", &["vegan"]), ("b12_sources", &["no"]), ("sensation", &["tingling"])]);
    assert_eq!(rank(&a, "vitamin_b12"), Some(0));
    assert_eq!(a.triage, TriageLevel::Soon, "numb or tingling feet: see a doctor soon");
    for m in &a.nutrients {
        for f in &m.foods {
            let food = kb().food(&f.id).cloned().unwrap();
            for tag in ["meat", "fish", "dairy", "egg", "shellfish", "liver"] {
                assert!(!food.tags.iter().any(|t| t == tag), "vegan shown {}", food.id);
            }
        }
    }
}

#[test]
fn metformin_points_to_b12() {
    let a = run(&[("medicines", &["metformin"]), ("sensation", &["tingling"])]);
    assert_eq!(rank(&a, "vitamin_b12"), Some(0));
}

#[test]
fn little_sun_and_dark_skin_point_to_vitamin_d() {
    let a = run(&[("sun", &["little"]), ("about_you", &["dark_skin"]), ("sensation", &["aching"])]);
    assert_eq!(rank(&a, "vitamin_d"), Some(0));
    assert!(a.lab_tests.contains(&"vitamin_d_25oh".into()));
}

#[test]
fn vomiting_and_sweating_point_to_potassium() {
    let a = run(&[("fluids", &["vomiting", "sweating"])]);
    assert_eq!(rank(&a, "potassium"), Some(0));
    assert!(a.lifestyle.contains(&"rehydrate_after_illness".into()));
}

#[test]
fn rarely_having_dairy_points_to_calcium() {
    let a = run(&[("dairy", &["rarely"])]);
    assert!(rank(&a, "calcium").is_some_and(|r| r < 2));
}

#[test]
fn kidney_disease_blocks_potassium_and_magnesium_supplements_and_flags_foods() {
    let a = run(&[("conditions", &["kidney"]), ("fluids", &["sweating"]), ("greens_nuts", &["rarely"])]);
    assert!(a.supplement_cautions.contains(&"kidney_no_potassium_magnesium".into()));
    assert!(rank(&a, "potassium").is_none(), "kidney disease: potassium is not suggested");
    let kb = kb();
    for m in &a.nutrients {
        for f in &m.foods {
            let high_k = kb.food(&f.id).unwrap().tags.iter().any(|t| t == "high_potassium");
            assert_eq!(high_k, f.caution.as_deref() == Some("high_potassium"), "{} must be flagged", f.id);
        }
    }
}

#[test]
fn pregnancy_excludes_liver_and_fish_liver_oil() {
    let a = run(&[
        ("about_you", &["pregnant"]),
        ("sun", &["little"]),
        ("sensation", &["urge_to_move"]),
        ("rls_pattern", &["evening_worse"]),
    ]);
    let kb = kb();
    for m in &a.nutrients {
        for f in &m.foods {
            let tags = &kb.food(&f.id).unwrap().tags;
            assert!(!tags.iter().any(|t| t == "liver" || t == "fish_liver_oil"), "{} shown in pregnancy", f.id);
        }
    }
    assert!(a.supplement_cautions.contains(&"pregnancy_ask_midwife".into()));
}

#[test]
fn allergies_and_diet_filter_foods_together() {
    let a = run(&[
        ("diet", &["vegetarian"]),
        ("b12_sources", &["no"]),
        ("avoid", &["nuts", "peanuts", "soy", "gluten"]),
        ("greens_nuts", &["rarely"]),
    ]);
    let kb = kb();
    let forbidden = ["meat", "pork", "poultry", "fish", "shellfish", "nuts", "peanuts", "soy", "gluten", "liver"];
    for m in &a.nutrients {
        assert!(!m.foods.is_empty(), "{} still has foods", m.id);
        for f in &m.foods {
            let tags = &kb.food(&f.id).unwrap().tags;
            assert!(!tags.iter().any(|t| forbidden.contains(&t.as_ref())), "{} shown", f.id);
        }
    }
}

#[test]
fn follow_ups_only_when_relevant() {
    let kb = kb();
    let ids = |a: &Answers| visible_questions(&kb, a).iter().map(|q| q.id.to_string()).collect::<Vec<_>>();
    let base = ids(&baseline());
    assert!(base.contains(&"cramp_pattern".into()));
    assert!(!base.contains(&"rls_pattern".into()));
    assert!(!base.contains(&"b12_sources".into()));
    let vegan = with(&[("diet", &["vegan"]), ("sensation", &["urge_to_move"])]);
    let v = ids(&vegan);
    assert!(v.contains(&"b12_sources".into()) && v.contains(&"rls_pattern".into()));
    assert!(!v.contains(&"cramp_pattern".into()));
}

#[test]
fn hidden_follow_up_answers_stop_counting() {
    // A long cramp was reported, then the person changed "cramp" to tingling only.
    let a = run(&[("sensation", &["tingling"]), ("cramp_pattern", &["long"])]);
    assert!(!a.red_flags.contains(&"long_cramp".into()));
}

#[test]
fn exclusive_choice_clears_the_others_and_back() {
    let kb = kb();
    let a = select(&kb, &Answers::new(), "leg_signs", "walking_pain");
    let a = select(&kb, &a, "leg_signs", "none");
    assert_eq!(a.get("leg_signs"), ["none"]);
    let a = select(&kb, &a, "leg_signs", "cold_pale");
    assert_eq!(a.get("leg_signs"), ["cold_pale"]);
    let a = select(&kb, &a, "leg_signs", "cold_pale");
    assert!(a.get("leg_signs").is_empty(), "clicking again unticks");
}

#[test]
fn urgent_answers_interrupt_at_once_but_soon_ones_wait() {
    let kb = kb();
    let urgent = Answers::from_pairs([("sensation", &["cramp"][..]), ("cramp_pattern", &["long"][..])]);
    assert_eq!(interrupting_flags(&kb, &urgent)[0].id, "long_cramp");
    let soon = Answers::from_pairs([("sensation", &["tingling"][..])]);
    assert!(interrupting_flags(&kb, &soon).is_empty());
}

#[test]
fn assessment_is_deterministic_and_round_trips_through_serde() {
    let kb = kb();
    let answers = with(&[("medicines", &["ppi", "diuretic"]), ("sun", &["little"])]);
    let a = assess(&kb, &answers);
    assert_eq!(a, assess(&kb, &answers));
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(serde_json::from_str::<Assessment>(&json).unwrap(), a);
    let answers_json = serde_json::to_string(&answers).unwrap();
    assert_eq!(serde_json::from_str::<Answers>(&answers_json).unwrap(), answers);
}
