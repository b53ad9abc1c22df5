//! Reads the authored knowledge base: the TOML files in `crates/knowledge/data/`, merged
//! (top-level arrays with the same key are concatenated) and loaded by serde into the
//! model. Shared by `build.rs`, which embeds the result, and by the tests that check
//! the embedded copy against the files.

use super::model::KnowledgeBase;
use std::{
    fs,
    path::{Path, PathBuf},
};

/// The TOML files in `dir`, in name order.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}

/// Panics with the file and the reason when the files don't make a knowledge base:
/// a broken file must stop the build.
pub fn load(dir: &Path) -> KnowledgeBase {
    from_table(merged(dir), &dir.display().to_string())
}

/// The knowledge base a merged table (the authored one, or a locale's) makes.
pub fn from_table(table: toml::Table, what: &str) -> KnowledgeBase {
    let kb: KnowledgeBase = toml::Value::Table(table)
        .try_into()
        .unwrap_or_else(|e| panic!("{what}: the knowledge base doesn't fit the model: {e}"));
    kb.mark();
    kb
}

/// The files in `dir` merged into one table.
pub fn merged(dir: &Path) -> toml::Table {
    let mut merged = toml::Table::new();
    for path in files(dir) {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (key, value) in table {
            match (merged.get_mut(&key), value) {
                (None, value) => {
                    merged.insert(key, value);
                }
                (Some(toml::Value::Array(existing)), toml::Value::Array(more)) => existing.extend(more),
                (Some(_), _) => panic!("{}: key `{key}` is defined in two files", path.display()),
            }
        }
    }
    merged
}
