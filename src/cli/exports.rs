//! The exports of the command line: minutes (`notulen`) and the question list (`vragen`), to
//! the screen or through `--uit` to a file duiden may write.

use super::{NotulenFormaat, Scheiding, VragenFormaat, emit, recorded_dataset};
use crate::load::load_dataset;
use crate::report::Minutes;
use crate::report::export::{Export, check_target};
use crate::session::store;
use crate::tui::i18n::t;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The sessions of a folder that load, by file name; every file that does not load is reported
/// on stderr and skipped. `None` (after a message) when the folder cannot be read.
fn sessions_in(dir: &Path) -> Option<Vec<(String, crate::session::Session)>> {
    if let Err(e) = std::fs::read_dir(dir) {
        eprintln!(
            "duiden: sessiemap {} kan niet gelezen worden: {e}",
            dir.display()
        );
        return None;
    }
    let mut ok = Vec::new();
    for (path, result) in store::list(dir) {
        match result {
            Ok(s) => ok.push((
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                s,
            )),
            Err(e) => eprintln!("{}", t().skipped(&t().session_error(&e))),
        }
    }
    // Questions and actions go by their code in the folder; a code given twice is renumbered.
    for notice in crate::session::codes::assign(&mut ok) {
        eprintln!("duiden: {}", t().code_notice(&notice));
    }
    Some(ok)
}

pub(super) fn vragen(
    dir: &Path,
    (formaat, scheiding): (VragenFormaat, Scheiding),
    out: Output,
    kleine_aantallen: bool,
) -> ExitCode {
    let Some(sessions) = sessions_in(dir) else {
        return ExitCode::FAILURE;
    };
    let programme = match crate::session::programme::Programme::for_sessions(dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let items = crate::session::backlog::backlog_for(&sessions, &programme);
    let text = match formaat {
        VragenFormaat::Md => crate::report::backlog_markdown(
            &items,
            &programme,
            &dir.display().to_string(),
            sessions.len(),
        ),
        VragenFormaat::Csv => crate::report::backlog_csv(&items, &programme, scheiding.into()),
    };
    // The question list names no figures; the header still says what was asked for.
    let text = match kleine_aantallen {
        true => crate::report::backlog_shown_anyway(text, formaat == VragenFormaat::Csv),
        false => text,
    };
    write_output(&text, out, Export::Backlog)
}

/// Where `--uit` writes, and whether `--overschrijf` was given.
pub(super) struct Output {
    path: Option<PathBuf>,
    overwrite: bool,
}

impl Output {
    pub(super) fn new(path: Option<PathBuf>, overwrite: bool) -> Output {
        Output { path, overwrite }
    }
}

/// Writes to `out` atomically (and says so on stderr), or to stdout. Refuses a path that holds
/// a file duiden did not write, or whose folder does not exist (see [`check_target`]).
fn write_output(text: &str, out: Output, what: Export) -> ExitCode {
    let Some(path) = out.path else {
        emit(text);
        return ExitCode::SUCCESS;
    };
    if let Err(refusal) = check_target(&path, text, out.overwrite) {
        eprintln!("duiden: {}", t().export_refused(&refusal));
        return ExitCode::FAILURE;
    }
    match store::write_atomic(&path, text.as_bytes()) {
        Ok(()) => {
            eprintln!("{}", t().export_written(what, &path));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("duiden: {e}");
            ExitCode::FAILURE
        }
    }
}

pub(super) fn notulen(
    path: &Path,
    out: Output,
    formaat: NotulenFormaat,
    kleine_aantallen: bool,
) -> ExitCode {
    let session = match store::load(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", t().session_error(&e));
            return ExitCode::FAILURE;
        }
    };
    // The dataset supplies indicator names; minutes are still written without it.
    let dir = path.parent().unwrap_or(Path::new("."));
    let dataset = recorded_dataset(&session.dataset.path, dir)
        .ok()
        .and_then(|p| load_dataset(&p).ok());
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let previous = store::list_ok(dir);
    let minutes = Minutes::build_with(
        &session,
        &file,
        Some(&previous),
        dataset.as_ref(),
        kleine_aantallen,
    );
    let text = match formaat {
        NotulenFormaat::Md => crate::report::minutes::markdown(&minutes),
        NotulenFormaat::Html => crate::report::minutes::html(&minutes),
    };
    write_output(&text, out, Export::Minutes)
}
