//! Every screen fits an 80×24 terminal in both languages: tab names, popup titles, popup key
//! hints and the status line's key hints are shown whole (a hint that does not fit is left out
//! whole, never cut in the middle), compared with the catalog and the keymap.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use duiden::load::load_dataset;
use duiden::model::Dataset;
use duiden::session::{DatasetRef, Session, store};
use duiden::tui::app::{App, SessionSetup};
use duiden::tui::i18n::{Lang, context_title, set_lang, t};
use duiden::tui::keymap::{Action, Context, Keymap};
use duiden::tui::review::ReviewApp;
use duiden::tui::style::{Theme, ThemeKind};
use std::path::{Path, PathBuf};

const W: u16 = 80;
const H: u16 = 24;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> Dataset {
    load_dataset(&root().join("datasets/voorbeeld")).expect("sample loads")
}

/// A key, then whatever it started in the background finished (as the event loop would).
fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
}

/// The app with a fresh session in `dir` (for the annotation and follow-up popups).
fn with_session(dir: &Path) -> App {
    common::app_with_session(dir).0
}

/// The rows inside the box whose top border carries ` title `, and its bottom border; `None`
/// when no box shows that title whole.
fn boxed(screen: &str, title: &str) -> Option<(String, String)> {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let needle: Vec<char> = format!("┌ {title} ").chars().collect();
    for (r, row) in rows.iter().enumerate() {
        let Some(x) = row
            .windows(needle.len())
            .position(|w| w == needle.as_slice())
        else {
            continue;
        };
        let right = (x + 1..row.len()).find(|&c| row[c] == '┐')?;
        let bottom = (r + 1..rows.len()).find(|&b| rows[b].get(x) == Some(&'└'))?;
        let inner: Vec<String> = rows[r + 1..bottom]
            .iter()
            .map(|l| l[x + 1..right].iter().collect())
            .collect();
        let bottom_row: String = rows[bottom][x..=right].iter().collect();
        return Some((inner.join("\n"), bottom_row));
    }
    None
}

/// Asserts the popup titled `title` is drawn with that whole title, and returns its inside and
/// bottom border.
fn popup(screen: &str, title: &str, what: &str) -> (String, String) {
    boxed(screen, title).unwrap_or_else(|| panic!("{what}: no box titled {title:?} in\n{screen}"))
}

/// `text` is inside `area`, whole (wrapped lines read as one).
fn shows(area: &str, text: &str, what: &str) {
    assert!(
        common::words(area).contains(&common::words(text)),
        "{what}: {text:?} not shown whole in\n{area}"
    );
}

/// The status line shows the context's hints from the first on, each one whole.
fn status_hints(screen: &str, keys: &Keymap, ctx: Context, what: &str) {
    let all = keys.hint(ctx, duiden::tui::hint_actions(ctx));
    let all: Vec<&str> = all.split(" · ").collect();
    let status = screen.lines().last().unwrap_or_default().trim();
    let shown: Vec<&str> = status.trim_end_matches('·').trim().split(" · ").collect();
    assert_eq!(shown[0], all[0], "{what}: the help key first in {status:?}");
    for hint in &shown {
        assert!(
            all.contains(hint),
            "{what}: hint {hint:?} cut in the status line {status:?}"
        );
    }
    // As many as the width allows: the next one would not have fitted.
    if let Some(next) = all.get(shown.len()) {
        let used = shown.join(" · ").chars().count() + 1;
        assert!(
            used + 3 + next.chars().count() > W as usize,
            "{what}: {next:?} would fit in {status:?}"
        );
    }
}

/// The title bar names the `current` tab whole and shows every other tab's number (four names and
/// the session label do not fit in 80 columns); `None`: every tab named whole.
fn tabs(screen: &str, names: &[&str], current: Option<usize>, what: &str) {
    let header = screen.lines().next().unwrap_or_default();
    for (i, name) in names.iter().enumerate() {
        let tab = if current.is_none_or(|c| c == i) {
            format!(" {} {name} ", i + 1)
        } else {
            format!(" {} ", i + 1)
        };
        assert!(header.contains(&tab), "{what}: tab {tab:?} in {header:?}");
    }
}

