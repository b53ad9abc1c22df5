//! leg-pain-quiz: a private, in-browser questionnaire about night-time leg pain.
//!
//! `knowledge` says what is known (the `lpq-knowledge` crate), `quiz` decides (the
//! `lpq-engine` crate: pure Rust, natively tested),
//! `storage` keeps progress on the device, and `ui` + `embed` render it in the browser.

pub mod knowledge;
// The engine (`lpq-engine`), under the paths the views and the tests name.
pub use lpq_engine::{quiz, report, session, text};
pub mod region;

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
