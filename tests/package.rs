//! The npm package and what a host developer reads: one version everywhere (Cargo.toml,
//! package.json, the loader, the changelog), the Custom Elements Manifest and the types in
//! agreement with the README's attribute and event tables, the exports map naming files
//! the package holds, and TypeScript accepting a typed host and rejecting a misspelt event
//! detail field (tsc from .tools, installed by scripts/setup.sh).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> Json {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text between the first pair of single quotes after `prefix` in `text`.
fn quoted_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &text[text.find(prefix)? + prefix.len()..];
    let start = rest.find('\'')? + 1;
    Some(&rest[start..start + rest[start..].find('\'')?])
}

#[test]
fn one_version_everywhere() {
    let cargo: toml::Table = toml::from_str(&read("Cargo.toml")).unwrap();
    let version = cargo["package"]["version"].as_str().unwrap();
    assert_eq!(version, leg_pain_quiz::VERSION);
    assert_eq!(json("package.json")["version"], version, "package.json");
    assert_eq!(quoted_after(&read("static/leg-pain-quiz.js"), "export const VERSION = "), Some(version), "the loader");
    let changelog = read("CHANGELOG.md");
    assert!(changelog.contains(&format!("\n## [{version}] - ")), "CHANGELOG.md has no `## [{version}] - date` section");
    assert!(changelog.contains("\n## [Unreleased]"), "CHANGELOG.md keeps an Unreleased section");
    assert!(read("README.md").contains(&format!("leg-pain-quiz@{version}/")), "the README's CDN embed names {version}");
}

/// A README table's rows (after the header that starts with `header`), as cells.
fn readme_table(header: &str) -> Vec<Vec<String>> {
    let readme = read("README.md");
    let lines: Vec<&str> = readme.lines().collect();
    let start =
        lines.iter().position(|l| l.starts_with(header)).unwrap_or_else(|| panic!("README: no table `{header}`"));
    lines[start + 2..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().to_string()).collect())
        .collect()
}

