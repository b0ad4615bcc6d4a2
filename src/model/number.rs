//! Numbers the Dutch way: reading cells with a decimal comma and writing `12.345,6`; the
//! English notation `12,345.6` for an interface in English.

use std::fmt;

/// Why a numeric cell was rejected; `Display` is the Dutch message, the interface's catalog has
/// the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    NotANumber {
        text: String,
    },
    /// Separators that fit no reading (`12.34.5`, `1,2.3.4`).
    Ambiguous {
        text: String,
    },
    TooLarge {
        text: String,
    },
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::NotANumber { text } => {
                write!(
                    f,
                    "verwacht een getal (bijv. 1234, 12,5 of 12.5), kreeg '{text}'"
                )
            }
            NumberError::Ambiguous { text } => write!(
                f,
                "'{text}' is dubbelzinnig: verwacht één decimaalteken (12,5 of 12.5), eventueel met groepering per duizend (1.234,5)"
            ),
            NumberError::TooLarge { text } => write!(f, "'{text}' is te groot voor een getal"),
        }
    }
}

/// Parses a numeric cell. Accepts `1234`, `-12.5`, `12,5` (decimal comma), `1.234,5` and
/// `1,234.5` (grouped thousands). A lone comma or dot is the decimal separator; when both occur
/// the last one is. Says what was wrong when it cannot.
pub fn parse_decimal(text: &str) -> Result<f64, NumberError> {
    let t = text.trim();
    let expected = || NumberError::NotANumber {
        text: text.to_string(),
    };
    if t.is_empty() {
        return Err(expected());
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Err(expected());
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    // Borrowed when nothing changes: a big file parses millions of plain numbers.
    let normalised: std::borrow::Cow<str> = match (dots, commas) {
        (0, 0) | (1, 0) => body.into(),
        (0, 1) => body.replace(',', ".").into(),
        _ => {
            // Grouped thousands. With one kind of separator repeated it is grouping only;
            // with both kinds the last separator is the decimal one.
            let (int_part, frac) = if dots == 0 || commas == 0 {
                (body, None)
            } else {
                let i = body.rfind(['.', ',']).unwrap_or(body.len());
                (&body[..i], Some(&body[i + 1..]))
            };
            let group_sep = if int_part.contains('.') { '.' } else { ',' };
            let groups: Vec<&str> = int_part.split(group_sep).collect();
            let well_grouped = !(int_part.contains('.') && int_part.contains(','))
                && groups.len() >= 2
                && (1..=3).contains(&groups[0].len())
                && groups[1..].iter().all(|g| g.len() == 3)
                && frac.is_none_or(|f| !f.is_empty() && !f.contains(['.', ',']))
                && frac.is_none_or(|_| !body[int_part.len()..].starts_with(group_sep));
            if !well_grouped {
                return Err(NumberError::Ambiguous {
                    text: text.to_string(),
                });
            }
            match frac {
                Some(f) => format!("{}.{}", groups.concat(), f).into(),
                None => groups.concat().into(),
            }
        }
    };
    if normalised.starts_with('.') || normalised.ends_with('.') {
        return Err(expected());
    }
    let v: f64 = normalised.parse().map_err(|_| expected())?;
    if !v.is_finite() {
        return Err(NumberError::TooLarge {
            text: text.to_string(),
        });
    }
    Ok(if neg { -v } else { v })
}

/// How numbers are written: the Dutch `12.345,6` or the English `12,345.6`. Reports and minutes
/// are Dutch documents and use [`DUTCH`] (through [`format_nl`] and friends); the interface picks
/// the notation of its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notation {
    /// Between groups of three digits.
    pub group: char,
    /// Before the decimals.
    pub decimal: char,
}

pub const DUTCH: Notation = Notation {
    group: '.',
    decimal: ',',
};

pub const ENGLISH: Notation = Notation {
    group: ',',
    decimal: '.',
};

