//! The minutes as Markdown.

use super::text::dutch_date;
use super::*;
use std::fmt::Write as _;

/// The minutes as Markdown, section by section.
pub fn markdown(m: &Minutes) -> String {
    let mut out = String::new();
    header(&mut out, m);
    participants(&mut out, m);
    agenda(&mut out, m);
    for s in &m.indicators {
        indicator(&mut out, s);
    }
    for t in &m.items {
        item_table(&mut out, t);
    }
    changes(&mut out, m);
    merges(&mut out, m);
    still_open(&mut out, m);
    sources(&mut out, m);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out.push('\n');
    out.push_str(crate::report::MARKDOWN_MARK);
    out.push('\n');
    out
}

fn header(w: &mut String, m: &Minutes) {
    let _ = writeln!(w, "# {}\n", m.title);
    let _ = writeln!(w, "- **Datum:** {}", dutch_date(m.date));
    if !m.facilitator.is_empty() {
        let _ = writeln!(w, "- **Facilitator:** {}", m.facilitator);
    }
    let d = &m.dataset;
    let _ = write!(w, "- **Dataset:** `{}`", d.pad);
    if let Some(t) = &d.title {
        let _ = write!(w, " ({t})");
    }
    let _ = write!(w, ", inhoud `{}`", d.hash);
    if let Some(now) = &d.changed_to {
        let _ = write!(w, "; let op: de data is sindsdien gewijzigd (nu `{now}`)");
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "- **Sessiebestand:** `{}`\n", m.file_name);
    let _ = writeln!(
        w,
        "> Verslag van een sessie *duiden van data*. Het bevat inbreng van aanbieders en andere \
         deelnemers: behandel het vertrouwelijk. Aantekeningen zijn duidingen, geen oordelen.\n"
    );
    for line in m.privacy_lines() {
        let _ = writeln!(w, "> {line}\n");
    }
}

fn participants(w: &mut String, m: &Minutes) {
    let _ = writeln!(w, "## Deelnemers\n");
    if m.participants.is_empty() {
        let _ = writeln!(w, "_Geen deelnemers vastgelegd._\n");
        return;
    }
    let _ = writeln!(w, "| Naam | Rol | Organisatie |\n| --- | --- | --- |");
    for p in &m.participants {
        let _ = writeln!(
            w,
            "| {} | {} | {} |",
            cell(&p.name),
            p.role.dutch(),
            dash_if_empty(cell(&p.organisation))
        );
    }
    let _ = writeln!(w);
}

fn agenda(w: &mut String, m: &Minutes) {
    if m.agenda.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Agenda\n");
    for (i, item) in m.agenda.iter().enumerate() {
        let _ = write!(w, "{}. {}", i + 1, item.heading);
        if !item.toelichting.is_empty() {
            let _ = write!(w, ": {}", indent(&item.toelichting, 3));
        }
        let _ = writeln!(w);
    }
    let _ = writeln!(w);
}

fn indicator(w: &mut String, s: &IndicatorSection) {
    let _ = writeln!(w, "## {}\n", s.heading);
    for (kind, notes) in &s.groups {
        let _ = writeln!(w, "### {}\n", text::capitalise(kind.dutch_plural()));
        for n in notes {
            bullet(w, n);
        }
        let _ = writeln!(w);
    }
    if s.groups.is_empty() {
        let _ = writeln!(
            w,
            "_Geen observaties, verklaringen of datakwaliteit vastgelegd._\n"
        );
    }
    if !s.see_also.is_empty() {
        let _ = writeln!(w, "Zie ook {}.\n", s.see_also);
    }
}

/// One annotation as a list item: period and sources, the text, who said it, the difference.
fn bullet(w: &mut String, n: &Note) {
    let _ = write!(w, "- **{}**", n.period());
    if !n.sources().is_empty() {
        let _ = write!(w, " ({})", n.sources().join(", "));
    }
    let _ = writeln!(w, ": {}", indent(n.text(), 2));
    let _ = write!(w, "  — *{}*", n.who());
    let difference = n.difference();
    if !difference.is_empty() {
        let _ = write!(w, "; over verschil: {difference}");
    }
    let readings = n.readings();
    if !readings.is_empty() {
        let _ = write!(w, "; lezing per rol: {readings}");
    }
    let _ = writeln!(w);
}

