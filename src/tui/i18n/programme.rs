//! The research programme's words in the interface: the readings per role, the agenda
//! session's lines. Criterion names and levels are the programme's own (`programma.toml`) and
//! are shown as written, in either language.

use super::DASH;
use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::session::programme::Programme;
use crate::session::{Annotation, AnnotationKind, Criteria, Role};

impl Texts {
    /// "lezing: [toegang steunt] · beleid niet eens": the roles recorded, the chosen role
    /// between brackets (also when nothing is recorded for it); `None` for annotations that
    /// have no reading (only questions and explanations do).
    pub fn readings_line(&self, a: &Annotation, chosen: Role) -> Option<String> {
        if !matches!(
            a.kind,
            AnnotationKind::Onderzoeksvraag | AnnotationKind::Verklaring
        ) {
            return None;
        }
        let parts: Vec<String> = Role::ALL
            .iter()
            .filter_map(|&r| {
                let reading = self.reading(a, r);
                let text = match reading {
                    Some(w) => format!("{} {w}", self.role(r)),
                    None if r == chosen => format!("{} –", self.role(r)),
                    None => return None,
                };
                Some(if r == chosen {
                    format!("[{text}]")
                } else {
                    text
                })
            })
            .collect();
        Some(format!("{}: {}", self.readings_label(), parts.join(" · ")))
    }

    pub fn readings_label(&self) -> &'static str {
        match self.lang {
            Nl => "lezing per rol",
            En => "reading per role",
        }
    }

    /// "steunt", "niet eens", or `None` when the role said nothing recorded.
    pub fn reading(&self, a: &Annotation, r: Role) -> Option<&'static str> {
        match (a.support.contains(&r), a.disagree.contains(&r), self.lang) {
            (true, _, Nl) => Some("steunt"),
            (true, _, En) => Some("supports"),
            (false, true, Nl) => Some("niet eens"),
            (false, true, En) => Some("disagrees"),
            (false, false, _) => None,
        }
    }

    pub fn theme_set(&self, theme: &str) -> String {
        match (self.lang, theme.is_empty()) {
            (Nl, true) => "geen thema (opgeslagen)".to_string(),
            (En, true) => "no theme (saved)".to_string(),
            (Nl, false) => format!("thema: {theme} (opgeslagen)"),
            (En, false) => format!("theme: {theme} (saved)"),
        }
    }

    /// "aanbieder: niet eens (opgeslagen)": the role's reading after a change.
    pub fn reading_set(&self, role: Role, support: &[Role], disagree: &[Role]) -> String {
        let reading = match (support.contains(&role), disagree.contains(&role), self.lang) {
            (true, _, Nl) => "steunt",
            (true, _, En) => "supports",
            (false, true, Nl) => "niet eens",
            (false, true, En) => "disagrees",
            (false, false, _) => "–",
        };
        match self.lang {
            Nl => format!("{}: {reading} (opgeslagen)", self.role(role)),
            En => format!("{}: {reading} (saved)", self.role(role)),
        }
    }

    /// "thema: Instroom jeugdhulp"
    pub fn agenda_session_theme(&self, theme: &str) -> String {
        match self.lang {
            Nl => format!("thema: {theme}"),
            En => format!("theme: {theme}"),
        }
    }

    /// "instroom · januari 2023 — gesteld 10 september 2026 in Jeugd, door Sanne (aanbieder)"
    pub fn agenda_session_origin(
        &self,
        about: &str,
        (date, title): (&str, &str),
        who: &str,
    ) -> String {
        match self.lang {
            Nl => format!("{about} — gesteld {date} in {title}, door {who}"),
            En => format!("{about} — raised {date} in {title}, by {who}"),
        }
    }

    /// "Besluit: geagendeerd"
    pub fn agenda_session_decision(&self, status: &str) -> String {
        match self.lang {
            Nl => format!("Besluit: {status}"),
            En => format!("Decision: {status}"),
        }
    }

    /// "Reden voor geagendeerd (Enter opslaan · Esc annuleren)"
    pub fn agenda_session_reason(&self, status: &str, keys: &str) -> String {
        match self.lang {
            Nl => format!("Reden voor {status} ({keys})"),
            En => format!("Reason for {status} ({keys})"),
        }
    }

    /// "prioriteit 4 van 18"
    pub fn agenda_session_priority(&self, score: u32, max: u32) -> String {
        match self.lang {
            Nl => format!("prioriteit {score} van {max}"),
            En => format!("priority {score} of {max}"),
        }
    }

    /// "besluit: geagendeerd — reden (opgeslagen)"
    pub fn decision_set(&self, status: &str, reason: &str) -> String {
        let reason = if reason.is_empty() {
            String::new()
        } else {
            format!(" — {reason}")
        };
        match self.lang {
            Nl => format!("besluit: {status}{reason} (opgeslagen)"),
            En => format!("decision: {status}{reason} (saved)"),
        }
    }

    /// "1 urgen hoog · 2 kenni – · …": every criterion of the programme by its key (1..n) and
    /// the first letters of its name, then old weighings ("relev (oud) midden"). The names and
    /// levels are the programme's own words, in any language.
    pub fn criteria_compact(&self, p: &Programme, c: &Criteria) -> String {
        let short = |name: &str| {
            name.chars()
                .take(5)
                .collect::<String>()
                .trim_end()
                .to_string()
        };
        let mut parts: Vec<String> = p
            .criteria
            .iter()
            .enumerate()
            .map(|(i, k)| {
                format!(
                    "{} {} {}",
                    i + 1,
                    short(&k.name),
                    c.get(&k.id).unwrap_or(DASH)
                )
            })
            .collect();
        for (id, level) in p.old_weighings(c) {
            parts.push(format!("{} (oud) {level}", short(id)));
        }
        parts.join(" · ")
    }

    /// "1 urgentie, 2 kennishiaat, …: – niet gewogen → laag → midden → hoog; …": what the
    /// number keys of the follow-up weigh (the first criterion's scale as the example).
    pub fn follow_up_criteria_note(&self, p: &Programme) -> String {
        let names: Vec<String> = p
            .criteria
            .iter()
            .take(9)
            .enumerate()
            .map(|(i, k)| format!("{} {}", i + 1, k.name))
            .collect();
        let scale = p
            .criteria
            .first()
            .map_or(String::new(), |k| k.scale.join(" → "));
        format!("{}: – → {scale}; {}", names.join(", "), self.follow_up_note)
    }

    /// As [`Self::criteria_compact`]; empty when the programme has no criteria.
    pub fn criteria_line(&self, p: &Programme, c: &Criteria) -> String {
        p.line(c, DASH)
    }

    /// "urgentie hoog, slim combineren midden": the weighed criteria only, by id.
    pub fn criteria_weighed(&self, c: &Criteria) -> String {
        crate::report::describe_criteria(c)
    }

    pub fn criterion_set(&self, name: &str, level: Option<&str>) -> String {
        let level = level.unwrap_or(self.not_weighed);
        match self.lang {
            Nl => format!("{name}: {level} (opgeslagen)"),
            En => format!("{name}: {level} (saved)"),
        }
    }
}
