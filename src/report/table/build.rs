//! The tables of each kind of view: the trend as the exported chart shows it, the comparison as
//! its tab computes it, the signals as `duiden signalen` words them.

use super::{Language, Table};
use crate::analysis::chart::{ChartModel, ChartSeries};
use crate::analysis::mismatch::{Cell, Comparison, ComparisonRow, compare};
use crate::analysis::signals::{Signal, SignalKind};
use crate::model::disclosure::{Disclosure, Shown};
use crate::model::number::{format_auto, format_pct};
use crate::model::{Dataset, Period, SeriesKey, ViewKind, ViewSpec};
use crate::report::credits::{credit_line, credits};
use crate::report::minutes::transform_text;
use crate::report::text::{dutch_date, one_line};
use crate::report::{detail, privacy};
use crate::session::model::slug;
use jiff::civil::Date;

/// The footer line of a table with small counts left out, as under an exported chart.
pub(super) const LEFT_OUT: &str =
    "Aantallen onder de 10 uit registratiedata zijn niet getoond (AVG).";

/// What an exported table may not show: small counts from registration data, as the exported
/// chart leaves them out; remembers whether it left one out (the footer says so).
pub(super) struct Hiding<'d> {
    dataset: &'d Dataset,
    rule: Disclosure,
    pub left_out: std::cell::Cell<bool>,
}

