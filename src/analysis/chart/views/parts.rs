//! The parts of one source: its wijken or aanbieders beside its total, as small multiples on
//! shared axes, stacked with the rest the parts leave unexplained, or listed by their change
//! against a year earlier. Parts are listed, never judged: the order of the change list is the
//! size of the change, nothing more.

use super::{Hide, ViewRefusal, chosen_source, dimensions, set_y_axis, transformed_series};
use crate::analysis::chart::{ChartModel, ChartPoint, ChartSeries};
use crate::model::identity::{IDENTITY_COLOURS, Rgb, SeriesIdentity, SourceIdentity};
use crate::model::{Dataset, Dimension, Period, SeriesKey, Soort, Transform, ViewSpec};

/// The parts of one source of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    pub dimension: Dimension,
    pub bron: String,
    /// The source's whole-area series, when it delivers one.
    pub total: Option<ChartSeries>,
    /// One series per part, labelled with the part's name, in name order.
    pub parts: Vec<ChartSeries>,
    /// Total minus the sum of the parts, in periods where the total and every part have a value
    /// (stromen and standen only: ratios do not add up).
    pub rest: Vec<ChartPoint>,
    /// Each part's (and the total's) change against a year earlier, the largest change first.
    pub changes: Vec<PartChange>,
    pub transform: Option<Transform>,
}

/// A part's value in the last period against the same period a year earlier.
#[derive(Debug, Clone, PartialEq)]
pub struct PartChange {
    /// The part's name; `None` for the total.
    pub part: Option<String>,
    pub from: Period,
    pub to: Period,
    pub before: f64,
    pub after: f64,
}

impl PartChange {
    pub fn delta(&self) -> f64 {
        self.after - self.before
    }

    /// The change in % of the earlier value; `None` from 0.
    pub fn pct(&self) -> Option<f64> {
        (self.before != 0.0).then(|| self.delta() / self.before.abs() * 100.0)
    }
}

pub(super) fn model(
    dataset: &Dataset,
    view: &ViewSpec,
    hide: Hide<'_>,
) -> Result<Parts, ViewRefusal> {
    let dims = dimensions(dataset, &view.domein, &view.indicator);
    let dimension = (view.dimension.filter(|d| dims.contains(d)))
        .or_else(|| dims.first().copied())
        .ok_or(ViewRefusal::NoParts)?;
    // Parts of one place: a wijk of another gemeente is no part of this one.
    let has_parts = |s: &crate::model::Series| {
        (dataset.series_of(&view.domein, &view.indicator))
            .filter(|o| o.key.bron == s.key.bron && o.key.breakdown.regio == s.key.breakdown.regio)
            .filter(|o| dimension.part_of(&o.key.breakdown).is_some())
            .nth(1)
            .is_some()
    };
    let source = chosen_source(dataset, view, has_parts).ok_or(ViewRefusal::NoParts)?;
    let bron = source.key.bron.clone();
    let mut keys: Vec<SeriesKey> = (dataset.series_of(&view.domein, &view.indicator))
        .filter(|s| s.key.bron == bron && s.key.breakdown.regio == source.key.breakdown.regio)
        .filter(|s| s.key.breakdown.is_total() || dimension.part_of(&s.key.breakdown).is_some())
        .map(|s| s.key.clone())
        .collect();
    keys.sort_by_key(|k| {
        (
            !k.breakdown.is_total(),
            dimension.part_of(&k.breakdown).map(str::to_string),
        )
    });
    let mut series = transformed_series(dataset, &keys, view.granularity, view, hide)?;
    if let Some(range) = view.range {
        super::super::keep_range(&mut series, range);
    }
    let total = match series.first() {
        Some(s) if s.key.breakdown.is_total() => Some(series.remove(0)),
        _ => None,
    };
    let own = dataset.meta.identity(&bron).index;
    let parts: Vec<ChartSeries> = series
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            s.label = dimension
                .part_of(&s.key.breakdown)
                .unwrap_or_default()
                .to_string();
            s.identity = part_identity(i, own);
            s
        })
        .collect();
    let additive = matches!(dataset.soort(&source.key), Soort::Stroom | Soort::Stand)
        && view.transform.is_none();
    let rest = match (&total, additive) {
        (Some(t), true) => rest(t, &parts),
        _ => Vec::new(),
    };
    let changes = changes(total.as_ref(), &parts);
    Ok(Parts {
        dimension,
        bron,
        total,
        parts,
        rest,
        changes,
        transform: view.transform.clone(),
    })
}

/// A part's colour: the identity colours in turn, skipping its source's own (the total's).
fn part_identity(i: usize, own: usize) -> SeriesIdentity {
    let n = IDENTITY_COLOURS.len();
    let mut index = i % (n - 1);
    if index >= own % n {
        index += 1;
    }
    SeriesIdentity {
        source: SourceIdentity {
            index,
            colour: None,
            symbol: None,
        },
        variant: i + 1,
    }
}