impl Notation {
    /// `12.345`, `10,7`, `-1.234,5` (Dutch): `decimals` decimals, trailing zeros kept for
    /// alignment; a dash when not finite.
    pub fn fixed(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "–".to_string();
        }
        let s = format!("{:.*}", decimals, value.abs());
        let (int_part, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s.as_str(), None),
        };
        let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3 + 4);
        for (i, c) in int_part.chars().enumerate() {
            if i > 0 && (int_part.len() - i) % 3 == 0 {
                grouped.push(self.group);
            }
            grouped.push(c);
        }
        let negative = value < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b));
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        out.push_str(&grouped);
        if let Some(f) = frac {
            out.push(self.decimal);
            out.push_str(f);
        }
        out
    }

    /// As many decimals as the value needs, up to `max_decimals` (for data values).
    pub fn auto(self, value: f64, max_decimals: usize) -> String {
        for d in 0..=max_decimals {
            let scale = 10f64.powi(d as i32);
            if ((value * scale).round() - value * scale).abs() < 1e-6 {
                return self.fixed(value, d);
            }
        }
        self.fixed(value, max_decimals)
    }

    /// An axis label: full numbers when the axis stays under ten million (`top` is its largest
    /// absolute tick), because the room reads exact figures; otherwise every tick in millions
    /// followed by `millions` ("mln"): one format per axis, never `12,5 mln` above `7.500.000`.
    pub fn axis(self, value: f64, step: f64, top: f64, millions: &str) -> String {
        // As many decimals as the step needs (2,5 needs one), at most four.
        let decimals = |step: f64| {
            (0..4)
                .find(|d| {
                    let scaled = step * 10f64.powi(*d);
                    (scaled - scaled.round()).abs() < 1e-6
                })
                .unwrap_or(4) as usize
        };
        if top.abs() >= 10_000_000.0 {
            let m = self.fixed(value / 1_000_000.0, decimals(step / 1_000_000.0));
            return format!("{m} {millions}");
        }
        self.fixed(value, decimals(step))
    }

    /// A relative difference as a signed percentage: `+4,3%` (Dutch).
    pub fn pct(self, fraction: f64) -> String {
        let sign = if fraction > 0.0 { "+" } else { "" };
        format!("{sign}{}%", self.fixed(fraction * 100.0, 1))
    }

    /// A figure in a sentence, with up to two decimals: `12.345`, `10,02` (Dutch). Written
    /// without intermediate strings: sentences are written for many differences at once.
    pub fn figure(self, value: f64) -> FigureText {
        FigureText {
            value,
            max_decimals: 2,
            notation: self,
        }
    }

    /// A fraction as an unsigned percentage in a sentence: `0,2%`, `17,3%` (Dutch); small ones
    /// keep a second decimal rather than showing as `0,0%`.
    pub fn share(self, fraction: f64) -> ShareText {
        ShareText {
            fraction,
            notation: self,
        }
    }

    /// Writes `v` with as many decimals as it needs, at most `max_decimals`, like
    /// [`Notation::auto`] but without allocating. Rounds half away from zero.
    fn write(self, f: &mut fmt::Formatter<'_>, v: f64, max_decimals: u32) -> fmt::Result {
        if !v.is_finite() || v.abs() >= 1e13 {
            return f.write_str(&self.auto(v, max_decimals as usize));
        }
        let decimals = (0..=max_decimals)
            .find(|&d| {
                let scaled = v * 10f64.powi(d as i32);
                (scaled.round() - scaled).abs() < 1e-6
            })
            .unwrap_or(max_decimals);
        let scale = 10u64.pow(decimals);
        let n = (v.abs() * scale as f64).round() as u64;
        let (int, frac) = (n / scale, n % scale);
        // Characters, not bytes: both separators are ASCII, so one byte each.
        let mut buf = [0u8; 40];
        let mut i = buf.len();
        if decimals > 0 {
            let mut fr = frac;
            for _ in 0..decimals {
                i -= 1;
                buf[i] = b'0' + (fr % 10) as u8;
                fr /= 10;
            }
            i -= 1;
            buf[i] = ascii(self.decimal);
        }
        let mut x = int;
        let mut count = 0;
        loop {
            if count > 0 && count % 3 == 0 {
                i -= 1;
                buf[i] = ascii(self.group);
            }
            i -= 1;
            buf[i] = b'0' + (x % 10) as u8;
            x /= 10;
            count += 1;
            if x == 0 {
                break;
            }
        }
        if v < 0.0 && n != 0 {
            i -= 1;
            buf[i] = b'-';
        }
        f.write_str(std::str::from_utf8(&buf[i..]).unwrap_or("?"))
    }
}

/// A separator as one byte; anything not ASCII becomes a space.
fn ascii(c: char) -> u8 {
    if c.is_ascii() { c as u8 } else { b' ' }
}

/// See [`Notation::figure`].
#[derive(Debug, Clone, Copy)]
pub struct FigureText {
    value: f64,
    max_decimals: u32,
    notation: Notation,
}

impl fmt::Display for FigureText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.notation.write(f, self.value, self.max_decimals)
    }
}

/// See [`Notation::share`].
#[derive(Debug, Clone, Copy)]
pub struct ShareText {
    fraction: f64,
    notation: Notation,
}

impl fmt::Display for ShareText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = (self.fraction * 100.0).abs();
        let decimals = if p > 0.0 && p < 0.05 { 2 } else { 1 };
        self.notation.write(f, p, decimals)?;
        f.write_str("%")
    }
}

/// Formats a number with Dutch separators: `12.345`, `10,7`, `-1.234,5`.
/// `decimals` is the number of decimals shown; trailing zeros are kept for alignment.
pub fn format_nl(value: f64, decimals: usize) -> String {
    DUTCH.fixed(value, decimals)
}

/// Formats with as many decimals as the value needs, up to `max_decimals` (for data values).
pub fn format_auto(value: f64, max_decimals: usize) -> String {
    DUTCH.auto(value, max_decimals)
}

