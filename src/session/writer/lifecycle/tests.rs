//! Codes, statuses, answers and links through the writer, on disk and across sessions.

use super::*;
use crate::session::model::{
    Anchor, AnnotationKind, Code, CodeKind, DatasetRef, LifecycleError, LinkKind, LocalTime,
    Resultaat, Role,
};
use crate::session::writer::{ItemEdit, OpenSession};
use crate::session::{answered, backlog};
use std::path::Path;

const EARLIER: &str = "2026-09-10-eerder.toml";
const NOW: &str = "2026-11-26-nu.toml";

fn note(kind: AnnotationKind, text: &str) -> Annotation {
    let march = crate::model::Period::parse("2021-03").unwrap().0;
    Annotation::said(
        kind,
        text,
        Role::Toegang,
        LocalTime::parse("2026-09-10T10:00:00+02:00").unwrap(),
        Anchor::new("jeugd", "instroom", vec![], march, march),
    )
}

fn session(date: &str) -> Session {
    let mut s = Session::new(
        "Test",
        date.parse().unwrap(),
        DatasetRef {
            path: "d".into(),
            hash: "h".into(),
        },
    );
    s.facilitator = "Marieke".into();
    s
}

/// A folder with an earlier session of format 3 (no codes): two questions and an action.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session("2026-09-10");
    s.add(note(
        AnnotationKind::Onderzoeksvraag,
        "Waarom stijgt de instroom?",
    ));
    s.add(note(AnnotationKind::Actie, "Cijfers navragen"));
    s.add(note(
        AnnotationKind::Onderzoeksvraag,
        "Via welke verwijzer?",
    ));
    store::save_atomic(&dir.path().join(EARLIER), &s).unwrap();
    dir
}

fn open(dir: &Path, name: &str, s: Session) -> SessionWriter {
    match OpenSession::open(dir.join(name), s) {
        OpenSession::Writable(mut w) => {
            w.save().unwrap();
            w
        }
        OpenSession::ReadOnly { reason, .. } => panic!("read-only: {reason:?}"),
    }
}

fn code(text: &str) -> Option<Code> {
    Code::parse(text)
}

fn answer() -> Answer {
    Answer {
        text: "Vooral via de huisarts; het aandeel steeg van 30 naar 41%.".into(),
        result: Resultaat {
            titel: "BiO-notitie Verwijzers jeugdhulp 2022-2024".into(),
            vindplaats: "BiO, notitie 2027-04".into(),
        },
    }
}

fn item(session: &str, id: u64) -> ItemRef {
    ItemRef {
        session: session.into(),
        id,
    }
}

#[test]
fn new_items_number_after_the_folder_and_codes_survive_save_and_load() {
    let dir = folder();
    let mut w = open(dir.path(), NOW, session("2026-11-26"));
    let q = w
        .add_annotation(note(AnnotationKind::Onderzoeksvraag, "Nieuw"))
        .unwrap();
    let a = w
        .add_annotation(note(AnnotationKind::Actie, "Doen"))
        .unwrap();
    let o = w
        .add_annotation(note(AnnotationKind::Observatie, "Zag"))
        .unwrap();
    let disk = store::load(w.path()).unwrap();
    assert_eq!(disk.get(q).unwrap().code, code("V-0003"));
    assert_eq!(disk.get(a).unwrap().code, code("A-0002"));
    assert_eq!(disk.get(o).unwrap().code, None, "observations have no code");
    assert!(store::to_toml(&disk).unwrap().contains("code = \"V-0003\""));
    // Saved, loaded and saved again: the same codes.
    let again = dir.path().join("kopie.toml");
    store::save_atomic(&again, &disk).unwrap();
    assert_eq!(store::load(&again).unwrap(), disk);
    // The earlier session, read with the folder, keeps the codes it was given.
    let folder = store::list_ok(dir.path());
    let earlier = &folder.iter().find(|(n, _)| n == EARLIER).unwrap().1;
    let codes: Vec<_> = earlier.annotations.iter().map(|a| a.code).collect();
    assert_eq!(codes, [code("V-0001"), code("A-0001"), code("V-0002")]);
}

