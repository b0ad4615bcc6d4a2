//! Transforms of the shown series (see [`Transform`]), computed on chart series after they were
//! brought to the shown period length. Soort-aware: a transform that has no meaning for a series
//! (a sum of a ratio, a percentage per inhabitant) is refused as a whole with a [`Refusal`] the
//! interface words, and the series stay as they were.

use crate::analysis::chart::{ChartPoint, ChartSeries};
use crate::model::number::format_nl;
use crate::model::{Dataset, Period, Soort, Transform};

/// Why a transform was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The transform means nothing for a series of this soort (a year to date of a stand or a
    /// ratio, a ratio per inhabitant).
    Soort { soort: Soort, indicator: String },
    /// Per inhabitant of a part of the area (a wijk) against the whole area's population.
    Breakdown { indicator: String },
    /// `noemer` is not declared in `[[noemers]]`, or the dataset has no figures for it.
    NoDenominator { noemer: String },
    /// The base period of an index has no value (or 0) in a shown series.
    NoBase { basis: Period, indicator: String },
    /// A parameter of 0 (per 0, a moving average over 0 periods).
    BadParameter,
}

/// Applies `t` to every series, or to none: the first refusal leaves them all unchanged.
/// The units and soorten of series without points change too, so the axis has one unit.
pub fn apply(dataset: &Dataset, series: &mut [ChartSeries], t: &Transform) -> Result<(), Refusal> {
    let mut out = Vec::with_capacity(series.len());
    for s in series.iter() {
        // A series without points (not to be brought to the shown length) has nothing to
        // transform and refuses nothing.
        out.push(match s.points.is_empty() {
            true => Vec::new(),
            false => transformed(dataset, s, t)?,
        });
    }
    for (s, points) in series.iter_mut().zip(out) {
        s.points = points;
        match t {
            Transform::PerInhabitants { per, noemer } => {
                let age = dataset
                    .meta
                    .denominator(noemer)
                    .and_then(|n| n.leeftijd.clone());
                s.unit = per_unit(*per, age.as_deref());
                s.soort = Soort::Ratio;
            }
            Transform::Index { .. } => {
                s.unit = "index".to_string();
                s.soort = Soort::Ratio;
            }
            Transform::YearOnYearPct => {
                s.unit = "%".to_string();
                s.soort = Soort::Ratio;
            }
            _ => {}
        }
        s.converted_from = None;
    }
    Ok(())
}

/// The unit of a series per inhabitants: "per 1.000 inwoners", "per 1.000 inwoners 0-17".
pub fn per_unit(per: u32, age: Option<&str>) -> String {
    let base = format!("per {} inwoners", format_nl(f64::from(per), 0));
    match age {
        Some(a) => format!("{base} {a}"),
        None => base,
    }
}

fn transformed(
    dataset: &Dataset,
    s: &ChartSeries,
    t: &Transform,
) -> Result<Vec<ChartPoint>, Refusal> {
    let refuse_soort = || Refusal::Soort {
        soort: s.soort,
        indicator: s.indicator_label.clone(),
    };
    Ok(match t {
        Transform::PerInhabitants { per, noemer } => {
            if s.soort == Soort::Ratio {
                return Err(refuse_soort());
            }
            if !s.key.breakdown.is_total() {
                return Err(Refusal::Breakdown {
                    indicator: s.indicator_label.clone(),
                });
            }
            if *per == 0 {
                return Err(Refusal::BadParameter);
            }
            let regio = s.key.breakdown.regio.as_deref();
            let population =
                population(dataset, noemer, regio).ok_or_else(|| Refusal::NoDenominator {
                    noemer: noemer.clone(),
                })?;
            per_inhabitants(&s.points, &population, f64::from(*per))
        }
        Transform::Index { basis } => index(&s.points, basis).ok_or_else(|| Refusal::NoBase {
            basis: *basis,
            indicator: s.indicator_label.clone(),
        })?,
        Transform::YearOnYear => year_on_year(&s.points, false),
        Transform::YearOnYearPct => year_on_year(&s.points, true),
        Transform::MovingAverage { perioden } => {
            if *perioden == 0 {
                return Err(Refusal::BadParameter);
            }
            moving_average(&s.points, *perioden as usize)
        }
        Transform::YearToDate => {
            if s.soort != Soort::Stroom {
                return Err(refuse_soort());
            }
            year_to_date(&s.points)
        }
    })
}

