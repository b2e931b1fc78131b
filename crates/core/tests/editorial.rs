//! The editorial rules of the shipped content file (issue 12), checked natively: the story stays
//! short, every summary is one sentence, no run of six words is copied from the source article
//! (checked against its fingerprint, so no copy of the article is needed), the
//! story opens with what happened, the checklists prepare rather than promise, and a plan saved
//! with the content from before the editorial pass still loads.
//!
//! The content is read as plain JSON (`serde_json::Value`), so these checks do not depend on the
//! crate's model; only the plan test uses the crate's public plan API, as the app does.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::path::PathBuf;

use explainer_core::content::model::Checklists;
use explainer_core::content::parse_content;
use explainer_core::copy_check::{words, Fingerprint, RUN};
use explainer_core::plan::{Plan, Progress};
use serde_json::Value;

const SHIPPED: &str = include_str!("../../../public/content/en.json");
/// The content file as it was before the editorial pass.
const BEFORE: &str = include_str!("fixtures/en-before-editorial.json");

/// The fingerprint of the source article: a hash of each of its runs of six words, and
/// nothing of its text (`scripts/fingerprint-article` makes it where the article is at hand).
const FINGERPRINT: &str = include_str!("fixtures/article-fingerprint.txt");
/// The source article where CI keeps it, beside the checkout; a clone elsewhere has none.
const ARTICLE: &str = "../../../shared/source/000_0a166dd15d07314d.txt";

/// Words in the full story and in the short read.
const MAX_FULL_WORDS: usize = 1000;
const MAX_SHORT_WORDS: usize = 250;

/// The sentence the "What happened" section uses to say that nothing was agreed.
const NOTHING_AGREED: &str = "The article reports no agreement, figure or date.";

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).expect("public/content/en.json is JSON")
}

fn fingerprint() -> Fingerprint {
    Fingerprint::from_file(FINGERPRINT)
        .unwrap_or_else(|e| panic!("tests/fixtures/article-fingerprint.txt: {e}"))
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected text, found {value}"))
}

fn array(value: &Value) -> &[Value] {
    value.as_array().map_or(&[], Vec::as_slice)
}

/// Text as the reader sees it: `[[id]]` shows the glossary term, `[[id|words]]` the words.
fn displayed(raw: &str, glossary: &Value) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(start) = rest.find("[[") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("]]") else {
            break;
        };
        let inner = &rest[start + 2..start + len];
        match inner.split_once('|') {
            Some((_, shown)) => out.push_str(shown),
            None => {
                let term = array(glossary)
                    .iter()
                    .find(|g| g["id"] == inner)
                    .map_or(inner, |g| text(&g["term"]));
                out.push_str(term);
            }
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// Every string in a JSON value, with its place (`story.sections[2].title`).
fn strings<'a>(value: &'a Value, place: String, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::String(s) => out.push((place, s.as_str())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{place}[{i}]"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let place = if place.is_empty() {
                    key.clone()
                } else {
                    format!("{place}.{key}")
                };
                strings(item, place, out);
            }
        }
        _ => {}
    }
}

/// The texts of the short read: headline, standfirst, key facts and section summaries.
fn short_read(story: &Value) -> Vec<&str> {
    let mut texts = vec![text(&story["headline"]), text(&story["standfirst"])];
    for fact in array(&story["key_facts"]) {
        texts.extend([text(&fact["label"]), text(&fact["value"])]);
    }
    for section in array(&story["sections"]) {
        texts.push(text(&section["summary"]));
    }
    texts
}

/// The texts of the full story: the short read, and every section's title, body, list, fact
/// card and points of view. (The kicker, a tag above the headline, is left out.)
fn full_story(story: &Value) -> Vec<&str> {
    let mut texts = short_read(story);
    for section in array(&story["sections"]) {
        texts.push(text(&section["title"]));
        texts.extend(array(&section["body"]).iter().map(text));
        if let Some(list) = section.get("list").filter(|l| !l.is_null()) {
            texts.push(text(&list["intro"]));
            texts.extend(array(&list["items"]).iter().map(text));
        }
        if let Some(fact) = section.get("fact").filter(|f| !f.is_null()) {
            texts.extend([text(&fact["label"]), text(&fact["value"])]);
        }
        if let Some(perspectives) = section.get("perspectives").filter(|p| !p.is_null()) {
            texts.push(text(&perspectives["label"]));
            for tab in array(&perspectives["tabs"]) {
                texts.extend([text(&tab["label"]), text(&tab["intro"])]);
                texts.extend(array(&tab["items"]).iter().map(text));
                if let Some(note) = tab.get("note").and_then(Value::as_str) {
                    texts.push(note);
                }
            }
        }
    }
    texts
}

