//! Small numbers in what leaves the room: applies the rule of [`crate::model::disclosure`] to
//! named differences (`verschillen`), to the differences annotations recorded (minutes) and to
//! charts (HTML minutes).
//!
//! Within a named difference that involves a source from records and holds a count from 1 to 9:
//! - every small count of such a source is "<10";
//! - the difference and the relative difference are left out (the difference against a hidden
//!   count gives it back), and so is the explanation (it names the figures);
//! - in a check within one source's data (stand-stroom, delen en totaal, standbreuk) the other
//!   figures are "x" as well: begin + instroom − uitstroom = eind, or the total and the sum of
//!   the other parts, would give the hidden one back;
//! - where one part of a total (a wijk, an aanbieder) is small, the smallest other part of that
//!   total is "x" as well ([`Disclosure::for_dataset`]): total minus the other parts would give
//!   it back.
//!
//! A chart leaves a small count out (a gap in the line) instead of drawing it, and the other
//! flow of the same period with it ([`hides_in_chart`]).

use crate::analysis::mismatch::{Detail, Mismatch, Outcome};
use crate::model::disclosure::{Disclosure, Shown, is_small};
use crate::model::number::format_auto;
use crate::model::{Dataset, Period, SeriesKey};
use crate::session::{Anchor, Difference};

/// The explanation that replaces one naming a small count.
pub const SUPPRESSED_NOTE: &str =
    "toelichting niet getoond: een aantal onder de 10 uit registratiedata (AVG)";

/// The header line of an export made with `--kleine-aantallen`; `None` without it.
pub fn shown_anyway_line(d: &Disclosure) -> Option<&'static str> {
    d.allows_small().then_some(
        "Let op: kleine aantallen (onder de 10) uit registratiedata zijn getoond \
         (--kleine-aantallen); niet buiten de kamer verspreiden.",
    )
}

/// The line that explains "<10" in an export with suppression in force; `None` otherwise.
pub fn suppressed_line(d: &Disclosure) -> Option<&'static str> {
    d.suppresses().then_some(
        "Kleine aantallen (onder de 10, niet 0) uit registratiedata staan als <10; een cijfer \
         dat zo'n aantal zou verraden staat als x (AVG).",
    )
}

/// What an export shows of one named difference.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownMismatch {
    /// The figures with their labels, as in [`Mismatch::values`].
    pub values: Vec<(String, Option<Shown>)>,
    pub diff: Option<f64>,
    pub rel_diff: Option<f64>,
    /// The explanation is replaced by [`SUPPRESSED_NOTE`].
    pub suppressed: bool,
}

/// Applies the rule to `m`.
pub fn mismatch(m: &Mismatch, d: &Disclosure) -> ShownMismatch {
    let plain = ShownMismatch {
        values: m
            .values
            .iter()
            .map(|(l, v)| (l.clone(), v.map(Shown::Value)))
            .collect(),
        diff: m.diff,
        rel_diff: m.rel_diff,
        suppressed: false,
    };
    if !d.suppresses() || !m.sources.iter().any(|s| d.protects(s)) {
        return plain;
    }
    let is_source = |label: &str| m.sources.iter().any(|s| s == label);
    // A figure labelled by role ("instroom", "totaal") is the checked source's.
    let owner = |label: &str| -> String {
        match is_source(label) {
            true => label.to_string(),
            false => m.sources.first().cloned().unwrap_or_default(),
        }
    };
    // A figure's cell: its source's series of the difference's indicator and uitsplitsing.
    let cell = |label: &str, v: f64| {
        let key = SeriesKey {
            domein: m.domein.clone(),
            indicator: m.indicator.clone(),
            bron: owner(label),
            breakdown: m.breakdown.clone(),
        };
        d.cell(&key, &m.period, v)
    };
    let small_value = m
        .values
        .iter()
        .any(|(l, v)| v.is_some_and(|v| cell(l, v).is_suppressed()));
    // The explanation's figures carry no owner everywhere: any small one counts.
    let small_detail = detail_figures(&m.detail).into_iter().any(is_small);
    if !small_value && !small_detail {
        return plain;
    }
    let within = !m.values.iter().any(|(l, _)| is_source(l));
    let values = m
        .values
        .iter()
        .map(|(l, v)| {
            let shown = v.map(|v| match cell(l, v) {
                Shown::Value(_) if within && d.protects(&owner(l)) => Shown::Hidden,
                other => other,
            });
            (l.clone(), shown)
        })
        .collect();
    ShownMismatch {
        values,
        diff: None,
        rel_diff: None,
        suppressed: true,
    }
}

