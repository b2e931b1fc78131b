//! What the explainer's browser tests share: the end-to-end tests (`tests/e2e`), the size report
//! (`tests/size_report.rs`) and the load benchmark (`benches/load`):
//!
//! - `server`: a static server for the release bundle, whose replies a test can change;
//! - `browser`: a headless Chromium, with helpers to open a page and wait for its islands;
//! - `engines`: Firefox and WebKit, for the journey in every engine;
//! - `bundle`: what the bundle's pages and scripts name (its HTML parsed with scraper);
//! - `content_type`: the content types the server sends;
//! - `compress`: brotli and gzip as the build compresses;
//! - `first_load`: the first load's budgets;
//!
//! and, here, where the bundles are, the shipped content as typed data, and the storage keys
//! the app uses.

pub mod browser;
pub mod bundle;
pub mod compress;
pub mod content_type;
pub mod engines;
pub mod first_load;
pub mod server;

use std::path::PathBuf;
use std::sync::OnceLock;

pub use explainer_core::content::Content;
use explainer_core::names::PAGE_FILE;
pub use explainer_core::storage_keys;

/// The repository's root folder (the workspace's), where `dist/`, `public/` and `target/` are.
pub fn repo_dir() -> PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// The release bundle the end-to-end tests run against.
pub fn dist_dir() -> PathBuf {
    let dist = repo_dir().join("dist");
    assert!(
        dist.join(PAGE_FILE).is_file(),
        "{} has no {PAGE_FILE}: build it first with `trunk build --release` (scripts/test does)",
        dist.display()
    );
    dist
}

/// Where `scripts/test` builds the copy published under a sub-path.
pub const SUB_PATH_DIST: &str = "target/dist-sub-path";
/// The sub-path that copy is built for (`trunk build --public-url`).
pub const SUB_PATH: &str = "/graphics/explainer/";

/// The release bundle built for [`SUB_PATH`].
pub fn sub_path_dist_dir() -> PathBuf {
    let dist = repo_dir().join(SUB_PATH_DIST);
    assert!(
        dist.join(PAGE_FILE).is_file(),
        "no {SUB_PATH_DIST}: run `trunk build --release --public-url {SUB_PATH} --dist {SUB_PATH_DIST}`"
    );
    dist
}

/// The name of the file in the bundle at `dist` that starts with `prefix` and ends with
/// `suffix` (names carry hashes).
pub fn file_named(dist: &std::path::Path, prefix: &str, suffix: &str) -> String {
    std::fs::read_dir(dist)
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.starts_with(prefix) && name.ends_with(suffix))
        .unwrap_or_else(|| panic!("no {prefix}…{suffix} in {}", dist.display()))
}

/// The file name of the main wasm module in the bundle at `dist`.
pub fn wasm_file(dist: &std::path::Path) -> String {
    file_named(dist, "", "_bg.wasm")
}

/// The English content file the build renders (`public/content/en.json`), typed, so tests
/// follow the content rather than copy it.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| read_edition("en"))
}

/// The Khmer edition (`public/content/km.json`), typed.
pub fn khmer() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| read_edition("km"))
}

fn read_edition(lang: &str) -> Content {
    let path = repo_dir().join(format!("public/content/{lang}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    explainer_core::content::parse_content(&text)
        .unwrap_or_else(|problems| panic!("{}: {problems:?}", path.display()))
}

/// The shipped content's checklists (the tests need a story that has them).
pub fn checklists() -> &'static explainer_core::content::model::Checklists {
    content()
        .checklists
        .as_ref()
        .expect("the shipped content has checklists")
}

/// What a reader sees of a piece of story text: glossary references (`[[id]]` or
/// `[[id|shown words]]`) as their words, whitespace collapsed as `innerText` does.
pub fn shown_text(text: &str) -> String {
    let runs = explainer_core::content::inline::shown(text, &content().glossary);
    let words: String = runs.iter().map(|run| run.words()).collect();
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A fresh folder under `target/` for one test's files (a staged build, a browser's downloads).
pub fn scratch_dir(name: &str) -> PathBuf {
    let unique = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = repo_dir().join(format!("target/e2e-{name}-{unique}"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
