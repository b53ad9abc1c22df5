//! Answers shared by the native tests (each test file is its own crate: `mod common;`).

use leg_pain_quiz::quiz::Answers;

/// Occasional short calf cramps in an adult who eats well and gets daylight: nothing
/// stands out, and it is self-care.
pub fn harmless() -> Answers {
    Answers::from_pairs([
        ("age", &["18_50"][..]),
        ("sensation", &["cramp"][..]),
        ("cramp_pattern", &["short"][..]),
        ("leg_signs", &["none"][..]),
        ("body_signs", &["none"][..]),
        ("since", &["months_stable"][..]),
        ("frequency", &["occasional"][..]),
        ("legs", &["either_leg"][..]),
        ("circumstances", &["none"][..]),
        ("sex", &["male"][..]),
        ("daily_life", &["none"][..]),
        ("medicines", &["none"][..]),
        ("other_medicines", &["none"][..]),
        ("conditions", &["none"][..]),
        ("diet", &["omnivore"][..]),
        ("avoid", &["none"][..]),
        ("eats", &["greens", "nuts_seeds", "beans", "wholegrains", "fruit_veg", "dairy", "meat_fish_eggs"][..]),
        ("daylight", &["none"][..]),
    ])
}

/// The harmless answers with `changes` made.
pub fn with(changes: &[(&str, &[&str])]) -> Answers {
    let mut a = harmless();
    for (q, cs) in changes {
        a.set(q, cs.iter().map(|c| c.to_string()).collect());
    }
    a
}
