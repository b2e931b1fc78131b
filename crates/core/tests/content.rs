//! Native tests of reading and checking content files: the shipped file, and one test per kind of
//! malformed file, each checking the message and its place.
#![cfg(not(target_arch = "wasm32"))]

use explainer_core::content::{parse_content, Problem};
use serde_json::{json, Value};

const VALID: &str = include_str!("fixtures/valid.json");
const SHIPPED: &str = include_str!("../../../public/content/en.json");

fn fixture() -> Value {
    serde_json::from_str(VALID).unwrap()
}

/// The problems found in `doc`, as `place: message` lines.
fn problems(doc: &Value) -> Vec<String> {
    match parse_content(&doc.to_string()) {
        Ok(_) => panic!("expected the content to be rejected"),
        Err(problems) => problems.iter().map(Problem::to_string).collect(),
    }
}

#[test]
fn shipped_content_file_is_valid() {
    let content = parse_content(SHIPPED)
        .unwrap_or_else(|problems| panic!("public/content/en.json has problems:\n{problems:#?}"));
    assert!(!content.story.sections.is_empty());
}

#[test]
fn shipped_story_has_the_shape_the_explainer_promises() {
    let content = parse_content(SHIPPED).unwrap();
    let sections = &content.story.sections;
    // The end-to-end tests address sections by position, up to `sections[8]` (tests/e2e/embed.rs).
    assert!(
        (9..=12).contains(&sections.len()),
        "{} sections",
        sections.len()
    );
    assert!(content.story.key_facts.len() >= 4);
    assert!(
        sections.iter().any(|s| s.perspectives.is_some()),
        "a section shows points of view"
    );
    // Every glossary entry is used somewhere, or it is a definition no reader can open.
    for entry in &content.glossary {
        let reference = format!("[[{}", entry.id);
        assert!(
            SHIPPED.contains(&format!("{reference}]]"))
                || SHIPPED.contains(&format!("{reference}|")),
            "glossary entry {} is never referenced",
            entry.id
        );
    }
}

#[test]
fn fixture_parses_into_typed_content() {
    let content = parse_content(VALID).unwrap();
    assert_eq!(content.story.headline, "Fixture headline");
    assert_eq!(
        content.story.sections[1].list.as_ref().unwrap().items.len(),
        2
    );
    assert_eq!(content.faq[0].section.as_deref(), Some("first"));
    assert_eq!(content.faq[1].section, None);
}

#[test]
fn invalid_json_names_line_and_column() {
    let broken = "{\n  \"lang\": \"en\",\n  \"labels\": {,\n}";
    let problems = parse_content(broken).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].place, "line 3, column 14");
    assert!(
        problems[0].message.starts_with("not valid JSON: "),
        "{}",
        problems[0]
    );
}

#[test]
fn missing_field_is_named_at_its_place() {
    let mut doc = fixture();
    doc["faq"][1].as_object_mut().unwrap().remove("answer");
    assert_eq!(problems(&doc), ["faq[1].answer: missing"]);
}

#[test]
fn missing_top_level_field_is_named() {
    let mut doc = fixture();
    doc.as_object_mut().unwrap().remove("labels");
    assert_eq!(problems(&doc), ["labels: missing"]);
}

#[test]
fn wrong_type_is_named_at_its_place() {
    let mut doc = fixture();
    doc["story"]["sections"][0]["title"] = json!(3);
    assert_eq!(
        problems(&doc),
        ["story.sections[0].title: invalid type: integer `3`, expected a string"]
    );
}

#[test]
fn a_file_that_is_not_an_object_is_named_as_such() {
    assert_eq!(
        problems(&json!(["a", "list"])),
        ["(top level): invalid type: a list, expected an object"]
    );
}

#[test]
fn a_list_of_the_wrong_type_is_named_at_its_place() {
    let mut doc = fixture();
    doc["story"]["sections"][0]["body"] = json!({ "text": "one paragraph" });
    assert_eq!(
        problems(&doc),
        ["story.sections[0].body: invalid type: an object, expected a list"]
    );
    doc["story"]["sections"][0]["body"] = json!(["fine", null]);
    assert_eq!(
        problems(&doc),
        ["story.sections[0].body[1]: invalid type: null, expected a string"]
    );
}

