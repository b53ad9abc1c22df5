//! What the end-to-end tests (`e2e/`) and the budget benchmark share: a headless
//! Chromium driven over WebDriver ([`browser`]) and a static file server on loopback
//! ([`server`]).

pub mod browser;
pub mod server;
