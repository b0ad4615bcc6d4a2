//! `duiden importeer` with CBS files in the layouts CBS publishes (TypedDataSet CSV with its
//! metadata beside it, a StatLine download), built from the real jeugdbescherming figures of the
//! 2022 and 1e halfjaar 2023 reports (Bron: CBS, CC BY 4.0): what the readers make of them, what
//! the writer puts in the folder, and that a round trip names the revision of the stock.

mod common;

use common::{import_fixture as fixture, jeugd, read_fixture as read};

use duiden::import::write::{WriteOptions, merge};
use duiden::import::{Figure, Layout, Missing, Options, detect};
use duiden::load::load_dataset;
use duiden::model::{Granularity, Period, Soort, Status};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

const TYPED_2022: &str = "typed/jbjr2022_TypedDataSet.csv";
const TYPED_2023: &str = "typed/jbjr2023h1_TypedDataSet.csv";
const STATLINE: &str = "statline/Jeugdbescherming_1e_halfjaar_2023.csv";

fn value(import: &duiden::import::Import, indicator: &str, period: &str) -> Option<Figure> {
    let (p, _) = Period::parse(period).unwrap();
    import
        .rows
        .iter()
        .find(|r| r.indicator == indicator && r.period == p)
        .map(|r| r.figure.clone())
}

use common::duiden_nl as duiden;

fn files(dir: &Path) -> (Vec<u8>, Vec<u8>) {
    (
        fs::read(dir.join("reeksen.csv")).unwrap(),
        fs::read(dir.join("dataset.toml")).unwrap(),
    )
}

#[test]
fn typed_csv_reads_codes_metadata_status_and_missing() {
    let i = read(TYPED_2023);
    assert_eq!(i.layout, Layout::CbsTypedCsv);
    assert_eq!(i.rows.len(), 9 * 4);
    assert_eq!(
        value(&i, "stand_begin", "2023-H1"),
        Some(Figure::Value(29115.0))
    );
    assert_eq!(value(&i, "instroom", "2022"), Some(Figure::Value(9065.0)));
    // `.` is missing with its reason, never 0.
    let begin_2022 = i
        .rows
        .iter()
        .find(|r| r.indicator == "stand_begin" && r.period == Period::year(2022))
        .unwrap();
    assert_eq!(begin_2022.figure, Figure::Missing(Missing::Unknown));
    assert!(
        begin_2022
            .opmerking
            .as_deref()
            .unwrap()
            .contains("onbekend")
    );
    // Status from the Perioden code list; region code without its padding.
    let h1 = |y| {
        i.rows
            .iter()
            .find(|r| r.indicator == "instroom" && r.period == Period::half(y, 1))
            .unwrap()
    };
    assert_eq!(h1(2023).status, Status::Voorlopig);
    assert_eq!(h1(2022).status, Status::Definitief);
    assert_eq!(h1(2022).regio.as_deref(), Some("NL01"));
    // Titles and units from DataProperties, the vintage from TableInfos, rounding seen.
    let ids: Vec<&str> = i.indicators.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["stand_begin", "instroom", "uitstroom", "stand_eind"]);
    assert_eq!(i.indicators[0].naam, "Beginstand");
    assert_eq!(i.indicators[0].soort, Some(Soort::Stand));
    assert_eq!(i.indicators[1].soort, Some(Soort::Stroom));
    assert_eq!(i.indicators[1].eenheid, "aantal");
    let s = &i.sources[0];
    assert_eq!(s.id, "cbs-jbjr");
    assert_eq!(s.vintage, "2023-12-14T02:00:00");
    assert_eq!(s.afronding, 5);
    assert_eq!(s.ritme, "jaar en halfjaar");
    assert!(s.to_fill.contains(&"definitie"));
}