#[test]
fn optional_parts_may_be_null_or_left_out() {
    let mut doc = fixture();
    doc["faq"][0]["section"] = Value::Null;
    doc["checklists"] = Value::Null;
    doc["story"].as_object_mut().unwrap().remove("key_facts");
    doc["story"]["sections"][0]
        .as_object_mut()
        .unwrap()
        .remove("list");
    let content = parse_content(&doc.to_string()).expect("still valid");
    assert_eq!(content.faq[0].section, None);
    assert!(content.story.key_facts.is_empty());
    assert_eq!(content.story.sections[0].list, None);
    assert_eq!(content.checklists, None);
}

#[test]
fn lists_that_may_be_left_out_may_not_be_null() {
    let mut doc = fixture();
    doc["glossary"] = Value::Null;
    assert_eq!(
        problems(&doc),
        ["glossary: invalid type: null, expected a list"]
    );
}

#[test]
fn unknown_field_is_named() {
    let mut doc = fixture();
    doc["story"]["sections"][1]["titel"] = json!("typo");
    let found = problems(&doc);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("story.sections[1].titel: not a known field"),
        "{found:?}"
    );
}

#[test]
fn duplicate_ids_are_reported() {
    let mut doc = fixture();
    doc["story"]["sections"][1]["id"] = json!("first");
    assert_eq!(
        problems(&doc),
        ["story.sections[1].id: \"first\" is used twice"]
    );
}

#[test]
fn ids_must_be_slugs() {
    let mut doc = fixture();
    doc["faq"][0]["id"] = json!("First Question");
    assert_eq!(
        problems(&doc),
        ["faq[0].id: \"First Question\" is not a slug (lower-case letters, digits and single hyphens)"]
    );
}

#[test]
fn dangling_section_reference_is_reported() {
    let mut doc = fixture();
    doc["faq"][0]["section"] = json!("nowhere");
    assert_eq!(
        problems(&doc),
        ["faq[0].section: names section \"nowhere\", which does not exist"]
    );
}

#[test]
fn dangling_glossary_reference_is_reported() {
    let mut doc = fixture();
    doc["story"]["sections"][1]["list"]["items"][0] = json!("About [[nothing]].");
    assert_eq!(
        problems(&doc),
        ["story.sections[1].list.items[0]: refers to glossary term \"nothing\", which does not exist"]
    );
}

#[test]
fn unclosed_glossary_reference_is_reported() {
    let mut doc = fixture();
    doc["story"]["sections"][0]["body"][0] = json!("Broken [[bloc reference.");
    assert_eq!(
        problems(&doc),
        ["story.sections[0].body[0]: a glossary reference opened with [[ is never closed with ]]"]
    );
}

#[test]
fn empty_text_is_reported() {
    let mut doc = fixture();
    doc["labels"]["key_facts"] = json!("   ");
    assert_eq!(problems(&doc), ["labels.key_facts: must not be empty"]);
}

#[test]
fn points_of_view_need_two_tabs_with_unique_ids() {
    let mut doc = fixture();
    let tabs = &mut doc["story"]["sections"][1]["perspectives"]["tabs"];
    tabs[1]["id"] = json!("left");
    tabs[2]["items"] = json!([]);
    assert_eq!(
        problems(&doc),
        [
            "story.sections[1].perspectives.tabs[2].items: needs at least one item",
            "story.sections[1].perspectives.tabs[1].id: \"left\" is used twice",
        ]
    );
    let mut doc = fixture();
    doc["story"]["sections"][1]["perspectives"]["tabs"] =
        json!([{ "id": "only", "label": "Only", "intro": "Alone:", "items": ["One"] }]);
    assert_eq!(
        problems(&doc),
        ["story.sections[1].perspectives.tabs: needs at least two points of view"]
    );
    let mut doc = fixture();
    let seven: Vec<Value> = (0..7)
        .map(|i| json!({ "id": format!("view-{i}"), "label": "A view", "intro": "It:", "items": ["One"] }))
        .collect();
    doc["story"]["sections"][1]["perspectives"]["tabs"] = json!(seven);
    assert_eq!(
        problems(&doc),
        ["story.sections[1].perspectives.tabs: has more than six points of view; split them across sections"]
    );
}

