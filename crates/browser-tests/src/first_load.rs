//! Shared by the size report (`tests/size_report.rs`) and the load benchmark (`benches/load/`):
//! the brotli budgets of a reader of the top and of the first load with the code, and the
//! compressors that measure them.

use std::io::Write;

/// The most a reader of the top (who touches nothing, so fetches no code) may fetch,
/// brotli-compressed, in bytes: SvelteKit's prerendered page of the same content fetches 51 KB.
pub const TOP_OF_PAGE_BROTLI_BUDGET: usize = 50 * 1024;

/// The most the first load with the code (the top, then the glue, the main wasm and the lazy
/// modules' loader, fetched on the first sign of use) may weigh, brotli-compressed, in bytes:
/// what the client-rendered app weighed before the page was rendered at build time (149 KB).
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
