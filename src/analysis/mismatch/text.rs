//! Dutch text for details: figures (`12.345`, `10,02`), percentages and the recurring phrases,
//! written without intermediate strings because a detail is written for every named difference.

use super::unit::Parsed;
use crate::model::number::format_auto;
use crate::model::{Granularity, Period};

/// Writes `v` the Dutch way (`12.345`, `-1.234,5`) with as many decimals as it needs, at most
/// `max_decimals`, like [`format_auto`] but without allocating: details are written for every
/// named difference.
fn write_nl(f: &mut std::fmt::Formatter<'_>, v: f64, max_decimals: u32) -> std::fmt::Result {
    if !v.is_finite() || v.abs() >= 1e13 {
        return f.write_str(&format_auto(v, max_decimals as usize));
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
        buf[i] = b',';
    }
    let mut x = int;
    let mut count = 0;
    loop {
        if count > 0 && count % 3 == 0 {
            i -= 1;
            buf[i] = b'.';
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

/// A figure the Dutch way, with up to two decimals: `12.345`, `10,02`.
pub(super) struct Nl(f64);

impl std::fmt::Display for Nl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_nl(f, self.0, 2)
    }
}

pub(super) fn num(v: f64) -> Nl {
    Nl(v)
}

/// A fraction as an unsigned Dutch percentage: `0,2%`, `17,3%`.
pub(super) struct Pct(f64);

impl std::fmt::Display for Pct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = (self.0 * 100.0).abs();
        // Small differences keep a second decimal rather than showing as 0,0%.
        let decimals = if p > 0.0 && p < 0.05 { 2 } else { 1 };
        write_nl(f, p, decimals)?;
        f.write_str("%")
    }
}

pub(super) fn pct(fraction: f64) -> Pct {
    Pct(fraction)
}

/// "9.064 (a) tegen 9.065 (b)".
pub(super) struct Vs<'s>(pub f64, pub &'s str, pub f64, pub &'s str);

impl std::fmt::Display for Vs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}) tegen {} ({})",
            num(self.0),
            self.1,
            num(self.2),
            self.3
        )
    }
}

/// " (0,1%)" after a difference, nothing when there is no relative size.
pub(super) struct PctNote(pub Option<f64>);

impl std::fmt::Display for PctNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(rel) => write!(f, " ({})", pct(rel)),
            None => Ok(()),
        }
    }
}

/// "verschil 15 (0,1%)".
pub(super) struct Size(pub f64, pub Option<f64>);

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "verschil {}{}", num(self.0.abs()), PctNote(self.1))
    }
}

/// "12 x 1.000 euro = 12.000 euro": a figure in one unit and the same figure in another.
pub(super) struct Converts<'u>(pub f64, pub &'u Parsed, pub f64, pub &'u Parsed);

impl std::fmt::Display for Converts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} = {} {}",
            num(self.0),
            self.1.short(),
            num(self.2),
            self.3.short()
        )
    }
}

/// "; let op: b is voorlopig" when one side is.
pub(super) struct Voorlopig<'s>(pub Option<&'s str>);

impl std::fmt::Display for Voorlopig<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(b) => write!(f, "; let op: {b} is voorlopig"),
            None => Ok(()),
        }
    }
}

pub(super) fn status_word(provisional: bool) -> &'static str {
    if provisional {
        "voorlopig"
    } else {
        "definitief"
    }
}

/// Plural Dutch noun for a granularity ("maanden").
pub(super) fn plural(g: Granularity) -> &'static str {
    match g {
        Granularity::Month => "maanden",
        Granularity::Quarter => "kwartalen",
        Granularity::HalfYear => "halfjaren",
        Granularity::Year => "jaren",
    }
}

/// Period codes joined for a sentence: "2023-07", "2023-07 en 2023-08".
pub(super) fn codes(periods: &[Period]) -> String {
    let c: Vec<String> = periods.iter().map(Period::code).collect();
    match c.len() {
        0 => String::new(),
        1 => c[0].clone(),
        n => format!("{} en {}", c[..n - 1].join(", "), c[n - 1]),
    }
}
