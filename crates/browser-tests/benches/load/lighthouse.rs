//! Lighthouse (from `node_modules/`) on its default mobile settings against Debian's Chromium,
//! with its simulated throttling or with DevTools throttling (which slows the real load), and the
//! numbers this benchmark reads from its JSON report.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The category scores (0 to 100; NaN for a category not run) and the metrics the report shows.
#[derive(Debug)]
pub struct Scores {
    pub performance: f64,
    pub accessibility: f64,
    pub best_practices: f64,
    pub seo: f64,
    /// First contentful paint, ms.
    pub fcp: f64,
    /// Largest contentful paint, ms.
    pub lcp: f64,
    /// Total blocking time, ms.
    pub tbt: f64,
    pub cls: f64,
    /// Lighthouse's measure of this machine's CPU speed (higher is faster).
    pub benchmark_index: f64,
}

/// How Lighthouse slows the page down to a mobile phone's network and CPU.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Throttling {
    /// `--throttling-method=devtools`: the load itself is slowed (latency, bandwidth and a 4×
    /// slower CPU), and the metrics are what the browser saw.
    Devtools,
    /// Lighthouse's default: an unthrottled load, and metrics simulated from its requests and
    /// CPU tasks. Every request that starts before the paint counts against it.
    Simulated,
}

impl Throttling {
    pub fn label(self) -> &'static str {
        match self {
            Throttling::Devtools => "DevTools",
            Throttling::Simulated => "simulated (default)",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Throttling::Devtools => "devtools",
            Throttling::Simulated => "simulated",
        }
    }
}

/// The runs of Lighthouse on one variant of the page with one kind of throttling.
pub struct Series {
    /// The variant's index in `variants::variants`.
    pub variant: usize,
    pub throttling: Throttling,
    pub reports: Vec<Value>,
}

impl Series {
    pub fn new(variant: usize, throttling: Throttling) -> Self {
        Series {
            variant,
            throttling,
            reports: Vec::new(),
        }
    }

    /// The scores of every run.
    pub fn scores(&self) -> Vec<Scores> {
        self.reports.iter().map(scores).collect()
    }
}

/// Runs Lighthouse on `url`, keeps its JSON report at `output` and returns it. `categories` is
/// Lighthouse's `--only-categories` list.
pub fn run(url: &str, throttling: Throttling, categories: &str, output: &Path) -> Value {
    let root = explainer_browser_tests::repo_dir();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let status = Command::new(root.join("node_modules/.bin/lighthouse"))
        .arg(url)
        .arg("--output=json")
        .arg(format!("--output-path={}", output.display()))
        .arg(format!("--only-categories={categories}"))
        .arg(format!("--throttling-method={}", match throttling {
            Throttling::Devtools => "devtools",
            Throttling::Simulated => "simulate",
        }))
        // Headless as root, and no calls home: the network reaches only package registries.
        .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync")
        .arg("--quiet")
        .env("CHROME_PATH", chromium)
        .status()
        .expect("run node_modules/.bin/lighthouse (scripts/setup installs it)");
    assert!(status.success(), "Lighthouse failed on {url}: {status}");
    let report: Value = serde_json::from_slice(&std::fs::read(output).unwrap()).unwrap();
    assert!(
        report["runtimeError"].is_null(),
        "Lighthouse on {url}: {}",
        report["runtimeError"]
    );
    report
}

pub fn scores(report: &Value) -> Scores {
    let score = |category: &str| {
        report["categories"][category]["score"]
            .as_f64()
            .map_or(f64::NAN, |score| (score * 100.0).round())
    };
    let metric = |audit: &str| report["audits"][audit]["numericValue"].as_f64().unwrap();
    Scores {
        performance: score("performance"),
        accessibility: score("accessibility"),
        best_practices: score("best-practices"),
        seo: score("seo"),
        fcp: metric("first-contentful-paint"),
        lcp: metric("largest-contentful-paint"),
        tbt: metric("total-blocking-time"),
        cls: metric("cumulative-layout-shift"),
        benchmark_index: report["environment"]["benchmarkIndex"].as_f64().unwrap(),
    }
}

/// The audits that cost points in the accessibility, best-practices and SEO categories, as
/// category, id, title and what they found (messages, elements or URLs).
pub fn failing_audits(report: &Value) -> Vec<[String; 4]> {
    let mut failing = Vec::new();
    for category in ["accessibility", "best-practices", "seo"] {
        let references = report["categories"][category]["auditRefs"].as_array();
        for reference in references.into_iter().flatten() {
            let id = reference["id"].as_str().unwrap();
            let audit = &report["audits"][id];
            let weighted = reference["weight"].as_f64().unwrap_or_default() > 0.0;
            if weighted && audit["score"].as_f64().is_some_and(|s| s < 1.0) {
                let title = audit["title"].as_str().unwrap_or_default().to_string();
                let found = audit["details"]["items"]
                    .as_array()
                    .map_or(Vec::new(), |items| items.iter().map(found_in).collect());
                failing.push([
                    category.to_string(),
                    id.to_string(),
                    title,
                    found.join("; "),
                ]);
            }
        }
    }
    failing
}

/// What a row of an audit's details names: its message, element or URL, whichever it has.
fn found_in(item: &Value) -> String {
    let text = |value: &Value| value.as_str().map(str::to_string);
    [
        text(&item["description"]),
        text(&item["node"]["snippet"]),
        text(&item["url"]),
        text(&item["sourceLocation"]["url"]),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}
