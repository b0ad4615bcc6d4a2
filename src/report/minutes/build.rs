//! Building the minutes document from a session, its folder and the dataset.

use super::text::{describe_change, dutch_list, dutch_period, one_line, short_hash};
use super::*;
use crate::analysis::chart::ChartModel;
use crate::session::store::{current_status, open_items_among};

pub(super) fn build(
    session: &Session,
    file_name: &str,
    history: Option<&[(String, Session)]>,
    dataset: Option<&Dataset>,
    small_counts: bool,
) -> Minutes {
    let disclosure = match dataset {
        Some(d) => Disclosure::for_dataset(d, small_counts),
        None => Disclosure::unknown(small_counts),
    };
    let names = Names {
        dataset,
        rule: &disclosure,
    };
    // With the folder, the session's questions carry the codes the folder gives them.
    let coded = history.and_then(|h| with_codes(session, file_name, h));
    let session = coded.as_ref().unwrap_or(session);
    // The sessions up to and including this one: later ones do not change these minutes.
    let earlier: Vec<(String, Session)> = history
        .unwrap_or_default()
        .iter()
        .filter(|(name, _)| name.as_str() < file_name)
        .cloned()
        .chain(std::iter::once((file_name.to_string(), session.clone())))
        .collect();
    let still_open = open_items_among(
        &earlier,
        (&session.dataset.path, &session.dataset.hash),
        file_name,
    )
    .into_iter()
    .map(|(sessie, annotation)| OpenRow {
        status: current_status(&earlier, &sessie, &annotation),
        sessie,
        annotation,
    })
    .collect();
    Minutes {
        title: one_line(&session.title),
        date: session.date,
        facilitator: one_line(&session.facilitator),
        file_name: file_name.to_string(),
        dataset: dataset_line(session, dataset),
        participants: session.participants.clone(),
        agenda: session
            .agenda
            .iter()
            .map(|a| AgendaLine {
                // A prepared item says its own title, then what it showed.
                heading: match a.title.trim() {
                    "" => names.indicator(&a.domain, &a.indicator),
                    title => format!("{title} ({})", names.indicator(&a.domain, &a.indicator)),
                },
                toelichting: a.note.trim().to_string(),
            })
            .collect(),
        indicators: indicator_order(session)
            .into_iter()
            .map(|(d, i)| section(session, &names, &d, &i))
            .collect(),
        items: [
            item_table(session, &names, AnnotationKind::Onderzoeksvraag),
            item_table(session, &names, AnnotationKind::Actie),
        ]
        .map(|t| with_merges(t, file_name, &earlier)),
        changes: changes((session, file_name), &earlier, history.is_some()),
        merges: merges(session, &earlier),
        still_open,
        sources: dataset.map_or_else(Vec::new, |d| sources(session, d)),
        has_dataset: dataset.is_some(),
        disclosure,
    }
}

fn dataset_line(session: &Session, dataset: Option<&Dataset>) -> DatasetLine {
    DatasetLine {
        pad: session.dataset.path.clone(),
        title: dataset
            .filter(|d| !d.meta.titel.is_empty())
            .map(|d| one_line(&d.meta.titel)),
        hash: short_hash(&session.dataset.hash).to_string(),
        changed_to: dataset
            .filter(|d| !d.content_hash.is_empty() && d.content_hash != session.dataset.hash)
            .map(|d| short_hash(&d.content_hash).to_string()),
    }
}

/// Names from the dataset metadata when there is one.
struct Names<'a> {
    dataset: Option<&'a Dataset>,
    rule: &'a Disclosure,
}

impl Names<'_> {
    /// "jeugd · Instroom jeugdhulp", or "jeugd · instroom" without metadata.
    fn indicator(&self, domein: &str, indicator: &str) -> String {
        let label = self
            .dataset
            .and_then(|d| d.meta.indicator(domein, indicator))
            .map_or_else(|| indicator.replace('_', " "), |m| m.label());
        format!("{} · {}", one_line(domein), one_line(&label))
    }

    /// An annotation with where it points: "jeugd · Instroom jeugdhulp, juni 2021 t/m december
    /// 2021 (gemeente-registratie)".
    fn note(&self, a: &Annotation) -> Note {
        let mut about = format!(
            "{}, {}",
            self.indicator(&a.anchor.domain, &a.anchor.indicator),
            dutch_period(&a.anchor)
        );
        if let Some(regio) = &a.anchor.region {
            about.push_str(&format!(", regio {}", one_line(regio)));
        }
        if !a.anchor.sources.is_empty() {
            about.push_str(&format!(" ({})", a.anchor.sources.join(", ")));
        }
        let transform = a.anchor.transform.as_ref().map(|t| {
            let age = match t {
                crate::model::Transform::PerInhabitants { noemer, .. } => self
                    .dataset
                    .and_then(|d| d.meta.denominator(noemer))
                    .and_then(|n| n.leeftijd.as_deref()),
                _ => None,
            };
            format!("bewerking: {}", super::transform_text(t, age))
        });
        if let Some(t) = &transform {
            about.push_str(&format!(", {t}"));
        }
        Note {
            transform: transform.unwrap_or_default(),
            annotation: a.clone(),
            about,
            merge: String::new(),
            difference: crate::report::privacy::describe_differences(&a.anchor, self.rule),
        }
    }
}