/// Words as a reader counts them: what is shown, split at spaces.
fn word_count(texts: &[&str], glossary: &Value) -> usize {
    texts
        .iter()
        .map(|t| displayed(t, glossary).split_whitespace().count())
        .sum()
}

/// How many sentences `text` holds: words ending in `.`, `!` or `?` (before any closing quote
/// or bracket), except abbreviations with an inner full stop such as "U.S." or "D.C." unless
/// they end the text.
fn sentence_count(text: &str) -> usize {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    tokens
        .iter()
        .enumerate()
        .filter(|(i, token)| {
            let token = token.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
            let Some(head) = token.strip_suffix(['.', '!', '?']) else {
                return false;
            };
            // "U.S." ends a sentence only where the text ends.
            !head.contains('.') || *i == tokens.len() - 1
        })
        .count()
}

#[test]
fn the_full_story_and_the_short_read_stay_short() {
    let doc = shipped();
    let (story, glossary) = (&doc["story"], &doc["glossary"]);
    let full = word_count(&full_story(story), glossary);
    let short = word_count(&short_read(story), glossary);
    println!("full story: {full} words; short read: {short} words");
    assert!(
        full <= MAX_FULL_WORDS,
        "the full story has {full} words; the limit is {MAX_FULL_WORDS}"
    );
    assert!(
        short <= MAX_SHORT_WORDS,
        "the short read has {short} words; the limit is {MAX_SHORT_WORDS}"
    );
}

#[test]
fn every_summary_is_one_sentence() {
    let doc = shipped();
    for (i, section) in array(&doc["story"]["sections"]).iter().enumerate() {
        let summary = text(&section["summary"]);
        assert_eq!(
            sentence_count(summary),
            1,
            "story.sections[{i}].summary should be one sentence: {summary}"
        );
    }
}

#[test]
fn sentences_are_counted_past_abbreviations() {
    assert_eq!(
        sentence_count("The U.S. met Cambodia in Washington, D.C., today."),
        1
    );
    assert_eq!(sentence_count("Talks went well. Both sides said so."), 2);
    assert_eq!(sentence_count("Was it “a deal?” No."), 2);
    assert_eq!(sentence_count("Interest grew in the U.S."), 1);
    assert_eq!(sentence_count("No full stop at the end"), 0);
}

#[test]
fn no_content_copies_a_run_of_six_words_from_the_article() {
    let print = fingerprint();
    let doc = shipped();
    let mut texts = Vec::new();
    strings(&doc, String::new(), &mut texts);
    let copied: Vec<String> = texts
        .iter()
        .flat_map(|(place, raw)| {
            print
                .shared_runs(&displayed(raw, &doc["glossary"]))
                .into_iter()
                .map(move |run| format!("{place}: “{run}”"))
        })
        .collect();
    assert!(
        copied.is_empty(),
        "{} runs of {RUN} words are copied from the article; reword them:\n{}",
        copied.len(),
        copied.join("\n")
    );
}

/// Where the article is at hand (in CI, beside the checkout), the fingerprint kept in the
/// repository must be the article's as the check makes it now; elsewhere there is nothing to
/// compare, and the kept fingerprint is all the copy check uses.
#[test]
fn the_kept_fingerprint_is_the_articles() {
    let print = fingerprint();
    assert!(print.len() > 1000, "only {} runs", print.len());
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(ARTICLE);
    if let Ok(article) = std::fs::read_to_string(&path) {
        assert!(
            Fingerprint::of(&article) == print,
            "the fingerprint is out of date with {}: run scripts/fingerprint-article",
            path.display()
        );
    }
}

