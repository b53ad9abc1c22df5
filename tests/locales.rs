//! Locales: every locale gives only texts the knowledge base has, in the right shape;
//! Spanish gives all of them and leaves no English; each locale's knowledge base is valid
//! and gives the same triage and nutrient ranking as the base for every clinical scenario;
//! and the files written for the widget read back as that knowledge base.
//!
//! `cargo test --test locales -- --ignored --nocapture skeleton` prints every text of the
//! base, keyed as a locale file keys them: where a translation starts.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{self, authored, compact, locale, validate, Kb, KnowledgeBase, DATA_DIR, LOCALES_DIR};
use leg_pain_quiz::quiz::{assess, Answers};
use leg_pain_quiz::report::{report, DOCTOR};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn base() -> toml::Table {
    authored::merged(Path::new(DATA_DIR))
}

fn locales() -> Vec<(String, toml::Table)> {
    locale::files(Path::new(LOCALES_DIR))
}

/// Each locale's knowledge base, built as its language file is (lpq_knowledge::language_files).
fn locale_bases() -> Vec<(String, KnowledgeBase)> {
    let base = base();
    locales()
        .into_iter()
        .map(|(name, table)| {
            let complete = locale::COMPLETE.contains(&name.as_str());
            let merged = locale::apply(&base, &table, complete).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let kb = authored::from_table(merged, &name);
            (name, kb)
        })
        .collect()
}

#[test]
fn the_widget_offers_british_and_american_english_and_spanish() {
    let names: Vec<String> = locales().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["en-US", "es"], "locale files beside the base (British English)");
}

#[test]
fn every_locale_gives_known_texts_in_the_right_shape_and_spanish_gives_all() {
    let base = base();
    for (name, table) in locales() {
        let complete = locale::COMPLETE.contains(&name.as_str());
        if let Err(errors) = locale::apply(&base, &table, complete) {
            panic!("{name}: {} problems:\n  {}", errors.len(), errors.join("\n  "));
        }
    }
    // The check can fail: an unknown key, a missing one, a list of the wrong length.
    let mut wrong = toml::Table::new();
    wrong.insert("no_such_text".into(), "x".into());
    assert!(locale::apply(&base, &wrong, false).is_err());
    assert!(locale::apply(&base, &toml::Table::new(), true).is_err(), "a complete locale with nothing in it");
    let mut short = toml::Table::new();
    short.insert("parts".into(), toml::Value::Array(vec!["one".into()]));
    assert!(locale::apply(&base, &short, false).is_err(), "a list of the wrong length");
}

/// Words that are the same in Spanish and English, or names: not left-over English.
const SAME_IN_SPANISH: &[&str] = &["mg", "mcg", "µg", "OK", "B12", "Tofu", "Kale", "Kiwi", "Hummus", "Tahini"];

#[test]
fn spanish_leaves_no_english() {
    let base = base();
    let texts = locale::texts(&base);
    let (_, spanish) = locales().into_iter().find(|(n, _)| n == "es").expect("a Spanish locale");
    let given = locale::given(&spanish);
    let mut left = Vec::new();
    for (path, english) in texts.iter().filter(|(p, _)| !locale::is_amounts(p)) {
        let Some((_, es)) = given.iter().find(|(p, _)| p == path) else { continue };
        let same = |a: &str, b: &str| {
            a == b && a.chars().filter(|c| c.is_alphabetic()).count() > 3 && !SAME_IN_SPANISH.contains(&a)
        };
        let identical = match (english, es) {
            (toml::Value::String(a), toml::Value::String(b)) => same(a, b),
            (toml::Value::Array(a), toml::Value::Array(b)) => {
                a.iter().zip(b).any(|(a, b)| same(a.as_str().unwrap_or(""), b.as_str().unwrap_or("")))
            }
            _ => false,
        };
        if identical {
            left.push(format!("{path}: {english}"));
        }
    }
    assert!(left.is_empty(), "{} texts left in English:\n  {}", left.len(), left.join("\n  "));
}

