//! The research-question backlog for the research agenda (`duiden vragen`): Markdown for the
//! half-yearly agenda session, CSV for the programme's portal. Open questions first, then by
//! priority; see [`crate::session::backlog::backlog`].

use super::Separator;
use super::text::{
    criteria_line, describe_history, dutch_date, dutch_period, history_who, one_line, who,
};
use crate::session::backlog::{BacklogItem, HistoryEntry};
use crate::session::{Criterion, Level};
use std::fmt::Write;

/// "jeugd · instroom, januari 2022 t/m december 2024"
fn about(item: &BacklogItem) -> String {
    let a = &item.question().anchor;
    format!("{} · {}, {}", a.domain, a.indicator, dutch_period(a))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "5 november 2026 14:10": the session's date, and the time on the room's clock.
fn when(h: &HistoryEntry) -> String {
    let t = h.time.datetime();
    format!(
        "{} {:02}:{:02}",
        dutch_date(h.date.unwrap_or(t.date())),
        t.hour(),
        t.minute()
    )
}

/// The backlog as Markdown: a section for open and for closed questions, each question with its
/// criteria, owner, origins and history.
pub fn backlog_markdown(items: &[BacklogItem], folder: &str, sessions: usize) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Onderzoeksvragen uit de sessies duiden van data\n");
    let _ = writeln!(
        w,
        "{} uit {} in `{folder}`. Open vragen eerst, daarna op prioriteit: \
         de som van relevantie, urgentie, haalbaarheid en breed gedragen (laag 1, midden 2, hoog 3; \
         nog niet gewogen 0), bij gelijke stand eerst urgentie, dan relevantie, dan de oudste vraag.\n",
        count(items.len(), "vraag", "vragen"),
        count(sessions, "sessie", "sessies"),
    );
    let open: Vec<&BacklogItem> = items.iter().filter(|i| i.is_open()).collect();
    let closed: Vec<&BacklogItem> = items.iter().filter(|i| !i.is_open()).collect();
    let mut nr = 0;
    for (heading, group) in [("Open vragen", open), ("Afgeronde vragen", closed)] {
        let _ = writeln!(w, "## {heading} ({})\n", group.len());
        if group.is_empty() {
            let _ = writeln!(w, "_Geen._\n");
        }
        for item in group {
            nr += 1;
            let q = item.question();
            let _ = writeln!(w, "### {nr}. {}\n", one_line(&q.text));
            let owner = if item.owner.trim().is_empty() {
                "–".to_string()
            } else {
                one_line(&item.owner)
            };
            let _ = writeln!(
                w,
                "- **Status:** {} · **Prioriteit:** {} van 12 · **Eigenaar:** {owner}",
                item.status.dutch(),
                item.priority()
            );
            life_lines(w, item);
            let _ = writeln!(w, "- **Criteria:** {}", criteria_line(&item.criteria));
            let _ = writeln!(w, "- **Over:** {}", about(item));
            for (i, o) in item.origins.iter().enumerate() {
                let label = if i == 0 {
                    "Gesteld".to_string()
                } else {
                    format!("Ook gesteld: “{}”", one_line(&o.annotation.text))
                };
                let by = who(&o.annotation);
                let date = o.date.map_or_else(|| "–".to_string(), dutch_date);
                let _ = writeln!(
                    w,
                    "- **{label}** op {date}, {} (`{}` nr {}), door {by}",
                    one_line(&o.title),
                    o.item.session,
                    o.item.id
                );
            }
            let _ = writeln!(w, "- **Geschiedenis:**");
            for h in &item.history {
                let door = match history_who(h) {
                    d if d.is_empty() => d,
                    d => format!(" · {d}"),
                };
                let _ = writeln!(
                    w,
                    "  - {} · `{}`{door} · {}",
                    when(h),
                    h.session,
                    describe_history(h)
                );
            }
            let _ = writeln!(w);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out.push('\n');
    out.push_str(super::MARKDOWN_MARK);
    out.push('\n');
    out
}

/// The backlog as CSV, one question a row, for the programme's portal.
pub fn backlog_csv(items: &[BacklogItem], sep: Separator) -> String {
    let mut out = sep.start().to_string();
    out.push_str(&sep.line(&[
        "nr",
        "status",
        "prioriteit",
        "relevantie",
        "urgentie",
        "haalbaarheid",
        "breed_gedragen",
        "eigenaar",
        "vraag",
        "domein",
        "indicator",
        "periode",
        "bronnen",
        "herkomst",
        "ook_gesteld",
        "geschiedenis",
        "code",
        "ook_code",
        "antwoord",
        "resultaat",
        "vindplaats",
        "koppelingen",
    ]));
    let level = |l: Option<Level>| l.map_or("", |l| l.dutch()).to_string();
    for (i, item) in items.iter().enumerate() {
        let q = item.question();
        let herkomst: Vec<String> = item
            .origins
            .iter()
            .map(|o| format!("{}#{}", o.item.session, o.item.id))
            .collect();
        let also: Vec<String> = item.origins[1..]
            .iter()
            .map(|o| one_line(&o.annotation.text))
            .collect();
        let history: Vec<String> = item
            .history
            .iter()
            .map(|h| {
                let door = match history_who(h) {
                    d if d.is_empty() => d,
                    d => format!(" ({d})"),
                };
                format!("{} {}: {}{door}", h.time, h.session, describe_history(h))
            })
            .collect();
        let mut fields = vec![
            (i + 1).to_string(),
            item.status.dutch().to_string(),
            item.priority().to_string(),
        ];
        fields.extend(Criterion::ALL.iter().map(|c| level(item.criteria.get(*c))));
        fields.extend([
            one_line(&item.owner),
            one_line(&q.text),
            q.anchor.domain.clone(),
            q.anchor.indicator.clone(),
            match q.anchor.range() {
                (from, to) if to != from => format!("{from}..{to}"),
                (from, _) => from.to_string(),
            },
            q.anchor.sources.join(";"),
            herkomst.join("; "),
            also.join(" | "),
            history.join(" | "),
        ]);
        fields.extend(life_fields(item));
        out.push_str(&sep.line(&fields));
    }
    out
}

/// "V-0005", with the codes of the questions merged into it: "V-0005 (samengevoegd: V-0002)".
pub fn code_line(item: &BacklogItem) -> String {
    let code = item
        .code()
        .map_or_else(|| "–".to_string(), |c| c.to_string());
    let merged = merged_codes(item);
    if merged.is_empty() {
        code
    } else {
        format!("{code} (samengevoegd: {})", merged.join(", "))
    }
}

fn merged_codes(item: &BacklogItem) -> Vec<String> {
    item.origins[1..]
        .iter()
        .filter_map(|o| o.annotation.code.map(|c| c.to_string()))
        .collect()
}

/// "hangt samen met V-0003; vervangt V-0001".
pub fn links_line(links: &[crate::session::Link]) -> String {
    let parts: Vec<String> = links
        .iter()
        .map(|l| format!("{} {}", l.soort.dutch(), l.code))
        .collect();
    parts.join("; ")
}

/// The code, the answer and the links of a question in the Markdown backlog.
fn life_lines(w: &mut String, item: &BacklogItem) {
    let _ = writeln!(w, "- **Code:** {}", code_line(item));
    if let Some(a) = &item.answer {
        let _ = writeln!(w, "- **Antwoord:** {}", one_line(&a.text));
        let place = match a.result.vindplaats.trim() {
            "" => String::new(),
            p => format!(" ({})", one_line(p)),
        };
        let _ = writeln!(w, "- **Resultaat:** {}{place}", one_line(&a.result.titel));
    }
    if !item.links.is_empty() {
        let _ = writeln!(w, "- **Koppelingen:** {}", links_line(&item.links));
    }
}

/// The CSV columns of [`life_lines`]: code, codes merged in, answer, result, location, links.
fn life_fields(item: &BacklogItem) -> [String; 6] {
    let (answer, title, place) = item.answer.as_ref().map_or_else(Default::default, |a| {
        (
            one_line(&a.text),
            one_line(&a.result.titel),
            one_line(&a.result.vindplaats),
        )
    });
    [
        item.code().map(|c| c.to_string()).unwrap_or_default(),
        merged_codes(item).join(";"),
        answer,
        title,
        place,
        links_line(&item.links),
    ]
}
