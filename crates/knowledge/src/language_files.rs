//! The language files the widget fetches, `locales/<locale>.kb`: each locale's knowledge
//! base (the base with the locale's words, validated like the base) in the compact form,
//! behind a header with its warning signs for the loader's fallback (shown where the
//! wasm can't start, so can't read the rest).
//!
//! The format: three parts, the first two each behind its length (u32, little-endian):
//! the header (JSON: `cantStart`, `heading`, `signs`, `call`, `seeADoctor`, `localEmergency`, `either`), the compact
//! shape, then the compact text to the end of the file.
//!
//! A file carries only what differs from the built-in base (British English, in the
//! wasm): an empty shape where the locale's is the base's (only a region's own food
//! amounts change it), and in the text [`compact::SAME`] for each string that is the
//! base's at the same place (ids, sources, numbers, and most of US English), after the
//! base's [`compact::fingerprint`]. The wasm checks that and makes the text whole again
//! ([`compact::with_base`]). Spanish is about 22 KB gzip this way instead of 33, American
//! English about 11 instead of 29. So a file is read only by the wasm built with it (the
//! loader's integrity hashes already make them one release); another is refused.
//!
//! A build output, never checked in: the Trunk hook (scripts/minify.sh) runs the
//! `lpq-locales` binary, which writes them into the build's staging folder and fails the
//! build on any error.

use crate::{authored, compact, encode, locale, validate, KnowledgeBase, DATA_DIR, LOCALES_DIR};
use std::path::Path;

/// Every locale's knowledge base, as (locale, base): the authored base with the locale's
/// words, validated like the base.
pub fn bases() -> Result<Vec<(String, KnowledgeBase)>, String> {
    let base = authored::merged(Path::new(DATA_DIR));
    locale::files(Path::new(LOCALES_DIR))
        .into_iter()
        .map(|(name, table)| {
            let what = format!("{LOCALES_DIR}/{name}.toml");
            let complete = locale::COMPLETE.contains(&name.as_str());
            let merged =
                locale::apply(&base, &table, complete).map_err(|e| format!("{what}:\n  {}", e.join("\n  ")))?;
            let kb = authored::from_table(merged, &what);
            let problems = validate(&kb);
            if !problems.is_empty() {
                return Err(format!("{what} makes a knowledge base that is not valid:\n  {}", problems.join("\n  ")));
            }
            Ok((name, kb))
        })
        .collect()
}

/// Every locale's file, as (locale, bytes), from the authored base and locales.
pub fn all() -> Result<Vec<(String, Vec<u8>)>, String> {
    // The built-in base, as build.rs embeds it.
    let base = encode::encode(&authored::load(Path::new(DATA_DIR))).map_err(|e| format!("{DATA_DIR}: {e}"))?;
    bases()?
        .into_iter()
        .map(|(name, kb)| {
            let what = format!("{LOCALES_DIR}/{name}.toml");
            let compact = encode::encode(&kb).map_err(|e| format!("{what}: {e}"))?;
            let shape: &[u8] = if compact.shape == base.shape { &[] } else { &compact.shape };
            let text = differences(&base.text, &compact.text)
                .ok_or_else(|| format!("{what}: its strings don't line up with the base's"))?;
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
            for part in [header.as_bytes(), shape] {
                file.extend_from_slice(&(part.len() as u32).to_le_bytes());
                file.extend_from_slice(part);
            }
            file.extend_from_slice(text.as_bytes());
            Ok((name, file))
        })
        .collect()
}

/// A locale's compact text with [`compact::SAME`] for each string that is the base's at
/// the same place, after the base's [`compact::fingerprint`]; `None` when they hold
/// different numbers of strings.
fn differences(base: &str, text: &str) -> Option<String> {
    let (ours, theirs): (Vec<&str>, Vec<&str>) =
        (base.split_terminator('\0').collect(), text.split_terminator('\0').collect());
    if ours.len() != theirs.len() {
        return None;
    }
    let mut out = String::from_utf8(compact::fingerprint(base).to_vec()).expect("hex digits");
    out.push('\0');
    for (ours, theirs) in ours.into_iter().zip(theirs) {
        out.push_str(if ours == theirs { compact::SAME } else { theirs });
        out.push('\0');
    }
    Some(out)
}

/// Writes every locale's file into `dir` as `<locale>.kb`; returns how many.
pub fn write(dir: &Path) -> Result<usize, String> {
    let files = all()?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, bytes) in &files {
        let path = dir.join(format!("{name}.kb"));
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files.len())
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
