//! The words for the analyst's views (season, breakdown, places): their names in titles, the
//! status line and agenda items, why one cannot be shown, and the change list's headings.

use super::Lang::*;
use super::texts::Texts;
use crate::analysis::chart::ViewRefusal;
use crate::model::{Dimension, Granularity, ViewKind};

impl Texts {
    /// "seizoen", "per wijk", "per wijk, gestapeld", "verandering per wijk", "plaatsen".
    pub fn view_name(&self, kind: ViewKind, dimension: Option<Dimension>) -> String {
        let part = self.dimension_name(dimension.unwrap_or(Dimension::Wijk));
        match (kind, self.lang) {
            (ViewKind::Trend, _) => "trend".to_string(),
            (ViewKind::Compare, Nl) => "vergelijken".to_string(),
            (ViewKind::Compare, En) => "compare".to_string(),
            (ViewKind::Season, Nl) => "seizoen".to_string(),
            (ViewKind::Season, En) => "season".to_string(),
            (ViewKind::Parts, Nl) | (ViewKind::Parts, En) => format!("per {part}"),
            (ViewKind::Stacked, Nl) => format!("per {part}, gestapeld"),
            (ViewKind::Stacked, En) => format!("per {part}, stacked"),
            (ViewKind::PartsChange, Nl) => format!("verandering per {part}"),
            (ViewKind::PartsChange, En) => format!("change per {part}"),
            (ViewKind::Places, Nl) => "plaatsen naast elkaar".to_string(),
            (ViewKind::Places, En) => "places side by side".to_string(),
        }
    }

    pub fn dimension_name(&self, d: Dimension) -> &'static str {
        match (d, self.lang) {
            (Dimension::Wijk, _) => "wijk",
            (Dimension::Aanbieder, Nl) => "aanbieder",
            (Dimension::Aanbieder, En) => "provider",
        }
    }

    /// The status line after a view key.
    pub fn view_shown(&self, kind: ViewKind, dimension: Option<Dimension>) -> String {
        match self.lang {
            Nl => format!("weergave: {}", self.view_name(kind, dimension)),
            En => format!("view: {}", self.view_name(kind, dimension)),
        }
    }

    /// Why a view cannot be shown for the charted indicator.
    pub fn view_refused(&self, kind: ViewKind, why: &ViewRefusal) -> String {
        let name = self.view_name(kind, None);
        let reason = match (why, self.lang) {
            (ViewRefusal::NoSeries, Nl) => "geen cijfers in deze bronnen".to_string(),
            (ViewRefusal::NoSeries, En) => "no figures in these sources".to_string(),
            (ViewRefusal::NotWithinYear { granularity }, Nl) => format!(
                "vraagt maand- of kwartaalcijfers; deze zijn per {}",
                self.granularity_noun(*granularity)
            ),
            (ViewRefusal::NotWithinYear { granularity }, En) => format!(
                "needs months or quarters; these are per {}",
                self.granularity_noun(*granularity)
            ),
            (ViewRefusal::NoParts, Nl) => {
                "geen bron is uitgesplitst in twee of meer wijken of aanbieders".to_string()
            }
            (ViewRefusal::NoParts, En) => {
                "no source is split into two or more wijken or providers".to_string()
            }
            (ViewRefusal::NoPlaces, Nl) => {
                "minder dan twee plaatsen (gemeenten, Nederland) hebben cijfers".to_string()
            }
            (ViewRefusal::NoPlaces, En) => {
                "fewer than two places (gemeenten, the Netherlands) have figures".to_string()
            }
            (ViewRefusal::Transform(_), Nl) => {
                "de bewerking kan niet op deze reeksen; zet die eerst uit".to_string()
            }
            (ViewRefusal::Transform(_), En) => {
                "the transform does not apply to these series; turn it off first".to_string()
            }
        };
        match self.lang {
            Nl => format!("{name} kan hier niet: {reason}"),
            En => format!("{name} is not possible here: {reason}"),
        }
    }

    fn granularity_noun(&self, g: Granularity) -> &'static str {
        match (g, self.lang) {
            (_, Nl) => g.dutch(),
            (Granularity::Month, En) => "month",
            (Granularity::Quarter, En) => "quarter",
            (Granularity::HalfYear, En) => "half year",
            (Granularity::Year, En) => "year",
        }
    }

    /// The legend's name for the rest of a total its parts leave.
    pub fn parts_rest(&self) -> &'static str {
        match self.lang {
            Nl => "rest (totaal min de delen)",
            En => "rest (total minus the parts)",
        }
    }

    /// Under a season chart: what the band is.
    pub fn season_band(&self) -> &'static str {
        match self.lang {
            Nl => "band: laagste tot hoogste van de eerdere jaren",
            En => "band: lowest to highest of the earlier years",
        }
    }

    /// The headings of the change list: part, period before, period after, change, %.
    pub fn change_headings(&self, d: Dimension) -> [String; 5] {
        let part = self.dimension_name(d).to_string();
        match self.lang {
            Nl => [
                part,
                "jaar eerder".into(),
                "nu".into(),
                "verschil".into(),
                "%".into(),
            ],
            En => [
                part,
                "a year earlier".into(),
                "now".into(),
                "change".into(),
                "%".into(),
            ],
        }
    }

    /// The total's row in the change list.
    pub fn total_row(&self) -> &'static str {
        match self.lang {
            Nl => "totaal",
            En => "total",
        }
    }

    /// Above the change list: which periods are compared, and that the order is the size only.
    pub fn change_caption(&self, from: &str, to: &str) -> String {
        match self.lang {
            Nl => format!("{to} tegenover {from}; op grootte van de verandering, geen oordeel"),
            En => format!("{to} against {from}; by size of the change, no judgement"),
        }
    }
}
