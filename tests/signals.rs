//! Signals: TERM, HUP and INT end duiden with the terminal restored, typed text saved and the
//! lock released; Ctrl-Z and `kill -TSTP` suspend it in cooked mode and `fg` (CONT) resumes
//! with a full redraw.
#![cfg(target_os = "linux")]

mod common;

use common::{TIMEOUT, Tui};
use std::ffi::OsStr;
use std::time::Instant;

fn wait(what: &str, pred: impl Fn() -> bool) {
    let start = Instant::now();
    while !pred() {
        assert!(start.elapsed() < TIMEOUT, "waited in vain for: {what}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn session_file(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("a session file")
}

#[test]
fn term_saves_the_typed_text_releases_the_lock_and_restores_the_terminal() {
    let mut tui = Tui::spawn_with_sessions(&[], tempfile::tempdir().unwrap());
    tui.wait_for("Nieuwe sessie");
    tui.send("\r");
    tui.wait_for("Titel van de nieuwe sessie");
    tui.send("\r");
    tui.wait_for("Geen openstaande");
    tui.send("\x1b");
    tui.wait_gone("Openstaande vragen en acties");
    tui.send("a");
    tui.wait_for("Soort");
    tui.send("o");
    tui.wait_for("Typ wat er gezegd wordt");
    tui.send("Half getypt bij het afsluiten");
    tui.wait_for("Half getypt bij het afsluiten");
    let dir = tui.sessions_dir().unwrap().to_path_buf();
    let file = session_file(&dir);
    assert!(duiden::session::store::lock_path(&file).exists());
    tui.signal("TERM");
    tui.wait_exit();
    assert!(tui.cooked(), "terminal left raw");
    assert!(
        tui.raw_text().ends_with_restore(),
        "alternate screen not left"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Half getypt bij het afsluiten"), "{text}");
    assert!(
        !duiden::session::store::lock_path(&file).exists(),
        "lock left behind"
    );
}

trait Restored {
    fn ends_with_restore(&self) -> bool;
}

impl Restored for String {
    /// The last alternate-screen switch is the one back to the normal screen.
    fn ends_with_restore(&self) -> bool {
        self.rfind("\x1b[?1049l") > self.rfind("\x1b[?1049h")
    }
}

#[test]
fn hup_and_int_end_with_the_terminal_restored() {
    for sig in ["HUP", "INT"] {
        let mut tui = Tui::spawn_viewer(&[]);
        tui.wait_for("Instroom");
        tui.signal(sig);
        tui.wait_exit();
        assert!(tui.cooked(), "{sig}: terminal left raw");
        assert!(tui.raw_text().ends_with_restore(), "{sig}");
    }
}

#[test]
fn ctrl_z_and_tstp_suspend_in_cooked_mode_and_continue_redraws() {
    for how in ["ctrl-z", "TSTP"] {
        let mut tui = Tui::spawn_viewer(&[OsStr::new("--taal"), OsStr::new("nl")]);
        tui.wait_for("Instroom");
        assert!(!tui.cooked());
        match how {
            "ctrl-z" => tui.send("\x1a"),
            sig => tui.signal(sig),
        }
        wait("stopped", || tui.proc_state() == Some('T'));
        assert!(tui.cooked(), "{how}: stopped with the terminal raw");
        // Stopped, the shell's own screen is back (the reader may still be catching up).
        wait("the shell's screen", || !tui.screen().contains("Instroom"));
        tui.signal("CONT");
        wait("raw again", || !tui.cooked());
        // Drawn again in full on the alternate screen.
        tui.wait_for("Instroom");
        tui.send("q");
        tui.wait_exit();
        assert!(tui.cooked());
    }
}
