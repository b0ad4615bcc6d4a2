use super::*;
use crate::model::Period;
use crate::session::model::{Anchor, AnnotationKind, DatasetRef, ItemChange, LocalTime, Role};

fn time(text: &str) -> LocalTime {
    text.parse().unwrap()
}

fn session() -> Session {
    let mut s = Session::new(
        "Test",
        "2026-11-05".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: "h".into(),
        },
    );
    s.add(Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind: AnnotationKind::Observatie,
        text: "regel 1\nregel 2".into(),
        role: Role::Beleid,
        name: String::new(),
        time: time("2026-11-05T10:00:00+01:00"),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Default::default(),
        anchor: Anchor::new(
            "jeugd",
            "instroom",
            vec!["gemeente-registratie".into()],
            Period::month(2021, 3),
            Period::month(2021, 3),
        ),
        status: None,
        owner: String::new(),
    });
    s
}

fn located(e: &SessionError) -> (usize, usize) {
    match e {
        SessionError::Parse { line, column, .. } => (*line, *column),
        other => panic!("{other}"),
    }
}

#[test]
fn serde_messages_in_dutch() {
    let text = to_toml(&session()).unwrap();
    let cases = [
        (
            text.replace("titel = \"Test\"", "titel = 5"),
            "verkeerd soort waarde: geheel getal `5`; verwacht de titel als tekst, bijv. titel = \"Jeugd en Wmo\"",
        ),
        (
            text.replace("titel = \"Test\"\n", ""),
            "veld `titel` ontbreekt; verwacht de titel als tekst, bijv. titel = \"Jeugd en Wmo\"",
        ),
        // Issue 16.9: the example is the field's own, ids count from 1.
        (
            text.replace("datum = \"2026-11-05\"", "datum = 5"),
            ":3:9: verkeerd soort waarde: geheel getal `5`; verwacht de datum als tekst, bijv. datum = \"2026-11-05\"",
        ),
        (
            text.replacen("id = 1\n", "id = -1\n", 1),
            "ongeldige waarde: geheel getal `-1`; verwacht een id: een geheel getal van 1 of meer, bijv. id = 1",
        ),
        (
            text.replace("titel = \"Test\"", "titel = \"Test\"\ntitel = \"Twee\""),
            "sleutel `titel` staat twee keer in deze tabel; verwacht elke sleutel één keer",
        ),
    ];
    for (bad, expected) in cases {
        let e = parse(Path::new("x.toml"), &bad).unwrap_err().to_string();
        assert!(e.contains(expected), "{e}");
        for english in ["invalid type", "missing field", "duplicate key", "expected"] {
            assert!(!e.contains(english), "{e}");
        }
    }
}

