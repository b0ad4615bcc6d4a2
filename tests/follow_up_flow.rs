//! The follow-up popup (`o`) on the app state (no terminal): weighing criteria, owners, status and
//! merges of open questions and actions, read back from the saved session file.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use duiden::load::load_dataset;
use duiden::model::Period;
use duiden::session::{
    Anchor, Annotation, AnnotationKind, Criteria, DatasetRef, QuestionStatus, Role, Session, store,
};
use duiden::tui::app::{App, Popup, SessionSetup};
use duiden::tui::popups::follow_up::FollowUp;
use duiden::tui::style::ThemeKind;
use std::path::{Path, PathBuf};

const EARLIER: &str = "2026-09-10-vorige.toml";
const CURRENT: &str = "2026-11-23-test.toml";
const EARLIER_QUESTION: &str = "Waarom stijgt de instroom in de jeugdhulp sinds 2023?";
const OWN_QUESTION: &str = "Waarom stijgt de instroom in de jeugdhulp zo?";

/// A key, then whatever it started in the background finished (as the event loop would).
fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn note(id: u64, soort: AnnotationKind, tekst: &str, eigenaar: &str) -> Annotation {
    Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id,
        kind: soort,
        text: tekst.into(),
        role: Role::Beleid,
        name: String::new(),
        time: "2026-09-10T10:00:00+02:00".parse().unwrap(),
        status: soort.has_status().then_some(QuestionStatus::Open),
        owner: eigenaar.into(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Criteria::default(),
        anchor: Anchor::new(
            "jeugd",
            "instroom",
            vec!["gemeente-registratie".into()],
            Period::month(2023, 1),
            Period::month(2023, 1),
        ),
    }
}

/// A folder with an earlier session (an observation, question 2 and action 3, owned by Pim) and
/// the current one (facilitator Marieke, own question 1 alike question 2, own action 2), on the
/// sample dataset. Returns the app with the current session open and the follow-up shown.
fn app_in_folder(dir: &Path) -> (App, PathBuf) {
    app_in_folder_with(dir, |_| {})
}

/// As [`app_in_folder`]; `before_open` runs with the current session's path before the app
/// opens it (to hold its lock, say).
fn app_in_folder_with(dir: &Path, before_open: impl FnOnce(&Path)) -> (App, PathBuf) {
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let dataset_ref = DatasetRef {
        path: "datasets/voorbeeld".into(),
        hash: dataset.content_hash.clone(),
    };
    let mut earlier = Session::new("Vorige", "2026-09-10".parse().unwrap(), dataset_ref.clone());
    earlier.annotations = vec![
        note(1, AnnotationKind::Observatie, "Instroom stijgt", ""),
        note(2, AnnotationKind::Onderzoeksvraag, EARLIER_QUESTION, ""),
        note(3, AnnotationKind::Actie, "Cijfers CBS navragen", "Pim"),
    ];
    store::save_atomic(&dir.join(EARLIER), &earlier).unwrap();
    let mut current = Session::new("Test", "2026-11-23".parse().unwrap(), dataset_ref);
    current.facilitator = "Marieke".into();
    current.annotations = vec![
        note(1, AnnotationKind::Onderzoeksvraag, OWN_QUESTION, ""),
        note(2, AnnotationKind::Actie, "Wachtlijst opvragen", ""),
    ];
    let path = dir.join(CURRENT);
    store::save_atomic(&path, &current).unwrap();
    before_open(&path);
    let setup = SessionSetup {
        dir: dir.to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app =
        App::new(dataset, ThemeKind::Dark).with_sessions(setup, Some((path.clone(), current)));
    press(&mut app, KeyCode::Char('o'));
    (app, path)
}

fn popup(app: &App) -> &FollowUp {
    match &app.popup {
        Some(Popup::FollowUp(f)) => f,
        _ => panic!("the follow-up popup is not open"),
    }
}

/// (session file, id) of every listed item, in order.
fn listed(app: &App) -> Vec<(String, u64)> {
    popup(app)
        .items
        .iter()
        .map(|i| (i.session.clone(), i.annotation.id))
        .collect()
}

/// Selects an item with the arrow keys, as the facilitator would.
fn select(app: &mut App, sessie: &str, id: u64) {
    let at = listed(app)
        .iter()
        .position(|(s, i)| s == sessie && *i == id)
        .unwrap_or_else(|| panic!("{sessie} {id} not listed: {:?}", listed(app)));
    press(app, KeyCode::Home);
    for _ in 0..at {
        press(app, KeyCode::Down);
    }
    assert_eq!(popup(app).selected, at);
}

fn message(app: &App) -> String {
    app.shared.message.clone().unwrap_or_default()
}

#[test]
fn lists_earlier_and_own_open_items_with_near_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = app_in_folder(dir.path());
    assert_eq!(
        listed(&app),
        [
            (EARLIER.to_string(), 2),
            (EARLIER.to_string(), 3),
            (CURRENT.to_string(), 1),
            (CURRENT.to_string(), 2),
        ]
    );
    let items = &popup(&app).items;
    assert_eq!(
        items.iter().map(|i| i.own).collect::<Vec<_>>(),
        [false, false, true, true]
    );
    // The two jeugdhulp questions point to each other; actions are not compared.
    assert_eq!(items[0].similar, Some(2));
    assert_eq!(items[2].similar, Some(0));
    assert_eq!(items[1].similar, None);
}

