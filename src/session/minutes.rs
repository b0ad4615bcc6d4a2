//! Minutes ("verslag") of a session in Markdown, in Dutch: who was there, what was seen and
//! explained per indicator, the research questions and actions, and the follow-up of earlier
//! items.

use super::model::{AgendaItem, Annotation, AnnotationKind, QuestionStatus, Session};
use super::store::{current_status, open_items_among};
use crate::model::{Dataset, Period};
use std::fmt::Write as _;

/// Markdown minutes of `session`, stored as `file_name`, without looking at other sessions (status
/// changes of earlier items then show only their number). With `dataset`, indicator and source
/// names come from its metadata. See [`markdown_with_history`].
pub fn markdown(session: &Session, file_name: &str, dataset: Option<&Dataset>) -> String {
    render(session, file_name, None, dataset)
}

/// Markdown minutes of `session`, stored as `file_name`.
///
/// `previous` holds other sessions of the folder by file name (e.g. [`super::store::list_ok`]); it
/// is used for the status changes of earlier questions and actions and for what is still open.
/// Sessions named after `file_name` are ignored, so re-exporting old minutes shows the state of
/// then. With `dataset`, indicator and source names come from its metadata.
pub fn markdown_with_history(
    session: &Session,
    file_name: &str,
    previous: &[(String, Session)],
    dataset: Option<&Dataset>,
) -> String {
    render(session, file_name, Some(previous), dataset)
}

