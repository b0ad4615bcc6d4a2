//! A pipe (FIFO) where duiden expects a file blocked it forever; now it says what the path is.
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// Runs duiden; a run that does not end within a minute is a hang and fails the test.
fn run_bounded(args: &[&str]) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .args(["--taal", "nl"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            return (
                status.success(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("duiden {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn sample_copy(dir: &Path) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    for name in ["dataset.toml", "reeksen.csv"] {
        fs::copy(sample.join(name), dir.join(name)).unwrap();
    }
}

#[test]
fn a_pipe_as_dataset_file_is_named_not_waited_for() {
    for name in ["dataset.toml", "reeksen.csv"] {
        let dir = tempfile::tempdir().unwrap();
        sample_copy(dir.path());
        fs::remove_file(dir.path().join(name)).unwrap();
        mkfifo(&dir.path().join(name));
        let d = dir.path().display().to_string();
        let (ok, err) = run_bounded(&["controleer", &d]);
        assert!(!ok, "{err}");
        assert!(err.contains(name) && err.contains("pipe (FIFO)"), "{err}");
    }
}

#[test]
fn a_pipe_as_session_file_is_named_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.toml");
    mkfifo(&s);
    let (ok, err) = run_bounded(&["notulen", &s.display().to_string()]);
    assert!(!ok && err.contains("pipe (FIFO)"), "{err}");
}

#[test]
fn a_pipe_as_extract_is_named_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    sample_copy(dir.path());
    let extract = dir.path().join("extract.csv");
    mkfifo(&extract);
    let before = fs::read(dir.path().join("reeksen.csv")).unwrap();
    let (ok, err) = run_bounded(&[
        "afleiden",
        &extract.display().to_string(),
        "--naar",
        &dir.path().display().to_string(),
    ]);
    assert!(!ok, "{err}");
    assert!(
        err.contains("extract.csv") && err.contains("pipe (FIFO)"),
        "{err}"
    );
    assert_eq!(fs::read(dir.path().join("reeksen.csv")).unwrap(), before);
}

/// Issue 16.5/16.11: `vragen <map>` names a pipe among the sessions as skipped, like a corrupt
/// file, instead of leaving it out without a word.
#[test]
fn a_pipe_among_the_sessions_is_named_as_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("2026-11-26-pijp.toml");
    mkfifo(&fifo);
    let (ok, err) = run_bounded(&["vragen", &dir.path().display().to_string()]);
    assert!(ok, "{err}");
    assert!(
        err.contains("overgeslagen: ")
            && err.contains("2026-11-26-pijp.toml")
            && err.contains("geen gewoon bestand"),
        "{err}"
    );
}

/// The start menu lists a pipe named as a session of today as unreadable, with what it is.
#[test]
fn the_start_names_a_pipe_of_today() {
    use duiden::tui::app::{App, Popup, SessionSetup};
    use duiden::tui::popups::start::StartOption;
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}-pijp.toml", duiden::session::today());
    mkfifo(&dir.path().join(&name));
    let dataset = duiden::load::load_dataset(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"),
    )
    .unwrap();
    let setup = SessionSetup {
        dir: dir.path().to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let app = App::new(dataset, duiden::tui::style::ThemeKind::Dark).with_sessions(setup, None);
    let Some(Popup::Start(form)) = &app.popup else {
        panic!("the start offers the unreadable session");
    };
    let StartOption::Unreadable { why, .. } = &form.options[0] else {
        panic!("{:?}", form.options);
    };
    assert!(why.contains(&name) && why.contains("pipe (FIFO)"), "{why}");
}
