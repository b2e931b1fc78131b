//! The brotli budgets of a reader of the top, of the first load with the code and of everything the
//! page can fetch: checked by the size report (`tests/size_report.rs`), shown beside the
//! measurements by the load benchmark (`benches/load/`).

/// The most a reader of the top (who touches nothing, so fetches no code) may fetch,
/// brotli-compressed, in bytes: SvelteKit's prerendered page of the same content fetches 51 KB.
pub const TOP_OF_PAGE_BROTLI_BUDGET: usize = 50 * 1024;

/// The most the first load with the code (the top, then the glue, the main wasm and the lazy
/// modules' loader, fetched on the first sign of use) may weigh, brotli-compressed, in bytes.
/// It was 137 KB until the islands in the main module stopped taking props, which took the JSON
/// parser out of it (112 KB on 2 December 2026); the budget keeps that, with some room.
pub const FIRST_LOAD_BROTLI_BUDGET: usize = 120 * 1024;

/// The most everything the explainer's own page can fetch may weigh, brotli-compressed, in
/// bytes: the first load with the code and every lazy module ("Embed this" included). It was
/// 243 KB while the lazy islands took props, decoded by serde_json, 196 KB once none did, and
/// 194 KB once the build minified its CSS and JavaScript (2 December 2026). Less the module of
/// "Embed this" (18 KB), which only an editor opening it fetches, this budget is the 180 KB that
/// a reader of every part of the English page may fetch (issue 17's target, which
/// `scripts/bench` measures for both editions as the browser fetched it; the Khmer page's HTML
/// is 4 KB more); CI, where the bench does not run, holds it here.
pub const EVERY_MODULE_BROTLI_BUDGET: usize = 198 * 1024;
