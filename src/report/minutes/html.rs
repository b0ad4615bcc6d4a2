//! The minutes as one self-contained HTML file: the sections of the Markdown minutes, with per
//! indicator the charts of the views its annotations were made in (inline SVG). No scripts, no
//! external files or fonts: a participant opens it in any browser, also offline, and prints it
//! on A4.

use super::text::{capitalise, dutch_date, one_line};
use super::*;
use std::fmt::Write as _;

/// The minutes as HTML, section by section.
pub fn html(m: &Minutes) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"duiden {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n\
         </head>\n<body>\n<main>",
        env!("CARGO_PKG_VERSION"),
        esc(&m.title)
    );
    header(w, m);
    participants(w, m);
    agenda(w, m);
    if !m.has_dataset {
        let _ = writeln!(
            w,
            "<p class=\"let-op\"><strong>Let op:</strong> de dataset <code>{}</code> is niet \
             beschikbaar. Deze notulen bevatten daarom geen grafieken; de aantekeningen staan er \
             wel in.</p>",
            esc(&m.dataset.pad)
        );
    }
    for s in &m.indicators {
        indicator(w, s);
    }
    for t in &m.items {
        item_table(w, t);
    }
    changes(w, m);
    merges(w, m);
    still_open(w, m);
    sources(w, m);
    let _ = writeln!(w, "</main>\n</body>\n</html>");
    out
}

fn header(w: &mut String, m: &Minutes) {
    let _ = writeln!(
        w,
        "<header>\n<h1>{}</h1>\n<dl class=\"kop\">",
        esc(&m.title)
    );
    let _ = writeln!(w, "<dt>Datum</dt><dd>{}</dd>", esc(&dutch_date(m.date)));
    if !m.facilitator.is_empty() {
        let _ = writeln!(w, "<dt>Facilitator</dt><dd>{}</dd>", esc(&m.facilitator));
    }
    let d = &m.dataset;
    let _ = write!(w, "<dt>Dataset</dt><dd><code>{}</code>", esc(&d.pad));
    if let Some(t) = &d.title {
        let _ = write!(w, " ({})", esc(t));
    }
    let _ = write!(w, ", inhoud <code>{}</code>", esc(&d.hash));
    if let Some(now) = &d.changed_to {
        let _ = write!(
            w,
            "; <strong>let op:</strong> de data is sindsdien gewijzigd (nu <code>{}</code>)",
            esc(now)
        );
    }
    let _ = writeln!(w, "</dd>");
    let _ = writeln!(
        w,
        "<dt>Sessiebestand</dt><dd><code>{}</code></dd>\n</dl>",
        esc(&m.file_name)
    );
    let _ = writeln!(
        w,
        "<p class=\"vertrouwelijk\">Verslag van een sessie <em>duiden van data</em>. Het bevat \
         inbreng van aanbieders en andere deelnemers: behandel het vertrouwelijk. Aantekeningen \
         zijn duidingen, geen oordelen.</p>"
    );
    for line in m.privacy_lines() {
        let _ = writeln!(w, "<p class=\"vertrouwelijk\">{}</p>", esc(line));
    }
    let _ = writeln!(w, "</header>");
}