#[test]
fn opening_an_old_session_for_writing_stores_its_codes() {
    let dir = folder();
    let path = dir.path().join(EARLIER);
    let loaded = store::load(&path).unwrap();
    assert!(loaded.annotations.iter().all(|a| a.code.is_none()));
    let mut w = match OpenSession::open(path.clone(), loaded) {
        OpenSession::Writable(w) => w,
        OpenSession::ReadOnly { reason, .. } => panic!("{reason:?}"),
    };
    w.edit_item(&item(EARLIER, 1), ItemEdit::Owner("BiO".into()))
        .unwrap();
    let codes: Vec<_> = store::load(&path)
        .unwrap()
        .annotations
        .iter()
        .map(|a| a.code)
        .collect();
    assert_eq!(codes, [code("V-0001"), code("A-0001"), code("V-0002")]);
}

#[test]
fn no_jump_from_nieuw_to_beantwoord_and_nothing_saved_when_refused() {
    let dir = folder();
    let mut w = open(dir.path(), NOW, session("2026-11-26"));
    let q = item(EARLIER, 1);
    let before = std::fs::read(w.path()).unwrap();
    let jump = StatusChange {
        answer: Some(answer()),
        ..StatusChange::to(QuestionStatus::Beantwoord)
    };
    match w.set_status(&q, jump) {
        Err(SessionError::Refused { why, .. }) => assert_eq!(
            why,
            LifecycleError::NotAllowed {
                from: QuestionStatus::Open,
                to: QuestionStatus::Beantwoord
            }
        ),
        other => panic!("{other:?}"),
    }
    // The old cycling edit obeys the rules too.
    let e = w
        .edit_item(&q, ItemEdit::Status(QuestionStatus::InOnderzoek))
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("van 'nieuw' kan niet naar 'in onderzoek'; wel naar: geagendeerd"),
        "{e}"
    );
    assert_eq!(std::fs::read(w.path()).unwrap(), before);

    // Step by step; beantwoord without the answer is refused, with it recorded.
    w.set_status(&q, StatusChange::to(QuestionStatus::Geagendeerd))
        .unwrap();
    w.set_status(&q, StatusChange::to(QuestionStatus::InOnderzoek))
        .unwrap();
    let bare = w.set_status(&q, StatusChange::to(QuestionStatus::Beantwoord));
    assert!(matches!(
        bare,
        Err(SessionError::Refused {
            why: LifecycleError::AnswerMissing,
            ..
        })
    ));
    let done = StatusChange {
        by: "Eva Hendriks".into(),
        reason: "Notitie besproken in het MT".into(),
        answer: Some(answer()),
        to: QuestionStatus::Beantwoord,
    };
    w.set_status(&q, done).unwrap();
    let disk = store::load(w.path()).unwrap();
    let last = disk.changes.last().unwrap();
    assert_eq!(last.status, Some(QuestionStatus::Beantwoord));
    assert_eq!(
        (last.by.as_str(), last.note.as_str()),
        ("Eva Hendriks", "Notitie besproken in het MT")
    );
    assert_eq!(last.recorded_answer(), Some(answer()));
    assert_eq!(disk.changes[0].by, "Marieke", "the facilitator by default");

    // The folder now knows the answer, also where the indicator is opened later.
    let sessions = store::list_ok(dir.path());
    let found = answered::on_indicator(&sessions, "jeugd", "instroom");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, code("V-0001"));
    assert_eq!(found[0].answer, answer());
    assert!(answered::on_indicator(&sessions, "jeugd", "uitstroom").is_empty());

    // Reopening needs a reason; reopened, the answer no longer shows.
    let reopen = w.set_status(&q, StatusChange::to(QuestionStatus::Open));
    assert!(matches!(
        reopen,
        Err(SessionError::Refused {
            why: LifecycleError::ReasonMissing { .. },
            ..
        })
    ));
    let reopen = StatusChange {
        reason: "Nieuwe cijfers 2025".into(),
        ..StatusChange::to(QuestionStatus::Open)
    };
    w.set_status(&q, reopen).unwrap();
    assert!(answered::on_indicator(&store::list_ok(dir.path()), "jeugd", "instroom").is_empty());
}