#[test]
fn every_locale_makes_a_valid_knowledge_base_with_the_same_ids() {
    let english = leg_pain_quiz::knowledge::embedded();
    for (name, kb) in locale_bases() {
        let problems = validate(&kb);
        assert!(problems.is_empty(), "{name}: {}", problems.join("\n  "));
        let ids = |kb: &KnowledgeBase| -> Vec<String> {
            kb.questions.iter().flat_map(|q| q.choices.iter().map(move |c| format!("{}.{}", q.id, c.id))).collect()
        };
        assert_eq!(ids(&kb), ids(&english), "{name}: the same questions and choices");
        assert_eq!(kb.as_embedded().regions, english.regions, "{name}: the same regions");
    }
}

/// Where the regions differ, each says its own: reference intakes, food names and the
/// fortified foods as sold there; and every serving gives grams or millilitres.
#[test]
fn each_region_gives_its_own_intakes_foods_and_metric_servings() {
    let mut bases = vec![("en-GB".to_string(), leg_pain_quiz::knowledge::embedded())];
    bases.extend(locale_bases());
    let need = |kb: &KnowledgeBase, id: &str| -> String {
        kb.nutrients.iter().find(|n| &*n.id == id).map(|n| n.daily_need.to_string()).unwrap()
    };
    let food = |kb: &KnowledgeBase, id: &str| kb.foods.iter().find(|f| &*f.id == id).cloned().unwrap();
    let iron = |kb: &KnowledgeBase| {
        food(kb, "fortified_cereal").amounts.iter().find(|(n, _)| &**n == "iron").map(|(_, mg)| *mg).unwrap()
    };
    let (gb, us) = (&bases[0].1, &bases.iter().find(|(n, _)| n == "en-US").unwrap().1);
    assert!(need(gb, "vitamin_d").contains("10 micrograms"), "UK: {}", need(gb, "vitamin_d"));
    assert!(need(us, "vitamin_d").contains("15 micrograms"), "US: {}", need(us, "vitamin_d"));
    assert!(need(gb, "magnesium").contains("300") && need(gb, "magnesium").contains("270"));
    assert!(need(us, "magnesium").contains("420") && need(us, "magnesium").contains("320"));
    // Spanish readers get the European figures, named as such (EFSA).
    let es = &bases.iter().find(|(n, _)| n == "es").unwrap().1;
    assert!(need(es, "vitamin_d").contains("15 microgramos") && need(es, "vitamin_d").contains("EFSA"));
    assert!(need(es, "magnesium").contains("350") && need(es, "magnesium").contains("300"));
    assert_eq!(&*food(gb, "wholemeal_bread").name, "Wholemeal bread");
    assert_eq!(&*food(us, "wholemeal_bread").name, "Whole wheat bread");
    assert!(iron(us) > 2.0 * iron(gb), "US cereals carry far more iron: {} mg vs {} mg", iron(us), iron(gb));
    // "(30 g)", "200 ml": a number, then g or ml as a word of its own.
    let metric = |serving: &str| {
        let words: Vec<&str> = serving.split(|c: char| c.is_whitespace() || "(),".contains(c)).collect();
        words.windows(2).any(|w| w[0].ends_with(|c: char| c.is_ascii_digit()) && ["g", "ml"].contains(&w[1]))
    };
    for (name, kb) in &bases {
        for f in kb.foods.iter() {
            assert!(metric(&f.serving), "{name}: {} serving {:?} gives no grams or ml", f.id, f.serving);
        }
    }
}

/// Every scenario's answers, from tests/scenarios.toml.
fn scenario_answers() -> Vec<(String, Answers)> {
    let text = std::fs::read_to_string(root().join("tests/scenarios.toml")).unwrap();
    let suite: toml::Table = text.parse().unwrap();
    suite["scenario"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let id = s["id"].as_str().unwrap().to_string();
            let mut answers = Answers::new();
            for (q, choices) in s["answers"].as_table().unwrap() {
                let cs = choices.as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect();
                answers.set(q, cs);
            }
            (id, answers)
        })
        .collect()
}

