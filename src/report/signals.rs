//! The signals (talking points) in words, for `duiden signalen`: one sentence per signal saying
//! why it stands out, and the chart that shows it. Small counts of sources from records are
//! shown as "<10" (see [`privacy`]).

use super::privacy;
use crate::analysis::signals::{Measure, Signal, SignalKind};
use crate::model::disclosure::Disclosure;
use crate::model::number::{format_auto, format_pct};
use crate::model::period::{MONTHS_LONG, dutch_range};
use crate::model::{DatasetMeta, Granularity, ViewKind, ViewSpec};
use serde::Serialize;

/// The formats of `duiden signalen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalFormat {
    Text,
    Json,
    Markdown,
}

/// The heading of a kind.
pub fn kind_title(kind: SignalKind) -> &'static str {
    match kind {
        SignalKind::YearOnYear => "Grootste veranderingen ten opzichte van een jaar eerder",
        SignalKind::LevelShift => "Niveausprongen",
        SignalKind::OutsideSeason => "Buiten de gebruikelijke seizoensband",
        SignalKind::Unexplained => "Grootste onverklaarde verschillen tussen bronnen",
        SignalKind::Stopped => "Gestopte leveringen",
    }
}

/// A figure of `bron` as it may leave the room.
fn figure(rule: &Disclosure, bron: &str, v: f64) -> String {
    rule.figure(bron, v).text(|v| format_auto(v, 2))
}

/// "6,5% hoger" / "12,0% lager".
fn higher_lower(rel: f64) -> String {
    let word = if rel >= 0.0 { "hoger" } else { "lager" };
    let pct = format_pct(rel.abs());
    format!("{} {word}", pct.trim_start_matches('+'))
}

/// Why the signal stands out, in one sentence.
pub fn reason(s: &Signal, rule: &Disclosure) -> String {
    let bron = s.sources.first().map_or("", String::as_str);
    let what = format!("{} van {bron}", s.indicator);
    let p = s.period.dutch_long();
    match &s.measure {
        Measure::YearOnYear {
            previous,
            before,
            now,
        } => format!(
            "{what} is in {p} {} dan een jaar eerder: {} tegen {} in {}.",
            higher_lower((now - before) / before.abs()),
            figure(rule, bron, *now),
            figure(rule, bron, *before),
            previous.dutch_long(),
        ),
        Measure::LevelShift { before, after, .. } => format!(
            "{what} ligt vanaf {p} op een ander niveau: van ongeveer {} naar {} per {} ({}).",
            figure(rule, bron, *before),
            figure(rule, bron, *after),
            s.period.granularity.dutch(),
            higher_lower((after - before) / before.abs()),
        ),
        Measure::OutsideSeason {
            value,
            low,
            high,
            years,
        } => format!(
            "{what} valt in {p} met {} buiten wat {} in {years} eerdere jaren deed (verwacht {} tot {}).",
            figure(rule, bron, *value),
            season_name(s),
            figure(rule, bron, low.max(0.0)),
            figure(rule, bron, *high),
        ),
        Measure::Unexplained(m) => {
            let shown = privacy::mismatch(m, rule);
            let figures: Vec<String> = shown
                .values
                .iter()
                .map(|(label, v)| match v {
                    Some(v) => format!("{label} {}", v.text(|v| format_auto(v, 2))),
                    None => format!("{label} onbekend"),
                })
                .collect();
            let size = shown
                .rel_diff
                .map_or(String::new(), |r| format!(", {}", format_pct(r)));
            format!(
                "{} verschilt in {p} tussen de bronnen ({}{size}) en geen bekende oorzaak verklaart dat.",
                s.indicator,
                figures.join(" tegen "),
            )
        }
        Measure::Stopped {
            others_last,
            ahead,
            rhythm,
            months_behind,
        } => format!(
            "{bron} levert {} niet meer: de laatste periode is {p}, {ahead} loopt door tot {} \
             ({months_behind} maanden later; ritme {}).",
            s.indicator,
            others_last.dutch_long(),
            rhythm.dutch(),
        ),
    }
}

