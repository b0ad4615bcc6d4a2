//! Which layout a file has, decided from the file itself: every reader is asked in turn whether
//! the first bytes look like its layout (`sniff`), the first that says yes reads it.

use super::{Import, ImportError, Layout, Options};
use std::io::Read;
use std::path::Path;

/// One layout duiden can read.
pub struct Reader {
    pub layout: Layout,
    /// The layout's name in messages.
    pub name: &'static str,
    /// What a file of this layout looks like, for the message when nothing matched.
    pub expects: &'static str,
    pub sniff: fn(&Path, &[u8]) -> bool,
    pub read: fn(&Path, &Options) -> Result<Import, ImportError>,
}

/// The readers, asked in this order.
pub const READERS: &[Reader] = &[
    // A workbook is binary: asked first, so no text reader guesses at its bytes.
    Reader {
        layout: Layout::Sheet,
        name: "spreadsheet (.xlsx, .xls, .ods, met kaart.toml)",
        expects: "een werkmap van Excel of LibreOffice",
        sniff: super::sheet::sniff,
        read: super::sheet::read,
    },
    Reader {
        layout: Layout::CbsTypedCsv,
        name: "CBS open data (TypedDataSet, CSV)",
        expects: "kopregel \"ID\";\"Perioden\";… met ;-gescheiden velden tussen aanhalingstekens",
        sniff: super::cbs_csv::sniff,
        read: super::cbs_csv::read,
    },
    Reader {
        layout: Layout::StatlineCsv,
        name: "StatLine-download (CSV)",
        expects: "een kopregel \"Perioden\";\"Regio's\";\"Onderwerp (eenheid)\" in de eerste regels",
        sniff: super::statline_csv::sniff,
        read: super::statline_csv::read,
    },
    // The long form before the TypedDataSet: both are JSON with a `value` list.
    Reader {
        layout: Layout::CbsObservationsJson,
        name: "CBS open data (Observations, JSON)",
        expects: "JSON met waarnemingen met Measure, ValueAttribute, Value en Perioden",
        sniff: super::cbs_json::observations::sniff,
        read: super::cbs_json::observations::read,
    },
    Reader {
        layout: Layout::CbsTypedJson,
        name: "CBS open data (TypedDataSet, JSON)",
        expects: "JSON met \"value\": [{\"ID\": …, \"Perioden\": \"2022JJ00\", …}]",
        sniff: super::cbs_json::typed::sniff,
        read: super::cbs_json::typed::read,
    },
];

/// How many bytes `sniff` sees.
const HEAD: u64 = 64 * 1024;

/// The reader for a file, from its first bytes.
pub fn reader_for(path: &Path) -> Result<&'static Reader, ImportError> {
    let mut head = Vec::new();
    // Only a regular file: a pipe would block the import for good.
    crate::load::file::open_regular(path)
        .and_then(|f| f.take(HEAD).read_to_end(&mut head))
        .map_err(|e| ImportError {
            place: path.display().to_string(),
            layout: None,
            problem: format!("kan het bestand niet lezen: {e}"),
        })?;
    READERS
        .iter()
        .find(|r| (r.sniff)(path, &head))
        .ok_or_else(|| ImportError {
            place: path.display().to_string(),
            layout: None,
            problem: format!(
                "indeling niet herkend; geprobeerd: {}",
                READERS
                    .iter()
                    .map(|r| format!("{} (verwacht {})", r.name, r.expects))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        })
}

/// Detects the layout and reads the file.
pub fn read_file(path: &Path, opts: &Options) -> Result<Import, ImportError> {
    (reader_for(path)?.read)(path, opts)
}
