//! How the release bundle is delivered. The size report: each file a reader of the top fetches (the
//! HTML, the CSS, the loader and the reading-mode script: no code), then what the first sign of use
//! brings (the JS glue, the main wasm, the lazy modules' loader), raw, gzip and brotli, with a
//! budget on each brotli total; the lazy islands' modules, fetched only when a reader comes near
//! them or touches them, with a budget on everything the page can fetch; and the wasm's largest
//! items; the host script's size; and the precompressed `.br` and `.gz` copies the build writes.
//! The gzip and brotli sizes are those of the build's own `.gz` and `.br` copies, which a host
//! serves; the files come from what the build wrote (the page's links and code block, the glue's
//! import of the lazy modules' loader, the modules that loader fetches).
//!
//! Run after `scripts/build`:
//! `cargo test -p explainer-browser-tests --test size_report -- --nocapture`.

use std::path::{Path, PathBuf};

use explainer_browser_tests::bundle::{self, LazyModule};
use explainer_browser_tests::first_load::{
    EVERY_MODULE_BROTLI_BUDGET, EVERY_PART_BROTLI_BUDGET, FIRST_USE_BROTLI_BUDGET,
    TOP_OF_PAGE_BROTLI_BUDGET,
};
use explainer_browser_tests::{dist_dir as dist, repo_dir};
use explainer_core::names::{LAZY_ISLANDS, ON_TOUCH_ISLANDS, PAGE_FILE};

