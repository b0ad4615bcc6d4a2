//! Stock-flow identities within one source (begin + instroom − uitstroom = eind) and stock
//! continuity between publications (the begin stock of one equals the end stock of the one
//! before).
//!
//! Indicators are matched by name within a domein: `X_stand_begin`, `X_stand_eind`,
//! `X_instroom`, `X_uitstroom` (explicit begin and end stock per period), or `X_stand` with
//! `X_instroom` and `X_uitstroom` (end-of-period stock: the previous period's stock is the
//! begin). `X_` may be empty: `stand`, `instroom`, `uitstroom`.

use super::view::{Ctx, PState, VPoint, View};
use super::{Mismatch, MismatchKind, approx_eq, num, pct, relative, unit};
use crate::model::{Breakdown, Granularity, Observation, Period, Series, SeriesKey, Soort};
use std::collections::HashMap;

fn stem_of<'s>(indicator: &'s str, suffix: &str) -> Option<&'s str> {
    indicator
        .strip_suffix(suffix)
        .filter(|stem| stem.is_empty() || stem.ends_with('_'))
}

pub(super) fn detect(ctx: &Ctx, filter: Option<(&str, &str)>, out: &mut Vec<Mismatch>) {
    let wanted = |domein: &str, members: &[String]| {
        filter.is_none_or(|(d, ind)| d == domein && members.iter().any(|m| m == ind))
    };
    for (&(domein, indicator), list) in &ctx.by_indicator {
        if let Some(stem) = stem_of(indicator, "stand_eind") {
            let members: Vec<String> = ["stand_begin", "stand_eind", "instroom", "uitstroom"]
                .iter()
                .map(|m| format!("{stem}{m}"))
                .collect();
            if !wanted(domein, &members) {
                continue;
            }
            for eind in list {
                begin_end_identity(ctx, eind, stem, out);
            }
            discontinuity(ctx, domein, stem, out);
        } else if let Some(stem) = stem_of(indicator, "stand") {
            let members: Vec<String> = ["stand", "instroom", "uitstroom"]
                .iter()
                .map(|m| format!("{stem}{m}"))
                .collect();
            if !wanted(domein, &members) {
                continue;
            }
            for stand in list {
                if ctx.soort(&stand.key) == Soort::Stand {
                    running_identity(ctx, stand, stem, out);
                }
            }
        }
    }
}

fn sibling<'a>(ctx: &Ctx<'a>, key: &SeriesKey, indicator: String) -> Option<&'a Series> {
    ctx.ds.find(&SeriesKey {
        indicator,
        ..key.clone()
    })
}

fn views<'a>(ctx: &Ctx<'a>, series: &[&'a Series]) -> Option<Vec<View<'a>>> {
    let floor = ctx.settings.granularity.unwrap_or(Granularity::Month);
    let g = series
        .iter()
        .map(|s| s.granularity())
        .fold(floor, Granularity::max);
    series.iter().map(|s| ctx.view(s, g).ok()).collect()
}

/// The complete value of a view at `p` in `unit`, with how many figures were summed.
fn complete<'v>(v: &'v View, p: &Period, unit_of: &str) -> Option<(f64, &'v VPoint<'v>)> {
    let vp = v.get(p)?;
    (vp.state == PState::Complete && unit::same(vp.unit, unit_of))
        .then_some(())
        .and_then(|_| vp.value.map(|x| (x, vp)))
}

/// Rounding tolerance when `n` rounded figures are combined.
fn tolerance(base: f64, n: usize) -> f64 {
    base / 2.0 * n as f64
}

fn residual_text(residual: f64, reference: f64) -> String {
    let dir = if residual > 0.0 { "hoger" } else { "lager" };
    format!(
        "{} {dir}{}",
        num(residual.abs()),
        relative(residual, reference)
            .map(|r| format!(" ({})", pct(r)))
            .unwrap_or_default()
    )
}

