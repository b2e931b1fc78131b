//! The release build's minifier (esbuild): the bundle's own CSS and JavaScript come out smaller
//! and still whole, the page's integrity check follows the stylesheet, the pages' folders are
//! left alone, and a file esbuild cannot read stops the build with its name.

use std::path::PathBuf;

use explainer_prerender::minify::{integrity, minify_bundle};

const CSS: &str = "/* Themed by custom properties. */\n.explainer {\n  color: var(--ink);\n}\n\n\
                   .explainer:has(input[value='full']:checked) .story-section__body {\n  display: block;\n}\n";
const JS: &str = "// Reports the height.\nfunction reportHeight(frameElement) {\n  const measuredHeight = \
                  frameElement.getBoundingClientRect().height;\n  return measuredHeight;\n}\nexport { reportHeight };\n";

/// A folder of its own under the target's scratch folder, emptied.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("km")).unwrap();
    dir
}

#[test]
fn the_bundle_is_minified_and_its_integrity_hash_follows() {
    let dir = scratch("minify");
    std::fs::write(dir.join("main.css"), CSS).unwrap();
    std::fs::write(dir.join("app.js"), JS).unwrap();
    std::fs::write(dir.join("km/index.js"), JS).unwrap();
    let template = format!(
        "<link rel=\"stylesheet\" href=\"/main.css\" integrity=\"{}\"/>",
        integrity(CSS.as_bytes())
    );

    let template = minify_bundle(&dir, &template).unwrap();

    let css = std::fs::read_to_string(dir.join("main.css")).unwrap();
    assert!(css.len() < CSS.len() && !css.contains("/*"), "{css}");
    assert!(
        css.contains(".explainer:has(input[value=full]:checked) .story-section__body"),
        "{css}"
    );
    assert_eq!(
        template,
        format!(
            "<link rel=\"stylesheet\" href=\"/main.css\" integrity=\"{}\"/>",
            integrity(css.as_bytes())
        )
    );
    let js = std::fs::read_to_string(dir.join("app.js")).unwrap();
    assert!(js.len() < JS.len() && !js.contains("//"), "{js}");
    assert!(
        js.contains("reportHeight") && js.contains("getBoundingClientRect"),
        "{js}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("km/index.js")).unwrap(),
        JS
    );
}

#[test]
fn a_script_esbuild_cannot_read_stops_the_build_with_its_name() {
    let dir = scratch("minify-broken");
    std::fs::write(dir.join("broken.js"), "function (").unwrap();
    let err = minify_bundle(&dir, "").unwrap_err();
    assert!(err.contains("broken.js"), "{err}");
}
