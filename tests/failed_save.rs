//! A save that fails never loses what was typed: the form stays with the text and says why;
//! when another program changed the session file, nothing is written over it and the user can
//! see both, reload and add, or keep a copy.

mod common;

use common::{app_with_session, render, words};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use duiden::session::{AnnotationKind, store};
use duiden::tui::app::{App, Popup};

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Another program adds an annotation to the session file behind duiden's back.
fn edit_behind_the_back(path: &std::path::Path) {
    let mut theirs = store::load(path).unwrap();
    let mut a = theirs.annotations.first().cloned().expect("one annotation");
    a.text = "Toegevoegd in een editor".into();
    theirs.add(a);
    store::save_atomic(path, &theirs).unwrap();
}

fn start_typing(app: &mut App, text: &str) {
    press(app, KeyCode::Char('a'));
    press(app, KeyCode::Char('o'));
    typed(app, text);
}

/// A session with one saved note that another program then changed, and `text` typed and
/// submitted: the save is refused and the form is open. Also gives the file's bytes as the
/// other program left them.
fn refused_save(text: &str) -> (tempfile::TempDir, App, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    start_typing(&mut app, "Eerste");
    press(&mut app, KeyCode::Enter);
    edit_behind_the_back(&path);
    let theirs = std::fs::read(&path).unwrap();
    start_typing(&mut app, text);
    press(&mut app, KeyCode::Enter);
    (dir, app, path, theirs)
}

#[test]
fn a_changed_file_keeps_the_form_and_reload_adds_to_the_other_version() {
    let (_dir, mut app, path, theirs) = refused_save("Wat de wethouder net zei");
    // Not saved, nothing overwritten, the form and its text are still there.
    assert_eq!(std::fs::read(&path).unwrap(), theirs);
    assert!(matches!(app.popup, Some(Popup::Annotate(_))));
    let screen = words(&render(&mut app, 120, 40));
    assert!(
        screen.contains("NIET opgeslagen; uw tekst blijft hier staan"),
        "{screen}"
    );
    assert!(screen.contains("buiten duiden veranderd"), "{screen}");
    assert!(screen.contains("Wat de wethouder net zei"), "{screen}");
    assert!(screen.contains("F5 herladen en toevoegen"), "{screen}");
    // Both versions side by side.
    press(&mut app, KeyCode::F(7));
    let screen = words(&render(&mut app, 120, 40));
    assert!(
        screen.contains("alleen in het bestand: #2 Toegevoegd in een editor"),
        "{screen}"
    );
    // Reload and add: the other program's words and mine, in the file.
    press(&mut app, KeyCode::F(5));
    assert!(app.popup.is_none());
    let texts: Vec<String> = store::load(&path)
        .unwrap()
        .annotations
        .into_iter()
        .map(|a| a.text)
        .collect();
    assert_eq!(
        texts,
        [
            "Eerste",
            "Toegevoegd in een editor",
            "Wat de wethouder net zei"
        ]
    );
}

#[test]
fn a_copy_keeps_the_typed_text_when_the_session_cannot_be_saved() {
    let (dir, mut app, _, _) = refused_save("Niet verloren");
    assert!(matches!(app.popup, Some(Popup::Annotate(_))));
    press(&mut app, KeyCode::F(6));
    // The path is asked, with a proposal beside the session.
    let screen = words(&render(&mut app, 120, 40));
    assert!(screen.contains("Waar moet de kopie"), "{screen}");
    assert!(screen.contains("-kopie-"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none());
    let copy = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().contains("-kopie-"))
        .expect("a copy beside the session");
    let saved = store::load(&copy).unwrap();
    let last = saved.annotations.last().unwrap();
    assert_eq!(last.text, "Niet verloren");
    assert_eq!(last.kind, AnnotationKind::Observatie);
    let screen = words(&render(&mut app, 120, 40));
    assert!(screen.contains("bewaard in een kopie"), "{screen}");
}

