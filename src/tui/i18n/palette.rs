//! The command palette's words, in both languages.

use super::Lang::{En, Nl};
use super::texts::Texts;

/// What a palette row stands for, for its kind column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaletteKind {
    Command,
    Series,
    Indicator,
}

impl Texts {
    pub fn palette_title(&self) -> &'static str {
        match self.lang {
            Nl => "Palet",
            En => "Palette",
        }
    }

    /// The kind column of a row.
    pub fn palette_kind(&self, kind: PaletteKind) -> &'static str {
        match (self.lang, kind) {
            (Nl, PaletteKind::Command) => "opdracht",
            (En, PaletteKind::Command) => "command",
            (Nl, PaletteKind::Series) => "reeks",
            (En, PaletteKind::Series) => "series",
            (_, PaletteKind::Indicator) => "indicator",
        }
    }

    /// The row that shows every source of an indicator, as the tree's indicator row does.
    pub fn palette_all_sources(&self, domain: &str, indicator: &str) -> String {
        match self.lang {
            Nl => format!("{domain} · {indicator} · alle bronnen"),
            En => format!("{domain} · {indicator} · all sources"),
        }
    }

    pub fn palette_placeholder(&self) -> &'static str {
        match self.lang {
            Nl => "typ een deel van een opdracht, reeks of indicator",
            En => "type part of a command, series or indicator",
        }
    }

    pub fn palette_nothing(&self) -> &'static str {
        match self.lang {
            Nl => "niets gevonden",
            En => "nothing found",
        }
    }
}
