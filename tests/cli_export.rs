//! `--uit` never writes over what duiden did not write: not the session the minutes come from, not
//! a dataset file, not somebody's document, and never into a folder that does not exist.

use std::fs;
use std::path::Path;
use std::process::Command;

fn duiden(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--taal", "nl"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A copy of a sample session in a fresh folder.
fn session_copy(dir: &Path) -> String {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/2026-11-05-duiden-van-data-jeugd-en-wmo.toml");
    let to = dir.join("s.toml");
    fs::copy(from, &to).unwrap();
    to.display().to_string()
}

#[test]
fn minutes_and_questions_are_not_written_over_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let s = session_copy(dir.path());
    let before = fs::read(&s).unwrap();
    let (ok, err) = duiden(&["notulen", &s, "--uit", &s]);
    assert!(!ok && err.contains("is een sessiebestand"), "{err}");
    let folder = dir.path().display().to_string();
    let (ok, err) = duiden(&["vragen", &folder, "--uit", &s]);
    assert!(!ok && err.contains("is een sessiebestand"), "{err}");
    assert_eq!(fs::read(&s).unwrap(), before);
}

#[test]
fn an_earlier_export_is_replaced_and_a_foreign_file_only_with_overschrijf() {
    let dir = tempfile::tempdir().unwrap();
    let s = session_copy(dir.path());
    let md = dir.path().join("notulen.md").display().to_string();
    let (ok, err) = duiden(&["notulen", &s, "--uit", &md]);
    assert!(ok && err.contains("notulen geschreven"), "{err}");
    assert!(
        fs::read_to_string(&md)
            .unwrap()
            .trim_end()
            .ends_with("<!-- geschreven door duiden -->")
    );
    // Again over its own export: fine, also as HTML over HTML.
    assert!(duiden(&["notulen", &s, "--uit", &md]).0);
    let html = dir.path().join("n.html").display().to_string();
    assert!(duiden(&["notulen", &s, "--formaat", "html", "--uit", &html]).0);
    assert!(duiden(&["notulen", &s, "--formaat", "html", "--uit", &html]).0);
    let csv = dir.path().join("v.csv").display().to_string();
    let folder = dir.path().display().to_string();
    assert!(duiden(&["vragen", &folder, "--formaat", "csv", "--uit", &csv]).0);
    assert!(duiden(&["vragen", &folder, "--formaat", "csv", "--uit", &csv]).0);
    // Somebody's own document.
    let letter = dir.path().join("brief.md");
    fs::write(&letter, "# Brief aan de raad\n").unwrap();
    let l = letter.display().to_string();
    let (ok, err) = duiden(&["notulen", &s, "--uit", &l]);
    assert!(
        !ok && err.contains("niet door duiden geschreven") && err.contains("--overschrijf"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&letter).unwrap(),
        "# Brief aan de raad\n"
    );
    assert!(duiden(&["notulen", &s, "--uit", &l, "--overschrijf"]).0);
    assert!(
        fs::read_to_string(&letter)
            .unwrap()
            .starts_with("# Duiden van data")
    );
}

#[test]
fn no_folder_is_made_for_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let s = session_copy(dir.path());
    let deep = dir.path().join("bestaat/niet/n.md").display().to_string();
    let (ok, err) = duiden(&["notulen", &s, "--uit", &deep]);
    assert!(!ok && err.contains("bestaat niet"), "{err}");
    assert!(!dir.path().join("bestaat").exists());
}
