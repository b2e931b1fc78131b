//! The story as data: its typed model, inline markup, validation and loading.

pub mod inline;
pub mod load;
pub mod model;
pub mod schema_org;
pub mod template;
pub mod validate;

pub use model::Content;
pub use validate::{parse_content, Problem};
