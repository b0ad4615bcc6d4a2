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
    // CBS open data JSON (TypedDataSet, Observations): the lead adds its line here at merge.
    // Spreadsheets (.xlsx, .xls, .ods with kaart.toml): the lead adds its line here at merge.
];

/// How many bytes `sniff` sees.
const HEAD: u64 = 64 * 1024;

/// The reader for a file, from its first bytes.
pub fn reader_for(path: &Path) -> Result<&'static Reader, ImportError> {
    let mut head = Vec::new();
    std::fs::File::open(path)
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