impl<'d> Hiding<'d> {
    pub(super) fn new(dataset: &'d Dataset) -> Hiding<'d> {
        Hiding {
            dataset,
            rule: Disclosure::for_dataset(dataset, false),
            left_out: std::cell::Cell::new(false),
        }
    }

    pub(super) fn hides(&self, key: &SeriesKey, period: &Period, v: f64) -> bool {
        let hide = privacy::hides_in_chart(&self.rule, self.dataset, key, period, v);
        self.left_out.set(self.left_out.get() || hide);
        hide
    }
}

/// The trend: one row per period shown, one column per series with values, the values after
/// the view's transform; small counts left out as the exported chart leaves them out.
pub(super) fn trend(
    dataset: &Dataset,
    view: &ViewSpec,
    date: Date,
    language: Language,
) -> Option<Table> {
    let hiding = Hiding::new(dataset);
    let model = ChartModel::for_view_hiding(dataset, view, &|k, p, v| hiding.hides(k, p, v));
    let left_out = &hiding.left_out;
    let shown: Vec<&ChartSeries> = (model.series.iter())
        .filter(|s| !s.points.is_empty())
        .collect();
    if shown.is_empty() {
        return None;
    }
    let mut headers = vec![language.pick("Periode", "Period").to_string()];
    let rest = model.rest.and_then(|i| model.series.get(i));
    headers.extend(shown.iter().map(|s| {
        // The rest of a stacked breakdown has no name of its own in the model.
        let label = match rest.is_some_and(|r| std::ptr::eq(r, *s)) {
            true => language.pick("rest (totaal min de delen)", "rest (total minus the parts)"),
            false => s.label.as_str(),
        };
        match model.mixed_units {
            true => format!("{} ({})", one_line(label), one_line(&s.unit)),
            false => one_line(label),
        }
    }));
    let rows = (model.periods.iter())
        .map(|p| {
            let mut row = vec![p.dutch_short()];
            row.extend(
                shown
                    .iter()
                    .map(|s| s.at(p).map_or_else(String::new, |pt| number(pt.y))),
            );
            row
        })
        .collect();
    let mut footer = credit_lines(dataset, shown.iter().map(|s| &s.key));
    footer.extend(shown.iter().filter_map(|s| {
        let periods: Vec<Period> = (s.points.iter().filter(|p| p.provisional))
            .map(|p| p.period)
            .collect();
        provisional_line(&s.label, &periods)
    }));
    if left_out.get() {
        footer.push(LEFT_OUT.to_string());
    }
    footer.push(made_on(date));
    let unit = (!model.mixed_units).then_some(model.unit.as_str());
    Some(Table {
        title: indicator_title(dataset, view, shown.first().copied()),
        subtitle: subtitle(view, model.granularity(), unit, None),
        transform: (model.transform.as_ref()).map(|t| transform_text(t, None)),
        headers,
        rows,
        footer,
        stem: stem(date, view, ""),
        language,
    })
}

/// The comparison as its tab shows it: per period (and regio) each source's figure, its
/// difference with the reference and the named kind of difference.
pub(super) fn comparison(
    dataset: &Dataset,
    view: &ViewSpec,
    date: Date,
    language: Language,
) -> Option<Table> {
    let table = compare(
        dataset,
        &view.domein,
        &view.indicator,
        view.reference.as_deref(),
        view.granularity,
    );
    let rows: Vec<&ComparisonRow> = (table.rows.iter())
        .filter(|r| within(view.range, &r.period))
        .collect();
    if table.columns.is_empty() || rows.is_empty() {
        return None;
    }
    let rule = Disclosure::for_dataset(dataset, false);
    let shape = Shape::of(&table, language);
    let mut suppressed = false;
    let cells = (rows.iter())
        .map(|r| shape.row(&table, &rule, r, &mut suppressed))
        .collect();
    let keys: Vec<SeriesKey> = (table.columns.iter())
        .map(|c| key(&table, &c.bron, &c.breakdown))
        .collect();
    let mut footer = credit_lines(dataset, keys.iter());
    footer.extend(shape.bronnen.iter().filter_map(|bron| {
        let mut periods: Vec<Period> = (rows.iter())
            .filter(|r| {
                (table.columns.iter().enumerate())
                    .filter(|(_, c)| c.bron == *bron)
                    .filter_map(|(i, _)| r.cell(i))
                    .any(|c| c.provisional && c.value.is_some())
            })
            .map(|r| r.period)
            .collect();
        periods.sort();
        periods.dedup();
        provisional_line(bron, &periods)
    }));
    if let Some(line) = privacy::suppressed_line(&rule).filter(|_| suppressed) {
        footer.push(line.to_string());
    }
    for e in &table.excluded {
        let line = format!("Niet vergeleken: {}: {}", e.bron, one_line(&e.reason));
        if !footer.contains(&line) {
            footer.push(line);
        }
    }
    footer.push(made_on(date));
    let unit = (table.columns.iter())
        .find(|c| c.is_reference)
        .map(|c| c.unit.as_str());
    let against = match shape.regions {
        true => "per regio vergeleken met een eigen referentie".to_string(),
        false => format!(
            "bronnen vergeleken met {}",
            table.reference.as_deref().unwrap_or("—")
        ),
    };
    Some(Table {
        title: indicator_title(dataset, view, None),
        subtitle: subtitle(view, Some(table.granularity), unit, Some(against)),
        transform: None,
        headers: shape.headers,
        rows: cells,
        footer,
        stem: stem(date, view, "-vergelijking"),
        language,
    })
}

/// The columns of a comparison table: with several regios a regio and a reference column, and
/// every source with a difference (each regio has its own reference).
struct Shape {
    regions: bool,
    /// The sources, each once, in column order.
    bronnen: Vec<String>,
    headers: Vec<String>,
    language: Language,
}

impl Shape {
    fn of(table: &Comparison, language: Language) -> Shape {
        let regions = table.regions().len() > 1;
        let mut bronnen: Vec<String> = Vec::new();
        for c in &table.columns {
            if !bronnen.contains(&c.bron) {
                bronnen.push(c.bron.clone());
            }
        }
        let mut headers = Vec::new();
        if regions {
            headers.push(language.pick("Regio", "Region").to_string());
        }
        headers.push(language.pick("Periode", "Period").to_string());
        if regions {
            headers.push(language.pick("Referentie", "Reference").to_string());
        }
        for bron in &bronnen {
            let is_reference = !regions && table.reference.as_deref() == Some(bron);
            match is_reference {
                true => headers.push(format!(
                    "{bron} ({})",
                    language.pick("referentie", "reference")
                )),
                false => headers.extend([
                    bron.clone(),
                    format!("{bron} {}", language.pick("verschil", "difference")),
                    format!("{bron} {}", language.pick("verschil %", "difference %")),
                ]),
            }
        }
        headers.push(
            language
                .pick("Soort verschil", "Kind of difference")
                .to_string(),
        );
        Shape {
            regions,
            bronnen,
            headers,
            language,
        }
    }