/// The counted figures an explanation names.
fn detail_figures(detail: &Detail) -> Vec<f64> {
    match detail {
        Detail::MissingFigure(f) => vec![f.having.value],
        Detail::Compared(c) => {
            let mut v = vec![c.reference.value, c.other.value];
            if let Outcome::Lag { lag, .. } = &c.outcome {
                v.push(lag.shifted);
            }
            v
        }
        Detail::Units(u) => vec![u.reference.value, u.other.value],
        Detail::UnitChange(u) => u
            .example
            .iter()
            .flat_map(|c| [c.from_value, c.to_value])
            .collect(),
        Detail::Budget(b) => vec![b.planned.value, b.realised.value],
        Detail::BudgetUnits(b) => vec![b.planned.value, b.realised.value],
        Detail::BudgetMissing(b) => vec![b.planned.value],
        Detail::Parts(p) => vec![p.sum, p.total.value],
        Detail::StockFlow(s) => vec![s.begin, s.inflow, s.outflow, s.expected, s.end],
        Detail::StockDiscontinuity(s) => vec![s.end.value, s.begin.value],
        Detail::BreakJump(b) => vec![b.before.1, b.after.1],
        Detail::PartOf(p) => {
            let mut v = vec![p.total.value, p.sum];
            v.extend(p.parts.iter().map(|(_, x)| *x));
            v
        }
        Detail::Direction(dir) => vec![
            dir.reference.first,
            dir.reference.last,
            dir.other.first,
            dir.other.last,
        ],
    }
}

/// What the minutes show of a difference an annotation recorded: its two figures (`waarde`,
/// `waarde_referentie`) under the rule; `None` for a figure not recorded.
pub fn difference_figures(diff: &Difference, d: &Disclosure) -> (Option<Shown>, Option<Shown>) {
    // A check within the reference's data records only the reference's figure.
    let source = match diff.source.is_empty() {
        true => &diff.reference,
        false => &diff.source,
    };
    (
        diff.value.map(|v| d.figure(source, v)),
        diff.reference_value.map(|v| d.figure(&diff.reference, v)),
    )
}

/// May an exported chart not draw `value` of `key` in `period`? A small count of a source
/// from records is left out, and so is the other flow of the same period (instroom with
/// uitstroom, `X_instroom` with `X_uitstroom`): with the stand drawn as well, stand, one flow
/// and the change would give a hidden flow back. The other flow is looked up as delivered; a
/// chart at a coarser period length sums months, which hides no single small count by itself.
pub fn hides_in_chart(
    d: &Disclosure,
    dataset: &Dataset,
    key: &SeriesKey,
    period: &Period,
    value: f64,
) -> bool {
    if d.hides(&key.bron, value) {
        return true;
    }
    if !d.suppresses() || !d.protects(&key.bron) {
        return false;
    }
    let other = match (
        key.indicator.strip_suffix("instroom"),
        key.indicator.strip_suffix("uitstroom"),
    ) {
        (Some(stem), _) => format!("{stem}uitstroom"),
        (_, Some(stem)) => format!("{stem}instroom"),
        _ => return false,
    };
    dataset
        .series_of(&key.domein, &other)
        .filter(|s| s.key.bron == key.bron && s.key.breakdown == key.breakdown)
        .filter_map(|s| s.value_at(period).and_then(|o| o.value))
        .any(|v| d.hides(&key.bron, v))
}

