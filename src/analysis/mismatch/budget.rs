//! Budget against realisation: indicator `X_begroot` against `X` in the same domein and
//! uitsplitsing, any source, at the budget's granularity (or coarser).

use super::view::{At, Ctx, Missing};
use super::{Mismatch, MismatchKind, approx_eq, codes, num, pct, relative, unit};
use crate::model::{Granularity, Series};

const SUFFIX: &str = "_begroot";

pub(super) fn detect(ctx: &Ctx, filter: Option<(&str, &str)>, out: &mut Vec<Mismatch>) {
    let pairs: Vec<(&str, String)> = match filter {
        Some((domein, ind)) => {
            let budget = match ind.strip_suffix(SUFFIX) {
                Some(_) => ind.to_string(),
                None => format!("{ind}{SUFFIX}"),
            };
            vec![(domein, budget)]
        }
        None => ctx
            .by_indicator
            .keys()
            .filter(|(_, ind)| ind.ends_with(SUFFIX))
            .map(|(d, ind)| (*d, ind.to_string()))
            .collect(),
    };
    for (domein, budget_id) in pairs {
        let Some(real_id) = budget_id.strip_suffix(SUFFIX) else {
            continue;
        };
        let (Some(budgets), Some(reals)) = (
            ctx.by_indicator.get(&(domein, budget_id.as_str())),
            ctx.by_indicator.get(&(domein, real_id)),
        ) else {
            continue;
        };
        for b in budgets {
            for r in reals.iter().filter(|r| r.key.breakdown == b.key.breakdown) {
                compare(ctx, b, r, out);
            }
        }
    }
}

fn compare<'a>(ctx: &Ctx<'a>, budget: &'a Series, real: &'a Series, out: &mut Vec<Mismatch>) {
    let floor = ctx.settings.granularity.unwrap_or(Granularity::Month);
    let g = budget.granularity().max(real.granularity()).max(floor);
    let (Ok(bv), Ok(rv)) = (ctx.view(budget, g), ctx.view(real, g)) else {
        return;
    };
    let (bb, rb) = (budget.key.bron.as_str(), real.key.bron.as_str());
    let budget_label = format!("{bb} (begroot)");
    for bp in &bv.points {
        let Some(planned) = bp.value else {
            continue;
        };
        let p = bp.period;
        let push = |out: &mut Vec<Mismatch>,
                    kind: MismatchKind,
                    realised: Option<f64>,
                    diff: Option<f64>,
                    detail: String| {
            out.push(Mismatch {
                kind,
                domein: real.key.domein.clone(),
                indicator: real.key.indicator.clone(),
                breakdown: real.key.breakdown.clone(),
                period: p,
                sources: vec![bb.to_string(), rb.to_string()],
                reference: Some(bb.to_string()),
                values: vec![
                    (budget_label.clone(), Some(planned)),
                    (rb.to_string(), realised),
                ],
                abs_diff: diff.map(f64::abs),
                rel_diff: diff.and_then(|d| relative(d, planned)).map(f64::abs),
                detail,
            });
        };
        match rv.at(&p, bv.last_period()) {
            At::Value(rp) => {
                let raw = rp.value.unwrap_or(0.0);
                let (realised, note) = if unit::same(rp.unit, bp.unit) {
                    (raw, String::new())
                } else if let Some(c) = unit::conversion(rp.unit, bp.unit) {
                    (
                        raw * c.factor,
                        format!(
                            " ({} {} = {} {})",
                            num(raw),
                            c.from.short(),
                            num(raw * c.factor),
                            c.to.short()
                        ),
                    )
                } else {
                    push(
                        out,
                        MismatchKind::Unit,
                        Some(raw),
                        None,
                        format!(
                            "begroot {} {} ({bb}) tegen gerealiseerd {} {} ({rb}): andere eenheid, niet om te rekenen",
                            num(planned),
                            bp.unit,
                            num(raw),
                            rp.unit
                        ),
                    );
                    continue;
                };
                let diff = realised - planned;
                let tol = ctx.rounding(bb).max(ctx.rounding(rb));
                if approx_eq(realised, planned) || diff.abs() <= tol {
                    continue;
                }
                let over = if diff > 0.0 { "meer" } else { "minder" };
                let sum = if rv.own < g {
                    format!(", som van {} {}", rp.needed, super::plural(rv.own))
                } else {
                    String::new()
                };
                let detail = format!(
                    "begroot {} {} ({bb}) tegen gerealiseerd {} {} ({rb}{sum}){note}: {} {over} gerealiseerd dan begroot{}",
                    num(planned),
                    bp.unit,
                    num(realised),
                    bp.unit,
                    num(diff.abs()),
                    relative(diff, planned)
                        .map(|r| format!(" ({})", pct(r)))
                        .unwrap_or_default()
                );
                push(
                    out,
                    MismatchKind::BudgetVsRealisation,
                    Some(raw),
                    Some(diff),
                    detail,
                );
            }
            At::Missing(m) => {
                let (kind, why) = match m {
                    Missing::Gap(ch) => (
                        MismatchKind::MissingPeriod,
                        format!("{} ontbreekt", codes(&ch)),
                    ),
                    Missing::Unknown(ch) => (
                        MismatchKind::MissingPeriod,
                        format!("'.' (onbekend, niet nul) voor {}", codes(&ch)),
                    ),
                    Missing::NotYet(lag) => (
                        MismatchKind::MissingPeriod,
                        format!("nog niet geleverd (vertraging: {lag})"),
                    ),
                    Missing::MixedUnits(a, b) => (
                        MismatchKind::Unit,
                        format!("eenheden '{a}' en '{b}' door elkaar, niet op te tellen"),
                    ),
                };
                push(
                    out,
                    kind,
                    None,
                    None,
                    format!(
                        "begroot {} {} ({bb}) niet te vergelijken met gerealiseerd {p} ({rb}): {why}",
                        num(planned),
                        bp.unit
                    ),
                );
            }
            At::Silent => {}
        }
    }
}
