//! The Dutch words for session data, in one place: how a person is named, how dates, periods,
//! changes, criteria and differences read. The minutes (Markdown and HTML), the backlog exports
//! and the interface all use these, so they say the same thing the same way.

use crate::model::number::{format_auto, format_pct};
use crate::model::period::dutch_range;
use crate::session::backlog::{Event, HistoryEntry};
use crate::session::programme::Programme;
use crate::session::{Anchor, Annotation, Criteria, Difference, ItemChange, Role};
use jiff::civil::Date;

/// How a person is named: "Sanne de Vries (aanbieder)", "aanbieder" without a name, "Sanne de
/// Vries" without a role; empty when neither is known.
pub fn person(rol: Option<Role>, naam: &str) -> String {
    let naam = one_line(naam);
    match (rol, naam.is_empty()) {
        (Some(r), true) => r.dutch().to_string(),
        (Some(r), false) => format!("{naam} ({})", r.dutch()),
        (None, _) => naam,
    }
}

/// Who made an annotation: "Sanne de Vries (aanbieder)" or "aanbieder".
pub fn who(a: &Annotation) -> String {
    person(Some(a.role), &a.name)
}

/// "5 november 2026".
pub fn dutch_date(date: Date) -> String {
    format!(
        "{} {}",
        date.day(),
        crate::model::Period::month(i32::from(date.year()), date.month() as u8).dutch_long()
    )
}

/// "maart 2021", "1e kwartaal 2021" or "juni 2021 t/m december 2021".
pub fn dutch_period(a: &Anchor) -> String {
    let (from, to) = a.range();
    dutch_range(&from, &to)
}

