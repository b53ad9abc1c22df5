//! Embeds the authored knowledge base (TOML files in `crates/knowledge/data/`, read by
//! the `lpq-knowledge` crate). The TOML stays the source of truth: serde loads it here
//! into the real model types, the same validation the tests run checks it (a dangling id
//! or a red flag without guidance stops the build, naming the entry), and it is written
//! out in the compact form `lpq_knowledge::read` reads, so the wasm carries no TOML parser.

use lpq_knowledge::{authored, encode, locale, validate, DATA_DIR, LOCALES_DIR};
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(DATA_DIR);
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={LOCALES_DIR}");
    for path in authored::files(dir) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let kb = authored::load(dir);
    let problems = validate(&kb);
    if !problems.is_empty() {
        panic!("the knowledge base in {} is not valid:\n  {}", dir.display(), problems.join("\n  "));
    }
    let compact = encode::encode(&kb).expect("the knowledge base encodes");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("knowledge.shape"), &compact.shape).expect("OUT_DIR is writable");
    fs::write(Path::new(&out).join("knowledge.text"), &compact.text).expect("OUT_DIR is writable");
    write_locales(dir);
}

/// Where the locales' knowledge bases are written for the release hook (scripts/minify.sh)
/// to put next to the widget.
const LOCALE_OUT: &str = "static/locales";

/// Each locale's knowledge base: the base with the locale's words, validated like the
/// base, in the compact form, behind a header with its warning signs for the loader's
/// fallback. Written only when it changed.
fn write_locales(dir: &Path) {
    let base = authored::merged(dir);
    for (name, table) in locale::files(Path::new(LOCALES_DIR)) {
        let complete = locale::COMPLETE.contains(&name.as_str());
        let merged = locale::apply(&base, &table, complete)
            .unwrap_or_else(|e| panic!("{LOCALES_DIR}/{name}.toml:\n  {}", e.join("\n  ")));
        let kb = authored::from_table(merged, &format!("{LOCALES_DIR}/{name}.toml"));
        let problems = validate(&kb);
        if !problems.is_empty() {
            panic!("{LOCALES_DIR}/{name}.toml makes a knowledge base that is not valid:\n  {}", problems.join("\n  "));
        }
        let compact = encode::encode(&kb).expect("the locale's knowledge base encodes");
        let e = &kb.emergency;
        let signs: Vec<String> = e.signs.iter().map(|s| json(s)).collect();
        let header = format!(
            "{{\"cantStart\":{},\"heading\":{},\"signs\":[{}],\"call\":{},\"seeADoctor\":{},\"localEmergency\":{},\"either\":{}}}",
            json(&e.cant_start),
            json(&e.heading),
            signs.join(","),
            json(&e.call),
            json(&e.see_a_doctor),
            json(&kb.services.local_emergency),
            json(&kb.services.either)
        );
        let mut file = Vec::new();
        for part in [header.as_bytes(), &compact.shape] {
            file.extend_from_slice(&(part.len() as u32).to_le_bytes());
            file.extend_from_slice(part);
        }
        file.extend_from_slice(compact.text.as_bytes());
        let path = Path::new(LOCALE_OUT).join(format!("{name}.kb"));
        if fs::read(&path).ok().as_deref() != Some(&file[..]) {
            fs::create_dir_all(LOCALE_OUT).expect("static/ is writable");
            fs::write(&path, file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

fn json(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
