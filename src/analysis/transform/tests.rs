use super::*;
use crate::analysis::chart::ChartModel;

fn pt(period: Period, y: f64) -> ChartPoint {
    ChartPoint {
        period,
        x: period.mid(),
        y,
        provisional: false,
    }
}

fn quarters(values: &[(i32, u8, f64)]) -> Vec<ChartPoint> {
    values
        .iter()
        .map(|(y, q, v)| pt(Period::quarter(*y, *q), *v))
        .collect()
}

fn ys(points: &[ChartPoint]) -> Vec<(String, f64)> {
    points
        .iter()
        .map(|p| (p.period.code(), (p.y * 1000.0).round() / 1000.0))
        .collect()
}

fn s(code: &str, y: f64) -> (String, f64) {
    (code.to_string(), y)
}

#[test]
fn index_divides_by_the_base_period_and_refuses_a_missing_or_zero_base() {
    let points = quarters(&[(2021, 1, 50.0), (2021, 2, 75.0), (2021, 4, 25.0)]);
    let got = index(&points, &Period::quarter(2021, 2)).unwrap();
    assert_eq!(
        ys(&got),
        [
            s("2021-Q1", 66.667),
            s("2021-Q2", 100.0),
            s("2021-Q4", 33.333)
        ]
    );
    assert!(index(&points, &Period::quarter(2021, 3)).is_none());
    let zero = quarters(&[(2021, 1, 0.0), (2021, 2, 5.0)]);
    assert!(index(&zero, &Period::quarter(2021, 1)).is_none());
}

#[test]
fn year_on_year_has_nothing_in_the_first_year_nor_where_a_year_earlier_is_missing() {
    let points = quarters(&[
        (2020, 1, 10.0),
        (2020, 2, 20.0),
        (2020, 3, 0.0),
        (2021, 1, 15.0),
        (2021, 2, 10.0),
        (2021, 3, 4.0),
        (2021, 4, 8.0),
    ]);
    assert_eq!(
        ys(&year_on_year(&points, false)),
        [s("2021-Q1", 5.0), s("2021-Q2", -10.0), s("2021-Q3", 4.0)]
    );
    // A % against 0 has no meaning: left out.
    assert_eq!(
        ys(&year_on_year(&points, true)),
        [s("2021-Q1", 50.0), s("2021-Q2", -50.0)]
    );
}

#[test]
fn moving_average_starts_after_n_periods_and_restarts_after_a_gap() {
    let points = quarters(&[
        (2020, 1, 3.0),
        (2020, 2, 6.0),
        (2020, 3, 9.0),
        (2020, 4, 12.0),
        (2021, 2, 1.0),
        (2021, 3, 2.0),
        (2021, 4, 3.0),
    ]);
    assert_eq!(
        ys(&moving_average(&points, 3)),
        [s("2020-Q3", 6.0), s("2020-Q4", 9.0), s("2021-Q4", 2.0)]
    );
    assert_eq!(ys(&moving_average(&points, 1)), ys(&points));
    assert!(moving_average(&points, 12).is_empty());
    assert!(moving_average(&points, 0).is_empty());
}

#[test]
fn year_to_date_restarts_each_year_and_stops_at_a_gap() {
    let mut points: Vec<ChartPoint> = (1..=4).map(|m| pt(Period::month(2021, m), 1.0)).collect();
    points[1].provisional = true;
    points.push(pt(Period::month(2021, 6), 5.0)); // May is missing
    points.push(pt(Period::month(2022, 1), 7.0));
    points.push(pt(Period::month(2022, 2), 3.0));
    let got = year_to_date(&points);
    assert_eq!(
        ys(&got),
        [
            s("2021-01", 1.0),
            s("2021-02", 2.0),
            s("2021-03", 3.0),
            s("2021-04", 4.0),
            s("2022-01", 7.0),
            s("2022-02", 10.0),
        ]
    );
    // A provisional figure in the sum makes the sum provisional.
    assert_eq!(
        got.iter().map(|p| p.provisional).collect::<Vec<_>>(),
        [false, true, true, true, false, false]
    );
    // A series that starts mid-year has no year to date until January.
    let late = vec![
        pt(Period::month(2021, 11), 1.0),
        pt(Period::month(2021, 12), 1.0),
    ];
    assert!(year_to_date(&late).is_empty());
}

#[test]
fn per_inhabitants_uses_the_latest_population_at_most_a_year_old() {
    let points = quarters(&[(2020, 2, 30.0), (2021, 3, 40.0), (2023, 1, 50.0)]);
    let population = [
        (Period::year(2020), 60_000.0),
        (Period::year(2021), 80_000.0),
    ];
    // 2023 has no population within a year before it: left out.
    assert_eq!(
        ys(&per_inhabitants(&points, &population, 1000.0)),
        [s("2020-Q2", 0.5), s("2021-Q3", 0.5)]
    );
    assert_eq!(
        ys(&per_inhabitants(&points, &population, 10_000.0)),
        [s("2020-Q2", 5.0), s("2021-Q3", 5.0)]
    );
    assert!(per_inhabitants(&points, &[(Period::year(2020), 0.0)], 1000.0).is_empty());
    assert_eq!(per_unit(10_000, None), "per 10.000 inwoners");
    assert_eq!(per_unit(1000, Some("0-17")), "per 1.000 inwoners 0-17");
}

const META: &str = r#"titel = "t"
[[bronnen]]
id = "g"
naam = "Gemeente"
[[indicatoren]]
domein = "jeugd"
id = "instroom"
soort = "stroom"
[[indicatoren]]
domein = "jeugd"
id = "stand"
soort = "stand"
[[indicatoren]]
domein = "jeugd"
id = "pct"
soort = "ratio"
eenheid = "%"
[[indicatoren]]
domein = "algemeen"
id = "inwoners"
soort = "stand"
"#;

