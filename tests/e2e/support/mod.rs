//! Shared pieces of the end-to-end tests: a static file server and a headless Chromium.

pub mod browser;
pub mod server;

use std::path::PathBuf;

/// The release bundle the end-to-end tests run against.
pub fn dist_dir() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build it first with `trunk build --release` (scripts/test does)",
        dist.display()
    );
    dist
}
