//! The projector: presentation mode at three sizes and in each theme, zoom and pan with the axis
//! relabelled, the readout at the cursor (differences, an event, an annotation), and the view
//! as data round trip.

mod common;

use common::{render, words};
use duiden::load::load_dataset;
use duiden::model::{Dataset, Granularity, Period};
use duiden::tui::app::App;
use duiden::tui::keymap::Action;
use duiden::tui::style::ThemeKind;
use duiden::tui::tabs::Tab;
use std::path::Path;

fn sample() -> Dataset {
    load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"))
        .expect("sample loads")
}

/// The sample's opening chart, presented.
fn presenting(theme: ThemeKind) -> App {
    let mut app = App::new(sample(), theme);
    app.update(Action::Presentation);
    app.shared.message = None;
    app
}

/// Characters of the chart's lines in a heavier style than braille.
fn has_block_lines(screen: &str) -> bool {
    screen.contains('▀') || screen.contains('▄') || screen.contains('█')
}

#[test]
fn presentation_120x40_has_a_large_title_the_chart_legend_and_credits() {
    let mut app = presenting(ThemeKind::Dark);
    let screen = render(&mut app, 120, 40);
    // The working screen's panes are gone: no series browser, no tab bar.
    assert!(
        !screen.contains("Reeksen") && !screen.contains("2 Vergelijken"),
        "{screen}"
    );
    // The title in large letters (quadrant blocks) above a subtitle saying what is drawn.
    let first: Vec<&str> = screen.lines().take(4).collect();
    assert!(
        first.iter().all(|l| l.contains('█') || l.contains('▀')),
        "{screen}"
    );
    assert!(
        screen.contains("jeugd · per halfjaar (gelijkgetrokken) · cliënten"),
        "{screen}"
    );
    assert!(screen.contains("Legenda"), "{screen}");
    // Every source in the chart is credited, with how recent its figures are.
    let w = words(&screen);
    assert!(w.contains("Bron: CBS"), "{w}");
    assert!(
        w.contains("t/m H2 2024") && w.contains("t/m dec 2024"),
        "{w}"
    );
    assert_eq!(screen.matches("Bron:").count(), 3, "{screen}");
    assert!(has_block_lines(&screen), "heavier lines on the projector");
    insta::assert_snapshot!(screen);
}

