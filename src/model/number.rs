//! Numbers the Dutch way: reading cells with a decimal comma and writing `12.345,6`.

/// Parses a numeric cell. Accepts `1234`, `-12.5`, `12,5` (decimal comma), `1.234,5` and
/// `1,234.5` (grouped thousands). A lone comma or dot is the decimal separator; when both occur
/// the last one is. Returns a Dutch explanation of what was expected when it cannot.
pub fn parse_decimal(text: &str) -> Result<f64, String> {
    let t = text.trim();
    let expected = || format!("verwacht een getal (bijv. 1234, 12,5 of 12.5), kreeg '{text}'");
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
    let normalised = match (dots, commas) {
        (0, 0) => body.to_string(),
        (1, 0) => body.to_string(),
        (0, 1) => body.replace(',', "."),
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
                return Err(format!(
                    "'{text}' is dubbelzinnig: verwacht één decimaalteken (12,5 of 12.5), eventueel met groepering per duizend (1.234,5)"
                ));
            }
            match frac {
                Some(f) => format!("{}.{}", groups.concat(), f),
                None => groups.concat(),
            }
        }
    };
    if normalised.starts_with('.') || normalised.ends_with('.') {
        return Err(expected());
    }
    let v: f64 = normalised.parse().map_err(|_| expected())?;
    if !v.is_finite() {
        return Err(format!("'{text}' is te groot voor een getal"));
    }
    Ok(if neg { -v } else { v })
}

/// Formats a number with Dutch separators: `12.345`, `10,7`, `-1.234,5`.
/// `decimals` is the number of decimals shown; trailing zeros are kept for alignment.
pub fn format_nl(value: f64, decimals: usize) -> String {
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
            grouped.push('.');
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
        out.push(',');
        out.push_str(f);
    }
    out
}

/// Formats with as many decimals as the value needs, up to `max_decimals` (for data values).
pub fn format_auto(value: f64, max_decimals: usize) -> String {
    for d in 0..=max_decimals {
        let scale = 10f64.powi(d as i32);
        if ((value * scale).round() - value * scale).abs() < 1e-6 {
            return format_nl(value, d);
        }
    }
    format_nl(value, max_decimals)
}

/// Compact axis label: `12.345`, `1,2 mln`, `850 dzd` is avoided: we keep full numbers up to a
/// million because the room reads exact figures.
pub fn format_axis(value: f64, step: f64) -> String {
    if value.abs() >= 10_000_000.0 {
        return format!("{} mln", format_nl(value / 1_000_000.0, 1));
    }
    let decimals = if step >= 1.0 || step == 0.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 4.0) as usize
    };
    format_nl(value, decimals)
}

/// Relative difference as a Dutch percentage: `+4,3%`.
pub fn format_pct(fraction: f64) -> String {
    let sign = if fraction > 0.0 { "+" } else { "" };
    format!("{sign}{}%", format_nl(fraction * 100.0, 1))
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
}
