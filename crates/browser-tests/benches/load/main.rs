//! The load benchmark (`scripts/bench` builds first, then runs `cargo bench --bench load`):
//! measures the targets of issue 11 side by side in one run and writes `target/bench/report.md`
//! beside the raw JSON.
//!
//! It copies the release `dist/` (or `$BENCH_DIST`) to `target/bench/dist` (`snapshot.rs`) and
//! serves the copy on 127.0.0.1 as a production host would (the library's `StaticServer`: the
//! build's brotli copies, keep-alive), once per variant of `index.html` (`variants.rs`): as
//! built, the static limit (no scripts), as built without preloads, and the Khmer edition's page
//! (`km/index.html`) when the build has one. Then:
//!
//! - Chromium loads the page as built cold, several times, in each edition, with Lighthouse's
//!   mobile DevTools throttling applied through the DevTools protocol: first paint, first story
//!   section visible, how long after the first paint the first control answers, the files a
//!   reader of the top fetches, then (the page used, every part scrolled through) islands
//!   hydrated, an FAQ click, the wasm memory and the files a reader of every part fetches; and,
//!   once per edition, the files a reader of every part fetches with Save-Data on;
//! - Lighthouse (mobile) runs on every variant with DevTools throttling, and on the page as built
//!   and the static limit with its default simulated throttling, the runs of one round
//!   interleaved so that other work on the machine falls on all of them alike;
//! - the report puts the targets beside the measurements, with the rebuild time `scripts/bench`
//!   passes in (`rebuild.rs`).

mod lighthouse;
mod page;
mod rebuild;
mod report;
mod snapshot;
mod variants;

use explainer_browser_tests::server::StaticServer;
use explainer_core::names::PAGE_FILE;

#[tokio::main]
async fn main() {
    use std::path::PathBuf;

    use lighthouse::{Series, Throttling};
    use variants::{BUILT, KHMER, STATIC_LIMIT};

    /// Cold loads in Chromium; the report shows their medians.
    const LOADS: usize = 7;
    /// Lighthouse runs of each series; the report shows their medians.
    const LIGHTHOUSE_RUNS: usize = 3;
    /// Every category, for the page as built with Lighthouse's defaults; the other series need
    /// only the performance metrics.
    const ALL_CATEGORIES: &str = "performance,accessibility,best-practices,seo";

    let root = explainer_browser_tests::repo_dir();
    let source = std::env::var_os("BENCH_DIST").map_or_else(|| root.join("dist"), PathBuf::from);
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    let dist = snapshot::take(&source, &out.join("dist"));
    let html = std::fs::read_to_string(dist.join(PAGE_FILE)).unwrap_or_else(|e| {
        panic!(
            "{}/{PAGE_FILE}: {e}; build it first (scripts/bench does)",
            dist.display()
        )
    });
    let mut variants = variants::variants(&html);
    if let Ok(khmer) = std::fs::read_to_string(dist.join(format!("km/{PAGE_FILE}"))) {
        variants.push(variants::khmer(khmer));
    }
    let servers: Vec<_> = variants
        .iter()
        .map(|variant| serve(&dist, &variant.html))
        .collect();

    let mut records = Vec::new();
    let mut static_first_control = Vec::new();
    for n in 1..=LOADS {
        eprintln!("[bench] Chromium, cold load {n} of {LOADS}, and the static limit's");
        records.push(page::load(servers[BUILT].url("/")).await);
        let url = servers[STATIC_LIMIT].url("/");
        static_first_control.push(page::first_control(url).await);
    }
    let raw = serde_json::to_string_pretty(&records).unwrap();
    std::fs::write(out.join("loads.json"), raw).unwrap();
    let loads: Vec<_> = records.iter().map(page::Load::from_records).collect();
    let mut khmer_loads = Vec::new();
    if variants.len() > KHMER {
        for n in 1..=LOADS {
            eprintln!("[bench] Chromium, Khmer page, cold load {n} of {LOADS}");
            let record = page::load(servers[KHMER].url("/")).await;
            khmer_loads.push(page::Load::from_records(&record));
        }
    }

    eprintln!("[bench] Chromium, a reader of every part saving data, in each edition");
    let mut save_data = vec![page::save_data_files(servers[BUILT].url("/")).await];
    if variants.len() > KHMER {
        save_data.push(page::save_data_files(servers[KHMER].url("/")).await);
    }

    let mut series: Vec<Series> = (0..variants.len())
        .map(|variant| Series::new(variant, Throttling::Devtools))
        .chain([BUILT, STATIC_LIMIT].map(|variant| Series::new(variant, Throttling::Simulated)))
        .collect();
    for n in 1..=LIGHTHOUSE_RUNS {
        for one in &mut series {
            let variant = &variants[one.variant];
            eprintln!(
                "[bench] Lighthouse, {}, {} throttling, run {n} of {LIGHTHOUSE_RUNS}",
                variant.label,
                one.throttling.label()
            );
            let output = out.join(format!(
                "lighthouse-{}-{}-{n}.json",
                variant.slug,
                one.throttling.slug()
            ));
            let all = one.variant == BUILT && one.throttling == Throttling::Simulated;
            let categories = if all { ALL_CATEGORIES } else { "performance" };
            let url = servers[one.variant].url("/");
            let report = lighthouse::run(&url, one.throttling, categories, &output);
            one.reports.push(report);
        }
    }

    let rebuild = rebuild::from_env(&dist);
    let report = report::markdown(
        &source,
        &dist,
        &report::ChromiumLoads {
            built: &loads,
            khmer: &khmer_loads,
            static_first_control: &static_first_control,
            save_data: &save_data,
        },
        &variants,
        &series,
        rebuild.as_ref(),
    );
    println!("{report}");
    std::fs::write(out.join("report.md"), report).unwrap();
    eprintln!("[bench] wrote target/bench/report.md, with the raw JSON beside it");
}

/// Serves `dist` with `index` as its `index.html` (compressed as the build would have), the
/// other files as built; replies may be cached and revalidated, as on a production host.
fn serve(dist: &std::path::Path, index: &str) -> StaticServer {
    let server = StaticServer::start(dist);
    server.replace_file(&format!("/{PAGE_FILE}"), index);
    server.add_header("Cache-Control", "no-cache");
    server
}
