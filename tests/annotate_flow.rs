//! Capture flow on the app state (no terminal): keys in, session file out.

mod common;

use common::app_with_session;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use duiden::analysis::MismatchKind;
use duiden::load::load_dataset;
use duiden::model::{Period, ViewKind};
use duiden::session::{AnnotationKind, DatasetRef, QuestionStatus, Session, store};
use duiden::tui::app::{App, SessionSetup};
use duiden::tui::style::ThemeKind;
use duiden::tui::tabs::Tab;
use std::path::Path;

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// A key, then whatever it started in the background finished (as the event loop would).
fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(key(c));
    }
}

#[test]
fn annotation_on_a_flagged_difference_records_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    app.handle_key(key('2'));
    assert_eq!(app.tab, Tab::Compare);
    // Row of 2021-H1: the CBS trend break.
    let row = app
        .compare
        .table
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .position(|r| r.period.code() == "2021-H1")
        .unwrap();
    app.compare.view.selected = row;
    app.handle_key(key('a'));
    app.handle_key(key('v'));
    typed(&mut app, "CBS telt vanaf 2021 nieuwe aanbieders mee");
    press(&mut app, KeyCode::Enter);
    let table = app.compare.table.clone().unwrap();
    let saved = store::load(&path).unwrap();
    let a = &saved.annotations[0];
    assert_eq!(a.kind, AnnotationKind::Verklaring);
    assert_eq!(
        a.anchor.range(),
        (Period::half(2021, 1), Period::half(2021, 1))
    );
    // The view the room saw: the comparison, its period length and reference.
    assert_eq!(a.anchor.view, ViewKind::Compare);
    assert_eq!(a.anchor.granularity, Some(table.granularity));
    assert_eq!(a.anchor.reference, table.reference);
    // The difference as fields, not a sentence.
    let d = a
        .anchor
        .differences
        .iter()
        .find(|d| d.kind == MismatchKind::TrendBreak)
        .unwrap_or_else(|| panic!("{:?}", a.anchor.differences));
    assert_eq!(d.period, Period::half(2021, 1));
    assert!(!d.reference.is_empty());
    assert!(a.anchor.legacy_difference.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("weergave = \"vergelijken\"") && text.contains("soort = \"trendbreuk\""),
        "{text}"
    );
}

#[test]
fn capture_edit_status_delete_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    // Chart focus, a point, onderzoeksvraag.
    press(&mut app, KeyCode::Tab);
    app.handle_key(key('a'));
    app.handle_key(key('q'));
    typed(&mut app, "Waar gaan jongeren heen na uitstroom?");
    // Alt-Enter is a new line, Enter saves.
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    typed(&mut app, "Na anderhalf jaar nog positief?");
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(
        s.annotations[0].text,
        "Waar gaan jongeren heen na uitstroom?\nNa anderhalf jaar nog positief?"
    );
    assert_eq!(s.annotations[0].status, Some(QuestionStatus::Open));

    // In the list: next status, then delete, then undo the delete.
    press(&mut app, KeyCode::Tab);
    app.handle_key(key('s'));
    assert_eq!(
        store::load(&path).unwrap().annotations[0].status,
        Some(QuestionStatus::Geagendeerd)
    );
    app.handle_key(key('x'));
    assert!(store::load(&path).unwrap().annotations.is_empty());
    app.handle_key(key('u'));
    let s = store::load(&path).unwrap();
    assert_eq!(s.annotations.len(), 1, "undo puts it back in the file");
    assert_eq!(s.annotations[0].status, Some(QuestionStatus::Geagendeerd));

    // Edit: change the kind with Ctrl-T and save.
    app.handle_key(key('e'));
    app.handle_key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL));
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    assert_eq!(s.annotations[0].kind, AnnotationKind::Actie);

    // Minutes next to the session file.
    press(&mut app, KeyCode::Char('n'));
    let md = std::fs::read_to_string(path.with_extension("md")).unwrap();
    assert!(md.contains("Waar gaan jongeren heen na uitstroom?"), "{md}");
}

