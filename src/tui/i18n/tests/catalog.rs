//! Both catalogs are complete by construction (struct fields, exhaustive matches); these tests
//! check that no text is empty and that English is really translated.

use super::super::*;
use super::detail::detail_samples;
use crate::analysis::mismatch::MismatchKind;
use crate::model::{Granularity, Period, Soort};
use crate::session::{AnnotationKind, QuestionStatus, Role};

/// Every text of the catalog of `lang`, named: the fields, the names of every enum value, and
/// the parameterised texts with sample values.
fn every_text(lang: Lang) -> Vec<(String, String)> {
    let t = texts(lang);
    let mut out: Vec<(String, String)> = t
        .fields()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut add = |k: String, v: String| out.push((k, v));
    for r in Role::ALL {
        add(format!("role {r:?}"), t.role(r).into());
    }
    for k in AnnotationKind::ALL {
        add(format!("kind {k:?}"), t.kind(k).into());
    }
    for s in QuestionStatus::ALL {
        add(format!("status {s:?}"), t.question_status(s).into());
    }
    for g in Granularity::ALL {
        add(format!("granularity {g:?}"), t.granularity(g).into());
        add(
            format!("granularity shown {g:?}"),
            t.granularity_shown(Some(g)),
        );
    }
    for s in [Soort::Stroom, Soort::Stand] {
        add(format!("soort {s:?}"), t.soort(s).into());
    }
    for k in MismatchKind::ALL {
        add(format!("mismatch {k:?}"), t.mismatch(k).into());
        add(
            format!("explanation {k:?}"),
            t.mismatch_explanation(k).into(),
        );
    }
    for m in 1..=12 {
        add(format!("month {m}"), t.period_long(&Period::month(2021, m)));
    }
    let samples = [
        ("series_added", t.series_added("x")),
        ("max_series", t.max_series(8)),
        ("not_saved", t.not_saved("x")),
        ("saved", t.saved("x", "y")),
        ("deleted", t.deleted("x", "u")),
        ("status_set", t.status_set("x")),
        ("item_title", t.item_title("?", "x", "nr 2", "y")),
        ("item_number", t.item_number(2, Some("10 sep"))),
        ("near_duplicate", t.near_duplicate("x")),
        ("date_short", t.date_short(jiff::civil::date(2026, 10, 5))),
        ("merge_marked", t.merge_marked("nr 2", "m", "Esc")),
        ("merged", t.merged(1, 2, "x")),
        ("minutes_written", t.minutes_written("x")),
        ("diff_table", t.diff_table("x", "y")),
        ("compare_empty", t.compare_empty("2")),
        ("notes_empty", t.notes_empty("v", "a")),
        ("pick_note", t.pick_note("Tab")),
        ("review_all_sessions", t.review_all_sessions(3)),
        ("review_opened", t.review_opened("x", "y", "Esc")),
        ("keymap_from", t.keymap_from("x")),
        ("differences_found 1", t.differences_found(1)),
        ("differences_found 2", t.differences_found(2)),
        ("unknown_domain", t.unknown_domain("x", &["jeugd", "wmo"])),
        (
            "unknown_indicator",
            t.unknown_indicator("x", Some("wmo"), &["a", "b"], &["jeugd"]),
        ),
        ("keymap_default", t.keymap_default("x")),
        (
            "overview_filter",
            t.overview_filter(None, None, 3, &crate::tui::keymap::Keymap::default()),
        ),
    ];
    for (k, v) in samples {
        add(k.to_string(), v);
    }
    for (k, d) in detail_samples() {
        add(format!("detail {k}"), t.detail(&d));
    }
    out
}

#[test]
fn counts_say_one_in_the_singular() {
    for (lang, one, two) in [
        (Lang::Nl, "1 verschil", "2 verschillen"),
        (Lang::En, "1 difference", "2 differences"),
    ] {
        let t = texts(lang);
        assert_eq!(t.differences_found(1), one);
        assert_eq!(t.differences_found(2), two);
        assert_eq!(t.differences_found(0), two.replace('2', "0"));
        let (signal, signals) = match lang {
            Lang::Nl => ("1 signaal", "2 signalen"),
            Lang::En => ("1 signal", "2 signals"),
        };
        assert_eq!(
            (t.signals_found(1), t.signals_found(2)),
            (signal.into(), signals.into())
        );
        assert!(!t.review_all_sessions(1).contains("1 aantekeningen"));
        assert!(!t.review_all_sessions(1).contains("1 annotations"));
        let keys = crate::tui::keymap::Keymap::default();
        assert!(t.overview_filter(None, None, 1, &keys).contains(one));
    }
}

