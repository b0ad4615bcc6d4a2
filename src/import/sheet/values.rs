//! Periods and numbers as providers write them in cells: `jan-23`, `januari 2023`, real Excel
//! dates and date serials; `1.234,5` stored as text, `x` for a suppressed figure.

use super::grid::{Cell, iso_date, serial_date};
use crate::import::{Figure, Missing};
use crate::model::Period;
use serde::Deserialize;

/// How numbers stored as text are written (`getalnotatie` in `kaart.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberFormat {
    /// `1.234,5`: dot groups thousands, comma is decimal.
    #[default]
    Nl,
    /// `1,234.5`.
    En,
    /// Decided per cell (a lone separator is the decimal one).
    Auto,
}

const MONTHS_NL: [&str; 12] = [
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
const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A period from a header or period cell, with whether it was marked voorlopig (`*`).
pub fn period_of(cell: &Cell) -> Option<(Period, bool)> {
    match cell {
        Cell::Date(y, m, _) => Some((Period::month(*y, *m), false)),
        Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2100.0).contains(n) => {
            Some((Period::year(*n as i32), false))
        }
        Cell::Number(n) => serial_date(*n).map(|(y, m, _)| (Period::month(y, m), false)),
        Cell::Text(t) => period_of_text(t),
        Cell::Empty | Cell::Error(_) => None,
    }
}

fn period_of_text(text: &str) -> Option<(Period, bool)> {
    let t = text.trim();
    let (t, provisional) = match t.strip_suffix('*') {
        Some(rest) => (rest.trim_end(), true),
        None => (t, false),
    };
    if t.is_empty() {
        return None;
    }
    let period = Period::parse(t)
        .ok()
        .map(|(p, _)| p)
        .or_else(|| iso_date(t).map(|(y, m, _)| Period::month(y, m)))
        .or_else(|| dutch_date(t))
        .or_else(|| named_month(t))
        .or_else(|| quarter_or_half(t))
        .or_else(|| {
            t.parse::<f64>()
                .ok()
                .and_then(serial_date)
                .map(|(y, m, _)| Period::month(y, m))
        })?;
    Some((period, provisional))
}

/// `31-01-2023` or `31/01/2023`: the month.
fn dutch_date(t: &str) -> Option<Period> {
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y): (u8, u8, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m) && y > 999).then(|| Period::month(y, m))
}

/// `jan-23`, `Jan 2023`, `januari 2023`, `mrt '23`, `2023 maart`.
fn named_month(t: &str) -> Option<Period> {
    let lower = t.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(['-', ' ', '/', '.', '\''])
        .filter(|s| !s.is_empty())
        .collect();
    let [a, b] = tokens.as_slice() else {
        return None;
    };
    let (name, year) = match (month_number(a), month_number(b)) {
        (Some(m), None) => (m, *b),
        (None, Some(m)) => (m, *a),
        _ => return None,
    };
    Some(Period::month(year_of(year)?, name))
}

fn month_number(word: &str) -> Option<u8> {
    if word.len() < 3 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let found = |names: &[&str; 12]| names.iter().position(|n| n.starts_with(word));
    let short = crate::model::period::MONTHS_SHORT
        .iter()
        .position(|n| *n == word);
    // `mrt`, `okt` are Dutch abbreviations; `mar`, `may`, `oct` English ones.
    let index = short
        .or_else(|| found(&MONTHS_NL))
        .or_else(|| found(&MONTHS_EN))?;
    Some(index as u8 + 1)
}

/// A four-digit year, or two digits for this century (`23` is 2023).
fn year_of(word: &str) -> Option<i32> {
    if !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match word.len() {
        2 => word.parse::<i32>().ok().map(|y| 2000 + y),
        4 => word.parse().ok(),
        _ => None,
    }
}

