//! The pages as the build renders them: every reader-visible string of the content file, in
//! order; islands with no props, their words in the page; hostile text escaped; and content problems stopping
//! the build with their file and place.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use explainer_core::content::parts::embeddable_parts;
use explainer_core::content::{parse_content, Content};
use explainer_core::names::island_base_name;
use explainer_core::page_kind::Edition;
use explainer_core::page_kind::PageKind;
use explainer_prerender::content_files;
use explainer_prerender::translation_record::{mark_translated, Places};
use partnership_explainer::ui::islands::embed_code::EmbedLabels;
use partnership_explainer::ui::islands::faq::FaqLabels;
use serde_json::Value;

const SHIPPED: &str = include_str!("../../../public/content/en.json");
const BASE: &str = "https://news.example/explainer/";

/// The English edition as `kind` of page shows it, with no other editions.
fn render(content: &Arc<Content>, kind: PageKind, base: &str) -> String {
    let english = Edition {
        lang: "en".into(),
        path: String::new(),
    };
    let heights = explainer_core::embed_snippets::EmbedHeights::default();
    explainer_prerender::render::render(content, kind, base, &english, Vec::new(), None, &heights)
}

fn shipped() -> Arc<Content> {
    Arc::new(parse_content(SHIPPED).expect("the shipped content is valid"))
}

/// `html`'s text as a reader gets it: tags dropped, the entities Leptos writes decoded.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode(&text)
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every reader-visible string of the story, glossary, points of view, FAQ and checklists,
/// in the order the page shows them (glossary references as the words they show).
fn strings_in_page_order(content: &Content) -> Vec<String> {
    // A term's definition follows it in the text, so each run of story text is a string.
    let plain = |text: &str| -> Vec<String> {
        let runs = explainer_core::content::inline::shown(text, &content.glossary);
        runs.iter().map(|run| run.words().to_string()).collect()
    };
    let story = &content.story;
    let mut out = vec![story.kicker.clone(), story.headline.clone()];
    out.extend(plain(&story.standfirst));
    for fact in &story.key_facts {
        out.extend([fact.label.clone(), fact.value.clone()]);
    }
    for section in &story.sections {
        out.push(section.title.clone());
        out.extend(plain(&section.summary));
        out.extend(section.body.iter().flat_map(|p| plain(p)));
        if let Some(list) = &section.list {
            out.extend(plain(&list.intro));
            out.extend(list.items.iter().flat_map(|i| plain(i)));
        }
        if let Some(perspectives) = &section.perspectives {
            for tab in &perspectives.tabs {
                out.push(tab.label.clone());
                out.extend(plain(&tab.intro));
                out.extend(tab.items.iter().flat_map(|i| plain(i)));
                out.extend(tab.note.iter().flat_map(|n| plain(n)));
            }
        }
        if let Some(fact) = &section.fact {
            out.extend([fact.label.clone(), fact.value.clone()]);
        }
    }
    if let Some(checklists) = &content.checklists {
        out.extend([checklists.heading.clone(), checklists.intro.clone()]);
        for list in &checklists.lists {
            out.extend([list.title.clone(), list.intro.clone()]);
            for group in &list.groups {
                out.push(group.title.clone());
                out.extend(group.text.clone());
                out.extend(group.items.iter().map(|i| i.text.clone()));
            }
        }
    }
    for entry in &content.faq {
        out.extend([entry.question.clone(), entry.answer.clone()]);
    }
    for entry in &content.glossary {
        out.extend([entry.term.clone(), entry.definition.clone()]);
    }
    out.push(content.labels.source_note.clone());
    out
}

#[test]
fn the_page_holds_every_string_of_the_content_in_order() {
    let content = shipped();
    for kind in [PageKind::Page, PageKind::Frame, PageKind::Fragment] {
        let text = text_of(&render(&content, kind, BASE));
        let mut from = 0;
        for string in strings_in_page_order(&content) {
            let found = text[from..]
                .find(&string)
                .unwrap_or_else(|| panic!("{kind:?}: {string:?} is missing or out of order"));
            from += found + string.len();
        }
    }
}

#[test]
fn only_the_own_page_has_the_progress_bar_and_embed_panel() {
    let content = shipped();
    let embed_heading = &content.labels.embed_heading;
    let has_chrome = |html: &str| {
        (
            html.contains("class=\"reading-progress"),
            text_of(html).contains(embed_heading.as_str()),
        )
    };
    let page = render(&content, PageKind::Page, BASE);
    assert_eq!(has_chrome(&page), (true, true));
    assert!(!page.contains("explainer--embedded"));
    for kind in [PageKind::Frame, PageKind::Fragment] {
        let html = render(&content, kind, BASE);
        assert_eq!(has_chrome(&html), (false, false), "{kind:?}");
        assert!(html.contains("explainer--embedded"));
    }
}

/// Every island's name and whether it carries props, in page order.
fn islands(html: &str) -> Vec<(String, bool)> {
    html.split("<leptos-island ")
        .skip(1)
        .map(|tag| {
            let tag = &tag[..tag.find('>').unwrap()];
            let name = attribute_values(&format!(" {tag}"), "data-component").remove(0);
            (name, tag.contains("data-props="))
        })
        .collect()
}

