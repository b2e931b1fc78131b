//! The explainer's build-time tool.
//!
//! - `explainer-prerender check FILE…` checks content files for editors: every problem, with
//!   its file and place; exits non-zero on any.
//! - `explainer-prerender` alone is Trunk's `post_build` hook: it checks the content folder
//!   (`EXPLAINER_CONTENT`, default `public/content`), renders the explainer with the app's own
//!   components into the pages Trunk staged, moves Trunk's inline loader into a file, and in
//!   release builds precompresses the bundle. Any failure stops the build, so Trunk keeps the
//!   last good `dist/`.

use std::process::ExitCode;

use explainer_prerender::{build, content_files};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => content_files::check_files(&args[1..]),
        None => build(),
        _ => Err("usage: explainer-prerender [check FILE…]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
