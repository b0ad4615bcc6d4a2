//! Speed goals as a benchmark (never as timed tests): `cargo bench`.
//!
//! - start to first frame of the sample (load + state + draw at 200×60): goal < 100 ms;
//! - redraw at 200×60 with 12 series: goal < 5 ms;
//! - saving a session with 1,000 annotations (atomic, fsync): goal < 5 ms;
//! - all differences for 500 indicators × 120 months × 3 sources: goal < 50 ms;
//! - switching reference source and granularity in the comparison view, with redraw: < 16 ms.
//!
//! Prints the median of several runs and whether the goal is met; exits non-zero when a goal is
//! missed so the benchmark can gate a release.

use duiden::analysis::mismatch::{Settings, detect};
use duiden::load::load_dataset;
use duiden::model::{
    Breakdown, Dataset, DatasetMeta, IndicatorMeta, Observation, Period, Series, SeriesKey, Soort,
    SourceMeta, Status,
};
use duiden::session::{Anchor, Annotation, AnnotationKind, DatasetRef, Role, Session, store};
use duiden::tui::app::App;
use duiden::tui::keymap::Action;
use duiden::tui::style::ThemeKind;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::{Duration, Instant};

// The same allocator as the binary (src/main.rs), so the numbers are the shipped ones.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Median time of `f` over `runs` runs; what `f` returns is dropped outside the timing, since
/// freeing results is not part of computing them.
fn measure<R>(runs: usize, mut f: impl FnMut() -> R) -> Duration {
    drop(f()); // warm-up
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                let out = f();
                let took = t.elapsed();
                drop(out);
                took
            })
            .collect(),
    )
}

struct Goal {
    name: &'static str,
    took: Duration,
    limit: Duration,
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    let mut goals = Vec::new();

    let first_frame = measure(20, || {
        let dataset = load_dataset(&dir).expect("sample loads");
        let mut app = App::new(dataset, ThemeKind::Dark);
        app.resize(ratatui::layout::Rect::new(0, 0, 200, 60));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        terminal.draw(|f| duiden::tui::draw(f, &app)).unwrap();
    });
    goals.push(Goal {
        name: "start tot eerste frame (voorbeeld, 200×60)",
        took: first_frame,
        limit: Duration::from_millis(100),
    });

    let dataset = load_dataset(&dir).expect("sample loads");
    let keys: Vec<_> = dataset
        .series
        .iter()
        .filter(|s| s.points.len() >= 12)
        .take(12)
        .map(|s| s.key.clone())
        .collect();
    let mut app = App::new(dataset, ThemeKind::Dark);
    let data = std::sync::Arc::clone(&app.shared.dataset);
    app.trend.set_selection(&data, keys);
    app.resize(ratatui::layout::Rect::new(0, 0, 200, 60));
    assert_eq!(app.trend.chart.series.len(), 12);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let redraw = measure(50, || {
        terminal.draw(|f| duiden::tui::draw(f, &app)).unwrap();
    });
    goals.push(Goal {
        name: "hertekenen 200×60 met 12 reeksen",
        took: redraw,
        limit: Duration::from_millis(5),
    });
    // On the projector: the same 12 series presented (large title, half blocks, legend with
    // readout, source footer), the cursor on a period with events.
    app.update(duiden::tui::keymap::Action::Presentation);
    assert!(app.presentation && app.trend.chart.series.len() == 12);
    let presented = measure(50, || {
        terminal.draw(|f| duiden::tui::draw(f, &app)).unwrap();
    });
    goals.push(Goal {
        name: "hertekenen presentatie 200×60 met 12 reeksen",
        took: presented,
        limit: Duration::from_millis(5),
    });
    app.update(duiden::tui::keymap::Action::Presentation);

