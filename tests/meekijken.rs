//! A second screen: `duiden meekijken SESSIE` follows what the facilitator's duiden shows (view,
//! cursor, agenda item, presentation) from a small file beside the session, shows the item's
//! talking points the projector does not, and keeps working when the facilitator is killed.

mod common;

use common::{Tui, app_with_session, render, words};
use crossterm::event::{Event, KeyCode, KeyEvent};
use duiden::model::{Granularity, Period, ViewSpec};
use duiden::session::{AgendaItem, store, view_state};
use duiden::tui::app::App;
use duiden::tui::style::ThemeKind;
use std::ffi::OsStr;
use std::path::Path;

/// An agenda of three prepared items, the second with talking points.
fn agenda() -> Vec<AgendaItem> {
    let mut wmo = ViewSpec::trend("wmo", "instroom", &[]);
    wmo.granularity = Some(Granularity::Quarter);
    let mut items = vec![
        AgendaItem::of_view(ViewSpec::trend("jeugd", "instroom", &[]), "Instroom jeugd"),
        AgendaItem::of_view(wmo, "Wmo per kwartaal"),
        AgendaItem::of_view(
            ViewSpec::trend("participatie", "uitstroom", &[]),
            "Uitstroom",
        ),
    ];
    items[1].note = "Vraag de aanbieders naar de wachtlijst van maart.".into();
    items
}

fn key(app: &mut App, c: char) {
    app.handle_event(Event::Key(KeyEvent::from(KeyCode::Char(c))));
}

#[test]
fn the_follower_shows_the_facilitators_item_view_and_cursor_with_the_talking_points() {
    let dir = tempfile::tempdir().unwrap();
    let (mut facilitator, path) = app_with_session(dir.path());
    facilitator
        .shared
        .session
        .as_mut()
        .unwrap()
        .writer()
        .unwrap()
        .set_agenda(agenda())
        .unwrap();
    let dataset = duiden::load::load_dataset(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"),
    )
    .unwrap();
    let mut follower =
        App::new(dataset, ThemeKind::Dark).following(path.clone(), store::load(&path).unwrap());
    key(&mut facilitator, ']');
    key(&mut facilitator, ']');
    // The cursor moved on the facilitator's chart: the follower follows that too.
    facilitator.trend.cursor = facilitator
        .trend
        .chart
        .periods
        .iter()
        .position(|p| *p == Period::quarter(2023, 2));
    key(&mut facilitator, 'P');
    let state = view_state::read(&view_state::path_for(&path)).unwrap();
    assert_eq!(state.agenda_item, Some(1));
    assert!(state.presentation);
    std::thread::sleep(std::time::Duration::from_millis(250));
    assert!(follower.tick(), "the follower saw a change");
    let status = follower.agenda_status().expect("the walk");
    assert_eq!((status.number, status.count), (2, 4));
    assert_eq!(follower.current_view(), facilitator.current_view());
    assert!(follower.presentation);
    assert_eq!(
        follower.trend.cursor_period(),
        Some(Period::quarter(2023, 2))
    );
    // The follower sees the talking points; the projector (the facilitator's screen) does not.
    let seen = words(&render(&mut follower, 120, 40));
    assert!(
        seen.contains("Vraag de aanbieders naar de wachtlijst van maart."),
        "{seen}"
    );
    assert!(seen.contains("agendapunt 2/4"), "{seen}");
    let shown = words(&render(&mut facilitator, 120, 40));
    assert!(!shown.contains("wachtlijst van maart"), "{shown}");
    // The follower does not steer.
    key(&mut follower, ']');
    assert_eq!(follower.agenda_status().unwrap().number, 2);
    assert!(
        follower
            .shared
            .message
            .as_deref()
            .unwrap_or("")
            .contains("facilitator")
    );
}

#[test]
fn two_processes_the_follower_follows_and_survives_the_facilitator() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = duiden::load::load_dataset(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"),
    )
    .unwrap();
    let path = dir.path().join("2026-11-26-sessie.toml");
    let mut session = duiden::session::Session::new(
        "Sessie",
        "2026-11-26".parse().unwrap(),
        duiden::session::DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    session.agenda = agenda();
    store::save_atomic(&path, &session).unwrap();
    let (p, d) = (path.as_os_str(), dir.path().as_os_str());
    let mut facilitator = Tui::spawn(&[OsStr::new("--sessies"), d, OsStr::new("--sessie"), p]);
    facilitator.wait_for("Legenda");
    let mut follower = Tui::spawn(&[OsStr::new("meekijken"), p]);
    follower.wait_for("volgt de facilitator");
    facilitator.send("]");
    facilitator.wait_for("agendapunt 1/4");
    facilitator.send("]");
    facilitator.wait_for("agendapunt 2/4");
    // Within a second the follower shows the facilitator's second item, with its notes.
    let screen = follower.wait_for("agendapunt 2/4");
    assert!(screen.contains("Wmo per kwartaal"), "{screen}");
    follower.wait_for("wachtlijst van maart");
    // The facilitator is killed: the follower keeps its view and still answers.
    facilitator.signal("KILL");
    facilitator.wait_exit();
    follower.send("?");
    follower.wait_for("Toetsen");
    follower.send("\x1b");
    follower.wait_gone("Toetsen");
    follower.send("q");
    assert!(follower.wait_exit().success());
}

#[test]
fn a_damaged_view_file_is_named_and_the_follower_keeps_going() {
    let dir = tempfile::tempdir().unwrap();
    let (_facilitator, path) = app_with_session(dir.path());
    std::fs::write(view_state::path_for(&path), "formaat = 1\nvraag = \"x\"\n").unwrap();
    let dataset = duiden::load::load_dataset(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"),
    )
    .unwrap();
    let mut follower =
        App::new(dataset, ThemeKind::Dark).following(path.clone(), store::load(&path).unwrap());
    let m = follower.shared.message.clone().unwrap_or_default();
    assert!(m.contains(".beeld") && m.contains("onleesbaar"), "{m}");
    // The facilitator writes a good one: the follower follows it.
    let state = view_state::ViewState {
        format: view_state::FORMAT,
        presentation: true,
        ..Default::default()
    };
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(view_state::path_for(&path), state.to_text()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(250));
    follower.tick();
    assert!(follower.presentation);
}