#[test]
fn an_absurd_format_is_a_damaged_file_and_utf16_is_named() {
    let text = to_toml(&session()).unwrap();
    let absurd = text.replace("formaat = 4", "formaat = 4294967296");
    let e = parse(Path::new("x.toml"), &absurd).unwrap_err();
    assert!(
        matches!(
            e,
            SessionError::Parse {
                problem: ParseProblem::CorruptFormat { found: 4294967296 },
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("beschadigd"), "{e}");
    assert!(!e.to_string().contains("werk duiden bij"), "{e}");
    // Too large for any number: said so, not "sessieformaat ?".
    let huge = text.replace("formaat = 4", "formaat = 99999999999999999999");
    let e = parse(Path::new("x.toml"), &huge).unwrap_err().to_string();
    assert!(
        e.starts_with(
            "x.toml:1:11: sessieformaat is te groot voor een getal: het bestand is beschadigd"
        ),
        "{e}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).unwrap();
    let e = load(&path).unwrap_err().to_string();
    assert!(e.contains(":1:1: bestand is UTF-16"), "{e}");
}

#[test]
fn a_long_value_is_echoed_cut_on_one_line() {
    let text = to_toml(&session()).unwrap();
    let value = format!("{}\\n{}", "x".repeat(100), "y".repeat(10_000_000));
    let bad = text.replace("formaat = 4", &format!("formaat = \"{value}\""));
    let e = parse(Path::new("x.toml"), &bad).unwrap_err().to_string();
    assert!(
        e.len() < 400,
        "{} bytes: {}",
        e.len(),
        &e[..400.min(e.len())]
    );
    assert!(e.contains(&format!("\"{}…\"", "x".repeat(80))), "{e}");
}

#[test]
fn line_col_counts_characters() {
    assert_eq!(line_col("abc", 0), (1, 1));
    assert_eq!(line_col("a\nbc", 3), (2, 2));
    assert_eq!(line_col("ë\nëx", 5), (2, 2));
    assert_eq!(line_col("ab", 99), (1, 3));
}

#[test]
fn round_trips_through_text() {
    let s = session();
    let text = to_toml(&s).unwrap();
    assert!(text.starts_with("formaat = 4\n"), "{text}");
    assert_eq!(parse(Path::new("x.toml"), &text).unwrap(), s);
}

#[test]
fn always_writes_this_format() {
    let mut s = session();
    s.format = 2;
    let text = to_toml(&s).unwrap();
    assert!(text.starts_with("formaat = 4\n"), "{text}");
    let back = parse(Path::new("x.toml"), &text).unwrap();
    assert_eq!(back, Session { format: 4, ..s });
}

#[test]
fn checks_periods_with_position() {
    let text = to_toml(&session())
        .unwrap()
        .replace("van = \"2021-03\"", "van = \"maart\"");
    let e = parse(Path::new("x.toml"), &text).unwrap_err();
    let expected = text.lines().position(|l| l.contains("maart")).unwrap() + 1;
    assert_eq!(located(&e), (expected, 7), "{e}");
    assert!(e.to_string().contains("maart"), "{e}");
}

#[test]
fn refuses_range_backwards_bad_date_and_bad_time() {
    let mut s = session();
    s.annotations[0].anchor.to = Some(Period::month(2020, 1));
    let text = to_toml(&s).unwrap();
    let e = parse(Path::new("x.toml"), &text).unwrap_err();
    assert!(e.to_string().contains("vóór"), "{e}");
    let line = text.lines().position(|l| l.starts_with("tot = ")).unwrap() + 1;
    assert_eq!(located(&e), (line, 7), "{e}");

    let text = to_toml(&session())
        .unwrap()
        .replace("datum = \"2026-11-05\"", "datum = \"5 november\"");
    let e = parse(Path::new("x.toml"), &text).unwrap_err();
    assert!(e.to_string().contains("x.toml:3:9"), "{e}");
    assert!(e.to_string().contains("JJJJ-MM-DD"), "{e}");

    let text = to_toml(&session())
        .unwrap()
        .replace("2026-11-05T10:00:00+01:00", "10 uur");
    let e = parse(Path::new("x.toml"), &text).unwrap_err();
    let line = text.lines().position(|l| l.starts_with("tijd = ")).unwrap() + 1;
    assert_eq!(located(&e), (line, 8), "{e}");
    assert!(e.to_string().contains("'10 uur'"), "{e}");
}

#[test]
fn refuses_ids_that_would_overflow_with_position() {
    for (id, what) in [
        ("9007199254740992", "te groot"),
        ("9223372036854775807", "te groot"),
        ("0", "id 0"),
    ] {
        let text = to_toml(&session())
            .unwrap()
            .replace("id = 1\n", &format!("id = {id}\n"));
        let e = parse(Path::new("x.toml"), &text).unwrap_err();
        let line = text.lines().position(|l| l.starts_with("id = ")).unwrap() + 1;
        assert_eq!(located(&e), (line, 6), "{e}");
        assert!(e.to_string().contains(what), "{e}");
    }
    // The highest allowed id loads.
    let text = to_toml(&session())
        .unwrap()
        .replace("id = 1\n", "id = 9007199254740991\n");
    let s = parse(Path::new("x.toml"), &text).unwrap();
    assert_eq!(s.annotations[0].id, crate::session::model::MAX_ID);
}

#[test]
fn status_change_needs_a_session() {
    let mut s = session();
    s.changes.push(ItemChange::status(
        " ",
        1,
        QuestionStatus::Beantwoord,
        time("2026-11-05T10:00:00+01:00"),
    ));
    let text = to_toml(&s).unwrap();
    let e = parse(Path::new("x.toml"), &text).unwrap_err();
    let line = text.lines().position(|l| l == "sessie = \" \"").unwrap() + 1;
    assert!(
        e.to_string().starts_with(&format!("x.toml:{line}:10: ")),
        "{e}"
    );
}

#[test]
fn too_new_and_unknown_old_formats() {
    let text = to_toml(&session()).unwrap();
    let newer = text.replace("formaat = 4", "formaat = 5\nnieuw_veld = true");
    match parse(Path::new("x.toml"), &newer) {
        Err(SessionError::TooNew {
            found: 5,
            supported: 4,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    let older = text.replace("formaat = 4", "formaat = 0");
    let e = parse(Path::new("x.toml"), &older).unwrap_err();
    assert!(e.to_string().contains("formaat 0"), "{e}");
    assert_eq!(located(&e), (1, 11), "{e}");
}

/// The text of `session()` as a file of format 2 would have it, with a difference sentence.
fn format_2_text() -> String {
    to_toml(&session())
        .unwrap()
        .replace("formaat = 4", "formaat = 2")
        .replace(
            "van = \"2021-03\"\n",
            "van = \"2021-03\"\nverschil = \"aanbieders 5% hoger\"\n",
        )
}

#[test]
fn format_2_keeps_its_difference_sentence() {
    let s = parse(Path::new("x.toml"), &format_2_text()).unwrap();
    assert_eq!(s.format, FORMAT_VERSION);
    let a = &s.annotations[0].anchor;
    assert_eq!(a.legacy_difference, "aanbieders 5% hoger");
    assert!(a.differences.is_empty());
    let again = to_toml(&s).unwrap();
    assert!(
        again.contains("verschil_tekst = \"aanbieders 5% hoger\"\n")
            && !again.contains("verschil ="),
        "{again}"
    );
    assert_eq!(parse(Path::new("x.toml"), &again).unwrap(), s);
    // In format 3 the old key is unknown: a file claiming 3 with `verschil` is refused.
    let wrong = format_2_text().replace("formaat = 2", "formaat = 3");
    let e = parse(Path::new("x.toml"), &wrong).unwrap_err();
    assert!(e.to_string().contains("onbekend veld `verschil`"), "{e}");
}

#[test]
fn problems_in_old_formats_are_located_in_their_own_text() {
    let text = format_2_text().replace("van = \"2021-03\"", "van = \"maart\"");
    let e = parse(Path::new("x.toml"), &text).unwrap_err();
    let line = text.lines().position(|l| l.contains("maart")).unwrap() + 1;
    assert_eq!(located(&e), (line, 7), "{e}");
    // A format 1 file with both the old and the new name for the changes.
    let text = format_2_text().replace("formaat = 2", "formaat = 1")
        + "\n[[statuswijzigingen]]\nsessie = \"a.toml\"\nid = 1\ntijd = \"2026-11-05T10:00:00+01:00\"\n\
           \n[[wijzigingen]]\nsessie = \"a.toml\"\nid = 2\ntijd = \"2026-11-05T10:00:00+01:00\"\n";
    let e = parse(Path::new("x.toml"), &text).unwrap_err();
    assert!(e.to_string().contains("allebei"), "{e}");
    let line = text.lines().position(|l| l == "[[wijzigingen]]").unwrap() + 1;
    assert_eq!(located(&e).0, line, "{e}");
}

#[test]
fn status_changes_apply_in_time_order() {
    let mut a = session();
    let q = a.add(Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        kind: AnnotationKind::Onderzoeksvraag,
        ..a.annotations[0].clone()
    });
    let change = |status, tijd: &str| ItemChange::status("a.toml", q, status, time(tijd));
    let mut b = session();
    // Listed out of order: the later time wins, also across offsets.
    b.changes = vec![
        change(QuestionStatus::Beantwoord, "2026-12-01T10:00:00+01:00"),
        change(QuestionStatus::InOnderzoek, "2026-12-01T10:30:00+02:00"),
    ];
    let sessions = vec![("a.toml".to_string(), a.clone()), ("b.toml".into(), b)];
    let item = a.get(q).unwrap();
    assert_eq!(
        current_status(&sessions, "a.toml", item),
        QuestionStatus::Beantwoord
    );
    assert!(open_items_among(&sessions, ("datasets/voorbeeld", ""), "c.toml").is_empty());
}

#[test]
fn a_session_the_reader_would_refuse_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let good = session();
    save_atomic(&path, &good).unwrap();
    let before = fs::read(&path).unwrap();
    // Two annotations with one id: the reader refuses that, so the writer must not write it.
    let mut bad = good.clone();
    let twin = bad.annotations[0].clone();
    bad.annotations.push(twin);
    let e = save_atomic(&path, &bad).unwrap_err().to_string();
    assert!(
        e.contains("niet opgeslagen") && e.contains("weigeren"),
        "{e}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    // An id past what the reader accepts.
    let mut big = good.clone();
    big.annotations[0].id = crate::session::model::MAX_ID + 1;
    assert!(save_atomic(&path, &big).is_err());
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(load(&path).unwrap(), good);
}

#[test]
fn temporary_files_a_killed_save_left_are_removed_by_pattern_and_age() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    save_atomic(&path, &session()).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let make = |name: &str, stale: bool| {
        let p = dir.path().join(name);
        fs::write(&p, "half").unwrap();
        if stale {
            fs::File::options()
                .write(true)
                .open(&p)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        p
    };
    let stale = make(".s.toml.4242-0.tmp", true);
    let fresh = make(".s.toml.4243-1.tmp", false);
    let other_session = make(".t.toml.4242-0.tmp", true);
    let not_ours = make(".s.toml.backup.tmp", true);
    assert_eq!(remove_stale_temps(&path), 1);
    assert!(!stale.exists());
    assert!(fresh.exists() && other_session.exists() && not_ours.exists());
    assert_eq!(load(&path).unwrap(), session());
}

#[test]
fn an_anchor_with_a_transform_round_trips_in_format_3() {
    let mut s = session();
    let anchor = &mut s.annotations[0].anchor;
    anchor.transform = Some(crate::model::Transform::PerInhabitants {
        per: 10_000,
        noemer: "jongeren".into(),
    });
    anchor.legacy_difference = "oude zin".into();
    let text = to_toml(&s).unwrap();
    assert!(text.starts_with("formaat = 4\n"), "{text}");
    assert!(
        text.contains("per = 10000") && text.contains("noemer = \"jongeren\""),
        "{text}"
    );
    assert_eq!(parse(Path::new("x.toml"), &text).unwrap(), s);
    // Without one nothing is written: older files and newer ones read the same.
    assert!(!to_toml(&session()).unwrap().contains("bewerking"));
}
