//! The largest unexplained differences between sources: the mismatch detection's
//! `onverklaard` differences (not re-derived here), the largest per pair of sources of a series.

use super::{Measure, Settings, Signal, SignalKind, per_year, shift_period};
use crate::analysis::mismatch::{self, MismatchKind};
use crate::model::{Dataset, ViewKind, ViewSpec};
use std::collections::BTreeMap;

pub(super) fn detect(dataset: &Dataset, settings: &Settings) -> Vec<Signal> {
    let mismatch_settings = mismatch::Settings {
        threshold: settings.threshold,
        ..mismatch::Settings::default()
    };
    let mut largest: BTreeMap<_, mismatch::Mismatch> = BTreeMap::new();
    let found = match (&settings.domein, &settings.indicator) {
        (Some(d), Some(i)) => mismatch::detect_indicator(dataset, d, i, &mismatch_settings),
        _ => mismatch::detect(dataset, &mismatch_settings),
    };
    for m in found {
        if m.kind != MismatchKind::Unexplained
            || !m.breakdown.is_total()
            || !settings.looks_at(&m.domein, &m.indicator)
        {
            continue;
        }
        let Some(rel) = m.rel_diff.filter(|r| r.is_finite()) else {
            continue;
        };
        let place = (
            m.domein.clone(),
            m.indicator.clone(),
            m.breakdown.clone(),
            m.sources.clone(),
        );
        let larger = largest
            .get(&place)
            .is_none_or(|o| o.rel_diff.is_some_and(|r| rel.abs() > r.abs()));
        if larger {
            largest.insert(place, m);
        }
    }
    largest.into_values().map(signal).collect()
}

fn signal(m: mismatch::Mismatch) -> Signal {
    let py = per_year(m.period.granularity) as i64;
    let view = ViewSpec {
        domein: m.domein.clone(),
        indicator: m.indicator.clone(),
        bronnen: m.sources.clone(),
        granularity: Some(m.period.granularity),
        range: Some((shift_period(m.period, -2 * py), shift_period(m.period, py))),
        reference: m.reference.clone(),
        kind: ViewKind::Compare,
        transform: None,
        dimension: None,
        regio: m.breakdown.regio.clone(),
    };
    Signal {
        kind: SignalKind::Unexplained,
        domein: m.domein.clone(),
        indicator: m.indicator.clone(),
        breakdown: m.breakdown.clone(),
        sources: m.sources.clone(),
        period: m.period,
        score: m.rel_diff.map_or(0.0, f64::abs),
        view,
        measure: Measure::Unexplained(Box::new(m)),
    }
}
