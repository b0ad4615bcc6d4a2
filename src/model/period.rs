//! Periods (maand, kwartaal, halfjaar, jaar) and their textual forms.
//!
//! A period is stored as its granularity and index within a year so that ordering, aggregation and
//! Dutch display all derive from one representation.

use std::fmt;

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    Month,
    Quarter,
    HalfYear,
    Year,
}

impl Granularity {
    pub const ALL: [Granularity; 4] = [
        Granularity::Month,
        Granularity::Quarter,
        Granularity::HalfYear,
        Granularity::Year,
    ];

    /// Number of months a period of this granularity spans.
    pub fn months(self) -> u32 {
        match self {
            Granularity::Month => 1,
            Granularity::Quarter => 3,
            Granularity::HalfYear => 6,
            Granularity::Year => 12,
        }
    }

    /// Dutch noun, as users say it.
    pub fn dutch(self) -> &'static str {
        match self {
            Granularity::Month => "maand",
            Granularity::Quarter => "kwartaal",
            Granularity::HalfYear => "halfjaar",
            Granularity::Year => "jaar",
        }
    }

    /// Parses the Dutch noun (also used in `dataset.toml` for `ritme`).
    pub fn from_dutch(s: &str) -> Option<Granularity> {
        match s.trim().to_lowercase().as_str() {
            "maand" | "maandelijks" => Some(Granularity::Month),
            "kwartaal" | "per kwartaal" => Some(Granularity::Quarter),
            "halfjaar" | "halfjaarlijks" => Some(Granularity::HalfYear),
            "jaar" | "jaarlijks" => Some(Granularity::Year),
            _ => None,
        }
    }
}

/// One calendar period. `index` is 1-based within the year (month 1-12, quarter 1-4, half 1-2,
/// always 1 for a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub granularity: Granularity,
    pub index: u8,
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.start_month()
            .cmp(&other.start_month())
            .then(self.granularity.cmp(&other.granularity))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Why a period text was rejected; `Display` is the Dutch message, the interface's catalog has
/// the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// Not one of [`PERIOD_FORMS`].
    Unrecognised { text: String },
    /// A month, quarter or half-year number outside `1..=max`.
    OutOfRange { text: String, index: u8, max: u8 },
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodError::Unrecognised { text } => {
                write!(
                    f,
                    "periode '{text}' niet herkend; verwacht een van {PERIOD_FORMS}"
                )
            }
            PeriodError::OutOfRange { text, index, max } => {
                write!(
                    f,
                    "periode '{text}': volgnummer {index} buiten bereik 1-{max}"
                )
            }
        }
    }
}

/// What a period cell may look like, for error messages.
pub const PERIOD_FORMS: &str =
    "2021-03, 2021-Q1, 2021K1, 2021-H1, 2021, 2021MM03, 2021KW01, 2021HJ01 of 2021JJ00";

/// Dutch month names, as the minutes and the Dutch interface write them.
pub const MONTHS_LONG: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
pub const MONTHS_SHORT: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

impl Period {
    /// The year of a season chart's periods: "march" of no year in particular, so every year's
    /// march lands on one x. Readers write such a period without its year.
    pub const SEASON_YEAR: i32 = 0;

    /// A month or quarter of no particular year (see [`Period::SEASON_YEAR`]).
    pub fn is_season_slot(&self) -> bool {
        self.year == Period::SEASON_YEAR
    }

    /// This period's place in a season chart: the same month or quarter, of no year.
    pub fn season_slot(&self) -> Period {
        Period {
            year: Period::SEASON_YEAR,
            ..*self
        }
    }

    pub fn month(year: i32, month: u8) -> Period {
        Period {
            year,
            granularity: Granularity::Month,
            index: month,
        }
    }
    pub fn quarter(year: i32, q: u8) -> Period {
        Period {
            year,
            granularity: Granularity::Quarter,
            index: q,
        }
    }
    pub fn half(year: i32, h: u8) -> Period {
        Period {
            year,
            granularity: Granularity::HalfYear,
            index: h,
        }
    }
    pub fn year(year: i32) -> Period {
        Period {
            year,
            granularity: Granularity::Year,
            index: 1,
        }
    }

    /// Absolute month number of the first month (year*12 + month-1): the common time axis.
    pub fn start_month(&self) -> i64 {
        self.year as i64 * 12 + ((self.index as i64 - 1) * self.granularity.months() as i64)
    }

    /// Absolute month number of the last month in the period.
    pub fn end_month(&self) -> i64 {
        self.start_month() + self.granularity.months() as i64 - 1
    }