fn item_table(w: &mut String, t: &ItemTable) {
    let _ = writeln!(w, "## {}\n", t.heading());
    if t.items.is_empty() {
        let _ = writeln!(w, "_Geen {}._\n", t.kind.dutch_plural());
        return;
    }
    let _ = writeln!(
        w,
        "| Nr | {} | Over | Ingebracht door | Status | Eigenaar |\n| ---: | --- | --- | --- | --- | --- |",
        t.noun()
    );
    for n in &t.items {
        let mut text = format!("{}{}", life::code_prefix(&n.annotation), cell(n.text()));
        let difference = n.difference();
        if !difference.is_empty() {
            let _ = write!(text, "<br>*over verschil: {}*", cell(&difference));
        }
        let criteria = n.criteria();
        if !criteria.is_empty() {
            let _ = write!(text, "<br>*criteria: {criteria}*");
        }
        for line in life::life_lines(&n.annotation) {
            let _ = write!(text, "<br>*{}*", cell(&line));
        }
        let readings = n.readings();
        if !readings.is_empty() {
            let _ = write!(text, "<br>*lezing per rol: {readings}*");
        }
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |",
            n.id(),
            text,
            cell(&n.about),
            cell(&n.who()),
            cell(&n.status_text()),
            dash_if_empty(cell(n.owner())),
        );
    }
    let _ = writeln!(w);
}

fn changes(w: &mut String, m: &Minutes) {
    if m.changes.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Wijzigingen in eerdere vragen en acties\n");
    let _ = writeln!(
        w,
        "Status, eigenaar of criteria van vragen en acties uit eerdere sessies, gewijzigd in deze sessie.\n"
    );
    let _ = writeln!(
        w,
        "| Sessie | Nr | Vraag of actie | Wijziging | Door | Toelichting |\n| --- | ---: | --- | --- | --- | --- |"
    );
    for c in &m.changes {
        let what = match &c.target {
            ChangeTarget::Found(a) => format!(
                "{}: {}{}",
                a.kind.dutch(),
                life::code_prefix(a),
                cell(&a.text)
            ),
            ChangeTarget::NotFound => "*(niet gevonden in de sessiemap)*".to_string(),
            ChangeTarget::Unknown => "–".to_string(),
        };
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&c.sessie),
            c.id,
            what,
            dash_if_empty(cell(&c.change)),
            dash_if_empty(cell(&c.door)),
            dash_if_empty(cell(&c.toelichting)),
        );
    }
    let _ = writeln!(w);
}

fn merges(w: &mut String, m: &Minutes) {
    if m.merges.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Samengevoegde vragen\n");
    let _ = writeln!(
        w,
        "Vragen die in deze sessie als dezelfde vraag zijn herkend; de vragenlijst houdt beide herkomsten.\n"
    );
    let _ = writeln!(
        w,
        "| Vraag | Samengevoegd met | Door |\n| --- | --- | --- |"
    );
    let side = |s: &MergeSide| {
        let text = s.text.as_deref().map_or_else(|| "–".to_string(), cell);
        let code = s.code.map_or_else(String::new, |c| format!("{c} "));
        format!("{code}{text} ({} nr {})", cell(&s.sessie), s.id)
    };
    for r in &m.merges {
        let _ = writeln!(
            w,
            "| {} | {} | {} |",
            side(&r.from),
            side(&r.into),
            dash_if_empty(cell(&r.door)),
        );
    }
    let _ = writeln!(w);
}

fn still_open(w: &mut String, m: &Minutes) {
    if m.still_open.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Nog open uit eerdere sessies\n");
    let _ = writeln!(
        w,
        "| Sessie | Nr | Soort | Vraag of actie | Status | Eigenaar |\n| --- | ---: | --- | --- | --- | --- |"
    );
    for r in &m.still_open {
        let a = &r.annotation;
        let _ = writeln!(
            w,
            "| {} | {} | {} | {}{} | {} | {} |",
            cell(&r.sessie),
            a.id,
            a.kind.dutch(),
            life::code_prefix(a),
            cell(&a.text),
            r.status.dutch(),
            dash_if_empty(cell(&a.owner)),
        );
    }
    let _ = writeln!(w);
}

fn sources(w: &mut String, m: &Minutes) {
    if m.sources.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Bronnen\n");
    for s in &m.sources {
        let _ = match &s.name {
            Some((naam, leverancier)) if !leverancier.is_empty() => {
                writeln!(w, "- `{}`: {naam} ({leverancier})", s.id)
            }
            Some((naam, _)) => writeln!(w, "- `{}`: {naam}", s.id),
            None => writeln!(w, "- `{}`: *(niet in de dataset)*", s.id),
        };
    }
    let _ = writeln!(w);
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

fn dash_if_empty(s: String) -> String {
    if s.is_empty() { "–".to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_breaks() {
        assert_eq!(cell(" a | b\nc\r\nd "), "a \\| b<br>c<br>d");
    }

    #[test]
    fn indent_keeps_blank_lines_blank() {
        assert_eq!(indent("a\n\nb\n c", 2), "a\n\n  b\n   c");
    }
}