fn participants(w: &mut String, m: &Minutes) {
    let _ = writeln!(w, "<section class=\"deelnemers\">\n<h2>Deelnemers</h2>");
    if m.participants.is_empty() {
        let _ = writeln!(w, "<p><em>Geen deelnemers vastgelegd.</em></p>");
    } else {
        let _ = writeln!(
            w,
            "<table>\n<thead><tr><th>Naam</th><th>Rol</th><th>Organisatie</th></tr></thead>\n<tbody>"
        );
        for p in &m.participants {
            let _ = writeln!(
                w,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&one_line(&p.name)),
                esc(p.role.dutch()),
                dash_if_empty(esc(&one_line(&p.organisation)))
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>");
    }
    let _ = writeln!(w, "</section>");
}

fn agenda(w: &mut String, m: &Minutes) {
    if m.agenda.is_empty() {
        return;
    }
    let _ = writeln!(w, "<section class=\"agenda\">\n<h2>Agenda</h2>\n<ol>");
    for item in &m.agenda {
        let _ = write!(w, "<li><strong>{}</strong>", esc(&item.heading));
        if !item.toelichting.is_empty() {
            let _ = write!(w, ": {}", esc(&item.toelichting));
        }
        let _ = writeln!(w, "</li>");
    }
    let _ = writeln!(w, "</ol>\n</section>");
}

fn indicator(w: &mut String, s: &IndicatorSection) {
    let _ = writeln!(
        w,
        "<section class=\"indicator\">\n<h2>{}</h2>",
        esc(&s.heading)
    );
    for chart in &s.charts {
        figure(w, s, chart);
    }
    let _ = writeln!(w, "<div class=\"aantekeningen\">");
    for (kind, notes) in &s.groups {
        let _ = writeln!(w, "<h3>{}</h3>\n<ul>", capitalise(kind.dutch_plural()));
        for n in notes {
            item(w, n);
        }
        let _ = writeln!(w, "</ul>");
    }
    if s.groups.is_empty() {
        let _ = writeln!(
            w,
            "<p><em>Geen observaties, verklaringen of datakwaliteit vastgelegd.</em></p>"
        );
    }
    if !s.see_also.is_empty() {
        let _ = writeln!(w, "<p class=\"zie-ook\">Zie ook {}.</p>", esc(&s.see_also));
    }
    let _ = writeln!(w, "</div>\n</section>");
}

fn figure(w: &mut String, s: &IndicatorSection, chart: &Chart) {
    let _ = writeln!(w, "<figure class=\"grafiek\">");
    match super::svg::svg(chart, &s.heading) {
        Some(svg) => {
            let _ = writeln!(w, "{svg}");
            let _ = writeln!(
                w,
                "<figcaption>{}</figcaption>",
                esc(&chart.caption(&s.heading))
            );
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

/// One annotation as a list item: number, period and sources, the text, who said it, the
/// difference.
fn item(w: &mut String, n: &Note) {
    let _ = write!(
        w,
        "<li id=\"aantekening-{}\"><span class=\"nr-label\">{}</span><strong>{}</strong>",
        n.id(),
        n.id(),
        esc(&n.period())
    );
    if !n.sources().is_empty() {
        let _ = write!(w, " ({})", esc(&n.sources().join(", ")));
    }
    let _ = write!(
        w,
        ": <span class=\"tekst\">{}</span><br><span class=\"wie\">— {}</span>",
        esc(n.text()),
        esc(&n.who())
    );
    let difference = n.difference();
    if !difference.is_empty() {
        let _ = write!(w, "; over verschil: {}", esc(&difference));
    }
    let readings = n.readings();
    if !readings.is_empty() {
        let _ = write!(w, "; lezing per rol: {}", esc(&readings));
    }
    let _ = writeln!(w, "</li>");
}

fn item_table(w: &mut String, t: &ItemTable) {
    let class = match t.kind {
        AnnotationKind::Onderzoeksvraag => "vragen",
        _ => "acties",
    };
    let _ = writeln!(w, "<section class=\"{class}\">\n<h2>{}</h2>", t.heading());
    if t.items.is_empty() {
        let _ = writeln!(
            w,
            "<p><em>Geen {}.</em></p>\n</section>",
            t.kind.dutch_plural()
        );
        return;
    }
    let _ = writeln!(
        w,
        "<table class=\"{class}\">\n<thead><tr><th class=\"nr\">Nr</th><th>{}</th><th>Over</th>\
         <th>Ingebracht door</th><th>Status</th><th>Eigenaar</th></tr></thead>\n<tbody>",
        t.noun()
    );
    for n in &t.items {
        let mut text = format!(
            "{}<span class=\"tekst\">{}</span>",
            esc(&life::code_prefix(&n.annotation)),
            esc(n.text())
        );
        let difference = n.difference();
        if !difference.is_empty() {
            let _ = write!(text, "<br><em>over verschil: {}</em>", esc(&difference));
        }
        let criteria = n.criteria();
        if !criteria.is_empty() {
            let _ = write!(text, "<br><em>criteria: {}</em>", esc(&criteria));
        }
        for line in life::life_lines(&n.annotation) {
            let _ = write!(text, "<br><em>{}</em>", esc(&line));
        }
        let readings = n.readings();
        if !readings.is_empty() {
            let _ = write!(text, "<br><em>lezing per rol: {}</em>", esc(&readings));
        }
        let _ = writeln!(
            w,
            "<tr><td class=\"nr\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            n.id(),
            text,
            esc(&n.about),
            esc(&n.who()),
            esc(&n.status_text()),
            dash_if_empty(esc(&one_line(n.owner()))),
        );
    }
    let _ = writeln!(w, "</tbody>\n</table>\n</section>");
}

fn changes(w: &mut String, m: &Minutes) {
    if m.changes.is_empty() {
        return;
    }
    let _ = writeln!(
        w,
        "<section class=\"wijzigingen\">\n<h2>Wijzigingen in eerdere vragen en acties</h2>\n\
         <p>Status, eigenaar of criteria van vragen en acties uit eerdere sessies, gewijzigd in deze sessie.</p>\n\
         <table>\n<thead><tr><th>Sessie</th><th class=\"nr\">Nr</th><th>Vraag of actie</th>\
         <th>Wijziging</th><th>Door</th><th>Toelichting</th></tr></thead>\n<tbody>"
    );
    for c in &m.changes {
        let what = match &c.target {
            ChangeTarget::Found(a) => format!(
                "{}: {}<span class=\"tekst\">{}</span>",
                a.kind.dutch(),
                esc(&life::code_prefix(a)),
                esc(a.text.trim())
            ),
            ChangeTarget::NotFound => "<em>(niet gevonden in de sessiemap)</em>".to_string(),
            ChangeTarget::Unknown => "–".to_string(),
        };
        let _ = writeln!(
            w,
            "<tr><td>{}</td><td class=\"nr\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.sessie),
            c.id,
            what,
            dash_if_empty(esc(&c.change)),
            dash_if_empty(esc(&c.door)),
            dash_if_empty(esc(&c.toelichting)),
        );
    }
    let _ = writeln!(w, "</tbody>\n</table>\n</section>");
}

fn merges(w: &mut String, m: &Minutes) {
    if m.merges.is_empty() {
        return;
    }
    let _ = writeln!(
        w,
        "<section class=\"samenvoegingen\">\n<h2>Samengevoegde vragen</h2>\n\
         <p>Vragen die in deze sessie als dezelfde vraag zijn herkend; de vragenlijst houdt beide herkomsten.</p>\n\
         <table>\n<thead><tr><th>Vraag</th><th>Samengevoegd met</th><th>Door</th></tr></thead>\n<tbody>"
    );
    let side = |s: &MergeSide| {
        let text = s.text.as_deref().map_or_else(|| "–".to_string(), esc);
        let code = s.code.map_or_else(String::new, |c| format!("{c} "));
        format!(
            "{code}{text} <small>({} nr {})</small>",
            esc(&s.sessie),
            s.id
        )
    };
    for r in &m.merges {
        let _ = writeln!(
            w,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            side(&r.from),
            side(&r.into),
            dash_if_empty(esc(&r.door)),
        );
    }
    let _ = writeln!(w, "</tbody>\n</table>\n</section>");
}

fn still_open(w: &mut String, m: &Minutes) {
    if m.still_open.is_empty() {
        return;
    }
    let _ = writeln!(
        w,
        "<section class=\"nog-open\">\n<h2>Nog open uit eerdere sessies</h2>\n<table>\n\
         <thead><tr><th>Sessie</th><th class=\"nr\">Nr</th><th>Soort</th><th>Vraag of actie</th>\
         <th>Status</th><th>Eigenaar</th></tr></thead>\n<tbody>"
    );
    for r in &m.still_open {
        let a = &r.annotation;
        let _ = writeln!(
            w,
            "<tr><td>{}</td><td class=\"nr\">{}</td><td>{}</td><td>{}<span class=\"tekst\">{}</span></td><td>{}</td><td>{}</td></tr>",
            esc(&r.sessie),
            a.id,
            a.kind.dutch(),
            esc(&life::code_prefix(a)),
            esc(a.text.trim()),
            r.status.dutch(),
            dash_if_empty(esc(&one_line(&a.owner))),
        );
    }
    let _ = writeln!(w, "</tbody>\n</table>\n</section>");
}

fn sources(w: &mut String, m: &Minutes) {
    if m.sources.is_empty() {
        return;
    }
    let _ = writeln!(w, "<section class=\"bronnen\">\n<h2>Bronnen</h2>\n<ul>");
    for s in &m.sources {
        let _ = write!(w, "<li><code>{}</code>: ", esc(&s.id));
        let _ = match &s.name {
            Some((naam, leverancier)) if !leverancier.is_empty() => {
                write!(w, "{} ({})", esc(naam), esc(leverancier))
            }
            Some((naam, _)) => write!(w, "{}", esc(naam)),
            None => write!(w, "<em>(niet in de dataset)</em>"),
        };
        let _ = writeln!(w, "</li>");
    }
    let _ = writeln!(w, "</ul>\n</section>");
}

fn dash_if_empty(s: String) -> String {
    if s.is_empty() { "–".to_string() } else { s }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_all_five() {
        assert_eq!(
            esc(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }
}