/// "urgentie hoog, slim combineren midden" in the order weighed (ids with underscores as
/// spaces); empty when nothing is weighed. The programme's names are in [`criteria_line`].
pub fn describe_criteria(c: &Criteria) -> String {
    c.iter()
        .map(|(id, level)| format!("{} {level}", id.replace('_', " ")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "urgentie hoog · kennishiaat – · … · relevantie (oud) midden": every criterion of the
/// programme with a dash when not weighed, then weighings under criteria it does not name.
pub fn criteria_line(programme: &Programme, c: &Criteria) -> String {
    programme.line(c, "–")
}

/// "toegang, beleid steunen; aanbieder niet eens": the roles only, in the order of the roles
/// (never names, no ranking); empty when none recorded.
pub fn describe_readings(support: &[Role], disagree: &[Role]) -> String {
    let list = |roles: &[Role]| {
        let words: Vec<String> = Role::ALL
            .iter()
            .filter(|r| roles.contains(r))
            .map(|r| r.dutch().to_string())
            .collect();
        (words.len(), dutch_list(&words))
    };
    let mut parts = Vec::new();
    match list(support) {
        (0, _) => {}
        (1, w) => parts.push(format!("{w} steunt")),
        (_, w) => parts.push(format!("{w} steunen")),
    }
    if let (n, w) = list(disagree)
        && n > 0
    {
        parts.push(format!("{w} niet eens"));
    }
    parts.join("; ")
}

/// "status geagendeerd; eigenaar Pim; urgentie hoog"
pub fn describe_change(c: &ItemChange) -> String {
    let mut parts = Vec::new();
    if let Some(s) = c.status {
        parts.push(format!("status {}", s.dutch()));
    }
    if let Some(e) = &c.owner {
        parts.push(if e.is_empty() {
            "geen eigenaar".to_string()
        } else {
            format!("eigenaar {e}")
        });
    }
    if !c.criteria.is_empty() {
        parts.push(describe_criteria(&c.criteria));
    }
    if let Some(a) = c.recorded_answer() {
        parts.push(format!("antwoord: {}", one_line(&a.text)));
        parts.push(format!(
            "resultaat: {}",
            crate::report::minutes::result_text(&a.result)
        ));
    }
    if !c.links.is_empty() {
        parts.push(crate::report::minutes::links_text(&c.links));
    }
    if let Some(t) = &c.theme {
        parts.push(if t.is_empty() {
            "geen thema".to_string()
        } else {
            format!("thema {t}")
        });
    }
    if c.support.is_some() || c.disagree.is_some() {
        let none = Vec::new();
        let (s, d) = (
            c.support.as_ref().unwrap_or(&none),
            c.disagree.as_ref().unwrap_or(&none),
        );
        let r = describe_readings(s, d);
        parts.push(if r.is_empty() {
            "geen lezing per rol".to_string()
        } else {
            r
        });
    }
    parts.join("; ")
}

/// One line describing a history entry: "gesteld (open)", "status geagendeerd; urgentie hoog —
/// toelichting", "vraag 4 uit 2026-09-10-….toml samengevoegd met vraag 14 uit …".
pub fn describe_history(entry: &HistoryEntry) -> String {
    match &entry.event {
        Event::Raised => format!("gesteld ({})", entry.status.dutch()),
        Event::Changed(c) => {
            let mut d = describe_change(c);
            if !c.note.trim().is_empty() {
                d.push_str(&format!(" — {}", c.note.trim()));
            }
            if d.is_empty() {
                "gewijzigd".to_string()
            } else {
                d
            }
        }
        Event::Merged { with, .. } => format!(
            "vraag {} uit {} samengevoegd met vraag {} uit {}",
            entry.item.id, entry.item.session, with.id, with.session
        ),
    }
}

/// Who made a history entry, named as [`person`] names people.
pub fn history_who(entry: &HistoryEntry) -> String {
    person(entry.role, &entry.by)
}

/// The words and number formats a difference is written in: Dutch here, the interface's
/// language on screen ([`difference_sentence`] builds the sentence from them).
pub struct DifferenceWords<'a> {
    /// The kind of difference and the period, as the language names them.
    pub kind: &'a str,
    pub period: &'a str,
    pub against: &'a str,
    pub unknown: &'a str,
    pub number: &'a dyn Fn(f64) -> String,
    pub percent: &'a dyn Fn(f64) -> String,
}

/// One difference: "onverklaard in maart 2021: aanbieders-maandrapportage 440 tegen 412 in
/// gemeente-registratie (+6,8%, aantal)"; without a second source "stand-stroom in 2021 in
/// gemeente-registratie".
pub fn describe_difference(d: &Difference) -> String {
    let period = d.period.dutch_long();
    difference_sentence(
        d,
        &DifferenceWords {
            kind: d.kind.dutch(),
            period: &period,
            against: "tegen",
            unknown: "onbekend",
            number: &|v| format_auto(v, 2),
            percent: &format_pct,
        },
    )
}

/// A difference in `w`'s words ("in" is the same in Dutch and English).
pub fn difference_sentence(d: &Difference, w: &DifferenceWords) -> String {
    let mut s = format!("{} in {}", w.kind, w.period);
    let figure = |v: Option<f64>| v.map_or_else(|| w.unknown.to_string(), w.number);
    if d.source.is_empty() {
        if !d.reference.is_empty() {
            s.push_str(&format!(" in {}", d.reference));
        }
        if let Some(v) = d.reference_value {
            s.push_str(&format!(" ({}{})", (w.number)(v), unit_suffix(&d.unit)));
        }
        return s;
    }
    s.push_str(&format!(
        ": {} {} {} {} in {}",
        d.source,
        figure(d.value),
        w.against,
        figure(d.reference_value),
        d.reference
    ));
    let relative = match (d.value, d.reference_value) {
        (Some(v), Some(r)) if r != 0.0 => Some((w.percent)((v - r) / r.abs())),
        _ => None,
    };
    match (relative, d.unit.is_empty()) {
        (Some(p), false) => s.push_str(&format!(" ({p}, {})", d.unit)),
        (Some(p), true) => s.push_str(&format!(" ({p})")),
        (None, false) => s.push_str(&format!(" ({})", d.unit)),
        (None, true) => {}
    }
    s
}

fn unit_suffix(unit: &str) -> String {
    if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    }
}

/// Everything an anchor says about differences, on one line: the named differences, then the
/// sentence of an older session file; empty when there is none.
pub fn describe_differences(a: &Anchor) -> String {
    let mut parts: Vec<String> = a.differences.iter().map(describe_difference).collect();
    if !a.legacy_difference.trim().is_empty() {
        parts.push(one_line(&a.legacy_difference));
    }
    parts.join("; ")
}

/// Text on one line (headings, names).
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "1", "1 en 2", "1, 2 en 3".
pub fn dutch_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// First 12 characters of a hash: enough to tell versions apart.
pub fn short_hash(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::MismatchKind;
    use crate::model::Period;

    #[test]
    fn people_are_named_one_way() {
        assert_eq!(
            person(Some(Role::Aanbieder), " Sanne  de Vries "),
            "Sanne de Vries (aanbieder)"
        );
        assert_eq!(person(Some(Role::Analist), ""), "analist");
        assert_eq!(person(None, "Marieke"), "Marieke");
        assert_eq!(person(None, ""), "");
    }

    #[test]
    fn dates_and_periods_in_dutch() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(dutch_date(d("2026-11-05")), "5 november 2026");
        assert_eq!(dutch_date(d("2021-03-31")), "31 maart 2021");
        let a = Anchor::new(
            "jeugd",
            "instroom",
            vec![],
            Period::month(2021, 6),
            Period::month(2021, 12),
        );
        assert_eq!(dutch_period(&a), "juni 2021 t/m december 2021");
        let q = Anchor::new(
            "jeugd",
            "instroom",
            vec![],
            Period::quarter(2021, 1),
            Period::quarter(2021, 1),
        );
        assert_eq!(dutch_period(&q), "1e kwartaal 2021");
    }

    #[test]
    fn differences_read_with_their_figures() {
        let mut d = Difference {
            kind: MismatchKind::Unexplained,
            period: Period::month(2021, 3),
            reference: "gemeente".into(),
            source: "aanbieders".into(),
            reference_value: Some(400.0),
            value: Some(440.0),
            unit: "aantal".into(),
        };
        assert_eq!(
            describe_difference(&d),
            "onverklaard in maart 2021: aanbieders 440 tegen 400 in gemeente (+10,0%, aantal)"
        );
        d.kind = MismatchKind::MissingPeriod;
        d.reference_value = None;
        assert_eq!(
            describe_difference(&d),
            "ontbrekende periode in maart 2021: aanbieders 440 tegen onbekend in gemeente (aantal)"
        );
        let within = Difference {
            kind: MismatchKind::StockFlow,
            period: Period::year(2021),
            reference: "gemeente".into(),
            source: String::new(),
            reference_value: None,
            value: None,
            unit: String::new(),
        };
        assert_eq!(
            describe_difference(&within),
            "stand-stroom in 2021 in gemeente"
        );
        let mut a = Anchor::new("j", "i", vec![], Period::year(2021), Period::year(2021));
        assert_eq!(describe_differences(&a), "");
        a.differences.push(within);
        a.legacy_difference = "oude\nzin".into();
        assert_eq!(
            describe_differences(&a),
            "stand-stroom in 2021 in gemeente; oude zin"
        );
    }

    #[test]
    fn lists_and_capitals() {
        let l = |v: &[&str]| dutch_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&[]), "");
        assert_eq!(l(&["3"]), "3");
        assert_eq!(l(&["3", "8"]), "3 en 8");
        assert_eq!(l(&["3", "8", "9"]), "3, 8 en 9");
        assert_eq!(capitalise("observaties"), "Observaties");
        assert_eq!(capitalise(""), "");
    }
}
