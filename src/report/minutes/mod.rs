//! Minutes ("verslag") of a session: one document, built once from the session, the other
//! sessions of its folder and the dataset, and rendered twice: as Markdown ([`markdown()`]) and as
//! one self-contained HTML file with charts ([`html()`]). Both show the same sections in the same
//! order with the same words; only the HTML has charts, drawn from the view each annotation was
//! made in.

mod build;
mod html;
mod life;
mod markdown;
mod svg;

pub use html::{esc, html};
pub(crate) use life::{links_text, result_text};
pub use markdown::markdown;
pub(crate) use svg::drawn as drawn_chart;

use super::text;
use crate::analysis::chart::ChartModel;
use crate::model::disclosure::Disclosure;
use crate::model::{Dataset, Period, ViewKind, ViewSpec};
use crate::session::{Annotation, AnnotationKind, Participant, QuestionStatus, Session};
use jiff::civil::Date;

/// The minutes of one session.
#[derive(Debug, Clone)]
pub struct Minutes {
    pub title: String,
    pub date: Date,
    pub facilitator: String,
    /// File name of the session ("2026-11-05-duiden-van-data-jeugd-en-wmo.toml").
    pub file_name: String,
    pub dataset: DatasetLine,
    pub participants: Vec<Participant>,
    pub agenda: Vec<AgendaLine>,
    /// Per indicator: the agenda first, then every other indicator with an observation,
    /// explanation or data-quality remark, in order of its first one.
    pub indicators: Vec<IndicatorSection>,
    /// The questions, then the actions of this session.
    pub items: [ItemTable; 2],
    pub changes: Vec<ChangeRow>,
    pub merges: Vec<MergeRow>,
    /// Questions and actions of earlier sessions on the same dataset still open.
    pub still_open: Vec<OpenRow>,
    /// The sources named in the annotations with their names; empty without a dataset.
    pub sources: Vec<SourceLine>,
    /// Whether the dataset was there (charts and names need it).
    pub has_dataset: bool,
    /// Which sources' small counts are "<10" here (see [`crate::report::privacy`]).
    pub disclosure: Disclosure,
}

/// The dataset the session looked at.
#[derive(Debug, Clone)]
pub struct DatasetLine {
    pub pad: String,
    /// The dataset's title from its metadata, when loaded.
    pub title: Option<String>,
    /// Short content hash recorded by the session.
    pub hash: String,
    /// Short content hash of the data now, when it differs from the recorded one.
    pub changed_to: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AgendaLine {
    /// "jeugd · Instroom jeugdhulp".
    pub heading: String,
    pub toelichting: String,
}

/// One indicator with its remarks and charts.
#[derive(Debug, Clone)]
pub struct IndicatorSection {
    pub domein: String,
    pub indicator: String,
    /// "jeugd · Instroom jeugdhulp".
    pub heading: String,
    /// Observations, explanations and data-quality remarks, by kind; kinds without one left out.
    pub groups: Vec<(AnnotationKind, Vec<Note>)>,
    /// "onderzoeksvragen 3 en 8; actie 7": the questions and actions on this indicator.
    pub see_also: String,
    /// One chart per view the annotations of this indicator were made in (empty without a
    /// dataset or without annotations).
    pub charts: Vec<Chart>,
}

/// A transform in the minutes' words: "per 1.000 inwoners 0-17", "index 2021-Q1 = 100".
pub fn transform_text(t: &crate::model::Transform, age: Option<&str>) -> String {
    use crate::model::Transform::*;
    match t {
        PerInhabitants { per, .. } => crate::analysis::transform::per_unit(*per, age),
        Index { basis } => format!("index {} = 100", basis.dutch_short()),
        YearOnYear => "verschil met een jaar eerder".to_string(),
        YearOnYearPct => "% verschil met een jaar eerder".to_string(),
        MovingAverage { perioden } => {
            format!("voortschrijdend gemiddelde over {perioden} perioden")
        }
        YearToDate => "jaar tot nu".to_string(),
    }
}

/// A chart of an indicator as the room saw it, with the annotated periods.
#[derive(Debug, Clone)]
pub struct Chart {
    pub view: ViewSpec,
    pub model: ChartModel,
    /// Annotation number and the periods it covers, to shade.
    pub bands: Vec<(u64, Period, Period)>,
    /// Sources named by the annotations without a whole-area series in the dataset.
    pub missing: Vec<String>,
    /// Small counts of a source from records were left out of the chart.
    pub small_left_out: bool,
}

impl Chart {
    /// Is there anything to draw?
    pub fn has_values(&self) -> bool {
        self.model.has_values()
    }

