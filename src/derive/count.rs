//! The derivation itself, over compact records: spells per unit and monthly instroom, uitstroom
//! and stand per series. Sorting once and sweeping is what makes 10 million rows cheap.

use super::date::{last_day, month_of};

/// The end of a provision that is still running.
pub const OPEN: i32 = i32::MAX;

/// One provision in a series: the unit counted (a person, or a trajectory with
/// `--tel trajecten`), and its first and last day (`OPEN` when running). 12 bytes: 10 million
/// of them stay small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Record {
    pub unit: u32,
    pub start: i32,
    pub end: i32,
}

/// Monthly counts of one series, indexed by month from [`Counts::first_month`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeriesCounts {
    pub instroom: Vec<u32>,
    pub uitstroom: Vec<u32>,
    pub stand: Vec<u32>,
    /// The first month index with any provision of this series.
    pub first: Option<usize>,
}

/// Monthly counts of every series over one range of months.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    pub first_month: i32,
    pub months: usize,
    pub series: Vec<SeriesCounts>,
}

/// Counts the records of each series (sorted here) over `first_month..=last_month`.
/// Provisions of one unit whose gap (next start minus previous end, in days) is at most
/// `max(gap_days, 1)` form one spell: overlap and adjacency always, a restart within
/// `gap_days` as a continuation.
pub fn count(
    records: &mut [Vec<Record>],
    first_month: i32,
    last_month: i32,
    gap_days: u32,
) -> Counts {
    // No record read: first_month is i32::MAX and last_month i32::MIN, so widen before subtracting.
    let months = (i64::from(last_month) - i64::from(first_month) + 1).max(0) as usize;
    let empty = SeriesCounts {
        instroom: vec![0; months],
        uitstroom: vec![0; months],
        stand: vec![0; months + 1],
        first: None,
    };
    let mut series = vec![empty; records.len()];
    let limit = i64::from(gap_days.max(1));
    for (records, counts) in records.iter_mut().zip(series.iter_mut()) {
        records.sort_unstable();
        count_series(records, counts, first_month, months, limit);
    }
    for c in &mut series {
        // The stand was kept as differences: a spell adds one from its first to its last month.
        let mut run = 0i64;
        for v in c.stand.iter_mut() {
            run += i64::from(*v as i32);
            *v = run as u32;
        }
        c.stand.truncate(months);
    }
    Counts {
        first_month,
        months,
        series,
    }
}

fn count_series(
    records: &[Record],
    counts: &mut SeriesCounts,
    first_month: i32,
    months: usize,
    limit: i64,
) {
    let mut i = 0;
    while i < records.len() {
        let u = records[i].unit;
        let mut seen = Seen::default();
        let (mut start, mut end) = (records[i].start, records[i].end);
        i += 1;
        while i < records.len() && records[i].unit == u {
            let r = records[i];
            if end == OPEN || i64::from(r.start) - i64::from(end) <= limit {
                end = end.max(r.end);
            } else {
                add_spell(counts, &mut seen, first_month, months, start, end);
                (start, end) = (r.start, r.end);
            }
            i += 1;
        }
        add_spell(counts, &mut seen, first_month, months, start, end);
    }
}

/// The last month a unit was counted as instroom and uitstroom: once per unit per month.
#[derive(Default)]
struct Seen {
    instroom: Option<usize>,
    uitstroom: Option<usize>,
}

fn add_spell(
    c: &mut SeriesCounts,
    seen: &mut Seen,
    first_month: i32,
    months: usize,
    start: i32,
    end: i32,
) {
    let ms = (month_of(start) - first_month) as usize;
    c.first = Some(c.first.map_or(ms, |f| f.min(ms)));
    if seen.instroom != Some(ms) {
        c.instroom[ms] += 1;
        seen.instroom = Some(ms);
    }
    let to = if end == OPEN {
        months - 1
    } else {
        let me = month_of(end);
        let idx = (me - first_month) as usize;
        if seen.uitstroom != Some(idx) {
            c.uitstroom[idx] += 1;
            seen.uitstroom = Some(idx);
        }
        // In the stand of a month when the spell still runs on its last day.
        if end >= last_day(me) {
            idx
        } else if idx == 0 {
            return;
        } else {
            idx - 1
        }
    };
    if ms <= to {
        c.stand[ms] = c.stand[ms].wrapping_add(1);
        c.stand[to + 1] = c.stand[to + 1].wrapping_sub(1);
    }
}