#[test]
fn statline_csv_reads_labels_title_and_footer() {
    let i = read(STATLINE);
    assert_eq!(i.layout, Layout::StatlineCsv);
    assert_eq!(i.rows.len(), 9 * 4);
    let row = |ind: &str, p: Period| {
        i.rows
            .iter()
            .find(|r| r.indicator == ind && r.period == p)
            .unwrap()
    };
    assert_eq!(
        row("stand_begin", Period::half(2023, 1)).figure,
        Figure::Value(29115.0)
    );
    assert_eq!(
        row("stand_begin", Period::half(2023, 1)).status,
        Status::Voorlopig
    );
    assert_eq!(
        row("instroom", Period::year(2022)).status,
        Status::Voorlopig
    );
    assert_eq!(
        row("instroom", Period::half(2016, 1)).status,
        Status::Definitief
    );
    assert_eq!(
        row("instroom", Period::half(2016, 1)).figure,
        Figure::Value(6215.0)
    );
    assert_eq!(
        row("stand_eind", Period::half(2016, 1)).figure,
        Figure::Missing(Missing::Unknown)
    );
    assert_eq!(
        row("instroom", Period::year(2022)).regio.as_deref(),
        Some("NL01")
    );
    assert_eq!(i.indicators[3].id, "stand_eind");
    assert_eq!(i.indicators[3].eenheid, "aantal");
    let s = &i.sources[0];
    assert!(
        s.naam.contains("Jeugdbescherming; beginstand"),
        "{}",
        s.naam
    );
    assert_eq!(s.vintage, "2023-12-14");
    assert_eq!(s.afronding, 5);
}

#[test]
fn year_and_half_year_rows_become_separate_sources_and_the_folder_loads() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let report = merge(&ds, &read(STATLINE), WriteOptions::default()).unwrap();
    assert_eq!(report.rows, 36);
    assert_eq!(report.missing, 16);
    let d = load_dataset(&ds).unwrap();
    let id = "cbs-jeugdbescherming-1e-halfjaar-2023";
    for s in &d.series {
        let g = s.granularity();
        assert!(
            s.points.iter().all(|p| p.period.granularity == g),
            "{}",
            s.key
        );
        let expected = if g == Granularity::Year {
            id.to_string()
        } else {
            format!("{id}-halfjaar")
        };
        assert_eq!(s.key.bron, expected);
    }
    assert_eq!(d.meta.source(id).unwrap().afronding, 5);
    assert_eq!(d.meta.source(id).unwrap().ritme, "jaar");
    // The licence's credit goes under every chart of the source.
    assert_eq!(
        d.meta.source(id).unwrap().bronvermelding,
        "Bron: CBS (CC BY 4.0)"
    );
    let half = d.meta.source(&format!("{id}-halfjaar")).unwrap();
    assert_eq!(half.ritme, "halfjaar");
    assert!(half.in_te_vullen.contains(&"definitie".to_string()));
    // `controleer` asks for what the file could not say, and passes.
    let (ok, _, err) = duiden(&["controleer", ds.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        err.contains(
            "nog in te vullen bij bron 'cbs-jeugdbescherming-1e-halfjaar-2023': definitie"
        ),
        "{err}"
    );
    assert!(
        err.contains("nog in te vullen bij indicator 'instroom' (domein jeugd): definitie"),
        "{err}"
    );
}

#[test]
fn the_same_file_twice_gives_the_same_folder() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    merge(&ds, &read(TYPED_2023), WriteOptions::default()).unwrap();
    let first = files(&ds);
    let again = merge(&ds, &read(TYPED_2023), WriteOptions::default()).unwrap();
    assert!(again.unchanged);
    assert!(again.new_sources.is_empty() && again.new_indicators.is_empty());
    assert_eq!(files(&ds), first);
}

#[test]
fn a_newer_vintage_replaces_the_older_values_and_keeps_the_users_comments() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    merge(&ds, &read(TYPED_2022), WriteOptions::default()).unwrap();
    // The user annotates dataset.toml; the next import must keep that.
    let toml = fs::read_to_string(ds.join("dataset.toml")).unwrap();
    let toml = toml.replace(
        "id = \"cbs-jbjr\"",
        "# mijn aantekening bij de CBS-tabel\nid = \"cbs-jbjr\"",
    );
    fs::write(ds.join("dataset.toml"), &toml).unwrap();
    let report = merge(&ds, &read(TYPED_2023), WriteOptions::default()).unwrap();
    assert_eq!(
        report.replaced,
        [(
            "cbs-jbjr".to_string(),
            "2023-06-30T02:00:00".to_string(),
            "2023-12-14T02:00:00".to_string()
        )]
    );
    assert_eq!(report.removed_rows, 4);
    let d = load_dataset(&ds).unwrap();
    assert_eq!(
        d.meta.source("cbs-jbjr").unwrap().vintage,
        "2023-12-14T02:00:00"
    );
    let text = fs::read_to_string(ds.join("dataset.toml")).unwrap();
    assert!(text.contains("# mijn aantekening bij de CBS-tabel\nid = \"cbs-jbjr\""));
    assert_eq!(text.matches("[[bronnen]]").count(), 2, "{text}");
    // The newer table gives '.' for the 2022 end stock: the published 29.070 of the older
    // vintage stays, saying where it came from, and the report counts it.
    let eind = d
        .series
        .iter()
        .find(|s| s.key.indicator == "stand_eind" && s.key.bron == "cbs-jbjr")
        .unwrap();
    assert_eq!(eind.points.len(), 1);
    assert_eq!(eind.points[0].value, Some(29070.0));
    assert_eq!(
        eind.points[0].note.as_deref(),
        Some(
            "bekende waarde uit vintage 2023-06-30T02:00:00 behouden: vintage 2023-12-14T02:00:00 geeft '.' (onbekend)"
        )
    );
    assert_eq!(report.kept_known.get("cbs-jbjr"), Some(&2));
}

