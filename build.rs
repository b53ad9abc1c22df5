//! Turns the authored knowledge base (TOML files in `src/knowledge/data/`) into one
//! compact JSON document embedded in the library. TOML stays the source of truth and
//! is pleasant to write; the wasm only carries `serde_json`, which storage needs anyway.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("src/knowledge/data");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("src/knowledge/data must exist")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    let mut merged = serde_json::Map::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let serde_json::Value::Object(object) = serde_json::to_value(table).expect("TOML converts to JSON")
        else {
            unreachable!("a TOML document is a table")
        };
        for (key, value) in object {
            match (merged.get_mut(&key), value) {
                (None, value) => {
                    merged.insert(key, value);
                }
                (Some(serde_json::Value::Array(existing)), serde_json::Value::Array(more)) => {
                    existing.extend(more)
                }
                (Some(_), _) => panic!("{}: key `{key}` is defined in two files", path.display()),
            }
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("knowledge.json");
    fs::write(&out, serde_json::to_string(&merged).expect("JSON serialises")).expect("OUT_DIR is writable");
}
