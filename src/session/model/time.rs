//! Times and dates in a session file: a moment as local time with the UTC offset written beside it
//! ("2026-11-23T10:15:00+01:00"), and a calendar date ("2026-11-23").

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A moment as written in a session file: the local date and time of the room and its offset
/// from UTC. The offset is kept as written, so saving what was read gives the same text; moments
/// compare as instants (a change at 10:30+02:00 is before one at 10:00+00:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LocalTime {
    datetime: DateTime,
    offset: Offset,
}

impl LocalTime {
    /// Now, in the local time zone, to the second.
    pub fn now() -> LocalTime {
        let now = jiff::Zoned::now();
        let datetime = now.datetime();
        LocalTime {
            datetime: datetime
                .with()
                .subsec_nanosecond(0)
                .build()
                .unwrap_or(datetime),
            offset: now.offset(),
        }
    }

    /// Reads RFC 3339 with an offset: "2026-11-23T10:15:00+01:00" (also "…Z" for UTC and
    /// fractions of a second). A date without a time, or a time without an offset, is refused:
    /// without the offset the moment is not known.
    pub fn parse(text: &str) -> Result<LocalTime, String> {
        let bad = |why: &str| {
            format!(
                "tijd '{text}' niet herkend{why}; verwacht datum, tijd en verschil met UTC, bijv. 2026-11-23T10:15:00+01:00"
            )
        };
        let pieces = jiff::fmt::temporal::Pieces::parse(text.trim()).map_err(|_| bad(""))?;
        let time = pieces.time().ok_or_else(|| bad(": de tijd ontbreekt"))?;
        let offset = pieces
            .to_numeric_offset()
            .ok_or_else(|| bad(": het verschil met UTC ontbreekt"))?;
        let datetime = pieces.date().to_datetime(time);
        offset.to_timestamp(datetime).map_err(|_| bad(""))?;
        Ok(LocalTime { datetime, offset })
    }

    /// The instant.
    pub fn timestamp(&self) -> jiff::Timestamp {
        // `parse` and `now` only make times that have an instant.
        self.offset
            .to_timestamp(self.datetime)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    /// The local date and time, as the room's clock showed it.
    pub fn datetime(&self) -> DateTime {
        self.datetime
    }

    pub fn date(&self) -> Date {
        self.datetime.date()
    }

    pub fn offset(&self) -> Offset {
        self.offset
    }
}

impl Ord for LocalTime {
    fn cmp(&self, other: &LocalTime) -> Ordering {
        self.timestamp()
            .cmp(&other.timestamp())
            .then_with(|| self.datetime.cmp(&other.datetime))
            .then_with(|| self.offset.seconds().cmp(&other.offset.seconds()))
    }
}

impl PartialOrd for LocalTime {
    fn partial_cmp(&self, other: &LocalTime) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for LocalTime {
    /// "2026-11-23T10:15:00+01:00": seconds always, a fraction only when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.offset.seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let abs = seconds.unsigned_abs();
        write!(
            f,
            "{}{sign}{:02}:{:02}",
            self.datetime,
            abs / 3600,
            abs / 60 % 60
        )?;
        match abs % 60 {
            0 => Ok(()),
            s => write!(f, ":{s:02}"),
        }
    }
}

impl FromStr for LocalTime {
    type Err = String;

    fn from_str(text: &str) -> Result<LocalTime, String> {
        LocalTime::parse(text)
    }
}

impl Serialize for LocalTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<LocalTime, D::Error> {
        let text = String::deserialize(d)?;
        LocalTime::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Reads a date "2026-11-05" with a Dutch message naming what was expected.
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| format!("datum '{text}' niet herkend; verwacht JJJJ-MM-DD, bijv. 2026-11-05"))
}

/// Serde for a [`Date`] as "2026-11-05" (`#[serde(with = "date_text")]`).
pub mod date_text {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_offset_as_written() {
        for text in [
            "2026-11-23T10:15:00+01:00",
            "2026-07-02T09:00:00+02:00",
            "2026-07-02T09:00:00-03:30",
            "2026-07-02T09:00:00.25+02:00",
        ] {
            assert_eq!(LocalTime::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(
            LocalTime::parse("2026-11-23T10:15:00Z")
                .unwrap()
                .to_string(),
            "2026-11-23T10:15:00+00:00"
        );
        let t = LocalTime::parse("2026-11-23T10:15:00+01:00").unwrap();
        assert_eq!(t.date().to_string(), "2026-11-23");
        assert_eq!(t.timestamp().to_string(), "2026-11-23T09:15:00Z");
    }

    #[test]
    fn refuses_what_is_not_a_moment() {
        for bad in [
            "",
            "gisteren",
            "2026-11-23",
            "2026-11-23T10:15:00",
            "10:15",
            "2026-13-01T10:00:00+01:00",
            "2026-11-23T10:15:00+01:00 en later",
        ] {
            let e = LocalTime::parse(bad).unwrap_err();
            assert!(e.contains(&format!("'{bad}'")), "{e}");
        }
    }

    #[test]
    fn compares_as_instants() {
        let t = |s: &str| LocalTime::parse(s).unwrap();
        assert!(t("2026-12-01T10:30:00+02:00") < t("2026-12-01T10:00:00+01:00"));
        assert!(t("2026-12-01T10:00:00+01:00") > t("2026-12-01T09:59:59+01:00"));
        // Same instant, other offset: not equal (the text differs), but ordered consistently.
        let (a, b) = (
            t("2026-12-01T10:00:00+01:00"),
            t("2026-12-01T09:00:00+00:00"),
        );
        assert_ne!(a, b);
        assert_eq!(a.timestamp(), b.timestamp());
        assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
    }

    #[test]
    fn now_is_whole_seconds_and_reads_back() {
        let now = LocalTime::now();
        let text = now.to_string();
        assert_eq!(text.len(), "2026-11-23T10:15:00+01:00".len(), "{text}");
        assert_eq!(LocalTime::parse(&text).unwrap(), now);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2026-11-05").unwrap().to_string(), "2026-11-05");
        let e = parse_date("5 november").unwrap_err();
        assert!(
            e.contains("'5 november'") && e.contains("JJJJ-MM-DD"),
            "{e}"
        );
    }
}
