//! How the screen looks on this terminal: theme, colour depth and line style, from the flags
//! (`--thema`, `--kleuren`, `--lijnen`), else `[weergave]` in `duiden.toml`, else the
//! environment (the colour depth from NO_COLOR, COLORTERM and TERM; blocks on the Linux
//! console, whose font has no braille), else the defaults.

use super::colours::{ColourDepth, ColourEnv, detect};
use super::keymap::{KeymapError, config_candidates};
use super::style::{Theme, ThemeKind};
use crate::load::diagnostic::line_col;
use crate::tui::i18n::t;
use ratatui::symbols::Marker;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// The choices of one setting, from the flags or the file; `None` is "not said".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisplayChoice {
    pub theme: Option<ThemeKind>,
    pub depth: Option<ColourDepth>,
    pub marker: Option<Marker>,
}

/// What the screen uses.
#[derive(Debug, Clone)]
pub struct Display {
    pub theme: Theme,
    pub depth: ColourDepth,
}

/// The flags over the file over the environment over the defaults. `term` decides the line
/// style when nothing else does: the Linux console's font has no braille.
pub fn resolve(flags: DisplayChoice, file: DisplayChoice, env: ColourEnv) -> Display {
    let kind = flags.theme.or(file.theme).unwrap_or(ThemeKind::Dark);
    let mut theme = Theme::of(kind);
    let console = env.term.is_some_and(|t| t.trim() == "linux");
    if let Some(m) = flags
        .marker
        .or(file.marker)
        .or(console.then_some(Marker::Block))
    {
        theme.choose_marker(m);
    }
    let depth = flags.depth.or(file.depth).unwrap_or_else(|| detect(env));
    Display { theme, depth }
}

/// [`resolve`] in this process's environment.
pub fn resolve_in_env(flags: DisplayChoice, file: DisplayChoice) -> Display {
    let var = |k: &str| std::env::var(k).ok();
    let (no_color, colorterm, term, wt) = (
        var("NO_COLOR"),
        var("COLORTERM"),
        var("TERM"),
        var("WT_SESSION"),
    );
    let env = ColourEnv {
        no_color: no_color.as_deref(),
        colorterm: colorterm.as_deref(),
        term: term.as_deref(),
        wt_session: wt.as_deref(),
    };
    resolve(flags, file, env)
}

/// The values a setting takes in the file and on the command line.
pub const THEMES: [(&str, ThemeKind); 3] = [
    ("donker", ThemeKind::Dark),
    ("licht", ThemeKind::Light),
    ("contrast", ThemeKind::HighContrast),
];
pub const DEPTHS: [(&str, ColourDepth); 4] = [
    ("16", ColourDepth::Ansi16),
    ("256", ColourDepth::Ansi256),
    ("24bit", ColourDepth::TrueColour),
    ("geen", ColourDepth::NoColour),
];
pub const MARKERS: [(&str, Marker); 3] = [
    ("braille", Marker::Braille),
    ("half", Marker::HalfBlock),
    ("blok", Marker::Block),
];

#[derive(Deserialize)]
struct ConfigFile {
    #[serde(default)]
    weergave: Option<Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>>,
}

impl DisplayChoice {
    /// `[weergave]` of the user's `duiden.toml` (working directory, else the config folder);
    /// nothing said when there is no file.
    pub fn find() -> Result<DisplayChoice, KeymapError> {
        match config_candidates().into_iter().find(|p| p.is_file()) {
            Some(path) => DisplayChoice::load(&path),
            None => Ok(DisplayChoice::default()),
        }
    }

    pub fn load(path: &Path) -> Result<DisplayChoice, KeymapError> {
        let text = crate::load::diagnostic::read_utf8(path)
            .map_err(|d| KeymapError(vec![d.to_string()]))?;
        DisplayChoice::from_toml(&path.display().to_string(), &text)
    }

    /// `[weergave]` of a `duiden.toml` text; `file` names it in errors (`file:line:column`).
    pub fn from_toml(file: &str, text: &str) -> Result<DisplayChoice, KeymapError> {
        let at = |offset: usize, message: String| {
            let (line, col) = line_col(text, offset);
            format!("{file}:{line}:{col}: {message}")
        };
        let config: ConfigFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            KeymapError(vec![at(offset, e.message().trim().to_string())])
        })?;
        let mut choice = DisplayChoice::default();
        let mut errors = Vec::new();
        let Some(table) = config.weergave else {
            return Ok(choice);
        };
        for (name, value) in table.into_inner() {
            let offset = value.span().start;
            let text = match value.get_ref() {
                toml::Value::String(s) => s.clone(),
                toml::Value::Integer(i) => i.to_string(),
                _ => {
                    errors.push(at(offset, t().display_not_text(name.get_ref())));
                    continue;
                }
            };
            let result = match name.get_ref().as_str() {
                "thema" => pick(&THEMES, &text).map(|v| choice.theme = Some(v)),
                "kleuren" => pick(&DEPTHS, &text).map(|v| choice.depth = Some(v)),
                "lijnen" => pick(&MARKERS, &text).map(|v| choice.marker = Some(v)),
                other => {
                    errors.push(at(name.span().start, t().display_unknown_setting(other)));
                    continue;
                }
            };
            if let Err(choices) = result {
                errors.push(at(
                    offset,
                    t().display_bad_value(name.get_ref(), &text, &choices),
                ));
            }
        }
        if errors.is_empty() {
            Ok(choice)
        } else {
            Err(KeymapError(errors))
        }
    }
}

