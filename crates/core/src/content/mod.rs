//! The story as data: its typed model, how a file is parsed and checked, inline markup, label
//! templates and the FAQ's schema.org form.

pub mod editions;
pub mod inline;
pub mod model;
pub mod numbers;
pub mod schema_org;
pub mod template;
pub mod translations;
pub mod validate;

pub use model::Content;
pub use validate::{parse_content, Problem};
