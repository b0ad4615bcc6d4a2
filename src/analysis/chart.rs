//! What a chart shows, computed once (never per frame): the series as delivered or brought to a
//! common period length following each indicator's soort, the axes with round ticks, and the
//! context events and trend breaks on the time axis. The terminal chart and the chart in the HTML
//! minutes draw from the same model, so they show the same figures on the same axes.

use crate::analysis::aggregate::{AggError, aggregate_in};
use crate::analysis::transform::{self, Refusal};
use crate::model::identity::SeriesIdentity;
use crate::model::{Dataset, Granularity, Period, Series, SeriesKey, Soort, Transform};
pub use panels::{MAX_PANELS, Panel};
pub use views::{PartChange, Parts, ViewModel, ViewRefusal, view_model};

mod axis;
mod of_view;
mod panels;
pub mod views;

pub use axis::{Axis, nice_axis};

#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    pub period: Period,
    /// x on the common time axis: the middle of the period in absolute months.
    pub x: f64,
    pub y: f64,
    pub provisional: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub key: SeriesKey,
    /// The source's colour and symbol, the same in every chart (see [`crate::model::identity`]).
    pub identity: SeriesIdentity,
    /// The source's name, then the breakdown when there is one ("Gemeente · wijk Noord").
    pub label: String,
    /// What part of the area the series covers ("regio GM0772, wijk Noord"), empty for the
    /// whole area: a wijk series never reads like the total.
    pub breakdown: String,
    pub indicator_label: String,
    pub unit: String,
    pub soort: Soort,
    pub synthetic: bool,
    pub points: Vec<ChartPoint>,
    /// Why the series is shown as delivered instead of at the requested granularity (each
    /// reader says it in its own words).
    pub note: Option<AggError>,
    /// The unit the source delivered in, when its values were converted to the axis's unit
    /// (a known factor such as x 1.000).
    pub converted_from: Option<String>,
}

impl ChartSeries {
    /// Points joined by a line: only consecutive periods, so a missing month shows as a gap.
    pub fn segments(&self) -> impl Iterator<Item = (&ChartPoint, &ChartPoint)> {
        self.points
            .windows(2)
            .filter(|w| w[0].period.next() == w[1].period)
            .map(|w| (&w[0], &w[1]))
    }

    /// Runs of consecutive points: a missing period breaks the line.
    pub fn runs(&self) -> Vec<&[ChartPoint]> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..=self.points.len() {
            let broken =
                i == self.points.len() || self.points[i - 1].period.next() != self.points[i].period;
            if broken {
                out.push(&self.points[start..i]);
                start = i;
            }
        }
        out.retain(|r| !r.is_empty());
        out
    }

    pub fn at(&self, period: &Period) -> Option<&ChartPoint> {
        self.points.iter().find(|p| p.period == *period)
    }

    pub fn has_provisional(&self) -> bool {
        self.points.iter().any(|p| p.provisional)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Event,
    Break,
}

/// A context event or trend break on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMark {
    pub kind: MarkKind,
    pub start: f64,
    pub end: f64,
    pub period: Period,
    pub text: String,
}

impl ChartModel {
    /// The events and breaks over `period`, with their number on the time axis (1-based, in
    /// date order: the order of `marks`).
    pub fn marks_at(&self, period: &Period) -> Vec<(usize, &TimeMark)> {
        let (from, to) = (period.start_month() as f64, period.end_month() as f64 + 1.0);
        self.marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.start < to && m.end.max(m.start + 1.0) > from)
            .map(|(i, m)| (i + 1, m))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartModel {
    pub series: Vec<ChartSeries>,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
    /// Values of the y axis's ticks; each renderer writes them in its own notation, e.g.
    /// [`crate::model::number::format_axis`], through [`ChartModel::y_labels`].
    pub y_ticks: Vec<f64>,
    /// The distance between ticks, which decides how many decimals a label needs.
    pub y_step: f64,
    /// Unit for the y axis, or empty when units differ (see `mixed_units`).
    pub unit: String,
    pub mixed_units: bool,
    pub marks: Vec<TimeMark>,
    /// Every period present in any series, sorted: the cursor walks these.
    pub periods: Vec<Period>,
    /// The source the others are compared against, when the chart is a comparison.
    pub reference: Option<String>,
    /// One panel per unit (units that cannot be converted never share an axis); one when all
    /// series share a unit.
    pub panels: Vec<Panel>,
    /// Series not drawn because their unit would need a panel beyond [`MAX_PANELS`].
    pub left_out: Vec<ChartSeries>,
    /// The transform applied to every series; `None` when none was asked or it was refused.
    pub transform: Option<Transform>,
    /// A band behind the lines (a season chart's earlier years, lowest to highest), per x.
    pub band: Vec<Band>,
    /// The first `stacked` series are drawn stacked on each other as filled bars (the parts of
    /// a total); the rest as lines over them.
    pub stacked: usize,
    /// The series (by index) that is the rest of a total its parts do not account for; each
    /// reader names it in its own words.
    pub rest: Option<usize>,
}

/// The band at one x: the lowest and the highest value there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub period: Period,
    pub x: f64,
    pub lo: f64,
    pub hi: f64,
}

