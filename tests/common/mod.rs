//! Helpers for end-to-end tests: run the real `duiden` binary in a pseudo-terminal, follow its
//! screen with a vt100 parser, send keys, and wait for text instead of sleeping. Also `render`,
//! which draws the app in-process on ratatui's TestBackend.
//!
//! ```ignore
//! let mut tui = Tui::spawn(&[]);
//! tui.wait_for("Legenda");
//! tui.send("q");
//! assert!(tui.wait_exit().success());
//! ```

// Each test file uses a different part of these helpers.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 110;
/// Longest wait for a screen state or an exit; generous for loaded CI machines.
pub const TIMEOUT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(50);

/// The binary under test, running in a pseudo-terminal.
pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    _master: Box<dyn MasterPty + Send>,
    exit: Option<ExitStatus>,
    /// Session folder of this run, so tests never write into the project's sessions/.
    sessions: Option<tempfile::TempDir>,
}

impl Tui {
    /// Starts `duiden ARGS…` in the project folder (so no arguments opens the sample), with a
    /// 110×30 terminal.
    pub fn spawn(args: &[&OsStr]) -> Tui {
        Self::spawn_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, ROWS, COLS)
    }

    /// Starts the interface with a fresh, empty session folder and answers the start question
    /// with "alleen kijken" (Esc), for tests about the charts.
    pub fn spawn_viewer(args: &[&OsStr]) -> Tui {
        let mut tui = Self::spawn_with_sessions(args, tempfile::tempdir().expect("tempdir"));
        tui.wait_for("Alleen kijken");
        tui.send("\x1b");
        // Esc directly followed by another key reads as Alt-key: wait until the popup is gone.
        tui.wait_gone("Alleen kijken");
        tui
    }

    /// Starts `duiden --sessies DIR ARGS…` in the project folder.
    pub fn spawn_with_sessions(args: &[&OsStr], sessions: tempfile::TempDir) -> Tui {
        let mut all: Vec<&OsStr> = vec![OsStr::new("--sessies"), sessions.path().as_os_str()];
        all.extend_from_slice(args);
        let mut tui = Self::spawn(&all);
        tui.sessions = Some(sessions);
        tui
    }

    pub fn sessions_dir(&self) -> Option<&Path> {
        self.sessions.as_ref().map(|d| d.path())
    }

    pub fn spawn_in(dir: &Path, args: &[&OsStr], rows: u16, cols: u16) -> Tui {
        let program = OsStr::new(env!("CARGO_BIN_EXE_duiden"));
        Self::spawn_program(dir, program, args, (rows, cols))
    }

    /// Starts `program ARGS…` (another program than duiden: a wrapper such as `script`) in `dir`.
    pub fn spawn_program(
        dir: &Path,
        program: &OsStr,
        args: &[&OsStr],
        (rows, cols): (u16, u16),
    ) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // Dutch unless a test asks for English with --taal; no user keymap from the machine.
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(var);
        }
        cmd.env("XDG_CONFIG_HOME", dir.join("tests/fixtures/no-config"));
        let child = pty.slave.spawn_command(cmd).expect("spawn duiden");
        // Only the child holds the slave side now, so reads end when it exits.
        drop(pty.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let reader = {
            let (parser, raw) = (Arc::clone(&parser), Arc::clone(&raw));
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                            parser.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
            })
        };
        let writer = pty.master.take_writer().expect("pty writer");
        Tui {
            child,
            writer: Some(writer),
            parser,
            raw,
            reader: Some(reader),
            _master: pty.master,
            exit: None,
            sessions: None,
        }
    }

    /// The whole screen as text, rows separated by newlines.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Each screen row as text (trailing spaces trimmed).
    pub fn rows(&self) -> Vec<String> {
        let p = self.parser.lock().unwrap();
        let (_, cols) = p.screen().size();
        p.screen().rows(0, cols).collect()
    }

    /// Runs `f` on the parsed screen (for colours, cursor, modes).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until the screen satisfies `pred`; panics with the screen after [`TIMEOUT`].
    pub fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; screen:\n{screen}\n--- raw tail: {:?}",
                    self.raw_tail(600)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `text` is on screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until `text` is no longer on screen.
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to disappear"), |s| !s.contains(text))
    }

    /// Types keys: plain characters, or escape sequences such as "\x1b" (Esc), "\r" (Enter),
    /// "\x1b[B" (Down).
    pub fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("writer open");
        w.write_all(keys.as_bytes()).expect("write keys");
        w.flush().expect("flush keys");
    }

    /// Waits for the process to end (panics after [`TIMEOUT`]), then for its last output.
    pub fn wait_exit(&mut self) -> ExitStatus {
        self.wait_exit_within(TIMEOUT)
    }

    pub fn wait_exit_within(&mut self, timeout: Duration) -> ExitStatus {
        if let Some(status) = &self.exit {
            return status.clone();
        }
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if start.elapsed() > timeout {
                panic!(
                    "duiden did not exit within {timeout:?}; screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(POLL);
        };
        // The reader ends when the pty reports end of output.
        let start = Instant::now();
        while let Some(r) = &self.reader {
            if r.is_finished() {
                let _ = self.reader.take().map(JoinHandle::join);
            } else if start.elapsed() > TIMEOUT {
                break;
            } else {
                std::thread::sleep(POLL);
            }
        }
        self.exit = Some(status.clone());
        status
    }

    /// Sends a signal (`TERM`, `HUP`, `INT`, `TSTP`, `CONT`) to the process, as `kill -s` does.
    #[cfg(unix)]
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("pid").to_string();
        let ok = std::process::Command::new("kill")
            .args(["-s", name, &pid])
            .status()
            .expect("kill");
        assert!(ok.success(), "kill -s {name} {pid}");
    }

    /// The process id of what was started.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// The process's state letter from /proc (`T` when stopped), where /proc exists.
    pub fn proc_state(&self) -> Option<char> {
        let pid = self.child.process_id()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // "pid (name) S ...": the state follows the closing parenthesis.
        stat.rsplit_once(')')?.1.trim_start().chars().next()
    }

    /// Whether the terminal is in cooked mode: echo and line editing on, as a shell needs it.
    #[cfg(unix)]
    pub fn cooked(&self) -> bool {
        let Some(t) = self._master.get_termios() else {
            return false;
        };
        // The flag names as the termios type prints them: no direct dependency on nix.
        let flags = format!("{:?}", t.local_flags);
        let has = |f: &str| {
            flags
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == f)
        };
        has("ECHO") && has("ICANON")
    }

    /// Everything the program wrote so far, escape sequences included.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw_output()).into_owned()
    }

    fn raw_tail(&self, n: usize) -> String {
        let raw = self.raw_output();
        String::from_utf8_lossy(&raw[raw.len().saturating_sub(n)..]).into_owned()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if self.exit.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Dropping the writer sends newline + EOF; only after the child is gone.
        self.writer.take();
    }
}

