//! The embedded knowledge base loads and keeps its invariants, and its food amounts
//! agree with the USDA SR26 table they were derived from.
// Native only: these use proptest and the file system, which the wasm target lacks.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{authored, encode, validate, KnowledgeBase, Reference, TriageLevel, DATA_DIR};
use std::collections::BTreeMap;
use std::path::Path;

fn kb() -> KnowledgeBase {
    leg_pain_quiz::knowledge::embedded()
}

#[test]
fn knowledge_base_is_valid() {
    let errors = validate(&kb());
    assert!(errors.is_empty(), "knowledge base problems:\n  {}", errors.join("\n  "));
}

/// The wasm carries the base in a compact form read back field by field: it must read
/// back exactly what the TOML files say.
#[test]
fn embedded_copy_matches_the_toml_files() {
    // Less the regions' names and sources, which the compact form leaves out.
    let authored = authored::load(Path::new(DATA_DIR)).as_embedded();
    let embedded = kb();
    if authored != embedded {
        let (a, e) = (format!("{authored:#?}"), format!("{embedded:#?}"));
        let line = a.lines().zip(e.lines()).position(|(a, e)| a != e).unwrap_or(0);
        let context = |text: &str| text.lines().skip(line.saturating_sub(6)).take(8).collect::<Vec<_>>().join("\n");
        panic!(
            "the embedded knowledge base differs from the TOML files near line {line}:\nTOML:\n{}\nembedded:\n{}",
            context(&a),
            context(&e)
        );
    }
}

/// Every way of reading the base marks the rules that hold only with a sign (every
/// reference of one clause an answer to a `signs` question), which `assess` relies on
/// rather than working it out on each call: the marks agree with the rules, and some are set.
#[test]
fn rules_that_need_a_sign_are_marked_as_the_base_is_read() {
    let authored = authored::load(Path::new(DATA_DIR));
    for (how, kb) in [("TOML", &authored), ("compact", leg_pain_quiz::knowledge::knowledge())] {
        let sign = |r: &Reference| !r.negated && kb.questions.iter().any(|q| q.id == r.question && q.signs);
        let marked: Vec<&str> = kb.evidence.iter().filter(|e| e.telling_sign.get()).map(|e| &*e.id).collect();
        let expected: Vec<&str> =
            kb.evidence.iter().filter(|e| e.when.iter().any(|c| c.iter().all(sign))).map(|e| &*e.id).collect();
        assert_eq!(marked, expected, "{how}: the marks follow the rules");
        assert!(!marked.is_empty(), "{how}: some rules need a sign");
    }
}

#[test]
fn validation_names_the_broken_entry() {
    let mut broken = kb();
    broken.evidence.to_mut()[0].nutrient = "vitamin_q".into();
    broken.red_flags.to_mut()[0].guidance = "".into();
    broken.foods.to_mut()[0].sources.to_mut().push("NOWHERE".into());
    broken.questions.to_mut()[1].show_if =
        vec![vec![Reference::parse("daylight.little".into()).unwrap()].into()].into();
    let id0 = broken.evidence[0].id.clone();
    let flag0 = broken.red_flags[0].id.clone();
    let food0 = broken.foods[0].id.clone();
    let errors = validate(&broken).join("\n");
    assert!(errors.contains(&format!("evidence `{id0}` points to unknown nutrient `vitamin_q`")), "{errors}");
    assert!(errors.contains(&format!("red flag `{flag0}` has no title or guidance")), "{errors}");
    assert!(errors.contains(&format!("food `{food0}` cites unknown source `NOWHERE`")), "{errors}");
    assert!(errors.contains("show_if must refer to an earlier question"), "{errors}");
}

