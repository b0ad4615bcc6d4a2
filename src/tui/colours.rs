//! Colour depth: what the terminal can show, and the screen mapped to it. Every colour the
//! themes and identities use is 24-bit RGB; terminals without truecolor (macOS Terminal, older
//! Windows consoles, many SSH sessions) show those wrongly. The depth comes from the environment
//! ([`detect`]) or `--kleuren`; [`map_buffer`] is applied to each drawn frame before it is
//! flushed, so no drawing code knows about it.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourDepth {
    /// NO_COLOR or a dumb terminal: the terminal's own colours, bold and reverse only.
    NoColour,
    /// The 16 ANSI colours (Linux console, plain xterm, older Windows consoles).
    Ansi16,
    /// The xterm 256-colour palette.
    Ansi256,
    /// 24-bit RGB.
    TrueColour,
}

/// The environment variables the depth is read from (values as set; `None` when unset).
#[derive(Debug, Clone, Copy, Default)]
pub struct ColourEnv<'a> {
    pub no_color: Option<&'a str>,
    pub colorterm: Option<&'a str>,
    pub term: Option<&'a str>,
    /// Windows Terminal sets it; it shows 24-bit colour without TERM.
    pub wt_session: Option<&'a str>,
}

/// TERM values of terminals that promise 16 colours (or 8); besides these, any `*-16color`.
/// Newer emulators that name themselves after xterm (`xterm-kitty`, `xterm-ghostty`) are not
/// among them.
const SIXTEEN: [&str; 17] = [
    "linux",
    "vt100",
    "vt102",
    "vt220",
    "xterm",
    "xterm-color",
    "screen",
    "tmux",
    "ansi",
    "cons25",
    "rxvt",
    "rxvt-unicode",
    "putty",
    "cygwin",
    "konsole",
    "eterm",
    "eterm-color",
];

/// The depth the environment says: NO_COLOR (set and not empty) means none, COLORTERM
/// `truecolor`/`24bit` means 24-bit, then TERM: `dumb` none, `*-256color` 256, `*-direct` 24-bit,
/// the classic terminals 16; any other terminal 256, which every current emulator shows.
pub fn detect(env: ColourEnv) -> ColourDepth {
    if env.no_color.is_some_and(|v| !v.is_empty()) {
        return ColourDepth::NoColour;
    }
    let term = env.term.unwrap_or("").trim().to_ascii_lowercase();
    if term == "dumb" {
        return ColourDepth::NoColour;
    }
    let colorterm = env.colorterm.unwrap_or("").trim().to_ascii_lowercase();
    if colorterm == "truecolor" || colorterm == "24bit" {
        return ColourDepth::TrueColour;
    }
    if term.contains("256color") {
        return ColourDepth::Ansi256;
    }
    if term.ends_with("-direct") || term.contains("truecolor") {
        return ColourDepth::TrueColour;
    }
    if term.is_empty() {
        // No TERM: a Windows console; Windows Terminal says so by WT_SESSION.
        return if env.wt_session.is_some_and(|v| !v.is_empty()) {
            ColourDepth::TrueColour
        } else {
            ColourDepth::Ansi16
        };
    }
    if SIXTEEN.contains(&term.as_str()) || term.ends_with("16color") {
        return ColourDepth::Ansi16;
    }
    ColourDepth::Ansi256
}

/// The palette's own colours (identity tones for dark and light backgrounds, the themes'
/// accents, selections and warnings) with a 256-colour entry and a 16-colour entry chosen by
/// hand, so that the series of one theme stay apart and text stays readable on its background.
/// An RGB shared by two roles (the dark theme's donkerblauw is the light theme's blauw) has one
/// row. Other colours go to the nearest entry.
const PALETTE: [((u8, u8, u8), u8, Color); 19] = [
    // Identity tones on dark: oranje, lichtblauw, groen, paars, vermiljoen, wit, donkerblauw.
    ((230, 159, 0), 178, Color::Yellow),
    ((86, 180, 233), 74, Color::LightBlue),
    ((0, 158, 115), 36, Color::Green),
    ((204, 121, 167), 175, Color::LightMagenta),
    ((213, 94, 0), 166, Color::Red),
    ((255, 255, 255), 231, Color::White),
    ((0, 114, 178), 31, Color::Cyan),
    // On paper: oranje, (blauw is above), groen, paars, zwart, donkerblauw.
    ((200, 125, 0), 172, Color::Yellow),
    ((0, 130, 95), 29, Color::Green),
    ((170, 70, 140), 132, Color::Magenta),
    ((0, 0, 0), 16, Color::Black),
    ((0, 60, 130), 24, Color::Blue),
    // The themes: dark accent and selection; light accent, selection, warning and grid;
    // high contrast's yellow.
    ((240, 228, 66), 221, Color::LightYellow),
    ((40, 60, 110), 24, Color::Blue),
    ((0, 90, 160), 25, Color::Blue),
    ((200, 220, 245), 153, Color::Gray),
    ((170, 70, 0), 130, Color::Yellow),
    ((200, 200, 200), 251, Color::Gray),
    ((255, 255, 0), 226, Color::LightYellow),
];