impl ChartModel {
    /// Builds the chart for the given series, as delivered or
    /// harmonised to `granularity` following each indicator's soort.
    pub fn build(
        dataset: &Dataset,
        selection: &[SeriesKey],
        granularity: Option<Granularity>,
    ) -> ChartModel {
        ChartModel::build_in(dataset, selection, granularity, None)
    }

    /// As [`ChartModel::build`], showing only the periods within `range` (a zoom): the axes fit
    /// what is shown.
    pub fn build_in(
        dataset: &Dataset,
        selection: &[SeriesKey],
        granularity: Option<Granularity>,
        range: Option<(Period, Period)>,
    ) -> ChartModel {
        ChartModel::build_transformed(dataset, selection, granularity, range, None).0
    }

    /// As [`ChartModel::build_in`], with `transform` applied before the range is cut (a moving
    /// average or a change against a year earlier looks back before it); when it is refused the
    /// series are shown as they are, with the reason.
    pub fn build_transformed(
        dataset: &Dataset,
        selection: &[SeriesKey],
        granularity: Option<Granularity>,
        range: Option<(Period, Period)>,
        transform: Option<&Transform>,
    ) -> (ChartModel, Option<Refusal>) {
        let mut series = chart_series(dataset, selection, granularity);
        let refusal = transform.and_then(|t| transform::apply(dataset, &mut series, t).err());
        if let Some(range) = range {
            keep_range(&mut series, range);
        }
        let mut model = ChartModel::from_series(dataset, series, None);
        model.transform = transform.filter(|_| refusal.is_none()).cloned();
        (model, refusal)
    }

    /// Axes, periods, unit and time marks around finished series.
    fn from_series(
        dataset: &Dataset,
        mut series: Vec<ChartSeries>,
        reference: Option<String>,
    ) -> ChartModel {
        convert_to_first_unit(&mut series);
        let (series, left_out, panels) = panels::split(series);
        let mut periods: Vec<Period> = series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.period))
            .collect();
        periods.sort();
        periods.dedup();

        let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.x));
        let (x_min, x_max) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
        let (x_min, x_max) = if x_min.is_finite() {
            let first = periods.first().map_or(x_min, |p| p.start_month() as f64);
            let last = periods.last().map_or(x_max, |p| p.end_month() as f64 + 1.0);
            (first.min(x_min - 0.5), last.max(x_max + 0.5))
        } else {
            (0.0, 1.0)
        };
        let ys = series.iter().flat_map(|s| s.points.iter().map(|p| p.y));
        let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
            (a.min(y), b.max(y))
        });
        let Axis {
            min: y_min,
            max: y_max,
            step: y_step,
            ticks: y_ticks,
        } = nice_axis(lo, hi, 5);

        let mixed_units = panels.len() > 1;
        let unit = match &panels[..] {
            [one] => one.unit.clone(),
            _ => String::new(),
        };
        let marks = time_marks(dataset, &series, x_min, x_max);
        ChartModel {
            series,
            x_min,
            x_max,
            y_min,
            y_max,
            y_ticks,
            y_step,
            unit,
            mixed_units,
            marks,
            periods,
            reference,
            panels,
            left_out,
            transform: None,
            band: Vec::new(),
            stacked: 0,
            rest: None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// The y ticks with their labels, written by `label(value, step)`: the renderer's notation.
    /// Labels of the y ticks; `label(value, step, top)` gets the largest absolute tick too, so
    /// one axis has one number format.
    pub fn y_labels(&self, label: impl Fn(f64, f64, f64) -> String) -> Vec<(f64, String)> {
        let top = self.y_ticks.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        self.y_ticks
            .iter()
            .map(|v| (*v, label(*v, self.y_step, top)))
            .collect()
    }

    pub fn has_values(&self) -> bool {
        self.series.iter().any(|s| !s.points.is_empty())
    }

    /// The period length of the chart: the coarsest among its points.
    pub fn granularity(&self) -> Option<Granularity> {
        self.periods.iter().map(|p| p.granularity).max()
    }

    /// Periods to label the time axis with, at most `max` of them: periods of the finest length
    /// in the chart (months when a monthly series is shown as delivered beside a yearly one),
    /// every n-th one with n a round number of periods (1, 2, 3, 6 or 12 months; 1, 2 or 4
    /// quarters; …), counted from the start of a year so labels land on the same months.
    pub fn period_ticks(&self, max: usize) -> Vec<Period> {
        let finest = self.periods.iter().map(|p| p.granularity).min();
        let (Some(g), Some(first), Some(last)) =
            (finest, self.periods.first(), self.periods.last())
        else {
            return Vec::new();
        };
        let per = i64::from(g.months());
        let (lo, hi) = (first.start_month(), last.end_month());
        let count = (hi - lo + 1) / per + 1;
        let steps: &[i64] = match g {
            Granularity::Month => &[1, 2, 3, 6, 12, 24, 60, 120],
            Granularity::Quarter => &[1, 2, 4, 8, 20, 40],
            Granularity::HalfYear => &[1, 2, 4, 10, 20],
            Granularity::Year => &[1, 2, 5, 10, 20, 50, 100],
        };
        let max = max.max(1) as i64;
        let step = steps
            .iter()
            .copied()
            .find(|s| (count + s - 1) / s <= max)
            .unwrap_or(count.max(1));
        let first_index = lo.div_euclid(per);
        let start = first_index + (step - first_index.rem_euclid(step)) % step;
        (0..)
            .map(|k| (start + k * step) * per)
            .take_while(|m| *m <= hi)
            .filter_map(|m| Period::from_month_number(m).coarsen(g))
            .collect()
    }
}