/// `previous` is `None` when the caller did not look at the folder.
fn render(
    session: &Session,
    file_name: &str,
    previous: Option<&[(String, Session)]>,
    dataset: Option<&Dataset>,
) -> String {
    let mut out = String::new();
    let w = &mut out;
    let names = Names { dataset };

    // Header.
    let _ = writeln!(w, "# {}\n", one_line(&session.titel));
    let _ = writeln!(w, "- **Datum:** {}", dutch_date(&session.datum));
    if !session.facilitator.trim().is_empty() {
        let _ = writeln!(w, "- **Facilitator:** {}", one_line(&session.facilitator));
    }
    let mut dataset_line = format!("- **Dataset:** `{}`", session.dataset.pad);
    if let Some(d) = dataset.filter(|d| !d.meta.titel.is_empty()) {
        let _ = write!(dataset_line, " ({})", one_line(&d.meta.titel));
    }
    let _ = write!(
        dataset_line,
        ", inhoud `{}`",
        short_hash(&session.dataset.hash)
    );
    if let Some(d) = dataset
        && !d.content_hash.is_empty()
        && d.content_hash != session.dataset.hash
    {
        let _ = write!(
            dataset_line,
            "; let op: de data is sindsdien gewijzigd (nu `{}`)",
            short_hash(&d.content_hash)
        );
    }
    let _ = writeln!(w, "{dataset_line}");
    let _ = writeln!(w, "- **Sessiebestand:** `{file_name}`\n");
    let _ = writeln!(
        w,
        "> Verslag van een sessie *duiden van data*. Het bevat inbreng van aanbieders en andere \
         deelnemers: behandel het vertrouwelijk. Aantekeningen zijn duidingen, geen oordelen.\n"
    );

    // Participants.
    let _ = writeln!(w, "## Deelnemers\n");
    if session.deelnemers.is_empty() {
        let _ = writeln!(w, "_Geen deelnemers vastgelegd._\n");
    } else {
        let _ = writeln!(w, "| Naam | Rol | Organisatie |\n| --- | --- | --- |");
        for p in &session.deelnemers {
            let _ = writeln!(
                w,
                "| {} | {} | {} |",
                cell(&p.naam),
                p.rol.dutch(),
                dash_if_empty(cell(&p.organisatie))
            );
        }
        let _ = writeln!(w);
    }

    // Agenda.
    if !session.agenda.is_empty() {
        let _ = writeln!(w, "## Agenda\n");
        for (i, item) in session.agenda.iter().enumerate() {
            let _ = write!(
                w,
                "{}. {}",
                i + 1,
                names.indicator(&item.domein, &item.indicator)
            );
            if !item.toelichting.trim().is_empty() {
                let _ = write!(w, ": {}", indent(item.toelichting.trim(), 3));
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(w);
    }

    // Per indicator: agenda order, then others in order of their first annotation.
    for (domein, indicator) in indicator_order(session) {
        let _ = writeln!(w, "## {}\n", names.indicator(&domein, &indicator));
        let mut any = false;
        for kind in [
            AnnotationKind::Observatie,
            AnnotationKind::Verklaring,
            AnnotationKind::Datakwaliteit,
        ] {
            let items: Vec<&Annotation> = session
                .for_indicator(&domein, &indicator)
                .filter(|a| a.soort == kind)
                .collect();
            if items.is_empty() {
                continue;
            }
            any = true;
            let _ = writeln!(w, "### {}\n", capitalise(kind.dutch_plural()));
            for a in items {
                bullet(w, a);
            }
            let _ = writeln!(w);
        }
        if !any {
            let _ = writeln!(
                w,
                "_Geen observaties, verklaringen of datakwaliteit vastgelegd._\n"
            );
        }
        let notes: Vec<&Annotation> = session.for_indicator(&domein, &indicator).collect();
        let followups = see_also(&notes);
        if !followups.is_empty() {
            let _ = writeln!(w, "Zie ook {}.\n", followups.join("; "));
        }
    }

    // Questions and actions of this session.
    for (kind, heading, noun) in [
        (AnnotationKind::Onderzoeksvraag, "Onderzoeksvragen", "Vraag"),
        (AnnotationKind::Actie, "Acties", "Actie"),
    ] {
        let _ = writeln!(w, "## {heading}\n");
        let items: Vec<&Annotation> = session
            .aantekeningen
            .iter()
            .filter(|a| a.soort == kind)
            .collect();
        if items.is_empty() {
            let _ = writeln!(w, "_Geen {}._\n", kind.dutch_plural());
            continue;
        }
        let _ = writeln!(
            w,
            "| Nr | {noun} | Over | Ingebracht door | Status | Eigenaar |\n| ---: | --- | --- | --- | --- | --- |"
        );
        for a in items {
            let mut text = cell(&a.tekst);
            if let Some(v) = a.anker.verschil.as_deref().filter(|v| !v.trim().is_empty()) {
                let _ = write!(text, "<br>*over verschil: {}*", cell(v));
            }
            if !a.criteria.is_empty() {
                let _ = write!(text, "<br>*criteria: {}*", a.criteria.describe());
            }
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} |",
                a.id,
                text,
                cell(&names.about(a)),
                cell(&who(a)),
                a.effective_status().unwrap_or(QuestionStatus::Open).dutch(),
                dash_if_empty(cell(&a.eigenaar)),
            );
        }
        let _ = writeln!(w);
    }

    // Follow-up of earlier sessions.
    let earlier: Vec<(String, Session)> = previous
        .unwrap_or_default()
        .iter()
        .filter(|(name, _)| name.as_str() < file_name)
        .cloned()
        .chain(std::iter::once((file_name.to_string(), session.clone())))
        .collect();
    if !session.wijzigingen.is_empty() {
        let _ = writeln!(w, "## Wijzigingen in eerdere vragen en acties\n");
        let _ = writeln!(
            w,
            "Status, eigenaar of criteria van vragen en acties uit eerdere sessies, gewijzigd in deze sessie.\n"
        );
        let _ = writeln!(
            w,
            "| Sessie | Nr | Vraag of actie | Wijziging | Door | Toelichting |\n| --- | ---: | --- | --- | --- | --- |"
        );
        for c in &session.wijzigingen {
            let item = earlier
                .iter()
                .find(|(name, _)| *name == c.sessie)
                .and_then(|(_, s)| s.get(c.id));
            let what = match item {
                Some(a) => format!("{}: {}", a.soort.dutch(), cell(&a.tekst)),
                None if previous.is_some() => "*(niet gevonden in de sessiemap)*".to_string(),
                None => "–".to_string(),
            };
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&c.sessie),
                c.id,
                what,
                dash_if_empty(cell(&c.describe())),
                dash_if_empty(cell(&c.door)),
                dash_if_empty(cell(&c.toelichting)),
            );
        }
        let _ = writeln!(w);
    }
    if !session.samenvoegingen.is_empty() {
        let _ = writeln!(w, "## Samengevoegde vragen\n");
        let _ = writeln!(
            w,
            "Vragen die in deze sessie als dezelfde vraag zijn herkend; de vragenlijst houdt beide herkomsten.\n"
        );
        let text_of = |sessie: &str, id: u64| {
            earlier
                .iter()
                .find(|(name, _)| name == sessie)
                .and_then(|(_, s)| s.get(id))
                .map_or_else(|| "–".to_string(), |a| cell(&a.tekst))
        };
        let _ = writeln!(
            w,
            "| Vraag | Samengevoegd met | Door |\n| --- | --- | --- |"
        );
        for m in &session.samenvoegingen {
            let _ = writeln!(
                w,
                "| {} ({} nr {}) | {} ({} nr {}) | {} |",
                text_of(&m.sessie, m.id),
                cell(&m.sessie),
                m.id,
                text_of(&m.in_sessie, m.in_id),
                cell(&m.in_sessie),
                m.in_id,
                dash_if_empty(cell(&m.door)),
            );
        }
        let _ = writeln!(w);
    }
    let still_open = open_items_among(
        &earlier,
        (&session.dataset.pad, &session.dataset.hash),
        file_name,
    );
    if !still_open.is_empty() {
        let _ = writeln!(w, "## Nog open uit eerdere sessies\n");
        let _ = writeln!(
            w,
            "| Sessie | Nr | Soort | Vraag of actie | Status | Eigenaar |\n| --- | ---: | --- | --- | --- | --- |"
        );
        for (name, a) in &still_open {
            let status = current_status(&earlier, name, a);
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} |",
                cell(name),
                a.id,
                a.soort.dutch(),
                cell(&a.tekst),
                status.dutch(),
                dash_if_empty(cell(&a.eigenaar)),
            );
        }
        let _ = writeln!(w);
    }

    // Sources named in the annotations, with their full names.
    if let Some(d) = dataset {
        let mut ids: Vec<&str> = Vec::new();
        for a in &session.aantekeningen {
            for b in &a.anker.bronnen {
                if !ids.contains(&b.as_str()) {
                    ids.push(b);
                }
            }
        }
        if !ids.is_empty() {
            let _ = writeln!(w, "## Bronnen\n");
            for id in ids {
                match d.meta.source(id) {
                    Some(src) if !src.leverancier.is_empty() => {
                        let _ = writeln!(
                            w,
                            "- `{id}`: {} ({})",
                            one_line(&src.naam),
                            one_line(&src.leverancier)
                        );
                    }
                    Some(src) => {
                        let _ = writeln!(w, "- `{id}`: {}", one_line(&src.naam));
                    }
                    None => {
                        let _ = writeln!(w, "- `{id}`: *(niet in de dataset)*");
                    }
                }
            }
            let _ = writeln!(w);
        }
    }

    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Names from the dataset metadata when there is one.
