//! The command line in both languages, on the real binary: help and errors follow `--taal`, else
//! the locale (Dutch when unknown); a broken keymap file stops the start with its place named.

use std::path::Path;
use std::process::{Command, Output};

/// `duiden ARGS` in `dir` with the locale `lang` (none when empty) and no user config folder.
fn duiden_in(dir: &Path, lang: &str, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duiden"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("HOME", dir);
    if lang.is_empty() {
        cmd.env_remove("LANG");
    } else {
        cmd.env("LANG", lang);
    }
    cmd.output().expect("duiden runs")
}

fn duiden(lang: &str, args: &[&str]) -> Output {
    duiden_in(Path::new(env!("CARGO_MANIFEST_DIR")), lang, args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn help_is_dutch_by_default() {
    for args in [&["--help"][..], &["-h"], &["--taal", "nl", "--help"]] {
        let out = duiden("", args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        for text in [
            "Gebruik: duiden [OPTIES] [DATASET]",
            "Opties:",
            "Commando's:",
            "Map met sessiebestanden",
            "Taal van de interface en de hulp",
            "Toon de hulp",
        ] {
            assert!(help.contains(text), "{args:?}: {text} missing in\n{help}");
        }
        assert!(!help.contains("Usage"), "{help}");
    }
    // A locale that is neither Dutch nor English leaves it Dutch.
    assert!(stdout(&duiden("de_DE.UTF-8", &["--help"])).contains("Gebruik:"));
}

#[test]
fn help_is_english_with_taal_en_or_an_english_locale() {
    for (lang, args) in [
        ("", &["--taal", "en", "--help"][..]),
        ("", &["--taal=en", "-h"]),
        ("en_GB.UTF-8", &["--help"]),
        ("nl_NL.UTF-8", &["--taal", "en", "--help"]),
    ] {
        let out = duiden(lang, args);
        assert_eq!(out.status.code(), Some(0), "{lang} {args:?}");
        let help = stdout(&out);
        for text in [
            "Usage: duiden [OPTIONS] [DATASET]",
            "Options:",
            "Commands:",
            "Folder with session files",
            "Print help",
        ] {
            assert!(
                help.contains(text),
                "{lang} {args:?}: {text} missing in\n{help}"
            );
        }
        assert!(!help.contains("Gebruik"), "{help}");
    }
    // The review command takes --taal too.
    let out = duiden("", &["terugkijken", "--taal", "en", "--help"]);
    assert!(
        stdout(&out).contains("Usage: duiden terugkijken"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_unknown_option_is_a_localised_error_with_exit_code_2() {
    let out = duiden("", &["--kleur", "rood"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("fout: onbekend argument '--kleur'"),
        "{err}"
    );
    assert!(err.contains("Gebruik: duiden"), "{err}");
    assert!(stdout(&out).is_empty());

    for (lang, args) in [
        ("", &["--taal", "en", "--kleur"][..]),
        ("en_US.UTF-8", &["--kleur"]),
    ] {
        let out = duiden(lang, args);
        assert_eq!(out.status.code(), Some(2), "{lang} {args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("error: unexpected argument '--kleur'"),
            "{err}"
        );
        assert!(err.contains("Usage: duiden"), "{err}");
    }

    // A wrong language names the possible ones, in the language of the locale.
    let out = duiden("en_GB.UTF-8", &["--taal", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid value 'fr' for '--taal <LANGUAGE>'"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("possible values: nl, en"));
}

#[test]
fn a_broken_keymap_stops_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("duiden.toml"),
        "[toetsen.trend]\nbereik = [\"ctrl-\"]\n",
    )
    .unwrap();
    for args in [&[][..], &["terugkijken", dir.path().to_str().unwrap()]] {
        let out = duiden_in(dir.path(), "", args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("duiden.toml:2:11: onbekende toets \"ctrl-\""),
            "{err}"
        );
        // Nothing was drawn: no alternate screen, no output at all.
        assert!(out.stdout.is_empty(), "{:?}", stdout(&out));
    }
    // In English when asked.
    let out = duiden_in(dir.path(), "", &["--taal", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("duiden.toml:2:11: unknown key \"ctrl-\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_command_takes_taal() {
    let out = duiden("", &["notulen", "--taal", "en", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(help.contains("Usage: duiden notulen"), "{help}");
    assert!(
        help.contains("Write to this file instead of the screen"),
        "{help}"
    );
    let out = duiden("en_GB.UTF-8", &["vragen", "--taal", "nl", "--help"]);
    assert!(
        stdout(&out).contains("Gebruik: duiden vragen"),
        "{}",
        stdout(&out)
    );
    let out = duiden("", &["terugkijken", "--taal", "en", "--help"]);
    assert!(stdout(&out).contains("Usage: duiden terugkijken"));
}

/// The `file:line:column:` (or `file:`) in front of each error line of `duiden controleer`.
fn places(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.contains("reeksen.csv:") || l.contains("dataset.toml:"))
        .map(|l| {
            let file_end = l
                .find(".csv:")
                .map(|i| i + 5)
                .or(l.find(".toml:").map(|i| i + 6));
            let rest = &l[file_end.unwrap_or(0)..];
            let place_end = rest.find(": ").unwrap_or(0);
            l[..file_end.unwrap_or(0) + place_end].to_string()
        })
        .collect()
}

#[test]
fn controleer_prints_load_errors_in_the_language_with_the_same_places() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kapot");
    std::fs::create_dir(&data).unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    std::fs::copy(sample.join("dataset.toml"), data.join("dataset.toml")).unwrap();
    let csv = std::fs::read_to_string(sample.join("reeksen.csv")).unwrap();
    let mut lines: Vec<String> = csv.lines().take(6).map(str::to_string).collect();
    // Line 3: a word as value; line 4: no period and an unknown status; line 5: an indicator
    // without metadata; line 6: a month 13; line 7: too few fields.
    lines[2] = lines[2].replace(",12252,", ",twaalf,");
    lines[3] = lines[3]
        .replacen("2018", "", 1)
        .replace("definitief", "klaar");
    lines[4] = lines[4].replace("jeugdbescherming_instroom", "onbekend");
    lines[5] = lines[5].replacen("2020", "2020-13", 1);
    lines.push("2021,jeugd".into());
    std::fs::write(data.join("reeksen.csv"), lines.join("\n") + "\n").unwrap();

    let dutch = duiden_in(dir.path(), "", &["controleer", "kapot"]);
    // `--taal` after the command: before it, clap refuses it next to the command (exit 2).
    let english = duiden_in(dir.path(), "", &["controleer", "--taal", "en", "kapot"]);
    assert_eq!(dutch.status.code(), Some(1));
    assert_eq!(english.status.code(), Some(1));
    let (nl, en) = (stderr(&dutch), stderr(&english));
    let expected: Vec<String> = [(3, 5), (4, 1), (4, 10), (5, 3), (6, 1), (7, 1)]
        .iter()
        .map(|(l, c)| format!("kapot/reeksen.csv:{l}:{c}"))
        .collect();
    assert_eq!(places(&nl), expected, "{nl}");
    assert_eq!(places(&en), expected, "{en}");
    for text in [
        "kapot/reeksen.csv:3:5: waarde: verwacht een getal",
        "kapot/reeksen.csv:4:1: periode is leeg; verwacht",
        "status 'klaar' onbekend",
        "kapot/reeksen.csv:5:3: indicator 'onbekend' (domein jeugd) heeft geen metadata",
        "volgnummer 13 buiten bereik 1-12",
        "regel heeft 2 velden; verwacht 11",
        "6 fouten in kapot",
    ] {
        assert!(nl.contains(text), "{text} missing in\n{nl}");
    }
    for text in [
        "kapot/reeksen.csv:3:5: waarde: expected a number (e.g. 1234, 12,5 or 12.5), got 'twaalf'; '.' means unknown",
        "kapot/reeksen.csv:4:1: periode is empty; expected a period",
        "kapot/reeksen.csv:4:10: unknown status 'klaar'",
        "kapot/reeksen.csv:5:3: indicator 'onbekend' (domain jeugd) has no metadata",
        "kapot/reeksen.csv:6:1: period '2020-13': number 13 out of range 1-12",
        "kapot/reeksen.csv:7:1: line has 2 fields; expected 11",
        "6 errors in kapot",
    ] {
        assert!(en.contains(text), "{text} missing in\n{en}");
    }
    for dutch_word in ["verwacht", "fouten", "onbekend;", "regel"] {
        assert!(!en.contains(dutch_word), "{dutch_word} in\n{en}");
    }
}

#[test]
fn taal_may_come_before_the_command() {
    let out = duiden("", &["--taal", "en", "notulen", "--help"]);
    assert!(
        stdout(&out).contains("Usage: duiden notulen"),
        "{}",
        stdout(&out)
    );
    let out = duiden("", &["--taal=en", "controleer", "/bestaat/niet"]);
    assert!(
        stdout(&out).contains("folder does not exist")
            || stderr(&out).contains("folder does not exist"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}
