//! The session ("sessie") as stored in `sessions/*.toml`: participants, agenda, the dataset it used
//! and the annotations made in the room. Pure data; reading and writing files is in
//! [`super::store`].
//!
//! Field order in the structs is the order in the TOML file: keep it stable so files diff well.
//! Keys in the file are Dutch; fields with a typed value (periods, dates, times) have English
//! names and a serde rename.

mod anchor;
mod kinds;
mod slug;
mod time;

pub use anchor::{Anchor, Difference};
pub use kinds::{AnnotationKind, Criteria, Criterion, Level, QuestionStatus, Role};
pub use slug::slug;
pub use time::{LocalTime, date_text, parse_date};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Version of the session file format written by this build (`formaat = 3`). Version 2 added
/// the selection criteria, merges, and generalised `statuswijzigingen` to `wijzigingen`; version
/// 3 records the view an annotation was made in and its differences as fields (`verschillen`)
/// instead of a sentence. Older files are upgraded on reading (`store::read`).
pub const FORMAT_VERSION: u32 = 3;

/// Highest annotation id: ids stay below 2^53, so they are exact in every JSON reader and `+ 1`
/// never overflows.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// Someone in the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub naam: String,
    pub rol: Role,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisatie: String,
}

/// An indicator on the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub domein: String,
    pub indicator: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub toelichting: String,
}

/// The dataset a session looked at: its folder and its content hash (to notice changed data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetRef {
    pub pad: String,
    pub hash: String,
}

/// A remark recorded in the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Unique within the session, assigned by [`Session::add`].
    pub id: u64,
    pub soort: AnnotationKind,
    pub tekst: String,
    /// Who said it: the role, and optionally the name.
    pub rol: Role,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub naam: String,
    /// When it was said: local time with its offset, "2026-11-23T10:15:00+01:00".
    #[serde(rename = "tijd")]
    pub time: LocalTime,
    /// For onderzoeksvraag and actie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<QuestionStatus>,
    /// Who follows it up (onderzoeksvraag, actie).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub eigenaar: String,
    /// Selection criteria of an onderzoeksvraag, as weighed in this session.
    #[serde(default, skip_serializing_if = "Criteria::is_empty")]
    pub criteria: Criteria,
    /// Last, because TOML writes it as a sub-table `[aantekeningen.anker]` after the other fields.
    pub anker: Anchor,
}

impl Annotation {
    /// The status, with a question or action without one counted as open; `None` for kinds
    /// without status.
    pub fn effective_status(&self) -> Option<QuestionStatus> {
        if self.soort.has_status() {
            Some(self.status.unwrap_or(QuestionStatus::Open))
        } else {
            self.status
        }
    }

    /// An onderzoeksvraag or actie whose status is still open.
    pub fn is_open_item(&self) -> bool {
        self.soort.has_status() && self.effective_status().is_some_and(|s| s.is_open())
    }
}

/// A change made in this session to a question or action from an earlier session: its status,
/// owner and/or criteria (minutes too, and the question's history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemChange {
    /// File name of the session holding the question ("2026-09-10-duiden-van-data.toml").
    pub sessie: String,
    pub id: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<QuestionStatus>,
    #[serde(rename = "tijd")]
    pub time: LocalTime,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub door: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub toelichting: String,
    /// New owner; `None` leaves it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eigenaar: Option<String>,
    /// The criteria weighed in this change; the others stay as they were.
    #[serde(default, skip_serializing_if = "Criteria::is_empty")]
    pub criteria: Criteria,
}

impl ItemChange {
    /// A status change of item `id` in session file `sessie`.
    pub fn status(sessie: &str, id: u64, status: QuestionStatus, time: LocalTime) -> ItemChange {
        ItemChange {
            sessie: sessie.to_string(),
            id,
            status: Some(status),
            time,
            door: String::new(),
            toelichting: String::new(),
            eigenaar: None,
            criteria: Criteria::default(),
        }
    }
}

/// A question (or action) of a session, by session file name and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub sessie: String,
    pub id: u64,
}

/// Two questions recognised as the same in this session: (`sessie`, `id`) is merged into
/// (`in_sessie`, `in_id`); the backlog shows one question with both origins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// Session file and id of the question merged away.
    pub sessie: String,
    pub id: u64,
    /// Session file and id of the question it is merged into.
    pub in_sessie: String,
    pub in_id: u64,
    #[serde(rename = "tijd")]
    pub time: LocalTime,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub door: String,
}

