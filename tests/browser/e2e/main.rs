//! End-to-end tests: the release build (`dist/`, made by scripts/test.sh) served on
//! loopback and used in headless Chromium as a person would.

mod accessibility;
mod browser;
mod embedding;
mod journeys;
mod screens;
mod server;
mod visual;

use server::Server;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The built widget. scripts/test.sh builds it and sets LPQ_DIST.
pub fn dist() -> PathBuf {
    let dir = std::env::var("LPQ_DIST").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from("dist"));
    assert!(
        dir.join("leg-pain-quiz.js").exists(),
        "no built widget in {}: run `bash scripts/test.sh`, which builds it first",
        dir.display()
    );
    dir
}

/// One server for the whole run, serving dist/ as any static host would.
pub fn site() -> &'static Server {
    static SITE: OnceLock<Server> = OnceLock::new();
    SITE.get_or_init(|| Server::start(dist(), vec![]))
}

/// Where tests write screenshots and PDFs for people to look at (git-ignored).
pub fn output_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e-output");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
