//! End to end: a session in the real binary. Start a new session, put an onderzoeksvraag on a
//! period range, quit, reopen, see it listed; `duiden notulen` contains it.

mod common;

use common::Tui;
use std::ffi::OsStr;
use std::process::Command;

const QUESTION: &str = "Waarom daalt de instroom na de zomer?";

fn session_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn annotate_a_range_quit_reopen_and_export_minutes() {
    let sessions = tempfile::tempdir().unwrap();
    let args = [OsStr::new("--sessies"), sessions.path().as_os_str()];

    // 1. A new session with the default title.
    let mut tui = Tui::spawn(&args);
    tui.wait_for("Nieuwe sessie");
    tui.send("\r");
    tui.wait_for("Titel van de nieuwe sessie");
    tui.send("\r");
    // Follow-up of earlier sessions: none in an empty folder.
    tui.wait_for("Geen openstaande");
    tui.send("\x1b");
    // Esc directly followed by another key reads as Alt-key: wait until the popup is gone.
    tui.wait_gone("Openstaande vragen en acties");
    assert_eq!(
        session_files(sessions.path()).len(),
        1,
        "session file written at once"
    );

    // 2. Chart focus, select three periods back from the last one, annotate as onderzoeksvraag.
    // The opening chart brings its sources to one period length (half years here).
    tui.send("\t");
    tui.send("v");
    tui.wait_for("periode kiezen");
    tui.send("hhh");
    tui.send("a");
    tui.wait_for("Soort");
    tui.send("q");
    tui.wait_for("Typ wat er gezegd wordt");
    tui.send(QUESTION);
    tui.wait_for(QUESTION);
    tui.send("\r");
    let screen =
        tui.wait_for("opgeslagen: ? onderzoeksvraag over 1e halfjaar 2023 t/m 2e halfjaar 2024");
    assert!(
        screen.contains("per halfjaar (gelijkgetrokken)"),
        "{screen}"
    );
    assert!(
        screen.contains("[nieuw]"),
        "status shown in the list:\n{screen}"
    );

    // The file holds it before we quit.
    let file = session_files(sessions.path()).remove(0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(QUESTION), "{text}");
    assert!(
        text.contains("2023-H1") && text.contains("2024-H2"),
        "{text}"
    );

    tui.send("q");
    assert!(tui.wait_exit().success());

    // 3. Reopen: today's session is offered first; the question is listed.
    let mut tui = Tui::spawn(&args);
    tui.wait_for("Doorgaan met");
    tui.send("\r");
    // The list pane is narrow: its first words are enough to know it is there.
    let screen = tui.wait_for("Waarom daalt de instroom");
    assert!(screen.contains("[nieuw]"), "{screen}");
    tui.send("q");
    assert!(tui.wait_exit().success());

    // 4. Minutes from the command line.
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("notulen")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let minutes = String::from_utf8_lossy(&out.stdout);
    assert!(minutes.contains(QUESTION), "{minutes}");
    assert!(minutes.contains("1e halfjaar 2023"), "{minutes}");
}

#[test]
fn second_opener_gets_read_only() {
    let sessions = tempfile::tempdir().unwrap();
    let args = [OsStr::new("--sessies"), sessions.path().as_os_str()];
    let mut first = Tui::spawn(&args);
    first.wait_for("Nieuwe sessie");
    first.send("\r");
    first.wait_for("Titel van de nieuwe sessie");
    first.send("\r");
    first.wait_for("Geen openstaande");
    let file = session_files(sessions.path()).remove(0);

    let mut second = Tui::spawn(&[
        OsStr::new("--sessies"),
        sessions.path().as_os_str(),
        OsStr::new("--sessie"),
        file.as_os_str(),
    ]);
    second.wait_for("(alleen lezen)");
    let before = std::fs::read(&file).unwrap();
    second.send("\t");
    second.send("a");
    // The status line repeats why: the session is held by the first process, named.
    second.wait_for(&format!(
        "in gebruik door {} op {}",
        duiden::session::store::user_name(),
        duiden::session::store::hostname()
    ));
    second.send("q");
    assert!(second.wait_exit().success());
    first.send("\x1b");
    // Esc followed at once by q reads as Alt-q: let the popup close first.
    first.wait_gone("Openstaande vragen en acties");
    first.send("q");
    assert!(first.wait_exit().success());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "read-only never writes"
    );
}

#[test]
fn corrupt_session_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2026-11-23-kapot.toml");
    let broken = "formaat = 1\ntitel = \"kapot\ndatum = \"2026-11-23\"\n";
    std::fs::write(&file, broken).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--sessie")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2026-11-23-kapot.toml:2:"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
}

#[test]
fn a_read_only_opener_follows_the_holder_and_takes_over_when_it_quits() {
    let sessions = tempfile::tempdir().unwrap();
    let args = [OsStr::new("--sessies"), sessions.path().as_os_str()];
    let mut first = Tui::spawn(&args);
    first.wait_for("Nieuwe sessie");
    first.send("\r");
    first.wait_for("Titel van de nieuwe sessie");
    first.send("\r");
    first.wait_for("Geen openstaande");
    first.send("\x1b");
    first.wait_gone("Openstaande vragen en acties");
    let file = session_files(sessions.path()).remove(0);
    let mut second = Tui::spawn(&[
        OsStr::new("--sessies"),
        sessions.path().as_os_str(),
        OsStr::new("--sessie"),
        file.as_os_str(),
    ]);
    second.wait_for("O overnemen");
    // The holder saves an annotation: the read-only opener shows it without a key.
    first.send("a");
    first.wait_for("Soort");
    first.send("v");
    first.wait_for("Typ wat er gezegd wordt");
    first.send("Uitleg van de houder");
    first.send("\r");
    first.wait_for("opgeslagen: ");
    second.wait_for("Uitleg van de houder");
    // The holder quits: the second may take over, and then writes.
    first.send("q");
    assert!(first.wait_exit().success());
    second.wait_for("de sessie is vrijgekomen");
    second.send("O");
    second.wait_for("sessie overgenomen");
    second.send("a");
    second.wait_for("Soort");
    second.send("o");
    second.wait_for("Typ wat er gezegd wordt");
    second.send("Na het overnemen");
    second.send("\r");
    second.wait_for("opgeslagen: ");
    let saved = duiden::session::store::load(&file).unwrap();
    let texts: Vec<&str> = saved.annotations.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["Uitleg van de houder", "Na het overnemen"]);
    second.send("q");
    assert!(second.wait_exit().success());
}