    /// Middle of the period in absolute months, as a float for plotting.
    pub fn mid(&self) -> f64 {
        (self.start_month() + self.end_month()) as f64 / 2.0
    }

    /// The month period for an absolute month number.
    pub fn from_month_number(m: i64) -> Period {
        Period::month(m.div_euclid(12) as i32, (m.rem_euclid(12) + 1) as u8)
    }

    /// The period of granularity `g` containing this period, if this one fits inside it.
    pub fn coarsen(&self, g: Granularity) -> Option<Period> {
        if g < self.granularity {
            return None;
        }
        let month0 = self.start_month().rem_euclid(12) as u32; // 0-based month in year
        let index = (month0 / g.months()) as u8 + 1;
        let p = Period {
            year: self.year,
            granularity: g,
            index,
        };
        // A quarter never straddles a half-year, but keep the check honest.
        (p.end_month() >= self.end_month()).then_some(p)
    }

    /// The periods of granularity `g` (finer than or equal to self) that make up this period.
    /// How many periods of granularity `g` this one holds: `children(g).len()` without them.
    pub fn child_count(&self, g: Granularity) -> usize {
        if g > self.granularity {
            return 0;
        }
        let step = i64::from(g.months());
        ((self.end_month() - self.start_month()) / step + 1) as usize
    }

    pub fn children(&self, g: Granularity) -> Vec<Period> {
        if g > self.granularity {
            return Vec::new();
        }
        let step = g.months() as i64;
        (self.start_month()..=self.end_month())
            .step_by(step as usize)
            .map(|m| {
                let month0 = m.rem_euclid(12) as u32;
                Period {
                    year: m.div_euclid(12) as i32,
                    granularity: g,
                    index: (month0 / g.months()) as u8 + 1,
                }
            })
            .collect()
    }

    /// The next period of the same granularity.
    pub fn next(&self) -> Period {
        let n = match self.granularity {
            Granularity::Month => 12,
            Granularity::Quarter => 4,
            Granularity::HalfYear => 2,
            Granularity::Year => 1,
        };
        if self.index as u32 >= n {
            Period {
                year: self.year + 1,
                index: 1,
                ..*self
            }
        } else {
            Period {
                index: self.index + 1,
                ..*self
            }
        }
    }

    /// Parses a period text. Returns the period and whether it was marked voorlopig with `*`.
    pub fn parse(text: &str) -> Result<(Period, bool), PeriodError> {
        let t = text.trim();
        let (t, provisional) = match t.strip_suffix('*') {
            Some(rest) => (rest.trim_end(), true),
            None => (t, false),
        };
        let bad = || PeriodError::Unrecognised {
            text: text.to_string(),
        };
        if t.len() < 4 || !t.is_char_boundary(4) {
            return Err(bad());
        }
        let (y, rest) = t.split_at(4);
        if !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let rest_up = rest.to_ascii_uppercase();
        let num = |s: &str, max: u8| -> Result<u8, PeriodError> {
            if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let n: u8 = s.parse().map_err(|_| bad())?;
            if n == 0 || n > max {
                return Err(PeriodError::OutOfRange {
                    text: text.to_string(),
                    index: n,
                    max,
                });
            }
            Ok(n)
        };
        let period = if rest_up.is_empty() {
            Period::year(year)
        } else if let Some(m) = rest_up.strip_prefix("MM") {
            Period::month(year, num(m, 12)?)
        } else if let Some(q) = rest_up.strip_prefix("KW") {
            Period::quarter(year, num(q, 4)?)
        } else if let Some(h) = rest_up.strip_prefix("HJ") {
            Period::half(year, num(h, 2)?)
        } else if rest_up == "JJ00" {
            Period::year(year)
        } else if let Some(r) = rest_up.strip_prefix('-') {
            if let Some(q) = r.strip_prefix('Q').or_else(|| r.strip_prefix('K')) {
                Period::quarter(year, num(q, 4)?)
            } else if let Some(h) = r.strip_prefix('H') {
                Period::half(year, num(h, 2)?)
            } else if r.len() == 2 {
                Period::month(year, num(r, 12)?)
            } else {
                return Err(bad());
            }
        } else if let Some(q) = rest_up
            .strip_prefix('K')
            .or_else(|| rest_up.strip_prefix('Q'))
        {
            Period::quarter(year, num(q, 4)?)
        } else if let Some(h) = rest_up.strip_prefix('H') {
            Period::half(year, num(h, 2)?)
        } else {
            return Err(bad());
        };
        Ok((period, provisional))
    }

