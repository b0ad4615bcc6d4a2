//! Many regions: with 50 gemeenten (regio) the comparison shows a row per regio and period with
//! that regio's own reference, the overview and `duiden verschillen` name the regio.

mod common;

use duiden::analysis::mismatch::compare;
use duiden::load::load_dataset;
use duiden::model::{Dataset, Granularity};
use duiden::tui::app::App;
use duiden::tui::i18n::{Lang, set_lang};
use duiden::tui::keymap::Action;
use duiden::tui::style::ThemeKind;

fn fifty() -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    common::many_regions(dir.path(), 50);
    let ds = load_dataset(dir.path()).expect("the 50-gemeenten dataset loads");
    (dir, ds)
}

/// Writes the dataset for trying it by hand:
/// `DUIDEN_REGIOS=/tmp/regios50 cargo test --test regions -- --ignored`.
#[test]
#[ignore]
fn write_fifty_regions() {
    let dir = std::path::PathBuf::from(std::env::var("DUIDEN_REGIOS").expect("DUIDEN_REGIOS"));
    std::fs::create_dir_all(&dir).unwrap();
    common::many_regions(&dir, 50);
}

#[test]
fn the_comparison_has_rows_per_regio_each_with_its_own_reference() {
    let (_dir, ds) = fifty();
    let c = compare(&ds, "jeugd", "instroom", None, None);
    assert_eq!(c.granularity, Granularity::HalfYear);
    assert_eq!(c.regions().len(), 50);
    // 2022-2023 has four half years; gemeente-registratie starts in 2021 and adds two.
    for r in 0..50 {
        let code = common::region_code(r);
        let rows: Vec<_> = (c.rows.iter())
            .filter(|row| row.breakdown.regio.as_deref() == Some(code.as_str()))
            .collect();
        let registers = r % 5 != 4;
        assert_eq!(rows.len(), if registers { 6 } else { 4 }, "{code}");
        let reference = if registers {
            "gemeente-registratie"
        } else {
            "aanbieders-maandrapportage"
        };
        for row in &rows {
            assert_eq!(row.reference.as_deref(), Some(reference), "{code}");
            // Only this regio's columns are in the row: the others are on their own rows.
            assert!(!row.columns.is_empty(), "{code}");
            assert_eq!(row.columns.len(), row.cells.len(), "{code}");
            for &col in &row.columns {
                assert_eq!(c.columns[col].breakdown, row.breakdown, "{code}");
            }
            assert!(c.sources_of(row).iter().any(|b| b == reference));
        }
        // The aanbieders of every third regio from the second on report 4 or 8 a month more.
        let last = rows.last().unwrap();
        let aanbieders = (c.columns.iter())
            .position(|col| {
                col.bron == "aanbieders-maandrapportage" && col.breakdown == last.breakdown
            })
            .unwrap();
        if registers {
            let diff = last.cell(aanbieders).unwrap().diff.unwrap();
            assert_eq!(diff, 6.0 * 4.0 * (r % 3) as f64, "{code}");
        } else {
            assert!(
                last.cell(aanbieders).unwrap().diff.is_none(),
                "the reference itself"
            );
        }
    }
}

fn compare_screen(width: u16, height: u16) -> String {
    set_lang(Lang::Nl);
    let (_dir, ds) = fifty();
    let mut app = App::new(ds, ThemeKind::Dark);
    app.update(Action::ShowCompare);
    common::render(&mut app, width, height)
}

