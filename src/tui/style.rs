//! The theme: dark (default, for projectors), light, and high contrast (pure black and white,
//! bold lines, for a washed-out beamer or a sunny room), with a colour-blind-safe palette
//! (Okabe-Ito) and a distinct symbol per source so nothing depends on colour alone. A source's
//! colour and symbol come from its identity ([`crate::model::identity`]), the same in every tab
//! and in the minutes. Terminals with fewer colours get the theme mapped by [`crate::tui::colours`].

use crate::model::identity::{Rgb, SHAPES, SeriesIdentity, variant_mark};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Dark,
    Light,
    /// Pure black and white, the brightest palette, heavier lines.
    HighContrast,
}

impl ThemeKind {
    /// The order `T` goes through: donker → licht → contrast.
    pub fn next(self) -> ThemeKind {
        match self {
            ThemeKind::Dark => ThemeKind::Light,
            ThemeKind::Light => ThemeKind::HighContrast,
            ThemeKind::HighContrast => ThemeKind::Dark,
        }
    }

    /// Whether the background is dark (the series take their tones for a dark background).
    pub fn is_dark(self) -> bool {
        self != ThemeKind::Light
    }
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
    /// The text on `selected_bg`.
    pub selected_fg: Color,
    pub warning: Color,
    pub grid: Color,
    /// How chart lines are drawn: fine braille, or heavier half or whole blocks for the back of
    /// the room.
    pub marker: Marker,
    /// Whether the line style was chosen (`--lijnen`, duiden.toml, `L`, the Linux console's
    /// blocks): then it stays when the theme changes, else it follows the theme.
    pub marker_chosen: bool,
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
            selected_fg: Color::White,
            warning: Color::Rgb(230, 159, 0),
            grid: Color::DarkGray,
            marker: Marker::Braille,
            marker_chosen: false,
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
            selected_fg: Color::Black,
            warning: Color::Rgb(170, 70, 0),
            grid: Color::Rgb(200, 200, 200),
            marker: Marker::Braille,
            marker_chosen: false,
            grid_dots: true,
        }
    }

    /// Black and white only, apart from the series, the cursor (yellow, also the selection) and
    /// warnings; no grey text, which fades first on a weak projector.
    pub fn high_contrast() -> Theme {
        Theme {
            kind: ThemeKind::HighContrast,
            bg: Color::Black,
            fg: Color::White,
            dim: Color::White,
            accent: Color::Rgb(255, 255, 0),
            border: Color::White,
            border_focus: Color::Rgb(255, 255, 0),
            selected_bg: Color::Rgb(255, 255, 0),
            selected_fg: Color::Black,
            warning: Color::Rgb(230, 159, 0),
            grid: Color::White,
            marker: Marker::HalfBlock,
            marker_chosen: false,
            grid_dots: false,
        }
    }

    pub fn of(kind: ThemeKind) -> Theme {
        match kind {
            ThemeKind::Dark => Theme::dark(),
            ThemeKind::Light => Theme::light(),
            ThemeKind::HighContrast => Theme::high_contrast(),
        }
    }

    /// The next theme (donker → licht → contrast), keeping a chosen line style; the grid
    /// follows the new theme's default.
    pub fn toggled(&self) -> Theme {
        let mut other = Theme::of(self.kind.next());
        if self.marker_chosen {
            other.choose_marker(self.marker);
        }
        other
    }

    /// A line style that stays when the theme changes.
    pub fn choose_marker(&mut self, marker: Marker) {
        self.marker = marker;
        self.marker_chosen = true;
    }

    /// The next line style: braille, half blocks, blocks.
    pub fn cycle_marker(&mut self) {
        self.choose_marker(match self.marker {
            Marker::Braille => Marker::HalfBlock,
            Marker::HalfBlock => Marker::Block,
            _ => Marker::Braille,
        });
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
            .fg(self.selected_fg)
            .bg(self.selected_bg)
            .add_modifier(Modifier::BOLD)
    }

    /// A source's colour on this theme's background.
    pub fn series_colour(&self, id: &SeriesIdentity) -> Color {
        let Rgb(r, g, b) = id.source.colour_on(self.kind.is_dark());
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

/// The line style's name for the status line and the help: "lijnen in blokken".
pub fn marker_name(marker: Marker) -> &'static str {
    use crate::tui::i18n::t;
    match marker {
        Marker::HalfBlock => t().line_half_block,
        Marker::Block => t().line_block,
        _ => t().line_braille,
    }
}

/// The theme's name for the status line and the help: "contrastthema".
pub fn theme_name(kind: ThemeKind) -> &'static str {
    use crate::tui::i18n::t;
    match kind {
        ThemeKind::Dark => t().dark_theme,
        ThemeKind::Light => t().light_theme,
        ThemeKind::HighContrast => t().contrast_theme,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_cycles_dark_light_contrast_and_the_lines_follow_unless_chosen() {
        let mut theme = Theme::dark();
        let markers: Vec<Marker> = (0..3)
            .map(|_| {
                theme = theme.toggled();
                theme.marker
            })
            .collect();
        assert_eq!(
            markers,
            [Marker::Braille, Marker::HalfBlock, Marker::Braille]
        );
        theme.choose_marker(Marker::Block);
        let kinds: Vec<ThemeKind> = (0..4)
            .map(|_| {
                theme = theme.toggled();
                assert_eq!(theme.marker, Marker::Block);
                theme.kind
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ThemeKind::Light,
                ThemeKind::HighContrast,
                ThemeKind::Dark,
                ThemeKind::Light
            ]
        );
    }

    #[test]
    fn high_contrast_is_black_and_white_with_heavier_lines() {
        let hc = Theme::of(ThemeKind::HighContrast);
        assert_eq!(
            (hc.bg, hc.fg, hc.dim),
            (Color::Black, Color::White, Color::White)
        );
        assert_eq!(hc.marker, Marker::HalfBlock);
        // The selection stays readable: dark text on the yellow bar.
        let sel = hc.selected();
        assert_eq!((sel.fg, sel.bg), (Some(Color::Black), Some(hc.selected_bg)));
        // Series take their tones for a dark background.
        let id = SeriesIdentity::default();
        assert_eq!(hc.series_colour(&id), Theme::dark().series_colour(&id));
    }
}
