//! The filters of review mode: kind, status, domein, role, period and full-text search, applied
//! to annotations across sessions.

use crate::model::Period;
use crate::session::{Annotation, AnnotationKind, QuestionStatus, Role, Session};
use crate::tui::i18n::t;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub kind: Option<AnnotationKind>,
    pub status: Option<QuestionStatus>,
    pub domain: Option<String>,
    pub role: Option<Role>,
    /// Annotations whose period range overlaps this range.
    pub period: Option<(Period, Period)>,
    /// As typed, shown in the filter line.
    pub period_text: String,
    /// Every word must occur (case-insensitive) in the text, names, owner, difference,
    /// indicator or session title.
    pub text: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Does annotation `a` of `session` pass? `status` is its current status (after changes in
    /// later sessions), `None` for kinds without status.
    pub fn matches(
        &self,
        session: &Session,
        a: &Annotation,
        status: Option<QuestionStatus>,
    ) -> bool {
        self.kind.is_none_or(|k| a.kind == k)
            && self.status.is_none_or(|s| status == Some(s))
            && self.domain.as_ref().is_none_or(|d| a.anchor.domain == *d)
            && self.role.is_none_or(|r| a.role == r)
            && self.period.is_none_or(|range| overlaps(a, range))
            && self.text_matches(session, a)
    }

    fn text_matches(&self, session: &Session, a: &Annotation) -> bool {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        if words.is_empty() {
            return true;
        }
        // The words of the files and minutes, and those of the interface's language.
        let differences = crate::report::describe_differences(&a.anchor);
        let shown = t().differences(&a.anchor);
        let haystack = [
            a.text.as_str(),
            &a.name,
            &a.owner,
            &differences,
            &shown,
            &a.anchor.domain,
            &a.anchor.indicator,
            &session.title,
            a.kind.dutch(),
            t().kind(a.kind),
        ]
        .join("\n")
        .to_lowercase();
        words.iter().all(|w| haystack.contains(w))
    }
}

/// Does the annotation's period range overlap `range` (compared by months)?
fn overlaps(a: &Annotation, (from, to): (Period, Period)) -> bool {
    let (van, tot) = a.anchor.range();
    van.start_month() <= to.end_month() && tot.end_month() >= from.start_month()
}

/// "2023", "2023-Q1", "2022..2024" or "2022 t/m 2024" as a range of periods.
pub fn parse_period_range(text: &str) -> Result<(Period, Period), String> {
    let text = text.trim();
    let (a, b) = match text.split_once("..").or_else(|| text.split_once(" t/m ")) {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (text, text),
    };
    let parse = |p: &str| Period::parse(p).map_err(|e| t().not_a_period(p, &e.to_string()));
    let (from, to) = (parse(a)?.0, parse(b)?.0);
    if to.end_month() < from.start_month() {
        return Err(t().reversed_range(a, b));
    }
    Ok((from, to))
}

/// The next value of a cycling filter: none → first → … → last → none.
pub fn cycle<T: Clone + PartialEq>(current: &Option<T>, all: &[T]) -> Option<T> {
    match current {
        None => all.first().cloned(),
        Some(c) => {
            let i = all.iter().position(|x| x == c)?;
            all.get(i + 1).cloned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Anchor, DatasetRef};

    fn note(tekst: &str, van: &str, tot: Option<&str>) -> Annotation {
        let p = |t: &str| Period::parse(t).unwrap().0;
        let mut anker = Anchor::new("jeugd", "instroom", vec![], p(van), p(tot.unwrap_or(van)));
        anker.legacy_difference = "aanbieders hoger".into();
        Annotation {
            code: None,
            answer: String::new(),
            result: None,
            links: Vec::new(),
            id: 1,
            kind: AnnotationKind::Verklaring,
            text: tekst.into(),
            role: Role::Aanbieder,
            name: "Sanne de Vries".into(),
            time: "2026-11-05T10:00:00+01:00".parse().unwrap(),
            status: None,
            owner: String::new(),
            theme: String::new(),
            support: Vec::new(),
            disagree: Vec::new(),
            criteria: Default::default(),
            anchor: anker,
        }
    }

    fn session() -> Session {
        Session::new(
            "Duiden van data",
            "2026-11-05".parse().unwrap(),
            DatasetRef {
                path: String::new(),
                hash: String::new(),
            },
        )
    }

    #[test]
    fn text_search_needs_every_word_anywhere() {
        let s = session();
        let a = note("Wachtlijst bij de GGZ", "2023-03", None);
        let f = |t: &str| Filter {
            text: t.into(),
            ..Filter::default()
        };
        assert!(f("wachtlijst").matches(&s, &a, None));
        assert!(f("WACHTLIJST sanne").matches(&s, &a, None));
        assert!(f("aanbieders duiden").matches(&s, &a, None));
        assert!(!f("wachtlijst wmo").matches(&s, &a, None));
        assert!(f("").matches(&s, &a, None));
    }

    #[test]
    fn period_filter_overlaps_ranges() {
        let s = session();
        let range = parse_period_range("2023").unwrap();
        let f = Filter {
            period: Some(range),
            ..Filter::default()
        };
        assert!(f.matches(&s, &note("x", "2023-03", None), None));
        assert!(f.matches(&s, &note("x", "2022-06", Some("2023-01")), None));
        assert!(f.matches(&s, &note("x", "2023-Q4", None), None));
        assert!(!f.matches(&s, &note("x", "2022", None), None));
        assert!(!f.matches(&s, &note("x", "2024-01", Some("2024-06")), None));
        assert!(parse_period_range("2022..2024").is_ok());
        assert!(parse_period_range("2022 t/m 2024").is_ok());
        assert!(parse_period_range("2024..2022").is_err());
        assert!(parse_period_range("vorig jaar").is_err());
    }

    #[test]
    fn status_kind_role_and_domain() {
        let s = session();
        let a = note("x", "2023", None);
        let f = Filter {
            kind: Some(AnnotationKind::Verklaring),
            role: Some(Role::Aanbieder),
            domain: Some("jeugd".into()),
            ..Filter::default()
        };
        assert!(f.matches(&s, &a, None));
        let g = Filter {
            status: Some(QuestionStatus::Open),
            ..Filter::default()
        };
        assert!(!g.matches(&s, &a, None));
        assert!(g.matches(&s, &a, Some(QuestionStatus::Open)));
        assert_eq!(cycle(&None, &[1, 2]), Some(1));
        assert_eq!(cycle(&Some(1), &[1, 2]), Some(2));
        assert_eq!(cycle(&Some(2), &[1, 2]), None);
    }
}
