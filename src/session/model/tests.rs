use super::*;
use crate::model::Period;
use slug::SLUG_MAX;

fn dataset() -> DatasetRef {
    DatasetRef {
        path: "datasets/voorbeeld".into(),
        hash: "abc".into(),
    }
}

fn p(code: &str) -> Period {
    Period::parse(code).unwrap().0
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn ann(kind: AnnotationKind, from: &str, to: Option<&str>) -> Annotation {
    Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind,
        text: "tekst".into(),
        role: Role::Toegang,
        name: String::new(),
        time: "2026-11-05T10:00:00+01:00".parse().unwrap(),
        anchor: Anchor::new(
            "jeugd",
            "instroom",
            vec!["gemeente-registratie".into()],
            p(from),
            p(to.unwrap_or(from)),
        ),
        status: None,
        owner: String::new(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Criteria::default(),
    }
}

#[test]
fn slugs() {
    assert_eq!(
        slug("Duiden van data: jeugd & Wmo!"),
        "duiden-van-data-jeugd-wmo"
    );
    assert_eq!(
        slug("Duiden van data: jeugd en Wmo"),
        "duiden-van-data-jeugd-en-wmo"
    );
    assert_eq!(slug("Cliëntervaring — één café"), "clientervaring-een-cafe");
    assert_eq!(slug(""), "sessie");
    assert_eq!(slug("!!! ??? 🎉"), "sessie");
    assert_eq!(slug("  --a--  "), "a");
    let long = slug(&"woord ".repeat(30));
    assert!(long.len() <= SLUG_MAX && !long.ends_with('-'), "{long}");
    assert!(long.starts_with("woord-woord"));
    let unbroken = slug(&"x".repeat(80));
    assert_eq!(unbroken.len(), SLUG_MAX);
    for t in ["Ĳssel", "ÆØÅ", "日本語 titel", "a/b\\c..d"] {
        let s = slug(t);
        assert!(
            s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{s}"
        );
    }
}

#[test]
fn kinds_markers_are_distinct() {
    for k in AnnotationKind::ALL {
        assert_eq!(k.marker().chars().count(), 1);
    }
    let mut markers: Vec<_> = AnnotationKind::ALL.iter().map(|k| k.marker()).collect();
    markers.sort();
    markers.dedup();
    assert_eq!(markers.len(), 5);
    let with_status: Vec<_> = AnnotationKind::ALL
        .into_iter()
        .filter(|k| k.has_status())
        .collect();
    assert_eq!(
        with_status,
        [AnnotationKind::Onderzoeksvraag, AnnotationKind::Actie]
    );
}

#[test]
fn status_cycles_through_all() {
    let mut s = QuestionStatus::Open;
    for expected in QuestionStatus::ALL.iter().cycle().skip(1).take(6) {
        s = s.next();
        assert_eq!(s, *expected);
    }
    assert_eq!(s, QuestionStatus::Open);
    let open: Vec<_> = QuestionStatus::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .collect();
    assert_eq!(
        open,
        [
            QuestionStatus::Open,
            QuestionStatus::Geagendeerd,
            QuestionStatus::InOnderzoek
        ]
    );
}

#[test]
fn serde_names_are_the_dutch_names() {
    #[derive(Serialize)]
    struct W<T> {
        v: T,
    }
    for s in QuestionStatus::ALL {
        let t = toml::to_string(&W { v: s }).unwrap();
        assert_eq!(t.trim(), format!("v = \"{}\"", s.dutch()));
    }
    for k in AnnotationKind::ALL {
        let t = toml::to_string(&W { v: k }).unwrap();
        assert_eq!(t.trim(), format!("v = \"{}\"", k.dutch()));
    }
    for r in Role::ALL {
        let t = toml::to_string(&W { v: r }).unwrap();
        assert_eq!(t.trim(), format!("v = \"{}\"", r.dutch()));
    }
}

#[test]
fn anchor_ranges_and_views() {
    let single = ann(AnnotationKind::Observatie, "2021-Q1", None).anchor;
    assert_eq!(single.to, None);
    assert_eq!(
        single.range(),
        (Period::quarter(2021, 1), Period::quarter(2021, 1))
    );
    let range = ann(AnnotationKind::Observatie, "2021-06", Some("2021-12")).anchor;
    assert_eq!(
        range.range(),
        (Period::month(2021, 6), Period::month(2021, 12))
    );
    let view = range.view_spec();
    assert_eq!(
        (view.domein.as_str(), view.indicator.as_str()),
        ("jeugd", "instroom")
    );
    assert_eq!(view.bronnen, range.sources);
    assert_eq!(
        (view.granularity, view.range, view.kind),
        (None, None, crate::model::ViewKind::Trend)
    );
    assert!(!range.has_difference());
}

#[test]
fn ids_never_overflow() {
    let mut s = Session::new("t", date("2026-11-05"), dataset());
    let mut a = ann(AnnotationKind::Observatie, "2021-03", None);
    a.id = MAX_ID;
    s.restore(a.clone());
    // The highest id is taken: the next one is the lowest free id, not MAX_ID + 1 or a wrap.
    assert_eq!(s.next_id(), 1);
    a.id = u64::MAX;
    s.restore(a.clone());
    assert_eq!(s.next_id(), 1);
    assert_eq!(s.add(a.clone()), 1);
    assert_eq!(s.next_id(), 2);
}

#[test]
fn add_remove_restore_keep_ids() {
    let mut s = Session::new("t", date("2026-11-05"), dataset());
    assert_eq!(s.next_id(), 1);
    let a = s.add(ann(AnnotationKind::Observatie, "2021-03", None));
    let b = s.add(ann(AnnotationKind::Onderzoeksvraag, "2021-03", None));
    let c = s.add(ann(AnnotationKind::Actie, "2021-03", None));
    assert_eq!((a, b, c), (1, 2, 3));
    assert_eq!(s.get(b).unwrap().status, Some(QuestionStatus::Open));
    assert_eq!(s.get(a).unwrap().status, None);
    assert_eq!(s.open_items().map(|a| a.id).collect::<Vec<_>>(), [2, 3]);

    let removed = s.remove(2).unwrap();
    assert!(s.get(2).is_none());
    assert_eq!(s.next_id(), 4);
    assert_eq!(s.restore(removed), 2);
    let ids: Vec<u64> = s.annotations.iter().map(|a| a.id).collect();
    assert_eq!(ids, [1, 2, 3]);

    // Remove the last one, add another (it takes id 3), then undo: the restored one must not
    // overwrite the new one.
    let last = s.remove(3).unwrap();
    let d = s.add(ann(AnnotationKind::Verklaring, "2021-04", None));
    assert_eq!(d, 3);
    assert_eq!(s.restore(last), 4);
    assert_eq!(s.get(3).unwrap().kind, AnnotationKind::Verklaring);
    assert_eq!(s.get(4).unwrap().kind, AnnotationKind::Actie);

    s.get_mut(2).unwrap().status = Some(QuestionStatus::Beantwoord);
    assert_eq!(s.open_items().map(|a| a.id).collect::<Vec<_>>(), [4]);
    assert_eq!(s.for_indicator("jeugd", "instroom").count(), 4);
    assert_eq!(s.for_indicator("wmo", "instroom").count(), 0);
    assert!(s.remove(99).is_none());
}

#[test]
fn question_without_status_counts_as_open() {
    let mut a = ann(AnnotationKind::Onderzoeksvraag, "2021", None);
    assert!(a.is_open_item());
    a.status = Some(QuestionStatus::Vervallen);
    assert!(!a.is_open_item());
    let o = ann(AnnotationKind::Observatie, "2021", None);
    assert!(!o.is_open_item());
}

#[test]
fn now_and_today_are_well_formed() {
    let now = now_local().to_string();
    assert!(
        jiff::Timestamp::strptime("%Y-%m-%dT%H:%M:%S%:z", &now).is_ok(),
        "{now}"
    );
    assert_eq!(now.len(), "2026-11-23T10:15:00+01:00".len(), "{now}");
    assert!(today().year() >= 2024);
}
