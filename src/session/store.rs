//! Session files on disk: atomic saves, loading with file:line:column errors, a lock against two
//! processes editing one session, and the session folder (naming, listing, follow-up items).
//!
//! Guarantees:
//! - [`save_atomic`] never leaves a partial file: it writes a temporary file in the same folder,
//!   syncs it, renames it over the target and syncs the folder. Killed at any moment, the target
//!   holds either the previous or the new complete session.
//! - [`load`] never changes the file; a malformed file is refused with line and column.

use super::model::{Annotation, FORMAT_VERSION, QuestionStatus, Session, slug};
use serde::Deserialize;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use thiserror::Error;

/// Extension of session files.
pub const EXTENSION: &str = "toml";

/// Why a session file could not be read or written.
#[derive(Debug, Error)]
pub enum SessionError {
    #[error("{}: lezen of schrijven mislukt: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: sessieformaat {found} is nieuwer dan deze versie van duiden kan lezen (tot en met {supported}); werk duiden bij",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
}

impl SessionError {
    fn io(path: &Path, source: io::Error) -> SessionError {
        SessionError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            SessionError::Io { path, .. }
            | SessionError::Parse { path, .. }
            | SessionError::TooNew { path, .. } => path,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// Serialises a session to the TOML text [`save_atomic`] writes.
pub fn to_toml(session: &Session) -> Result<String, toml::ser::Error> {
    toml::to_string(session)
}

/// Saves a session atomically (see [`write_atomic`]).
pub fn save_atomic(path: &Path, session: &Session) -> Result<(), SessionError> {
    let text = to_toml(session).map_err(|e| {
        SessionError::io(
            path,
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("sessie niet als TOML te schrijven: {e}"),
            ),
        )
    })?;
    write_atomic(path, text.as_bytes())
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

fn parent_dir(path: &Path) -> PathBuf {
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

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// Reads and checks a session file. Never modifies it.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let bytes = fs::read(path).map_err(|e| SessionError::io(path, e))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = e.utf8_error().valid_up_to();
            let (line, column) = line_col(&String::from_utf8_lossy(&bytes[..valid]), valid);
            return Err(parse_error(
                path,
                line,
                column,
                "ongeldige UTF-8; verwacht een UTF-8-tekstbestand".into(),
            ));
        }
    };
    parse(path, &text)
}

/// Parses session text; `path` is only used in errors.
pub fn parse(path: &Path, text: &str) -> Result<Session, SessionError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let toml_error = |e: toml::de::Error| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        parse_error(path, line, column, dutch_message(e.message().trim()))
    };
    // First as a plain table: syntax errors, and the format version before the fields are checked
    // (a newer format may have fields this build does not know).
    let table: toml::Table = toml::from_str(text).map_err(toml_error)?;
    let session = match table.get("formaat") {
        Some(toml::Value::Integer(found)) if *found > i64::from(FORMAT_VERSION) => {
            return Err(SessionError::TooNew {
                path: path.to_path_buf(),
                found: u32::try_from(*found).unwrap_or(u32::MAX),
                supported: FORMAT_VERSION,
            });
        }
        Some(toml::Value::Integer(found)) if *found < i64::from(FORMAT_VERSION) => {
            let migrated = migrate(table).map_err(|m| parse_error(path, 1, 1, m))?;
            let session: Session =
                toml::Value::Table(migrated)
                    .try_into()
                    .map_err(|e: toml::de::Error| {
                        parse_error(path, 1, 1, dutch_message(e.message()))
                    })?;
            check(&session).map_err(|p| parse_error(path, 1, 1, p.message))?;
            return Ok(session);
        }
        // Current version, or a missing or mistyped `formaat`: serde names the problem.
        _ => toml::from_str::<Session>(text).map_err(toml_error)?,
    };
    if let Err(problem) = check(&session) {
        let (line, column) = problem.locate(text);
        return Err(parse_error(path, line, column, problem.message));
    }
    Ok(session)
}

