//! Indicators declared part of another (`deel_van`): per source, uitsplitsing and period, at
//! their common granularity, no part is above its total and the declared parts together are
//! not either. Parts below the total are normal (not every part need be declared).

use super::view::{Ctx, PState, View};
use super::{
    Detail, Figure, Mismatch, MismatchKind, PartOf, beyond_rounding, relative, rounding_tolerance,
    unit,
};
use crate::model::{Series, Soort};
use std::collections::BTreeMap;

pub(super) fn detect(ctx: &Ctx, filter: Option<(&str, &str)>, out: &mut Vec<Mismatch>) {
    // (domein, total) -> part ids, in the order of the metadata.
    let mut families: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for m in &ctx.ds.meta.indicatoren {
        if let Some(total) = m.deel_van.as_deref() {
            let entry = families.entry((m.domein.as_str(), total)).or_default();
            entry.push(m.id.as_str());
        }
    }
    for ((domein, total), parts) in families {
        let wanted = filter.is_none_or(|(d, i)| d == domein && (i == total || parts.contains(&i)));
        let ratio = ctx
            .indicator(domein, total)
            .is_some_and(|m| m.soort == Soort::Ratio);
        if !wanted || ratio {
            continue;
        }
        let Some(totals) = ctx.by_indicator.get(&(domein, total)) else {
            continue;
        };
        // Only parts of the same soort add up to the total (a ratio never does).
        let soort = |id: &str| ctx.indicator(domein, id).map(|m| m.soort);
        let parts: Vec<&str> = parts
            .into_iter()
            .filter(|id| soort(id) == soort(total))
            .collect();
        for t in totals {
            let part_series: Vec<&Series> = parts
                .iter()
                .filter_map(|id| ctx.by_indicator.get(&(domein, *id)))
                .flatten()
                .filter(|s| s.key.bron == t.key.bron && s.key.breakdown == t.key.breakdown)
                .copied()
                .collect();
            if !part_series.is_empty() {
                check(ctx, t, &part_series, out);
            }
        }
    }
}

fn check<'a>(ctx: &Ctx<'a>, total: &'a Series, parts: &[&'a Series], out: &mut Vec<Mismatch>) {
    let g = ctx.common_granularity(std::iter::once(total).chain(parts.iter().copied()));
    let Ok(tv) = ctx.view(total, g) else {
        return;
    };
    let pvs: Vec<View> = parts.iter().filter_map(|s| ctx.view(s, g).ok()).collect();
    let bron = &total.key.bron;
    let base = ctx.rounding(bron);
    for tp in &tv.points {
        let (PState::Complete, Some(t)) = (&tp.state, tp.value) else {
            continue;
        };
        let present: Vec<(&str, f64)> = pvs
            .iter()
            .filter_map(|pv| {
                let pp = pv.get(&tp.period)?;
                let usable = pp.state == PState::Complete && unit::same(pp.unit, tp.unit);
                Some((
                    pv.series.key.indicator.as_str(),
                    pp.value.filter(|_| usable)?,
                ))
            })
            .collect();
        let tol = |n: usize| rounding_tolerance(base, n + 1);
        // A single part above its total says the most; else the parts together.
        let single: Vec<(&str, f64)> = present
            .iter()
            .filter(|(_, v)| beyond_rounding(*v, t, tol(1)).is_some_and(|d| d > 0.0))
            .copied()
            .collect();
        let found: Vec<Vec<(&str, f64)>> = if !single.is_empty() {
            single.into_iter().map(|x| vec![x]).collect()
        } else if present.len() >= 2 {
            let sum: f64 = present.iter().map(|(_, v)| v).sum();
            let above = beyond_rounding(sum, t, tol(present.len())).is_some_and(|d| d > 0.0);
            if above { vec![present] } else { Vec::new() }
        } else {
            Vec::new()
        };
        for list in found {
            out.push(mismatch(total, &tp.period, t, &list));
        }
    }
}

fn mismatch(
    total: &Series,
    period: &crate::model::Period,
    t: f64,
    parts: &[(&str, f64)],
) -> Mismatch {
    let bron = &total.key.bron;
    let sum: f64 = parts.iter().map(|(_, v)| v).sum();
    let diff = sum - t;
    let rel = relative(diff, t);
    let detail = Detail::PartOf(Box::new(PartOf {
        total_indicator: total.key.indicator.clone(),
        total: Figure::new(bron, t),
        parts: parts.iter().map(|(id, v)| (id.to_string(), *v)).collect(),
        sum,
        diff,
        rel,
    }));
    let mut values = vec![(total.key.indicator.clone(), Some(t))];
    values.extend(parts.iter().map(|(id, v)| (id.to_string(), Some(*v))));
    Mismatch {
        sources: vec![bron.clone()],
        reference: Some(bron.clone()),
        values,
        diff: Some(diff),
        rel_diff: rel,
        ..Mismatch::on(
            MismatchKind::PartsNotSumToTotal,
            &total.key,
            *period,
            detail,
        )
    }
}
