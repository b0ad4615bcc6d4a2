//! Bad input for `duiden::load::load_dataset`: every case must name the file, the line and the
//! column, and say what was expected. Each case builds a dataset folder in a temporary directory
//! from the sample's `dataset.toml` and a small `reeksen.csv`.
//!
//! Columns: in `reeksen.csv` the column of a cell problem is the 1-based field number (the
//! spreadsheet column); for encoding errors and in `dataset.toml` it is the 1-based character
//! position on the line.

use duiden::load::diagnostic::MAX_DIAGNOSTICS;
use duiden::load::{Diagnostic, LoadError, load_dataset};
use duiden::model::{Dataset, Period, Status};
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

const HEADER: &str = "periode,domein,indicator,bron,waarde";

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")
}

fn sample_toml() -> String {
    std::fs::read_to_string(sample_dir().join("dataset.toml")).expect("sample dataset.toml")
}

/// A dataset folder with the sample's metadata and the given `reeksen.csv` bytes.
fn dataset_bytes(csv: &[u8]) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        sample_dir().join("dataset.toml"),
        dir.path().join("dataset.toml"),
    )
    .expect("copy dataset.toml");
    std::fs::write(dir.path().join("reeksen.csv"), csv).expect("write reeksen.csv");
    dir
}

fn dataset(csv: &str) -> TempDir {
    dataset_bytes(csv.as_bytes())
}

/// A dataset folder with the given metadata text and a small valid `reeksen.csv`.
fn dataset_with_meta(toml: &str) -> TempDir {
    let dir = dataset(&format!(
        "{HEADER}\n2021-01,jeugd,instroom,gemeente-registratie,10\n"
    ));
    std::fs::write(dir.path().join("dataset.toml"), toml).expect("write dataset.toml");
    dir
}

fn load_err(dir: &TempDir) -> LoadError {
    match load_dataset(dir.path()) {
        Ok(ds) => panic!(
            "expected a LoadError, but the dataset loaded with {} series",
            ds.series.len()
        ),
        Err(e) => e,
    }
}

fn load_ok(dir: &TempDir) -> Dataset {
    match load_dataset(dir.path()) {
        Ok(ds) => ds,
        Err(e) => panic!("expected the dataset to load, got:\n{e}"),
    }
}

/// The only diagnostic of the error, checked for file name, line, column and a message part.
fn assert_single(err: &LoadError, file: &str, line: usize, column: usize, needle: &str) {
    assert_eq!(
        err.diagnostics.len(),
        1,
        "expected exactly one diagnostic, got:\n{err}"
    );
    assert_eq!(err.omitted, 0);
    assert_diag(&err.diagnostics[0], file, line, column, needle);
}

fn assert_diag(d: &Diagnostic, file: &str, line: usize, column: usize, needle: &str) {
    assert_eq!(
        d.file.file_name().and_then(|n| n.to_str()),
        Some(file),
        "wrong file in: {d}"
    );
    assert_eq!((d.line, d.column), (line, column), "wrong place in: {d}");
    assert!(
        d.message.contains(needle),
        "message of {d}\nshould contain {needle:?}"
    );
    // Display is `path:line:col: message`.
    let shown = d.to_string();
    assert!(
        shown.ends_with(&format!("{file}:{line}:{column}: {}", d.message)),
        "Display should be file:line:col: message, got {shown}"
    );
}

fn jeugd_instroom<'a>(ds: &'a Dataset, bron: &str) -> &'a duiden::model::Series {
    ds.series
        .iter()
        .find(|s| s.key.domein == "jeugd" && s.key.indicator == "instroom" && s.key.bron == bron)
        .unwrap_or_else(|| panic!("series jeugd/instroom/{bron} missing"))
}

fn period(text: &str) -> Period {
    Period::parse(text).expect("valid period").0
}

// ------------------------------------------------------------------------------------------
// reeksen.csv: header
// ------------------------------------------------------------------------------------------

#[test]
fn missing_column_points_past_the_header() {
    let dir = dataset(
        "periode,domein,indicator,bron\n\
         2021-01,jeugd,instroom,gemeente-registratie\n",
    );
    let err = load_err(&dir);
    // Four header fields: the missing column would be the fifth.
    assert_single(&err, "reeksen.csv", 1, 5, "kolom 'waarde' ontbreekt");
}

#[test]
fn unknown_column_is_named_with_its_position() {
    let dir = dataset(
        "periode,domein,indicator,bron,waarde,kleur\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,rood\n",
    );
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 1, 6, "onbekende kolom 'kleur'");
}

#[test]
fn empty_file() {
    let err = load_err(&dataset(""));
    assert_single(&err, "reeksen.csv", 1, 1, "bestand is leeg");
    // Only blank lines is empty too.
    let err = load_err(&dataset("\n\r\n  \n"));
    assert_single(&err, "reeksen.csv", 1, 1, "bestand is leeg");
}

