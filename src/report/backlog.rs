//! The research-question backlog for the research agenda (`duiden vragen`): Markdown for the
//! half-yearly agenda session, CSV for the programme's portal. Open questions first, then by
//! priority; see [`crate::session::backlog::backlog`].

use super::Separator;
use super::text::{
    criteria_line, describe_history, describe_readings, dutch_date, dutch_period, history_who,
    one_line, who,
};
use crate::session::backlog::{BacklogItem, Event, HistoryEntry};
use crate::session::programme::Programme;
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

/// The backlog as Markdown, the agenda for the half-yearly session: a section for open and for
/// closed questions, grouped by theme when questions have one (without a theme last), each
/// question with its criteria, readings per role, decision, owner, origins and history.
pub fn backlog_markdown(
    items: &[BacklogItem],
    programme: &Programme,
    folder: &str,
    sessions: usize,
) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "# Onderzoeksvragen uit de sessies duiden van data
"
    );
    let source = programme.source.as_ref().map_or_else(
        || "de zes stappen van het programma (standaard, geen programma.toml)".to_string(),
        |p| format!("`{}`", p.display()),
    );
    let _ = writeln!(
        w,
        "{} uit {} in `{folder}`. Open vragen eerst, daarna op prioriteit: {} \
         (hoogst mogelijk {}); bij gelijke stand de criteria in de volgorde van het programma, \
         dan de oudste vraag. Criteria: {source}.\n",
        count(items.len(), "vraag", "vragen"),
        count(sessions, "sessie", "sessies"),
        programme.rule_text,
        programme.max_score(),
    );
    let open: Vec<&BacklogItem> = items.iter().filter(|i| i.is_open()).collect();
    let closed: Vec<&BacklogItem> = items.iter().filter(|i| !i.is_open()).collect();
    let themed = items.iter().any(|i| !i.theme.trim().is_empty());
    let mut nr = 0;
    for (heading, group) in [("Open vragen", open), ("Afgeronde vragen", closed)] {
        let _ = writeln!(w, "## {heading} ({})\n", group.len());
        if group.is_empty() {
            let _ = writeln!(w, "_Geen._\n");
        }
        for (theme, members) in by_theme(group, themed) {
            if let Some(theme) = theme {
                let _ = writeln!(w, "### {theme} ({})\n", members.len());
            }
            for item in members {
                nr += 1;
                let level = if themed { "####" } else { "###" };
                write_item(w, item, programme, (level, nr));
            }
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

/// The items by theme in order of first appearance (so by priority), "zonder thema" last; one
/// group without a heading when no question has a theme.
fn by_theme(items: Vec<&BacklogItem>, themed: bool) -> Vec<(Option<String>, Vec<&BacklogItem>)> {
    if !themed {
        return if items.is_empty() {
            Vec::new()
        } else {
            vec![(None, items)]
        };
    }
    let mut groups: Vec<(Option<String>, Vec<&BacklogItem>)> = Vec::new();
    let mut without = Vec::new();
    for item in items {
        let theme = one_line(item.theme.trim());
        if theme.is_empty() {
            without.push(item);
            continue;
        }
        match groups
            .iter_mut()
            .find(|(t, _)| t.as_deref() == Some(theme.as_str()))
        {
            Some((_, g)) => g.push(item),
            None => groups.push((Some(theme), vec![item])),
        }
    }
    if !without.is_empty() {
        groups.push((Some("Zonder thema".to_string()), without));
    }
    groups
}

/// The decision: the status, with the reason given at the last change of status.
fn decision(item: &BacklogItem) -> String {
    let reason = item.history.iter().rev().find_map(|h| match &h.event {
        Event::Changed(c) if c.status.is_some() => Some(c.note.trim().to_string()),
        _ => None,
    });
    match reason {
        Some(r) if !r.is_empty() => format!("{} — {}", item.status.dutch(), one_line(&r)),
        _ => item.status.dutch().to_string(),
    }
}

fn write_item(
    w: &mut String,
    item: &BacklogItem,
    programme: &Programme,
    (level, nr): (&str, usize),
) {
    let q = item.question();
    let _ = writeln!(w, "{level} {nr}. {}\n", one_line(&q.text));
    let owner = if item.owner.trim().is_empty() {
        "–".to_string()
    } else {
        one_line(&item.owner)
    };
    let _ = writeln!(
        w,
        "- **Besluit:** {} · **Prioriteit:** {} van {} · **Eigenaar:** {owner}",
        decision(item),
        item.priority(),
        programme.max_score(),
    );
    life_lines(w, item);
    let _ = writeln!(
        w,
        "- **Criteria:** {}",
        criteria_line(programme, &item.criteria)
    );
    let readings = describe_readings(&item.support, &item.disagree);
    if !readings.is_empty() {
        let _ = writeln!(w, "- **Lezing per rol:** {readings}");
    }
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

/// "toegang;beleid": roles in one CSV field.
fn roles(r: &[crate::session::Role]) -> String {
    r.iter().map(|r| r.dutch()).collect::<Vec<_>>().join(";")
}

/// The criterion ids with a column: the programme's, then the old ones weighed anywhere.
fn criteria_columns(items: &[BacklogItem], programme: &Programme) -> Vec<String> {
    let mut ids: Vec<String> = programme.criteria.iter().map(|c| c.id.clone()).collect();
    for item in items {
        for (id, _) in programme.old_weighings(&item.criteria) {
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        }
    }
    ids
}

/// The backlog as CSV, one question a row, for the programme's portal.
/// A column per criterion of the programme, then one per old criterion weighed anywhere
/// (`<id>_oud`); theme and readings per role last.
pub fn backlog_csv(items: &[BacklogItem], programme: &Programme, sep: Separator) -> String {
    let mut out = sep.start().to_string();
    let ids = criteria_columns(items, programme);
    let mut header: Vec<String> = ["nr", "status", "prioriteit"].map(String::from).to_vec();
    header.extend(ids.iter().map(|id| match programme.criterion(id) {
        Some(_) => id.clone(),
        None => format!("{id}_oud"),
    }));
    header.extend(
        [
            "eigenaar",
            "vraag",
            "domein",
            "indicator",
            "periode",
            "bronnen",
            "herkomst",
            "ook_gesteld",
            "geschiedenis",
            "thema",
            "steun",
            "niet_eens",
            "code",
            "ook_code",
            "antwoord",
            "resultaat",
            "vindplaats",
            "koppelingen",
        ]
        .map(String::from),
    );
    out.push_str(&sep.line(&header));
    for (i, item) in items.iter().enumerate() {
        out.push_str(&sep.line(&csv_row(i + 1, item, &ids)));
    }
    out
}

/// One question's CSV row: number, status, priority, a level per criterion column, then the
/// fields in the header's order.
fn csv_row(nr: usize, item: &BacklogItem, ids: &[String]) -> Vec<String> {
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
        nr.to_string(),
        item.status.dutch().to_string(),
        item.priority().to_string(),
    ];
    fields.extend(
        ids.iter()
            .map(|id| item.criteria.get(id).unwrap_or("").to_string()),
    );
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
        one_line(&item.theme),
        roles(&item.support),
        roles(&item.disagree),
    ]);
    fields.extend(life_fields(item));
    fields
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
