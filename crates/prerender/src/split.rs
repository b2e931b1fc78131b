//! Lazy islands' code in modules of its own. The islands marked `#[island(lazy)]` (the FAQ,
//! the checklists, the embed panel) are hydrated only when a reader comes near them, so their
//! code need not be in the wasm every reader loads. This splits the wasm Cargo built (linked
//! with its relocations, see `.cargo/config.toml`) into the main module and one module per
//! lazy island (plus chunks they share), runs wasm-bindgen and, in release builds, wasm-opt on
//! each, and puts them in place of Trunk's glue and wasm. It is what cargo-leptos does with
//! `--split`, with the same library.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{read, short_hash, write};
use explainer_core::names::MODULE_FAILED_EVENT;

/// wasm-opt's options for every module: smallest code, and the features every browser the
/// explainer supports has.
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The files Trunk staged for the wasm: its glue (`<stem>.js`) and module (`<stem>_bg.wasm`).
pub struct Bundle<'a> {
    pub staging: &'a Path,
    /// The glue's file name without `.js`, as Trunk named it (with its hash).
    pub stem: &'a str,
    pub release: bool,
}

/// Splits the wasm, putting the main module, the lazy modules and the small script that loads
/// them (`<stem>-lazy.js`, which the glue imports) in the staging folder.
pub fn split_lazy_islands(bundle: &Bundle) -> Result<(), String> {
    let input_path = cargo_wasm(bundle.release)?;
    let input = std::fs::read(&input_path)
        .map_err(|e| format!("{}: cannot read: {e}", input_path.display()))?;
    let work = bundle.staging.join(".split");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let main_split = work.join("main.wasm");
    let loader_name = format!("{}-lazy.js", bundle.stem);
    let main_module = format!("./{}.js", bundle.stem);
    let link_name = format!("./{loader_name}");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = &work;
    options.main_out_path = &main_split;
    options.main_module = &main_module;
    options.link_name = &link_name;
    let split = wasm_split_cli_support::transform(options).map_err(|e| {
        format!(
            "{}: cannot split the lazy islands' code out: {e:#}. Is it linked with \
             --emit-relocs (.cargo/config.toml)?",
            input_path.display()
        )
    })?;

    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
        .arg("--out-name")
        .arg(bundle.stem)
        .arg("--out-dir")
        .arg(bundle.staging)
        .arg(&main_split))?;
    let main_wasm = bundle.staging.join(format!("{}_bg.wasm", bundle.stem));
    optimize(&main_wasm, bundle.release)?;

    let mut loader = fall_back_on_failure(&read(&work.join(&loader_name))?)?;
    for module in &split.split_modules {
        let name = file_name(module)?;
        optimize(module, bundle.release)?;
        let bytes =
            std::fs::read(module).map_err(|e| format!("{}: cannot read: {e}", module.display()))?;
        let stem = name.trim_end_matches(".wasm");
        let hashed = format!("{stem}-{}.wasm", short_hash(&bytes));
        loader = loader.replace(&format!("\"./{name}\""), &format!("\"./{hashed}\""));
        write(&bundle.staging.join(&hashed), bytes)?;
    }
    write(&bundle.staging.join(&loader_name), loader)?;
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

/// Our replacement for the library's `wrapAsyncCb`, with the event's name left as a blank.
const ON_FAILURE: &str = include_str!("lazy_failure.js");

/// The library's loader tells Rust that a module failed to load, and Rust then panics, which
/// stops all of the page's code. This loader instead sends [`MODULE_FAILED_EVENT`]: the wasm
/// entry, waiting for that island, leaves it as it was rendered (its part falls back to its
/// static layout and says so) and goes on hydrating the others.
fn fall_back_on_failure(loader: &str) -> Result<String, String> {
    const START: &str = "function wrapAsyncCb(callee) {";
    const NEXT: &str = "function makeLoad(";
    // What our replacement calls in the library's loader.
    const USES: &str = "function getSharedImports(";
    let changed = |what: &str| {
        format!("the lazy modules' loader has no `{what}`: has wasm_split_cli_support changed?")
    };
    let (Some(start), Some(end)) = (loader.find(START), loader.find(NEXT)) else {
        return Err(changed(START));
    };
    if !loader.contains(USES) {
        return Err(changed(USES));
    }
    let ours = ON_FAILURE.replace("__FAILED_EVENT__", MODULE_FAILED_EVENT);
    Ok(format!("{}{ours}{}", &loader[..start], &loader[end..]))
}

/// The wasm Cargo linked for Trunk, in the target folder this tool was built in.
fn cargo_wasm(release: bool) -> Result<PathBuf, String> {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.parent()?.to_path_buf()))
            .ok_or("cannot find the target folder")?,
    };
    let profile = if release { "release" } else { "debug" };
    let path = target.join(format!(
        "wasm32-unknown-unknown/{profile}/explainer_web.wasm"
    ));
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "{}: not found: has Trunk built the wasm?",
            path.display()
        ))
    }
}

/// Shrinks a module in place with wasm-opt, in release builds.
fn optimize(path: &Path, release: bool) -> Result<(), String> {
    if !release {
        return Ok(());
    }
    run(Command::new("wasm-opt")
        .args(WASM_OPT_ARGS)
        .arg(path)
        .arg("-o")
        .arg(path))
}

fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let output = command
        .output()
        .map_err(|e| format!("{shown}: cannot run: {e} (scripts/setup installs it)"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{shown} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| format!("{}: no file name", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of the library's loader around the function we replace.
    const LOADER: &str = "function getSharedImports() { return imports; }\n\
        function wrapAsyncCb(callee) { return async (i, data) => { await callee(); } }\n\
        function makeLoad(url) { return 1; }\n";

    #[test]
    fn a_failed_module_sends_the_event_instead_of_telling_rust() {
        let ours = fall_back_on_failure(LOADER).unwrap();
        assert!(ours.contains(&format!("new CustomEvent(\"{MODULE_FAILED_EVENT}\")")));
        assert!(ours.starts_with("function getSharedImports()"));
        assert!(ours.ends_with("function makeLoad(url) { return 1; }\n"));
        assert_eq!(ours.matches("function wrapAsyncCb(").count(), 1);
    }

    #[test]
    fn a_changed_loader_stops_the_build() {
        let renamed = LOADER.replace("wrapAsyncCb", "wrapCallback");
        assert!(fall_back_on_failure(&renamed)
            .unwrap_err()
            .contains("wrapAsyncCb"));
        let without = LOADER.replace("getSharedImports", "sharedImports");
        assert!(fall_back_on_failure(&without)
            .unwrap_err()
            .contains("getSharedImports"));
    }
}
