//! Words for the person, jargon for the doctor: everything the person reads should suit
//! a reading age of about 9 to 11. Scored with the Flesch–Kincaid grade (US school
//! grade; reading age is about the grade plus 5) over the person-facing fields of the
//! knowledge base. Test names and thresholds live in the doctor section and are not
//! scored. Run with `--nocapture` to see the scores.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::KnowledgeBase;

/// The grade the person-facing text must not exceed, as a whole.
const MAX_GRADE: f64 = 6.0;
/// Entries above this grade are listed; medicine names make some unavoidable, so only a
/// few may be.
const HARD_GRADE: f64 = 12.0;
/// The share of scored entries allowed above `HARD_GRADE`.
const MAX_HARD_SHARE: f64 = 0.05;

/// Syllables in a word, by the usual vowel-group count (good enough for a score).
fn syllables(word: &str) -> usize {
    let w: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_ascii_alphabetic()).collect();
    if w.is_empty() {
        return 0;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    // A silent final e ("stroke"), but not "-le" ("muscle").
    if w.len() > 2 && w[w.len() - 1] == 'e' && !vowel(w[w.len() - 2]) && w[w.len() - 2] != 'l' {
        count -= 1;
    }
    count.max(1)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    sentences: usize,
    words: usize,
    syllables: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(|c| c.is_alphanumeric())).collect();
        // A sentence ends at . ! ? or :, and every entry (a label, a list item) is at least one.
        let ends = text.matches(['.', '!', '?', ':', ';']).count().max(1);
        Counts { sentences: ends, words: words.len(), syllables: words.iter().map(|w| syllables(w)).sum() }
    }

    fn add(&mut self, other: Counts) {
        self.sentences += other.sentences;
        self.words += other.words;
        self.syllables += other.syllables;
    }

    fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        0.39 * self.words as f64 / self.sentences as f64 + 11.8 * self.syllables as f64 / self.words as f64 - 15.59
    }
}

/// Every person-facing text, named by where it lives.
fn person_facing(kb: &KnowledgeBase) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |place: String, text: &str| out.push((place, text.to_string()));
    add("disclaimer".into(), &kb.disclaimer);
    add("emergency.heading".into(), &kb.emergency.heading);
    for s in kb.emergency.signs.iter() {
        add("emergency.signs".into(), s);
    }
    for q in kb.questions.iter() {
        add(format!("question {} prompt", q.id), &q.prompt);
        add(format!("question {} error", q.id), &q.error);
        if let Some(h) = &q.hint {
            add(format!("question {} hint", q.id), h);
        }
        for c in q.choices.iter() {
            add(format!("choice {}.{}", q.id, c.id), &c.label);
            if let Some(h) = &c.hint {
                add(format!("choice {}.{} hint", q.id, c.id), h);
            }
        }
    }
    for g in kb.triage.iter() {
        add(format!("triage {} heading", g.level.id()), &g.heading);
        add(format!("triage {} action", g.level.id()), &g.action);
        for v in g.variants.iter() {
            add(format!("triage {} variant", g.level.id()), &v.action);
        }
        for w in g.while_waiting.iter() {
            add(format!("triage {} while waiting", g.level.id()), w);
        }
    }
    for f in kb.red_flags.iter() {
        add(format!("red flag {} title", f.id), &f.title);
        add(format!("red flag {} guidance", f.id), &f.guidance);
        if let Some(d) = &f.do_not {
            add(format!("red flag {} do_not", f.id), d);
        }
        if let Some(a) = &f.action {
            add(format!("red flag {} action", f.id), a);
        }
    }
    for e in kb.evidence.iter() {
        add(format!("evidence {} reason", e.id), &e.reason);
    }
    for n in kb.nutrients.iter() {
        for (field, text) in [("role", &n.role), ("legs", &n.legs), ("supplement_caution", &n.supplement_caution)] {
            add(format!("nutrient {} {field}", n.id), text);
        }
        for t in n.risk_groups.iter().chain(n.absorption_tips.iter()) {
            add(format!("nutrient {} lists", n.id), t);
        }
        if let Some(w) = &n.withhold_reason {
            add(format!("nutrient {} withhold_reason", n.id), w);
        }
    }
    for (kind, list) in kb.advice_lists() {
        for a in list.iter() {
            add(format!("{kind} {} title", a.id), &a.title);
            add(format!("{kind} {} text", a.id), &a.text);
            if let Some(action) = &a.action {
                add(format!("{kind} {} action", a.id), action);
            }
        }
    }
    for c in kb.food_cautions.iter() {
        add(format!("food caution {}", c.tag), &c.note);
    }
    for t in kb.lab_tests.iter() {
        add(format!("lab test {} plain", t.id), &t.plain);
    }
    out
}

#[test]
fn person_facing_text_suits_a_reading_age_of_9_to_11() {
    let kb = leg_pain_quiz::knowledge::embedded();
    let texts = person_facing(&kb);
    let mut total = Counts::default();
    let mut hard: Vec<(f64, String, String)> = Vec::new();
    let mut scored = 0;
    for (place, text) in &texts {
        let counts = Counts::of(text);
        total.add(counts);
        // Scored alone only when long enough for a score to mean something.
        if counts.words >= 12 {
            scored += 1;
            if counts.grade() > HARD_GRADE {
                hard.push((counts.grade(), place.clone(), text.clone()));
            }
        }
    }
    hard.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "readability: Flesch–Kincaid grade {:.1} (reading age about {:.0}) over {} texts, {} words, {:.1} words a sentence",
        total.grade(),
        total.grade() + 5.0,
        texts.len(),
        total.words,
        total.words as f64 / total.sentences as f64
    );
    for (grade, place, text) in &hard {
        println!("  grade {grade:.1}: {place}: {text}");
    }
    assert!(
        total.grade() <= MAX_GRADE,
        "person-facing text reads at grade {:.1}; keep it at {MAX_GRADE} or below",
        total.grade()
    );
    let share = hard.len() as f64 / scored.max(1) as f64;
    println!("  {} of {scored} entries read above grade {HARD_GRADE}", hard.len());
    assert!(
        share <= MAX_HARD_SHARE,
        "{} of {scored} entries read above grade {HARD_GRADE} (listed above); at most {:.0}% may",
        hard.len(),
        MAX_HARD_SHARE * 100.0
    );
}

#[test]
fn the_score_tells_plain_words_from_jargon() {
    let plain = Counts::of("Stretch your calves before bed. Drink water through the day.");
    let jargon = Counts::of(
        "Hypomagnesaemia secondary to proton pump inhibitor therapy necessitates measurement of serum magnesium concentrations.",
    );
    assert!(plain.grade() < 4.0, "plain words score low: {:.1}", plain.grade());
    assert!(jargon.grade() > 14.0, "jargon scores high: {:.1}", jargon.grade());
    assert_eq!(syllables("stroke"), 1);
    assert_eq!(syllables("muscle"), 2);
    assert_eq!(syllables("water"), 2);
}
