//! Units as users write them ("euro", "x 1.000 euro", "per 10.000 inwoners 15-64 jaar",
//! "% jongeren tot 18"): comparing them and converting between scale and per-N forms.

use crate::model::number::Notation;

/// Lower case, single spaces, `×` as `x`: "X 1.000  Euro" and "x 1.000 euro" are one unit.
pub(super) fn normalize(unit: &str) -> String {
    unit.trim()
        .to_lowercase()
        .replace('×', "x")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn same(a: &str, b: &str) -> bool {
    a == b || normalize(a) == normalize(b)
}

/// A unit split into a multiplier ("x 1.000"), a per-N denominator ("per 10.000", "%") and
/// the rest (what is counted, or the denominator population).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitForm {
    pub scale: f64,
    pub per: Option<f64>,
    pub percent: bool,
    pub base: String,
}

/// Reads a leading count: `1.000`, `10.000`, `1000`. Dots are thousands separators here
/// (units never carry decimals).
fn leading_count(s: &str) -> Option<(f64, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let digits = s[..end].trim_end_matches('.');
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = digits.split('.').collect();
    let well_grouped = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped {
        return None;
    }
    let n: f64 = groups.concat().parse().ok()?;
    Some((n, s[digits.len()..].trim_start()))
}

pub(super) fn parse(unit: &str) -> UnitForm {
    let s = normalize(unit);
    let mut rest = s.as_str();
    let mut scale = 1.0;
    if let Some(r) = rest.strip_prefix('x')
        && let Some((n, r)) = leading_count(r.trim_start())
    {
        scale = n;
        rest = r;
    } else if let Some(r) = rest.strip_prefix("duizend ") {
        scale = 1_000.0;
        rest = r;
    } else if let Some(r) = rest
        .strip_prefix("miljoen ")
        .or_else(|| rest.strip_prefix("mln "))
    {
        scale = 1_000_000.0;
        rest = r;
    }
    let (per, percent, base) = if let Some(r) = rest.strip_prefix('%') {
        (Some(100.0), true, r.trim())
    } else if let Some(r) = rest.strip_prefix("procent") {
        (Some(100.0), true, r.trim())
    } else if let Some(r) = rest.strip_prefix("per ") {
        match leading_count(r) {
            Some((n, r)) => (Some(n), false, r.trim()),
            None => (Some(1.0), false, r.trim()),
        }
    } else {
        (None, false, rest.trim())
    };
    UnitForm {
        scale,
        per,
        percent,
        base: base.to_string(),
    }
}

impl UnitForm {
    /// The scale and denominator only: "per 1.000", "%", "x 1.000 euro", "euro", the numbers
    /// in `notation` ("per" and "x" read the same in Dutch and English).
    pub fn short(&self, notation: Notation) -> String {
        match self.per {
            Some(_) if self.percent => "%".to_string(),
            Some(n) => format!("per {}", notation.fixed(n, 0)),
            None if self.scale == 1.0 => self.base.clone(),
            None => format!("x {} {}", notation.fixed(self.scale, 0), self.base),
        }
    }
}

/// How to express a value of one unit in another.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Conversion {
    /// value in `to` = value in `from` × factor.
    pub factor: f64,
    pub from: UnitForm,
    pub to: UnitForm,
    /// Per-N units whose populations differ ("inwoners 15-65 jaar" against "inwoners 15-64 jaar"):
    /// the factor converts the scale, not the population.
    pub populations_differ: bool,
}

/// The conversion between two units, when they differ only in scale or per-N.
pub(crate) fn conversion(from: &str, to: &str) -> Option<Conversion> {
    let a = parse(from);
    let b = parse(to);
    match (a.per, b.per) {
        (Some(pa), Some(pb)) => Some(Conversion {
            factor: (a.scale / pa) * (pb / b.scale),
            populations_differ: a.base != b.base,
            from: a,
            to: b,
        }),
        (None, None) if a.base == b.base && !a.base.is_empty() => Some(Conversion {
            factor: a.scale / b.scale,
            populations_differ: false,
            from: a,
            to: b,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::number::{DUTCH, ENGLISH};

    #[test]
    fn parses_scale_and_per_forms() {
        let p = parse("x 1.000 euro");
        assert_eq!((p.scale, p.per, p.base.as_str()), (1000.0, None, "euro"));
        let p = parse("per 10.000 inwoners 15-64 jaar");
        assert_eq!(
            (p.scale, p.per, p.base.as_str()),
            (1.0, Some(10_000.0), "inwoners 15-64 jaar")
        );
        let p = parse("% jongeren tot 18");
        assert!(p.percent && p.per == Some(100.0) && p.base == "jongeren tot 18");
        assert_eq!(parse("Euro").base, "euro");
        assert_eq!(parse("×1000 euro").scale, 1000.0);
        assert_eq!(parse("per inwoner").per, Some(1.0));
        // Not a count: kept as text.
        assert_eq!(parse("x-as").base, "x-as");
    }

    #[test]
    fn converts_per_n_and_scales() {
        let c = conversion(
            "per 1.000 inwoners 15-65 jaar",
            "per 10.000 inwoners 15-64 jaar",
        )
        .unwrap();
        assert_eq!(c.factor, 10.0);
        assert!(c.populations_differ);
        assert_eq!(c.from.short(DUTCH), "per 1.000");
        assert_eq!(c.from.short(ENGLISH), "per 1,000");
        let c = conversion("x 1.000 euro", "euro").unwrap();
        assert_eq!(c.factor, 1000.0);
        assert!(!c.populations_differ);
        assert_eq!(c.from.short(DUTCH), "x 1.000 euro");
        assert_eq!(conversion("cliënten", "personen"), None);
        assert_eq!(conversion("euro", "per 1.000 inwoners"), None);
        assert!(same("x 1.000  Euro", "x 1.000 euro"));
        assert!(!same("euro", "x 1.000 euro"));
    }
}