/// Position of `needle` in `haystack`, at or after `from`.
pub fn find_bytes(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Draws the app once on a `width`×`height` TestBackend and returns the screen as text, one line
/// per row (for in-process rendering tests and snapshots).
pub fn render(app: &mut duiden::tui::app::App, width: u16, height: u16) -> String {
    app.resize(ratatui::layout::Rect::new(0, 0, width, height));
    render_with(width, height, |f| duiden::tui::draw(f, app))
}

/// Draws once with `draw` on a `width`×`height` TestBackend; the screen as text, a line per row.
pub fn render_with(width: u16, height: u16, draw: impl FnOnce(&mut ratatui::Frame)) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(draw).unwrap();
    buffer_text(terminal.backend().buffer())
}

/// A drawn buffer as text, a line per row.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The words of a screen in reading order, one space apart: a message wrapped over several lines
/// reads as the one sentence again.
pub fn words(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sample with a fresh, empty session "Test" saved in `dir`, opened for writing: the app and
/// the session file.
pub fn app_with_session(dir: &Path) -> (duiden::tui::app::App, std::path::PathBuf) {
    use duiden::session::{DatasetRef, Session, store};
    use duiden::tui::app::{App, SessionSetup};
    let dataset = duiden::load::load_dataset(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"),
    )
    .expect("sample loads");
    let path = dir.join("2026-11-23-test.toml");
    let session = Session::new(
        "Test",
        "2026-11-23".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    store::save_atomic(&path, &session).unwrap();
    let setup = SessionSetup {
        dir: dir.to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    let app = App::new(dataset, duiden::tui::style::ThemeKind::Dark)
        .with_sessions(setup, Some((path.clone(), session)));
    (app, path)
}

/// A dataset of `n` gemeenten (regio GM0100, GM0107, ...) with the sample's metadata, jeugd
/// instroom from three sources per regio: gemeente-registratie (monthly, 2021-2023; absent in
/// every fifth regio), aanbieders-maandrapportage (monthly, 2022-2023, a few higher) and
/// cbs-beleidsinformatie (half-yearly, 2022-2023, 2% higher). Where the gemeente registers, it
/// covers the longest time and is that regio's reference; elsewhere the aanbieders are.
/// Deterministic: the figures follow from regio, year and month.
pub fn many_regions(dir: &Path, n: usize) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    std::fs::copy(sample.join("dataset.toml"), dir.join("dataset.toml")).unwrap();
    let mut csv =
        String::from("periode,domein,indicator,bron,waarde,eenheid,regio,wijk,aanbieder,status\n");
    for r in 0..n {
        let regio = region_code(r);
        let base = 50 + 3 * r as i64;
        let value = |y: i64, m: i64| base + ((y * 12 + m + r as i64) % 7) - 3;
        let mut line = |p: String, bron: &str, v: i64| {
            csv.push_str(&format!(
                "{p},jeugd,instroom,{bron},{v},cliënten,{regio},,,definitief\n"
            ));
        };
        for y in 2021..=2023 {
            for m in 1..=12 {
                if r % 5 != 4 {
                    line(format!("{y}-{m:02}"), "gemeente-registratie", value(y, m));
                }
                if y >= 2022 {
                    let extra = (r % 3) as i64 * 4;
                    line(
                        format!("{y}-{m:02}"),
                        "aanbieders-maandrapportage",
                        value(y, m) + extra,
                    );
                }
            }
            for h in 1..=2i64 {
                let half: i64 = (1..=6).map(|k| value(y, (h - 1) * 6 + k)).sum();
                if y >= 2022 {
                    line(
                        format!("{y}-H{h}"),
                        "cbs-beleidsinformatie",
                        half * 102 / 100,
                    );
                }
            }
        }
    }
    std::fs::write(dir.join("reeksen.csv"), csv).unwrap();
}

/// The code of the `r`-th gemeente of [`many_regions`].
pub fn region_code(r: usize) -> String {
    format!("GM{:04}", 100 + r * 7)
}

/// Runs `duiden ARGS…` in the project folder with the locale `lang` (and no LC_ overrides):
/// (exit code, stdout, stderr).
pub fn duiden_with_locale(lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duiden"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `duiden --taal nl ARGS…` in the project folder: (success, stdout, stderr).
pub fn duiden_nl(args: &[&str]) -> (bool, String, String) {
    let all: Vec<&str> = ["--taal", "nl"].iter().chain(args).copied().collect();
    let (code, out, err) = duiden_with_locale("nl_NL.UTF-8", &all);
    (code == Some(0), out, err)
}

/// A file under `tests/fixtures/import`.
pub fn import_fixture(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(rel)
}

/// Import options for the jeugd domain.
pub fn jeugd() -> duiden::import::Options {
    duiden::import::Options {
        domein: Some("jeugd".into()),
        ..duiden::import::Options::default()
    }
}

/// An import fixture read as the jeugd domain.
pub fn read_fixture(rel: &str) -> duiden::import::Import {
    duiden::import::detect::read_file(&import_fixture(rel), &jeugd()).unwrap()
}

/// The sample without a session ("alleen kijken"), with `sessions` as the sessions folder: its
/// exports go to `exports/` beside it.
pub fn sample_app_only_looking(sessions: &Path) -> duiden::tui::app::App {
    let dataset = duiden::load::load_dataset(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"),
    )
    .expect("sample loads");
    let mut app = duiden::tui::app::App::new(dataset, duiden::tui::style::ThemeKind::Dark);
    app.shared.setup = duiden::tui::app::SessionSetup {
        dir: sessions.to_path_buf(),
        dataset_pad: "datasets/voorbeeld".into(),
    };
    app
}

/// The files in `dir` with extension `ext`, sorted (none when `dir` is not there).
pub fn files(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == ext));
    found.sort();
    found
}

/// Presses the (upper-case) key `c`, then lets what it started in the background finish, as
/// the event loop would.
pub fn press_and_finish(app: &mut duiden::tui::app::App, c: char) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT));
    assert!(app.finish_background(std::time::Duration::from_secs(60)));
}
