//! The views on the sample, with the generator as the oracle: gemeente-registratie's jeugd
//! instroom per stadsdeel adds up to its total except in 2022-03, where Woensel-Noord is 4 short.

use super::*;
use crate::model::{Granularity, Period, Soort, Transform};

fn sample() -> Dataset {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    crate::load::load_dataset(&root).expect("sample loads")
}

fn none(_: &SeriesKey, _: &Period, _: f64) -> bool {
    false
}

fn view(domein: &str, indicator: &str, bron: &str, kind: ViewKind) -> ViewSpec {
    let bronnen = match bron {
        "" => Vec::new(),
        b => vec![b.to_string()],
    };
    ViewSpec {
        kind,
        ..ViewSpec::trend(domein, indicator, &bronnen)
    }
}

fn chart(m: Result<ViewModel, ViewRefusal>) -> ChartModel {
    match m {
        Ok(ViewModel::Chart(c)) => c,
        other => panic!("a chart expected: {other:?}"),
    }
}

#[test]
fn season_draws_a_line_per_year_and_the_band_of_the_earlier_years() {
    let d = sample();
    let v = view(
        "jeugd",
        "instroom",
        "gemeente-registratie",
        ViewKind::Season,
    );
    let m = chart(view_model(&d, &v, &none));
    let years: Vec<&str> = m.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(years, ["2024", "2023", "2022", "2021", "2020", "2019"]);
    assert_eq!(
        m.series[0].identity.variant, 0,
        "the last year in the source's colour"
    );
    assert!(
        m.series[1..]
            .iter()
            .all(|s| s.identity.source.colour.is_some())
    );
    assert_eq!(m.periods.len(), 12);
    assert!(m.periods.iter().all(|p| p.is_season_slot()));
    // The band of January is the lowest and highest January of 2019-2023, read from the data.
    let key = SeriesKey {
        domein: "jeugd".into(),
        indicator: "instroom".into(),
        bron: "gemeente-registratie".into(),
        breakdown: crate::model::Breakdown {
            regio: Some("GM0772".into()),
            ..Default::default()
        },
    };
    let s = d.find(&key).expect("the total series");
    let januaries: Vec<f64> = (2019..=2023)
        .filter_map(|y| s.value_at(&Period::month(y, 1))?.value)
        .collect();
    assert_eq!(januaries.len(), 5);
    let jan = m
        .band
        .iter()
        .find(|b| b.period == Period::month(0, 1))
        .unwrap();
    assert_eq!(
        jan.lo,
        januaries.iter().copied().fold(f64::INFINITY, f64::min)
    );
    assert_eq!(
        jan.hi,
        januaries.iter().copied().fold(f64::NEG_INFINITY, f64::max)
    );
    assert_eq!(m.band.len(), 12);
}

#[test]
fn season_needs_months_or_quarters() {
    let d = sample();
    let v = view(
        "jeugd",
        "jeugdbescherming_instroom",
        "cbs-jbjr-2022",
        ViewKind::Season,
    );
    assert_eq!(
        view_model(&d, &v, &none),
        Err(ViewRefusal::NotWithinYear {
            granularity: Granularity::Year
        })
    );
    let mut q = view(
        "jeugd",
        "instroom",
        "gemeente-registratie",
        ViewKind::Season,
    );
    q.granularity = Some(Granularity::Quarter);
    let m = chart(view_model(&d, &q, &none));
    assert_eq!(m.periods.len(), 4);
    let mut half = q.clone();
    half.granularity = Some(Granularity::HalfYear);
    assert!(matches!(
        view_model(&d, &half, &none),
        Err(ViewRefusal::NotWithinYear { .. })
    ));
}

