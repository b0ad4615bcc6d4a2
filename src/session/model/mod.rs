//! The session ("sessie") as stored in `sessions/*.toml`: participants, agenda, the dataset it used
//! and the annotations made in the room. Pure data; reading and writing files is in
//! [`super::store`].
//!
//! Field order in the structs is the order in the TOML file: keep it stable so files diff well.
//! Keys in the file are Dutch, field names English: every field whose key differs has a serde
//! rename, so files written by earlier builds read and re-save byte for byte.

mod anchor;
mod criteria;
mod kinds;
pub mod lifecycle;
mod slug;
mod time;

pub use anchor::{Anchor, Difference};
pub use criteria::Criteria;
pub use kinds::{AnnotationKind, QuestionStatus, Role};
pub use lifecycle::{Answer, Code, CodeKind, LifecycleError, Link, LinkKind, Resultaat};
pub use slug::slug;
pub use time::{LocalTime, date_text, parse_date};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Version of the session file format written by this build (`formaat = 4`). Version 2 added
/// the selection criteria, merges, and generalised `statuswijzigingen` to `wijzigingen`; version
/// 3 records the view an annotation was made in and its differences as fields (`verschillen`)
/// instead of a sentence; version 4 gives questions and actions a code, the status "nieuw"
/// (formerly "open"), an answer with its result, and links. Older files are upgraded on reading
/// (`store::read`).
pub const FORMAT_VERSION: u32 = 4;

/// Highest annotation id: ids stay below 2^53, so they are exact in every JSON reader and `+ 1`
/// never overflows.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// Someone in the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    #[serde(rename = "naam")]
    pub name: String,
    #[serde(rename = "rol")]
    pub role: Role,
    #[serde(
        rename = "organisatie",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub organisation: String,
}

/// An item on the agenda: an indicator, and the view prepared for it (sources, period length,
/// range, reference), walked through during the session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    #[serde(rename = "domein")]
    pub domain: String,
    pub indicator: String,
    /// The facilitator's talking points: shown to the facilitator (and a follower), never on
    /// the projector.
    #[serde(
        rename = "toelichting",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub note: String,
    /// What the header says for this item; empty: the indicator's name.
    #[serde(rename = "titel", default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The time planned for the item, in minutes.
    #[serde(rename = "minuten", default, skip_serializing_if = "Option::is_none")]
    pub budget_minutes: Option<u32>,
    /// Time spent on the item so far, in seconds (added up each time the walk leaves it).
    #[serde(rename = "besteed_seconden", default, skip_serializing_if = "is_zero")]
    pub spent_seconds: u64,
    /// The view to show; `None`: the indicator's trend as the dataset opens it. Last, because
    /// TOML writes it as a sub-table.
    #[serde(rename = "weergave", default, skip_serializing_if = "Option::is_none")]
    pub view: Option<crate::model::ViewSpec>,
}

impl AgendaItem {
    /// An item for a view, titled by the caller.
    pub fn of_view(view: crate::model::ViewSpec, title: &str) -> AgendaItem {
        AgendaItem {
            domain: view.domein.clone(),
            indicator: view.indicator.clone(),
            note: String::new(),
            title: title.to_string(),
            budget_minutes: None,
            spent_seconds: 0,
            view: Some(view),
        }
    }