/// Compact axis label: `12.345`, `12,3 mln`; full numbers up to ten million because the room
/// reads exact figures.
pub fn format_axis(value: f64, step: f64, top: f64) -> String {
    DUTCH.axis(value, step, top, "mln")
}

/// Relative difference as a Dutch percentage: `+4,3%`.
pub fn format_pct(fraction: f64) -> String {
    DUTCH.pct(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_decimal_forms() {
        assert_eq!(parse_decimal("1234"), Ok(1234.0));
        assert_eq!(parse_decimal("12.5"), Ok(12.5));
        assert_eq!(parse_decimal("12,5"), Ok(12.5));
        assert_eq!(parse_decimal("-3,25"), Ok(-3.25));
        assert_eq!(parse_decimal(" 100,2 "), Ok(100.2));
        assert_eq!(parse_decimal("1.234,5"), Ok(1234.5));
        assert_eq!(parse_decimal("1,234.5"), Ok(1234.5));
        assert_eq!(parse_decimal("12.345.678"), Ok(12345678.0));
        assert_eq!(parse_decimal("0,1"), Ok(0.1));
    }

    #[test]
    fn rejects_non_numbers_and_ambiguity() {
        for bad in [
            "",
            "abc",
            "12a",
            "1,2,3,4.5",
            "1.23,4.5",
            ",",
            ".5.",
            "1..2",
            "--1",
            "12,3.4",
        ] {
            assert!(parse_decimal(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(parse_decimal("12.34.5").is_err());
    }

    #[test]
    fn formats_dutch_style() {
        assert_eq!(format_nl(12345.0, 0), "12.345");
        assert_eq!(format_nl(1234567.891, 2), "1.234.567,89");
        assert_eq!(format_nl(-1234.5, 1), "-1.234,5");
        assert_eq!(format_nl(-0.01, 0), "0");
        assert_eq!(format_nl(999.0, 0), "999");
        assert_eq!(format_auto(10.7, 2), "10,7");
        assert_eq!(format_auto(9065.0, 2), "9.065");
        assert_eq!(format_pct(0.0434), "+4,3%");
        assert_eq!(format_pct(-0.5), "-50,0%");
    }

    #[test]
    fn formats_english_style() {
        assert_eq!(ENGLISH.fixed(1234567.891, 2), "1,234,567.89");
        assert_eq!(ENGLISH.auto(10.7, 2), "10.7");
        assert_eq!(ENGLISH.auto(2250.0, 2), "2,250");
        assert_eq!(ENGLISH.pct(0.068), "+6.8%");
        assert_eq!(ENGLISH.axis(2500.0, 500.0, 3000.0, "M"), "2,500");
        assert_eq!(
            ENGLISH.axis(12_500_000.0, 2_500_000.0, 12_500_000.0, "M"),
            "12.5 M"
        );
        assert_eq!(
            DUTCH.axis(12_500_000.0, 2_500_000.0, 12_500_000.0, "mln"),
            "12,5 mln"
        );
        // One format per axis: a tick under ten million on an axis that reaches past it.
        assert_eq!(
            DUTCH.axis(7_500_000.0, 2_500_000.0, 12_500_000.0, "mln"),
            "7,5 mln"
        );
        assert_eq!(
            DUTCH.axis(5_000_000.0, 5_000_000.0, 15_000_000.0, "mln"),
            "5 mln"
        );
    }

    #[test]
    fn figures_in_sentences_are_written_like_auto() {
        for v in [
            0.0,
            9064.0,
            12_345_678.0,
            -1234.5,
            10.02,
            100.2,
            0.1,
            -0.001,
            0.005,
            9569.096,
            1e14,
            -0.0,
        ] {
            assert_eq!(DUTCH.figure(v).to_string(), format_auto(v, 2), "{v}");
            assert_eq!(ENGLISH.figure(v).to_string(), ENGLISH.auto(v, 2), "{v}");
        }
        assert_eq!(DUTCH.share(0.002).to_string(), "0,2%");
        assert_eq!(DUTCH.share(-0.1734).to_string(), "17,3%");
        assert_eq!(DUTCH.share(0.0001).to_string(), "0,01%");
        assert_eq!(DUTCH.share(0.05).to_string(), "5%");
    }

    #[test]
    fn figures_and_shares_in_sentences() {
        let n = |v: f64| DUTCH.figure(v).to_string();
        assert_eq!(n(12345.0), "12.345");
        assert_eq!(n(10.02), "10,02");
        assert_eq!(n(-1234.5), "-1.234,5");
        assert_eq!(n(0.125), "0,13", "rounds half away from zero");
        assert_eq!(n(f64::NAN), "–");
        assert_eq!(ENGLISH.figure(9406000.0).to_string(), "9,406,000");
        assert_eq!(DUTCH.share(-0.173).to_string(), "17,3%");
        assert_eq!(DUTCH.share(0.0002).to_string(), "0,02%");
        assert_eq!(ENGLISH.share(0.002).to_string(), "0.2%");
    }
}
