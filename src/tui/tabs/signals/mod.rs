//! The signals tab: what stands out in the dataset (see [`crate::analysis::signals`]), each with
//! its reason and the view that shows it. Enter shows that view; the agenda key puts it on the
//! agenda (the tab's view is the chosen signal's).

mod draw;

pub use draw::draw;

use crate::analysis::signals::Signal;
use crate::model::ViewSpec;
use crate::tui::components::hit::inner;
use crate::tui::components::list_view::ListView;
use crate::tui::keymap::Action;
use ratatui::layout::Rect;

#[derive(Default)]
pub struct SignalsTab {
    /// `None` until they are found (on a worker, the first time the tab is shown).
    pub found: Option<Vec<Signal>>,
    pub view: ListView,
}

/// Each signal takes two rows: its heading and its reason.
const ROWS_PER_SIGNAL: usize = 2;

impl SignalsTab {
    pub fn selected(&self) -> Option<&Signal> {
        self.found.as_ref()?.get(self.view.selected)
    }

    /// The view of the chosen signal.
    pub fn current_view(&self) -> Option<ViewSpec> {
        self.selected().map(|s| s.view.clone())
    }

    fn shown(area: Rect) -> usize {
        (inner(area).height as usize / ROWS_PER_SIGNAL).max(1)
    }

    /// Moves through the list; Enter gives the view to show.
    pub fn handle(&mut self, action: Action, area: Rect) -> Option<ViewSpec> {
        let n = self.found.as_ref().map_or(0, Vec::len);
        if action == Action::Activate {
            return self.current_view();
        }
        self.view.step(action, n, Self::shown(area));
        None
    }

    pub fn settle(&mut self, area: Rect) {
        let n = self.found.as_ref().map_or(0, Vec::len);
        self.view.settle(n, Self::shown(area));
    }
}
