//! Trunk's loader, out of line: Trunk writes an inline module script that loads the wasm; a
//! strict Content-Security-Policy forbids inline scripts. This replaces it with a file of our
//! own (`boot.js`) that reports a frame's height without waiting for the wasm, loads the same
//! wasm, hydrates the page's islands, and falls back to the page's static layout
//! (`static.css`) if the wasm cannot be loaded.

use explainer_core::names::{
    CODE_BLOCK_ID, FRAME_CLASS, LAZY_ISLANDS, LOAD_EVERYTHING_EVENT, PART_FRAMES_FOLDER,
    SAVE_DATA_NOTICE_CLASS, STATIC_CSS_FILE, TOUCHED_ATTRIBUTE,
};

use crate::edits::{fill_blanks, replace_exactly};
use crate::files::file_name_hash;

/// A script file to write next to the pages.
pub struct Boot {
    pub name: String,
    pub source: String,
    /// Where the glue and the wasm are served from, as Trunk's loader names them.
    pub glue_url: String,
    pub wasm_url: String,
}

/// Trunk's loader, as Trunk writes it and as its HTML minifier leaves it.
const INLINE_MODULE: [&str; 2] = ["<script type=\"module\">", "<script type=module>"];

fn find_inline_module(page: &str) -> Option<usize> {
    INLINE_MODULE.iter().filter_map(|tag| page.find(tag)).min()
}

/// Trunk's inline loader in `page`: where it is, and the glue and wasm addresses it loads.
struct TrunkLoader<'a> {
    start: usize,
    end: usize,
    glue_url: &'a str,
    wasm_url: &'a str,
}

fn trunk_loader(page: &str) -> Result<TrunkLoader<'_>, String> {
    let start = find_inline_module(page)
        .ok_or("index.html: Trunk's inline loader (<script type=\"module\">) was not found")?;
    let end = page[start..]
        .find("</script>")
        .map(|i| start + i + "</script>".len())
        .ok_or("index.html: Trunk's inline loader is not closed")?;
    let script = &page[start..end];
    Ok(TrunkLoader {
        start,
        end,
        glue_url: quoted_after(script, &["from '", "from\""])?,
        wasm_url: quoted_after(
            script,
            &["module_or_path: '", "module_or_path:'", "module_or_path:\""],
        )?,
    })
}

/// The name Trunk gave its glue in `page`, without `.js`: its wasm is `<stem>_bg.wasm`.
pub fn glue_stem(page: &str) -> Result<String, String> {
    let glue = trunk_loader(page)?.glue_url;
    glue.rsplit('/')
        .next()
        .and_then(|name| name.strip_suffix(".js"))
        .map(str::to_string)
        .ok_or_else(|| format!("Trunk's loader imports {glue}, not a .js file"))
}

/// `page` naming the glue and the wasm `stem` instead of Trunk's `trunk_stem`: in Trunk's
/// loader (twice) and its two preloads.
pub fn rename_code(page: &str, trunk_stem: &str, stem: &str) -> Result<String, String> {
    replace_exactly(page, trunk_stem, stem, 4, "index.html")
}

/// Takes Trunk's inline loader out of `page`, returning the page with a `<script src>` in its
/// place and the file that script names. `public_url` ends with `/`.
pub fn move_to_file(page: &str, public_url: &str) -> Result<(String, Boot), String> {
    let trunk = trunk_loader(page)?;
    let source = boot_source(trunk.glue_url, trunk.wasm_url, public_url)?;
    let hex = file_name_hash(source.as_bytes());
    let boot = Boot {
        name: format!("boot-{hex}.js"),
        source,
        glue_url: trunk.glue_url.to_string(),
        wasm_url: trunk.wasm_url.to_string(),
    };
    // `async`: the loader never holds back DOMContentLoaded (see boot.js).
    let tag = format!(
        "<script type=\"module\" async src=\"{public_url}{}\"></script>",
        boot.name
    );
    let page = format!("{}{tag}{}", &page[..trunk.start], &page[trunk.end..]);
    if find_inline_module(&page).is_some() {
        return Err("index.html: more than one inline module script".into());
    }
    Ok((page, boot))
}

