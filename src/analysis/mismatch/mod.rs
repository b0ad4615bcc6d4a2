//! Named kinds of difference between sources for the same (domein, indicator, period).
//!
//! Pure analysis on a loaded [`Dataset`]: no I/O, no printing. [`detect`] and
//! [`detect_indicator`] list the differences worth naming in the room, [`compare`] gives the
//! difference table of the comparison view.
//!
//! How a difference is named, per period, for a source against the reference source of the same
//! (domein, indicator, uitsplitsing), both brought to a common granularity with
//! [`aggregate_in`](crate::analysis::aggregate::aggregate_in):
//! 1. one side has no comparable number: [`MismatchKind::MissingPeriod`] when the period falls
//!    inside what that source delivers (a gap, an incomplete aggregated period, "." which is
//!    unknown and never zero, or the latest period of a source with a known lag: "nog niet
//!    geleverd"); nothing before a source starts, after it ends or off its rhythm;
//! 2. different units: [`MismatchKind::Unit`], converted by scale or per-N where possible;
//! 3. exactly equal: nothing; within the rounding of either source:
//!    [`MismatchKind::WithinRounding`];
//! 4. a recorded trend break applies to one side only: [`MismatchKind::TrendBreak`];
//! 5. same source family, one voorlopig and one definitief: [`MismatchKind::Vintage`];
//! 6. relative difference above the threshold: [`MismatchKind::Unexplained`] (with a note when
//!    shifting one period for a lagging source makes the difference shrink); below: nothing.
//!
//! Besides comparing sources, the checks within the data: unit changes inside one series,
//! stock-flow identities and stock discontinuities between publications, budget against
//! realisation (`X_begroot` against `X`) and parts (wijk, aanbieder) against their total.

mod budget;
mod compare;
mod kind;
mod pair;
mod parts;
mod stock;
mod unit;
mod view;

#[cfg(test)]
mod tests;

pub use compare::{Cell, Column, Comparison, ComparisonRow, Excluded, compare};
pub use kind::MismatchKind;

use crate::model::number::format_auto;
use crate::model::{Breakdown, Dataset, Granularity, Period};
use std::cmp::Ordering;
use view::Ctx;

/// One named difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub kind: MismatchKind,
    pub domein: String,
    /// The indicator concerned; for budget against realisation the realised indicator (`kosten`),
    /// for stock checks the stand indicator.
    pub indicator: String,
    /// Regio, wijk or aanbieder of the series compared (empty for whole-area series).
    pub breakdown: Breakdown,
    /// The period compared, at the common granularity of the comparison.
    pub period: Period,
    /// Bron ids involved, reference first.
    pub sources: Vec<String>,
    /// The source the others were compared against, when there was one.
    pub reference: Option<String>,
    /// The figures, labelled by bron (or by role, e.g. "totaal", "som van 7 wijken").
    pub values: Vec<(String, Option<f64>)>,
    /// Size of the difference, in the reference's unit (after conversion for a unit difference);
    /// `None` when there is no numeric difference (missing, unknown, not convertible).
    pub abs_diff: Option<f64>,
    /// `abs_diff` relative to the reference value; `None` when that is zero or unknown.
    pub rel_diff: Option<f64>,
    /// Concrete Dutch sentence for the room, with the figures and sources.
    pub detail: String,
}

/// What counts as a difference and what to compare against.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Relative difference above which an otherwise unexplained difference is flagged (0.05 = 5%).
    pub threshold: f64,
    /// Bron id to compare against; when absent in a group, the default choice applies: the
    /// source covering the longest time, then with the most periods, then the first by name.
    pub reference: Option<String>,
    /// Compare at least at this granularity (a pair of sources is compared at the coarsest of
    /// this and their own granularities).
    pub granularity: Option<Granularity>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            threshold: 0.05,
            reference: None,
            granularity: None,
        }
    }
}

/// All named differences in the dataset, largest first (relative, then absolute difference;
/// differences without a number last).
pub fn detect(dataset: &Dataset, settings: &Settings) -> Vec<Mismatch> {
    run(dataset, settings, None)
}