    /// Canonical machine form: `2021-03`, `2021-Q1`, `2021-H1`, `2021`.
    pub fn code(&self) -> String {
        // Four digits, as `parse` requires: year 815 ("0815-01" in a file) is written back so.
        match self.granularity {
            Granularity::Month => format!("{:04}-{:02}", self.year, self.index),
            Granularity::Quarter => format!("{:04}-Q{}", self.year, self.index),
            Granularity::HalfYear => format!("{:04}-H{}", self.year, self.index),
            Granularity::Year => format!("{:04}", self.year),
        }
    }

    /// Dutch long form for minutes: "maart 2021", "1e kwartaal 2021", "2e halfjaar 2021", "2021".
    pub fn dutch_long(&self) -> String {
        if self.is_season_slot() {
            return self.dutch_long_slot();
        }
        match self.granularity {
            Granularity::Month => format!("{} {}", MONTHS_LONG[self.index as usize - 1], self.year),
            Granularity::Quarter => format!("{}e kwartaal {}", self.index, self.year),
            Granularity::HalfYear => format!("{}e halfjaar {}", self.index, self.year),
            Granularity::Year => format!("{}", self.year),
        }
    }

    /// "maart", "1e kwartaal": a season slot has no year.
    fn dutch_long_slot(&self) -> String {
        match self.granularity {
            Granularity::Month => MONTHS_LONG[self.index as usize - 1].to_string(),
            Granularity::Quarter => format!("{}e kwartaal", self.index),
            Granularity::HalfYear => format!("{}e halfjaar", self.index),
            Granularity::Year => String::new(),
        }
    }

    /// Short Dutch label for axes and tables: "mrt 2021", "K1 2021", "H1 2021", "2021".
    pub fn dutch_short(&self) -> String {
        if self.is_season_slot() {
            return match self.granularity {
                Granularity::Month => MONTHS_SHORT[self.index as usize - 1].to_string(),
                Granularity::Quarter => format!("K{}", self.index),
                Granularity::HalfYear => format!("H{}", self.index),
                Granularity::Year => String::new(),
            };
        }
        match self.granularity {
            Granularity::Month => {
                format!("{} {}", MONTHS_SHORT[self.index as usize - 1], self.year)
            }
            Granularity::Quarter => format!("K{} {}", self.index, self.year),
            Granularity::HalfYear => format!("H{} {}", self.index, self.year),
            Granularity::Year => format!("{}", self.year),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

/// Periods in files (session anchors, views) are their [`Period::code`]: "2021-03", "2021-Q1",
/// "2021-H1", "2021". Reading accepts every form [`Period::parse`] knows, but not the voorlopig
/// mark `*`, which belongs to a figure and not to a place on the time axis.
impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let text = String::deserialize(d)?;
        match Period::parse(&text) {
            Ok((p, false)) => Ok(p),
            Ok((_, true)) => Err(serde::de::Error::custom(format!(
                "periode '{text}': een * (voorlopig) hoort bij een cijfer, niet bij een periode; verwacht bijv. {}",
                text.trim().trim_end_matches('*').trim_end()
            ))),
            Err(e) => Err(serde::de::Error::custom(e)),
        }
    }
}

/// A granularity in files is its Dutch noun: "maand", "kwartaal", "halfjaar", "jaar".
impl serde::Serialize for Granularity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.dutch())
    }
}

impl<'de> serde::Deserialize<'de> for Granularity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Granularity, D::Error> {
        let text = String::deserialize(d)?;
        Granularity::from_dutch(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "periodelengte '{text}' niet herkend; verwacht maand, kwartaal, halfjaar of jaar"
            ))
        })
    }
}

