//! The build-time tool's parts, and [`build`], Trunk's post-build step, which runs them in
//! order. The modules use one another and `files`, never this root: reading and checking
//! content files and the embeds' heights table, the settings, editing other tools' output (`edits`, `loader`, `split`),
//! drawing the map and the share cards, rendering the pages with their head tags, minifying
//! the CSS and JavaScript (`minify`; `tools` runs the outside tools) and precompression; for
//! editors, the translation record. `main.rs` is the command line.

pub mod compress;
pub mod content_files;
pub mod edits;
pub mod embed_heights;
pub mod files;
pub mod head;
pub mod import_names;
pub mod line_breaks;
pub mod loader;
pub mod locator_map;
pub mod minify;
pub mod render;
pub mod settings;
pub mod share_card;
pub mod split;
pub mod tools;
pub mod translation_record;

use explainer_core::content::parts::embeddable_parts;
use explainer_core::names::{CARDS_FOLDER, SHARE_CARD_FILE};

use files::{read, write, write_in_folder};
use settings::BuildSettings;

/// Trunk's post-build step; see the crate's `main.rs`.
pub fn build() -> Result<(), String> {
    let mut settings = BuildSettings::from_env()?;
    let editions = content_files::load_editions(&settings.content_dir)?;
    settings.publish_at(&editions[0].content.publication.base_url);
    let heights = embed_heights::load(&settings.embed_heights, &editions)?;
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
    let template = if settings.release {
        minify::minify_bundle(&settings.staging, &template)?
    } else {
        template
    };
    let world = read(&locator_map::countries_file())
        .map_err(|e| format!("{e} (scripts/setup installs it from npm)"))?;
    let maps = (editions.iter())
        .map(|edition| locator_map::for_content(&edition.content, &world))
        .collect::<Result<Vec<_>, _>>()?;
    let typesetter = share_card::Typesetter::new()?;
    for (edition, map) in editions.iter().zip(&maps) {
        let folder = settings.staging.join(&edition.path);
        let svg = share_card::svg(&edition.content, map.as_ref(), &typesetter)?;
        write_in_folder(&folder.join(SHARE_CARD_FILE), typesetter.render_png(&svg)?)?;
        for (name, width, height) in share_card::SHAPES {
            let png = typesetter.render_png_on(&svg, width, height)?;
            write_in_folder(&folder.join(share_card::shaped_file(name)), png)?;
        }
        for part in embeddable_parts(&edition.content) {
            let svg = share_card::part_svg(&edition.content, &part, &typesetter)?;
            let path = folder.join(CARDS_FOLDER).join(format!("{}.png", part.slug));
            write_in_folder(&path, typesetter.render_png(&svg)?)?;
        }
    }
    for page in render::pages(&editions, &template, &settings, &maps, &heights)? {
        write_in_folder(&settings.staging.join(&page.file), &page.html)?;
    }
    if settings.release {
        compress::precompress(&settings.staging)?;
    }
    Ok(())
}
