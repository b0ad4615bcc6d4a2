//! `duiden verschillen`: the named differences for preparation and scripts.

use super::{Formaat, Scheiding, filter};
use crate::analysis::mismatch::{Mismatch, Settings, detect};
use crate::load::load_dataset;
use crate::tui::i18n::t;
use std::path::Path;
use std::process::ExitCode;

/// Prints the named differences. Exit code 0 whenever it ran, whatever it found; 2 when
/// `--domein` or `--indicator` names nothing in the dataset.
pub(super) fn verschillen(
    path: &Path,
    (domein, indicator): (Option<&str>, Option<&str>),
    format: crate::report::Format,
    (drempel, kleine_aantallen): (f64, bool),
) -> ExitCode {
    let dataset = match load_dataset(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", t().load_error(&e));
            return ExitCode::FAILURE;
        }
    };
    if let Err(message) = filter::check(&dataset, domein, indicator) {
        eprintln!("duiden: {message}");
        return ExitCode::from(2);
    }
    let settings = Settings {
        threshold: drempel / 100.0,
        ..Settings::default()
    };
    let found: Vec<Mismatch> = detect(&dataset, &settings)
        .into_iter()
        .filter(|m| domein.is_none_or(|d| d == m.domein))
        .filter(|m| indicator.is_none_or(|i| i == m.indicator))
        .collect();
    let rule = crate::model::disclosure::Disclosure::for_dataset(&dataset, kleine_aantallen);
    {
        use std::io::Write;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
        // A closed pipe (`| head`) ends the output; that is no error of ours.
        let _ = crate::report::write_mismatches(&mut out, &found, format, &rule, &dataset.meta)
            .and_then(|()| {
                if format == crate::report::Format::Text {
                    writeln!(out, "{}", t().differences_found(found.len()))?;
                }
                out.flush()
            });
    }
    // The process ends here: freeing hundreds of thousands of differences one by one would only
    // keep the user waiting for the prompt.
    std::mem::forget((found, dataset));
    ExitCode::SUCCESS
}

pub(super) fn formaat_of(f: Formaat, scheiding: Scheiding) -> crate::report::Format {
    match f {
        Formaat::Tekst => crate::report::Format::Text,
        Formaat::Csv => crate::report::Format::Csv(scheiding.into()),
        Formaat::Json => crate::report::Format::Json,
    }
}