/// Every value of the attribute `name` in `html`, decoded, in page order.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    html.split(&format!(" {name}=\""))
        .skip(1)
        .map(|rest| decode(&rest[..rest.find('"').unwrap()]))
        .collect()
}

/// The JSON in the `data-words` of the element with `class` (the first such element).
fn words_of(html: &str, class: &str) -> Value {
    let at = html.find(&format!("class=\"{class}\"")).unwrap();
    let tag = &html[html[..at].rfind('<').unwrap()..at];
    serde_json::from_str(&attribute_values(tag, "data-words")[0]).unwrap()
}

/// No island takes props, so no module the page loads needs a JSON parser: each reads what it
/// needs back from the page, and the words its code shows (which the page may not show yet) from
/// its `data-words`.
#[test]
fn no_island_takes_props_and_the_words_travel_in_the_page() {
    let content = shipped();
    for kind in [PageKind::Page, PageKind::Frame, PageKind::Fragment] {
        for (name, has_props) in islands(&render(&content, kind, BASE)) {
            assert!(!has_props, "{kind:?}: {name} takes props");
        }
    }
    let html = render(&content, PageKind::Page, BASE);
    let labels = &content.labels;
    assert_eq!(
        words_of(&html, "faq"),
        serde_json::to_value(FaqLabels::from(labels)).unwrap()
    );
    let checklists = content.checklists.as_ref().unwrap();
    let mut expected = serde_json::to_value(&checklists.labels).unwrap();
    expected["digits"] = serde_json::to_value(&labels.digits).unwrap();
    assert_eq!(words_of(&html, "checklists"), expected);
    let mut expected = serde_json::to_value(EmbedLabels::from(labels)).unwrap();
    expected["base_url"] = BASE.into();
    assert_eq!(words_of(&html, "embed-code"), expected);
    // What the lists' order depends on, which their texts do not show.
    let audiences: Vec<String> = (checklists.lists.iter())
        .map(|list| list.audience.join(" "))
        .collect();
    assert_eq!(attribute_values(&html, "data-audience"), audiences);
    // The controls that need no code (sections, the reading switch, points of view, glossary
    // terms) are no islands: the page holds these alone.
    let found = islands(&html);
    let mut kinds: Vec<&str> = (found.iter())
        .map(|(name, _)| island_base_name(name))
        .collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "ChecklistsIsland",
            "EmbedCode",
            "ExplainerRoot",
            "FaqIsland",
            "ReadingProgress",
            "Toc"
        ]
    );
}

#[test]
fn the_words_islands_carry_leave_out_the_texts_the_page_shows() {
    let content = shipped();
    let html = render(&content, PageKind::Page, BASE);
    let words = attribute_values(&html, "data-words").concat();
    let checklists = content.checklists.as_ref().unwrap();
    let mut shown: Vec<&String> = vec![&checklists.heading, &checklists.intro];
    for entry in &content.faq {
        shown.extend([&entry.question, &entry.answer]);
    }
    shown.extend(content.story.sections.iter().map(|section| &section.title));
    shown.extend(checklists.roles.iter().map(|role| &role.label));
    for list in &checklists.lists {
        shown.extend([&list.title, &list.intro]);
        for group in &list.groups {
            shown.push(&group.title);
            shown.extend(group.items.iter().map(|item| &item.text));
        }
    }
    for text in shown {
        assert!(!words.contains(text.as_str()), "the words repeat {text:?}");
    }
}

