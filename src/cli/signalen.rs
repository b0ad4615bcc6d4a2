//! `duiden signalen`: what stands out in a dataset, as talking points for the next session.

use super::filter;
use crate::analysis::signals::{Settings, find};
use crate::load::load_dataset;
use crate::model::disclosure::Disclosure;
use crate::report::signals::{SignalFormat, signals};
use crate::tui::i18n::t;
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `duiden signalen --formaat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignalenFormaat {
    Tekst,
    Json,
    Md,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Datasetmap met reeksen.csv en dataset.toml
    dataset: PathBuf,
    /// Uitvoerformaat
    #[arg(long, value_enum, default_value_t = SignalenFormaat::Tekst)]
    formaat: SignalenFormaat,
    /// Alleen dit domein (jeugd, wmo, participatie, …)
    #[arg(long)]
    domein: Option<String>,
    /// Alleen deze indicator
    #[arg(long)]
    indicator: Option<String>,
    /// Hoogstens zoveel signalen per soort
    #[arg(long, default_value_t = 5, value_name = "N")]
    max: usize,
}

/// Prints the signals. Exit code 0 whenever it ran, whatever it found; 2 when `--domein` or
/// `--indicator` names nothing in the dataset.
pub(super) fn run(args: Args) -> ExitCode {
    let dataset = match load_dataset(&args.dataset) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", t().load_error(&e));
            return ExitCode::FAILURE;
        }
    };
    if let Err(message) = filter::check(&dataset, args.domein.as_deref(), args.indicator.as_deref())
    {
        eprintln!("duiden: {message}");
        return ExitCode::from(2);
    }
    let settings = Settings {
        max_per_kind: args.max,
        domein: args.domein,
        indicator: args.indicator,
        ..Settings::default()
    };
    let found = find(&dataset, &settings);
    let format = match args.formaat {
        SignalenFormaat::Tekst => SignalFormat::Text,
        SignalenFormaat::Json => SignalFormat::Json,
        SignalenFormaat::Md => SignalFormat::Markdown,
    };
    // Small counts of sources from records never leave the room here: no `--kleine-aantallen`.
    let rule = Disclosure::for_dataset(&dataset, false);
    let mut out = signals(&found, format, &rule, &dataset.meta);
    if format == SignalFormat::Text {
        out.push_str(&t().signals_found(found.len()));
        out.push('\n');
    }
    use std::io::Write;
    // A closed pipe (`| head`) ends the output; that is no error of ours.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}