/// The rows of the comparison's table box, between its title and its bottom border.
fn table_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = (lines.iter())
        .position(|l| l.contains("Verschillen per periode"))
        .unwrap_or_else(|| panic!("no difference table\n{screen}"));
    (lines[top + 1..].iter())
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn the_comparison_of_fifty_gemeenten_is_not_blank_and_names_each_regio() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = compare_screen(w, h);
        let rows = table_rows(&screen);
        assert!(rows.len() >= 3, "{w}x{h}: table rows\n{screen}");
        assert!(rows[0].contains("regio"), "{w}x{h}: header\n{screen}");
        for row in &rows[1..] {
            assert!(
                row.contains("│GM0"),
                "{w}x{h}: row names its regio\n{screen}"
            );
            assert!(
                row.contains("H1 202") || row.contains("H2 202"),
                "{w}x{h}: row has its period whole\n{screen}"
            );
            // Regio and period side by side: the spare width goes to the kind column.
            let period_at = row.chars().position(|c| c == 'H').unwrap();
            assert!(period_at <= 10, "{w}x{h}: period next to regio\n{screen}");
        }
        assert!(
            screen.contains("referentie van elke regio"),
            "{w}x{h}: reference per regio in the title\n{screen}"
        );
        assert!(rows[1].contains("(ref)"), "{w}x{h}\n{screen}");
        // Every source has its chart symbol, also one the selected regio lacks.
        for mark in ["✚ gem", "✖ aan", "▼ cbs"] {
            assert!(rows[0].contains(mark), "{w}x{h}: {mark}\n{screen}");
        }
        assert!(
            screen.contains("regio GM0100 · referentie: gemeente-registratie"),
            "{w}x{h}: the selected row's regio and reference\n{screen}"
        );
    }
    // The table and its detail only: the charts above are another part's.
    let screen = compare_screen(120, 40);
    let from = screen.find("┌ Verschillen per periode").unwrap();
    insta::assert_snapshot!("compare_fifty_regions_120x40", &screen[from..]);
}

#[test]
fn the_overview_and_the_text_output_name_the_regio() {
    set_lang(Lang::Nl);
    let (dir, ds) = fifty();
    let found = duiden::analysis::mismatch::detect(&ds, &Default::default());
    let text = duiden::report::mismatches(
        &found,
        duiden::report::Format::Text,
        &duiden::model::disclosure::Disclosure::for_dataset(&ds, false),
        &ds.meta,
    );
    let first = text.lines().next().unwrap();
    assert!(first.contains("jeugd/instroom (regio GM0"), "{first}");
    let json = duiden::report::mismatches(
        &found,
        duiden::report::Format::Json,
        &duiden::model::disclosure::Disclosure::for_dataset(&ds, false),
        &ds.meta,
    );
    assert!(
        json.contains("\"uitsplitsing\": \"regio GM0"),
        "JSON names the regio"
    );
    let mut app = App::new(ds, ThemeKind::Dark);
    app.update(Action::ShowOverview);
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
    let screen = common::render(&mut app, 120, 40);
    assert!(screen.contains("regio"), "regio column\n{screen}");
    let rows = screen.lines().filter(|l| l.contains(" GM0")).count();
    assert!(rows >= 10, "rows name their regio\n{screen}");
    drop(dir);
}

#[test]
fn the_legend_keeps_the_regio_at_80x24() {
    set_lang(Lang::Nl);
    let (_dir, ds) = fifty();
    // One source in several regios: the legend must say which regio each line is.
    let keys: Vec<_> = (ds.series.iter())
        .filter(|s| s.key.indicator == "instroom" && s.key.bron == "aanbieders-maandrapportage")
        .map(|s| s.key.clone())
        .take(8)
        .collect();
    let mut app = App::new(ds, ThemeKind::Dark);
    let data = std::sync::Arc::clone(&app.shared.dataset);
    app.trend.set_selection(&data, keys);
    let screen = common::render(&mut app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let top = (lines.iter())
        .position(|l| l.contains("Legenda"))
        .unwrap_or_else(|| panic!("legend\n{screen}"));
    let rows: Vec<&&str> = lines[top + 1..]
        .iter()
        .take_while(|l| !l.starts_with('└'))
        .collect();
    assert!(!rows.is_empty(), "{screen}");
    for (i, row) in rows.iter().enumerate() {
        let code = common::region_code(i);
        assert!(
            row.contains(&format!("regio {code}")),
            "legend row {i}: {row}\n{screen}"
        );
    }
}

#[test]
fn a_source_left_out_in_every_regio_is_said_once() {
    set_lang(Lang::Nl);
    let (_dir, ds) = fifty();
    let mut app = App::new(ds, ThemeKind::Dark);
    app.update(Action::ShowCompare);
    // Per month: the half-yearly CBS figures cannot be shown, in each of the 50 regios.
    app.update(Action::CycleGranularity);
    app.update(Action::CycleGranularity);
    let screen = common::render(&mut app, 120, 60);
    let said = screen.matches("cbs-beleidsinformatie:").count();
    assert_eq!(said, 1, "{screen}");
    assert!(screen.contains("per maand"), "{screen}");
}

#[test]
fn a_note_on_a_regio_row_records_the_regio_and_the_minutes_say_it() {
    use duiden::report::minutes::{Minutes, html, markdown};
    use duiden::session::{Annotation, AnnotationKind, DatasetRef, Role, Session, store};
    use duiden::tui::tabs::compare::CompareTab;
    let (dir, ds) = fifty();
    let mut tab = CompareTab::default();
    tab.open(&ds, "jeugd", "instroom", None);
    let table = tab.table.as_ref().unwrap();
    tab.view.selected = (table.rows.iter())
        .position(|r| r.breakdown.regio.as_deref() == Some("GM0107"))
        .unwrap();
    let anchor = tab.anchor().unwrap();
    assert_eq!(anchor.region.as_deref(), Some("GM0107"));
    assert_eq!(anchor.reference.as_deref(), Some("gemeente-registratie"));
    let mut s = Session::new(
        "Regio's",
        "2026-11-26".parse().unwrap(),
        DatasetRef {
            path: "regios".into(),
            hash: ds.content_hash.clone(),
        },
    );
    s.add(Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind: AnnotationKind::Observatie,
        text: "Aanbieders hoger".into(),
        role: Role::Aanbieder,
        name: "Sanne".into(),
        time: "2026-11-26T10:00:00+01:00".parse().unwrap(),
        status: None,
        owner: String::new(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Default::default(),
        anchor,
    });
    // The regio survives saving and loading.
    let path = dir.path().join("sessie.toml");
    store::save_atomic(&path, &s).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("regio = \"GM0107\"")
    );
    let back = store::load(&path).unwrap();
    assert_eq!(back.annotations, s.annotations);
    let m = Minutes::build(&back, "sessie.toml", None, Some(&ds));
    assert!(markdown(&m).contains("regio GM0107"), "{}", markdown(&m));
    assert!(html(&m).contains("regio GM0107"));
}

