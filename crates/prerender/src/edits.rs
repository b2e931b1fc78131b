//! Edits of text the build did not write itself (Trunk's page, wasm-bindgen's glue, the wasm
//! splitter's loader) and the filling of our own JavaScript templates. Each edit counts what it
//! matched: a tool whose output changed stops the build, instead of shipping files that name
//! missing ones.

/// `text` with every `from` replaced by `to`, if `from` occurs exactly `expected` times; `what`
/// names the text in the error.
pub fn replace_exactly(
    text: &str,
    from: &str,
    to: &str,
    expected: usize,
    what: &str,
) -> Result<String, String> {
    match text.matches(from).count() {
        found if found == expected => Ok(text.replace(from, to)),
        found => Err(format!(
            "{what}: expected {expected} of `{from}`, found {found}: has the tool that wrote it changed?"
        )),
    }
}

/// `text` with what runs from `start` up to (not including) `end` replaced by `with`, if each
/// occurs exactly once, `start` first; `what` names the text in the error.
pub fn replace_between(
    text: &str,
    start: &str,
    end: &str,
    with: &str,
    what: &str,
) -> Result<String, String> {
    let only = |marker: &str| match text.match_indices(marker).collect::<Vec<_>>()[..] {
        [(at, _)] => Ok(at),
        ref found => Err(format!(
            "{what}: expected 1 of `{marker}`, found {}: has the tool that wrote it changed?",
            found.len()
        )),
    };
    let (from, to) = (only(start)?, only(end)?);
    if from > to {
        return Err(format!("{what}: `{end}` comes before `{start}`"));
    }
    Ok(format!("{}{with}{}", &text[..from], &text[to..]))
}

/// `template` (our file `name`) with each `__BLANK__` filled: every blank given must be in the
/// template, and none may be left, so a template edited out of step with the build is caught
/// when the build runs.
pub fn fill_blanks(name: &str, template: &str, blanks: &[(&str, &str)]) -> Result<String, String> {
    let filled = blanks
        .iter()
        .try_fold(template.to_string(), |text, (blank, value)| {
            if text.contains(blank) {
                Ok(text.replace(blank, value))
            } else {
                Err(format!("{name} has no {blank}"))
            }
        })?;
    match leftover_blank(&filled) {
        Some(blank) => Err(format!("{name}: {blank} is not filled by the build")),
        None => Ok(filled),
    }
}

/// The first `__NAME__` (capitals and underscores, starting with a capital) in `text`.
fn leftover_blank(text: &str) -> Option<&str> {
    text.match_indices("__").find_map(|(start, _)| {
        let rest = &text[start + 2..];
        let len = rest
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .unwrap_or(rest.len());
        let name = rest[..len].strip_suffix("__")?;
        name.starts_with(|c: char| c.is_ascii_uppercase())
            .then(|| &text[start..start + 2 + len])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replacement_must_match_as_often_as_expected() {
        assert_eq!(replace_exactly("a-b-a", "a", "c", 2, "t").unwrap(), "c-b-c");
        assert_eq!(
            replace_exactly("a-b", "a", "c", 2, "the page").unwrap_err(),
            "the page: expected 2 of `a`, found 1: has the tool that wrote it changed?"
        );
        assert!(replace_exactly("b", "a", "c", 1, "t").is_err());
    }

    #[test]
    fn a_span_is_replaced_only_between_markers_found_once_each() {
        assert_eq!(
            replace_between("a [x] b", "[", "]", "[y", "t").unwrap(),
            "a [y] b"
        );
        assert!(replace_between("[x] [z]", "[", "]", "", "t")
            .unwrap_err()
            .contains("expected 1 of `[`, found 2"));
        assert!(replace_between("x]", "[", "]", "", "t").is_err());
        assert!(replace_between("] [", "[", "]", "", "t")
            .unwrap_err()
            .contains("comes before"));
    }

    #[test]
    fn every_blank_is_filled_and_none_is_left() {
        assert_eq!(
            fill_blanks("t.js", "go(\"__A__\")", &[("__A__", "/a.js")]).unwrap(),
            "go(\"/a.js\")"
        );
        assert_eq!(
            fill_blanks(
                "boot.js",
                "go(\"__A__\")",
                &[("__A__", "x"), ("__B__", "y")]
            )
            .unwrap_err(),
            "boot.js has no __B__"
        );
        assert_eq!(
            fill_blanks("boot.js", "go(\"__A__\", \"__C__\")", &[("__A__", "x")]).unwrap_err(),
            "boot.js: __C__ is not filled by the build"
        );
        // The glue's own names (`__wbg_…`, `__wasm_split_…`) are not blanks.
        assert!(fill_blanks("t.js", "__wbg_x(__A__); __wasm_split", &[("__A__", "1")]).is_ok());
    }
}