#[test]
fn a_warning_gives_way_only_to_a_known_one_above_it() {
    let mut broken = kb();
    let flags = broken.red_flags.to_mut();
    let lowest = flags.iter().position(|f| f.level == TriageLevel::Routine).unwrap();
    let peer = flags.iter().position(|f| f.level == TriageLevel::Routine && f.id != flags[lowest].id).unwrap();
    let (low, same) = (flags[lowest].id.clone(), flags[peer].id.clone());
    flags[lowest].replaced_by = vec![same.clone(), "nowhere".into()].into();
    let errors = validate(&broken).join("\n");
    assert!(
        errors.contains(&format!("red flag `{low}` is replaced by `{same}`, which is not at a higher level")),
        "{errors}"
    );
    assert!(errors.contains(&format!("red flag `{low}` is replaced by unknown red flag `nowhere`")), "{errors}");
}

#[test]
fn validation_catches_a_nutrient_without_vegan_foods() {
    let mut broken = kb();
    for food in broken.foods.to_mut() {
        if food.amount("vitamin_b12").is_some() {
            food.tags.to_mut().push("egg".into());
        }
    }
    let errors = validate(&broken).join("\n");
    assert!(errors.contains("nutrient `vitamin_b12` has 0 foods for diet `vegan`"), "{errors}");
}

#[test]
fn every_nutrient_and_triage_level_is_covered() {
    let kb = kb();
    let ids: Vec<&str> = kb.nutrients.iter().map(|n| n.id.as_ref()).collect();
    assert_eq!(ids, ["magnesium", "vitamin_d", "potassium", "iron", "vitamin_b12", "calcium"]);
    for level in TriageLevel::ALL {
        assert!(kb.guidance(level).is_some(), "no guidance for {level:?}");
    }
    for level in [TriageLevel::Emergency, TriageLevel::Urgent, TriageLevel::Soon] {
        assert!(kb.red_flags.iter().any(|f| f.level == level), "no red flag at {level:?}");
    }
}

#[test]
fn nothing_suggests_a_supplement_dose() {
    // A dose is a number followed by a unit in supplement advice; none may appear there.
    let kb = kb();
    let mut texts: Vec<(String, &str)> =
        kb.nutrients.iter().map(|n| (format!("nutrient {}", n.id), n.supplement_caution.as_ref())).collect();
    texts.extend(kb.supplement_cautions.iter().map(|a| (format!("caution {}", a.id), a.text.as_ref())));
    for (what, text) in texts {
        let words: Vec<&str> = text.split_whitespace().collect();
        for pair in words.windows(2) {
            let number = pair[0].trim_matches(|c: char| !c.is_ascii_digit());
            let unit = pair[1].trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase();
            assert!(
                number.is_empty() || !["mg", "mcg", "iu", "µg", "g"].contains(&unit.as_ref()),
                "{what} gives what looks like a dose: {} {}",
                pair[0],
                pair[1]
            );
        }
    }
}

/// Per-100 g nutrient values of one USDA SR26 food, by nutrient id.
fn usda_extract() -> BTreeMap<u32, BTreeMap<&'static str, f64>> {
    let text = include_str!("data/usda-sr26-extract.txt");
    let columns =
        [("calcium", 10), ("iron", 11), ("magnesium", 12), ("potassium", 14), ("vitamin_b12", 31), ("vitamin_d", 41)];
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('^').map(|f| f.trim_matches('~')).collect();
            let ndb: u32 = fields[0].parse().expect("NDB number");
            let values = columns
                .iter()
                .filter_map(|(id, col)| fields.get(*col).and_then(|v| v.parse::<f64>().ok()).map(|v| (*id, v)))
                .collect();
            (ndb, values)
        })
        .collect()
}

/// The gram weight in a serving text such as "½ cup (90 g)".
fn serving_grams(serving: &str) -> Option<f64> {
    let open = serving.rfind('(')?;
    let inner = &serving[open + 1..];
    let number: String = inner.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    inner[number.len()..].trim_start().starts_with('g').then(|| number.parse().ok()).flatten()
}

