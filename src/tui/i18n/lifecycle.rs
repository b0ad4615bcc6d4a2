//! The words of a question's life on screen: the status and link steps of the follow-up, and
//! "hierover is onderzoek gedaan" under a chart.

use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::session::LinkKind;

/// A field the follow-up asks for when a status changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifeField {
    Answer,
    ResultTitle,
    ResultPlace,
    By,
    Reason,
}

impl Texts {
    pub fn life_field(&self, f: LifeField) -> &'static str {
        match (self.lang, f) {
            (Nl, LifeField::Answer) => "Antwoord, in een of twee zinnen",
            (En, LifeField::Answer) => "Answer, in one or two sentences",
            (Nl, LifeField::ResultTitle) => "Resultaat: titel van het rapport of de notitie",
            (En, LifeField::ResultTitle) => "Result: title of the report or note",
            (Nl, LifeField::ResultPlace) => "Resultaat: vindplaats (map, adres of nummer)",
            (En, LifeField::ResultPlace) => "Result: where to find it (folder, address or number)",
            (Nl, LifeField::By) => "Door wie",
            (En, LifeField::By) => "By whom",
            (Nl, LifeField::Reason) => "Waarom (toelichting)",
            (En, LifeField::Reason) => "Why (reason)",
        }
    }

    /// Said when a required field is left empty.
    pub fn life_field_needed(&self, field: &str) -> String {
        match self.lang {
            Nl => format!("{field}: dit veld is nodig"),
            En => format!("{field}: this field is needed"),
        }
    }

    /// The heading of the status choice: "Status van V-0007 (nu: geagendeerd)".
    pub fn life_status_heading(&self, code: &str, now: &str) -> String {
        match self.lang {
            Nl => format!("Nieuwe status van {code} (nu: {now})"),
            En => format!("New status of {code} (now: {now})"),
        }
    }

    /// When an item's status cannot be chosen (a merged question).
    pub fn life_no_next(&self, now: &str) -> String {
        match self.lang {
            Nl => format!("status {now}: hier gaat de vraag niet meer verder"),
            En => format!("status {now}: the question goes no further from here"),
        }
    }

    pub fn link_kind(&self, k: LinkKind) -> &'static str {
        match (self.lang, k) {
            (Nl, LinkKind::HangtSamenMet) => "hangt samen met",
            (En, LinkKind::HangtSamenMet) => "is related to",
            (Nl, LinkKind::Vervangt) => "vervangt",
            (En, LinkKind::Vervangt) => "replaces",
        }
    }

    pub fn link_heading(&self, code: &str) -> String {
        match self.lang {
            Nl => format!("Koppeling van {code}: kies de soort, dan de andere vraag"),
            En => format!("Link from {code}: choose the kind, then the other question"),
        }
    }

    pub fn link_none(&self) -> &'static str {
        match self.lang {
            Nl => "geen andere vraag met een code om aan te koppelen",
            En => "no other question with a code to link to",
        }
    }

    /// "koppeling opgeslagen: V-0007 hangt samen met V-0003".
    pub fn link_set(&self, from: &str, kind: LinkKind, to: &str) -> String {
        match self.lang {
            Nl => format!("koppeling opgeslagen: {from} {} {to}", self.link_kind(kind)),
            En => format!("link saved: {from} {} {to}", self.link_kind(kind)),
        }
    }

    /// A code the folder gave twice, and the new code of the later item.
    pub fn code_notice(&self, n: &crate::session::codes::CodeNotice) -> String {
        match self.lang {
            Nl => n.to_string(),
            En => format!(
                "code {} is in {} and in {} (id {}); {} keeps it, the question in {} is now {}",
                n.code, n.kept_in, n.session, n.id, n.kept_in, n.session, n.new
            ),
        }
    }

    /// Under a chart: "hierover is onderzoek gedaan: V-0007 <antwoord> (<titel>)".
    pub fn researched(&self, code: &str, answer: &str, title: &str) -> String {
        match self.lang {
            Nl => format!("hierover is onderzoek gedaan: {code} {answer} ({title})"),
            En => format!("this has been researched: {code} {answer} ({title})"),
        }
    }
}