#[test]
fn parts_have_their_rest_only_where_the_generator_left_one() {
    let d = sample();
    let v = view("jeugd", "instroom", "", ViewKind::Parts);
    let Ok(ViewModel::Parts(p)) = view_model(&d, &v, &none) else {
        panic!("parts expected");
    };
    assert_eq!(p.bron, "gemeente-registratie", "the source with stadsdelen");
    assert_eq!(p.dimension, Dimension::Wijk);
    assert_eq!(p.parts.len(), 7);
    assert!(p.total.is_some());
    let off: Vec<(Period, f64)> = (p.rest.iter())
        .filter(|r| r.y != 0.0)
        .map(|r| (r.period, r.y))
        .collect();
    assert_eq!(off, [(Period::month(2022, 3), 4.0)]);
    // The change list: the total first, then parts by the size of their change.
    assert_eq!(p.changes[0].part, None);
    assert_eq!(p.changes[0].to, Period::month(2024, 12));
    assert_eq!(p.changes[0].from, Period::month(2023, 12));
    let sizes: Vec<f64> = p.changes[1..].iter().map(|c| c.delta().abs()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    assert_eq!(p.changes.len(), 8);
    // Small multiples share one y axis.
    let m = p.multiples(&d);
    assert_eq!(m.len(), 7);
    assert!(
        m.windows(2)
            .all(|w| w[0].y_max == w[1].y_max && w[0].x_min == w[1].x_min)
    );
}

#[test]
fn stacked_parts_reach_the_total_with_the_rest_on_top() {
    let d = sample();
    let v = view("jeugd", "instroom", "", ViewKind::Stacked);
    let m = chart(view_model(&d, &v, &none));
    assert_eq!(m.stacked, 8, "seven parts and the rest");
    assert_eq!(m.rest, Some(7));
    let total = &m.series[8];
    assert!(total.key.breakdown.is_total());
    for p in &total.points {
        let stack: f64 = m.series[..8]
            .iter()
            .filter_map(|s| s.at(&p.period))
            .map(|q| q.y)
            .sum();
        assert_eq!(stack, p.y, "{:?}", p.period);
        assert!(m.y_max >= p.y);
    }
    let none_here = view("jeugd", "jeugdbescherming_instroom", "", ViewKind::Stacked);
    assert_eq!(view_model(&d, &none_here, &none), Err(ViewRefusal::NoParts));
}

#[test]
fn places_put_the_own_gemeente_first_and_count_per_thousand_inhabitants() {
    let d = sample();
    let v = view("participatie", "bijstand_per_10000", "", ViewKind::Places);
    let m = chart(view_model(&d, &v, &none));
    let names: Vec<&str> = m.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        names,
        [
            "Eindhoven (GM0772) · Eindhoven: begroting 2021, BBV-indicatoren",
            "Eindhoven (GM0772) · Eindhoven: begroting 2023, BBV-indicatoren",
            "Nederland · Eindhoven: begroting 2021, BBV-indicatoren",
            "Nederland · Eindhoven: begroting 2023, BBV-indicatoren",
        ]
    );
    assert_eq!(m.series[0].identity.variant, 0);
    assert_eq!(m.series[1].identity.variant, 0);
    assert!(
        m.series[2..]
            .iter()
            .all(|s| s.identity.source.colour.is_some())
    );
    assert_eq!(m.transform, None, "a ratio is shown as it is");
    assert_eq!(m.series[0].soort, Soort::Ratio);
    let alone = view("jeugd", "instroom", "", ViewKind::Places);
    assert_eq!(view_model(&d, &alone, &none), Err(ViewRefusal::NoPlaces));
    // A count of two places with populations: per 1.000 inwoners.
    let counts = view("algemeen", "inwoners", "", ViewKind::Places);
    let m = chart(view_model(&d, &counts, &none));
    assert!(matches!(
        m.transform,
        Some(Transform::PerInhabitants { per: 1000, .. })
    ));
    assert!(
        m.series
            .iter()
            .flat_map(|s| &s.points)
            .all(|p| (p.y - 1000.0).abs() < 1e-6)
    );
}

/// Three gemeenten with three wijken each, two years of months.
fn gemeenten() -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    let spec = crate::load::large_sample::LargeSpec {
        gemeenten: 3,
        wijken: 3,
        months: 36,
    };
    crate::load::large_sample::write_large(dir.path(), spec).unwrap();
    let d = crate::load::load_dataset(dir.path()).unwrap();
    (dir, d)
}

#[test]
fn with_several_gemeenten_a_view_keeps_to_its_place() {
    let (_dir, d) = gemeenten();
    let first = d
        .series
        .iter()
        .find(|s| s.key.breakdown.wijk.is_some())
        .unwrap();
    let (domein, indicator) = (first.key.domein.clone(), first.key.indicator.clone());
    let regios: std::collections::BTreeSet<String> = (d.series_of(&domein, &indicator))
        .filter_map(|s| s.key.breakdown.regio.clone())
        .collect();
    assert_eq!(regios.len(), 3);
    let second = regios.iter().nth(1).unwrap().clone();
    let mut v = view(&domein, &indicator, &first.key.bron, ViewKind::Parts);
    v.regio = Some(second.clone());
    let Ok(ViewModel::Parts(p)) = view_model(&d, &v, &none) else {
        panic!("parts expected");
    };
    assert_eq!(
        p.parts.len(),
        3,
        "the wijken of one gemeente, not of all three"
    );
    assert!(
        p.parts
            .iter()
            .all(|s| s.key.breakdown.regio.as_ref() == Some(&second))
    );
    assert_eq!(p.total.unwrap().key.breakdown.regio, Some(second.clone()));
    v.kind = ViewKind::Season;
    let m = chart(view_model(&d, &v, &none));
    assert!(
        m.series
            .iter()
            .all(|s| s.key.breakdown.regio.as_ref() == Some(&second))
    );
    // Places: the view's place is the one highlighted, first.
    v.kind = ViewKind::Places;
    let m = chart(view_model(&d, &v, &none));
    assert_eq!(m.series[0].key.breakdown.regio, Some(second));
    assert_eq!(m.series[0].identity.variant, 0);
    // The trend of the view shows that place only.
    v.kind = ViewKind::Trend;
    let m = ChartModel::for_view(&d, &v);
    assert!(m.series.iter().all(|s| s.key.breakdown.regio == v.regio));
}

#[test]
fn places_without_a_population_for_their_years_are_counted_as_they_are() {
    // Bijstand (WWB) of Eindhoven and the Netherlands in 2010-2011: the sample has Eindhoven's
    // population of 2011 but none of the Netherlands before 2020.
    let d = sample();
    let v = view("participatie", "wwb", "", ViewKind::Places);
    let m = chart(view_model(&d, &v, &none));
    assert_eq!(
        m.transform, None,
        "per 1.000 would leave Nederland without a figure"
    );
    assert!(m.series.iter().all(|s| !s.points.is_empty()));
}
