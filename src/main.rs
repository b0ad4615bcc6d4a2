// Analysis builds many small records (one per named difference); mimalloc allocates and frees
// them markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    // Help and errors of the command line are in the interface's language, so it parses itself.
    match duiden::cli::parse(std::env::args_os().collect()) {
        Ok(cli) => duiden::cli::run(cli),
        Err(code) => code,
    }
}
