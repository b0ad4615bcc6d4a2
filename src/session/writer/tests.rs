use super::*;
use crate::session::model::{Anchor, AnnotationKind, DatasetRef, LocalTime, Role};

/// A time the writer must replace when it adds an annotation.
const OLD: &str = "2000-01-01T00:00:00+00:00";

fn note(kind: AnnotationKind, text: &str) -> Annotation {
    let march = crate::model::Period::parse("2021-03").unwrap().0;
    Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind,
        text: text.into(),
        role: Role::Toegang,
        name: String::new(),
        time: LocalTime::parse(OLD).unwrap(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Default::default(),
        anchor: Anchor::new("jeugd", "instroom", vec!["cbs".into()], march, march),
        status: None,
        owner: String::new(),
    }
}

fn open_new(dir: &Path) -> SessionWriter {
    let path = dir.join("2026-11-26-test.toml");
    let s = Session::new(
        "Test",
        "2026-11-26".parse().unwrap(),
        DatasetRef {
            path: "d".into(),
            hash: "h".into(),
        },
    );
    match OpenSession::open(path, s) {
        OpenSession::Writable(mut w) => {
            w.save().unwrap();
            w
        }
        OpenSession::ReadOnly { reason, .. } => panic!("read-only: {reason:?}"),
    }
}

fn on_disk(w: &SessionWriter) -> Session {
    store::load(w.path()).unwrap()
}

#[test]
fn every_change_is_on_disk_and_undo_and_redo_walk_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = open_new(dir.path());
    let id = w
        .add_annotation(note(AnnotationKind::Observatie, "een"))
        .unwrap();
    assert_eq!(on_disk(&w).annotations.len(), 1);
    let stamped = on_disk(&w).annotations[0].time;
    assert_ne!(
        stamped,
        LocalTime::parse(OLD).unwrap(),
        "stamped with the time of adding"
    );
    let mut edited = w.session().get(id).unwrap().clone();
    edited.text = "twee".into();
    w.update_annotation(edited).unwrap();
    assert_eq!(on_disk(&w).get(id).unwrap().text, "twee");

    assert_eq!(w.undo().unwrap(), Some(ChangeKind::AnnotationEdited));
    assert_eq!(on_disk(&w).get(id).unwrap().text, "een");
    assert_eq!(w.undo().unwrap(), Some(ChangeKind::AnnotationAdded));
    assert!(on_disk(&w).annotations.is_empty());
    assert_eq!(w.undo().unwrap(), None, "the creation is not undone");

    assert_eq!(w.redo().unwrap(), Some(ChangeKind::AnnotationAdded));
    assert_eq!(w.redo().unwrap(), Some(ChangeKind::AnnotationEdited));
    assert_eq!(on_disk(&w).get(id).unwrap().text, "twee");
    assert_eq!(w.redo().unwrap(), None);

    // A new change after an undo drops what could be redone.
    w.undo().unwrap();
    w.delete_annotation(id).unwrap();
    assert_eq!(w.redo().unwrap(), None);
    assert_eq!(on_disk(&w), *w.session());
}

#[test]
fn earlier_items_are_changed_by_record_and_merges_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = open_new(dir.path());
    let own = w
        .add_annotation(note(AnnotationKind::Onderzoeksvraag, "eigen"))
        .unwrap();
    let own_ref = ItemRef {
        session: "2026-11-26-test.toml".into(),
        id: own,
    };
    let earlier = ItemRef {
        session: "2026-09-10-eerder.toml".into(),
        id: 3,
    };
    w.edit_item(&own_ref, ItemEdit::Owner("Pim".into()))
        .unwrap();
    assert_eq!(on_disk(&w).get(own).unwrap().owner, "Pim");
    assert!(on_disk(&w).changes.is_empty(), "own items change in place");

    w.edit_item(&earlier, ItemEdit::Status(QuestionStatus::Geagendeerd))
        .unwrap();
    let s = on_disk(&w);
    assert_eq!(s.changes.len(), 1);
    assert_eq!(s.changes[0].status, Some(QuestionStatus::Geagendeerd));
    assert_eq!(
        s.changes[0].owner, None,
        "only the edited field is recorded"
    );

    w.merge(&earlier, &own_ref).unwrap();
    assert_eq!(on_disk(&w).merges.len(), 1);
    assert_eq!(w.undo().unwrap(), Some(ChangeKind::Merged));
    assert!(on_disk(&w).merges.is_empty());
    assert_eq!(w.undo().unwrap(), Some(ChangeKind::ItemChanged));
    assert!(on_disk(&w).changes.is_empty());
}