    /// What the chart shows, under it: "jeugd · Instroom jeugdhulp (aantal), hele gebied, per
    /// kwartaal, bronnen vergeleken met Gemeente. Gearceerd: …".
    pub fn caption(&self, heading: &str) -> String {
        let mut s = heading.to_string();
        if self.model.mixed_units {
            let units: Vec<&str> = self.model.panels.iter().map(|p| p.unit.as_str()).collect();
            s.push_str(&format!(" (per eenheid een paneel: {})", units.join(", ")));
        } else if !self.model.unit.is_empty() {
            s.push_str(&format!(" ({})", self.model.unit));
        }
        // The analyst's views say what they show instead of the whole area.
        match self.view.kind {
            ViewKind::Trend | ViewKind::Compare => s.push_str(", hele gebied"),
            kind => s.push_str(&format!(
                ", {}",
                crate::report::signals::view_kind_name(kind)
            )),
        }
        let compare = self.view.kind == ViewKind::Compare;
        let granularity = match self.view.granularity {
            Some(g) => Some(g),
            None if compare => self.model.granularity(),
            None => None,
        };
        if let Some(g) = granularity {
            s.push_str(&format!(", per {}", g.dutch()));
        }
        if compare {
            let reference = self.model.reference.as_ref().map(|r| {
                self.model
                    .series
                    .iter()
                    .find(|s| s.key.bron == *r)
                    .map_or_else(|| r.clone(), |s| text::one_line(&s.label))
            });
            match reference {
                Some(r) => s.push_str(&format!(", bronnen vergeleken met {r}")),
                None => s.push_str(", bronnen naast elkaar"),
            }
        }
        if let Some(t) = &self.model.transform {
            s.push_str(&format!(", bewerking: {}", transform_text(t, None)));
        }
        s.push_str(". Gearceerd: de perioden van de aantekeningen, met hun nummer.");
        if !self.missing.is_empty() {
            s.push_str(&format!(
                " Niet in de dataset: {}.",
                text::dutch_list(&self.missing)
            ));
        }
        if self.small_left_out {
            s.push_str(" Aantallen onder de 10 uit registratiedata zijn niet getekend (AVG).");
        }
        s
    }
}

/// One annotation as the minutes show it. Its wording comes from [`crate::report::text`].
#[derive(Debug, Clone)]
pub struct Note {
    pub annotation: Annotation,
    /// "jeugd · Instroom jeugdhulp, juni 2021 t/m december 2021 (gemeente-registratie)".
    pub about: String,
    /// A question's merges up to this session: "samengevoegd in nr 2 van 10 september 2026",
    /// or "samengevoegd met nr 4 van 10 september 2026"; empty when none.
    pub merge: String,
    /// The differences the annotation is about, small counts protected; empty when none.
    pub difference: String,
    /// The transform of the view it was made in ("per 1.000 inwoners"); empty when none.
    pub transform: String,
}

impl Note {
    pub fn id(&self) -> u64 {
        self.annotation.id
    }

    pub fn text(&self) -> &str {
        self.annotation.text.trim()
    }

    /// "Sanne de Vries (aanbieder)".
    pub fn who(&self) -> String {
        text::who(&self.annotation)
    }

    /// "juni 2021 t/m december 2021", with the regio when one was recorded ("1e halfjaar 2021,
    /// regio GM0107") and the transform of its view ("…, per 1.000 inwoners").
    pub fn period(&self) -> String {
        let anchor = &self.annotation.anchor;
        let period = match &anchor.region {
            Some(regio) => format!(
                "{}, regio {}",
                text::dutch_period(anchor),
                text::one_line(regio)
            ),
            None => text::dutch_period(anchor),
        };
        match self.transform.is_empty() {
            true => period,
            false => format!("{period}, {}", self.transform),
        }
    }

    pub fn sources(&self) -> &[String] {
        &self.annotation.anchor.sources
    }

    /// The differences the annotation is about, on one line, small counts of sources from
    /// records as "<10"; empty when none.
    pub fn difference(&self) -> String {
        self.difference.clone()
    }

    /// "toegang en beleid steunen; aanbieder niet eens": roles only; empty when not recorded.
    pub fn readings(&self) -> String {
        text::describe_readings(&self.annotation.support, &self.annotation.disagree)
    }

    /// "urgentie hoog, slim combineren midden"; empty when nothing is weighed.
    pub fn criteria(&self) -> String {
        text::describe_criteria(&self.annotation.criteria)
    }

    /// The status of a question or action (open when not set).
    pub fn status(&self) -> QuestionStatus {
        self.annotation
            .effective_status()
            .unwrap_or(QuestionStatus::Open)
    }