#[test]
fn empty_lists_are_reported() {
    let mut doc = fixture();
    doc["story"]["sections"][0]["body"] = json!([]);
    doc["story"]["sections"][1]["list"]["items"] = json!([]);
    assert_eq!(
        problems(&doc),
        [
            "story.sections[0].body: needs at least one paragraph",
            "story.sections[1].list.items: needs at least one item",
        ]
    );
}

#[test]
fn every_problem_is_listed_at_once() {
    let mut doc = fixture();
    doc["story"]["headline"] = json!("");
    doc["story"]["sections"][1]["title"] = json!("");
    doc["faq"][1]["id"] = json!("one");
    doc["faq"][0]["section"] = json!("gone");
    assert_eq!(
        problems(&doc),
        [
            "story.headline: must not be empty",
            "story.sections[1].title: must not be empty",
            "faq[1].id: \"one\" is used twice",
            "faq[0].section: names section \"gone\", which does not exist",
        ]
    );
}

#[test]
fn hostile_markup_is_kept_as_plain_text() {
    let mut doc = fixture();
    let hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    doc["story"]["headline"] = json!(hostile);
    let content = parse_content(&doc.to_string()).unwrap();
    assert_eq!(content.story.headline, hostile);
}

#[test]
fn faq_answers_take_no_glossary_markup() {
    let mut doc = fixture();
    doc["faq"][0]["answer"] = json!("About [[bloc]].");
    assert_eq!(
        problems(&doc),
        ["faq[0].answer: glossary references [[…]] are not available in answers; write the words plainly"]
    );
}

#[test]
fn an_editions_digits_must_be_ten_distinct_digits() {
    let mut doc = fixture();
    doc["labels"]["digits"] = json!("០១២៣៤៥៦៧៨");
    assert_eq!(
        problems(&doc),
        ["labels.digits: must be the ten digits zero to nine, not 9 characters"]
    );
    doc["labels"]["digits"] = json!("០១២៣៤៥៦៧៨៩");
    assert!(parse_content(&doc.to_string()).is_ok());
}

#[test]
fn label_templates_must_keep_their_blanks() {
    let mut doc = fixture();
    doc["labels"]["faq_filter_count"] = json!("{shown} questions");
    doc["labels"]["faq_no_match"] = json!("Nothing found");
    assert_eq!(
        problems(&doc),
        [
            "labels.faq_filter_count: must contain the blank {total}",
            "labels.faq_no_match: must contain the blank {query}",
        ]
    );
}

#[test]
fn faq_json_ld_lists_every_question_with_its_answer() {
    let content = parse_content(VALID).unwrap();
    let page = explainer_core::content::schema_org::faq_page(&content);
    assert_eq!(page["@type"], "FAQPage");
    assert_eq!(page["@context"], "https://schema.org");
    let questions = page["mainEntity"].as_array().unwrap();
    assert_eq!(questions.len(), content.faq.len());
    for (question, entry) in questions.iter().zip(&content.faq) {
        assert_eq!(question["@type"], "Question");
        assert_eq!(question["name"], entry.question.as_str());
        assert_eq!(question["acceptedAnswer"]["@type"], "Answer");
        assert_eq!(question["acceptedAnswer"]["text"], entry.answer.as_str());
    }
}

#[test]
fn shipped_faq_has_at_least_ten_questions_each_linked_to_a_section() {
    let content = parse_content(SHIPPED).unwrap();
    assert!(content.faq.len() >= 10, "{} questions", content.faq.len());
    assert!(content.faq.iter().all(|e| e.section.is_some()));
}

mod checklists {
    use super::*;
    use explainer_core::content::numbers::Digits;
    use explainer_core::plan::Plan;
    use explainer_core::plan_export::{export, Format};

    fn checklists() -> explainer_core::content::model::Checklists {
        parse_content(VALID).unwrap().checklists.unwrap()
    }

