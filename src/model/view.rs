//! What a chart shows: one indicator, the sources in it, the period length, the period range,
//! the reference source, and whether the sources are compared or shown as a trend. Pure data: the
//! interface builds one from its state, an annotation records the one it was made in, and the
//! minutes draw the chart of an annotation from it.

use super::{Granularity, Period, Transform};
use serde::{Deserialize, Serialize};

/// How the sources are shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ViewKind {
    /// The series over time, as selected.
    #[default]
    #[serde(rename = "trend")]
    Trend,
    /// All sources of the indicator side by side against a reference source.
    #[serde(rename = "vergelijken")]
    Compare,
    /// One source over the months (or quarters) of the year, one line per year, the last year
    /// highlighted against the band of the earlier years.
    #[serde(rename = "seizoen")]
    Season,
    /// The parts of one source (its wijken or aanbieders), each in a small chart on shared axes.
    #[serde(rename = "delen")]
    Parts,
    /// The parts stacked, with the total and the rest no part accounts for.
    #[serde(rename = "gestapeld")]
    Stacked,
    /// The parts listed by their change against a year earlier (listed, not judged).
    #[serde(rename = "verandering_per_deel")]
    PartsChange,
    /// The whole-area series of every place (gemeenten, Nederland) side by side, per inhabitants
    /// where that is possible, the own gemeente highlighted.
    #[serde(rename = "plaatsen")]
    Places,
}

impl ViewKind {
    pub fn is_trend(&self) -> bool {
        *self == ViewKind::Trend
    }

    /// A view of the parts of one source.
    pub fn is_breakdown(&self) -> bool {
        matches!(
            self,
            ViewKind::Parts | ViewKind::Stacked | ViewKind::PartsChange
        )
    }
}

/// What a breakdown splits a source into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Dimension {
    #[serde(rename = "wijk")]
    Wijk,
    #[serde(rename = "aanbieder")]
    Aanbieder,
}

impl Dimension {
    pub const ALL: [Dimension; 2] = [Dimension::Wijk, Dimension::Aanbieder];

    /// The part of `b` this dimension names, when `b` is split by it and nothing else.
    pub fn part_of<'b>(&self, b: &'b super::Breakdown) -> Option<&'b str> {
        match self {
            Dimension::Wijk => b.wijk.as_deref().filter(|_| b.aanbieder.is_none()),
            Dimension::Aanbieder => b.aanbieder.as_deref().filter(|_| b.wijk.is_none()),
        }
    }
}

/// A chart as the room saw it. Keys in files are Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewSpec {
    pub domein: String,
    pub indicator: String,
    /// Bron ids shown; empty means every source of the indicator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bronnen: Vec<String>,
    /// Period length the series are brought to; `None` shows them as delivered.
    #[serde(rename = "perioden", default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    /// First and last period shown; `None` shows everything.
    #[serde(rename = "bereik", default, skip_serializing_if = "Option::is_none")]
    pub range: Option<(Period, Period)>,
    /// Bron id the others are compared against; `None` lets the analysis choose.
    #[serde(
        rename = "referentie",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reference: Option<String>,
    #[serde(
        rename = "weergave",
        default,
        skip_serializing_if = "ViewKind::is_trend"
    )]
    pub kind: ViewKind,
    /// What was done to the shown series; `None` shows them as they are.
    #[serde(rename = "bewerking", default, skip_serializing_if = "Option::is_none")]
    pub transform: Option<Transform>,
    /// What a breakdown splits into; `None` takes the first the indicator has (wijk, aanbieder).
    #[serde(
        rename = "uitsplitsing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dimension: Option<Dimension>,
    /// The place (gemeente, regio) the view shows when the dataset has several; `None`: every
    /// place the sources have (places side by side highlight this one).
    #[serde(rename = "regio", default, skip_serializing_if = "Option::is_none")]
    pub regio: Option<String>,
}

impl ViewSpec {
    /// The trend of these sources of one indicator, as delivered, over their whole time.
    pub fn trend(domein: &str, indicator: &str, bronnen: &[String]) -> ViewSpec {
        ViewSpec {
            domein: domein.to_string(),
            indicator: indicator.to_string(),
            bronnen: bronnen.to_vec(),
            granularity: None,
            range: None,
            reference: None,
            kind: ViewKind::Trend,
            transform: None,
            dimension: None,
            regio: None,
        }
    }

    /// Does the view show series of this place?
    pub fn shows_regio(&self, regio: Option<&str>) -> bool {
        self.regio.is_none() || self.regio.as_deref() == regio
    }

    /// Does the view show this source?
    pub fn shows(&self, bron: &str) -> bool {
        self.bronnen.is_empty() || self.bronnen.iter().any(|b| b == bron)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_keys_and_defaults() {
        let mut v = ViewSpec::trend("jeugd", "instroom", &["gemeente".to_string()]);
        assert_eq!(
            toml::to_string(&v).unwrap(),
            "domein = \"jeugd\"\nindicator = \"instroom\"\nbronnen = [\"gemeente\"]\n"
        );
        v.granularity = Some(Granularity::Quarter);
        v.range = Some((Period::quarter(2020, 1), Period::quarter(2021, 4)));
        v.reference = Some("gemeente".into());
        v.kind = ViewKind::Compare;
        let text = toml::to_string(&v).unwrap();
        assert!(
            text.contains("perioden = \"kwartaal\"\nbereik = [\"2020-Q1\", \"2021-Q4\"]\nreferentie = \"gemeente\"\nweergave = \"vergelijken\"\n"),
            "{text}"
        );
        assert_eq!(toml::from_str::<ViewSpec>(&text).unwrap(), v);
        assert!(toml::from_str::<ViewSpec>("domein = \"j\"\nindicator = \"i\"\nx = 1").is_err());
        assert!(v.shows("gemeente") && !v.shows("cbs"));
        assert!(ViewSpec::trend("j", "i", &[]).shows("cbs"));
        v.transform = Some(Transform::MovingAverage { perioden: 12 });
        let text = toml::to_string(&v).unwrap();
        assert!(
            text.contains("[bewerking.voortschrijdend]\nperioden = 12\n"),
            "{text}"
        );
        assert_eq!(toml::from_str::<ViewSpec>(&text).unwrap(), v);
    }
}
