//! The `aios-port` command line: argument parsing, output streams and exit codes.
//! Everything that knows a vendor format lives in the `aios-port` library.

mod args;
mod commands;
mod exit;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::exit::Status;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match &cli.command {
        Command::Scan(a) => commands::scan::run(a, &mut out),
        Command::Check(a) => commands::check::run(a, &mut out),
        Command::Sync(a) => commands::sync::run(a, &mut out),
        Command::Rules => commands::rules::list(&mut out),
        Command::Explain(a) => commands::rules::explain(a, &mut out),
    };
    let status = match result {
        Ok(s) => s,
        // `aios-port scan | head` closes the pipe early: not an error.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            Status::Success
        }
        Err(e) => {
            let _ = out.flush();
            #[allow(clippy::print_stderr)]
            {
                eprintln!("aios-port: error: {e}");
            }
            Status::Error
        }
    };
    let _ = out.flush();
    status.into()
}
