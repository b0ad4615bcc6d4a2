//! A trend break within one source: the change across a recorded break against the usual
//! change of that series between consecutive periods. Named only when the jump is clearly
//! outside the usual change.

use super::view::Ctx;
use super::{BreakJump, BreakNote, Detail, Mismatch, MismatchKind, prev_period, unit};
use crate::model::{Period, Series};

/// A jump counts when it is more than this many times the usual change…
const TIMES_USUAL: f64 = 3.0;
/// …and more than this relative change (a flat series has a usual change near zero).
const MIN_JUMP: f64 = 0.02;
/// The usual change needs at least this many changes without a break.
const MIN_CHANGES: usize = 3;

pub(super) fn detect(ctx: &Ctx, series: &Series, out: &mut Vec<Mismatch>) {
    let key = &series.key;
    // Most series have no recorded break: nothing to collect.
    let Some(last) = series.points.last() else {
        return;
    };
    if ctx.breaks_at(key, &last.period).next().is_none() {
        return;
    }
    let own = series.granularity();
    let default_unit = ctx.series_unit(key);
    // Consecutive periods of the own granularity that both have a figure, in one unit.
    let points: Vec<(Period, f64, &str)> = series
        .points
        .iter()
        .filter(|o| o.period.granularity == own)
        .filter_map(|o| {
            Some((
                o.period,
                o.value?,
                o.unit.as_deref().unwrap_or(default_unit),
            ))
        })
        .collect();
    let mut usual = Vec::new();
    let mut crossings = Vec::new();
    for w in points.windows(2) {
        let ((p0, v0, u0), (p1, v1, u1)) = (w[0], w[1]);
        // A unit change is named by its own check; a gap is no period-to-period change.
        if prev_period(&p1) != p0 || !unit::same(u0, u1) || v0 == 0.0 {
            continue;
        }
        let change = (v1 - v0) / v0.abs();
        match ctx.breaks_between(key, &p0, &p1).last() {
            Some(b) => crossings.push((b, (p0, v0), (p1, v1), change)),
            None => usual.push(change.abs()),
        }
    }
    if crossings.is_empty() || usual.len() < MIN_CHANGES {
        return;
    }
    usual.sort_by(f64::total_cmp);
    let typical = usual[usual.len() / 2];
    for (b, before, after, jump) in crossings {
        if jump.abs() <= MIN_JUMP || jump.abs() <= TIMES_USUAL * typical {
            continue;
        }
        let detail = Detail::BreakJump(Box::new(BreakJump {
            brk: BreakNote {
                bron: key.bron.clone(),
                period: b.period,
                description: b.meta.omschrijving.clone(),
            },
            before,
            after,
            jump,
            usual: typical,
            granularity: own,
        }));
        out.push(Mismatch {
            sources: vec![key.bron.clone()],
            reference: Some(key.bron.clone()),
            values: vec![
                (format!("{} {}", key.bron, before.0), Some(before.1)),
                (format!("{} {}", key.bron, after.0), Some(after.1)),
            ],
            diff: Some(after.1 - before.1),
            rel_diff: Some(jump),
            ..Mismatch::on(MismatchKind::TrendBreak, key, after.0, detail)
        });
    }
}