#[test]
fn escape_cancels_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    let before = std::fs::read(&path).unwrap();
    press(&mut app, KeyCode::Tab);
    app.handle_key(key('a'));
    press(&mut app, KeyCode::Char('o'));
    typed(&mut app, "weg ermee");
    press(&mut app, KeyCode::Esc);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn new_session_starts_with_the_last_group_and_ctrl_p_picks_who_said_it() {
    use duiden::session::{Participant, Role};
    let dir = tempfile::tempdir().unwrap();
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let mut earlier = Session::new(
        "Vorige keer",
        "2026-09-10".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    earlier.facilitator = "Marieke".into();
    earlier.participants = vec![Participant {
        name: "Sanne".into(),
        role: Role::Aanbieder,
        organisation: "De Brug".into(),
    }];
    store::save_atomic(&dir.path().join("2026-09-10-vorige-keer.toml"), &earlier).unwrap();
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, None);
    press(&mut app, KeyCode::Enter); // Nieuwe sessie
    press(&mut app, KeyCode::Enter); // default title
    press(&mut app, KeyCode::Esc); // follow-up
    let state = app.shared.session.as_ref().expect("session created");
    assert_eq!(state.session().facilitator, "Marieke");
    assert_eq!(state.session().participants.len(), 1);
    let path = state.path().to_path_buf();

    press(&mut app, KeyCode::Tab);
    app.handle_key(key('a'));
    app.handle_key(key('v'));
    app.handle_key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL));
    typed(&mut app, "Cliënten wachten langer op een beschikking");
    press(&mut app, KeyCode::Enter);
    let saved = store::load(&path).unwrap();
    let a = &saved.annotations[0];
    assert_eq!((a.name.as_str(), a.role), ("Sanne", Role::Aanbieder));
}

#[test]
fn the_annotation_form_records_readings_per_role_of_an_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    use duiden::session::Role;
    let ctrl = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Tab);
    app.handle_key(key('a'));
    app.handle_key(key('v'));
    typed(&mut app, "Wachtlijsten bij aanbieders");
    app.handle_key(ctrl('l')); // toegang steunt
    app.handle_key(ctrl('g')); // aanbieder
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('l')); // aanbieder niet eens
    let screen = common::render(&mut app, 120, 36);
    assert!(
        screen.contains("lezing per rol: toegang steunt · [aanbieder niet eens]"),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    let saved = store::load(&path).unwrap();
    let a = saved.annotations.last().unwrap();
    assert_eq!(a.kind, AnnotationKind::Verklaring);
    assert_eq!(
        (a.support.clone(), a.disagree.clone()),
        (vec![Role::Toegang], vec![Role::Aanbieder])
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("steun = [\"toegang\"]\nniet_eens = [\"aanbieder\"]\n"),
        "{text}"
    );
}

#[test]
fn session_header_is_edited_as_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    app.handle_key(key('i'));
    // The form starts with "facilitator: "; type the name, then a participant and an agenda item.
    app.handle_key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
    typed(&mut app, "Marieke");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "deelnemer: Fatima | baas");
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    app.handle_key(ctrl_s);
    // A role that does not exist is refused with its line; nothing is written.
    assert!(store::load(&path).unwrap().participants.is_empty());
    assert!(app.popup.is_some(), "the form stays open with the error");
    for _ in 0.."baas".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "toegang | WIJeindhoven");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "agenda: jeugd/instroom | instroom per bron");
    app.handle_key(ctrl_s);
    let s = store::load(&path).unwrap();
    assert_eq!(s.facilitator, "Marieke");
    assert_eq!(s.participants[0].name, "Fatima");
    assert_eq!(s.participants[0].organisation, "WIJeindhoven");
    assert_eq!(
        (s.agenda[0].domain.as_str(), s.agenda[0].indicator.as_str()),
        ("jeugd", "instroom")
    );
}

#[test]
fn esc_with_typed_text_asks_before_discarding() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    press(&mut app, KeyCode::Tab);
    app.handle_key(key('a'));
    app.handle_key(key('o'));
    typed(&mut app, "Bijna vergeten");
    // The first Esc asks; the form and its text stay.
    press(&mut app, KeyCode::Esc);
    assert!(
        app.popup.is_some(),
        "one Esc does not throw typed text away"
    );
    let screen = common::render(&mut app, 120, 40);
    assert!(screen.contains("Getypte tekst weggooien?"), "{screen}");
    // Typing on forgets the question; Enter saves what was typed.
    typed(&mut app, "!");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        store::load(&path).unwrap().annotations[0].text,
        "Bijna vergeten!"
    );

    // Two Esc in a row discard; an empty form closes at the first.
    app.handle_key(key('a'));
    app.handle_key(key('o'));
    typed(&mut app, "weg ermee");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
    app.handle_key(key('a'));
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
    assert_eq!(store::load(&path).unwrap().annotations.len(), 1);
}

