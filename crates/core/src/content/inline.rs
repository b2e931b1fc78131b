//! Inline markup in story text: plain words and glossary references written `[[id]]` or `[[id|shown words]]`.

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
}
