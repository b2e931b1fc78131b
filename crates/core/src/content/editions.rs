//! Editions of one story in several languages: each must have the same entries, with the same
//! ids, in the same places, as the first (the reference), so that links, saved plans and share
//! codes mean the same on every page. Only reader-visible text differs.

use serde_json::Value;

use super::fields::{is_id_field, RECORD_FIELD};
use super::validate::Problem;

/// Every way `edition` differs in shape or ids from `reference`, each named by its place.
pub fn compare_editions(reference: &Value, edition: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    compare(reference, edition, &mut String::new(), false, &mut problems);
    problems
}

fn compare(
    reference: &Value,
    edition: &Value,
    place: &mut String,
    is_id: bool,
    out: &mut Vec<Problem>,
) {
    let here = |place: &str| {
        if place.is_empty() {
            "(top level)".to_string()
        } else {
            place.to_string()
        }
    };
    match (reference, edition) {
        (Value::Object(a), Value::Object(b)) => {
            // Each edition's record of what it was translated from is its own.
            let at_top = place.is_empty();
            let own = |key: &&String| at_top && *key == RECORD_FIELD;
            for (key, value) in a.iter().filter(|(key, _)| !own(key)) {
                let len = place.len();
                if !place.is_empty() {
                    place.push('.');
                }
                place.push_str(key);
                match b.get(key) {
                    Some(other) => compare(value, other, place, is_id_field(key), out),
                    None => out.push(Problem::new(place.clone(), "missing in this edition")),
                }
                place.truncate(len);
            }
            for key in b.keys().filter(|key| !a.contains_key(*key) && !own(key)) {
                let field = if place.is_empty() {
                    key.clone()
                } else {
                    format!("{place}.{key}")
                };
                out.push(Problem::new(field, "not in the reference edition"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, value) in a.iter().enumerate() {
                let len = place.len();
                place.push_str(&format!("[{i}]"));
                match b.get(i) {
                    Some(other) => compare(value, other, place, is_id, out),
                    None => out.push(Problem::new(place.clone(), "missing in this edition")),
                }
                place.truncate(len);
            }
            for i in a.len()..b.len() {
                out.push(Problem::new(
                    format!("{place}[{i}]"),
                    "not in the reference edition",
                ));
            }
        }
        (Value::String(a), Value::String(b)) if is_id && a != b => {
            out.push(Problem::new(
                here(place),
                format!("the id must be {a:?}, as in the reference edition"),
            ));
        }
        (Value::String(_), Value::String(_)) => {}
        (a, b) if std::mem::discriminant(a) != std::mem::discriminant(b) => {
            out.push(Problem::new(
                here(place),
                "not the same kind of value as in the reference edition",
            ));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn places(reference: Value, edition: Value) -> Vec<String> {
        compare_editions(&reference, &edition)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn translated_text_is_free_and_ids_are_not() {
        let en = json!({"lang": "en", "faq": [{"id": "a", "question": "Why?"}]});
        let km = json!({"lang": "km", "faq": [{"id": "a", "question": "ហេតុអ្វី?"}]});
        assert_eq!(places(en.clone(), km), Vec::<String>::new());
        let renamed = json!({"lang": "km", "faq": [{"id": "b", "question": "ហេតុអ្វី?"}]});
        assert_eq!(
            places(en, renamed),
            ["faq[0].id: the id must be \"a\", as in the reference edition"]
        );
    }

    #[test]
    fn a_missing_or_extra_entry_is_named_by_its_path() {
        let en = json!({"faq": [{"id": "a"}, {"id": "b"}], "story": {"kicker": "K"}});
        let short = json!({"faq": [{"id": "a"}], "story": {"kicker": "K", "extra": "x"}});
        assert_eq!(
            places(en.clone(), short),
            [
                "faq[1]: missing in this edition",
                "story.extra: not in the reference edition"
            ]
        );
        let long =
            json!({"faq": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "story": {"kicker": "K"}});
        assert_eq!(places(en, long), ["faq[2]: not in the reference edition"]);
    }

    #[test]
    fn audiences_are_ids_too() {
        let en = json!({"lists": [{"audience": ["maker"]}]});
        let km = json!({"lists": [{"audience": ["ម"]}]});
        assert_eq!(
            places(en, km),
            ["lists[0].audience[0]: the id must be \"maker\", as in the reference edition"]
        );
    }
}
