//! Review mode (`duiden terugkijken`) in-process: what it lists, filters and opens, drawn on
//! ratatui's TestBackend (snapshots). The end-to-end run in a terminal is in e2e_review.rs.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use duiden::load::load_dataset;
use duiden::session::store;
use duiden::tui::review::{ReviewApp, ReviewTab};
use duiden::tui::style::{Theme, ThemeKind};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Counts how often a dataset was loaded.
struct Loads(Arc<AtomicUsize>);

impl Loads {
    fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// Review of `dir`; the loader counts how often a dataset was loaded.
fn review(dir: &Path) -> (ReviewApp, Loads) {
    let loads = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&loads);
    let app = ReviewApp::new(
        "sessions",
        store::list(dir),
        Theme::of(ThemeKind::Dark),
        Arc::new(move |pad, _job| {
            counter.fetch_add(1, Ordering::SeqCst);
            load_dataset(&root().join(pad)).map_err(|e| e.to_string())
        }),
    );
    (app, Loads(loads))
}

/// A key, then whatever it started in the background finished (as the event loop would).
fn press(app: &mut ReviewApp, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    assert!(
        app.finish_background(Duration::from_secs(20)),
        "background work finished"
    );
}

fn typed(app: &mut ReviewApp, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn render(app: &mut ReviewApp, width: u16, height: u16) -> String {
    app.resize(ratatui::layout::Rect::new(0, 0, width, height));
    common::render_with(width, height, |f| duiden::tui::review::draw(f, app))
}

#[test]
fn lists_sessions_with_counts_and_annotations_by_indicator() {
    let (mut app, loads) = review(&root().join("sessions"));
    assert_eq!(app.sessions.len(), 2);
    let screen = render(&mut app, 140, 36);
    // Per session: date (in Dutch), title, annotations per kind, open questions (the merged
    // September question counts in November, where it went, not twice; the answered one is not
    // open; the geagendeerde is).
    assert!(
        screen.contains("10 sep 2026 Duiden van data: jeugd en participatie"),
        "{screen}"
    );
    assert!(
        screen.contains("o1 d1 ?2 !1 · 1 open · 1 samengevoegd"),
        "{screen}"
    );
    assert!(screen.contains("o2 v4 d3 ?3 !3 · 2 open"), "{screen}");
    // The rows: Dutch dates, and the merged question says so (both sides).
    assert!(
        screen.contains("? 10 sep 2026 januari 2022 t/m juni 2024 [samengevoegd in nr 14 (5 nov)]"),
        "{screen}"
    );
    assert!(
        screen.contains(
            "? 5 nov 2026  januari 2022 t/m december 2024 [geagendeerd · samengevoegd met nr"
        ),
        "{screen}"
    );
    assert!(!screen.contains("-26 "), "no numeric short dates: {screen}");
    assert!(
        screen.contains("Alle sessies (20 aantekeningen)"),
        "{screen}"
    );
    insta::assert_snapshot!("review_all_sessions_140x36", screen);
    // The merged question's detail names where it went and the status it follows from there.
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "Blijven mensen");
    press(&mut app, KeyCode::Enter);
    let screen = render(&mut app, 140, 36);
    assert!(
        screen.contains("gemeente-registratie · samengevoegd in nr 14 (5 nov)")
            && screen.contains("(geagendeerd)"),
        "{screen}"
    );
    // In the question list it is one question with both origins.
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('2'));
    let screen = render(&mut app, 140, 36);
    assert!(screen.contains("(1 samengevoegd)"), "{screen}");
    assert_eq!(
        loads.get(),
        0,
        "no dataset is loaded before a chart is opened"
    );
}

#[test]
fn tiny_terminal_says_so_in_review_mode_too() {
    let (mut app, _) = review(&root().join("sessions"));
    for (w, h) in [(20, 5), (39, 10), (40, 9)] {
        let screen = render(&mut app, w, h);
        assert_eq!(
            common::words(&screen),
            duiden::tui::i18n::t().too_small,
            "{w}×{h}:\n{screen}"
        );
    }
    assert_eq!(render(&mut app, 1, 1), "V\n");
}

#[test]
fn filters_narrow_the_list_and_search_finds_words() {
    let (mut app, _) = review(&root().join("sessions"));
    let all = app.visible_notes().len();
    assert_eq!(all, 20);
    // Kind: onderzoeksvraag (o → v → d → q).
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('f'));
    }
    assert!(
        app.visible_notes()
            .iter()
            .all(|(_, a)| a.kind == duiden::session::AnnotationKind::Onderzoeksvraag)
    );
    assert_eq!(app.visible_notes().len(), 5);
    // Status open: the September verwijzer question is geagendeerd by now, so not open.
    press(&mut app, KeyCode::Char('s'));
    let open: Vec<u64> = app.visible_notes().iter().map(|(_, a)| a.id).collect();
    assert_eq!(
        open,
        [8],
        "the LVB question; the merged September one is geagendeerd too"
    );
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(app.visible_notes().len(), all);

    // Role aanbieder, then a period, then a search.
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('r'));
    assert!(
        app.visible_notes()
            .iter()
            .all(|(_, a)| a.role == duiden::session::Role::Aanbieder)
    );
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('t'));
    typed(&mut app, "2020");
    press(&mut app, KeyCode::Enter);
    let in_2020: Vec<u64> = app.visible_notes().iter().map(|(_, a)| a.id).collect();
    assert_eq!(in_2020, [1], "only the observation on spring 2020");
    press(&mut app, KeyCode::Char('t'));
    typed(&mut app, "x");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("periode niet herkend")
    );
    press(&mut app, KeyCode::Char('x'));

    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "Verwijzer");
    let found = app.visible_notes();
    assert_eq!(found.len(), 1);
    assert!(found[0].1.text.starts_with("Via welke verwijzer"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter.text, "Verwijzer");
    let screen = render(&mut app, 140, 36);
    assert!(screen.contains("zoeken: Verwijzer"), "{screen}");
    assert!(screen.contains("Aantekeningen (1 van 20)"), "{screen}");
}

