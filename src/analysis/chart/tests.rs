use super::*;
use crate::model::{Granularity, ViewKind, ViewSpec};

fn sample() -> Dataset {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    crate::load::load_dataset(&root).expect("sample loads")
}

#[test]
fn nice_axis_rounds_outward() {
    let a = nice_axis(312.0, 389.0, 5);
    assert!(a.min <= 312.0 && a.max >= 389.0);
    assert_eq!(*a.ticks.first().unwrap(), a.min);
    assert_eq!(*a.ticks.last().unwrap(), a.max);
    let a = nice_axis(9000.0, 12500.0, 5);
    assert_eq!(a.min, 9000.0);
    let labels: Vec<String> = a
        .ticks
        .iter()
        .map(|v| crate::model::number::format_axis(*v, a.step, a.max))
        .collect();
    assert!(labels.iter().any(|l| l == "10.000"), "{labels:?}");
    assert_eq!(nice_axis(100.0, 1000.0, 5).min, 0.0);
}

#[test]
fn a_view_at_quarters_aggregates_and_ticks_in_quarters() {
    let d = sample();
    let mut view = ViewSpec::trend("jeugd", "instroom", &[]);
    let delivered = ChartModel::for_view(&d, &view);
    assert!(delivered.series.len() >= 2, "every source of the indicator");
    // Each line has its source's identity: its place in [[bronnen]], whatever the order shown.
    for s in &delivered.series {
        let place = d.meta.bronnen.iter().position(|b| b.id == s.key.bron);
        assert_eq!(Some(s.identity.source.index), place, "{}", s.key.bron);
        assert_eq!(s.identity.variant, 0);
    }
    view.granularity = Some(Granularity::Quarter);
    view.kind = ViewKind::Compare;
    view.reference = Some("aanbieders-maandrapportage".into());
    let m = ChartModel::for_view(&d, &view);
    assert_eq!(m.series[0].key.bron, "aanbieders-maandrapportage");
    assert_eq!(m.reference.as_deref(), Some("aanbieders-maandrapportage"));
    // Monthly sources summed to quarters (instroom is a stroom); the half-yearly CBS series
    // cannot be split and stays as delivered, with the reason.
    let monthly = m
        .series
        .iter()
        .find(|s| s.key.bron == "gemeente-registratie")
        .unwrap();
    assert!(
        monthly
            .points
            .iter()
            .all(|p| p.period.granularity == Granularity::Quarter)
    );
    let source = d
        .find(&monthly.key)
        .unwrap()
        .points
        .iter()
        .filter(|o| o.period.year == 2022 && o.period.index <= 3)
        .map(|o| o.value.unwrap())
        .sum::<f64>();
    assert_eq!(
        monthly.at(&Period::quarter(2022, 1)).map(|p| p.y),
        Some(source)
    );
    let cbs = m
        .series
        .iter()
        .find(|s| s.key.bron == "cbs-beleidsinformatie");
    if let Some(cbs) = cbs {
        assert!(cbs.note.is_some(), "{cbs:?}");
    }
    let ticks = m.period_ticks(13);
    assert!(!ticks.is_empty() && ticks.len() <= 13, "{ticks:?}");
    assert!(
        ticks.iter().all(
            |p| p.granularity == Granularity::HalfYear || p.granularity == Granularity::Quarter
        )
    );
}

#[test]
fn a_view_is_cut_to_its_range_and_sources() {
    let d = sample();
    let mut view = ViewSpec::trend("jeugd", "instroom", &["gemeente-registratie".to_string()]);
    view.range = Some((Period::month(2021, 1), Period::month(2021, 12)));
    let m = ChartModel::for_view(&d, &view);
    assert_eq!(m.series.len(), 1);
    assert_eq!(m.periods.len(), 12);
    assert_eq!(m.periods[0], Period::month(2021, 1));
    assert!(m.x_min >= Period::month(2021, 1).start_month() as f64 - 0.5);
    assert!(m.x_max <= Period::month(2022, 1).start_month() as f64 + 0.5);
    // A comparison without a period length shows the coarsest length of its sources.
    let cmp = ViewSpec {
        kind: ViewKind::Compare,
        ..ViewSpec::trend("jeugd", "instroom", &[])
    };
    let coarsest = d
        .series_of("jeugd", "instroom")
        .filter(|s| s.key.breakdown.is_total())
        .map(|s| s.granularity())
        .max();
    assert_eq!(ChartModel::for_view(&d, &cmp).granularity(), coarsest);
    // Nothing to show: an empty chart, no panic.
    let none = ChartModel::for_view(&d, &ViewSpec::trend("jeugd", "bestaat-niet", &[]));
    assert!(none.is_empty() && none.period_ticks(10).is_empty());
}

