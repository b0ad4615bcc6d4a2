//! The session folder: names, listing, today's sessions, open items of earlier sessions.

use super::*;

// ---------------------------------------------------------------------------------------------
// The session folder
// ---------------------------------------------------------------------------------------------

/// A free file name for a new session: `<dir>/<datum>-<slug>.toml`, then `-2`, `-3`, … if taken.
pub fn session_path(dir: &Path, datum: jiff::civil::Date, titel: &str) -> PathBuf {
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

pub(super) fn taken(p: &Path) -> bool {
    fs::symlink_metadata(p).is_ok() || fs::symlink_metadata(lock_path(p)).is_ok()
}

/// Is this a session file name (`*.toml`, not hidden)?
pub(super) fn is_session_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.')
        && path.extension().and_then(|e| e.to_str()) == Some(EXTENSION)
        && path.is_file()
}

pub(super) fn session_files(dir: &Path) -> Vec<PathBuf> {
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

/// The sessions in a folder that load, by file name (for the minutes and
/// [`open_items_among`]).
pub fn list_ok(dir: &Path) -> Vec<(String, Session)> {
    list(dir)
        .into_iter()
        .filter_map(|(p, s)| Some((file_name(&p), s.ok()?)))
        .collect()
}

pub(super) fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Sessions held on `today`, to offer to continue one. Files that do not load are included when
/// their name starts with the date, so opening them shows the error.
pub fn todays_sessions(dir: &Path, today: jiff::civil::Date) -> Vec<PathBuf> {
    list(dir)
        .into_iter()
        .filter(|(p, s)| match s {
            Ok(s) => s.date == today,
            Err(_) => file_name(p).starts_with(&format!("{today}-")),
        })
        .map(|(p, _)| p)
        .collect()
}

/// The open onderzoeksvragen and acties of earlier sessions on the same dataset (same
/// `dataset.pad` or same hash), with their latest status, owner and criteria after every change recorded in
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
            let state = crate::session::backlog::item_state(sessions, &name, &a);
            a.status = Some(state.status);
            a.eigenaar = state.eigenaar;
            a.criteria = state.criteria;
            (name, a)
        })
        .filter(|(name, a)| {
            a.is_open_item() && !crate::session::backlog::merged_away(sessions, name, a.id)
        })
        .collect()
}

pub(super) fn same_path(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().trim_end_matches('/').replace('\\', "/");
    norm(a) == norm(b)
}

/// The latest status of an item: its own, unless a change anywhere in `sessions` is later.
/// Changes are ordered by their time, ties by the order of sessions and changes.
pub fn current_status(
    sessions: &[(String, Session)],
    session_name: &str,
    item: &Annotation,
) -> QuestionStatus {
    crate::session::backlog::item_state(sessions, session_name, item).status
}
