//! Bringing a series to a coarser granularity, following its soort: stroom sums, stand takes the
//! value at the end of the period, ratio is recomputed from its parts or refused.

use crate::model::{Dataset, Granularity, Period, Series, SeriesKey, Soort};
use std::fmt;

/// One aggregated value.
#[derive(Debug, Clone, PartialEq)]
pub struct AggPoint {
    pub period: Period,
    /// `None` when the period is incomplete or the figure unknown: never a silent partial sum.
    pub value: Option<f64>,
    /// All finer periods needed were present with a known value.
    pub complete: bool,
    /// Any contributing figure is not definitief.
    pub provisional: bool,
    /// Finer periods present / needed, to say what is missing.
    pub present: usize,
    pub needed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AggError {
    /// The series is coarser than the requested granularity.
    TooFine {
        series: Granularity,
        wanted: Granularity,
    },
    /// A ratio cannot be summed and its numerator/denominator are not in the dataset.
    RatioWithoutParts { indicator: String },
}

impl fmt::Display for AggError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AggError::TooFine { series, wanted } => write!(
                f,
                "reeks is per {} beschikbaar; per {} kan niet zonder te verzinnen",
                series.dutch(),
                wanted.dutch()
            ),
            AggError::RatioWithoutParts { indicator } => write!(
                f,
                "{indicator} is een ratio: optellen of middelen geeft een onjuist cijfer, en teller en noemer ontbreken om hem opnieuw te berekenen"
            ),
        }
    }
}

/// Aggregates a stroom or stand series to `target`. Ratios go through [`aggregate_in`].
pub fn aggregate(
    series: &Series,
    soort: Soort,
    target: Granularity,
) -> Result<Vec<AggPoint>, AggError> {
    let own = series.granularity();
    if target < own {
        return Err(AggError::TooFine {
            series: own,
            wanted: target,
        });
    }
    if target == own || soort == Soort::Ratio {
        if soort == Soort::Ratio && target != own {
            return Err(AggError::RatioWithoutParts {
                indicator: series.key.indicator.clone(),
            });
        }
        return Ok(series
            .points
            .iter()
            .filter(|o| o.period.granularity == own)
            .map(|o| AggPoint {
                period: o.period,
                value: o.value,
                complete: o.value.is_some(),
                provisional: o.status.is_provisional(),
                present: 1,
                needed: 1,
            })
            .collect());
    }
    let mut targets: Vec<Period> = series
        .points
        .iter()
        .filter(|o| o.period.granularity == own)
        .filter_map(|o| o.period.coarsen(target))
        .collect();
    targets.dedup();
    Ok(targets
        .into_iter()
        .map(|t| {
            let children = t.children(own);
            let needed = children.len();
            let obs: Vec<_> = children.iter().map(|c| series.value_at(c)).collect();
            let present = obs
                .iter()
                .filter(|o| o.is_some_and(|o| o.value.is_some()))
                .count();
            let provisional = obs.iter().flatten().any(|o| o.status.is_provisional());
            let value = match soort {
                Soort::Stroom if present == needed => {
                    Some(obs.iter().flatten().filter_map(|o| o.value).sum())
                }
                // A stand is the stock at the end of the period: only the last child counts.
                Soort::Stand => obs.last().copied().flatten().and_then(|o| o.value),
                _ => None,
            };
            let complete = match soort {
                Soort::Stand => value.is_some(),
                _ => present == needed,
            };
            AggPoint {
                period: t,
                value,
                complete,
                provisional,
                present,
                needed,
            }
        })
        .collect())
}

