use super::*;
use crate::model::identity::{IDENTITY_COLOURS, SeriesIdentity, SourceIdentity};
use crate::tui::style::{Theme, ThemeKind};
use ratatui::layout::Rect;
use ratatui::style::Style;

fn env<'a>(
    no_color: Option<&'a str>,
    colorterm: Option<&'a str>,
    term: Option<&'a str>,
) -> ColourEnv<'a> {
    ColourEnv {
        no_color,
        colorterm,
        term,
        wt_session: None,
    }
}

#[test]
fn depth_follows_no_color_colorterm_and_term() {
    use ColourDepth::*;
    let cases: [(ColourEnv, ColourDepth); 19] = [
        (
            env(Some("1"), Some("truecolor"), Some("xterm-256color")),
            NoColour,
        ),
        // NO_COLOR set but empty does not count (no-color.org).
        (env(Some(""), Some("truecolor"), Some("xterm")), TrueColour),
        (env(None, Some("truecolor"), Some("xterm")), TrueColour),
        (env(None, Some("24bit"), Some("screen")), TrueColour),
        (env(None, Some("yes"), Some("xterm-256color")), Ansi256),
        (env(None, None, Some("xterm-256color")), Ansi256),
        (env(None, None, Some("screen-256color")), Ansi256),
        (env(None, None, Some("xterm-direct")), TrueColour),
        (env(None, None, Some("linux")), Ansi16),
        (env(None, None, Some("vt100")), Ansi16),
        (env(None, None, Some("xterm")), Ansi16),
        (env(None, None, Some("screen")), Ansi16),
        (env(None, None, Some("ansi")), Ansi16),
        (env(None, None, Some("dumb")), NoColour),
        (env(None, Some("truecolor"), Some("dumb")), NoColour),
        (env(None, None, Some("alacritty")), Ansi256),
        (env(None, None, Some("xterm-kitty")), Ansi256),
        (env(None, None, Some("xterm-16color")), Ansi16),
        (env(None, None, Some("xterm-color")), Ansi16),
    ];
    for (e, want) in cases {
        assert_eq!(detect(e), want, "{e:?}");
    }
}

#[test]
fn without_term_a_windows_console_has_16_colours_and_windows_terminal_24_bit() {
    assert_eq!(detect(ColourEnv::default()), ColourDepth::Ansi16);
    let wt = ColourEnv {
        wt_session: Some("0b9c-…"),
        ..ColourEnv::default()
    };
    assert_eq!(detect(wt), ColourDepth::TrueColour);
}

/// Each theme's series colours (every identity), its background and its text.
fn theme_colours(kind: ThemeKind) -> (Vec<Color>, Color, Color) {
    let theme = Theme::of(kind);
    let series = (0..IDENTITY_COLOURS.len())
        .map(|index| {
            theme.series_colour(&SeriesIdentity {
                source: SourceIdentity {
                    index,
                    ..Default::default()
                },
                variant: 0,
            })
        })
        .collect();
    (series, theme.bg, theme.fg)
}

#[test]
fn the_palette_stays_distinct_and_off_the_background_in_16_and_256_colours() {
    for depth in [ColourDepth::Ansi16, ColourDepth::Ansi256] {
        for kind in [ThemeKind::Dark, ThemeKind::Light, ThemeKind::HighContrast] {
            let (series, bg, _) = theme_colours(kind);
            let mapped: Vec<Color> = series.iter().map(|c| map_colour(*c, depth)).collect();
            for (i, a) in mapped.iter().enumerate() {
                for b in &mapped[i + 1..] {
                    assert_ne!(a, b, "{kind:?} {depth:?}: {mapped:?}");
                }
                let bg = map_colour(bg, depth);
                assert_ne!(*a, bg, "{kind:?} {depth:?}: series on its background");
                if depth == ColourDepth::Ansi256 {
                    assert!(
                        matches!(a, Color::Indexed(16..)),
                        "{a:?} is not a cube entry"
                    );
                }
            }
        }
    }
}

#[test]
fn selections_stay_visible_in_16_and_256_colours() {
    for depth in [ColourDepth::Ansi16, ColourDepth::Ansi256] {
        for kind in [ThemeKind::Dark, ThemeKind::Light, ThemeKind::HighContrast] {
            let theme = Theme::of(kind);
            let sel = theme.selected();
            let (fg, bg) = (sel.fg.unwrap(), sel.bg.unwrap());
            let m = |c| map_colour(c, depth);
            assert_ne!(m(bg), m(theme.bg), "{kind:?} {depth:?}: selection bar");
            assert_ne!(m(fg), m(bg), "{kind:?} {depth:?}: text on the bar");
            assert_ne!(m(theme.accent), m(theme.bg), "{kind:?} {depth:?}: cursor");
        }
    }
}

