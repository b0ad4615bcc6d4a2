//! The command palette's side of the app: opening it on the screen's context, and what a chosen
//! row does (a command through the same dispatch as its key, a series through the browser).

use super::{App, Popup};
use crate::tui::components::browser::Node;
use crate::tui::components::hit::MouseInput;
use crate::tui::keymap::Action;
use crate::tui::popups::palette::{Palette, PaletteOutcome, Target};
use crate::tui::tabs::Tab;
use crossterm::event::KeyEvent;
use std::sync::Arc;

impl App {
    /// Opens the palette with the commands of the tab on screen.
    pub(super) fn open_palette(&mut self) {
        let ctx = self.tab.context();
        let palette = Palette::new(
            &self.shared.keymap,
            ctx,
            self.dataset(),
            &self.trend.browser,
        );
        self.popup = Some(Popup::Palette(Box::new(palette)));
    }

    pub(super) fn palette_key(
        &mut self,
        mut palette: Box<Palette>,
        action: Option<Action>,
        key: KeyEvent,
    ) {
        match palette.handle(action, key) {
            PaletteOutcome::Continue => self.popup = Some(Popup::Palette(palette)),
            outcome => self.palette_outcome(outcome),
        }
    }

    pub(super) fn palette_mouse(&mut self, m: MouseInput) {
        let Some(Popup::Palette(palette)) = &mut self.popup else {
            return;
        };
        let outcome = palette.mouse(m, self.area);
        if outcome != PaletteOutcome::Continue {
            self.popup = None;
            self.palette_outcome(outcome);
        }
        self.settle();
    }

    /// The palette is closed; runs what was chosen.
    fn palette_outcome(&mut self, outcome: PaletteOutcome) {
        match outcome {
            PaletteOutcome::Choose(Target::Command(action)) => self.press(Some(action)),
            PaletteOutcome::Choose(Target::Node(node)) => self.show_node(&node),
            PaletteOutcome::Continue | PaletteOutcome::Cancel => {}
        }
    }

    /// A series or indicator chosen in the palette: the trend tab, showing it as the browser
    /// would.
    fn show_node(&mut self, node: &Node) {
        if self.tab != Tab::Trend {
            self.press(Some(Action::ShowTrend));
        }
        let dataset = Arc::clone(&self.shared.dataset);
        self.trend.show_node(&dataset, node);
        self.refresh_notes();
    }
}
