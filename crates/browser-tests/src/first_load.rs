//! The brotli budgets of a reader of the top and of the first load with the code: checked by the
//! size report (`tests/size_report.rs`), shown beside the measurements by the load benchmark
//! (`benches/load/`).

/// The most a reader of the top (who touches nothing, so fetches no code) may fetch,
/// brotli-compressed, in bytes: SvelteKit's prerendered page of the same content fetches 51 KB.
pub const TOP_OF_PAGE_BROTLI_BUDGET: usize = 50 * 1024;

/// The most the first load with the code (the top, then the glue, the main wasm and the lazy
/// modules' loader, fetched on the first sign of use) may weigh, brotli-compressed, in bytes:
/// what the client-rendered app weighed before the page was rendered at build time (149 KB).
pub const FIRST_LOAD_BROTLI_BUDGET: usize = 150 * 1024;
