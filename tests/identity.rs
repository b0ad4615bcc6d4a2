//! One identity per source on screen (issue 10, items 1 and 5): a bron has the same symbol and
//! colour in the trend view and the comparison view, `kleur`/`symbool` in dataset.toml override
//! it, and the chart can be drawn heavier and without grid dots for the back of the room.

use duiden::load::load_dataset;
use duiden::model::Dataset;
use duiden::model::identity::{IDENTITY_COLOURS, RESERVED_SYMBOLS, Rgb};
use duiden::tui::app::App;
use duiden::tui::keymap::Action;
use duiden::tui::style::{SYMBOLS, SYMBOLS_PROVISIONAL, ThemeKind};
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use std::path::Path;

fn sample() -> Dataset {
    load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"))
        .expect("sample loads")
}

fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    app.resize(ratatui::layout::Rect::new(0, 0, width, height));
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| duiden::tui::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The symbol and colour in front of each place `text` is written after a symbol and a space
/// (legend lines, browser rows, table headers).
fn marks_before(buf: &Buffer, text: &str) -> Vec<(String, Color)> {
    let want: Vec<String> = text.chars().map(|c| c.to_string()).collect();
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 2..buf.area.width.saturating_sub(want.len() as u16) {
            let here = (0..want.len()).all(|i| buf[(x + i as u16, y)].symbol() == want[i]);
            let mark = &buf[(x - 2, y)];
            // "·" marks a series that is not in the chart; ASCII is text ("t.o.v. bron").
            let blank = |s: &str| s.is_ascii() || "│─┌┐└┘·".contains(s);
            if here && buf[(x - 1, y)].symbol() == " " && !blank(mark.symbol()) {
                out.push((mark.symbol().to_string(), mark.fg));
            }
        }
    }
    out.dedup();
    out
}

fn rgb(c: Rgb) -> Color {
    Color::Rgb(c.0, c.1, c.2)
}

#[test]
fn a_source_looks_the_same_in_trend_and_comparison() {
    let d = sample();
    let place = |id: &str| d.meta.bronnen.iter().position(|b| b.id == id).unwrap();
    let mut app = App::new(d.clone(), ThemeKind::Dark);
    let trend = draw(&mut app, 160, 48);
    app.update(Action::ShowCompare);
    let compare = draw(&mut app, 160, 48);
    for bron in [
        "gemeente-registratie",
        "cbs-beleidsinformatie",
        "aanbieders-maandrapportage",
    ] {
        // Its place in [[bronnen]] decides, not the order the tab shows it in.
        let i = place(bron);
        let expected = (
            SYMBOLS[i % SYMBOLS.len()].to_string(),
            rgb(IDENTITY_COLOURS[i % 7].0),
        );
        // The start of the name: narrow table columns cut it.
        let name: String = bron.chars().take(14).collect();
        let in_trend = marks_before(&trend, &name);
        let in_compare = marks_before(&compare, &name);
        assert_eq!(
            in_trend,
            vec![expected.clone()],
            "{bron} in the trend browser"
        );
        assert_eq!(in_compare, vec![expected], "{bron} in the comparison table");
    }
}

#[test]
fn colour_and_symbol_from_dataset_toml_are_used_on_screen() {
    let mut d = sample();
    let source = d
        .meta
        .bronnen
        .iter_mut()
        .find(|b| b.id == "gemeente-registratie")
        .unwrap();
    source.kleur = Some("rood".into());
    source.symbool = Some("✦".into());
    let mut app = App::new(d, ThemeKind::Dark);
    let trend = draw(&mut app, 160, 48);
    let red = Color::Rgb(213, 94, 0);
    assert_eq!(
        marks_before(&trend, "gemeente-registratie"),
        vec![("✦".to_string(), red)]
    );
    app.update(Action::ShowCompare);
    let compare = draw(&mut app, 160, 48);
    assert_eq!(
        marks_before(&compare, "gemeente-registratie"),
        vec![("✦".to_string(), red)]
    );
}

#[test]
fn breakdowns_of_one_source_keep_its_colour_and_get_numbers() {
    let d = sample();
    let mut app = App::new(d, ThemeKind::Dark);
    let keys: Vec<_> = app
        .shared
        .dataset
        .series_of("jeugd", "instroom")
        .filter(|s| s.key.bron == "gemeente-registratie")
        .map(|s| s.key.clone())
        .collect();
    assert!(keys.len() >= 3, "the sample has wijken");
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    app.trend.set_selection(&dataset, keys);
    let series = &app.trend.chart.series;
    let first = series[0].identity.source;
    assert!(series.iter().all(|s| s.identity.source == first));
    let marks: Vec<String> = series
        .iter()
        .map(|s| duiden::tui::style::symbol(&s.identity, false))
        .collect();
    let mut unique = marks.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), marks.len(), "{marks:?}");
}

