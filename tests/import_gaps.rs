//! `duiden importeer` where the first version fell short (issue 12 audit): several files as one
//! change, StatLine vintages as dates, errors at the source line, the kind of JSON measures,
//! definitions from DataProperties, known values kept over a newer '.', population tables and
//! region names without a code. Fixtures: tests/fixtures/import (README there names the sources).

mod common;

use common::{import_fixture as fixture, jeugd, read_fixture as read};

use duiden::import::write::{WriteOptions, merge};
use duiden::import::{Options, detect};
use std::fs;
use std::path::{Path, PathBuf};

const TYPED_2022: &str = "typed/jbjr2022_TypedDataSet.csv";
const TYPED_2023: &str = "typed/jbjr2023h1_TypedDataSet.csv";
const STATLINE: &str = "statline/Jeugdbescherming_1e_halfjaar_2023.csv";
const DUBBEL: &str = "typed/dubbel_TypedDataSet.csv";

use common::duiden_nl as duiden;

fn files(dir: &Path) -> (Vec<u8>, Vec<u8>) {
    (
        fs::read(dir.join("reeksen.csv")).unwrap(),
        fs::read(dir.join("dataset.toml")).unwrap(),
    )
}

fn path(rel: &str) -> String {
    fixture(rel).display().to_string()
}

