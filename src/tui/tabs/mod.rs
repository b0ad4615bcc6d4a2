//! Screens: each tab has its own state, handler and drawing.

pub mod compare;
pub mod overview;
pub mod signals;
pub mod trend;

use crate::tui::keymap::Context;

/// The screen on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Trend,
    Compare,
    Overview,
    Signals,
}

impl Tab {
    /// The keymap a key is looked up in on this tab.
    pub fn context(self) -> Context {
        match self {
            Tab::Trend => Context::Trend,
            Tab::Compare => Context::Compare,
            Tab::Overview => Context::Overview,
            Tab::Signals => Context::Signals,
        }
    }
}
