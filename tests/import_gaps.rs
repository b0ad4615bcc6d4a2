//! `duiden importeer` where the first version fell short (issue 12 audit): several files as one
//! change, StatLine vintages as dates, errors at the source line, the kind of JSON measures,
//! definitions from DataProperties, known values kept over a newer '.', population tables and
//! region names without a code. Fixtures: tests/fixtures/import (README there names the sources).

use duiden::import::write::{WriteOptions, merge};
use duiden::import::{Options, detect};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(rel)
}

const TYPED_2022: &str = "typed/jbjr2022_TypedDataSet.csv";
const TYPED_2023: &str = "typed/jbjr2023h1_TypedDataSet.csv";
const STATLINE: &str = "statline/Jeugdbescherming_1e_halfjaar_2023.csv";
const DUBBEL: &str = "typed/dubbel_TypedDataSet.csv";

fn jeugd() -> Options {
    Options {
        domein: Some("jeugd".into()),
        ..Options::default()
    }
}

fn read(rel: &str) -> duiden::import::Import {
    detect::read_file(&fixture(rel), &jeugd()).unwrap()
}

fn duiden(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .args(["--taal", "nl"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

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
    let _ = merge; // used by later tests
    let _ = WriteOptions::default();
}
