//! The story as data: its typed model, how it is decoded and checked, inline markup and loading.

mod decode;
pub mod inline;
pub mod load;
pub mod model;
pub mod schema_org;
pub mod template;
pub mod validate;

pub use model::Content;
pub use validate::{parse_content, Problem};
