//! Stopped deliveries: a source whose last figure of an indicator is older than the last
//! figure of the indicator's other sources by more than its delivery rhythm (`ritme`; the
//! series' own period length when the rhythm names none) allows. An older publication of the
//! same family (`cbs-2022` when `cbs-2023` goes on) is not a stopped delivery: it was replaced.

use super::{Measure, Signal, SignalKind, per_year, shift_period};
use crate::analysis::mismatch::family_of;
use crate::model::{Dataset, Granularity, Period, Series, ViewKind, ViewSpec};
use std::collections::BTreeMap;

pub(super) fn detect(series: &[&Series], dataset: &Dataset) -> Vec<Signal> {
    let mut groups: BTreeMap<_, Vec<(&Series, Period)>> = BTreeMap::new();
    for s in series {
        let last = s
            .points
            .iter()
            .rev()
            .find(|p| p.value.is_some())
            .map(|p| p.period);
        if let Some(last) = last {
            let place = (&s.key.domein, &s.key.indicator, &s.key.breakdown);
            groups.entry(place).or_default().push((s, last));
        }
    }
    let mut out = Vec::new();
    for members in groups.values() {
        for (s, last) in members {
            let family = |bron: &str| {
                let lev = dataset
                    .source_meta(bron)
                    .map_or("", |m| m.leverancier.as_str());
                family_of(bron, lev)
            };
            let own = family(&s.key.bron);
            let ahead = members
                .iter()
                .filter(|(o, _)| o.key.bron != s.key.bron)
                .max_by_key(|(o, p)| (p.end_month(), std::cmp::Reverse(&o.key.bron)));
            let Some((other, others_last)) = ahead else {
                continue;
            };
            let replaced = members
                .iter()
                .any(|(o, p)| o.key.bron != s.key.bron && p > last && family(&o.key.bron) == own);
            if replaced {
                continue;
            }
            let rhythm = dataset
                .source_meta(&s.key.bron)
                .and_then(|m| Granularity::from_dutch(&m.ritme))
                .unwrap_or_else(|| s.granularity());
            let behind = others_last.end_month() - last.end_month();
            if behind <= rhythm.months() as i64 {
                continue;
            }
            let py = per_year(last.granularity) as i64;
            let view = ViewSpec {
                domein: s.key.domein.clone(),
                indicator: s.key.indicator.clone(),
                bronnen: vec![s.key.bron.clone(), other.key.bron.clone()],
                granularity: None,
                range: Some((shift_period(*last, -2 * py), *others_last)),
                reference: None,
                kind: ViewKind::Trend,
                transform: None,
                dimension: None,
                regio: s.key.breakdown.regio.clone(),
            };
            out.push(Signal {
                kind: SignalKind::Stopped,
                domein: s.key.domein.clone(),
                indicator: s.key.indicator.clone(),
                breakdown: s.key.breakdown.clone(),
                sources: vec![s.key.bron.clone()],
                period: *last,
                measure: Measure::Stopped {
                    others_last: *others_last,
                    ahead: other.key.bron.clone(),
                    rhythm,
                    months_behind: behind,
                },
                score: behind as f64,
                view,
            });
        }
    }
    out
}
