//! Definition or scope: two sources whose definition or population differ (with and without
//! pgb, incl. or excl. jeugdbescherming) count different things. Their usual level difference
//! is worked out once per pair; a difference that it explains is a definition difference, what
//! it leaves above the threshold stays unexplained, with the definitions named.

use super::lag::{PairLag, Shift, back, shifted_pairs, val};
use super::view::{Ctx, View};
use super::{LagNote, ScopeNote, ScopeText, relative};
use crate::model::Period;
use crate::model::meta::Scope;

/// Fewer common periods than this give no usual level difference: too few to call usual.
const MIN_PERIODS: usize = 4;

/// The two scopes of a pair that count differently, with their usual level difference.
pub(super) struct PairScope {
    reference: ScopeText,
    other: ScopeText,
    /// other / reference as it usually is: the median over the common span, under `shift`.
    ratio: Option<f64>,
    /// The shift of the lagging side under which the ratio is steadiest, when one is.
    shift: Option<Shift>,
}

/// The pair's scopes, worked out at its first use; `None` when both count the same.
pub(super) fn of<'p>(ctx: &Ctx, pair: &'p PairLag, r: &View, o: &View) -> Option<&'p PairScope> {
    pair.scope.get_or_init(|| build(ctx, pair, r, o)).as_ref()
}

fn build(ctx: &Ctx, pair: &PairLag, r: &View, o: &View) -> Option<PairScope> {
    let (rs, os) = (ctx.scope(&r.series.key), ctx.scope(&o.series.key));
    if rs == os {
        return None;
    }
    // Unshifted, or shifted by one of the pair's lags: the one where the ratio varies least.
    let options = std::iter::once(None).chain(pair.get(r, o).into_iter().flatten().map(Some));
    let mut best: Option<(f64, f64, Option<Shift>)> = None;
    let mut ratios = Vec::new();
    for shift in options {
        ratios.clear();
        ratios.extend(
            figures(r, o, shift)
                .filter(|&(a, b)| a > 0.0 && b > 0.0)
                .map(|(a, b)| b / a),
        );
        if ratios.len() < MIN_PERIODS {
            continue;
        }
        let m = median(&mut ratios);
        ratios.iter_mut().for_each(|x| *x = (*x / m - 1.0).abs());
        let spread = median(&mut ratios);
        if best.is_none_or(|(s, ..)| spread < s) {
            best = Some((spread, m, shift));
        }
    }
    Some(PairScope {
        reference: text(r.bron(), rs),
        other: text(o.bron(), os),
        ratio: best.map(|(_, m, _)| m),
        shift: best.and_then(|(.., s)| s),
    })
}

fn text(bron: &str, s: Scope) -> ScopeText {
    ScopeText {
        bron: bron.to_string(),
        definitie: s.definitie.map(str::to_string),
        populatie: s.populatie.map(str::to_string),
    }
}

/// The middle value (sorts `xs`; not empty).
fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// The pair's (reference, other) figures over the common span, the lagging side shifted.
fn figures<'v>(
    r: &'v View,
    o: &'v View,
    shift: Option<Shift>,
) -> impl Iterator<Item = (f64, f64)> + 'v {
    let (ref_lags, k) = shift.map_or((false, 0), |s| (s.ref_lags, s.periods));
    let (lagging, other) = if ref_lags { (r, o) } else { (o, r) };
    shifted_pairs(lagging, other, k).map(move |(x, y)| if ref_lags { (x, y) } else { (y, x) })
}

/// The note for period `p`: both scopes, the usual level difference and what remains of this
/// period's difference after it (and after the shift the level was taken under).
pub(super) fn note(scope: &PairScope, r: &View, o: &View, p: &Period) -> ScopeNote {
    let (rq, oq) = match scope.shift {
        Some(s) if s.ref_lags => (*p, back(p, s.periods)),
        Some(s) => (back(p, s.periods), *p),
        None => (*p, *p),
    };
    let at = |rq: &Period, oq: &Period| val(r, rq).zip(val(o, oq)).map(|((a, _), (b, _))| (a, b));
    // The shifted figure may be missing (the first period, a gap): then the figures of this
    // period as they are, without the shift.
    let (pair, shift) = match at(&rq, &oq) {
        Some(x) => (Some(x), scope.shift),
        None => (at(p, p), None),
    };
    let remaining = scope
        .ratio
        .zip(pair)
        .and_then(|(m, (a, b))| relative(b - a * m, a * m));
    let lag = shift.map(|s| {
        let lagging = if s.ref_lags { r } else { o };
        let declared = r.lag_months.is_some() || o.lag_months.is_some();
        LagNote {
            granularity: r.g,
            periods: s.periods,
            lagging: lagging.bron().to_string(),
            lag: declared.then(|| lagging.lag.unwrap_or_default().to_string()),
            shifted: pair
                .and_then(|(a, b)| relative(b - a, a))
                .map_or(f64::NAN, f64::abs),
        }
    });
    ScopeNote {
        reference: scope.reference.clone(),
        other: scope.other.clone(),
        level: scope.ratio.map(|m| m - 1.0),
        lag,
        remaining,
    }
}