#[test]
fn own_questions_change_in_place_with_the_change_recorded() {
    let dir = folder();
    let mut w = open(dir.path(), NOW, session("2026-11-26"));
    let id = w
        .add_annotation(note(AnnotationKind::Onderzoeksvraag, "Eigen"))
        .unwrap();
    let own = item(NOW, id);
    let drop = StatusChange {
        reason: "Dubbel met landelijk onderzoek".into(),
        ..StatusChange::to(QuestionStatus::Vervallen)
    };
    w.set_status(&own, drop).unwrap();
    let disk = store::load(w.path()).unwrap();
    assert_eq!(
        disk.get(id).unwrap().status,
        Some(QuestionStatus::Vervallen)
    );
    assert_eq!(disk.changes[0].note, "Dubbel met landelijk onderzoek");
    assert_eq!(w.undo().unwrap(), Some(ChangeKind::AnnotationEdited));
    assert_eq!(
        store::load(w.path()).unwrap().get(id).unwrap().status,
        Some(QuestionStatus::Open)
    );
}

#[test]
fn a_merge_keeps_both_codes_and_the_survivor_names_the_item() {
    let dir = folder();
    let mut w = open(dir.path(), NOW, session("2026-11-26"));
    let id = w
        .add_annotation(note(
            AnnotationKind::Onderzoeksvraag,
            "Waarom stijgt instroom?",
        ))
        .unwrap();
    w.merge(&item(EARLIER, 1), &item(NOW, id)).unwrap();
    let sessions = store::list_ok(dir.path());
    let items = backlog::backlog(&sessions);
    let merged = items.iter().find(|i| i.origins.len() == 2).unwrap();
    assert_eq!(merged.code(), code("V-0003"), "the survivor's code");
    assert_eq!(merged.origins[1].annotation.code, code("V-0001"), "kept");
    let away = sessions[0].1.get(1).unwrap();
    let state = backlog::item_state(&sessions, EARLIER, away);
    assert_eq!(state.status, QuestionStatus::Samengevoegd);
    // A merged question cannot be given another status.
    let e = w.set_status(
        &item(EARLIER, 1),
        StatusChange::to(QuestionStatus::Geagendeerd),
    );
    assert!(matches!(e, Err(SessionError::Refused { .. })), "{e:?}");
}

#[test]
fn links_are_recorded_once_and_shown_with_the_item() {
    let dir = folder();
    let mut w = open(dir.path(), NOW, session("2026-11-26"));
    let link = Link {
        soort: LinkKind::HangtSamenMet,
        code: Code::new(CodeKind::Vraag, 2),
    };
    w.add_link(&item(EARLIER, 1), link.clone()).unwrap();
    w.add_link(&item(EARLIER, 1), link.clone()).unwrap();
    let itself = Link {
        soort: LinkKind::Vervangt,
        code: Code::new(CodeKind::Vraag, 1),
    };
    w.add_link(&item(EARLIER, 1), itself).unwrap();
    assert_eq!(store::load(w.path()).unwrap().changes.len(), 1);
    let sessions = store::list_ok(dir.path());
    let q = backlog::backlog(&sessions)
        .into_iter()
        .find(|i| i.code() == code("V-0001"))
        .unwrap();
    assert_eq!(q.links, [link]);
}

