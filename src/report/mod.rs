//! What duiden writes for people: the minutes of a session (Markdown and HTML), the named
//! differences of a dataset and the research-question backlog for the command line, and the
//! Dutch wording all of them (and the interface) share.

mod backlog;
pub mod credits;
pub mod detail;
mod differences;
pub mod export;
pub mod minutes;
pub mod privacy;
pub mod signals;
pub mod slide;
pub mod table;
#[cfg(test)]
mod test_data;
pub mod text;

pub use backlog::{backlog_csv, backlog_markdown};
pub use privacy::backlog_shown_anyway;

/// The last line of every Markdown file duiden writes: invisible in a Markdown viewer, it lets
/// `--uit` recognise duiden's own earlier export (the HTML minutes name duiden as generator).
pub const MARKDOWN_MARK: &str = "<!-- geschreven door duiden -->";
pub use detail::describe_detail;
pub use differences::{mismatches, write_mismatches};
pub use minutes::Minutes;
pub use text::{
    criteria_line, describe_change, describe_criteria, describe_differences, describe_history,
    describe_readings, dutch_date, dutch_period, history_who, person, who,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv(Separator),
    Json,
}

/// The field separator of a CSV export. Semicolon (the default) is what Excel with Dutch
/// settings splits on; such a file starts with a byte-order mark (so Excel reads UTF-8) and
/// writes decimals with a comma. Comma gives plain RFC 4180 for scripts: no mark, decimal point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    #[default]
    Semicolon,
    Comma,
}

impl Separator {
    fn char(self) -> char {
        match self {
            Separator::Semicolon => ';',
            Separator::Comma => ',',
        }
    }

    /// The start of the file: the byte-order mark for Excel, or nothing.
    pub(crate) fn start(self) -> &'static str {
        match self {
            Separator::Semicolon => "\u{feff}",
            Separator::Comma => "",
        }
    }

    /// A decimal number as the file's readers expect it ("0,1234" for Dutch Excel).
    pub(crate) fn decimal(self, text: String) -> String {
        match self {
            Separator::Semicolon => text.replace('.', ","),
            Separator::Comma => text,
        }
    }

    /// One record: every field quoted when needed, separated, ended by a newline.
    pub(crate) fn line<S: AsRef<str>>(self, fields: &[S]) -> String {
        let sep = self.char().to_string();
        let mut line: String = fields
            .iter()
            .map(|f| csv_field(f.as_ref(), self.char()))
            .collect::<Vec<_>>()
            .join(&sep);
        line.push('\n');
        line
    }
}

/// RFC 4180: quote when needed, double the quotes inside.
fn csv_field(f: &str, sep: char) -> String {
    if f.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}