#[test]
fn no_series_symbol_is_an_event_or_break_mark() {
    for s in SYMBOLS.iter().chain(SYMBOLS_PROVISIONAL.iter()) {
        for r in RESERVED_SYMBOLS.iter().chain(['◇'].iter()) {
            assert_ne!(s.chars().next(), Some(*r), "{s}");
        }
    }
    let mut all: Vec<&str> = SYMBOLS.to_vec();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), SYMBOLS.len(), "symbols are distinct");
}

/// The rows of the trend chart's plot (between its top border and the x axis).
fn plot_rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .filter(|row| row.contains('┤'))
        .collect()
}

#[test]
fn heavier_lines_draw_blocks() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    let braille = plot_rows(&draw(&mut app, 120, 40)).concat();
    assert!(!braille.contains('▀') && !braille.contains('▄'));
    app.update(Action::CycleLineStyle);
    assert!(app.shared.message.is_some(), "the style is named");
    let half = plot_rows(&draw(&mut app, 120, 40)).concat();
    assert!(
        half.contains('▀') || half.contains('▄'),
        "half blocks in:\n{half}"
    );
    app.update(Action::CycleLineStyle);
    let block = plot_rows(&draw(&mut app, 120, 40)).concat();
    assert!(block.contains('█'), "blocks in:\n{block}");
    // The event marks stay thin: the tick row without data has no blocks.
    let empty = plot_rows(&draw(&mut app, 120, 40))
        .into_iter()
        .find(|r| r.contains("1.600┤"))
        .unwrap();
    assert!(!empty.contains('█'), "{empty}");
}

#[test]
fn the_projector_theme_has_no_grid_dots_until_asked() {
    // A tick row without data (the sample's 1.600 on the opening view) holds only the vertical
    // event marks and the cursor when the grid is off, and a dotted line when it is on.
    let mut app = App::new(sample(), ThemeKind::Dark);
    let row = |buf: &Buffer| {
        let row = plot_rows(buf)
            .into_iter()
            .find(|r| r.contains("1.600┤"))
            .expect("a 1.600 tick");
        let plot: String = row.split('┤').nth(1).unwrap().chars().collect();
        plot.chars()
            .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
            .count()
    };
    let off = row(&draw(&mut app, 120, 40));
    let marks = app.trend.chart.marks.len() + 1;
    assert!(
        off <= marks,
        "only marks and cursor when off ({off} > {marks})"
    );
    app.update(Action::ToggleGrid);
    let on = row(&draw(&mut app, 120, 40));
    assert!(on >= off + 20, "grid dots along the tick when on ({on})");
    let light = App::new(sample(), ThemeKind::Light);
    assert!(
        light.shared.theme.grid_dots,
        "the light (paper) theme keeps its grid"
    );
}

#[test]
fn the_overview_draws_each_source_with_its_identity() {
    let d = sample();
    let place = |id: &str| d.meta.bronnen.iter().position(|b| b.id == id).unwrap();
    let mut app = App::new(d.clone(), ThemeKind::Dark);
    app.update(Action::ShowOverview);
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
    let mut overview = draw(&mut app, 160, 48);
    let text: String = (0..48)
        .map(|y| {
            (0..160)
                .map(|x| overview[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect();
    // The selected row is drawn in the selection's colours, like every table's cursor row.
    let selected_bg = duiden::tui::style::Theme::dark().selected_bg;
    for cell in overview.content.iter_mut() {
        if cell.bg == selected_bg {
            cell.set_symbol(" ");
        }
    }
    for bron in ["gemeente-registratie", "aanbieders-maandrapportage"] {
        let i = place(bron);
        let expected = (
            SYMBOLS[i % SYMBOLS.len()].to_string(),
            rgb(IDENTITY_COLOURS[i % 7].0),
        );
        // The start of the name: the sources column cuts a pair's second name.
        let name: String = bron.chars().take(10).collect();
        let found = marks_before(&overview, &name);
        assert!(
            !found.is_empty(),
            "{bron} not marked in the overview:\n{text}"
        );
        // Every row draws it the same way (rows of other pairs interleave, so no dedup).
        for mark in found {
            assert_eq!(mark, expected, "{bron} in the overview");
        }
    }
}
