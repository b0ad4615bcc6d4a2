//! The agenda walk: three views prepared (`A`), reordered in the agenda list, walked with `]`
//! and `[` (each shown as prepared, the header naming the item and its clock), the closing
//! question with the session's research questions, and the minutes in agenda order.

mod common;

use common::{app_with_session, render, words};
use duiden::model::{Granularity, Period, ViewKind, ViewSpec};
use duiden::session::{Anchor, AnnotationKind, Role, store};
use duiden::tui::app::App;
use duiden::tui::keymap::Action;
use duiden::tui::tabs::Tab;
use std::time::{Duration, Instant};

fn view(domein: &str, indicator: &str) -> ViewSpec {
    ViewSpec::trend(domein, indicator, &[])
}

/// Shows `v` and puts it on the agenda.
fn prepare(app: &mut App, v: &ViewSpec) {
    assert!(app.show_view_spec(v), "{v:?}");
    app.update(Action::AgendaAdd);
}

fn press_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle_key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char(c),
        ));
    }
}

#[test]
fn three_items_prepared_reordered_walked_and_the_minutes_follow_the_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    // 1: jeugd instroom per quarter, zoomed into 2022–2023.
    let mut jeugd = view("jeugd", "instroom");
    jeugd.granularity = Some(Granularity::Quarter);
    jeugd.range = Some((Period::quarter(2022, 1), Period::quarter(2023, 4)));
    prepare(&mut app, &jeugd);
    assert!(
        app.shared.message.as_deref().unwrap().contains("punt 1"),
        "{:?}",
        app.shared.message
    );
    // 2: the comparison of wmo instroom.
    let mut wmo = view("wmo", "instroom");
    wmo.kind = ViewKind::Compare;
    prepare(&mut app, &wmo);
    // 3: participatie uitstroom.
    prepare(&mut app, &view("participatie", "uitstroom"));
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.agenda.len(), 3, "saved at once");
    assert_eq!(saved.agenda[0].view.as_ref().unwrap().range, jeugd.range);

    // Reorder: participatie first (the list: b, down twice, K twice), and 10 minutes for it.
    press_keys(&mut app, "bjjKK++");
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Esc,
    ));
    let saved = store::load(&path).unwrap();
    let order: Vec<&str> = saved.agenda.iter().map(|a| a.domain.as_str()).collect();
    assert_eq!(order, ["participatie", "jeugd", "wmo"]);
    assert_eq!(saved.agenda[0].budget_minutes, Some(10));

    // Walk: each item as prepared, the header names it.
    app.update(Action::AgendaNext);
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("agendapunt 1/4 · Uitstroom"), "{screen}");
    assert_eq!(app.current_view().unwrap().indicator, "uitstroom");
    // Time on the item is saved when the walk leaves it.
    app.agenda_walk.entered = Some(Instant::now() - Duration::from_secs(700));
    app.update(Action::AgendaNext);
    let saved = store::load(&path).unwrap();
    assert!(
        saved.agenda[0].spent_seconds >= 700,
        "{:?}",
        saved.agenda[0]
    );
    let shown = app.current_view().unwrap();
    assert_eq!((shown.domein.as_str(), shown.range), ("jeugd", jeugd.range));
    assert_eq!(app.trend.granularity, Some(Granularity::Quarter));
    app.update(Action::AgendaNext);
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.current_view().unwrap().indicator, "instroom");
    // Back and forth.
    app.update(Action::AgendaPrev);
    assert_eq!(app.current_view().unwrap().domein, "jeugd");
    app.update(Action::AgendaPrev);
    // Over the planned 10 minutes: the status says so.
    let status = app.agenda_status().unwrap();
    assert_eq!(status.number, 1);
    assert!(status.over_budget(), "{status:?}");

    // Minutes list the agenda in its order.
    let session = store::load(&path).unwrap();
    let minutes = duiden::report::Minutes::build(&session, "x.toml", None, None);
    let md = duiden::report::minutes::markdown(&minutes);
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s} in {md}"));
    let agenda = &md[at("## Agenda")..];
    let (u, i, w) = (
        agenda.find("1. Uitstroom").unwrap_or(usize::MAX),
        agenda.find("2. Instroom"),
        agenda.find("3. Instroom"),
    );
    assert!(u < i.unwrap_or(0) && i < w, "{md}");
    // The sections follow the agenda too.
    assert!(
        at("## participatie · uitstroom") < at("## jeugd · instroom"),
        "{md}"
    );
    assert!(at("## jeugd · instroom") < at("## wmo · instroom"), "{md}");
}