// ------------------------------------------------------------------------------------------
// reeksen.csv: cells
// ------------------------------------------------------------------------------------------

#[test]
fn unknown_period_form() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-02,jeugd,instroom,gemeente-registratie,10\n\
         2021/03,jeugd,instroom,gemeente-registratie,11\n"
    ));
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 3, 1, "periode '2021/03' niet herkend");
    assert!(err.diagnostics[0].message.contains("2021KW01"));
}

#[test]
fn period_column_is_found_wherever_it_is() {
    let dir = dataset(
        "domein,indicator,bron,waarde,periode\n\
         jeugd,instroom,gemeente-registratie,10,2021-13\n",
    );
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 2, 5, "buiten bereik 1-12");
}

#[test]
fn non_numeric_value() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-01,jeugd,instroom,gemeente-registratie,10\n\
         2021-02,jeugd,instroom,gemeente-registratie,twaalf\n"
    ));
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 3, 5, "verwacht een getal");
    assert!(err.diagnostics[0].message.contains("'twaalf'"));
}

#[test]
fn empty_required_cell() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-01,jeugd,,gemeente-registratie,10\n"
    ));
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 2, 3, "indicator is leeg");
}

#[test]
fn duplicate_key_names_the_other_line() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-01,jeugd,instroom,gemeente-registratie,10\n\
         2021-02,jeugd,instroom,gemeente-registratie,11\n\
         2021-01,jeugd,instroom,gemeente-registratie,12\n"
    ));
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 4, 1, "dubbele rij");
    assert!(
        err.diagnostics[0].message.contains("ook op regel 2"),
        "{err}"
    );
}

#[test]
fn same_period_with_another_breakdown_or_source_is_no_duplicate() {
    let dir = dataset(
        "periode,domein,indicator,bron,waarde,wijk\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,\n\
         2021-01,jeugd,instroom,gemeente-registratie,4,Centrum\n\
         2021-01,jeugd,instroom,aanbieders-maandrapportage,9,\n",
    );
    let ds = load_ok(&dir);
    assert_eq!(ds.series.len(), 3);
}

#[test]
fn indicator_without_metadata() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-01,jeugd,instroom,gemeente-registratie,10\n\
         2021-01,jeugd,wachttijd,gemeente-registratie,3\n\
         2021-02,jeugd,wachttijd,gemeente-registratie,4\n"
    ));
    let err = load_err(&dir);
    // Reported once, at its first row, pointing at the indicator cell.
    assert_single(
        &err,
        "reeksen.csv",
        3,
        3,
        "indicator 'wachttijd' (domein jeugd) heeft geen metadata",
    );
    assert!(err.diagnostics[0].message.contains("[[indicatoren]]"));
}

#[test]
fn indicator_known_in_another_domain_only() {
    // `bijstand_per_10000` exists, but in domein participatie.
    let dir = dataset(&format!(
        "{HEADER}\n2021,jeugd,bijstand_per_10000,gemeente-registratie,10\n"
    ));
    let err = load_err(&dir);
    assert_single(
        &err,
        "reeksen.csv",
        2,
        3,
        "'bijstand_per_10000' (domein jeugd)",
    );
}

#[test]
fn bron_without_metadata() {
    let dir = dataset(
        "bron,periode,domein,indicator,waarde\n\
         gemeente-registratie,2021-01,jeugd,instroom,10\n\
         wijkteam-excel,2021-01,jeugd,instroom,10\n",
    );
    let err = load_err(&dir);
    assert_single(
        &err,
        "reeksen.csv",
        3,
        1,
        "bron 'wijkteam-excel' heeft geen metadata",
    );
    assert!(err.diagnostics[0].message.contains("[[bronnen]]"));
}

#[test]
fn bad_status() {
    let dir = dataset(
        "periode,domein,indicator,bron,waarde,eenheid,status\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,jeugdigen,definitief\n\
         2021-02,jeugd,instroom,gemeente-registratie,11,jeugdigen,zeker\n",
    );
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 3, 7, "status 'zeker' onbekend");
    assert!(err.diagnostics[0].message.contains("voorlopig"));
}

#[test]
fn ragged_row() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-01,jeugd,instroom,gemeente-registratie,10\n\
         2021-02,jeugd,instroom,gemeente-registratie,11,extra\n\
         2021-03,jeugd,instroom,gemeente-registratie,12\n"
    ));
    let err = load_err(&dir);
    assert_single(
        &err,
        "reeksen.csv",
        3,
        1,
        "regel heeft 6 velden; verwacht 5",
    );
}

