//! Stock-flow identities within one source (begin + instroom − uitstroom = eind) and stock
//! continuity between publications (the begin stock of one equals the end stock of the one
//! before).
//!
//! Indicators are matched by name within a domein: `X_stand_begin`, `X_stand_eind`,
//! `X_instroom`, `X_uitstroom` (explicit begin and end stock per period), or `X_stand` with
//! `X_instroom` and `X_uitstroom` (end-of-period stock: the previous period's stock is the
//! begin). `X_` may be empty: `stand`, `instroom`, `uitstroom`.

use super::view::{Ctx, PState, VPoint, View};
use super::{
    BreakNote, Day, Detail, Figure, Mismatch, MismatchKind, StockDiscontinuity, StockFlow, Stocks,
    beyond_rounding, relative, rounding_tolerance, unit,
};
use crate::model::{Breakdown, Observation, Period, Series, SeriesKey, Soort};
use std::collections::HashMap;

/// Whether stock checks can be shown on `indicator`: they are reported on a stand
/// (`stand`, `stand_begin`, `stand_eind`, with a stem), never on its flows.
pub(super) fn shows_on(indicator: &str) -> bool {
    ["stand", "stand_begin", "stand_eind"]
        .iter()
        .any(|suffix| stem_of(indicator, suffix).is_some())
}

fn stem_of<'s>(indicator: &'s str, suffix: &str) -> Option<&'s str> {
    indicator
        .strip_suffix(suffix)
        .filter(|stem| stem.is_empty() || stem.ends_with('_'))
}

