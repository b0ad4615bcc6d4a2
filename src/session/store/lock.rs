//! One writer per session: an operating-system lock held for as long as the session is open.
//!
//! Two files sit beside the session `x.toml`:
//! - `.x.toml.lock`, the *guard*: the OS lock ([`File::try_lock`]) is taken on it. The OS releases
//!   that lock when the process ends in any way (quit, crash, `kill -9`, power loss), so a session
//!   is never left locked: a guard nobody holds is simply taken.
//! - `x.toml.lock`, the *holder*: who has the session open (user, host, process, since), for the
//!   message a second opener sees. It is separate from the guard because Windows locks are
//!   mandatory: nobody else could read a locked guard there.

use super::*;
use std::fs::TryLockError;
use std::time::Duration;

// ---------------------------------------------------------------------------------------------
// Locking
// ---------------------------------------------------------------------------------------------

/// Held while a process edits a session; dropping it removes the holder file and releases the
/// OS lock.
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
    guard_path: PathBuf,
    info: LockInfo,
    /// Holds the OS lock; `None` only while dropping.
    guard: Option<File>,
}

/// Result of [`acquire`].
#[derive(Debug)]
pub enum LockOutcome {
    Acquired(SessionLock),
    /// Another process (here or on another machine) has the session open. The fields are empty
    /// (pid 0) when the holder could not be read.
    HeldBy {
        user: String,
        host: String,
        pid: u32,
        since: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct LockInfo {
    #[serde(default)]
    user: String,
    #[serde(default)]
    host: String,
    #[serde(default)]
    pid: u32,
    #[serde(default)]
    since: String,
}

impl LockInfo {
    fn ours() -> LockInfo {
        LockInfo {
            user: user_name(),
            host: hostname(),
            pid: std::process::id(),
            since: crate::session::model::now_local().to_string(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "user = {}\nhost = {}\npid = {}\nsince = {}\n",
            toml_string(&self.user),
            toml_string(&self.host),
            self.pid,
            toml_string(&self.since)
        )
    }

    fn held_by(self) -> LockOutcome {
        LockOutcome::HeldBy {
            user: self.user,
            host: self.host,
            pid: self.pid,
            since: self.since,
        }
    }
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The holder file of a session: `<session path>.lock`, beside the target when the session is a
/// symlink (see [`resolved`]).
pub fn lock_path(session: &Path) -> PathBuf {
    let mut p = resolved(session).into_os_string();
    p.push(".lock");
    PathBuf::from(p)
}

/// The guard file the OS lock is taken on: `.<session file name>.lock` beside the session (its
/// target when it is a symlink).
pub fn guard_path(session: &Path) -> PathBuf {
    let session = resolved(session);
    let name = session.file_name().unwrap_or_default().to_string_lossy();
    parent_dir(&session).join(format!(".{name}.lock"))
}

/// How often [`acquire`] looks again while the holder file is missing or half-written (the
/// holder has just locked or is just letting go), 20 ms apart.
const ATTEMPTS: u32 = 50;

/// Tries to lock a session for editing. A session whose previous holder crashed is free: the OS
/// released its lock.
pub fn acquire(path: &Path) -> Result<LockOutcome, SessionError> {
    let lock = lock_path(path);
    let guard_path = guard_path(path);
    let err = |e: io::Error| SessionError::io(&guard_path, explain(e, &guard_path));
    fs::create_dir_all(parent_dir(path)).map_err(err)?;
    for _ in 0..ATTEMPTS {
        let guard = open_guard(&guard_path).map_err(err)?;
        match guard.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                if let Some(holder) = read_holder(&lock) {
                    return Ok(holder.held_by());
                }
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            Err(TryLockError::Error(e)) => return Err(err(e)),
        }
        // The guard may have been removed by its previous holder between our open and lock: then
        // we locked a file nobody else will ever open; try again on what is at the path now.
        if !same_file(&guard, &guard_path).map_err(err)? {
            continue;
        }
        let info = LockInfo::ours();
        write_atomic(&lock, info.to_text().as_bytes())?;
        return Ok(LockOutcome::Acquired(SessionLock {
            path: lock,
            guard_path,
            info,
            guard: Some(guard),
        }));
    }
    // Locked all along, but the holder never said who it is: its age is that of the files.
    Ok(LockInfo {
        user: String::new(),
        host: String::new(),
        pid: 0,
        since: modified_since(&lock)
            .or_else(|| modified_since(&guard_path))
            .unwrap_or_default(),
    }
    .held_by())
}

/// When a file was last changed, as local RFC 3339 time (as a holder writes `since`).
fn modified_since(path: &Path) -> Option<String> {
    let modified = fs::metadata(path).ok()?.modified().ok()?;
    let zoned = jiff::Timestamp::try_from(modified)
        .ok()?
        .to_zoned(jiff::tz::TimeZone::system());
    Some(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

/// Whether the holder of a lock can still save: a process on this machine that runs, one on
/// this machine that is gone, or one that cannot be checked from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolderState {
    /// On this machine and still running: its lock must not be broken (two writers).
    Running,
    /// On this machine, but no such process any more.
    Gone,
    /// On another machine, or the holder file cannot be read.
    Unknown,
}

/// What [`HolderState`] the holder named by `host` and `pid` is in.
pub fn holder_state(host: &str, pid: u32) -> HolderState {
    if pid == 0 || host.is_empty() || host != hostname() {
        return HolderState::Unknown;
    }
    if process_runs(pid) {
        HolderState::Running
    } else {
        HolderState::Gone
    }
}

/// The state of whoever the holder file of `session` names now.
pub fn current_holder(session: &Path) -> HolderState {
    match read_holder(&lock_path(session)) {
        Some(info) => holder_state(&info.host, info.pid),
        None => HolderState::Unknown,
    }
}

/// Whether process `pid` exists here (a signal 0 reaches it, or it belongs to someone else).
fn process_runs(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        match rustix::process::test_kill_process(pid) {
            Ok(()) => true,
            Err(e) => e != rustix::io::Errno::SRCH,
        }
    }
    #[cfg(not(unix))]
    {
        // Cannot be checked here without unsafe code: assume it runs, never two writers.
        let _ = pid;
        true
    }
}

fn open_guard(path: &Path) -> io::Result<File> {
    crate::load::file::not_special(path)?;
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(windows)]
    {
        // Without FILE_SHARE_DELETE nobody can remove the guard while another process has it
        // open, so the file a process locks is always the one at the path (see `same_file`).
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_SHARE_READ: u32 = 0x1;
        const FILE_SHARE_WRITE: u32 = 0x2;
        options.share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE);
    }
    options.open(path)
}

/// Is the open `file` still the one at `path`?
fn same_file(file: &File, path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ours = file.metadata()?;
        match fs::metadata(path) {
            Ok(now) => Ok(ours.dev() == now.dev() && ours.ino() == now.ino()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        // Elsewhere the guard cannot be removed while it is open (see `open_guard`).
        let _ = (file, path);
        Ok(true)
    }
}

/// Whether nobody holds the session's lock now: one try, never waiting (for a read-only opener
/// that watches whether the holder is gone). The lock is let go again at once.
pub fn is_free(path: &Path) -> bool {
    let guard_path = guard_path(path);
    if !guard_path.exists() {
        // No guard: nobody locked it (a holder keeps its guard while it has the session open).
        return true;
    }
    match open_guard(&guard_path) {
        Ok(guard) => guard.try_lock().is_ok(),
        Err(_) => false,
    }
}

/// Breaks the lock of a session whose holder cannot be reached (another machine, a broken
/// holder file, a process of this machine that is gone): removes the holder and guard files, so
/// the next [`acquire`] locks a new guard. A holder that is still running keeps its lock on the
/// removed guard and does not notice; the session file's own change check then stops it from
/// saving over what the new holder wrote. Callers first make sure the holder is not
/// [`HolderState::Running`] (see [`current_holder`]).
pub fn break_lock(path: &Path) -> Result<(), SessionError> {
    for file in [lock_path(path), guard_path(path)] {
        match fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(SessionError::io(&file, e)),
        }
    }
    Ok(())
}

/// The holder named in the holder file, if it can be read.
fn read_holder(lock: &Path) -> Option<LockInfo> {
    let text = String::from_utf8(crate::load::file::read_regular(lock).ok()?).ok()?;
    toml::from_str::<LockInfo>(&text)
        .ok()
        .filter(|i| i.pid != 0)
}

/// Adds what the user can do about an error on the guard: most often a folder without write
/// permission (a shared folder opened read-only, a read-only medium).
fn explain(e: io::Error, guard: &Path) -> io::Error {
    let folder = parent_dir(guard);
    match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => io::Error::new(
            e.kind(),
            format!(
                "geen schrijfrecht in de map {}, dus geen slot ({})",
                folder.display(),
                crate::load::file::io_text(&e)
            ),
        ),
        io::ErrorKind::Unsupported => io::Error::new(
            e.kind(),
            format!(
                "het bestandssysteem van {} kent geen slot ({})",
                folder.display(),
                crate::load::file::io_text(&e)
            ),
        ),
        _ => e,
    }
}