fn rest(total: &ChartSeries, parts: &[ChartSeries]) -> Vec<ChartPoint> {
    (total.points.iter())
        .filter_map(|t| {
            let sum: Option<f64> = parts.iter().map(|s| s.at(&t.period).map(|p| p.y)).sum();
            Some(ChartPoint {
                y: t.y - sum?,
                ..t.clone()
            })
        })
        .collect()
}

/// The last period of the total (else of any part) against the same period a year earlier.
fn changes(total: Option<&ChartSeries>, parts: &[ChartSeries]) -> Vec<PartChange> {
    let last = match total {
        Some(t) => t.points.last().map(|p| p.period),
        None => parts
            .iter()
            .filter_map(|s| s.points.last().map(|p| p.period))
            .max(),
    };
    let Some(to) = last else { return Vec::new() };
    let from = Period {
        year: to.year - 1,
        ..to
    };
    let change = |s: &ChartSeries, part: Option<String>| {
        Some(PartChange {
            part,
            from,
            to,
            before: s.at(&from)?.y,
            after: s.at(&to)?.y,
        })
    };
    let mut out: Vec<PartChange> = parts
        .iter()
        .filter_map(|s| change(s, Some(s.label.clone())))
        .collect();
    out.sort_by(|a, b| {
        b.delta()
            .abs()
            .total_cmp(&a.delta().abs())
            .then_with(|| a.part.cmp(&b.part))
    });
    if let Some(c) = total.and_then(|t| change(t, None)) {
        out.insert(0, c);
    }
    out
}

/// Grey for the rest: it is no part.
const REST: Rgb = Rgb(140, 140, 140);

impl Parts {
    /// One chart per part, all on the same y axis and time axis (the total, an order larger,
    /// would flatten them: it is in the legend and the stacked view).
    pub fn multiples(&self, dataset: &Dataset) -> Vec<ChartModel> {
        let all: Vec<&ChartSeries> = self.parts.iter().collect();
        let ys = || all.iter().flat_map(|s| s.points.iter().map(|p| p.y));
        let lo = ys().fold(f64::INFINITY, f64::min);
        let hi = ys().fold(f64::NEG_INFINITY, f64::max);
        let span = self.lines_model(dataset);
        all.into_iter()
            .map(|s| {
                let mut m = ChartModel::from_series(dataset, vec![s.clone()], None);
                if lo.is_finite() {
                    set_y_axis(&mut m, lo.min(0.0), hi);
                }
                (m.x_min, m.x_max, m.periods) = (span.x_min, span.x_max, span.periods.clone());
                m.marks.clear();
                m.transform = self.transform.clone();
                m
            })
            .collect()
    }

    /// The parts stacked as bars, the rest on top of them when it is never negative (else drawn
    /// as a line), and the total as a line over them.
    pub fn stacked_model(&self, dataset: &Dataset) -> ChartModel {
        let mut series: Vec<ChartSeries> = self.parts.clone();
        let rest_series = self
            .total
            .as_ref()
            .filter(|_| !self.rest.is_empty())
            .map(|t| ChartSeries {
                label: String::new(),
                breakdown: String::new(),
                identity: SeriesIdentity {
                    source: SourceIdentity {
                        colour: Some(REST),
                        ..t.identity.source
                    },
                    variant: 0,
                },
                points: self.rest.clone(),
                ..t.clone()
            });
        let rest_stacks = self.rest.iter().all(|p| p.y >= 0.0);
        let mut stacked = series.len();
        let mut rest_at = None;
        if let Some(r) = rest_series.clone().filter(|_| rest_stacks) {
            rest_at = Some(series.len());
            series.push(r);
            stacked += 1;
        }
        series.extend(self.total.clone());
        if let Some(r) = rest_series.filter(|_| !rest_stacks) {
            rest_at = Some(series.len());
            series.push(r);
        }
        let mut m = ChartModel::from_series(dataset, series, None);
        m.stacked = stacked;
        m.rest = rest_at;
        m.transform = self.transform.clone();
        let top = m.periods.iter().map(|p| {
            let stack: f64 = m.series[..stacked]
                .iter()
                .filter_map(|s| s.at(p))
                .map(|q| q.y.max(0.0))
                .sum();
            // The lines over the bars (the total, a negative rest) count too.
            m.series[stacked..]
                .iter()
                .filter_map(|s| s.at(p))
                .map(|q| q.y)
                .fold(stack, f64::max)
        });
        let hi = top.fold(f64::NEG_INFINITY, f64::max);
        let lo = m
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.y))
            .fold(0.0, f64::min);
        if hi.is_finite() {
            set_y_axis(&mut m, lo, hi);
        }
        m
    }

    /// The total and the parts as lines on one axis: what a slide or the minutes draw of
    /// small multiples and the change list.
    pub fn lines_model(&self, dataset: &Dataset) -> ChartModel {
        let series = self.total.iter().chain(&self.parts).cloned().collect();
        let mut m = ChartModel::from_series(dataset, series, None);
        m.transform = self.transform.clone();
        m
    }
}
