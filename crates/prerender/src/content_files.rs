//! Reading content files and reporting their problems as `FILE: place: message`, one a line.

use std::path::Path;

use explainer_core::content::{parse_content, Content};

/// Reads and checks the content file at `path`.
pub fn load(path: &Path) -> Result<Content, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    parse_content(&text).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|problem| format!("{}: {problem}", path.display()))
            .collect();
        format!(
            "{}\n{} problem(s) in {}; nothing was built.",
            lines.join("\n"),
            problems.len(),
            path.display()
        )
    })
}

/// Checks every file in `paths`, printing each one's problems; fails if any has one.
pub fn check_files(paths: &[String]) -> Result<(), String> {
    let mut failed = 0;
    for path in paths {
        match load(Path::new(path)) {
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