#[test]
fn several_files_go_in_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let ds_arg = ds.to_str().unwrap();
    let (ok, _, err) = duiden(&["importeer", &path(STATLINE), "--naar", ds_arg]);
    assert!(ok, "{err}");
    let before = files(&ds);
    // The first file would merge; the second cannot (its rows collide): neither goes in.
    let (ok, out, err) = duiden(&[
        "importeer",
        &path(TYPED_2023),
        &path(DUBBEL),
        "--naar",
        ds_arg,
        "--domein",
        "jeugd",
    ]);
    assert!(!ok, "{out}");
    assert!(err.contains("niet veranderd"), "{err}");
    assert!(err.contains("geen van de 2 bestanden"), "{err}");
    assert_eq!(files(&ds), before, "the first file's rows must not be in");
    // An older vintage after a newer one in the same command: refused, no folder made.
    let fresh = dir.path().join("nieuw");
    let (ok, _, err) = duiden(&[
        "importeer",
        &path(TYPED_2023),
        &path(TYPED_2022),
        "--naar",
        fresh.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(err.contains("oudere publicatie"), "{err}");
    assert!(!fresh.exists());
    // Both in the right order: one folder with both, reported per file.
    let (ok, out, err) = duiden(&[
        "importeer",
        &path(TYPED_2022),
        &path(TYPED_2023),
        "--naar",
        fresh.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("jbjr2022_TypedDataSet.csv (")
            && out.contains("jbjr2023h1_TypedDataSet.csv ("),
        "{out}"
    );
    assert!(out.contains("eerdere cijfers vervangen"), "{out}");
}

/// The StatLine fixture with another footer date, as `dir/<name>`.
fn statline_dated(dir: &Path, name: &str, date: &str) -> PathBuf {
    let text = fs::read_to_string(fixture(STATLINE)).unwrap();
    let text = text.replace("14 december 2023", date);
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

#[test]
fn statline_vintage_is_a_date_that_compares_across_layouts() {
    let i = read(STATLINE);
    assert_eq!(i.sources[0].vintage, "2023-12-14");
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let ds_arg = ds.to_str().unwrap();
    let (ok, _, err) = duiden(&["importeer", &path(TYPED_2023), "--naar", ds_arg]);
    assert!(ok, "{err}");
    let before = files(&ds);
    // A StatLine download of July 2023 of the same table is older than the TypedDataSet of
    // December: refused, not silently replacing it.
    let old = statline_dated(dir.path(), "oud.csv", "3 juli 2023");
    let (ok, _, err) = duiden(&[
        "importeer",
        old.to_str().unwrap(),
        "--naar",
        ds_arg,
        "--bron",
        "cbs-jbjr",
    ]);
    assert!(!ok);
    assert!(
        err.contains("oudere publicatie (vintage 2023-07-03)")
            && err.contains("2023-12-14T02:00:00"),
        "{err}"
    );
    assert_eq!(files(&ds), before);
    // Kept apart, its id carries the date, not the footer's words.
    let (ok, out, err) = duiden(&[
        "importeer",
        old.to_str().unwrap(),
        "--naar",
        ds_arg,
        "--bron",
        "cbs-jbjr",
        "--vintage-apart",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("cbs-jbjr-2023-07-03"), "{out}");
    assert!(!out.contains("gewijzigd"), "{out}");
    // The same day in the other layout is the same publication: no separate bron.
    let (ok, out, err) = duiden(&[
        "importeer",
        &path(STATLINE),
        "--naar",
        ds_arg,
        "--bron",
        "cbs-jbjr",
        "--vintage-apart",
    ]);
    assert!(ok, "{err}");
    assert!(!out.contains("cbs-jbjr-2023-12-14"), "{out}");
}

#[test]
fn a_duplicate_row_is_named_at_its_source_line() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("ds7");
    let (ok, _, err) = duiden(&["importeer", &path(DUBBEL), "--naar", ds.to_str().unwrap()]);
    assert!(!ok);
    let src = path(DUBBEL);
    assert!(
        err.contains(&format!("{src}:3: dubbele rij")) && err.contains(&format!("{src}:2")),
        "{err}"
    );
    assert!(!err.contains("ds7"), "{err}");
    assert!(!ds.exists());
    // A StatLine line repeated: its line, too.
    let text = fs::read_to_string(fixture(STATLINE)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut twice = lines[..4].to_vec();
    twice.extend(&lines[3..]);
    let p = dir.path().join("twee_keer.csv");
    fs::write(&p, twice.join("\n")).unwrap();
    let e = merge(&ds, &read(p.to_str().unwrap()), WriteOptions::default()).unwrap_err();
    assert!(
        e.0.starts_with(&format!("{}:5: dubbele rij", p.display()))
            && e.0.contains(&format!("{}:4", p.display())),
        "{e}"
    );
}

#[test]
fn typed_csv_takes_the_definition_from_data_properties() {
    let i = read(TYPED_2023);
    let instroom = i.indicators.iter().find(|d| d.id == "instroom").unwrap();
    assert_eq!(instroom.definitie, "Gestarte maatregelen in de periode");
    assert!(
        !instroom.to_fill.contains(&"definitie"),
        "{:?}",
        instroom.to_fill
    );
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    merge(&ds, &i, WriteOptions::default()).unwrap();
    let toml = fs::read_to_string(ds.join("dataset.toml")).unwrap();
    assert!(
        toml.contains("definitie = \"Lopende maatregelen aan het eind van de periode\""),
        "{toml}"
    );
    // Without a Description the field stays to fill in.
    let dir2 = tempfile::tempdir().unwrap();
    let data = dir2.path().join("x_TypedDataSet.csv");
    fs::copy(fixture(TYPED_2023), &data).unwrap();
    let props = fs::read_to_string(fixture("typed/jbjr2023h1_DataProperties.csv")).unwrap();
    let props = props.replace("\"Gestarte maatregelen in de periode\"", "\"\"");
    fs::write(dir2.path().join("x_DataProperties.csv"), props).unwrap();
    let i = detect::read_file(&data, &jeugd()).unwrap();
    let instroom = i.indicators.iter().find(|d| d.id == "instroom").unwrap();
    assert_eq!(instroom.definitie, "");
    assert!(instroom.to_fill.contains(&"definitie"));
}

#[test]
fn a_newer_dot_keeps_the_known_value_and_a_newer_secret_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let ds_arg = ds.to_str().unwrap();
    let (ok, _, err) = duiden(&["importeer", &path(TYPED_2022), "--naar", ds_arg]);
    assert!(ok, "{err}");
    let (ok, out, err) = duiden(&["importeer", &path(TYPED_2023), "--naar", ds_arg]);
    assert!(ok, "{err}");
    assert!(
        out.contains("bron cbs-jbjr: 2 bekende waarden behouden waar de nieuwe publicatie '.' (onbekend) geeft"),
        "{out}"
    );
    let csv = fs::read_to_string(ds.join("reeksen.csv")).unwrap();
    assert!(
        csv.contains("2022,algemeen,stand_begin,cbs-jbjr,31960,"),
        "{csv}"
    );
    // Again: nothing changes, the note does not grow.
    let before = files(&ds);
    let (ok, out, err) = duiden(&["importeer", &path(TYPED_2023), "--naar", ds_arg]);
    assert!(ok, "{err}");
    assert!(out.contains("niets veranderd"), "{out}");
    assert_eq!(files(&ds), before);

    // A newer table that says the 2022 begin stock is secret: it is, and the report says so.
    let src = tempfile::tempdir().unwrap();
    for name in ["TypedDataSet", "DataProperties", "Perioden", "TableInfos"] {
        let text = fs::read_to_string(fixture(&format!("typed/jbjr2023h1_{name}.csv"))).unwrap();
        let text = text
            .replace("\"2022JJ00\";\"         .\"", "\"2022JJ00\";\"         x\"")
            .replace("2023-12-14T02", "2024-01-10T02");
        fs::write(src.path().join(format!("jbjr_{name}.csv")), text).unwrap();
    }
    let newer = src.path().join("jbjr_TypedDataSet.csv");
    let (ok, out, err) = duiden(&["importeer", newer.to_str().unwrap(), "--naar", ds_arg]);
    assert!(ok, "{err}");
    assert!(
        out.contains(
            "bron cbs-jbjr: 1 bekende waarde nu ontbrekend: de nieuwe publicatie zegt geheim"
        ),
        "{out}"
    );
    assert!(
        out.contains("bron cbs-jbjr: 1 bekende waarde behouden"),
        "{out}"
    );
    let csv = fs::read_to_string(ds.join("reeksen.csv")).unwrap();
    assert!(
        csv.contains("2022,algemeen,stand_begin,cbs-jbjr,.,"),
        "{csv}"
    );
    assert!(csv.contains("geheim (CBS: x)"), "{csv}");
    assert!(
        csv.contains("2022,algemeen,stand_eind,cbs-jbjr,29070,"),
        "{csv}"
    );
}

const BEVOLKING: &str = "bevolking/03759ned_TypedDataSet.csv";

#[test]
fn a_population_table_imports_as_inwoners_per_gemeente_per_year() {
    let i = detect::read_file(&fixture(BEVOLKING), &Options::default()).unwrap();
    let got: Vec<(String, String, Option<f64>)> = i
        .rows
        .iter()
        .map(|r| {
            let v = match r.figure {
                duiden::import::Figure::Value(v) => Some(v),
                duiden::import::Figure::Missing(_) => None,
            };
            (r.period.code(), r.regio.clone().unwrap_or_default(), v)
        })
        .collect();
    let want = [
        ("2020", "NL01", 17407585.0),
        ("2021", "NL01", 17475415.0),
        ("2022", "NL01", 17590672.0),
        ("2023", "NL01", 17811291.0),
        ("2012", "GM0772", 217225.0),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(p, r, v)| (p.to_string(), r.to_string(), Some(*v)))
        .collect();
    assert_eq!(
        got, want,
        "only the totals of Geslacht, Leeftijd and Burgerlijke staat"
    );
    assert!(i.rows.iter().all(|r| r.indicator == "inwoners"));
    let ind = &i.indicators[0];
    assert_eq!(
        (ind.id.as_str(), ind.naam.as_str()),
        ("inwoners", "Bevolking op 1 januari")
    );
    assert_eq!(ind.soort, Some(duiden::model::Soort::Stand));
    assert_eq!(i.sources[0].id, "cbs-03759ned");
    let skipped: Vec<&str> = i.unmapped.iter().map(|u| u.place.as_str()).collect();
    assert_eq!(
        skipped,
        ["kolom BurgerlijkeStaat", "kolom Geslacht", "kolom Leeftijd"]
    );
    // It loads as a dataset, and the command says what it added.
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let (ok, out, err) = duiden(&[
        "importeer",
        &path(BEVOLKING),
        "--naar",
        ds.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("2 reeksen, 5 waarden"), "{out}");

    // Without the code lists beside it the common CBS total codes still say which is the total.
    let bare = tempfile::tempdir().unwrap();
    for name in ["TypedDataSet", "DataProperties"] {
        let f = format!("03759ned_{name}.csv");
        fs::copy(fixture(&format!("bevolking/{f}")), bare.path().join(&f)).unwrap();
    }
    let again = detect::read_file(
        &bare.path().join("03759ned_TypedDataSet.csv"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(again.rows.len(), 5);
}

#[test]
fn a_table_that_gives_no_figure_is_an_error_not_an_empty_success() {
    // Totals under codes duiden does not know and no code list to say which: nothing reads.
    let src = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(fixture(BEVOLKING)).unwrap();
    fs::write(
        src.path().join("t_TypedDataSet.csv"),
        text.replace("T001038", "A048583"),
    )
    .unwrap();
    fs::copy(
        fixture("bevolking/03759ned_DataProperties.csv"),
        src.path().join("t_DataProperties.csv"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let file = src.path().join("t_TypedDataSet.csv");
    let (ok, _, err) = duiden(&[
        "importeer",
        file.to_str().unwrap(),
        "--naar",
        ds.to_str().unwrap(),
    ]);
    assert!(!ok, "{err}");
    assert!(err.contains("geen enkel cijfer gelezen"), "{err}");
    assert!(err.contains("kolom Geslacht: 10 regels"), "{err}");
    assert!(!ds.exists());
    // With the code list beside it, its "Totaal …" names the total.
    let list = fs::read_to_string(fixture("bevolking/03759ned_Geslacht.csv")).unwrap();
    fs::write(
        src.path().join("t_Geslacht.csv"),
        list.replace("T001038", "A048583"),
    )
    .unwrap();
    let i = detect::read_file(&file, &Options::default()).unwrap();
    assert_eq!(i.rows.len(), 5);
}

#[test]
fn region_names_without_a_code_are_kept_and_the_report_says_they_will_not_match() {
    let regional = "statline/jeugdhulp_regio.csv";
    let i = read(regional);
    let regions: std::collections::BTreeSet<_> =
        i.rows.iter().filter_map(|r| r.regio.as_deref()).collect();
    assert_eq!(
        regions.into_iter().collect::<Vec<_>>(),
        ["Eindhoven", "NL01"]
    );
    assert_eq!(i.rows.len(), 8);
    assert_eq!(i.indicators[0].soort, Some(duiden::model::Soort::Ratio));
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let (ok, out, err) = duiden(&["importeer", &path(regional), "--naar", ds.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        out.contains("let op: regio's zonder code, als naam overgenomen: Eindhoven;")
            && out.contains("sluiten niet aan op cijfers met codes"),
        "{out}"
    );
    // With the code in the label there is nothing to warn about.
    let text = fs::read_to_string(fixture(regional)).unwrap();
    let coded = dir.path().join("met_code.csv");
    fs::write(
        &coded,
        text.replace("\"Eindhoven\"", "\"Eindhoven (GM0772)\""),
    )
    .unwrap();
    let i = read(coded.to_str().unwrap());
    assert!(i.notes.is_empty(), "{:?}", i.notes);
    assert!(i.rows.iter().any(|r| r.regio.as_deref() == Some("GM0772")));
    // The national StatLine fixture has only Nederland: no note either.
    assert!(read(STATLINE).notes.is_empty());
}

const BEVOLKING_V3: &str = "bevolking/03759ned_TypedDataSet.json";
const BEVOLKING_V4: &str = "bevolking/03759ned-v4.json";

/// (periode, regio, indicator, waarde, status, eenheid) of every row, sorted.
type Figures = Vec<(String, String, String, Option<f64>, String, String)>;

fn figures(i: &duiden::import::Import) -> Figures {
    let mut got: Figures = i
        .rows
        .iter()
        .map(|r| {
            let v = match r.figure {
                duiden::import::Figure::Value(v) => Some(v),
                duiden::import::Figure::Missing(_) => None,
            };
            (
                r.period.code(),
                r.regio.clone().unwrap_or_default(),
                r.indicator.clone(),
                v,
                format!("{:?}", r.status),
                r.eenheid.clone(),
            )
        })
        .collect();
    got.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    got
}

#[test]
fn a_population_table_reads_the_same_from_csv_v3_json_and_v4_json() {
    use duiden::import::Layout;
    let algemeen = Options {
        domein: Some("algemeen".into()),
        ..Options::default()
    };
    let csv = detect::read_file(&fixture(BEVOLKING), &algemeen).unwrap();
    let v3 = detect::read_file(&fixture(BEVOLKING_V3), &algemeen).unwrap();
    let v4 = detect::read_file(&fixture(BEVOLKING_V4), &algemeen).unwrap();
    assert_eq!(
        [csv.layout, v3.layout, v4.layout],
        [
            Layout::CbsTypedCsv,
            Layout::CbsTypedJson,
            Layout::CbsObservationsJson
        ]
    );
    let want: Figures = [
        ("2012", "GM0772", 217225.0),
        ("2020", "NL01", 17407585.0),
        ("2021", "NL01", 17475415.0),
        ("2022", "NL01", 17590672.0),
        ("2023", "NL01", 17811291.0),
    ]
    .iter()
    .map(|(p, r, v)| {
        let (p, r) = (p.to_string(), r.to_string());
        (
            p,
            r,
            "inwoners".into(),
            Some(*v),
            "Definitief".into(),
            "aantal".into(),
        )
    })
    .collect();
    assert_eq!(figures(&csv), want);
    assert_eq!(figures(&v3), want, "v3 JSON: only the totals, as the CSV");
    assert_eq!(figures(&v4), want, "v4 JSON: only the totals, as the CSV");
    for i in [&csv, &v3, &v4] {
        let inds: Vec<_> = i
            .indicators
            .iter()
            .map(|d| (d.id.as_str(), d.naam.as_str(), d.soort, d.eenheid.as_str()))
            .collect();
        assert_eq!(
            inds,
            [(
                "inwoners",
                "Bevolking op 1 januari",
                Some(duiden::model::Soort::Stand),
                "aantal"
            )],
            "{:?}",
            i.layout
        );
        assert_eq!(i.sources[0].id, "cbs-03759ned");
        assert_eq!(i.sources[0].vintage, "2024-06-28T02:00:00");
    }
    // The JSON readers say what they left out, per breakdown, as the CSV reader does.
    for i in [&v3, &v4] {
        let skipped: Vec<(&str, &str)> = i
            .unmapped
            .iter()
            .filter(|u| u.why.contains("overgeslagen"))
            .map(|u| (u.place.as_str(), u.why.as_str()))
            .collect();
        assert_eq!(
            skipped.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
            ["BurgerlijkeStaat", "Geslacht", "Leeftijd"],
            "{:?}",
            i.unmapped
        );
        assert!(skipped[1].1.starts_with("3 cijfers"), "{skipped:?}");
    }

    // Into one dataset: after the CSV, the same table as JSON changes nothing.
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    let ds_arg = ds.to_str().unwrap();
    let import = |rel: &str| {
        duiden(&[
            "importeer",
            &path(rel),
            "--naar",
            ds_arg,
            "--domein",
            "algemeen",
        ])
    };
    let (ok, out, err) = import(BEVOLKING);
    assert!(ok && out.contains("2 reeksen, 5 waarden"), "{out}{err}");
    let before = fs::read(ds.join("reeksen.csv")).unwrap();
    for json in [BEVOLKING_V3, BEVOLKING_V4] {
        let (ok, out, err) = import(json);
        assert!(ok, "{err}");
        assert!(out.contains("niets veranderd"), "{json}: {out}");
        assert_eq!(fs::read(ds.join("reeksen.csv")).unwrap(), before, "{json}");
    }
}

#[test]
fn a_json_table_that_gives_no_figure_fails_as_the_csv_one_does() {
    // The code list names T001038 the total, but the rows have another code in its place.
    let src = tempfile::tempdir().unwrap();
    for name in ["TypedDataSet", "DataProperties", "Geslacht"] {
        let f = format!("03759ned_{name}.json");
        let text = fs::read_to_string(fixture(&format!("bevolking/{f}"))).unwrap();
        let text = match name {
            "TypedDataSet" => text.replace("T001038", "A048583"),
            _ => text,
        };
        fs::write(src.path().join(&f), text).unwrap();
    }
    let v4 = fs::read_to_string(fixture(BEVOLKING_V4)).unwrap();
    let v4 = v4.replace("\"Geslacht\": \"T001038\"", "\"Geslacht\": \"A048583\"");
    fs::write(src.path().join("03759ned-v4.json"), v4).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("eigen");
    for name in ["03759ned_TypedDataSet.json", "03759ned-v4.json"] {
        let file = src.path().join(name);
        let (ok, _, err) = duiden(&[
            "importeer",
            file.to_str().unwrap(),
            "--naar",
            ds.to_str().unwrap(),
            "--domein",
            "algemeen",
        ]);
        assert!(!ok, "{err}");
        assert!(
            err.contains(&format!("{}: geen enkel cijfer gelezen", file.display())),
            "{err}"
        );
        // Every one of the 10 figures is left out, each counted once under a breakdown.
        assert!(
            err.contains("niet overgenomen: Geslacht: 9 cijfers met een uitsplitsing die duiden niet kent overgeslagen")
                && err.contains("niet overgenomen: BurgerlijkeStaat: 1 cijfer met"),
            "{err}"
        );
        assert!(!ds.exists());
    }
}
