use super::build::number;
use super::*;
use crate::analysis::chart::ChartModel;
use crate::analysis::mismatch::compare;
use crate::analysis::transform::moving_average;
use crate::model::disclosure::Disclosure;
use crate::model::{Granularity, Period, Transform};
use std::path::Path;

fn voorbeeld() -> Dataset {
    crate::load::load_dataset(Path::new("datasets/voorbeeld")).unwrap()
}

fn date() -> Date {
    jiff::civil::date(2026, 11, 26)
}

fn sample() -> Table {
    Table {
        title: "Instroom | jeugd".into(),
        subtitle: "jeugd · per kwartaal".into(),
        transform: Some("voortschrijdend gemiddelde over 3 perioden".into()),
        headers: vec!["Periode".into(), "gemeente; registratie".into()],
        rows: vec![
            vec!["K1 2022".into(), "1.234,5".into()],
            vec!["K2 2022".into(), "zei \"ja\"".into()],
            vec!["K3 2022".into(), String::new()],
            vec!["K4 2022".into(), "a | b".into()],
        ],
        footer: vec!["Gemeente · t/m K4 2022 · Bron: Gemeente".into()],
        stem: "2026-11-26-jeugd-instroom".into(),
        language: Language::Dutch,
    }
}

/// The cells of a CSV written by [`csv`], read back with the csv crate.
fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
    ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_has_a_bom_semicolons_crlf_and_quotes_where_needed() {
    let t = sample();
    let bytes = csv(&t);
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "Periode;\"gemeente; registratie\"",
            "K1 2022;1.234,5",
            "K2 2022;\"zei \"\"ja\"\"\"",
            "K3 2022;",
            "K4 2022;a | b",
            "",
        ]
    );
    // Every line ends in CRLF: no bare LF.
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    // Round trip: the same cells, the header first.
    let mut expected = vec![t.headers.clone()];
    expected.extend(t.rows.clone());
    assert_eq!(read_back(&bytes), expected);
}

#[test]
fn markdown_has_title_table_and_sources_with_pipes_escaped() {
    let md = markdown(&sample());
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "# Instroom | jeugd", "a heading is no table");
    assert!(md.contains("\njeugd · per kwartaal\n"), "{md}");
    assert!(
        md.contains("\nBewerking: voortschrijdend gemiddelde over 3 perioden\n"),
        "{md}"
    );
    let table: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with('|'))
        .collect();
    assert_eq!(
        table,
        [
            "| Periode | gemeente; registratie |",
            "| --- | --- |",
            "| K1 2022 | 1.234,5 |",
            "| K2 2022 | zei \"ja\" |",
            "| K3 2022 |  |",
            "| K4 2022 | a \\| b |",
        ]
    );
    let under = md.find("Bron: Gemeente").unwrap();
    assert!(under > md.find("| K4 2022").unwrap());
    assert!(md.ends_with(&format!("{}\n", crate::report::MARKDOWN_MARK)));
    let mut english = sample();
    english.language = Language::English;
    assert!(markdown(&english).contains("\nTransform: voortschrijdend"));
}

#[test]
fn the_trend_table_holds_the_transformed_values_of_the_zoomed_range() {
    let data = voorbeeld();
    let mut view = ViewSpec::trend("jeugd", "instroom", &[]);
    view.granularity = Some(Granularity::Quarter);
    view.range = Some((Period::quarter(2021, 1), Period::quarter(2022, 4)));
    view.transform = Some(Transform::MovingAverage { perioden: 3 });
    let t = table(&data, &view, date(), Language::Dutch).expect("a table");
    assert_eq!(t.stem, "2026-11-26-jeugd-instroom");
    assert_eq!(
        t.transform.as_deref(),
        Some("voortschrijdend gemiddelde over 3 perioden")
    );
    assert_eq!(t.headers[0], "Periode");
    let periods: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(periods.first(), Some(&"K1 2021"));
    assert_eq!(periods.last(), Some(&"K4 2022"));
    assert_eq!(t.rows.len(), 8);
    // The transform's own output over the untransformed quarters, whole series.
    let mut plain = view.clone();
    (plain.transform, plain.range) = (None, None);
    let model = ChartModel::for_view(&data, &plain);
    assert!(model.series.len() >= 2, "several sources");
    let mut compared = 0;
    for s in model.series.iter().filter(|s| !s.points.is_empty()) {
        let column = t
            .headers
            .iter()
            .position(|h| *h == s.label)
            .expect("a column");
        let averaged = moving_average(&s.points, 3);
        for row in &t.rows {
            let expected = averaged.iter().find(|a| a.period.dutch_short() == row[0]);
            assert_eq!(
                row[column],
                expected.map_or_else(String::new, |a| number(a.y)),
                "{} {}",
                s.label,
                row[0]
            );
            compared += usize::from(expected.is_some());
        }
    }
    assert!(compared >= 8, "{compared}");
    assert!(
        t.footer.iter().any(|l| l.contains("Bron:")),
        "{:?}",
        t.footer
    );
    assert!(
        t.footer
            .last()
            .unwrap()
            .starts_with("Gemaakt met duiden op 26 november 2026")
    );
    assert!(!t.footer.iter().any(|l| l.starts_with("Voorlopige")));
    // The whole trend, at the half years of the CBS source, whose last one is provisional.
    let whole = ViewSpec::trend("jeugd", "instroom", &[]);
    let whole = table(&data, &whole, date(), Language::Dutch).unwrap();
    let provisional: Vec<&String> = (whole.footer.iter())
        .filter(|l| l.starts_with("Voorlopige cijfers "))
        .collect();
    assert_eq!(
        provisional,
        [
            "Voorlopige cijfers in H2 2024: CBS: Beleidsinformatie jeugd, Wmo en bijstand (synthetisch)"
        ]
    );
    let en = table(&data, &view, date(), Language::English).unwrap();
    assert_eq!(en.headers[0], "Period");
    assert_eq!(en.rows, t.rows);
}

