//! Issue 10 items 2 and 4 in the trend view: units that cannot be converted are drawn in
//! stacked panels over one time axis; the legend names a breakdown and uses the width.

mod common;

use common::render;
use duiden::load::load_dataset;
use duiden::model::{Breakdown, Dataset, SeriesKey};
use duiden::tui::app::App;
use duiden::tui::style::ThemeKind;
use std::path::Path;

fn sample() -> Dataset {
    load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"))
        .expect("sample loads")
}

fn key(indicator: &str, bron: &str) -> SeriesKey {
    SeriesKey {
        domein: "jeugd".into(),
        indicator: indicator.into(),
        bron: bron.into(),
        breakdown: Breakdown {
            regio: Some("GM0772".into()),
            ..Breakdown::default()
        },
    }
}

/// Instroom (cliënten) beside kosten (euro) of the registration: a real case in the sample of
/// two units no factor converts.
fn clients_and_costs() -> App {
    let mut app = App::new(sample(), ThemeKind::Dark);
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    app.trend.set_selection(
        &dataset,
        vec![
            key("instroom", "gemeente-registratie"),
            key("kosten", "gemeente-registratie"),
        ],
    );
    app.shared.message = None;
    app
}

const HEADER: &str =
    "periode,domein,indicator,bron,waarde,eenheid,regio,wijk,aanbieder,status,opmerking";

/// The sample's metadata with the given rows: a small synthetic dataset.
fn synthetic(rows: &[String]) -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    std::fs::copy(root.join("dataset.toml"), dir.path().join("dataset.toml")).unwrap();
    let csv = format!("{HEADER}\n{}\n", rows.join("\n"));
    std::fs::write(dir.path().join("reeksen.csv"), csv).unwrap();
    let d = load_dataset(dir.path()).expect("synthetic dataset loads");
    (dir, d)
}

/// Monthly rows 2022-2023 of jeugd instroom from `bron` in `unit` for `regio` (and `wijk`).
fn months(bron: &str, unit: &str, regio: &str, wijk: &str, base: f64) -> Vec<String> {
    (0..24)
        .map(|i| {
            let (y, m) = (2022 + i / 12, i % 12 + 1);
            let v = base + (i * 7 % 11) as f64;
            format!("{y}-{m:02},jeugd,instroom,{bron},{v},{unit},{regio},{wijk},,,")
        })
        .collect()
}

/// Four sources of one indicator in four units that no factor converts.
fn four_units() -> (tempfile::TempDir, Dataset) {
    let mut rows = months("gemeente-registratie", "cliënten", "GM0772", "", 300.0);
    rows.extend(months(
        "aanbieders-maandrapportage",
        "trajecten",
        "GM0772",
        "",
        40.0,
    ));
    rows.extend(months(
        "cbs-beleidsinformatie",
        "uren",
        "GM0772",
        "",
        9000.0,
    ));
    rows.extend(months("gemeente-begroting", "procent", "GM0772", "", 2.0));
    synthetic(&rows)
}

fn app_of(d: Dataset, keys: Vec<SeriesKey>) -> App {
    let mut app = App::new(d, ThemeKind::Dark);
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    app.trend.set_selection(&dataset, keys);
    app.shared.message = None;
    app
}

fn lines_with<'a>(screen: &'a str, text: &str) -> Vec<&'a str> {
    screen.lines().filter(|l| l.contains(text)).collect()
}

#[test]
fn units_no_factor_converts_get_their_own_panel() {
    let mut app = clients_and_costs();
    let chart = &app.trend.chart;
    assert_eq!(
        chart.panels.len(),
        2,
        "cliënten and euro never share an axis"
    );
    assert_eq!(chart.panels[0].unit, "cliënten");
    assert_eq!(chart.panels[1].unit, "euro");
    // Each panel's axis spans its own series only: the clients' axis stays in the hundreds.
    assert!(chart.panels[0].y_max < 1000.0, "{:?}", chart.panels[0]);
    assert!(chart.panels[1].y_min > 1000.0, "{:?}", chart.panels[1]);
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = render(&mut app, w, h);
        // Each panel has its unit above its axis and its own tick labels; one time axis.
        assert_eq!(
            lines_with(&screen, "│cliënten ").len(),
            1,
            "{w}x{h}\n{screen}"
        );
        assert_eq!(lines_with(&screen, "│euro ").len(), 1, "{w}x{h}\n{screen}");
        assert!(screen.contains(" mln┤"), "{w}x{h}\n{screen}");
        assert_eq!(lines_with(&screen, "┬2023").len(), 1, "{w}x{h}\n{screen}");
        assert!(!screen.contains("verschillende eenheden"), "{screen}");
        // The readout names each value with its panel's unit.
        assert!(screen.contains(" cliënten│"), "{w}x{h}\n{screen}");
        assert!(screen.contains(" euro│"), "{w}x{h}\n{screen}");
        let name = format!("two_panels_{w}x{h}");
        insta::assert_snapshot!(name, screen);
    }
}

