//! A copy of the bundle under `target/bench/`, taken once at the start, so that a build into
//! `dist/` while the benchmark runs (Trunk empties the folder and fills it again, under new
//! hashed names) cannot change the files halfway or turn them into 404s.

use std::path::{Path, PathBuf};
use std::time::Duration;

use explainer_browser_tests::bundle::{parse, select};
use explainer_core::names::PAGE_FILE;

/// Copies `dist` to `to` (emptied first) until the copy's `index.html` finds every file it links
/// to, and returns `to`.
pub fn take(dist: &Path, to: &Path) -> PathBuf {
    const ATTEMPTS: usize = 30;
    for attempt in 1..=ATTEMPTS {
        let _ = std::fs::remove_dir_all(to);
        copy(dist, to)
            .unwrap_or_else(|e| panic!("copying {} to {}: {e}", dist.display(), to.display()));
        let missing = match std::fs::read_to_string(to.join(PAGE_FILE)) {
            Ok(html) => missing(to, &html),
            Err(_) => vec![PAGE_FILE.to_string()],
        };
        if missing.is_empty() {
            return to.to_path_buf();
        }
        eprintln!(
            "[bench] {} is incomplete (a build under way?): no {}; copying again ({attempt} of {ATTEMPTS})",
            dist.display(),
            missing.join(", ")
        );
        // Pacing only: time for a build under way to finish before copying again.
        std::thread::sleep(Duration::from_secs(2));
    }
    panic!(
        "{} stayed incomplete; build it first (scripts/bench does)",
        dist.display()
    );
}

/// Copies the folder `from` to `to`, without Trunk's staging folder.
fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == ".stage" {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copy(&entry.path(), &to.join(&name))?;
        } else {
            std::fs::copy(entry.path(), to.join(&name))?;
        }
    }
    Ok(())
}

/// The local files that `html` loads (`src` attributes, and `href` of `<link>` elements, those
/// a `<noscript>` holds too) and that its scripts import (quoted `….js` and `….wasm` paths),
/// which `dist` lacks.
fn missing(dist: &Path, html: &str) -> Vec<String> {
    let page = parse(html);
    let attribute = |css: &str, name: &str| -> Vec<String> {
        select(&page, css)
            .iter()
            .filter_map(|element| local(element.value().attr(name)?))
            .collect()
    };
    let scripts = attribute("[src]", "src");
    let mut wanted = scripts.clone();
    wanted.extend(attribute("link[href]", "href"));
    for script in scripts.iter().filter(|file| file.ends_with(".js")) {
        let source = std::fs::read_to_string(dist.join(script)).unwrap_or_default();
        let quoted = source.split('"').skip(1).step_by(2);
        let imports = quoted.filter(|q| q.ends_with(".js") || q.ends_with(".wasm"));
        wanted.extend(imports.filter_map(local));
    }
    wanted.retain(|file| !dist.join(file).is_file());
    wanted.dedup();
    wanted
}

/// The path under the bundle's folder that a URL names, if it names a local file.
fn local(value: &str) -> Option<String> {
    let target = value.split(['?', '#']).next()?;
    let file = target.trim_start_matches('/');
    (!file.is_empty() && !target.contains(':')).then(|| file.to_string())
}
