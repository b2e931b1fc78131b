//! The bundle's own CSS and JavaScript, minified in release builds with esbuild (npm, installed
//! by scripts/setup like wasm-opt): comments, indentation and long local names serve whoever
//! reads the source, not the readers who download it. A stylesheet the page checks by its hash
//! (Trunk's `integrity` attribute) gets its new hash in the page.

use std::path::Path;
use std::process::Command;

use crate::files::read_bytes;
use crate::tools::run;

/// The kinds of file minified.
const MINIFIED: [&str; 2] = ["js", "css"];

/// Minifies every JavaScript and CSS file in `dir` in place (not in its subfolders, which hold
/// only pages); returns `template` with the integrity hash of each file it changed updated.
pub fn minify_bundle(dir: &Path, template: &str) -> Result<String, String> {
    let mut template = template.to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| MINIFIED.contains(&e));
        if !wanted || !path.is_file() {
            continue;
        }
        let before = integrity(&read_bytes(&path)?);
        minify(&path)?;
        template = template.replace(&before, &integrity(&read_bytes(&path)?));
    }
    Ok(template)
}

fn minify(path: &Path) -> Result<(), String> {
    run(Command::new("esbuild")
        .arg(path)
        .args([
            "--minify",
            "--charset=utf8",
            "--log-level=warning",
            "--allow-overwrite",
        ])
        .arg(format!("--outfile={}", path.display())))
}

/// The `integrity` attribute's value that checks `bytes`, as Trunk writes it.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha384};
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}
