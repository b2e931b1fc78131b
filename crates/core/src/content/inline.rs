//! Inline markup in story text: plain words and glossary references written `[[id]]` or `[[id|shown words]]`.

use super::model::GlossaryEntry;

/// One run of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(&'a str),
    /// A glossary reference; `shown` is `None` when the term's own name should be shown.
    Term {
        id: &'a str,
        shown: Option<&'a str>,
    },
}

/// Why a paragraph's markup could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InlineError {
    Unclosed,
    EmptyReference,
}

impl std::fmt::Display for InlineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InlineError::Unclosed => "a glossary reference opened with [[ is never closed with ]]",
            InlineError::EmptyReference => "a glossary reference [[…]] names no term",
        })
    }
}

/// Splits a paragraph into text and glossary references.
pub fn parse(text: &str) -> Result<Vec<Inline<'_>>, InlineError> {
    let mut runs = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        if open > 0 {
            runs.push(Inline::Text(&rest[..open]));
        }
        let after = &rest[open + 2..];
        let close = after.find("]]").ok_or(InlineError::Unclosed)?;
        let inside = &after[..close];
        let (id, shown) = match inside.split_once('|') {
            Some((id, shown)) => (id.trim(), Some(shown.trim()).filter(|s| !s.is_empty())),
            None => (inside.trim(), None),
        };
        if id.is_empty() {
            return Err(InlineError::EmptyReference);
        }
        runs.push(Inline::Term { id, shown });
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        runs.push(Inline::Text(rest));
    }
    Ok(runs)
}

/// One run of story text as a reader sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown<'a> {
    /// Words shown as they are (including a reference to no known term, shown as its words).
    Words(&'a str),
    /// A glossary term: `words` shown, `entry` defining them.
    Term {
        entry: &'a GlossaryEntry,
        words: &'a str,
    },
}

/// `text` as a reader sees it, each glossary reference resolved in `glossary`: the one reading
/// that the components' `RichText` renders and the tests expect. Markup that cannot be read
/// (which the content check rejects) is shown as it is written.
pub fn shown<'a>(text: &'a str, glossary: &'a [GlossaryEntry]) -> Vec<Shown<'a>> {
    let runs = parse(text).unwrap_or_else(|_| vec![Inline::Text(text)]);
    runs.into_iter()
        .map(|run| match run {
            Inline::Text(words) => Shown::Words(words),
            Inline::Term { id, shown } => match glossary.iter().find(|g| g.id == id) {
                Some(entry) => Shown::Term {
                    entry,
                    words: shown.unwrap_or(&entry.term),
                },
                None => Shown::Words(shown.unwrap_or(id)),
            },
        })
        .collect()
}

impl Shown<'_> {
    /// The words this run shows.
    pub fn words(&self) -> &str {
        match self {
            Shown::Words(words) | Shown::Term { words, .. } => words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_one_run() {
        assert_eq!(parse("Just words."), Ok(vec![Inline::Text("Just words.")]));
    }

    #[test]
    fn references_with_and_without_shown_words() {
        assert_eq!(
            parse("Members of [[asean]] and [[fdi|direct investment]]."),
            Ok(vec![
                Inline::Text("Members of "),
                Inline::Term {
                    id: "asean",
                    shown: None
                },
                Inline::Text(" and "),
                Inline::Term {
                    id: "fdi",
                    shown: Some("direct investment")
                },
                Inline::Text("."),
            ])
        );
    }

    #[test]
    fn unclosed_and_empty_references_are_errors() {
        assert_eq!(parse("A [[asean reference"), Err(InlineError::Unclosed));
        assert_eq!(
            parse("A [[ |words]] here"),
            Err(InlineError::EmptyReference)
        );
    }

    #[test]
    fn single_brackets_are_text() {
        assert_eq!(parse("[a] ]] b"), Ok(vec![Inline::Text("[a] ]] b")]));
    }

    #[test]
    fn a_reader_sees_a_terms_words_or_its_name() {
        let glossary = vec![GlossaryEntry {
            id: "gsp".into(),
            term: "GSP".into(),
            definition: "A tariff programme.".into(),
        }];
        let runs = shown(
            "Under [[gsp]], [[gsp|the programme]] and [[nope|a word]].",
            &glossary,
        );
        let words: Vec<&str> = runs.iter().map(Shown::words).collect();
        assert_eq!(
            words,
            [
                "Under ",
                "GSP",
                ", ",
                "the programme",
                " and ",
                "a word",
                "."
            ]
        );
        assert!(matches!(runs[1], Shown::Term { entry, .. } if entry.id == "gsp"));
        assert_eq!(runs[5], Shown::Words("a word"));
        assert_eq!(shown("[[open", &glossary), [Shown::Words("[[open")]);
    }
}
