//! Shared by the size report (`tests/size_report.rs`) and the load benchmark (`benches/load/`):
//! the first load's brotli budget and the compressors that measure it.

use std::io::Write;

/// The most the first load may weigh, brotli-compressed, in bytes: what the client-rendered app
/// weighed before the page was rendered at build time (149 KB). With the lazy islands' code in
/// modules of their own, it measured 144 KB on 29 November 2026; the aim is 100 KB (see "Where
/// the wasm's bytes go" in the README).
pub const FIRST_LOAD_BROTLI_BUDGET: usize = 150 * 1024;

/// `bytes` compressed as the release build's `.br` copies are (quality 11).
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out
}

/// `bytes` compressed as the release build's `.gz` copies are (level 9).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}
