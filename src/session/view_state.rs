//! What the facilitator's screen shows, as a small file beside the session (`<sessie>.beeld`):
//! the view, the cursor, the agenda item and whether it is presented. The facilitator's duiden
//! writes it atomically through the session's writer whenever it changes; `duiden meekijken`
//! reads it and shows the same. No network: both only need the session folder, and either can
//! be killed without harming the other.

use crate::model::{Period, ViewSpec};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The extension of the view-state file beside a session (never `.toml`: the session folder's
/// `.toml` files are sessions).
pub const EXTENSION: &str = "beeld";

/// Version of the file written by this build.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewState {
    #[serde(rename = "formaat")]
    pub format: u32,
    #[serde(rename = "presentatie", default)]
    pub presentation: bool,
    /// The period under the cursor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<Period>,
    /// The agenda item shown (0-based; the agenda's length is the closing question).
    #[serde(
        rename = "agendapunt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agenda_item: Option<usize>,
    /// The research question shown at the closing question.
    #[serde(rename = "vraag", default)]
    pub question: usize,
    /// Seconds on the current agenda item's running clock when this was written.
    #[serde(rename = "klok_seconden", default)]
    pub clock_seconds: u64,
    /// Last: TOML writes it as a sub-table.
    #[serde(rename = "weergave", default, skip_serializing_if = "Option::is_none")]
    pub view: Option<ViewSpec>,
}

/// The view-state file of the session at `session`.
pub fn path_for(session: &Path) -> PathBuf {
    session.with_extension(EXTENSION)
}

impl ViewState {
    pub fn to_text(&self) -> String {
        // A struct of plain fields always serialises.
        toml::to_string(self).unwrap_or_default()
    }
}

/// Reads a view-state file (only a regular file: a pipe in its place never blocks). The
/// message says what was wrong, in Dutch, with the file's name.
pub fn read(path: &Path) -> Result<ViewState, String> {
    let bytes =
        crate::load::file::read_regular(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{}: geen UTF-8; verwacht het beeld van duiden",
            path.display()
        )
    })?;
    let state: ViewState = toml::from_str(&text)
        .map_err(|e| format!("{}: onleesbaar beeld ({})", path.display(), e.message()))?;
    if state.format != FORMAT {
        return Err(format!(
            "{}: beeldformaat {} wordt niet gelezen; verwacht formaat = {FORMAT}",
            path.display(),
            state.format
        ));
    }
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Granularity;

    #[test]
    fn what_is_written_reads_back_and_a_damaged_file_is_named() {
        let mut view = ViewSpec::trend("jeugd", "instroom", &["cbs".into()]);
        view.granularity = Some(Granularity::Quarter);
        view.range = Some((Period::quarter(2022, 1), Period::quarter(2023, 4)));
        let state = ViewState {
            format: FORMAT,
            presentation: true,
            cursor: Some(Period::quarter(2023, 2)),
            agenda_item: Some(1),
            question: 0,
            clock_seconds: 75,
            view: Some(view),
        };
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("2026-11-26-sessie.toml");
        let path = path_for(&session);
        assert_eq!(path.file_name().unwrap(), "2026-11-26-sessie.beeld");
        std::fs::write(&path, state.to_text()).unwrap();
        assert_eq!(read(&path).unwrap(), state);
        std::fs::write(&path, "formaat = 1\nonbekend = 2\n").unwrap();
        let e = read(&path).unwrap_err();
        assert!(
            e.contains("2026-11-26-sessie.beeld") && e.contains("onleesbaar"),
            "{e}"
        );
        std::fs::write(&path, "formaat = 9\n").unwrap();
        assert!(read(&path).unwrap_err().contains("verwacht formaat = 1"));
    }
}
