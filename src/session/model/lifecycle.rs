//! The life of a research question or action: its code (V-0007, A-0012) that never changes or
//! repeats across the sessions of a folder, the statuses it may move between, the answer that
//! ends it, and its links to other questions.
//!
//! The rules are here, in the core, so every way of changing a status (the follow-up, a script)
//! obeys them; the interface only words the refusal.

use super::{AnnotationKind, QuestionStatus};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The letter of a code: V for an onderzoeksvraag, A for an actie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeKind {
    Vraag,
    Actie,
}

impl CodeKind {
    pub const ALL: [CodeKind; 2] = [CodeKind::Vraag, CodeKind::Actie];

    pub fn letter(self) -> char {
        match self {
            CodeKind::Vraag => 'V',
            CodeKind::Actie => 'A',
        }
    }

    /// The code kind of an annotation kind; `None` for kinds without a lifecycle.
    pub fn of(kind: AnnotationKind) -> Option<CodeKind> {
        match kind {
            AnnotationKind::Onderzoeksvraag => Some(CodeKind::Vraag),
            AnnotationKind::Actie => Some(CodeKind::Actie),
            _ => None,
        }
    }
}

/// A question's or action's code: "V-0007", "A-0012". Unique in the session folder, which is
/// the programme's register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code {
    pub kind: CodeKind,
    pub number: u32,
}

impl Code {
    pub fn new(kind: CodeKind, number: u32) -> Code {
        Code { kind, number }
    }

    /// Reads "V-0007" (letter case, leading zeros and surrounding spaces do not matter).
    pub fn parse(text: &str) -> Option<Code> {
        let t = text.trim();
        let (letter, digits) = t.split_once('-')?;
        let kind = match letter.to_ascii_uppercase().as_str() {
            "V" => CodeKind::Vraag,
            "A" => CodeKind::Actie,
            _ => return None,
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let number: u32 = digits.parse().ok()?;
        (number > 0).then_some(Code { kind, number })
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:04}", self.kind.letter(), self.number)
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let text = String::deserialize(d)?;
        Code::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "code '{text}' niet herkend; verwacht V-0007 (vraag) of A-0012 (actie)"
            ))
        })
    }
}

/// Where the answer to a question can be read: a report's title and its location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resultaat {
    pub titel: String,
    /// A path, an address or a document number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vindplaats: String,
}

/// The answer that ends a question: one or two sentences, and the result it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub text: String,
    pub result: Resultaat,
}

impl Answer {
    /// An answer from the fields of a file; `None` unless both the sentence and a result title
    /// are there.
    pub fn from_fields(text: &str, result: Option<&Resultaat>) -> Option<Answer> {
        let result = result?;
        (!text.trim().is_empty() && !result.titel.trim().is_empty()).then(|| Answer {
            text: text.trim().to_string(),
            result: result.clone(),
        })
    }
}

/// How two questions are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LinkKind {
    #[serde(rename = "hangt samen met")]
    HangtSamenMet,
    #[serde(rename = "vervangt")]
    Vervangt,
}

impl LinkKind {
    pub const ALL: [LinkKind; 2] = [LinkKind::HangtSamenMet, LinkKind::Vervangt];

    pub fn dutch(self) -> &'static str {
        match self {
            LinkKind::HangtSamenMet => "hangt samen met",
            LinkKind::Vervangt => "vervangt",
        }
    }
}

/// A link from a question to another, by the other's code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub soort: LinkKind,
    pub code: Code,
}

/// Why a status change is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LifecycleError {
    /// Not one of the allowed moves from `from` (a step skipped, or back where not allowed).
    NotAllowed {
        from: QuestionStatus,
        to: QuestionStatus,
    },
    /// Beantwoord without the answer and the result it comes from.
    AnswerMissing,
    /// Vervallen, and reopening, need a reason.
    ReasonMissing { to: QuestionStatus },
    /// Samengevoegd is what a merge sets; it is not chosen.
    MergeOnly,
}