/// `K1 2023`, `Q1 2023`, `H2 2023`, `1e kwartaal 2023`, `2023 1e halfjaar`.
fn quarter_or_half(t: &str) -> Option<Period> {
    let lower = t.to_lowercase();
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    let year = tokens
        .iter()
        .find_map(|w| (w.len() == 4).then(|| year_of(w)).flatten())?;
    let rest: Vec<&str> = tokens
        .into_iter()
        .filter(|w| year_of(w) != Some(year))
        .collect();
    let index = |s: &str| s.trim_end_matches('e').parse::<u8>().ok();
    match rest.as_slice() {
        [code] => {
            let (kind, n) = code.split_at(1.min(code.len()));
            let n = n.parse::<u8>().ok()?;
            match kind {
                "k" | "q" if (1..=4).contains(&n) => Some(Period::quarter(year, n)),
                "h" if (1..=2).contains(&n) => Some(Period::half(year, n)),
                _ => None,
            }
        }
        [n, "kwartaal"] => index(n)
            .filter(|n| (1..=4).contains(n))
            .map(|n| Period::quarter(year, n)),
        [n, "halfjaar"] => index(n)
            .filter(|n| (1..=2).contains(n))
            .map(|n| Period::half(year, n)),
        _ => None,
    }
}

/// A figure from a value cell: a number, a missing mark with its reason, or what was wrong
/// (in Dutch, without the place). `Ok(None)` for an empty cell: nothing was reported there.
pub fn figure_of(cell: &Cell, format: NumberFormat) -> Result<Option<Figure>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if n.is_finite() => Ok(Some(Figure::Value(*n))),
        Cell::Number(_) => Err("verwacht een eindig getal".into()),
        Cell::Error(e) => Ok(Some(Figure::Missing(Missing::Other(format!(
            "Excel-fout {e} in het blad"
        ))))),
        Cell::Date(..) => Err(format!(
            "verwacht een getal, kreeg de datum {}",
            cell.shown()
        )),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        Cell::Text(t) => {
            if let Some(missing) = missing_mark(t) {
                return Ok(Some(Figure::Missing(missing)));
            }
            number_of_text(t, format).map(|n| Some(Figure::Value(n)))
        }
    }
}

fn missing_mark(text: &str) -> Option<Missing> {
    match text.trim().to_lowercase().as_str() {
        "." | "?" | "nb" | "n.b." | "onbekend" => Some(Missing::Unknown),
        "x" | "geheim" => Some(Missing::Confidential),
        "-" | "–" | "—" => Some(Missing::Other(
            "'-' in het blad (nihil of niet van toepassing)".into(),
        )),
        _ => None,
    }
}

/// A number stored as text, in the given notation; currency signs, percent signs and spaces
/// (also the non-breaking ones Excel exports) are ignored.
pub fn number_of_text(text: &str, format: NumberFormat) -> Result<f64, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '€' | '%' | '\u{a0}' | '\u{202f}'))
        .collect();
    let expected = match format {
        NumberFormat::Nl => "verwacht een getal in Nederlandse notatie (1234, 1.234 of 1.234,5)",
        NumberFormat::En => "verwacht een getal in Engelse notatie (1234, 1,234 of 1,234.5)",
        NumberFormat::Auto => "verwacht een getal (1234, 12,5 of 1.234,5)",
    };
    let bad = || format!("{expected}, kreeg '{}'", text.trim());
    let (group, decimal) = match format {
        NumberFormat::Nl => ('.', ','),
        NumberFormat::En => (',', '.'),
        NumberFormat::Auto => {
            return crate::model::number::parse_decimal(&cleaned).map_err(|_| bad());
        }
    };
    let (neg, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    let (int_part, frac) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int_part.split(group).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped_ok =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !groups.iter().all(|g| digits(g)) || !grouped_ok || frac.is_some_and(|f| !digits(f)) {
        return Err(bad());
    }
    let plain = match frac {
        Some(f) => format!("{}.{f}", groups.concat()),
        None => groups.concat(),
    };
    let n: f64 = plain.parse().map_err(|_| bad())?;
    if !n.is_finite() {
        return Err(format!("'{}' is te groot voor een getal", text.trim()));
    }
    Ok(if neg { -n } else { n })
}
