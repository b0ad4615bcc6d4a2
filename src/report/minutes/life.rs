//! A question's code, answer and links in the minutes (Markdown and HTML share the words).

use crate::report::text::one_line;
use crate::session::{Annotation, Link};

/// "V-0003 " before a question's or action's text; empty without a code.
pub(super) fn code_prefix(a: &Annotation) -> String {
    a.code.map_or_else(String::new, |c| format!("{c} "))
}

/// The lines under a question's text: its answer with the result, and its links.
pub(super) fn life_lines(a: &Annotation) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(answer) = a.own_answer() {
        out.push(format!("antwoord: {}", one_line(&answer.text)));
        out.push(format!("resultaat: {}", result_text(&answer.result)));
    }
    if !a.links.is_empty() {
        out.push(links_text(&a.links));
    }
    out
}

/// "BiO-notitie … (intranet > Onderzoek)".
pub(crate) fn result_text(r: &crate::session::Resultaat) -> String {
    match r.vindplaats.trim() {
        "" => one_line(&r.titel),
        place => format!("{} ({})", one_line(&r.titel), one_line(place)),
    }
}

/// "hangt samen met V-0003; vervangt V-0001".
pub(crate) fn links_text(links: &[Link]) -> String {
    let parts: Vec<String> = links
        .iter()
        .map(|l| format!("{} {}", l.soort.dutch(), l.code))
        .collect();
    parts.join("; ")
}
