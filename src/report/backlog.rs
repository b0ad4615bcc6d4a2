//! The research-question backlog for the research agenda (`duiden vragen`): Markdown for the
//! half-yearly agenda session, CSV for the programme's portal. Open questions first, then by
//! priority; see [`crate::session::backlog::backlog`].

use super::csv_field;
use crate::session::backlog::{BacklogItem, HistoryEntry, criteria_line, describe};
use crate::session::minutes::dutch_date;
use crate::session::{Criterion, Level};
use std::fmt::Write;

/// "jeugd · instroom, januari 2022 t/m december 2024"
fn about(item: &BacklogItem) -> String {
    let a = &item.question().anker;
    format!("{} · {}, {}", a.domein, a.indicator, a.dutch_period())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn when(h: &HistoryEntry) -> String {
    // "2026-11-05T14:10:00+01:00" → "14:10" after the date; other texts as they are.
    let time = h
        .tijd
        .get(11..16)
        .filter(|t| t.as_bytes().get(2) == Some(&b':'))
        .unwrap_or("");
    let date = if h.datum.is_empty() {
        h.tijd.get(..10).unwrap_or(&h.tijd).to_string()
    } else {
        h.datum.clone()
    };
    format!("{} {time}", dutch_date(&date)).trim().to_string()
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
            let _ = writeln!(w, "### {nr}. {}\n", one_line(&q.tekst));
            let owner = if item.eigenaar.trim().is_empty() {
                "–".to_string()
            } else {
                one_line(&item.eigenaar)
            };
            let _ = writeln!(
                w,
                "- **Status:** {} · **Prioriteit:** {} van 12 · **Eigenaar:** {owner}",
                item.status.dutch(),
                item.priority()
            );
            let _ = writeln!(w, "- **Criteria:** {}", criteria_line(&item.criteria));
            let _ = writeln!(w, "- **Over:** {}", about(item));
            for (i, o) in item.origins.iter().enumerate() {
                let label = if i == 0 {
                    "Gesteld".to_string()
                } else {
                    format!("Ook gesteld: “{}”", one_line(&o.annotation.tekst))
                };
                let by = if o.annotation.naam.is_empty() {
                    o.annotation.rol.dutch().to_string()
                } else {
                    format!(
                        "{} ({})",
                        one_line(&o.annotation.naam),
                        o.annotation.rol.dutch()
                    )
                };
                let _ = writeln!(
                    w,
                    "- **{label}** op {}, {} (`{}` nr {}), door {by}",
                    dutch_date(&o.datum),
                    one_line(&o.titel),
                    o.item.sessie,
                    o.item.id
                );
            }
            let _ = writeln!(w, "- **Geschiedenis:**");
            for h in &item.history {
                let door = if h.door.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", one_line(&h.door))
                };
                let _ = writeln!(
                    w,
                    "  - {} · `{}`{door} · {}",
                    when(h),
                    h.sessie,
                    describe(h)
                );
            }
            let _ = writeln!(w);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The backlog as CSV, one question a row, for the programme's portal.
pub fn backlog_csv(items: &[BacklogItem]) -> String {
    let mut out = String::from(
        "nr,status,prioriteit,relevantie,urgentie,haalbaarheid,breed_gedragen,eigenaar,vraag,\
         domein,indicator,periode,bronnen,herkomst,ook_gesteld,geschiedenis\n",
    );
    let level = |l: Option<Level>| l.map_or("", |l| l.dutch()).to_string();
    for (i, item) in items.iter().enumerate() {
        let q = item.question();
        let herkomst: Vec<String> = item
            .origins
            .iter()
            .map(|o| format!("{}#{}", o.item.sessie, o.item.id))
            .collect();
        let also: Vec<String> = item.origins[1..]
            .iter()
            .map(|o| one_line(&o.annotation.tekst))
            .collect();
        let history: Vec<String> = item
            .history
            .iter()
            .map(|h| {
                let door = if h.door.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", one_line(&h.door))
                };
                format!("{} {}: {}{door}", h.tijd, h.sessie, describe(h))
            })
            .collect();
        let mut fields = vec![
            (i + 1).to_string(),
            item.status.dutch().to_string(),
            item.priority().to_string(),
        ];
        fields.extend(Criterion::ALL.iter().map(|c| level(item.criteria.get(*c))));
        fields.extend([
            one_line(&item.eigenaar),
            one_line(&q.tekst),
            q.anker.domein.clone(),
            q.anker.indicator.clone(),
            match &q.anker.tot {
                Some(t) if *t != q.anker.van => format!("{}..{t}", q.anker.van),
                _ => q.anker.van.clone(),
            },
            q.anker.bronnen.join(";"),
            herkomst.join("; "),
            also.join(" | "),
            history.join(" | "),
        ]);
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}