#[test]
fn hostile_strings_come_out_as_text() {
    let hostile = "<img src=x onerror=alert(1)> & \"quotes\" </script>";
    let mut doc: Value = serde_json::from_str(SHIPPED).unwrap();
    doc["story"]["headline"] = Value::from(hostile);
    doc["faq"][0]["answer"] = Value::from(hostile);
    doc["checklists"]["lists"][0]["groups"][0]["items"][0]["text"] = Value::from(hostile);
    doc["labels"]["faq_show_all"] = Value::from(hostile);
    let content = Arc::new(parse_content(&doc.to_string()).unwrap());
    let page = render(&content, PageKind::Page, BASE);
    let html = without_words(&page);
    assert!(
        !html.contains("<img"),
        "markup from content reached the HTML"
    );
    assert!(!html.contains("</script>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // In the words the islands carry (interface words, not content) the same text is JSON in an
    // attribute, and parses back whole.
    assert_eq!(words_of(&page, "faq")["show_all"], hostile);
    let head = explainer_prerender::head::head_tags(&content, PageKind::Page, BASE, &[], None);
    assert!(!head.contains("<img") && !head.contains("\" </script>"));
}

/// `html` with the words the islands carry (JSON in attributes) taken out.
fn without_words(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find(" data-words=\"") {
        out.push_str(&rest[..start]);
        let after = &rest[start + " data-words=\"".len()..];
        rest = &after[after.find('"').unwrap() + 1..];
    }
    out.push_str(rest);
    out
}

/// A copy of the shipped content with `change` made to it, written to a file of its own.
fn broken_file(name: &str, change: impl FnOnce(&mut Value)) -> PathBuf {
    let mut doc: Value = serde_json::from_str(SHIPPED).unwrap();
    change(&mut doc);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("content");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path
}

fn build_check(path: &Path) -> String {
    content_files::load(path).expect_err("the file should be refused")
}

#[test]
fn a_missing_answer_stops_the_build_at_its_place() {
    let path = broken_file("missing.json", |doc| {
        doc["faq"][3].as_object_mut().unwrap().remove("answer");
    });
    let report = build_check(&path);
    assert!(
        report.starts_with(&format!("{}: faq[3].answer: missing", path.display())),
        "{report}"
    );
    assert!(report.contains("nothing was built"));
}

#[test]
fn broken_json_stops_the_build_with_its_line_and_column() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("content");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.json");
    std::fs::write(&path, "{\n  \"lang\": \"en\",\n  \"labels\": {,\n}").unwrap();
    let report = build_check(&path);
    assert!(
        report.starts_with(&format!(
            "{}: line 3, column 14: not valid JSON",
            path.display()
        )),
        "{report}"
    );
}

#[test]
fn a_dangling_reference_and_an_empty_text_are_both_reported() {
    let path = broken_file("two.json", |doc| {
        doc["faq"][0]["section"] = Value::from("no-such-section");
        doc["story"]["sections"][1]["title"] = Value::from(" ");
    });
    let report = build_check(&path);
    assert!(
        report.contains("story.sections[1].title: must not be empty"),
        "{report}"
    );
    assert!(report.contains("faq[0].section:"), "{report}");
    assert!(report.contains("2 problem(s)"), "{report}");
}

#[test]
fn check_lists_every_file_and_fails_on_any_problem() {
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content/en.json");
    let bad = broken_file("wrong-type.json", |doc| {
        doc["story"]["headline"] = Value::from(3)
    });
    let paths = [good.display().to_string(), bad.display().to_string()];
    assert_eq!(
        content_files::check_files(&paths),
        Err("1 of 2 file(s) have problems".to_string())
    );
    assert_eq!(content_files::check_files(&paths[..1]), Ok(()));
}

/// A content folder with the shipped English file and a second edition made from it.
/// A folder of its own holding `files` (name and text), emptied first.
fn content_folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

#[test]
fn a_broken_reference_file_stops_the_build_with_its_place() {
    let broken = SHIPPED.replacen("\"lang\": \"en\",", "\"lang\": \"en\"", 1);
    let dir = content_folder("broken-reference", &[("en.json", &broken)]);
    let report = content_files::load_editions(&dir).err().unwrap();
    assert!(report.contains("en.json: "), "{report}");
    assert!(
        report.contains("en.json: line 3, column 3: not valid JSON"),
        "{report}"
    );
    assert!(report.ends_with("nothing was built."), "{report}");
}

#[test]
fn a_broken_edition_stops_the_build_naming_it() {
    let dir = content_folder(
        "broken-edition",
        &[("en.json", SHIPPED), ("km.json", "{\"lang\": ")],
    );
    let report = content_files::load_editions(&dir).err().unwrap();
    assert!(report.contains("km.json: "), "{report}");
    assert!(
        !report.contains("en.json: "),
        "the reference is fine: {report}"
    );
    assert!(report.ends_with("nothing was built."), "{report}");
}

#[test]
fn a_missing_reference_file_stops_the_build_naming_it() {
    let dir = content_folder("no-reference", &[("km.json", SHIPPED)]);
    let report = content_files::load_editions(&dir).err().unwrap();
    assert!(report.contains("en.json"), "{report}");
}

fn two_editions() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("editions");
    std::fs::create_dir_all(&dir).unwrap();
    let mut other: Value = serde_json::from_str(SHIPPED).unwrap();
    other["lang"] = Value::from("km");
    other["labels"]["language_name"] = Value::from("ខ្មែរ");
    other["story"]["headline"] = Value::from("ចំណងជើង");
    std::fs::write(dir.join("en.json"), SHIPPED).unwrap();
    std::fs::write(dir.join("km.json"), other.to_string()).unwrap();
    dir
}

const TEMPLATE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><noscript><link rel=\"stylesheet\" href=\"static.css\"></noscript><script src=\"reading-mode.js\"></script></head><body><script type=\"module\" src=\"/x/boot.js\"></script></body></html>";

fn settings() -> explainer_prerender::settings::BuildSettings {
    explainer_prerender::settings::BuildSettings {
        staging: PathBuf::from("unused"),
        embed_heights: PathBuf::from("unused"),
        public_url: "/x/".into(),
        base_url: BASE.into(),
        content_dir: PathBuf::from("unused"),
        release: false,
    }
}

