//! Precompression: a brotli (quality 11) and a gzip (level 9) copy beside every text and wasm
//! file of the bundle, for servers that send them as they are.

use std::io::Write;
use std::path::Path;

/// The kinds of file worth compressing.
const COMPRESSIBLE: &[&str] = &["html", "js", "css", "json", "wasm", "svg", "md"];

pub fn precompress(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if wanted {
            compress_file(&path)?;
        }
    }
    Ok(())
}

fn compress_file(path: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: cannot compress: {e}", path.display());
    let data = std::fs::read(path).map_err(fail)?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut data.as_slice(), &mut br, &params).map_err(fail)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&data).map_err(fail)?;
    let gz = gz.finish().map_err(fail)?;
    let name = path.display().to_string();
    std::fs::write(format!("{name}.br"), br).map_err(fail)?;
    std::fs::write(format!("{name}.gz"), gz).map_err(fail)?;
    Ok(())
}
