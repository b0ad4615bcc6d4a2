use clap::Parser;

// Analysis builds many small records (one per named difference); mimalloc allocates and frees
// them markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    duiden::cli::run(duiden::cli::Cli::parse())
}
