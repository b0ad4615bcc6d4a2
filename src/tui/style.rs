//! The theme: high-contrast dark (default, for projectors) and light, with a colour-blind-safe
//! palette (Okabe-Ito) and a distinct symbol per series so nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};

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
    pub palette: [Color; 8],
}

/// Filled symbols for definitive points, by series index.
pub const SYMBOLS: [&str; 12] = ["●", "▲", "■", "◆", "✚", "✖", "▼", "◀", "▶", "★", "♠", "♣"];
/// Open counterparts for voorlopig points.
pub const SYMBOLS_PROVISIONAL: [&str; 12] =
    ["○", "△", "□", "◇", "+", "x", "▽", "◁", "▷", "☆", "♤", "♧"];

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
            // Okabe-Ito, ordered for contrast on black.
            palette: [
                Color::Rgb(230, 159, 0),
                Color::Rgb(86, 180, 233),
                Color::Rgb(0, 158, 115),
                Color::Rgb(240, 228, 66),
                Color::Rgb(204, 121, 167),
                Color::Rgb(213, 94, 0),
                Color::Rgb(0, 114, 178),
                Color::White,
            ],
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
            // Okabe-Ito without yellow, darkened where needed for contrast on white.
            palette: [
                Color::Rgb(213, 94, 0),
                Color::Rgb(0, 114, 178),
                Color::Rgb(0, 130, 95),
                Color::Rgb(170, 100, 0),
                Color::Rgb(170, 70, 140),
                Color::Rgb(60, 60, 60),
                Color::Rgb(60, 150, 210),
                Color::Black,
            ],
        }
    }

    pub fn of(kind: ThemeKind) -> Theme {
        match kind {
            ThemeKind::Dark => Theme::dark(),
            ThemeKind::Light => Theme::light(),
        }
    }

    pub fn toggled(&self) -> Theme {
        match self.kind {
            ThemeKind::Dark => Theme::light(),
            ThemeKind::Light => Theme::dark(),
        }
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

    pub fn series(&self, index: usize) -> Style {
        self.base().fg(self.palette[index % self.palette.len()])
    }

    pub fn warning(&self) -> Style {
        self.base().fg(self.warning)
    }
}

pub fn symbol(index: usize, provisional: bool) -> &'static str {
    if provisional {
        SYMBOLS_PROVISIONAL[index % SYMBOLS_PROVISIONAL.len()]
    } else {
        SYMBOLS[index % SYMBOLS.len()]
    }
}
