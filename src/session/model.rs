//! The session ("sessie") as stored in `sessions/*.toml`: participants, agenda, the dataset it used
//! and the annotations made in the room. Pure data; reading and writing files is in
//! [`super::store`].
//!
//! Field order in the structs is the order in the TOML file: keep it stable so files diff well.

use crate::model::Period;
use crate::model::period::dutch_range;
use serde::{Deserialize, Serialize};

/// Version of the session file format written by this build (`formaat = 2`). Version 2 added
/// the selection criteria, merges, and generalised `statuswijzigingen` to `wijzigingen`; older
/// files are upgraded on reading (`store::read::migrate`).
pub const FORMAT_VERSION: u32 = 2;

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

    /// The one-letter key that picks this kind.
    pub fn key(self) -> char {
        match self {
            AnnotationKind::Observatie => 'o',
            AnnotationKind::Verklaring => 'v',
            AnnotationKind::Datakwaliteit => 'd',
            AnnotationKind::Onderzoeksvraag => 'q',
            AnnotationKind::Actie => 'a',
        }
    }

    /// The kind picked by a key (case-insensitive).
    pub fn from_key(c: char) -> Option<AnnotationKind> {
        let c = c.to_ascii_lowercase();
        AnnotationKind::ALL.into_iter().find(|k| k.key() == c)
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

/// Status of a research question or action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QuestionStatus {
    #[serde(rename = "open")]
    Open,
    #[serde(rename = "geagendeerd")]
    Geagendeerd,
    #[serde(rename = "in onderzoek")]
    InOnderzoek,
    #[serde(rename = "beantwoord")]
    Beantwoord,
    #[serde(rename = "vervallen")]
    Vervallen,
}

impl QuestionStatus {
    pub const ALL: [QuestionStatus; 5] = [
        QuestionStatus::Open,
        QuestionStatus::Geagendeerd,
        QuestionStatus::InOnderzoek,
        QuestionStatus::Beantwoord,
        QuestionStatus::Vervallen,
    ];

