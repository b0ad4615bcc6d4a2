//! Mouse input and hit-testing against the areas a layout computed.

use ratatui::layout::Rect;

/// A mouse event the tabs handle, at a screen cell (column, row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseInput {
    Click(u16, u16),
    ScrollUp(u16, u16),
    ScrollDown(u16, u16),
}

impl MouseInput {
    pub fn at(self) -> (u16, u16) {
        match self {
            MouseInput::Click(c, r) | MouseInput::ScrollUp(c, r) | MouseInput::ScrollDown(c, r) => {
                (c, r)
            }
        }
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(r)
}

pub fn contains(r: Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
}
