//! Sessions ("sessies"): the annotations made in a "duiden van data" meeting, stored as TOML in
//! `sessions/`. The minutes are written by [`crate::report::minutes`].
//!
//! - [`model`]: the session file's data (participants, agenda, annotations, changes, merges);
//! - [`backlog`]: every research question across sessions, with its state and history;
//! - [`programme`]: the programme's criteria and priority rule (`programma.toml`);
//! - [`store`]: atomic saves, loading with line:column errors, migration of older formats,
//!   locking, the session folder.

pub mod answered;
pub mod backlog;
pub mod codes;
pub mod compare;
pub mod header;
pub mod model;
pub mod programme;
pub mod store;
pub mod view_state;
pub mod writer;

pub use model::{
    AgendaItem, Anchor, Annotation, AnnotationKind, Criteria, DatasetRef, Difference,
    FORMAT_VERSION, ItemChange, ItemRef, LocalTime, MAX_ID, Merge, Participant, QuestionStatus,
    Role, Session, now_local, parse_date, slug, today,
};
pub use model::{Answer, Code, CodeKind, LifecycleError, Link, LinkKind, Resultaat, lifecycle};
pub use store::{
    LockOutcome, SessionError, SessionLock, acquire, list, list_ok, list_with_progress, load,
    previous_open_items, save_atomic, session_path, todays_sessions, write_atomic,
    write_atomic_with,
};
pub use writer::{
    ChangeKind, ItemEdit, OpenSession, ReadOnlyReason, SessionWriter, StatusChange, WatchEvent,
};