#[test]
fn food_amounts_match_the_usda_table() {
    // The authored base: the embedded one leaves out the NDB numbers.
    let kb = authored::load(Path::new(DATA_DIR));
    let table = usda_extract();
    let mut checked = 0;
    let mut problems = Vec::new();
    for food in kb.foods.iter().filter(|f| f.usda_ndb.is_some()) {
        let ndb = food.usda_ndb.unwrap();
        let Some(row) = table.get(&ndb) else {
            problems.push(format!("food `{}`: NDB {ndb} is not in tests/data/usda-sr26-extract.txt", food.id));
            continue;
        };
        let Some(grams) = serving_grams(&food.serving) else {
            problems.push(format!("food `{}`: serving `{}` gives no gram weight", food.id, food.serving));
            continue;
        };
        for (nutrient, amount) in food.amounts.iter() {
            let Some(per_100g) = row.get(nutrient.as_ref()) else { continue };
            let expected = per_100g * grams / 100.0;
            let tolerance = (expected * 0.10).max(0.15);
            if (amount - expected).abs() > tolerance {
                problems
                    .push(format!("food `{}`: {nutrient} {amount} per serving, table gives {expected:.2}", food.id));
            }
            checked += 1;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 40, "only {checked} amounts were checked against the table");
}

/// The compact reader rejects damaged data instead of guessing: a shape cut short, an
/// unknown enum variant, a flag that isn't 0 or 1, a string cut mid-character, and data
/// left over. The undamaged form reads back to the authored base.
#[test]
fn the_compact_reader_rejects_damaged_data() {
    use leg_pain_quiz::knowledge::compact::Reader;
    let authored = authored::load(Path::new(DATA_DIR));
    let compact = encode::encode(&authored).unwrap();
    let text: &'static str = Box::leak(compact.text.clone().into_boxed_str());
    let read = |shape: &[u8], text: &'static str| Reader::new(shape, text).read_all::<KnowledgeBase>();
    // As the widget reads it (`read`, which also marks what follows from the rest).
    assert_eq!(leg_pain_quiz::knowledge::read(&compact.shape, text).unwrap(), authored.as_embedded());
    assert!(authored.regions.iter().any(|r| !r.source.is_empty()), "the compact form leaves out what authored has");

    let short = &compact.shape[..compact.shape.len() - 3];
    assert!(read(short, text).is_err(), "a shape cut short");
    let mut longer = compact.shape.clone();
    longer.push(0);
    assert_eq!(read(&longer, text).unwrap_err().what, "data is left over after the last field");
    assert!(read(&compact.shape, &text[..text.len() - 1]).is_err(), "text cut short");

    // Somewhere an enum's variant index is read: set to 127, past every enum's last variant.
    let flipped = (0..compact.shape.len())
        .map(|i| {
            let mut damaged = compact.shape.clone();
            damaged[i] = 0x7f;
            read(&damaged, text)
        })
        .filter(|r| r.as_ref().is_err_and(|e| e.what == "an unknown enum variant"))
        .count();
    assert!(flipped > 0, "some byte, set to 127, is read as an unknown variant and rejected");
    let bad_flags = (0..compact.shape.len())
        .filter(|&i| compact.shape[i] == 1)
        .take(400)
        .filter(|&i| {
            let mut damaged = compact.shape.clone();
            damaged[i] = 2;
            read(&damaged, text).is_err_and(|e| e.what == "a flag that is neither 0 nor 1")
        })
        .count();
    assert!(bad_flags > 0, "a flag set to 2 is rejected");
}

/// Every region cites the official page that gives its numbers, and names its country
/// (for the people who keep the table: the widget's compact copy leaves both out).
#[test]
fn every_region_cites_an_official_source() {
    let authored = authored::load(Path::new(DATA_DIR));
    for r in authored.regions.iter() {
        assert!(r.source.starts_with("https://"), "{} cites a source: {:?}", r.id, r.source);
        assert!(!r.name.trim().is_empty(), "{} is named", r.id);
    }
    assert!(kb().regions.iter().all(|r| r.source.is_empty() && r.name.is_empty()), "not in the wasm's copy");
}
