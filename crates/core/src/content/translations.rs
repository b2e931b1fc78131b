//! Which reference text each translated string was made from. A translated edition keeps a
//! record, `translated_from`, of each string's place and a short hash of the reference
//! edition's string there when it was translated; when the reference text changes, the
//! translation is stale, and [`stale`] names it by its place so an editor can bring it up to
//! date. Stale translations are reported, never refused: the edition still builds.

use std::collections::BTreeMap;

use serde_json::Value;

use super::fields::is_id_field;
use super::fields::RECORD_FIELD;
use crate::short_hash::short_hash;

/// Fields that are not translated from the reference's words: ids, the language tag, the
/// edition's digits and the record itself.
fn is_translated(field: &str) -> bool {
    !is_id_field(field) && !matches!(field, "lang" | "digits" | RECORD_FIELD)
}

/// Why a translation may no longer say what the reference says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Staleness {
    /// The reference text changed after it was translated.
    Changed,
    /// The record has no entry for this place: nobody recorded what it was translated from.
    Unrecorded,
}

/// A translated string that may be out of date, by its place (`faq[3].answer`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaleEntry {
    pub place: String,
    pub why: Staleness,
}

impl std::fmt::Display for StaleEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = match self.why {
            Staleness::Changed => "the reference text changed since it was translated",
            Staleness::Unrecorded => "no record of the reference text it was translated from",
        };
        write!(f, "{}: {why}", self.place)
    }
}

/// Every translated string of `reference` (the reference edition as JSON), with its place, in
/// the file's order.
pub fn translated_texts(reference: &Value) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    walk(reference, String::new(), &mut out);
    out
}

fn walk<'a>(value: &'a Value, place: String, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::String(text) => out.push((place, text)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{place}[{i}]"), out);
            }
        }
        Value::Object(fields) => {
            for (field, item) in fields.iter().filter(|(f, _)| is_translated(f)) {
                let place = if place.is_empty() {
                    field.clone()
                } else {
                    format!("{place}.{field}")
                };
                walk(item, place, out);
            }
        }
        _ => {}
    }
}

/// The record of an edition translated from every string of `reference` as it is now.
pub fn record_of(reference: &Value) -> BTreeMap<String, String> {
    translated_texts(reference)
        .into_iter()
        .map(|(place, text)| (place, short_hash(text)))
        .collect()
}

/// The translations in an edition with record `recorded` that may be out of date with
/// `reference`, in the reference's order.
pub fn stale(reference: &Value, recorded: &BTreeMap<String, String>) -> Vec<StaleEntry> {
    translated_texts(reference)
        .into_iter()
        .filter_map(|(place, text)| {
            let why = match recorded.get(&place) {
                None => Staleness::Unrecorded,
                Some(hash) if *hash != short_hash(text) => Staleness::Changed,
                Some(_) => return None,
            };
            Some(StaleEntry { place, why })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reference() -> Value {
        json!({
            "lang": "en",
            "labels": {"page_title": "Talks", "digits": "0123456789"},
            "faq": [{"id": "a", "question": "Why?", "answer": "Because.", "section": "s"}]
        })
    }

    #[test]
    fn records_every_translated_string_and_no_id() {
        let places: Vec<String> = record_of(&reference()).into_keys().collect();
        assert_eq!(
            places,
            ["faq[0].answer", "faq[0].question", "labels.page_title"]
        );
    }

    #[test]
    fn an_edition_translated_from_the_reference_as_it_is_is_up_to_date() {
        let en = reference();
        assert_eq!(stale(&en, &record_of(&en)), []);
    }

    #[test]
    fn a_changed_or_unrecorded_string_is_named_by_its_place() {
        let en = reference();
        let mut recorded = record_of(&en);
        recorded.remove("labels.page_title");
        let mut edited = en.clone();
        edited["faq"][0]["answer"] = json!("Because of trade.");
        let mut found: Vec<String> = stale(&edited, &recorded)
            .iter()
            .map(ToString::to_string)
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                "faq[0].answer: the reference text changed since it was translated",
                "labels.page_title: no record of the reference text it was translated from",
            ]
        );
    }
}