#[test]
fn a_new_or_edited_question_obeys_the_lifecycle_too() {
    let dir = folder();
    let mut w = open(dir.path(), NOW, session("2026-11-26"));
    let mut q = note(AnnotationKind::Onderzoeksvraag, "Al beantwoord?");
    q.status = Some(QuestionStatus::Beantwoord);
    let e = w.add_annotation(q.clone()).unwrap_err();
    assert!(
        matches!(
            e,
            SessionError::Refused {
                why: LifecycleError::AnswerMissing,
                ..
            }
        ),
        "{e}"
    );
    q.answer = answer().text;
    q.result = Some(answer().result);
    let answered = w.add_annotation(q).unwrap();
    assert_eq!(
        store::load(w.path())
            .unwrap()
            .get(answered)
            .unwrap()
            .own_answer(),
        Some(answer())
    );
    // An edit may move one allowed step (recorded), not jump.
    let id = w
        .add_annotation(note(AnnotationKind::Onderzoeksvraag, "Nieuw"))
        .unwrap();
    let mut edited = w.session().get(id).unwrap().clone();
    edited.status = Some(QuestionStatus::InOnderzoek);
    let e = w.update_annotation(edited.clone()).unwrap_err();
    assert!(matches!(e, SessionError::Refused { .. }), "{e}");
    edited.status = Some(QuestionStatus::Geagendeerd);
    edited.text = "Nieuw, op de agenda".into();
    w.update_annotation(edited).unwrap();
    let disk = store::load(w.path()).unwrap();
    assert_eq!(
        disk.get(id).unwrap().status,
        Some(QuestionStatus::Geagendeerd)
    );
    let c = disk.changes.last().unwrap();
    assert_eq!(
        (c.session.as_str(), c.id, c.by.as_str()),
        (NOW, id, "Marieke")
    );
}

#[test]
fn the_later_of_two_equal_codes_is_renumbered_in_its_own_file_when_written() {
    let dir = tempfile::tempdir().unwrap();
    let seven = Code::new(CodeKind::Vraag, 7);
    for name in ["2026-11-05-a.toml", "2026-11-05-b.toml"] {
        let mut s = session("2026-11-05");
        let mut q = note(AnnotationKind::Onderzoeksvraag, name);
        q.code = Some(seven);
        s.add(q);
        store::save_atomic(&dir.path().join(name), &s).unwrap();
    }
    let path = dir.path().join("2026-11-05-b.toml");
    let loaded = store::load(&path).unwrap();
    let mut w = match OpenSession::open(path.clone(), loaded) {
        OpenSession::Writable(w) => w,
        OpenSession::ReadOnly { reason, .. } => panic!("{reason:?}"),
    };
    w.edit_item(&item("2026-11-05-b.toml", 1), ItemEdit::Owner("BiO".into()))
        .unwrap();
    assert_eq!(
        store::load(&path).unwrap().annotations[0].code,
        code("V-0008")
    );
    let a = store::load(&dir.path().join("2026-11-05-a.toml")).unwrap();
    assert_eq!(a.annotations[0].code, Some(seven), "the earlier keeps it");
    assert!(
        store::list_coded(dir.path()).1.is_empty(),
        "no duplicate left"
    );
}

#[test]
fn a_decision_of_the_agenda_session_follows_the_lifecycle() {
    let dir = folder();
    let mut w = open(dir.path(), NOW, session("2026-11-26"));
    let first = ItemRef {
        session: EARLIER.into(),
        id: 1,
    };
    // nieuw → geagendeerd, with the reason recorded.
    w.decide(&first, QuestionStatus::Geagendeerd, "op de agenda")
        .unwrap();
    w.set_status(&first, StatusChange::to(QuestionStatus::InOnderzoek))
        .unwrap();
    // In onderzoek → geagendeerd is no allowed move: refused, nothing recorded.
    let before = w.session().changes.len();
    let refused = w.decide(&first, QuestionStatus::Geagendeerd, "toch later");
    assert!(
        matches!(refused, Err(SessionError::Refused { .. })),
        "{refused:?}"
    );
    assert_eq!(w.session().changes.len(), before);
    // "Later" for a question that stays nieuw: the reason alone is recorded.
    let third = ItemRef {
        session: EARLIER.into(),
        id: 3,
    };
    w.decide(&third, QuestionStatus::Open, "eerst de cijfers")
        .unwrap();
    let last = w.session().changes.last().unwrap();
    assert_eq!((last.id, last.note.as_str()), (3, "eerst de cijfers"));
}
