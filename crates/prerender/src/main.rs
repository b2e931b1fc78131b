//! The explainer's build-time tool.
//!
//! - `explainer-prerender check FILE…` checks content files for editors: every problem, with
//!   its file and place; exits non-zero on any.
//! - `explainer-prerender` alone is Trunk's `post_build` hook: it checks the content folder
//!   (`EXPLAINER_CONTENT`, default `public/content`), renders the explainer with the app's own
//!   components into the pages Trunk staged, moves Trunk's inline loader into a file, and in
//!   release builds precompresses the bundle. Any failure stops the build, so Trunk keeps the
//!   last good `dist/`.

mod compress;
mod content_files;
mod head;
mod loader;
mod render;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

/// Where the build puts things, from Trunk's environment and ours.
struct BuildSettings {
    staging: PathBuf,
    /// Trunk's `--public-url`, ending `/`: where the files are served from.
    public_url: String,
    /// Where the explainer is published, ending `/`, for canonical links and previews.
    base_url: String,
    content_dir: PathBuf,
    release: bool,
}

impl BuildSettings {
    fn from_env() -> Result<Self, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let staging = var("TRUNK_STAGING_DIR")
            .ok_or("TRUNK_STAGING_DIR is not set: run this as Trunk's post_build hook")?;
        let with_slash = |url: String| {
            if url.ends_with('/') {
                url
            } else {
                format!("{url}/")
            }
        };
        Ok(BuildSettings {
            staging: PathBuf::from(staging),
            public_url: with_slash(var("TRUNK_PUBLIC_URL").unwrap_or_else(|| "/".into())),
            base_url: with_slash(
                var("EXPLAINER_BASE_URL").unwrap_or_else(|| "http://127.0.0.1:8080/".into()),
            ),
            content_dir: PathBuf::from(
                var("EXPLAINER_CONTENT").unwrap_or_else(|| "public/content".into()),
            ),
            release: var("TRUNK_PROFILE").as_deref() == Some("release"),
        })
    }
}

fn build() -> Result<(), String> {
    let settings = BuildSettings::from_env()?;
    let content = content_files::load(&settings.content_dir.join("en.json"))?;
    let template_path = settings.staging.join("index.html");
    let template = read(&template_path)?;
    let (template, boot) = loader::move_to_file(&template, &settings.public_url)?;
    write(&settings.staging.join(&boot.name), &boot.source)?;
    for page in render::pages(&content, &template, &settings)? {
        write(&settings.staging.join(page.file), &page.html)?;
    }
    if settings.release {
        compress::precompress(&settings.staging)?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}
