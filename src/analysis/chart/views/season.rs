//! The season: one source over the months (or quarters) of the year, one line per year. The last
//! year is drawn in the source's colour; the earlier years in greys (older lighter on paper,
//! darker on screen) with the band of their lowest to highest value behind the lines, so "is this
//! just the season?" is answered by whether the last year leaves the band.

use super::{Hide, ViewRefusal, chosen_source, transformed_series};
use crate::analysis::chart::{Band, ChartModel, ChartPoint, ChartSeries};
use crate::model::identity::{Rgb, SeriesIdentity, SourceIdentity};
use crate::model::{Dataset, Granularity, Period, ViewSpec};
use std::collections::BTreeMap;

/// Greys of the earlier years, the most recent first.
const GREYS: [Rgb; 5] = [
    Rgb(150, 150, 150),
    Rgb(128, 128, 128),
    Rgb(112, 112, 112),
    Rgb(98, 98, 98),
    Rgb(88, 88, 88),
];

pub(super) fn model(
    dataset: &Dataset,
    view: &ViewSpec,
    hide: Hide<'_>,
) -> Result<ChartModel, ViewRefusal> {
    let source = chosen_source(dataset, view, |s| s.key.breakdown.is_total())
        .ok_or(ViewRefusal::NoSeries)?;
    // Months stay months, quarters quarters; a chosen coarser length than that is no season.
    let granularity = view.granularity.unwrap_or(source.granularity());
    if granularity > Granularity::Quarter || source.granularity() > granularity {
        let granularity = granularity.max(source.granularity());
        return Err(ViewRefusal::NotWithinYear { granularity });
    }
    let keys = [source.key.clone()];
    let series = transformed_series(dataset, &keys, Some(granularity), view, hide)?;
    let Some(base) = series.into_iter().next().filter(|s| !s.points.is_empty()) else {
        return Err(ViewRefusal::NoSeries);
    };
    let years = by_year(&base.points);
    let Some(&last) = years.keys().next_back() else {
        return Err(ViewRefusal::NoSeries);
    };
    let lines: Vec<ChartSeries> = (years.iter().rev())
        .enumerate()
        .map(|(age, (year, points))| year_line(&base, *year, age, points))
        .collect();
    let band = band(&years, last);
    // The last year first: its colour is the source's, and a legend reads it first.
    let mut m = ChartModel::from_series(dataset, lines, None);
    m.marks.clear();
    m.band = band;
    m.transform = view.transform.clone();
    Ok(m)
}

/// The points of each year, moved to their season slot.
fn by_year(points: &[ChartPoint]) -> BTreeMap<i32, Vec<ChartPoint>> {
    let mut years: BTreeMap<i32, Vec<ChartPoint>> = BTreeMap::new();
    for p in points {
        let slot = p.period.season_slot();
        years.entry(p.period.year).or_default().push(ChartPoint {
            period: slot,
            x: slot.mid(),
            ..p.clone()
        });
    }
    years
}

/// One year's line: the last year (`age` 0) as the source, the others grey and numbered.
fn year_line(base: &ChartSeries, year: i32, age: usize, points: &[ChartPoint]) -> ChartSeries {
    let identity = match age {
        0 => SeriesIdentity {
            variant: 0,
            ..base.identity
        },
        _ => SeriesIdentity {
            source: SourceIdentity {
                colour: Some(GREYS[(age - 1).min(GREYS.len() - 1)]),
                ..base.identity.source
            },
            variant: age,
        },
    };
    ChartSeries {
        label: year.to_string(),
        breakdown: String::new(),
        identity,
        points: points.to_vec(),
        note: None,
        ..base.clone()
    }
}

/// The lowest and highest value of the years before `last`, per slot that has any.
fn band(years: &BTreeMap<i32, Vec<ChartPoint>>, last: i32) -> Vec<Band> {
    let mut slots: BTreeMap<Period, (f64, f64)> = BTreeMap::new();
    for p in years.range(..last).flat_map(|(_, ps)| ps) {
        let e = slots.entry(p.period).or_insert((p.y, p.y));
        e.0 = e.0.min(p.y);
        e.1 = e.1.max(p.y);
    }
    slots
        .into_iter()
        .map(|(period, (lo, hi))| Band {
            period,
            x: period.mid(),
            lo,
            hi,
        })
        .collect()
}