#[test]
fn weighing_criteria_of_an_earlier_and_an_own_question() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_in_folder(dir.path());

    // The default programme's criteria (no programma.toml): 1 urgentie, 2 kennishiaat, 3 slim
    // combineren, 4 haalbaarheid. Earlier question: kennishiaat twice → midden, each press
    // recorded as a change.
    select(&mut app, EARLIER, 2);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('2'));
    assert!(
        message(&app).contains("kennishiaat: midden"),
        "{}",
        message(&app)
    );
    let s = store::load(&path).unwrap();
    assert_eq!(s.changes.len(), 2);
    let last = &s.changes[1];
    assert_eq!((last.session.as_str(), last.id), (EARLIER, 2));
    assert_eq!(last.criteria.get("kennishiaat"), Some("midden"));
    assert_eq!(last.criteria.get("urgentie"), None);
    assert_eq!((last.status, last.owner.as_ref()), (None, None));
    assert_eq!(last.by, "Marieke");
    assert_eq!(
        popup(&app)
            .selected_item()
            .unwrap()
            .annotation
            .criteria
            .get("kennishiaat"),
        Some("midden"),
        "the list shows the new weight"
    );

    // Own question: urgentie once → laag, on the annotation itself; no change recorded.
    select(&mut app, CURRENT, 1);
    press(&mut app, KeyCode::Char('1'));
    let s = store::load(&path).unwrap();
    assert_eq!(s.get(1).unwrap().criteria.get("urgentie"), Some("laag"));
    assert_eq!(s.changes.len(), 2);
    assert!(
        message(&app).contains("urgentie: laag"),
        "{}",
        message(&app)
    );

    // Own question: haalbaarheid round the cycle back to not weighed.
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('4'));
    }
    assert_eq!(
        store::load(&path)
            .unwrap()
            .get(1)
            .unwrap()
            .criteria
            .get("haalbaarheid"),
        None
    );

    // An action has no criteria: nothing is written.
    let before = std::fs::read(&path).unwrap();
    select(&mut app, EARLIER, 3);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(message(&app).contains("alleen voor onderzoeksvragen"));
}

#[test]
fn owner_is_edited_in_a_one_line_field() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_in_folder(dir.path());

    // Earlier action owned by Pim: the field starts with "Pim"; replace it by BiO.
    select(&mut app, EARLIER, 3);
    press(&mut app, KeyCode::Char('e'));
    for _ in 0.."Pim".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "BiO");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("eigenaar: BiO"), "{}", message(&app));
    let s = store::load(&path).unwrap();
    assert_eq!(s.changes.len(), 1);
    let c = &s.changes[0];
    assert_eq!((c.session.as_str(), c.id), (EARLIER, 3));
    assert_eq!(c.owner.as_deref(), Some("BiO"));
    assert_eq!(c.status, None);
    assert!(c.criteria.is_empty());
    assert_eq!(popup(&app).selected_item().unwrap().annotation.owner, "BiO");

    // Own question: a q typed in the field is text (not "close"); Enter saves in place.
    select(&mut app, CURRENT, 1);
    press(&mut app, KeyCode::Char('e'));
    typed(&mut app, "Jacqueline");
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    assert_eq!(s.get(1).unwrap().owner, "Jacqueline");
    assert_eq!(s.changes.len(), 1, "own items are edited in place");

    // Esc cancels the field without writing and keeps the popup open.
    let before = std::fs::read(&path).unwrap();
    press(&mut app, KeyCode::Char('e'));
    typed(&mut app, "xyz");
    press(&mut app, KeyCode::Esc);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(popup(&app).owner.is_none());
}