#[test]
fn after_the_last_item_comes_the_closing_question_with_the_research_questions() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _path) = app_with_session(dir.path());
    prepare(&mut app, &view("jeugd", "instroom"));
    // Two research questions of this session.
    for text in [
        "Waarom loopt de instroom bij aanbieders voor?",
        "Wat doet de wachtlijst?",
    ] {
        let mut a = duiden::session::Annotation {
            code: None,
            answer: String::new(),
            result: None,
            links: Vec::new(),
            id: 0,
            kind: AnnotationKind::Onderzoeksvraag,
            text: text.into(),
            role: Role::Beleid,
            name: "Fatima".into(),
            time: duiden::session::now_local(),
            status: None,
            owner: String::new(),
            theme: String::new(),
            support: Vec::new(),
            disagree: Vec::new(),
            criteria: Default::default(),
            anchor: Anchor::new(
                "jeugd",
                "instroom",
                vec![],
                Period::month(2024, 1),
                Period::month(2024, 1),
            ),
        };
        a.status = None;
        app.shared
            .session
            .as_mut()
            .unwrap()
            .writer()
            .unwrap()
            .add_annotation(a)
            .unwrap();
    }
    app.update(Action::AgendaNext);
    app.update(Action::AgendaNext);
    let status = app.agenda_status().unwrap();
    assert!(
        status.closing && status.number == 2 && status.count == 2,
        "{status:?}"
    );
    let screen = render(&mut app, 120, 40);
    let w = words(&screen);
    assert!(w.contains("vraag 1 van 2 · V-0001"), "the code too: {w}");
    assert!(
        w.contains("Waarom loopt de instroom bij aanbieders voor?"),
        "{w}"
    );
    app.update(Action::Right);
    let w = words(&render(&mut app, 120, 40));
    assert!(
        w.contains("vraag 2 van 2") && w.contains("Wat doet de wachtlijst?"),
        "{w}"
    );
    // Large on the projector too.
    app.update(Action::Presentation);
    let screen = render(&mut app, 200, 60);
    assert!(screen.contains("agendapunt 2/2"), "{screen}");
    assert!(
        words(&screen).contains("Wat doet de wachtlijst?"),
        "{screen}"
    );
}

#[test]
fn an_empty_agenda_says_how_to_fill_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _path) = app_with_session(dir.path());
    app.update(Action::AgendaNext);
    let m = app.shared.message.clone().unwrap();
    assert!(m.contains("agenda is leeg") && m.contains(" A"), "{m}");
    assert!(app.agenda_status().is_none());
}

#[test]
fn an_agenda_item_keeps_the_transform_of_its_view_and_the_list_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    let mut jeugd = view("jeugd", "instroom");
    jeugd.granularity = Some(Granularity::Quarter);
    jeugd.transform = Some(duiden::model::Transform::YearOnYear);
    prepare(&mut app, &jeugd);
    let saved = store::load(&path).unwrap();
    let recorded = saved.agenda[0].view.as_ref().unwrap();
    assert_eq!(recorded.transform, jeugd.transform);
    // Shown again from the agenda: transformed as prepared.
    app.update(Action::YearOnYear);
    app.update(Action::YearOnYear);
    assert_eq!(app.trend.chart.transform, None, "Y: absolute → % → none");
    app.update(Action::AgendaNext);
    assert_eq!(app.trend.chart.transform, jeugd.transform);
    press_keys(&mut app, "b");
    let screen = render(&mut app, 120, 40);
    assert!(
        words(&screen).contains("verschil met een jaar eerder"),
        "{screen}"
    );
}
