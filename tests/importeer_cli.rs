//! `duiden importeer` end to end for the layouts the readers were wired in for after the command
//! existed: CBS JSON (v3 and v4) and spreadsheets with `--voorstel`.

mod common;

use std::path::Path;
use std::process::Command;

use common::duiden_nl as duiden;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn cbs_json_in_both_layouts_imports_into_one_dataset_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("ds").display().to_string();
    for file in ["jeugdbescherming.json", "jeugdbescherming-v4.json"] {
        let (ok, out, err) = duiden(&[
            "importeer",
            &fixture(file),
            "--domein",
            "jeugd",
            "--naar",
            &ds,
        ]);
        assert!(ok, "{file}: {out}{err}");
        assert!(out.contains("CBS open data"), "{out}");
    }
    let d = duiden::load::load_dataset(Path::new(&ds)).unwrap();
    // Year and half-year rows are series of their own period length; stocks get the names the
    // stock checks look for.
    let keys: Vec<String> = d
        .series
        .iter()
        .map(|s| format!("{}/{}", s.key.bron, s.key.indicator))
        .collect();
    assert!(
        keys.iter().any(|k| k.ends_with("-halfjaar/stand_eind")),
        "{keys:?}"
    );
    for s in &d.series {
        let g = s.points[0].period.granularity;
        assert!(
            s.points.iter().all(|p| p.period.granularity == g),
            "{:?}",
            s.key
        );
    }
    // Missing figures stay missing (never 0) and say why.
    let missing: Vec<_> = d
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter(|p| p.value.is_none())
        .collect();
    assert!(!missing.is_empty());
    assert!(missing.iter().all(|p| p.note.is_some()));
    // Importing again changes nothing.
    let before = std::fs::read(Path::new(&ds).join("reeksen.csv")).unwrap();
    let (ok, out, _) = duiden(&[
        "importeer",
        &fixture("jeugdbescherming.json"),
        "--domein",
        "jeugd",
        "--naar",
        &ds,
    ]);
    assert!(ok && out.contains("niets veranderd"), "{out}");
    assert_eq!(
        std::fs::read(Path::new(&ds).join("reeksen.csv")).unwrap(),
        before
    );
}

#[test]
fn a_spreadsheet_gets_a_proposed_map_then_imports_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("rapport.xlsx");
    std::fs::copy(fixture("maandrapportage-breed.xlsx"), &sheet).unwrap();
    let s = sheet.display().to_string();
    // Without a map the import says how to get one.
    let ds = dir.path().join("ds").display().to_string();
    let (ok, _, err) = duiden(&["importeer", &s, "--naar", &ds]);
    assert!(!ok && err.contains("--voorstel"), "{err}");
    let (ok, out, err) = duiden(&[
        "importeer",
        "--voorstel",
        &s,
        "--domein",
        "jeugd",
        "--bron",
        "zorg-x",
    ]);
    assert!(ok, "{out}{err}");
    let kaart = dir.path().join("rapport.kaart.toml");
    let text = std::fs::read_to_string(&kaart).unwrap();
    assert!(
        text.contains("domein = \"jeugd\"") && text.contains("bron = \"zorg-x\""),
        "{text}"
    );
    // A second proposal never overwrites the (possibly edited) map.
    std::fs::write(&kaart, format!("{text}# nagekeken\n")).unwrap();
    let (ok, out, err) = duiden(&["importeer", "--voorstel", &s]);
    assert!(ok && err.contains("bestaat al"), "{out}{err}");
    assert!(
        std::fs::read_to_string(&kaart)
            .unwrap()
            .ends_with("# nagekeken\n")
    );
    // The map beside the sheet is found.
    let (ok, out, err) = duiden(&["importeer", &s, "--naar", &ds]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("bron zorg-x"), "{out}");
    let d = duiden::load::load_dataset(Path::new(&ds)).unwrap();
    assert!(
        d.series
            .iter()
            .any(|x| x.key.bron == "zorg-x" && x.key.indicator == "instroom")
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_is_named_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("tabel.csv");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (ok, _, err) = duiden(&[
        "importeer",
        &fifo.display().to_string(),
        "--naar",
        &dir.path().join("ds").display().to_string(),
    ]);
    assert!(!ok && err.contains("pipe (FIFO)"), "{err}");
}

#[test]
fn afleiden_derives_a_registratie_source_reports_bad_lines_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let extract = dir.path().join("extract.csv");
    let mut text = Vec::new();
    let spec = duiden::derive::sample::Spec {
        rows: 300,
        seed: 5,
        gap_days: 30,
        bad: true,
    };
    duiden::derive::sample::write_csv(&mut text, spec).unwrap();
    std::fs::write(&extract, &text).unwrap();
    let ds = dir.path().join("ds").display().to_string();
    let args = [
        "afleiden",
        extract.to_str().unwrap(),
        "--naar",
        &ds,
        "--per",
        "wijk",
    ];
    let (ok, out, err) = duiden(&args);
    assert!(ok, "{out}{err}");
    assert!(err.contains("regels niet meegeteld"), "{err}");
    assert!(err.contains("extract.csv:"), "{err}");
    assert!(err.contains("regels gelezen: 300"), "{err}");
    let d = duiden::load::load_dataset(Path::new(&ds)).unwrap();
    let source = d.meta.source("registratie-extract").unwrap();
    assert!(source.is_from_records());
    assert!(
        source.definitie.contains("30 dagen"),
        "{}",
        source.definitie
    );
    for domein in ["jeugd", "wmo", "participatie"] {
        for indicator in ["instroom", "uitstroom", "stand"] {
            assert!(
                d.series
                    .iter()
                    .any(|s| s.key.domein == domein && s.key.indicator == indicator),
                "{domein}/{indicator}"
            );
        }
    }
    let (ok, out, err) = duiden(&args);
    assert!(ok, "{out}{err}");
    assert!(out.contains("niets veranderd"), "{out}");
}

