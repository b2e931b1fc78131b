//! How the release bundle is delivered. The size report: each file a reader of the top fetches
//! (the HTML, the CSS, the loader and the reading-mode script: no code), then what the first
//! sign of use brings (the JS glue, the main wasm, the lazy modules' loader), raw, gzip and
//! brotli, with a budget on each brotli total;
//! the lazy islands' modules, fetched only when a reader comes near them; and the wasm's largest
//! items; the host script's size; and the precompressed `.br` and `.gz` copies the build writes.
//!
//! Run after `trunk build --release`: `cargo test -p explainer-browser-tests --test size_report -- --nocapture`.

use std::path::{Path, PathBuf};

use explainer_browser_tests::first_load::{
    brotli, gzip, FIRST_LOAD_BROTLI_BUDGET, TOP_OF_PAGE_BROTLI_BUDGET,
};
use explainer_browser_tests::{dist_dir as dist, repo_dir};
use explainer_core::names::LAZY_ISLANDS;

/// The local files `index.html` links to (`href="…"`, `src="…"`), in order, without repeats;
/// what only a `<noscript>` asks for is not fetched when JavaScript runs.
fn linked_files(dist: &Path, html: &str) -> Vec<String> {
    let html = match (html.find("<noscript>"), html.find("</noscript>")) {
        (Some(start), Some(end)) => format!("{}{}", &html[..start], &html[end..]),
        _ => html.to_string(),
    };
    let mut files = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for piece in html.split(attribute).skip(1) {
            let target = piece.split('"').next().unwrap_or_default();
            if let Some(file) = local_file(dist, target) {
                if !files.contains(&file) {
                    files.push(file);
                }
            }
        }
    }
    files
}

/// Maps a URL such as `/some/public/url/app.js` to the file under `dist/`, if there is one.
fn local_file(dist: &Path, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("data:") || target.starts_with('#') {
        return None;
    }
    let path = target.split(['?', '#']).next()?.trim_start_matches('/');
    let parts: Vec<&str> = path.split('/').collect();
    (0..parts.len())
        .map(|skip| parts[skip..].join("/"))
        .find(|candidate| !candidate.is_empty() && dist.join(candidate).is_file())
}

/// The files the page names in its code block (`<script id="explainer-code">`): the glue and
/// the main wasm, which the loader fetches on the first sign of use, and the lazy modules'
/// loader the glue imports.
fn code_on_first_use(dist: &Path, html: &str) -> Vec<String> {
    let start = html
        .find("<script type=\"application/json\" id=\"explainer-code\">")
        .expect("index.html names its code");
    let json = &html[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let code: serde_json::Value = serde_json::from_str(json).unwrap();
    let glue = local_file(dist, code["glue"].as_str().unwrap()).expect("the glue is in dist/");
    let wasm = local_file(dist, code["wasm"].as_str().unwrap()).expect("the wasm is in dist/");
    let lazy_loader = glue.replace(".js", "-lazy.js");
    assert!(dist.join(&lazy_loader).is_file(), "no {lazy_loader}");
    vec![glue, wasm, lazy_loader]
}

/// A table of `files` (raw, gzip, brotli) under `title`, and their brotli total.
fn size_table(dist: &Path, title: &str, files: &[String]) -> (String, usize) {
    let mut report = format!("{title:<52} {:>9} {:>9} {:>9}\n", "raw", "gzip", "brotli");
    let mut totals = [0usize; 3];
    for file in files {
        let bytes = std::fs::read(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let sizes = [bytes.len(), gzip(&bytes).len(), brotli(&bytes).len()];
        report += &format!(
            "{file:<52} {:>9} {:>9} {:>9}\n",
            sizes[0], sizes[1], sizes[2]
        );
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total += size;
        }
    }
    report += &format!(
        "{:<52} {:>9} {:>9} {:>9}\n",
        "total", totals[0], totals[1], totals[2]
    );
    (report, totals[2])
}

#[test]
fn first_load_fits_the_brotli_budget() {
    let dist = dist();
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let mut top = vec!["index.html".to_string()];
    top.extend(linked_files(&dist, &html));
    let on_use = code_on_first_use(&dist, &html);

    let (mut report, top_total) = size_table(&dist, "a reader of the top", &top);
    report += &format!(
        "budget: {top_total} of {TOP_OF_PAGE_BROTLI_BUDGET} bytes brotli ({:.0}%)\n\n",
        100.0 * top_total as f64 / TOP_OF_PAGE_BROTLI_BUDGET as f64
    );
    let (table, use_total) = size_table(&dist, "on the first sign of use", &on_use);
    report += &table;
    let first_load = top_total + use_total;
    report += &format!(
        "first load with the code: {first_load} of {FIRST_LOAD_BROTLI_BUDGET} bytes brotli ({:.0}%)\n",
        100.0 * first_load as f64 / FIRST_LOAD_BROTLI_BUDGET as f64
    );
    let fetched: Vec<String> = top.iter().chain(&on_use).cloned().collect();
    let lazy = lazy_modules(&dist, &fetched);
    report += &format!(
        "\n{:<72} {:>9}\n",
        "lazy modules (when a reader comes near)", "brotli"
    );
    for (file, size) in &lazy {
        report += &format!("{file:<72} {size:>9}\n");
    }
    report += &largest_items();
    println!("{report}");
    let _ = std::fs::write(
        repo_dir().join("target/size-report.txt"),
        &report,
    );

    assert!(
        !top.iter().any(|f| f.ends_with(".wasm")),
        "a reader of the top fetches no wasm: {top:?}"
    );
    assert!(
        top.iter().any(|f| f.ends_with(".css")),
        "no CSS found in index.html: {top:?}"
    );
    assert!(
        top_total <= TOP_OF_PAGE_BROTLI_BUDGET,
        "a reader of the top fetches {top_total} bytes brotli, over the budget of {TOP_OF_PAGE_BROTLI_BUDGET}"
    );
    assert!(
        first_load <= FIRST_LOAD_BROTLI_BUDGET,
        "the first load with the code is {first_load} bytes brotli, over the budget of {FIRST_LOAD_BROTLI_BUDGET}"
    );
    for island in LAZY_ISLANDS {
        let module = format!("split_{}_loader_", snake_case(island));
        assert!(
            lazy.iter().any(|(file, _)| file.starts_with(&module)),
            "no module of its own for the lazy island {island} ({module}…): {lazy:?}"
        );
    }
}

/// The wasm files under `dist/` that the first load does not fetch, with their brotli sizes.
fn lazy_modules(dist: &Path, first_load: &[String]) -> Vec<(String, usize)> {
    let mut modules: Vec<(String, usize)> = std::fs::read_dir(dist)
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().to_string())
        .filter(|name| name.ends_with(".wasm") && !first_load.contains(name))
        .map(|name| {
            let size = brotli(&std::fs::read(dist.join(&name)).unwrap()).len();
            (name, size)
        })
        .collect();
    modules.sort();
    modules
}

