//! Trunk's loader, out of line: Trunk writes an inline module script that loads the wasm; a
//! strict Content-Security-Policy forbids inline scripts. This replaces it with a file of our
//! own (`boot.js`) that reports a frame's height without waiting for the wasm, loads the same
//! wasm, hydrates the page's islands, and falls back to the page's static layout
//! (`static.css`) if the wasm cannot be loaded.

use explainer_core::names::{CODE_BLOCK_ID, STATIC_CSS_FILE};

use crate::short_hash;

/// A script file to write next to the pages.
pub struct Boot {
    pub name: String,
    pub source: String,
    /// The file name of Trunk's glue without `.js`: the wasm is `<glue_stem>_bg.wasm`.
    pub glue_stem: String,
    /// Where the glue and the wasm are served from, as Trunk's loader names them.
    pub glue_url: String,
    pub wasm_url: String,
}

/// Trunk's loader, as Trunk writes it and as its HTML minifier leaves it.
const INLINE_MODULE: [&str; 2] = ["<script type=\"module\">", "<script type=module>"];

fn find_inline_module(page: &str) -> Option<usize> {
    INLINE_MODULE.iter().filter_map(|tag| page.find(tag)).min()
}

/// Takes Trunk's inline loader out of `page`, returning the page with a `<script src>` in its
/// place and the file that script names. `public_url` ends with `/`.
pub fn move_to_file(page: &str, public_url: &str) -> Result<(String, Boot), String> {
    let start = find_inline_module(page)
        .ok_or("index.html: Trunk's inline loader (<script type=\"module\">) was not found")?;
    let end = page[start..]
        .find("</script>")
        .map(|i| start + i + "</script>".len())
        .ok_or("index.html: Trunk's inline loader is not closed")?;
    let trunk_loader = &page[start..end];
    let js = quoted_after(trunk_loader, &["from '", "from\""])?;
    let wasm = quoted_after(
        trunk_loader,
        &["module_or_path: '", "module_or_path:'", "module_or_path:\""],
    )?;
    let source = boot_source(js, wasm, public_url)?;
    let hex = short_hash(source.as_bytes());
    let glue_stem = js
        .rsplit('/')
        .next()
        .and_then(|name| name.strip_suffix(".js"))
        .ok_or_else(|| format!("Trunk's loader imports {js}, not a .js file"))?
        .to_string();
    let boot = Boot {
        name: format!("boot-{hex}.js"),
        source,
        glue_stem,
        glue_url: js.to_string(),
        wasm_url: wasm.to_string(),
    };
    let tag = format!(
        "<script type=\"module\" src=\"{public_url}{}\"></script>",
        boot.name
    );
    let page = format!("{}{tag}{}", &page[..start], &page[end..]);
    if find_inline_module(&page).is_some() {
        return Err("index.html: more than one inline module script".into());
    }
    Ok((page, boot))
}

/// Takes Trunk's preloads of the glue and the wasm out of `page`, so that a reader who never
/// needs code fetches none (the loader fetches both when it is first needed), and names the two
/// files in a data block instead, `<script type="application/json" id="explainer-code">`,
/// where the script embed finds them. A preload not found is an error: Trunk has changed.
pub fn code_on_demand(page: &str, boot: &Boot) -> Result<String, String> {
    let mut page = page.to_string();
    for url in [&boot.glue_url, &boot.wasm_url] {
        let href = format!("href=\"{url}\"");
        let at = page
            .find(&href)
            .ok_or_else(|| format!("index.html: Trunk's preload of {url} was not found"))?;
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
    Ok(page.replacen("</head>", &block, 1))
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
        BOOT_TEMPLATE,
        &[
            ("__GLUE__", js),
            ("__WASM__", wasm),
            ("__STATIC_CSS__", &format!("{public_url}{STATIC_CSS_FILE}")),
        ],
    )
}

/// `template` with each blank replaced by its value; fails if a blank is not there, so a
/// template edited out of step with the build is caught when the build runs.
fn fill_blanks(template: &str, blanks: &[(&str, &str)]) -> Result<String, String> {
    blanks
        .iter()
        .try_fold(template.to_string(), |text, (blank, value)| {
            if text.contains(blank) {
                Ok(text.replace(blank, value))
            } else {
                Err(format!("the loader's template (boot.js) has no {blank}"))
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_PAGE: &str = "<head></head><body>\n<script type=\"module\">\nimport init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\n</script></body>";

    #[test]
    fn the_inline_loader_becomes_a_file_loading_the_same_wasm() {
        let (page, boot) = move_to_file(TRUNK_PAGE, "/sub/").unwrap();
        assert!(!page.contains("import init"));
        assert!(page.contains(&format!(
            "<script type=\"module\" src=\"/sub/{}\"></script>",
            boot.name
        )));
        assert!(boot.source.contains("import(\"/app-1.js\")"));
        assert!(boot.source.contains("fetch(\"/app-1_bg.wasm\")"));
        assert!(boot.source.contains("\"/sub/static.css\""));
        for blank in ["__GLUE__", "__WASM__", "__STATIC_CSS__"] {
            assert!(!boot.source.contains(blank), "{blank} is filled");
        }
        assert_eq!(boot.glue_stem, "app-1");
    }

    #[test]
    fn a_blank_missing_from_the_template_is_an_error() {
        assert_eq!(
            fill_blanks(
                "import(\"__GLUE__\")",
                &[("__GLUE__", "/a.js"), ("__WASM__", "/a.wasm")]
            ),
            Err("the loader's template (boot.js) has no __WASM__".to_string())
        );
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
            "index.html: Trunk's preload of /app-1_bg.wasm was not found"
        );
    }

    #[test]
    fn a_page_without_a_loader_is_an_error() {
        assert!(move_to_file("<body></body>", "/").is_err());
    }
}