#[test]
fn more_than_three_units_names_what_is_not_shown() {
    let (_dir, d) = four_units();
    let keys: Vec<SeriesKey> = d.series.iter().map(|s| s.key.clone()).collect();
    let mut app = app_of(d, keys);
    let chart = &app.trend.chart;
    assert_eq!(chart.panels.len(), 3);
    assert_eq!(chart.left_out.len(), 1);
    let unit = chart.left_out[0].unit.clone();
    assert!(chart.series.iter().all(|s| s.unit != unit));
    let screen = render(&mut app, 120, 40);
    let why = format!("niet getoond: {unit} zou een 4e paneel worden");
    assert!(screen.contains(&why), "{screen}");
    insta::assert_snapshot!("three_panels_and_one_left_out_120x40", screen);
}

/// Jeugd instroom of the registration in three gemeenten, and per wijk in the first.
fn three_gemeenten() -> (tempfile::TempDir, Dataset) {
    let mut rows = Vec::new();
    for (regio, base) in [("GM0772", 300.0), ("GM0796", 200.0), ("GM0855", 150.0)] {
        rows.extend(months("gemeente-registratie", "cliënten", regio, "", base));
    }
    for wijk in ["Woensel-Noord", "Stratum"] {
        rows.extend(months(
            "gemeente-registratie",
            "cliënten",
            "GM0772",
            wijk,
            60.0,
        ));
    }
    synthetic(&rows)
}

#[test]
fn the_legend_names_the_regio_and_the_wijk_at_every_size() {
    let (_dir, d) = three_gemeenten();
    let keys: Vec<SeriesKey> = d.series.iter().map(|s| s.key.clone()).collect();
    let mut app = app_of(d, keys);
    // Every gemeente and wijk has a line of its own look (the source's colour, a number).
    let looks: std::collections::BTreeSet<usize> = (app.trend.chart.series.iter())
        .map(|s| s.identity.variant)
        .collect();
    assert_eq!(looks.len(), 5, "{looks:?}");
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = render(&mut app, w, h);
        let legend = &screen[screen.find("Legenda").expect("a legend")..];
        for regio in ["regio GM0796", "regio GM0855"] {
            assert!(legend.contains(regio), "{regio} at {w}x{h}\n{screen}");
        }
        for wijk in ["wijk Woensel-Noord", "wijk Stratum"] {
            assert!(legend.contains(wijk), "{wijk} at {w}x{h}\n{screen}");
        }
        let name = format!("three_gemeenten_legend_{w}x{h}");
        insta::assert_snapshot!(name, screen);
    }
}

#[test]
fn a_wijk_alone_never_reads_like_the_city_total() {
    let (_dir, d) = three_gemeenten();
    let wijk = (d.series.iter())
        .find(|s| s.key.breakdown.wijk.as_deref() == Some("Stratum"))
        .unwrap()
        .key
        .clone();
    let mut app = app_of(d, vec![wijk]);
    let label = &app.trend.chart.series[0].label;
    assert!(label.ends_with("regio GM0772, wijk Stratum"), "{label}");
    let screen = render(&mut app, 80, 24);
    let legend = &screen[screen.find("Legenda").unwrap()..];
    assert!(legend.contains("wijk Stratum"), "{screen}");
}

#[test]
fn at_200x60_the_legend_uses_the_width() {
    let mut app = clients_and_costs();
    let narrow = render(&mut app, 120, 40);
    let wide = render(&mut app, 200, 60);
    // At 120 columns the legend shortens what each line is; at 200 it has the room for all of
    // it, on a second line where one is too short.
    assert!(
        !narrow.contains("Kosten jeugdhulp (gerealiseerd) (euro) [synthetisch]"),
        "{narrow}"
    );
    assert!(
        wide.contains("Kosten jeugdhulp (gerealiseerd) (euro) [synthetisch]"),
        "{wide}"
    );
    assert!(
        wide.contains("Instroom jeugdhulp (cliënten) [synthetisch]"),
        "{wide}"
    );
    assert!(
        wide.contains("Gemeente: registratie Servicebureau (synthetisch)"),
        "{wide}"
    );
}