/// (domein, indicator) pairs with a section: the agenda, then every other indicator with an
/// observation, explanation or data-quality remark, in order of its first one.
fn indicator_order(session: &Session) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |d: &str, i: &str| {
        if !out.iter().any(|(d2, i2)| d2 == d && i2 == i) {
            out.push((d.to_string(), i.to_string()));
        }
    };
    for a in &session.agenda {
        push(&a.domain, &a.indicator);
    }
    for a in session.annotations.iter().filter(|a| !a.kind.has_status()) {
        push(&a.anchor.domain, &a.anchor.indicator);
    }
    out
}

fn section(session: &Session, names: &Names, domein: &str, indicator: &str) -> IndicatorSection {
    let notes: Vec<&Annotation> = session.for_indicator(domein, indicator).collect();
    let groups = [
        AnnotationKind::Observatie,
        AnnotationKind::Verklaring,
        AnnotationKind::Datakwaliteit,
    ]
    .into_iter()
    .map(|kind| {
        let items: Vec<Note> = notes
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| names.note(a))
            .collect();
        (kind, items)
    })
    .filter(|(_, items)| !items.is_empty())
    .collect();
    IndicatorSection {
        domein: domein.to_string(),
        indicator: indicator.to_string(),
        heading: names.indicator(domein, indicator),
        groups,
        see_also: see_also(&notes),
        charts: names
            .dataset
            .map_or_else(Vec::new, |d| charts(d, &notes, names.rule)),
    }
}

