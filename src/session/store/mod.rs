//! Session files on disk: atomic saves, loading with file:line:column errors, a lock against two
//! processes editing one session, and the session folder (naming, listing, follow-up items).
//!
//! Guarantees:
//! - [`save_atomic`] never leaves a partial file: it writes a temporary file in the same folder,
//!   syncs it, renames it over the target and syncs the folder. Killed at any moment, the target
//!   holds either the previous or the new complete session.
//! - [`load`] never changes the file; a malformed file is refused with line and column.

use crate::session::model::{Annotation, FORMAT_VERSION, QuestionStatus, Session, slug};
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
    #[error(
        "{}: lezen of schrijven mislukt: {}",
        path.display(),
        crate::load::file::io_text(source)
    )]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}:{line}:{column}: {problem}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: ParseProblem,
    },
    /// The file is not what duiden last read or wrote: another program changed (or removed)
    /// it. Nothing is saved until the user chooses what to do.
    #[error(
        "{}: het bestand is buiten duiden veranderd sinds duiden het las of opsloeg; niet opgeslagen, niets overschreven",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error(
        "{}: sessieformaat {found} is nieuwer dan deze versie van duiden kan lezen (tot en met {supported}); werk duiden bij",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// A status change the lifecycle does not allow; nothing was saved.
    #[error("{}: {why}", path.display())]
    Refused {
        path: PathBuf,
        why: crate::session::model::LifecycleError,
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
            | SessionError::TooNew { path, .. }
            | SessionError::ChangedOnDisk { path }
            | SessionError::Refused { path, .. } => path,
        }
    }
}

mod export;
mod folder;
mod lock;
mod problem;
mod read;
mod write;

pub use export::{exports_dir, write_export, write_new};
pub use folder::*;
pub use lock::*;
pub use problem::ParseProblem;
pub use read::*;
use write::parent_dir;
pub use write::*;

#[cfg(test)]
mod tests;
