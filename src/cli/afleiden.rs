//! `duiden afleiden EXTRACT --naar DATASETMAP`: derives monthly instroom, uitstroom and stand from
//! a record-level extract and merges them into the dataset folder as a bron with herkomst
//! "registratie". Nothing is written when the extract is refused.

use crate::derive::{self, Count, ExtractMap, Per, Rules};
use crate::import::write::{WriteOptions, merge};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

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
    let mut progress = |rows: usize| {
        eprint!("\rregels gelezen: {rows}");
        std::io::stderr().flush().ok();
    };
    let derivation = match derive::derive(&args.extract, &rules, &mut progress) {
        Ok(d) => d,
        Err(e) => {
            eprintln!();
            return fail(&e.to_string());
        }
    };
    eprintln!();
    if !derivation.bad.is_empty() {
        eprintln!(
            "{} regels niet meegeteld (staan hieronder{}):",
            derivation.bad.len(),
            if derivation.bad.len() > SHOWN_BAD {
                format!(", de eerste {SHOWN_BAD}")
            } else {
                String::new()
            }
        );
        for b in derivation.bad.iter().take(SHOWN_BAD) {
            eprintln!("  {}:{}: {}", args.extract.display(), b.line, b.problem);
        }
    }
    println!(
        "{} ({} regels) → {}",
        args.extract.display(),
        derivation.rows_read,
        args.naar.display()
    );
    match merge(&args.naar, &derivation.import, WriteOptions::default()) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    eprintln!("niets afgeleid of geschreven");
    ExitCode::FAILURE
}