/// "juli" for a month, "het 3e kwartaal" for a quarter.
fn season_name(s: &Signal) -> String {
    match s.period.granularity {
        Granularity::Month => MONTHS_LONG[(s.period.index as usize - 1) % 12].to_string(),
        _ => format!("het {}e {}", s.period.index, s.period.granularity.dutch()),
    }
}

/// A kind of view in the minutes' and exports' words.
pub fn view_kind_name(kind: ViewKind) -> &'static str {
    match kind {
        ViewKind::Trend => "trend",
        ViewKind::Compare => "vergelijking",
        ViewKind::Season => "seizoensbeeld",
        ViewKind::Parts => "uitsplitsing",
        ViewKind::Stacked => "gestapelde uitsplitsing",
        ViewKind::PartsChange => "verandering per deel",
        ViewKind::Places => "plaatsen naast elkaar",
    }
}

/// The chart that shows a signal: "trend van gemeente-registratie per maand, juli 2022 t/m …".
pub fn describe_view(v: &ViewSpec) -> String {
    let kind = view_kind_name(v.kind);
    let sources = match v.bronnen.is_empty() {
        true => "alle bronnen".to_string(),
        false => v.bronnen.join(", "),
    };
    let mut out = format!("{kind} van {}/{}: {sources}", v.domein, v.indicator);
    if let Some(g) = v.granularity {
        out.push_str(&format!(", per {}", g.dutch()));
    }
    if let Some((from, to)) = v.range {
        out.push_str(&format!(", {}", dutch_range(&from, &to)));
    }
    out
}

/// One signal as scripts read it.
#[derive(Serialize)]
struct Row<'a> {
    soort: &'static str,
    domein: &'a str,
    indicator: &'a str,
    uitsplitsing: String,
    periode: String,
    bronnen: &'a [String],
    reden: String,
    gewicht: f64,
    weergave: &'a ViewSpec,
}

/// The signals as text, JSON or Markdown. The text's count line is the caller's (it is said in
/// the interface's language).
pub fn signals(
    found: &[Signal],
    format: SignalFormat,
    rule: &Disclosure,
    meta: &DatasetMeta,
) -> String {
    match format {
        SignalFormat::Json => {
            let rows: Vec<Row> = found
                .iter()
                .map(|s| Row {
                    soort: s.kind.key(),
                    domein: &s.domein,
                    indicator: &s.indicator,
                    uitsplitsing: s.breakdown.to_string(),
                    periode: s.period.code(),
                    bronnen: &s.sources,
                    reden: reason(s, rule),
                    gewicht: s.score,
                    weergave: &s.view,
                })
                .collect();
            serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into()) + "\n"
        }
        SignalFormat::Text => grouped(
            found,
            rule,
            |title| format!("{title}\n"),
            |s, reason, view| {
                format!(
                    "  {}{}  {}\n    {reason}\n    grafiek: {view}\n",
                    place(s),
                    regio(s),
                    s.period.dutch_long()
                )
            },
        ),
        SignalFormat::Markdown => {
            let head = format!("# Signalen: {}\n\n", meta.titel);
            let body = grouped(
                found,
                rule,
                |title| format!("## {title}\n\n"),
                |s, reason, view| {
                    format!(
                        "- **{}**{}, {}: {reason}  \n  _Grafiek: {view}_\n",
                        place(s),
                        regio(s),
                        s.period.dutch_long()
                    )
                },
            );
            match found.is_empty() {
                true => head + "Niets dat opvalt.\n",
                false => head + &body,
            }
        }
    }
}

