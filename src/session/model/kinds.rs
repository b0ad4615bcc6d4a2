//! The closed vocabularies of a session file: roles, kinds of annotation, statuses, and the
//! selection criteria of research questions. Each serialises as its Dutch word.

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

/// A level of one selection criterion: laag, midden, hoog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Laag,
    Midden,
    Hoog,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Laag, Level::Midden, Level::Hoog];

    pub fn dutch(self) -> &'static str {
        match self {
            Level::Laag => "laag",
            Level::Midden => "midden",
            Level::Hoog => "hoog",
        }
    }

    /// Weight in the priority: laag 1, midden 2, hoog 3 (not yet weighed: 0).
    pub fn score(level: Option<Level>) -> u8 {
        match level {
            None => 0,
            Some(Level::Laag) => 1,
            Some(Level::Midden) => 2,
            Some(Level::Hoog) => 3,
        }
    }

    /// Not weighed → laag → midden → hoog → not weighed (for a cycling key).
    pub fn cycle(level: Option<Level>) -> Option<Level> {
        match level {
            None => Some(Level::Laag),
            Some(Level::Laag) => Some(Level::Midden),
            Some(Level::Midden) => Some(Level::Hoog),
            Some(Level::Hoog) => None,
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        let t = text.trim().to_lowercase();
        Level::ALL.into_iter().find(|l| l.dutch() == t)
    }
}

/// One of the programme's selection criteria for research questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Criterion {
    Relevantie,
    Urgentie,
    Haalbaarheid,
    BreedGedragen,
}

impl Criterion {
    pub const ALL: [Criterion; 4] = [
        Criterion::Relevantie,
        Criterion::Urgentie,
        Criterion::Haalbaarheid,
        Criterion::BreedGedragen,
    ];

    /// Dutch name as in the minutes: "relevantie", …, "breed gedragen".
    pub fn dutch(self) -> &'static str {
        match self {
            Criterion::Relevantie => "relevantie",
            Criterion::Urgentie => "urgentie",
            Criterion::Haalbaarheid => "haalbaarheid",
            Criterion::BreedGedragen => "breed gedragen",
        }
    }
}

/// The selection criteria of a research question; each is weighed laag/midden/hoog or not yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevantie: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgentie: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub haalbaarheid: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breed_gedragen: Option<Level>,
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        Criterion::ALL.iter().all(|c| self.get(*c).is_none())
    }

    pub fn get(&self, c: Criterion) -> Option<Level> {
        match c {
            Criterion::Relevantie => self.relevantie,
            Criterion::Urgentie => self.urgentie,
            Criterion::Haalbaarheid => self.haalbaarheid,
            Criterion::BreedGedragen => self.breed_gedragen,
        }
    }

    pub fn set(&mut self, c: Criterion, level: Option<Level>) {
        let field = match c {
            Criterion::Relevantie => &mut self.relevantie,
            Criterion::Urgentie => &mut self.urgentie,
            Criterion::Haalbaarheid => &mut self.haalbaarheid,
            Criterion::BreedGedragen => &mut self.breed_gedragen,
        };
        *field = level;
    }

    /// The criteria weighed in `later` replace these; the others stay.
    pub fn overlay(&mut self, later: &Criteria) {
        for c in Criterion::ALL {
            if let Some(l) = later.get(c) {
                self.set(c, Some(l));
            }
        }
    }

    /// The criteria that differ from `before` (what a change records).
    pub fn changed_from(&self, before: &Criteria) -> Criteria {
        let mut out = Criteria::default();
        for c in Criterion::ALL {
            if self.get(c) != before.get(c) {
                out.set(c, self.get(c));
            }
        }
        out
    }

    /// Priority: the sum of the weights (0–12).
    pub fn score(&self) -> u8 {
        Criterion::ALL
            .iter()
            .map(|c| Level::score(self.get(*c)))
            .sum()
    }
}