#[test]
fn round_trip_names_the_revised_stock_between_publications() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let ds_arg = ds.to_str().unwrap();
    let f22 = fixture(TYPED_2022);
    let f23 = fixture(TYPED_2023);
    let (ok, out, err) = duiden(&[
        "importeer",
        f22.to_str().unwrap(),
        "--naar",
        ds_arg,
        "--domein",
        "jeugd",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("nieuwe bronnen: cbs-jbjr"), "{out}");
    let (ok, out, err) = duiden(&[
        "importeer",
        f23.to_str().unwrap(),
        "--naar",
        ds_arg,
        "--domein",
        "jeugd",
        "--vintage-apart",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("cbs-jbjr-2023-12-14-halfjaar"), "{out}");
    let (ok, out, err) = duiden(&["verschillen", ds_arg, "--domein", "jeugd"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("eindstand 31-12-2022 29.070 (cbs-jbjr, 2022) tegen beginstand 1-1-2023 29.115 (cbs-jbjr-2023-12-14-halfjaar, 2023-H1)"),
        "{out}"
    );
}

#[test]
fn a_merge_that_would_not_load_leaves_the_folder_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    merge(&ds, &read(STATLINE), WriteOptions::default()).unwrap();
    let before = files(&ds);
    let twice = read("typed/dubbel_TypedDataSet.csv");
    let err = merge(&ds, &twice, WriteOptions::default()).unwrap_err();
    assert!(err.0.contains("niet veranderd"), "{err}");
    // Located in the file the user has, both lines, not in the would-be reeksen.csv.
    let src = fixture("typed/dubbel_TypedDataSet.csv")
        .display()
        .to_string();
    assert!(
        err.0
            .starts_with(&format!("{src}:3: dubbele rij: periode 2022"))
            && err.0.contains(&format!("staat ook op {src}:2")),
        "{err}"
    );
    assert!(!err.0.contains("reeksen.csv"), "{err}");
    assert_eq!(files(&ds), before);
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary folder stays behind");
    // A new folder is not created either.
    let fresh = dir.path().join("nieuw");
    assert!(merge(&fresh, &twice, WriteOptions::default()).is_err());
    assert!(!fresh.exists());
}

#[test]
fn errors_name_file_line_column_and_layout() {
    let typed = fixture("typed/kapotte_periode_TypedDataSet.csv");
    let e = detect::read_file(&typed, &jeugd()).unwrap_err();
    assert_eq!(e.place, format!("{}:2:3", typed.display()));
    assert_eq!(e.layout, Some(Layout::CbsTypedCsv));
    assert!(
        e.problem.contains("'2022XX00'") && e.problem.contains("2022JJ00"),
        "{e}"
    );

    let statline = fixture("statline/kapotte_periode.csv");
    let e = detect::read_file(&statline, &jeugd()).unwrap_err();
    assert_eq!(e.place, format!("{}:6:1", statline.display()));
    assert_eq!(e.layout, Some(Layout::StatlineCsv));
    assert!(e.problem.contains("'2018 eerste helft'"), "{e}");

    let dir = tempfile::tempdir().unwrap();
    let bad_number = dir.path().join("t_TypedDataSet.csv");
    fs::write(
        &bad_number,
        "\"ID\";\"RegioS\";\"Perioden\";\"Instroom_1\"\n0;\"NL01  \";\"2022JJ00\";\"  9.065,0\"\n1;\"NL01  \";\"2023JJ00\"\n",
    )
    .unwrap();
    let e = detect::read_file(&bad_number, &jeugd()).unwrap_err();
    assert_eq!(e.place, format!("{}:2:4", bad_number.display()));
    assert!(e.problem.contains("geen getal"), "{e}");

    let other = dir.path().join("lijst.csv");
    fs::write(&other, "naam,waarde\na,1\n").unwrap();
    let e = detect::read_file(&other, &jeugd()).unwrap_err();
    assert_eq!(e.layout, None);
    assert!(
        e.problem.contains("CBS open data (TypedDataSet, CSV)"),
        "{e}"
    );
    assert!(e.problem.contains("StatLine"), "{e}");
    // Through the command: nothing is written when a file cannot be read.
    let ds = dir.path().join("ds");
    let (ok, _, err) = duiden(&[
        "importeer",
        other.to_str().unwrap(),
        "--naar",
        ds.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(err.contains("indeling niet herkend"), "{err}");
    assert!(!ds.exists());
}

/// Reading any bytes as either layout never panics: an error or an import.
fn read_bytes(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    for r in detect::READERS {
        let _ = (r.sniff)(&path, bytes);
        let _ = (r.read)(&path, &Options::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        read_bytes("x_TypedDataSet.csv", &bytes);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in 0usize..2,
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(b"\";.x*\n0 -JJHJ\xc3".to_vec()),
        cut in any::<bool>(),
    ) {
        let rel = [TYPED_2023, STATLINE][which];
        let mut bytes = fs::read(fixture(rel)).unwrap();
        let i = at.index(bytes.len());
        if cut { bytes.truncate(i) } else { bytes[i] = byte }
        read_bytes("y_TypedDataSet.csv", &bytes);
        read_bytes("y.csv", &bytes);
    }
}

#[test]
fn a_bad_period_on_the_last_data_line_is_an_error_not_a_footer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("download.csv");
    let text = fs::read_to_string(fixture(STATLINE))
        .unwrap()
        .replace("\"2023 1e halfjaar*\"", "\"2023 H1*\"");
    fs::write(&path, text).unwrap();
    let e = detect::read_file(&path, &jeugd()).unwrap_err();
    assert_eq!(e.place, format!("{}:11:1", path.display()));
    assert!(e.problem.contains("'2023 H1*'"), "{e}");
}

#[test]
fn an_older_vintage_does_not_replace_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    merge(&ds, &read(TYPED_2023), WriteOptions::default()).unwrap();
    let before = files(&ds);
    let err = merge(&ds, &read(TYPED_2022), WriteOptions::default()).unwrap_err();
    assert!(
        err.0
            .contains("oudere publicatie (vintage 2023-06-30T02:00:00)"),
        "{err}"
    );
    assert!(err.0.contains("--vintage-apart"), "{err}");
    assert_eq!(files(&ds), before);
    // Asked for, the older one gets a source of its own.
    let report = merge(
        &ds,
        &read(TYPED_2022),
        WriteOptions {
            vintage_apart: true,
        },
    )
    .unwrap();
    assert_eq!(report.new_sources, ["cbs-jbjr-2023-06-30"]);
    assert!(load_dataset(&ds).unwrap().meta.source("cbs-jbjr").is_some());
}

#[test]
fn statline_region_codes_and_breakdowns_it_cannot_map_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jeugdhulp.csv");
    fs::write(
        &path,
        "\"Perioden\";\"Regio's\";\"Geslacht\";\"Jongeren met jeugdhulp (aantal)\"\n\
         \"2020*\";\"Eindhoven (GM0772)\";\"Totaal jongens en meisjes\";\"5000\"\n\
         \"2020*\";\"Eindhoven (GM0772)\";\"Jongens\";\"2800\"\n\
         \"2020*\";\"Eindhoven (GM0772)\";\"Jongens\";\"x\"\n\
         \"2020*\";\"Helmond\";\"Totaal jongens en meisjes\";\"x\"\n",
    )
    .unwrap();
    let i = detect::read_file(&path, &jeugd()).unwrap();
    assert_eq!(i.rows.len(), 2);
    assert_eq!(i.rows[0].regio.as_deref(), Some("GM0772"));
    assert_eq!(i.rows[0].figure, Figure::Value(5000.0));
    assert_eq!(i.rows[1].regio.as_deref(), Some("Helmond"));
    assert_eq!(i.rows[1].figure, Figure::Missing(Missing::Confidential));
    assert_eq!(i.rows[1].opmerking.as_deref(), Some("geheim (CBS: x)"));
    assert_eq!(i.unmapped.len(), 1, "{:?}", i.unmapped);
    assert_eq!(i.unmapped[0].place, "Geslacht = Jongens");
    assert_eq!(i.indicators[0].id, "jongeren_met_jeugdhulp");
    // One figure is too few to conclude that CBS rounded to 5.
    assert_eq!(i.sources[0].afronding, 0);
}

/// The figures of one bron as (indicator, period) → (value, voorlopig), read back from the folder.
fn figures_of(
    d: &duiden::model::Dataset,
    bron: &str,
) -> std::collections::BTreeMap<(String, String), (Option<f64>, bool)> {
    d.series
        .iter()
        .filter(|s| s.key.bron == bron)
        .flat_map(|s| {
            s.points.iter().map(move |p| {
                (
                    (s.key.indicator.clone(), p.period.code()),
                    (p.value, p.status.is_provisional()),
                )
            })
        })
        .collect()
}

#[test]
fn a_typed_csv_and_a_statline_export_of_one_table_import_into_one_dataset_alike() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("ds");
    let d = ds.display().to_string();
    let typed = fixture(TYPED_2023).display().to_string();
    let statline = fixture(STATLINE).display().to_string();
    for (file, bron) in [(&typed, "typed"), (&statline, "statline")] {
        let (ok, out, err) = duiden(&[
            "importeer",
            file,
            "--domein",
            "jeugd",
            "--bron",
            bron,
            "--naar",
            &d,
        ]);
        assert!(ok, "{out}{err}");
    }
    let data = duiden::load::load_dataset(&ds).unwrap();
    for g in ["", "-halfjaar"] {
        let (t, s) = (
            figures_of(&data, &format!("typed{g}")),
            figures_of(&data, &format!("statline{g}")),
        );
        assert!(!t.is_empty(), "no rows for typed{g}");
        // Year flows, half-year flows, voorlopig marks and missing values: the same.
        assert_eq!(t, s, "typed{g} against statline{g}");
    }
    let half = figures_of(&data, "typed-halfjaar");
    let key = |i: &str, p: &str| (i.to_string(), p.to_string());
    assert_eq!(half[&key("instroom", "2023-H1")], (Some(4470.0), true));
    assert_eq!(half[&key("instroom", "2016-H1")], (Some(6215.0), false));
    assert_eq!(half[&key("stand_begin", "2016-H1")], (None, false));
    let year = figures_of(&data, "typed");
    assert_eq!(year[&key("uitstroom", "2022")], (Some(11955.0), true));
}

