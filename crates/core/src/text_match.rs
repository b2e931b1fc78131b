//! Word matching for the FAQ filter, with the matched stretches of the original text so they
//! can be marked. Both sides are folded alike: Latin letters without case or accents, Khmer in
//! its dictionary spelling (`khmer_spelling`), and the invisible characters Khmer text uses to
//! mark word ends left out.

use std::ops::Range;

use crate::khmer_spelling::dictionary_char;

/// Base letters of U+0100..=U+017F (Latin Extended-A), in order, upper and lower case alike.
const LATIN_EXTENDED_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Base letters of U+00E0..=U+00FF (lower-case Latin-1), `_` where the letter has no base.
const LATIN_1: &[u8; 32] = b"aaaaaaaceeeeiiiidnooooo_ouuuuy_y";

/// Characters that only mark where a word may end or join (zero-width space, non-joiner,
/// joiner, word joiner, byte-order mark): Khmer text carries them unseen, so a search ignores
/// them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Folds one character, given the one before it, to what a search compares: lower case and
/// accents removed for the Latin letters of Unicode's first 384 code points, Khmer in its
/// dictionary spelling, other scripts as written (which spares the wasm the full Unicode case
/// tables). Combining accents and invisible characters fold to nothing. A text and its NFC or
/// NFD form fold alike, since only Latin letters in these tables decompose.
fn fold_char(previous: Option<char>, c: char) -> Option<char> {
    if ('\u{300}'..='\u{36f}').contains(&c) || is_invisible(c) {
        return None;
    }
    let c = dictionary_char(previous, c);
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
    let mut previous = None;
    for (at, c) in text.char_indices() {
        match fold_char(previous.replace(c), c) {
            Some(f) => {
                folded.push(f);
                origins.push(at..at + c.len_utf8());
            }
            // A combining accent (or an invisible mark) belongs to the letter before it.
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
        .map(|word| fold_with_origins(word).0)
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
        assert_eq!(fold_char(None, 'Ž'), Some('z'));
        assert_eq!(fold_char(None, 'ſ'), Some('s'));
        assert_eq!(fold_char(None, 'Ł'), Some('l'));
        assert_eq!(fold_char(None, 'Ő'), Some('o'));
        assert_eq!(fold_char(None, 'ÿ'), Some('y'));
        assert_eq!(fold_char(None, '÷'), Some('÷'));
        assert_eq!(fold_char(None, 'ß'), Some('ß'));
        assert_eq!(fold_char(None, 'É'), Some('e'));
        assert_eq!(fold_char(None, 'Ø'), Some('o'));
        assert_eq!(fold_char(None, '×'), Some('×'));
        assert_eq!(fold_char(None, 'Q'), Some('q'));
        assert_eq!(fold_char(None, 'ក'), Some('ក'));
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
    fn khmer_matches_in_either_spelling_and_past_invisible_marks() {
        // សេចក្តី with subscript ta, as the content writes it; សេចក្ដី with subscript da, as
        // the dictionary does; ឱ and ឲ; a zero-width space between words.
        let text = "សេចក្តីពន្យល់ ធ្វើឱ្យប្រសើរ";
        for query in ["សេចក្ដី", "សេចក្តី", "ធ្វើឲ្យ", "ធ្វើឱ្យ", "ពន្យល់"]
        {
            assert!(
                matches_all(&[text], &query_words(query)),
                "{query} in {text}"
            );
        }
        assert!(matches_all(&["ការ\u{200B}វិនិយោគ"], &query_words("ការវិនិយោគ")));
        assert!(matches_all(&["ការវិនិយោគ"], &query_words("ការ\u{200C}វិនិយោគ")));
        // A ta that is not subscript is another letter.
        assert!(!matches_all(&["តម្លៃ"], &query_words("ដម្លៃ")));
        // The mark covers the original spelling, invisible marks and all.
        assert_eq!(
            marked("អាចគ្របដណ្តប់\u{200B}ការងារ", "គ្របដណ្ដប់"),
            [
                ("អាច".into(), false),
                ("គ្របដណ្តប់\u{200B}".into(), true),
                ("ការងារ".into(), false)
            ]
        );
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