#[test]
fn a_failed_save_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = open_new(dir.path());
    w.add_annotation(note(AnnotationKind::Observatie, "een"))
        .unwrap();
    let before = w.session().clone();
    // The session file becomes a folder: renaming over it fails.
    std::fs::remove_file(w.path()).unwrap();
    std::fs::create_dir(w.path()).unwrap();
    std::fs::write(w.path().join("x"), "x").unwrap();
    assert!(
        w.add_annotation(note(AnnotationKind::Observatie, "twee"))
            .is_err()
    );
    assert_eq!(*w.session(), before);
    assert!(w.undo().is_err(), "undo must be saved too");
    assert_eq!(*w.session(), before);
}

#[test]
fn a_second_opener_and_review_have_no_writer() {
    let dir = tempfile::tempdir().unwrap();
    let w = open_new(dir.path());
    let s = w.session().clone();
    let mut second = OpenSession::open(w.path().to_path_buf(), s.clone());
    assert!(matches!(
        second.writer(),
        Err(ReadOnlyReason::HeldBy { .. })
    ));
    let mut review = OpenSession::review(w.path().to_path_buf(), s);
    assert_eq!(review.writer().err(), Some(ReadOnlyReason::Review));
    assert_eq!(review.file_name(), "2026-11-26-test.toml");
}

#[test]
fn minutes_are_written_by_the_writer_only() {
    let dir = tempfile::tempdir().unwrap();
    let w = open_new(dir.path());
    let out = w.write_beside("md", b"# notulen").unwrap();
    assert_eq!(out, dir.path().join("2026-11-26-test.md"));
    assert_eq!(std::fs::read_to_string(out).unwrap(), "# notulen");
}

#[test]
fn exports_land_beside_the_session_and_never_replace_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let w = open_new(dir.path());
    let stem = "2026-11-26-jeugd-instroom";
    let kinds = ["svg", "png"];
    let first = w.write_export(stem, "svg", &kinds, b"<svg/>").unwrap();
    assert_eq!(first, dir.path().join(format!("{stem}.svg")));
    let second = w.write_export(stem, "svg", &kinds, b"<svg></svg>").unwrap();
    assert_eq!(second, dir.path().join(format!("{stem}-2.svg")));
    assert_eq!(std::fs::read_to_string(first).unwrap(), "<svg/>");
    assert_eq!(std::fs::read_to_string(second).unwrap(), "<svg></svg>");
}

#[test]
fn opening_for_writing_clears_what_a_killed_save_left() {
    let dir = tempfile::tempdir().unwrap();
    let leftover = dir.path().join(".2026-11-26-test.toml.999-3.tmp");
    std::fs::write(&leftover, "half a session").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let f = std::fs::File::options()
        .write(true)
        .open(&leftover)
        .unwrap();
    f.set_modified(hour_ago).unwrap();
    drop(f);
    let _w = open_new(dir.path());
    assert!(!leftover.exists());
}

