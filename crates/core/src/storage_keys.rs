//! Every key the explainer keeps in the browser's storage, in one place, so the components,
//! the end-to-end tests and the architecture notes name the same ones.

/// The reader's plan (`localStorage`), as `{"version":1,"role":…,"done":[…]}`.
pub const PLAN: &str = "explainer:v1:plan";
/// Where a damaged or foreign plan is moved aside (`localStorage`).
pub const PLAN_SET_ASIDE: &str = "explainer:v1:plan:set-aside";
/// The short or full read (`localStorage`).
pub const READING_MODE: &str = "explainer:v1:reading-mode";
/// The FAQ answers open in this tab (`sessionStorage`), as a JSON list of ids.
pub const FAQ_OPEN: &str = "explainer:v1:faq-open";
/// Written and removed again to learn whether storage works at all.
pub const PROBE: &str = "explainer:probe";