#[test]
fn a_view_without_figures_has_no_table() {
    let data = voorbeeld();
    let view = ViewSpec::trend("jeugd", "bestaat_niet", &[]);
    assert!(table(&data, &view, date(), Language::Dutch).is_none());
    let mut compare_view = view.clone();
    compare_view.kind = ViewKind::Compare;
    assert!(table(&data, &compare_view, date(), Language::Dutch).is_none());
    assert!(signals_table(&data, &[], date(), Language::Dutch).is_none());
}

#[test]
fn the_comparison_table_is_the_tabs_table() {
    let data = voorbeeld();
    let mut view = ViewSpec::trend("jeugd", "instroom", &[]);
    view.kind = ViewKind::Compare;
    let t = table(&data, &view, date(), Language::Dutch).expect("a table");
    let c = compare(&data, "jeugd", "instroom", None, None);
    assert_eq!(t.stem, "2026-11-26-jeugd-instroom-vergelijking");
    assert_eq!(t.rows.len(), c.rows.len());
    assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    let reference = c.reference.clone().expect("a reference");
    let ref_header = format!("{reference} (referentie)");
    assert_eq!(t.headers[1], ref_header);
    assert_eq!(t.headers.last().unwrap(), "Soort verschil");
    assert!(
        t.subtitle
            .contains(&format!("bronnen vergeleken met {reference}"))
    );
    // Each other source: its figure, its difference and relative difference as computed.
    let rule = Disclosure::for_dataset(&data, false);
    let mut named = 0;
    for (i, col) in c
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_reference)
    {
        let at = t.headers.iter().position(|h| *h == col.bron).unwrap();
        assert_eq!(t.headers[at + 1], format!("{} verschil", col.bron));
        assert_eq!(t.headers[at + 2], format!("{} verschil %", col.bron));
        for (row, r) in t.rows.iter().zip(&c.rows) {
            let Some(cell) = r.cell(i) else { continue };
            if let Some(v) = cell.value.filter(|v| !rule.hides(&col.bron, *v)) {
                assert_eq!(row[at], number(v));
            }
            if let Some(d) = cell.diff {
                let sign = if d > 0.0 { "+" } else { "" };
                assert_eq!(row[at + 1], format!("{sign}{}", number(d)));
            }
            if let Some(k) = cell.kind {
                let label = crate::report::detail::kind_label(k, cell.detail.as_deref());
                assert!(
                    row.last()
                        .unwrap()
                        .contains(&format!("{}: {label}", col.bron))
                );
                named += 1;
            }
        }
    }
    assert!(named > 0, "the sample has named differences");
    // The sample's last half year of the CBS source is provisional: the footer says so.
    let provisional: Vec<&String> = (t.footer.iter())
        .filter(|l| l.starts_with("Voorlopige cijfers "))
        .collect();
    assert_eq!(
        provisional,
        ["Voorlopige cijfers in H2 2024: cbs-beleidsinformatie"]
    );
    // A range cuts the rows.
    view.range = Some((Period::month(2021, 1), Period::month(2021, 12)));
    view.granularity = Some(Granularity::Quarter);
    let cut = table(&data, &view, date(), Language::Dutch).unwrap();
    let periods: Vec<&str> = cut.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(periods, ["K1 2021", "K2 2021", "K3 2021", "K4 2021"]);
}

#[test]
fn the_signals_table_lists_kind_indicator_period_and_reason() {
    let data = voorbeeld();
    let found = crate::analysis::signals::find(&data, &Default::default());
    assert!(!found.is_empty());
    let t = signals_table(&data, &found, date(), Language::Dutch).unwrap();
    assert_eq!(t.stem, "2026-11-26-signalen");
    assert!(t.title.starts_with("Signalen: Voorbeeld"), "{}", t.title);
    assert_eq!(t.rows.len(), found.len());
    let col = |name: &str| t.headers.iter().position(|h| h == name).unwrap();
    let rule = Disclosure::for_dataset(&data, false);
    for (row, s) in t.rows.iter().zip(&found) {
        assert_eq!(row[col("Domein")], s.domein);
        assert_eq!(row[col("Periode")], s.period.dutch_long());
        assert_eq!(row[col("Reden")], crate::report::signals::reason(s, &rule));
        assert!(!row[col("Soort")].is_empty());
    }
    let en = signals_table(&data, &found, date(), Language::English).unwrap();
    assert!(en.headers.contains(&"Reason".to_string()));
    assert!(en.title.starts_with("Signals: "));
}