#[test]
fn a_file_changed_by_another_program_is_not_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = open_new(dir.path());
    w.add_annotation(note(AnnotationKind::Observatie, "eerste"))
        .unwrap();
    // Another program adds an annotation to the file (a sync client, an editor).
    let mut theirs = store::load(w.path()).unwrap();
    theirs.add(note(AnnotationKind::Verklaring, "van de ander"));
    store::save_atomic(w.path(), &theirs).unwrap();
    let on_disk = std::fs::read(w.path()).unwrap();
    assert!(w.changed_on_disk());
    // The next change, an undo and a redo are refused; the file keeps the other's words and
    // the session in memory is as it was.
    let e = w
        .add_annotation(note(AnnotationKind::Observatie, "tweede"))
        .unwrap_err();
    assert!(matches!(e, SessionError::ChangedOnDisk { .. }), "{e}");
    assert!(w.undo().is_err());
    assert_eq!(std::fs::read(w.path()).unwrap(), on_disk);
    assert_eq!(w.session().annotations.len(), 1);
    // Both versions can be seen; a copy of mine (with what I was typing) goes beside it.
    assert_eq!(w.on_disk().unwrap(), theirs);
    let copy = dir.path().join("kopie.toml");
    let typed = note(AnnotationKind::Observatie, "tweede");
    w.save_copy(&copy, |s| {
        s.add(typed.clone());
    })
    .unwrap();
    let mine = store::load(&copy).unwrap();
    let texts: Vec<&str> = mine.annotations.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["eerste", "tweede"]);
    assert!(
        w.save_copy(&copy, |_| {}).is_err(),
        "never over an existing file"
    );
    let beside = w.proposed_copy_path(false);
    assert_eq!(beside.parent(), w.path().parent());
    assert!(w.proposed_copy_path(true).parent() != w.path().parent());
    w.save_copy(&beside, |_| {}).unwrap();
    assert_eq!(store::load(&beside).unwrap().annotations.len(), 1);
    // Reload takes theirs; re-applying my typed annotation then saves on top of it.
    w.reload().unwrap();
    assert!(!w.changed_on_disk());
    w.add_annotation(note(AnnotationKind::Observatie, "tweede"))
        .unwrap();
    let texts: Vec<String> = store::load(w.path())
        .unwrap()
        .annotations
        .into_iter()
        .map(|a| a.text)
        .collect();
    assert_eq!(texts, ["eerste", "van de ander", "tweede"]);
    assert_eq!(w.undo().unwrap(), Some(ChangeKind::AnnotationAdded));
    assert_eq!(w.undo().unwrap(), None, "undo starts afresh after a reload");
}

#[test]
fn a_truncated_or_removed_file_is_a_change_too_and_a_touch_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = open_new(dir.path());
    w.add_annotation(note(AnnotationKind::Observatie, "een"))
        .unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(10);
    let f = std::fs::File::options().write(true).open(w.path()).unwrap();
    f.set_modified(later).unwrap();
    drop(f);
    assert!(!w.changed_on_disk(), "touch is no change");
    w.add_annotation(note(AnnotationKind::Observatie, "twee"))
        .unwrap();
    std::fs::write(w.path(), "").unwrap();
    assert!(w.changed_on_disk());
    assert!(
        w.add_annotation(note(AnnotationKind::Observatie, "drie"))
            .is_err()
    );
    assert_eq!(std::fs::read(w.path()).unwrap(), b"");
    std::fs::remove_file(w.path()).unwrap();
    assert!(w.changed_on_disk());
}

fn open_second(path: &Path) -> OpenSession {
    OpenSession::open(path.to_path_buf(), store::load(path).unwrap())
}

#[test]
fn a_read_only_opener_sees_the_holders_saves_and_takes_over_when_it_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let mut holder = open_new(dir.path());
    let path = holder.path().to_path_buf();
    let mut second = open_second(&path);
    assert!(matches!(
        second.read_only(),
        Some(ReadOnlyReason::HeldBy { .. })
    ));
    assert_eq!(second.watch(), Vec::<WatchEvent>::new());
    holder
        .add_annotation(note(AnnotationKind::Verklaring, "van de houder"))
        .unwrap();
    assert_eq!(second.watch(), [WatchEvent::Updated]);
    assert_eq!(second.session().annotations[0].text, "van de houder");
    // Still held: no taking over without breaking.
    assert!(!second.take_over(false).unwrap());
    drop(holder);
    assert_eq!(second.watch(), [WatchEvent::Free]);
    assert!(second.take_over(false).unwrap());
    let w = second.writer().unwrap();
    w.add_annotation(note(AnnotationKind::Observatie, "nu van mij"))
        .unwrap();
    assert_eq!(store::load(&path).unwrap().annotations.len(), 2);
}

