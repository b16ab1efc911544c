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

/// Whether the error (or one it wraps, such as a JSON writer's) is a closed output pipe.
fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if err
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || err
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        cur = err.source();
    }
    false
}

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
        Err(e) if is_broken_pipe(e.as_ref()) => Status::Success,
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