#[test]
fn theme_and_readings_per_role_of_an_earlier_and_an_own_question() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_in_folder(dir.path());

    // Earlier question: the theme typed after t, recorded as a change.
    select(&mut app, EARLIER, 2);
    press(&mut app, KeyCode::Char('t'));
    typed(&mut app, "Instroom jeugdhulp");
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("thema: Instroom jeugdhulp"),
        "{}",
        message(&app)
    );
    // Readings: r chooses the role (toegang → aanbieder), l cycles its reading.
    press(&mut app, KeyCode::Char('l')); // toegang steunt
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('l')); // aanbieder: steunt → niet eens
    assert!(
        message(&app).contains("aanbieder: niet eens"),
        "{}",
        message(&app)
    );
    let s = store::load(&path).unwrap();
    let last = s.changes.last().unwrap();
    assert_eq!((last.session.as_str(), last.id), (EARLIER, 2));
    assert_eq!(last.support, Some(vec![Role::Toegang]));
    assert_eq!(last.disagree, Some(vec![Role::Aanbieder]));
    assert!(
        s.changes
            .iter()
            .any(|c| c.theme.as_deref() == Some("Instroom jeugdhulp"))
    );
    let shown = &popup(&app).selected_item().unwrap().annotation;
    assert_eq!(
        shown.theme, "Instroom jeugdhulp",
        "the list shows the theme"
    );
    assert_eq!(shown.support, [Role::Toegang]);

    // Own question: on the annotation itself; a third press takes the reading away.
    select(&mut app, CURRENT, 1);
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('l'));
    let s = store::load(&path).unwrap();
    let own = s.get(1).unwrap();
    assert!(own.support.is_empty() && own.disagree.is_empty());
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(
        store::load(&path).unwrap().get(1).unwrap().support,
        [Role::Aanbieder]
    );
}

#[test]
fn status_of_an_earlier_item_walks_the_lifecycle_as_recorded_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_in_folder(dir.path());
    select(&mut app, EARLIER, 2);
    // s offers the allowed next statuses; Enter takes the first (geagendeerd).
    press(&mut app, KeyCode::Char('s'));
    let screen = common::render(&mut app, 120, 36);
    assert!(
        screen.contains("Nieuwe status van V-0001 (nu: nieuw)"),
        "{screen}"
    );
    assert!(
        !screen.contains("beantwoord"),
        "no jump to beantwoord:\n{screen}"
    );
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    let c = &s.changes[0];
    assert_eq!(c.status, Some(QuestionStatus::Geagendeerd));
    assert_eq!((c.owner.as_ref(), c.criteria.is_empty()), (None, true));
    assert_eq!(c.by, "Marieke", "the facilitator by default");
    assert!(message(&app).contains("status: geagendeerd"));

    // In onderzoek, then beantwoord with the answer, its result, who and why.
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("nodig"),
        "an empty answer is not taken"
    );
    typed(&mut app, "Vooral via de huisarts.");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "BiO-notitie Verwijzers");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "intranet");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "MT akkoord");
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    let c = s.changes.last().unwrap();
    assert_eq!(c.status, Some(QuestionStatus::Beantwoord));
    assert_eq!(c.answer, "Vooral via de huisarts.");
    let r = c.result.as_ref().unwrap();
    assert_eq!(
        (r.titel.as_str(), r.vindplaats.as_str()),
        ("BiO-notitie Verwijzers", "intranet")
    );
    assert_eq!((c.by.as_str(), c.note.as_str()), ("Marieke", "MT akkoord"));
    // No longer open, but listed until the popup closes; reopening asks why.
    let item = popup(&app).selected_item().unwrap();
    assert_eq!(
        (
            item.session.as_str(),
            item.annotation.id,
            item.annotation.status
        ),
        (EARLIER, 2, Some(QuestionStatus::Beantwoord))
    );
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("nodig"));
    typed(&mut app, "Nieuwe cijfers");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let c = store::load(&path).unwrap().changes.last().unwrap().clone();
    assert_eq!(
        (c.status, c.note.as_str()),
        (Some(QuestionStatus::Open), "Nieuwe cijfers")
    );
    // Vervallen (the second choice from nieuw) with a reason: not offered again once reopened.
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "Dubbel");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        store::load(&path).unwrap().changes.last().unwrap().status,
        Some(QuestionStatus::Vervallen)
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('o'));
    assert!(!listed(&app).contains(&(EARLIER.to_string(), 2)));
}