/// The named differences that involve one indicator: between its sources, within its series,
/// its parts against its total, budget against realisation and stock-flow checks it is part of.
pub fn detect_indicator(
    dataset: &Dataset,
    domein: &str,
    indicator: &str,
    settings: &Settings,
) -> Vec<Mismatch> {
    run(dataset, settings, Some((domein, indicator)))
}

fn run(dataset: &Dataset, settings: &Settings, filter: Option<(&str, &str)>) -> Vec<Mismatch> {
    let ctx = Ctx::new(dataset, settings);
    let mut out = Vec::new();
    let groups: Vec<_> = match filter {
        Some(f) => ctx.by_indicator.get_key_value(&f).into_iter().collect(),
        None => ctx.by_indicator.iter().collect(),
    };
    for (_, list) in groups {
        within_indicator(&ctx, list, &mut out);
    }
    budget::detect(&ctx, filter, &mut out);
    stock::detect(&ctx, filter, &mut out);
    sort(&mut out);
    out
}

/// Checks on the series of one (domein, indicator): unit changes, sources against the
/// reference per uitsplitsing, parts against totals.
fn within_indicator<'a>(ctx: &Ctx<'a>, list: &[&'a crate::model::Series], out: &mut Vec<Mismatch>) {
    for s in list {
        pair::units_within(ctx, s, out);
    }
    let mut by_breakdown: std::collections::BTreeMap<&Breakdown, Vec<&crate::model::Series>> =
        std::collections::BTreeMap::new();
    for s in list {
        by_breakdown.entry(&s.key.breakdown).or_default().push(s);
    }
    for group in by_breakdown.values() {
        pair::detect_group(ctx, group, out);
    }
    parts::detect(ctx, list, out);
}

/// Largest relative difference first, then largest absolute; then a stable order by place.
fn sort(out: &mut [Mismatch]) {
    fn desc(a: Option<f64>, b: Option<f64>) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    out.sort_unstable_by(|a, b| {
        desc(a.rel_diff, b.rel_diff)
            .then_with(|| desc(a.abs_diff, b.abs_diff))
            .then_with(|| a.domein.cmp(&b.domein))
            .then_with(|| a.indicator.cmp(&b.indicator))
            .then_with(|| a.breakdown.cmp(&b.breakdown))
            .then_with(|| a.period.cmp(&b.period))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.sources.cmp(&b.sources))
    });
}

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
struct Nl(f64);

impl std::fmt::Display for Nl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_nl(f, self.0, 2)
    }
}

fn num(v: f64) -> Nl {
    Nl(v)
}

/// A fraction as an unsigned Dutch percentage: `0,2%`, `17,3%`.
struct Pct(f64);

impl std::fmt::Display for Pct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = (self.0 * 100.0).abs();
        // Small differences keep a second decimal rather than showing as 0,0%.
        let decimals = if p > 0.0 && p < 0.05 { 2 } else { 1 };
        write_nl(f, p, decimals)?;
        f.write_str("%")
    }
}

fn pct(fraction: f64) -> Pct {
    Pct(fraction)
}

/// Equal up to floating-point noise.
fn approx_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// `diff` relative to `base`, `None` when the base is zero.
fn relative(diff: f64, base: f64) -> Option<f64> {
    (base != 0.0).then(|| diff / base.abs())
}

/// The period before `p`, same granularity.
fn prev_period(p: &Period) -> Period {
    let per_year = (12 / p.granularity.months()) as u8;
    if p.index > 1 {
        Period {
            index: p.index - 1,
            ..*p
        }
    } else {
        Period {
            year: p.year - 1,
            index: per_year,
            ..*p
        }
    }
}

/// Plural Dutch noun for a granularity ("maanden").
fn plural(g: Granularity) -> &'static str {
    match g {
        Granularity::Month => "maanden",
        Granularity::Quarter => "kwartalen",
        Granularity::HalfYear => "halfjaren",
        Granularity::Year => "jaren",
    }
}

/// Period codes joined for a sentence: "2023-07", "2023-07 en 2023-08".
fn codes(periods: &[Period]) -> String {
    let c: Vec<String> = periods.iter().map(Period::code).collect();
    match c.len() {
        0 => String::new(),
        1 => c[0].clone(),
        n => format!("{} en {}", c[..n - 1].join(", "), c[n - 1]),
    }
}
