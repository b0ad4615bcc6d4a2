//! Keys and mouse end to end in-process: every key event of every context goes through the real
//! dispatch and is compared with the help rows the overlay shows; clicks and scrolls work in every
//! tab of the main screen.

mod common;

use common::render;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use duiden::load::load_dataset;
use duiden::model::Dataset;
use duiden::tui::app::{App, Focus};
use duiden::tui::components::hit::inner;
use duiden::tui::i18n::{action_help, key_label};
use duiden::tui::keymap::{Action, Context, KeyChord, Keymap};
use duiden::tui::popups::help;
use duiden::tui::style::ThemeKind;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

fn sample() -> Dataset {
    load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap()
}

/// Every key a terminal can send that a keymap could name.
fn all_key_events() -> Vec<KeyEvent> {
    let mods = [
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ];
    let mut codes: Vec<KeyCode> = (0x20u8..0x7f).map(|b| KeyCode::Char(b as char)).collect();
    codes.extend([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Delete,
        KeyCode::Backspace,
        KeyCode::Insert,
    ]);
    codes.extend((1..=12).map(KeyCode::F));
    codes
        .into_iter()
        .flat_map(|c| mods.iter().map(move |m| KeyEvent::new(c, *m)))
        .collect()
}

#[test]
fn every_key_of_every_context_does_what_the_help_says() {
    let keymap = Keymap::default();
    let events = all_key_events();
    for ctx in Context::ALL {
        // What dispatch does with each key, by the help's own words for the action.
        let mut dispatched: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for ev in &events {
            if let Some(action) = keymap.action(*ctx, *ev) {
                dispatched
                    .entry(action_help(action))
                    .or_default()
                    .insert(key_label(&KeyChord::from_event(*ev)));
            }
        }
        // What the help overlay lists for this context.
        let mut listed: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for (_, rows) in help::rows(&keymap, *ctx) {
            for (keys, what) in rows {
                let set = listed.entry(what).or_default();
                set.extend(keys.split(" / ").map(str::to_string));
            }
        }
        assert_eq!(dispatched, listed, "context {}", ctx.name());
    }
}

#[test]
fn every_action_is_reachable_from_some_context() {
    let keymap = Keymap::default();
    let events = all_key_events();
    let mut reached = BTreeSet::new();
    for ctx in Context::ALL {
        for ev in &events {
            if let Some(a) = keymap.action(*ctx, *ev) {
                reached.insert(a);
            }
        }
    }
    let missing: Vec<&str> = Action::ALL
        .iter()
        .filter(|a| !reached.contains(*a))
        .map(|a| a.name())
        .collect();
    assert!(missing.is_empty(), "unreachable actions: {missing:?}");
}

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    app.handle_event(Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

fn click(app: &mut App, column: u16, row: u16) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
}

#[test]
fn trend_tab_click_and_scroll_in_browser_and_chart() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    render(&mut app, 120, 40);
    let layout = app.trend.layout(app.body());
    let list = inner(layout.browser);
    // A click selects the row under it.
    click(&mut app, list.x + 2, list.y + 1);
    assert_eq!(app.trend.focus, Focus::Browser);
    assert_eq!(app.trend.browser.selected, app.trend.browser_offset + 1);
    // Scrolling moves the selection.
    mouse(&mut app, MouseEventKind::ScrollDown, list.x + 2, list.y + 1);
    assert_eq!(app.trend.browser.selected, app.trend.browser_offset + 4);

    // A click in the plot puts the cursor on the period under it: the first period at the left.
    let plot = layout.plot.expect("a chart is shown").plot;
    click(&mut app, plot.x, plot.y + plot.height / 2);
    assert_eq!(app.trend.focus, Focus::Chart);
    assert_eq!(app.trend.cursor, Some(0));
    // Scrolling over the chart moves the cursor a period.
    mouse(&mut app, MouseEventKind::ScrollDown, plot.x, plot.y + 1);
    assert_eq!(app.trend.cursor, Some(1));
    mouse(&mut app, MouseEventKind::ScrollUp, plot.x, plot.y + 1);
    assert_eq!(app.trend.cursor, Some(0));
    // The last column is the last period.
    click(&mut app, plot.x + plot.width - 1, plot.y + 1);
    assert_eq!(app.trend.cursor, Some(app.trend.chart.periods.len() - 1));
}

