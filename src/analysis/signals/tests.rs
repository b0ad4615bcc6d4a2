//! The methods on generated series with a known shift, outlier and season, and on the sample.

use super::*;
use crate::model::{DatasetMeta, IndicatorMeta, Observation, SeriesKey, Soort, SourceMeta, Status};

/// A deterministic noise in -1..1 (a small linear congruential generator).
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
}

/// 8 years of months from January 2017: level 1000, a slow trend, a season of ±15%, noise of
/// ±2%; `shift` adds 300 from that month (index) on, `outlier` 400 in that month.
fn monthly(shift: Option<usize>, outlier: Option<usize>, seed: u64) -> Vec<(Period, f64)> {
    let mut noise = Noise(seed);
    (0..96)
        .map(|i| {
            let season = 150.0 * (i as f64 * std::f64::consts::TAU / 12.0).sin();
            let mut v = 1000.0 + 2.0 * i as f64 + season + 20.0 * noise.next();
            if shift.is_some_and(|s| i >= s) {
                v += 300.0;
            }
            if outlier == Some(i) {
                v += 400.0;
            }
            (Period::from_month_number(2017 * 12 + i as i64), v)
        })
        .collect()
}

fn source(id: &str, ritme: &str) -> SourceMeta {
    SourceMeta {
        id: id.into(),
        naam: id.into(),
        ritme: ritme.into(),
        ..SourceMeta::default()
    }
}

/// A dataset of one indicator (jeugd/instroom) with these series per source.
fn dataset(series: &[(&str, Vec<(Period, f64)>)]) -> Dataset {
    let meta = DatasetMeta {
        titel: "t".into(),
        bronnen: series.iter().map(|(b, _)| source(b, "maand")).collect(),
        indicatoren: vec![IndicatorMeta {
            domein: "jeugd".into(),
            id: "instroom".into(),
            naam: String::new(),
            soort: Soort::Stroom,
            eenheid: "personen".into(),
            definitie: String::new(),
            teller: None,
            noemer: None,
            per: None,
            deel_van: None,
            per_bron: Default::default(),
            in_te_vullen: Vec::new(),
        }],
        ..DatasetMeta::default()
    };
    let mut all: Vec<Series> = series
        .iter()
        .map(|(bron, points)| Series {
            key: SeriesKey {
                domein: "jeugd".into(),
                indicator: "instroom".into(),
                bron: bron.to_string(),
                breakdown: Breakdown::default(),
            },
            points: points
                .iter()
                .enumerate()
                .map(|(line, (period, v))| Observation {
                    period: *period,
                    value: Some(*v),
                    status: Status::Definitief,
                    unit: None,
                    note: None,
                    line: line + 2,
                })
                .collect(),
        })
        .collect();
    all.sort_by(|a, b| a.key.cmp(&b.key));
    Dataset {
        path: "gen".into(),
        meta,
        series: all,
        content_hash: String::new(),
    }
}

/// The chart of each signal's view draws each source of the signal in the signal's period.
fn assert_shown(d: &Dataset, found: &[Signal]) {
    for s in found {
        let chart = crate::analysis::chart::ChartModel::for_view(d, &s.view);
        for bron in &s.sources {
            let drawn = chart.series.iter().chain(&chart.left_out).any(|c| {
                c.key.bron == *bron
                    && c.key.breakdown == s.breakdown
                    && c.points.iter().any(|p| p.period == s.period)
            });
            assert!(drawn, "{bron} in {}: {s:?}", s.period);
        }
    }
}

fn of_kind(found: &[Signal], kind: SignalKind) -> Vec<&Signal> {
    found.iter().filter(|s| s.kind == kind).collect()
}

#[test]
fn a_clean_seasonal_series_gives_no_shift_and_no_point_outside_its_band() {
    for seed in 1..=20 {
        let d = dataset(&[("gemeente", monthly(None, None, seed))]);
        let found = find(&d, &Settings::default());
        assert!(
            of_kind(&found, SignalKind::LevelShift).is_empty(),
            "seed {seed}: {found:?}"
        );
        assert!(
            of_kind(&found, SignalKind::OutsideSeason).is_empty(),
            "seed {seed}: {found:?}"
        );
        // A year of a slow trend is no large change against last year.
        assert!(
            of_kind(&found, SignalKind::YearOnYear).is_empty(),
            "seed {seed}: {found:?}"
        );
    }
}