/// `X_stand_begin + X_instroom − X_uitstroom = X_stand_eind` per period, one source.
fn begin_end_identity<'a>(ctx: &Ctx<'a>, eind: &'a Series, stem: &str, out: &mut Vec<Mismatch>) {
    let key = &eind.key;
    let (Some(begin), Some(inn), Some(uit)) = (
        sibling(ctx, key, format!("{stem}stand_begin")),
        sibling(ctx, key, format!("{stem}instroom")),
        sibling(ctx, key, format!("{stem}uitstroom")),
    ) else {
        return;
    };
    let Some(v) = views(ctx, &[eind, begin, inn, uit]) else {
        return;
    };
    let base = ctx.rounding(&key.bron);
    for ep in &v[0].points {
        let p = ep.period;
        let Some((e, _)) = complete(&v[0], &p, ep.unit) else {
            continue;
        };
        let (Some((b, _)), Some((i, ip)), Some((u, up))) = (
            complete(&v[1], &p, ep.unit),
            complete(&v[2], &p, ep.unit),
            complete(&v[3], &p, ep.unit),
        ) else {
            continue;
        };
        let expected = b + i - u;
        let residual = e - expected;
        let n = 2 + ip.needed.max(1) + up.needed.max(1);
        if approx_eq(e, expected) || residual.abs() <= tolerance(base, n) {
            continue;
        }
        out.push(Mismatch {
            kind: MismatchKind::StockFlow,
            domein: key.domein.clone(),
            indicator: key.indicator.clone(),
            breakdown: key.breakdown.clone(),
            period: p,
            sources: vec![key.bron.clone()],
            reference: None,
            values: vec![
                ("beginstand".to_string(), Some(b)),
                ("instroom".to_string(), Some(i)),
                ("uitstroom".to_string(), Some(u)),
                ("eindstand".to_string(), Some(e)),
            ],
            abs_diff: Some(residual.abs()),
            rel_diff: relative(residual, e).map(f64::abs),
            detail: format!(
                "beginstand {} + instroom {} − uitstroom {} = {}, maar eindstand is {} ({}, {p}): {}",
                num(b),
                num(i),
                num(u),
                num(expected),
                num(e),
                key.bron,
                residual_text(residual, e)
            ),
        });
    }
}

