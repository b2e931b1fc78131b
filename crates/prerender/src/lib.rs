//! The build-time tool's parts: reading and checking content files, rendering the pages,
//! the head tags, moving Trunk's loader into a file, and precompression; for editors, the
//! translation record and the article's fingerprint. `main.rs` runs them.

pub mod compress;
pub mod content_files;
pub mod edits;
pub mod head;
pub mod loader;
pub mod locator_map;
pub mod render;
pub mod share_card;
pub mod split;
pub mod translation_record;

use std::path::{Path, PathBuf};

use explainer_core::names::SHARE_CARD_FILE;

/// Where the build puts things, from Trunk's environment and ours.
pub struct BuildSettings {
    pub staging: PathBuf,
    /// Trunk's `--public-url`, ending `/`: where the files are served from.
    pub public_url: String,
    /// Where the explainer is published, ending `/`, for canonical links and previews.
    pub base_url: String,
    pub content_dir: PathBuf,
    pub release: bool,
}

impl BuildSettings {
    pub fn from_env() -> Result<Self, String> {
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

/// Trunk's post-build step; see the crate's `main.rs`.
pub fn build() -> Result<(), String> {
    let settings = BuildSettings::from_env()?;
    let editions = content_files::load_editions(&settings.content_dir)?;
    let template_path = settings.staging.join("index.html");
    let template = read(&template_path)?;
    let trunk_stem = loader::glue_stem(&template)?;
    let stem = split::split_lazy_islands(&split::Bundle {
        staging: &settings.staging,
        stem: &trunk_stem,
        release: settings.release,
    })?;
    let template = loader::rename_code(&template, &trunk_stem, &stem)?;
    let (template, boot) = loader::move_to_file(&template, &settings.public_url)?;
    write(&settings.staging.join(&boot.name), &boot.source)?;
    let template = loader::code_on_demand(&template, &boot)?;
    let world = read(&locator_map::countries_file())
        .map_err(|e| format!("{e} (scripts/setup installs it from npm)"))?;
    let maps = (editions.iter())
        .map(|edition| locator_map::for_content(&edition.content, &world))
        .collect::<Result<Vec<_>, _>>()?;
    let typesetter = share_card::Typesetter::new()?;
    for (edition, map) in editions.iter().zip(&maps) {
        let svg = share_card::svg(&edition.content, map.as_ref(), &typesetter)?;
        let path = settings.staging.join(&edition.path).join(SHARE_CARD_FILE);
        write_in_folder(&path, typesetter.render_png(&svg)?)?;
    }
    for page in render::pages(&editions, &template, &settings, &maps)? {
        write_in_folder(&settings.staging.join(&page.file), &page.html)?;
    }
    if settings.release {
        compress::precompress(&settings.staging)?;
    }
    Ok(())
}

/// Writes `path`, making its folder first (an edition's, a part's).
fn write_in_folder(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("{}: cannot create: {e}", folder.display()))?;
    }
    write(path, contents)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Sixteen hex digits of the SHA-256 of `bytes`: a file named with them gets a new name
/// whenever its content changes.
fn short_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}
