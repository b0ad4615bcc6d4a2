//! Minutes ("verslag") of a session as one self-contained HTML file: the same sections and wording
//! as the Markdown minutes ([`super::minutes`]), with per indicator a line chart (inline SVG) of
//! the sources discussed and the annotated periods shaded. No scripts, no external files or
//! fonts: a participant opens it in any browser, also offline, and prints it on A4.

use super::minutes::{
    Names, capitalise, dash_if_empty, dutch_date, dutch_list, indicator_order, one_line, see_also,
    short_hash, who,
};
use super::model::{Annotation, AnnotationKind, QuestionStatus, Session};
use super::store::{current_status, open_items_among};
use crate::model::Dataset;
use std::fmt::Write as _;

mod chart;

use chart::chart;

pub fn html(
    session: &Session,
    file_name: &str,
    previous: &[(String, Session)],
    dataset: Option<&Dataset>,
) -> String {
    let mut out = String::new();
    let w = &mut out;
    let names = Names { dataset };
    let title = one_line(&session.titel);

    let _ = writeln!(
        w,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"duiden {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n\
         </head>\n<body>\n<main>",
        env!("CARGO_PKG_VERSION"),
        esc(&title)
    );

    // Header.
    let _ = writeln!(w, "<header>\n<h1>{}</h1>\n<dl class=\"kop\">", esc(&title));
    let _ = writeln!(
        w,
        "<dt>Datum</dt><dd>{}</dd>",
        esc(&dutch_date(&session.datum))
    );
    if !session.facilitator.trim().is_empty() {
        let _ = writeln!(
            w,
            "<dt>Facilitator</dt><dd>{}</dd>",
            esc(&one_line(&session.facilitator))
        );
    }
    let mut dataset_line = format!("<code>{}</code>", esc(&session.dataset.pad));
    if let Some(d) = dataset.filter(|d| !d.meta.titel.is_empty()) {
        let _ = write!(dataset_line, " ({})", esc(&one_line(&d.meta.titel)));
    }
    let _ = write!(
        dataset_line,
        ", inhoud <code>{}</code>",
        esc(short_hash(&session.dataset.hash))
    );
    if let Some(d) = dataset
        && !d.content_hash.is_empty()
        && d.content_hash != session.dataset.hash
    {
        let _ = write!(
            dataset_line,
            "; <strong>let op:</strong> de data is sindsdien gewijzigd (nu <code>{}</code>)",
            esc(short_hash(&d.content_hash))
        );
    }
    let _ = writeln!(w, "<dt>Dataset</dt><dd>{dataset_line}</dd>");
    let _ = writeln!(
        w,
        "<dt>Sessiebestand</dt><dd><code>{}</code></dd>\n</dl>",
        esc(file_name)
    );
    let _ = writeln!(
        w,
        "<p class=\"vertrouwelijk\">Verslag van een sessie <em>duiden van data</em>. Het bevat \
         inbreng van aanbieders en andere deelnemers: behandel het vertrouwelijk. Aantekeningen \
         zijn duidingen, geen oordelen.</p>\n</header>"
    );

    // Participants.
    let _ = writeln!(w, "<section class=\"deelnemers\">\n<h2>Deelnemers</h2>");
    if session.deelnemers.is_empty() {
        let _ = writeln!(w, "<p><em>Geen deelnemers vastgelegd.</em></p>");
    } else {
        let _ = writeln!(
            w,
            "<table>\n<thead><tr><th>Naam</th><th>Rol</th><th>Organisatie</th></tr></thead>\n<tbody>"
        );
        for p in &session.deelnemers {
            let _ = writeln!(
                w,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&one_line(&p.naam)),
                esc(p.rol.dutch()),
                dash_if_empty(esc(&one_line(&p.organisatie)))
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>");
    }
    let _ = writeln!(w, "</section>");

    // Agenda.
    if !session.agenda.is_empty() {
        let _ = writeln!(w, "<section class=\"agenda\">\n<h2>Agenda</h2>\n<ol>");
        for item in &session.agenda {
            let _ = write!(
                w,
                "<li><strong>{}</strong>",
                esc(&names.indicator(&item.domein, &item.indicator))
            );
            if !item.toelichting.trim().is_empty() {
                let _ = write!(w, ": {}", esc(item.toelichting.trim()));
            }
            let _ = writeln!(w, "</li>");
        }
        let _ = writeln!(w, "</ol>\n</section>");
    }

    if dataset.is_none() {
        let _ = writeln!(
            w,
            "<p class=\"let-op\"><strong>Let op:</strong> de dataset <code>{}</code> is niet \
             beschikbaar. Deze notulen bevatten daarom geen grafieken; de aantekeningen staan er \
             wel in.</p>",
            esc(&session.dataset.pad)
        );
    }

    // Per indicator with annotations, in the order of the Markdown minutes: a chart and the notes.
    for (domein, indicator) in indicator_order(session) {
        let notes: Vec<&Annotation> = session.for_indicator(&domein, &indicator).collect();
        if notes.is_empty() {
            continue;
        }
        let heading = names.indicator(&domein, &indicator);
        let _ = writeln!(
            w,
            "<section class=\"indicator\">\n<h2>{}</h2>",
            esc(&heading)
        );
        if let Some(d) = dataset {
            let _ = writeln!(w, "<figure class=\"grafiek\">");
            match chart(d, &domein, &indicator, &notes) {
                Some(c) => {
                    let _ = writeln!(w, "{}", c.svg);
                    let _ = write!(w, "<figcaption>{}", esc(&heading));
                    if !c.unit.is_empty() {
                        let _ = write!(w, " ({})", esc(&c.unit));
                    }
                    let _ = write!(
                        w,
                        ", hele gebied. Gearceerd: de perioden van de aantekeningen, met hun nummer."
                    );
                    if !c.missing.is_empty() {
                        let _ = write!(w, " Niet in de dataset: {}.", esc(&dutch_list(&c.missing)));
                    }
                    let _ = writeln!(w, "</figcaption>");
                }
                None => {
                    let _ = writeln!(
                        w,
                        "<p class=\"let-op\">Geen reeksen voor het hele gebied gevonden voor de \
                         bronnen van deze aantekeningen; geen grafiek.</p>"
                    );
                }
            }
            let _ = writeln!(w, "</figure>");
        }
        let _ = writeln!(w, "<div class=\"aantekeningen\">");
        let mut any = false;
        for kind in [
            AnnotationKind::Observatie,
            AnnotationKind::Verklaring,
            AnnotationKind::Datakwaliteit,
        ] {
            let items: Vec<&Annotation> =
                notes.iter().copied().filter(|a| a.soort == kind).collect();
            if items.is_empty() {
                continue;
            }
            any = true;
            let _ = writeln!(w, "<h3>{}</h3>\n<ul>", capitalise(kind.dutch_plural()));
            for a in items {
                item(w, a);
            }
            let _ = writeln!(w, "</ul>");
        }
        if !any {
            let _ = writeln!(
                w,
                "<p><em>Geen observaties, verklaringen of datakwaliteit vastgelegd.</em></p>"
            );
        }
        let followups = see_also(&notes);
        if !followups.is_empty() {
            let _ = writeln!(
                w,
                "<p class=\"zie-ook\">Zie ook {}.</p>",
                esc(&followups.join("; "))
            );
        }
        let _ = writeln!(w, "</div>\n</section>");
    }

    // Questions and actions of this session.
    for (kind, heading, noun, class) in [
        (
            AnnotationKind::Onderzoeksvraag,
            "Onderzoeksvragen",
            "Vraag",
            "vragen",
        ),
        (AnnotationKind::Actie, "Acties", "Actie", "acties"),
    ] {
        let _ = writeln!(w, "<section class=\"{class}\">\n<h2>{heading}</h2>");
        let items: Vec<&Annotation> = session
            .aantekeningen
            .iter()
            .filter(|a| a.soort == kind)
            .collect();
        if items.is_empty() {
            let _ = writeln!(
                w,
                "<p><em>Geen {}.</em></p>\n</section>",
                kind.dutch_plural()
            );
            continue;
        }
        let _ = writeln!(
            w,
            "<table class=\"{class}\">\n<thead><tr><th class=\"nr\">Nr</th><th>{noun}</th><th>Over</th>\
             <th>Ingebracht door</th><th>Status</th><th>Eigenaar</th></tr></thead>\n<tbody>"
        );
        for a in items {
            let mut text = format!("<span class=\"tekst\">{}</span>", esc(a.tekst.trim()));
            if let Some(v) = a.anker.verschil.as_deref().filter(|v| !v.trim().is_empty()) {
                let _ = write!(text, "<br><em>over verschil: {}</em>", esc(&one_line(v)));
            }
            if !a.criteria.is_empty() {
                let _ = write!(
                    text,
                    "<br><em>criteria: {}</em>",
                    esc(&a.criteria.describe())
                );
            }
            let _ = writeln!(
                w,
                "<tr><td class=\"nr\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                a.id,
                text,
                esc(&names.about(a)),
                esc(&who(a)),
                a.effective_status().unwrap_or(QuestionStatus::Open).dutch(),
                dash_if_empty(esc(&one_line(&a.eigenaar))),
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>\n</section>");
    }

    // Follow-up of earlier sessions.
    let earlier: Vec<(String, Session)> = previous
        .iter()
        .filter(|(name, _)| name.as_str() < file_name)
        .cloned()
        .chain(std::iter::once((file_name.to_string(), session.clone())))
        .collect();
    if !session.wijzigingen.is_empty() {
        let _ = writeln!(
            w,
            "<section class=\"wijzigingen\">\n<h2>Wijzigingen in eerdere vragen en acties</h2>\n\
             <p>Status, eigenaar of criteria van vragen en acties uit eerdere sessies, gewijzigd in deze sessie.</p>\n\
             <table>\n<thead><tr><th>Sessie</th><th class=\"nr\">Nr</th><th>Vraag of actie</th>\
             <th>Wijziging</th><th>Door</th><th>Toelichting</th></tr></thead>\n<tbody>"
        );
        for c in &session.wijzigingen {
            let found = earlier
                .iter()
                .find(|(name, _)| *name == c.sessie)
                .and_then(|(_, s)| s.get(c.id));
            let what = match found {
                Some(a) => format!(
                    "{}: <span class=\"tekst\">{}</span>",
                    a.soort.dutch(),
                    esc(a.tekst.trim())
                ),
                None => "<em>(niet gevonden in de sessiemap)</em>".to_string(),
            };
            let _ = writeln!(
                w,
                "<tr><td>{}</td><td class=\"nr\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&one_line(&c.sessie)),
                c.id,
                what,
                dash_if_empty(esc(&c.describe())),
                dash_if_empty(esc(&one_line(&c.door))),
                dash_if_empty(esc(c.toelichting.trim())),
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>\n</section>");
    }
    if !session.samenvoegingen.is_empty() {
        let _ = writeln!(
            w,
            "<section class=\"samenvoegingen\">\n<h2>Samengevoegde vragen</h2>\n\
             <p>Vragen die in deze sessie als dezelfde vraag zijn herkend; de vragenlijst houdt beide herkomsten.</p>\n\
             <table>\n<thead><tr><th>Vraag</th><th>Samengevoegd met</th><th>Door</th></tr></thead>\n<tbody>"
        );
        let text_of = |sessie: &str, id: u64| {
            let text = earlier
                .iter()
                .find(|(name, _)| name == sessie)
                .and_then(|(_, s)| s.get(id))
                .map_or_else(|| "–".to_string(), |a| esc(a.tekst.trim()));
            format!("{text} <small>({} nr {id})</small>", esc(&one_line(sessie)))
        };
        for m in &session.samenvoegingen {
            let _ = writeln!(
                w,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                text_of(&m.sessie, m.id),
                text_of(&m.in_sessie, m.in_id),
                dash_if_empty(esc(&one_line(&m.door))),
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>\n</section>");
    }
    let still_open = open_items_among(
        &earlier,
        (&session.dataset.pad, &session.dataset.hash),
        file_name,
    );
    if !still_open.is_empty() {
        let _ = writeln!(
            w,
            "<section class=\"nog-open\">\n<h2>Nog open uit eerdere sessies</h2>\n<table>\n\
             <thead><tr><th>Sessie</th><th class=\"nr\">Nr</th><th>Soort</th><th>Vraag of actie</th>\
             <th>Status</th><th>Eigenaar</th></tr></thead>\n<tbody>"
        );
        for (name, a) in &still_open {
            let status = current_status(&earlier, name, a);
            let _ = writeln!(
                w,
                "<tr><td>{}</td><td class=\"nr\">{}</td><td>{}</td><td><span class=\"tekst\">{}</span></td><td>{}</td><td>{}</td></tr>",
                esc(name),
                a.id,
                a.soort.dutch(),
                esc(a.tekst.trim()),
                status.dutch(),
                dash_if_empty(esc(&one_line(&a.eigenaar))),
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>\n</section>");
    }

    // Sources named in the annotations, with their full names.
    if let Some(d) = dataset {
        let ids = sources_of(session.aantekeningen.iter());
        if !ids.is_empty() {
            let _ = writeln!(w, "<section class=\"bronnen\">\n<h2>Bronnen</h2>\n<ul>");
            for id in ids {
                let _ = write!(w, "<li><code>{}</code>: ", esc(&id));
                match d.meta.source(&id) {
                    Some(src) if !src.leverancier.is_empty() => {
                        let _ = write!(
                            w,
                            "{} ({})",
                            esc(&one_line(&src.naam)),
                            esc(&one_line(&src.leverancier))
                        );
                    }
                    Some(src) => {
                        let _ = write!(w, "{}", esc(&one_line(&src.naam)));
                    }
                    None => {
                        let _ = write!(w, "<em>(niet in de dataset)</em>");
                    }
                }
                let _ = writeln!(w, "</li>");
            }
            let _ = writeln!(w, "</ul>\n</section>");
        }
    }

    let _ = writeln!(w, "</main>\n</body>\n</html>");
    out
}

/// Inline style sheet: screen and A4 print.
const CSS: &str = r#"
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 11pt; line-height: 1.4; color: #111; background: #fff; margin: 0; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm 6mm; }
h1 { font-size: 20pt; margin: 0 0 .4em; }
h2 { font-size: 14pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #999; padding-bottom: .1em; }
h3 { font-size: 11.5pt; margin: .8em 0 .2em; }
dl.kop { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0 0 .6em; }
dl.kop dt { font-weight: bold; }
dl.kop dd { margin: 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .92em; }
.vertrouwelijk { border-left: 3px solid #555; padding: .2em .8em; color: #333; font-style: italic; }
.let-op { border: 1px solid #D55E00; padding: .4em .8em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: 10pt; }
th, td { border: 1px solid #999; padding: .25em .45em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td.nr, th.nr { text-align: right; white-space: nowrap; }
table.vragen td:nth-child(2), table.acties td:nth-child(2) { width: 38%; }
.tekst { white-space: pre-line; }
figure.grafiek { margin: .4em 0 .6em; }
figure.grafiek svg { display: block; width: 100%; height: auto; max-width: 760px; }
figcaption { font-size: 9pt; color: #333; margin-top: .2em; }
.aantekeningen ul { margin: .2em 0 .6em; padding-left: 1.2em; }
.aantekeningen li { margin: .2em 0 .5em; }
.nr-label { display: inline-block; min-width: 1.6em; padding: 0 .3em; margin-right: .3em; border: 1px solid #555;
  border-radius: 3px; text-align: center; font-size: 9pt; font-weight: bold; }
.wie { font-style: italic; color: #333; }
.zie-ook { font-size: 10pt; }
section.indicator { break-inside: avoid; page-break-inside: avoid; }
figure.grafiek, .aantekeningen li, tr { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
@page { size: A4; margin: 15mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  .vertrouwelijk, .let-op { color: #000; }
}
"#;

/// One annotation as a list item: number, period and sources, the text, who said it, the mismatch.
fn item(w: &mut String, a: &Annotation) {
    let _ = write!(
        w,
        "<li id=\"aantekening-{}\"><span class=\"nr-label\">{}</span><strong>{}</strong>",
        a.id,
        a.id,
        esc(&a.anker.dutch_period())
    );
    if !a.anker.bronnen.is_empty() {
        let _ = write!(w, " ({})", esc(&a.anker.bronnen.join(", ")));
    }
    let _ = write!(
        w,
        ": <span class=\"tekst\">{}</span><br><span class=\"wie\">— {}</span>",
        esc(a.tekst.trim()),
        esc(&who(a))
    );
    if let Some(v) = a.anker.verschil.as_deref().filter(|v| !v.trim().is_empty()) {
        let _ = write!(w, "; over verschil: {}", esc(&one_line(v)));
    }
    let _ = writeln!(w, "</li>");
}

/// A rendered chart.
/// Distinct sources named by `notes`, in order of first mention.
fn sources_of<'a>(notes: impl Iterator<Item = &'a Annotation>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for a in notes {
        for b in &a.anker.bronnen {
            if !ids.contains(b) {
                ids.push(b.clone());
            }
        }
    }
    ids
}

/// HTML-escapes text for element content and quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::chart::nice_step;
    use super::*;

    #[test]
    fn escapes_all_five() {
        assert_eq!(
            esc(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(130.0), 200.0);
        assert_eq!(nice_step(2100.0), 2500.0);
        assert_eq!(nice_step(0.0), 1.0);
    }
}
