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
    /// Where the page's files are served from, ending `/`.
    pub public_url: &'a str,
    pub release: bool,
}

/// Splits the wasm; returns the file name of the small script that loads the lazy modules,
/// which the glue imports (and the pages preload).
pub fn split_lazy_islands(bundle: &Bundle) -> Result<String, String> {
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

    let mut loader = fall_back_on_failure(&read(&work.join(&loader_name))?, bundle.public_url)?;
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
    Ok(loader_name)
}

/// The library's loader tells Rust that a module failed to load, and Rust then panics, which
/// stops all of the page's code. This loader instead leaves the island as it was rendered and
/// shows the page as it reads without JavaScript (`static.css`), as the boot script does when
/// the main wasm cannot be loaded.
fn fall_back_on_failure(loader: &str, public_url: &str) -> Result<String, String> {
    const START: &str = "function wrapAsyncCb(callee) {";
    const NEXT: &str = "function makeLoad(";
    let (Some(start), Some(end)) = (loader.find(START), loader.find(NEXT)) else {
        return Err(format!(
            "the lazy modules' loader has no `{START}`: has wasm_split_cli_support changed?"
        ));
    };
    let ours = format!(
        r#"function wrapAsyncCb(callee) {{
    return async (callbackIndex, callbackData) => {{
        try {{
            await callee();
        }} catch (error) {{
            console.warn("explainer: a part of the page could not be loaded", error);
            const link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = "{public_url}static.css";
            document.head.append(link);
            return;
        }}
        const table = getSharedImports().__wasm_split.__indirect_function_table;
        table.get(callbackIndex)(callbackData, true);
    }};
}}
"#
    );
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
