//! Screens.

pub mod compare;
pub mod overview;
pub mod trend;

/// The screen on show; `1`, `2`, `3` switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Trend,
    Compare,
    Overview,
}