/// Takes Trunk's preloads of the glue and the wasm out of `page`, so that a reader who never
/// needs code fetches none (the loader fetches both when it is first needed), and names the two
/// files in a data block instead, `<script type="application/json" id="explainer-code">`,
/// where the script embed finds them. A preload not found once, or a page without one `</head>`,
/// is an error: Trunk has changed.
pub fn code_on_demand(page: &str, boot: &Boot) -> Result<String, String> {
    let mut page = page.to_string();
    for url in [&boot.glue_url, &boot.wasm_url] {
        let href = format!("href=\"{url}\"");
        let at = match page.match_indices(&href).collect::<Vec<_>>()[..] {
            [(at, _)] => at,
            ref found => {
                return Err(format!(
                    "index.html: expected one preload of {url} from Trunk, found {}",
                    found.len()
                ))
            }
        };
        let start = page[..at]
            .rfind("<link ")
            .ok_or_else(|| format!("index.html: {url} is not in a <link>"))?;
        let end = at
            + page[at..]
                .find('>')
                .ok_or_else(|| format!("index.html: the <link> to {url} is not closed"))?;
        page.replace_range(start..=end, "");
    }
    let files = serde_json::json!({ "glue": boot.glue_url, "wasm": boot.wasm_url });
    let block =
        format!("<script type=\"application/json\" id=\"{CODE_BLOCK_ID}\">{files}</script></head>");
    replace_exactly(&page, "</head>", &block, 1, "index.html")
}

/// The quoted text after the first of `markers` found in `script` (each ends with its quote).
fn quoted_after<'a>(script: &'a str, markers: &[&str]) -> Result<&'a str, String> {
    let (from, quote) = markers
        .iter()
        .find_map(|marker| {
            let at = script.find(marker)?;
            Some((at + marker.len(), marker.chars().last()?))
        })
        .ok_or_else(|| format!("Trunk's loader has none of {markers:?}: has Trunk changed?"))?;
    let to = script[from..]
        .find(quote)
        .ok_or("Trunk's loader is cut short")?;
    Ok(&script[from..from + to])
}

/// The loader's source, with the addresses it needs left as `__NAME__` blanks.
const BOOT_TEMPLATE: &str = include_str!("boot.js");

