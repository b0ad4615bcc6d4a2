//! `--thema`, `--kleuren` and `--lijnen` of the interface commands, and how they combine with
//! `[weergave]` in duiden.toml and the environment.

use crate::tui::display::{Display, DisplayChoice};
use crate::tui::style::ThemeKind;
use clap::ValueEnum;
use std::process::ExitCode;

/// Theme, colours and line style of the interface; each overrides `[weergave]` in duiden.toml.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Weergave {
    /// Kleurthema: donker (voor de beamer), licht of contrast (zwart-wit, vette lijnen) [standaard: donker of uit duiden.toml]
    #[arg(long, value_enum)]
    pub thema: Option<Thema>,
    /// Aantal kleuren van de terminal (standaard: uit NO_COLOR, COLORTERM en TERM, of duiden.toml)
    #[arg(long, value_enum, value_name = "AANTAL")]
    pub kleuren: Option<Kleuren>,
    /// Lijnen in de grafiek: braille (fijn), half of blok (voor een lettertype zonder braille; standaard bij TERM=linux)
    #[arg(long, value_enum, value_name = "STIJL")]
    pub lijnen: Option<Lijnen>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Thema {
    Donker,
    Licht,
    Contrast,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kleuren {
    #[value(name = "16")]
    K16,
    #[value(name = "256")]
    K256,
    #[value(name = "24bit")]
    K24bit,
    Geen,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Lijnen {
    Braille,
    Half,
    Blok,
}

impl Weergave {
    /// The choices the flags make.
    fn choice(self) -> DisplayChoice {
        use crate::tui::colours::ColourDepth;
        use ratatui::symbols::Marker;
        DisplayChoice {
            theme: self.thema.map(|t| match t {
                Thema::Donker => ThemeKind::Dark,
                Thema::Licht => ThemeKind::Light,
                Thema::Contrast => ThemeKind::HighContrast,
            }),
            depth: self.kleuren.map(|k| match k {
                Kleuren::K16 => ColourDepth::Ansi16,
                Kleuren::K256 => ColourDepth::Ansi256,
                Kleuren::K24bit => ColourDepth::TrueColour,
                Kleuren::Geen => ColourDepth::NoColour,
            }),
            marker: self.lijnen.map(|l| match l {
                Lijnen::Braille => Marker::Braille,
                Lijnen::Half => Marker::HalfBlock,
                Lijnen::Blok => Marker::Block,
            }),
        }
    }
}

/// Theme, colour depth and line style: the flags over `[weergave]` in duiden.toml over the
/// environment; the file's errors (file:line:column) on stderr and exit code 2.
pub(super) fn display(weergave: Weergave) -> Result<Display, ExitCode> {
    let file = DisplayChoice::find().map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(2)
    })?;
    Ok(crate::tui::display::resolve_in_env(weergave.choice(), file))
}
