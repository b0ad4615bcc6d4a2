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