#[test]
fn each_edition_gets_its_pages_in_its_language_with_links_both_ways() {
    let editions = content_files::load_editions(&two_editions()).unwrap();
    let pages = explainer_prerender::render::pages(
        &editions,
        TEMPLATE,
        &settings(),
        &[None, None],
        &Default::default(),
    )
    .unwrap();
    let page = |file: &str| {
        &pages
            .iter()
            .find(|p| p.file == file)
            .unwrap_or_else(|| panic!("no {file}"))
            .html
    };
    let english = page("index.html");
    let khmer = page("km/index.html");
    assert!(english.contains("<html lang=\"en\">") && khmer.contains("<html lang=\"km\">"));
    assert!(khmer.contains("ចំណងជើង"));
    for html in [english, khmer] {
        assert!(html.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"{BASE}\">"
        )));
        assert!(html.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"km\" href=\"{BASE}km/\">"
        )));
        // The no-JavaScript stylesheet and the reading-mode script are found from the
        // edition's folder too.
        assert!(html.contains("href=\"/x/static.css\""));
        assert!(html.contains("<script src=\"/x/reading-mode.js\"></script>"));
    }
    // Leptos writes the class after the other attributes.
    let link = |href: &str, lang: &str, name: &str| {
        format!("<a href=\"{href}\" hreflang=\"{lang}\" lang=\"{lang}\" data-explainer-event=\"edition-opened\" class=\"language-switch__link\">{name}</a>")
    };
    assert!(english.contains(&link("km/", "km", "ខ្មែរ")));
    assert!(khmer.contains(&link("../", "en", "English")));
    assert!(khmer.contains(&format!("<link rel=\"canonical\" href=\"{BASE}km/\">")));
    assert!(page("km/embed.html").contains(&link("../embed.html", "en", "English")));
    assert!(!page("km/fragment.html").contains("language-switch"));
}

#[test]
fn an_edition_with_an_entry_too_few_stops_the_build_at_that_entry() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("editions-short");
    std::fs::create_dir_all(&dir).unwrap();
    let mut other: Value = serde_json::from_str(SHIPPED).unwrap();
    other["lang"] = Value::from("km");
    let last = other["faq"].as_array().unwrap().len() - 1;
    other["faq"].as_array_mut().unwrap().pop();
    std::fs::write(dir.join("en.json"), SHIPPED).unwrap();
    std::fs::write(dir.join("km.json"), other.to_string()).unwrap();
    let report = content_files::load_editions(&dir).err().unwrap();
    let km = dir.join("km.json");
    assert!(
        report.starts_with(&format!(
            "{}: faq[{last}]: missing in this edition",
            km.display()
        )),
        "{report}"
    );
}

#[test]
fn stale_translations_are_listed_by_place_and_recorded_once_brought_up_to_date() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("editions-translated");
    std::fs::create_dir_all(&dir).unwrap();
    let (en, km) = (dir.join("en.json"), dir.join("km.json"));
    let mut other: Value = serde_json::from_str(SHIPPED).unwrap();
    other.as_object_mut().unwrap().remove("translated_from");
    other["lang"] = Value::from("km");
    other["story"]["headline"] = Value::from("ចំណងជើង");
    let written = serde_json::to_string_pretty(&other).unwrap() + "\n";
    std::fs::write(&en, SHIPPED).unwrap();
    std::fs::write(&km, &written).unwrap();
    let stale_places = || {
        let reference: Value =
            serde_json::from_str(&std::fs::read_to_string(&en).unwrap()).unwrap();
        let edition = content_files::load(&km).unwrap();
        content_files::stale_translations(&km, &reference, &edition)
    };
    // Nothing recorded yet: every string is listed, and the last line says what to do.
    let unrecorded = stale_places();
    assert!(
        unrecorded[0].ends_with(
            "publication.publisher: no record of the reference text it was translated from"
        ),
        "{}",
        unrecorded[0]
    );
    assert!(unrecorded
        .last()
        .unwrap()
        .contains("scripts/mark-translated"));

    let recorded = mark_translated(&km, &Places::All).unwrap();
    assert_eq!(recorded, unrecorded.len() - 1);
    assert_eq!(stale_places(), Vec::<String>::new());
    // The rest of the file is as it was, the record added at its end.
    let rewritten = std::fs::read_to_string(&km).unwrap();
    assert!(rewritten.starts_with(written.trim_end_matches("\n}\n")));
    assert!(rewritten.contains("\n  \"translated_from\": {\n    \"publication.publisher\": \""));

    // The English changes: that one place is listed, and the build still goes on.
    let mut changed: Value = serde_json::from_str(SHIPPED).unwrap();
    changed["faq"][1]["answer"] = Value::from("A new answer.");
    std::fs::write(&en, serde_json::to_string_pretty(&changed).unwrap()).unwrap();
    assert_eq!(
        stale_places()[0],
        format!(
            "warning: {}: faq[1].answer: the reference text changed since it was translated",
            km.display()
        )
    );
    assert_eq!(content_files::load_editions(&dir).unwrap().len(), 2);
    assert_eq!(
        content_files::check_files(&[km.display().to_string()]),
        Ok(())
    );

    // Once translated again, it is recorded; a place the reference lacks is refused.
    assert_eq!(
        mark_translated(&km, &Places::Only(vec!["faq[1].answer".into()])),
        Ok(1)
    );
    assert_eq!(stale_places(), Vec::<String>::new());
    let err = mark_translated(&km, &Places::Only(vec!["faq[99].answer".into()])).unwrap_err();
    assert!(
        err.ends_with("faq[99].answer: no such translated text in the reference"),
        "{err}"
    );
}