#[test]
fn start_offers_recent_sessions_and_looking_can_become_a_session() {
    use duiden::tui::app::Popup;
    use duiden::tui::popups::start::StartOption;
    let dir = tempfile::tempdir().unwrap();
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let earlier = Session::new(
        "September",
        "2026-09-10".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    store::save_atomic(&dir.path().join("2026-09-10-september.toml"), &earlier).unwrap();
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, None);
    // An earlier session (not of today) is offered to continue.
    let Some(Popup::Start(form)) = &app.popup else {
        panic!("the start offers sessions");
    };
    assert!(
        matches!(&form.options[0], StartOption::Continue { title, .. } if title == "September")
    );
    // Only looking first ...
    press(&mut app, KeyCode::Esc);
    assert!(app.shared.session.is_none());
    // ... then S offers the choice again, and a new session starts without restarting.
    app.handle_key(KeyEvent::new(KeyCode::Char('S'), KeyModifiers::SHIFT));
    assert!(matches!(app.popup, Some(Popup::Start(_))));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let open = app.shared.session.as_ref().expect("a session now");
    assert!(open.read_only().is_none());
    assert!(open.path().exists());
}

#[test]
fn the_annotation_list_names_who_said_it_and_the_owner() {
    use duiden::session::{Anchor, Annotation, Role};
    let dir = tempfile::tempdir().unwrap();
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let mut session = Session::new(
        "Test",
        "2026-11-23".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    let h2 = Period::half(2024, 2);
    session.add(Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind: AnnotationKind::Onderzoeksvraag,
        text: "Waarom daalt het?".into(),
        role: Role::Aanbieder,
        name: "Sanne".into(),
        time: duiden::session::now_local(),
        status: None,
        owner: "Pim".into(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Default::default(),
        anchor: Anchor::new(
            "jeugd",
            "instroom",
            vec!["gemeente-registratie".into()],
            h2,
            h2,
        ),
    });
    let path = dir.path().join("2026-11-23-test.toml");
    store::save_atomic(&path, &session).unwrap();
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, Some((path, session)));
    // 170 wide: "[nieuw]" (formerly "[open]") takes one column more than 160 leaves the owner.
    let screen = common::render(&mut app, 170, 48);
    assert!(screen.contains("Sanne (aanbieder)"), "{screen}");
    assert!(screen.contains("eigenaar: Pim"), "{screen}");
}

/// Issue 16.11: a session file of today that cannot be read is listed with why, opening it
/// shows the whole error and keeps the choice, and a new session says it becomes a file beside it.
#[test]
fn the_start_lists_an_unreadable_session_of_today_with_why() {
    use duiden::tui::app::Popup;
    use duiden::tui::popups::start::StartOption;
    let dir = tempfile::tempdir().unwrap();
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let name = format!("{}-duiden-van-data.toml", duiden::session::today());
    let broken = dir.path().join(&name);
    let bytes = "formaat = 3\ntitel = \"Vandaag\"\ndatum = kapot\n";
    std::fs::write(&broken, bytes).unwrap();
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, None);
    let Some(Popup::Start(form)) = &app.popup else {
        panic!("the start offers sessions");
    };
    let StartOption::Unreadable { path, why } = &form.options[0] else {
        panic!("{:?}", form.options);
    };
    assert_eq!(path, &broken);
    assert!(why.starts_with(&format!("{name}:3:9: ")), "{why}");
    let screen = common::render(&mut app, 100, 30);
    assert!(screen.contains("⚠ Kan niet lezen:"), "{screen}");
    assert!(screen.contains(&format!("{name}:3:9")), "{screen}");
    // Opening it: the whole error, the choice stays, the file is untouched.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.popup, Some(Popup::Start(_))));
    let message = app.shared.message.clone().unwrap_or_default();
    assert!(message.contains(":3:9: "), "{message}");
    // A new session says it becomes a separate file; the broken one stays as it was.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let screen = common::render(&mut app, 100, 30);
    assert!(screen.contains("kan niet gelezen"), "{screen}");
    press(&mut app, KeyCode::Enter);
    let open = app.shared.session.as_ref().expect("a new session");
    assert_ne!(open.path(), broken.as_path());
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), bytes);
}

/// Issue 16.10: the interface says a dataset has warnings (the sample has none).
#[test]
fn the_interface_says_the_dataset_has_warnings() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    let data = tempfile::tempdir().unwrap();
    for file in ["dataset.toml", "reeksen.csv"] {
        std::fs::copy(sample.join(file), data.path().join(file)).unwrap();
    }
    let open = |dir: &Path| {
        let setup = SessionSetup {
            dir: tempfile::tempdir().unwrap().path().to_path_buf(),
            dataset_pad: "d".into(),
        };
        App::new(load_dataset(dir).unwrap(), ThemeKind::Dark)
            .with_sessions(setup, None)
            .with_warnings_noted()
    };
    assert_eq!(open(&sample).shared.message, None);
    let meta = std::fs::read_to_string(sample.join("dataset.toml")).unwrap();
    let odd = meta.replacen("ritme = \"", "ritme = \"twee", 1);
    assert_ne!(odd, meta);
    std::fs::write(data.path().join("dataset.toml"), odd).unwrap();
    let message = open(data.path()).shared.message.unwrap_or_default();
    assert_eq!(
        message,
        "1 waarschuwing bij de dataset; `duiden controleer` toont waar"
    );
}