/// Everything an anchor says about differences (as [`super::text::describe_differences`]),
/// under the rule: a hidden figure is "<10" and the percentage against it is left out; an
/// older session's free sentence naming a number from 1 to 9 is left out.
pub fn describe_differences(a: &Anchor, d: &Disclosure) -> String {
    let mut parts: Vec<String> = a
        .differences
        .iter()
        .map(|diff| describe_difference(diff, d))
        .collect();
    let legacy = super::text::one_line(&a.legacy_difference);
    if !legacy.is_empty() {
        let protected = a.sources.is_empty() || a.sources.iter().any(|s| d.protects(s));
        match d.suppresses() && protected && names_small_number(&legacy) {
            true => parts.push(SUPPRESSED_NOTE.to_string()),
            false => parts.push(legacy),
        }
    }
    parts.join("; ")
}

/// One recorded difference under the rule.
fn describe_difference(diff: &Difference, d: &Disclosure) -> String {
    let (value, reference) = difference_figures(diff, d);
    if !value.is_some_and(Shown::is_suppressed) && !reference.is_some_and(Shown::is_suppressed) {
        return super::text::describe_difference(diff);
    }
    let figure = |s: Option<Shown>| {
        s.map_or_else(|| "onbekend".to_string(), |s| s.text(|v| format_auto(v, 2)))
    };
    let mut s = format!("{} in {}", diff.kind.dutch(), diff.period.dutch_long());
    if diff.source.is_empty() {
        if !diff.reference.is_empty() {
            s.push_str(&format!(" in {}", diff.reference));
        }
        let unit = match diff.unit.is_empty() {
            true => String::new(),
            false => format!(" {}", diff.unit),
        };
        return format!("{s} ({}{unit})", figure(reference));
    } else {
        s.push_str(&format!(
            ": {} {} tegen {} in {}",
            diff.source,
            figure(value),
            figure(reference),
            diff.reference
        ));
    }
    if !diff.unit.is_empty() {
        s.push_str(&format!(" ({})", diff.unit));
    }
    s
}

/// Does free text hold a number from 1 to 9 that may be a count (a whole token: "4", "7,0";
/// not a percentage: "5%")?
fn names_small_number(text: &str) -> bool {
    let number = |c: char| c.is_ascii_digit() || c == ',' || c == '.';
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let len = rest[start..]
            .find(|c| !number(c))
            .unwrap_or(rest.len() - start);
        let token = rest[start..start + len].trim_end_matches([',', '.']);
        rest = &rest[start + len..];
        let percent = rest.trim_start().starts_with('%');
        if !percent && token.replace(',', ".").parse::<f64>().is_ok_and(is_small) {
            return true;
        }
    }
    false
}

/// The question list made with `--kleine-aantallen`: it names no figures, but says in its header
/// what was asked for (Markdown: under the title; CSV: a first line starting with "#").
pub fn backlog_shown_anyway(text: String, csv: bool) -> String {
    let line = shown_anyway_line(&Disclosure::unknown(true)).unwrap_or_default();
    if csv {
        let body = text.strip_prefix('\u{feff}');
        let bom = if body.is_some() { "\u{feff}" } else { "" };
        return format!("{bom}# {line}\n{}", body.unwrap_or(&text));
    }
    match text.split_once('\n') {
        Some((title, rest)) => format!("{title}\n\n> {line}\n{rest}"),
        None => format!("> {line}\n\n{text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_names_a_small_count_but_not_a_percentage() {
        assert!(names_small_number("aanbieders 4 tegen 12 gemeente"));
        assert!(names_small_number("7,0 cliënten"));
        assert!(!names_small_number("aanbieders 5% hoger dan gemeente"));
        assert!(!names_small_number("3 % hoger, 140 tegen 12"));
        assert!(!names_small_number("geen getallen"));
    }
}