#[test]
fn ragged_row_with_semicolons_names_the_separator() {
    let dir = dataset(
        "periode;domein;indicator;bron;waarde\n\
         2021-01;jeugd;instroom;gemeente-registratie\n",
    );
    let err = load_err(&dir);
    assert_single(
        &err,
        "reeksen.csv",
        2,
        1,
        "regel heeft 4 velden; verwacht 5",
    );
    assert!(err.diagnostics[0].message.contains("';'"), "{err}");
}

#[test]
fn not_utf8_points_at_the_byte() {
    let mut csv = Vec::new();
    csv.extend_from_slice(b"periode,domein,indicator,bron,waarde,opmerking\n");
    csv.extend_from_slice(b"2021-01,jeugd,instroom,gemeente-registratie,10,\n");
    // Latin-1 "caf\xE9": the \xE9 is character 51 of line 3.
    let line3 = b"2021-02,jeugd,instroom,gemeente-registratie,11,caf\xE9\n";
    assert_eq!(line3.iter().position(|&b| b == 0xE9), Some(50));
    csv.extend_from_slice(line3);
    csv.extend_from_slice(b"2021-03,jeugd,instroom,gemeente-registratie,12,\n");
    let err = load_err(&dataset_bytes(&csv));
    assert_single(&err, "reeksen.csv", 3, 51, "geen geldige UTF-8 (byte 0xE9)");
}

#[test]
fn not_utf8_column_counts_characters_not_bytes() {
    // "één " is 4 characters but 6 bytes: the bad byte is character 52, byte 54.
    let mut csv = Vec::new();
    csv.extend_from_slice(b"periode,domein,indicator,bron,waarde,opmerking\n");
    csv.extend_from_slice("2021-01,jeugd,instroom,gemeente-registratie,10,één ".as_bytes());
    csv.extend_from_slice(b"caf\xE9\n");
    let err = load_err(&dataset_bytes(&csv));
    assert_single(&err, "reeksen.csv", 2, 55, "0xE9");
}

// ------------------------------------------------------------------------------------------
// dataset.toml
// ------------------------------------------------------------------------------------------

