//! Budget against realisation: indicator `X_begroot` against `X` in the same domein and
//! uitsplitsing, any source, at the budget's granularity (or coarser).

use super::text::{Converts, PctNote};
use super::view::{At, Ctx, Missing, VPoint, View};
use super::{Mismatch, MismatchKind, beyond_rounding, codes, num, plural, relative, unit};
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
            At::Missing(m) => Some(pair.not_comparable(bp, planned, m)),
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
        detail: String,
    ) -> Mismatch {
        Mismatch {
            sources: vec![self.bb.to_string(), self.rb.to_string()],
            reference: Some(self.bb.to_string()),
            values: vec![
                (self.budget_label.clone(), Some(planned)),
                (self.rb.to_string(), realised),
            ],
            abs_diff: diff.map(f64::abs),
            rel_diff: diff.and_then(|d| relative(d, planned)).map(f64::abs),
            detail,
            ..Mismatch::on(kind, &self.real.key, p)
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
        let (realised, note) = if unit::same(rp.unit, bp.unit) {
            (raw, String::new())
        } else if let Some(c) = unit::conversion(rp.unit, bp.unit) {
            let realised = raw * c.factor;
            (
                realised,
                format!(" ({})", Converts(raw, &c.from, realised, &c.to)),
            )
        } else {
            let detail = format!(
                "begroot {} {} ({bb}) tegen gerealiseerd {} {} ({rb}): andere eenheid, niet om te rekenen",
                num(planned),
                bp.unit,
                num(raw),
                rp.unit
            );
            let p = bp.period;
            return Some(self.mismatch(MismatchKind::Unit, p, planned, Some(raw), None, detail));
        };
        let tol = ctx.rounding(bb).max(ctx.rounding(rb));
        let diff = beyond_rounding(realised, planned, tol)?;
        let over = if diff > 0.0 { "meer" } else { "minder" };
        let sum = if rv.own < rv.g {
            format!(", som van {} {}", rp.needed, plural(rv.own))
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
            PctNote(relative(diff, planned))
        );
        let kind = MismatchKind::BudgetVsRealisation;
        Some(self.mismatch(kind, bp.period, planned, Some(raw), Some(diff), detail))
    }

    /// The budget has a figure, the realisation none that can be compared.
    fn not_comparable(&self, bp: &VPoint, planned: f64, m: Missing) -> Mismatch {
        let kind = m.kind();
        let why = match m {
            Missing::Gap(ch) => format!("{} ontbreekt", codes(&ch)),
            Missing::Unknown(ch) => format!("'.' (onbekend, niet nul) voor {}", codes(&ch)),
            Missing::NotYet(lag) => format!("nog niet geleverd (vertraging: {lag})"),
            Missing::MixedUnits(a, b) => {
                format!("eenheden '{a}' en '{b}' door elkaar, niet op te tellen")
            }
        };
        let p = bp.period;
        let detail = format!(
            "begroot {} {} ({}) niet te vergelijken met gerealiseerd {p} ({}): {why}",
            num(planned),
            bp.unit,
            self.bb,
            self.rb
        );
        self.mismatch(kind, p, planned, None, None, detail)
    }
}