/// Keeps the points of periods that lie within `from..=to`.
fn keep_range(series: &mut [ChartSeries], (from, to): (Period, Period)) {
    for s in series {
        s.points.retain(|p| {
            p.period.start_month() >= from.start_month() && p.period.end_month() <= to.end_month()
        });
    }
}

/// The series of `selection`, each as delivered or at `granularity`.
fn chart_series(
    dataset: &Dataset,
    selection: &[SeriesKey],
    granularity: Option<Granularity>,
) -> Vec<ChartSeries> {
    let mut series = Vec::new();
    for (i, key) in selection.iter().enumerate() {
        let Some(s) = dataset.find(key) else { continue };
        let meta = dataset.indicator_meta(key);
        let source = dataset.source_meta(&key.bron);
        let unit = s
            .points
            .iter()
            .rev()
            .find_map(|o| o.unit.as_deref().map(str::to_string))
            .or_else(|| meta.map(|m| m.unit_for(&key.bron).to_string()))
            .unwrap_or_default();
        let mut label = source.map_or(key.bron.clone(), |m| m.naam.clone());
        let parts = breakdown_text(dataset, key, selection);
        if !parts.is_empty() {
            label = format!("{label} · {parts}");
        }
        let (mut points, note) = points_of(dataset, s, granularity);
        // A source that changed unit along the way (euro, later x 1.000 euro) is drawn in one.
        for p in &mut points {
            p.y = in_unit(s, &p.period, p.y, &unit);
        }
        series.push(ChartSeries {
            key: key.clone(),
            identity: SeriesIdentity {
                source: dataset.meta.identity(&key.bron),
                variant: variant(selection, i),
            },
            label,
            breakdown: parts,
            indicator_label: meta.map_or(key.indicator.clone(), |m| m.label()),
            unit,
            soort: dataset.soort(key),
            synthetic: source.is_some_and(|m| m.synthetisch),
            points,
            note,
            converted_from: None,
        });
    }
    series
}

/// The parts of `key`'s breakdown that tell it apart among every series of its indicator (not
/// only the selected ones): a wijk is named even when it is the only series shown, a regio when
/// the indicator has several.
fn breakdown_text(dataset: &Dataset, key: &SeriesKey, selection: &[SeriesKey]) -> String {
    let indicator = dataset.series_of(&key.domein, &key.indicator);
    let mut group: Vec<&crate::model::Breakdown> = indicator.map(|s| &s.key.breakdown).collect();
    group.extend(selection.iter().map(|k| &k.breakdown));
    key.breakdown.describe_within(group.iter().copied())
}

/// Which breakdown of its source the `i`th series is: 0 when it is its source's only series in
/// the chart or its total (in the first regio shown), else its number among the source's other
/// series — a second gemeente is told apart like a wijk.
fn variant(selection: &[SeriesKey], i: usize) -> usize {
    let key = &selection[i];
    let mut same = selection.iter().filter(|k| k.bron == key.bron);
    let own = same.clone().find(|k| k.breakdown.is_total());
    if same.nth(1).is_none() || own == Some(key) {
        return 0;
    }
    let before = selection[..i]
        .iter()
        .filter(|k| k.bron == key.bron && Some(*k) != own)
        .count();
    before + 1
}

