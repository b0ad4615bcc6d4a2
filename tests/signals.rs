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

/// Starts a new session from the start question and types `text` into a new observation,
/// without saving it.
fn start_typing(tui: &mut Tui, text: &str) {
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
    tui.send(text);
    tui.wait_for(text);
}

#[test]
fn term_saves_the_typed_text_releases_the_lock_and_restores_the_terminal() {
    let mut tui = Tui::spawn_with_sessions(&[], tempfile::tempdir().unwrap());
    start_typing(&mut tui, "Half getypt bij het afsluiten");
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

/// The pid of a child of `parent` (from /proc), once it is there.
fn child_of(parent: u32) -> u32 {
    let find = || {
        let parent = parent.to_string();
        std::fs::read_dir("/proc").ok()?.find_map(|e| {
            let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let ppid = stat
                .rsplit(')')
                .next()?
                .split_whitespace()
                .nth(1)?
                .to_string();
            (ppid == parent).then_some(pid)
        })
    };
    wait("the child process", || find().is_some());
    find().expect("child")
}

/// The terminal goes away under duiden (its window closed, tmux killed): duiden runs under
/// `script`, on a terminal of its own, and `script` is killed so that terminal hangs up. duiden
/// must end (not spin, as crossterm's read loop made it), with the typed text saved and the lock
/// released.
#[test]
fn a_terminal_that_hangs_up_ends_duiden_with_the_text_saved() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("script (util-linux) ontbreekt: test overgeslagen");
        return;
    }
    let sessions = tempfile::tempdir().unwrap();
    let command = format!(
        "{} --sessies {}",
        env!("CARGO_BIN_EXE_duiden"),
        sessions.path().display()
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<&OsStr> = vec![
        OsStr::new("-qfec"),
        OsStr::new(command.as_str()),
        OsStr::new("/dev/null"),
    ];
    let mut tui = Tui::spawn_program(dir, OsStr::new("script"), &args, (30, 110));
    start_typing(&mut tui, "Getypt voor het ophangen");
    let duiden = child_of(tui.pid().expect("script's pid"));
    let file = session_file(sessions.path());
    tui.signal("KILL");
    wait("duiden to end after the hangup", || {
        !std::path::Path::new(&format!("/proc/{duiden}")).exists()
            || std::fs::read_to_string(format!("/proc/{duiden}/stat")).is_ok_and(|s| {
                s.rsplit(')')
                    .next()
                    .is_some_and(|r| r.trim_start().starts_with('Z'))
            })
    });
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Getypt voor het ophangen"), "{text}");
    assert!(
        !duiden::session::store::lock_path(&file).exists(),
        "lock left behind"
    );
}
