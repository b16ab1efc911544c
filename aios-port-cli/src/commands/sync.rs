//! `aios-port sync`: plan, show, and write unless told not to or blocked.
//! The plan summary goes to stderr so that `--diff` output on stdout can be piped.

use std::error::Error;
use std::io::Write;

use aios_port::sync::{self, SyncOptions, diff, lock::Lock};
use aios_port::{LoadOptions, Vendor, Workspace, config};

use crate::args::SyncArgs;
use crate::exit::Status;

fn vendor(s: &str) -> Result<Vendor, String> {
    Vendor::parse(s)
        .ok_or_else(|| format!("unknown vendor `{s}`; expected claude, codex or gemini"))
}

/// Runs `sync`, writing diffs (with `--diff`) to `out` and the summary to stderr.
#[allow(clippy::print_stderr)]
pub fn run(args: &SyncArgs, out: &mut dyn Write) -> Result<Status, Box<dyn Error>> {
    let ws = Workspace::load(&args.path, &LoadOptions::default())?;
    let cfg = config::load(&ws.root)?.unwrap_or_default();
    let lock_path = ws.root.join(sync::lock::FILE_NAME);
    // Only a missing lock means "nothing owned yet"; an unreadable one stops the sync rather
    // than turn every entry aios-port wrote into a conflict.
    let lock = match std::fs::read_to_string(&lock_path) {
        Ok(t) => Lock::parse(&t).map_err(|e| format!("{}: {e}", sync::lock::FILE_NAME))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Lock::default(),
        Err(e) => return Err(format!("cannot read {}: {e}", sync::lock::FILE_NAME).into()),
    };
    let from = match &args.from {
        Some(f) => Some(vendor(f)?),
        None => cfg.primary,
    };
    let to = if args.to.is_empty() {
        cfg.targets.clone().unwrap_or_default()
    } else {
        args.to
            .iter()
            .map(|s| vendor(s))
            .collect::<Result<Vec<_>, _>>()?
    };
    let options = SyncOptions {
        from,
        to,
        allow_lossy: args.allow_lossy,
        force: args.force,
        strategy: cfg.strategy.unwrap_or_default(),
    };
    let plan = sync::plan(&ws, &options, lock)?;
    let mut err = std::io::stderr().lock();
    if let Some(why) = &plan.detected {
        writeln!(
            err,
            "primary: {} ({why}; set `primary` in aios-port.toml or pass --from)",
            plan.primary
        )?;
    }
    let targets: Vec<&str> = plan.targets.iter().map(|v| v.display_name()).collect();
    writeln!(err, "syncing {} -> {}", plan.primary, targets.join(", "))?;
    for c in &plan.changes {
        let verb = match (&c.before, &c.symlink) {
            _ if c.delete => "delete".to_string(),
            (_, Some(t)) => format!("link -> {t}"),
            (None, _) => "create".to_string(),
            (Some(_), _) => "update".to_string(),
        };
        let entries: Vec<&str> = c
            .entries
            .iter()
            .map(String::as_str)
            .filter(|e| !e.is_empty())
            .collect();
        let what = if entries.is_empty() {
            String::new()
        } else {
            format!(" ({})", entries.join(", "))
        };
        writeln!(err, "  {verb:<8} {}{what}", c.path)?;
    }
    for l in &plan.losses {
        let (path, line, col) = ws.sources.locate(&l.origin);
        let kind = if l.refused {
            "refused"
        } else if l.skipped {
            "not written"
        } else {
            "dropped"
        };
        writeln!(
            err,
            "  {kind} for {}: {} ({path}:{line}:{col})\n      why: {}\n      fix: {}",
            l.target, l.what, l.why, l.help
        )?;
    }
    for c in &plan.conflicts {
        let entry = c
            .entry
            .as_deref()
            .map(|e| format!(" `{e}`"))
            .unwrap_or_default();
        writeln!(err, "  conflict {}{entry}: {}", c.path, c.reason)?;
    }
    for e in &plan.errors {
        writeln!(err, "  error: {e}")?;
    }
    if args.diff {
        for c in &plan.changes {
            write!(out, "{}", diff::unified(c))?;
        }
    }
    let blocked = plan.blocked(&options);
    if args.check || args.diff || args.dry_run {
        if !plan.has_changes() && plan.conflicts.is_empty() && plan.errors.is_empty() {
            writeln!(err, "in sync")?;
            return Ok(Status::Success);
        }
        if let Some(why) = &blocked {
            writeln!(err, "would not write: {why}")?;
        }
        return Ok(if args.dry_run && blocked.is_none() {
            Status::Success
        } else {
            Status::Findings
        });
    }
    if let Some(why) = blocked {
        writeln!(err, "nothing written: {why}")?;
        return Ok(Status::Findings);
    }
    if !plan.has_changes() {
        writeln!(err, "in sync")?;
        return Ok(Status::Success);
    }
    let written = sync::apply(&ws.root, &plan)?;
    writeln!(err, "wrote {} file(s)", written.len())?;
    Ok(Status::Success)
}
