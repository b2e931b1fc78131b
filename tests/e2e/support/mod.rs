//! Shared pieces of the end-to-end tests: a static file server and a headless Chromium.

pub mod browser;
#[path = "../../shared/content_type.rs"]
pub mod content_type;
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

/// The content file shipped in `dist/`, as JSON, so tests follow the content rather than copy it.
pub fn shipped_content() -> serde_json::Value {
    let text = std::fs::read_to_string(dist_dir().join("content/en.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}