#[test]
fn period_ticks_are_round_and_aligned() {
    let d = sample();
    let view = ViewSpec::trend("jeugd", "instroom", &["gemeente-registratie".to_string()]);
    let m = ChartModel::for_view(&d, &view);
    let ticks = m.period_ticks(13);
    assert!(ticks.len() <= 13 && ticks.len() >= 5, "{ticks:?}");
    let step = ticks[1].start_month() - ticks[0].start_month();
    assert!([1, 2, 3, 6, 12, 24].contains(&step), "{step}");
    assert!(
        ticks
            .windows(2)
            .all(|w| w[1].start_month() - w[0].start_month() == step)
    );
    assert_eq!(ticks[0].start_month().rem_euclid(step), 0, "{ticks:?}");
    assert!(ticks.iter().all(|p| p.granularity == Granularity::Month));
    // Enough room: every period.
    let all = m.period_ticks(10_000);
    assert_eq!(all.first(), m.periods.first());
    assert_eq!(all.last(), m.periods.last());
    assert!(all.len() >= m.periods.len());
}

#[test]
fn one_axis_has_one_number_format() {
    // An axis past ten million labels every tick in millions, also those below it.
    let a = nice_axis(0.0, 14_000_000.0, 5);
    let labels: Vec<String> = (a.ticks.iter())
        .map(|v| crate::model::number::format_axis(*v, a.step, a.max))
        .collect();
    assert!(labels.iter().all(|l| l.ends_with(" mln")), "{labels:?}");
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with("5 ") || l.starts_with("7,5 ")),
        "{labels:?}"
    );
}

#[test]
fn units_are_converted_on_one_axis_when_the_factor_is_known() {
    // The sample's provider costs are in euro up to 2021 and in x 1.000 euro from 2022; the
    // registration is in euro throughout.
    let d = sample();
    let keys: Vec<SeriesKey> = ["gemeente-registratie", "aanbieders-maandrapportage"]
        .iter()
        .map(|bron| {
            d.series_of("jeugd", "kosten")
                .find(|s| s.key.bron == *bron && s.key.breakdown.is_total())
                .expect("a kosten series")
                .key
                .clone()
        })
        .collect();
    let m = ChartModel::build(&d, &keys, None);
    assert!(!m.mixed_units, "one unit on the axis");
    assert_eq!(m.unit, "euro");
    let providers = &m.series[1];
    assert_eq!(providers.unit, "euro");
    assert_eq!(providers.converted_from.as_deref(), Some("x 1.000 euro"));
    // No jump by a factor 1.000 at the change of unit: December and January are alike.
    let at = |code: &str| {
        let p = crate::model::Period::parse(code).unwrap().0;
        providers.at(&p).map(|p| p.y).expect("a figure")
    };
    let (dec, jan) = (at("2021-12"), at("2022-01"));
    assert!((jan / dec) > 0.5 && (jan / dec) < 2.0, "{dec} → {jan}");
}

#[test]
fn units_no_factor_converts_are_panels_and_a_fourth_is_left_out() {
    let d = sample();
    let pick = |domein: &str, indicator: &str| {
        d.series_of(domein, indicator)
            .find(|s| s.key.breakdown.is_total())
            .unwrap_or_else(|| panic!("{domein} {indicator}"))
            .key
            .clone()
    };
    let keys = vec![
        pick("jeugd", "instroom"),
        pick("jeugd", "kosten"),
        pick("jeugd", "jeugdbescherming_instroom"),
        pick("participatie", "wwb"),
    ];
    let m = ChartModel::build(&d, &keys, None);
    assert_eq!(m.panels.len(), MAX_PANELS);
    assert!(m.mixed_units);
    assert_eq!(m.left_out.len(), 1, "{:?}", m.left_out);
    assert_eq!(m.left_out[0].key, keys[3]);
    for (i, p) in m.panels.iter().enumerate() {
        // Each panel holds its unit only, on an axis around its own figures.
        assert!(p.series.iter().all(|s| m.series[*s].unit == p.unit));
        let sub = m.panel_model(i);
        assert_eq!(sub.unit, p.unit);
        assert!(!sub.mixed_units && sub.panels.len() == 1);
        let ys = sub.series.iter().flat_map(|s| s.points.iter().map(|p| p.y));
        assert!(ys.clone().all(|y| y >= p.y_min && y <= p.y_max));
        assert_eq!((sub.x_min, sub.x_max), (m.x_min, m.x_max), "one time axis");
    }
    // One unit: one panel, the chart itself.
    let one = ChartModel::build(&d, &keys[..1], None);
    assert_eq!(one.panels.len(), 1);
    assert_eq!(one.panel_model(0), one);
}
