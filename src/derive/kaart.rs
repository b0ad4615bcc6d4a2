//! The mapping file of an extract (`kaart.toml`): which column is which field, and the date
//! format. Without one, the column names of the extract layout and both date formats are used.

use super::DeriveError;
use super::date::DateFormat;
use serde::Deserialize;
use std::path::Path;

/// A parsed mapping file.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtractMap {
    #[serde(default)]
    pub kolommen: ColumnNames,
    /// `2023-03-01` or `01-03-2023` (an example date); empty: both are accepted.
    #[serde(default)]
    pub datumnotatie: String,
    /// The bron id of the derived series (default: `registratie-<file name>`).
    #[serde(default)]
    pub bron: String,
}

/// The extract's column names per field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ColumnNames {
    pub client: String,
    pub domein: String,
    pub voorziening: String,
    pub wijk: String,
    pub aanbieder: String,
    pub startdatum: String,
    pub einddatum: String,
}

impl Default for ColumnNames {
    fn default() -> Self {
        ColumnNames {
            client: "client_id".into(),
            domein: "domein".into(),
            voorziening: "voorziening".into(),
            wijk: "wijk".into(),
            aanbieder: "aanbieder".into(),
            startdatum: "startdatum".into(),
            einddatum: "einddatum".into(),
        }
    }
}

impl ExtractMap {
    /// Reads a mapping file; errors name `kaart.toml:regel:kolom`.
    pub fn read(path: &Path) -> Result<ExtractMap, DeriveError> {
        let name = path.display().to_string();
        let fail = |problem: String| DeriveError {
            place: name.clone(),
            problem,
        };
        let bytes = crate::load::file::read_regular(path)
            .map_err(|e| fail(format!("kan de kaart niet lezen: {e}")))?;
        let text =
            String::from_utf8(bytes).map_err(|_| fail("de kaart is geen UTF-8-tekst".into()))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let map: ExtractMap = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            let line = text[..at.min(text.len())].matches('\n').count() + 1;
            DeriveError {
                place: format!("{name}:{line}"),
                problem: e.message().to_string(),
            }
        })?;
        map.format().map_err(fail)?;
        Ok(map)
    }

    /// The date format the mapping fixes, if any.
    pub fn format(&self) -> Result<Option<DateFormat>, String> {
        let f = self.datumnotatie.trim();
        if f.is_empty() {
            Ok(None)
        } else if super::date::parse(f, DateFormat::Iso).is_some() || f == "jjjj-mm-dd" {
            Ok(Some(DateFormat::Iso))
        } else if super::date::parse(f, DateFormat::Dutch).is_some() || f == "dd-mm-jjjj" {
            Ok(Some(DateFormat::Dutch))
        } else {
            Err(format!(
                "datumnotatie '{f}' ken ik niet: gebruik een voorbeelddatum als \"2023-03-01\" of \"01-03-2023\""
            ))
        }
    }
}