#[test]
fn no_text_is_empty_in_either_language() {
    for lang in [Lang::Nl, Lang::En] {
        for (key, text) in every_text(lang) {
            assert!(!text.trim().is_empty(), "{lang:?}: {key} is empty");
        }
    }
}

#[test]
fn english_differs_from_dutch_for_the_bulk_of_the_texts() {
    let nl = every_text(Lang::Nl);
    let en = every_text(Lang::En);
    assert_eq!(nl.len(), en.len());
    let same: Vec<&str> = nl
        .iter()
        .zip(&en)
        .filter(|((_, a), (_, b))| a == b)
        .map(|((k, _), _)| k.as_str())
        .collect();
    // Some words are the same in both ("duiden", "Trend", "open", "ratio").
    assert!(
        same.len() * 10 < nl.len(),
        "{} of {} texts are the same in Dutch and English: {same:?}",
        same.len(),
        nl.len()
    );
}

#[test]
fn dutch_names_are_the_words_of_the_session_files() {
    // The screen and the minutes use the same Dutch words.
    let t = texts(Lang::Nl);
    for r in Role::ALL {
        assert_eq!(t.role(r), r.dutch());
    }
    for k in AnnotationKind::ALL {
        assert_eq!(t.kind(k), k.dutch());
    }
    for s in QuestionStatus::ALL {
        assert_eq!(t.question_status(s), s.dutch());
    }
    for k in MismatchKind::ALL {
        assert_eq!(t.mismatch(k), k.dutch());
        assert_eq!(t.mismatch_explanation(k), k.explanation());
    }
    let p = Period::half(2019, 1);
    assert_eq!(t.period_long(&p), p.dutch_long());
    for m in 1..=12 {
        let p = Period::month(2021, m);
        assert_eq!(t.period_short(&p), p.dutch_short());
        assert_eq!(t.period_long(&p), p.dutch_long());
    }
    let date = jiff::civil::date(2026, 11, 5);
    assert_eq!(t.date(date), crate::report::dutch_date(date));
    assert_eq!(
        t.person(Some(Role::Aanbieder), "Sanne  de Vries"),
        "Sanne de Vries (aanbieder)"
    );
}

#[test]
fn english_periods_and_dates() {
    let t = texts(Lang::En);
    assert_eq!(t.period_long(&Period::half(2019, 1)), "1st half 2019");
    assert_eq!(t.period_short(&Period::quarter(2021, 3)), "Q3 2021");
    assert_eq!(t.period_short(&Period::month(2021, 3)), "Mar 2021");
    assert_eq!(
        t.period_range(&Period::month(2021, 6), &Period::month(2021, 12)),
        "June 2021 to December 2021"
    );
    assert_eq!(t.date(jiff::civil::date(2026, 11, 5)), "5 November 2026");
    assert_eq!(t.person(Some(Role::Aanbieder), ""), "provider");
    assert_eq!(t.person(None, "Pim"), "Pim");
}

#[test]
fn differences_read_as_in_the_minutes_in_dutch_and_translated_in_english() {
    use crate::session::{Anchor, Difference};
    let mut a = Anchor::new(
        "jeugd",
        "instroom",
        vec!["gemeente-registratie".into()],
        Period::month(2021, 3),
        Period::month(2021, 3),
    );
    a.differences = vec![
        Difference {
            kind: MismatchKind::Unexplained,
            period: Period::month(2021, 3),
            reference: "gemeente-registratie".into(),
            source: "aanbieders-maandrapportage".into(),
            reference_value: Some(412.0),
            value: Some(440.0),
            unit: "aantal".into(),
        },
        Difference {
            kind: MismatchKind::StockFlow,
            period: Period::year(2021),
            reference: "gemeente-registratie".into(),
            source: String::new(),
            reference_value: None,
            value: None,
            unit: String::new(),
        },
    ];
    a.legacy_difference = "aanbieders  hoger".into();
    assert_eq!(
        texts(Lang::Nl).differences(&a),
        crate::report::describe_differences(&a)
    );
    assert_eq!(
        texts(Lang::En).differences(&a),
        "unexplained in March 2021: aanbieders-maandrapportage 440 against 412 in \
gemeente-registratie (+6.8%, aantal); stock-flow in 2021 in gemeente-registratie; aanbieders hoger"
    );
}
