//! Atomic writing: temporary file in the same folder, fsync, rename.

use super::*;

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// Serialises a session to the TOML text [`save_atomic`] writes: always in this build's format,
/// whatever `format` a session made in code says.
pub fn to_toml(session: &Session) -> Result<String, toml::ser::Error> {
    if session.format == FORMAT_VERSION {
        toml::to_string(session)
    } else {
        toml::to_string(&Session {
            format: FORMAT_VERSION,
            ..session.clone()
        })
    }
}

/// Saves a session atomically (see [`write_atomic`]), but only what [`parse`] reads back as the
/// same session: duiden never writes a file it would then refuse (the check costs a parse, well
/// under the time of the fsync that follows). On a refusal the file on disk is untouched.
pub fn save_atomic(path: &Path, session: &Session) -> Result<(), SessionError> {
    save_atomic_text(path, session).map(|_| ())
}

/// [`save_atomic`], giving the text written.
pub fn save_atomic_text(path: &Path, session: &Session) -> Result<String, SessionError> {
    let refuse = |why: String| {
        SessionError::io(
            path,
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("sessie niet opgeslagen, het bestand blijft zoals het was: {why}"),
            ),
        )
    };
    let text = to_toml(session).map_err(|e| refuse(format!("niet als TOML te schrijven: {e}")))?;
    match parse(path, &text) {
        Ok(back) if same_content(&back, session) => {}
        Ok(_) => {
            return Err(refuse(
                "teruggelezen zou het een andere sessie zijn".to_string(),
            ));
        }
        Err(e) => {
            return Err(refuse(format!(
                "teruggelezen zou duiden het weigeren ({e})"
            )));
        }
    }
    write_atomic(path, text.as_bytes())?;
    Ok(text)
}

/// Equal apart from `format`, which saving always sets to this build's. Whole-value equality,
/// so a field added later is compared too.
fn same_content(back: &Session, session: &Session) -> bool {
    if session.format == FORMAT_VERSION {
        back == session
    } else {
        *back
            == Session {
                format: FORMAT_VERSION,
                ..session.clone()
            }
    }
}

/// The file a session path stands for: the target of a symlink (resolved in full), else the path
/// itself. A symlinked session is saved through to its target, and its lock and temporary files
/// sit beside that target, so whoever opens the target directly meets the same lock.
pub fn resolved(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Replaces `path` with `bytes` so that it holds either the old or the new complete content, even
/// if the process is killed or the machine loses power halfway.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SessionError> {
    write_atomic_with(path, bytes, || Ok(()))
}

/// Distinguishes temporary files of concurrent saves within one process.
static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// [`write_atomic`] with a hook that runs after the temporary file is complete and synced and
/// before it is renamed over the target: tests inject failures there. If the hook fails, the
/// temporary file is removed and the target is untouched.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> io::Result<()>,
) -> Result<(), SessionError> {
    // Write through a symlink to the file it points at, rather than replacing the link.
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|e| SessionError::io(path, e))?
        }
        _ => path.to_path_buf(),
    };
    let dir = parent_dir(&target);
    let file_name = target
        .file_name()
        .ok_or_else(|| {
            SessionError::io(
                path,
                io::Error::new(io::ErrorKind::InvalidInput, "geen bestandsnaam"),
            )
        })?
        .to_string_lossy()
        .into_owned();
    let tmp = dir.join(format!(
        ".{file_name}.{}-{}.tmp",
        std::process::id(),
        TMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));

    let result = (|| -> io::Result<()> {
        // A first session in a new folder: make the folder rather than lose the session.
        fs::create_dir_all(&dir)?;
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        if let Ok(meta) = fs::metadata(&target) {
            // Keep the permissions someone gave the file.
            f.set_permissions(meta.permissions())?;
        }
        f.sync_all()?;
        drop(f);
        before_rename()?;
        fs::rename(&tmp, &target)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(SessionError::io(path, e));
    }
    // The new content is in place and survives the process; syncing the folder makes the rename
    // survive a power cut too. Best effort: reporting "not saved" now would be untrue.
    let _ = sync_dir(&dir);
    Ok(())
}

/// How old a temporary file must be before [`remove_stale_temps`] takes it for left behind: a
/// save takes milliseconds, so a minute leaves any save in flight alone.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Is `name` a temporary file [`write_atomic`] makes for `file_name`: `.{file_name}.{pid}-{n}.tmp`?
fn is_temp_of(name: &str, file_name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(file_name))
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".tmp"))
    else {
        return false;
    };
    let mut parts = rest.split('-');
    let digits =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next()) && digits(parts.next()) && parts.next().is_none()
}

/// Removes the temporary files of `path` that a killed save left behind (by name pattern and
/// age, only ours); call it holding the session's lock. Gives how many were removed. Best effort:
/// a file that cannot be removed stays, nothing else depends on it.
pub fn remove_stale_temps(path: &Path) -> usize {
    let dir = parent_dir(path);
    let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let Ok(entries) = fs::read_dir(&dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let old = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if is_temp_of(name, file_name) && old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The folder a file is in ("." for a bare file name).
pub fn parent_folder(path: &Path) -> PathBuf {
    parent_dir(path)
}

pub(super) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename durable (where the filesystem can sync a folder).
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}
