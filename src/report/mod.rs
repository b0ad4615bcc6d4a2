//! What duiden writes for people: the minutes of a session (Markdown and HTML), the named
//! differences of a dataset and the research-question backlog for the command line, and the
//! Dutch wording all of them (and the interface) share.

mod backlog;
mod detail;
mod differences;
pub mod minutes;
pub mod text;

pub use backlog::{backlog_csv, backlog_markdown};
pub use detail::describe_detail;
pub use differences::mismatches;
pub use minutes::Minutes;
pub use text::{
    criteria_line, describe_change, describe_criteria, describe_differences, describe_history,
    dutch_date, dutch_period, history_who, person, who,
};

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
