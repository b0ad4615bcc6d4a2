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
//! 5. same source family and the same definition and population, one voorlopig and one
//!    definitief: [`MismatchKind::Vintage`];
//! 6. relative difference above the threshold: [`MismatchKind::Lag`] when shifting the lagging
//!    source brings it within the threshold; else, when the sources' definition or population
//!    differ (also for a vintage pair), [`MismatchKind::Definition`] when the pair's usual level
//!    difference explains it; else [`MismatchKind::Unexplained`] (with the shift and the
//!    definitions noted where they apply); below: nothing.
//!
//! Besides comparing sources, the checks within the data: unit changes inside one series,
//! stock-flow identities and stock discontinuities between publications, budget against
//! realisation (`X_begroot` against `X`, or a source with `rol = "begroting"` against the other
//! sources of its indicator), parts (wijk, aanbieder) against their total, indicators declared
//! part of another (`deel_van`) against it, and the jump across a recorded break of one source
//! against its usual change. Two sources in units that do not convert are compared once on
//! direction and relative change over their common span ([`MismatchKind::Direction`]).
//! These name any difference beyond rounding; the threshold only decides "onverklaard".
//!
//! Cost: every lookup is indexed (per (domein, indicator), per bron), every pair of series is
//! walked once in period order; O(n log n) in the number of figures.

mod budget;
mod compare;
mod detail;
mod direction;
mod jump;
mod kind;
mod lag;
mod pair;
mod partof;
mod parts;
mod scope;
mod stock;
pub(crate) mod unit;
mod view;
mod within;

#[cfg(test)]
mod tests;

pub use compare::{Cell, Column, Comparison, ComparisonRow, Excluded, compare};
pub use detail::{
    Absence, BreakJump, BreakNote, Budget, BudgetMissing, BudgetUnits, Change, Compared, Converts,
    Day, Detail, Direction, Figure, LagNote, MissingFigure, Outcome, PartOf, Parts, PartsDim,
    ScopeNote, ScopeText, StockDiscontinuity, StockFlow, Stocks, UnitChange, Units, UnitsConverted,
};
pub use kind::MismatchKind;
pub use unit::UnitForm;

use crate::model::{Breakdown, Dataset, Granularity, Period, Series, SeriesKey};
use std::collections::BTreeMap;
use view::Ctx;
pub(crate) use view::family_of;

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
    /// The difference with its sign (the other figure minus the reference, or the checked
    /// figure minus what it should be), in the reference's unit (after conversion for a unit
    /// difference); `None` when there is no numeric difference (missing, unknown, not
    /// convertible).
    pub diff: Option<f64>,
    /// `diff` relative to the reference value, signed; `None` when that is zero or unknown.
    pub rel_diff: Option<f64>,
    /// What the difference consists of, with the figures and sources; the report and the
    /// interface put it into words.
    pub detail: Detail,
}

impl Mismatch {
    /// A difference of `kind` on the series `key` (its domein, indicator and uitsplitsing) in
    /// `period`, explained by `detail`; the caller fills in sources, figures and size.
    fn on(kind: MismatchKind, key: &SeriesKey, period: Period, detail: Detail) -> Mismatch {
        Mismatch {
            kind,
            domein: key.domein.clone(),
            indicator: key.indicator.clone(),
            breakdown: key.breakdown.clone(),
            period,
            sources: Vec::new(),
            reference: None,
            values: Vec::new(),
            diff: None,
            rel_diff: None,
            detail,
        }
    }
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
/// differences without a number last; equal sizes in the order found: by domein, indicator,
/// uitsplitsing, period).
pub fn detect(dataset: &Dataset, settings: &Settings) -> Vec<Mismatch> {
    run(dataset, settings, None, &|_, _| true).unwrap_or_default()
}

/// [`detect`], reporting `progress(done, total)` in steps: one per (domein, indicator) and one
/// for the checks across indicators (budget, deel_van, stock). When `progress` returns false the
/// detection stops at the next step and gives `None` (cancelled; nothing partial is returned).
pub fn detect_with_progress(
    dataset: &Dataset,
    settings: &Settings,
    progress: &dyn Fn(u64, u64) -> bool,
) -> Option<Vec<Mismatch>> {
    run(dataset, settings, None, progress)
}

/// The named differences that involve one indicator: between its sources, within its series,
/// its parts against its total, budget against realisation and stock-flow checks it is part of.
pub fn detect_indicator(
    dataset: &Dataset,
    domein: &str,
    indicator: &str,
    settings: &Settings,
) -> Vec<Mismatch> {
    run(dataset, settings, Some((domein, indicator)), &|_, _| true).unwrap_or_default()
}

/// The detection, asking `progress` after each step whether to go on (`None` when not).
fn run(
    dataset: &Dataset,
    settings: &Settings,
    filter: Option<(&str, &str)>,
    progress: &dyn Fn(u64, u64) -> bool,
) -> Option<Vec<Mismatch>> {
    let ctx = Ctx::new(dataset, settings);
    let groups: Vec<_> = match filter {
        Some(f) => ctx.by_indicator.get_key_value(&f).into_iter().collect(),
        None => ctx.by_indicator.iter().collect(),
    };
    // Per group, not per figure: a call per step costs nothing next to a group's work.
    let total = groups.len() as u64 + 1;
    progress(0, total).then_some(())?;
    // The groups and the checks across indicators (budget, deel_van, stock) are independent:
    // each is one item of work, spread over the cores, put back in this order.
    let parts = crate::analysis::parallel::map_indexed(
        groups.len() + 1,
        |i| {
            let mut out = Vec::new();
            match groups.get(i) {
                Some((_, list)) => within_indicator(&ctx, list, &mut out),
                None => {
                    budget::detect(&ctx, filter, &mut out);
                    partof::detect(&ctx, filter, &mut out);
                    stock::detect(&ctx, filter, false, &mut out);
                }
            }
            out
        },
        &mut |done| progress(done as u64, total),
    )?;
    // The calling thread reports the items it finished; the last may have been another's.
    progress(total, total).then_some(())?;
    let mut out: Vec<Mismatch> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        out.extend(part);
    }
    sort(&mut out);
    Some(out)
}