#[test]
fn a_lock_nobody_can_release_is_broken_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = {
        let w = open_new(dir.path());
        w.path().to_path_buf()
    };
    // Someone else (another machine, a stuck process) holds the guard; the holder file is junk.
    let guard = std::fs::File::create(store::guard_path(&path)).unwrap();
    guard.try_lock().unwrap();
    std::fs::write(store::lock_path(&path), "\u{0}\u{1}kapot").unwrap();
    let mut second = open_second(&path);
    assert!(matches!(
        second.read_only(),
        Some(ReadOnlyReason::HeldBy { pid: 0, .. })
    ));
    assert!(!second.watch().contains(&WatchEvent::Free));
    assert!(!second.take_over(false).unwrap());
    assert!(second.take_over(true).unwrap());
    assert!(second.writer().is_ok());
    assert!(
        !std::fs::read_to_string(store::lock_path(&path))
            .unwrap()
            .contains("kapot")
    );
    drop(guard);
}

/// Issue 16.7: a holder that still runs on this machine keeps its lock, even when forced: two
/// writers would overwrite each other.
#[test]
fn a_running_holder_of_this_machine_is_never_broken() {
    let dir = tempfile::tempdir().unwrap();
    let mut holder = open_new(dir.path());
    let path = holder.path().to_path_buf();
    let mut second = open_second(&path);
    assert_eq!(store::current_holder(&path), store::HolderState::Running);
    assert!(!second.take_over(true).unwrap());
    assert!(second.writer().is_err());
    // The holder still writes, its lock in place.
    holder
        .add_annotation(note(AnnotationKind::Verklaring, "nog steeds van mij"))
        .unwrap();
    assert!(
        std::fs::read_to_string(store::lock_path(&path))
            .unwrap()
            .contains(&format!("pid = {}", std::process::id()))
    );
}

/// A guard still locked (say by a child that inherited it) while the holder file names a process
/// of this machine that is gone: breakable after confirmation.
#[test]
fn a_gone_holder_of_this_machine_is_broken_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = {
        let w = open_new(dir.path());
        w.path().to_path_buf()
    };
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let gone = child.id();
    child.wait().unwrap();
    let guard = std::fs::File::create(store::guard_path(&path)).unwrap();
    guard.try_lock().unwrap();
    let holder = format!(
        "user = \"weg\"\nhost = {:?}\npid = {gone}\nsince = \"2026-11-26T16:50:00+01:00\"\n",
        store::hostname()
    );
    std::fs::write(store::lock_path(&path), holder).unwrap();
    let mut second = open_second(&path);
    assert_eq!(store::current_holder(&path), store::HolderState::Gone);
    assert!(!second.take_over(false).unwrap());
    assert!(second.take_over(true).unwrap());
    assert!(second.writer().is_ok());
    drop(guard);
}

/// Issue 16.3: a symlinked session is written through to its target, and its lock and temporary
/// files sit beside the target too, so opening the target directly meets the same lock.
#[cfg(unix)]
#[test]
fn a_symlinked_session_locks_and_saves_beside_its_target() {
    let real_dir = tempfile::tempdir().unwrap();
    let link_dir = tempfile::tempdir().unwrap();
    let target = open_new(real_dir.path()).path().to_path_buf();
    let link = link_dir.path().join("2026-11-26-link.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut via_link = open_second(&link);
    let w = via_link.writer().expect("the link opens for writing");
    assert!(store::lock_path(&target).exists());
    let beside_link: Vec<_> = std::fs::read_dir(link_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        beside_link,
        ["2026-11-26-link.toml"],
        "no lock beside the link"
    );
    // Opening the target directly: the same lock, so read-only.
    let direct = open_second(&target);
    assert!(matches!(
        direct.read_only(),
        Some(ReadOnlyReason::HeldBy { .. })
    ));
    w.add_annotation(note(AnnotationKind::Observatie, "via de link"))
        .unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        store::load(&target).unwrap().annotations[0].text,
        "via de link"
    );
    // The name other sessions refer to is the one it was opened by.
    assert_eq!(via_link.file_name(), "2026-11-26-link.toml");
}