/// The status line (the screen's last row) at 80×24.
fn status_row(app: &mut App) -> String {
    let screen = common::render(app, 80, 24);
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
fn undo_and_redo_say_what_they_did_and_the_next_key_brings_the_hints_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    press(&mut app, KeyCode::Tab);
    app.handle_key(key('a'));
    app.handle_key(key('v'));
    typed(&mut app, "Corona verklaart de dip");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    // The key cleared the message of the save: the hints of the annotation list.
    let hints = status_row(&mut app);
    assert!(hints.contains("? hulp"), "{hints}");
    app.handle_key(key('x'));
    assert!(store::load(&path).unwrap().annotations.is_empty());

    app.handle_key(key('u'));
    let row = status_row(&mut app);
    assert!(
        row.contains("ongedaan gemaakt: aantekening verwijderd"),
        "{row}"
    );
    assert_eq!(store::load(&path).unwrap().annotations.len(), 1);
    app.handle_key(key('U'));
    let row = status_row(&mut app);
    assert!(
        row.contains("opnieuw gedaan: aantekening verwijderd"),
        "{row}"
    );
    assert!(store::load(&path).unwrap().annotations.is_empty());
    // The message is too long to share the row with the hints at 80 columns; the next key
    // (one that says nothing itself) clears it and the hints are back.
    assert!(!row.contains("? hulp"), "{row}");
    press(&mut app, KeyCode::Down);
    let row = status_row(&mut app);
    assert!(!row.contains("opnieuw gedaan"), "{row}");
    assert_eq!(row, hints);
}

/// Issue 16.7: O twice never breaks the lock of a holder still running on this machine (here:
/// this very process); it says who holds it, since when (with the date), and that it runs.
#[test]
fn take_over_never_breaks_a_running_holder_of_this_machine() {
    use duiden::session::{OpenSession, SessionWriter};
    let dir = tempfile::tempdir().unwrap();
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let path = dir.path().join("2026-11-26-houder.toml");
    let session = Session::new(
        "Houder",
        "2026-11-26".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    store::save_atomic(&path, &session).unwrap();
    let holder: SessionWriter = match OpenSession::open(path.clone(), session.clone()) {
        OpenSession::Writable(w) => w,
        OpenSession::ReadOnly { .. } => panic!("the first opener writes"),
    };
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, Some((path, session)));
    let day = format!("{}", duiden::session::today().day());
    for _ in 0..2 {
        press(&mut app, KeyCode::Char('O'));
        let message = app.shared.message.clone().unwrap_or_default();
        assert!(
            message.contains("draait nog op deze computer")
                && message.contains(&format!("proces {}", std::process::id()))
                && message.contains(&format!("sinds {day} ")),
            "{message}"
        );
    }
    assert!(app.shared.session.as_ref().unwrap().read_only().is_some());
    let lock = std::fs::read_to_string(store::lock_path(holder.path())).unwrap();
    assert!(
        lock.contains(&format!("pid = {}", std::process::id())),
        "{lock}"
    );
    drop(holder);
}

/// A lock of another machine is broken only after the confirmation (a second O).
#[test]
fn take_over_breaks_a_foreign_lock_after_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let path = dir.path().join("2026-11-26-elders.toml");
    let session = Session::new(
        "Elders",
        "2026-11-26".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    store::save_atomic(&path, &session).unwrap();
    let guard = std::fs::File::create(store::guard_path(&path)).unwrap();
    guard.try_lock().unwrap();
    std::fs::write(
        store::lock_path(&path),
        "user = \"Jan\"\nhost = \"andere-pc\"\npid = 4242\nsince = \"2026-11-20T16:50:00+01:00\"\n",
    )
    .unwrap();
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, Some((path, session)));
    press(&mut app, KeyCode::Char('O'));
    let message = app.shared.message.clone().unwrap_or_default();
    assert!(
        message.contains("door Jan op andere-pc sinds 20 nov 16:50 (proces 4242)")
            && message.contains("Nogmaals O verbreekt het slot"),
        "{message}"
    );
    assert!(app.shared.session.as_ref().unwrap().read_only().is_some());
    press(&mut app, KeyCode::Char('O'));
    assert!(app.shared.session.as_ref().unwrap().read_only().is_none());
    drop(guard);
}