/// The local files the page (`html`) links to (`href`, `src`), in order, without repeats; what
/// only a `<noscript>` asks for is not fetched when JavaScript runs.
fn linked_files(dist: &Path, html: &scraper::Html) -> Vec<String> {
    let mut files = Vec::new();
    for target in bundle::links(html, false) {
        if let Some(file) = bundle::local_file(dist, &target) {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    files
}

/// The files the page names in its code block (`<script id="explainer-code">`): the glue and
/// the main wasm, which the loader fetches on the first sign of use; and the lazy modules'
/// loader, the module the glue imports that fetches wasm modules.
fn code_on_first_use(dist: &Path, html: &scraper::Html) -> Vec<String> {
    let (glue, wasm) = bundle::code_block(html);
    let glue = bundle::local_file(dist, &glue).expect("the glue is in dist/");
    let wasm = bundle::local_file(dist, &wasm).expect("the wasm is in dist/");
    let imports = bundle::static_imports(&read_text(dist, &glue));
    let lazy_loader = imports
        .iter()
        .map(|import| import.trim_start_matches("./").to_string())
        .find(|import| {
            dist.join(import).is_file()
                && !bundle::lazy_modules(&read_text(dist, import)).is_empty()
        })
        .unwrap_or_else(|| panic!("none of the modules {glue} imports fetches wasm: {imports:?}"));
    vec![glue, wasm, lazy_loader]
}

fn read_text(dist: &Path, file: &str) -> String {
    std::fs::read_to_string(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The size of the build's compressed copy of `file` (`suffix` `br` or `gz`), which a host
/// serves in its place; fails, naming the file, if the build wrote none.
fn compressed_size(dist: &Path, file: &str, suffix: &str) -> usize {
    let copy = dist.join(format!("{file}.{suffix}"));
    let metadata = std::fs::metadata(&copy).unwrap_or_else(|e| {
        panic!(
            "{file} has no {suffix} copy ({}: {e}): the release build writes one beside every \
             text and wasm file; build dist/ with `scripts/build`",
            copy.display()
        )
    });
    metadata.len() as usize
}

/// A table of `files` (raw, gzip, brotli) under `title`, and their brotli total.
fn size_table(dist: &Path, title: &str, files: &[String]) -> (String, usize) {
    let mut report = format!("{title:<52} {:>9} {:>9} {:>9}\n", "raw", "gzip", "brotli");
    let mut totals = [0usize; 3];
    for file in files {
        let raw = std::fs::metadata(dist.join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .len() as usize;
        let sizes = [
            raw,
            compressed_size(dist, file, "gz"),
            compressed_size(dist, file, "br"),
        ];
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

/// Whether `module` (a file name) is the own module of an island hydrated only on a reader's
/// touch (`ON_TOUCH_ISLANDS`): the splitter names it after the island, in snake case.
fn is_on_touch_module(module: &str) -> bool {
    ON_TOUCH_ISLANDS.iter().any(|island| {
        let mut snake = String::new();
        for (i, c) in island.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        }
        module.starts_with(&format!("split_{snake}_loader_"))
    })
}

#[test]
fn first_load_fits_the_brotli_budget() {
    let dist = dist();
    let html = bundle::parse(&read_text(&dist, PAGE_FILE));
    let mut top = vec![PAGE_FILE.to_string()];
    top.extend(linked_files(&dist, &html));
    let on_use = code_on_first_use(&dist, &html);

    let (mut report, top_total) = size_table(&dist, "a reader of the top", &top);
    report += &format!(
        "budget: {top_total} of {TOP_OF_PAGE_BROTLI_BUDGET} bytes brotli ({:.0}%)\n\n",
        100.0 * top_total as f64 / TOP_OF_PAGE_BROTLI_BUDGET as f64
    );
    let (table, use_total) = size_table(&dist, "on the first sign of use", &on_use);
    report += &table;
    report += &format!(
        "budget: {use_total} of {FIRST_USE_BROTLI_BUDGET} bytes brotli ({:.0}%)\n",
        100.0 * use_total as f64 / FIRST_USE_BROTLI_BUDGET as f64
    );
    let lazy = lazy_modules(&dist, &on_use[2]);
    report += &format!(
        "\n{:<72} {:>9}\n",
        "lazy modules (when a reader comes near)", "brotli"
    );
    for (module, size) in &lazy {
        report += &format!("{:<72} {size:>9}\n", module.file);
    }
    let touched: usize = (lazy.iter())
        .filter(|(module, _)| is_on_touch_module(&module.file))
        .map(|(_, size)| size)
        .sum();
    let every_part = top_total + use_total + lazy.iter().map(|(_, size)| size).sum::<usize>();
    let every_part_but_touched = every_part - touched;
    report += &format!(
        "a reader of every part (the modules loaded on a touch left out): {every_part_but_touched} of {EVERY_PART_BROTLI_BUDGET} bytes brotli ({:.0}%)\n",
        100.0 * every_part_but_touched as f64 / EVERY_PART_BROTLI_BUDGET as f64
    );
    let everything = every_part;
    report += &format!(
        "everything the page can fetch: {everything} of {EVERY_MODULE_BROTLI_BUDGET} bytes brotli ({:.0}%)\n",
        100.0 * everything as f64 / EVERY_MODULE_BROTLI_BUDGET as f64
    );
    report += &largest_items();
    println!("{report}");
    let _ = std::fs::write(repo_dir().join("target/size-report.txt"), &report);

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
        use_total <= FIRST_USE_BROTLI_BUDGET,
        "the code of the first use is {use_total} bytes brotli, over the budget of {FIRST_USE_BROTLI_BUDGET}"
    );
    assert!(
        every_part_but_touched <= EVERY_PART_BROTLI_BUDGET,
        "a reader of every part fetches {every_part_but_touched} bytes brotli, over the budget of {EVERY_PART_BROTLI_BUDGET}"
    );
    assert!(
        everything <= EVERY_MODULE_BROTLI_BUDGET,
        "everything the page can fetch is {everything} bytes brotli, over the budget of {EVERY_MODULE_BROTLI_BUDGET}"
    );
    // Each lazy island has a module of its own, whose load function the loader exports.
    let own: Vec<&str> = lazy
        .iter()
        .filter(|(module, _)| module.own)
        .map(|(module, _)| module.file.as_str())
        .collect();
    assert_eq!(
        own.len(),
        LAZY_ISLANDS.len(),
        "a module of its own for each lazy island ({LAZY_ISLANDS:?}): {own:?}"
    );
}

/// The wasm modules the lazy modules' loader (`loader`, under `dist/`) fetches, sorted, with the
/// sizes of their brotli copies.
fn lazy_modules(dist: &Path, loader: &str) -> Vec<(LazyModule, usize)> {
    let mut modules: Vec<(LazyModule, usize)> = bundle::lazy_modules(&read_text(dist, loader))
        .into_iter()
        .map(|module| {
            let size = compressed_size(dist, &module.file, "br");
            (module, size)
        })
        .collect();
    assert!(!modules.is_empty(), "{loader} fetches no wasm module");
    modules.sort_by(|a, b| a.0.file.cmp(&b.0.file));
    modules
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
                    .into_imports()
                    .filter(|i| matches!(i.as_ref().unwrap().ty, wasmparser::TypeRef::Func(_)))
                    .count();
            }
            wasmparser::Payload::CodeSectionEntry(body) => {
                let range = body.range();
                sizes.push((range.end - range.start) as usize)
            }
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

/// The host-page script must stay small: at most this many bytes as the build ships it
/// (minified).
const EMBED_SCRIPT_BUDGET: usize = 4 * 1024;

#[test]
fn the_embed_script_stays_under_four_kilobytes_minified() {
    let source = std::fs::read_to_string(repo_dir().join("public/embed.js")).unwrap();
    let shipped = std::fs::read_to_string(dist().join("embed.js")).unwrap();
    println!(
        "embed.js: {} bytes, {} as shipped",
        source.len(),
        shipped.len()
    );
    assert!(
        shipped.len() <= EMBED_SCRIPT_BUDGET,
        "embed.js is {} bytes as shipped",
        shipped.len()
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
