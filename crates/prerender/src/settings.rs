//! Where the build puts things and what it is building, from Trunk's environment and ours.

use std::path::PathBuf;

/// Where the build puts things, from Trunk's environment and ours.
pub struct BuildSettings {
    pub staging: PathBuf,
    /// Trunk's `--public-url`, ending `/`: where the files are served from.
    pub public_url: String,
    /// Where the explainer is published, ending `/`, for canonical links and previews: the
    /// content's `publication.base_url`, unless `$EXPLAINER_BASE_URL` says otherwise (empty
    /// until [`BuildSettings::publish_at`]).
    pub base_url: String,
    pub content_dir: PathBuf,
    /// The table of the embeds' heights where no script sizes them.
    pub embed_heights: PathBuf,
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
            base_url: var("EXPLAINER_BASE_URL")
                .map(with_slash)
                .unwrap_or_default(),
            content_dir: PathBuf::from(
                var("EXPLAINER_CONTENT").unwrap_or_else(|| "public/content".into()),
            ),
            embed_heights: PathBuf::from(
                var("EXPLAINER_EMBED_HEIGHTS")
                    .unwrap_or_else(|| "public/embed-heights.json".into()),
            ),
            release: var("TRUNK_PROFILE").as_deref() == Some("release"),
        })
    }

    /// Takes `content_base` (the reference edition's `publication.base_url`) as the address,
    /// unless the environment gave one.
    pub fn publish_at(&mut self, content_base: &str) {
        if self.base_url.is_empty() {
            self.base_url = content_base.to_string();
        }
    }
}
