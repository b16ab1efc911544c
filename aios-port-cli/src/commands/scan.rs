//! `aios-port scan`: load the workspace and print the model.

use std::error::Error;
use std::io::Write;

use aios_port::render::{concise, summary};
use aios_port::{LoadOptions, Workspace};

use crate::args::{ScanArgs, ScanFormat};
use crate::exit::Status;

/// Runs `scan`, writing to `out`.
pub fn run(args: &ScanArgs, out: &mut dyn Write) -> Result<Status, Box<dyn Error>> {
    let options = LoadOptions {
        user: args.user,
        home: std::env::var_os("HOME").map(Into::into),
    };
    let ws = Workspace::load(&args.path, &options)?;
    match args.format {
        ScanFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &aios_port::scan::to_json(&ws))?;
            writeln!(out)?;
        }
        ScanFormat::Human => {
            summary::write(out, &ws)?;
            if !ws.diagnostics.is_empty() {
                writeln!(out)?;
                concise::write(out, &ws.sources, &ws.diagnostics)?;
            }
        }
    }
    Ok(if ws.has_errors() {
        Status::Findings
    } else {
        Status::Success
    })
}
