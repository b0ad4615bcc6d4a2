//! Delivery lag: does shifting one source by its declared lag (or, when no source declares one,
//! by the best of a few periods) explain a difference?

use super::view::{PState, View};
use super::{LagNote, prev_period, relative, unit};
use crate::model::Period;

/// Periods tried when neither source declares a lag: a longer shift would match by chance.
const MAX_SEARCH: u32 = 2;

/// A shift counts when it at least makes the difference this much smaller (0.6: by 40%).
const CLEARLY_SMALLER: f64 = 0.6;

/// Whole periods of the view's granularity in a lag of `months` (0: none). Whole ones: a
/// delivery lag of 4 months does not move half-year figures into the next half-year.
fn periods(months: f64, v: &View) -> u32 {
    (months / f64::from(v.g.months())).floor().max(0.0) as u32
}

/// `p` shifted back by `k` periods.
pub(super) fn back(p: &Period, k: u32) -> Period {
    (0..k).fold(*p, |q, _| prev_period(&q))
}

/// A complete figure of the view at `q`, with its unit.
pub(super) fn val<'a>(v: &View<'a>, q: &Period) -> Option<(f64, &'a str)> {
    v.get(q)
        .filter(|vp| vp.state == PState::Complete)
        .and_then(|vp| vp.value.map(|x| (x, vp.unit)))
}

/// The relative difference when `lagging` at `p` is set against `other` `k` periods earlier.
fn shifted_rel(lagging: &View, other: &View, p: &Period, k: u32) -> Option<f64> {
    let (a, ua) = val(lagging, p)?;
    let (b, ub) = val(other, &back(p, k))?;
    if !unit::same(ua, ub) {
        return None;
    }
    relative(a - b, b).map(f64::abs)
}

/// One side of a pair shifted back: the reference (`ref_lags`) or the other, by `periods`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Shift {
    pub ref_lags: bool,
    pub periods: u32,
}

/// The shifts worth trying for one pair of views, worked out once per pair and only when a
/// difference asks for it (most pairs never need it).
#[derive(Default)]
pub(super) struct PairLag {
    shifts: std::cell::OnceCell<[Option<Shift>; 2]>,
    /// The pair's definitions and usual level difference (see [`super::scope`]).
    pub scope: std::cell::OnceCell<Option<super::scope::PairScope>>,
}

impl PairLag {
    pub(super) fn get(&self, r: &View, o: &View) -> [Option<Shift>; 2] {
        *self.shifts.get_or_init(|| candidates(r, o))
    }
}

/// Each side's declared lag in whole periods. Without a declared duration on either side, the
/// one shift of 1 or 2 periods that makes the pair clearly closer over the whole span: a shift
/// that happens to match in one period is chance, not a lag.
fn candidates(r: &View, o: &View) -> [Option<Shift>; 2] {
    let declared = |v: &View, ref_lags| {
        v.lag_months
            .map(|m| periods(m, v))
            .filter(|&k| k > 0)
            .map(|periods| Shift { ref_lags, periods })
    };
    if r.lag_months.is_some() || o.lag_months.is_some() {
        return [declared(r, true), declared(o, false)];
    }
    let Some(unshifted) = mean_rel(r, o, 0) else {
        return [None, None];
    };
    let best = [true, false]
        .into_iter()
        .flat_map(|ref_lags| (1..=MAX_SEARCH).map(move |periods| Shift { ref_lags, periods }))
        .filter_map(|s| {
            let (lagging, other) = if s.ref_lags { (r, o) } else { (o, r) };
            mean_rel(lagging, other, s.periods).map(|m| (m, s))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((m, s)) if m < unshifted * CLEARLY_SMALLER => [Some(s), None],
        _ => [None, None],
    }
}

/// The mean relative difference of `lagging` against `other` `k` periods earlier, over the
/// periods where both have a complete figure in the same unit. Both views are sorted by
/// period, so one walk through each: no searching.
fn mean_rel(lagging: &View, other: &View, k: u32) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0u32);
    for (a, b) in shifted_pairs(lagging, other, k) {
        if let Some(rel) = relative(a - b, b) {
            sum += rel.abs();
            n += 1;
        }
    }
    (n > 0).then(|| sum / f64::from(n))
}

/// The complete figures in the same unit of `lagging` at each period and `other` `k` periods
/// earlier: (lagging, other). Both views are sorted by period, so one walk through each.
pub(super) fn shifted_pairs<'v>(
    lagging: &'v View,
    other: &'v View,
    k: u32,
) -> impl Iterator<Item = (f64, f64)> + 'v {
    let mut j = 0;
    lagging.points.iter().filter_map(move |lp| {
        let q = back(&lp.period, k);
        while other.points.get(j).is_some_and(|op| op.period < q) {
            j += 1;
        }
        let op = other.points.get(j).filter(|op| op.period == q)?;
        if lp.state != PState::Complete
            || op.state != PState::Complete
            || !unit::same(lp.unit, op.unit)
        {
            return None;
        }
        Some((lp.value?, op.value?))
    })
}

/// The shift that explains the difference of `o` against `r` at `p` best, when it makes the
/// relative difference (`current`) clearly smaller: the declared lag of either side, or the
/// pair's own shift when neither declares one (see [`candidates`]).
pub(super) fn shift(
    pair: &PairLag,
    r: &View,
    o: &View,
    p: &Period,
    current: f64,
) -> Option<LagNote> {
    let mut best: Option<(f64, Shift)> = None;
    for s in pair.get(r, o).into_iter().flatten() {
        let (lagging, other) = if s.ref_lags { (r, o) } else { (o, r) };
        if let Some(rel) = shifted_rel(lagging, other, p, s.periods)
            && best.is_none_or(|(x, _)| rel < x)
        {
            best = Some((rel, s));
        }
    }
    let (shifted, s) = best?;
    let lagging = if s.ref_lags { r } else { o };
    let declared = r.lag_months.is_some() || o.lag_months.is_some();
    (shifted < current * CLEARLY_SMALLER).then(|| LagNote {
        granularity: r.g,
        periods: s.periods,
        lagging: lagging.bron().to_string(),
        lag: declared.then(|| lagging.lag.unwrap_or_default().to_string()),
        shifted,
    })
}
