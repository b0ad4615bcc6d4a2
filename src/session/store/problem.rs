//! What is wrong in a session file, as data. `Display` is the Dutch message; the interface's
//! catalog renders the other languages from the same data.

use crate::model::Period;
use crate::session::model::{FORMAT_VERSION, MAX_ID};
use std::fmt;

/// Why a session file was refused at a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseProblem {
    NotUtf8,
    /// A UTF-16 file.
    Utf16,
    /// The TOML parser's or serde's (English) message; its Dutch form is translated on display.
    Toml {
        message: String,
    },
    /// Another program's TOML file: no `formaat` and no `aantekeningen`.
    NotASession,
    /// A `formaat` below 1 (`None`: too large for any number, so a damaged file).
    UnknownFormat {
        found: Option<i64>,
    },
    /// A `formaat` far beyond any version: the file is damaged.
    CorruptFormat {
        found: i64,
    },
    /// An older format with both the old key and the key it was renamed to.
    BothKeys {
        old: String,
        new: String,
    },
    ZeroId,
    IdTooLarge {
        id: u64,
    },
    DuplicateId {
        id: u64,
    },
    /// An annotation whose `tot` lies before its `van`.
    ReversedRange {
        from: Period,
        to: Period,
    },
    ChangeWithoutSession,
    MergeWithoutSession,
    SelfMerge {
        id: u64,
    },
}

impl fmt::Display for ParseProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ParseProblem as P;
        let unique = format!("verwacht unieke ids van 1 tot en met {MAX_ID}");
        match self {
            P::NotUtf8 => f.write_str("ongeldige UTF-8; verwacht een UTF-8-tekstbestand"),
            P::Utf16 => f.write_str("bestand is UTF-16; verwacht een UTF-8-tekstbestand"),
            P::Toml { message } => f.write_str(&crate::load::toml_message::dutch(message)),
            P::CorruptFormat { found } => write!(
                f,
                "sessieformaat {found} bestaat niet: het bestand is beschadigd; verwacht formaat = 1 t/m {FORMAT_VERSION}"
            ),
            P::NotASession => write!(
                f,
                "geen sessiebestand van duiden: het veld `formaat` ontbreekt; verwacht een sessie met formaat = {FORMAT_VERSION}, titel, datum en dataset"
            ),
            P::UnknownFormat { found: Some(found) } => write!(
                f,
                "sessieformaat {found} bestaat niet; verwacht formaat = 1 t/m {FORMAT_VERSION}"
            ),
            P::UnknownFormat { found: None } => write!(
                f,
                "sessieformaat is te groot voor een getal: het bestand is beschadigd; verwacht formaat = 1 t/m {FORMAT_VERSION}"
            ),
            P::BothKeys { old, new } => write!(
                f,
                "`{old}` en `{new}` staan er allebei; verwacht alleen `{old}` in dit oudere sessieformaat"
            ),
            P::ZeroId => write!(f, "aantekening met id 0; {unique}"),
            P::IdTooLarge { id } => write!(f, "aantekening id {id} is te groot; {unique}"),
            P::DuplicateId { id } => write!(f, "aantekening id {id} komt twee keer voor; {unique}"),
            P::ReversedRange { from, to } => write!(
                f,
                "periode tot {to} ligt vóór van {from}; verwacht tot op of na van"
            ),
            P::ChangeWithoutSession => f.write_str(
                "wijziging zonder sessie; verwacht de bestandsnaam van de sessie met de vraag",
            ),
            P::MergeWithoutSession => f.write_str(
                "samenvoeging zonder sessie; verwacht de bestandsnamen van beide sessies",
            ),
            P::SelfMerge { id } => write!(
                f,
                "vraag {id} wordt met zichzelf samengevoegd; verwacht twee verschillende vragen"
            ),
        }
    }
}
