//! The closed vocabularies of a session file: roles, kinds of annotation and statuses. Each
//! serialises as its Dutch word. (The selection criteria are open: see [`super::criteria`].)

use serde::{Deserialize, Serialize};

/// The role someone speaks from in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Toegang,
    Aanbieder,
    Beleid,
    Analist,
    Overig,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Toegang,
        Role::Aanbieder,
        Role::Beleid,
        Role::Analist,
        Role::Overig,
    ];

    /// Dutch noun, as in the file and the minutes.
    pub fn dutch(self) -> &'static str {
        match self {
            Role::Toegang => "toegang",
            Role::Aanbieder => "aanbieder",
            Role::Beleid => "beleid",
            Role::Analist => "analist",
            Role::Overig => "overig",
        }
    }
}

/// What an annotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationKind {
    Observatie,
    Verklaring,
    Datakwaliteit,
    Onderzoeksvraag,
    Actie,
}

impl AnnotationKind {
    pub const ALL: [AnnotationKind; 5] = [
        AnnotationKind::Observatie,
        AnnotationKind::Verklaring,
        AnnotationKind::Datakwaliteit,
        AnnotationKind::Onderzoeksvraag,
        AnnotationKind::Actie,
    ];

    /// Dutch noun, as in the file: "observatie", "verklaring", …
    pub fn dutch(self) -> &'static str {
        match self {
            AnnotationKind::Observatie => "observatie",
            AnnotationKind::Verklaring => "verklaring",
            AnnotationKind::Datakwaliteit => "datakwaliteit",
            AnnotationKind::Onderzoeksvraag => "onderzoeksvraag",
            AnnotationKind::Actie => "actie",
        }
    }

    /// Dutch plural, for headings in the minutes.
    pub fn dutch_plural(self) -> &'static str {
        match self {
            AnnotationKind::Observatie => "observaties",
            AnnotationKind::Verklaring => "verklaringen",
            AnnotationKind::Datakwaliteit => "datakwaliteit",
            AnnotationKind::Onderzoeksvraag => "onderzoeksvragen",
            AnnotationKind::Actie => "acties",
        }
    }

    /// A distinct single-width ASCII symbol for the time axis.
    pub fn marker(self) -> &'static str {
        match self {
            AnnotationKind::Observatie => "o",
            AnnotationKind::Verklaring => "v",
            AnnotationKind::Datakwaliteit => "d",
            AnnotationKind::Onderzoeksvraag => "?",
            AnnotationKind::Actie => "!",
        }
    }

    /// Questions and actions carry a status and an owner and follow the sessions.
    pub fn has_status(self) -> bool {
        matches!(
            self,
            AnnotationKind::Onderzoeksvraag | AnnotationKind::Actie
        )
    }
}

/// Status of a research question or action; the allowed moves are in [`super::lifecycle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QuestionStatus {
    /// "nieuw"; files of before the lifecycle (format 3 and older) say "open".
    #[serde(rename = "nieuw", alias = "open")]
    Open,
    #[serde(rename = "geagendeerd")]
    Geagendeerd,
    #[serde(rename = "in onderzoek")]
    InOnderzoek,
    #[serde(rename = "beantwoord")]
    Beantwoord,
    #[serde(rename = "vervallen")]
    Vervallen,
    /// Merged into another question (set by a merge, not chosen).
    #[serde(rename = "samengevoegd")]
    Samengevoegd,
}

impl QuestionStatus {
    pub const ALL: [QuestionStatus; 6] = [
        QuestionStatus::Open,
        QuestionStatus::Geagendeerd,
        QuestionStatus::InOnderzoek,
        QuestionStatus::Beantwoord,
        QuestionStatus::Vervallen,
        QuestionStatus::Samengevoegd,
    ];

    /// Dutch text, as in the file: "nieuw", "geagendeerd", "in onderzoek", …
    pub fn dutch(self) -> &'static str {
        match self {
            QuestionStatus::Open => "nieuw",
            QuestionStatus::Geagendeerd => "geagendeerd",
            QuestionStatus::InOnderzoek => "in onderzoek",
            QuestionStatus::Beantwoord => "beantwoord",
            QuestionStatus::Vervallen => "vervallen",
            QuestionStatus::Samengevoegd => "samengevoegd",
        }
    }

    /// Still needs attention: carried over to the next session.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            QuestionStatus::Open | QuestionStatus::Geagendeerd | QuestionStatus::InOnderzoek
        )
    }

    /// The next status in [`QuestionStatus::ALL`], wrapping around (for a cycling key).
    pub fn next(self) -> QuestionStatus {
        let i = QuestionStatus::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0);
        QuestionStatus::ALL[(i + 1) % QuestionStatus::ALL.len()]
    }
}