    pub fn owner(&self) -> &str {
        self.annotation.owner.trim()
    }

    /// The status column: "open", "geagendeerd; samengevoegd met nr 4 van 10 september 2026",
    /// or for a question merged away only where it went (its status is that question's).
    pub fn status_text(&self) -> String {
        let status = self.status().dutch();
        match &self.merge {
            m if m.is_empty() => status.to_string(),
            m if self.merged_away() => m.clone(),
            m => format!("{status}; {m}"),
        }
    }

    /// Merged into another question (in this session or before).
    pub fn merged_away(&self) -> bool {
        self.merge.starts_with(MERGED_INTO)
    }
}

/// How a question merged into another one starts its status.
const MERGED_INTO: &str = "samengevoegd in ";
/// How a question others were merged into names them.
const MERGED_WITH: &str = "samengevoegd met ";

/// The questions or the actions of this session.
#[derive(Debug, Clone)]
pub struct ItemTable {
    pub kind: AnnotationKind,
    pub items: Vec<Note>,
}

impl ItemTable {
    /// "Onderzoeksvragen" / "Acties".
    pub fn heading(&self) -> String {
        text::capitalise(self.kind.dutch_plural())
    }

    /// The column heading for the item: "Vraag" / "Actie".
    pub fn noun(&self) -> &'static str {
        match self.kind {
            AnnotationKind::Onderzoeksvraag => "Vraag",
            _ => "Actie",
        }
    }
}

/// What a change in this session is about.
#[derive(Debug, Clone)]
pub enum ChangeTarget {
    /// The question or action, found in the session folder.
    Found(Box<Annotation>),
    /// Looked for in the session folder, not there.
    NotFound,
    /// The other sessions were not consulted.
    Unknown,
}

/// A change of status, owner or criteria of an earlier question or action.
#[derive(Debug, Clone)]
pub struct ChangeRow {
    pub sessie: String,
    pub id: u64,
    pub target: ChangeTarget,
    /// "status geagendeerd; eigenaar BiO".
    pub change: String,
    pub door: String,
    pub toelichting: String,
}

/// One side of a merge.
#[derive(Debug, Clone)]
pub struct MergeSide {
    pub sessie: String,
    pub id: u64,
    /// The question's text, when found.
    pub text: Option<String>,
    /// The question's code, when found and it has one.
    pub code: Option<crate::session::Code>,
}

#[derive(Debug, Clone)]
pub struct MergeRow {
    pub from: MergeSide,
    pub into: MergeSide,
    pub door: String,
}

/// A question or action of an earlier session still open, with its current state.
#[derive(Debug, Clone)]
pub struct OpenRow {
    pub sessie: String,
    pub annotation: Annotation,
    pub status: QuestionStatus,
}

/// A source named in the annotations.
#[derive(Debug, Clone)]
pub struct SourceLine {
    pub id: String,
    /// Its name and supplier from the metadata; `None` when the dataset does not know it.
    pub name: Option<(String, String)>,
}

impl Minutes {
    /// What the minutes say at the top about small counts: that they are shown anyway
    /// (`--kleine-aantallen`), or how they are written; none when the dataset has no source
    /// from records.
    pub fn privacy_lines(&self) -> Vec<&'static str> {
        let d = &self.disclosure;
        let known = self.has_dataset && d.any_protected();
        [
            crate::report::privacy::shown_anyway_line(d),
            crate::report::privacy::suppressed_line(d).filter(|_| known),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The minutes of `session`, stored as `file_name`.
    ///
    /// `history` holds other sessions of the folder by file name (e.g.
    /// [`crate::session::store::list_ok`]), for the changes to earlier questions and actions and
    /// what is still open; sessions named after `file_name` are ignored, so minutes made again
    /// later show the state of then. Without it (`None`) the minutes do not guess. With
    /// `dataset`, names come from its metadata and the HTML has charts.
    pub fn build(
        session: &Session,
        file_name: &str,
        history: Option<&[(String, Session)]>,
        dataset: Option<&Dataset>,
    ) -> Minutes {
        build::build(session, file_name, history, dataset, false)
    }

    /// As [`Minutes::build`]; `small_counts` (`--kleine-aantallen`) shows counts from 1 to 9 of
    /// sources from records instead of "<10", and the minutes say so at the top.
    pub fn build_with(
        session: &Session,
        file_name: &str,
        history: Option<&[(String, Session)]>,
        dataset: Option<&Dataset>,
        small_counts: bool,
    ) -> Minutes {
        build::build(session, file_name, history, dataset, small_counts)
    }
}

#[cfg(test)]
mod tests;
