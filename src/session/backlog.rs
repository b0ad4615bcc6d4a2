//! The research-question backlog: every onderzoeksvraag from every session in one list, with
//! its current status, owner and selection criteria after all changes and merges recorded in the
//! session folder, and its history. Also the current state of a single question or action (for
//! the follow-up at the start of a session).
//!
//! Changes are ordered by their time (compared as instants), ties by the order of sessions and
//! of changes within a session. How an entry reads in Dutch is for [`crate::report`].

use super::model::{
    Annotation, AnnotationKind, Answer, Code, Criteria, ItemChange, ItemRef, Link, LocalTime,
    Merge, QuestionStatus, Role, Session,
};
use super::programme::Programme;
use jiff::civil::Date;
use std::collections::{BTreeMap, HashMap};

/// What happened to a question, in one line of its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Raised in a session, with the status, owner and criteria it got there.
    Raised,
    /// Changed in a (later) session.
    Changed(Box<ItemChange>),
    /// This origin (`item` of the entry) was merged into another question.
    Merged { with: ItemRef },
}

/// One line of a question's history: in which session, when, by whom, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// File name of the session in which it happened.
    pub session: String,
    /// That session's date, when the session is in the folder.
    pub date: Option<Date>,
    pub time: LocalTime,
    /// Who: a name; empty when not recorded.
    pub by: String,
    /// The role they spoke from, when recorded (for the raise of a question).
    pub role: Option<Role>,
    /// The question (origin) the entry is about.
    pub item: ItemRef,
    /// The status after this entry.
    pub status: QuestionStatus,
    pub event: Event,
}

/// Where a (merged) question was raised.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub item: ItemRef,
    pub date: Option<Date>,
    pub title: String,
    pub annotation: Annotation,
}

/// One question in the backlog; merged questions are one item with several origins.
#[derive(Debug, Clone, PartialEq)]
pub struct BacklogItem {
    /// The first origin is the question the others were merged into.
    pub origins: Vec<Origin>,
    pub status: QuestionStatus,
    pub owner: String,
    pub criteria: Criteria,
    /// Theme on the research agenda; empty: none.
    pub theme: String,
    /// Roles that support the question, and roles that disagree.
    pub support: Vec<Role>,
    pub disagree: Vec<Role>,
    /// The priority by the programme's rule (see [`super::programme::Programme::score`]).
    pub score: u32,
    /// In time order.
    pub history: Vec<HistoryEntry>,
    /// The answer, when answered (the latest change to beantwoord that recorded one).
    pub answer: Option<Answer>,
    /// Links to other questions, from every origin and change.
    pub links: Vec<Link>,
}

impl BacklogItem {
    pub fn key(&self) -> &ItemRef {
        &self.origins[0].item
    }

    /// The code of the question the others were merged into: the one the merged item goes by.
    pub fn code(&self) -> Option<Code> {
        self.question().code
    }

    pub fn question(&self) -> &Annotation {
        &self.origins[0].annotation
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    /// The priority by the programme's rule; higher first.
    pub fn priority(&self) -> u32 {
        self.score
    }
}

/// The current state of one question or action after all changes in `sessions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemState {
    pub status: QuestionStatus,
    pub owner: String,
    pub criteria: Criteria,
    pub theme: String,
    pub support: Vec<Role>,
    pub disagree: Vec<Role>,
    pub history: Vec<HistoryEntry>,
    pub answer: Option<Answer>,
    pub links: Vec<Link>,
}

/// The state of a question or action `item` of session file `session_name`, after every change
/// recorded in `sessions`, including the changes to questions merged into it.
pub fn item_state(
    sessions: &[(String, Session)],
    session_name: &str,
    item: &Annotation,
) -> ItemState {
    let index = Index::new(sessions);
    let r = ItemRef {
        session: session_name.to_string(),
        id: item.id,
    };
    let mut parts = vec![(r.clone(), index.date_of(session_name), item)];
    for (name, s) in sessions {
        for a in &s.annotations {
            let other = ItemRef {
                session: name.clone(),
                id: a.id,
            };
            if other != r && index.merged_into.contains_key(&other) && index.root(&other) == r {
                parts.push((other, Some(s.date), a));
            }
        }
    }
    let mut state = state_of(&index, &parts);
    // Merged into another question, it lives on as that one.
    if item.kind == AnnotationKind::Onderzoeksvraag && index.root(&r) != r {
        state.status = QuestionStatus::Samengevoegd;
    }
    state
}

