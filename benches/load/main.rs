//! The load benchmark (`scripts/bench` builds first, then runs `cargo bench --bench load`): serves
//! the release `dist/` (or `$BENCH_DIST`) compressed on 127.0.0.1, loads it cold in headless
//! Chromium several times, runs Lighthouse on the page as built and on variants with its preload
//! links removed or its content preload toggled, and writes `target/bench/report.md`
//! beside the raw JSON.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../../tests/e2e/support/browser.rs"]
#[allow(dead_code)] // The end-to-end tests use the rest of it.
mod browser;
#[cfg(not(target_arch = "wasm32"))]
#[path = "../../tests/shared/content_type.rs"]
mod content_type;
#[cfg(not(target_arch = "wasm32"))]
#[path = "../../tests/shared/first_load.rs"]
mod first_load;
#[cfg(not(target_arch = "wasm32"))]
mod lighthouse;
#[cfg(not(target_arch = "wasm32"))]
mod page;
#[cfg(not(target_arch = "wasm32"))]
mod report;
#[cfg(not(target_arch = "wasm32"))]
mod server;
#[cfg(not(target_arch = "wasm32"))]
mod variants;

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() {
    use std::path::PathBuf;

    /// Cold loads in Chromium; the report shows their medians.
    const LOADS: usize = 7;
    /// Lighthouse runs of each variant of the page; the report shows their medians.
    const LIGHTHOUSE_RUNS: usize = 3;

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = std::env::var_os("BENCH_DIST").map_or_else(|| root.join("dist"), PathBuf::from);
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap_or_else(|e| {
        panic!(
            "{}/index.html: {e}; build it first (scripts/bench does)",
            dist.display()
        )
    });
    let variants = variants::variants(&html);
    let servers: Vec<_> = variants
        .iter()
        .map(|variant| server::Server::start(dist.clone(), &variant.html))
        .collect();

    let mut records = Vec::new();
    for n in 1..=LOADS {
        eprintln!("[bench] Chromium, cold load {n} of {LOADS}");
        records.push(page::load(format!("{}/", servers[0].origin)).await);
    }
    let raw = serde_json::to_string_pretty(&records).unwrap();
    std::fs::write(out.join("loads.json"), raw).unwrap();
    let loads: Vec<_> = records.iter().map(page::Load::from_records).collect();

    let mut lighthouse = Vec::new();
    for (variant, server) in variants.iter().zip(&servers) {
        let reports: Vec<_> = (1..=LIGHTHOUSE_RUNS)
            .map(|n| {
                eprintln!(
                    "[bench] Lighthouse, {}, run {n} of {LIGHTHOUSE_RUNS}",
                    variant.label
                );
                let output = out.join(format!("lighthouse-{}-{n}.json", variant.slug));
                lighthouse::run(&format!("{}/", server.origin), &output)
            })
            .collect();
        lighthouse.push(reports);
    }

    let report = report::markdown(&dist, &servers[0].origin, &loads, &variants, &lighthouse);
    println!("{report}");
    std::fs::write(out.join("report.md"), report).unwrap();
    eprintln!("[bench] wrote target/bench/report.md, with the raw JSON beside it");
}

/// The benchmark drives a native Chromium; built for wasm (as the lints are), it does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}