#[test]
fn presentation_80x24_has_a_small_title_and_still_credits_every_source() {
    let mut app = presenting(ThemeKind::Dark);
    let screen = render(&mut app, 80, 24);
    assert!(screen.starts_with(" Instroom jeugdhulp"), "{screen}");
    assert_eq!(screen.matches("Bron:").count(), 3, "{screen}");
    assert!(screen.contains("Legenda"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn presentation_200x60_uses_the_whole_screen() {
    let mut app = presenting(ThemeKind::Dark);
    let screen = render(&mut app, 200, 60);
    let rows: Vec<&str> = screen.lines().collect();
    // The time axis runs to the right edge and the legend box is as wide as the screen.
    let axis = rows.iter().find(|l| l.contains("└┬")).expect("a time axis");
    assert!(axis.trim_end().chars().count() >= 198, "{axis}");
    assert!(
        rows.iter()
            .any(|l| l.starts_with("┌ Legenda") && l.ends_with('┐'))
    );
    // No blank rows wasted inside the legend box.
    let legend_top = rows
        .iter()
        .position(|l| l.starts_with("┌ Legenda"))
        .unwrap();
    let legend_end = legend_top
        + rows[legend_top..]
            .iter()
            .position(|l| l.starts_with('└'))
            .unwrap();
    let blank = rows[legend_top..legend_end]
        .iter()
        .filter(|l| l.trim_matches(|c| c == '│' || c == ' ').is_empty())
        .count();
    assert_eq!(blank, 0, "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn presentation_opens_in_high_contrast_and_gives_the_working_look_back() {
    for kind in [ThemeKind::Dark, ThemeKind::Light, ThemeKind::HighContrast] {
        let mut app = App::new(sample(), kind);
        let working = app.shared.theme.clone();
        app.update(Action::Presentation);
        // The projector's theme is the high-contrast one, whatever the working screen uses.
        assert_eq!(app.shared.theme.kind, ThemeKind::HighContrast, "{kind:?}");
        assert!(
            !app.shared.theme.grid_dots,
            "{kind:?}: no grid on the projector"
        );
        let screen = render(&mut app, 120, 40);
        assert!(has_block_lines(&screen), "{kind:?}");
        app.update(Action::Presentation);
        assert!(!app.presentation);
        assert_eq!(
            app.shared.theme.kind, working.kind,
            "{kind:?}: working look back"
        );
        assert_eq!(app.shared.theme.marker, working.marker, "{kind:?}");
        assert!(render(&mut app, 120, 40).contains("Reeksen"));
    }
}

/// The colours of a presentation in each theme at each size: the background is the theme's,
/// the title is drawn in its accent, and every source's mark in the footer in its own colour.
#[test]
fn presentation_in_each_theme_at_each_size_draws_in_that_theme() {
    for kind in [ThemeKind::HighContrast, ThemeKind::Dark, ThemeKind::Light] {
        let mut app = presenting(ThemeKind::Dark);
        while app.shared.theme.kind != kind {
            app.update(Action::ToggleTheme);
        }
        let theme = app.shared.theme.clone();
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            app.resize(ratatui::layout::Rect::new(0, 0, w, h));
            let backend = ratatui::backend::TestBackend::new(w, h);
            let mut terminal = ratatui::Terminal::new(backend).unwrap();
            terminal.draw(|f| duiden::tui::draw(f, &app)).unwrap();
            let buf = terminal.backend().buffer();
            // The status line and the footer rows: no chart cell there (half blocks paint both halves).
            let bg: Vec<_> = (0..w).map(|x| buf[(x, h - 1)].bg).collect();
            assert!(
                bg.iter().all(|c| *c == theme.bg),
                "{kind:?} {w}x{h}: background"
            );
            let title = (0..w)
                .map(|x| &buf[(x, 0)])
                .find(|c| c.symbol().trim() != "")
                .expect("a title");
            assert_eq!(title.fg, theme.accent, "{kind:?} {w}x{h}: title colour");
            let colours: std::collections::BTreeSet<String> = app
                .trend
                .chart
                .series
                .iter()
                .map(|s| format!("{:?}", theme.series_colour(&s.identity)))
                .collect();
            assert_eq!(
                colours.len(),
                app.trend.chart.series.len(),
                "{kind:?}: one colour a source"
            );
        }
    }
}

#[test]
fn presenting_a_comparison_shows_its_indicator_and_the_tabs_leave_presentation() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowCompare);
    let shown = app.current_view().expect("a comparison");
    app.update(Action::Presentation);
    assert_eq!(app.tab, Tab::Trend);
    let view = app.current_view().expect("a chart");
    assert_eq!(
        (view.domein, view.indicator),
        (shown.domein, shown.indicator)
    );
    app.update(Action::ShowOverview);
    assert!(!app.presentation);
    assert_eq!(app.tab, Tab::Overview);
}

/// The sample's jeugd instroom per month, the chart focused.
fn monthly() -> App {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::NextPane);
    while app.trend.granularity != Some(Granularity::Month) {
        app.update(Action::CycleGranularity);
    }
    app
}

fn cursor_to(app: &mut App, p: Period) {
    let i = app
        .trend
        .chart
        .periods
        .iter()
        .position(|q| *q == p)
        .expect("period shown");
    app.trend.cursor = Some(i);
}