/// With `totals_only` only whole-area series (no wijk or aanbieder) are checked: the comparison
/// table shows those alone.
pub(super) fn detect(
    ctx: &Ctx,
    filter: Option<(&str, &str)>,
    totals_only: bool,
    out: &mut Vec<Mismatch>,
) {
    let shown = |s: &&&Series| !totals_only || s.key.breakdown.is_total();
    // Whether the filter asks for one of the family's indicators (`{stem}{member}`).
    let wanted = |domein: &str, stem: &str, members: &[&str]| {
        filter.is_none_or(|(d, ind)| {
            d == domein
                && ind
                    .strip_prefix(stem)
                    .is_some_and(|rest| members.contains(&rest))
        })
    };
    for (&(domein, indicator), list) in &ctx.by_indicator {
        if let Some(stem) = stem_of(indicator, "stand_eind") {
            if !wanted(
                domein,
                stem,
                &["stand_begin", "stand_eind", "instroom", "uitstroom"],
            ) {
                continue;
            }
            for eind in list.iter().filter(shown) {
                begin_end_identity(ctx, eind, stem, out);
            }
            discontinuity(ctx, domein, stem, out);
        } else if let Some(stem) = stem_of(indicator, "stand") {
            if !wanted(domein, stem, &["stand", "instroom", "uitstroom"]) {
                continue;
            }
            for stand in list.iter().filter(shown) {
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

/// The instroom and uitstroom series next to a stock series (same source and uitsplitsing).
fn flow_siblings<'a>(ctx: &Ctx<'a>, key: &SeriesKey, stem: &str) -> Option<[&'a Series; 2]> {
    Some([
        sibling(ctx, key, format!("{stem}instroom"))?,
        sibling(ctx, key, format!("{stem}uitstroom"))?,
    ])
}

fn views<'a>(ctx: &Ctx<'a>, series: &[&'a Series]) -> Option<Vec<View<'a>>> {
    let g = ctx.common_granularity(series.iter().copied());
    series.iter().map(|s| ctx.view(s, g).ok()).collect()
}

/// The complete value of a view at `p` in `unit`, with how many figures were summed.
fn complete<'v>(v: &'v View, p: &Period, unit_of: &str) -> Option<(f64, &'v VPoint<'v>)> {
    let vp = v.get(p)?;
    (vp.state == PState::Complete && unit::same(vp.unit, unit_of))
        .then_some(())
        .and_then(|_| vp.value.map(|x| (x, vp)))
}

/// One period of a stock-flow identity: `begin + inflow − outflow` should be `end`.
struct Balance {
    begin: f64,
    inflow: f64,
    outflow: f64,
    end: f64,
    /// How many rounded figures were combined (a summed flow counts each of its parts).
    figures: usize,
}

impl Balance {
    /// The period's begin and end stock with its flows, when both flows are complete in `unit`.
    fn at(begin: f64, end: f64, flows: &[View], p: &Period, unit: &str) -> Option<Balance> {
        let (Some((inflow, ip)), Some((outflow, op))) =
            (complete(&flows[0], p, unit), complete(&flows[1], p, unit))
        else {
            return None;
        };
        Some(Balance {
            begin,
            inflow,
            outflow,
            end,
            figures: 2 + ip.needed.max(1) + op.needed.max(1),
        })
    }

    fn expected(&self) -> f64 {
        self.begin + self.inflow - self.outflow
    }

    /// `end − expected`, when beyond the rounding of the figures combined.
    fn residual(&self, rounding: f64) -> Option<f64> {
        beyond_rounding(
            self.end,
            self.expected(),
            rounding_tolerance(rounding, self.figures),
        )
    }

    /// The identity as a detail, between `stocks` of `bron`.
    fn detail(
        &self,
        stocks: Stocks,
        bron: &str,
        residual: f64,
        recorded_break: Option<BreakNote>,
    ) -> Detail {
        Detail::StockFlow(StockFlow {
            stocks,
            bron: bron.to_string(),
            begin: self.begin,
            inflow: self.inflow,
            outflow: self.outflow,
            expected: self.expected(),
            end: self.end,
            residual,
            rel: relative(residual, self.end),
            recorded_break,
        })
    }

    /// The identity does not hold in period `p` of the stock series `key`: the four figures under
    /// the labels of the stocks, and the residual relative to the end stock.
    fn mismatch(
        &self,
        kind: MismatchKind,
        key: &SeriesKey,
        p: Period,
        (begin_label, end_label): (String, String),
        residual: f64,
        detail: Detail,
    ) -> Mismatch {
        Mismatch {
            sources: vec![key.bron.clone()],
            values: vec![
                (begin_label, Some(self.begin)),
                ("instroom".to_string(), Some(self.inflow)),
                ("uitstroom".to_string(), Some(self.outflow)),
                (end_label, Some(self.end)),
            ],
            diff: Some(residual),
            rel_diff: relative(residual, self.end),
            ..Mismatch::on(kind, key, p, detail)
        }
    }
}

/// `X_stand_begin + X_instroom − X_uitstroom = X_stand_eind` per period, one source.
fn begin_end_identity<'a>(ctx: &Ctx<'a>, eind: &'a Series, stem: &str, out: &mut Vec<Mismatch>) {
    let key = &eind.key;
    let (Some(begin), Some([inn, uit])) = (
        sibling(ctx, key, format!("{stem}stand_begin")),
        flow_siblings(ctx, key, stem),
    ) else {
        return;
    };
    let Some(v) = views(ctx, &[eind, begin, inn, uit]) else {
        return;
    };
    let base = ctx.rounding(&key.bron);
    for ep in &v[0].points {
        let p = ep.period;
        let (Some((e, _)), Some((b, _))) =
            (complete(&v[0], &p, ep.unit), complete(&v[1], &p, ep.unit))
        else {
            continue;
        };
        let Some(bal) = Balance::at(b, e, &v[2..], &p, ep.unit) else {
            continue;
        };
        let Some(residual) = bal.residual(base) else {
            continue;
        };
        let labels = ("beginstand".to_string(), "eindstand".to_string());
        let d = bal.detail(Stocks::BeginEnd { period: p }, &key.bron, residual, None);
        out.push(bal.mismatch(MismatchKind::StockFlow, key, p, labels, residual, d));
    }
}

/// `X_stand[t] = X_stand[t−1] + X_instroom[t] − X_uitstroom[t]`, one source.
fn running_identity<'a>(ctx: &Ctx<'a>, stand: &'a Series, stem: &str, out: &mut Vec<Mismatch>) {
    let key = &stand.key;
    let Some([inn, uit]) = flow_siblings(ctx, key, stem) else {
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
        let (Some((s0, _)), Some((s1, _))) = (
            complete(&v[0], &prev.period, cur.unit),
            complete(&v[0], &cur.period, cur.unit),
        ) else {
            continue;
        };
        let Some(bal) = Balance::at(s0, s1, &v[1..], &cur.period, cur.unit) else {
            continue;
        };
        let Some(residual) = bal.residual(base) else {
            continue;
        };
        let p = cur.period;
        let labels = (format!("stand {}", prev.period), format!("stand {p}"));
        // A recorded break between the two periods explains the jump.
        let brk = [stand, inn, uit]
            .iter()
            .find_map(|s| ctx.breaks_between(&s.key, &prev.period, &p).next());
        let kind = match brk {
            Some(_) => MismatchKind::TrendBreak,
            None => MismatchKind::StockFlow,
        };
        let stocks = Stocks::Running {
            previous: prev.period,
            period: p,
        };
        let note = brk.map(|b| BreakNote {
            bron: key.bron.clone(),
            period: b.period,
            description: b.meta.omschrijving.clone(),
        });
        let d = bal.detail(stocks, &key.bron, residual, note);
        out.push(bal.mismatch(kind, key, p, labels, residual, d));
    }
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
                let tol = ctx.rounding(&es.key.bron).max(ctx.rounding(&bs.key.bron));
                let Some(diff) = beyond_rounding(b, e, tol) else {
                    continue;
                };
                let (eb, bb) = (&es.key.bron, &bs.key.bron);
                let detail = Detail::StockDiscontinuity(Box::new(StockDiscontinuity {
                    end: Figure::new(eb, e),
                    end_period: eo.period,
                    ends_on: Day::last_of(&eo.period),
                    begin: Figure::new(bb, b),
                    begin_period: bo.period,
                    begins_on: Day::first_of(&bo.period),
                    residual: diff,
                    rel: relative(diff, e),
                }));
                out.push(Mismatch {
                    kind: MismatchKind::StockDiscontinuity,
                    domein: domein.to_string(),
                    indicator: begin_id.clone(),
                    breakdown: bs.key.breakdown.clone(),
                    period: bo.period,
                    sources: vec![eb.clone(), bb.clone()],
                    reference: Some(eb.clone()),
                    values: vec![(eb.clone(), Some(e)), (bb.clone(), Some(b))],
                    diff: Some(diff),
                    rel_diff: relative(diff, e),
                    detail,
                });
            }
        }
    }
}
