//! Sessions ("sessies"): the annotations made in a "duiden van data" meeting, stored as TOML in
//! `sessions/`, with minutes in Markdown.
//!
//! - [`model`]: the session file's data (participants, agenda, annotations, changes, merges);
//! - [`backlog`]: every research question across sessions, with its state and history;
//! - [`store`]: atomic saves, loading with line:column errors, locking, the session folder;
//! - [`minutes`]: the Markdown minutes;
//! - [`html`]: the same minutes as one self-contained HTML file with charts.

pub mod backlog;
pub mod header;
pub mod html;
pub mod minutes;
pub mod model;
pub mod store;
pub mod writer;

pub use minutes::{markdown, markdown_with_history};
pub use model::{
    AgendaItem, Anchor, Annotation, AnnotationKind, Criteria, Criterion, DatasetRef,
    FORMAT_VERSION, ItemChange, ItemRef, Level, Merge, Participant, QuestionStatus, Role, Session,
    now_local, slug, today,
};
pub use store::{
    LockOutcome, SessionError, SessionLock, acquire, list, list_ok, list_with_progress, load,
    previous_open_items, save_atomic, session_path, todays_sessions, write_atomic,
    write_atomic_with,
};
pub use writer::{ChangeKind, ItemEdit, OpenSession, ReadOnlyReason, SessionWriter};
