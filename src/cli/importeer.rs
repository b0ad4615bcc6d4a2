//! `duiden importeer BESTAND... --naar DATASETMAP`: reads each file in the layout detected from
//! the file itself and merges it into the dataset folder. All files are read before anything is
//! written: one unreadable file and the folder stays as it was.

use crate::import::write::{WriteOptions, merge};
use crate::import::{Options, detect};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The dataset folder when `--naar` is not given.
pub const DEFAULT_TARGET: &str = "datasets/eigen";

pub struct Args {
    pub files: Vec<PathBuf>,
    pub naar: PathBuf,
    pub opts: Options,
    pub vintage_apart: bool,
}

pub fn run(args: &Args) -> ExitCode {
    let mut imports = Vec::new();
    let mut failed = false;
    for file in &args.files {
        match detect::read_file(file, &args.opts) {
            Ok(i) => imports.push(i),
            Err(e) => {
                let layout = e
                    .layout
                    .and_then(|l| detect::READERS.iter().find(|r| r.layout == l))
                    .map_or(String::new(), |r| format!(" ({})", r.name));
                eprintln!("{e}{layout}");
                failed = true;
            }
        }
    }
    if failed {
        eprintln!(
            "niets geïmporteerd: {} is niet veranderd",
            args.naar.display()
        );
        return ExitCode::FAILURE;
    }
    let opts = WriteOptions {
        vintage_apart: args.vintage_apart,
    };
    for import in &imports {
        let name = detect::READERS
            .iter()
            .find(|r| r.layout == import.layout)
            .map_or("", |r| r.name);
        println!("{} ({name}) → {}", import.file.display(), shown(&args.naar));
        match merge(&args.naar, import, opts) {
            Ok(report) => print!("{report}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!(
        "controleer de nieuwe velden met: duiden controleer {}",
        shown(&args.naar)
    );
    ExitCode::SUCCESS
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}