#[test]
fn other_colours_go_to_the_nearest_entry() {
    let m16 = |r, g, b| map_colour(Color::Rgb(r, g, b), ColourDepth::Ansi16);
    let m256 = |r, g, b| map_colour(Color::Rgb(r, g, b), ColourDepth::Ansi256);
    assert_eq!(m16(250, 10, 10), Color::LightRed);
    assert_eq!(m16(10, 10, 150), Color::Blue);
    assert_eq!(m16(120, 125, 130), Color::DarkGray);
    assert_eq!(m16(5, 5, 5), Color::Black);
    // The grey ramp: 8 + 10 × (i − 232).
    assert_eq!(m256(128, 128, 128), Color::Indexed(244));
    assert_eq!(m256(255, 128, 0), Color::Indexed(208));
    assert_eq!(m256(140, 81, 10), Color::Indexed(94));
    // Names and 256 entries are kept in 256 colours and brought down to 16.
    assert_eq!(map_colour(Color::Gray, ColourDepth::Ansi256), Color::Gray);
    assert_eq!(
        map_colour(Color::Indexed(196), ColourDepth::Ansi16),
        Color::LightRed
    );
    assert_eq!(
        map_colour(Color::Indexed(4), ColourDepth::Ansi16),
        Color::Blue
    );
    assert_eq!(
        map_colour(Color::Rgb(1, 2, 3), ColourDepth::TrueColour),
        Color::Rgb(1, 2, 3)
    );
}

#[test]
fn every_cube_and_grey_entry_is_its_own_nearest() {
    for i in 16..=255u8 {
        let rgb = rgb_of_256(i);
        if palette_entry(rgb).is_none() {
            assert_eq!(to_256(rgb), i, "{rgb:?}");
        }
    }
}

#[test]
fn without_colour_only_the_terminal_colours_remain_and_the_selection_is_reversed() {
    let theme = Theme::dark();
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
    buf.set_style(buf.area, theme.base());
    buf.set_string(0, 0, "reeks", theme.series(&SeriesIdentity::default()));
    buf.set_string(0, 1, "gekozen", theme.selected());
    map_buffer(&mut buf, ColourDepth::NoColour);
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    assert!(!buf[(0, 0)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(0, 1)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(0, 1)].modifier.contains(Modifier::BOLD));
    assert!(!buf[(0, 2)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn without_colour_half_blocks_of_two_series_are_drawn_whole_not_reversed() {
    let theme = Theme::high_contrast();
    let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
    buf.set_style(buf.area, theme.base());
    let (a, b) = (Color::Rgb(230, 159, 0), Color::Rgb(86, 180, 233));
    // As ratatui's half-block canvas leaves them: upper over lower, one colour in both halves.
    buf[(0, 0)].set_symbol("▀").set_fg(a).set_bg(b);
    buf[(1, 0)].set_symbol("█").set_fg(a).set_bg(a);
    buf[(2, 0)].set_symbol("▄").set_fg(b);
    map_buffer(&mut buf, ColourDepth::NoColour);
    let cells: Vec<&str> = (0..3).map(|x| buf[(x, 0)].symbol()).collect();
    assert_eq!(cells, ["█", "█", "▄"]);
    assert!(
        (buf.content.iter()).all(|c| !c.modifier.contains(Modifier::REVERSED)),
        "{buf:?}"
    );
}

#[test]
fn a_frame_in_256_colours_has_no_rgb_left() {
    let theme = Theme::light();
    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
    buf.set_style(buf.area, theme.selected());
    buf.set_style(
        Rect::new(0, 0, 1, 1),
        Style::default().fg(Color::Rgb(3, 4, 5)),
    );
    map_buffer(&mut buf, ColourDepth::Ansi256);
    assert!(buf.content.iter().all(|c| !matches!(c.fg, Color::Rgb(..))));
    assert!(buf.content.iter().all(|c| !matches!(c.bg, Color::Rgb(..))));
    assert_eq!(buf[(1, 0)].bg, Color::Indexed(153));
}