/// The signals under a heading per kind, a blank line between kinds.
fn grouped(
    found: &[Signal],
    rule: &Disclosure,
    heading: impl Fn(&str) -> String,
    line: impl Fn(&Signal, &str, &str) -> String,
) -> String {
    let mut out = String::new();
    for kind in SignalKind::ALL {
        let of_kind: Vec<&Signal> = found.iter().filter(|s| s.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        out.push_str(&heading(kind_title(kind)));
        for s in of_kind {
            out.push_str(&line(s, &reason(s, rule), &describe_view(&s.view)));
        }
        out.push('\n');
    }
    out
}

fn place(s: &Signal) -> String {
    format!("{}/{}", s.domein, s.indicator)
}

/// " (regio GM0363)" for a regio series.
fn regio(s: &Signal) -> String {
    match s.breakdown.is_empty() {
        true => String::new(),
        false => format!(" ({})", s.breakdown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Breakdown, Period, SourceMeta};

    fn signal(kind: SignalKind, period: Period, measure: Measure) -> Signal {
        let mut view = ViewSpec::trend("jeugd", "instroom", &["a".to_string()]);
        view.granularity = Some(period.granularity);
        view.range = Some((Period::month(2022, 7), period));
        Signal {
            kind,
            domein: "jeugd".into(),
            indicator: "instroom".into(),
            breakdown: Breakdown::default(),
            sources: vec!["a".into()],
            period,
            measure,
            score: 1.0,
            view,
        }
    }

    #[test]
    fn each_kind_in_one_sentence() {
        let rule = Disclosure::open();
        let july = Period::month(2024, 7);
        let cases = [
            (
                signal(
                    SignalKind::YearOnYear,
                    july,
                    Measure::YearOnYear {
                        previous: Period::month(2023, 7),
                        before: 200.0,
                        now: 150.0,
                    },
                ),
                "instroom van a is in juli 2024 25,0% lager dan een jaar eerder: 150 tegen 200 in juli 2023.",
            ),
            (
                signal(
                    SignalKind::OutsideSeason,
                    july,
                    Measure::OutsideSeason {
                        value: 400.0,
                        low: 180.0,
                        high: 260.0,
                        years: 4,
                    },
                ),
                "instroom van a valt in juli 2024 met 400 buiten wat juli in 4 eerdere jaren deed (verwacht 180 tot 260).",
            ),
            (
                signal(
                    SignalKind::Stopped,
                    Period::year(2021),
                    Measure::Stopped {
                        others_last: Period::month(2023, 6),
                        ahead: "b".into(),
                        rhythm: Granularity::Year,
                        months_behind: 18,
                    },
                ),
                "a levert instroom niet meer: de laatste periode is 2021, b loopt door tot juni 2023 (18 maanden later; ritme jaar).",
            ),
        ];
        for (s, sentence) in cases {
            assert_eq!(reason(&s, &rule), sentence);
        }
        let s = &signal(
            SignalKind::OutsideSeason,
            Period::quarter(2024, 3),
            Measure::OutsideSeason {
                value: 1.0,
                low: 2.0,
                high: 3.0,
                years: 3,
            },
        );
        assert!(reason(s, &rule).contains("buiten wat het 3e kwartaal in 3 eerdere jaren deed"));
        assert_eq!(
            describe_view(&s.view),
            "trend van jeugd/instroom: a, per kwartaal, juli 2022 t/m 3e kwartaal 2024"
        );
    }

    #[test]
    fn small_counts_from_records_stay_in_the_room() {
        let meta = DatasetMeta {
            bronnen: vec![SourceMeta {
                id: "a".into(),
                herkomst: "registratie".into(),
                ..SourceMeta::default()
            }],
            ..DatasetMeta::default()
        };
        let rule = Disclosure::of(&meta, false);
        let s = signal(
            SignalKind::YearOnYear,
            Period::month(2024, 7),
            Measure::YearOnYear {
                previous: Period::month(2023, 7),
                before: 20.0,
                now: 6.0,
            },
        );
        let text = reason(&s, &rule);
        assert!(text.contains(": <10 tegen 20 in juli 2023."), "{text}");
        let json = signals(&[s], SignalFormat::Json, &rule, &meta);
        assert!(json.contains("<10") && !json.contains("tegen 6 "), "{json}");
    }
}
