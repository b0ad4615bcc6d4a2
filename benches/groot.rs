//! A big long-format dataset (issue 13.3): `cargo bench --bench groot`.
//!
//! 50 gemeenten × 12 indicatoren × 3 bronnen × 120 maanden (2.16 million rows, ~150 MB), written
//! with `duiden::load::large_sample` into a temporary folder (or `GROOT_MAP=…` to reuse one).
//! Goals: loaded and checked in < 1.5 s with peak memory < 3× the file; every key in every tab
//! answered (update + redraw at 200×60) in < 100 ms, also a transform or another view of the
//! chart (season, breakdown, places); all differences (`duiden verschillen`) in
//! < 2 s. Prints each measurement and exits non-zero when a goal is missed.

use duiden::analysis::mismatch::{Settings, detect};
use duiden::load::large_sample::{LargeSpec, write_large};
use duiden::load::{DATA_FILE, load_dataset};
use duiden::model::disclosure::Disclosure;
use duiden::tui::app::App;
use duiden::tui::keymap::Action;
use duiden::tui::style::ThemeKind;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Peak resident memory since the last [`reset_peak`] (Linux `VmHWM`), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak to the current resident size (Linux: `5` to `clear_refs`).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Median wall time of `runs` runs of `f`, in seconds; what `f` returns is dropped untimed.
fn median<R>(runs: usize, mut f: impl FnMut() -> R) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let out = f();
            let took = t.elapsed().as_secs_f64();
            drop(out);
            took
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

struct Goal {
    name: String,
    took: f64,
    limit: f64,
    unit: &'static str,
}

fn main() {
    let (_tmp, dir) = match std::env::var_os("GROOT_MAP") {
        Some(d) => (None, PathBuf::from(d)),
        None => {
            let tmp = tempfile::tempdir().expect("tempdir");
            let dir = tmp.path().join("groot");
            let rows = write_large(&dir, LargeSpec::default()).expect("write");
            println!("{rows} regels gegenereerd in {}", dir.display());
            (Some(tmp), dir)
        }
    };
    if !dir.join(DATA_FILE).exists() {
        write_large(&dir, LargeSpec::default()).expect("write");
    }
    let file_mb = std::fs::metadata(dir.join(DATA_FILE)).map_or(0.0, |m| m.len() as f64 / 1e6);
    let mut goals = Vec::new();

    reset_peak();
    let before = peak_mb().unwrap_or(0.0);
    let dataset = load_dataset(&dir).expect("the generated dataset loads");
    let peak = peak_mb().map(|p| p - before);
    // Wall times are the median of three runs, with the file in the page cache (as on the
    // second start of the day): a cold read measures the disk.
    let load = median(3, || load_dataset(&dir).expect("loads"));
    println!("{} reeksen, {file_mb:.0} MB", dataset.series.len());
    goals.push(Goal {
        name: "laden en controleren".into(),
        took: load,
        limit: 1.5,
        unit: "s",
    });
    if let Some(p) = peak {
        goals.push(Goal {
            name: format!("piekgeheugen laden (bestand {file_mb:.0} MB)"),
            took: p,
            limit: 3.0 * file_mb,
            unit: "MB",
        });
    }

    // `duiden verschillen`: load, detect, text; the process exits without freeing.
    let mut count = 0;
    let differences = median(3, || {
        let dataset = load_dataset(&dir).expect("loads");
        let found = detect(&dataset, &Settings::default());
        let rule = Disclosure::for_dataset(&dataset, false);
        let text =
            duiden::report::mismatches(&found, duiden::report::Format::Text, &rule, &dataset.meta);
        count = found.len();
        (dataset, found, text)
    });
    goals.push(Goal {
        name: format!("verschillen: laden, vinden, tekst ({count} gevonden)"),
        took: differences,
        limit: 2.0,
        unit: "s",
    });

    // The comparison table of one indicator over 50 gemeenten, built afresh (a reference or
    // granularity change): instroom, and the stand with its stock-flow checks.
    for indicator in ["instroom", "stand"] {
        let mut rows = 0;
        let took = median(3, || {
            let table =
                duiden::analysis::mismatch::compare(&dataset, "jeugd", indicator, None, None);
            rows = table.rows.len();
            table
        });
        goals.push(Goal {
            name: format!("vergelijkingstabel jeugd/{indicator} ({rows} rijen)"),
            took: took * 1000.0,
            limit: 100.0,
            unit: "ms",
        });
    }

    keys(dataset, &mut goals);

    let mut failed = false;
    for g in &goals {
        let ok = g.took <= g.limit;
        failed |= !ok;
        println!(
            "{:<52} {:>9.3} {}  (doel < {} {}) {}",
            g.name,
            g.took,
            g.unit,
            g.limit,
            g.unit,
            if ok { "OK" } else { "TE TRAAG" }
        );
    }
    if failed {
        std::process::exit(1);
    }
}