#[test]
fn a_stop_between_the_two_renames_leaves_a_folder_that_loads_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("ds");
    let d = ds.display().to_string();
    let (a, b) = (
        fixture(TYPED_2022).display().to_string(),
        fixture(STATLINE).display().to_string(),
    );
    assert!(duiden(&["importeer", &a, "--domein", "jeugd", "--naar", &d]).0);
    let old_rows = fs::read(ds.join("reeksen.csv")).unwrap();
    assert!(
        duiden(&[
            "importeer",
            &b,
            "--domein",
            "jeugd",
            "--bron",
            "sl",
            "--naar",
            &d
        ])
        .0
    );
    let (new_rows, _) = files(&ds);
    // The metadata is renamed first: the state after a stop between the renames.
    fs::write(ds.join("reeksen.csv"), &old_rows).unwrap();
    duiden::load::load_dataset(&ds).expect("new metadata with the old rows loads");
    let (ok, out, err) = duiden(&[
        "importeer",
        &b,
        "--domein",
        "jeugd",
        "--bron",
        "sl",
        "--naar",
        &d,
    ]);
    assert!(ok, "{out}{err}");
    let mut again = files(&ds)
        .0
        .split(|&c| c == b'\n')
        .map(<[u8]>::to_vec)
        .collect::<Vec<_>>();
    let mut want = new_rows
        .split(|&c| c == b'\n')
        .map(<[u8]>::to_vec)
        .collect::<Vec<_>>();
    again.sort();
    want.sort();
    assert_eq!(again, want, "the rerun completes the import");
}
