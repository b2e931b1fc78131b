//! Reading content files and reporting their problems as `FILE: place: message`, one a line:
//! each file on its own, and each edition against the reference edition (`en.json`). Stale
//! translations are reported as warnings, which stop nothing.

use std::path::{Path, PathBuf};

use crate::files::read;
use explainer_core::content::editions::compare_editions;
use explainer_core::content::translations::stale;
use explainer_core::content::{parse_content, Content};

/// The reference edition's file: its pages are at the top of the bundle, every other edition's
/// under a folder named for its file (`km.json`'s under `km/`), with the same ids in the same
/// places.
pub const REFERENCE: &str = "en.json";

/// One edition of the story, checked.
pub struct CheckedEdition {
    pub content: Content,
    /// Its pages' folder in the bundle: empty for the reference edition, else `<name>/`.
    pub path: String,
}

/// Reads and checks every edition in `dir`: the reference first, then the others by name,
/// each file read once.
pub fn load_editions(dir: &Path) -> Result<Vec<CheckedEdition>, String> {
    let reference_path = dir.join(REFERENCE);
    let reference_text = read(&reference_path)?;
    // Checked before it is read as plain JSON, so that a broken file is reported with its place.
    let content = check(&reference_path, &reference_text)?;
    let reference = json(&reference_path, &reference_text)?;
    let mut editions = vec![CheckedEdition {
        content,
        path: String::new(),
    }];
    let mut reports = Vec::new();
    for path in other_editions(dir)? {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        match read(&path).and_then(|text| check_against(&path, &text, &reference_path, &reference))
        {
            Ok(content) => {
                for line in stale_translations(&path, &reference, &content) {
                    eprintln!("{line}");
                }
                editions.push(CheckedEdition {
                    content,
                    path: format!("{name}/"),
                });
            }
            Err(report) => reports.push(report),
        }
    }
    if reports.is_empty() {
        Ok(editions)
    } else {
        Err(reports.join("\n"))
    }
}

/// The content files in `dir` other than the reference, in name order.
fn other_editions(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .filter(|path| path.file_name().is_some_and(|n| n != REFERENCE))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Checks the edition at `path` (its `text`) on its own and against the reference edition.
fn check_against(
    path: &Path,
    text: &str,
    reference_path: &Path,
    reference: &serde_json::Value,
) -> Result<Content, String> {
    let content = check(path, text)?;
    let problems = compare_editions(reference, &json(path, text)?);
    if problems.is_empty() {
        return Ok(content);
    }
    Err(report(
        path,
        &problems,
        &format!(" (against {})", reference_path.display()),
    ))
}

/// A warning line for each string of the edition at `path` whose reference text changed since
/// it was translated (or was never recorded), and a last line saying how to record them.
pub fn stale_translations(
    path: &Path,
    reference: &serde_json::Value,
    edition: &Content,
) -> Vec<String> {
    let entries = stale(reference, &edition.translated_from);
    if entries.is_empty() {
        return Vec::new();
    }
    let mut lines: Vec<String> = entries
        .iter()
        .map(|entry| format!("warning: {}: {entry}", path.display()))
        .collect();
    lines.push(format!(
        "warning: {n} translation(s) in {file} may be out of date; once they are, record it with \
         scripts/mark-translated {file} PLACE…",
        n = entries.len(),
        file = path.display()
    ));
    lines
}

/// `text` as JSON; only called on text `check` accepted, so it does not fail.
fn json(path: &Path, text: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads and checks the content file at `path`.
pub fn load(path: &Path) -> Result<Content, String> {
    check(path, &read(path)?)
}

/// Checks `text`, the content file at `path`.
fn check(path: &Path, text: &str) -> Result<Content, String> {
    parse_content(text).map_err(|problems| report(path, &problems, ""))
}

/// The lines naming each of `problems` in the file at `path`, and a summary.
fn report(path: &Path, problems: &[explainer_core::content::Problem], against: &str) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|problem| format!("{}: {problem}", path.display()))
        .collect();
    format!(
        "{}\n{} problem(s) in {}{against}; nothing was built.",
        lines.join("\n"),
        problems.len(),
        path.display()
    )
}

/// Checks every file in `paths`, printing each one's problems; fails if any has one. A file
/// beside a reference edition is also compared with it.
pub fn check_files(paths: &[String]) -> Result<(), String> {
    let mut failed = 0;
    for path in paths {
        let path_buf = Path::new(path);
        let reference = path_buf.with_file_name(REFERENCE);
        let checked = if reference.is_file() && path_buf.file_name().is_some_and(|n| n != REFERENCE)
        {
            read(&reference)
                .and_then(|text| {
                    check(&reference, &text)?;
                    json(&reference, &text)
                })
                .and_then(|value| {
                    let text = read(path_buf)?;
                    let content = check_against(path_buf, &text, &reference, &value)?;
                    for line in stale_translations(path_buf, &value, &content) {
                        println!("{line}");
                    }
                    Ok(content)
                })
        } else {
            load(path_buf)
        };
        match checked {
            Ok(_) => println!("{path}: ok"),
            Err(report) => {
                eprintln!("{report}");
                failed += 1;
            }
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(format!("{n} of {} file(s) have problems", paths.len())),
    }
}
