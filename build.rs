//! Embeds the authored knowledge base (TOML files in `src/knowledge/data/`). The TOML
//! stays the source of truth: serde loads it here into the real model types, the same
//! validation the tests run checks it (a dangling id or a red flag without guidance stops
//! the build, naming the entry), and it is written out in the compact form
//! `src/knowledge/compact.rs` reads, so the wasm carries no TOML parser.

#[allow(dead_code)]
#[macro_use]
#[path = "src/knowledge/compact.rs"]
mod knowledge_compact;

#[allow(dead_code)]
#[path = "src/knowledge/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/knowledge/validate.rs"]
mod validate;

#[path = "src/knowledge/authored.rs"]
mod authored;

#[path = "src/knowledge/encode.rs"]
mod encode;

#[path = "src/knowledge/fallback.rs"]
mod fallback;

#[path = "src/knowledge/locale.rs"]
mod locale;

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("src/knowledge/data");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={LOCALES}");
    for file in ["compact.rs", "model.rs", "validate.rs", "authored.rs", "encode.rs", "fallback.rs", "locale.rs"] {
        println!("cargo:rerun-if-changed=src/knowledge/{file}");
    }
    for path in authored::files(dir) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let kb = authored::load(dir);
    let problems = validate::validate(&kb);
    if !problems.is_empty() {
        panic!("the knowledge base in {} is not valid:\n  {}", dir.display(), problems.join("\n  "));
    }
    let compact = encode::encode(&kb).expect("the knowledge base encodes");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("knowledge.shape"), &compact.shape).expect("OUT_DIR is writable");
    fs::write(Path::new(&out).join("knowledge.text"), &compact.text).expect("OUT_DIR is writable");
    let locales = write_locales(dir);
    write_fallbacks(&kb, &locales);
}

/// Where the locales are authored, and where their knowledge bases are written for the
/// release hook (scripts/minify.sh) to put next to the widget.
const LOCALES: &str = "src/knowledge/locales";
const LOCALE_OUT: &str = "static/locales";

/// Each locale's knowledge base: the base with the locale's words, validated like the
/// base, in the compact form, behind a header with its warning signs. Written only when
/// it changed. Returns each locale's knowledge base, by name.
fn write_locales(dir: &Path) -> Vec<(String, model::KnowledgeBase)> {
    let base = authored::merged(dir);
    let mut bases = Vec::new();
    for (name, table) in locale::files(Path::new(LOCALES)) {
        let complete = locale::COMPLETE.contains(&name.as_str());
        let merged = locale::apply(&base, &table, complete)
            .unwrap_or_else(|e| panic!("{LOCALES}/{name}.toml:\n  {}", e.join("\n  ")));
        let kb = authored::from_table(merged, &format!("{LOCALES}/{name}.toml"));
        let problems = validate::validate(&kb);
        if !problems.is_empty() {
            panic!("{LOCALES}/{name}.toml makes a knowledge base that is not valid:\n  {}", problems.join("\n  "));
        }
        let compact = encode::encode(&kb).expect("the locale's knowledge base encodes");
        let e = &kb.emergency;
        let signs: Vec<String> = e.signs.iter().map(|s| json(s)).collect();
        let header = format!(
            "{{\"cantStart\":{},\"heading\":{},\"signs\":[{}],\"call\":{},\"seeADoctor\":{}}}",
            json(&e.cant_start),
            json(&e.heading),
            signs.join(","),
            json(&e.call),
            json(&e.see_a_doctor)
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
        bases.push((name, kb));
    }
    bases
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

/// Keeps the warning signs in index.html and the loader word for word what the knowledge
/// base says, the loader's in every language (they are shown where the wasm can't run, or
/// hasn't yet, so can't read it). Writes only when
/// they differ, so a normal build touches nothing; tests/knowledge.rs checks the files.
fn write_fallbacks(kb: &model::KnowledgeBase, locales: &[(String, model::KnowledgeBase)]) {
    let blocks = [
        (fallback::HTML_FILE, fallback::HTML_START, fallback::HTML_END, fallback::html_block(kb)),
        (fallback::LOADER_FILE, fallback::LOADER_START, fallback::LOADER_END, fallback::loader_block(kb, locales)),
    ];
    for (file, start, end, block) in blocks {
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let updated = fallback::splice(&text, start, end, &block)
            .unwrap_or_else(|| panic!("{file} has lost its warning-signs markers ({start} … {end})"));
        if updated != text {
            fs::write(file, updated).unwrap_or_else(|e| panic!("{file}: {e}"));
        }
    }
}
