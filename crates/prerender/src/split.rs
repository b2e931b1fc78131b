//! Lazy islands' code in modules of its own. The islands marked `#[island(lazy)]` are hydrated
//! only when a reader needs them (the FAQ and the checklists when a reader comes near them,
//! "Embed this" when someone opens it; `names::LAZY_ISLANDS`), so their code need not be in the
//! wasm every reader loads. This splits the wasm Cargo built (linked
//! with its relocations, see `.cargo/config.toml`) into the main module and one module per
//! lazy island (plus chunks they share), runs wasm-bindgen and, in release builds, wasm-opt on
//! each, and puts them in place of Trunk's glue and wasm. It is what cargo-leptos does with
//! `--split`, with the same library.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::edits::{fill_blanks, replace_between, replace_exactly};
use crate::files::{file_name_hash, read, read_bytes, write};
use crate::import_names;
use crate::tools::run;
use explainer_core::names::{MODULE_FAILED_EVENT, STALL_BOUND_MS};

/// wasm-opt's options for every module: smallest code (its passes run again until the module
/// stops shrinking: 1 KB brotli in all, for a few seconds), the features every browser the
/// explainer supports has, and none of the toolchain's notes (`producers`, `target_features`),
/// which no browser reads.
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--converge",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
    "--strip-producers",
    "--strip-target-features",
];

/// The files Trunk staged for the wasm: its glue (`<stem>.js`) and module (`<stem>_bg.wasm`).
pub struct Bundle<'a> {
    pub staging: &'a Path,
    /// The glue's file name without `.js`, as Trunk named it (with its hash).
    pub stem: &'a str,
    pub release: bool,
}

/// Splits the wasm, putting the main module, the lazy modules and the small script that loads
/// them (`<stem>-lazy.js`, which the glue imports) in the staging folder, and returns the stem
/// the glue, the main module and that script are then named with: Trunk's name with a hash of
/// the three files' content in place of Trunk's (which hashed the wasm before the split).
pub fn split_lazy_islands(bundle: &Bundle) -> Result<String, String> {
    let input_path = cargo_wasm(bundle.release)?;
    let input = read_bytes(&input_path)?;
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
        .arg(&work)
        .arg(&main_split))?;
    let main_wasm = work.join(format!("{}_bg.wasm", bundle.stem));
    let glue_path = work.join(format!("{}.js", bundle.stem));
    let (wasm, glue) = import_names::shorten(&read_bytes(&main_wasm)?, &read(&glue_path)?)?;
    write(&main_wasm, wasm)?;
    write(&glue_path, glue)?;
    optimize(&main_wasm, bundle.release)?;

    let loader = fall_back_on_failure(&read(&work.join(&loader_name))?)?;
    let mut loader = fetch_until_given_up(&loader, split.split_modules.len())?;
    for module in &split.split_modules {
        let name = file_name(module)?;
        optimize(module, bundle.release)?;
        let bytes = read_bytes(module)?;
        let hashed = format!(
            "{}-{}.wasm",
            name.trim_end_matches(".wasm"),
            file_name_hash(&bytes)
        );
        loader = name_module(&loader, &name, &hashed)?;
        write(&bundle.staging.join(&hashed), bytes)?;
    }
    let code = MainCode {
        glue: read(&glue_path)?,
        loader,
        wasm: read_bytes(&main_wasm)?,
    };
    let stem = code.stem(bundle.stem)?;
    let renamed = code.renamed(bundle.stem, &stem)?;
    write(&bundle.staging.join(format!("{stem}.js")), renamed.glue)?;
    write(
        &bundle.staging.join(format!("{stem}-lazy.js")),
        renamed.loader,
    )?;
    write(
        &bundle.staging.join(format!("{stem}_bg.wasm")),
        renamed.wasm,
    )?;
    // Trunk's own glue and wasm, which the split replaces.
    for trunk_file in [
        format!("{}.js", bundle.stem),
        format!("{}_bg.wasm", bundle.stem),
    ] {
        let path = bundle.staging.join(trunk_file);
        std::fs::remove_file(&path)
            .map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(stem)
}