/// [`backlog_for`] under the default programme (the six steps).
pub fn backlog(sessions: &[(String, Session)]) -> Vec<BacklogItem> {
    backlog_for(sessions, &Programme::default())
}

/// Every onderzoeksvraag in `sessions` (pairs of file name and session), merged questions as one,
/// ordered: open first, then by priority (the programme's rule), then by the programme's
/// criteria in order (the higher level first), and oldest first.
pub fn backlog_for(sessions: &[(String, Session)], programme: &Programme) -> Vec<BacklogItem> {
    let index = Index::new(sessions);
    // Group the questions by the question they were (transitively) merged into.
    let mut groups: BTreeMap<ItemRef, Vec<ItemRef>> = BTreeMap::new();
    for (name, s) in sessions {
        for a in &s.annotations {
            if a.kind != AnnotationKind::Onderzoeksvraag {
                continue;
            }
            let r = ItemRef {
                session: name.clone(),
                id: a.id,
            };
            groups.entry(index.root(&r)).or_default().push(r);
        }
    }
    let mut items: Vec<BacklogItem> = groups
        .into_iter()
        .filter_map(|(root, mut members)| {
            // The root first (when it exists; a merge into a question that is gone leaves the
            // others), then the others in session order.
            members.sort_by_key(|m| (*m != root, index.order_of(&m.session), m.id));
            let parts: Vec<(ItemRef, Option<Date>, &Annotation)> = members
                .into_iter()
                .filter_map(|m| {
                    let a = index.annotation(&m)?;
                    let date = index.date_of(&m.session);
                    Some((m, date, a))
                })
                .collect();
            if parts.is_empty() {
                return None;
            }
            let state = state_of(&index, &parts);
            Some(BacklogItem {
                origins: parts
                    .iter()
                    .map(|(r, date, a)| Origin {
                        item: r.clone(),
                        date: *date,
                        title: index.title_of(&r.session),
                        annotation: (*a).clone(),
                    })
                    .collect(),
                status: state.status,
                owner: state.owner,
                score: programme.score(&state.criteria),
                criteria: state.criteria,
                theme: state.theme,
                support: state.support,
                disagree: state.disagree,
                history: state.history,
                answer: state.answer,
                links: state.links,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        let key = |i: &BacklogItem| {
            (
                !i.is_open(),
                std::cmp::Reverse(i.priority()),
                std::cmp::Reverse(tie_break(programme, &i.criteria)),
                i.origins[0].date,
                index.order_of(&i.key().session),
                i.key().id,
            )
        };
        key(a).cmp(&key(b))
    });
    items
}

/// The points per criterion in the programme's order, for ties in priority.
fn tie_break(programme: &Programme, criteria: &Criteria) -> Vec<u32> {
    programme
        .criteria
        .iter()
        .map(|c| c.points(criteria.get(&c.id)))
        .collect()
}

/// Is this question merged into another one (so it is followed up as that one)?
pub fn merged_away(sessions: &[(String, Session)], session_name: &str, id: u64) -> bool {
    let index = Index::new(sessions);
    let r = ItemRef {
        session: session_name.to_string(),
        id,
    };
    index.root(&r) != r
}

/// How alike two question texts are, 0–1: the overlap of their words of four letters or more
/// (Jaccard), so "Waarom stijgt de instroom jeugdhulp?" and "Waardoor stijgt instroom in de
/// jeugdhulp" count as near-duplicates.
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> std::collections::BTreeSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// From this similarity on, questions are offered as possible duplicates.
pub const NEAR_DUPLICATE: f64 = 0.5;

/// Sessions by file name, the merges, and the changes per item.
struct Index<'a> {
    sessions: &'a [(String, Session)],
    position: HashMap<&'a str, usize>,
    /// Merged-away question → the question it was merged into (the latest merge wins).
    merged_into: HashMap<ItemRef, (ItemRef, &'a Merge, usize)>,
}

impl<'a> Index<'a> {
    fn new(sessions: &'a [(String, Session)]) -> Index<'a> {
        let position = sessions
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (n.as_str(), i))
            .collect();
        let mut merged_into = HashMap::new();
        for (i, (_, s)) in sessions.iter().enumerate() {
            for m in &s.merges {
                merged_into.insert(m.from_ref(), (m.into_ref(), m, i));
            }
        }
        Index {
            sessions,
            position,
            merged_into,
        }
    }

    /// The question `r` ends up in after following merges (a cycle stops where it closes).
    fn root(&self, r: &ItemRef) -> ItemRef {
        let mut cur = r.clone();
        let mut seen = vec![cur.clone()];
        while let Some((next, _, _)) = self.merged_into.get(&cur) {
            if seen.contains(next) {
                break;
            }
            cur = next.clone();
            seen.push(cur.clone());
        }
        cur
    }

    fn order_of(&self, name: &str) -> usize {
        self.position.get(name).copied().unwrap_or(usize::MAX)
    }

    fn session(&self, name: &str) -> Option<&'a Session> {
        self.position.get(name).map(|i| &self.sessions[*i].1)
    }

    fn date_of(&self, name: &str) -> Option<Date> {
        self.session(name).map(|s| s.date)
    }

    fn title_of(&self, name: &str) -> String {
        self.session(name)
            .map(|s| s.title.clone())
            .unwrap_or_default()
    }

    fn annotation(&self, r: &ItemRef) -> Option<&'a Annotation> {
        self.session(&r.session)?.get(r.id)
    }
}

