//! What the end-to-end tests (`e2e/`) and the budget benchmark share: a headless
//! Chromium driven over WebDriver ([`browser`], [`webdriver`]) and a static file server on loopback
//! ([`server`]).

pub mod browser;
pub mod harness;
pub mod server;
pub mod webdriver;