/// The figures of denominator `id` for `regio`: its declared source's whole-area series of that
/// regio (else one without a regio). Without a declared source every source of the series counts,
/// year by year, the first listed in `[[bronnen]]` winning a period two give (a CBS table for the
/// early years and the municipality's own count for later ones make one population). `None` when
/// it is not declared or has no figures: another gemeente's population never stands in.
pub fn population(dataset: &Dataset, id: &str, regio: Option<&str>) -> Option<Vec<(Period, f64)>> {
    let n = dataset.meta.denominator(id)?;
    let candidates = |regio: Option<&str>| {
        let mut found: Vec<&crate::model::Series> = dataset
            .series_of(&n.domein, &n.indicator)
            .filter(|s| s.key.breakdown.is_total())
            .filter(|s| n.bron.as_ref().is_none_or(|b| *b == s.key.bron))
            .filter(|s| s.key.breakdown.regio.as_deref() == regio)
            .filter(|s| s.points.iter().any(|p| p.value.is_some()))
            .collect();
        let order = |s: &crate::model::Series| {
            (dataset.meta.bronnen.iter()).position(|b| b.id == s.key.bron)
        };
        found.sort_by_key(|s| order(s).unwrap_or(usize::MAX));
        found
    };
    let mut series = candidates(regio);
    if series.is_empty() {
        series = candidates(None);
    }
    let mut figures: std::collections::BTreeMap<Period, f64> = Default::default();
    for s in series {
        for o in &s.points {
            if let Some(v) = o.value {
                figures.entry(o.period).or_insert(v);
            }
        }
    }
    (!figures.is_empty()).then(|| figures.into_iter().collect())
}

/// Each value per `per` inhabitants: divided by the population of the latest period that starts
/// within or before it, at most a year before (a population of 2015 does not stand for 2024). A
/// period without population, or with a population of 0, is left out.
pub fn per_inhabitants(
    points: &[ChartPoint],
    population: &[(Period, f64)],
    per: f64,
) -> Vec<ChartPoint> {
    points
        .iter()
        .filter_map(|p| {
            let (_, pop) = population
                .iter()
                .filter(|(q, _)| {
                    q.start_month() <= p.period.end_month()
                        && q.end_month() + 12 >= p.period.start_month()
                })
                .max_by_key(|(q, _)| q.start_month())?;
            (*pop != 0.0).then(|| ChartPoint {
                y: p.y / pop * per,
                ..p.clone()
            })
        })
        .collect()
}

/// Each value against the value of `basis` (= 100); `None` when `basis` has no value or 0.
pub fn index(points: &[ChartPoint], basis: &Period) -> Option<Vec<ChartPoint>> {
    let base = points.iter().find(|p| p.period == *basis)?.y;
    if base == 0.0 {
        return None;
    }
    Some(
        points
            .iter()
            .map(|p| ChartPoint {
                y: p.y / base * 100.0,
                ..p.clone()
            })
            .collect(),
    )
}

/// The change against the same period a year earlier, absolute or in % of that value. The
/// first year, and a period whose year-earlier value is missing (or 0 for a %), has none.
pub fn year_on_year(points: &[ChartPoint], pct: bool) -> Vec<ChartPoint> {
    points
        .iter()
        .filter_map(|p| {
            let earlier = Period {
                year: p.period.year - 1,
                ..p.period
            };
            let before = points.iter().find(|q| q.period == earlier)?;
            let y = if pct {
                if before.y == 0.0 {
                    return None;
                }
                (p.y - before.y) / before.y.abs() * 100.0
            } else {
                p.y - before.y
            };
            Some(ChartPoint {
                y,
                provisional: p.provisional || before.provisional,
                ..p.clone()
            })
        })
        .collect()
}

/// The mean of each period and the `n - 1` before it; only where all `n` have a value, so the
/// first `n - 1` periods and those after a gap have none.
pub fn moving_average(points: &[ChartPoint], n: usize) -> Vec<ChartPoint> {
    if n == 0 {
        return Vec::new();
    }
    (n - 1..points.len())
        .filter_map(|i| {
            let window = &points[i + 1 - n..=i];
            let consecutive = window.windows(2).all(|w| w[0].period.next() == w[1].period);
            consecutive.then(|| ChartPoint {
                y: window.iter().map(|p| p.y).sum::<f64>() / n as f64,
                provisional: window.iter().any(|p| p.provisional),
                ..points[i].clone()
            })
        })
        .collect()
}

/// The sum from the first period of the calendar year up to each period; a year with a missing
/// period has no sum from there on (it would be too low).
pub fn year_to_date(points: &[ChartPoint]) -> Vec<ChartPoint> {
    let mut out = Vec::new();
    // The last period summed, the sum and whether a provisional figure is in it.
    let mut running: Option<(Period, f64, bool)> = None;
    for p in points {
        let start = if p.period.index == 1 {
            Some((0.0, false))
        } else {
            running
                .filter(|(q, ..)| q.next() == p.period)
                .map(|(_, sum, prov)| (sum, prov))
        };
        running = start.map(|(sum, prov)| (p.period, sum + p.y, prov || p.provisional));
        if let Some((_, y, provisional)) = running {
            out.push(ChartPoint {
                y,
                provisional,
                ..p.clone()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