/// Every raise, change and merge that concerns `parts`, in time order; at the same time raises
/// first, then in the order of the sessions and of the changes within them. Statuses are filled
/// in by [`state_of`].
fn history_of(index: &Index, parts: &[(ItemRef, Option<Date>, &Annotation)]) -> Vec<HistoryEntry> {
    let entry = |session: &str, date, time, by: &str, item, event| HistoryEntry {
        session: session.to_string(),
        date,
        time,
        by: by.to_string(),
        role: None,
        item,
        status: QuestionStatus::Open,
        event,
    };
    let mut pending: Vec<(usize, HistoryEntry)> = parts
        .iter()
        .enumerate()
        .map(|(i, (r, date, a))| {
            let mut e = entry(&r.session, *date, a.time, &a.name, r.clone(), Event::Raised);
            e.role = Some(a.role);
            (i, e)
        })
        .collect();
    let concerns = |r: &ItemRef| parts.iter().any(|(p, _, _)| p == r);
    let mut order = parts.len();
    for (name, s) in index.sessions {
        for c in &s.changes {
            order += 1;
            let target = ItemRef {
                session: c.session.clone(),
                id: c.id,
            };
            if concerns(&target) {
                let event = Event::Changed(Box::new(c.clone()));
                let e = entry(name, Some(s.date), c.time, &c.by, target, event);
                pending.push((order, e));
            }
        }
        for m in &s.merges {
            order += 1;
            let (from, into) = (m.from_ref(), m.into_ref());
            if concerns(&from) && concerns(&into) {
                let event = Event::Merged { with: into };
                let e = entry(name, Some(s.date), m.time, &m.by, from, event);
                pending.push((order, e));
            }
        }
    }
    pending.sort_by(|a, b| (&a.1.time, a.0).cmp(&(&b.1.time, b.0)));
    pending.into_iter().map(|(_, e)| e).collect()
}