#[test]
fn afleiden_refuses_an_extract_with_bsns_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let extract = dir.path().join("extract.csv");
    std::fs::write(
        &extract,
        "client_id,domein,startdatum,einddatum\n111222333,jeugd,2024-01-10,\n123456782,wmo,01-02-2024,\n",
    )
    .unwrap();
    let ds = dir.path().join("ds");
    let (ok, out, err) = duiden(&[
        "afleiden",
        extract.to_str().unwrap(),
        "--naar",
        ds.to_str().unwrap(),
    ]);
    assert!(!ok, "{out}");
    assert!(err.contains("burgerservicenummers"), "{err}");
    assert!(err.contains("niets afgeleid of geschreven"), "{err}");
    assert!(!ds.exists());
}

fn write_extract(path: &Path, rows: usize) {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let spec = duiden::derive::sample::Spec {
        rows,
        seed: 9,
        gap_days: 30,
        bad: false,
    };
    duiden::derive::sample::write_csv(&mut w, spec).unwrap();
    std::io::Write::flush(&mut w).unwrap();
}

#[test]
fn afleiden_again_with_another_restart_window_rewrites_the_definition() {
    let dir = tempfile::tempdir().unwrap();
    let extract = dir.path().join("extract.csv");
    write_extract(&extract, 200);
    let ds = dir.path().join("ds");
    let run = |days: &str| {
        duiden(&[
            "afleiden",
            extract.to_str().unwrap(),
            "--naar",
            ds.to_str().unwrap(),
            "--herstart-dagen",
            days,
        ])
    };
    let (ok, out, err) = run("30");
    assert!(ok, "{out}{err}");
    let instroom = |d: &duiden::model::Dataset| {
        d.series
            .iter()
            .filter(|s| s.key.indicator == "instroom")
            .flat_map(|s| s.points.iter().filter_map(|p| p.value))
            .sum::<f64>()
    };
    let before = duiden::load::load_dataset(&ds).unwrap();
    let (ok, out, err) = run("60");
    assert!(ok, "{out}{err}");
    let after = duiden::load::load_dataset(&ds).unwrap();
    let definitie = &after.meta.source("registratie-extract").unwrap().definitie;
    assert!(definitie.contains("binnen 60 dagen"), "{definitie}");
    assert!(!definitie.contains("30 dagen"), "{definitie}");
    // A longer window joins more restarts into one spell: less instroom.
    assert!(instroom(&after) < instroom(&before));
    let toml = std::fs::read_to_string(ds.join("dataset.toml")).unwrap();
    assert_eq!(toml.matches("definitie = \"Afgeleid").count(), 1, "{toml}");
}

/// Ctrl-C while a big extract is read: the command stops, the dataset is as it was and no
/// temporary folder is left.
#[cfg(unix)]
#[test]
fn afleiden_interrupted_by_ctrl_c_leaves_the_dataset_as_it_was() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("klein.csv");
    write_extract(&small, 100);
    let big = dir.path().join("groot.csv");
    write_extract(&big, 600_000);
    let ds = dir.path().join("ds");
    let (ok, out, err) = duiden(&[
        "afleiden",
        small.to_str().unwrap(),
        "--naar",
        ds.to_str().unwrap(),
    ]);
    assert!(ok, "{out}{err}");
    let files =
        |p: &Path| ["dataset.toml", "reeksen.csv"].map(|f| std::fs::read(p.join(f)).unwrap());
    let before = files(&ds);
    let mut child = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .args(["--taal", "nl", "afleiden", big.to_str().unwrap(), "--naar"])
        .arg(&ds)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The first progress line says the reading has begun.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    assert!(first.contains("gelezen"), "{first}");
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{first}{rest}");
    assert!(rest.contains("afgebroken"), "{rest}");
    assert_eq!(files(&ds), before);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    duiden::load::load_dataset(&ds).unwrap();
}

/// Ctrl-C while writing: the merge gives up after the new files are checked, before the
/// renames, and leaves the folder as it was without a temporary folder beside it.
#[test]
fn a_merge_stopped_before_the_renames_changes_nothing() {
    use duiden::import::write::{WriteOptions, merge, merge_unless};
    let dir = tempfile::tempdir().unwrap();
    let extract = dir.path().join("extract.csv");
    write_extract(&extract, 150);
    let ds = dir.path().join("ds");
    let rules = duiden::derive::Rules::default();
    let d = duiden::derive::derive(&extract, &rules, &mut |_| true).unwrap();
    merge(&ds, &d.import, WriteOptions::default()).unwrap();
    let before = std::fs::read(ds.join("reeksen.csv")).unwrap();
    let longer = duiden::derive::Rules {
        gap_days: 90,
        ..rules
    };
    let d = duiden::derive::derive(&extract, &longer, &mut |_| true).unwrap();
    let e = merge_unless(&ds, &d.import, WriteOptions::default(), &|| true).unwrap_err();
    assert!(e.0.contains("afgebroken"), "{e}");
    assert_eq!(std::fs::read(ds.join("reeksen.csv")).unwrap(), before);
    let toml = std::fs::read_to_string(ds.join("dataset.toml")).unwrap();
    assert!(
        toml.contains("binnen 30 dagen") && !toml.contains("90 dagen"),
        "{toml}"
    );
    assert!(!dir.path().join(".ds.importeer").exists());
    // Not stopped, the same merge goes through.
    merge(&ds, &d.import, WriteOptions::default()).unwrap();
    assert_ne!(std::fs::read(ds.join("reeksen.csv")).unwrap(), before);
}