    /// Dutch text, as in the file: "open", "geagendeerd", "in onderzoek", …
    pub fn dutch(self) -> &'static str {
        match self {
            QuestionStatus::Open => "open",
            QuestionStatus::Geagendeerd => "geagendeerd",
            QuestionStatus::InOnderzoek => "in onderzoek",
            QuestionStatus::Beantwoord => "beantwoord",
            QuestionStatus::Vervallen => "vervallen",
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

    /// "relevantie hoog, urgentie midden"; empty when nothing is weighed.
    pub fn describe(&self) -> String {
        Criterion::ALL
            .iter()
            .filter_map(|c| Some(format!("{} {}", c.dutch(), self.get(*c)?.dutch())))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

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

/// Where an annotation points: one indicator, the sources looked at, a period or a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub domein: String,
    pub indicator: String,
    pub bronnen: Vec<String>,
    /// First period, as [`Period::code`].
    pub van: String,
    /// Last period of a range; `None` for a single period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tot: Option<String>,
    /// Short description of the flagged mismatch the annotation is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verschil: Option<String>,
}

impl Anchor {
    /// The parsed range `van..=tot` (`tot` defaults to `van`); `None` if a period does not parse.
    pub fn periods(&self) -> Option<(Period, Period)> {
        let (from, _) = Period::parse(&self.van).ok()?;
        let to = match &self.tot {
            Some(t) => Period::parse(t).ok()?.0,
            None => from,
        };
        Some((from, to))
    }

    /// "maart 2021", "1e kwartaal 2021" or "juni 2021 t/m december 2021"; the raw texts when they
    /// do not parse.
    pub fn dutch_period(&self) -> String {
        match self.periods() {
            Some((from, to)) => dutch_range(&from, &to),
            None => match &self.tot {
                Some(t) if *t != self.van => format!("{} t/m {}", self.van, t),
                _ => self.van.clone(),
            },
        }
    }
}

/// A remark recorded in the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Local time, RFC 3339 with offset: "2026-11-23T10:15:00+01:00".
    pub tijd: String,
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
    pub tijd: String,
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
    pub fn status(sessie: &str, id: u64, status: QuestionStatus, tijd: &str) -> ItemChange {
        ItemChange {
            sessie: sessie.to_string(),
            id,
            status: Some(status),
            tijd: tijd.to_string(),
            door: String::new(),
            toelichting: String::new(),
            eigenaar: None,
            criteria: Criteria::default(),
        }
    }

    /// "status geagendeerd; eigenaar Pim; urgentie hoog"
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("status {}", s.dutch()));
        }
        if let Some(e) = &self.eigenaar {
            parts.push(if e.is_empty() {
                "geen eigenaar".to_string()
            } else {
                format!("eigenaar {e}")
            });
        }
        if !self.criteria.is_empty() {
            parts.push(self.criteria.describe());
        }
        parts.join("; ")
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
    pub tijd: String,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub formaat: u32,
    pub titel: String,
    /// YYYY-MM-DD.
    pub datum: String,
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
    pub fn new(titel: &str, datum: &str, dataset: DatasetRef) -> Session {
        Session {
            formaat: FORMAT_VERSION,
            titel: titel.to_string(),
            datum: datum.to_string(),
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

    /// The id [`Session::add`] will assign: one more than the highest id in use.
    pub fn next_id(&self) -> u64 {
        self.aantekeningen.iter().map(|a| a.id).max().unwrap_or(0) + 1
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

/// Now as local time, RFC 3339 with offset, seconds precision: "2026-11-23T10:15:00+01:00".
pub fn now_local() -> String {
    jiff::Zoned::now()
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Today's local date, YYYY-MM-DD.
pub fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

/// Longest slug [`slug`] returns.
const SLUG_MAX: usize = 50;

/// A file-name-safe form of a title: ASCII, lowercase, words joined by dashes, at most 50
/// characters, never empty ("sessie").
/// "Duiden van data: jeugd & Wmo!" → "duiden-van-data-jeugd-wmo".
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars().flat_map(fold_to_ascii) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.len() > SLUG_MAX {
        // Cut at a word boundary when one is reasonably close.
        let cut = match out[..=SLUG_MAX].rfind('-') {
            Some(i) if i >= SLUG_MAX / 2 => i,
            _ => SLUG_MAX,
        };
        out.truncate(cut);
        while out.ends_with('-') {
            out.pop();
        }
    }
    if out.is_empty() {
        "sessie".to_string()
    } else {
        out
    }
}

/// Latin letters with diacritics to their base letters; other characters unchanged.
fn fold_to_ascii(c: char) -> impl Iterator<Item = char> {
    let s: &'static str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ĳ' | 'Ĳ' => "ij",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        _ => "",
    };
    let (one, many) = if s.is_empty() {
        (Some(c), None)
    } else {
        (None, Some(s.chars()))
    };
    one.into_iter().chain(many.into_iter().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> DatasetRef {
        DatasetRef {
            pad: "datasets/voorbeeld".into(),
            hash: "abc".into(),
        }
    }

    fn ann(soort: AnnotationKind, van: &str, tot: Option<&str>) -> Annotation {
        Annotation {
            id: 0,
            soort,
            tekst: "tekst".into(),
            rol: Role::Toegang,
            naam: String::new(),
            tijd: "2026-11-05T10:00:00+01:00".into(),
            anker: Anchor {
                domein: "jeugd".into(),
                indicator: "instroom".into(),
                bronnen: vec!["gemeente-registratie".into()],
                van: van.into(),
                tot: tot.map(str::to_string),
                verschil: None,
            },
            status: None,
            eigenaar: String::new(),
            criteria: Criteria::default(),
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Duiden van data: jeugd & Wmo!"),
            "duiden-van-data-jeugd-wmo"
        );
        assert_eq!(
            slug("Duiden van data: jeugd en Wmo"),
            "duiden-van-data-jeugd-en-wmo"
        );
        assert_eq!(slug("Cliëntervaring — één café"), "clientervaring-een-cafe");
        assert_eq!(slug(""), "sessie");
        assert_eq!(slug("!!! ??? 🎉"), "sessie");
        assert_eq!(slug("  --a--  "), "a");
        let long = slug(&"woord ".repeat(30));
        assert!(long.len() <= SLUG_MAX && !long.ends_with('-'), "{long}");
        assert!(long.starts_with("woord-woord"));
        let unbroken = slug(&"x".repeat(80));
        assert_eq!(unbroken.len(), SLUG_MAX);
        for t in ["Ĳssel", "ÆØÅ", "日本語 titel", "a/b\\c..d"] {
            let s = slug(t);
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s}"
            );
        }
    }

    #[test]
    fn kinds_keys_and_markers_are_distinct() {
        for k in AnnotationKind::ALL {
            assert_eq!(AnnotationKind::from_key(k.key()), Some(k));
            assert_eq!(
                AnnotationKind::from_key(k.key().to_ascii_uppercase()),
                Some(k)
            );
            assert_eq!(k.marker().chars().count(), 1);
        }
        let mut markers: Vec<_> = AnnotationKind::ALL.iter().map(|k| k.marker()).collect();
        markers.sort();
        markers.dedup();
        assert_eq!(markers.len(), 5);
        assert_eq!(AnnotationKind::from_key('x'), None);
        let with_status: Vec<_> = AnnotationKind::ALL
            .into_iter()
            .filter(|k| k.has_status())
            .collect();
        assert_eq!(
            with_status,
            [AnnotationKind::Onderzoeksvraag, AnnotationKind::Actie]
        );
    }

    #[test]
    fn status_cycles_through_all() {
        let mut s = QuestionStatus::Open;
        for expected in QuestionStatus::ALL.iter().cycle().skip(1).take(5) {
            s = s.next();
            assert_eq!(s, *expected);
        }
        assert_eq!(s, QuestionStatus::Open);
        let open: Vec<_> = QuestionStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect();
        assert_eq!(
            open,
            [
                QuestionStatus::Open,
                QuestionStatus::Geagendeerd,
                QuestionStatus::InOnderzoek
            ]
        );
    }

    #[test]
    fn serde_names_are_the_dutch_names() {
        #[derive(Serialize)]
        struct W<T> {
            v: T,
        }
        for s in QuestionStatus::ALL {
            let t = toml::to_string(&W { v: s }).unwrap();
            assert_eq!(t.trim(), format!("v = \"{}\"", s.dutch()));
        }
        for k in AnnotationKind::ALL {
            let t = toml::to_string(&W { v: k }).unwrap();
            assert_eq!(t.trim(), format!("v = \"{}\"", k.dutch()));
        }
        for r in Role::ALL {
            let t = toml::to_string(&W { v: r }).unwrap();
            assert_eq!(t.trim(), format!("v = \"{}\"", r.dutch()));
        }
    }

    #[test]
    fn anchor_periods_in_dutch() {
        assert_eq!(
            ann(AnnotationKind::Observatie, "2021-03", None)
                .anker
                .dutch_period(),
            "maart 2021"
        );
        assert_eq!(
            ann(AnnotationKind::Observatie, "2021-Q1", None)
                .anker
                .dutch_period(),
            "1e kwartaal 2021"
        );
        let range = ann(AnnotationKind::Observatie, "2021-06", Some("2021-12")).anker;
        assert_eq!(range.dutch_period(), "juni 2021 t/m december 2021");
        assert_eq!(
            range.periods(),
            Some((Period::month(2021, 6), Period::month(2021, 12)))
        );
        let bad = ann(AnnotationKind::Observatie, "maart", Some("april")).anker;
        assert_eq!(bad.periods(), None);
        assert_eq!(bad.dutch_period(), "maart t/m april");
    }

    #[test]
    fn add_remove_restore_keep_ids() {
        let mut s = Session::new("t", "2026-11-05", dataset());
        assert_eq!(s.next_id(), 1);
        let a = s.add(ann(AnnotationKind::Observatie, "2021-03", None));
        let b = s.add(ann(AnnotationKind::Onderzoeksvraag, "2021-03", None));
        let c = s.add(ann(AnnotationKind::Actie, "2021-03", None));
        assert_eq!((a, b, c), (1, 2, 3));
        assert_eq!(s.get(b).unwrap().status, Some(QuestionStatus::Open));
        assert_eq!(s.get(a).unwrap().status, None);
        assert_eq!(s.open_items().map(|a| a.id).collect::<Vec<_>>(), [2, 3]);

        let removed = s.remove(2).unwrap();
        assert!(s.get(2).is_none());
        assert_eq!(s.next_id(), 4);
        assert_eq!(s.restore(removed), 2);
        let ids: Vec<u64> = s.aantekeningen.iter().map(|a| a.id).collect();
        assert_eq!(ids, [1, 2, 3]);

        // Remove the last one, add another (it takes id 3), then undo: the restored one must not
        // overwrite the new one.
        let last = s.remove(3).unwrap();
        let d = s.add(ann(AnnotationKind::Verklaring, "2021-04", None));
        assert_eq!(d, 3);
        assert_eq!(s.restore(last), 4);
        assert_eq!(s.get(3).unwrap().soort, AnnotationKind::Verklaring);
        assert_eq!(s.get(4).unwrap().soort, AnnotationKind::Actie);

        s.get_mut(2).unwrap().status = Some(QuestionStatus::Beantwoord);
        assert_eq!(s.open_items().map(|a| a.id).collect::<Vec<_>>(), [4]);
        assert_eq!(s.for_indicator("jeugd", "instroom").count(), 4);
        assert_eq!(s.for_indicator("wmo", "instroom").count(), 0);
        assert!(s.remove(99).is_none());
    }

    #[test]
    fn question_without_status_counts_as_open() {
        let mut a = ann(AnnotationKind::Onderzoeksvraag, "2021", None);
        assert!(a.is_open_item());
        a.status = Some(QuestionStatus::Vervallen);
        assert!(!a.is_open_item());
        let o = ann(AnnotationKind::Observatie, "2021", None);
        assert!(!o.is_open_item());
    }

    #[test]
    fn now_and_today_are_well_formed() {
        let now = now_local();
        assert!(
            jiff::Timestamp::strptime("%Y-%m-%dT%H:%M:%S%:z", &now).is_ok(),
            "{now}"
        );
        assert_eq!(now.len(), "2026-11-23T10:15:00+01:00".len(), "{now}");
        let d = today();
        assert!(d.parse::<jiff::civil::Date>().is_ok(), "{d}");
    }
}