const SMALL_META: &str = r#"titel = "Kleine aantallen"
[[bronnen]]
id = "reg"
naam = "Registratie"
herkomst = "registratie"
[[bronnen]]
id = "cbs"
naam = "CBS"
leverancier = "CBS"
[[indicatoren]]
domein = "jeugd"
id = "instroom"
naam = "Instroom jeugd"
soort = "stroom"
eenheid = "cliënten"
"#;

/// Five months of a source from records (`reg`) and one that is not (`cbs`).
fn small_counts() -> (tempfile::TempDir, Dataset) {
    crate::report::test_data::small_counts(SMALL_META)
}

#[test]
fn small_counts_from_records_stay_out_of_the_tables() {
    let (_dir, data) = small_counts();
    let view = ViewSpec::trend("jeugd", "instroom", &[]);
    let t = table(&data, &view, date(), Language::Dutch).unwrap();
    let column = |name: &str| -> Vec<&str> {
        let at = t.headers.iter().position(|h| h == name).unwrap();
        t.rows.iter().map(|r| r[at].as_str()).collect()
    };
    // The trend leaves them out as the exported chart does; the other source keeps its own.
    assert_eq!(column("Registratie"), ["", "12", "", "40", ""]);
    assert_eq!(column("CBS"), ["30", "12", "4", "45", "3"]);
    assert!(t.footer.contains(&super::build::LEFT_OUT.to_string()));
    // The comparison shows "<10", and no difference against a hidden figure.
    let mut view = view;
    view.kind = ViewKind::Compare;
    view.reference = Some("cbs".into());
    let t = table(&data, &view, date(), Language::Dutch).unwrap();
    let row = |i: usize| t.rows[i].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(
        t.headers[1..5],
        ["cbs (referentie)", "reg", "reg verschil", "reg verschil %"]
    );
    assert_eq!(row(0)[1..5], ["30", "<10", "", ""]);
    assert_eq!(row(1)[1..5], ["12", "12", "0", "0,0%"]);
    assert_eq!(row(3)[1..5], ["45", "40", "-5", "-11,1%"]);
    assert!(
        t.footer.iter().any(|l| l.contains("staan als <10")),
        "{:?}",
        t.footer
    );
    // A hidden reference: the difference against it is left out as well.
    view.reference = Some("reg".into());
    let t = table(&data, &view, date(), Language::Dutch).unwrap();
    assert_eq!(t.headers[1..3], ["reg (referentie)", "cbs"]);
    assert_eq!(t.rows[0][1..5], ["<10", "30", "", ""]);
    assert_eq!(t.rows[3][1..5], ["40", "45", "+5", "+12,5%"]);
}

#[test]
fn the_season_is_a_column_per_year_and_the_stacked_parts_name_their_rest() {
    let d = voorbeeld();
    let season = ViewSpec {
        kind: ViewKind::Season,
        ..ViewSpec::trend("jeugd", "instroom", &["gemeente-registratie".into()])
    };
    let t = table(&d, &season, date(), Language::Dutch).unwrap();
    assert_eq!(
        t.headers,
        ["Periode", "2024", "2023", "2022", "2021", "2020", "2019"]
    );
    assert_eq!(t.rows.len(), 12);
    assert_eq!(t.rows[0][0], "jan");
    assert!(t.subtitle.contains("seizoensbeeld"), "{}", t.subtitle);
    let stacked = ViewSpec {
        kind: ViewKind::Stacked,
        ..season.clone()
    };
    let t = table(&d, &stacked, date(), Language::Dutch).unwrap();
    assert!(
        t.headers.iter().any(|h| h == "rest (totaal min de delen)"),
        "{:?}",
        t.headers
    );
    assert!(t.headers.iter().all(|h| !h.is_empty()));
}

#[test]
fn the_change_per_part_lists_the_total_first_and_adds_up() {
    let d = voorbeeld();
    let v = ViewSpec {
        kind: ViewKind::PartsChange,
        ..ViewSpec::trend("jeugd", "instroom", &[])
    };
    let t = table(&d, &v, date(), Language::Dutch).unwrap();
    assert_eq!(
        t.headers,
        ["Wijk", "dec 2023", "dec 2024", "Verschil", "Verschil in %"]
    );
    assert_eq!(t.rows[0][0], "totaal");
    assert_eq!(t.rows.len(), 8);
    let figure = |s: &str| s.replace('.', "").parse::<f64>().unwrap();
    let parts: f64 = t.rows[1..].iter().map(|r| figure(&r[2])).sum();
    assert_eq!(
        parts,
        figure(&t.rows[0][2]),
        "the parts add up to the total in dec 2024"
    );
    assert!(t.stem.ends_with("-verandering"));
}