fn main_tabs() -> [&'static str; 4] {
    [
        t().tab_trend,
        t().tab_compare,
        t().tab_overview,
        t().tab_signals,
    ]
}

#[test]
fn the_tabs_fit_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        set_lang(lang);
        let keys = Keymap::default();
        let mut app = App::new(sample(), ThemeKind::Dark);
        let screen = common::render(&mut app, W, H);
        let what = format!("{lang:?} trend");
        tabs(&screen, &main_tabs(), Some(0), &what);
        status_hints(&screen, &keys, Context::Trend, &what);
        for pane in [t().pane_series, t().pane_legend] {
            assert!(
                screen.contains(&format!(" {pane} ")),
                "{what}: {pane}\n{screen}"
            );
        }

        app.update(Action::ShowCompare);
        let screen = common::render(&mut app, W, H);
        let what = format!("{lang:?} compare");
        tabs(&screen, &main_tabs(), Some(1), &what);
        status_hints(&screen, &keys, Context::Compare, &what);
        popup(&screen, t().diff_detail, &what);

        app.update(Action::ShowOverview);
        assert!(app.finish_background(std::time::Duration::from_secs(20)));
        let screen = common::render(&mut app, W, H);
        assert!(!screen.contains(t().overview_busy), "{screen}");
        let what = format!("{lang:?} overview");
        tabs(&screen, &main_tabs(), Some(2), &what);
        status_hints(&screen, &keys, Context::Overview, &what);
        popup(&screen, t().overview_title, &what);
        let filter = screen.lines().nth(1).unwrap_or_default();
        for label in [t().col_kind_short, t().col_domain] {
            assert!(filter.contains(&format!("{label}: ")), "{what}: {filter}");
        }
    }
}

#[test]
fn the_help_fits_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        set_lang(lang);
        let keys = Keymap::default();
        let mut app = App::new(sample(), ThemeKind::Dark);
        app.update(Action::Help);
        let screen = common::render(&mut app, W, H);
        let what = format!("{lang:?} help");
        let title = format!("{} · {}", t().help_title, context_title(Context::Trend));
        let (inside, bottom) = popup(&screen, &title, &what);
        shows(
            &bottom,
            &keys.hint(Context::Help, &[Action::Down, Action::Cancel]),
            &what,
        );
        // The first rows: the trend's own keys, each description whole.
        for (k, help) in &duiden::tui::popups::help::rows(&keys, Context::Trend)[0].1[..3] {
            shows(&inside, &format!("{k} {help}"), &what);
        }
    }
}

#[test]
fn the_session_popups_fit_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        set_lang(lang);
        let keys = Keymap::default();
        let dir = tempfile::tempdir().unwrap();

        // Start: choose a session.
        let setup = SessionSetup {
            dir: dir.path().to_path_buf(),
            dataset_pad: "datasets/voorbeeld".into(),
        };
        let mut app = App::new(sample(), ThemeKind::Dark).with_sessions(setup, None);
        let screen = common::render(&mut app, W, H);
        let what = format!("{lang:?} start");
        let (inside, bottom) = popup(&screen, t().start_title, &what);
        shows(&inside, t().start_new, &what);
        shows(&inside, t().start_view_only, &what);
        let hint = keys.hint(
            Context::Start,
            &[Action::Down, Action::Activate, Action::Cancel],
        );
        shows(&bottom, &hint, &what);

        // Annotation: the kind step, then the text step.
        let mut app = with_session(dir.path());
        press(&mut app, KeyCode::Char('a'));
        let screen = common::render(&mut app, W, H);
        let what = format!("{lang:?} annotation kind");
        let (inside, _) = popup(&screen, t().annotation_new_title, &what);
        shows(&inside, t().pick_kind, &what);
        for kind in duiden::session::AnnotationKind::ALL {
            shows(
                &inside,
                &format!("{} {}", kind.marker(), t().kind(kind)),
                &what,
            );
        }
        press(&mut app, KeyCode::Char('q'));
        let screen = common::render(&mut app, W, H);
        let what = format!("{lang:?} annotation text");
        let (inside, _) = popup(&screen, t().annotation_new_title, &what);
        shows(&inside, t().said_by, &what);
        let hints = [
            Action::Save,
            Action::Newline,
            Action::NextPerson,
            Action::NextRole,
            Action::NextKind,
            Action::NextStatus,
            Action::NextOwner,
            // A question has readings per role.
            Action::NextReadingRole,
            Action::CycleReading,
            Action::Cancel,
        ];
        shows(&inside, &keys.hint(Context::Annotate, &hints), &what);
        press(&mut app, KeyCode::Esc);

        // Follow-up: open questions and actions, with the keys and what the letters mean.
        press(&mut app, KeyCode::Char('o'));
        let screen = common::render(&mut app, W, H);
        let what = format!("{lang:?} follow-up");
        let (inside, _) = popup(&screen, t().follow_up_title, &what);
        shows(&inside, t().follow_up_empty, &what);
        let hint = keys.hint(
            Context::FollowUp,
            &[
                Action::AgendaSession,
                Action::CycleStatus,
                Action::Merge,
                Action::Cancel,
            ],
        );
        for part in hint.split(" · ") {
            shows(&inside, part, &what);
        }
        // The number keys' criteria, from the default programme, whole.
        let programme = duiden::session::programme::Programme::default();
        shows(&inside, &t().follow_up_criteria_note(&programme), &what);
    }
}