/// The `backticked` words in a README cell.
fn ticked(cell: &str) -> Vec<String> {
    cell.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

fn element() -> Json {
    let manifest = json("custom-elements.json");
    assert!(manifest["schemaVersion"].as_str().unwrap().starts_with("2."), "schema 2.x");
    let found: Vec<Json> = manifest["modules"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["declarations"].as_array().unwrap().clone())
        .filter(|d| d["customElement"] == true)
        .collect();
    assert_eq!(found.len(), 1, "one custom element in the manifest");
    assert_eq!(found[0]["tagName"], "leg-pain-quiz");
    found[0].clone()
}

fn names(list: &Json) -> BTreeSet<String> {
    list.as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_manifest_agrees_with_the_readme() {
    let element = element();
    let rows = readme_table("| attribute | values | default |");
    let readme: BTreeSet<String> = rows.iter().map(|r| ticked(&r[0])[0].clone()).collect();
    assert_eq!(names(&element["attributes"]), readme, "attributes: custom-elements.json vs the README's table");
    for row in &rows {
        let name = &ticked(&row[0])[0];
        let attribute = element["attributes"].as_array().unwrap().iter().find(|a| a["name"] == *name.as_str()).unwrap();
        let kind = attribute["type"]["text"].as_str().unwrap();
        // Every value the README lists by itself is in the manifest's type, and the
        // README's default (when it is one value) is the manifest's.
        for value in ticked(&row[1]).iter().filter(|v| !v.contains(['*', '=', ' ', '<', '"'])) {
            let listed = kind.contains(&format!("'{value}'")) || kind.contains("string");
            assert!(listed, "{name}: the README lists `{value}`, custom-elements.json's type is {kind}");
        }
        let defaults = ticked(&row[2]);
        if row[2].starts_with('`') {
            assert_eq!(attribute["default"], format!("'{}'", defaults[0]), "{name}: default");
        } else {
            assert!(attribute.get("default").is_none(), "{name}: the README's default is not one value: {}", row[2]);
        }
    }

    let events = readme_table("| event | when |");
    let readme: BTreeSet<String> = events.iter().map(|r| ticked(&r[0])[0].clone()).collect();
    assert_eq!(names(&element["events"]), readme, "events: custom-elements.json vs the README's table");
    for row in &events {
        let name = &ticked(&row[0])[0];
        let event = element["events"].as_array().unwrap().iter().find(|e| e["name"] == *name.as_str()).unwrap();
        let kind = event["type"]["text"].as_str().unwrap();
        for field in detail_fields(row) {
            assert!(
                kind.contains(&format!(" {field}")),
                "{name}: the README's detail has `{field}`, the manifest's type is {kind}"
            );
        }
    }

    // The CSS custom properties: the README's example, the manifest, and the stylesheet.
    let readme: BTreeSet<String> = read("README.md")
        .lines()
        .filter(|l| l.starts_with("leg-pain-quiz {"))
        .flat_map(|l| {
            l.split_whitespace().filter(|w| w.starts_with("--lpq-")).map(|w| w.trim_end_matches(':').to_string())
        })
        .collect();
    let css = read("static/leg-pain-quiz.css");
    let used: BTreeSet<String> = css
        .split("var(")
        .skip(1)
        .filter(|s| s.starts_with("--lpq-"))
        .map(|s| s[..s.find(',').unwrap()].to_string())
        .collect();
    assert_eq!(names(&element["cssProperties"]), readme, "CSS custom properties: manifest vs README");
    assert_eq!(readme, used, "CSS custom properties: README vs the stylesheet");
    assert!(
        !css.contains("::part(") && element["cssParts"].as_array().unwrap().is_empty(),
        "no parts, as the manifest says"
    );
    assert_eq!(names(&element["members"]), BTreeSet::from(["version".to_string()]));
}

/// The detail fields a README events row names: `{ a, b }` in the basic column, and the
/// backticked field names the detailed column adds (before any parenthesis).
fn detail_fields(row: &[String]) -> BTreeSet<String> {
    let basic = &row[2][row[2].find('{').unwrap() + 1..row[2].find('}').unwrap()];
    let mut fields: BTreeSet<String> = basic.split(',').map(|f| f.trim().to_string()).collect();
    fields.extend(ticked(&row[3]));
    fields
}

#[test]
fn the_types_agree_with_the_readme() {
    let types = read("types/leg-pain-quiz.d.ts");
    // An interface's fields, its parent's included.
    let fields = |name: &str| -> BTreeSet<String> {
        let at = types.find(&format!("export interface {name} ")).unwrap_or_else(|| panic!("types: no {name}"));
        let head = &types[at..at + types[at..].find('{').unwrap()];
        let body = &types[at + head.len() + 1..at + types[at..].find("\n}").unwrap()];
        let mut found: BTreeSet<String> = body
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("/**") && !l.starts_with("//") && l.contains(':'))
            .map(|l| l[..l.find(':').unwrap()].trim_end_matches('?').trim_matches('\'').to_string())
            .collect();
        if head.contains("extends LegPainQuizDetailBase") {
            found.insert("version".into());
        }
        found
    };
    for row in readme_table("| event | when |") {
        let name = &ticked(&row[0])[0];
        let interface = match name.as_str() {
            "lpq-start" => "LegPainQuizStartDetail",
            "lpq-step" => "LegPainQuizStepDetail",
            "lpq-complete" => "LegPainQuizCompleteDetail",
            other => panic!("the README has an event the types don't: {other}"),
        };
        assert_eq!(fields(interface), detail_fields(&row), "{name}: the README's detail vs types {interface}");
        assert!(types.contains(&format!("'{name}': CustomEvent<{interface}>")), "{name} in LegPainQuizEventMap");
    }
    let attributes: BTreeSet<String> =
        readme_table("| attribute | values | default |").iter().map(|r| ticked(&r[0])[0].clone()).collect();
    assert_eq!(fields("LegPainQuizAttributes"), attributes, "attributes: README vs types");
    for map in ["HTMLElementTagNameMap", "HTMLElementEventMap", "DocumentEventMap"] {
        assert!(types.contains(&format!("interface {map}")), "the types add to {map}");
    }
}

#[test]
fn the_exports_map_names_files_the_package_holds() {
    let package = json("package.json");
    assert_eq!(package["type"], "module");
    assert_eq!(package["license"], "MIT OR Apache-2.0");
    assert_eq!(package["customElements"], "custom-elements.json");
    let files: Vec<&str> = package["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    for need in ["dist/", "types/", "custom-elements.json", "safety/", "CHANGELOG.md", "LICENSE-MIT", "LICENSE-APACHE"]
    {
        assert!(files.contains(&need), "files lacks {need}");
    }
    // Every path the exports map names, outside dist/ (which the release build makes),
    // exists in the repository; dist/ paths are the build's file names.
    let built = [
        "leg-pain-quiz.js",
        "leg-pain-quiz-element.js",
        "leg-pain-quiz.css",
        "wasm/*",
        "locales/*",
        "integrity.json",
        "*",
    ];
    let mut targets = Vec::new();
    for (key, target) in package["exports"].as_object().unwrap() {
        match target {
            Json::String(path) => targets.push((key.clone(), path.clone())),
            Json::Object(conditions) => {
                assert!(conditions.contains_key("types"), "{key}: no `types` condition");
                targets.extend(conditions.values().map(|p| (key.clone(), p.as_str().unwrap().to_string())));
            }
            other => panic!("{key}: {other}"),
        }
    }
    for (key, path) in targets {
        let path = path.trim_start_matches("./");
        if let Some(file) = path.strip_prefix("dist/") {
            assert!(built.contains(&file), "{key} → {path}: not a file the build makes");
        } else if !path.ends_with('*') {
            assert!(root().join(path).exists(), "{key} → {path}: missing");
        }
    }
    // `types` comes first in each condition list (TypeScript reads them in order).
    let text = read("package.json");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, line) in lines.iter().enumerate().filter(|(_, l)| l.starts_with("\"default\":")) {
        assert!(lines[i - 1].starts_with("\"types\":"), "package.json: `types` before `default`: {line}");
    }
    for key in
        [".", "./element", "./define", "./custom-elements.json", "./leg-pain-quiz.css", "./wasm/*", "./locales/*"]
    {
        assert!(package["exports"].get(key).is_some(), "exports lacks {key}");
    }
    assert_eq!(
        package["sideEffects"],
        serde_json::json!(["./dist/leg-pain-quiz.js"]),
        "only the defining module has side effects"
    );
}

/// tsc from .tools (scripts/setup.sh installs it), or $LPQ_TSC. None, with a note, when it
/// is missing and LPQ_REQUIRE_TOOLS isn't 1 (scripts/test.sh sets it).
fn tsc() -> Option<PathBuf> {
    let path =
        std::env::var_os("LPQ_TSC").map(PathBuf::from).unwrap_or_else(|| root().join(".tools/node_modules/.bin/tsc"));
    if path.exists() {
        return Some(path);
    }
    let required = std::env::var("LPQ_REQUIRE_TOOLS").as_deref() == Ok("1");
    assert!(!required, "{} is missing: run scripts/setup.sh", path.display());
    eprintln!("NOT RUN: {} is missing (scripts/setup.sh installs it)", path.display());
    None
}

fn run_tsc(tsc: &Path, project: &str) -> (bool, String) {
    let out = Command::new("node")
        .arg(tsc)
        .args(["-p", project])
        .current_dir(root().join("tests/types"))
        .output()
        .expect("node runs");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn the_types_accept_a_typed_host() {
    let Some(tsc) = tsc() else { return };
    let (ok, out) = run_tsc(&tsc, "tsconfig.json");
    assert!(ok, "tsc rejected tests/types/host.ts:\n{out}");
}

#[test]
fn the_types_reject_a_misspelt_detail_field() {
    let Some(tsc) = tsc() else { return };
    let (ok, out) = run_tsc(&tsc, "tsconfig.misspelt.json");
    assert!(!ok, "tsc accepted e.detail.nutrient on lpq-complete");
    assert!(
        out.contains("misspelt.ts") && out.contains("'nutrient' does not exist on type 'LegPainQuizCompleteDetail'"),
        "tsc failed for another reason than the misspelt field:\n{out}"
    );
}
