//! Writes a generated registration extract with a fixed seed, for tests and benches:
//! `cargo run --example genereer_registratie -- --rijen N [--uit BESTAND] [--seed S] [--fout]`.
//! Without `--uit` the CSV goes to stdout.

use duiden::derive::sample::{Spec, write_csv};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut spec = Spec {
        rows: 1000,
        seed: 13,
        gap_days: duiden::derive::DEFAULT_GAP_DAYS,
        bad: false,
    };
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{name} verwacht een getal"))
        };
        let parsed = match a.as_str() {
            "--rijen" => number("--rijen").map(|n| spec.rows = n as usize),
            "--seed" => number("--seed").map(|n| spec.seed = n),
            "--herstart-dagen" => number("--herstart-dagen").map(|n| spec.gap_days = n as u32),
            "--fout" => {
                spec.bad = true;
                Ok(())
            }
            "--uit" => {
                out = args.next();
                Ok(())
            }
            other => Err(format!("onbekende optie {other}")),
        };
        if let Err(e) = parsed {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    let result = match &out {
        Some(path) => std::fs::File::create(path).and_then(|f| {
            let mut w = BufWriter::new(f);
            write_csv(&mut w, spec)?;
            w.flush()
        }),
        None => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            write_csv(&mut w, spec).and_then(|()| w.flush())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kan niet schrijven: {e}");
            ExitCode::FAILURE
        }
    }
}