#[test]
fn enter_opens_the_chart_read_only_with_the_period_marked() {
    let (mut app, loads) = review(&root().join("sessions"));
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "voorjaar 2020");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let chart = app.chart.as_ref().expect("chart opened");
    assert_eq!(loads.get(), 1);
    // Both sources of the annotation, the range maart–september 2020 selected.
    let mut shown: Vec<&str> = chart
        .trend
        .selection
        .iter()
        .map(|k| k.bron.as_str())
        .collect();
    shown.sort();
    assert_eq!(
        shown,
        ["aanbieders-maandrapportage", "gemeente-registratie"]
    );
    let (from, to) = chart.trend.selected_range().unwrap();
    assert_eq!(
        (from.code(), to.code()),
        ("2020-03".to_string(), "2020-09".to_string())
    );
    assert!(chart.shared.session.as_ref().unwrap().read_only().is_some());
    let screen = render(&mut app, 160, 40);
    assert!(screen.contains("(alleen lezen)"), "{screen}");
    assert!(screen.contains("Esc of q: terug naar de lijst"), "{screen}");

    // Writing keys are refused.
    press(&mut app, KeyCode::Char('a'));
    let chart = app.chart.as_ref().unwrap();
    assert!(chart.popup.is_none());
    assert!(
        chart
            .shared
            .message
            .as_deref()
            .unwrap()
            .contains("alleen lezen")
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.chart.is_none());
    // A second chart from the same dataset does not load it again.
    press(&mut app, KeyCode::Enter);
    assert!(app.chart.is_some());
    assert_eq!(loads.get(), 1);
}

#[test]
fn a_changed_dataset_is_named_when_the_chart_opens() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        fs::read_to_string(root().join("sessions/2026-11-05-duiden-van-data-jeugd-en-wmo.toml"))
            .unwrap();
    // Whatever the sample's hash is now: the session says another.
    let at = text.find("hash = \"").expect("a dataset hash") + "hash = \"".len();
    let text = format!("{}0000{}", &text[..at], &text[at + 4..]);
    fs::write(dir.path().join("2026-11-05-x.toml"), text).unwrap();
    let (mut app, _) = review(dir.path());
    press(&mut app, KeyCode::Enter);
    let chart = app.chart.as_ref().expect("chart opened");
    assert!(
        chart
            .shared
            .message
            .as_deref()
            .unwrap()
            .contains("dataset is gewijzigd"),
        "{:?}",
        chart.shared.message
    );
}

#[test]
fn broken_and_foreign_files_are_listed_with_their_error() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "2026-09-10-duiden-van-data-jeugd-en-participatie.toml",
        "2026-11-05-duiden-van-data-jeugd-en-wmo.toml",
    ] {
        fs::copy(root().join("sessions").join(name), dir.path().join(name)).unwrap();
    }
    fs::write(
        dir.path().join("2026-10-01-kapot.toml"),
        "formaat = 2\ntitel = 3\n",
    )
    .unwrap();
    fs::write(dir.path().join("pyproject.toml"), "[tool.x]\ny = 1\n").unwrap();
    let (mut app, _) = review(dir.path());
    assert_eq!(app.sessions.len(), 2);
    assert_eq!(app.broken.len(), 2);
    // Select the first broken file in the session list.
    press(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    let screen = render(&mut app, 140, 36);
    assert!(screen.contains("⚠ 2026-10-01-kapot.toml"), "{screen}");
    assert!(screen.contains("⚠ pyproject.toml"), "{screen}");
    assert!(screen.contains("2026-10-01-kapot.toml:2:9:"), "{screen}");
}

#[test]
fn backlog_tab_shows_priority_criteria_and_history() {
    let (mut app, _) = review(&root().join("sessions"));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.tab, ReviewTab::Questions);
    let screen = render(&mut app, 140, 36);
    insta::assert_snapshot!("review_backlog_140x36", screen);
    // The merged question: both origins and the merge in its history.
    let i = app
        .visible_questions()
        .iter()
        .position(|q| q.origins.len() == 2)
        .unwrap();
    for _ in 0..i {
        press(&mut app, KeyCode::Down);
    }
    let screen = render(&mut app, 140, 36);
    assert!(screen.contains("ook gesteld: “Blijven mensen"), "{screen}");
    assert!(screen.contains("samengevoegd met vraag 14"), "{screen}");
}

