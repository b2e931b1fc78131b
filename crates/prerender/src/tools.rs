//! Runs the build's outside tools (wasm-bindgen, wasm-opt, esbuild), with errors that name the
//! command and say where the tool comes from.

use std::process::Command;

/// Runs `command`; its standard error is the message if it fails.
pub fn run(command: &mut Command) -> Result<(), String> {
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