#[test]
fn glossary_markup_is_read_as_the_words_shown() {
    let glossary = serde_json::json!([{ "id": "asean", "term": "ASEAN", "definition": "A bloc." }]);
    assert_eq!(
        displayed("Into [[asean]] and [[fdi|direct investment]].", &glossary),
        "Into ASEAN and direct investment."
    );
}

#[test]
fn the_story_opens_with_what_happened_and_says_nothing_was_agreed() {
    let doc = shipped();
    let first = &array(&doc["story"]["sections"])[0];
    assert_eq!(first["id"], "the-meeting");
    assert_eq!(first["title"], "What happened");
    let body: Vec<&str> = array(&first["body"]).iter().map(text).collect();
    assert!(
        body.iter().any(|p| p.contains(NOTHING_AGREED)),
        "the first section should say: {NOTHING_AGREED}"
    );
}

#[test]
fn the_articles_images_are_not_section_titles() {
    let doc = shipped();
    for section in array(&doc["story"]["sections"]) {
        let title = words(text(&section["title"]));
        for image in ["engine", "soil", "crops", "tree"] {
            assert!(
                !title.iter().any(|w| w == image),
                "section {} is titled with the article's image “{image}”",
                section["id"]
            );
        }
    }
}

/// The questions business readers ask first, where the article is silent: each must be
/// answered, saying what the article does not report.
const SILENT_QUESTIONS: &[(&str, &str)] = &[
    ("tariffs-market-access", "no figure"),
    ("plane-order-size", "no number of jets and no price"),
    ("board-of-peace", "does not explain"),
    ("what-to-do-now", "gives no advice"),
];

#[test]
fn the_faq_answers_what_business_readers_ask_first() {
    let doc = shipped();
    let faq = array(&doc["faq"]);
    assert!(faq.len() >= 14, "{} questions", faq.len());
    for (id, says) in SILENT_QUESTIONS {
        let entry = faq
            .iter()
            .find(|e| e["id"] == *id)
            .unwrap_or_else(|| panic!("no question {id}"));
        let answer = text(&entry["answer"]);
        assert!(
            answer.contains(says),
            "faq {id} should say “{says}”: {answer}"
        );
    }
}