#[test]
fn the_khmer_page_writes_its_counts_in_khmer_digits() {
    let khmer: Content =
        parse_content(include_str!("../../../public/content/km.json")).expect("km.json is valid");
    let checklists = khmer.checklists.clone().unwrap();
    let total = checklists.item_ids().count();
    let expected = explainer_core::plan_export::progress_text(
        &checklists.labels.progress,
        explainer_core::plan::Progress { done: 0, total },
        &khmer.labels.digits,
    );
    assert!(!expected.contains(&total.to_string()), "{expected}");
    let edition = Edition {
        lang: "km".into(),
        path: "km/".into(),
    };
    let html = explainer_prerender::render::render(
        &Arc::new(khmer),
        PageKind::Page,
        BASE,
        &edition,
        Vec::new(),
        None,
        &Default::default(),
    );
    assert!(text_of(&html).contains(&expected), "no {expected:?}");
}

#[test]
fn the_reading_mode_script_remembers_under_the_apps_storage_key() {
    let script = include_str!("../../../public/reading-mode.js");
    let key = explainer_core::storage_keys::READING_MODE;
    assert!(
        script.contains(&format!("var KEY = \"{key}\";")),
        "reading-mode.js must use {key}"
    );
}

#[test]
fn a_template_without_the_reading_mode_script_stops_the_build() {
    let without = TEMPLATE.replace("<script src=\"reading-mode.js\"></script>", "");
    let editions = content_files::load_editions(&two_editions()).unwrap();
    let err = explainer_prerender::render::pages(
        &editions,
        &without,
        &settings(),
        &[None, None],
        &Default::default(),
    )
    .err()
    .unwrap();
    assert_eq!(
        err,
        "index.html's head: expected 1 of `src=\"reading-mode.js\"`, found 0: has the tool that wrote it changed?"
    );
    // Twice, it would be made absolute twice over: also refused.
    let twice = TEMPLATE.replace(
        "</head>",
        "<script src=\"reading-mode.js\"></script></head>",
    );
    let err = explainer_prerender::render::pages(
        &editions,
        &twice,
        &settings(),
        &[None, None],
        &Default::default(),
    )
    .err()
    .unwrap();
    assert!(err.contains("found 2"), "{err}");
}

#[test]
fn a_bad_or_backward_date_stops_the_build_at_its_place() {
    let path = broken_file("bad-date.json", |doc| {
        doc["publication"]["published"] = Value::from("1 December 2026");
    });
    let report = build_check(&path);
    assert!(
        report.starts_with(&format!(
            "{}: publication.published: \"1 December 2026\" is not a date",
            path.display()
        )),
        "{report}"
    );
    let path = broken_file("backward-date.json", |doc| {
        doc["publication"]["published"] = Value::from("2026-12-02");
        doc["publication"]["updated"] = Value::from("2026-12-01T23:00+07:00");
    });
    let report = build_check(&path);
    assert!(
        report.starts_with(&format!(
            "{}: publication.updated: \"2026-12-01T23:00+07:00\" is before the first publication",
            path.display()
        )),
        "{report}"
    );
}

#[test]
fn the_dateline_writes_each_editions_dates_and_shows_an_update_on_a_later_day() {
    let khmer: Content =
        parse_content(include_str!("../../../public/content/km.json")).expect("km.json is valid");
    let mut updated = khmer.clone();
    updated.publication.published = "2026-01-31".into();
    updated.publication.updated = "2026-02-03T10:00+07:00".into();
    let edition = Edition {
        lang: "km".into(),
        path: "km/".into(),
    };
    let dateline = |content: Content| {
        let html = explainer_prerender::render::render(
            &Arc::new(content),
            PageKind::Page,
            BASE,
            &edition,
            Vec::new(),
            None,
            &Default::default(),
        );
        let start = html.find("<p class=\"dateline\">").expect("a dateline");
        let end = start + html[start..].find("</p>").unwrap();
        let text = text_of(&html[start..end]);
        (
            text.split_whitespace().collect::<Vec<_>>().join(" "),
            html[start..end].to_string(),
        )
    };
    let (text, _) = dateline(khmer.clone());
    // Published the same day it was last updated: one date, in Khmer words and digits.
    assert_eq!(text, "ចុះផ្សាយ ថ្ងៃទី១ ខែធ្នូ ឆ្នាំ២០២៦");
    let (text, html) = dateline(updated);
    assert_eq!(
        text,
        "ចុះផ្សាយ ថ្ងៃទី៣១ ខែមករា ឆ្នាំ២០២៦ · ធ្វើបច្ចុប្បន្នភាព ថ្ងៃទី៣ ខែកុម្ភៈ ឆ្នាំ២០២៦"
    );
    assert!(html.contains("<time datetime=\"2026-01-31\">"), "{html}");
    assert!(
        html.contains("<time datetime=\"2026-02-03T10:00+07:00\">"),
        "{html}"
    );
}

