//! Command line: `duiden [DATASET]` opens the interface, `duiden controleer DATASET` validates.

use crate::load::load_dataset;
use crate::model::Dataset;
use crate::tui::style::ThemeKind;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Folder of the sample shipped with duiden, relative to the project.
pub const SAMPLE_DIR: &str = "datasets/voorbeeld";

#[derive(Debug, Parser)]
#[command(
    name = "duiden",
    version,
    about = "Cijfers duiden in de sessie 'duiden van data': trends, verschillen tussen bronnen, aantekeningen en notulen",
    long_about = "duiden toont reeksen (instroom, uitstroom, stand, kosten) uit een datasetmap naast elkaar, \
zodat programmaleider, toegang, aanbieders en beleid samen trends en verschillen tussen bronnen kunnen duiden.\n\n\
Zonder DATASET opent duiden het meegeleverde voorbeeld (datasets/voorbeeld).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Datasetmap met reeksen.csv en dataset.toml (standaard: het voorbeeld)
    pub dataset: Option<PathBuf>,

    /// Kleurthema: donker (hoog contrast, voor de beamer) of licht
    #[arg(long, value_enum, default_value_t = Thema::Donker)]
    pub thema: Thema,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Thema {
    Donker,
    Licht,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer een datasetmap: samenvatting bij succes, anders alle fouten met bestand:regel:kolom
    Controleer {
        /// Datasetmap met reeksen.csv en dataset.toml
        dataset: PathBuf,
    },
}

/// The sample folder: next to the working directory when run from the project, else where the
/// crate was built.
pub fn sample_dir() -> PathBuf {
    let local = PathBuf::from(SAMPLE_DIR);
    if local.is_dir() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE_DIR)
    }
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Controleer { dataset }) => controleer(&dataset),
        None => {
            let path = cli.dataset.unwrap_or_else(sample_dir);
            let dataset = match load_dataset(&path) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{e}");
                    eprintln!("duiden: dataset {} kan niet geopend worden", path.display());
                    return ExitCode::FAILURE;
                }
            };
            let theme = match cli.thema {
                Thema::Donker => ThemeKind::Dark,
                Thema::Licht => ThemeKind::Light,
            };
            match crate::tui::run(crate::tui::app::App::new(dataset, theme)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("duiden: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn controleer(path: &Path) -> ExitCode {
    match load_dataset(path) {
        Ok(d) => {
            print!("{}", summary(&d));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            let n = e.diagnostics.len() + e.omitted;
            eprintln!(
                "{} {} in {}",
                n,
                if n == 1 { "fout" } else { "fouten" },
                path.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// Human summary of a valid dataset.
pub fn summary(d: &Dataset) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", d.meta.titel, d.path.display());
    let span = d
        .period_span()
        .map(|(a, b)| format!("{} t/m {}", a.dutch_long(), b.dutch_long()))
        .unwrap_or_else(|| "geen perioden".into());
    let _ = writeln!(
        out,
        "{} reeksen, {} waarden, {span}",
        d.series.len(),
        d.observation_count()
    );
    let _ = writeln!(out, "Domeinen:");
    for dom in d.domains() {
        let inds = d.indicators(dom);
        let _ = writeln!(
            out,
            "  {dom}: {} indicatoren ({})",
            inds.len(),
            inds.join(", ")
        );
    }
    let _ = writeln!(out, "Bronnen:");
    for s in &d.meta.bronnen {
        let n = d.series.iter().filter(|x| x.key.bron == s.id).count();
        let synth = if s.synthetisch { " [synthetisch]" } else { "" };
        let _ = writeln!(out, "  {:<28} {:>4} reeksen  {}{synth}", s.id, n, s.naam);
    }
    let _ = writeln!(
        out,
        "Inhoud-hash: {}",
        &d.content_hash[..16.min(d.content_hash.len())]
    );
    out
}