/// "onderzoeksvragen 3 en 8; actie 7": the questions and actions of one indicator, so its
/// section points to them.
fn see_also(notes: &[&Annotation]) -> String {
    [AnnotationKind::Onderzoeksvraag, AnnotationKind::Actie]
        .into_iter()
        .filter_map(|kind| {
            let ids: Vec<String> = notes
                .iter()
                .filter(|a| a.kind == kind)
                .map(|a| a.id.to_string())
                .collect();
            let noun = if ids.len() == 1 {
                kind.dutch()
            } else {
                kind.dutch_plural()
            };
            (!ids.is_empty()).then(|| format!("{noun} {}", dutch_list(&ids)))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One chart per view the annotations were made in (period length, reference, trend or
/// comparison, transform), in order of the first annotation made in it, with the sources of all of them.
fn charts(d: &Dataset, notes: &[&Annotation], rule: &Disclosure) -> Vec<Chart> {
    let mut views: Vec<(ViewSpec, Vec<&Annotation>)> = Vec::new();
    for a in notes {
        let own = a.anchor.view_spec();
        let same = |v: &ViewSpec| {
            (v.granularity, &v.reference, v.kind, &v.transform)
                == (own.granularity, &own.reference, own.kind, &own.transform)
        };
        match views.iter_mut().find(|(v, _)| same(v)) {
            Some((v, members)) => {
                for b in &own.bronnen {
                    if !v.bronnen.contains(b) {
                        v.bronnen.push(b.clone());
                    }
                }
                members.push(a);
            }
            None => views.push((own, vec![a])),
        }
    }
    views
        .into_iter()
        .map(|(view, members)| {
            let left_out = std::cell::Cell::new(false);
            let model = ChartModel::for_view_hiding(d, &view, &|key, period, v| {
                let hide = crate::report::privacy::hides_in_chart(rule, d, key, period, v);
                left_out.set(left_out.get() || hide);
                hide
            });
            let missing = view
                .bronnen
                .iter()
                .filter(|b| !model.series.iter().any(|s| s.key.bron == **b))
                .cloned()
                .collect();
            let bands = members
                .iter()
                .map(|a| {
                    let (from, to) = a.anchor.range();
                    (a.id, from, to)
                })
                .collect();
            Chart {
                view,
                model,
                bands,
                missing,
                small_left_out: left_out.get(),
            }
        })
        .collect()
}

fn item_table(session: &Session, names: &Names, kind: AnnotationKind) -> ItemTable {
    ItemTable {
        kind,
        items: session
            .annotations
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| names.note(a))
            .collect(),
    }
}

/// Says in each question's row whether it was merged, up to and including this session: into
/// which question, or which questions were merged into it.
fn with_merges(mut table: ItemTable, file_name: &str, earlier: &[(String, Session)]) -> ItemTable {
    if table.kind != AnnotationKind::Onderzoeksvraag {
        return table;
    }
    let label = |o: &crate::session::backlog::Origin| match o.date {
        _ if o.item.session == file_name => format!("nr {}", o.item.id),
        Some(d) => format!("nr {} van {}", o.item.id, super::text::dutch_date(d)),
        None => format!("nr {} ({})", o.item.id, one_line(&o.item.session)),
    };
    let mine = |o: &crate::session::backlog::Origin| o.item.session == file_name;
    for item in crate::session::backlog::backlog(earlier) {
        let [root, rest @ ..] = item.origins.as_slice() else {
            continue;
        };
        if rest.is_empty() {
            continue;
        }
        for n in &mut table.items {
            if mine(root) && root.item.id == n.id() {
                let with: Vec<String> = rest.iter().map(label).collect();
                n.merge = format!("{MERGED_WITH}{}", dutch_list(&with));
            } else if rest.iter().any(|o| mine(o) && o.item.id == n.id()) {
                n.merge = format!("{MERGED_INTO}{}", label(root));
            }
        }
    }
    table
}

/// The changes recorded in this session; a decision of the agenda session on this session's own
/// question (see `SessionWriter::decide`) is found in the session itself.
fn changes(
    (session, file_name): (&Session, &str),
    earlier: &[(String, Session)],
    looked: bool,
) -> Vec<ChangeRow> {
    session
        .changes
        .iter()
        .map(|c| {
            let found = match c.session == file_name {
                true => session.get(c.id),
                false => earlier
                    .iter()
                    .find(|(name, _)| *name == c.session)
                    .and_then(|(_, s)| s.get(c.id)),
            };
            ChangeRow {
                sessie: one_line(&c.session),
                id: c.id,
                target: match found {
                    Some(a) => ChangeTarget::Found(Box::new(a.clone())),
                    None if looked => ChangeTarget::NotFound,
                    None => ChangeTarget::Unknown,
                },
                change: describe_change(c),
                door: one_line(&c.by),
                toelichting: c.note.trim().to_string(),
            }
        })
        .collect()
}

fn merges(session: &Session, earlier: &[(String, Session)]) -> Vec<MergeRow> {
    let side = |sessie: &str, id: u64| {
        let found = earlier
            .iter()
            .find(|(name, _)| name == sessie)
            .and_then(|(_, s)| s.get(id));
        MergeSide {
            sessie: one_line(sessie),
            id,
            text: found.map(|a| a.text.trim().to_string()),
            code: found.and_then(|a| a.code),
        }
    };
    session
        .merges
        .iter()
        .map(|m| MergeRow {
            from: side(&m.session, m.id),
            into: side(&m.into_session, m.into_id),
            door: one_line(&m.by),
        })
        .collect()
}

/// The sources named in the annotations, in order of first mention, with their names.
fn sources(session: &Session, d: &Dataset) -> Vec<SourceLine> {
    let mut ids: Vec<&str> = Vec::new();
    for a in &session.annotations {
        for b in &a.anchor.sources {
            if !ids.contains(&b.as_str()) {
                ids.push(b);
            }
        }
    }
    ids.into_iter()
        .map(|id| SourceLine {
            id: id.to_string(),
            name: d
                .meta
                .source(id)
                .map(|s| (one_line(&s.naam), one_line(&s.leverancier))),
        })
        .collect()
}

/// `session` with its questions' codes as the folder `history` gives them.
fn with_codes(
    session: &Session,
    file_name: &str,
    history: &[(String, Session)],
) -> Option<Session> {
    let mut all: Vec<(String, Session)> = history
        .iter()
        .filter(|(name, _)| name != file_name)
        .cloned()
        .chain(std::iter::once((file_name.to_string(), session.clone())))
        .collect();
    crate::session::codes::assign(&mut all);
    all.pop().map(|(_, s)| s)
}
