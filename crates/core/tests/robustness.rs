//! Property tests: the content parser and validator, the inline markup reader, the filter and
//! the share-code decoder never panic, whatever they are given; and the filter folds a text's
//! NFC and NFD forms alike, in both editions.
#![cfg(not(target_arch = "wasm32"))]

use explainer_core::content::inline;
use explainer_core::content::parse_content;
use explainer_core::plan::Plan;
use explainer_core::text_match::{match_ranges, query_words, split_marked};
use proptest::prelude::*;
use serde_json::Value;

const VALID: &str = include_str!("fixtures/valid.json");

/// Any JSON value, a few levels deep, strings included.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path to a value inside `doc`, as JSON pointers.
fn pointers(doc: &Value, at: String, out: &mut Vec<String>) {
    match doc {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                pointers(item, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn parsing_any_text_never_panics(text in ".{0,200}") {
        let _ = parse_content(&text);
    }

    #[test]
    fn parsing_any_json_never_panics(value in any_json()) {
        let _ = parse_content(&value.to_string());
    }

    /// The valid file with one value anywhere in it replaced: rejected or accepted, never a panic.
    #[test]
    fn a_valid_file_with_one_value_changed_never_panics(pick in any::<prop::sample::Index>(), value in any_json()) {
        let mut doc: Value = serde_json::from_str(VALID).unwrap();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let pointer = pick.get(&all).clone();
        if let Some(slot) = doc.pointer_mut(&pointer) {
            *slot = value;
        }
        let _ = parse_content(&doc.to_string());
    }

    #[test]
    fn inline_markup_never_panics(text in r"[\[\]|a-z ]{0,40}") {
        let _ = inline::parse(&text);
    }

    #[test]
    fn filtering_and_marking_never_panic(text in ".{0,60}", query in ".{0,20}") {
        let ranges = match_ranges(&text, &query_words(&query));
        let pieces = split_marked(&text, &ranges);
        prop_assert_eq!(pieces.iter().map(|(p, _)| *p).collect::<String>(), text);
    }

    #[test]
    fn share_codes_never_panic_and_what_they_accept_round_trips(code in "[0-9A-Za-z_.-]{0,30}|.{0,30}") {
        let items = ["build-one", "build-two", "watch-one"];
        let roles = ["maker", "watcher"];
        if let Ok(plan) = Plan::from_share_code(&code, items, &roles) {
            let again = Plan::from_share_code(&plan.share_code(items), items, &roles);
            prop_assert_eq!(again, Ok(plan));
        }
    }

    #[test]
    fn stored_plans_never_panic(text in ".{0,80}") {
        if let Ok(json) = text.parse() {
            let _ = Plan::from_stored(&json);
        }
    }
}

/// Every string in a content file.
fn strings(doc: &Value, out: &mut Vec<String>) {
    match doc {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| strings(item, out)),
        Value::Object(fields) => fields.values().for_each(|item| strings(item, out)),
        _ => {}
    }
}

#[test]
fn the_filter_folds_composed_and_decomposed_text_alike() {
    let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    let nfd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd();
    let mut texts = vec!["Crème brûlée, ŁÓDŹ".to_string()];
    for file in [
        include_str!("../../../public/content/en.json"),
        include_str!("../../../public/content/km.json"),
    ] {
        strings(&serde_json::from_str(file).unwrap(), &mut texts);
    }
    for text in &texts {
        let (composed, decomposed) = (nfc.normalize(text), nfd.normalize(text));
        assert_eq!(query_words(&composed), query_words(&decomposed), "{text}");
        assert!(
            !match_ranges(&composed, &query_words(&decomposed)).is_empty()
                || text.trim().is_empty(),
            "{text}"
        );
    }
}
