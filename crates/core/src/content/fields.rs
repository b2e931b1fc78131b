//! What the fields of a content file hold, where more than one check needs to know: ids, the
//! same in every edition, and the record of what each translation was made from.

/// Fields whose values are ids (or the map's country codes, or the address the explainer is
/// published at), compared as they are; every other string is translated text.
const ID_FIELDS: &[&str] = &[
    "id",
    "section",
    "audience",
    "highlight",
    "members",
    "country",
    "base_url",
];

/// Whether values of `field` are ids, the same in every edition.
pub fn is_id_field(field: &str) -> bool {
    ID_FIELDS.contains(&field)
}

/// The top-level field that holds a translated edition's record (`content::translations`).
pub const RECORD_FIELD: &str = "translated_from";
