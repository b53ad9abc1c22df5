//! Checked-in files generated from the knowledge base: the warning signs in `index.html`
//! and the loader (see `fallback.rs`). The build never writes into the source
//! tree: these tests regenerate each file and, when it was stale, rewrite it and fail
//! with the difference (the pattern rust-analyzer uses for its generated code). Run
//! `cargo test --test generated` after editing the warning signs, and commit.
#![cfg(not(target_arch = "wasm32"))]

// The name the block writer knows the model by.
use leg_pain_quiz::knowledge as model;
use std::path::Path;

mod fallback;
use fallback::*;

/// The warning signs in index.html and the loader (shown where the wasm can't run) say
/// word for word what the first screen says. A stale block is rewritten and the test
/// fails with the difference, so the fix is to commit what it wrote.
#[test]
fn fallback_warning_signs_match_the_knowledge_base() {
    // The authored base: the embedded one leaves out the fallbacks' own words.
    let kb = &lpq_knowledge::authored::load(Path::new(lpq_knowledge::DATA_DIR));
    let locales = lpq_knowledge::language_files::bases().unwrap_or_else(|e| panic!("{e}"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = [
        (HTML_FILE, HTML_START, HTML_END, html_block(kb)),
        (LOADER_FILE, LOADER_START, LOADER_END, loader_block(kb, &locales) + &early_block(kb, &locales)),
    ];
    for (file, start, end, block) in files {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let expected =
            splice(&text, start, end, &block).unwrap_or_else(|| panic!("{file} has no warning-signs markers"));
        ensure_file_contents(&root.join(file), &text, &expected);
        for sign in kb.emergency.signs.iter() {
            assert!(expected.contains(sign.as_ref()), "{file} lacks `{sign}`");
        }
    }
    // And the splice really replaces what was between the markers.
    let stale = format!("a\n{HTML_START}\nold text\n{HTML_END}\nb\n");
    let fresh = splice(&stale, HTML_START, HTML_END, "new\n").unwrap();
    assert_eq!(fresh, format!("a\n{HTML_START}\nnew\n{HTML_END}\nb\n"));
}

/// Writes `expected` to `path` when `text` (what the file holds) differs, and fails
/// showing the lines that changed: a stale generated file fails the tests once, and the
/// next run (with the file rewritten) passes.
fn ensure_file_contents(path: &Path, text: &str, expected: &str) {
    if text == expected {
        return;
    }
    std::fs::write(path, expected).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let old: Vec<&str> = text.lines().collect();
    let new: Vec<&str> = expected.lines().collect();
    let same_start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let same_end =
        old[same_start..].iter().rev().zip(new[same_start..].iter().rev()).take_while(|(a, b)| a == b).count();
    let mut diff = String::new();
    for line in &old[same_start..old.len() - same_end] {
        diff += &format!("-{line}\n");
    }
    for line in &new[same_start..new.len() - same_end] {
        diff += &format!("+{line}\n");
    }
    panic!(
        "{} was stale (generated from the knowledge base) and has been rewritten: commit it.\n\
         At line {}:\n{diff}",
        path.display(),
        same_start + 1
    );
}
