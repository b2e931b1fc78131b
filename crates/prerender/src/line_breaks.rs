//! Where a line of text the build sets itself (the share cards) may break. Khmer writes no
//! spaces between words, and puts them between phrases and around names; so a line breaks at a
//! space first, never between an honorific and the name after it, and inside a phrase too wide
//! for a line only where a word ends. Word ends come from ICU4X's line segmenter, in the
//! dictionary's spelling (`khmer_spelling`): a place counts where both its Khmer models, the
//! word list and the LSTM, see one (the list alone splits compounds such as ចំណាប់អារម្មណ៍,
//! the LSTM alone splits ដៃគូ).

use explainer_core::khmer_spelling::dictionary_form;
use icu_segmenter::LineSegmenter;

/// Khmer honorifics, each kept on one line with the word that follows it (`លោក ហ៊ុន`).
const HONORIFICS: &[&str] = &["លោក", "លោកស្រី", "អ្នកស្រី", "លោកជំទាវ", "ឯកឧត្តម", "សម្ដេច", "កញ្ញា"];

/// The byte offsets where a line may break inside `text` (a space-free phrase, or any text),
/// in order: where both of the segmenter's Khmer models see a word end, never before a space.
pub fn word_ends(text: &str) -> Vec<usize> {
    let spelled = dictionary_form(text);
    let breaks = |segmenter: LineSegmenter| -> Vec<usize> {
        (segmenter.segment_str(&spelled))
            .filter(|&at| at > 0 && at < text.len())
            .filter(|&at| !text[at..].starts_with(char::is_whitespace))
            .collect()
    };
    let listed = breaks(LineSegmenter::new_dictionary());
    let learned = breaks(LineSegmenter::new_lstm());
    listed
        .into_iter()
        .filter(|at| learned.contains(at))
        .collect()
}

/// `text` cut at its spaces into phrases, each with the spaces after it, except that a phrase
/// ending in an honorific stays with the word after it. (A word that merely ends in the
/// letters of one, such as ពិភពលោក, is kept with the next too: a break the fewer, never a
/// wrong one.)
pub fn phrases(text: &str) -> Vec<&str> {
    let spelled = dictionary_form(text);
    let mut phrases: Vec<&str> = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(char::is_whitespace) {
        let end = at + text[at..].chars().next().map_or(1, char::len_utf8);
        if text[end..].starts_with(char::is_whitespace) {
            continue;
        }
        let before = spelled[start..end].trim_end();
        if end == text.len() || !HONORIFICS.iter().any(|h| before.ends_with(h)) {
            phrases.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        phrases.push(&text[start..]);
    }
    phrases
}

#[cfg(test)]
mod tests {
    use super::{phrases, word_ends};

    fn words(text: &str) -> Vec<&str> {
        let mut start = 0;
        let mut out: Vec<&str> = (word_ends(text).into_iter())
            .map(|end| &text[std::mem::replace(&mut start, end)..end])
            .collect();
        out.push(&text[start..]);
        out
    }

    #[test]
    fn khmer_breaks_only_where_a_word_ends() {
        assert_eq!(words("ចំណាប់អារម្មណ៍លើពាណិជ្ជកម្ម"), ["ចំណាប់អារម្មណ៍", "លើ", "ពាណិជ្ជកម្ម"]);
        // The word list ends a word after ភាពជា and ដៃគូ, the LSTM after ភាព, ជា and ដៃ.
        assert_eq!(words("ភាពជាដៃគូបច្ចេកវិទ្យា"), ["ភាពជា", "ដៃគូបច្ចេកវិទ្យា"]);
        // Written with subscript ta, read in the dictionary's spelling.
        assert_eq!(words("អាចគ្របដណ្តប់"), ["អាច", "គ្របដណ្តប់"]);
    }

    #[test]
    fn phrases_end_at_spaces_and_an_honorific_stays_with_its_name() {
        assert_eq!(
            phrases("ពេលលោក ឡានដាវ ជួបលោក ហ៊ុន ម៉ាណែត"),
            ["ពេលលោក ឡានដាវ ", "ជួបលោក ហ៊ុន ", "ម៉ាណែត"]
        );
        assert_eq!(
            phrases("U.S. signals  trade"),
            ["U.S. ", "signals  ", "trade"]
        );
        assert_eq!(phrases("លោក"), ["លោក"]);
    }
}
