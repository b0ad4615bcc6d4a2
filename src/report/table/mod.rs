//! The table of what is on screen, for the analyst's own report: the trend's values per period
//! (after the view's transform), the comparison's differences, or the signals list. Built from a
//! [`ViewSpec`] the way [`super::slide::slide`] builds a slide, with the same small counts left
//! out and the same sources credited; written as CSV for Excel or as Markdown ([`render`]).

mod build;
pub mod render;
mod views;

pub use render::{csv, markdown};

use crate::analysis::signals::Signal;
use crate::model::{Dataset, ViewKind, ViewSpec};
use jiff::civil::Date;

/// The language of the column headers (the figures and sentences stay as the minutes write
/// them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Dutch,
    English,
}

impl Language {
    /// The Dutch or the English word.
    pub(crate) fn pick(self, nl: &'static str, en: &'static str) -> &'static str {
        match self {
            Language::Dutch => nl,
            Language::English => en,
        }
    }
}

/// A table ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table is about: the indicator's name, or "Signalen: <dataset>".
    pub title: String,
    /// What the title does not say: domein, period length, unit, zoom, reference.
    pub subtitle: String,
    /// The transform of the view, named ("voortschrijdend gemiddelde over 3 perioden").
    pub transform: Option<String>,
    pub headers: Vec<String>,
    /// One per row, as many cells as `headers`; an empty cell is a missing figure.
    pub rows: Vec<Vec<String>>,
    /// The sources credited (as under an exported chart), what was left out, when it was made.
    pub footer: Vec<String>,
    /// The file name without number and extension: `<datum>-<domein>-<indicator>`.
    pub stem: String,
    pub language: Language,
}

/// The table of `view` on `date`; `None` when the view has nothing to show.
pub fn table(dataset: &Dataset, view: &ViewSpec, date: Date, language: Language) -> Option<Table> {
    match view.kind {
        // The season (a column per year), the parts, the stacked parts and the places are
        // charts over periods like the trend: a row per period, a column per line.
        ViewKind::Trend
        | ViewKind::Season
        | ViewKind::Parts
        | ViewKind::Stacked
        | ViewKind::Places => build::trend(dataset, view, date, language),
        ViewKind::Compare => build::comparison(dataset, view, date, language),
        ViewKind::PartsChange => views::part_changes(dataset, view, date, language),
    }
}

/// The table of the signals list on `date`; `None` when there are none.
pub fn signals_table(
    dataset: &Dataset,
    found: &[Signal],
    date: Date,
    language: Language,
) -> Option<Table> {
    build::signals(dataset, found, date, language)
}

#[cfg(test)]
mod tests;
