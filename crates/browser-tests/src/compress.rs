//! Brotli and gzip as the release build compresses its `.br` and `.gz` copies, for bytes the
//! build did not write: a page the benchmark serves in place of the built one.

use std::io::Write;

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
