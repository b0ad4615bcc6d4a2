//! The view on screen as data ([`ViewSpec`]): read from the tab that shows it, and shown again
//! from one (an agenda item, the facilitator's screen followed by `meekijken`, a note's view).

use super::App;
use crate::model::{Period, ViewKind, ViewSpec};
use crate::session::Anchor;
use crate::tui::tabs::Tab;
use std::sync::Arc;

impl App {
    /// The view the screen shows now: the trend's charted indicator or the comparison's, with
    /// its sources, period length, reference and shown range. `None` on an empty chart or the
    /// overview without a comparison behind it.
    pub fn current_view(&self) -> Option<ViewSpec> {
        match self.tab {
            Tab::Compare => {
                let c = &self.compare;
                let table = c.table.as_ref()?;
                Some(ViewSpec {
                    domein: table.domein.clone(),
                    indicator: table.indicator.clone(),
                    bronnen: Vec::new(),
                    granularity: c.granularity,
                    range: None,
                    // The reference on screen: the chosen one, else the one the table took.
                    reference: c.reference.clone().or_else(|| table.reference.clone()),
                    kind: ViewKind::Compare,
                    transform: None,
                    dimension: None,
                    regio: None,
                })
            }
            Tab::Signals => self.signals.current_view(),
            Tab::Trend | Tab::Overview => {
                let anchor = self.trend.anchor()?;
                Some(ViewSpec {
                    domein: anchor.domain,
                    indicator: anchor.indicator,
                    bronnen: anchor.sources,
                    granularity: self.trend.granularity,
                    range: self.trend.zoom,
                    reference: None,
                    kind: self.trend.kind,
                    // A view's own transform (places per inhabitants) is not asked: it is made.
                    transform: self.trend.transform.clone(),
                    dimension: self.trend.dimension,
                    regio: self.trend.view_spec().and_then(|v| v.regio),
                })
            }
        }
    }

    /// Shows a view: its tab, indicator, sources, period length and reference. An indicator
    /// the dataset does not have leaves the screen as it was and returns false.
    pub fn show_view_spec(&mut self, view: &ViewSpec) -> bool {
        let data = Arc::clone(&self.shared.dataset);
        let mut sources: Vec<String> = data
            .series_of(&view.domein, &view.indicator)
            .filter(|s| view.shows(&s.key.bron))
            .map(|s| s.key.bron.clone())
            .collect();
        sources.sort();
        sources.dedup();
        let Some(last) = data
            .series_of(&view.domein, &view.indicator)
            .filter(|s| view.shows(&s.key.bron))
            .filter_map(|s| s.last_period())
            .max()
        else {
            return false;
        };
        let at: Period = view.range.map_or(last, |(_, to)| to);
        let mut anchor = Anchor::new(&view.domein, &view.indicator, sources, at, at);
        anchor.granularity = view.granularity;
        anchor.reference = view.reference.clone();
        anchor.view = view.kind;
        anchor.transform = view.transform.clone();
        anchor.dimension = view.dimension;
        anchor.region = view.regio.clone();
        self.show_view(&anchor);
        // The trend shows the view's range (a comparison has none: the whole series), also
        // when the view is a comparison that the presentation shows as a trend.
        self.trend.range_start = None;
        self.trend.set_zoom(&data, view.range);
        if self.presentation {
            self.tab = Tab::Trend;
        }
        true
    }
}

impl App {
    /// Starts in presentation mode when asked (`--presentatie`).
    pub fn presenting(mut self, on: bool) -> App {
        self.set_presentation(on);
        self
    }

    /// Starts or ends presentation mode: the trend chart of what is shown (a comparison's
    /// indicator with its sources), in the presentation's own look.
    pub fn set_presentation(&mut self, on: bool) {
        if on == self.presentation {
            return;
        }
        if on && self.tab != Tab::Trend {
            if let Some(mut view) = self.current_view() {
                view.kind = ViewKind::Trend;
                self.show_view_spec(&view);
            }
            self.tab = Tab::Trend;
        }
        std::mem::swap(&mut self.shared.theme, &mut self.other_theme);
        self.presentation = on;
        if on {
            self.trend.focus = crate::tui::tabs::trend::Focus::Chart;
        }
    }
}