/// `loader` fetching the lazy module `name` under its `hashed` name.
fn name_module(loader: &str, name: &str, hashed: &str) -> Result<String, String> {
    let what = "the lazy modules' loader";
    replace_exactly(
        loader,
        &format!("\"./{name}\""),
        &format!("\"./{hashed}\""),
        1,
        what,
    )
}

/// The code every page loads first: wasm-bindgen's glue, the lazy modules' loader and the
/// main module. The glue imports the loader and the loader imports the glue, so no one of them
/// can be named by a hash of its own content alone; they share a name hashing all three.
struct MainCode {
    glue: String,
    loader: String,
    wasm: Vec<u8>,
}

impl MainCode {
    /// `trunk_stem` (`<crate>-<hash>`) with a hash of the three files in place of its own.
    fn stem(&self, trunk_stem: &str) -> Result<String, String> {
        let name = trunk_stem
            .rsplit_once('-')
            .map(|(name, _)| name)
            .ok_or_else(|| format!("Trunk's glue {trunk_stem}.js has no hash in its name"))?;
        let mut bytes = self.glue.as_bytes().to_vec();
        bytes.extend_from_slice(self.loader.as_bytes());
        bytes.extend_from_slice(&self.wasm);
        Ok(format!("{name}-{}", file_name_hash(&bytes)))
    }

    /// The three files naming each other as `stem` instead of `trunk_stem`: the glue imports
    /// the loader (once per lazy module) and names the main module; the loader imports the glue.
    /// The glue's imports object keeps the old names: they are the module names the main
    /// module's imports were linked with, not files.
    fn renamed(self, trunk_stem: &str, stem: &str) -> Result<MainCode, String> {
        let imports = self
            .loader
            .matches("export const __wasm_split_load_")
            .count();
        let glue = replace_exactly(
            &self.glue,
            &format!("from \"./{trunk_stem}-lazy.js\""),
            &format!("from \"./{stem}-lazy.js\""),
            imports,
            "wasm-bindgen's glue",
        )?;
        let glue = replace_exactly(
            &glue,
            &format!("'{trunk_stem}_bg.wasm'"),
            &format!("'{stem}_bg.wasm'"),
            1,
            "wasm-bindgen's glue",
        )?;
        let loader = replace_exactly(
            &self.loader,
            &format!("\"./{trunk_stem}.js\""),
            &format!("\"./{stem}.js\""),
            1,
            "the lazy modules' loader",
        )?;
        Ok(MainCode {
            glue,
            loader,
            wasm: self.wasm,
        })
    }
}

/// Our replacement for the library's `wrapAsyncCb`, with the event's name and the stall bound
/// left as blanks.
const ON_FAILURE: &str = include_str!("lazy_failure.js");

/// The library's loader tells Rust that a module failed to load, and Rust then panics, which
/// stops all of the page's code. This loader instead sends [`MODULE_FAILED_EVENT`]: the wasm
/// entry, waiting for that island, leaves it as it was rendered (its part falls back to its
/// static layout and says so) and goes on hydrating the others. A module that has not arrived
/// within [`STALL_BOUND_MS`] counts as failed.
fn fall_back_on_failure(loader: &str) -> Result<String, String> {
    const START: &str = "function wrapAsyncCb(callee) {";
    const NEXT: &str = "function makeLoad(";
    // What our replacement calls in the library's loader.
    const USES: &str = "function getSharedImports(";
    if !loader.contains(USES) {
        return Err(format!(
            "the lazy modules' loader has no `{USES}`: has wasm_split_cli_support changed?"
        ));
    }
    let ours = fill_blanks(
        "lazy_failure.js",
        ON_FAILURE,
        &[
            ("__FAILED_EVENT__", MODULE_FAILED_EVENT),
            ("__STALL_BOUND_MS__", &STALL_BOUND_MS.to_string()),
        ],
    )?;
    replace_between(loader, START, NEXT, &ours, "the lazy modules' loader")
}

/// How the library's loader fetches each lazy module (`fetch(new URL("./x.wasm",
/// import.meta.url))`), and how ours does: with the signal of the island's loads, which
/// `lazy_failure.js` aborts when it gives up on them.
const MODULE_FETCH: [&str; 2] = [
    ", import.meta.url));",
    ", import.meta.url), { signal: islandLoads.signal });",
];