/// `y` of `period` expressed in `target`: the figures of that period were delivered in the unit
/// their rows name; a known factor converts them, anything else is left as it is.
fn in_unit(s: &Series, period: &Period, y: f64, target: &str) -> f64 {
    let delivered = (s.points.iter().rev())
        .find(|o| {
            o.period.start_month() >= period.start_month()
                && o.period.end_month() <= period.end_month()
        })
        .and_then(|o| o.unit.as_deref());
    match delivered {
        Some(u) if u != target => crate::analysis::mismatch::unit::conversion(u, target)
            .filter(|c| !c.populations_differ)
            .map_or(y, |c| y * c.factor),
        _ => y,
    }
}

/// One unit per axis where a known factor allows: a series in another scale of the first
/// series' unit ("x 1.000 euro" beside "euro") is converted, and says so.
fn convert_to_first_unit(series: &mut [ChartSeries]) {
    let Some(axis) = series.first().map(|s| s.unit.clone()) else {
        return;
    };
    for s in series.iter_mut().skip(1) {
        if s.unit == axis {
            continue;
        }
        let Some(c) = crate::analysis::mismatch::unit::conversion(&s.unit, &axis) else {
            continue;
        };
        if c.populations_differ {
            continue;
        }
        if c.factor == 1.0 {
            // The same unit written otherwise: one label.
            s.unit = axis.clone();
            continue;
        }
        for p in &mut s.points {
            p.y *= c.factor;
        }
        s.converted_from = Some(std::mem::replace(&mut s.unit, axis.clone()));
    }
}

/// The points of one series at `granularity`; none, with the reason, when it cannot be brought
/// there (a finer length than delivered, a ratio without parts): one axis never mixes lengths.
fn points_of(
    dataset: &Dataset,
    s: &Series,
    granularity: Option<Granularity>,
) -> (Vec<ChartPoint>, Option<AggError>) {
    let as_delivered = || -> Vec<ChartPoint> {
        s.points
            .iter()
            .filter_map(|o| {
                Some(ChartPoint {
                    period: o.period,
                    x: o.period.mid(),
                    y: o.value?,
                    provisional: o.status.is_provisional(),
                })
            })
            .collect()
    };
    match granularity {
        Some(g) if g != s.granularity() => match aggregate_in(dataset, s, g) {
            Ok(agg) => (
                agg.iter()
                    .filter_map(|a| {
                        Some(ChartPoint {
                            period: a.period,
                            x: a.period.mid(),
                            y: a.value?,
                            provisional: a.provisional,
                        })
                    })
                    .collect(),
                None,
            ),
            Err(e) => (Vec::new(), Some(e)),
        },
        _ => (as_delivered(), None),
    }
}

/// Context events, and the trend breaks that apply to a shown series, within the x range.
fn time_marks(dataset: &Dataset, series: &[ChartSeries], x_min: f64, x_max: f64) -> Vec<TimeMark> {
    let mut marks = Vec::new();
    for e in &dataset.meta.gebeurtenissen {
        let Ok((p, _)) = Period::parse(&e.periode) else {
            continue;
        };
        let end = e
            .tot
            .as_deref()
            .and_then(|t| Period::parse(t).ok())
            .map_or(p.end_month() as f64 + 1.0, |(t, _)| {
                t.end_month() as f64 + 1.0
            });
        marks.push(TimeMark {
            kind: MarkKind::Event,
            start: p.start_month() as f64,
            end,
            period: p,
            text: e.tekst.clone(),
        });
    }
    for b in &dataset.meta.breuken {
        let applies = series.iter().any(|s| {
            b.domein.as_ref().is_none_or(|d| *d == s.key.domein)
                && b.indicator.as_ref().is_none_or(|i| *i == s.key.indicator)
                && b.bron.as_ref().is_none_or(|x| *x == s.key.bron)
        });
        let Ok((p, _)) = Period::parse(&b.periode) else {
            continue;
        };
        if applies {
            marks.push(TimeMark {
                kind: MarkKind::Break,
                start: p.start_month() as f64,
                end: p.start_month() as f64,
                period: p,
                text: b.omschrijving.clone(),
            });
        }
    }
    marks.retain(|m| m.start <= x_max && m.end >= x_min);
    marks.sort_by(|a, b| a.start.total_cmp(&b.start));
    marks
}

#[cfg(test)]
mod tests;
