//! Budget against realisation: indicator `X_begroot` against `X` in the same domein and
//! uitsplitsing, any source, at the budget's granularity (or coarser); and within one
//! indicator, a source with `rol = "begroting"` against every other source that is no budget.

use super::view::{At, Ctx, Missing, VPoint, View};
use super::{
    Budget, BudgetMissing, BudgetUnits, Converts, Detail, Figure, Mismatch, MismatchKind,
    beyond_rounding, relative, unit,
};
use crate::model::{Period, Series};

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
    by_role(ctx, filter, out);
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

/// Per indicator (only the filtered one, when given): budget sources against the others.
fn by_role(ctx: &Ctx, filter: Option<(&str, &str)>, out: &mut Vec<Mismatch>) {
    if !ctx.has_budgets() {
        return;
    }
    for (key, list) in &ctx.by_indicator {
        if filter.is_some_and(|f| f != *key) {
            continue;
        }
        let is_budget = |s: &&&Series| ctx.is_budget(&s.key.bron);
        for b in list.iter().filter(is_budget) {
            let reals = list.iter().filter(|s| !is_budget(s));
            for r in reals.filter(|r| r.key.breakdown == b.key.breakdown) {
                compare(ctx, b, r, out);
            }
        }
    }
}

fn compare<'a>(ctx: &Ctx<'a>, budget: &'a Series, real: &'a Series, out: &mut Vec<Mismatch>) {
    let g = ctx.common_granularity([budget, real]);
    let (Ok(bv), Ok(rv)) = (ctx.view(budget, g), ctx.view(real, g)) else {
        return;
    };
    let pair = Pair::new(budget, real);
    for bp in &bv.points {
        let Some(planned) = bp.value else {
            continue;
        };
        let found = match rv.at(&bp.period, bv.last_period()) {
            At::Value(rp) => pair.against_realised(ctx, &rv, bp, planned, rp),
            At::Missing(m) => Some(pair.not_comparable(&rv, bp, planned, m)),
            At::Silent => None,
        };
        out.extend(found);
    }
}

/// A budget series and the realisation it is compared with.
struct Pair<'a> {
    real: &'a Series,
    /// Bron of the budget and of the realisation.
    bb: &'a str,
    rb: &'a str,
    budget_label: String,
}

impl<'a> Pair<'a> {
    fn new(budget: &'a Series, real: &'a Series) -> Pair<'a> {
        let bb = budget.key.bron.as_str();
        Pair {
            real,
            bb,
            rb: real.key.bron.as_str(),
            budget_label: format!("{bb} (begroot)"),
        }
    }

    /// A difference in period `p`, on the realised indicator, sized against the budget.
    fn mismatch(
        &self,
        kind: MismatchKind,
        p: Period,
        planned: f64,
        realised: Option<f64>,
        diff: Option<f64>,
        detail: Detail,
    ) -> Mismatch {
        Mismatch {
            sources: vec![self.bb.to_string(), self.rb.to_string()],
            reference: Some(self.bb.to_string()),
            values: vec![
                (self.budget_label.clone(), Some(planned)),
                (self.rb.to_string(), realised),
            ],
            diff,
            rel_diff: diff.and_then(|d| relative(d, planned)),
            ..Mismatch::on(kind, &self.real.key, p, detail)
        }
    }

    /// Both have a figure: a difference beyond rounding, or units that do not convert.
    fn against_realised(
        &self,
        ctx: &Ctx,
        rv: &View,
        bp: &VPoint,
        planned: f64,
        rp: &VPoint,
    ) -> Option<Mismatch> {
        let (bb, rb) = (self.bb, self.rb);
        let raw = rp.value.unwrap_or(0.0);
        let (realised, converted) = if unit::same(rp.unit, bp.unit) {
            (raw, None)
        } else if let Some(c) = unit::conversion(rp.unit, bp.unit) {
            let realised = raw * c.factor;
            let converts = Converts {
                from_value: raw,
                from: c.from,
                to_value: realised,
                to: c.to,
            };
            (realised, Some(converts))
        } else {
            let detail = Detail::BudgetUnits(Box::new(BudgetUnits {
                planned: Figure::new(bb, planned),
                planned_unit: bp.unit.to_string(),
                realised: Figure::new(rb, raw),
                realised_unit: rp.unit.to_string(),
            }));
            let (kind, p) = (MismatchKind::Unit, bp.period);
            return Some(self.mismatch(kind, p, planned, Some(raw), None, detail));
        };
        let tol = ctx.rounding(bb).max(ctx.rounding(rb));
        let diff = beyond_rounding(realised, planned, tol)?;
        let detail = Detail::Budget(Box::new(Budget {
            planned: Figure::new(bb, planned),
            unit: bp.unit.to_string(),
            realised: Figure::new(rb, realised),
            summed: (rv.own < rv.g).then_some((rp.needed, rv.own)),
            converted,
            diff,
            rel: relative(diff, planned),
        }));
        let kind = MismatchKind::BudgetVsRealisation;
        Some(self.mismatch(kind, bp.period, planned, Some(raw), Some(diff), detail))
    }

    /// The budget has a figure, the realisation (view `rv`) none that can be compared.
    fn not_comparable(&self, rv: &View, bp: &VPoint, planned: f64, m: Missing) -> Mismatch {
        let p = bp.period;
        let detail = Detail::BudgetMissing(Box::new(BudgetMissing {
            planned: Figure::new(self.bb, planned),
            unit: bp.unit.to_string(),
            period: p,
            real_bron: self.rb.to_string(),
            absence: rv.absence(&m, &p),
        }));
        self.mismatch(m.kind(), p, planned, None, None, detail)
    }
}
