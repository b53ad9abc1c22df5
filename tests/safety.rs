//! Keeps the clinical safety case honest (safety/hazard-log.md): every red flag in the
//! knowledge base has a hazard row, every test a row names exists, every risk rating follows
//! the 5 × 5 matrix, residual risk is never above initial risk, and no hazard is closed
//! without a test as evidence. The check reads red_flags.toml at test time, so a red flag
//! added to the knowledge base without a row fails here, naming it (and a test shows that
//! it does, on an edited copy).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const COLUMNS: [&str; 13] = [
    "ID",
    "Hazard",
    "Causes",
    "Effect",
    "Harm",
    "Existing controls",
    "Initial S × L",
    "Initial risk",
    "Further controls",
    "Evidence",
    "Residual S × L",
    "Residual risk",
    "Status",
];

/// Hazards the log must hold besides one row per red flag.
const REQUIRED: [&str; 10] = [
    "H-wrong-number",
    "H-false-reassurance",
    "H-kidney-potassium",
    "H-pregnancy-liver",
    "H-warfarin-vitamin-k",
    "H-allergens",
    "H-language-file",
    "H-shared-device",
    "H-leak-to-host",
    "H-fails-to-load",
];

/// The NHS clinical risk matrix: MATRIX[likelihood - 1][severity - 1].
const MATRIX: [[u8; 5]; 5] = [[1, 1, 2, 2, 3], [1, 2, 2, 3, 4], [2, 2, 3, 3, 4], [2, 3, 3, 4, 5], [3, 4, 4, 5, 5]];
const RATINGS: [&str; 5] = ["1 Very low", "2 Low", "3 Medium", "4 High", "5 Very high"];

/// What the evidence can name: the tests in the repository and the scenario ids.
struct Known {
    tests: BTreeSet<String>,
    scenarios: BTreeSet<String>,
}

