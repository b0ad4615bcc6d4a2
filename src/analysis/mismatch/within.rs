//! Unit changes between consecutive periods of one series (e.g. euro to x 1.000 euro).

use super::text::Converts;
use super::view::Ctx;
use super::{Mismatch, MismatchKind, unit};
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
            let mut detail = format!(
                "eenheid wisselt binnen {}: '{pu}' t/m {}, '{u}' vanaf {}",
                key.bron, po.period, obs.period
            );
            if let (Some(c), Some(v)) = (unit::conversion(u, pu), obs.value) {
                detail.push_str(&format!("; {}", Converts(v, &c.from, v * c.factor, &c.to)));
            }
            for b in ctx.breaks_between(key, &po.period, &obs.period) {
                detail.push_str(&format!("; vastgelegde breuk: {}", b.meta.omschrijving));
            }
            out.push(Mismatch {
                sources: vec![key.bron.clone()],
                values: vec![
                    (format!("{} {}", key.bron, po.period), po.value),
                    (format!("{} {}", key.bron, obs.period), obs.value),
                ],
                detail,
                ..Mismatch::on(MismatchKind::Unit, key, obs.period)
            });
        }
        prev = Some((obs, u));
    }
}