pub(super) struct Names<'a> {
    pub(super) dataset: Option<&'a Dataset>,
}

impl Names<'_> {
    /// "jeugd · Instroom jeugdhulp", or "jeugd · instroom" without metadata.
    pub(super) fn indicator(&self, domein: &str, indicator: &str) -> String {
        let label = self
            .dataset
            .and_then(|d| d.meta.indicator(domein, indicator))
            .map_or_else(|| indicator.replace('_', " "), |m| m.label());
        format!("{} · {}", one_line(domein), one_line(&label))
    }

    /// "jeugd · Instroom jeugdhulp, juni 2021 t/m december 2021 (gemeente-registratie)".
    pub(super) fn about(&self, a: &Annotation) -> String {
        let mut s = format!(
            "{}, {}",
            self.indicator(&a.anker.domein, &a.anker.indicator),
            a.anker.dutch_period()
        );
        if !a.anker.bronnen.is_empty() {
            let _ = write!(s, " ({})", a.anker.bronnen.join(", "));
        }
        s
    }
}

/// (domein, indicator) pairs with a section: the agenda, then every other indicator with an
/// observation, explanation or data-quality remark, in order of its first one.
pub(super) fn indicator_order(session: &Session) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |d: &str, i: &str| {
        if !out.iter().any(|(d2, i2)| d2 == d && i2 == i) {
            out.push((d.to_string(), i.to_string()));
        }
    };
    for AgendaItem {
        domein, indicator, ..
    } in &session.agenda
    {
        push(domein, indicator);
    }
    for a in session
        .aantekeningen
        .iter()
        .filter(|a| !a.soort.has_status())
    {
        push(&a.anker.domein, &a.anker.indicator);
    }
    out
}

