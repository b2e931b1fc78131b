//! The benchmark's report in Markdown: the targets of issue 11 beside the measurements with misses
//! flagged, then Lighthouse side by side for every variant, Chromium's cold loads, the first load
//! by file, the rebuild, and the Lighthouse audits that cost points.

use std::fmt::Write;
use std::path::Path;

use crate::lighthouse::{self, Scores, Series, Throttling};
use crate::page::{FirstControl, Load};
use crate::rebuild::Rebuild;
use crate::variants::{Variant, BUILT, KHMER, STATIC_LIMIT};
use explainer_browser_tests::compress::brotli;
use explainer_browser_tests::first_load::TOP_OF_PAGE_BROTLI_BUDGET;
use explainer_core::names::PAGE_FILE;

/// LCP of the page as built, at most this many times the static limit's (DevTools throttling).
const LCP_RATIO_TARGET: f64 = 1.15;
/// Total blocking time of the page as built, ms (DevTools throttling).
const TBT_TARGET: f64 = 50.0;
/// Cumulative layout shift of the page as built (DevTools throttling).
const CLS_TARGET: f64 = 0.02;
/// What a reader who scrolls through every part fetches, HTML included, brotli, bytes (issue 30).
const EVERY_PART_TARGET: u64 = 150 * 1024;
/// From the first paint until the story's first control answers, ms.
const FIRST_CONTROL_TARGET: f64 = 100.0;
/// The Khmer page's first load and LCP, at most this many times the English page's (issue 13).
const EDITION_RATIO_TARGET: f64 = 1.10;

/// A file of the first load: its path under `dist/`, how many times it was fetched, and its raw,
/// brotli and sent bytes.
struct File {
    name: String,
    fetched: usize,
    raw: u64,
    brotli: u64,
    sent: u64,
}

/// Chromium's cold loads: of the page as built, of the Khmer page (none if the build has no
/// Khmer edition), and the static limit's first-control times, from loads made alongside.
pub struct ChromiumLoads<'a> {
    pub built: &'a [Load],
    pub khmer: &'a [Load],
    pub static_first_control: &'a [FirstControl],
    /// The files a reader of every part fetched with Save-Data on: in English, then in Khmer.
    pub save_data: &'a [Vec<(String, u64)>],
}