#[test]
fn zooming_into_a_year_relabels_the_axis_in_months_and_pans_and_returns() {
    let mut app = monthly();
    let before = render(&mut app, 120, 40);
    assert!(
        before.contains("┬2020") && !before.contains("apr 2023"),
        "{before}"
    );
    cursor_to(&mut app, Period::month(2023, 1));
    app.update(Action::ToggleRange);
    cursor_to(&mut app, Period::month(2023, 12));
    app.update(Action::ZoomIn);
    assert_eq!(
        app.trend.zoom,
        Some((Period::month(2023, 1), Period::month(2023, 12)))
    );
    assert_eq!(app.trend.chart.periods.len(), 12);
    let zoomed = render(&mut app, 120, 40);
    assert!(
        zoomed.contains("ingezoomd: jan 2023 – dec 2023"),
        "{zoomed}"
    );
    // Months on the axis (every other one where twelve do not fit).
    assert!(
        zoomed.contains("mrt 2023") && zoomed.contains("mei 2023"),
        "{zoomed}"
    );
    assert!(
        !zoomed.contains("┬2020") && !zoomed.contains("K1 2023"),
        "{zoomed}"
    );
    // Shifting by a quarter of the span, then the cursor past the right edge pans on.
    app.update(Action::PanRight);
    assert_eq!(
        app.trend.zoom,
        Some((Period::month(2023, 4), Period::month(2024, 3)))
    );
    app.update(Action::End);
    app.update(Action::Right);
    assert_eq!(
        app.trend.zoom,
        Some((Period::month(2023, 5), Period::month(2024, 4)))
    );
    assert_eq!(app.trend.cursor_period(), Some(Period::month(2024, 4)));
    // Back to the whole series in one key.
    app.update(Action::ZoomAll);
    assert_eq!(app.trend.zoom, None);
    assert!(app.trend.chart.periods.len() > 60);
}

#[test]
fn zoom_without_a_range_halves_the_span_around_the_cursor() {
    let mut app = monthly();
    let n = app.trend.chart.periods.len();
    app.update(Action::ZoomIn);
    assert_eq!(app.trend.chart.periods.len(), n / 2);
    let last = *app.trend.all_periods.last().unwrap();
    assert_eq!(
        app.trend.chart.periods.last(),
        Some(&last),
        "the cursor was at the end"
    );
    // The zoom is part of the view: recorded and shown again.
    let view = app.current_view().unwrap();
    assert_eq!(view.range, app.trend.zoom);
    let mut other = App::new(sample(), ThemeKind::Dark);
    assert!(other.show_view_spec(&view));
    assert_eq!(other.trend.zoom, view.range);
    assert_eq!(other.trend.chart.periods, app.trend.chart.periods);
}

#[test]
fn the_readout_names_the_differences_and_the_event_at_the_cursor() {
    let mut app = monthly();
    // The sample's corona event starts in March 2020.
    cursor_to(&mut app, Period::month(2020, 3));
    let screen = render(&mut app, 120, 40);
    let w = words(&screen);
    assert!(w.contains("Corona"), "{w}");
    assert!(w.contains("Δ") && w.contains("t.o.v."), "{w}");
    // The difference each source has from the reference, signed, in the axis unit.
    let reference = &app.trend.chart.series[0];
    let other = &app.trend.chart.series[2];
    let c = Period::month(2020, 3);
    let d = other.at(&c).unwrap().y - reference.at(&c).unwrap().y;
    let text = duiden::tui::i18n::t().num(d, 2);
    let signed = if d > 0.0 { format!("+{text}") } else { text };
    assert!(w.contains(&signed), "{signed} in {w}");
}

