//! What differs between two versions of one session (the file another program changed, and the
//! one on the screen), so the user can see both before choosing.

use crate::session::model::{Annotation, Session};

/// The differences, annotation by annotation (by id).
#[derive(Debug, Default, PartialEq)]
pub struct SessionDiff<'a> {
    /// In the first version only.
    pub only_first: Vec<&'a Annotation>,
    /// In the second version only.
    pub only_second: Vec<&'a Annotation>,
    /// Same id, other content: (first, second).
    pub changed: Vec<(&'a Annotation, &'a Annotation)>,
    /// Title, facilitator, participants or agenda differ.
    pub header: bool,
    /// Recorded changes of earlier questions or merges differ.
    pub follow_up: bool,
}

impl SessionDiff<'_> {
    pub fn is_empty(&self) -> bool {
        self.only_first.is_empty()
            && self.only_second.is_empty()
            && self.changed.is_empty()
            && !self.header
            && !self.follow_up
    }
}

/// Compares `first` with `second`. Annotations are kept sorted by id, so one merge walk.
pub fn compare<'a>(first: &'a Session, second: &'a Session) -> SessionDiff<'a> {
    let mut d = SessionDiff {
        header: first.title != second.title
            || first.facilitator != second.facilitator
            || first.participants != second.participants
            || first.agenda != second.agenda,
        follow_up: first.changes != second.changes || first.merges != second.merges,
        ..SessionDiff::default()
    };
    let (mut a, mut b) = (
        first.annotations.iter().peekable(),
        second.annotations.iter().peekable(),
    );
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.id == y.id => {
                if x != y {
                    d.changed.push((x, y));
                }
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x.id < y.id => {
                d.only_first.push(x);
                a.next();
            }
            (Some(_), Some(y)) | (None, Some(y)) => {
                d.only_second.push(y);
                b.next();
            }
            (Some(x), None) => {
                d.only_first.push(x);
                a.next();
            }
            (None, None) => break,
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;
    use crate::session::model::{Anchor, AnnotationKind, DatasetRef, Role};

    fn note(text: &str) -> Annotation {
        let p = Period::month(2021, 3);
        Annotation {
            code: None,
            answer: String::new(),
            result: None,
            links: Vec::new(),
            id: 0,
            kind: AnnotationKind::Observatie,
            text: text.into(),
            role: Role::Beleid,
            name: String::new(),
            time: "2026-11-05T10:00:00+01:00".parse().unwrap(),
            theme: String::new(),
            support: Vec::new(),
            disagree: Vec::new(),
            criteria: Default::default(),
            anchor: Anchor::new("jeugd", "instroom", vec![], p, p),
            status: None,
            owner: String::new(),
        }
    }

    #[test]
    fn names_what_is_only_in_one_and_what_changed() {
        let dataset = DatasetRef {
            path: "d".into(),
            hash: "h".into(),
        };
        let mut base = Session::new("T", "2026-11-05".parse().unwrap(), dataset);
        base.add(note("een"));
        base.add(note("twee"));
        let mut disk = base.clone();
        disk.add(note("van de ander"));
        disk.get_mut(1).unwrap().text = "een, verbeterd".into();
        let mut mine = base.clone();
        mine.remove(2);
        mine.facilitator = "Marieke".into();
        let d = compare(&disk, &mine);
        let texts = |v: &[&Annotation]| v.iter().map(|a| a.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&d.only_first), ["twee", "van de ander"]);
        assert!(d.only_second.is_empty());
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.changed[0].0.text, "een, verbeterd");
        assert!(d.header && !d.follow_up && !d.is_empty());
        assert!(compare(&base, &base).is_empty());
    }
}