/// The report on `chromium`'s loads of `dist`, a copy of `source`; `series` are the Lighthouse
/// runs on `variants`; `rebuild` is the rebuild `scripts/bench` timed, if it did.
pub fn markdown(
    source: &Path,
    dist: &Path,
    chromium: &ChromiumLoads,
    variants: &[Variant],
    series: &[Series],
    rebuild: Option<&Rebuild>,
) -> String {
    let (loads, khmer_loads) = (chromium.built, chromium.khmer);
    let find = |variant: usize, throttling: Throttling| {
        series
            .iter()
            .find(|s| s.variant == variant && s.throttling == throttling)
            .expect("the page as built and the static limit are measured both ways")
    };
    let of = |series: &Series, field: fn(&Scores) -> f64| median(series.scores().iter().map(field));
    let lcp_ratio = |throttling: Throttling| {
        of(find(BUILT, throttling), |s| s.lcp) / of(find(STATIC_LIMIT, throttling), |s| s.lcp)
    };
    let devtools = find(BUILT, Throttling::Devtools);
    let defaults = find(BUILT, Throttling::Simulated);
    let brotli_total = |files: &[File]| files.iter().map(|f| f.brotli).sum::<u64>();
    let top = fetched(dist, &loads[0].top_files, PAGE_FILE);
    let files = fetched(dist, &loads[0].all_files, PAGE_FILE);
    let (total, every_part) = (brotli_total(&top), brotli_total(&files));
    // The Khmer page is served as its server's own page.
    let khmer_page = format!("km/{PAGE_FILE}");
    let khmer = khmer_loads.first().map(|load| {
        (
            brotli_total(&fetched(dist, &load.top_files, &khmer_page)),
            brotli_total(&fetched(dist, &load.all_files, &khmer_page)),
        )
    });
    let saving: Vec<Vec<File>> = (chromium
        .save_data
        .iter()
        .zip([PAGE_FILE.to_string(), khmer_page.clone()]))
    .map(|(urls, document)| fetched(dist, urls, &document))
    .collect();
    let code: u64 = files
        .iter()
        .filter(|f| f.name.ends_with(".js") || f.name.ends_with(".wasm"))
        .map(|f| f.brotli)
        .sum();

    let mut out = format!(
        "# Load benchmark\n\n{}, `{}` (served from a copy). Lighthouse {} mobile, median \
         of {} runs per row, the rounds interleaved; its CPU benchmark index on this machine: \
         {:.0}. Chromium: median of {} cold loads, desktop window, no throttling. KB = 1,024 \
         bytes.\n\n\
         ## Targets (issue 11)\n\n",
        defaults.reports[0]["fetchTime"]
            .as_str()
            .unwrap_or_default(),
        source.display(),
        defaults.reports[0]["lighthouseVersion"]
            .as_str()
            .unwrap_or_default(),
        defaults.reports.len(),
        of(defaults, |s| s.benchmark_index),
        loads.len(),
    );
    out += "| measure | target | measured | |\n| --- | --- | --- | --- |\n";
    let mut row = |measure: &str, target: &str, measured: String, met: Option<bool>| {
        let flag = match met {
            Some(true) => "met",
            Some(false) => "**MISSED**",
            None => "",
        };
        writeln!(out, "| {measure} | {target} | {measured} | {flag} |").unwrap();
    };
    let ratio = lcp_ratio(Throttling::Devtools);
    row(
        "LCP, DevTools throttling: as built ÷ static limit",
        &format!("≤ {LCP_RATIO_TARGET:.2}×"),
        format!(
            "{ratio:.2}× ({} ÷ {})",
            seconds(of(devtools, |s| s.lcp)),
            seconds(of(find(STATIC_LIMIT, Throttling::Devtools), |s| s.lcp))
        ),
        Some(ratio <= LCP_RATIO_TARGET),
    );
    let tbt = of(devtools, |s| s.tbt);
    row(
        "TBT, DevTools throttling, as built",
        &format!("≤ {TBT_TARGET:.0} ms"),
        ms(tbt),
        Some(tbt <= TBT_TARGET),
    );
    let cls = of(devtools, |s| s.cls);
    row(
        "CLS, DevTools throttling, as built",
        &format!("≤ {CLS_TARGET}"),
        format!("{cls:.3}"),
        Some(cls <= CLS_TARGET),
    );
    for (name, field) in [
        (
            "Lighthouse defaults: performance",
            (|s| s.performance) as fn(&Scores) -> f64,
        ),
        ("Lighthouse defaults: accessibility", |s| s.accessibility),
        ("Lighthouse defaults: best practices", |s| s.best_practices),
        ("Lighthouse defaults: SEO", |s| s.seo),
    ] {
        let score = of(defaults, field);
        row(name, "100", format!("{score:.0}"), Some(score >= 100.0));
    }
    let both = |english: u64, khmer: Option<u64>| match khmer {
        Some(khmer) => format!("{} (Khmer {})", kb(english), kb(khmer)),
        None => kb(english),
    };
    let top_budget = TOP_OF_PAGE_BROTLI_BUDGET as u64;
    row(
        "a reader of the top fetches, brotli, HTML included (issue 17)",
        &format!("≤ {}, aim 20 KB", kb(top_budget)),
        both(total, khmer.map(|k| k.0)),
        Some(total.max(khmer.map_or(0, |k| k.0)) <= top_budget),
    );
    row(
        "a reader of every part fetches, brotli (issues 17 and 30)",
        &format!("≤ {}, aim 120 KB", kb(EVERY_PART_TARGET)),
        both(every_part, khmer.map(|k| k.1)),
        Some(every_part.max(khmer.map_or(0, |k| k.1)) <= EVERY_PART_TARGET),
    );
    let saving_code = saving.iter().flatten().any(|f| f.name.ends_with(".wasm"));
    row(
        "a reader of every part saving data (Save-Data) fetches, brotli (issue 30)",
        "no wasm",
        both(
            saving.first().map_or(0, |files| brotli_total(files)),
            saving.get(1).map(|files| brotli_total(files)),
        ),
        Some(!saving.is_empty() && !saving_code),
    );
    let answered = median(loads.iter().map(|l| l.answered));
    row(
        "first control answers after first paint, Chromium with DevTools-like throttling (issue 17)",
        &format!("≤ {FIRST_CONTROL_TARGET:.0} ms, aim 0"),
        format!(
            "{} (the static limit, no scripts: {})",
            ms(answered),
            ms(median(chromium.static_first_control.iter().map(|c| c.after_paint)))
        ),
        Some(answered <= FIRST_CONTROL_TARGET),
    );
    row(
        "first control answers, from the start of the navigation: as built ÷ static limit",
        "informative",
        {
            let built = median(loads.iter().map(|l| l.answered_at));
            let limit = median(chromium.static_first_control.iter().map(|c| c.from_start));
            format!("{:.2}× ({} ÷ {})", built / limit, ms(built), ms(limit))
        },
        None,
    );
    row(
        "JS + wasm for every part, brotli",
        "as small as the islands allow",
        kb(code),
        None,
    );
    row(
        "`scripts/build` after a one-line content change",
        "reported",
        rebuild.map_or("not measured (`scripts/bench` measures it)".into(), |r| {
            format!("{:.1} s", r.seconds)
        }),
        None,
    );
    if let Some(khmer) = series
        .iter()
        .find(|s| s.variant == KHMER && s.throttling == Throttling::Devtools)
    {
        let ratio = of(khmer, |s| s.lcp) / of(devtools, |s| s.lcp);
        row(
            "LCP, DevTools throttling: Khmer page ÷ English page (issue 13)",
            &format!("≤ {EDITION_RATIO_TARGET:.2}×"),
            format!(
                "{ratio:.2}× ({} ÷ {})",
                seconds(of(khmer, |s| s.lcp)),
                seconds(of(devtools, |s| s.lcp))
            ),
            Some(ratio <= EDITION_RATIO_TARGET),
        );
        // The same files but the page itself.
        let page = |file: &str| brotli_size(dist, file);
        let khmer_total = total - page(PAGE_FILE) + page(&format!("km/{PAGE_FILE}"));
        let ratio = khmer_total as f64 / total as f64;
        row(
            "a reader of the top, brotli: Khmer page ÷ English page (issue 13)",
            &format!("≤ {EDITION_RATIO_TARGET:.2}×"),
            format!("{ratio:.2}× ({} ÷ {})", kb(khmer_total), kb(total)),
            Some(ratio <= EDITION_RATIO_TARGET),
        );
    }
    let simulated = lcp_ratio(Throttling::Simulated);
    row(
        "LCP, Lighthouse defaults: as built ÷ static limit",
        "informative",
        format!(
            "{simulated:.2}× ({} ÷ {})",
            seconds(of(defaults, |s| s.lcp)),
            seconds(of(find(STATIC_LIMIT, Throttling::Simulated), |s| s.lcp))
        ),
        None,
    );

    out += "\n## Lighthouse side by side\n\nMobile, medians; the runs' LCPs in brackets. The \
            static limit is `index.html` without its scripts (the JSON-LD stays: it is data) and \
            without the preloads that serve them.\n\n\
            | index.html | scripts | preloads | throttling | performance | FCP | LCP | LCP ÷ static limit | TBT | CLS |\n\
            | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    for one in series {
        let variant = &variants[one.variant];
        let lcps: Vec<String> = one
            .scores()
            .iter()
            .map(|s| format!("{:.2}", s.lcp / 1000.0))
            .collect();
        let preloads = variant.preloads().join(", ");
        let limit = find(STATIC_LIMIT, one.throttling);
        writeln!(
            out,
            "| {} | {} | {} | {} | {:.0} | {} | {} ({}) | {:.2}× | {} | {:.3} |",
            variant.label,
            variant.scripts(),
            if preloads.is_empty() {
                "none"
            } else {
                &preloads
            },
            one.throttling.label(),
            of(one, |s| s.performance),
            seconds(of(one, |s| s.fcp)),
            seconds(of(one, |s| s.lcp)),
            lcps.join(", "),
            of(one, |s| s.lcp) / of(limit, |s| s.lcp),
            ms(of(one, |s| s.tbt)),
            of(one, |s| s.cls),
        )
        .unwrap();
    }

    let of_loads = |field: fn(&Load) -> f64| median(loads.iter().map(field));
    out +=
        "\n## Chromium, cold loads of the page as built\n\n| measure | median |\n| --- | ---: |\n";
    for (name, field) in [
        ("first contentful paint", (|l| l.fcp) as fn(&Load) -> f64),
        ("first story section visible", |l| l.story),
        ("islands hydrated", |l| l.hydrated),
        ("FAQ answer visible after a click (once hydrated)", |l| {
            l.faq
        }),
    ] {
        writeln!(out, "| {name} | {} |", ms(of_loads(field))).unwrap();
    }
    let memory = of_loads(|l| l.memory);
    let memory = if memory.is_nan() {
        "not caught".to_string()
    } else {
        format!("{:.2} MiB", memory / (1024.0 * 1024.0))
    };
    writeln!(out, "| wasm memory after the click | {memory} |").unwrap();

    out += "\n## Files fetched\n\nThe document and every file the page fetched by a reader who \
            reads the top, then uses the page and scrolls through every part (the browser's \
            Resource Timing entries, first cold load); brotli is the build's `.br` copy (or the \
            file compressed as it would be, if it has none), sent the body as the bench server \
            sent it. Files marked *top* are all a reader of the top fetches.\n\n\
            | file | raw | brotli | sent |\n| --- | ---: | ---: | ---: |\n";
    for file in &files {
        let at_top = if top.iter().any(|t| t.name == file.name) {
            " *top*"
        } else {
            ""
        };
        let times = if file.fetched > 1 {
            format!(" (**fetched {}×**)", file.fetched)
        } else {
            String::new()
        };
        writeln!(
            out,
            "| {}{at_top}{times} | {} | {} | {} |",
            file.name,
            kb(file.raw),
            kb(file.brotli),
            kb(file.sent)
        )
        .unwrap();
    }
    let sum = |field: fn(&File) -> u64| kb(files.iter().map(field).sum());
    writeln!(
        out,
        "| **total** | {} | **{}** | {} |\n| JS + wasm | | {} | |",
        sum(|f| f.raw),
        kb(every_part),
        sum(|f| f.sent),
        kb(code)
    )
    .unwrap();

    out += "\n## Rebuild\n\n";
    match rebuild {
        None => out += "Not measured: `scripts/bench` times it, after its own build.\n",
        Some(rebuild) => {
            writeln!(
                out,
                "`EXPLAINER_CONTENT=target/bench/content scripts/build --dist \
                 target/bench/dist-rebuild` after `scripts/bench`'s own release build, with one \
                 string of a copy of the content folder changed (the kicker): **{:.1} s**.",
                rebuild.seconds
            )
            .unwrap();
            if let Some((trunk, hook)) = rebuild.phases {
                writeln!(
                    out,
                    "Of that, by the times in Trunk's log: {trunk:.1} s Trunk's own steps (cargo, \
                     wasm-bindgen, the assets) and {hook:.1} s its post-build hook \
                     (`cargo run -p explainer-prerender`: check, split the lazy islands' code \
                     out, wasm-bindgen and wasm-opt on each module, render, precompress)."
                )
                .unwrap();
            }
            match &rebuild.compiled {
                Some(crates) if crates.is_empty() => {
                    out += "Cargo compiled nothing for the wasm: a content change reruns only \
                            Trunk's wasm-bindgen and the hook.\n"
                }
                Some(crates) => writeln!(
                    out,
                    "Cargo compiled again (other changes since the first build, if any, count \
                     too): {}.",
                    crates.join(", ")
                )
                .unwrap(),
                None => {}
            }
            match rebuild.same_wasm {
                Some(true) => out += "The rebuilt wasm is byte for byte the measured one.\n",
                Some(false) => out += "The rebuilt wasm differs from the measured one.\n",
                None => {}
            }
        }
    }

    out += "\n## Audits that cost points\n\nAccessibility, best practices and SEO, page as built, \
            Lighthouse defaults (first run).\n\n";
    let failing = lighthouse::failing_audits(&defaults.reports[0]);
    if failing.is_empty() {
        out += "None.\n";
    }
    for [category, id, title, found] in failing {
        let line = format!("- {category}: `{id}`, {title}. {found}");
        writeln!(out, "{}", line.trim_end()).unwrap();
    }
    out
}