#[test]
fn a_transform_is_named_in_the_title_and_the_subtitle_and_travels_with_the_view() {
    let mut app = monthly();
    let raw = app.trend.chart.series[0].clone();
    app.update(Action::MovingAverage);
    let message = app.shared.message.clone().unwrap_or_default();
    assert!(
        message.contains("voortschrijdend gemiddelde over 3 perioden"),
        "{message}"
    );
    let screen = render(&mut app, 120, 40);
    let title = screen
        .lines()
        .find(|l| l.contains("per maand"))
        .unwrap_or("");
    assert!(
        title.contains("voortschrijdend gemiddelde over 3 perioden"),
        "{screen}"
    );
    // The legend's values follow: the third month is the mean of the first three.
    let averaged = &app.trend.chart.series[0];
    let p = averaged.points[0].period;
    let i = raw.points.iter().position(|q| q.period == p).unwrap();
    let mean = (raw.points[i - 2].y + raw.points[i - 1].y + raw.points[i].y) / 3.0;
    assert!((averaged.points[0].y - mean).abs() < 1e-9);
    // Recorded with the view, shown again from it.
    let view = app.current_view().unwrap();
    assert_eq!(
        view.transform,
        Some(duiden::model::Transform::MovingAverage { perioden: 3 })
    );
    let mut other = App::new(sample(), ThemeKind::Dark);
    assert!(other.show_view_spec(&view));
    assert_eq!(other.trend.chart.series[0].points, averaged.points);
    other.update(Action::Presentation);
    let screen = render(&mut other, 120, 40);
    assert!(
        words(&screen).contains("voortschrijdend gemiddelde over 3 perioden"),
        "{screen}"
    );
    // The key cycles 3 → 12 → none.
    app.update(Action::MovingAverage);
    assert_eq!(
        app.trend.chart.transform,
        Some(duiden::model::Transform::MovingAverage { perioden: 12 })
    );
    app.update(Action::MovingAverage);
    assert_eq!(app.trend.chart.transform, None);
    assert_eq!(app.trend.chart.series[0].points, raw.points);
}

#[test]
fn a_refused_transform_says_why_and_leaves_the_chart_as_it_was() {
    let mut app = monthly();
    // Per inhabitant of a wijk: the population is the whole area's.
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    let wijk = (dataset.series_of("jeugd", "instroom"))
        .find(|s| s.key.breakdown.wijk.is_some())
        .map(|s| s.key.clone())
        .unwrap();
    let total = (dataset.series_of("jeugd", "instroom"))
        .find(|s| s.key.bron == wijk.bron && s.key.breakdown.is_total())
        .map(|s| s.key.clone())
        .unwrap();
    app.trend.set_selection(&dataset, vec![total.clone(), wijk]);
    let before = app.trend.chart.clone();
    app.update(Action::PerInhabitants);
    let message = app.shared.message.clone().unwrap_or_default();
    assert!(
        message.contains("de inwoners gelden voor het hele gebied"),
        "{message}"
    );
    assert_eq!(app.trend.chart, before);
    assert_eq!(app.trend.transform, None);
    // The total alone: per 1.000 inwoners of Eindhoven (234.401 on 1 January 2020).
    app.trend.set_selection(&dataset, vec![total]);
    let raw = app.trend.chart.series[0]
        .at(&Period::month(2020, 3))
        .unwrap()
        .y;
    app.update(Action::PerInhabitants);
    let per = app.trend.chart.series[0]
        .at(&Period::month(2020, 3))
        .unwrap()
        .y;
    assert!(
        (per - raw / 234_401.0 * 1000.0).abs() < 1e-9,
        "{raw} → {per}"
    );
    app.update(Action::PerInhabitants);
    app.update(Action::PerInhabitants);
    app.update(Action::PerInhabitants);
    app.update(Action::PerInhabitants);
    assert_eq!(
        app.trend.transform, None,
        "1.000 → 1.000 0-19 → 10.000 → 10.000 0-19 → none"
    );
    // An index at the cursor: that period is 100.
    let c = Period::month(2020, 3);
    cursor_to(&mut app, c);
    app.update(Action::IndexAtCursor);
    let screen = render(&mut app, 120, 40);
    let name = format!("index {} = 100", duiden::tui::i18n::t().period_short(&c));
    assert!(screen.contains(&name), "{name} in {screen}");
    let message = app.shared.message.clone().unwrap_or_default();
    assert!(
        (app.trend.chart.series[0].at(&c).unwrap().y - 100.0).abs() < 1e-9,
        "{message}"
    );
    assert_eq!(app.trend.chart.unit, "index");
}
