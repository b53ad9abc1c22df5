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

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("src/knowledge/data");
    println!("cargo:rerun-if-changed={}", dir.display());
    for file in ["compact.rs", "model.rs", "validate.rs", "authored.rs", "encode.rs", "fallback.rs"] {
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
    write_fallbacks(&kb.emergency);
    let compact = encode::encode(&kb).expect("the knowledge base encodes");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("knowledge.shape"), &compact.shape).expect("OUT_DIR is writable");
    fs::write(Path::new(&out).join("knowledge.text"), &compact.text).expect("OUT_DIR is writable");
}

/// Keeps the warning signs in index.html and the loader word for word what the knowledge
/// base says (they are shown where the wasm can't run, so can't read it). Writes only when
/// they differ, so a normal build touches nothing; tests/knowledge.rs checks the files.
fn write_fallbacks(signs: &model::EmergencySigns) {
    let blocks = [
        (fallback::HTML_FILE, fallback::HTML_START, fallback::HTML_END, fallback::html_block(signs)),
        (fallback::LOADER_FILE, fallback::LOADER_START, fallback::LOADER_END, fallback::loader_block(signs)),
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
