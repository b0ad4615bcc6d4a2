use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    duiden::cli::run(duiden::cli::Cli::parse())
}
