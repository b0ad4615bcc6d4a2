//! Exporting the table on screen (`X`): a CSV and a Markdown file of the same name beside the
//! session (or, only looking, in the exports folder), never over an existing file, holding what
//! the screen shows, and the status line naming both.

mod common;

use common::{app_with_session, render, words};
use duiden::report::table::{Language, table};
use duiden::tui::app::App;
use duiden::tui::keymap::Action;
use duiden::tui::tabs::Tab;
use std::path::Path;
use std::time::Duration;

/// `X`, then what it started in the background finished (as the event loop would).
fn export(app: &mut App) {
    common::press_and_finish(app, 'X');
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// The cells of a CSV as Excel with Dutch settings reads it: after the BOM, split on `;`.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
    assert!(
        body.windows(2).filter(|w| w == b"\r\n").count()
            == body.iter().filter(|b| **b == b'\n').count(),
        "CRLF line ends"
    );
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn x_on_the_trend_writes_csv_and_markdown_beside_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_session(dir.path());
    app.update(Action::MovingAverage);
    let view = app.current_view().expect("a view");
    assert!(view.transform.is_some(), "{view:?}");
    app.shared.message = None;
    export(&mut app);
    let stem = format!("{}-jeugd-instroom", today());
    let csv = dir.path().join(format!("{stem}.csv"));
    let md = dir.path().join(format!("{stem}.md"));
    assert_eq!(common::files(dir.path(), "csv"), vec![csv.clone()]);
    assert_eq!(common::files(dir.path(), "md"), vec![md.clone()]);
    // The CSV reads back as the table of the view on screen, cell for cell.
    let expected = table(app.dataset(), &view, today(), Language::Dutch).unwrap();
    let cells = read_csv(&csv);
    assert_eq!(cells[0], expected.headers);
    assert_eq!(cells[1..], expected.rows[..]);
    assert!(cells.len() > 10, "{}", cells.len());
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Instroom jeugdhulp\n"), "{text}");
    assert!(
        text.contains("Bewerking: voortschrijdend gemiddelde"),
        "{text}"
    );
    assert!(text.contains(&format!("| {} |", expected.headers.join(" | "))));
    assert!(text.contains("Bron: "), "{text}");
    let screen = words(&render(&mut app, 240, 40));
    let said = format!("tabel geëxporteerd: {} en {}", csv.display(), md.display());
    assert!(screen.contains(&said), "{screen}");
    // Again: both under a new name, the first ones left as they were.
    let before = std::fs::read(&csv).unwrap();
    export(&mut app);
    let second = dir.path().join(format!("{stem}-2"));
    assert_eq!(common::files(dir.path(), "csv").len(), 2);
    assert!(second.with_extension("csv").exists());
    assert!(second.with_extension("md").exists());
    assert_eq!(std::fs::read(&csv).unwrap(), before);
}

#[test]
fn only_looking_the_comparison_and_the_signals_go_to_the_exports_folder() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessies");
    let mut app = common::sample_app_only_looking(&sessions);
    let exports = dir.path().join("exports");
    app.update(Action::ShowCompare);
    assert_eq!(app.tab, Tab::Compare);
    export(&mut app);
    let csv = exports.join(format!("{}-jeugd-instroom-vergelijking.csv", today()));
    assert_eq!(common::files(&exports, "csv"), vec![csv.clone()]);
    let cells = read_csv(&csv);
    assert_eq!(cells[0].last().unwrap(), "Soort verschil");
    assert!(cells[0][1].ends_with(" (referentie)"), "{:?}", cells[0]);
    assert!(!sessions.exists(), "no sessions folder for an export");
    app.update(Action::ShowSignals);
    assert!(app.finish_background(Duration::from_secs(60)));
    let found = app.signals.found.clone().expect("signals found");
    export(&mut app);
    let csv = exports.join(format!("{}-signalen.csv", today()));
    let cells = read_csv(&csv);
    assert_eq!(cells.len(), found.len() + 1);
    assert_eq!(cells[0].last().unwrap(), "Reden");
    assert!(exports.join(format!("{}-signalen.md", today())).exists());
}

#[test]
fn an_empty_chart_exports_no_table_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::sample_app_only_looking(&dir.path().join("sessies"));
    app.update(Action::ClearChart);
    export(&mut app);
    assert!(!dir.path().join("exports").exists());
    let screen = words(&render(&mut app, 200, 40));
    assert!(
        screen.contains("niets te exporteren: geen tabel op het scherm"),
        "{screen}"
    );
}
