//! The session folder: names, listing, today's sessions, open items of earlier sessions.

use super::*;

// ---------------------------------------------------------------------------------------------
// The session folder
// ---------------------------------------------------------------------------------------------

/// A free file name for a new session: `<dir>/<date>-<slug>.toml`, then `-2`, `-3`, … if taken.
pub fn session_path(dir: &Path, date: jiff::civil::Date, title: &str) -> PathBuf {
    let base = format!("{date}-{}", slug(title));
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

/// Is this a session file name (`*.toml`, not hidden, not a folder)? A pipe or device by that
/// name is listed too: loading it fails at once and says what it is, so it is named as skipped
/// instead of left out without a word.
pub(super) fn is_session_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.')
        && path.extension().and_then(|e| e.to_str()) == Some(EXTENSION)
        && !path.is_dir()
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
    list_with_progress(dir, &|_, _| true).unwrap_or_default()
}

/// [`list`], reporting `progress(files read, session files in the folder)` before the first file
/// and after each one; `None` (cancelled) when `progress` returns false.
pub fn list_with_progress(
    dir: &Path,
    progress: &dyn Fn(u64, u64) -> bool,
) -> Option<Vec<(PathBuf, Result<Session, SessionError>)>> {
    let files = session_files(dir);
    let total = files.len() as u64;
    progress(0, total).then_some(())?;
    let mut out = Vec::with_capacity(files.len());
    for p in files {
        let s = load(&p);
        out.push((p, s));
        progress(out.len() as u64, total).then_some(())?;
    }
    Some(out)
}

/// The sessions in a folder that load, by file name (for the minutes and
/// [`open_items_among`]), every question and action with its code in the folder (see
/// [`crate::session::codes`]).
pub fn list_ok(dir: &Path) -> Vec<(String, Session)> {
    list_coded(dir).0
}

/// [`list_ok`], with what the codes' check found: codes given twice, and the new code the later
/// item got.
pub fn list_coded(
    dir: &Path,
) -> (
    Vec<(String, Session)>,
    Vec<crate::session::codes::CodeNotice>,
) {
    let mut sessions: Vec<(String, Session)> = list(dir)
        .into_iter()
        .filter_map(|(p, s)| Some((file_name(&p), s.ok()?)))
        .collect();
    let notices = crate::session::codes::assign(&mut sessions);
    (sessions, notices)
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
    let (path, hash) = dataset;
    let same_dataset = |s: &Session| {
        (!path.is_empty() && same_path(&s.dataset.path, path))
            || (!hash.is_empty() && s.dataset.hash == hash)
    };
    sessions
        .iter()
        .filter(|(name, s)| name.as_str() < before && same_dataset(s))
        .flat_map(|(name, s)| {
            s.annotations
                .iter()
                .filter(|a| a.kind.has_status())
                .map(move |a| (name.clone(), a.clone()))
        })
        .map(|(name, mut a)| {
            let state = crate::session::backlog::item_state(sessions, &name, &a);
            a.status = Some(state.status);
            a.owner = state.owner;
            a.criteria = state.criteria;
            a.theme = state.theme;
            a.support = state.support;
            a.disagree = state.disagree;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::model::DatasetRef;
    use std::cell::RefCell;

    fn folder_of(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in names {
            let s = Session::new(
                name,
                "2026-11-05".parse().unwrap(),
                DatasetRef {
                    path: "datasets/voorbeeld".into(),
                    hash: "h".into(),
                },
            );
            save_atomic(&dir.path().join(format!("{name}.toml")), &s).unwrap();
        }
        fs::write(dir.path().join("kapot.toml"), "titel = ").unwrap();
        dir
    }

    #[test]
    fn listing_reports_each_file_and_gives_the_same_list() {
        let dir = folder_of(&["a", "b", "c"]);
        let calls = RefCell::new(Vec::new());
        let listed = list_with_progress(dir.path(), &|done, total| {
            calls.borrow_mut().push((done, total));
            true
        })
        .expect("not cancelled");
        assert_eq!(
            calls.into_inner(),
            vec![(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
        );
        let names = |l: &[(PathBuf, Result<Session, SessionError>)]| -> Vec<(String, bool)> {
            l.iter().map(|(p, s)| (file_name(p), s.is_ok())).collect()
        };
        assert_eq!(names(&listed), names(&list(dir.path())));
        assert_eq!(
            names(&listed),
            vec![
                ("a.toml".to_string(), true),
                ("b.toml".into(), true),
                ("c.toml".into(), true),
                ("kapot.toml".into(), false)
            ]
        );
    }

    /// Issue 16.5/16.11: a pipe named like a session is listed with why it was not read.
    #[cfg(unix)]
    #[test]
    fn a_pipe_among_the_sessions_is_listed_with_what_it_is() {
        let dir = folder_of(&["a"]);
        let fifo = dir.path().join("b.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        fs::create_dir(dir.path().join("map.toml")).unwrap();
        let listed = list(dir.path());
        let names: Vec<String> = listed.iter().map(|(p, _)| file_name(p)).collect();
        assert_eq!(names, ["a.toml", "b.toml", "kapot.toml"]);
        let e = listed[1].1.as_ref().unwrap_err().to_string();
        assert!(e.contains("b.toml") && e.contains("pipe (FIFO)"), "{e}");
        assert!(e.contains("geen gewoon bestand"), "{e}");
    }

    #[test]
    fn listing_stops_when_told() {
        let dir = folder_of(&["a", "b", "c"]);
        let calls = RefCell::new(Vec::new());
        let listed = list_with_progress(dir.path(), &|done, _| {
            calls.borrow_mut().push(done);
            done < 2
        });
        assert!(listed.is_none());
        assert_eq!(calls.into_inner(), vec![0, 1, 2]);
        // An empty or missing folder: one report, complete at once.
        let missing = dir.path().join("nergens");
        let calls = RefCell::new(Vec::new());
        let listed = list_with_progress(&missing, &|done, total| {
            calls.borrow_mut().push((done, total));
            true
        });
        assert_eq!(listed.map(|l| l.len()), Some(0));
        assert_eq!(calls.into_inner(), vec![(0, 0)]);
    }
}