/// The 16 ANSI colours as xterm shows them by default, for the nearest match.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The levels of the 6×6×6 cube of the 256-colour palette (entries 16 to 231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// A colour as the terminal of `depth` can show it. `None` depth gives `Reset` (the
/// terminal's own colour); see [`map_buffer`] for how selections stay visible then.
pub fn map_colour(c: Color, depth: ColourDepth) -> Color {
    match depth {
        ColourDepth::TrueColour => c,
        ColourDepth::NoColour => Color::Reset,
        ColourDepth::Ansi256 => match c {
            Color::Rgb(r, g, b) => Color::Indexed(to_256((r, g, b))),
            other => other,
        },
        ColourDepth::Ansi16 => match c {
            Color::Rgb(r, g, b) => to_16((r, g, b)),
            Color::Indexed(i) if i >= 16 => nearest_16(rgb_of_256(i)),
            Color::Indexed(i) => ANSI16[i as usize].0,
            other => other,
        },
    }
}

fn palette_entry(rgb: (u8, u8, u8)) -> Option<&'static ((u8, u8, u8), u8, Color)> {
    PALETTE.iter().find(|(p, _, _)| *p == rgb)
}

fn to_256(rgb: (u8, u8, u8)) -> u8 {
    if let Some((_, i, _)) = palette_entry(rgb) {
        return *i;
    }
    // The cube and the grey ramp only: entries 0 to 15 are whatever the user's terminal
    // theme made of them.
    (16..=255u8)
        .min_by_key(|i| distance(rgb, rgb_of_256(*i)))
        .unwrap_or(16)
}

fn to_16(rgb: (u8, u8, u8)) -> Color {
    match palette_entry(rgb) {
        Some((_, _, c)) => *c,
        None => nearest_16(rgb),
    }
}

fn nearest_16(rgb: (u8, u8, u8)) -> Color {
    ANSI16
        .iter()
        .min_by_key(|(_, v)| distance(rgb, *v))
        .map_or(Color::Reset, |(c, _)| *c)
}

/// The RGB of a 256-palette entry from 16 up (the cube, then the grey ramp).
fn rgb_of_256(i: u8) -> (u8, u8, u8) {
    if i >= 232 {
        let v = 8 + 10 * (i - 232);
        return (v, v, v);
    }
    if i < 16 {
        return ANSI16[i as usize].1;
    }
    let n = i - 16;
    (
        CUBE[(n / 36) as usize],
        CUBE[(n / 6 % 6) as usize],
        CUBE[(n % 6) as usize],
    )
}

/// A perceptual distance ("redmean"): plain RGB distance weighted as the eye weighs it.
fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let mean = (a.0 as i32 + b.0 as i32) / 2;
    let (dr, dg, db) = (
        a.0 as i32 - b.0 as i32,
        a.1 as i32 - b.1 as i32,
        a.2 as i32 - b.2 as i32,
    );
    ((((512 + mean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - mean) * db * db) >> 8)) as u32
}

/// Maps every cell of a drawn frame to `depth`. Without colour, all colours become the
/// terminal's own and a cell whose background differed from the screen's (the selection, a
/// highlighted row) is shown reversed, so lists stay usable.
pub fn map_buffer(buf: &mut Buffer, depth: ColourDepth) {
    if depth == ColourDepth::TrueColour {
        return;
    }
    let screen_bg = (depth == ColourDepth::NoColour).then(|| dominant_bg(buf));
    for cell in &mut buf.content {
        if let Some(screen_bg) = screen_bg
            && cell.bg != screen_bg
        {
            match cell.symbol() {
                // A chart in half blocks paints the lower half with the background colour:
                // without colour both halves are drawn in the one colour there is.
                UPPER_HALF => {
                    cell.set_symbol(FULL_BLOCK);
                }
                FULL_BLOCK => {}
                _ => {
                    cell.modifier.insert(Modifier::REVERSED);
                }
            }
        }
        cell.fg = map_colour(cell.fg, depth);
        cell.bg = map_colour(cell.bg, depth);
    }
}

const UPPER_HALF: &str = "▀";
const FULL_BLOCK: &str = "█";

/// The background most cells have: the theme's.
fn dominant_bg(buf: &Buffer) -> Color {
    let mut counts: Vec<(Color, usize)> = Vec::new();
    for cell in &buf.content {
        match counts.iter_mut().find(|(c, _)| *c == cell.bg) {
            Some((_, n)) => *n += 1,
            None => counts.push((cell.bg, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(Color::Reset, |(c, _)| c)
}

#[cfg(test)]
mod tests;