/// One annotation as a list item: period and sources, the text, who said it, the mismatch.
fn bullet(w: &mut String, a: &Annotation) {
    let _ = write!(w, "- **{}**", a.anker.dutch_period());
    if !a.anker.bronnen.is_empty() {
        let _ = write!(w, " ({})", a.anker.bronnen.join(", "));
    }
    let _ = writeln!(w, ": {}", indent(a.tekst.trim(), 2));
    let _ = write!(w, "  — *{}*", who(a));
    if let Some(v) = a.anker.verschil.as_deref().filter(|v| !v.trim().is_empty()) {
        let _ = write!(w, "; over verschil: {}", one_line(v));
    }
    let _ = writeln!(w);
}

/// "aanbieder, Sanne de Vries" or "aanbieder".
/// "onderzoeksvragen 3 en 8", "actie 7": the questions and actions of one indicator, so its
/// section points to them.
pub(super) fn see_also(notes: &[&Annotation]) -> Vec<String> {
    [AnnotationKind::Onderzoeksvraag, AnnotationKind::Actie]
        .into_iter()
        .filter_map(|kind| {
            let ids: Vec<String> = notes
                .iter()
                .filter(|a| a.soort == kind)
                .map(|a| a.id.to_string())
                .collect();
            let noun = if ids.len() == 1 {
                kind.dutch()
            } else {
                kind.dutch_plural()
            };
            (!ids.is_empty()).then(|| format!("{noun} {}", dutch_list(&ids)))
        })
        .collect()
}

pub(super) fn who(a: &Annotation) -> String {
    if a.naam.trim().is_empty() {
        a.rol.dutch().to_string()
    } else {
        format!("{}, {}", a.rol.dutch(), one_line(&a.naam))
    }
}

/// Continuation lines indented to stay inside a list item; blank lines stay blank.
fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.trim().is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
    }
    out
}

/// Text for a table cell: pipes escaped, line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.trim()
        .replace('|', "\\|")
        .replace("\r\n", "\n")
        .replace(['\r', '\n'], "<br>")
}

/// Text on one line (headings, names).
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "1", "1 en 2", "1, 2 en 3".
pub(super) fn dutch_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

pub(super) fn dash_if_empty(s: String) -> String {
    if s.is_empty() { "–".to_string() } else { s }
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// First 12 characters of a hash: enough to tell versions apart.
pub(super) fn short_hash(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// "2026-11-05" → "5 november 2026"; other text unchanged.
pub fn dutch_date(datum: &str) -> String {
    match datum.parse::<jiff::civil::Date>() {
        Ok(d) => format!(
            "{} {}",
            d.day(),
            Period::month(i32::from(d.year()), d.month() as u8).dutch_long()
        ),
        Err(_) => datum.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_dutch() {
        assert_eq!(dutch_date("2026-11-05"), "5 november 2026");
        assert_eq!(dutch_date("2021-03-31"), "31 maart 2021");
        assert_eq!(dutch_date("morgen"), "morgen");
    }

    #[test]
    fn cells_escape_pipes_and_breaks() {
        assert_eq!(cell(" a | b\nc\r\nd "), "a \\| b<br>c<br>d");
    }

    #[test]
    fn indent_keeps_blank_lines_blank() {
        assert_eq!(indent("a\n\nb\n c", 2), "a\n\n  b\n   c");
    }

    #[test]
    fn lists_in_dutch() {
        let l = |v: &[&str]| dutch_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&[]), "");
        assert_eq!(l(&["3"]), "3");
        assert_eq!(l(&["3", "8"]), "3 en 8");
        assert_eq!(l(&["3", "8", "9"]), "3, 8 en 9");
    }

    #[test]
    fn capitalises_first_letter() {
        assert_eq!(capitalise("observaties"), "Observaties");
        assert_eq!(capitalise(""), "");
    }
}