/// Folds the raise of every part and every change and merge that concerns them, in time order.
/// The first part is the question the others were merged into: its own status counts; the
/// others add their owner and criteria where the first has none.
/// What the changes to a question set, replayed in order.
struct Replayed {
    owner: String,
    theme: String,
    support: Vec<Role>,
    disagree: Vec<Role>,
    criteria: Criteria,
    answer: Option<Answer>,
    links: Vec<Link>,
}

impl Replayed {
    /// A change of the question (`main`: of the main question, not a duplicate merged into it).
    fn apply(&mut self, c: &ItemChange, main: bool) {
        if let Some(e) = &c.owner {
            self.owner = e.clone();
        }
        if let Some(t) = &c.theme {
            self.theme = t.clone();
        }
        if let Some(r) = &c.support {
            self.support = r.clone();
        }
        if let Some(r) = &c.disagree {
            self.disagree = r.clone();
        }
        self.criteria.overlay(&c.criteria);
        if c.status == Some(QuestionStatus::Beantwoord) && main {
            self.answer = c.recorded_answer().or(self.answer.take());
        }
        add_links(&mut self.links, &c.links);
    }
}

fn state_of(index: &Index, parts: &[(ItemRef, Option<Date>, &Annotation)]) -> ItemState {
    let pending = history_of(index, parts);
    let (first, _, first_annotation) = &parts[0];
    let mut status = first_annotation
        .effective_status()
        .unwrap_or(QuestionStatus::Open);
    let mut r = Replayed {
        owner: first_annotation.owner.clone(),
        theme: first_annotation.theme.clone(),
        support: first_annotation.support.clone(),
        disagree: first_annotation.disagree.clone(),
        criteria: Criteria::default(),
        answer: first_annotation.own_answer(),
        links: Vec::new(),
    };
    for (_, _, a) in parts {
        add_links(&mut r.links, &a.links);
    }
    // Criteria weighed where the duplicates were raised count unless the main question's own say
    // otherwise.
    for (_, _, a) in &parts[1..] {
        r.criteria.overlay(&a.criteria);
        if r.owner.is_empty() {
            r.owner = a.owner.clone();
        }
        if r.theme.is_empty() {
            r.theme = a.theme.clone();
        }
    }
    r.criteria.overlay(&first_annotation.criteria);

    // Replay: before a part's raise its own status is not known yet, so the raise of the main
    // question shows its own status and the others the status at that moment.
    let mut history = Vec::with_capacity(pending.len());
    let mut replay_status = QuestionStatus::Open;
    for mut entry in pending {
        match &entry.event {
            Event::Raised if entry.item == *first => replay_status = status,
            Event::Raised | Event::Merged { .. } => {}
            Event::Changed(c) => {
                if let Some(s) = c.status {
                    replay_status = s;
                }
                r.apply(c, entry.item == *first);
            }
        }
        entry.status = replay_status;
        history.push(entry);
    }
    // The final status is the latest explicit change, else the main question's own.
    if let Some(last) = history.iter().rev().find_map(|h| match &h.event {
        Event::Changed(c) => c.status,
        _ => None,
    }) {
        status = last;
    }
    ItemState {
        status,
        owner: r.owner,
        criteria: r.criteria,
        theme: r.theme,
        support: r.support,
        disagree: r.disagree,
        history,
        answer: r.answer.filter(|_| status == QuestionStatus::Beantwoord),
        links: r.links,
    }
}

/// Adds the links not yet in `to`, in order.
fn add_links(to: &mut Vec<Link>, more: &[Link]) {
    for l in more {
        if !to.contains(l) {
            to.push(l.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_of_near_duplicates() {
        let a = "Waarom stijgt de instroom in de jeugdhulp sinds 2023?";
        let b = "waarom stijgt instroom jeugdhulp";
        assert!(similarity(a, b) >= NEAR_DUPLICATE, "{}", similarity(a, b));
        assert!(similarity(a, "Hoe lang wachten cliënten op Wmo-hulp?") < 0.2);
        assert_eq!(similarity("", ""), 0.0);
    }
}
