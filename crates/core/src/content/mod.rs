//! The story as data: its typed model, how a file is parsed and checked, inline markup, label
//! templates, publishing dates, the parts that embed alone and the schema.org forms.

pub mod dates;
pub mod editions;
pub mod fields;
pub mod inline;
pub mod model;
pub mod numbers;
pub mod parts;
pub mod schema_org;
pub mod template;
pub mod translations;
pub mod validate;

pub use model::Content;
pub use validate::{parse_content, Problem};