/// `X_stand[t] = X_stand[t−1] + X_instroom[t] − X_uitstroom[t]`, one source.
fn running_identity<'a>(ctx: &Ctx<'a>, stand: &'a Series, stem: &str, out: &mut Vec<Mismatch>) {
    let key = &stand.key;
    let (Some(inn), Some(uit)) = (
        sibling(ctx, key, format!("{stem}instroom")),
        sibling(ctx, key, format!("{stem}uitstroom")),
    ) else {
        return;
    };
    let Some(v) = views(ctx, &[stand, inn, uit]) else {
        return;
    };
    let base = ctx.rounding(&key.bron);
    for w in v[0].points.windows(2) {
        let (prev, cur) = (&w[0], &w[1]);
        if prev.period.next() != cur.period {
            continue;
        }
        let (Some((s0, _)), Some((s1, _)), Some((i, ip)), Some((u, up))) = (
            complete(&v[0], &prev.period, cur.unit),
            complete(&v[0], &cur.period, cur.unit),
            complete(&v[1], &cur.period, cur.unit),
            complete(&v[2], &cur.period, cur.unit),
        ) else {
            continue;
        };
        let expected = s0 + i - u;
        let residual = s1 - expected;
        let n = 2 + ip.needed.max(1) + up.needed.max(1);
        if approx_eq(s1, expected) || residual.abs() <= tolerance(base, n) {
            continue;
        }
        let p = cur.period;
        let brk = [stand, inn, uit]
            .iter()
            .find_map(|s| ctx.breaks_between(&s.key, &prev.period, &p).next());
        let mut detail = format!(
            "stand {} {} + instroom {} − uitstroom {} = {}, maar stand {p} is {} ({}): {}",
            prev.period,
            num(s0),
            num(i),
            num(u),
            num(expected),
            num(s1),
            key.bron,
            residual_text(residual, s1)
        );
        let kind = match brk {
            Some(b) => {
                detail.push_str(&format!(
                    "; trendbreuk vanaf {}: {}",
                    b.period, b.meta.omschrijving
                ));
                MismatchKind::TrendBreak
            }
            None => MismatchKind::StockFlow,
        };
        out.push(Mismatch {
            kind,
            domein: key.domein.clone(),
            indicator: key.indicator.clone(),
            breakdown: key.breakdown.clone(),
            period: p,
            sources: vec![key.bron.clone()],
            reference: None,
            values: vec![
                (format!("stand {}", prev.period), Some(s0)),
                ("instroom".to_string(), Some(i)),
                ("uitstroom".to_string(), Some(u)),
                (format!("stand {p}"), Some(s1)),
            ],
            abs_diff: Some(residual.abs()),
            rel_diff: relative(residual, s1).map(f64::abs),
            detail,
        });
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "31-12-2022": the last day of a period.
fn end_date(p: &Period) -> String {
    let last = Period::from_month_number(p.end_month());
    format!(
        "{}-{}-{}",
        days_in_month(last.year, last.index),
        last.index,
        last.year
    )
}

/// "1-1-2023": the first day of a period.
fn start_date(p: &Period) -> String {
    let first = Period::from_month_number(p.start_month());
    format!("1-{}-{}", first.index, first.year)
}

/// The begin stock of a period against the end stock of the period before, across all sources
/// of the same domein and uitsplitsing (also within one source).
fn discontinuity(ctx: &Ctx, domein: &str, stem: &str, out: &mut Vec<Mismatch>) {
    let begin_id = format!("{stem}stand_begin");
    let eind_id = format!("{stem}stand_eind");
    let (Some(begins), Some(eindes)) = (
        ctx.by_indicator.get(&(domein, begin_id.as_str())),
        ctx.by_indicator.get(&(domein, eind_id.as_str())),
    ) else {
        return;
    };
    let mut ends: HashMap<(&Breakdown, i64), Vec<(&Series, &Observation)>> = HashMap::new();
    for s in eindes {
        for o in s.points.iter().filter(|o| o.value.is_some()) {
            ends.entry((&s.key.breakdown, o.period.end_month()))
                .or_default()
                .push((s, o));
        }
    }
    for bs in begins {
        for bo in &bs.points {
            let Some(b) = bo.value else {
                continue;
            };
            let Some(candidates) = ends.get(&(&bs.key.breakdown, bo.period.start_month() - 1))
            else {
                continue;
            };
            for (es, eo) in candidates {
                let e = eo.value.unwrap_or(0.0);
                let (ub, ue) = (ctx.unit(&bs.key, bo), ctx.unit(&es.key, eo));
                if !unit::same(ub, ue) {
                    continue;
                }
                let diff = b - e;
                let tol = ctx.rounding(&es.key.bron).max(ctx.rounding(&bs.key.bron));
                if approx_eq(b, e) || diff.abs() <= tol {
                    continue;
                }
                let (eb, bb) = (&es.key.bron, &bs.key.bron);
                let why = if eb == bb {
                    "de beginstand sluit binnen één bron niet aan op de vorige eindstand"
                } else {
                    "herzien tussen de publicaties"
                };
                out.push(Mismatch {
                    kind: MismatchKind::StockDiscontinuity,
                    domein: domein.to_string(),
                    indicator: begin_id.clone(),
                    breakdown: bs.key.breakdown.clone(),
                    period: bo.period,
                    sources: vec![eb.clone(), bb.clone()],
                    reference: Some(eb.clone()),
                    values: vec![(eb.clone(), Some(e)), (bb.clone(), Some(b))],
                    abs_diff: Some(diff.abs()),
                    rel_diff: relative(diff, e).map(f64::abs),
                    detail: format!(
                        "eindstand {} {} ({eb}, {}) tegen beginstand {} {} ({bb}, {}): {}; {why}",
                        end_date(&eo.period),
                        num(e),
                        eo.period,
                        start_date(&bo.period),
                        num(b),
                        bo.period,
                        residual_text(diff, e)
                    ),
                });
            }
        }
    }
}