#[test]
fn every_locale_gives_the_same_triage_and_nutrient_ranking_for_every_scenario() {
    let english = leg_pain_quiz::knowledge::embedded();
    let scenarios = scenario_answers();
    assert!(scenarios.len() >= 100);
    for (name, kb) in locale_bases() {
        for (id, answers) in &scenarios {
            let (a, b) = (assess(&english, answers), assess(&kb, answers));
            let ranking = |a: &leg_pain_quiz::quiz::Assessment| -> Vec<String> {
                a.nutrients.iter().map(|m| format!("{}:{}", m.id, m.score)).collect()
            };
            assert_eq!((a.triage, &a.red_flags), (b.triage, &b.red_flags), "{name}: {id}: triage and warnings");
            assert_eq!(ranking(&a), ranking(&b), "{name}: {id}: nutrients");
            assert_eq!(a.lab_tests, b.lab_tests, "{name}: {id}: tests");
        }
    }
}

#[test]
fn the_files_written_for_the_widget_read_back_as_each_locale() {
    let files = leg_pain_quiz::knowledge::language_files::all().unwrap_or_else(|e| panic!("{e}"));
    let bases: Vec<(String, KnowledgeBase)> =
        std::iter::once(("en-GB".to_string(), knowledge::knowledge().clone())).chain(locale_bases()).collect();
    assert_eq!(files.len(), bases.len(), "a file for every language, British English's too");
    for ((name, kb), (file_name, bytes)) in bases.into_iter().zip(files) {
        assert_eq!(name, file_name);
        let (shape, text) = split(&bytes);
        let text = std::str::from_utf8(text).unwrap().to_string();
        let read = Kb::from_parts(shape.to_vec(), text.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let kb = kb.as_embedded();
        assert!(*read.0 == kb, "{name}: the file reads back as the locale's knowledge base");
        // It leaves out what the built-in base has (ids, sources), and can't be read without it.
        let same = text.split_terminator('\0').filter(|s| *s == compact::SAME).count();
        assert!(same > 0, "{name}: the base's own strings (ids, sources) are left out");
        let alone: &'static str = Box::leak(text.into_boxed_str());
        let shape = if shape.is_empty() { knowledge::SHAPE } else { shape };
        assert!(knowledge::read(shape, alone) != Ok(kb), "{name}: read alone");
    }
    // The built-in base lacks the words the files give: it can't stand in for a language.
    assert!(*knowledge::built_in() != knowledge::knowledge().as_embedded());
    // British English's words after the base's fingerprint, then the base's own strings,
    // read back as the base; a file for another base is refused, not read out of step:
    // more or fewer strings, another fingerprint, one of the words left out, cut short.
    let strings: Vec<&str> = knowledge::TEXT.split_terminator('\0').collect();
    let words: Vec<&str> = knowledge::WHOLE
        .split_terminator('\0')
        .zip(&strings)
        .filter(|(_, ours)| ours.is_empty())
        .map(|(w, _)| w)
        .collect();
    assert!(words.len() > 500, "the wasm leaves the words to the files: {} of {}", words.len(), strings.len());
    let mark = String::from_utf8(compact::fingerprint(knowledge::TEXT).to_vec()).unwrap();
    let file = |words: &[&str], n: usize| {
        let mut text = format!("{mark}\0");
        for w in words {
            text.push_str(w);
            text.push('\0');
        }
        text + &format!("{}\0", compact::SAME).repeat(n)
    };
    let n = strings.len() - words.len();
    assert!(*Kb::from_parts(Vec::new(), file(&words, n)).unwrap().0 == knowledge::knowledge().as_embedded());
    assert!(Kb::from_parts(Vec::new(), file(&words, n + 1)).is_err(), "a string more than the base");
    assert!(Kb::from_parts(Vec::new(), file(&words, n - 1)).is_err(), "a string fewer than the base");
    assert!(Kb::from_parts(Vec::new(), file(&words[1..], n)).is_err(), "a word fewer");
    let mut unsaid = words.clone();
    unsaid[0] = compact::SAME;
    assert!(Kb::from_parts(Vec::new(), file(&unsaid, n)).is_err(), "a word left to the base, which lacks it");
    assert!(Kb::from_parts(Vec::new(), file(&words, n).trim_end_matches('\0').to_string()).is_err(), "cut short");
    // The words again after them, the doctor's in English: one for each word.
    let again: Vec<&str> = words.iter().enumerate().map(|(i, w)| if i % 2 == 0 { *w } else { compact::SAME }).collect();
    let with_doctor = |again: &[&str]| file(&words, n) + &again.iter().map(|w| format!("{w}\0")).collect::<String>();
    assert!(Kb::from_parts(Vec::new(), with_doctor(&again)).is_ok());
    assert!(Kb::from_parts(Vec::new(), with_doctor(&again[1..])).is_err(), "a word fewer the second time");
    assert!(Kb::from_parts(Vec::new(), with_doctor(&[&again[..], &["more"]].concat())).is_err(), "one more");
    let other = file(&words, n).replacen(&mark, "00000000", 1);
    assert!(Kb::from_parts(Vec::new(), other).is_err(), "another base's fingerprint");
    let edited = knowledge::TEXT.replacen('\0', "!\0", 1);
    assert_ne!(compact::fingerprint(&edited), compact::fingerprint(knowledge::TEXT), "one string changed");
}

/// The doctor's summary in English, in Spanish, needs no English file: the Spanish file
/// gives every word of that summary in English too, the same as British English's whole
/// base, for every clinical scenario (a word the list in `language_files::DOCTOR` misses
/// shows as its mark, or differs).
#[test]
fn the_doctor_summary_in_english_needs_no_english_file() {
    let english = knowledge::knowledge();
    let files = leg_pain_quiz::knowledge::language_files::all().unwrap_or_else(|e| panic!("{e}"));
    let (_, es) = files.iter().find(|(n, _)| n == "es").expect("Spanish");
    let (shape, text) = split(es);
    let spanish = Kb::from_parts(shape.to_vec(), std::str::from_utf8(text).unwrap().to_string()).unwrap();
    let built_in = Kb::doctor_english().expect("the Spanish file gives the doctor's words in English").0;
    let mut checked = 0;
    for (id, answers) in scenario_answers() {
        let a = assess(&spanish, &answers);
        let mut whole = report(&spanish, english.regions.first(), &answers, &a);
        whole.doctor_in_english(english, english.regions.first(), &answers);
        let mut r = report(&spanish, built_in.regions.first(), &answers, &a);
        r.doctor_in_english(built_in, built_in.regions.first(), &answers);
        let said = format!("{:?}", r.fold(DOCTOR));
        assert!(!said.contains(compact::SAME), "{id}: a word the Spanish file lacks in English: {said}");
        assert_eq!(r.fold(DOCTOR), whole.fold(DOCTOR), "{id}");
        assert_eq!(r.doctor_text("2026-01-01"), whole.doctor_text("2026-01-01"), "{id}");
        checked += 1;
    }
    assert!(checked >= 100, "{checked} scenarios");
}

/// A length-prefixed part (u32, little-endian) and what follows it.
fn split(bytes: &[u8]) -> (&[u8], &[u8]) {
    let n = u32::from_le_bytes(bytes[..4].try_into().unwrap()) as usize;
    (&bytes[4..4 + n], &bytes[4 + n..])
}

/// Prints every text of the base as a locale file keys it (English, to translate).
#[test]
#[ignore]
fn skeleton() {
    // Grouped by table, in the order tables first appear; top-level texts first (in TOML
    // they can't follow a table).
    let mut tables: Vec<(String, Vec<(String, toml::Value)>)> = vec![(String::new(), Vec::new())];
    for (path, value) in locale::texts(&base()).into_iter().filter(|(p, _)| !locale::is_amounts(p)) {
        let (table, key) = path.rsplit_once('.').unwrap_or(("", &path));
        match tables.iter_mut().find(|(t, _)| t == table) {
            Some((_, keys)) => keys.push((key.to_string(), value)),
            None => tables.push((table.to_string(), vec![(key.to_string(), value)])),
        }
    }
    for (table, keys) in tables {
        if !table.is_empty() {
            println!("\n[{table}]");
        }
        for (key, value) in keys {
            println!("{key} = {value}");
        }
    }
}

/// The loader carries the warning signs of every language, word for word what each
/// locale says, so that where the wasm can't run (or a language file can't be fetched)
/// they show in the element's language without a request. (tests/generated keeps the
/// block fresh; this checks that every language is in it.)
#[test]
fn the_loader_carries_every_languages_warning_signs() {
    let locales = locale_bases();
    let base = leg_pain_quiz::knowledge::embedded();
    let text = std::fs::read_to_string(root().join("static/leg-pain-quiz.js")).unwrap();
    for (name, kb) in locales.iter().chain([("en-GB".to_string(), base.clone())].iter()) {
        assert!(text.contains(&format!("'{name}': {{")), "the loader has {name}'s words");
        for sign in kb.emergency.signs.iter() {
            assert!(text.contains(sign.as_ref()), "the loader lacks {name}'s `{sign}`");
        }
    }
}

/// "Show the doctor's part in English" gives all of it in English, the reasons for each
/// nutrient included: the same part as an English speaker's, word for word.
#[test]
fn the_doctors_part_in_english_is_english_throughout() {
    let answers = Answers::from_pairs([
        ("age", &["18_50"][..]),
        ("sensation", &["urge_to_move"][..]),
        ("rls_pattern", &["rest_worse", "moving_helps", "evening_worse", "sleep_spoiled"][..]),
        ("leg_signs", &["none"][..]),
        ("body_signs", &["none"][..]),
        ("since", &["weeks"][..]),
        ("frequency", &["most_nights"][..]),
        ("legs", &["both_legs"][..]),
        ("circumstances", &["none"][..]),
        ("sex", &["pregnant"][..]),
        ("pregnancy_signs", &["none"][..]),
        ("daily_life", &["none"][..]),
        ("medicines", &["none"][..]),
        ("other_medicines", &["none"][..]),
        ("conditions", &["none"][..]),
        ("diet", &["omnivore"][..]),
        ("avoid", &["none"][..]),
        ("eats", &["fruit_veg", "dairy", "meat_fish_eggs"][..]),
        ("daylight", &["none"][..]),
    ]);
    let english = leg_pain_quiz::knowledge::embedded();
    let in_english = report(&english, english.regions.first(), &answers, &assess(&english, &answers));
    for (name, kb) in locale_bases() {
        let mut r = report(&kb, kb.regions.first(), &answers, &assess(&kb, &answers));
        if name == "es" {
            assert_ne!(r.fold(DOCTOR), in_english.fold(DOCTOR), "es: the doctor's part starts in Spanish");
        }
        r.doctor_in_english(&english, english.regions.first(), &answers);
        assert_eq!(r.fold(DOCTOR), in_english.fold(DOCTOR), "{name}: the doctor's part in English, reasons included");
        assert_eq!(r.doctor_text("2026-12-01"), in_english.doctor_text("2026-12-01"), "{name}: copied in English");
        assert_eq!(r.folds.iter().find(|f| f.name == DOCTOR).and_then(|f| f.lang), Some("en"));
    }
}

/// Spanish words the results say of the person whoever the answers are about (the lines
/// `said_to_anyone` lists, as English says no "you" in them) never say "tu", "tus", "te"
/// or "ti" of them: a parent reads them of a child. "Tu hijo o hija" speaks to the parent,
/// and the disclaimer's "si te preocupa" to the reader.
#[test]
fn spanish_speaks_of_the_person_in_the_lines_said_to_anyone() {
    let (_, es) = locale_bases().into_iter().find(|(n, _)| n == "es").expect("Spanish");
    let says_tu = |text: &str| {
        let text = text.to_lowercase().replace("tu hijo", "el hijo").replace("si te preocupa", "");
        text.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "tu" | "tus" | "te" | "ti" | "contigo"))
    };
    let texts = knowledge::said_to_anyone(&es);
    assert!(texts.iter().any(|(what, _)| what.contains("guidance")));
    let speaking: Vec<String> =
        texts.iter().filter(|(_, t)| says_tu(t)).map(|(what, t)| format!("{what}: “{t}”")).collect();
    assert!(speaking.is_empty(), "{speaking:#?}");
    // The check sees a line that does.
    assert!(says_tu("Llama al 112 si te falta el aire.") && says_tu("Pregunta a tu médico."));
}
