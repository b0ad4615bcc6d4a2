//! Writes a large long-format dataset folder for measuring loading and the interface:
//! `cargo run --release --example genereer_groot -- MAP [--gemeenten 50] [--wijken 9]
//! [--maanden 120]`. The default is 50 gemeenten × 12 indicatoren × 3 bronnen × 120 maanden, each
//! as a total and for 9 wijken: 2.16 million rows.

use duiden::load::large_sample::{LargeSpec, write_large};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut spec = LargeSpec::default();
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{name} verwacht een getal"))
        };
        let parsed = match a.as_str() {
            "--gemeenten" => number("--gemeenten").map(|n| spec.gemeenten = n),
            "--maanden" => number("--maanden").map(|n| spec.months = n),
            "--wijken" => number("--wijken").map(|n| spec.wijken = n),
            other if !other.starts_with('-') && dir.is_none() => {
                dir = Some(std::path::PathBuf::from(other));
                Ok(())
            }
            other => Err(format!("onbekende optie {other}")),
        };
        if let Err(e) = parsed {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    let Some(dir) = dir else {
        eprintln!("gebruik: genereer_groot MAP [--gemeenten N] [--wijken N] [--maanden N]");
        return ExitCode::from(2);
    };
    match write_large(&dir, spec) {
        Ok(rows) => {
            eprintln!("{rows} regels geschreven naar {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
