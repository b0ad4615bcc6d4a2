//! Parts (per wijk, per aanbieder) against their total, for stroom and stand only: ratios are
//! never summed.

use super::view::{Ctx, PState, View};
use super::{
    Detail, Figure, Mismatch, MismatchKind, Parts, beyond_rounding, relative, rounding_tolerance,
    unit,
};
use crate::model::{Series, Soort};
use std::collections::BTreeMap;

use super::PartsDim as Dim;

/// The role label of the parts' sum among the figures: "som van 7 wijken" (a key in the
/// Dutch `duiden verschillen` output, not shown in the interface).
fn sum_label(n: usize, dim: Dim) -> String {
    let plural = match dim {
        Dim::Wijk => "wijken",
        Dim::Aanbieder => "aanbieders",
    };
    format!("som van {n} {plural}")
}

/// `list`: all series of one (domein, indicator).
pub(super) fn detect<'a>(ctx: &Ctx<'a>, list: &[&'a Series], out: &mut Vec<Mismatch>) {
    let Some(first) = list.first() else {
        return;
    };
    if ctx.soort(&first.key) == Soort::Ratio {
        return;
    }
    // (bron, regio) -> (total, parts per dimension)
    type Family<'s> = (Option<&'s Series>, BTreeMap<Dim, Vec<&'s Series>>);
    let mut families: BTreeMap<(&str, Option<&str>), Family> = BTreeMap::new();
    for s in list {
        let b = &s.key.breakdown;
        let entry = families
            .entry((s.key.bron.as_str(), b.regio.as_deref()))
            .or_default();
        match (&b.wijk, &b.aanbieder) {
            (None, None) => entry.0 = Some(s),
            (Some(_), None) => entry.1.entry(Dim::Wijk).or_default().push(s),
            (None, Some(_)) => entry.1.entry(Dim::Aanbieder).or_default().push(s),
            (Some(_), Some(_)) => {}
        }
    }
    for (total, dims) in families.values() {
        let Some(total) = total else {
            continue;
        };
        for (dim, parts) in dims {
            check(ctx, total, *dim, parts, out);
        }
    }
}

fn check<'a>(
    ctx: &Ctx<'a>,
    total: &'a Series,
    dim: Dim,
    parts: &[&'a Series],
    out: &mut Vec<Mismatch>,
) {
    let g = ctx.common_granularity(std::iter::once(total).chain(parts.iter().copied()));
    let Ok(tv) = ctx.view(total, g) else {
        return;
    };
    let Ok(pvs) = parts
        .iter()
        .map(|s| ctx.view(s, g))
        .collect::<Result<Vec<View>, _>>()
    else {
        return;
    };
    let bron = &total.key.bron;
    let base = ctx.rounding(bron);
    for tp in &tv.points {
        let (PState::Complete, Some(t)) = (&tp.state, tp.value) else {
            continue;
        };
        let mut sum = 0.0;
        let mut n = 0usize;
        let mut comparable = true;
        for pv in &pvs {
            match pv.get(&tp.period) {
                Some(pp) if pp.state == PState::Complete && unit::same(pp.unit, tp.unit) => {
                    sum += pp.value.unwrap_or(0.0);
                    n += pp.needed.max(1);
                }
                // A part without a figure cannot be summed: no claim either way.
                _ => {
                    comparable = false;
                    break;
                }
            }
        }
        if !comparable {
            continue;
        }
        let tol = rounding_tolerance(base, n + tp.needed.max(1));
        let Some(diff) = beyond_rounding(sum, t, tol) else {
            continue;
        };
        let rel = relative(diff, t);
        let d = Detail::Parts(Parts {
            count: pvs.len(),
            dim,
            sum,
            total: Figure::new(bron, t),
            diff,
            rel,
        });
        let label = sum_label(pvs.len(), dim);
        out.push(Mismatch {
            sources: vec![bron.clone()],
            reference: Some(bron.clone()),
            values: vec![("totaal".to_string(), Some(t)), (label, Some(sum))],
            diff: Some(diff),
            rel_diff: rel,
            ..Mismatch::on(MismatchKind::PartsNotSumToTotal, &total.key, tp.period, d)
        });
    }
}
