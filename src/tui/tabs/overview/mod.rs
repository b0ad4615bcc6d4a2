//! The mismatch overview: every named difference in the dataset, largest first, filterable by
//! kind and domain; Enter opens the comparison view at that period. The analyst's agenda.

mod draw;

pub use draw::draw;

use crate::analysis::mismatch::{Mismatch, MismatchKind};
use crate::model::Dataset;
use crate::tui::components::hit::{MouseInput, contains, inner};
use crate::tui::components::list_view::ListView;
use crate::tui::keymap::Action;
use ratatui::layout::{Constraint, Layout, Rect};

#[derive(Debug, Clone, Default)]
pub struct OverviewTab {
    /// Computed in the background when the tab is first shown (never while drawing).
    pub all: Option<Vec<Mismatch>>,
    pub kind: Option<MismatchKind>,
    pub domain: Option<String>,
    pub view: ListView,
    /// Indices into `all` that pass the filters, kept when they change: a big dataset has
    /// hundreds of thousands of differences and a key must not filter them again.
    shown: Vec<usize>,
    /// The width of the regio column when the shown differences are in several regios.
    regio_width: Option<u16>,
}

/// Where the overview's parts are: filter line, table (with a header row), detail.
pub struct OverviewLayout {
    pub filter: Rect,
    pub table: Rect,
    pub detail: Rect,
}

impl OverviewTab {
    pub fn layout(area: Rect) -> OverviewLayout {
        let [filter, table, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Length(6),
        ])
        .areas(area);
        OverviewLayout {
            filter,
            table,
            detail,
        }
    }

    pub fn set_found(&mut self, found: Vec<Mismatch>) {
        self.all = Some(found);
        self.refilter();
    }

    /// Applies the filters once, after they change, and starts at the top.
    fn refilter(&mut self) {
        let all = self.all.as_deref().unwrap_or_default();
        self.shown = (all.iter().enumerate())
            .filter(|(_, m)| self.kind.is_none_or(|k| m.kind == k))
            .filter(|(_, m)| self.domain.as_ref().is_none_or(|d| *d == m.domein))
            .map(|(i, _)| i)
            .collect();
        // With several regios each row says which: otherwise 50 gemeenten read as one.
        let mut regios = self
            .shown
            .iter()
            .map(|&i| all[i].breakdown.regio.as_deref());
        let first = regios.next().flatten();
        let several = regios.clone().any(|r| r != first);
        self.regio_width = several.then(|| {
            (self.shown.iter())
                .filter_map(|&i| all[i].breakdown.regio.as_ref().map(|r| r.chars().count()))
                .max()
                .unwrap_or(1)
                .clamp(5, 12) as u16
        });
        self.view = ListView::default();
    }

    /// How many differences pass the filters.
    pub fn visible_len(&self) -> usize {
        self.shown.len()
    }

    /// The `i`-th difference that passes the filters.
    pub fn visible_at(&self, i: usize) -> Option<&Mismatch> {
        let all = self.all.as_deref()?;
        self.shown.get(i).and_then(|&i| all.get(i))
    }

    /// The regio column's width, when the differences shown are in several regios.
    pub fn regio_width(&self) -> Option<u16> {
        self.regio_width
    }

    pub fn selected_mismatch(&self) -> Option<&Mismatch> {
        self.visible_at(self.view.selected)
    }

    /// Handles an action; returns the difference to open in the comparison on Enter.
    pub fn handle(&mut self, action: Action, dataset: &Dataset, area: Rect) -> Option<Mismatch> {
        match action {
            Action::FilterKind => {
                self.kind = match self.kind {
                    None => Some(MismatchKind::ALL[0]),
                    Some(k) => MismatchKind::ALL
                        .iter()
                        .position(|x| *x == k)
                        .and_then(|i| MismatchKind::ALL.get(i + 1).copied()),
                };
                self.refilter();
            }
            Action::FilterDomain => {
                let domains = dataset.domains();
                self.domain = match &self.domain {
                    None => domains.first().map(|d| d.to_string()),
                    Some(d) => domains
                        .iter()
                        .position(|x| x == d)
                        .and_then(|i| domains.get(i + 1))
                        .map(|d| d.to_string()),
                };
                self.refilter();
            }
            Action::Activate => return self.selected_mismatch().cloned(),
            _ => {
                let page = Self::rows_shown(area);
                self.view.step(action, self.visible_len(), page);
            }
        }
        None
    }

    /// Table rows that fit: the border and the header row take three lines.
    fn rows_shown(area: Rect) -> usize {
        inner(Self::layout(area).table).height.saturating_sub(1) as usize
    }

    pub fn settle(&mut self, area: Rect) {
        let n = self.visible_len();
        self.view.settle(n, Self::rows_shown(area));
    }

    /// Click selects a row (a second click opens it is left to Enter); scroll moves.
    pub fn mouse(&mut self, m: MouseInput, area: Rect) {
        let table = inner(Self::layout(area).table);
        let (column, row) = m.at();
        if !contains(table, column, row) {
            return;
        }
        let n = self.visible_len();
        match m {
            MouseInput::ScrollUp(..) => {
                self.view.step(Action::Up, n, 1);
            }
            MouseInput::ScrollDown(..) => {
                self.view.step(Action::Down, n, 1);
            }
            MouseInput::Click(..) if row > table.y => {
                if let Some(i) = self.view.item_at(row - table.y - 1, 1, n) {
                    self.view.selected = i;
                }
            }
            MouseInput::Click(..) => {}
        }
    }
}
