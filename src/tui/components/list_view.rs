//! Selection and scroll position of a list or table, kept in state (never written while
//! drawing) so that drawing is pure and a mouse click maps to the row that was drawn there.

use crate::tui::keymap::Action;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    pub selected: usize,
    /// First item shown.
    pub offset: usize,
}

impl ListView {
    /// Moves the selection by a navigation action among `n` items; `page` items per page.
    /// Returns whether the action was a navigation action.
    pub fn step(&mut self, action: Action, n: usize, page: usize) -> bool {
        let cur = self.selected as isize;
        let page = page.max(1) as isize;
        let target = match action {
            Action::Up => cur - 1,
            Action::Down => cur + 1,
            Action::PageUp => cur - page,
            Action::PageDown => cur + page,
            Action::Home => 0,
            Action::End => n as isize - 1,
            _ => return false,
        };
        self.selected = target.clamp(0, n.saturating_sub(1) as isize) as usize;
        true
    }

    /// Keeps the selection within `n` items and on screen when `visible` items fit.
    pub fn settle(&mut self, n: usize, visible: usize) {
        self.selected = self.selected.min(n.saturating_sub(1));
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(n.saturating_sub(visible));
    }

    /// The item drawn at `row` lines below the list's first line, each item `height` lines.
    pub fn item_at(&self, row: u16, height: u16, n: usize) -> Option<usize> {
        let i = self.offset + (row / height.max(1)) as usize;
        (i < n).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_clamp_and_scroll_into_view() {
        let mut v = ListView::default();
        assert!(v.step(Action::End, 30, 10));
        v.settle(30, 10);
        assert_eq!((v.selected, v.offset), (29, 20));
        v.step(Action::PageUp, 30, 10);
        v.settle(30, 10);
        assert_eq!((v.selected, v.offset), (19, 19));
        assert!(!v.step(Action::Annotate, 30, 10));
        assert_eq!(v.item_at(3, 1, 30), Some(22));
        assert_eq!(v.item_at(40, 1, 30), None);
        v.settle(5, 10);
        assert_eq!((v.selected, v.offset), (4, 0));
    }
}