#[test]
fn broken_toml_syntax() {
    // Replace the `gemeente = "…"` line with a value that is not TOML.
    let text = sample_toml();
    let line_no = text
        .lines()
        .position(|l| l.starts_with("gemeente = "))
        .expect("gemeente line")
        + 1;
    let broken: String = text
        .lines()
        .map(|l| {
            if l.starts_with("gemeente = ") {
                "gemeente = Eindhoven".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let err = load_err(&dataset_with_meta(&broken));
    // The value starts at character 12 of the line.
    assert_single(&err, "dataset.toml", line_no, 12, "");
    assert!(!err.diagnostics[0].message.is_empty());
}

#[test]
fn broken_toml_syntax_unclosed_table_header() {
    let mut text = sample_toml();
    let line_no = text.lines().count() + 2;
    text.push_str("\n[[bronnen]\nid = \"x\"\n");
    let err = load_err(&dataset_with_meta(&text));
    assert_eq!(err.diagnostics.len(), 1, "{err}");
    let d = &err.diagnostics[0];
    assert_eq!(
        d.file.file_name().and_then(|n| n.to_str()),
        Some("dataset.toml")
    );
    assert_eq!(d.line, line_no, "{d}");
}

#[test]
fn unknown_field_in_toml_is_located() {
    let mut text = sample_toml();
    // Blank line, [[bronnen]], id, naam, then the unknown key on the fifth appended line.
    let line_no = text.lines().count() + 5;
    text.push_str("\n[[bronnen]]\nid = \"extra\"\nnaam = \"Extra\"\nlijndikte = \"3\"\n");
    let err = load_err(&dataset_with_meta(&text));
    assert_single(&err, "dataset.toml", line_no, 1, "lijndikte");
}

/// The sample's metadata with `extra` as a line after `id = "gemeente-registratie"`, and the
/// number of that line.
fn with_source_line(extra: &str) -> (String, usize) {
    let text = sample_toml();
    let at = text
        .lines()
        .position(|l| l == "id = \"gemeente-registratie\"")
        .expect("gemeente-registratie in the sample");
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(at + 1, extra);
    (lines.join("\n"), at + 2)
}

#[test]
fn a_bad_colour_of_a_source_is_located() {
    let (text, line_no) = with_source_line("kleur = \"oranjeachtig\"");
    let err = load_err(&dataset_with_meta(&text));
    // The value starts at character 9 of the line.
    assert_single(
        &err,
        "dataset.toml",
        line_no,
        9,
        "kleur 'oranjeachtig' onbekend",
    );
}

#[test]
fn a_symbol_that_is_the_event_mark_is_located() {
    let (text, line_no) = with_source_line("symbool = \"◆\"");
    let err = load_err(&dataset_with_meta(&text));
    assert_single(&err, "dataset.toml", line_no, 11, "gebeurtenis");
    let (text, line_no) = with_source_line("symbool = \"ab\"");
    let err = load_err(&dataset_with_meta(&text));
    assert_single(&err, "dataset.toml", line_no, 11, "niet één teken");
}

#[test]
fn colour_and_symbol_of_a_source_load() {
    let (text, _) = with_source_line("kleur = \"#FF0000\"\nsymbool = \"✦\"");
    let ds = load_ok(&dataset_with_meta(&text));
    let id = ds.meta.identity("gemeente-registratie");
    assert_eq!(id.colour, Some(duiden::model::identity::Rgb(255, 0, 0)));
    assert_eq!(id.symbol, Some('✦'));
}

#[test]
fn toml_column_counts_characters() {
    // `titel = "ééé" x`: the stray `x` is character 15 (byte 18).
    let err = load_err(&dataset_with_meta("titel = \"ééé\" x\n"));
    assert_single(&err, "dataset.toml", 1, 15, "");
}

#[test]
fn wrong_soort_is_located() {
    let mut text = sample_toml();
    let line_no = text.lines().count() + 5;
    text.push_str("\n[[indicatoren]]\ndomein = \"jeugd\"\nid = \"x\"\nsoort = \"flow\"\n");
    let err = load_err(&dataset_with_meta(&text));
    // The value after `soort = ` starts at character 9.
    assert_single(
        &err,
        "dataset.toml",
        line_no,
        9,
        "`stroom`, `stand`, `ratio`",
    );
}

#[test]
fn invalid_period_in_gebeurtenis() {
    let mut text = sample_toml();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let line_no = text.lines().count() + 3;
    text.push_str("\n[[gebeurtenissen]]\nperiode = \"2022/07\"\ntekst = \"Nieuwe aanbesteding\"\n");
    let err = load_err(&dataset_with_meta(&text));
    // Points at the opening quote of the value: `periode = ` is 10 characters.
    assert_single(
        &err,
        "dataset.toml",
        line_no,
        11,
        "periode '2022/07' niet herkend",
    );
}

#[test]
fn invalid_end_period_in_gebeurtenis() {
    let mut text = sample_toml();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let line_no = text.lines().count() + 4;
    text.push_str(
        "\n[[gebeurtenissen]]\nperiode = \"2022-01\"\ntot = \"2022-14\"\ntekst = \"Proef\"\n",
    );
    let err = load_err(&dataset_with_meta(&text));
    // `tot = "` is 7 characters.
    assert_single(&err, "dataset.toml", line_no, 7, "buiten bereik 1-12");
}

#[test]
fn missing_dataset_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("bestaat-niet");
    let err = load_dataset(&missing).expect_err("missing folder must fail");
    assert_eq!(err.diagnostics.len(), 1);
    let d = &err.diagnostics[0];
    assert_eq!(d.file, missing);
    assert_eq!((d.line, d.column), (0, 0));
    assert!(d.message.contains("map bestaat niet"), "{d}");
    assert!(err.to_string().starts_with(&missing.display().to_string()));
}

#[test]
fn missing_files_are_both_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = load_err(&dir);
    let names: Vec<_> = err
        .diagnostics
        .iter()
        .map(|d| d.file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["dataset.toml", "reeksen.csv"], "{err}");
    assert!(
        err.diagnostics
            .iter()
            .all(|d| d.message.contains("kan bestand niet lezen"))
    );
}

// ------------------------------------------------------------------------------------------
// Several problems at once
// ------------------------------------------------------------------------------------------

#[test]
fn several_errors_are_reported_together_in_line_order() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-01,jeugd,instroom,gemeente-registratie,10\n\
         2021-02,jeugd,instroom,gemeente-registratie,veel\n\
         2021-03,jeugd,instroom,gemeente-registratie,12\n\
         maart,jeugd,instroom,gemeente-registratie,13\n\
         2021-05,jeugd,instroom,nergens,14\n"
    ));
    let err = load_err(&dir);
    assert_eq!(err.diagnostics.len(), 3, "{err}");
    assert_eq!(err.omitted, 0);
    assert_diag(&err.diagnostics[0], "reeksen.csv", 3, 5, "'veel'");
    assert_diag(
        &err.diagnostics[1],
        "reeksen.csv",
        5,
        1,
        "'maart' niet herkend",
    );
    assert_diag(&err.diagnostics[2], "reeksen.csv", 6, 4, "bron 'nergens'");
    let shown = err.to_string();
    assert_eq!(shown.lines().count(), 3, "{shown}");
    for (line, col) in [(3, 5), (5, 1), (6, 4)] {
        assert!(
            shown.contains(&format!("reeksen.csv:{line}:{col}: ")),
            "{shown}"
        );
    }
}