    /// The view to show for this item.
    pub fn view_spec(&self) -> crate::model::ViewSpec {
        self.view
            .clone()
            .unwrap_or_else(|| crate::model::ViewSpec::trend(&self.domain, &self.indicator, &[]))
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The dataset a session looked at: its folder and its content hash (to notice changed data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetRef {
    #[serde(rename = "pad")]
    pub path: String,
    pub hash: String,
}

/// A remark recorded in the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Unique within the session, assigned by [`Session::add`].
    pub id: u64,
    /// A question's or action's code in the session folder ("V-0007"); older files have none
    /// and get one when the folder is read ([`crate::session::codes`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Code>,
    #[serde(rename = "soort")]
    pub kind: AnnotationKind,
    #[serde(rename = "tekst")]
    pub text: String,
    /// Who said it: the role, and optionally the name.
    #[serde(rename = "rol")]
    pub role: Role,
    #[serde(rename = "naam", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// When it was said: local time with its offset, "2026-11-23T10:15:00+01:00".
    #[serde(rename = "tijd")]
    pub time: LocalTime,
    /// For onderzoeksvraag and actie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<QuestionStatus>,
    /// Who follows it up (onderzoeksvraag, actie).
    #[serde(rename = "eigenaar", default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The answer, in one or two sentences, when answered in this session.
    #[serde(rename = "antwoord", default, skip_serializing_if = "String::is_empty")]
    pub answer: String,
    /// The theme an onderzoeksvraag is grouped under on the research agenda; empty: none.
    #[serde(rename = "thema", default, skip_serializing_if = "String::is_empty")]
    pub theme: String,
    /// Roles in the room that support this question or explanation (no names: roles only).
    #[serde(rename = "steun", default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<Role>,
    /// Roles in the room that disagree with it.
    #[serde(rename = "niet_eens", default, skip_serializing_if = "Vec::is_empty")]
    pub disagree: Vec<Role>,
    /// Selection criteria of an onderzoeksvraag, as weighed in this session.
    #[serde(default, skip_serializing_if = "Criteria::is_empty")]
    pub criteria: Criteria,
    /// Where the answer can be read (with `antwoord`).
    #[serde(rename = "resultaat", default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Resultaat>,
    /// Links to other questions, by code.
    #[serde(rename = "koppelingen", default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Last, because TOML writes it as a sub-table `[aantekeningen.anker]` after the other fields.
    #[serde(rename = "anker")]
    pub anchor: Anchor,
}

impl Annotation {
    /// A remark said by `role` at `time` about `anchor`, with nothing else recorded yet (no
    /// name, status, owner, criteria, code, answer or links); [`Session::add`] gives it its id.
    pub fn said(
        kind: AnnotationKind,
        text: &str,
        role: Role,
        time: LocalTime,
        anchor: Anchor,
    ) -> Annotation {
        Annotation {
            id: 0,
            code: None,
            kind,
            text: text.to_string(),
            role,
            name: String::new(),
            time,
            status: None,
            owner: String::new(),
            theme: String::new(),
            support: Vec::new(),
            disagree: Vec::new(),
            answer: String::new(),
            criteria: Criteria::default(),
            result: None,
            links: Vec::new(),
            anchor,
        }
    }

    /// The status, with a question or action without one counted as open; `None` for kinds
    /// without status.
    pub fn effective_status(&self) -> Option<QuestionStatus> {
        if self.kind.has_status() {
            Some(self.status.unwrap_or(QuestionStatus::Open))
        } else {
            self.status
        }
    }

    /// An onderzoeksvraag or actie whose status is still open.
    pub fn is_open_item(&self) -> bool {
        self.kind.has_status() && self.effective_status().is_some_and(|s| s.is_open())
    }

    /// The answer recorded on the annotation itself, when complete.
    pub fn own_answer(&self) -> Option<Answer> {
        Answer::from_fields(&self.answer, self.result.as_ref())
    }
}

/// A change made in this session to a question or action from an earlier session: its status,
/// owner and/or criteria (minutes too, and the question's history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemChange {
    /// File name of the session holding the question ("2026-09-10-duiden-van-data.toml").
    #[serde(rename = "sessie")]
    pub session: String,
    pub id: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<QuestionStatus>,
    #[serde(rename = "tijd")]
    pub time: LocalTime,
    #[serde(rename = "door", default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(
        rename = "toelichting",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub note: String,
    /// New owner; `None` leaves it.
    #[serde(rename = "eigenaar", default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The answer recorded with a change to beantwoord.
    #[serde(rename = "antwoord", default, skip_serializing_if = "String::is_empty")]
    pub answer: String,
    /// New theme; `None` leaves it.
    #[serde(rename = "thema", default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// New supporting roles; `None` leaves them.
    #[serde(rename = "steun", default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Vec<Role>>,
    /// New disagreeing roles; `None` leaves them.
    #[serde(rename = "niet_eens", default, skip_serializing_if = "Option::is_none")]
    pub disagree: Option<Vec<Role>>,
    /// The criteria weighed in this change; the others stay as they were.
    #[serde(default, skip_serializing_if = "Criteria::is_empty")]
    pub criteria: Criteria,
    /// Where the answer can be read (with `antwoord`).
    #[serde(rename = "resultaat", default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Resultaat>,
    /// Links added in this change.
    #[serde(rename = "koppelingen", default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

impl ItemChange {
    /// The answer recorded with this change, when complete.
    pub fn recorded_answer(&self) -> Option<Answer> {
        Answer::from_fields(&self.answer, self.result.as_ref())
    }

    /// A status change of item `id` in session file `session`.
    pub fn status(session: &str, id: u64, status: QuestionStatus, time: LocalTime) -> ItemChange {
        ItemChange {
            answer: String::new(),
            result: None,
            links: Vec::new(),
            session: session.to_string(),
            id,
            status: Some(status),
            time,
            by: String::new(),
            note: String::new(),
            owner: None,
            theme: None,
            support: None,
            disagree: None,
            criteria: Criteria::default(),
        }
    }
}

/// A question (or action) of a session, by session file name and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub session: String,
    pub id: u64,
}

/// Two questions recognised as the same in this session: (`session`, `id`) is merged into
/// (`into_session`, `into_id`); the backlog shows one question with both origins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// Session file and id of the question merged away.
    #[serde(rename = "sessie")]
    pub session: String,
    pub id: u64,
    /// Session file and id of the question it is merged into.
    #[serde(rename = "in_sessie")]
    pub into_session: String,
    #[serde(rename = "in_id")]
    pub into_id: u64,
    #[serde(rename = "tijd")]
    pub time: LocalTime,
    #[serde(rename = "door", default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

impl Merge {
    pub fn from_ref(&self) -> ItemRef {
        ItemRef {
            session: self.session.clone(),
            id: self.id,
        }
    }

