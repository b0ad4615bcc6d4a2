//! Issue 14 items 2-4: the season view, the breakdown (small multiples, stacked, change per
//! part) and places side by side in the trend tab; the keys, their refusals, and that an agenda
//! item and an annotation keep the view. Snapshots checked by eye.

mod common;

use common::{app_with_session, render, words};
use duiden::load::load_dataset;
use duiden::model::{Breakdown, Dataset, Dimension, SeriesKey, ViewKind, ViewSpec};
use duiden::session::store;
use duiden::tui::app::App;
use duiden::tui::keymap::Action;
use duiden::tui::style::ThemeKind;
use std::path::Path;

fn sample() -> Dataset {
    load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"))
        .expect("sample loads")
}

fn registration(indicator: &str) -> SeriesKey {
    SeriesKey {
        domein: "jeugd".into(),
        indicator: indicator.into(),
        bron: "gemeente-registratie".into(),
        breakdown: Breakdown {
            regio: Some("GM0772".into()),
            ..Breakdown::default()
        },
    }
}

/// The registration's jeugd instroom in the chart, the chart focused.
fn app() -> App {
    let mut app = App::new(sample(), ThemeKind::Dark);
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    app.trend
        .set_selection(&dataset, vec![registration("instroom")]);
    app.update(Action::NextPane);
    app.shared.message = None;
    app
}

#[test]
fn the_season_shows_a_line_per_year_over_the_months_with_the_band() {
    let mut app = app();
    app.update(Action::SeasonView);
    assert_eq!(app.trend.kind, ViewKind::Season);
    assert_eq!(app.shared.message.as_deref(), Some("weergave: seizoen"));
    let screen = render(&mut app, 120, 40);
    let text = words(&screen);
    assert!(text.contains("seizoen · Gemeente: registratie"), "{text}");
    assert!(text.contains("per maand"), "{text}");
    for year in ["2024", "2023", "2019"] {
        assert!(text.contains(year), "{year}: {text}");
    }
    assert!(text.contains("┬jan") && text.contains("┬nov"), "{text}");
    insta::assert_snapshot!("season_120x40", screen);
    insta::assert_snapshot!("season_80x24", render(&mut app, 80, 24));
    app.update(Action::SeasonView);
    assert_eq!(app.trend.kind, ViewKind::Trend, "again: the trend");
    assert!(words(&render(&mut app, 120, 40)).contains("┬2019"));
}

#[test]
fn the_breakdown_walks_multiples_stacked_and_the_change_list_back_to_the_trend() {
    let mut app = app();
    app.update(Action::BreakdownView);
    assert_eq!(app.trend.kind, ViewKind::Parts);
    assert_eq!(app.trend.multiples.len(), 7, "seven stadsdelen");
    let screen = render(&mut app, 120, 40);
    for wijk in ["Centrum", "Gestel", "Woensel-Noord", "Woensel-Zuid"] {
        assert!(screen.contains(wijk), "{wijk}");
    }
    insta::assert_snapshot!("breakdown_multiples_120x40", screen);

    app.update(Action::BreakdownView);
    assert_eq!(app.trend.kind, ViewKind::Stacked);
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("rest (totaal min de delen)"), "{screen}");
    insta::assert_snapshot!("breakdown_stacked_120x40", screen);

    app.update(Action::BreakdownView);
    assert_eq!(app.trend.kind, ViewKind::PartsChange);
    let screen = render(&mut app, 120, 40);
    let text = words(&screen);
    assert!(
        text.contains("december 2024 tegenover december 2023"),
        "{text}"
    );
    assert!(text.contains("geen oordeel"), "{text}");
    insta::assert_snapshot!("breakdown_changes_120x40", screen);

    app.update(Action::BreakdownView);
    assert_eq!(
        app.trend.kind,
        ViewKind::Trend,
        "only wijken: back to the trend"
    );
    assert!(app.trend.parts.is_none() && app.trend.multiples.is_empty());
}

#[test]
fn a_view_that_cannot_be_made_says_why_and_leaves_the_chart() {
    let mut app = app();
    app.update(Action::PlacesView);
    assert_eq!(app.trend.kind, ViewKind::Trend);
    let said = app.shared.message.clone().unwrap();
    assert!(said.contains("minder dan twee plaatsen"), "{said}");
    // Yearly figures have no season.
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    let yearly = SeriesKey {
        domein: "jeugd".into(),
        indicator: "jeugdbescherming_instroom".into(),
        bron: "cbs-jbjr-2022".into(),
        breakdown: Breakdown {
            regio: Some("NL01".into()),
            ..Breakdown::default()
        },
    };
    app.trend.set_selection(&dataset, vec![yearly]);
    app.update(Action::SeasonView);
    assert_eq!(app.trend.kind, ViewKind::Trend);
    let said = app.shared.message.clone().unwrap();
    assert!(said.contains("maand- of kwartaalcijfers"), "{said}");
}

#[test]
fn places_put_eindhoven_beside_the_netherlands() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    let v = ViewSpec {
        kind: ViewKind::Places,
        ..ViewSpec::trend("participatie", "bijstand_per_10000", &[])
    };
    assert!(app.show_view_spec(&v));
    assert_eq!(app.trend.kind, ViewKind::Places);
    let text = words(&render(&mut app, 200, 60));
    assert!(text.contains("plaatsen naast elkaar"), "{text}");
    assert!(
        text.contains("Eindhoven (GM0772)") && text.contains("Nederland"),
        "{text}"
    );
    assert_eq!(app.current_view().unwrap().kind, ViewKind::Places);
}

#[test]
fn an_agenda_item_and_an_annotation_keep_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    app.trend
        .set_selection(&dataset, vec![registration("instroom")]);
    app.update(Action::NextPane);
    app.update(Action::BreakdownView);
    app.update(Action::BreakdownView);
    app.update(Action::AgendaAdd);
    app.update(Action::SeasonView);
    // The anchor of a note on the season is the highlighted year's month.
    let anchor = app.trend.anchor().unwrap();
    assert_eq!(anchor.view, ViewKind::Season);
    assert_eq!(anchor.from.year, 2024);
    app.update(Action::AgendaAdd);
    let saved = store::load(&path).unwrap();
    let views: Vec<ViewSpec> = saved.agenda.iter().filter_map(|a| a.view.clone()).collect();
    assert_eq!(views.len(), 2);
    assert_eq!(views[0].kind, ViewKind::Stacked);
    assert_eq!(views[1].kind, ViewKind::Season);
    // Back to the trend, then the agenda walk shows each as prepared.
    app.update(Action::SeasonView);
    app.update(Action::AgendaNext);
    assert_eq!(app.trend.kind, ViewKind::Stacked);
    assert_eq!(app.trend.parts_dimension(), Some(Dimension::Wijk));
    app.update(Action::AgendaNext);
    assert_eq!(app.trend.kind, ViewKind::Season);
}
