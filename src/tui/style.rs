//! The theme: high-contrast dark (default, for projectors) and light, with a colour-blind-safe
//! palette (Okabe-Ito) and a distinct symbol per source so nothing depends on colour alone. A
//! source's colour and symbol come from its identity ([`crate::model::identity`]), the same in
//! every tab and in the minutes.

use crate::model::identity::{Rgb, SHAPES, SeriesIdentity, variant_mark};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Dark,
    Light,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub kind: ThemeKind,
    pub bg: Color,
    pub fg: Color,
    pub dim: Color,
    pub accent: Color,
    pub border: Color,
    pub border_focus: Color,
    pub selected_bg: Color,
    pub warning: Color,
    pub grid: Color,
    /// How chart lines are drawn: fine braille, or heavier half or whole blocks for the back of
    /// the room.
    pub marker: Marker,
    /// Dotted grid lines at the y ticks; off on the projector theme, where they compete with thin
    /// lines.
    pub grid_dots: bool,
}

/// Filled symbols for definitive points, by identity shape (see [`crate::model::identity`]).
/// None is ◆ or ╫: those mark events and trend breaks.
pub const SYMBOLS: [&str; SHAPES] = ["●", "▲", "■", "✚", "✖", "▼", "◀", "▶", "★", "♠", "♣"];
/// Open counterparts for voorlopig points.
pub const SYMBOLS_PROVISIONAL: [&str; SHAPES] =
    ["○", "△", "□", "+", "x", "▽", "◁", "▷", "☆", "♤", "♧"];

impl Theme {
    pub fn dark() -> Theme {
        Theme {
            kind: ThemeKind::Dark,
            bg: Color::Black,
            fg: Color::White,
            dim: Color::Gray,
            accent: Color::Rgb(240, 228, 66),
            border: Color::Gray,
            border_focus: Color::Rgb(240, 228, 66),
            selected_bg: Color::Rgb(40, 60, 110),
            warning: Color::Rgb(230, 159, 0),
            grid: Color::DarkGray,
            marker: Marker::Braille,
            grid_dots: false,
        }
    }

    pub fn light() -> Theme {
        Theme {
            kind: ThemeKind::Light,
            bg: Color::White,
            fg: Color::Black,
            dim: Color::DarkGray,
            accent: Color::Rgb(0, 90, 160),
            border: Color::DarkGray,
            border_focus: Color::Rgb(0, 90, 160),
            selected_bg: Color::Rgb(200, 220, 245),
            warning: Color::Rgb(170, 70, 0),
            grid: Color::Rgb(200, 200, 200),
            marker: Marker::Braille,
            grid_dots: true,
        }
    }

    pub fn of(kind: ThemeKind) -> Theme {
        match kind {
            ThemeKind::Dark => Theme::dark(),
            ThemeKind::Light => Theme::light(),
        }
    }

    /// The other theme, keeping the line style; the grid follows the new theme's default.
    pub fn toggled(&self) -> Theme {
        let mut other = match self.kind {
            ThemeKind::Dark => Theme::light(),
            ThemeKind::Light => Theme::dark(),
        };
        other.marker = self.marker;
        other
    }

    /// The next line style: braille, half blocks, blocks.
    pub fn cycle_marker(&mut self) {
        self.marker = match self.marker {
            Marker::Braille => Marker::HalfBlock,
            Marker::HalfBlock => Marker::Block,
            _ => Marker::Braille,
        };
    }

    pub fn base(&self) -> Style {
        Style::default().fg(self.fg).bg(self.bg)
    }

    pub fn dimmed(&self) -> Style {
        self.base().fg(self.dim)
    }

    pub fn title(&self) -> Style {
        self.base().fg(self.accent).add_modifier(Modifier::BOLD)
    }

    pub fn block_border(&self, focused: bool) -> Style {
        self.base().fg(if focused {
            self.border_focus
        } else {
            self.border
        })
    }

    pub fn selected(&self) -> Style {
        self.base()
            .bg(self.selected_bg)
            .add_modifier(Modifier::BOLD)
    }

    /// A source's colour on this theme's background.
    pub fn series_colour(&self, id: &SeriesIdentity) -> Color {
        let Rgb(r, g, b) = id.source.colour_on(self.kind == ThemeKind::Dark);
        Color::Rgb(r, g, b)
    }

    pub fn series(&self, id: &SeriesIdentity) -> Style {
        self.base().fg(self.series_colour(id))
    }

    pub fn warning(&self) -> Style {
        self.base().fg(self.warning)
    }
}

/// The symbol of a line's points: the breakdown's number when the chart shows several of one
/// source, else the source's `symbool` or its shape (open when voorlopig).
pub fn symbol(id: &SeriesIdentity, provisional: bool) -> String {
    if let Some(c) = variant_mark(id.variant) {
        return c.to_string();
    }
    if let Some(c) = id.source.symbol {
        return c.to_string();
    }
    let table = if provisional {
        &SYMBOLS_PROVISIONAL
    } else {
        &SYMBOLS
    };
    table[id.source.shape()].to_string()
}
