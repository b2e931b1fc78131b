//! The pages, rendered at build time: the whole explainer, and one part of it alone. They put
//! the islands and the views together.

pub mod explainer_page;
pub mod part_page;
