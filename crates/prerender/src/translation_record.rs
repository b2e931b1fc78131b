//! Records, once a translator has brought an edition's strings up to date, which reference
//! text each now translates: rewrites the edition's `translated_from` for the places named,
//! leaving the rest of the file as it was.

use std::path::Path;

use explainer_core::content::fields::RECORD_FIELD;
use explainer_core::content::translations::{record_of, translated_texts};
use serde_json::Value;

use crate::content_files::REFERENCE;
use crate::files::{read, write};

/// Which of an edition's strings to record as translated from the reference as it is now.
pub enum Places {
    /// Every string (a new edition, or one checked through).
    All,
    /// These places only (`faq[3].answer`).
    Only(Vec<String>),
}

/// Records `places` of the edition at `path` as translated from the reference edition beside
/// it; returns how many places were recorded. A place the reference does not have is refused.
pub fn mark_translated(path: &Path, places: &Places) -> Result<usize, String> {
    let reference_path = path.with_file_name(REFERENCE);
    let reference = json(&reference_path)?;
    let mut edition = json(path)?;
    let current = record_of(&reference);
    let chosen: Vec<&String> = match places {
        Places::All => current.keys().collect(),
        Places::Only(places) => places.iter().collect(),
    };
    let mut record = match edition.get(RECORD_FIELD) {
        Some(Value::Object(record)) => record.clone(),
        _ => serde_json::Map::new(),
    };
    // Places the reference no longer has are dropped.
    record.retain(|place, _| current.contains_key(place));
    for place in &chosen {
        let hash = current.get(*place).ok_or_else(|| {
            format!(
                "{}: {place}: no such translated text in the reference",
                reference_path.display()
            )
        })?;
        record.insert(place.to_string(), Value::from(hash.clone()));
    }
    let Value::Object(fields) = &mut edition else {
        return Err(format!("{}: not a JSON object", path.display()));
    };
    // Kept in the reference's order, so the record reads like the file.
    let ordered = translated_texts(&reference)
        .into_iter()
        .filter_map(|(place, _)| Some((place.clone(), record.get(&place)?.clone())))
        .collect();
    fields.insert(RECORD_FIELD.to_string(), Value::Object(ordered));
    let text = serde_json::to_string_pretty(&edition)
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    write(path, text + "\n")?;
    Ok(chosen.len())
}

fn json(path: &Path) -> Result<Value, String> {
    serde_json::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}