/// Native tests (`#[test]` then `fn name`) and browser tests (listed in the e2e harness's
/// `browser_tests!` as `module::name`), found by reading tests/.
fn known() -> Known {
    fn walk(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("tests"), &mut files);
    let mut tests = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (i, line) in lines.iter().enumerate() {
            if *line == "#[test]" {
                if let Some(f) = lines[i + 1..].iter().find(|l| !l.starts_with("#[") && !l.starts_with("//")) {
                    if let Some(name) = fn_name(f) {
                        tests.insert(name);
                    }
                }
            }
        }
        if file.ends_with("e2e/main.rs") {
            let list = &text[text.find("browser_tests![").expect("the e2e harness lists its tests")..];
            let list = &list[..list.find("];").unwrap()];
            for item in list.split(',') {
                if let Some((_, name)) = item.trim().split_once("::") {
                    tests.insert(name.trim().to_string());
                }
            }
        }
    }
    let scenarios = read("tests/scenarios.toml")
        .lines()
        .filter_map(|l| l.strip_prefix("id = \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .collect();
    Known { tests, scenarios }
}

fn fn_name(line: &str) -> Option<String> {
    let rest = &line[line.find("fn ")? + 3..];
    Some(rest[..rest.find('(')?].trim().to_string())
}

/// The red flag ids in a red_flags.toml text.
fn red_flag_ids(toml_text: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct File {
        red_flags: Vec<Flag>,
    }
    #[derive(serde::Deserialize)]
    struct Flag {
        id: String,
    }
    let file: File = toml::from_str(toml_text).expect("red_flags.toml parses");
    file.red_flags.into_iter().map(|f| f.id).collect()
}

/// (severity, likelihood) from "4 × 2".
fn s_by_l(cell: &str) -> Option<(u8, u8)> {
    let (s, l) = cell.split_once('×')?;
    let (s, l): (u8, u8) = (s.trim().parse().ok()?, l.trim().parse().ok()?);
    ((1..=5).contains(&s) && (1..=5).contains(&l)).then_some((s, l))
}

/// The evidence cell's references: (tests, scenarios).
fn references(cell: &str) -> (Vec<String>, Vec<String>) {
    let (mut tests, mut scenarios) = (Vec::new(), Vec::new());
    let parts: Vec<&str> = cell.split('`').collect();
    for i in (1..parts.len()).step_by(2) {
        if parts[i - 1].trim_end().ends_with("scenario") {
            scenarios.push(parts[i].to_string());
        } else {
            tests.push(parts[i].to_string());
        }
    }
    (tests, scenarios)
}

/// Every problem with the log, given the red flags file's text; empty when it holds.
fn check(log: &str, red_flags_toml: &str, known: &Known) -> Vec<String> {
    let mut problems = Vec::new();
    let header = format!("| {} |", COLUMNS.join(" | "));
    let Some(start) = log.lines().position(|l| l.trim() == header) else {
        return vec![format!("no hazard table with the DCB0129 columns: {header}")];
    };
    let mut ids = BTreeSet::new();
    for line in log.lines().skip(start + 2).take_while(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").map(str::trim).collect();
        let id = cells[0];
        if cells.len() != COLUMNS.len() {
            problems.push(format!("{id}: {} cells, not {}", cells.len(), COLUMNS.len()));
            continue;
        }
        if !ids.insert(id.to_string()) {
            problems.push(format!("{id}: two rows"));
        }
        for (column, cell) in COLUMNS.iter().zip(&cells) {
            if cell.is_empty() {
                problems.push(format!("{id}: empty {column}"));
            }
        }
        let mut risks = Vec::new();
        for (at, what) in [(6, "initial"), (10, "residual")] {
            match s_by_l(cells[at]) {
                None => problems.push(format!("{id}: {what} S × L `{}` is not two numbers 1 to 5", cells[at])),
                Some((s, l)) => {
                    let risk = MATRIX[l as usize - 1][s as usize - 1];
                    if cells[at + 1] != RATINGS[risk as usize - 1] {
                        problems.push(format!(
                            "{id}: {what} risk `{}` but the matrix gives `{}` for {s} × {l}",
                            cells[at + 1],
                            RATINGS[risk as usize - 1]
                        ));
                    }
                    risks.push((s, risk));
                }
            }
        }
        if let [(s0, r0), (s1, r1)] = risks[..] {
            if r1 > r0 || s1 > s0 {
                problems.push(format!("{id}: residual risk above the initial"));
            }
        }
        let (tests, scenarios) = references(cells[9]);
        for test in &tests {
            if !known.tests.contains(test) {
                problems.push(format!("{id}: evidence names a test that doesn't exist: {test}"));
            }
        }
        for scenario in &scenarios {
            if !known.scenarios.contains(scenario) {
                problems.push(format!("{id}: evidence names a scenario that doesn't exist: {scenario}"));
            }
        }
        match cells[12] {
            "Closed" if tests.is_empty() => problems.push(format!("{id}: closed without a test as evidence")),
            "Closed" | "Open" => {}
            other => problems.push(format!("{id}: status `{other}` is neither Open nor Closed")),
        }
    }
    let flags = red_flag_ids(red_flags_toml);
    for flag in &flags {
        if !ids.contains(&format!("RF-{flag}")) {
            problems.push(format!("red flag `{flag}` has no hazard row: add one with the ID RF-{flag}"));
        }
    }
    for id in ids.iter().filter_map(|i| i.strip_prefix("RF-")) {
        if !flags.iter().any(|f| f == id) {
            problems.push(format!("RF-{id}: no such red flag in red_flags.toml"));
        }
    }
    for id in REQUIRED {
        if !ids.contains(id) {
            problems.push(format!("{id}: a hazard the log must cover is missing"));
        }
    }
    problems
}

fn log() -> String {
    read("safety/hazard-log.md")
}

#[test]
fn every_red_flag_and_required_hazard_has_an_honest_row() {
    let problems = check(&log(), &read("crates/knowledge/data/red_flags.toml"), &known());
    assert!(problems.is_empty(), "safety/hazard-log.md:\n{}", problems.join("\n"));
}

#[test]
fn the_hazard_check_fails_when_a_red_flag_has_no_row() {
    let known = known();
    // The knowledge base with one more red flag, as the lead might add it.
    let edited = format!(
        "{}\n[[red_flags]]\nid = \"new_flag_without_a_row\"\nlevel = \"urgent\"\n",
        read("crates/knowledge/data/red_flags.toml")
    );
    let problems = check(&log(), &edited, &known);
    assert_eq!(
        problems,
        ["red flag `new_flag_without_a_row` has no hazard row: add one with the ID RF-new_flag_without_a_row"]
    );

    // A row closed on a test that doesn't exist, a row closed with no test, and a rating
    // the matrix doesn't give are each caught.
    let log = log();
    let row = log.lines().find(|l| l.starts_with("| H-allergens |")).unwrap();
    let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
    let evidence = cells[9];
    for (edit, expected) in [
        (
            row.replace(evidence, "`a_test_nobody_wrote`"),
            "evidence names a test that doesn't exist: a_test_nobody_wrote",
        ),
        (row.replace(evidence, "scenario `rls_vegan_tree_nut_allergy`"), "closed without a test as evidence"),
        (row.replace("| 5 × 1 | 3 Medium |", "| 5 × 1 | 2 Low |"), "the matrix gives `3 Medium`"),
    ] {
        assert_ne!(edit, row, "the edit for `{expected}` changed nothing");
        let problems = check(&log.replace(row, &edit), &read("crates/knowledge/data/red_flags.toml"), &known);
        assert!(problems.len() == 1 && problems[0].contains(expected), "{expected}: {problems:#?}");
    }
}

#[test]
fn the_safety_case_names_this_version_and_leaves_the_sign_off_to_a_clinical_safety_officer() {
    let report = read("safety/clinical-safety-case-report.md");
    assert!(
        report.contains(&format!("Version {}", leg_pain_quiz::VERSION)),
        "the report names version {}",
        leg_pain_quiz::VERSION
    );
    let sign_off = &report[report.find("## Sign-off").expect("a Sign-off section")..];
    assert!(
        sign_off.contains("Clinical safety officer") && sign_off.contains("not signed"),
        "the sign-off is left open"
    );
    let summary = read("safety/dtac-evidence-summary.md");
    for heading in
        ["Clinical safety", "Data protection", "Technical security", "Interoperability", "Usability and accessibility"]
    {
        assert!(summary.contains(&format!("## {heading}")), "DTAC summary: no `{heading}` section");
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), or None.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.split('-');
    let (y, m, d): (i64, i64, i64) =
        (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if parts.next().is_some() || date.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[test]
fn the_content_review_dates_are_shown_and_current() {
    use leg_pain_quiz::quiz::{assess, Answers};
    use leg_pain_quiz::report::{content_version, plain_text, report};
    let kb = leg_pain_quiz::knowledge::embedded();
    let reviewed =
        day_number(&kb.reviewed).unwrap_or_else(|| panic!("meta.toml reviewed `{}` is not YYYY-MM-DD", kb.reviewed));
    let next = day_number(&kb.next_review)
        .unwrap_or_else(|| panic!("meta.toml next_review `{}` is not YYYY-MM-DD", kb.next_review));
    let today = (std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400) as i64;
    assert!(reviewed <= today, "reviewed {} is in the future", kb.reviewed);
    assert!(reviewed < next && next - reviewed <= 366, "the next review is due within a year of the last");
    assert!(
        today <= next,
        "the knowledge base's next review was due by {}: review the content against its sources, then move `reviewed` and `next_review` in meta.toml",
        kb.next_review
    );
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert_eq!(day_number("2026-12-06"), Some(20_793));
    assert_eq!(day_number("2000-03-01"), Some(11_017));

    // Shown under "Sources" and in the doctor's part, and in the copied text.
    let line = content_version(&kb);
    for part in [&*kb.version, &*kb.reviewed, &*kb.next_review] {
        assert!(line.contains(part), "{line} lacks {part}");
    }
    let answers = Answers::from_pairs([("age", &["18_50"][..]), ("sensation", &["cramp"][..])]);
    let a = assess(&kb, &answers);
    let r = report(&kb, kb.regions.first(), &answers, &a);
    let fold = |name: &str| r.folds.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no {name} section"));
    let has = |name: &str| fold(name).blocks.iter().any(|b| b.lines.iter().any(|l| l.text == line));
    assert!(has("sources") && has("doctor"), "the content version is under Sources and in the doctor's part");
    let text = plain_text(&kb, &fold("doctor").blocks, &fold("sources").blocks[0].lines, "2026-12-06");
    assert_eq!(text.matches(&*line).count(), 1, "once in the copied text:\n{text}");
}

#[test]
fn the_intended_use_is_stated_in_every_language() {
    let says = |file: &str, words: &[&str]| {
        let table: toml::Table = toml::from_str(&read(file)).unwrap();
        let text = table["ui"]["intended_use"].as_str().unwrap_or_else(|| panic!("{file}: no ui.intended_use"));
        for w in words {
            assert!(text.contains(w), "{file}: the intended use doesn't say `{w}`: {text}");
        }
    };
    says("crates/knowledge/data/ui.toml", &["not a diagnosis", "Not a certified medical device", "adults"]);
    says("crates/knowledge/locales/en-US.toml", &["not a diagnosis", "medical device", "adults"]);
    says("crates/knowledge/locales/es.toml", &["no un diagnóstico", "No es un producto sanitario", "adultos"]);
    assert!(read("src/ui/app.rs").contains("text(&ui.intended_use)"), "the footer shows it");
    let readme = read("README.md");
    assert!(
        readme.contains("**Intended use.**") && readme.contains("not a\ncertified medical device"),
        "the README states it"
    );
}