#[test]
fn esc_leaves_the_status_step_without_a_change_and_shift_k_links_by_code() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_in_folder(dir.path());
    select(&mut app, EARLIER, 2);
    let before = std::fs::read(&path).unwrap();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_some(), "the popup stays");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // K: the kind (hangt samen met first), then the other question (V-0002, this session's).
    press(&mut app, KeyCode::Char('K'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("V-0001 hangt samen met V-0002"),
        "{}",
        message(&app)
    );
    let c = store::load(&path).unwrap().changes.last().unwrap().clone();
    assert_eq!(c.links.len(), 1);
    assert_eq!(c.links[0].code.to_string(), "V-0002");
}

#[test]
fn merging_an_own_question_into_an_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_in_folder(dir.path());

    // m then Esc: the mark is gone, the popup stays.
    select(&mut app, CURRENT, 1);
    press(&mut app, KeyCode::Char('m'));
    assert!(popup(&app).merge_from.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(popup(&app).merge_from.is_none());

    // Actions do not merge.
    select(&mut app, CURRENT, 2);
    press(&mut app, KeyCode::Char('m'));
    assert!(popup(&app).merge_from.is_none());
    assert!(message(&app).contains("alleen onderzoeksvragen"));

    // Own question 1 into the earlier question 2.
    select(&mut app, CURRENT, 1);
    press(&mut app, KeyCode::Char('m'));
    select(&mut app, EARLIER, 2);
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(
        message(&app),
        format!("vraag 1 samengevoegd met vraag 2 ({EARLIER}) (opgeslagen)")
    );
    let s = store::load(&path).unwrap();
    assert_eq!(s.merges.len(), 1);
    let m = &s.merges[0];
    assert_eq!((m.session.as_str(), m.id), (CURRENT, 1));
    assert_eq!((m.into_session.as_str(), m.into_id), (EARLIER, 2));
    assert_eq!(m.by, "Marieke");
    assert!(s.changes.is_empty());
    assert!(
        !listed(&app).contains(&(CURRENT.to_string(), 1)),
        "{:?}",
        listed(&app)
    );
    assert_eq!(popup(&app).selected_item().unwrap().annotation.id, 2);
    assert!(
        popup(&app).items.iter().all(|i| i.similar.is_none()),
        "no duplicate left"
    );

    // Opened again from the folder: still gone.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('o'));
    assert!(!listed(&app).contains(&(CURRENT.to_string(), 1)));
}

#[test]
fn undo_of_an_own_item_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_in_folder(dir.path());
    select(&mut app, CURRENT, 1);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('3'));
    let s = store::load(&path).unwrap();
    let a = s.get(1).unwrap();
    assert_eq!(a.status, Some(QuestionStatus::Geagendeerd));
    assert_eq!(a.criteria.get("slim_combineren"), Some("laag"));

    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
    press(&mut app, KeyCode::Char('u'));
    let a = store::load(&path).unwrap().get(1).unwrap().clone();
    assert_eq!(a.criteria.get("slim_combineren"), None);
    assert_eq!(a.status, Some(QuestionStatus::Geagendeerd));
    press(&mut app, KeyCode::Char('u'));
    let a = store::load(&path).unwrap().get(1).unwrap().clone();
    assert_eq!(a.status, Some(QuestionStatus::Open));
}

