//! A [`Table`] written out: CSV as Excel with Dutch settings reads it (semicolons, a byte-order
//! mark, CRLF, decimal commas as the cells already have them), and Markdown for a report (the
//! title above the table, the sources under it).

use super::{Language, Table};
use crate::report::MARKDOWN_MARK;
use crate::report::text::one_line;

/// The byte-order mark Excel needs to read the file as UTF-8.
const BOM: &str = "\u{feff}";

/// The header and the rows as CSV; title and footer are the Markdown's (a CSV is read as one
/// table, a line of text above it would be a row).
pub fn csv(table: &Table) -> Vec<u8> {
    let mut out = BOM.as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        // Rows are as wide as the header; a short one is still written, not refused.
        .flexible(true)
        .from_writer(&mut out);
    for record in std::iter::once(&table.headers).chain(&table.rows) {
        // Writing into memory cannot fail.
        let _ = writer.write_record(record);
    }
    let _ = writer.flush();
    drop(writer);
    out
}

/// The table in Markdown: title, what it shows, the transform, a pipe table, the sources.
pub fn markdown(table: &Table) -> String {
    let mut out = format!("# {}\n\n", one_line(&table.title));
    if !table.subtitle.is_empty() {
        out.push_str(&format!("{}\n\n", one_line(&table.subtitle)));
    }
    if let Some(t) = &table.transform {
        let label = match table.language {
            Language::Dutch => "Bewerking",
            Language::English => "Transform",
        };
        out.push_str(&format!("{label}: {}\n\n", one_line(t)));
    }
    out.push_str(&pipe_row(&table.headers));
    let rule: Vec<String> = table.headers.iter().map(|_| "---".to_string()).collect();
    out.push_str(&pipe_row(&rule));
    for row in &table.rows {
        out.push_str(&pipe_row(row));
    }
    if !table.footer.is_empty() {
        out.push('\n');
        // Two spaces: a line break within one paragraph.
        let lines: Vec<String> = table.footer.iter().map(|l| cell(l)).collect();
        out.push_str(&lines.join("  \n"));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(MARKDOWN_MARK);
    out.push('\n');
    out
}

/// "| a | b |".
fn pipe_row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// A cell on one line with its pipes (and the backslashes before them) escaped.
fn cell(text: &str) -> String {
    one_line(text).replace('\\', "\\\\").replace('|', "\\|")
}