impl Merge {
    pub fn from_ref(&self) -> ItemRef {
        ItemRef {
            sessie: self.sessie.clone(),
            id: self.id,
        }
    }

    pub fn into_ref(&self) -> ItemRef {
        ItemRef {
            sessie: self.in_sessie.clone(),
            id: self.in_id,
        }
    }
}

/// One "duiden van data" session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub formaat: u32,
    pub titel: String,
    /// "2026-11-05" in the file.
    #[serde(rename = "datum", with = "date_text")]
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facilitator: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deelnemers: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    pub dataset: DatasetRef,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aantekeningen: Vec<Annotation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wijzigingen: Vec<ItemChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub samenvoegingen: Vec<Merge>,
}

impl Session {
    pub fn new(titel: &str, date: Date, dataset: DatasetRef) -> Session {
        Session {
            formaat: FORMAT_VERSION,
            titel: titel.to_string(),
            date,
            facilitator: String::new(),
            deelnemers: Vec::new(),
            agenda: Vec::new(),
            dataset,
            aantekeningen: Vec::new(),
            wijzigingen: Vec::new(),
            samenvoegingen: Vec::new(),
        }
    }

    /// Adds an annotation under the next id (max + 1) and returns that id. A question or action
    /// without a status gets [`QuestionStatus::Open`].
    pub fn add(&mut self, mut a: Annotation) -> u64 {
        a.id = self.next_id();
        if a.soort.has_status() && a.status.is_none() {
            a.status = Some(QuestionStatus::Open);
        }
        let id = a.id;
        self.insert_sorted(a);
        id
    }

    /// The id [`Session::add`] will assign: one more than the highest id in use. Loading refuses
    /// ids above [`MAX_ID`]; should code have set one, the lowest free id is used rather than
    /// wrapping around onto an id in use.
    pub fn next_id(&self) -> u64 {
        let max = self.aantekeningen.iter().map(|a| a.id).max().unwrap_or(0);
        match max.checked_add(1) {
            Some(next) if next <= MAX_ID => next,
            _ => (1..=MAX_ID).find(|n| self.get(*n).is_none()).unwrap_or(0),
        }
    }

    pub fn get(&self, id: u64) -> Option<&Annotation> {
        self.aantekeningen.iter().find(|a| a.id == id)
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Annotation> {
        self.aantekeningen.iter_mut().find(|a| a.id == id)
    }

    /// Removes an annotation; keep it to undo with [`Session::restore`].
    pub fn remove(&mut self, id: u64) -> Option<Annotation> {
        let i = self.aantekeningen.iter().position(|a| a.id == id)?;
        Some(self.aantekeningen.remove(i))
    }

    /// Puts a removed annotation back under its own id and returns that id. If the id has been
    /// taken in the meantime (an annotation added after removing the last one), it gets the next
    /// free id instead, so nothing is overwritten.
    pub fn restore(&mut self, mut a: Annotation) -> u64 {
        if a.id == 0 || self.get(a.id).is_some() {
            a.id = self.next_id();
        }
        let id = a.id;
        self.insert_sorted(a);
        id
    }

    fn insert_sorted(&mut self, a: Annotation) {
        let at = self.aantekeningen.partition_point(|b| b.id < a.id);
        self.aantekeningen.insert(at, a);
    }

    /// Annotations anchored to one indicator, in id order.
    pub fn for_indicator<'a>(
        &'a self,
        domein: &str,
        indicator: &str,
    ) -> impl Iterator<Item = &'a Annotation> + use<'a> {
        let (domein, indicator) = (domein.to_string(), indicator.to_string());
        self.aantekeningen
            .iter()
            .filter(move |a| a.anker.domein == domein && a.anker.indicator == indicator)
    }

    /// Onderzoeksvragen and acties of this session whose status is open.
    pub fn open_items(&self) -> impl Iterator<Item = &Annotation> {
        self.aantekeningen.iter().filter(|a| a.is_open_item())
    }
}

/// Now as local time with its offset, to the second: "2026-11-23T10:15:00+01:00".
pub fn now_local() -> LocalTime {
    LocalTime::now()
}

/// Today's local date.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

#[cfg(test)]
mod tests;