/// Checks on the series of one (domein, indicator): unit changes, sources against the
/// reference per uitsplitsing, parts against totals.
fn within_indicator<'a>(ctx: &Ctx<'a>, list: &[&'a Series], out: &mut Vec<Mismatch>) {
    for s in list {
        within::units_within(ctx, s, out);
        jump::detect(ctx, s, out);
    }
    for group in by_breakdown(list.iter().copied()).values() {
        if !ctx.has_budgets() {
            pair::detect_group(ctx, group, out);
            continue;
        }
        // A begroting is no measurement of the same figure: budgets are compared with the
        // other sources by the budget check, and among themselves here.
        let (budgets, measured): (Vec<&Series>, Vec<&Series>) = group
            .iter()
            .copied()
            .partition(|s| ctx.is_budget(&s.key.bron));
        pair::detect_group(ctx, &measured, out);
        pair::detect_group(ctx, &budgets, out);
    }
    parts::detect(ctx, list, out);
}

/// Series grouped by uitsplitsing, each group in the order given: sources are compared within
/// a group.
fn by_breakdown<'a>(
    list: impl IntoIterator<Item = &'a Series>,
) -> BTreeMap<&'a Breakdown, Vec<&'a Series>> {
    let mut groups: BTreeMap<&Breakdown, Vec<&Series>> = BTreeMap::new();
    for s in list {
        groups.entry(&s.key.breakdown).or_default().push(s);
    }
    groups
}

/// Largest relative difference first, then largest absolute; equal sizes keep the order of
/// detection (by domein and indicator, then place). Sorts integer keys: comparing strings for
/// ties made sorting the slowest step.
fn sort(out: &mut [Mismatch]) {
    // By size, whatever the sign: for x >= 0 the IEEE bits order like the numbers; 0 is "no
    // number" and sorts last.
    fn key(x: Option<f64>) -> u64 {
        !x.map_or(0, |x| (x.abs() + 0.0).to_bits().saturating_add(1))
    }
    let mut order: Vec<(u64, u64, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, m)| (key(m.rel_diff), key(m.diff), i))
        .collect();
    order.sort_unstable();
    // Apply the permutation in place (new[j] = old[perm[j]]), cycle by cycle.
    let mut perm: Vec<usize> = order.into_iter().map(|(_, _, i)| i).collect();
    for i in 0..perm.len() {
        let mut j = i;
        loop {
            let k = perm[j];
            perm[j] = j;
            if k == i {
                break;
            }
            out.swap(j, k);
            j = k;
        }
    }
}

/// Equal up to floating-point noise.
fn approx_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// `value − reference`, when the two differ by more than floating-point noise and more than
/// `tolerance` (the rounding of the figures involved); `None` when they agree.
fn beyond_rounding(value: f64, reference: f64, tolerance: f64) -> Option<f64> {
    let diff = value - reference;
    if approx_eq(value, reference) || diff.abs() <= tolerance {
        None
    } else {
        Some(diff)
    }
}

/// Rounding tolerance when `n` figures, each rounded to `base`, are combined.
fn rounding_tolerance(base: f64, n: usize) -> f64 {
    base / 2.0 * n as f64
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
