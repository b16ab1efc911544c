//! `aios-port check`: load, run the rules, render, and map the result to an exit status.

use std::error::Error;
use std::io::{IsTerminal, Write};

use aios_port::check::{CheckOptions, RuleSelection, check};
use aios_port::render::{concise, github, human, json, sarif};
use aios_port::{LoadOptions, Severity, Workspace, config};

use crate::args::{CheckArgs, CheckFormat, ColorChoice, FailOn};
use crate::exit::Status;

/// Runs `check`, writing the report to `out`.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<Status, Box<dyn Error>> {
    let options = LoadOptions {
        user: args.user,
        home: std::env::var_os("HOME").map(Into::into),
    };
    let ws = Workspace::load(&args.path, &options)?;
    let cfg = config::load(&ws.root)?.unwrap_or_default();
    let select = if args.select.is_empty() {
        &cfg.select
    } else {
        &args.select
    };
    let mut ignore = cfg.ignore.clone();
    ignore.extend(args.ignore.iter().cloned());
    let selection = RuleSelection::new(select, &ignore)?;
    let report = check(
        &ws,
        &CheckOptions {
            selection,
            vendors: cfg.vendors(),
        },
    );
    match args.format {
        CheckFormat::Human => {
            human::write(out, &ws.sources, &report.diagnostics, use_color(args.color))?;
            let (e, w) = (
                report.count(Severity::Error),
                report.count(Severity::Warning),
            );
            if e + w == 0 {
                writeln!(
                    out,
                    "No problems found ({} files checked).",
                    ws.sources.len()
                )?;
            } else {
                writeln!(
                    out,
                    "Found {e} error{}, {w} warning{} ({} files checked).",
                    if e == 1 { "" } else { "s" },
                    if w == 1 { "" } else { "s" },
                    ws.sources.len()
                )?;
            }
        }
        CheckFormat::Concise => concise::write(out, &ws.sources, &report.diagnostics)?,
        CheckFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &json::document(&ws.sources, &report.diagnostics),
            )?;
            writeln!(out)?;
        }
        CheckFormat::Sarif => {
            let doc = sarif::document(&ws.sources, &report.diagnostics, env!("CARGO_PKG_VERSION"));
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        CheckFormat::Github => github::write(out, &ws.sources, &report.diagnostics)?,
    }
    let fail_on = match args.fail_on {
        Some(FailOn::Error) => Severity::Error,
        Some(FailOn::Warning) => Severity::Warning,
        None => cfg.fail_on.unwrap_or(Severity::Warning),
    };
    let failed = report.max_severity().is_some_and(|s| s >= fail_on);
    Ok(if failed && !args.exit_zero {
        Status::Findings
    } else {
        Status::Success
    })
}

/// Colour only on a terminal, and never when `NO_COLOR` is set to a non-empty value or
/// `TERM=dumb` (https://no-color.org).
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            !no_color && !dumb && std::io::stdout().is_terminal()
        }
    }
}