    fn plan(role: &str, done: &[&str]) -> Plan {
        Plan {
            role: Some(role.into()),
            done: done.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn lists_come_in_the_order_that_suits_the_role() {
        let lists = checklists();
        let titles = |role| {
            lists
                .lists_for(role)
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(Some("watcher")), ["watchers", "makers"]);
        assert_eq!(titles(Some("maker")), ["makers", "watchers"]);
        assert_eq!(titles(None), ["makers", "watchers"]);
    }

    #[test]
    fn text_export_lists_every_item_with_its_tick() {
        let text = export(
            &plan("watcher", &["build-two"]),
            &checklists(),
            &Digits::default(),
            Format::Text,
        );
        assert_eq!(
            text,
            "Export title\nRole: A watcher\n1/3\nGuidance note\n\
             \nWatchers' list (0/1)\n\n  Watch\n  [ ] Watch one\n\
             \nMakers' list (1/2)\n\n  Build\n  [ ] Build one\n  [x] Build two\n"
        );
    }

    #[test]
    fn markdown_export_is_a_task_list_with_text_escaped() {
        let mut lists = checklists();
        lists.lists[0].groups[0].items[0].text = "<b>*Build*</b> [one](x)".into();
        let md = export(
            &plan("maker", &["build-one"]),
            &lists,
            &Digits::default(),
            Format::Markdown,
        );
        assert!(
            md.starts_with("# Export title\n\nRole: A maker\n1/3\n\n_Guidance note_\n"),
            "{md}"
        );
        assert!(
            md.contains("\n## Makers' list (1/2)\n\n### Build\n\n"),
            "{md}"
        );
        assert!(
            md.contains("- [x] \\<b\\>\\*Build\\*\\</b\\> \\[one\\]\\(x\\)\n"),
            "{md}"
        );
        assert!(md.contains("- [ ] Build two\n"), "{md}");
    }

    #[test]
    fn item_ids_must_be_unique_across_lists() {
        let mut doc = fixture();
        doc["checklists"]["lists"][1]["groups"][0]["items"][0]["id"] = json!("build-one");
        assert_eq!(
            problems(&doc),
            ["checklists.lists[1].groups[0].items[0].id: \"build-one\" is used twice"]
        );
    }

    #[test]
    fn audiences_must_name_real_roles() {
        let mut doc = fixture();
        doc["checklists"]["lists"][0]["audience"] = json!(["maker", "astronaut"]);
        assert_eq!(
            problems(&doc),
            ["checklists.lists[0].audience[1]: names role \"astronaut\", which does not exist"]
        );
    }

    #[test]
    fn checklist_templates_keep_their_blanks() {
        let mut doc = fixture();
        doc["checklists"]["labels"]["progress"] = json!("{done} finished");
        assert_eq!(
            problems(&doc),
            ["checklists.labels.progress: must contain the blank {total}"]
        );
    }

    #[test]
    fn the_shipped_checklists_cover_the_article() {
        let content = parse_content(SHIPPED).unwrap();
        let lists = content.checklists.expect("the shipped file has checklists");
        let groups = |id: &str| {
            lists
                .lists
                .iter()
                .find(|l| l.id == id)
                .map(|l| l.groups.len())
        };
        // Steps to take before committing money, then one group per opening the article names.
        assert_eq!(groups("cambodian-opportunities"), Some(1 + 5));
        assert_eq!(groups("american-opportunities"), Some(1 + 4));
        let areas = &lists
            .lists
            .iter()
            .find(|l| l.id == "wider-cooperation")
            .unwrap()
            .groups[0];
        assert_eq!(areas.items.len(), 5);
        for list in &lists.lists[..2] {
            for group in &list.groups {
                assert!(
                    (2..=4).contains(&group.items.len()),
                    "{}: {} steps",
                    group.id,
                    group.items.len()
                );
            }
        }
    }
}

#[test]
fn the_khmer_edition_is_valid_and_matches_the_english_in_ids_and_shape() {
    const KHMER: &str = include_str!("../../../public/content/km.json");
    let khmer = parse_content(KHMER).unwrap_or_else(|problems| panic!("{problems:?}"));
    assert_eq!(khmer.lang, "km");
    // Every number on the Khmer page is written in Khmer digits.
    assert_eq!(khmer.labels.digits.format(34), "៣៤");
    let problems = explainer_core::content::editions::compare_editions(
        &serde_json::from_str(SHIPPED).unwrap(),
        &serde_json::from_str(KHMER).unwrap(),
    );
    assert!(problems.is_empty(), "{problems:?}");
}

/// Names as Cambodian coverage of the meeting wrote them (docs/content.md, "Khmer"), and the
/// article's "gains" as benefits (ផលប្រយោជន៍), not profit (ផលចំណេញ), which only a joint
/// venture's shared rewards are.
#[test]
fn the_khmer_edition_writes_names_and_gains_as_cambodian_readers_expect() {
    const KHMER: &str = include_str!("../../../public/content/km.json");
    let mut texts = Vec::new();
    edition_strings(&serde_json::from_str(KHMER).unwrap(), "", &mut texts);
    for (place, said) in &texts {
        for (written, expected) in [("ឡានដូ", "ឡានដាវ"), ("គ្រីស្តូហ្វ័រ", "គ្រីស្តូហ្វឺ")]
        {
            assert!(
                !said.contains(written),
                "{place}: {written} (write {expected}): {said}"
            );
        }
        if said.contains("ផលចំណេញ") {
            assert_eq!(
                place, "glossary[9].definition",
                "{place} says profit: {said}"
            );
        }
    }
    assert!(texts
        .iter()
        .any(|(_, said)| said.contains("លោក គ្រីស្តូហ្វឺ ឡានដាវ")));
}

/// Every string of an edition's story, labels and lists with its place (the translation record
/// left out).
fn edition_strings(value: &Value, place: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(said) => out.push((place.to_string(), said.clone())),
        Value::Array(items) => (items.iter().enumerate())
            .for_each(|(i, item)| edition_strings(item, &format!("{place}[{i}]"), out)),
        Value::Object(fields) => (fields.iter())
            .filter(|(key, _)| *key != "translated_from")
            .for_each(|(key, field)| {
                let at = if place.is_empty() {
                    key.clone()
                } else {
                    format!("{place}.{key}")
                };
                edition_strings(field, &at, out)
            }),
        _ => {}
    }
}

#[test]
fn a_section_cannot_take_the_slug_of_another_part() {
    let mut doc = fixture();
    doc["story"]["sections"][0]["id"] = json!("faq");
    doc["faq"][0]["section"] = json!("faq");
    doc["locator_map"]["section"] = json!("faq");
    assert_eq!(
        problems(&doc),
        ["story.sections[0].id: \"faq\" names another part of the page; a section cannot take it"]
    );
}

#[test]
fn publishing_dates_are_checked_at_their_places() {
    let mut doc = fixture();
    doc["publication"]["published"] = json!("2026-02-30");
    doc["publication"]["updated"] = json!("yesterday");
    assert_eq!(
        problems(&doc),
        [
            "publication.published: \"2026-02-30\" names no day of the calendar",
            "publication.updated: \"yesterday\" is not a date: expected an ISO 8601 date such as 2026-12-01 or 2026-12-01T09:30+07:00",
        ]
    );
    let mut doc = fixture();
    doc["publication"]["updated"] = json!("2026-11-29T23:00Z");
    assert_eq!(
        problems(&doc),
        ["publication.updated: \"2026-11-29T23:00Z\" is before the first publication, \"2026-11-30\""]
    );
    let mut doc = fixture();
    doc["labels"]["months"] = json!(["January"]);
    doc["labels"]["date_format"] = json!("{day} {month}");
    assert_eq!(
        problems(&doc),
        [
            "labels.date_format: must contain the blank {year}",
            "labels.months: needs the twelve months' names, January first; found 1",
        ]
    );
}

#[test]
fn the_locator_map_is_checked_at_its_places() {
    let mut doc = fixture();
    doc["locator_map"]["section"] = json!("nowhere");
    doc["locator_map"]["extent"] = json!([142.0, -12.0, 91.0, 29.0]);
    doc["locator_map"]["members"][1] = json!("Thailand");
    doc["locator_map"]["labels"][0]["at"] = json!([10.0, 50.0]);
    doc["locator_map"]["labels"][0]["country"] = json!("KH");
    doc["locator_map"]["labels"][0]["leader"] = json!([[10.0, 50.0]]);
    assert_eq!(
        problems(&doc),
        [
            "locator_map.section: names section \"nowhere\", which does not exist",
            "locator_map.extent: must be [west, south, east, north] in degrees, west of east and south of north",
            "locator_map.members[1]: \"Thailand\" is not an ISO 3166-1 numeric code such as \"116\"",
            "locator_map.labels[0].country: \"KH\" is not an ISO 3166-1 numeric code such as \"116\"",
            "locator_map.labels[0].leader: needs two points or more: one under the name, one inside the country",
            "locator_map.labels[0].at: lies outside the map's extent",
            "locator_map.labels[0].leader: lies outside the map's extent",
        ]
    );
}