#[test]
fn the_head_carries_the_dates_and_the_page_a_news_article() {
    let content = shipped();
    let url = "https://example.org/explainer/";
    let head = explainer_prerender::head::head_tags(
        &content,
        PageKind::Page,
        url,
        &[],
        Some("https://news.example/x/oembed.json"),
    );
    let publication = &content.publication;
    for (property, value) in [
        ("article:published_time", &publication.published),
        ("article:modified_time", &publication.updated),
    ] {
        let tag = format!("<meta property=\"{property}\" content=\"{value}\">");
        assert!(head.contains(&tag), "no {tag}");
    }
    let image = format!("{url}share-card.png");
    for tag in [
        format!("<meta property=\"og:image\" content=\"{image}\">"),
        "<meta property=\"og:image:width\" content=\"1200\">".to_string(),
        "<meta property=\"og:image:height\" content=\"630\">".to_string(),
        format!(
            "<meta property=\"og:image:alt\" content=\"{}\">",
            explainer_core::html_text::escape(&content.labels.share_card_alt)
        ),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string(),
        format!("<meta name=\"twitter:image\" content=\"{image}\">"),
        format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://news.example/x/oembed.json\" title=\"{}\">",
            explainer_core::html_text::escape(&content.labels.page_title)
        ),
    ] {
        assert!(head.contains(&tag), "no {tag}");
    }
    let documents: Vec<Value> = head
        .split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|rest| serde_json::from_str(&rest[..rest.find("</script>").unwrap()]).unwrap())
        .collect();
    let types: Vec<&Value> = documents.iter().map(|d| &d["@type"]).collect();
    assert_eq!(types, ["NewsArticle", "FAQPage"]);
    let article = &documents[0];
    assert_eq!(article["headline"], content.story.headline.as_str());
    assert_eq!(
        article["description"],
        content.labels.page_description.as_str()
    );
    assert_eq!(article["datePublished"], publication.published.as_str());
    assert_eq!(article["dateModified"], publication.updated.as_str());
    assert_eq!(article["inLanguage"], "en");
    assert_eq!(article["url"], url);
    assert_eq!(article["publisher"]["name"], publication.publisher.as_str());
    assert_eq!(
        article["image"],
        serde_json::json!([
            format!("{url}share-card-16x9.png"),
            format!("{url}share-card-4x3.png"),
            format!("{url}share-card-1x1.png")
        ])
    );
    assert_eq!(
        article["author"][0]["name"],
        publication.author.as_str(),
        "the desk, from the content"
    );
    // Frames carry the dates but no JSON-LD: the page itself is the article.
    let frame = explainer_prerender::head::head_tags(&content, PageKind::Frame, url, &[], None);
    assert!(frame.contains("article:published_time"));
    assert!(!frame.contains("application/ld+json"));
}

#[test]
fn the_locator_map_is_drawn_titled_and_within_its_budget_after_its_section() {
    let content = shipped();
    let map = content
        .locator_map
        .clone()
        .expect("the story has a locator map");
    let world = world();
    let codes: Vec<&str> = map.members.iter().map(String::as_str).collect();
    let shapes = explainer_prerender::locator_map::draw(&world, map.extent, &codes).unwrap();
    let english = Edition {
        lang: "en".into(),
        path: String::new(),
    };
    let html = explainer_prerender::render::render(
        &content,
        PageKind::Page,
        BASE,
        &english,
        Vec::new(),
        Some(shapes.clone()),
        &Default::default(),
    );
    let start = html
        .find("<figure class=\"locator-map\">")
        .expect("the map is on the page");
    let end = start + html[start..].find("</figure>").unwrap() + "</figure>".len();
    let figure = &html[start..end];
    // At most 16 KB of markup (the page's largest drawing), with every member country drawn
    // and marked.
    assert!(figure.len() <= 16 * 1024, "{} bytes", figure.len());
    assert!(figure.contains("role=\"img\""));
    assert!(figure.contains(&format!(
        "<title id=\"locator-map-title\">{}</title>",
        map.title
    )));
    assert!(figure.contains(&format!(
        "<desc id=\"locator-map-desc\">{}</desc>",
        map.description
    )));
    for code in &codes {
        assert!(
            shapes.countries.iter().any(|c| &c.code == code),
            "{code} is not drawn"
        );
    }
    assert_eq!(figure.matches("locator-map__country--highlight").count(), 1);
    assert_eq!(
        figure.matches("locator-map__country--member\"").count(),
        codes.len() - 1
    );
    for label in &map.labels {
        assert!(text_of(figure).contains(&label.name), "{}", label.name);
    }
    // Right after the section the content names.
    let section = html.find(&format!("id=\"{}\"", map.section)).unwrap();
    let next_section = section + html[section..].find("</section>").unwrap();
    assert!(next_section < start && !html[next_section..start].contains("<section"));
    // A country the content names that Natural Earth does not know stops the build.
    let unknown = explainer_prerender::locator_map::draw(&world, map.extent, &["999"]);
    assert_eq!(
        unknown.unwrap_err(),
        "locator_map: Natural Earth has no country \"999\" inside the map"
    );
}

/// The names' size on the map, in its units (`.locator-map__label` in style/main.css): on a
/// desktop, and larger on a phone, where the map is smaller. Each name keeps a halo this wide.
const MAP_NAME_SIZES: [f64; 2] = [24.0, 40.0];
const MAP_NAME_HALO: f64 = 3.0;