impl fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LifecycleError::NotAllowed { from, to } => write!(
                f,
                "van '{}' kan niet naar '{}'; wel naar: {}",
                from.dutch(),
                to.dutch(),
                names(allowed_next(*from))
            ),
            LifecycleError::AnswerMissing => f.write_str(
                "beantwoord vraagt het antwoord (een of twee zinnen) en de titel van het resultaat",
            ),
            LifecycleError::ReasonMissing { to } => {
                write!(f, "naar '{}' vraagt een toelichting: waarom", to.dutch())
            }
            LifecycleError::MergeOnly => {
                f.write_str("samengevoegd wordt een vraag door samen te voegen, niet met de status")
            }
        }
    }
}

impl std::error::Error for LifecycleError {}

fn names(list: &[QuestionStatus]) -> String {
    let words: Vec<&str> = list.iter().map(|s| s.dutch()).collect();
    words.join(", ")
}

/// The statuses a question may move to from `from`, in the order a key walks them. Samengevoegd
/// is listed where a merge may set it.
pub fn allowed_next(from: QuestionStatus) -> &'static [QuestionStatus] {
    use QuestionStatus as S;
    match from {
        S::Open => &[S::Geagendeerd, S::Vervallen, S::Samengevoegd],
        S::Geagendeerd => &[S::InOnderzoek, S::Vervallen, S::Samengevoegd, S::Open],
        S::InOnderzoek => &[S::Beantwoord, S::Vervallen],
        S::Beantwoord | S::Vervallen => &[S::Open],
        S::Samengevoegd => &[],
    }
}

/// The statuses the follow-up's status key offers from `from`: the allowed moves except the one
/// only a merge makes.
pub fn choosable_next(from: QuestionStatus) -> Vec<QuestionStatus> {
    allowed_next(from)
        .iter()
        .copied()
        .filter(|s| *s != QuestionStatus::Samengevoegd)
        .collect()
}

/// Whether a move needs a reason (`toelichting`): dropping a question, and reopening an ended one.
pub fn needs_reason(from: QuestionStatus, to: QuestionStatus) -> bool {
    to == QuestionStatus::Vervallen
        || (to == QuestionStatus::Open && !from.is_open() && from != QuestionStatus::Open)
}

