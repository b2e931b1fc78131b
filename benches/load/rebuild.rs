//! The rebuild that `scripts/bench` times: `trunk build --release` after a one-line change to a
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
}

/// The rebuild `scripts/bench` timed, or `None` when the benchmark runs on its own.
pub fn from_env(dist: &Path) -> Option<Rebuild> {
    let seconds = std::env::var("BENCH_REBUILD_SECONDS").ok()?.parse().ok()?;
    let compiled = std::env::var_os("BENCH_REBUILD_LOG")
        .and_then(|log| std::fs::read_to_string(log).ok())
        .map(|log| {
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
    })
}

/// The wasm file in `dist`.
fn wasm(dist: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dist)
        .ok()?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|e| e == "wasm"))
}
