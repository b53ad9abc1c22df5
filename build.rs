//! Embeds the authored knowledge base (TOML files in `crates/knowledge/data/`, read by
//! the `lpq-knowledge` crate). The TOML stays the source of truth: serde loads it here
//! into the real model types, the same validation the tests run checks it (a dangling id
//! or a red flag without guidance stops the build, naming the entry), and it is written
//! out in the compact form `lpq_knowledge::read` reads, so the wasm carries no TOML parser.
//! The wasm's copy leaves out the words every language file gives, British English's too
//! (`lpq_knowledge::language_files::built_in`); the whole text is written beside it for
//! native builds.
//!
//! It writes only into `OUT_DIR`. The files generated from the knowledge base that are
//! checked in (the warning signs in index.html and the loader) are kept fresh by
//! tests/generated; the language files are written by the Trunk hook (scripts/minify.sh
//! runs `lpq-locales`).

use lpq_knowledge::{authored, language_files, validate, DATA_DIR};
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(DATA_DIR);
    println!("cargo:rerun-if-changed={}", dir.display());
    for path in authored::files(dir) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let kb = authored::load(dir);
    let problems = validate(&kb);
    if !problems.is_empty() {
        panic!("the knowledge base in {} is not valid:\n  {}", dir.display(), problems.join("\n  "));
    }
    let built_in = language_files::built_in().unwrap_or_else(|e| panic!("the knowledge base encodes: {e}"));
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("knowledge.shape"), &built_in.shape).expect("OUT_DIR is writable");
    fs::write(Path::new(&out).join("knowledge.text"), &built_in.text).expect("OUT_DIR is writable");
    fs::write(Path::new(&out).join("knowledge.whole.text"), &built_in.whole).expect("OUT_DIR is writable");
}