/// Every sentence of `text`, split after `.`, `!` or `?` and a space.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        current.push_str(word);
        if word.ends_with(['.', '!', '?']) && !word.trim_end_matches('.').contains('.') {
            out.push(std::mem::take(&mut current));
        } else {
            current.push(' ');
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

#[test]
fn attribution_varies_in_form() {
    let doc = shipped();
    let opening_with_the_article = |texts: Vec<&str>| {
        texts
            .iter()
            .flat_map(|t| sentences(t))
            .filter(|s| s.starts_with("The article"))
            .count()
    };
    let story = opening_with_the_article(full_story(&doc["story"]));
    let answers = opening_with_the_article(
        array(&doc["faq"])
            .iter()
            .map(|e| text(&e["answer"]))
            .collect(),
    );
    let group_texts = opening_with_the_article(
        array(&doc["checklists"]["lists"])
            .iter()
            .flat_map(|l| array(&l["groups"]))
            .filter_map(|g| g["text"].as_str())
            .collect(),
    );
    assert!(
        story <= 4,
        "{story} story sentences open with “The article”"
    );
    assert!(
        answers <= 4,
        "{answers} FAQ answers open with “The article”"
    );
    assert_eq!(
        group_texts, 0,
        "checklist group texts opening with “The article”"
    );
}

/// Ways of saying that the meeting produced nothing binding, and the places where that is
/// said: the opening, the key facts, the checklists' intro and the FAQ entry that asks.
const CAVEATS: &[&str] = &[
    "no agreement",
    "not agreements",
    "nothing was agreed",
    "as agreed",
    "not reported outcomes",
    "not announced policy",
];
const CAVEAT_PLACES: &[&str] = &[
    "story.sections[0].body",
    "story.key_facts",
    "checklists.intro",
    "faq[3].answer",
];

#[test]
fn the_caveat_is_said_where_it_matters_and_nowhere_else() {
    let doc = shipped();
    let mut texts = Vec::new();
    strings(&doc, String::new(), &mut texts);
    let misplaced: Vec<&str> = texts
        .iter()
        .filter(|(_, t)| CAVEATS.iter().any(|c| t.to_lowercase().contains(c)))
        .map(|(place, _)| place.as_str())
        .filter(|place| !CAVEAT_PLACES.iter().any(|p| place.starts_with(p)))
        .collect();
    assert_eq!(misplaced, Vec::<&str>::new(), "the caveat is repeated here");
    assert_eq!(array(&doc["faq"])[3]["id"], "any-agreement");
}

#[test]
fn no_sentence_is_said_twice() {
    let doc = shipped();
    let mut texts = Vec::new();
    strings(&doc, String::new(), &mut texts);
    let mut seen = HashSet::new();
    for (place, raw) in &texts {
        for sentence in sentences(raw) {
            // Headings and list items (no full stop) may mirror each other; sentences may not.
            if sentence.ends_with(['.', '!', '?']) && sentence.split_whitespace().count() >= 6 {
                assert!(seen.insert(sentence.clone()), "{place} repeats: {sentence}");
            }
        }
    }
}

/// Institutions and official resources the checklists may point to, each checked against its
/// own published description (see docs/content.md, "Editorial rules").
const INSTITUTIONS: &[&str] = &[
    "Harmonized Tariff Schedule",
    "U.S. International Trade Commission",
    "U.S. Customs and Border Protection",
    "Food and Drug Administration",
    "Food Safety and Inspection Service",
    "Cambodia National Trade Repository",
    "Ministry of Commerce",
    "General Department of Customs and Excise",
    "Country Commercial Guide for Cambodia",
    "Council for the Development of Cambodia",
    "AmCham Cambodia",
    "ASEAN Trade in Goods Agreement",
];

#[test]
fn the_checklists_say_where_to_look() {
    let doc = shipped();
    let items: Vec<&str> = array(&doc["checklists"]["lists"])
        .iter()
        .flat_map(|l| array(&l["groups"]))
        .flat_map(|g| array(&g["items"]))
        .map(|i| text(&i["text"]))
        .collect();
    let named: Vec<&&str> = INSTITUTIONS
        .iter()
        .filter(|name| items.iter().any(|item| item.contains(**name)))
        .collect();
    assert!(named.len() >= 6, "only {named:?} are named");
}

#[test]
fn the_checklists_prepare_for_openings_rather_than_promise_them() {
    let doc = shipped();
    let checklists = &doc["checklists"];
    assert_eq!(checklists["heading"], "If ties deepen: how to prepare");
    let lists = array(&checklists["lists"]);
    let watch = lists
        .iter()
        .find(|l| l["id"] == "what-to-watch")
        .expect("a watch list");
    let items: Vec<&str> = array(&watch["groups"])
        .iter()
        .flat_map(|g| array(&g["items"]))
        .map(|i| text(&i["id"]))
        .collect();
    assert_eq!(
        items,
        [
            "answer-trade",
            "answer-investment",
            "answer-regulation",
            "answer-security"
        ],
        "the watch list is the article's four open questions"
    );
    // Things to watch for, not headlines: an exported plan must not read as news. So are the
    // ideas the article floats, which a reader following the story ticks as news settles them.
    for list in lists
        .iter()
        .filter(|l| array(&l["audience"]) == ["following"])
    {
        for item in array(&list["groups"])
            .iter()
            .flat_map(|g| array(&g["items"]))
        {
            let said = text(&item["text"]);
            assert!(said.starts_with("Whether "), "{}: {said}", list["id"]);
        }
    }
}

/// The article dates neither the meeting nor the plane purchase, so the explainer, dated by the
/// newsroom, calls nothing in the story recent; and it reports the absence of an agreement
/// rather than asserting it.
#[test]
fn the_story_is_not_dated_beyond_what_the_article_says() {
    let doc = shipped();
    let mut texts = Vec::new();
    strings(&doc, String::new(), &mut texts);
    for (place, said) in &texts {
        let said_words = words(said);
        assert!(
            !said_words.iter().any(|w| w == "recent" || w == "recently"),
            "{place} calls something recent: {said}"
        );
        assert!(
            !said.to_lowercase().contains("nothing was agreed"),
            "{place} asserts what the article only does not report: {said}"
        );
    }
    let facts = array(&doc["story"]["key_facts"]);
    assert!(
        facts.iter().any(|f| f["label"] == "When"
            && text(&f["value"]).contains("Not dated in the article")),
        "a key fact says the article gives no date"
    );
    assert!(
        !text(&doc["story"]["headline"]).contains(" meets "),
        "the headline tells a past meeting in the past"
    );
}

/// Section and FAQ ids that the editorial pass retired; every other id of the earlier file
/// still exists, so links to `#<section>` and `#faq-<id>` keep working.
const RETIRED_SECTIONS: &[&str] = &["us-support", "pragmatic-tone"];
const RETIRED_FAQ: &[&str] = &["aircraft-signal", "goods-sold", "transnational-crime"];
/// Checklist items the editorial pass removed: plans drop their ticks.
const RETIRED_ITEMS: &[&str] = &[
    "export-paperwork",
    "watch-trade-volumes",
    "watch-investment",
    "watch-market-access",
    "watch-regulations",
    "watch-supply-chains",
];

#[test]
fn ids_of_surviving_entries_are_kept() {
    let (before, after) = (serde_json::from_str::<Value>(BEFORE).unwrap(), shipped());
    let ids = |doc: &Value, path: &[&str]| -> Vec<String> {
        let list = path.iter().fold(doc, |v, key| &v[*key]);
        array(list)
            .iter()
            .map(|e| text(&e["id"]).to_string())
            .collect()
    };
    for (path, retired) in [
        (&["story", "sections"][..], RETIRED_SECTIONS),
        (&["faq"][..], RETIRED_FAQ),
    ] {
        let now = ids(&after, path);
        let gone: Vec<String> = ids(&before, path)
            .into_iter()
            .filter(|id| !now.contains(id))
            .collect();
        assert_eq!(gone, retired, "{} ids that went", path.join("."));
    }
}

#[test]
fn a_plan_saved_with_the_earlier_content_loads_with_the_new() {
    // The earlier file's checklists (the file as a whole predates fields added since).
    let before: Checklists = serde_json::from_value(
        serde_json::from_str::<Value>(BEFORE).unwrap()["checklists"].clone(),
    )
    .expect("the earlier checklists are well-formed");
    let after = parse_content(SHIPPED)
        .expect("the shipped content is valid")
        .checklists
        .unwrap();
    let old_items: Vec<&str> = before.item_ids().collect();
    let new_items: HashSet<&str> = after.item_ids().collect();
    let kept: HashSet<String> = old_items
        .iter()
        .filter(|id| new_items.contains(*id))
        .map(|id| id.to_string())
        .collect();
    let dropped: Vec<&str> = old_items
        .iter()
        .copied()
        .filter(|id| !new_items.contains(id))
        .collect();
    assert_eq!(dropped, RETIRED_ITEMS);

    for role in before.role_ids() {
        // Every item of the earlier file ticked, stored as the app stores it.
        let plan = Plan {
            role: Some(role.to_string()),
            done: old_items.iter().map(|id| id.to_string()).collect(),
        };
        let text = plan.to_stored().to_string();
        let stored = Plan::from_stored(&text.parse().expect("the stored plan parses"))
            .expect("the stored plan reads back");
        let fitted = stored.fitted_to(after.item_ids(), &after.role_ids());
        assert_eq!(
            fitted.done, kept,
            "ticks on surviving items stay, the rest go"
        );
        assert_eq!(fitted.role.as_deref(), Some(role), "the role survives");
        assert_eq!(
            fitted.progress(after.item_ids()),
            Progress {
                done: kept.len(),
                total: new_items.len()
            }
        );

        // A share link made with the earlier file opens the same plan: no removed item's
        // code is taken by a new item.
        let link = plan.share_code(before.item_ids());
        let shared = Plan::from_share_code(&link, after.item_ids(), &after.role_ids())
            .expect("the earlier link reads");
        assert_eq!(shared, fitted);
    }
}
