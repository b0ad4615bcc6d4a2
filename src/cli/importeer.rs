//! `duiden importeer BESTAND... --naar DATASETMAP`: reads each file in the layout detected from
//! the file itself and merges them into the dataset folder as one change: all files are read and
//! merged before anything is written, so one file that cannot go in leaves the folder as it was.

use crate::import::write::{WriteOptions, merge_all};
use crate::import::{Options, detect};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The dataset folder when `--naar` is not given.
pub const DEFAULT_TARGET: &str = "datasets/eigen";

pub struct Args {
    /// `--voorstel`: write a proposed mapping for each spreadsheet instead of importing.
    pub propose: bool,
    pub files: Vec<PathBuf>,
    pub naar: PathBuf,
    pub opts: Options,
    pub vintage_apart: bool,
}

pub fn run(args: &Args) -> ExitCode {
    if args.propose {
        return propose(args);
    }
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
    // A file that gave no figure at all is a mistake to see, not a success that added nothing
    // (a table whose breakdowns have no total duiden recognises reads as empty).
    for import in imports.iter().filter(|i| i.rows.is_empty()) {
        eprintln!(
            "{}: geen enkel cijfer gelezen; verwacht minstens één waarde (bij een CBS-tabel: het totaal van elke uitsplitsing)",
            import.file.display()
        );
        for u in &import.unmapped {
            eprintln!("  niet overgenomen: {}: {}", u.place, u.why);
        }
        failed = true;
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
    // All files go in as one change: when one cannot, the folder stays as it was.
    let reports = match merge_all(&args.naar, &imports, opts, &|| false) {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("{e}");
            if imports.len() > 1 {
                eprintln!(
                    "geen van de {} bestanden is geïmporteerd: {} is niet veranderd",
                    imports.len(),
                    shown(&args.naar)
                );
            }
            return ExitCode::FAILURE;
        }
    };
    for (import, report) in imports.iter().zip(&reports) {
        let name = detect::READERS
            .iter()
            .find(|r| r.layout == import.layout)
            .map_or("", |r| r.name);
        println!("{} ({name}) → {}", import.file.display(), shown(&args.naar));
        print!("{report}");
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

/// `--voorstel`: a proposed `kaart.toml` per spreadsheet, saved as `<naam>.kaart.toml` beside it
/// (where `importeer` finds it) unless that file exists: then it is printed, never overwritten.
fn propose(args: &Args) -> ExitCode {
    let mut ok = true;
    for file in &args.files {
        let text = match crate::import::sheet::propose(file) {
            Ok(t) => with_options(&t, &args.opts),
            Err(e) => {
                eprintln!("{e}");
                ok = false;
                continue;
            }
        };
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
        let target = file.with_file_name(format!("{}.kaart.toml", stem.unwrap_or_default()));
        if target.exists() {
            println!("{text}");
            eprintln!(
                "{} bestaat al en blijft zoals het is; het voorstel staat hierboven",
                target.display()
            );
            continue;
        }
        match crate::session::store::write_atomic(&target, text.as_bytes()) {
            Ok(()) => println!(
                "voorstel geschreven: {} (lees het na, pas aan wat niet klopt en importeer dan)",
                target.display()
            ),
            Err(e) => {
                eprintln!("{e}");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The proposal with `--domein` and `--bron` filled in where they were given.
fn with_options(text: &str, opts: &Options) -> String {
    let quoted = |v: &str| toml::Value::String(v.to_string()).to_string();
    text.lines()
        .map(
            |line| match (line.split_once(" = "), &opts.domein, &opts.bron) {
                (Some(("domein", _)), Some(d), _) => format!("domein = {}", quoted(d)),
                (Some(("bron", _)), _, Some(b)) => format!("bron = {}", quoted(b)),
                _ => line.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
