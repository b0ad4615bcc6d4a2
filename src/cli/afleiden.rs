//! `duiden afleiden EXTRACT --naar DATASETMAP`: derives monthly instroom, uitstroom and stand from
//! a record-level extract and merges them into the dataset folder as a bron with herkomst
//! "registratie". Nothing is written when the extract is refused.

use super::progress::Meter;
use crate::derive::{self, Count, ExtractMap, Per, Position, Rules};
use crate::import::write::{WriteOptions, merge_unless};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What counts as one in `duiden afleiden --tel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tel {
    /// Personen: een cliënt telt één keer per domein per maand
    Personen,
    /// Trajecten: cliënt en voorziening samen
    Trajecten,
}

/// How many bad records are listed with their line (all are counted).
const SHOWN_BAD: usize = 20;

pub struct Args {
    pub extract: PathBuf,
    pub naar: PathBuf,
    pub kaart: Option<PathBuf>,
    pub trajecten: bool,
    pub herstart_dagen: u32,
    pub per: Vec<String>,
}

fn per_of(items: &[String]) -> Result<Per, String> {
    let mut per = Per::default();
    for item in items.iter().flat_map(|s| s.split(',')) {
        match item.trim() {
            "wijk" => per.wijk = true,
            "aanbieder" => per.aanbieder = true,
            "voorziening" => per.voorziening = true,
            "" => {}
            other => {
                return Err(format!(
                    "--per '{other}' ken ik niet: kies uit wijk, aanbieder, voorziening"
                ));
            }
        }
    }
    Ok(per)
}

pub fn run(args: &Args) -> ExitCode {
    let map = match &args.kaart {
        Some(p) => match ExtractMap::read(p) {
            Ok(m) => m,
            Err(e) => return fail(&e.to_string()),
        },
        None => ExtractMap::default(),
    };
    let per = match per_of(&args.per) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let rules = Rules {
        map,
        count: if args.trajecten {
            Count::Trajectories
        } else {
            Count::Persons
        },
        gap_days: args.herstart_dagen,
        per,
    };
    let stop = interrupt_flag();
    let stopped = || stop.load(Ordering::Relaxed);
    let is_parquet = args
        .extract
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    let mut meter = Meter::new(if is_parquet { "rijen" } else { "regels" });
    let mut progress = |p: derive::Progress| {
        meter.update(p);
        !stopped()
    };
    let derived = derive::derive(&args.extract, &rules, &mut progress);
    let derivation = match derived {
        Ok(d) => d,
        Err(e) => {
            meter.interrupt_line();
            return if e.is_interrupted() {
                interrupted()
            } else {
                fail(&e.to_string())
            };
        }
    };
    meter.finish(derivation.rows_read);
    report_bad(args, &derivation);
    println!(
        "{} ({} {}) → {}",
        args.extract.display(),
        derivation.rows_read,
        match derivation.position {
            Position::Line => "regels",
            Position::Row => "rijen",
        },
        args.naar.display()
    );
    if stopped() {
        return interrupted();
    }
    match merge_unless(
        &args.naar,
        &derivation.import,
        WriteOptions::default(),
        &stopped,
    ) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(_) if stopped() => interrupted(),
        Err(e) => fail(&e.to_string()),
    }
}

/// The bad records, the first few with their place.
fn report_bad(args: &Args, derivation: &derive::Derivation) {
    if derivation.bad.is_empty() {
        return;
    }
    eprintln!(
        "{} {} niet meegeteld (staan hieronder{}):",
        derivation.bad.len(),
        match derivation.position {
            Position::Line => "regels",
            Position::Row => "rijen",
        },
        if derivation.bad.len() > SHOWN_BAD {
            format!(", de eerste {SHOWN_BAD}")
        } else {
            String::new()
        }
    );
    for b in derivation.bad.iter().take(SHOWN_BAD) {
        match derivation.position {
            Position::Line => eprintln!("  {}:{}: {}", args.extract.display(), b.line, b.problem),
            Position::Row => eprintln!(
                "  {}, rij {}: {}",
                args.extract.display(),
                b.line,
                b.problem
            ),
        }
    }
}

/// Set by Ctrl-C (or TERM): deriving stops, and writing gives up before it touches the folder.
/// A second Ctrl-C ends at once; the folder is then still whole (it is only ever replaced by
/// renames) and the temporary folder beside it goes on the next run.
fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&flag));
        let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
    }
    flag
}

fn interrupted() -> ExitCode {
    eprintln!("afgebroken: niets afgeleid of geschreven, de datasetmap is zoals hij was");
    ExitCode::from(130)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    eprintln!("niets afgeleid of geschreven");
    ExitCode::FAILURE
}