#[test]
fn monthly_rows_keep_their_period_whole_at_80x24() {
    set_lang(Lang::Nl);
    let (_dir, ds) = fifty();
    let mut app = App::new(ds, ThemeKind::Dark);
    app.update(Action::ShowCompare);
    // Per month: the half-yearly CBS figures are left out, the monthly rows remain.
    app.update(Action::CycleGranularity);
    app.update(Action::CycleGranularity);
    let screen = common::render(&mut app, 80, 24);
    assert!(screen.contains("per maand"), "{screen}");
    let rows = table_rows(&screen);
    assert!(rows.len() >= 2, "{screen}");
    for row in &rows[1..] {
        assert!(
            row.contains(" 2023 ") || row.contains(" 2022 ") || row.contains(" 2021 "),
            "{row}\n{screen}"
        );
    }
}

/// The real binary in a pseudo-terminal at 80×24: the comparison of 50 gemeenten is readable.
#[test]
fn the_binary_shows_the_regio_table_at_80x24() {
    use std::ffi::OsStr;
    let (dir, _ds) = fifty();
    let sessions = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let args = [
        OsStr::new("--sessies"),
        sessions.path().as_os_str(),
        dir.path().as_os_str(),
    ];
    let mut tui = common::Tui::spawn_in(root, &args, 24, 80);
    tui.wait_for("Alleen kijken");
    tui.send("\x1b");
    tui.wait_gone("Alleen kijken");
    tui.send("2");
    // One wait for the whole screen: a frame can arrive in several reads.
    tui.wait_until("the regio table with its reference", |s| {
        s.contains("referentie van elke regio")
            && s.contains("GM0100 H")
            && s.contains("regio GM0100 · referentie: gemeente-registratie")
    });
    tui.send("q");
    tui.wait_exit();
}

#[test]
fn opening_a_note_on_a_regio_row_returns_to_that_regio() {
    use duiden::tui::tabs::compare::CompareTab;
    let (_dir, ds) = fifty();
    let mut tab = CompareTab::default();
    tab.open(&ds, "jeugd", "instroom", None);
    let table = tab.table.as_ref().unwrap();
    tab.view.selected = (table.rows.iter())
        .rposition(|r| r.breakdown.regio.as_deref() == Some("GM0135"))
        .unwrap();
    let anchor = tab.anchor().unwrap();
    let mut app = App::new(ds, ThemeKind::Dark);
    app.show_view(&anchor);
    assert_eq!(app.tab, duiden::tui::tabs::Tab::Compare);
    let row = &app.compare.table.as_ref().unwrap().rows[app.compare.view.selected];
    assert_eq!(row.breakdown.regio.as_deref(), Some("GM0135"));
    assert_eq!(row.period, anchor.from);
}