    pub fn into_ref(&self) -> ItemRef {
        ItemRef {
            session: self.into_session.clone(),
            id: self.into_id,
        }
    }
}

/// One "duiden van data" session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    #[serde(rename = "formaat")]
    pub format: u32,
    #[serde(rename = "titel")]
    pub title: String,
    /// "2026-11-05" in the file.
    #[serde(rename = "datum", with = "date_text")]
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facilitator: String,
    #[serde(rename = "deelnemers", default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    pub dataset: DatasetRef,
    #[serde(
        rename = "aantekeningen",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub annotations: Vec<Annotation>,
    #[serde(rename = "wijzigingen", default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ItemChange>,
    #[serde(
        rename = "samenvoegingen",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub merges: Vec<Merge>,
}

impl Session {
    pub fn new(title: &str, date: Date, dataset: DatasetRef) -> Session {
        Session {
            format: FORMAT_VERSION,
            title: title.to_string(),
            date,
            facilitator: String::new(),
            participants: Vec::new(),
            agenda: Vec::new(),
            dataset,
            annotations: Vec::new(),
            changes: Vec::new(),
            merges: Vec::new(),
        }
    }

    /// Adds an annotation under the next id (max + 1) and returns that id. A question or action
    /// without a status gets [`QuestionStatus::Open`].
    pub fn add(&mut self, mut a: Annotation) -> u64 {
        a.id = self.next_id();
        if a.kind.has_status() && a.status.is_none() {
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
        let max = self.annotations.iter().map(|a| a.id).max().unwrap_or(0);
        match max.checked_add(1) {
            Some(next) if next <= MAX_ID => next,
            _ => (1..=MAX_ID).find(|n| self.get(*n).is_none()).unwrap_or(0),
        }
    }

    pub fn get(&self, id: u64) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Annotation> {
        self.annotations.iter_mut().find(|a| a.id == id)
    }

    /// Removes an annotation; keep it to undo with [`Session::restore`].
    pub fn remove(&mut self, id: u64) -> Option<Annotation> {
        let i = self.annotations.iter().position(|a| a.id == id)?;
        Some(self.annotations.remove(i))
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
        let at = self.annotations.partition_point(|b| b.id < a.id);
        self.annotations.insert(at, a);
    }

    /// Annotations anchored to one indicator, in id order.
    pub fn for_indicator<'a>(
        &'a self,
        domain: &str,
        indicator: &str,
    ) -> impl Iterator<Item = &'a Annotation> + use<'a> {
        let (domain, indicator) = (domain.to_string(), indicator.to_string());
        self.annotations
            .iter()
            .filter(move |a| a.anchor.domain == domain && a.anchor.indicator == indicator)
    }

    /// Onderzoeksvragen and acties of this session whose status is open.
    pub fn open_items(&self) -> impl Iterator<Item = &Annotation> {
        self.annotations.iter().filter(|a| a.is_open_item())
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
