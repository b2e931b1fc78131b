//! Case- and accent-insensitive word matching, as the FAQ filter uses it, with the matched
//! stretches of the original text so they can be marked.

use std::ops::Range;

/// Base letters of U+0100..=U+017F (Latin Extended-A), in order, upper and lower case alike.
const LATIN_EXTENDED_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Base letters of U+00E0..=U+00FF (lower-case Latin-1), `_` where the letter has no base.
const LATIN_1: &[u8; 32] = b"aaaaaaaceeeeiiiidnooooo_ouuuuy_y";

/// Folds one character to what a search compares: lower case, accents removed, for the
/// Latin letters of Unicode's first 384 code points (other scripts compare as written, which
/// spares the wasm the full Unicode case tables). Combining accents fold to nothing.
fn fold_char(c: char) -> Option<char> {
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    let base = match c as u32 {
        0x41..=0x5a => return Some(c.to_ascii_lowercase()),
        // Upper-case Latin-1 sits 32 below its lower case, but for × (multiplication sign).
        code @ 0xc0..=0xde if code != 0xd7 => LATIN_1[(code - 0xc0) as usize],
        code @ 0xe0..=0xff => LATIN_1[(code - 0xe0) as usize],
        code @ 0x100..=0x17f => LATIN_EXTENDED_A[(code - 0x100) as usize],
        _ => return Some(c),
    };
    Some(if base == b'_' { c } else { char::from(base) })
}

/// Folded text, and for each folded character the byte range it came from in the original.
fn fold_with_origins(text: &str) -> (Vec<char>, Vec<Range<usize>>) {
    let mut folded = Vec::with_capacity(text.len());
    let mut origins = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match fold_char(c) {
            Some(f) => {
                folded.push(f);
                origins.push(at..at + c.len_utf8());
            }
            // A combining accent belongs to the letter before it.
            None => {
                if let Some(last) = origins.last_mut() {
                    last.end = at + c.len_utf8();
                }
            }
        }
    }
    (folded, origins)
}

/// The words of a search, folded; empty when the search is blank.
pub fn query_words(query: &str) -> Vec<Vec<char>> {
    query
        .split_whitespace()
        .map(|word| word.chars().filter_map(fold_char).collect::<Vec<_>>())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Byte ranges of `text` where any of `words` occurs, sorted and merged.
pub fn match_ranges(text: &str, words: &[Vec<char>]) -> Vec<Range<usize>> {
    let (folded, origins) = fold_with_origins(text);
    // Start positions outside, words inside: the ranges come out in order, with no sort.
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for start in 0..folded.len() {
        for word in words
            .iter()
            .filter(|word| folded[start..].starts_with(word))
        {
            ranges.push(origins[start].start..origins[start + word.len() - 1].end);
        }
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Whether every word occurs somewhere in `texts`.
pub fn matches_all(texts: &[&str], words: &[Vec<char>]) -> bool {
    words.iter().all(|word| {
        let word = std::slice::from_ref(word);
        texts
            .iter()
            .any(|text| !match_ranges(text, word).is_empty())
    })
}

/// `text` cut into pieces, each with whether it is a match to mark.
pub fn split_marked<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in ranges {
        if range.start > at {
            pieces.push((&text[at..range.start], false));
        }
        pieces.push((&text[range.clone()], true));
        at = range.end;
    }
    if at < text.len() {
        pieces.push((&text[at..], false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, query: &str) -> Vec<(String, bool)> {
        let ranges = match_ranges(text, &query_words(query));
        split_marked(text, &ranges)
            .into_iter()
            .map(|(t, m)| (t.to_string(), m))
            .collect()
    }

    #[test]
    fn tables_cover_their_ranges() {
        assert_eq!(fold_char('Ž'), Some('z'));
        assert_eq!(fold_char('ſ'), Some('s'));
        assert_eq!(fold_char('Ł'), Some('l'));
        assert_eq!(fold_char('Ő'), Some('o'));
        assert_eq!(fold_char('ÿ'), Some('y'));
        assert_eq!(fold_char('÷'), Some('÷'));
        assert_eq!(fold_char('ß'), Some('ß'));
        assert_eq!(fold_char('É'), Some('e'));
        assert_eq!(fold_char('Ø'), Some('o'));
        assert_eq!(fold_char('×'), Some('×'));
        assert_eq!(fold_char('Q'), Some('q'));
        assert_eq!(fold_char('ក'), Some('ក'));
    }

    #[test]
    fn matching_ignores_case_and_accents() {
        let words = query_words("  CAFÉ  ");
        assert!(matches_all(&["Le cafe est ouvert"], &words));
        assert!(matches_all(&["LE CAFÉ"], &words));
        assert!(matches_all(
            &["cafe\u{301} with a combining accent"],
            &words
        ));
        assert!(matches_all(&["Phnom Penh"], &query_words("phnom PENH")));
        assert!(!matches_all(&["coffee"], &words));
    }

    #[test]
    fn every_word_must_occur_in_one_of_the_texts() {
        let texts = [
            "Why does a plane order matter?",
            "Airliners fly for decades.",
        ];
        assert!(matches_all(&texts, &query_words("plane decades")));
        assert!(!matches_all(&texts, &query_words("plane trains")));
        assert!(
            matches_all(&texts, &query_words("   ")),
            "a blank search matches everything"
        );
    }

    #[test]
    fn marks_map_back_to_the_original_text() {
        assert_eq!(
            marked("Crème brûlée, CRÈME", "creme"),
            [
                ("Crème".into(), true),
                (" brûlée, ".into(), false),
                ("CRÈME".into(), true)
            ]
        );
        assert_eq!(
            marked("cafe\u{301}s", "cafe"),
            [("cafe\u{301}".into(), true), ("s".into(), false)]
        );
    }

    #[test]
    fn overlapping_matches_merge() {
        assert_eq!(
            marked("supply chains", "supply ply chain"),
            [
                ("supply".into(), true),
                (" ".into(), false),
                ("chain".into(), true),
                ("s".into(), false)
            ]
        );
        assert_eq!(
            marked("nothing here", "zzz"),
            [("nothing here".into(), false)]
        );
    }
}