#[test]
fn the_map_names_sit_in_their_countries_or_point_to_them() {
    use geo::{Contains, Coord, Intersects, Line, MultiPolygon, Point, Rect};
    let world = world();
    let typesetter = explainer_prerender::share_card::Typesetter::new().unwrap();
    let khmer: Content = parse_content(include_str!("../../../public/content/km.json")).unwrap();
    let mut problems = Vec::new();
    for content in [shipped().as_ref().clone(), khmer] {
        let map = content.locator_map.as_ref().unwrap();
        let (projection, shapes) =
            explainer_prerender::locator_map::projected(&world, map.extent).unwrap();
        let land = |code: &str| -> &MultiPolygon<f64> {
            &shapes.iter().find(|(c, _)| c == code).unwrap().1
        };
        let point = |[lon, lat]: [f64; 2]| {
            let (x, y) = projection.point(lon, lat);
            Point::new(x, y)
        };
        let story_country = land(&map.highlight);
        for size in MAP_NAME_SIZES {
            let mut boxes: Vec<(&str, Rect<f64>)> = Vec::new();
            let phone = size == MAP_NAME_SIZES[1];
            for label in map.labels.iter().filter(|label| !(phone && label.small)) {
                let name = format!("{} {} at {size}", content.lang, label.name);
                let own = land(&label.country);
                let others = || shapes.iter().filter(|(c, _)| *c != label.country);
                let anchor = point(label.at);
                let (width, height) = typesetter.bounds(&label.name, size).unwrap();
                let (half_w, half_h) = (width / 2.0 + MAP_NAME_HALO, height / 2.0 + MAP_NAME_HALO);
                let area = Rect::new(
                    Coord {
                        x: anchor.x() - half_w,
                        y: anchor.y() - half_h,
                    },
                    Coord {
                        x: anchor.x() + half_w,
                        y: anchor.y() + half_h,
                    },
                );
                let at_sea = !shapes.iter().any(|(_, shape)| shape.intersects(&anchor));
                let leader: Vec<Point<f64>> = label.leader.iter().copied().map(point).collect();
                match (leader.first(), leader.last()) {
                    (None, _) if !own.contains(&anchor) => {
                        problems.push(format!("{name}: its middle is not in its country"))
                    }
                    (Some(_), _) if !at_sea => {
                        problems.push(format!("{name}: has a leader but its middle is on land"))
                    }
                    (_, Some(end)) if !own.contains(end) => {
                        problems.push(format!("{name}: its leader ends outside its country"))
                    }
                    (Some(start), _) if !area.contains(start) => {
                        problems.push(format!("{name}: its leader starts outside the name"))
                    }
                    _ => {}
                }
                for pair in leader.windows(2) {
                    let line = Line::new(pair[0].0, pair[1].0);
                    for (code, _) in others().filter(|(_, shape)| shape.intersects(&line)) {
                        problems.push(format!(
                            "{name}: its leader crosses {code} near {:?}",
                            pair[1]
                        ));
                    }
                }
                if label.country == map.highlight {
                    let inside = own.contains(&area);
                    let over_sea = !label.leader.is_empty()
                        && !shapes.iter().any(|(_, shape)| shape.intersects(&area));
                    if !(inside || over_sea) {
                        for (code, _) in others().filter(|(_, shape)| shape.intersects(&area)) {
                            problems.push(format!("{name}: touches {code}"));
                        }
                        if !own.contains(&area) && label.leader.is_empty() {
                            problems
                                .push(format!("{name}: neither inside nor at sea with a leader"));
                        }
                    }
                } else if area.intersects(story_country) {
                    problems.push(format!("{name}: covers the story's country"));
                }
                for (other, other_area) in &boxes {
                    if other_area.intersects(&area) {
                        problems.push(format!("{name}: overlaps {other}"));
                    }
                }
                boxes.push((label.name.as_str(), area));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Natural Earth's countries, as the build reads them.
fn world() -> String {
    std::fs::read_to_string(explainer_prerender::locator_map::countries_file())
        .expect("world-atlas is installed (scripts/setup)")
}

#[test]
fn each_editions_share_card_is_a_1200_by_630_png_under_300_kb() {
    use explainer_prerender::share_card;
    let typesetter = share_card::Typesetter::new().expect("fonts-noto-core is installed");
    let khmer: Content =
        parse_content(include_str!("../../../public/content/km.json")).expect("km.json is valid");
    for content in [shipped().as_ref().clone(), khmer] {
        let map = explainer_prerender::locator_map::for_content(&content, &world()).unwrap();
        let svg = share_card::svg(&content, map.as_ref(), &typesetter).unwrap();
        // The whole headline, over its lines, and the map's shapes are on it.
        // The text between tags inside the headline's <text>.
        let headline_text = &svg[svg.rfind("<text").unwrap()..];
        let shown: String = (headline_text.split('>').skip(1))
            .map(|piece| &piece[..piece.find('<').unwrap_or(piece.len())])
            .collect();
        let unspaced = |text: &str| text.split_whitespace().collect::<String>();
        let headline = explainer_core::html_text::escape(&content.story.headline);
        assert_eq!(unspaced(&shown), unspaced(&headline), "{}", content.lang);
        assert!(svg.contains("<path d=\"M"));
        let png = typesetter.render_png(&svg).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        assert_eq!((size(16), size(20)), (1200, 630), "{}", content.lang);
        assert!(
            png.len() < 300 * 1024,
            "{}: {} bytes",
            content.lang,
            png.len()
        );
    }
}

/// Where `lines` (trimmed, in order) begin in `text`, the first left out.
fn line_starts(text: &str, lines: &[String]) -> Vec<usize> {
    let mut at = 0;
    let mut starts = Vec::new();
    for line in lines {
        let line = line.trim_end_matches('…');
        let start = at
            + text[at..]
                .find(line)
                .unwrap_or_else(|| panic!("{line:?} in {text:?}"));
        starts.push(start);
        at = start + line.len();
    }
    starts.into_iter().skip(1).collect()
}

#[test]
fn khmer_lines_on_the_cards_break_only_where_a_word_ends() {
    use explainer_core::khmer_spelling::dictionary_form;
    use explainer_prerender::share_card;
    use icu_segmenter::LineSegmenter;
    let typesetter = share_card::Typesetter::new().unwrap();
    let khmer: Content = parse_content(include_str!("../../../public/content/km.json")).unwrap();
    let story = &khmer.story;
    // The card's headline, and the story's other lines set as the headline is, for more breaks.
    let mut texts = vec![story.headline.as_str(), story.standfirst.as_str()];
    texts.extend(story.sections.iter().map(|s| s.summary.as_str()));
    let (listed, learned) = (LineSegmenter::new_dictionary(), LineSegmenter::new_lstm());
    let mut breaks_seen = 0;
    let mut set: Vec<(String, Vec<String>)> = (texts.into_iter())
        .map(|text| {
            (
                text.to_string(),
                share_card::headline_lines(text, &typesetter).unwrap(),
            )
        })
        .collect();
    // Every part's card too: its title and its opening lines.
    for part in embeddable_parts(&khmer) {
        set.extend(share_card::part_lines(&khmer, &part, &typesetter).unwrap());
    }
    for (text, lines) in &set {
        let (text, lines) = (text.as_str(), lines.clone());
        let spelled = dictionary_form(text);
        let word_ends: Vec<usize> = listed.segment_str(&spelled).collect();
        let learned_ends: Vec<usize> = learned.segment_str(&spelled).collect();
        for start in line_starts(text, &lines) {
            breaks_seen += 1;
            assert!(
                word_ends.contains(&start) && learned_ends.contains(&start),
                "{text}: a line starts inside a word at {:?}",
                &text[start..]
            );
        }
        for line in &lines {
            assert!(
                !line.ends_with("លោក"),
                "an honorific parted from its name: {lines:?}"
            );
        }
    }
    assert!(
        breaks_seen > 10,
        "only {breaks_seen} line breaks were checked"
    );
    // The headline itself: ចំណាប់អារម្មណ៍ whole, លោក with the name.
    let lines = share_card::headline_lines(&story.headline, &typesetter).unwrap();
    assert!(lines.len() > 1, "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("ចំណាប់អារម្មណ៍")), "{lines:?}");
}

#[test]
fn every_part_of_each_edition_has_a_card_with_its_title_and_opening() {
    use explainer_prerender::share_card;
    let typesetter = share_card::Typesetter::new().unwrap();
    let khmer: Content = parse_content(include_str!("../../../public/content/km.json")).unwrap();
    for content in [shipped().as_ref().clone(), khmer] {
        for part in embeddable_parts(&content) {
            let svg = share_card::part_svg(&content, &part, &typesetter).unwrap();
            let shown: String = (svg.split('>').skip(1))
                .map(|piece| &piece[..piece.find('<').unwrap_or(piece.len())])
                .collect();
            let unspaced = |text: &str| text.split_whitespace().collect::<String>();
            let name = explainer_core::html_text::escape(&part.name);
            assert!(
                unspaced(&shown).contains(&unspaced(&name)),
                "{}: {}",
                content.lang,
                part.slug
            );
            let opening = share_card::part_opening(&content, &part);
            let start: String = opening
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            let start = explainer_core::html_text::escape(&start);
            assert!(
                unspaced(&shown).contains(&unspaced(&start)),
                "{} {}: {start}",
                content.lang,
                part.slug
            );
            let png = typesetter.render_png(&svg).unwrap();
            let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
            assert_eq!(
                (size(16), size(20)),
                (1200, 630),
                "{} {}",
                content.lang,
                part.slug
            );
        }
    }
}

#[test]
fn a_long_headline_wraps_within_the_card_and_keeps_khmer_stacks_whole() {
    let typesetter = explainer_prerender::share_card::Typesetter::new().unwrap();
    let khmer = "សហរដ្ឋអាមេរិកបង្ហាញចំណាប់អារម្មណ៍លើពាណិជ្ជកម្មកាន់តែទូលំទូលាយ";
    let lines = typesetter.wrap(khmer, 300.0, 50.0, 10).unwrap();
    assert!(lines.len() > 1, "{lines:?}");
    assert_eq!(lines.concat(), khmer);
    for line in &lines {
        assert!(!line.ends_with('\u{17D2}'), "a stack split after {line:?}");
    }
    let english = "one two three four five six seven eight nine ten eleven twelve";
    let lines = typesetter.wrap(english, 200.0, 50.0, 2).unwrap();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].ends_with('…'));
}
