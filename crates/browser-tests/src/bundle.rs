//! What the release bundle's files name, read from what the build wrote rather than from how the
//! build names things: the files a page loads (its HTML parsed with `scraper`), the glue and the
//! main wasm its code block names, the module the glue imports (the lazy modules' loader), and
//! the wasm modules that loader fetches.

use std::path::Path;

use explainer_core::names::CODE_BLOCK_ID;
use html5ever::driver::ParseOpts;
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{ElementRef, Html, HtmlTreeSink, Selector};

/// `html` parsed as a browser with scripting off parses it: what a `<noscript>` holds is
/// elements too (with scripting on it would be text), so a test can find it, or leave it out
/// with [`in_noscript`].
pub fn parse(html: &str) -> Html {
    let options = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), options).one(html)
}

/// The elements of `page` that match `css` (a selector the test wrote), in document order.
pub fn select<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    page.select(&selector).collect()
}

/// Whether `element` is inside a `<noscript>`: asked for only when scripts do not run.
pub fn in_noscript(element: &ElementRef) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|ancestor| ancestor.value().name() == "noscript")
}

/// The values of every `href` and `src` attribute of `page`, in document order; with
/// `noscript` false, without those only a `<noscript>` holds.
pub fn links(page: &Html, noscript: bool) -> Vec<String> {
    select(page, "[href], [src]")
        .into_iter()
        .filter(|element| noscript || !in_noscript(element))
        .flat_map(|element| {
            let attributes = element.value();
            [attributes.attr("href"), attributes.attr("src")]
        })
        .flatten()
        .map(str::to_string)
        .collect()
}

/// The file under `dist` that a URL such as `/some/public/url/app.js` names, if there is one
/// (the bundle may be built for a sub-path, which `dist` does not have).
pub fn local_file(dist: &Path, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("data:") || target.starts_with('#') {
        return None;
    }
    let path = target.split(['?', '#']).next()?.trim_start_matches('/');
    let parts: Vec<&str> = path.split('/').collect();
    (0..parts.len())
        .map(|skip| parts[skip..].join("/"))
        .find(|candidate| !candidate.is_empty() && dist.join(candidate).is_file())
}

/// The URLs of the glue and of the main wasm, as the page's code block
/// (`<script type="application/json" id="explainer-code">`) names them.
pub fn code_block(page: &Html) -> (String, String) {
    let css = format!("script#{CODE_BLOCK_ID}");
    let block = select(page, &css);
    let block = block
        .first()
        .unwrap_or_else(|| panic!("the page has no {css}"));
    let json: String = block.text().collect();
    let code: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{css}: {e}: {json}"));
    let url = |key: &str| {
        code[key]
            .as_str()
            .unwrap_or_else(|| panic!("{css} names no {key}: {json}"))
            .to_string()
    };
    (url("glue"), url("wasm"))
}

/// The modules a script imports by a relative path (`import … from "./x.js"`), in order,
/// without repeats; the script may be minified.
pub fn static_imports(source: &str) -> Vec<String> {
    let mut modules = Vec::new();
    for (at, _) in source.match_indices("from") {
        let rest = source[at + "from".len()..].trim_start();
        let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        let specifier = rest[1..].split(quote).next().unwrap_or_default();
        if specifier.starts_with("./") && !modules.iter().any(|m| m == specifier) {
            modules.push(specifier.to_string());
        }
    }
    modules
}

/// A wasm module the lazy modules' loader fetches.
#[derive(Clone, Debug)]
pub struct LazyModule {
    /// Its file, beside the loader.
    pub file: String,
    /// Whether the loader exports the function that loads it: a lazy island's own module, which
    /// its island loads; the others are chunks shared by several islands' modules.
    pub own: bool,
}

/// The wasm modules the lazy modules' loader (its source, `source`, perhaps minified) fetches
/// (`fetch(new URL("./….wasm", import.meta.url))`), in order, each marked by whether the loader
/// exports its load function: the loader declares the chunks its modules share first, then
/// exports (`export const`) a load function for each module of its own.
pub fn lazy_modules(source: &str) -> Vec<LazyModule> {
    const URL: &str = "new URL(\"./";
    let mut modules = Vec::new();
    for (at, _) in source.match_indices(URL) {
        let file = source[at + URL.len()..]
            .split('"')
            .next()
            .unwrap_or_default();
        if file.ends_with(".wasm") {
            modules.push(LazyModule {
                file: file.to_string(),
                own: source[..at].contains("export const "),
            });
        }
    }
    modules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_leave_out_what_only_noscript_asks_for_unless_asked() {
        let page = parse(
            "<!doctype html><html><head><link rel=stylesheet href=/main.css>\
             <noscript><link rel=stylesheet href=/static.css></noscript>\
             <script type=module src=/boot.js></script></head>\
             <body><a href=#faq>FAQ</a><img src=map.png></body></html>",
        );
        assert_eq!(
            links(&page, false),
            ["/main.css", "/boot.js", "#faq", "map.png"]
        );
        assert_eq!(
            links(&page, true),
            ["/main.css", "/static.css", "/boot.js", "#faq", "map.png"]
        );
    }

    #[test]
    fn the_code_block_names_the_glue_and_the_wasm() {
        let page = parse(&format!(
            "<script type=\"application/json\" id=\"{CODE_BLOCK_ID}\">\
             {{\"glue\":\"/app-1.js\",\"wasm\":\"/app-1_bg.wasm\"}}</script>"
        ));
        assert_eq!(
            code_block(&page),
            ("/app-1.js".to_string(), "/app-1_bg.wasm".to_string())
        );
    }

    #[test]
    fn imports_and_lazy_modules_are_read_from_the_scripts() {
        let glue = "import * as import1 from \"./app-lazy.js\"\n\
                    import * as import2 from \"./app-lazy.js\"\nexport function f() {}\n";
        assert_eq!(static_imports(glue), ["./app-lazy.js"]);
        let loader = r#"
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1-a.wasm", import.meta.url));
}, []);
export const __load_faq = wrap(makeLoad(() => {
    const src = fetch(new URL("./faq-b.wasm", import.meta.url));
}, [__chunk_1]));
"#;
        let modules = lazy_modules(loader);
        let found: Vec<(&str, bool)> = modules.iter().map(|m| (m.file.as_str(), m.own)).collect();
        assert_eq!(found, [("chunk_1-a.wasm", false), ("faq-b.wasm", true)]);
    }

    #[test]
    fn imports_and_lazy_modules_are_read_from_minified_scripts() {
        let glue = "import{a as b}from\"./app-lazy.js\";import{c}from'./app-lazy.js';export{b};";
        assert_eq!(static_imports(glue), ["./app-lazy.js"]);
        let loader = r#"import{initSync as p}from"./app.js";const l=a(()=>{const t=fetch(new URL("./chunk_1-a.wasm",import.meta.url))},[]),_=a(()=>{const t=fetch(new URL("./chunk_2-c.wasm",import.meta.url))},[]);export const __load_faq=i(a(()=>{const t=fetch(new URL("./faq-b.wasm",import.meta.url))},[l])),__load_embed=i(a(()=>{const t=fetch(new URL("./embed-d.wasm",import.meta.url))},[l,_]));"#;
        let modules = lazy_modules(loader);
        let found: Vec<(&str, bool)> = modules.iter().map(|m| (m.file.as_str(), m.own)).collect();
        assert_eq!(
            found,
            [
                ("chunk_1-a.wasm", false),
                ("chunk_2-c.wasm", false),
                ("faq-b.wasm", true),
                ("embed-d.wasm", true)
            ]
        );
    }
}