#[test]
fn read_only_session_refuses_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut lock = None;
    let (mut app, path) = app_in_folder_with(dir.path(), |p| {
        lock = Some(store::acquire(p).unwrap());
    });
    assert!(matches!(lock, Some(store::LockOutcome::Acquired(_))));
    let before = std::fs::read(&path).unwrap();
    select(&mut app, EARLIER, 2);
    for c in ['s', '1', 'm'] {
        app.shared.message = None;
        press(&mut app, KeyCode::Char(c));
        assert!(
            message(&app).contains("alleen lezen"),
            "{c}: {}",
            message(&app)
        );
    }
    assert!(popup(&app).merge_from.is_none(), "no mark in vain");
    press(&mut app, KeyCode::Char('e'));
    assert!(popup(&app).owner.is_none(), "no field to type in vain");
    select(&mut app, CURRENT, 1);
    press(&mut app, KeyCode::Char('2'));
    assert!(message(&app).contains("alleen lezen"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn follow_up_popup_120x36() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in_folder(dir.path());
    select(&mut app, EARLIER, 2);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('1'));
    select(&mut app, CURRENT, 1);
    press(&mut app, KeyCode::Char('m'));
    let screen = common::render(&mut app, 120, 36);
    for text in [
        "Openstaande vragen en acties",
        "1 urgen hoog · 2 kenni – · 3 slim – · 4 haalb – · 5 data – · 6 belas –",
        // Numbers of different sessions never read alike: the earlier ones carry their day.
        "onderzoeksvraag V-0001 nr 2 (10 sep) [nieuw]",
        "actie A-0002 nr 2 [nieuw]",
        "lijkt op nr 2 (10 sep)",
        "lijkt op nr 1 (deze sessie)",
        "deze sessie",
        "eigenaar Pim",
        "wordt samengevoegd",
        "2 kennishiaat, 3 slim combineren",
    ] {
        assert!(screen.contains(text), "{text} missing in\n{screen}");
    }
    let f = popup(&app);
    let labels: Vec<String> = f.items.iter().map(|i| f.label(i)).collect();
    let mut unique = labels.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), labels.len(), "a label repeats: {labels:?}");
    insta::assert_snapshot!(screen);
}

#[test]
fn follow_up_popup_on_small_terminals_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in_folder(dir.path());
    press(&mut app, KeyCode::Char('e'));
    for (w, h) in [(40, 10), (60, 16), (80, 24), (1, 1)] {
        let screen = common::render(&mut app, w, h);
        assert!(!screen.trim().is_empty());
    }
}

#[test]
fn the_example_sessions_list_no_number_twice() {
    // The example sessions (September's question 4 merged into November's 14) and a new
    // session whose own items have numbers the earlier ones have too.
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for (name, _) in store::list_ok(&examples) {
        std::fs::copy(examples.join(&name), dir.path().join(&name)).unwrap();
    }
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let recorded = store::list_ok(dir.path())[0].1.dataset.clone();
    let mut current = Session::new("Vandaag", "2026-11-23".parse().unwrap(), recorded);
    current.annotations = (1..=8)
        .map(|id| note(id, AnnotationKind::Actie, &format!("Actie {id}"), ""))
        .collect();
    let path = dir.path().join(CURRENT);
    store::save_atomic(&path, &current).unwrap();
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, Some((path, current)));
    press(&mut app, KeyCode::Char('o'));
    let f = popup(&app);
    let earlier: Vec<&str> = f
        .items
        .iter()
        .filter(|i| !i.own)
        .map(|i| i.session.as_str())
        .collect();
    assert!(
        !earlier.is_empty(),
        "the example sessions' open items are listed"
    );
    assert!(
        !f.items
            .iter()
            .any(|i| i.session.starts_with("2026-09-10") && i.annotation.id == 4),
        "the merged September question is followed up as November's 14"
    );
    let labels: Vec<String> = f.items.iter().map(|i| f.label(i)).collect();
    let mut unique = labels.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), labels.len(), "a label repeats: {labels:?}");
    assert!(labels.contains(&"nr 7 (5 nov)".to_string()), "{labels:?}");
    assert!(labels.contains(&"nr 7".to_string()), "{labels:?}");
    let screen = common::render(&mut app, 120, 36);
    assert!(
        screen.contains("actie A-0002 nr 7 (5 nov) [nieuw]"),
        "{screen}"
    );
}