#[test]
fn one_row_with_several_bad_cells_reports_each() {
    let dir = dataset(
        "periode,domein,indicator,bron,waarde,status\n\
         2021/01,jeugd,instroom,gemeente-registratie,?,misschien\n",
    );
    let err = load_err(&dir);
    let places: Vec<_> = err.diagnostics.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(places, [(2, 1), (2, 5), (2, 6)], "{err}");
}

#[test]
fn errors_in_both_files_are_reported_together() {
    let mut text = sample_toml();
    text.push_str("\n[[gebeurtenissen]]\nperiode = \"ooit\"\ntekst = \"x\"\n");
    let dir = dataset(&format!(
        "{HEADER}\n2021-01,jeugd,instroom,gemeente-registratie,tien\n"
    ));
    std::fs::write(dir.path().join("dataset.toml"), text).unwrap();
    let err = load_err(&dir);
    let files: Vec<_> = err
        .diagnostics
        .iter()
        .map(|d| d.file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["dataset.toml", "reeksen.csv"], "{err}");
}

#[test]
fn at_most_fifty_diagnostics_the_rest_counted() {
    let mut csv = format!("{HEADER}\n");
    for i in 0..200 {
        csv.push_str(&format!(
            "{},jeugd,instroom,gemeente-registratie,fout{i}\n",
            2000 + i
        ));
    }
    let err = load_err(&dataset(&csv));
    assert_eq!(err.diagnostics.len(), MAX_DIAGNOSTICS);
    assert_eq!(err.diagnostics.len(), 50);
    assert_eq!(err.omitted, 150);
    // The first fifty rows (lines 2..=51) are the ones shown, in order.
    for (i, d) in err.diagnostics.iter().enumerate() {
        assert_diag(d, "reeksen.csv", i + 2, 5, &format!("'fout{i}'"));
    }
    assert!(
        err.to_string().ends_with("… en nog 150 fouten"),
        "{}",
        err.to_string().lines().last().unwrap_or_default()
    );
}

// ------------------------------------------------------------------------------------------
// Accepted forms
// ------------------------------------------------------------------------------------------

#[test]
fn semicolon_separator_with_decimal_comma() {
    let dir = dataset(
        "periode;domein;indicator;bron;waarde\n\
         2021-01;jeugd;instroom;gemeente-registratie;12,5\n\
         2021-02;jeugd;instroom;gemeente-registratie;1.234,5\n",
    );
    let ds = load_ok(&dir);
    let s = jeugd_instroom(&ds, "gemeente-registratie");
    assert_eq!(s.points.len(), 2);
    assert_eq!(s.points[0].value, Some(12.5));
    assert_eq!(s.points[1].value, Some(1234.5));
}

#[test]
fn utf8_bom_at_file_start() {
    let dir = dataset(&format!(
        "\u{FEFF}{HEADER}\n2021-01,jeugd,instroom,gemeente-registratie,10\n"
    ));
    let ds = load_ok(&dir);
    assert_eq!(
        jeugd_instroom(&ds, "gemeente-registratie").points[0].value,
        Some(10.0)
    );
}

#[test]
fn utf8_bom_does_not_shift_columns() {
    let dir = dataset(&format!(
        "\u{FEFF}{HEADER}\n2021-01,jeugd,instroom,gemeente-registratie,tien\n"
    ));
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 2, 5, "'tien'");
}

#[test]
fn quoted_field_with_comma() {
    let dir = dataset(
        "periode,domein,indicator,bron,waarde,opmerking\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,\"instroomstop, tijdelijk\"\n\
         2021-02,jeugd,instroom,gemeente-registratie,\"11,5\",\n",
    );
    let ds = load_ok(&dir);
    let s = jeugd_instroom(&ds, "gemeente-registratie");
    assert_eq!(s.points[0].note.as_deref(), Some("instroomstop, tijdelijk"));
    assert_eq!(s.points[0].value, Some(10.0));
    assert_eq!(s.points[1].value, Some(11.5));
}

#[test]
fn quoted_newline_keeps_line_numbers_right() {
    // The record on lines 2-3 spans two physical lines; the bad value is on physical line 4.
    let dir = dataset(
        "periode,domein,indicator,bron,waarde,opmerking\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,\"eerste regel\ntweede regel\"\n\
         2021-02,jeugd,instroom,gemeente-registratie,elf,\n",
    );
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 4, 5, "'elf'");
}