#[test]
fn a_shift_is_found_at_its_date_within_one_period() {
    for (seed, at) in [(1, 30), (2, 41), (3, 55), (4, 66), (5, 20)] {
        let d = dataset(&[("gemeente", monthly(Some(at), Some(90), seed))]);
        let found = find(&d, &Settings::default());
        let shifts = of_kind(&found, SignalKind::LevelShift);
        assert_eq!(shifts.len(), 1, "seed {seed}: {found:?}");
        assert_shown(&d, &found);
        let date = Period::from_month_number(2017 * 12 + at as i64);
        let off = (shifts[0].period.start_month() - date.start_month()).abs();
        assert!(
            off <= 1,
            "seed {seed}: shift at {date}, found {}",
            shifts[0].period
        );
        let Measure::LevelShift { before, after, .. } = shifts[0].measure else {
            panic!("{:?}", shifts[0].measure)
        };
        assert!((after - before - 300.0).abs() < 100.0, "{before} → {after}");
        // The view shows the date.
        let (from, to) = shifts[0].view.range.unwrap();
        assert!(from < shifts[0].period && shifts[0].period < to);
        assert_eq!(shifts[0].view.bronnen, vec!["gemeente".to_string()]);
    }
}

#[test]
fn an_outlier_is_outside_the_seasonal_band_and_no_shift() {
    for seed in 1..=10 {
        let d = dataset(&[("gemeente", monthly(None, Some(90), seed))]);
        let found = find(&d, &Settings::default());
        let outside = of_kind(&found, SignalKind::OutsideSeason);
        assert_eq!(outside.len(), 1, "seed {seed}: {found:?}");
        assert_eq!(outside[0].period, Period::month(2024, 7));
        assert_shown(&d, &found);
        let Measure::OutsideSeason {
            value, high, years, ..
        } = outside[0].measure
        else {
            panic!()
        };
        assert!(value > high && years >= 3, "{:?}", outside[0].measure);
        assert!(
            of_kind(&found, SignalKind::LevelShift).is_empty(),
            "seed {seed}: {found:?}"
        );
    }
}

fn sample() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    crate::load::load_dataset(&dir).unwrap()
}

#[test]
fn the_sample_gives_signals_each_with_a_view_that_shows_it() {
    let d = sample();
    let start = std::time::Instant::now();
    let found = find(&d, &Settings::default());
    // Well under 100 ms in a release build; a debug build on a busy machine gets more room.
    assert!(
        start.elapsed() < std::time::Duration::from_millis(1000),
        "{:?}",
        start.elapsed()
    );
    assert!(found.iter().any(|s| s.kind == SignalKind::LevelShift
        && (s.domein.as_str(), s.indicator.as_str()) == ("jeugd", "instroom")
        && s.period.year == 2020));
    assert!(!of_kind(&found, SignalKind::Unexplained).is_empty());
    for kind in SignalKind::ALL {
        assert!(of_kind(&found, kind).len() <= Settings::default().max_per_kind);
        let scores: Vec<f64> = of_kind(&found, kind).iter().map(|s| s.score).collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "{kind:?}: {scores:?}"
        );
    }
    assert_shown(&d, &found);
    for s in &found {
        let v = &s.view;
        assert_eq!(
            (v.domein.as_str(), v.indicator.as_str()),
            (s.domein.as_str(), s.indicator.as_str())
        );
        assert!(s.sources.iter().all(|b| v.shows(b)), "{s:?}");
        let (from, to) = v.range.unwrap();
        assert!(from <= s.period && s.period <= to, "{s:?}");
        let item = crate::session::model::AgendaItem::of_view(v.clone(), "x");
        assert_eq!(item.view_spec(), *v);
    }
}

#[test]
fn the_largest_change_against_last_year_with_a_base_large_enough() {
    let flat = |v: f64, last: f64| -> Vec<(Period, f64)> {
        (0..24)
            .map(|i| {
                (
                    Period::from_month_number(2022 * 12 + i),
                    if i == 23 { last } else { v },
                )
            })
            .collect()
    };
    // +50% on 100, +30% on 1000, +900% on a base of 2 (too small), +5% (too small a change).
    let d = dataset(&[
        ("a", flat(100.0, 150.0)),
        ("b", flat(1000.0, 1300.0)),
        ("c", flat(2.0, 20.0)),
        ("d", flat(100.0, 105.0)),
    ]);
    let found = find(&d, &Settings::default());
    assert_shown(&d, &found);
    let yoy = of_kind(&found, SignalKind::YearOnYear);
    let order: Vec<&str> = yoy.iter().map(|s| s.sources[0].as_str()).collect();
    assert_eq!(order, ["a", "b"]);
    assert_eq!(yoy[0].period, Period::month(2023, 12));
    assert_eq!(
        yoy[0].measure,
        Measure::YearOnYear {
            previous: Period::month(2022, 12),
            before: 100.0,
            now: 150.0
        }
    );
    assert_eq!(
        yoy[0].view.range,
        Some((Period::month(2021, 12), Period::month(2023, 12)))
    );
}