/// `loader`, each of whose `modules` fetches can be stopped when its island gives up on it.
fn fetch_until_given_up(loader: &str, modules: usize) -> Result<String, String> {
    let [library, ours] = MODULE_FETCH;
    replace_exactly(loader, library, ours, modules, "the lazy modules' loader")
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

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| format!("{}: no file name", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader wasm_split_cli_support 0.2.4 wrote for this project, and the glue
    /// wasm-bindgen 0.2.130 wrote for the main module, both before this tool edited them;
    /// `tests/saved/README.md` says how to save them again after updating either.
    const SAVED_LOADER: &str = include_str!("../tests/saved/splitter-lazy.js");
    const SAVED_GLUE: &str = include_str!("../tests/saved/bindgen-glue.js");
    const SAVED_STEM: &str = "explainer-web-8c46e4f6e7eb52fa";

    #[test]
    fn the_saved_loader_reports_failures_and_fetches_hashed_modules() {
        let mut loader = fall_back_on_failure(SAVED_LOADER).unwrap();
        assert!(loader.contains(&format!("new CustomEvent(\"{MODULE_FAILED_EVENT}\")")));
        let modules: Vec<&str> = SAVED_LOADER
            .split("new URL(\"./")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(
            modules.len(),
            7,
            "four shared chunks and three islands' modules"
        );
        for module in modules {
            loader = name_module(&loader, module, &module.replace(".wasm", "-0123.wasm")).unwrap();
        }
        assert!(!loader.contains("_7.wasm\""));
        assert!(name_module(&loader, "chunk_4.wasm", "x.wasm").is_err());
    }

    #[test]
    fn the_saved_loaders_fetches_can_each_be_given_up_on() {
        let loader = fall_back_on_failure(SAVED_LOADER).unwrap();
        let ours = fetch_until_given_up(&loader, 7).unwrap();
        assert_eq!(ours.matches("{ signal: islandLoads.signal }").count(), 7);
        assert!(
            ours.contains(&format!("{STALL_BOUND_MS},\n")),
            "the bound is filled in"
        );
        assert!(fetch_until_given_up(&loader, 6)
            .unwrap_err()
            .contains("expected 6"));
    }

    #[test]
    fn the_saved_glue_and_loader_share_a_name_hashing_both() {
        let code = || MainCode {
            glue: SAVED_GLUE.to_string(),
            loader: fall_back_on_failure(SAVED_LOADER).unwrap(),
            wasm: vec![0, 97, 115, 109],
        };
        let stem = code().stem(SAVED_STEM).unwrap();
        assert!(
            stem.starts_with("explainer-web-") && stem != SAVED_STEM,
            "{stem}"
        );
        let changed = MainCode {
            wasm: vec![0, 97, 115, 109, 1],
            ..code()
        };
        assert_ne!(changed.stem(SAVED_STEM).unwrap(), stem);
        let renamed = code().renamed(SAVED_STEM, &stem).unwrap();
        // No file is named by the old stem; the imports object's keys are not files.
        assert!(!renamed.glue.contains(&format!("from \"./{SAVED_STEM}")));
        assert!(!renamed.glue.contains(&format!("'{SAVED_STEM}_bg.wasm'")));
        assert!(!renamed.loader.contains(SAVED_STEM));
        assert_eq!(
            renamed
                .glue
                .matches(&format!("from \"./{stem}-lazy.js\""))
                .count(),
            3
        );
        assert!(renamed.glue.contains(&format!("'{stem}_bg.wasm'")));
        assert!(renamed
            .loader
            .contains(&format!("import {{ initSync }} from \"./{stem}.js\"")));
    }

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
        let twice = format!("{LOADER}{LOADER}");
        assert!(fall_back_on_failure(&twice)
            .unwrap_err()
            .contains("expected 1 of `function wrapAsyncCb(callee) {`, found 2"));
        let without = LOADER.replace("getSharedImports", "sharedImports");
        assert!(fall_back_on_failure(&without)
            .unwrap_err()
            .contains("getSharedImports"));
    }
}
