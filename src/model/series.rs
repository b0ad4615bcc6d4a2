//! Series (reeksen) and the loaded dataset.

use super::meta::{DatasetMeta, IndicatorMeta, Soort, SourceMeta};
use super::period::{Granularity, Period};
use std::fmt;
use std::path::PathBuf;

/// Publication status of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Definitief,
    Voorlopig,
    NaderVoorlopig,
    Schatting,
}

impl Status {
    pub const FORMS: &'static str = "definitief, voorlopig, nader voorlopig of schatting";

    pub fn parse(s: &str) -> Option<Status> {
        // The usual spellings without a copy: a big file has one on every row.
        match s {
            "definitief" => return Some(Status::Definitief),
            "voorlopig" => return Some(Status::Voorlopig),
            _ => {}
        }
        match s.trim().to_lowercase().replace('_', " ").as_str() {
            "" | "definitief" => Some(Status::Definitief),
            "voorlopig" => Some(Status::Voorlopig),
            "nader voorlopig" => Some(Status::NaderVoorlopig),
            "schatting" => Some(Status::Schatting),
            _ => None,
        }
    }

    pub fn dutch(self) -> &'static str {
        match self {
            Status::Definitief => "definitief",
            Status::Voorlopig => "voorlopig",
            Status::NaderVoorlopig => "nader voorlopig",
            Status::Schatting => "schatting",
        }
    }

    /// Not (yet) final: drawn differently on charts.
    pub fn is_provisional(self) -> bool {
        !matches!(self, Status::Definitief)
    }
}

/// Optional breakdown of a series (regio, wijk, aanbieder).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Breakdown {
    pub regio: Option<String>,
    pub wijk: Option<String>,
    pub aanbieder: Option<String>,
}

impl Breakdown {
    pub fn is_empty(&self) -> bool {
        self.regio.is_none() && self.wijk.is_none() && self.aanbieder.is_none()
    }

    /// A series for the whole area (possibly a regio), not split by wijk or aanbieder.
    pub fn is_total(&self) -> bool {
        self.wijk.is_none() && self.aanbieder.is_none()
    }

    /// Same breakdown without the given part: used to find the total a part belongs to.
    pub fn parts(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("regio", self.regio.as_deref()),
            ("wijk", self.wijk.as_deref()),
            ("aanbieder", self.aanbieder.as_deref()),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
    }
}

impl Breakdown {
    /// Describes only the parts that differ within `group`: a regio shared by every series of an
    /// indicator is noise on screen.
    pub fn describe_within<'a>(
        &self,
        group: impl IntoIterator<Item = &'a Breakdown> + Clone,
    ) -> String {
        self.parts()
            .filter(|(k, v)| {
                group
                    .clone()
                    .into_iter()
                    .any(|b| b.parts().find(|(k2, _)| k2 == k).map(|(_, v2)| v2) != Some(*v))
            })
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Breakdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.parts().map(|(k, v)| format!("{k} {v}")).collect();
        f.write_str(&parts.join(", "))
    }
}

/// Identity of a series.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeriesKey {
    pub domein: String,
    pub indicator: String,
    pub bron: String,
    pub breakdown: Breakdown,
}

impl fmt::Display for SeriesKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.domein, self.indicator, self.bron)?;
        if !self.breakdown.is_empty() {
            write!(f, " ({})", self.breakdown)?;
        }
        Ok(())
    }
}

/// One figure of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub period: Period,
    /// `None` is "unknown or suppressed" (CBS "."), never zero.
    pub value: Option<f64>,
    pub status: Status,
    /// Unit as written on the row, when it differs per row (a unit change). Shared: a big file
    /// repeats the same few units millions of times.
    pub unit: Option<std::sync::Arc<str>>,
    pub note: Option<String>,
    /// 1-based line in `reeksen.csv`, to point back at the data.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub key: SeriesKey,
    /// Sorted by period, no duplicate periods.
    pub points: Vec<Observation>,
}

impl Series {
    /// The finest granularity present (series normally have one).
    pub fn granularity(&self) -> Granularity {
        self.points
            .iter()
            .map(|p| p.period.granularity)
            .min()
            .unwrap_or(Granularity::Year)
    }

    pub fn value_at(&self, period: &Period) -> Option<&Observation> {
        self.points
            .binary_search_by(|o| o.period.cmp(period))
            .ok()
            .map(|i| &self.points[i])
    }

    pub fn first_period(&self) -> Option<Period> {
        self.points.first().map(|o| o.period)
    }

    pub fn last_period(&self) -> Option<Period> {
        self.points.last().map(|o| o.period)
    }
}

/// A loaded, validated dataset folder.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub path: PathBuf,
    pub meta: DatasetMeta,
    /// Sorted by key.
    pub series: Vec<Series>,
    /// Hex SHA-256 over `dataset.toml` and `reeksen.csv`: sessions record it to notice changed data.
    pub content_hash: String,
}

impl Dataset {
    pub fn find(&self, key: &SeriesKey) -> Option<&Series> {
        self.series
            .binary_search_by(|s| s.key.cmp(key))
            .ok()
            .map(|i| &self.series[i])
    }

    pub fn indicator_meta(&self, key: &SeriesKey) -> Option<&IndicatorMeta> {
        self.meta.indicator(&key.domein, &key.indicator)
    }

    pub fn source_meta(&self, bron: &str) -> Option<&SourceMeta> {
        self.meta.source(bron)
    }

    pub fn soort(&self, key: &SeriesKey) -> Soort {
        self.indicator_meta(key)
            .map(|m| m.soort)
            .unwrap_or(Soort::Stroom)
    }

    /// Domains in the order they first appear in the sorted series list.
    pub fn domains(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in &self.series {
            if !out.contains(&s.key.domein.as_str()) {
                out.push(&s.key.domein);
            }
        }
        out
    }

    /// Distinct (indicator) ids within a domain.
    pub fn indicators(&self, domein: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in self.series.iter().filter(|s| s.key.domein == domein) {
            if !out.contains(&s.key.indicator.as_str()) {
                out.push(&s.key.indicator);
            }
        }
        out
    }

    /// All series of one (domein, indicator), every source and breakdown.
    pub fn series_of<'a>(
        &'a self,
        domein: &'a str,
        indicator: &'a str,
    ) -> impl Iterator<Item = &'a Series> + 'a {
        self.series
            .iter()
            .filter(move |s| s.key.domein == domein && s.key.indicator == indicator)
    }

    /// Overall first and last period across all series.
    pub fn period_span(&self) -> Option<(Period, Period)> {
        let first = self.series.iter().filter_map(|s| s.first_period()).min()?;
        let last = self.series.iter().filter_map(|s| s.last_period()).max()?;
        Some((first, last))
    }

    pub fn observation_count(&self) -> usize {
        self.series.iter().map(|s| s.points.len()).sum()
    }
}
