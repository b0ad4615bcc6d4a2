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

mod folder;
mod lock;
mod read;
mod write;

pub use folder::*;
pub use lock::*;
pub use read::*;
use write::parent_dir;
pub use write::*;

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
            criteria: Default::default(),
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
        s.wijzigingen
            .push(crate::session::model::ItemChange::status(
                " ",
                1,
                QuestionStatus::Beantwoord,
                "2026-11-05T10:00:00+01:00",
            ));
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
        let newer = text.replace("formaat = 2", "formaat = 3\nnieuw_veld = true");
        match parse(Path::new("x.toml"), &newer) {
            Err(SessionError::TooNew {
                found: 3,
                supported: 2,
                ..
            }) => {}
            other => panic!("{other:?}"),
        }
        let older = text.replace("formaat = 2", "formaat = 0");
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
        let change =
            |status, tijd: &str| super::super::model::ItemChange::status("a.toml", q, status, tijd);
        let mut b = session();
        // Listed out of order: the later time wins, also across offsets.
        b.wijzigingen = vec![
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
