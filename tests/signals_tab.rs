//! The signals tab (4): what stands out in the sample, each with its reason; Enter shows the
//! signal's view, the agenda key puts that view on the agenda.

mod common;

use common::{app_with_session, render, words};
use duiden::session::store;
use duiden::tui::keymap::Action;
use duiden::tui::tabs::Tab;
use std::time::Duration;

#[test]
fn signals_are_listed_shown_and_put_on_the_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_session(dir.path());
    app.update(Action::ShowSignals);
    assert_eq!(app.tab, Tab::Signals);
    assert!(app.finish_background(Duration::from_secs(30)));
    let found = app.signals.found.clone().expect("signals found");
    assert!(!found.is_empty());
    let screen = render(&mut app, 120, 40);
    let w = words(&screen);
    assert!(w.contains(&format!("Signalen: {}", found.len())), "{w}");
    // Every signal on screen names its kind; the first its reason.
    assert!(
        w.contains("niveausprong") || w.contains("onverklaard verschil"),
        "{w}"
    );
    let first = &found[0];
    // The heading names the indicator, the line under it says why (whole at 120 columns).
    let reason = duiden::tui::i18n::t().signal_reason(first);
    assert!(w.contains(&reason), "{reason} in {w}");
    assert!(
        w.contains(&app.indicator_name(&first.domein, &first.indicator)),
        "{w}"
    );

    // The agenda key puts the chosen signal's view on the agenda.
    app.update(Action::Down);
    let chosen = app.signals.selected().unwrap().view.clone();
    app.update(Action::AgendaAdd);
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.agenda.len(), 1);
    assert_eq!(saved.agenda[0].view.as_ref(), Some(&chosen));

    // Enter shows it.
    app.update(Action::Activate);
    assert_ne!(app.tab, Tab::Signals);
    let shown = app.current_view().unwrap();
    assert_eq!(
        (shown.domein, shown.indicator, shown.range),
        (chosen.domein, chosen.indicator, chosen.range)
    );
}
