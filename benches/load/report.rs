//! The benchmark's report in Markdown: targets beside measurements with misses flagged, the first
//! load by file, preloading compared, and the Lighthouse audits that cost points.

use std::fmt::Write;
use std::path::Path;

use serde_json::Value;

use crate::first_load::FIRST_LOAD_BROTLI_BUDGET;
use crate::lighthouse::{self, Scores};
use crate::page::Load;
use crate::variants::Variant;

/// `loads` are Chromium's cold loads of `origin`, serving `dist`; `lighthouse` holds the reports
/// of each of `variants`, in order (the page as built first).
pub fn markdown(
    dist: &Path,
    origin: &str,
    loads: &[Load],
    variants: &[Variant],
    lighthouse: &[Vec<Value>],
) -> String {
    let built = &lighthouse[0];
    let scores: Vec<Scores> = built.iter().map(lighthouse::scores).collect();
    let of_built = |field: fn(&Scores) -> f64| median(scores.iter().map(field));
    let of_loads = |field: fn(&Load) -> f64| median(loads.iter().map(field));
    let files = first_load(dist, origin, &loads[0]);
    let brotli: u64 = files.iter().map(|file| file.2).sum();

    let mut out = format!(
        "# Load benchmark\n\n{}, `{}`. Lighthouse {} on its default mobile settings (simulated \
         throttling), median of {} runs; this machine's Lighthouse CPU benchmark index: {:.0}. \
         Chromium: median of {} cold loads, desktop window, no throttling. KB = 1,024 bytes.\n\n",
        built[0]["fetchTime"].as_str().unwrap_or_default(),
        dist.display(),
        built[0]["lighthouseVersion"].as_str().unwrap_or_default(),
        built.len(),
        of_built(|s| s.benchmark_index),
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
    row(
        "first load, brotli",
        "≤ 150 KB",
        kb(brotli),
        Some(brotli <= FIRST_LOAD_BROTLI_BUDGET as u64),
    );
    for (name, target, field, minimum) in [
        (
            "Lighthouse performance",
            "≥ 95",
            (|s| s.performance) as fn(&Scores) -> f64,
            95.0,
        ),
        (
            "Lighthouse accessibility",
            "100",
            |s| s.accessibility,
            100.0,
        ),
        (
            "Lighthouse best practices",
            "100",
            |s| s.best_practices,
            100.0,
        ),
        ("Lighthouse SEO", "≥ 95", |s| s.seo, 95.0),
    ] {
        let score = of_built(field);
        row(name, target, format!("{score:.0}"), Some(score >= minimum));
    }
    let lcp = of_built(|s| s.lcp);
    row(
        "Lighthouse LCP",
        "≤ 2.5 s",
        seconds(lcp),
        Some(lcp <= 2500.0),
    );
    row("Lighthouse FCP", "", seconds(of_built(|s| s.fcp)), None);
    row("Lighthouse TBT", "", ms(of_built(|s| s.tbt)), None);
    row(
        "Lighthouse CLS",
        "",
        format!("{:.3}", of_built(|s| s.cls)),
        None,
    );
    row(
        "Chromium: first contentful paint",
        "",
        ms(of_loads(|l| l.fcp)),
        None,
    );
    row(
        "Chromium: first story section visible",
        "",
        ms(of_loads(|l| l.story)),
        None,
    );
    row(
        "Chromium: FAQ answer visible after the click",
        "",
        ms(of_loads(|l| l.faq)),
        None,
    );
    let memory = of_loads(|l| l.memory) / (1024.0 * 1024.0);
    row(
        "Chromium: wasm memory",
        "",
        format!("{memory:.2} MiB"),
        None,
    );

    out += "\n## First load\n\nThe document and every file the page fetched before its first \
            section showed (the browser's Resource Timing entries); brotli is the size of the \
            build's `.br` copy and sent the body as the bench server sent it.\n\n";
    out += "| file | raw | brotli | sent |\n| --- | ---: | ---: | ---: |\n";
    for (name, raw, brotli, sent) in &files {
        writeln!(
            out,
            "| {name} | {} | {} | {} |",
            kb(*raw),
            kb(*brotli),
            kb(*sent)
        )
        .unwrap();
    }
    let total = |field: fn(&(String, u64, u64, u64)) -> u64| kb(files.iter().map(field).sum());
    let totals = [total(|f| f.1), total(|f| f.2), total(|f| f.3)];
    writeln!(
        out,
        "| **total** | {} | **{}** | {} |",
        totals[0], totals[1], totals[2]
    )
    .unwrap();

    out += "\n## Preloading\n\nLighthouse, mobile, medians.\n\n\
            | index.html | preloads | performance | FCP | LCP | TBT |\n\
            | --- | --- | ---: | ---: | ---: | ---: |\n";
    for (variant, reports) in variants.iter().zip(lighthouse) {
        let scores: Vec<Scores> = reports.iter().map(lighthouse::scores).collect();
        let of = |field: fn(&Scores) -> f64| median(scores.iter().map(field));
        let preloads = variant.preloads().join(", ");
        writeln!(
            out,
            "| {} | {} | {:.0} | {} | {} | {} |",
            variant.label,
            if preloads.is_empty() {
                "none"
            } else {
                &preloads
            },
            of(|s| s.performance),
            seconds(of(|s| s.fcp)),
            seconds(of(|s| s.lcp)),
            ms(of(|s| s.tbt)),
        )
        .unwrap();
    }

    out += "\n## Audits that cost points\n\nAccessibility, best practices and SEO, page as built \
            (first run).\n\n";
    let failing = lighthouse::failing_audits(&built[0]);
    if failing.is_empty() {
        out += "None.\n";
    }
    for [category, id, title, found] in failing {
        let line = format!("- {category}: `{id}`, {title}. {found}");
        writeln!(out, "{}", line.trim_end()).unwrap();
    }
    out
}

/// The files of `load`'s first load as (path under `dist/`, raw, brotli and sent bytes).
fn first_load(dist: &Path, origin: &str, load: &Load) -> Vec<(String, u64, u64, u64)> {
    let size = |file: &str| std::fs::metadata(dist.join(file)).map_or(0, |m| m.len());
    load.files
        .iter()
        .map(|(url, sent)| {
            let path = url.strip_prefix(origin).unwrap_or(url);
            let mut file = path
                .split(['?', '#'])
                .next()
                .unwrap()
                .trim_start_matches('/');
            if file.is_empty() {
                file = "index.html";
            }
            let name = if dist.join(file).is_file() {
                file.to_string()
            } else {
                format!("{file} (not in dist/: 404)")
            };
            (name, size(file), size(&format!("{file}.br")), *sent)
        })
        .collect()
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