/// Header on line 1; a three-line note on lines 2-4; line 5; a two-line note with a doubled quote
/// and separators on lines 6-7; a blank line 8; the last record on line 9. CRLF throughout.
fn multi_line_notes_csv(last_value: &str) -> String {
    format!(
        "periode;domein;indicator;bron;waarde;opmerking\r\n\
         2021-01;jeugd;instroom;gemeente-registratie;10;\"eerste\r\ntweede\r\nderde\"\r\n\
         2021-02;jeugd;instroom;gemeente-registratie;11;\r\n\
         2021-03;jeugd;instroom;gemeente-registratie;12;\"zij zei \"\"stop; nu\"\"\r\nklaar\"\r\n\
         \r\n\
         2021-04;jeugd;instroom;gemeente-registratie;{last_value};\r\n"
    )
}

#[test]
fn multi_line_notes_then_a_bad_value_names_the_true_line() {
    // A naive line count (one record per line) would say line 6.
    let err = load_err(&dataset(&multi_line_notes_csv("dertien")));
    assert_single(&err, "reeksen.csv", 9, 5, "'dertien'");
}

#[test]
fn multi_line_notes_keep_their_text_and_every_record_its_line() {
    let ds = load_ok(&dataset(&multi_line_notes_csv("13")));
    let s = jeugd_instroom(&ds, "gemeente-registratie");
    let lines: Vec<usize> = s.points.iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 5, 6, 9]);
    assert_eq!(
        s.points[0].note.as_deref(),
        Some("eerste\r\ntweede\r\nderde")
    );
    assert_eq!(
        s.points[2].note.as_deref(),
        Some("zij zei \"stop; nu\"\r\nklaar")
    );
    assert_eq!(s.points[3].value, Some(13.0));
}

#[test]
fn unterminated_quote_on_a_later_line_of_a_multi_line_record() {
    // The record starts on line 2; its second quoted field opens on line 3 and never closes.
    let err = load_err(&dataset(
        "periode,domein,indicator,bron,waarde,opmerking,status\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,\"a\nb\",\"open\n\
         2021-02,jeugd,instroom,gemeente-registratie,11,,\n",
    ));
    assert_single(&err, "reeksen.csv", 3, 7, "niet gesloten");
    assert!(err.diagnostics[0].message.contains("verwacht"), "{err}");
}

#[test]
fn crlf_line_endings() {
    let dir = dataset(
        "periode,domein,indicator,bron,waarde,status\r\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,voorlopig\r\n\
         2021-02,jeugd,instroom,gemeente-registratie,11,definitief\r\n",
    );
    let ds = load_ok(&dir);
    let s = jeugd_instroom(&ds, "gemeente-registratie");
    assert_eq!(s.points.len(), 2);
    assert_eq!(s.points[0].value, Some(10.0));
    assert_eq!(s.points[0].status, Status::Voorlopig);
    assert_eq!(s.points[1].value, Some(11.0));
    assert_eq!(s.points[1].status, Status::Definitief);
}

#[test]
fn crlf_line_endings_error_position() {
    let dir = dataset(
        "periode,domein,indicator,bron,waarde\r\n\
         2021-01,jeugd,instroom,gemeente-registratie,10\r\n\
         2021-02,jeugd,instroom,gemeente-registratie,elf\r\n",
    );
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 3, 5, "'elf'");
    assert!(!err.diagnostics[0].message.contains('\r'));
}

#[test]
fn dot_is_unknown_not_zero() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-01,jeugd,instroom,cbs-beleidsinformatie,.\n\
         2021-02,jeugd,instroom,cbs-beleidsinformatie,0\n"
    ));
    let ds = load_ok(&dir);
    let s = jeugd_instroom(&ds, "cbs-beleidsinformatie");
    assert_eq!(s.points.len(), 2, "the unknown point is kept");
    let unknown = s.value_at(&period("2021-01")).expect("point 2021-01");
    assert_eq!(unknown.value, None);
    let zero = s.value_at(&period("2021-02")).expect("point 2021-02");
    assert_eq!(zero.value, Some(0.0));
}

#[test]
fn trailing_star_means_voorlopig() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2022,jeugd,instroom,cbs-beleidsinformatie,100\n\
         2023*,jeugd,instroom,cbs-beleidsinformatie,110\n\
         2024KW01*,jeugd,instroom,aanbieders-maandrapportage,30\n"
    ));
    let ds = load_ok(&dir);
    let s = jeugd_instroom(&ds, "cbs-beleidsinformatie");
    assert_eq!(
        s.value_at(&period("2022")).unwrap().status,
        Status::Definitief
    );
    let p = s.value_at(&period("2023")).expect("2023 without the star");
    assert_eq!(p.status, Status::Voorlopig);
    assert_eq!(p.value, Some(110.0));
    let q = jeugd_instroom(&ds, "aanbieders-maandrapportage");
    assert_eq!(q.points[0].period, period("2024-Q1"));
    assert_eq!(q.points[0].status, Status::Voorlopig);
}

