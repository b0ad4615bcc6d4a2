use super::*;
use crate::session::model::{
    Anchor, Annotation, AnnotationKind, DatasetRef, LocalTime, QuestionStatus, Role,
};

fn session(date: &str, kinds: &[AnnotationKind]) -> Session {
    let mut s = Session::new(
        "s",
        date.parse().unwrap(),
        DatasetRef {
            path: "d".into(),
            hash: "h".into(),
        },
    );
    for k in kinds {
        s.add(Annotation::said(
            *k,
            "t",
            Role::Analist,
            LocalTime::parse("2026-11-05T10:00:00+01:00").unwrap(),
            Anchor::new("jeugd", "instroom", vec![], p(), p()),
        ));
    }
    s
}

const V: AnnotationKind = AnnotationKind::Onderzoeksvraag;
const A: AnnotationKind = AnnotationKind::Actie;
const O: AnnotationKind = AnnotationKind::Observatie;

fn codes_of(sessions: &[(String, Session)]) -> Vec<(String, u64, String)> {
    sessions
        .iter()
        .flat_map(|(n, s)| {
            s.annotations.iter().map(move |a| {
                (
                    n.clone(),
                    a.id,
                    a.code.map(|c| c.to_string()).unwrap_or_default(),
                )
            })
        })
        .collect()
}

#[test]
fn old_sessions_get_codes_by_date_then_name_then_id() {
    // Listed by file name, but the register goes by date first.
    let mut folder = vec![
        (
            "a-later.toml".to_string(),
            session("2026-11-05", &[V, O, A, V]),
        ),
        ("b-earlier.toml".to_string(), session("2026-09-10", &[V, A])),
    ];
    let again = folder.clone();
    assert!(assign(&mut folder).is_empty());
    assert_eq!(
        codes_of(&folder),
        [
            ("a-later.toml".to_string(), 1, "V-0002".to_string()),
            ("a-later.toml".into(), 2, String::new()),
            ("a-later.toml".into(), 3, "A-0002".into()),
            ("a-later.toml".into(), 4, "V-0003".into()),
            ("b-earlier.toml".into(), 1, "V-0001".into()),
            ("b-earlier.toml".into(), 2, "A-0001".into()),
        ]
    );
    // The same folder gives the same codes, every time.
    let mut twice = again;
    assign(&mut twice);
    assert_eq!(twice, folder);
    // Assigning again changes nothing.
    let before = folder.clone();
    assign(&mut folder);
    assert_eq!(folder, before);
}

#[test]
fn stored_codes_stay_and_older_items_do_not_shift_when_new_ones_come() {
    let mut folder = vec![
        ("1.toml".to_string(), session("2026-03-01", &[V, V])),
        ("2.toml".to_string(), session("2026-06-01", &[V])),
    ];
    assign(&mut folder);
    let old = codes_of(&folder);
    // A new session numbers after the highest; the old ones keep theirs when read again
    // without codes stored.
    let mut new = session("2026-09-01", &[V]);
    new.annotations[0].code = Some(next_code(&folder, CodeKind::Vraag));
    assert_eq!(new.annotations[0].code.unwrap().to_string(), "V-0004");
    let mut read_again = vec![
        ("1.toml".to_string(), session("2026-03-01", &[V, V])),
        ("2.toml".to_string(), session("2026-06-01", &[V])),
        ("3.toml".to_string(), new),
    ];
    assign(&mut read_again);
    assert_eq!(codes_of(&read_again)[..3], old[..]);
    assert_eq!(codes_of(&read_again)[3].2, "V-0004");
    assert_eq!(
        next_code(&read_again, CodeKind::Actie).to_string(),
        "A-0001"
    );
}

#[test]
fn a_code_given_twice_stays_with_the_earlier_session() {
    let mut early = session("2026-09-10", &[V]);
    let mut late = session("2026-09-10", &[V, V]);
    let seven = Code::new(CodeKind::Vraag, 7);
    early.annotations[0].code = Some(seven);
    late.annotations[1].code = Some(seven);
    // File name order decides at the same date: "a" is earlier than "b".
    let mut folder = vec![
        ("b-pc2.toml".to_string(), late),
        ("a-pc1.toml".to_string(), early),
    ];
    let notices = assign(&mut folder);
    assert_eq!(
        notices,
        [CodeNotice {
            code: seven,
            kept_in: "a-pc1.toml".into(),
            session: "b-pc2.toml".into(),
            id: 2,
            new: Code::new(CodeKind::Vraag, 8),
        }]
    );
    assert_eq!(folder[1].1.annotations[0].code, Some(seven));
    assert_eq!(
        folder[0].1.annotations[1].code,
        Some(Code::new(CodeKind::Vraag, 8))
    );
    // The uncoded question fills the lowest free number.
    assert_eq!(
        folder[0].1.annotations[0].code,
        Some(Code::new(CodeKind::Vraag, 1))
    );
    let said = notices[0].to_string();
    assert!(
        said.contains("V-0007") && said.contains("V-0008") && said.contains("b-pc2.toml"),
        "{said}"
    );
    let found = find(&folder, Code::new(CodeKind::Vraag, 8)).unwrap();
    assert_eq!((found.0, found.1.id), ("b-pc2.toml", 2));
    let _ = QuestionStatus::Open;
}

fn p() -> crate::model::Period {
    crate::model::Period::parse("2024-01").unwrap().0
}