/// The files of `urls` (URL, bytes sent), in the order they were fetched, each once; the
/// server's own page (`/`) is `document` in `dist/`.
fn fetched(dist: &Path, urls: &[(String, u64)], document: &str) -> Vec<File> {
    let size = |file: &str| std::fs::metadata(dist.join(file)).map_or(0, |m| m.len());
    let mut files: Vec<File> = Vec::new();
    for (url, sent) in urls {
        // Each variant is served on its own origin (the Khmer page's too): keep the path alone.
        let path = url
            .split_once("://")
            .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
            .unwrap_or(url);
        let mut file = path
            .split(['?', '#'])
            .next()
            .unwrap()
            .trim_start_matches('/');
        if file.is_empty() || file == PAGE_FILE {
            file = document;
        }
        if let Some(seen) = files.iter_mut().find(|f| f.name == file) {
            seen.fetched += 1;
            seen.sent += sent;
            continue;
        }
        let exists = dist.join(file).is_file();
        let compressed = brotli_size(dist, file);
        files.push(File {
            name: if exists {
                file.to_string()
            } else {
                format!("{file} (not in dist/: 404)")
            },
            fetched: 1,
            raw: size(file),
            brotli: compressed,
            sent: *sent,
        });
    }
    files
}

/// The size of the build's brotli copy of `file` under `dist`; for a file the build wrote none
/// of, the file compressed as the build would have (0 for a file `dist` lacks).
fn brotli_size(dist: &Path, file: &str) -> u64 {
    match std::fs::metadata(dist.join(format!("{file}.br"))) {
        Ok(metadata) => metadata.len(),
        Err(_) => std::fs::read(dist.join(file)).map_or(0, |b| brotli(&b).len() as u64),
    }
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    let n = values.len();
    (values[(n - 1) / 2] + values[n / 2]) / 2.0
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn ms(millis: f64) -> String {
    format!("{millis:.0} ms")
}

fn seconds(millis: f64) -> String {
    format!("{:.2} s", millis / 1000.0)
}
