//! leg-pain-quiz: a private, in-browser questionnaire about night-time leg pain.
//!
//! `knowledge` says what is known, `quiz` decides (pure Rust, natively tested),
//! `storage` keeps progress on the device, and `ui` + `embed` render it in the browser.

pub mod knowledge;
// The path the model's `compact_struct!` readers name, here and in build.rs.
#[doc(hidden)]
pub use knowledge::compact as knowledge_compact;
pub mod quiz;
pub mod report;
pub mod session;
pub mod text;

/// The release: one semver version for the crate, the npm package and the element (its
/// `version` property and every host event's `version`). See CHANGELOG.md.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

// Talc instead of Rust's default dlmalloc: a fraction of its code in the wasm, and faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
