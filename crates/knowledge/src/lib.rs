//! What is known: nutrients, foods, questions, red flags, advice and their sources.
//!
//! The content is authored as TOML in `crates/knowledge/data/` (and its words in other
//! languages in `crates/knowledge/locales/`). With the `authoring` feature this crate
//! reads it ([`authored`], [`locale`]) and writes it in a compact form ([`encode`]);
//! without it, it only reads that compact form back ([`read`], see [`compact`]), so the
//! wasm carries no TOML parser. [`validate`] checks the invariants the engine relies on.

pub mod compact;
mod model;
mod validate;

#[cfg(feature = "authoring")]
pub mod authored;
#[cfg(feature = "authoring")]
pub mod encode;
#[cfg(feature = "authoring")]
pub mod language_files;
#[cfg(feature = "authoring")]
pub mod locale;

// The path the model's `compact_struct!` readers name.
#[doc(hidden)]
pub use compact as knowledge_compact;
pub use model::*;
pub use validate::{said_to_anyone, speaks_to_the_person, validate, KNOWN_FOOD_TAGS};

/// Where the knowledge base is authored: the TOML files the build embeds.
#[cfg(feature = "authoring")]
pub const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
/// Where the locales are authored, one TOML file each.
#[cfg(feature = "authoring")]
pub const LOCALES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");

/// Reads a knowledge base in the compact form. One copy of the reader in the wasm for
/// the built-in base and the language files alike (inlined in each caller, it would be
/// two copies of some ten kilobytes).
#[inline(never)]
pub fn read(shape: &[u8], text: &'static str) -> Result<KnowledgeBase, compact::DecodeError> {
    let kb: KnowledgeBase = compact::Reader::new(shape, text).read_all()?;
    kb.mark();
    Ok(kb)
}