/// Aggregates any series of the dataset, recomputing ratios from teller/noemer when the metadata
/// names them and they exist for the same source and breakdown.
pub fn aggregate_in(
    dataset: &Dataset,
    series: &Series,
    target: Granularity,
) -> Result<Vec<AggPoint>, AggError> {
    let soort = dataset.soort(&series.key);
    if soort != Soort::Ratio || target == series.granularity() {
        return aggregate(series, soort, target);
    }
    let meta = dataset.indicator_meta(&series.key);
    let part = |id: Option<&String>| -> Option<&Series> {
        let id = id?;
        dataset.find(&SeriesKey {
            indicator: id.clone(),
            ..series.key.clone()
        })
    };
    let (Some(num), Some(den)) = (
        part(meta.and_then(|m| m.teller.as_ref())),
        part(meta.and_then(|m| m.noemer.as_ref())),
    ) else {
        return Err(AggError::RatioWithoutParts {
            indicator: series.key.indicator.clone(),
        });
    };
    let per = meta.and_then(|m| m.per).unwrap_or(1.0);
    let n = aggregate_in(dataset, num, target)?;
    let d = aggregate_in(dataset, den, target)?;
    Ok(n.iter()
        .filter_map(|np| {
            let dp = d.iter().find(|dp| dp.period == np.period)?;
            let value = match (np.value, dp.value) {
                (Some(a), Some(b)) if b != 0.0 => Some(a / b * per),
                _ => None,
            };
            Some(AggPoint {
                period: np.period,
                value,
                complete: np.complete && dp.complete,
                provisional: np.provisional || dp.provisional,
                present: np.present.min(dp.present),
                needed: np.needed,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Breakdown, Observation, Status};

    fn series(points: &[(Period, f64)]) -> Series {
        Series {
            key: SeriesKey {
                domein: "jeugd".into(),
                indicator: "x".into(),
                bron: "b".into(),
                breakdown: Breakdown::default(),
            },
            points: points
                .iter()
                .map(|&(period, v)| Observation {
                    period,
                    value: Some(v),
                    status: Status::Definitief,
                    unit: None,
                    note: None,
                    line: 0,
                })
                .collect(),
        }
    }

    fn months(year: i32, values: &[f64]) -> Vec<(Period, f64)> {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| (Period::month(year, i as u8 + 1), v))
            .collect()
    }

    #[test]
    fn stroom_sums_per_quarter_half_year_and_year() {
        let s = series(&months(
            2021,
            &[1., 2., 3., 4., 5., 6., 7., 8., 9., 10., 11., 12.],
        ));
        let q = aggregate(&s, Soort::Stroom, Granularity::Quarter).unwrap();
        assert_eq!(
            q.iter().map(|p| p.value.unwrap()).collect::<Vec<_>>(),
            vec![6., 15., 24., 33.]
        );
        let h = aggregate(&s, Soort::Stroom, Granularity::HalfYear).unwrap();
        assert_eq!(h[1].value, Some(57.));
        let y = aggregate(&s, Soort::Stroom, Granularity::Year).unwrap();
        assert_eq!((y[0].value, y[0].complete), (Some(78.), true));
    }

    #[test]
    fn stand_takes_the_end_of_the_period() {
        let s = series(&months(2021, &[10., 11., 12., 13., 14., 15.]));
        let q = aggregate(&s, Soort::Stand, Granularity::Quarter).unwrap();
        assert_eq!(
            q.iter().map(|p| p.value.unwrap()).collect::<Vec<_>>(),
            vec![12., 15.]
        );
        let h = aggregate(&s, Soort::Stand, Granularity::HalfYear).unwrap();
        assert_eq!(h[0].value, Some(15.));
    }

    #[test]
    fn incomplete_period_is_marked_not_summed() {
        let mut pts = months(2021, &[1., 2., 3., 4., 5., 6.]);
        pts.remove(1); // februari ontbreekt
        let s = series(&pts);
        let q = aggregate(&s, Soort::Stroom, Granularity::Quarter).unwrap();
        assert_eq!(
            (q[0].value, q[0].complete, q[0].present, q[0].needed),
            (None, false, 2, 3)
        );
        assert_eq!((q[1].value, q[1].complete), (Some(15.), true));
        // A stand at quarter end is still known when an earlier month is missing.
        let st = aggregate(&s, Soort::Stand, Granularity::Quarter).unwrap();
        assert_eq!(st[0].value, Some(3.));
        // A year with only six months is incomplete.
        let y = aggregate(&s, Soort::Stroom, Granularity::Year).unwrap();
        assert!(!y[0].complete && y[0].value.is_none());
    }

    #[test]
    fn ratio_is_recomputed_from_teller_and_noemer() {
        use crate::model::{DatasetMeta, IndicatorMeta};
        let meta_for = |id: &str, soort: Soort| IndicatorMeta {
            domein: "jeugd".into(),
            id: id.into(),
            naam: String::new(),
            soort,
            eenheid: String::new(),
            definitie: String::new(),
            teller: (soort == Soort::Ratio).then(|| "clienten".into()),
            noemer: (soort == Soort::Ratio).then(|| "inwoners".into()),
            per: (soort == Soort::Ratio).then_some(1000.0),
            per_bron: Default::default(),
            in_te_vullen: Vec::new(),
            deel_van: None,
        };
        let named = |id: &str, pts: &[(Period, f64)]| {
            let mut s = series(pts);
            s.key.indicator = id.into();
            s
        };
        // Per month: clients (a flow) over inhabitants (a stock), per 1.000.
        let clients = named("clienten", &months(2021, &[10., 20., 30.]));
        let inhabitants = named("inwoners", &months(2021, &[1000., 1000., 2000.]));
        let ratio = named("per_1000", &months(2021, &[10., 20., 15.]));
        let mut all = vec![clients, inhabitants, ratio.clone()];
        all.sort_by(|a, b| a.key.cmp(&b.key));
        let dataset = Dataset {
            path: "t".into(),
            meta: DatasetMeta {
                titel: "t".into(),
                indicatoren: vec![
                    meta_for("clienten", Soort::Stroom),
                    meta_for("inwoners", Soort::Stand),
                    meta_for("per_1000", Soort::Ratio),
                ],
                ..DatasetMeta::default()
            },
            series: all,
            content_hash: String::new(),
        };
        let q = aggregate_in(&dataset, &ratio, Granularity::Quarter).unwrap();
        // (10+20+30) clients over 2000 inhabitants at quarter end, per 1.000 = 30; never the
        // sum (45) or the mean (15) of the monthly ratios.
        assert_eq!(q[0].value, Some(30.0));
        assert!(q[0].complete);
    }

    #[test]
    fn ratio_is_refused_without_parts_and_finer_is_refused() {
        let s = series(&months(2021, &[1., 2., 3.]));
        assert!(matches!(
            aggregate(&s, Soort::Ratio, Granularity::Quarter),
            Err(AggError::RatioWithoutParts { .. })
        ));
        let y = series(&[(Period::year(2021), 5.)]);
        assert!(matches!(
            aggregate(&y, Soort::Stroom, Granularity::Month),
            Err(AggError::TooFine { .. })
        ));
        // Same granularity is the identity, also for ratios.
        assert_eq!(
            aggregate(&s, Soort::Ratio, Granularity::Month)
                .unwrap()
                .len(),
            3
        );
    }
}
