//! Plain-text, CSV, JSON and Markdown renderings for the command line: the named differences
//! of a dataset (`differences`) and the research-question backlog (`backlog`).

mod backlog;
mod differences;

pub use backlog::{backlog_csv, backlog_markdown};
pub use differences::mismatches;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Json,
}

/// RFC 4180: quote when needed, double the quotes inside.
pub(crate) fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}