/// The value named `text`, or the names it may be (for the message).
fn pick<T: Copy>(table: &[(&str, T)], text: &str) -> Result<T, String> {
    let text = text.trim().to_lowercase();
    table
        .iter()
        .find(|(n, _)| *n == text)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            names.join(", ")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(t: &str) -> ColourEnv<'_> {
        ColourEnv {
            term: Some(t),
            ..ColourEnv::default()
        }
    }

    #[test]
    fn the_file_sets_theme_depth_and_lines() {
        let text = "[toetsen.trend]\nbereik = [\"b\"]\n\n[weergave]\nthema = \"contrast\"\nkleuren = 256\nlijnen = \"blok\"\n";
        let c = DisplayChoice::from_toml("duiden.toml", text).unwrap();
        assert_eq!(c.theme, Some(ThemeKind::HighContrast));
        assert_eq!(c.depth, Some(ColourDepth::Ansi256));
        assert_eq!(c.marker, Some(Marker::Block));
        let c = DisplayChoice::from_toml("duiden.toml", "[weergave]\nkleuren = \"24bit\"\n");
        assert_eq!(c.unwrap().depth, Some(ColourDepth::TrueColour));
        // No [weergave]: nothing said.
        let c = DisplayChoice::from_toml("duiden.toml", "[toetsen.trend]\n").unwrap();
        assert_eq!(c, DisplayChoice::default());
    }

    #[test]
    fn a_wrong_value_is_named_at_its_line_and_column() {
        let text =
            "[weergave]\nthema = \"donker\"\nlijnen   = \"dik\"\nkleur = \"16\"\nkleuren = true\n";
        let e = DisplayChoice::from_toml("duiden.toml", text).unwrap_err();
        assert_eq!(e.0.len(), 3, "{e}");
        // In the order of the names; each at its own place.
        assert!(e.0[0].starts_with("duiden.toml:4:1: "), "{e}");
        assert!(e.0[0].contains("\"kleur\""), "{e}");
        assert!(e.0[1].starts_with("duiden.toml:5:11: "), "{e}");
        assert!(e.0[2].starts_with("duiden.toml:3:12: "), "{e}");
        assert!(
            e.0[2].contains("\"dik\"") && e.0[2].contains("braille, half, blok"),
            "{e}"
        );
    }

    #[test]
    fn a_broken_file_is_named_at_its_line() {
        let e = DisplayChoice::from_toml("duiden.toml", "[weergave]\nthema = \n").unwrap_err();
        assert!(e.0[0].starts_with("duiden.toml:2:"), "{e}");
    }

    #[test]
    fn flags_win_over_the_file_and_the_file_over_the_environment() {
        let file = DisplayChoice {
            theme: Some(ThemeKind::Light),
            depth: Some(ColourDepth::Ansi16),
            marker: Some(Marker::HalfBlock),
        };
        let flags = DisplayChoice {
            theme: Some(ThemeKind::HighContrast),
            ..DisplayChoice::default()
        };
        let d = resolve(flags, file, term("xterm-256color"));
        assert_eq!(d.theme.kind, ThemeKind::HighContrast);
        assert_eq!(d.theme.marker, Marker::HalfBlock);
        assert_eq!(d.depth, ColourDepth::Ansi16);
        let no_color = ColourEnv {
            no_color: Some("1"),
            ..term("xterm-256color")
        };
        // A setting in the file overrides NO_COLOR, as no-color.org asks.
        assert_eq!(resolve(flags, file, no_color).depth, ColourDepth::Ansi16);
        let nothing = DisplayChoice::default();
        assert_eq!(
            resolve(nothing, nothing, no_color).depth,
            ColourDepth::NoColour
        );
    }

    #[test]
    fn the_linux_console_draws_blocks_unless_told_otherwise() {
        let nothing = DisplayChoice::default();
        let d = resolve(nothing, nothing, term("linux"));
        assert_eq!(
            (d.theme.kind, d.theme.marker, d.depth),
            (ThemeKind::Dark, Marker::Block, ColourDepth::Ansi16)
        );
        // Also after T: the console still has no braille.
        let t = d.theme.toggled();
        assert_eq!(t.marker, Marker::Block);
        assert_eq!(t.toggled().toggled().marker, Marker::Block);
        let braille = DisplayChoice {
            marker: Some(Marker::Braille),
            ..nothing
        };
        assert_eq!(
            resolve(braille, nothing, term("linux")).theme.marker,
            Marker::Braille
        );
        assert_eq!(
            resolve(nothing, nothing, term("xterm-256color"))
                .theme
                .marker,
            Marker::Braille
        );
        let contrast = DisplayChoice {
            theme: Some(ThemeKind::HighContrast),
            ..nothing
        };
        // The contrast theme's own heavier lines when nothing is said.
        assert_eq!(
            resolve(contrast, nothing, term("xterm")).theme.marker,
            Marker::HalfBlock
        );
    }
}