    /// One row of the table; `suppressed` is set when a figure is left out for privacy.
    fn row(
        &self,
        table: &Comparison,
        rule: &Disclosure,
        r: &ComparisonRow,
        suppressed: &mut bool,
    ) -> Vec<String> {
        let mut out = Vec::new();
        if self.regions {
            let parts: Vec<&str> = r.breakdown.parts().map(|(_, v)| v).collect();
            out.push(parts.join(" · "));
        }
        out.push(r.period.dutch_short());
        if self.regions {
            out.push(r.reference.clone().unwrap_or_default());
        }
        let mut kinds: Vec<String> = Vec::new();
        for bron in &self.bronnen {
            let column = (table.columns.iter().enumerate())
                .find(|(_, c)| c.bron == *bron && c.breakdown == r.breakdown);
            let with_diff = self.regions || table.reference.as_deref() != Some(bron);
            let Some((i, c)) = column else {
                out.extend(std::iter::repeat_n(
                    String::new(),
                    1 + 2 * with_diff as usize,
                ));
                continue;
            };
            let cell = r.cell(i);
            let shown = |cell: Option<&Cell>, bron: &str| {
                let v = cell?.value?;
                Some(rule.cell(&key(table, bron, &r.breakdown), &r.period, v))
            };
            let own = shown(cell, bron);
            let reference = c.against.and_then(|a| {
                let bron = &table.columns.get(a)?.bron;
                shown(r.cell(a), bron)
            });
            let hidden = own.is_some_and(Shown::is_suppressed);
            let reveals = hidden || reference.is_some_and(Shown::is_suppressed);
            *suppressed |= hidden;
            out.push(cell.map_or_else(String::new, |cell| self.value(cell, own)));
            if with_diff {
                // A difference against a hidden figure gives it back.
                let cell = cell.filter(|_| !reveals);
                out.push(cell.and_then(|c| c.diff).map_or_else(String::new, signed));
                out.push(
                    cell.and_then(|c| c.rel_diff)
                        .map_or_else(String::new, format_pct),
                );
            }
            if let Some(k) = cell.and_then(|c| c.kind) {
                let detail = cell.and_then(|c| c.detail.as_deref());
                kinds.push(format!("{bron}: {}", detail::kind_label(k, detail)));
            }
        }
        // The row's kinds that belong to no single pair (parts against a total).
        kinds.extend(
            (r.kinds.iter())
                .filter(|k| !r.cells.iter().any(|c| c.kind == Some(**k)))
                .map(|k| k.dutch().to_string()),
        );
        out.push(kinds.join("; "));
        out
    }

    /// A source's figure: the number, "<10", or why there is none.
    fn value(&self, cell: &Cell, shown: Option<Shown>) -> String {
        match (shown, cell.complete) {
            (Some(s), _) => s.text(number),
            // Every part is there but one is '.': unknown, not incomplete.
            (None, _) if cell.present > 0 && cell.present >= cell.needed => {
                self.language.pick("onbekend", "unknown").to_string()
            }
            (None, false) if cell.present > 0 => format!(
                "{} ({}/{})",
                self.language.pick("onvolledig", "incomplete"),
                cell.present,
                cell.needed
            ),
            _ => String::new(),
        }
    }
}

/// The signals list: kind, indicator, period and why it stands out, small counts of sources
/// from records as "<10".
pub(super) fn signals(
    dataset: &Dataset,
    found: &[Signal],
    date: Date,
    language: Language,
) -> Option<Table> {
    if found.is_empty() {
        return None;
    }
    let rule = Disclosure::for_dataset(dataset, false);
    let regio = found.iter().any(|s| !s.breakdown.is_empty());
    let mut headers = vec![
        language.pick("Soort", "Kind"),
        language.pick("Domein", "Domain"),
        "Indicator",
    ];
    if regio {
        headers.push(language.pick("Uitsplitsing", "Breakdown"));
    }
    headers.extend([
        language.pick("Periode", "Period"),
        language.pick("Bronnen", "Sources"),
        language.pick("Reden", "Reason"),
    ]);
    let rows = (found.iter())
        .map(|s| {
            let name = (dataset.meta.indicator(&s.domein, &s.indicator))
                .map_or_else(|| s.indicator.clone(), |m| m.label());
            let mut row = vec![
                kind_name(s.kind, language).to_string(),
                s.domein.clone(),
                one_line(&name),
            ];
            if regio {
                row.push(s.breakdown.to_string());
            }
            row.extend([
                s.period.dutch_long(),
                s.sources.join(", "),
                crate::report::signals::reason(s, &rule),
            ]);
            row
        })
        .collect();
    let keys: Vec<SeriesKey> = (found.iter())
        .flat_map(|s| {
            s.sources.iter().map(|bron| SeriesKey {
                domein: s.domein.clone(),
                indicator: s.indicator.clone(),
                bron: bron.clone(),
                breakdown: s.breakdown.clone(),
            })
        })
        .collect();
    let mut footer = credit_lines(dataset, keys.iter());
    footer.push(made_on(date));
    let titel = one_line(&dataset.meta.titel);
    Some(Table {
        title: match titel.is_empty() {
            true => language.pick("Signalen", "Signals").to_string(),
            false => format!("{}: {titel}", language.pick("Signalen", "Signals")),
        },
        subtitle: String::new(),
        transform: None,
        headers: headers.into_iter().map(str::to_string).collect(),
        rows,
        footer,
        stem: format!("{date}-signalen"),
        language,
    })
}

/// The short name of a signal's kind, as the signals tab names it.
fn kind_name(kind: SignalKind, language: Language) -> &'static str {
    match kind {
        SignalKind::YearOnYear => language.pick("t.o.v. een jaar eerder", "against a year earlier"),
        SignalKind::LevelShift => language.pick("niveausprong", "level shift"),
        SignalKind::OutsideSeason => language.pick("buiten het seizoen", "outside the season"),
        SignalKind::Unexplained => language.pick("onverklaard verschil", "unexplained difference"),
        SignalKind::Stopped => language.pick("levering gestopt", "delivery stopped"),
    }
}

