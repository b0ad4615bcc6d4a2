//! One writer per session: a lock file naming process and host; stale locks are taken over.

use super::*;

// ---------------------------------------------------------------------------------------------
// Locking
// ---------------------------------------------------------------------------------------------

/// Held while a process edits a session; dropping it removes the lock file (if it is still ours).
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
    info: LockInfo,
}

/// Result of [`acquire`].
#[derive(Debug)]
pub enum LockOutcome {
    Acquired(SessionLock),
    /// Another live process (or a process on another machine) has the session open.
    HeldBy {
        pid: u32,
        host: String,
        since: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub(super) struct LockInfo {
    pid: u32,
    host: String,
    since: String,
}

impl LockInfo {
    fn ours() -> LockInfo {
        LockInfo {
            pid: std::process::id(),
            host: hostname(),
            since: crate::session::model::now_local().to_string(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "pid = {}\nhost = {}\nsince = {}\n",
            self.pid,
            toml_string(&self.host),
            toml_string(&self.since)
        )
    }
}

pub(super) fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The lock file of a session: `<session path>.lock`.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut p = session.as_os_str().to_owned();
    p.push(".lock");
    PathBuf::from(p)
}

/// Tries to lock a session for editing. A lock left by a process that no longer runs on this host
/// is stale and taken over.
pub fn acquire(path: &Path) -> Result<LockOutcome, SessionError> {
    let lock = lock_path(path);
    let err = |e| SessionError::io(&lock, e);
    for _ in 0..10 {
        let info = LockInfo::ours();
        match create_lock_file(&lock, &info.to_text()) {
            Ok(()) => {
                return Ok(LockOutcome::Acquired(SessionLock { path: lock, info }));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(err(e)),
        }
        let text = match fs::read_to_string(&lock) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue, // released meanwhile
            Err(e) => return Err(err(e)),
        };
        match toml::from_str::<LockInfo>(&text) {
            Ok(holder) if !is_stale(&holder) => {
                return Ok(LockOutcome::HeldBy {
                    pid: holder.pid,
                    host: holder.host,
                    since: holder.since,
                });
            }
            Ok(_) => {}
            // Unreadable: someone else's half-written lock if it is fresh, junk if it is old.
            Err(_) if !is_old(&lock) => {
                return Ok(LockOutcome::HeldBy {
                    pid: 0,
                    host: "onbekend".into(),
                    since: String::new(),
                });
            }
            Err(_) => {}
        }
        take_over_stale(&lock, &text).map_err(err)?;
    }
    Err(err(io::Error::other(
        "slot niet te krijgen: het slotbestand verandert steeds",
    )))
}

/// Creates the lock file with its content in one step: the content is written to a private file
/// that is then hard-linked to the lock name (fails if it exists), so nobody reads a half-written
/// lock. Filesystems without hard links fall back to `create_new` and a write.
pub(super) fn create_lock_file(lock: &Path, text: &str) -> io::Result<()> {
    let dir = parent_dir(lock);
    let name = lock.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        TMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let linked = (|| {
        fs::create_dir_all(&dir)?;
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::hard_link(&tmp, lock)
    })();
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            let _ = sync_dir(&dir);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut f = OpenOptions::new().write(true).create_new(true).open(lock)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()
        }
    }
}

/// Removes a stale lock, unless it changed since it was read (then someone else took it).
pub(super) fn take_over_stale(lock: &Path, stale_text: &str) -> io::Result<()> {
    // Renaming is atomic: of two processes taking over the same stale lock, one gets it.
    let aside = parent_dir(lock).join(format!(
        ".{}.{}-{}.stale.tmp",
        lock.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id(),
        TMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    match fs::rename(lock, &aside) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    let moved = fs::read_to_string(&aside).unwrap_or_default();
    if moved != stale_text {
        // A fresh lock was put in place between reading and renaming: give it back.
        let _ = fs::hard_link(&aside, lock);
    }
    let _ = fs::remove_file(&aside);
    Ok(())
}

/// A lock is stale when its process is gone. Only decidable on the same host with `/proc`.
pub(super) fn is_stale(holder: &LockInfo) -> bool {
    if holder.host != hostname() || !Path::new("/proc/self").exists() {
        return false;
    }
    if holder.pid == std::process::id() {
        return false;
    }
    !Path::new(&format!("/proc/{}", holder.pid)).exists()
}

pub(super) fn is_old(path: &Path) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(10))
}

/// This machine's name: `/etc/hostname`, else `$HOSTNAME`, else "onbekend".
pub fn hostname() -> String {
    let from_file = fs::read_to_string("/etc/hostname")
        .ok()
        .map(|s| s.trim().to_string());
    from_file
        .filter(|s| !s.is_empty())
        .or_else(|| {
            std::env::var("HOSTNAME")
                .ok()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "onbekend".to_string())
}

impl SessionLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
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
        let still_ours = fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| toml::from_str::<LockInfo>(&t).ok())
            .is_some_and(|holder| holder == self.info);
        if still_ours {
            let _ = fs::remove_file(&self.path);
        }
    }
}
