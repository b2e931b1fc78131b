//! The rebuild that `scripts/bench` times: `scripts/build` (the release build) after a one-line change to a
//! copy of the content folder, passed in through the environment:
//!
//! - `BENCH_REBUILD_SECONDS`: how long the build took;
//! - `BENCH_REBUILD_LOG`: Trunk's output, for the crates cargo compiled again;
//! - `BENCH_REBUILD_DIST`: the folder it built into, to compare its wasm with the measured one's.

use std::path::{Path, PathBuf};

/// What the rebuild took and did.
pub struct Rebuild {
    pub seconds: f64,
    /// The crates cargo compiled again (`Compiling <crate> v…` in Trunk's output), if it says.
    pub compiled: Option<Vec<String>>,
    /// Whether the rebuilt wasm is byte for byte the measured one, if both were found.
    pub same_wasm: Option<bool>,
    /// Trunk's own steps (cargo, wasm-bindgen, the assets) and its post-build hook (the
    /// prerender: checking, splitting the lazy islands' code out, wasm-bindgen and wasm-opt on
    /// each module, rendering, precompressing), seconds, from the log's times.
    pub phases: Option<(f64, f64)>,
}

/// The rebuild `scripts/bench` timed, or `None` when the benchmark runs on its own.
pub fn from_env(dist: &Path) -> Option<Rebuild> {
    let seconds = std::env::var("BENCH_REBUILD_SECONDS").ok()?.parse().ok()?;
    let log =
        std::env::var_os("BENCH_REBUILD_LOG").and_then(|log| std::fs::read_to_string(log).ok());
    let compiled = log.as_deref().map(|log| {
        log.lines()
            .filter_map(|line| {
                let rest = &line[line.find("Compiling ")? + "Compiling ".len()..];
                Some(rest.split_whitespace().next()?.to_string())
            })
            .collect()
    });
    let same_wasm = std::env::var_os("BENCH_REBUILD_DIST").and_then(|rebuilt| {
        let (a, b) = (wasm(dist)?, wasm(Path::new(&rebuilt))?);
        Some(std::fs::read(a).ok()? == std::fs::read(b).ok()?)
    });
    Some(Rebuild {
        seconds,
        compiled,
        same_wasm,
        phases: log.as_deref().and_then(phases),
    })
}

/// The seconds from Trunk's `starting build` to its `spawning hook`, and from there to
/// `finished hook`, read from the times that start its log lines (`2026-11-29T11:22:48.93Z`).
fn phases(log: &str) -> Option<(f64, f64)> {
    let time = |marker: &str| {
        let line = log.lines().find(|line| line.contains(marker))?;
        let clock = line.split_whitespace().next()?.split('T').nth(1)?;
        let mut parts = clock.trim_end_matches('Z').split(':');
        let [h, m, s] = [parts.next()?, parts.next()?, parts.next()?];
        Some(
            h.parse::<f64>().ok()? * 3600.0
                + m.parse::<f64>().ok()? * 60.0
                + s.parse::<f64>().ok()?,
        )
    };
    let since = |from: f64, to: f64| (to - from).rem_euclid(24.0 * 3600.0);
    let (start, hook, end) = (
        time("starting build")?,
        time("spawning hook")?,
        time("finished hook")?,
    );
    Some((since(start, hook), since(hook, end)))
}

/// The wasm file in `dist`.
fn wasm(dist: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dist)
        .ok()?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|e| e == "wasm"))
}
