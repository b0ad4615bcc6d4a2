//! Review mode end to end: the real binary in a pseudo-terminal on a folder with two sessions
//! (and a broken file): search a word, open the chart, try to write, go back, quit. Afterwards
//! every file in the folder is unchanged: same names, same bytes, same modification times.

mod common;

use common::Tui;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// Name → (bytes, modification time) of every entry in `dir`, hidden ones included.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                (fs::read(e.path()).unwrap(), meta.modified().unwrap()),
            )
        })
        .collect()
}

fn folder_with_two_sessions() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "2026-09-10-duiden-van-data-jeugd-en-participatie.toml",
        "2026-11-05-duiden-van-data-jeugd-en-wmo.toml",
    ] {
        fs::copy(root.join("sessions").join(name), dir.path().join(name)).unwrap();
    }
    fs::write(
        dir.path().join("2026-10-01-kapot.toml"),
        "formaat = 2\ntitel = [\n",
    )
    .unwrap();
    dir
}

#[test]
fn review_search_open_chart_and_nothing_is_written() {
    let dir = folder_with_two_sessions();
    let before = snapshot(dir.path());
    // Modification times have a coarse resolution on some file systems: make any write show.
    std::thread::sleep(std::time::Duration::from_millis(1100));

    let mut tui = Tui::spawn(&[OsStr::new("terugkijken"), dir.path().as_os_str()]);
    // A frame may arrive in parts: wait until the whole list is there.
    let screen = tui.wait_until("the session list", |s| {
        s.contains("Alle sessies (20 aantekeningen)")
            && s.contains("10 sep 2026 Duiden van data: jeugd en")
            && s.contains("2026-10-01-kapot.toml")
    });
    assert!(
        screen.contains("Alle sessies (20 aantekeningen)"),
        "{screen}"
    );

    // Search a word: only the matching annotation is left.
    tui.send("/");
    tui.send("verwijzer");
    tui.wait_for("Aantekeningen (1 van 20)");
    tui.send("\r");
    let screen = tui.wait_for("zoeken: verwijzer");
    assert!(screen.contains("Via welke verwijzer"), "{screen}");

    // Enter opens the chart of that annotation: its indicator, read-only.
    tui.send("\r");
    let screen = tui.wait_for("Esc of q: terug naar de lijst");
    assert!(screen.contains("Instroom jeugdhulp"), "{screen}");
    assert!(screen.contains("alleen lezen"), "{screen}");

    // Keys that write in a session are refused here.
    for key in ["a", "n", "i", "u", "x", "s"] {
        tui.send(key);
        tui.wait_for("terugkijken is alleen lezen");
    }

    // Back to the list, to the backlog, and out.
    tui.send("q");
    tui.wait_for("zoeken: verwijzer");
    tui.send("2");
    tui.wait_for("Onderzoeksvragen (1 van 4)");
    tui.send("q");
    assert!(tui.wait_exit().success());

    assert_eq!(
        snapshot(dir.path()),
        before,
        "review mode changed the session folder"
    );
}
