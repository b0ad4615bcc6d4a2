//! Unit changes between consecutive periods of one series (e.g. euro to x 1.000 euro).

use super::view::Ctx;
use super::{Converts, Detail, Mismatch, MismatchKind, UnitChange, unit};
use crate::model::{Observation, Series};

/// Unit changes between consecutive periods of one series (e.g. euro to x 1.000 euro).
pub(super) fn units_within<'a>(ctx: &Ctx<'a>, series: &'a Series, out: &mut Vec<Mismatch>) {
    let key = &series.key;
    let own = series.granularity();
    let default_unit = ctx.series_unit(key);
    let mut prev: Option<(&Observation, &str)> = None;
    for obs in series.points.iter().filter(|o| o.period.granularity == own) {
        let u = obs.unit.as_deref().unwrap_or(default_unit);
        if let Some((po, pu)) = prev
            && !unit::same(pu, u)
        {
            let example = match (unit::conversion(u, pu), obs.value) {
                (Some(c), Some(v)) => Some(Converts {
                    from_value: v,
                    from: c.from,
                    to_value: v * c.factor,
                    to: c.to,
                }),
                _ => None,
            };
            let breaks = ctx
                .breaks_between(key, &po.period, &obs.period)
                .map(|b| b.meta.omschrijving.clone())
                .collect();
            let detail = Detail::UnitChange(Box::new(UnitChange {
                bron: key.bron.clone(),
                before: pu.to_string(),
                last_before: po.period,
                after: u.to_string(),
                first_after: obs.period,
                example,
                breaks,
            }));
            out.push(Mismatch {
                sources: vec![key.bron.clone()],
                values: vec![
                    (format!("{} {}", key.bron, po.period), po.value),
                    (format!("{} {}", key.bron, obs.period), obs.value),
                ],
                ..Mismatch::on(MismatchKind::Unit, key, obs.period, detail)
            });
        }
        prev = Some((obs, u));
    }
}