/// The tables draw only the rows on screen: after End the last row is on screen and selected,
/// in the overview and in the comparison (6 rows a regio × 50 regios there).
#[test]
fn end_shows_the_last_row_of_the_overview_and_the_comparison() {
    set_lang(Lang::Nl);
    let (dir, ds) = fifty();
    let mut app = App::new(ds, ThemeKind::Dark);
    app.update(Action::ShowOverview);
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
    let n = app.overview.visible_len();
    assert!(n > 40, "more differences than fit: {n}");
    app.update(Action::End);
    let screen = common::render(&mut app, 120, 40);
    assert_eq!(app.overview.view.selected, n - 1);
    let last = app.overview.visible_at(n - 1).unwrap();
    let regio = last.breakdown.regio.clone().unwrap();
    let period = duiden::tui::i18n::t().period_short(&last.period);
    let bottom = (screen.lines())
        .take_while(|l| !l.contains("└"))
        .filter(|l| l.contains(&regio) && l.contains(&period))
        .count();
    assert!(
        bottom >= 1,
        "last difference {regio} {period} on screen\n{screen}"
    );

    app.update(Action::ShowCompare);
    app.update(Action::End);
    let screen = common::render(&mut app, 120, 40);
    let rows = table_rows(&screen);
    let last_regio = common::region_code(49);
    assert!(
        rows.iter()
            .rev()
            .find(|l| l.contains("GM0"))
            .is_some_and(|l| l.contains(&last_regio)),
        "the last regio's last row at the bottom\n{screen}"
    );
    drop(dir);
}

/// With 50 gemeenten the opening chart compares the sources of the first, not one source's line
/// in 12 gemeenten.
#[test]
fn the_opening_chart_shows_the_sources_of_one_regio() {
    let (_dir, ds) = fifty();
    let app = App::new(ds, ThemeKind::Dark);
    let shown: Vec<_> = app.trend.chart.series.iter().map(|s| &s.key).collect();
    assert!(shown.len() >= 2, "{shown:?}");
    let first = common::region_code(0);
    assert!(
        shown
            .iter()
            .all(|k| k.breakdown.regio.as_deref() == Some(first.as_str())),
        "{shown:?}"
    );
    let mut sources: Vec<_> = shown.iter().map(|k| k.bron.as_str()).collect();
    sources.dedup();
    assert_eq!(sources.len(), shown.len(), "each source once: {shown:?}");
}

#[test]
fn every_kind_in_the_comparison_at_120_columns_is_whole_or_its_mark() {
    set_lang(Lang::Nl);
    let dir = tempfile::tempdir().unwrap();
    common::many_regions(dir.path(), 50);
    // CBS 8% above the registration after its recorded break: a trend break next to the
    // providers' definition difference on the same row.
    let path = dir.path().join("reeksen.csv");
    let csv: String = (std::fs::read_to_string(&path).unwrap().lines())
        .map(|l| {
            let mut f: Vec<String> = l.split(',').map(str::to_string).collect();
            if f[3] == "cbs-beleidsinformatie" {
                f[4] = (f[4].parse::<i64>().unwrap() * 106 / 100).to_string();
            }
            f.join(",") + "\n"
        })
        .collect();
    std::fs::write(&path, csv).unwrap();
    let ds = load_dataset(dir.path()).expect("loads");
    let mut app = App::new(ds, ThemeKind::Dark);
    app.update(Action::ShowCompare);
    let screen = common::render(&mut app, 120, 40);
    let names: Vec<&str> = (duiden::analysis::mismatch::MismatchKind::ALL.iter())
        .map(|k| duiden::tui::i18n::t().mismatch(*k))
        .collect();
    let rows = table_rows(&screen);
    let mut both = 0;
    for row in &rows[1..] {
        // The kind column: after the last Δ% (a period without comparison has neither).
        let Some(at) = row.rfind('%') else {
            continue;
        };
        let kinds = row[at + 1..].trim_end_matches('│').trim();
        for part in kinds.split(" · ").filter(|p| !p.is_empty()) {
            let name = part.split_once(' ').map_or("", |(_, n)| n);
            assert!(
                part.chars().count() == 1 || names.contains(&name),
                "'{part}' is cut in '{kinds}'\n{screen}"
            );
        }
        both += usize::from(kinds.contains("✖ definitie · ▼"));
    }
    assert!(both > 0, "a row with both kinds\n{screen}");
}