/// A closed range of periods (an annotation may cover several months).
pub fn dutch_range(from: &Period, to: &Period) -> String {
    if from == to {
        from.dutch_long()
    } else {
        format!("{} t/m {}", from.dutch_long(), to.dutch_long())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (Period, bool) {
        Period::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(p("2021-03"), (Period::month(2021, 3), false));
        assert_eq!(p("2021MM03"), (Period::month(2021, 3), false));
        assert_eq!(p("2021-Q1"), (Period::quarter(2021, 1), false));
        assert_eq!(p("2021K1"), (Period::quarter(2021, 1), false));
        assert_eq!(p("2021-K4"), (Period::quarter(2021, 4), false));
        assert_eq!(p("2021q2"), (Period::quarter(2021, 2), false));
        assert_eq!(p("2021KW01"), (Period::quarter(2021, 1), false));
        assert_eq!(p("2021-H1"), (Period::half(2021, 1), false));
        assert_eq!(p("2021HJ02"), (Period::half(2021, 2), false));
        assert_eq!(p("2021"), (Period::year(2021), false));
        assert_eq!(p("2021JJ00"), (Period::year(2021), false));
        assert_eq!(p(" 2022 "), (Period::year(2022), false));
    }

    #[test]
    fn trailing_star_marks_voorlopig() {
        assert_eq!(p("2022*"), (Period::year(2022), true));
        assert_eq!(p("2023HJ01*"), (Period::half(2023, 1), true));
        assert_eq!(p("2021-03*"), (Period::month(2021, 3), true));
    }

    #[test]
    fn rejects_malformed_periods() {
        for bad in [
            "",
            "21",
            "2021-13",
            "2021-00",
            "2021-Q5",
            "2021K0",
            "2021-H3",
            "2021HJ03",
            "2021MM13",
            "2021JJ01",
            "2021-3-1",
            "maart",
            "2021/03",
            "20x1",
            "2021-Q",
            "*",
            "2021-X1",
            "€€€€",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn error_names_the_forms() {
        let e = Period::parse("2021/03").unwrap_err();
        let shown = e.to_string();
        assert!(
            shown.contains("2021/03") && shown.contains("2021KW01"),
            "{e}"
        );
        let month_13 = Period::parse("2021-13").unwrap_err();
        assert_eq!(
            month_13,
            PeriodError::OutOfRange {
                text: "2021-13".into(),
                index: 13,
                max: 12
            }
        );
    }

    #[test]
    fn ordering_and_arithmetic() {
        assert!(Period::month(2021, 12) < Period::month(2022, 1));
        assert!(Period::quarter(2021, 1) > Period::month(2021, 1));
        assert_eq!(Period::month(2021, 12).next(), Period::month(2022, 1));
        assert_eq!(Period::quarter(2021, 4).next(), Period::quarter(2022, 1));
        assert_eq!(
            Period::month(2021, 5).coarsen(Granularity::Quarter),
            Some(Period::quarter(2021, 2))
        );
        assert_eq!(
            Period::quarter(2021, 3).coarsen(Granularity::HalfYear),
            Some(Period::half(2021, 2))
        );
        assert_eq!(Period::year(2021).coarsen(Granularity::Month), None);
        assert_eq!(
            Period::half(2021, 2).children(Granularity::Quarter),
            vec![Period::quarter(2021, 3), Period::quarter(2021, 4)]
        );
        assert_eq!(Period::year(2021).children(Granularity::Month).len(), 12);
        assert_eq!(
            Period::from_month_number(Period::month(2019, 7).start_month()),
            Period::month(2019, 7)
        );
    }

    #[test]
    fn serde_as_codes_and_nouns() {
        #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
        struct W {
            p: Period,
            g: Granularity,
        }
        let w = W {
            p: Period::quarter(2021, 1),
            g: Granularity::Quarter,
        };
        let text = toml::to_string(&w).unwrap();
        assert_eq!(text, "p = \"2021-Q1\"\ng = \"kwartaal\"\n");
        assert_eq!(toml::from_str::<W>(&text).unwrap(), w);
        // Other forms are read, the code is written.
        let w: W = toml::from_str("p = \"2021KW01\"\ng = \"jaar\"").unwrap();
        assert_eq!(w.p, Period::quarter(2021, 1));
        let e = toml::from_str::<W>("p = \"maart\"\ng = \"jaar\"").unwrap_err();
        assert!(e.message().contains("'maart' niet herkend"), "{e}");
        assert_eq!(e.span(), Some(4..11));
        let e = toml::from_str::<W>("p = \"2021-03*\"\ng = \"jaar\"").unwrap_err();
        assert!(e.message().contains("voorlopig"), "{e}");
        let e = toml::from_str::<W>("p = \"2021\"\ng = \"week\"").unwrap_err();
        assert!(e.message().contains("'week'"), "{e}");
    }

    #[test]
    fn dutch_labels() {
        assert_eq!(Period::month(2021, 3).dutch_long(), "maart 2021");
        assert_eq!(Period::quarter(2021, 1).dutch_long(), "1e kwartaal 2021");
        assert_eq!(Period::half(2023, 1).dutch_long(), "1e halfjaar 2023");
        assert_eq!(Period::month(2021, 3).dutch_short(), "mrt 2021");
        assert_eq!(
            dutch_range(&Period::month(2021, 6), &Period::month(2021, 12)),
            "juni 2021 t/m december 2021"
        );
    }
}