/// A figure as the minutes write it: up to two decimals, Dutch notation.
pub(super) fn number(v: f64) -> String {
    format_auto(v, 2)
}

/// A difference always shows its sign: "+12", "-3,5".
pub(super) fn signed(d: f64) -> String {
    match d > 0.0 {
        true => format!("+{}", number(d)),
        false => number(d),
    }
}

fn key(table: &Comparison, bron: &str, breakdown: &crate::model::Breakdown) -> SeriesKey {
    SeriesKey {
        domein: table.domein.clone(),
        indicator: table.indicator.clone(),
        bron: bron.to_string(),
        breakdown: breakdown.clone(),
    }
}

/// Does `p` lie within the view's range (everything without one)?
fn within(range: Option<(Period, Period)>, p: &Period) -> bool {
    range.is_none_or(|(from, to)| {
        p.start_month() >= from.start_month() && p.end_month() <= to.end_month()
    })
}

pub(super) fn credit_lines<'a>(
    dataset: &Dataset,
    keys: impl IntoIterator<Item = &'a SeriesKey>,
) -> Vec<String> {
    credits(dataset, keys).iter().map(credit_line).collect()
}

/// "Voorlopige cijfers in H2 2024: CBS", "… in K3 2024 t/m K4 2024: …"; `None` without any.
fn provisional_line(label: &str, periods: &[Period]) -> Option<String> {
    let (first, last) = (periods.first()?, periods.last()?);
    let when = match first == last {
        true => first.dutch_short(),
        false => format!("{} t/m {}", first.dutch_short(), last.dutch_short()),
    };
    Some(format!("Voorlopige cijfers in {when}: {}", one_line(label)))
}

pub(super) fn made_on(date: Date) -> String {
    format!("Gemaakt met duiden op {}", dutch_date(date))
}

/// The indicator's name (its id when the metadata has none).
pub(super) fn indicator_title(
    dataset: &Dataset,
    view: &ViewSpec,
    first: Option<&ChartSeries>,
) -> String {
    let named = first.map(|s| s.indicator_label.clone());
    let meta = || {
        (dataset.meta.indicator(&view.domein, &view.indicator))
            .map(|m| m.naam.clone())
            .filter(|n| !n.trim().is_empty())
    };
    one_line(
        &named
            .or_else(meta)
            .unwrap_or_else(|| view.indicator.clone()),
    )
}

/// "jeugd · per kwartaal · cliënten · ingezoomd: K1 2022 – K4 2023 · <against>".
pub(super) fn subtitle(
    view: &ViewSpec,
    granularity: Option<crate::model::Granularity>,
    unit: Option<&str>,
    against: Option<String>,
) -> String {
    let mut parts = vec![one_line(&view.domein)];
    if !matches!(view.kind, ViewKind::Trend | ViewKind::Compare) {
        parts.push(crate::report::signals::view_kind_name(view.kind).to_string());
    }
    parts.push(match granularity {
        Some(g) => format!("per {}", g.dutch()),
        None => "perioden zoals geleverd".to_string(),
    });
    parts.extend(unit.map(one_line).filter(|u| !u.is_empty()));
    if let Some((from, to)) = view.range {
        let (from, to) = (from.dutch_short(), to.dutch_short());
        parts.push(format!("ingezoomd: {from} – {to}"));
    }
    parts.extend(against);
    parts.join(" · ")
}

/// `<datum>-<domein>-<indicator><suffix>`.
pub(super) fn stem(date: Date, view: &ViewSpec, suffix: &str) -> String {
    format!(
        "{date}-{}-{}{suffix}",
        slug(&view.domein),
        slug(&view.indicator)
    )
}