/// Checks a status change chosen by someone: the move must be allowed, beantwoord needs an
/// answer with its result, vervallen and reopening need a reason. Staying put is no change and
/// always fine.
pub fn check_change(
    from: QuestionStatus,
    to: QuestionStatus,
    answer: Option<&Answer>,
    reason: &str,
) -> Result<(), LifecycleError> {
    if from == to {
        return Ok(());
    }
    if to == QuestionStatus::Samengevoegd {
        return Err(LifecycleError::MergeOnly);
    }
    if !allowed_next(from).contains(&to) {
        return Err(LifecycleError::NotAllowed { from, to });
    }
    if to == QuestionStatus::Beantwoord && answer.is_none() {
        return Err(LifecycleError::AnswerMissing);
    }
    if needs_reason(from, to) && reason.trim().is_empty() {
        return Err(LifecycleError::ReasonMissing { to });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuestionStatus as S;

    fn answer() -> Answer {
        Answer {
            text: "Vooral via de huisarts.".into(),
            result: Resultaat {
                titel: "BiO-notitie verwijzers jeugdhulp".into(),
                vindplaats: "intranet/bio/2027-03".into(),
            },
        }
    }

    #[test]
    fn codes_read_and_write_with_four_digits() {
        let c = Code::parse("v-7").unwrap();
        assert_eq!(c, Code::new(CodeKind::Vraag, 7));
        assert_eq!(c.to_string(), "V-0007");
        assert_eq!(Code::parse(" A-0012 ").unwrap().to_string(), "A-0012");
        assert_eq!(Code::new(CodeKind::Vraag, 12345).to_string(), "V-12345");
        for bad in ["", "V", "V-", "X-0001", "V-0000", "V-1a", "V--1", "V-+1"] {
            assert_eq!(Code::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn nieuw_cannot_jump_to_beantwoord_even_with_an_answer() {
        assert_eq!(
            check_change(S::Open, S::Beantwoord, Some(&answer()), ""),
            Err(LifecycleError::NotAllowed {
                from: S::Open,
                to: S::Beantwoord
            })
        );
    }

    #[test]
    fn beantwoord_needs_a_recorded_answer() {
        assert_eq!(
            check_change(S::InOnderzoek, S::Beantwoord, None, "klaar"),
            Err(LifecycleError::AnswerMissing)
        );
        assert_eq!(
            check_change(S::InOnderzoek, S::Beantwoord, Some(&answer()), ""),
            Ok(())
        );
        // An answer needs both the sentence and the result's title.
        let r = answer().result;
        assert!(Answer::from_fields("  ", Some(&r)).is_none());
        assert!(Answer::from_fields("Ja.", None).is_none());
        let no_title = Resultaat {
            titel: " ".into(),
            vindplaats: "x".into(),
        };
        assert!(Answer::from_fields("Ja.", Some(&no_title)).is_none());
        assert!(Answer::from_fields("Ja.", Some(&r)).is_some());
    }

    #[test]
    fn steps_cannot_be_skipped() {
        for (from, to) in [
            (S::Open, S::InOnderzoek),
            (S::Geagendeerd, S::Beantwoord),
            (S::InOnderzoek, S::Open),
            (S::InOnderzoek, S::Geagendeerd),
            (S::Beantwoord, S::Geagendeerd),
            (S::Vervallen, S::InOnderzoek),
        ] {
            assert_eq!(
                check_change(from, to, Some(&answer()), "reden"),
                Err(LifecycleError::NotAllowed { from, to }),
                "{from:?} -> {to:?}"
            );
        }
    }

    #[test]
    fn the_allowed_walk_and_its_reasons() {
        let ok = |from, to, reason| check_change(from, to, None, reason);
        assert_eq!(ok(S::Open, S::Geagendeerd, ""), Ok(()));
        assert_eq!(ok(S::Geagendeerd, S::InOnderzoek, ""), Ok(()));
        assert_eq!(ok(S::Geagendeerd, S::Open, ""), Ok(()));
        // Dropping and reopening need a reason.
        assert_eq!(
            ok(S::Open, S::Vervallen, " "),
            Err(LifecycleError::ReasonMissing { to: S::Vervallen })
        );
        assert_eq!(ok(S::InOnderzoek, S::Vervallen, "geen data"), Ok(()));
        assert_eq!(
            ok(S::Beantwoord, S::Open, ""),
            Err(LifecycleError::ReasonMissing { to: S::Open })
        );
        assert_eq!(ok(S::Vervallen, S::Open, "toch nodig"), Ok(()));
        // Samengevoegd is a merge's, and a merged question stays merged.
        assert_eq!(
            ok(S::Open, S::Samengevoegd, "x"),
            Err(LifecycleError::MergeOnly)
        );
        assert_eq!(
            ok(S::Samengevoegd, S::Open, "x"),
            Err(LifecycleError::NotAllowed {
                from: S::Samengevoegd,
                to: S::Open
            })
        );
        assert_eq!(ok(S::Geagendeerd, S::Geagendeerd, ""), Ok(()));
        assert_eq!(
            choosable_next(S::Geagendeerd),
            [S::InOnderzoek, S::Vervallen, S::Open]
        );
        let said = LifecycleError::NotAllowed {
            from: S::Open,
            to: S::Beantwoord,
        }
        .to_string();
        assert!(
            said.contains("'nieuw'") && said.contains("geagendeerd"),
            "{said}"
        );
    }
}