/// The loader: in a frame it reports the page's height at once; it loads the glue `js` and the
/// wasm, hydrates the islands, and adds `static.css` if they cannot be loaded. An old frame
/// address (`?embed=1` on the page itself) moves to `embed.html`.
fn boot_source(js: &str, wasm: &str, public_url: &str) -> Result<String, String> {
    fill_blanks(
        "boot.js",
        BOOT_TEMPLATE,
        &[
            ("__GLUE__", js),
            ("__WASM__", wasm),
            ("__STATIC_CSS__", &format!("{public_url}{STATIC_CSS_FILE}")),
            ("__FRAME_CLASS__", FRAME_CLASS),
            ("__LAZY_ISLANDS__", &LAZY_ISLANDS.join("|")),
            ("__TOUCHED_ATTRIBUTE__", TOUCHED_ATTRIBUTE),
            ("__SAVE_DATA_NOTICE__", SAVE_DATA_NOTICE_CLASS),
            ("__LOAD_EVERYTHING_EVENT__", LOAD_EVERYTHING_EVENT),
            ("__PART_FRAMES_FOLDER__", PART_FRAMES_FOLDER),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk's `index.html` for this project as Trunk 0.21.14 wrote it (release, before this
    /// tool ran); `tests/saved/README.md` says how to save it again after updating Trunk.
    const SAVED_TRUNK_PAGE: &str = include_str!("../tests/saved/trunk-index.html");
    const SAVED_STEM: &str = "explainer-web-8c46e4f6e7eb52fa";

    #[test]
    fn trunks_saved_page_gets_our_loader_and_no_preloads() {
        assert_eq!(glue_stem(SAVED_TRUNK_PAGE).unwrap(), SAVED_STEM);
        let page = rename_code(SAVED_TRUNK_PAGE, SAVED_STEM, "explainer-web-0123").unwrap();
        assert!(!page.contains(SAVED_STEM));
        let (page, boot) = move_to_file(&page, "/").unwrap();
        assert!(boot.source.contains("import(\"/explainer-web-0123.js\")"));
        assert!(boot
            .source
            .contains("fetch(\"/explainer-web-0123_bg.wasm\")"));
        assert!(boot.source.contains(&format!("\"{FRAME_CLASS}\"")));
        let page = code_on_demand(&page, &boot).unwrap();
        assert!(!page.contains("<script type=\"module\">"));
        assert!(!page.contains("preload"), "{page}");
        assert_eq!(
            page.matches("<script type=\"module\" async src=").count(),
            1
        );
        assert_eq!(page.matches(CODE_BLOCK_ID).count(), 1);
    }

    #[test]
    fn a_page_naming_its_code_other_than_trunk_does_stops_the_build() {
        let once_more = SAVED_TRUNK_PAGE.replace("</body>", &format!("{SAVED_STEM}</body>"));
        assert!(rename_code(&once_more, SAVED_STEM, "x")
            .unwrap_err()
            .contains("expected 4"));
    }

    const TRUNK_PAGE: &str = "<head></head><body>\n<script type=\"module\">\nimport init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\n</script></body>";

    #[test]
    fn the_inline_loader_becomes_a_file_loading_the_same_wasm() {
        let (page, boot) = move_to_file(TRUNK_PAGE, "/sub/").unwrap();
        assert!(!page.contains("import init"));
        assert!(page.contains(&format!(
            "<script type=\"module\" async src=\"/sub/{}\"></script>",
            boot.name
        )));
        assert!(boot.source.contains("import(\"/app-1.js\")"));
        assert!(boot.source.contains("fetch(\"/app-1_bg.wasm\")"));
        assert!(boot.source.contains("\"/sub/static.css\""));
        for blank in ["__GLUE__", "__WASM__", "__STATIC_CSS__"] {
            assert!(!boot.source.contains(blank), "{blank} is filled");
        }
    }

    #[test]
    fn the_preloads_give_way_to_a_block_naming_the_code() {
        let page = "<head><link rel=\"modulepreload\" href=\"/app-1.js\" crossorigin=\"anonymous\">\
            <link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\"></head>";
        let (_, boot) = move_to_file(TRUNK_PAGE, "/").unwrap();
        assert_eq!(
            code_on_demand(page, &boot).unwrap(),
            "<head><script type=\"application/json\" id=\"explainer-code\">\
             {\"glue\":\"/app-1.js\",\"wasm\":\"/app-1_bg.wasm\"}</script></head>"
        );
        let without = page.replace("/app-1_bg.wasm", "/other.wasm");
        assert_eq!(
            code_on_demand(&without, &boot).unwrap_err(),
            "index.html: expected one preload of /app-1_bg.wasm from Trunk, found 0"
        );
        let twice = page.replace(
            "</head>",
            "<link rel=\"preload\" href=\"/app-1.js\"></head>",
        );
        assert!(code_on_demand(&twice, &boot)
            .unwrap_err()
            .contains("found 2"));
        let two_heads = format!("{page}</head>");
        assert!(code_on_demand(&two_heads, &boot)
            .unwrap_err()
            .contains("expected 1 of `</head>`, found 2"));
    }

    #[test]
    fn a_page_without_a_loader_is_an_error() {
        assert!(move_to_file("<body></body>", "/").is_err());
    }
}