#[test]
fn star_and_explicit_status_and_duplicate_across_star() {
    // "2023*" and "2023" are the same period: a duplicate.
    let dir = dataset(&format!(
        "{HEADER}\n\
         2023*,jeugd,instroom,cbs-beleidsinformatie,110\n\
         2023,jeugd,instroom,cbs-beleidsinformatie,112\n"
    ));
    let err = load_err(&dir);
    assert_single(&err, "reeksen.csv", 3, 1, "ook op regel 2");
}

#[test]
fn line_numbers_are_recorded_on_observations() {
    let dir = dataset(&format!(
        "{HEADER}\n\
         2021-02,jeugd,instroom,gemeente-registratie,11\n\
         2021-01,jeugd,instroom,gemeente-registratie,10\n"
    ));
    let ds = load_ok(&dir);
    let s = jeugd_instroom(&ds, "gemeente-registratie");
    // Sorted by period; each keeps the line it came from.
    assert_eq!(s.points[0].period, period("2021-01"));
    assert_eq!(s.points[0].line, 3);
    assert_eq!(s.points[1].line, 2);
}

// ------------------------------------------------------------------------------------------
// `duiden controleer`
// ------------------------------------------------------------------------------------------

fn duiden(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_duiden"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run duiden")
}

#[test]
fn controleer_lists_every_error_with_file_line_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        sample_dir().join("dataset.toml"),
        dir.path().join("dataset.toml"),
    )
    .unwrap();
    let csv = std::fs::read_to_string(sample_dir().join("reeksen.csv")).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (c_waarde, c_periode) = (col("waarde"), col("periode"));
    // Corrupt the value on line 10 and the period on line 20 (lines without quotes).
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    for (line_no, c, bad) in [(10, c_waarde, "n.v.t"), (20, c_periode, "2021/03")] {
        let l = &mut lines[line_no - 1];
        assert!(!l.contains('"'), "line {line_no} has quotes: {l}");
        let mut fields: Vec<&str> = l.split(',').collect();
        assert_eq!(fields.len(), header.len());
        fields[c] = bad;
        *l = fields.join(",");
    }
    std::fs::write(dir.path().join("reeksen.csv"), lines.join("\n") + "\n").unwrap();

    let out = duiden(&["controleer".as_ref(), dir.path().as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "controleer should fail:\n{stderr}");
    let expected = [
        format!("reeksen.csv:10:{}: ", c_waarde + 1),
        format!("reeksen.csv:20:{}: ", c_periode + 1),
    ];
    for e in &expected {
        assert!(
            stderr.lines().any(|l| l.contains(e.as_str())),
            "stderr should list {e}:\n{stderr}"
        );
    }
    // Each error line starts with the full path of the file.
    let csv_path = dir.path().join("reeksen.csv").display().to_string();
    let error_lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("reeksen.csv:"))
        .collect();
    assert_eq!(error_lines.len(), 2, "{stderr}");
    assert!(
        error_lines.iter().all(|l| l.starts_with(&csv_path)),
        "{stderr}"
    );
    assert!(stderr.contains("'n.v.t'"), "{stderr}");
    assert!(stderr.contains("'2021/03'"), "{stderr}");
    assert!(stderr.contains("2 fouten"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing on stdout on failure");
}

#[test]
fn controleer_on_the_intact_sample() {
    let out = duiden(&["controleer".as_ref(), sample_dir().as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "controleer failed on the sample:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ds = load_dataset(&sample_dir()).expect("sample loads");
    assert!(
        stdout.starts_with(&ds.meta.titel),
        "title first, got:\n{stdout}"
    );
    assert!(
        stdout.contains(&format!("{} reeksen", ds.series.len())),
        "{stdout}"
    );
    assert!(stdout.contains("gemeente-registratie"), "{stdout}");
}

#[test]
fn controleer_on_missing_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nergens");
    let out = duiden(&["controleer".as_ref(), missing.as_os_str()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
    assert!(stderr.contains("1 fout"), "{stderr}");
}

// ------------------------------------------------------------------------------------------
// Regressions: problems found in review, fixed in src/
// ------------------------------------------------------------------------------------------

#[test]
fn blank_lines_are_skipped() {
    // A trailing blank line (as many editors leave) must not give "periode is leeg" errors.
    let ds = load_ok(&dataset(&format!(
        "{HEADER}\n2021-01,jeugd,instroom,gemeente-registratie,10\n\n"
    )));
    assert_eq!(ds.observation_count(), 1);
    // With a blank line and a quoted newline, line numbers must stay physical lines: the bad
    // value is on line 5 (header 1, record 2-3, blank 4).
    let err = load_err(&dataset(
        "periode,domein,indicator,bron,waarde,opmerking\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,\"a\nb\"\n\
         \n\
         2021-02,jeugd,instroom,gemeente-registratie,elf,\n",
    ));
    assert_single(&err, "reeksen.csv", 5, 5, "'elf'");
}

#[test]
fn unterminated_quote_names_its_line() {
    let err = load_err(&dataset(
        "periode,domein,indicator,bron,waarde,opmerking\n\
         2021-01,jeugd,instroom,gemeente-registratie,10,\"open\n\
         2021-02,jeugd,instroom,gemeente-registratie,11,\n",
    ));
    assert_eq!(err.diagnostics.len(), 1, "{err}");
    let d = &err.diagnostics[0];
    assert_eq!((d.line, d.column), (2, 6), "{d}");
    assert!(!d.message.contains("infer_schema_length"), "{d}");
}

#[test]
fn bad_period_is_located_at_its_own_line_not_an_earlier_equal_string() {
    let mut text = sample_toml();
    let line_no = text.lines().count() + 3;
    // "jeugd" also occurs earlier (start = { domein = "jeugd", … }).
    text.push_str("\n[[gebeurtenissen]]\nperiode = \"jeugd\"\ntekst = \"x\"\n");
    let err = load_err(&dataset_with_meta(&text));
    assert_single(&err, "dataset.toml", line_no, 11, "'jeugd' niet herkend");
}

#[test]
fn duplicate_bron_is_located_at_the_duplicate() {
    let mut text = sample_toml();
    let line_no = text.lines().count() + 3;
    text.push_str("\n[[bronnen]]\nid = \"ciz\"\nnaam = \"nog een keer\"\n");
    let err = load_err(&dataset_with_meta(&text));
    assert_single(&err, "dataset.toml", line_no, 6, "'ciz' staat twee keer");
}

#[test]
fn vertraging_with_a_number_but_no_unit_is_located() {
    let text = sample_toml().replace("vertraging = \"ca. 6 weken\"", "vertraging = \"6 wk x\"");
    let line_no = 1 + text
        .lines()
        .position(|l| l.starts_with("vertraging = \"6 wk"))
        .expect("the sample has this line");
    // "6 wk" reads as six weeks; only a number without any unit is refused.
    load_ok(&dataset_with_meta(&text));
    let text = text.replace("\"6 wk x\"", "\"6\"");
    let err = load_err(&dataset_with_meta(&text));
    assert_single(
        &err,
        "dataset.toml",
        line_no,
        14,
        "vertraging '6': getal zonder eenheid",
    );
}

#[test]
fn an_unknown_role_of_a_source_is_located() {
    let (text, line_no) = with_source_line("rol = \"plan\"");
    let err = load_err(&dataset_with_meta(&text));
    // The value after `rol = ` starts at character 7.
    assert_single(
        &err,
        "dataset.toml",
        line_no,
        7,
        "rol 'plan' onbekend; verwacht \"begroting\" of \"realisatie\"",
    );
    let (text, _) = with_source_line("rol = \"begroting\"");
    let ds = load_ok(&dataset_with_meta(&text));
    assert!(ds.meta.source("gemeente-registratie").unwrap().is_budget());
}

/// The sample's metadata with an extra indicator `part` that says `deel_van = target`, and the
/// line of that `deel_van`.
fn with_part_of(domein: &str, target: &str) -> (String, usize) {
    let mut text = sample_toml();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let line_no = text.lines().count() + 6;
    text.push_str(&format!(
        "\n[[indicatoren]]\ndomein = \"{domein}\"\nid = \"instroom_jb\"\nsoort = \"stroom\"\n\
         deel_van = \"{target}\"\n"
    ));
    (text, line_no)
}

#[test]
fn a_part_of_an_unknown_or_other_domain_indicator_is_located() {
    for (domein, target) in [
        ("jeugd", "instrom"),
        ("wmo", "jongeren_wijkteam"),
        ("jeugd", "instroom_jb"),
    ] {
        let (text, line_no) = with_part_of(domein, target);
        let err = load_err(&dataset_with_meta(&text));
        // The value after `deel_van = ` starts at character 12.
        assert_single(
            &err,
            "dataset.toml",
            line_no,
            12,
            &format!(
                "deel_van '{target}' van indicator 'instroom_jb' is geen andere indicator in domein {domein}"
            ),
        );
    }
    let (text, _) = with_part_of("jeugd", "instroom");
    let ds = load_ok(&dataset_with_meta(&text));
    let part = ds.meta.indicator("jeugd", "instroom_jb").unwrap();
    assert_eq!(part.deel_van.as_deref(), Some("instroom"));
}
