//! Issue 16 items 9 and 10 through `duiden controleer`: every message Dutch, in the user's
//! words, located, values cut and escaped; warnings listed with exit 0.

use std::process::{Command, Output};

const META: &str = "titel = \"t\"\n[[bronnen]]\nid = \"a\"\nnaam = \"A\"\n[[indicatoren]]\ndomein = \"jeugd\"\nid = \"instroom\"\nsoort = \"stroom\"\n";
const CSV: &str = "periode,domein,indicator,bron,waarde\n2020,jeugd,instroom,a,5\n";

fn controleer(meta: &str, csv: &[u8]) -> (Output, String) {
    controleer_in("nl", meta, csv)
}

fn controleer_in(taal: &str, meta: &str, csv: &[u8]) -> (Output, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dataset.toml"), meta).unwrap();
    std::fs::write(dir.path().join("reeksen.csv"), csv).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .args(["--taal", taal, "controleer"])
        .arg(dir.path())
        .output()
        .unwrap();
    let root = format!("{}{}", dir.path().display(), std::path::MAIN_SEPARATOR);
    let err = String::from_utf8_lossy(&out.stderr).replace(&root, "");
    assert_eq!(std::fs::read(dir.path().join("reeksen.csv")).unwrap(), csv);
    (out, err)
}

fn assert_dutch(err: &str) {
    for english in [
        "invalid type",
        "missing field",
        "duplicate key",
        "expected",
        "rows",
    ] {
        assert!(!err.contains(english), "English in: {err}");
    }
}

#[test]
fn dataset_toml_messages_are_dutch_and_say_what_was_expected() {
    let cases = [
        (
            "titel = \"t\"\nstart = \"x\"\n",
            "dataset.toml:2:9: verkeerd soort waarde: tekst \"x\"; verwacht een tabel met domein en indicator",
        ),
        (
            "gemeente = \"x\"\n",
            "dataset.toml:1:1: veld `titel` ontbreekt",
        ),
        (
            "titel = \"t\"\ntitel = \"u\"\n",
            "dataset.toml:2:1: sleutel `titel` staat twee keer in deze tabel; verwacht elke sleutel één keer",
        ),
    ];
    for (meta, expected) in cases {
        let (out, err) = controleer(meta, CSV.as_bytes());
        assert!(!out.status.success());
        assert!(err.contains(expected), "{err}");
        assert_dutch(&err);
    }
}

#[test]
fn csv_quotes_encodings_and_long_values() {
    // Text after a closing quote: named at its own line and field, not silently joined.
    let (out, err) = controleer(
        META,
        b"periode,domein,indicator,bron,waarde\n2020,jeugd,instroom,a,5\n2021,jeugd,\"instr\"oom,a,5\n",
    );
    assert!(!out.status.success());
    assert!(
        err.contains("reeksen.csv:3:3: tekst na het afsluitende aanhalingsteken"),
        "{err}"
    );
    // A quote opened on line 3 and never closed there runs on to a quote on line 4: named where
    // it opened, not as text after a closing quote on line 4.
    let (out, err) = controleer(
        META,
        b"periode,domein,indicator,bron,waarde\n2020,jeugd,instroom,a,5\n2021,jeugd,\"instroom,a,5\n2022,\"jeugd\",instroom,a,5\n",
    );
    assert!(!out.status.success());
    assert!(
        err.contains("reeksen.csv:3:3: aanhalingsteken wordt niet gesloten in dit veld: het veld loopt door tot het aanhalingsteken op regel 4"),
        "{err}"
    );
    assert!(!err.contains("tekst na het afsluitende"), "{err}");
    // UTF-16 is named as UTF-16.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(CSV.encode_utf16().flat_map(u16::to_le_bytes));
    let (_, err) = controleer(META, &utf16);
    assert!(err.contains("reeksen.csv:1:1: bestand is UTF-16"), "{err}");
    // A 10 MB value is echoed cut, on one line.
    let long = format!("{}\u{1b}{}", "x".repeat(100), "y".repeat(10_000_000));
    let csv = format!("periode,domein,indicator,bron,waarde\n2020,jeugd,instroom,a,{long}\n");
    let (_, err) = controleer(META, csv.as_bytes());
    assert!(err.len() < 1000, "{} bytes echoed", err.len());
    assert!(err.contains(&format!("'{}…'", "x".repeat(80))), "{err}");
    assert_dutch(&err);
}

#[test]
fn warnings_are_listed_and_the_exit_is_zero() {
    let meta = format!(
        "{META}per = 0\n[[breuken]]\nperiode = \"2020\"\nbron = \"zz\"\nomschrijving = \"x\"\n"
    );
    let csv = "periode,domein,indicator,bron,waarde\r2020,jeugd,instroom,a,-5\r";
    let (out, err) = controleer(&meta, csv.as_bytes());
    assert!(out.status.success(), "{err}");
    for expected in [
        "dataset.toml:9:7: waarschuwing: per = 0 kan geen vermenigvuldiger zijn",
        "dataset.toml:12:8: waarschuwing: breuken noemt bron 'zz'",
        "reeksen.csv:1:1: waarschuwing: regels eindigen alleen op CR",
        "reeksen.csv:2:5: waarschuwing: negatieve waarde -5 voor een stroom",
    ] {
        assert!(err.contains(expected), "{expected}\nin\n{err}");
    }
}

#[test]
fn warnings_in_english_via_the_catalog() {
    let meta = META.replace("naam = \"A\"", "naam = \"A\"\nritme = \"wekelijks\"");
    let (out, err) = controleer_in("en", &meta, CSV.as_bytes());
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("dataset.toml:5:9: warning: unknown ritme 'wekelijks'; expected maand"),
        "{err}"
    );
}
