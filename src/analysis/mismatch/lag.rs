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
fn back(p: &Period, k: u32) -> Period {
    (0..k).fold(*p, |q, _| prev_period(&q))
}

/// A complete figure of the view at `q`, with its unit.
fn val<'a>(v: &View<'a>, q: &Period) -> Option<(f64, &'a str)> {
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

/// The shift that explains the difference of `o` against `r` at `p` best, when it makes the
/// relative difference (`current`) clearly smaller. A declared lag (`vertraging` with a
/// duration) gives the shift; without one on either side a shift of 1 or 2 periods is tried.
pub(super) fn shift<'a>(r: &View<'a>, o: &View<'a>, p: &Period, current: f64) -> Option<LagNote> {
    let declared = r.lag_months.is_some() || o.lag_months.is_some();
    let mut best: Option<(f64, u32, &View)> = None;
    for (lagging, other) in [(r, o), (o, r)] {
        let ks = match (declared, lagging.lag_months) {
            (true, Some(m)) => periods(m, lagging)..=periods(m, lagging),
            (true, None) => continue,
            (false, _) => 1..=MAX_SEARCH,
        };
        for k in ks.filter(|&k| k > 0) {
            if let Some(rel) = shifted_rel(lagging, other, p, k)
                && best.is_none_or(|(x, _, _)| rel < x)
            {
                best = Some((rel, k, lagging));
            }
        }
    }
    let (shifted, k, lagging) = best?;
    (shifted < current * CLEARLY_SMALLER).then(|| LagNote {
        granularity: r.g,
        periods: k,
        lagging: lagging.bron().to_string(),
        lag: declared.then(|| lagging.lag.unwrap_or_default().to_string()),
        shifted,
    })
}