#[test]
fn compare_tab_click_selects_a_row_and_scroll_moves() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowCompare);
    render(&mut app, 160, 48);
    let table = inner(app.compare.layout(app.body()).table);
    // The first line inside the border is the header; the rows follow.
    click(&mut app, table.x + 3, table.y + 1 + 2);
    assert_eq!(app.compare.view.selected, app.compare.view.offset + 2);
    let before = app.compare.view.selected;
    mouse(
        &mut app,
        MouseEventKind::ScrollDown,
        table.x + 3,
        table.y + 2,
    );
    assert_eq!(app.compare.view.selected, before + 1);
    // A click on the header selects nothing new.
    click(&mut app, table.x + 3, table.y);
    assert_eq!(app.compare.view.selected, before + 1);
}

#[test]
fn overview_tab_click_selects_a_difference() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowOverview);
    assert!(app.finish_background(Duration::from_secs(20)));
    render(&mut app, 120, 40);
    let table = inner(duiden::tui::tabs::overview::OverviewTab::layout(app.body()).table);
    click(&mut app, table.x + 3, table.y + 1 + 3);
    assert_eq!(app.overview.view.selected, 3);
    mouse(
        &mut app,
        MouseEventKind::ScrollDown,
        table.x + 3,
        table.y + 2,
    );
    assert_eq!(app.overview.view.selected, 4);
    // Enter opens what was clicked.
    let chosen = app.overview.selected_mismatch().unwrap().clone();
    app.update(Action::Activate);
    assert_eq!(app.tab, duiden::tui::tabs::Tab::Compare);
    assert_eq!(app.compare.indicator, chosen.indicator);
}

#[test]
fn popups_take_no_clicks_meant_for_the_screen_below() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::Help);
    render(&mut app, 120, 40);
    let before = app.trend.browser.selected;
    let list = inner(app.trend.layout(app.body()).browser);
    click(&mut app, list.x + 1, list.y + 5);
    assert_eq!(app.trend.browser.selected, before);
    assert!(app.popup.is_some());
}

#[test]
fn the_dataset_loads_in_the_background_at_start() {
    use duiden::tui::Screen;
    use duiden::tui::startup::Startup;
    use std::sync::Arc;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    let keymap = Arc::new(Keymap::default());
    let theme = duiden::tui::style::Theme::of(ThemeKind::Dark);
    let mut startup = Startup::dataset(dir, theme.clone(), Arc::clone(&keymap), |d| {
        App::new(d, ThemeKind::Dark)
    });
    // Until the dataset is there, the screen says what it is loading.
    let first = common::render_with(80, 24, |f| startup.draw(f));
    assert!(
        first.contains("datasets/voorbeeld") || startup.app.is_some(),
        "{first}"
    );
    startup.finish(Duration::from_secs(20));
    assert!(startup.app.is_some(), "{:?}", startup.failed);
    assert!(!startup.should_quit());
    let screen = common::render_with(80, 24, |f| startup.draw(f));
    assert!(screen.contains("Legenda"), "{screen}");

    // A dataset that does not load: the interface closes with the located errors.
    let broken = tempfile::tempdir().unwrap();
    std::fs::write(broken.path().join("dataset.toml"), "titel = \"x\"\n").unwrap();
    std::fs::write(
        broken.path().join("reeksen.csv"),
        "periode,domein\n2021-01,jeugd\n",
    )
    .unwrap();
    let mut startup = Startup::dataset(broken.path().to_path_buf(), theme, keymap, |d| {
        App::new(d, ThemeKind::Dark)
    });
    startup.finish(Duration::from_secs(20));
    assert!(startup.app.is_none());
    let why = startup.failed.clone().expect("a reason");
    assert!(why.contains("reeksen.csv:1:"), "{why}");
    assert!(startup.should_quit());
}

#[test]
fn review_mode_reads_the_session_folder_in_the_background() {
    use duiden::tui::startup::Startup;
    use std::sync::Arc;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let theme = duiden::tui::style::Theme::of(ThemeKind::Dark);
    let mut startup = Startup::sessions(dir, theme.clone(), Arc::new(Keymap::default()), {
        move |files| {
            duiden::tui::review::ReviewApp::new(
                "sessions",
                files,
                theme,
                Arc::new(|_, _| Err("niet nodig".to_string())),
            )
        }
    });
    startup.finish(Duration::from_secs(20));
    let review = startup.app.as_ref().expect("the folder was read");
    assert_eq!(review.sessions.len(), 2);
    assert!(review.broken.is_empty());
}