/// The keys a user presses in each tab.
const TAB_KEYS: &[(&str, Action, &[Action])] = &[
    (
        "toets in de trend",
        Action::ShowTrend,
        &[
            Action::Down,
            Action::Down,
            Action::Toggle,
            Action::Right,
            Action::Left,
            Action::CycleGranularity,
            Action::NextPane,
            Action::Down,
            Action::End,
            Action::Home,
            Action::PageDown,
            Action::CycleGranularity,
            Action::ToggleRange,
        ],
    ),
    // Issue 14: a transform or another view of the chart, and the redraw.
    (
        "bewerking of weergave + hertekenen",
        Action::ShowTrend,
        &[
            Action::NextPane,
            Action::MovingAverage,
            Action::YearOnYear,
            Action::YearOnYear,
            Action::IndexAtCursor,
            Action::YearToDate,
            Action::PerInhabitants,
            Action::SeasonView,
            Action::Left,
            Action::SeasonView,
            Action::BreakdownView,
            Action::BreakdownView,
            Action::BreakdownView,
            Action::BreakdownView,
            Action::PlacesView,
            Action::PlacesView,
        ],
    ),
    (
        "toets in vergelijken",
        Action::ShowCompare,
        &[
            Action::Down,
            Action::PageDown,
            Action::CycleReference,
            Action::CycleGranularity,
            Action::End,
            Action::Home,
            Action::NextPane,
            Action::Down,
            Action::Activate,
        ],
    ),
    (
        "toets in verschillen",
        Action::ShowOverview,
        &[
            Action::Down,
            Action::PageDown,
            Action::FilterKind,
            Action::FilterDomain,
            Action::ClearFilters,
            Action::End,
            Action::Activate,
        ],
    ),
];

/// First frame, then every key of every tab: update + redraw at 200×60, the slowest counted.
fn keys(dataset: duiden::model::Dataset, goals: &mut Vec<Goal>) {
    let area = ratatui::layout::Rect::new(0, 0, 200, 60);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let t = Instant::now();
    let mut app = App::new(dataset, ThemeKind::Dark);
    app.resize(area);
    terminal.draw(|f| duiden::tui::draw(f, &app)).expect("draw");
    goals.push(Goal {
        name: "eerste beeld met grafiek".into(),
        took: t.elapsed().as_secs_f64() * 1000.0,
        limit: 100.0,
        unit: "ms",
    });
    for (what, tab, presses) in TAB_KEYS {
        let mut slowest = (Duration::ZERO, *tab);
        for &action in std::iter::once(tab).chain(presses.iter()) {
            let t = Instant::now();
            app.update(action);
            app.tick();
            terminal.draw(|f| duiden::tui::draw(f, &app)).expect("draw");
            let took = t.elapsed();
            if took > slowest.0 {
                slowest = (took, action);
            }
            if *tab == Action::ShowOverview && action == *tab {
                // The differences are detected on a worker: wait for it outside the timing.
                app.finish_background(Duration::from_secs(60));
            }
            app.update(Action::Cancel);
        }
        goals.push(Goal {
            name: format!("traagste {what} ({})", slowest.1.name()),
            took: slowest.0.as_secs_f64() * 1000.0,
            limit: 100.0,
            unit: "ms",
        });
    }
    palette(&mut app, &mut terminal, goals);
}

/// The palette over every series: opening it, then each letter of a search typed.
fn palette(app: &mut App, terminal: &mut Terminal<TestBackend>, goals: &mut Vec<Goal>) {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut slowest = (Duration::ZERO, ' ');
    for c in ":jgd cbs wijk".chars() {
        let t = Instant::now();
        app.handle_event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
        terminal.draw(|f| duiden::tui::draw(f, app)).expect("draw");
        let took = t.elapsed();
        if took > slowest.0 {
            slowest = (took, c);
        }
    }
    app.handle_event(Event::Key(KeyEvent::from(KeyCode::Esc)));
    goals.push(Goal {
        name: format!("traagste toets in het palet ({:?})", slowest.1),
        took: slowest.0.as_secs_f64() * 1000.0,
        limit: 100.0,
        unit: "ms",
    });
}
