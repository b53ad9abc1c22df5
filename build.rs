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

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("src/knowledge/data");
    println!("cargo:rerun-if-changed={}", dir.display());
    for file in ["compact.rs", "model.rs", "validate.rs", "authored.rs", "encode.rs"] {
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
}
