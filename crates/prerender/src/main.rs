//! The explainer's build-time tool.
//!
//! - `explainer-prerender check FILE…` checks content files for editors: every problem, with
//!   its file and place; exits non-zero on any. Translations whose reference text changed are
//!   listed as warnings.
//! - `explainer-prerender mark-translated FILE (PLACE…|--all)` records that the edition's
//!   strings at those places now translate the reference text as it is.
//! - `explainer-prerender fingerprint ARTICLE OUT` writes the source article's fingerprint,
//!   which the editorial test checks content against without the article.
//! - `explainer-prerender` alone is Trunk's `post_build` hook: it checks the content folder
//!   (`EXPLAINER_CONTENT`, default `public/content`), renders the explainer with the app's own
//!   components into the pages Trunk staged, moves Trunk's inline loader into a file, and in
//!   release builds minifies the CSS and JavaScript and precompresses the bundle. Any failure
//!   stops the build, so Trunk keeps the last good `dist/`.

use std::path::Path;
use std::process::ExitCode;

use explainer_core::copy_check::Fingerprint;
use explainer_prerender::translation_record::{mark_translated, Places};
use explainer_prerender::{build, content_files};

const USAGE: &str =
    "usage: explainer-prerender [check FILE… | mark-translated FILE (PLACE…|--all) \
                     | fingerprint ARTICLE OUT]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => content_files::check_files(&args[1..]),
        Some("mark-translated") if args.len() > 2 => {
            let places = if args[2..] == ["--all"] {
                Places::All
            } else {
                Places::Only(args[2..].to_vec())
            };
            mark_translated(Path::new(&args[1]), &places)
                .map(|n| println!("{}: {n} place(s) recorded as up to date", args[1]))
        }
        Some("fingerprint") if args.len() == 3 => fingerprint(&args[1], &args[2]),
        None => build(),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the fingerprint of the article at `article` to `out`.
fn fingerprint(article: &str, out: &str) -> Result<(), String> {
    let text =
        std::fs::read_to_string(article).map_err(|e| format!("{article}: cannot read: {e}"))?;
    let print = Fingerprint::of(&text);
    std::fs::write(out, print.to_file()).map_err(|e| format!("{out}: cannot write: {e}"))?;
    println!("{out}: {} runs of six words", print.len());
    Ok(())
}