const NOEMERS: &str = r#"
[[noemers]]
id = "inwoners"
domein = "algemeen"
indicator = "inwoners"
[[noemers]]
id = "jongeren"
domein = "algemeen"
indicator = "inwoners"
leeftijd = "0-17"
bron = "g"
"#;

fn dataset(meta: &str, population: bool) -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dataset.toml"), meta).unwrap();
    let mut csv = String::from("periode,domein,indicator,bron,waarde,wijk\n");
    for (ind, v) in [("instroom", 20), ("stand", 100), ("pct", 5)] {
        for y in [2020, 2021] {
            csv += &format!(
                "{y},jeugd,{ind},g,{},\n{y},jeugd,{ind},g,1,Noord\n",
                v * (y - 2019)
            );
        }
    }
    if population {
        csv += "2020,algemeen,inwoners,g,40000,\n2021,algemeen,inwoners,g,50000,\n";
    }
    std::fs::write(dir.path().join("reeksen.csv"), csv).unwrap();
    let d = crate::load::load_dataset(dir.path()).expect("test dataset loads");
    (dir, d)
}

fn chart(d: &Dataset, indicator: &str, wijk: bool) -> Vec<ChartSeries> {
    let key = d
        .series_of("jeugd", indicator)
        .find(|s| s.key.breakdown.wijk.is_some() == wijk)
        .unwrap()
        .key
        .clone();
    ChartModel::build(d, &[key], None).series
}

fn per(per: u32, noemer: &str) -> Transform {
    Transform::PerInhabitants {
        per,
        noemer: noemer.into(),
    }
}

#[test]
fn per_inhabitants_on_a_dataset_with_a_declared_population() {
    let (_dir, d) = dataset(&format!("{META}{NOEMERS}"), true);
    let mut series = chart(&d, "instroom", false);
    apply(&d, &mut series, &per(1000, "inwoners")).unwrap();
    assert_eq!(ys(&series[0].points), [s("2020", 0.5), s("2021", 0.8)]);
    assert_eq!(series[0].unit, "per 1.000 inwoners");
    assert_eq!(series[0].soort, Soort::Ratio);
    let mut series = chart(&d, "stand", false);
    apply(&d, &mut series, &per(10_000, "jongeren")).unwrap();
    assert_eq!(ys(&series[0].points), [s("2020", 25.0), s("2021", 40.0)]);
    assert_eq!(series[0].unit, "per 10.000 inwoners 0-17");
}

#[test]
fn every_refusal_leaves_the_series_as_they_were() {
    let (_dir, d) = dataset(&format!("{META}{NOEMERS}"), true);
    let (_bare, without) = dataset(META, false);
    let (_empty, undelivered) = dataset(&format!("{META}{NOEMERS}"), false);
    let pct = Refusal::Soort {
        soort: Soort::Ratio,
        indicator: "pct".into(),
    };
    let no_population = Refusal::NoDenominator {
        noemer: "inwoners".into(),
    };
    let cases: Vec<(&Dataset, &str, bool, Transform, Refusal)> = vec![
        (&d, "pct", false, per(1000, "inwoners"), pct.clone()),
        (&d, "pct", false, Transform::YearToDate, pct),
        (
            &d,
            "stand",
            false,
            Transform::YearToDate,
            Refusal::Soort {
                soort: Soort::Stand,
                indicator: "stand".into(),
            },
        ),
        (
            &d,
            "instroom",
            true,
            per(1000, "inwoners"),
            Refusal::Breakdown {
                indicator: "instroom".into(),
            },
        ),
        (
            &without,
            "instroom",
            false,
            per(1000, "inwoners"),
            no_population.clone(),
        ),
        (
            &undelivered,
            "instroom",
            false,
            per(1000, "inwoners"),
            no_population,
        ),
        (
            &d,
            "instroom",
            false,
            per(0, "inwoners"),
            Refusal::BadParameter,
        ),
        (
            &d,
            "instroom",
            false,
            Transform::MovingAverage { perioden: 0 },
            Refusal::BadParameter,
        ),
        (
            &d,
            "instroom",
            false,
            Transform::Index {
                basis: Period::year(2019),
            },
            Refusal::NoBase {
                basis: Period::year(2019),
                indicator: "instroom".into(),
            },
        ),
    ];
    for (d, indicator, wijk, t, refusal) in cases {
        let mut series = chart(d, indicator, wijk);
        let before = series.clone();
        assert_eq!(
            apply(d, &mut series, &t),
            Err(refusal),
            "{t:?} of {indicator}"
        );
        assert_eq!(series, before);
    }
}

#[test]
fn transforms_a_ratio_may_take_and_the_units_they_give() {
    let (_dir, d) = dataset(META, false);
    let mut series = chart(&d, "pct", false);
    let t = Transform::Index {
        basis: Period::year(2020),
    };
    apply(&d, &mut series, &t).unwrap();
    assert_eq!(ys(&series[0].points), [s("2020", 100.0), s("2021", 200.0)]);
    assert_eq!(series[0].unit, "index");
    let mut series = chart(&d, "instroom", false);
    apply(&d, &mut series, &Transform::YearOnYearPct).unwrap();
    assert_eq!(ys(&series[0].points), [s("2021", 100.0)]);
    assert_eq!(series[0].unit, "%");
    let mut series = chart(&d, "pct", false);
    apply(&d, &mut series, &Transform::YearOnYear).unwrap();
    assert_eq!(ys(&series[0].points), [s("2021", 5.0)]);
    assert_eq!(series[0].unit, "%");
}