#[test]
fn the_participants_form_stays_when_it_cannot_be_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    start_typing(&mut app, "Eerste");
    press(&mut app, KeyCode::Enter);
    edit_behind_the_back(&path);
    press(&mut app, KeyCode::Char('i'));
    typed(&mut app, "facilitator: Marieke");
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert!(matches!(app.popup, Some(Popup::Header(_))), "form kept");
    let screen = words(&render(&mut app, 120, 40));
    assert!(screen.contains("facilitator: Marieke"), "{screen}");
    assert!(screen.contains("NIET opgeslagen"), "{screen}");
}

#[test]
fn the_copy_goes_where_the_user_types() {
    let (dir, mut app, _, _) = refused_save("Elders bewaard");
    press(&mut app, KeyCode::F(6));
    // Replace the proposal by another path.
    press(&mut app, KeyCode::End);
    for _ in 0..300 {
        press(&mut app, KeyCode::Backspace);
    }
    let other = dir.path().join("elders.toml");
    typed(&mut app, &other.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.shared.message);
    let saved = store::load(&other).unwrap();
    assert_eq!(saved.annotations.last().unwrap().text, "Elders bewaard");
}

#[test]
fn a_copy_is_never_written_over_an_existing_file() {
    let (_dir, mut app, path, theirs) = refused_save("Niet over de sessie");
    press(&mut app, KeyCode::F(6));
    press(&mut app, KeyCode::End);
    for _ in 0..300 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, &path.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.popup, Some(Popup::Annotate(_))), "form kept");
    assert_eq!(std::fs::read(&path).unwrap(), theirs);
    let screen = words(&render(&mut app, 120, 40));
    assert!(
        screen.contains("ook de kopie kon niet opgeslagen worden"),
        "{screen}"
    );
}

/// Blocks every temporary file name a save of `path` by this process can take (a folder stands
/// where it goes): the save fails for a real I/O reason, also when running as root. The names
/// count the saves of this test process, a few per test here. Returns the folders, to clear
/// them again.
fn block_temp_files(path: &std::path::Path) -> Vec<std::path::PathBuf> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let dir = path.parent().unwrap();
    (0..300)
        .map(|n| {
            let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
            std::fs::create_dir(&tmp).unwrap();
            tmp
        })
        .collect()
}

/// Issue 16.4: a save that fails on the disk itself (not a changed file) keeps the form with the
/// text, says why in Dutch, and Enter saves once the disk allows it again.
#[test]
fn a_failing_disk_keeps_the_form_and_says_why_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    let before = std::fs::read(&path).unwrap();
    let blocked = block_temp_files(&path);
    start_typing(&mut app, "Wat niet verloren mag gaan");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.popup, Some(Popup::Annotate(_))), "form kept");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let screen = words(&render(&mut app, 120, 40));
    assert!(screen.contains("NIET opgeslagen"), "{screen}");
    assert!(screen.contains("Wat niet verloren mag gaan"), "{screen}");
    assert!(screen.contains("er staat al iets met die naam"), "{screen}");
    assert!(!screen.contains("os error"), "{screen}");
    for tmp in blocked {
        std::fs::remove_dir(tmp).unwrap();
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.shared.message);
    let saved = store::load(&path).unwrap();
    assert_eq!(
        saved.annotations.last().unwrap().text,
        "Wat niet verloren mag gaan"
    );
}

/// The same with a session folder that became read-only (not as root: root may write anyway).
#[cfg(unix)]
#[test]
fn a_read_only_session_folder_keeps_the_form() {
    use std::os::unix::fs::PermissionsExt;
    if rustix::process::geteuid().is_root() {
        eprintln!("overgeslagen: root negeert rechten (zie a_failing_disk_keeps_the_form…)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    let before = std::fs::read(&path).unwrap();
    let set =
        |mode| std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    set(0o555);
    start_typing(&mut app, "Alleen-lezen map");
    press(&mut app, KeyCode::Enter);
    set(0o755);
    assert!(matches!(app.popup, Some(Popup::Annotate(_))), "form kept");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let screen = words(&render(&mut app, 120, 40));
    assert!(screen.contains("geen toestemming"), "{screen}");
    assert!(screen.contains("Alleen-lezen map"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.shared.message);
}
