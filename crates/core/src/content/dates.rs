//! The explainer's own publishing dates (the newsroom's, not the story's): ISO 8601 as the
//! content file gives them, checked at build time, and written out in an edition's words.

use super::model::Labels;
use super::template::fill;

/// A publishing date: a day (`2026-12-01`), or a moment of it with its offset from UTC
/// (`2026-12-01T09:30+07:00`, `2026-12-01T02:30:00Z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublishingDate {
    pub year: u32,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
    /// Seconds after the day's midnight, local time, and the offset from UTC in seconds.
    time: Option<(u32, i32)>,
}

/// What a well-formed date looks like, for messages.
const EXPECTED: &str = "expected an ISO 8601 date such as 2026-12-01 or 2026-12-01T09:30+07:00";

impl PublishingDate {
    /// Reads `text`, or says what is wrong with it.
    pub fn parse(text: &str) -> Result<Self, String> {
        let wrong = || format!("\"{text}\" is not a date: {EXPECTED}");
        let (date, time) = match text.split_once('T') {
            Some((date, time)) => (date, Some(time)),
            None => (text, None),
        };
        let [year, month, day] = numbers(date, '-', [4, 2, 2]).ok_or_else(wrong)?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("\"{text}\" names no day of the calendar"));
        }
        let time = time
            .map(|time| parse_time(time).ok_or_else(wrong))
            .transpose()?;
        Ok(PublishingDate {
            year,
            month,
            day,
            time,
        })
    }

    /// Seconds since 1970-01-01T00:00Z; a day alone counts from its midnight, UTC. For
    /// ordering dates.
    pub fn instant(&self) -> i64 {
        let (seconds, offset) = self.time.unwrap_or((0, 0));
        days_from_civil(self.year, self.month, self.day) * 86_400 + i64::from(seconds)
            - i64::from(offset)
    }

    /// The day as `labels.date_format` writes it, with the edition's month names and digits,
    /// such as "1 December 2026".
    pub fn written(&self, labels: &Labels) -> String {
        let month = labels
            .months
            .get(self.month as usize - 1)
            .map_or("", String::as_str);
        fill(
            &labels.date_format,
            &[
                ("day", &labels.digits.format(self.day as usize)),
                ("month", month),
                ("year", &labels.digits.format(self.year as usize)),
            ],
        )
    }

    /// Whether both name the same calendar day.
    pub fn same_day(&self, other: &PublishingDate) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }
}

/// `HH:MM` or `HH:MM:SS`, then `Z` or `±HH:MM`: seconds after midnight and the offset.
fn parse_time(text: &str) -> Option<(u32, i32)> {
    let (clock, offset) = match text.strip_suffix('Z') {
        Some(clock) => (clock, 0),
        None => {
            let at = text.rfind(['+', '-'])?;
            let [hours, minutes] = numbers(&text[at + 1..], ':', [2, 2])?;
            if hours > 14 || minutes > 59 {
                return None;
            }
            let seconds = (hours * 3600 + minutes * 60) as i32;
            let sign = if text[at..].starts_with('-') { -1 } else { 1 };
            (&text[..at], sign * seconds)
        }
    };
    let (hours, minutes, seconds) = match clock.len() {
        5 => numbers(clock, ':', [2, 2]).map(|[h, m]| (h, m, 0))?,
        8 => numbers(clock, ':', [2, 2, 2]).map(|[h, m, s]| (h, m, s))?,
        _ => return None,
    };
    (hours < 24 && minutes < 60 && seconds < 60)
        .then_some((hours * 3600 + minutes * 60 + seconds, offset))
}

/// `text` as `N` groups of ASCII digits of the given `widths`, joined by `separator`.
fn numbers<const N: usize>(text: &str, separator: char, widths: [usize; N]) -> Option<[u32; N]> {
    let parts: Vec<&str> = text.split(separator).collect();
    if parts.len() != N {
        return None;
    }
    let mut out = [0; N];
    for ((value, part), width) in out.iter_mut().zip(parts).zip(widths) {
        if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *value = part.parse().ok()?;
    }
    Some(out)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_days_and_moments() {
        let day = PublishingDate::parse("2026-12-01").unwrap();
        assert_eq!((day.year, day.month, day.day), (2026, 12, 1));
        assert_eq!(day.instant(), 1_796_083_200);
        let moment = PublishingDate::parse("2026-12-01T09:30+07:00").unwrap();
        assert_eq!(moment.instant(), 1_796_083_200 + 2 * 3600 + 30 * 60);
        let utc = PublishingDate::parse("2026-12-01T02:30:00Z").unwrap();
        assert_eq!(utc.instant(), moment.instant());
        assert!(day.same_day(&moment));
        assert_eq!(PublishingDate::parse("1970-01-01").unwrap().instant(), 0);
        assert_eq!(
            PublishingDate::parse("2024-02-29T23:59:59-05:00")
                .unwrap()
                .instant(),
            1_709_269_199
        );
    }

    #[test]
    fn refuses_what_is_no_date() {
        for bad in [
            "",
            "1 December 2026",
            "2026-12-1",
            "2026/12/01",
            "2026-12-01T9:30Z",
            "2026-12-01T09:30",
            "2026-12-01T24:00Z",
            "2026-12-01T09:30+7",
            "２０２６-12-01",
        ] {
            let message = PublishingDate::parse(bad).unwrap_err();
            assert!(message.contains("is not a date"), "{bad}: {message}");
        }
        for impossible in ["2026-13-01", "2026-02-29", "2026-04-31", "2026-00-10"] {
            let message = PublishingDate::parse(impossible).unwrap_err();
            assert!(message.contains("names no day"), "{impossible}: {message}");
        }
        assert!(PublishingDate::parse("2024-02-29").is_ok());
    }
}