/// A review whose loader waits until the test releases it (or 30 s, so a broken test fails
/// rather than hangs).
fn review_with_slow_loader(dir: &Path) -> (ReviewApp, std::sync::mpsc::Sender<()>) {
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let wait = std::sync::Mutex::new(wait);
    let app = ReviewApp::new(
        "sessions",
        store::list(dir),
        Theme::of(ThemeKind::Dark),
        Arc::new(move |pad, _job| {
            let _ = wait.lock().unwrap().recv_timeout(Duration::from_secs(30));
            load_dataset(&root().join(pad)).map_err(|e| e.to_string())
        }),
    );
    (app, release)
}

#[test]
fn a_slow_dataset_load_never_freezes_the_list() {
    let (mut app, release) = review_with_slow_loader(&root().join("sessions"));
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    // Straight after Enter: no chart yet, and the screen says what is being done.
    assert!(app.chart.is_none());
    assert!(app.busy());
    let screen = render(&mut app, 140, 36);
    assert!(
        screen.contains("bezig: dataset datasets/voorbeeld laden"),
        "{screen}"
    );
    // The list keeps answering while the loader is still blocked.
    let before = app.note_selected;
    app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    assert_eq!(app.note_selected, before + 1);
    assert!(app.busy(), "the loader is still waiting");
    // Released, the chart of the annotation Enter was pressed on opens.
    release.send(()).unwrap();
    assert!(app.finish_background(Duration::from_secs(20)));
    assert!(app.chart.is_some());
}

#[test]
fn esc_stops_a_dataset_load() {
    let (mut app, release) = review_with_slow_loader(&root().join("sessions"));
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.busy());
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert!(!app.busy(), "cancelled at once");
    assert!(
        app.message.as_deref().unwrap_or("").contains("gestopt"),
        "{:?}",
        app.message
    );
    release.send(()).unwrap();
    assert!(app.finish_background(Duration::from_secs(20)));
    std::thread::sleep(Duration::from_millis(50));
    app.tick();
    assert!(app.chart.is_none(), "a stopped load opens nothing");
}

#[test]
fn the_mouse_focuses_a_list_and_scrolls_it() {
    use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    let (mut app, _) = review(&root().join("sessions"));
    render(&mut app, 140, 36);
    let mouse = |app: &mut ReviewApp, kind, column, row| {
        app.handle_event(Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }))
    };
    // Scrolling over the annotations moves their selection.
    mouse(&mut app, MouseEventKind::ScrollDown, 100, 10);
    mouse(&mut app, MouseEventKind::ScrollDown, 100, 10);
    assert_eq!(app.note_selected, 2);
    // A click on the session list gives it the focus; scrolling there picks a session.
    mouse(&mut app, MouseEventKind::Down(MouseButton::Left), 5, 5);
    assert_eq!(app.focus, duiden::tui::review::ReviewFocus::Sessions);
    mouse(&mut app, MouseEventKind::ScrollDown, 5, 5);
    assert_eq!(app.session_selected, 1);
    assert_eq!(
        app.note_selected, 0,
        "a new session starts at its first annotation"
    );
}

#[test]
fn a_note_made_in_the_comparison_reopens_that_comparison() {
    use duiden::model::{Granularity, Period, ViewKind};
    use duiden::session::{Anchor, Annotation, AnnotationKind, DatasetRef, Role, Session};
    let dataset = load_dataset(&root().join("datasets/voorbeeld")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(
        "Kwartaal",
        "2026-11-05".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    let q = Period::quarter(2022, 3);
    let mut anchor = Anchor::new(
        "jeugd",
        "instroom",
        vec![
            "gemeente-registratie".into(),
            "aanbieders-maandrapportage".into(),
        ],
        q,
        q,
    );
    anchor.view = ViewKind::Compare;
    anchor.granularity = Some(Granularity::Quarter);
    anchor.reference = Some("aanbieders-maandrapportage".into());
    session.add(Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind: AnnotationKind::Verklaring,
        text: "Per kwartaal tegen de aanbieders gezet".into(),
        role: Role::Analist,
        name: String::new(),
        time: duiden::session::now_local(),
        status: None,
        owner: String::new(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Default::default(),
        anchor,
    });
    store::save_atomic(&dir.path().join("2026-11-05-kwartaal.toml"), &session).unwrap();
    let (mut app, _) = review(dir.path());
    press(&mut app, KeyCode::Enter);
    let chart = app.chart.as_ref().expect("chart opened");
    assert_eq!(chart.tab, duiden::tui::tabs::Tab::Compare);
    assert_eq!(chart.compare.granularity, Some(Granularity::Quarter));
    let table = chart.compare.table.as_ref().unwrap();
    assert_eq!(table.granularity, Granularity::Quarter);
    assert_eq!(
        table.reference.as_deref(),
        Some("aanbieders-maandrapportage")
    );
    assert_eq!(chart.compare.selected_period(), Some(q));
}