/// Upgrades an older session file to [`FORMAT_VERSION`], one version at a time. There is only
/// version 1 so far; version 2 will add a step `1 => migrate(from_1_to_2(value))` here.
fn migrate(value: toml::Table) -> Result<toml::Table, String> {
    let version = value
        .get("formaat")
        .and_then(toml::Value::as_integer)
        .unwrap_or(0);
    match version {
        v if v == i64::from(FORMAT_VERSION) => Ok(value),
        _ => Err(format!(
            "sessieformaat {version} bestaat niet; verwacht formaat = {FORMAT_VERSION}"
        )),
    }
}

/// The common serde messages in Dutch ("missing field `tijd`" → "veld `tijd` ontbreekt"); other
/// messages (TOML syntax) stay as the parser wrote them.
fn dutch_message(message: &str) -> String {
    let expected = |rest: &str| rest.replacen(", expected ", "; verwacht ", 1);
    if let Some(rest) = message.strip_prefix("missing field ") {
        format!("veld {rest} ontbreekt")
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        let rest = rest.replacen(", there are no fields", "", 1);
        format!(
            "onbekend veld {}",
            expected(&rest).replacen("one of", "een van", 1)
        )
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        format!(
            "onbekende waarde {}",
            expected(rest).replacen("one of", "een van", 1)
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        format!("verkeerd type: {}", expected(rest))
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        format!("ongeldige waarde: {}", expected(rest))
    } else if let Some(rest) = message.strip_prefix("duplicate key") {
        format!("dubbele sleutel{rest}")
    } else {
        message.to_string()
    }
}

fn parse_error(path: &Path, line: usize, column: usize, message: String) -> SessionError {
    SessionError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A check beyond what serde checks, with the place it is about.
struct Problem {
    at: Place,
    message: String,
}

enum Place {
    Datum,
    Id(usize),
    Van(usize),
    Tot(usize),
    Change(usize),
}

/// Dates, periods and ids a session must have right to be usable.
fn check(s: &Session) -> Result<(), Problem> {
    if s.datum.parse::<jiff::civil::Date>().is_err() {
        return Err(Problem {
            at: Place::Datum,
            message: format!(
                "datum '{}' niet herkend; verwacht JJJJ-MM-DD, bijv. 2026-11-05",
                s.datum
            ),
        });
    }
    let mut seen = std::collections::HashSet::new();
    for (i, a) in s.aantekeningen.iter().enumerate() {
        if a.id == 0 || !seen.insert(a.id) {
            let what = if a.id == 0 {
                "aantekening met id 0".to_string()
            } else {
                format!("aantekening id {} komt twee keer voor", a.id)
            };
            return Err(Problem {
                at: Place::Id(i),
                message: format!("{what}; verwacht unieke ids vanaf 1"),
            });
        }
        let van = crate::model::Period::parse(&a.anker.van).map_err(|e| Problem {
            at: Place::Van(i),
            message: e.0,
        })?;
        if let Some(tot) = &a.anker.tot {
            let tot = crate::model::Period::parse(tot).map_err(|e| Problem {
                at: Place::Tot(i),
                message: e.0,
            })?;
            if tot.0 < van.0 {
                return Err(Problem {
                    at: Place::Tot(i),
                    message: format!(
                        "periode tot {} ligt vóór van {}; verwacht tot op of na van",
                        tot.0, van.0
                    ),
                });
            }
        }
    }
    for (i, c) in s.statuswijzigingen.iter().enumerate() {
        if c.sessie.trim().is_empty() {
            return Err(Problem {
                at: Place::Change(i),
                message: "statuswijziging zonder sessie; verwacht de bestandsnaam van de sessie met de vraag".into(),
            });
        }
    }
    Ok(())
}

impl Problem {
    /// Finds the line and column of the value the problem is about.
    fn locate(&self, text: &str) -> (usize, usize) {
        #[derive(Deserialize)]
        struct Spans {
            datum: toml::Spanned<String>,
            #[serde(default)]
            aantekeningen: Vec<AnnotationSpans>,
            #[serde(default)]
            statuswijzigingen: Vec<ChangeSpans>,
        }
        #[derive(Deserialize)]
        struct ChangeSpans {
            sessie: toml::Spanned<String>,
        }
        #[derive(Deserialize)]
        struct AnnotationSpans {
            id: toml::Spanned<u64>,
            anker: AnchorSpans,
        }
        #[derive(Deserialize)]
        struct AnchorSpans {
            van: toml::Spanned<String>,
            #[serde(default)]
            tot: Option<toml::Spanned<String>>,
        }
        let Ok(spans) = toml::from_str::<Spans>(text) else {
            return (1, 1);
        };
        let span = match self.at {
            Place::Datum => Some(spans.datum.span()),
            Place::Id(i) => spans.aantekeningen.get(i).map(|a| a.id.span()),
            Place::Van(i) => spans.aantekeningen.get(i).map(|a| a.anker.van.span()),
            Place::Tot(i) => spans
                .aantekeningen
                .get(i)
                .and_then(|a| a.anker.tot.as_ref())
                .map(|t| t.span()),
            Place::Change(i) => spans.statuswijzigingen.get(i).map(|c| c.sessie.span()),
        };
        span.map_or((1, 1), |s| line_col(text, s.start))
    }
}

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
struct LockInfo {
    pid: u32,
    host: String,
    since: String,
}

impl LockInfo {
    fn ours() -> LockInfo {
        LockInfo {
            pid: std::process::id(),
            host: hostname(),
            since: super::model::now_local(),
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

fn toml_string(s: &str) -> String {
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
fn create_lock_file(lock: &Path, text: &str) -> io::Result<()> {
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
fn take_over_stale(lock: &Path, stale_text: &str) -> io::Result<()> {
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
fn is_stale(holder: &LockInfo) -> bool {
    if holder.host != hostname() || !Path::new("/proc/self").exists() {
        return false;
    }
    if holder.pid == std::process::id() {
        return false;
    }
    !Path::new(&format!("/proc/{}", holder.pid)).exists()
}

fn is_old(path: &Path) -> bool {
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

// ---------------------------------------------------------------------------------------------
// The session folder
// ---------------------------------------------------------------------------------------------

/// A free file name for a new session: `<dir>/<datum>-<slug>.toml`, then `-2`, `-3`, … if taken.
pub fn session_path(dir: &Path, datum: &str, titel: &str) -> PathBuf {
    let base = format!("{datum}-{}", slug(titel));
    let first = dir.join(format!("{base}.{EXTENSION}"));
    if !taken(&first) {
        return first;
    }
    (2u32..)
        .map(|n| dir.join(format!("{base}-{n}.{EXTENSION}")))
        .find(|p| !taken(p))
        .expect("some suffix is free")
}

fn taken(p: &Path) -> bool {
    fs::symlink_metadata(p).is_ok() || fs::symlink_metadata(lock_path(p)).is_ok()
}

/// Is this a session file name (`*.toml`, not hidden)?
fn is_session_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.')
        && path.extension().and_then(|e| e.to_str()) == Some(EXTENSION)
        && path.is_file()
}

fn session_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_session_file(p))
        .collect();
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
}

/// Every session file in a folder, sorted by file name, each loaded or with its error. Lock and
/// temporary files are skipped. A missing folder has no sessions.
pub fn list(dir: &Path) -> Vec<(PathBuf, Result<Session, SessionError>)> {
    session_files(dir)
        .into_iter()
        .map(|p| {
            let s = load(&p);
            (p, s)
        })
        .collect()
}

/// The sessions in a folder that load, by file name (for [`super::minutes::markdown`] and
/// [`open_items_among`]).
pub fn list_ok(dir: &Path) -> Vec<(String, Session)> {
    list(dir)
        .into_iter()
        .filter_map(|(p, s)| Some((file_name(&p), s.ok()?)))
        .collect()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Sessions held on `today` (YYYY-MM-DD), to offer to continue one. Files that do not load are
/// included when their name starts with the date, so opening them shows the error.
pub fn todays_sessions(dir: &Path, today: &str) -> Vec<PathBuf> {
    list(dir)
        .into_iter()
        .filter(|(p, s)| match s {
            Ok(s) => s.datum == today,
            Err(_) => file_name(p).starts_with(&format!("{today}-")),
        })
        .map(|(p, _)| p)
        .collect()
}

/// The open onderzoeksvragen and acties of earlier sessions on the same dataset (same
/// `dataset.pad` or same hash), with their latest status after every status change recorded in
/// the folder (including in `before` itself). "Earlier" is by file name, which starts with the
/// date. Returns (session file name, annotation with its current status).
pub fn previous_open_items(
    dir: &Path,
    dataset: (&str, &str),
    before: &Path,
) -> Vec<(String, Annotation)> {
    let sessions = list_ok(dir);
    open_items_among(&sessions, dataset, &file_name(before))
}

/// [`previous_open_items`] over sessions already loaded, `before` being a file name.
pub fn open_items_among(
    sessions: &[(String, Session)],
    dataset: (&str, &str),
    before: &str,
) -> Vec<(String, Annotation)> {
    let (pad, hash) = dataset;
    let same_dataset = |s: &Session| {
        (!pad.is_empty() && same_path(&s.dataset.pad, pad))
            || (!hash.is_empty() && s.dataset.hash == hash)
    };
    sessions
        .iter()
        .filter(|(name, s)| name.as_str() < before && same_dataset(s))
        .flat_map(|(name, s)| {
            s.aantekeningen
                .iter()
                .filter(|a| a.soort.has_status())
                .map(move |a| (name.clone(), a.clone()))
        })
        .map(|(name, mut a)| {
            a.status = Some(current_status(sessions, &name, &a));
            (name, a)
        })
        .filter(|(_, a)| a.is_open_item())
        .collect()
}

fn same_path(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().trim_end_matches('/').replace('\\', "/");
    norm(a) == norm(b)
}

/// The latest status of an item: its own, unless a status change anywhere in `sessions` is later.
/// Changes are ordered by their time, ties by the order of sessions and changes.
pub fn current_status(
    sessions: &[(String, Session)],
    session_name: &str,
    item: &Annotation,
) -> QuestionStatus {
    let own = item.effective_status().unwrap_or(QuestionStatus::Open);
    let mut latest: Option<(SortTime, usize, QuestionStatus)> = None;
    let mut order = 0usize;
    for (_, s) in sessions {
        for c in &s.statuswijzigingen {
            order += 1;
            if c.sessie == session_name && c.id == item.id {
                let key = (SortTime::of(&c.tijd), order, c.status);
                if latest
                    .as_ref()
                    .is_none_or(|l| (&l.0, l.1) <= (&key.0, key.1))
                {
                    latest = Some(key);
                }
            }
        }
    }
    latest.map_or(own, |l| l.2)
}

/// A time text as an instant when it parses, else as text (sorted after nothing in particular, but
/// consistently).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortTime {
    Instant(jiff::Timestamp),
    Text(String),
}

impl SortTime {
    fn of(text: &str) -> SortTime {
        match text.parse::<jiff::Timestamp>() {
            Ok(t) => SortTime::Instant(t),
            Err(_) => SortTime::Text(text.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::model::{Anchor, AnnotationKind, DatasetRef, Role};

    fn session() -> Session {
        let mut s = Session::new(
            "Test",
            "2026-11-05",
            DatasetRef {
                pad: "datasets/voorbeeld".into(),
                hash: "h".into(),
            },
        );
        s.add(Annotation {
            id: 0,
            soort: AnnotationKind::Observatie,
            tekst: "regel 1\nregel 2".into(),
            rol: Role::Beleid,
            naam: String::new(),
            tijd: "2026-11-05T10:00:00+01:00".into(),
            anker: Anchor {
                domein: "jeugd".into(),
                indicator: "instroom".into(),
                bronnen: vec!["gemeente-registratie".into()],
                van: "2021-03".into(),
                tot: None,
                verschil: None,
            },
            status: None,
            eigenaar: String::new(),
        });
        s
    }

    #[test]
    fn serde_messages_in_dutch() {
        assert_eq!(
            dutch_message("missing field `tijd`"),
            "veld `tijd` ontbreekt"
        );
        assert_eq!(
            dutch_message("unknown field `x`, expected one of `a`, `b`"),
            "onbekend veld `x`; verwacht een van `a`, `b`"
        );
        assert_eq!(
            dutch_message("unknown variant `klaar`, expected one of `open`"),
            "onbekende waarde `klaar`; verwacht een van `open`"
        );
        assert_eq!(
            dutch_message("invalid type: string \"een\", expected u32"),
            "verkeerd type: string \"een\"; verwacht u32"
        );
        assert_eq!(dutch_message("iets anders"), "iets anders");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("abc", 0), (1, 1));
        assert_eq!(line_col("a\nbc", 3), (2, 2));
        assert_eq!(line_col("ë\nëx", 5), (2, 2));
        assert_eq!(line_col("ab", 99), (1, 3));
    }

    #[test]
    fn round_trips_through_text() {
        let s = session();
        let text = to_toml(&s).unwrap();
        assert_eq!(parse(Path::new("x.toml"), &text).unwrap(), s);
    }

    #[test]
    fn checks_periods_with_position() {
        let text = to_toml(&session())
            .unwrap()
            .replace("van = \"2021-03\"", "van = \"maart\"");
        let e = parse(Path::new("x.toml"), &text).unwrap_err();
        let SessionError::Parse { line, column, .. } = &e else {
            panic!("{e}")
        };
        let expected = text.lines().position(|l| l.contains("maart")).unwrap() + 1;
        assert_eq!((*line, *column), (expected, 7), "{e}");
        assert!(e.to_string().contains("maart"), "{e}");
    }

    #[test]
    fn refuses_range_backwards_and_bad_date() {
        let mut s = session();
        s.aantekeningen[0].anker.tot = Some("2020-01".into());
        let e = parse(Path::new("x.toml"), &to_toml(&s).unwrap()).unwrap_err();
        assert!(e.to_string().contains("vóór"), "{e}");
        let mut s = session();
        s.datum = "5 november".into();
        let e = parse(Path::new("x.toml"), &to_toml(&s).unwrap()).unwrap_err();
        assert!(e.to_string().contains("x.toml:3:9"), "{e}");
    }

    #[test]
    fn status_change_needs_a_session() {
        let mut s = session();
        s.statuswijzigingen
            .push(crate::session::model::StatusChange {
                sessie: " ".into(),
                id: 1,
                status: QuestionStatus::Beantwoord,
                tijd: "2026-11-05T10:00:00+01:00".into(),
                door: String::new(),
                toelichting: String::new(),
            });
        let text = to_toml(&s).unwrap();
        let e = parse(Path::new("x.toml"), &text).unwrap_err();
        let line = text.lines().position(|l| l == "sessie = \" \"").unwrap() + 1;
        assert!(
            e.to_string().starts_with(&format!("x.toml:{line}:10: ")),
            "{e}"
        );
    }

    #[test]
    fn too_new_and_unknown_old_formats() {
        let text = to_toml(&session()).unwrap();
        let newer = text.replace("formaat = 1", "formaat = 2\nnieuw_veld = true");
        match parse(Path::new("x.toml"), &newer) {
            Err(SessionError::TooNew {
                found: 2,
                supported: 1,
                ..
            }) => {}
            other => panic!("{other:?}"),
        }
        let older = text.replace("formaat = 1", "formaat = 0");
        let e = parse(Path::new("x.toml"), &older).unwrap_err();
        assert!(e.to_string().contains("formaat 0"), "{e}");
    }

    #[test]
    fn migrate_keeps_current_version() {
        let table: toml::Table = toml::from_str(&to_toml(&session()).unwrap()).unwrap();
        assert_eq!(migrate(table.clone()).unwrap(), table);
    }

    #[test]
    fn status_changes_apply_in_time_order() {
        let mut a = session();
        let q = a.add(Annotation {
            soort: AnnotationKind::Onderzoeksvraag,
            ..a.aantekeningen[0].clone()
        });
        let change = |status, tijd: &str| super::super::model::StatusChange {
            sessie: "a.toml".into(),
            id: q,
            status,
            tijd: tijd.into(),
            door: String::new(),
            toelichting: String::new(),
        };
        let mut b = session();
        // Listed out of order: the later time wins, also across offsets.
        b.statuswijzigingen = vec![
            change(QuestionStatus::Beantwoord, "2026-12-01T10:00:00+01:00"),
            change(QuestionStatus::InOnderzoek, "2026-12-01T10:30:00+02:00"),
        ];
        let sessions = vec![("a.toml".to_string(), a.clone()), ("b.toml".into(), b)];
        let item = a.get(q).unwrap();
        assert_eq!(
            current_status(&sessions, "a.toml", item),
            QuestionStatus::Beantwoord
        );
        assert!(open_items_among(&sessions, ("datasets/voorbeeld", ""), "c.toml").is_empty());
    }
}