#[test]
fn an_answered_question_is_shown_under_the_chart_of_its_indicator_in_a_later_session() {
    // The example sessions: November's V-0003 on jeugd · instroom is answered with a BiO note.
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for (name, _) in store::list_ok(&examples) {
        std::fs::copy(examples.join(&name), dir.path().join(&name)).unwrap();
    }
    let dataset =
        load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")).unwrap();
    let recorded = store::list_ok(dir.path())[0].1.dataset.clone();
    let current = Session::new("Later", "2027-01-14".parse().unwrap(), recorded);
    let path = dir.path().join("2027-01-14-later.toml");
    store::save_atomic(&path, &current).unwrap();
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, Some((path, current)));
    let screen = common::render(&mut app, 160, 48);
    assert!(
        screen.contains("hierover is onderzoek gedaan: V-0003 Het verschil komt door het"),
        "{screen}"
    );
    assert!(
        screen.contains("(BiO-notitie Aansluiting instroom jeugdhulp"),
        "{screen}"
    );
}

fn press_shift(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT));
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
}

#[test]
fn the_agenda_session_walks_the_questions_weighs_and_decides() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_in_folder(dir.path());
    select(&mut app, EARLIER, 3); // an action: the agenda session starts at the next question
    press(&mut app, KeyCode::Char('a'));
    assert!(popup(&app).agenda);
    let shown = |app: &App| popup(app).selected_item().unwrap().item_ref();
    assert_eq!(shown(&app).session, CURRENT);
    press(&mut app, KeyCode::Left);
    assert_eq!((shown(&app).session.as_str(), shown(&app).id), (EARLIER, 2));
    press(&mut app, KeyCode::Left);
    assert_eq!(shown(&app).id, 2, "the first question stays");

    // Weigh with the room: 1 urgentie twice → midden; 6 belasting once → laag.
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('6'));
    let screen = common::render(&mut app, 120, 40);
    for text in [
        "Agendasessie · vraag 1 van 2",
        EARLIER_QUESTION,
        "instroom · januari 2023 — gesteld 10 september 2026 in Vorige, door",
        "urgentie",
        "midden",
        "Is de vraag gedeeld, en door wie",
        "prioriteit 5 van 18",
        "Besluit: nieuw",
    ] {
        assert!(screen.contains(text), "{text} missing in\n{screen}");
    }

    // The decision with its reason, saved at once as a change of this session.
    press_shift(&mut app, 'A');
    typed(&mut app, "Past in het voorjaarsonderzoek");
    let screen = common::render(&mut app, 120, 40);
    assert!(screen.contains("Reden voor geagendeerd"), "{screen}");
    insta::assert_snapshot!("agenda_session_120x40", screen);
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("besluit: geagendeerd — Past in het voorjaarsonderzoek"),
        "{}",
        message(&app)
    );
    let s = store::load(&path).unwrap();
    let decision = s.changes.last().unwrap();
    assert_eq!((decision.session.as_str(), decision.id), (EARLIER, 2));
    assert_eq!(decision.status, Some(QuestionStatus::Geagendeerd));
    assert_eq!(decision.note, "Past in het voorjaarsonderzoek");
    assert_eq!(decision.by, "Marieke");
    assert!(
        s.changes
            .iter()
            .any(|c| c.criteria.get("urgentie") == Some("midden")),
        "the weighing is saved too"
    );
    assert!(
        s.changes
            .iter()
            .any(|c| c.criteria.get("belasting") == Some("laag"))
    );

    // The own question: dropped, in place and as a change with the reason.
    press(&mut app, KeyCode::Right);
    assert_eq!(shown(&app).session, CURRENT);
    press_shift(&mut app, 'V');
    typed(&mut app, "Dubbel");
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    assert_eq!(s.get(1).unwrap().status, Some(QuestionStatus::Vervallen));
    assert_eq!(s.changes.last().unwrap().note, "Dubbel");

    // Enter shows the chart; the follow-up reopens in the agenda session at that question.
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none());
    press(&mut app, KeyCode::Char('o'));
    assert!(popup(&app).agenda);
    assert_eq!(shown(&app).id, 2);
    // Esc leaves the agenda session for the list, a second Esc closes.
    press(&mut app, KeyCode::Esc);
    assert!(!popup(&app).agenda);
}