/// This machine's name, for the message a second opener sees.
pub fn hostname() -> String {
    #[cfg(unix)]
    let from_os = Some(
        rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned(),
    );
    #[cfg(not(unix))]
    let from_os = std::env::var("COMPUTERNAME").ok();
    from_os
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| env_nonempty("HOSTNAME"))
        .unwrap_or_else(|| "onbekend".to_string())
}

/// Who runs this process (`USER`, `USERNAME` on Windows, `LOGNAME`), for the same message.
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .into_iter()
        .find_map(env_nonempty)
        .unwrap_or_else(|| "onbekend".to_string())
}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl SessionLock {
    /// The holder file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The guard file the OS lock is on.
    pub fn guard_path(&self) -> &Path {
        &self.guard_path
    }

    pub fn user(&self) -> &str {
        &self.info.user
    }

    pub fn pid(&self) -> u32 {
        self.info.pid
    }

    pub fn host(&self) -> &str {
        &self.info.host
    }

    /// When the lock was taken (RFC 3339 local time).
    pub fn since(&self) -> &str {
        &self.info.since
    }

    /// Releases the lock now (the same as dropping it).
    pub fn release(self) {}
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // A holder file that no longer names us is someone else's: leave it.
        let still_ours = read_holder(&self.path).is_some_and(|holder| holder == self.info);
        if still_ours {
            let _ = fs::remove_file(&self.path);
        }
        // On Unix the guard is removed while still locked (an opener that locks the removed file
        // notices, see `same_file`); elsewhere after closing, which fails harmlessly if another
        // process has opened it meanwhile.
        // After our lock was broken (see `break_lock`) the guard at the path is the new
        // holder's: leave it.
        #[cfg(unix)]
        if let Some(guard) = &self.guard
            && same_file(guard, &self.guard_path).unwrap_or(false)
        {
            let _ = fs::remove_file(&self.guard_path);
        }
        drop(self.guard.take());
        #[cfg(not(unix))]
        let _ = fs::remove_file(&self.guard_path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_errors_say_what_to_do() {
        let guard = Path::new("gedeeld/sessions/.s.toml.lock");
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let e = explain(denied, guard).to_string();
        assert!(
            e.starts_with("geen schrijfrecht in de map gedeeld/sessions, dus geen slot ("),
            "{e}"
        );
        let e = explain(io::Error::from(io::ErrorKind::ReadOnlyFilesystem), guard).to_string();
        assert!(e.starts_with("geen schrijfrecht in de map"), "{e}");
        let e = explain(io::Error::from(io::ErrorKind::Unsupported), guard).to_string();
        assert!(e.contains("kent geen slot"), "{e}");
        let other = explain(io::Error::other("iets anders"), guard).to_string();
        assert_eq!(other, "iets anders");
    }

    #[test]
    fn only_a_holder_of_this_machine_is_known_to_run_or_be_gone() {
        let here = hostname();
        assert_eq!(
            holder_state(&here, std::process::id()),
            HolderState::Running
        );
        // A child that has ended (and was reaped) is gone.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert_eq!(holder_state(&here, pid), HolderState::Gone);
        assert_eq!(
            holder_state("een-andere-computer", std::process::id()),
            HolderState::Unknown
        );
        assert_eq!(holder_state(&here, 0), HolderState::Unknown);
        assert_eq!(holder_state("", 1), HolderState::Unknown);
    }

    #[test]
    fn holder_text_round_trips_and_older_files_read() {
        let info = LockInfo {
            user: "Marieke \"M\" de Vries".into(),
            host: "laptop".into(),
            pid: 42,
            since: "2026-11-05T09:00:00+01:00".into(),
        };
        assert_eq!(toml::from_str::<LockInfo>(&info.to_text()).unwrap(), info);
        // Written by an older duiden: no user.
        let old: LockInfo =
            toml::from_str("pid = 7\nhost = \"pc\"\nsince = \"2026-11-05T09:00:00+01:00\"\n")
                .unwrap();
        assert_eq!((old.pid, old.user.as_str()), (7, ""));
    }
}