#[test]
fn review_mode_fits_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        set_lang(lang);
        let keys = Keymap::default();
        let mut app = ReviewApp::new(
            "sessions",
            store::list(&root().join("sessions")),
            Theme::of(ThemeKind::Dark),
            std::sync::Arc::new(|pad: &str, _job: &_| {
                load_dataset(&root().join(pad)).map_err(|e| e.to_string())
            }),
        );
        app.resize(ratatui::layout::Rect::new(0, 0, W, H));
        let screen = common::render_with(W, H, |f| duiden::tui::review::draw(f, &app));
        let what = format!("{lang:?} review");
        tabs(
            &screen,
            &[t().review_tab_notes, t().review_tab_questions],
            None,
            &what,
        );
        status_hints(&screen, &keys, Context::Review, &what);
        popup(&screen, t().review_sessions, &what);
        let filters = screen.lines().nth(1).unwrap_or_default();
        for label in [
            t().review_search,
            t().review_kind,
            t().review_status,
            t().review_domain,
            t().review_role,
            t().review_period,
        ] {
            assert!(
                filters.contains(&format!("{label}: ")),
                "{what}: {label} in {filters:?}"
            );
        }
    }
}

/// A session of today that breaks after the start popup listed it: opening it keeps the popup
/// and says why in the status line, in the interface's language with the file's line and column.
#[test]
fn a_broken_session_in_the_start_popup_is_explained_in_english() {
    for (lang, expected) in [
        (
            Lang::Nl,
            "2:11: sessieformaat 0 bestaat niet; verwacht formaat = 1 t/m 4",
        ),
        (
            Lang::En,
            "2:11: session format 0 does not exist; expected formaat = 1 to 4",
        ),
    ] {
        set_lang(lang);
        let dir = tempfile::tempdir().unwrap();
        let dataset = sample();
        let today = duiden::session::today();
        let path = dir.path().join(format!("{today}-kapot.toml"));
        let session = Session::new(
            "Kapot",
            today,
            DatasetRef {
                path: "datasets/voorbeeld".into(),
                hash: dataset.content_hash.clone(),
            },
        );
        store::save_atomic(&path, &session).unwrap();
        let setup = SessionSetup {
            dir: dir.path().to_path_buf(),
            dataset_pad: "datasets/voorbeeld".into(),
        };
        let mut app = App::new(dataset, ThemeKind::Dark).with_sessions(setup, None);
        std::fs::write(&path, "# kapot\nformaat = 0\ntitel = \"Kapot\"\n").unwrap();
        press(&mut app, KeyCode::Enter);
        // Wide enough for the temporary folder's path in front of the message.
        let screen = common::render(&mut app, 250, H);
        let what = format!("{lang:?} broken session");
        let (inside, _) = popup(&screen, t().start_title, &what);
        shows(&inside, "Kapot", &what);
        let status = screen.lines().last().unwrap_or_default();
        assert!(
            status.contains(&format!("kapot.toml:{expected}")),
            "{what}: status line\n{status}\nof\n{screen}"
        );
    }
    set_lang(Lang::Nl);
}