    // Saving a session with 1,000 annotations must never stall typing.
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("2026-11-23-bench.toml");
    let mut session = Session::new(
        "Bench",
        "2026-11-23".parse().expect("date"),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: "0".repeat(64),
        },
    );
    for i in 0..1000u32 {
        session.add(Annotation {
            code: None,
            answer: String::new(),
            result: None,
            links: Vec::new(),
            id: 0,
            kind: AnnotationKind::ALL[i as usize % AnnotationKind::ALL.len()],
            text: format!(
                "Aantekening {i}: de instroom daalt na de zomer; aanbieders zien \"wachtlijsten\"\nen de toegang registreert later."
            ),
            role: Role::Toegang,
            name: "Fatima".into(),
            time: "2026-11-23T10:15:00+01:00".parse().expect("time"),
            anchor: Anchor::new(
                "jeugd",
                "instroom",
                vec!["gemeente-registratie".into(), "aanbieders-maandrapportage".into()],
                duiden::model::Period::month(2021, 3),
                duiden::model::Period::month(2021, 6),
            ),
            status: None,
            owner: String::new(),
            theme: String::new(),
            support: Vec::new(),
            disagree: Vec::new(),
            criteria: Default::default(),
        });
    }
    let save = measure(30, || {
        store::save_atomic(&path, &session).expect("save");
    });
    let serialise = measure(30, || {
        std::hint::black_box(store::to_toml(&session).expect("toml"));
    });
    println!(
        "  waarvan TOML maken: {:.3} ms",
        serialise.as_secs_f64() * 1000.0
    );
    goals.push(Goal {
        name: "sessie opslaan met 1.000 aantekeningen",
        took: save,
        limit: Duration::from_millis(5),
    });

    // All differences for 500 indicators × 120 months × 3 sources.
    let big = synthetic_dataset(500, 120);
    let detect_time = measure(5, || detect(&big, &Settings::default()));
    goals.push(Goal {
        name: "alle verschillen, 500 reeksen × 120 mnd × 3 bronnen",
        took: detect_time,
        limit: Duration::from_millis(50),
    });

    // Switching the reference source or granularity in the comparison view: rebuild + draw.
    let dataset = load_dataset(&dir).expect("sample loads");
    let mut app = App::new(dataset, ThemeKind::Dark);
    app.resize(ratatui::layout::Rect::new(0, 0, 200, 60));
    app.update(Action::ShowCompare);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let switch = measure(30, || {
        app.update(Action::CycleReference);
        app.update(Action::CycleGranularity);
        terminal.draw(|f| duiden::tui::draw(f, &app)).unwrap();
    });
    goals.push(Goal {
        name: "referentie/periode wisselen + tekenen (200×60)",
        took: switch,
        limit: Duration::from_millis(16),
    });

    let mut failed = false;
    for g in &goals {
        let ok = g.took <= g.limit;
        failed |= !ok;
        println!(
            "{:<48} {:>9.3} ms  (doel < {} ms) {}",
            g.name,
            g.took.as_secs_f64() * 1000.0,
            g.limit.as_millis(),
            if ok { "OK" } else { "TE TRAAG" }
        );
    }
    if failed {
        std::process::exit(1);
    }
}

/// `indicators` indicators, each monthly from three sources that differ a little.
fn synthetic_dataset(indicators: usize, months: i64) -> Dataset {
    let sources = ["aanbieders", "cbs", "gemeente"];
    let domains = ["jeugd", "wmo", "participatie"];
    let mut meta = DatasetMeta {
        titel: "bench".into(),
        ..DatasetMeta::default()
    };
    for s in sources {
        meta.bronnen.push(SourceMeta {
            id: s.into(),
            naam: s.into(),
            ..SourceMeta::default()
        });
    }
    let mut series = Vec::new();
    for i in 0..indicators {
        let domein = domains[i % domains.len()].to_string();
        let indicator = format!("indicator_{i:03}");
        meta.indicatoren.push(IndicatorMeta {
            domein: domein.clone(),
            id: indicator.clone(),
            naam: String::new(),
            soort: Soort::Stroom,
            eenheid: "cliënten".into(),
            definitie: String::new(),
            teller: None,
            noemer: None,
            per: None,
            per_bron: Default::default(),
            in_te_vullen: Vec::new(),
            deel_van: None,
        });
        for (si, s) in sources.iter().enumerate() {
            let start = Period::month(2015, 1).start_month();
            let points = (0..months)
                .map(|m| Observation {
                    period: Period::from_month_number(start + m),
                    // Every 7th month one source is 10% off: plenty of flags to name.
                    value: Some(
                        100.0
                            + (m % 12) as f64 * 3.0
                            + if (m + si as i64) % 7 == 0 { 10.0 } else { 0.0 },
                    ),
                    status: Status::Definitief,
                    unit: None,
                    note: None,
                    line: 0,
                })
                .collect();
            series.push(Series {
                key: SeriesKey {
                    domein: domein.clone(),
                    indicator: indicator.clone(),
                    bron: s.to_string(),
                    breakdown: Breakdown::default(),
                },
                points,
            });
        }
    }
    series.sort_by(|a, b| a.key.cmp(&b.key));
    Dataset {
        path: "bench".into(),
        meta,
        series,
        content_hash: String::new(),
    }
}