/// `FaqIsland` as `faq_island`: how the split names an island's module.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The wasm's twenty largest functions, and its bytes by crate, as compiled, before the lazy
/// islands' code is split out and wasm-bindgen and wasm-opt take the names out (the shipped
/// wasm is smaller, in about the same shares).
fn largest_items() -> String {
    let path = repo_dir().join("target/wasm32-unknown-unknown/release/explainer_web.wasm");
    let Ok(bytes) = std::fs::read(&path) else {
        return format!("(no {} to list the wasm's items from)\n", path.display());
    };
    let mut imported = 0;
    let mut sizes = Vec::new();
    let mut names = std::collections::HashMap::new();
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        match payload.unwrap() {
            wasmparser::Payload::ImportSection(imports) => {
                imported = imports
                    .into_iter()
                    .filter(|i| matches!(i.as_ref().unwrap().ty, wasmparser::TypeRef::Func(_)))
                    .count();
            }
            wasmparser::Payload::CodeSectionEntry(body) => sizes.push(body.range().len()),
            wasmparser::Payload::CustomSection(section) => {
                if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                    for name in reader.into_iter().flatten() {
                        if let wasmparser::Name::Function(map) = name {
                            for naming in map.into_iter().flatten() {
                                names.insert(naming.index as usize, naming.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut items: Vec<(usize, String)> = sizes
        .iter()
        .enumerate()
        .map(|(i, size)| {
            let name = names
                .get(&(i + imported))
                .map(String::as_str)
                .unwrap_or_default();
            (*size, format!("{:#}", rustc_demangle::demangle(name)))
        })
        .collect();
    items.sort_unstable_by_key(|item| std::cmp::Reverse(item.0));
    let mut by_crate: std::collections::HashMap<String, usize> = Default::default();
    for (size, name) in &items {
        let start = name
            .trim_start_matches(['<', '&', ' '])
            .trim_start_matches("mut ");
        let krate = start.split([':', '[', '<', ' ']).next().unwrap_or_default();
        *by_crate.entry(krate.to_string()).or_default() += size;
    }
    let mut crates: Vec<_> = by_crate.into_iter().collect();
    crates.sort_unstable_by_key(|item| std::cmp::Reverse(item.1));
    let mut out = format!(
        "\nwasm code before wasm-opt: {} bytes in {} functions\n",
        sizes.iter().sum::<usize>(),
        sizes.len()
    );
    out += "largest crates:\n";
    for (krate, size) in crates.iter().take(12) {
        out += &format!("{size:>9}  {krate}\n");
    }
    out += "largest functions:\n";
    for (size, name) in items.iter().take(20) {
        let name: String = name.chars().take(110).collect();
        out += &format!("{size:>9}  {name}\n");
    }
    out
}

/// The host-page script must stay small: at most this many bytes once minified.
const EMBED_SCRIPT_BUDGET: usize = 4 * 1024;

#[test]
fn the_embed_script_stays_under_four_kilobytes_minified() {
    let source =
        std::fs::read_to_string(repo_dir().join("public/embed.js"))
            .unwrap();
    // A rough minifier: no comment lines, no indentation, no line breaks.
    let minified: String = source
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("");
    println!(
        "embed.js: {} bytes, about {} minified",
        source.len(),
        minified.len()
    );
    assert!(
        minified.len() <= EMBED_SCRIPT_BUDGET,
        "embed.js is {} bytes minified",
        minified.len()
    );
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn every_text_and_wasm_file_has_brotli_and_gzip_copies_with_the_same_bytes() {
    let compressible = ["html", "js", "css", "json", "wasm", "svg"];
    let originals: Vec<PathBuf> = files_under(&dist())
        .into_iter()
        .filter(|f| {
            f.extension()
                .is_some_and(|e| compressible.contains(&e.to_str().unwrap()))
        })
        .collect();
    assert!(originals.len() >= 6, "{originals:?}");
    for original in originals {
        let bytes = std::fs::read(&original).unwrap();
        let with = |ext: &str| PathBuf::from(format!("{}.{ext}", original.display()));
        let br =
            std::fs::read(with("br")).unwrap_or_else(|e| panic!("{}.br: {e}", original.display()));
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut unbrotli).unwrap();
        assert_eq!(unbrotli, bytes, "{}.br", original.display());
        let gz =
            std::fs::read(with("gz")).unwrap_or_else(|e| panic!("{}.gz: {e}", original.display()));
        let mut ungzip = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut ungzip)
            .unwrap();
        assert_eq!(ungzip, bytes, "{}.gz", original.display());
    }
}
