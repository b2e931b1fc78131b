//! The built pages conform to HTML as the Nu HTML checker (the W3C's validator, `vnu-jar` from
//! npm, run on Java) reads it: no error on any page of `dist/` but the `<!>` markers Leptos
//! leaves for hydration. The script embed's fragments are not documents, and are left out.

use std::path::{Path, PathBuf};
use std::process::Command;

use explainer_browser_tests::{dist_dir, repo_dir};

/// Every page of the bundle under `dir`: its `.html` files, but the fragments.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("fragment") {
            continue;
        }
        if path.is_dir() {
            pages.extend(self::pages(&path));
        } else if name.ends_with(".html") {
            pages.push(path);
        }
    }
    pages.sort();
    pages
}

/// Leptos's hydration marker, `<!>`, which the checker calls a bogus comment.
fn is_leptos_marker(message: &serde_json::Value) -> bool {
    message["message"] == "Bogus comment."
        && message["extract"]
            .as_str()
            .is_some_and(|extract| extract.contains("<!>"))
}

#[test]
fn the_pages_conform_to_html_but_for_leptos_markers() {
    let pages = pages(&dist_dir());
    assert!(pages.len() > 20, "the bundle's pages: {pages:?}");
    let checker = repo_dir().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let output = Command::new("java")
        .arg("-jar")
        .arg(&checker)
        .args(["--errors-only", "--format", "json"])
        .args(&pages)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "java -jar {}: {e} (scripts/setup installs both)",
                checker.display()
            )
        });
    // The checker writes its report to stderr, and exits non-zero when it found errors.
    let report: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "the checker's report: {e}: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let messages = report["messages"].as_array().unwrap();
    assert!(
        messages.iter().any(is_leptos_marker),
        "the checker reads the pages' markers: {report}"
    );
    let errors: Vec<String> = messages
        .iter()
        .filter(|message| !is_leptos_marker(message))
        .map(|message| {
            format!(
                "{}:{}: {}",
                message["url"].as_str().unwrap_or_default(),
                message["lastLine"],
                message["message"].as_str().unwrap_or_default()
            )
        })
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
