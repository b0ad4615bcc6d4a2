//! The command palette end to end in-process: opened with its keys from a tab, typed into,
//! chosen with Enter or a click; drawn at 80×24.

mod common;

use common::{Tui, buffer_text, render};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use duiden::load::load_dataset;
use duiden::model::Dataset;
use duiden::tui::app::{App, Focus, Popup};
use duiden::tui::components::browser::Node;
use duiden::tui::i18n::{Lang, set_lang};
use duiden::tui::keymap::{Action, Context};
use duiden::tui::style::ThemeKind;
use duiden::tui::tabs::Tab;
use ratatui::style::Modifier;
use std::path::Path;

fn sample() -> Dataset {
    load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap()
}

fn app() -> App {
    set_lang(Lang::Nl);
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.resize(ratatui::layout::Rect::new(0, 0, 80, 24));
    app
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle_event(Event::Key(KeyEvent::new(code, mods)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn palette_open(app: &App) -> bool {
    matches!(app.popup, Some(Popup::Palette(_)))
}

#[test]
fn colon_opens_the_palette_and_enter_runs_the_command_as_its_key() {
    let mut app = app();
    press(&mut app, KeyCode::Char(':'), KeyModifiers::NONE);
    assert!(palette_open(&app));
    assert_eq!(app.context(), Context::Palette);
    // Typed keys go to the search, even those that are commands on the tab (2, q).
    type_text(&mut app, "tabblad vergelijken");
    assert!(palette_open(&app));
    assert_eq!(app.tab, Tab::Trend);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(!palette_open(&app));
    assert_eq!(app.tab, Tab::Compare);
    // The comparison opened on the charted indicator, as key 2 does.
    let charted = app.trend.chart.series[0].key.indicator.clone();
    assert_eq!(app.compare.indicator, charted);

    // Ctrl-P opens it too; a trend command from the palette acts on the chart.
    let mut app = self::app();
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert!(palette_open(&app));
    type_text(&mut app, "lijnstijl");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        app.shared.message.as_deref(),
        Some("lijnen in halve blokken")
    );
    // Esc closes without running anything.
    press(&mut app, KeyCode::Char(':'), KeyModifiers::NONE);
    type_text(&mut app, "grafiek leeg");
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(!palette_open(&app));
    assert!(!app.trend.selection.is_empty());
}

#[test]
fn choosing_a_series_shows_it_in_the_trend_tab_as_the_browser_does() {
    let mut app = app();
    app.update(Action::ShowCompare);
    press(&mut app, KeyCode::Char(':'), KeyModifiers::NONE);
    type_text(&mut app, "clienten maatwrk cbs");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.tab, Tab::Trend);
    assert_eq!(app.trend.selection.len(), 1);
    let key = &app.trend.selection[0];
    assert_eq!(
        (key.indicator.as_str(), key.bron.as_str()),
        ("stand", "cbs-beleidsinformatie")
    );
    // The browser shows where it is.
    assert_eq!(app.trend.focus, Focus::Browser);
    let row = app.trend.browser.selected_row().unwrap();
    let Node::Series { series } = row.node else {
        panic!("a series row: {row:?}");
    };
    assert_eq!(&app.dataset().series[series].key, key);

    // An indicator: all its sources, as Enter on the indicator in the browser.
    press(&mut app, KeyCode::Char(':'), KeyModifiers::NONE);
    type_text(&mut app, "instroom bijstand alle");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let mut sources: Vec<&str> = (app.trend.selection.iter())
        .map(|k| k.bron.as_str())
        .collect();
    sources.sort();
    assert_eq!(
        sources,
        [
            "aanbieders-maandrapportage",
            "cbs-beleidsinformatie",
            "gemeente-registratie"
        ]
    );
    assert!(
        (app.trend.selection.iter())
            .all(|k| (k.domein.as_str(), k.indicator.as_str()) == ("participatie", "instroom"))
    );
}

#[test]
fn a_click_on_a_row_chooses_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char(':'), KeyModifiers::NONE);
    type_text(&mut app, "tabblad");
    let screen = render(&mut app, 80, 24);
    let (row, line) = (screen.lines().enumerate())
        .find(|(_, l)| l.contains("tabblad Verschillen"))
        .expect("the row is drawn");
    let column = line.chars().take_while(|c| *c != 't').count() as u16;
    app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row: row as u16,
        modifiers: KeyModifiers::NONE,
    }));
    assert!(!palette_open(&app));
    assert_eq!(app.tab, Tab::Overview);
}

#[test]
fn palette_80x24_with_a_query() {
    let mut app = app();
    press(&mut app, KeyCode::Char(':'), KeyModifiers::NONE);
    type_text(&mut app, "perinw");
    app.resize(ratatui::layout::Rect::new(0, 0, 80, 24));
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| duiden::tui::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let screen = buffer_text(buffer);
    for text in [
        " Palet ",
        "perinw",
        "opdracht",
        "per 1.000 inwoners",
        "%",
        "Enter kiezen",
    ] {
        assert!(screen.contains(text), "{text} missing in\n{screen}");
    }
    // The matched characters of the first row are marked: "p", "e", "r", " i", "n", "w".
    let (y, line) = (screen.lines().enumerate())
        .find(|(_, l)| l.contains("per 1.000 inwoners"))
        .unwrap();
    let x0 = line.chars().position(|c| c == 'p').unwrap();
    let marked: String = (0..buffer.area.width)
        .map(|x| &buffer[(x, y as u16)])
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol().to_string())
        .collect();
    assert_eq!(marked, "perinw", "selected row marks its matches");
    assert!(
        !buffer[(x0 as u16 + 3, y as u16)]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn in_a_terminal_ctrl_p_finds_and_runs_a_command() {
    let mut tui = Tui::spawn_viewer(&[]);
    tui.wait_for("Legenda");
    tui.send("\x10");
    tui.wait_for("Enter kiezen");
    tui.send("lijnstijl");
    tui.wait_for("lijnstijl: fijn (braille)");
    tui.send("\r");
    let screen = tui.wait_for("lijnen in halve blokken");
    assert!(
        !screen.contains("Enter kiezen"),
        "the palette closed:\n{screen}"
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
}
