//! Calendar dates as days since 1970-01-01 (`i32`) and months as `year * 12 + month - 1`, so
//! spells and month ends are plain integer comparisons.

/// The date formats an extract may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFormat {
    /// `2023-03-01`
    Iso,
    /// `01-03-2023`
    Dutch,
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number(s: &[u8]) -> Option<u32> {
    s.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Parses a date in `format`; `None` when it is not a real date in that format.
pub fn parse(s: &str, format: DateFormat) -> Option<i32> {
    let b = s.trim().as_bytes();
    if b.len() != 10 {
        return None;
    }
    let (y, m, d) = match format {
        DateFormat::Iso if b[4] == b'-' && b[7] == b'-' => (&b[0..4], &b[5..7], &b[8..10]),
        DateFormat::Dutch if b[2] == b'-' && b[5] == b'-' => (&b[6..10], &b[3..5], &b[0..2]),
        _ => return None,
    };
    let (y, m, d) = (number(y)? as i32, number(m)?, number(d)?);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// The month (`year * 12 + month - 1`) of a day number.
pub fn month_of(day: i32) -> i32 {
    let (y, m, _) = civil_from_days(day);
    y * 12 + m as i32 - 1
}

/// The last day of a month: the peildatum of its stand.
pub fn last_day(month: i32) -> i32 {
    let (y, m) = (month.div_euclid(12), month.rem_euclid(12) as u32 + 1);
    days_from_civil(y, m, days_in_month(y, m))
}

/// The first day of a month.
pub fn first_day(month: i32) -> i32 {
    days_from_civil(month.div_euclid(12), month.rem_euclid(12) as u32 + 1, 1)
}

/// `(year, month 1..=12)` of a month number.
pub fn year_month(month: i32) -> (i32, u32) {
    (month.div_euclid(12), month.rem_euclid(12) as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_leap_days() {
        for z in -800_000..800_000 {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(
            parse("2024-02-29", DateFormat::Iso),
            parse("29-02-2024", DateFormat::Dutch)
        );
        assert!(parse("2024-02-29", DateFormat::Iso).is_some());
        assert_eq!(parse("2023-02-29", DateFormat::Iso), None);
        assert_eq!(parse("1900-02-29", DateFormat::Iso), None);
        assert!(parse("2000-02-29", DateFormat::Iso).is_some());
        assert_eq!(parse("01-03-2023", DateFormat::Iso), None);
        assert_eq!(parse("2023-13-01", DateFormat::Iso), None);
        assert_eq!(parse("2023-1-011", DateFormat::Iso), None);
        assert_eq!(parse("0", DateFormat::Iso), None);
        let feb = month_of(parse("2024-02-10", DateFormat::Iso).unwrap());
        assert_eq!(last_day(feb), parse("2024-02-29", DateFormat::Iso).unwrap());
        assert_eq!(first_day(feb + 1), last_day(feb) + 1);
        assert_eq!(year_month(feb), (2024, 2));
    }
}