#[test]
fn a_source_more_than_its_rhythm_behind_has_stopped() {
    let months = |n: i64| -> Vec<(Period, f64)> {
        (0..n)
            .map(|i| (Period::from_month_number(2022 * 12 + i), 100.0))
            .collect()
    };
    // "b" stops 3 months before "a" (more than a month), "c" 1 month (its rhythm allows it).
    let d = dataset(&[("a", months(24)), ("b", months(21)), ("c", months(23))]);
    let found = find(&d, &Settings::default());
    let stopped = of_kind(&found, SignalKind::Stopped);
    assert_eq!(stopped.len(), 1, "{found:?}");
    assert_shown(&d, &found);
    assert_eq!(stopped[0].sources, ["b"]);
    assert_eq!(stopped[0].period, Period::month(2023, 9));
    let Measure::Stopped {
        others_last,
        ref ahead,
        months_behind,
        ..
    } = stopped[0].measure
    else {
        panic!()
    };
    assert_eq!(
        (others_last, ahead.as_str(), months_behind),
        (Period::month(2023, 12), "a", 3)
    );
    assert_eq!(stopped[0].view.bronnen, ["b", "a"]);
    // A newer publication of the same family replaced it: no signal.
    let d = dataset(&[("cbs-2022", months(12)), ("cbs-2023", months(24))]);
    assert!(of_kind(&find(&d, &Settings::default()), SignalKind::Stopped).is_empty());
}

#[test]
fn a_change_of_unit_is_no_level_shift() {
    let mut d = dataset(&[("gemeente", monthly(None, None, 3))]);
    for p in &mut d.series[0].points[..50] {
        p.value = p.value.map(|v| v * 1000.0);
        p.unit = Some("euro".into());
    }
    let found = find(&d, &Settings::default());
    assert!(
        of_kind(&found, SignalKind::LevelShift).is_empty(),
        "{found:?}"
    );
}

#[test]
fn short_gappy_and_odd_series_give_no_panic_and_views_around_their_periods() {
    let mut noise = Noise(7);
    for len in 0..60_i64 {
        for g in [
            Granularity::Month,
            Granularity::Quarter,
            Granularity::HalfYear,
            Granularity::Year,
        ] {
            let step = g.months() as i64;
            let points: Vec<(Period, f64)> = (0..len)
                .map(|i| {
                    let p = shift_period(
                        Period {
                            year: 2010,
                            granularity: g,
                            index: 1,
                        },
                        i,
                    );
                    let v = match i % 11 {
                        3 => f64::NAN,
                        5 => 1e308,
                        7 => -50.0,
                        _ => 100.0 + 40.0 * noise.next() + if i > len / 2 { 80.0 } else { 0.0 },
                    };
                    (p, v)
                })
                .collect();
            let mut d = dataset(&[
                ("a", points.clone()),
                ("b", points.into_iter().take((len / 2) as usize).collect()),
            ]);
            for (i, p) in d.series[0].points.iter_mut().enumerate() {
                if i % 6 == 4 {
                    p.value = None;
                }
            }
            for s in find(&d, &Settings::default()) {
                let (from, to) = s.view.range.unwrap();
                assert!(
                    from <= s.period && s.period <= to,
                    "{len} {g:?} {step}: {s:?}"
                );
                assert!(
                    s.score.is_finite() || s.kind == SignalKind::LevelShift,
                    "{s:?}"
                );
            }
        }
    }
}

#[test]
fn quarters_have_a_seasonal_band_too() {
    let quarters = |outlier: bool, seed: u64| -> Vec<(Period, f64)> {
        let mut noise = Noise(seed);
        (0..32)
            .map(|i| {
                let season = [120.0, -80.0, -140.0, 100.0][i % 4];
                let spike = if outlier && i == 30 { -500.0 } else { 0.0 };
                let v = 3000.0 + 10.0 * i as f64 + season + 30.0 * noise.next() + spike;
                (shift_period(Period::quarter(2017, 1), i as i64), v)
            })
            .collect()
    };
    for seed in 1..=10 {
        let clean = find(
            &dataset(&[("cbs", quarters(false, seed))]),
            &Settings::default(),
        );
        assert!(clean.is_empty(), "seed {seed}: {clean:?}");
        let found = find(
            &dataset(&[("cbs", quarters(true, seed))]),
            &Settings::default(),
        );
        let outside = of_kind(&found, SignalKind::OutsideSeason);
        assert_eq!(outside.len(), 1, "seed {seed}: {found:?}");
        assert_eq!(outside[0].period, Period::quarter(2024, 3));
        assert_eq!(outside[0].view.granularity, Some(Granularity::Quarter));
    }
}
