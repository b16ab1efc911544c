//! The human summary of `scan`: per vendor, what it loads from this workspace.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::model::{InstructionRole, Transport};
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// How many names to list per artifact line before `+N more`.
const NAMES_SHOWN: usize = 6;

/// Writes the per-vendor summary of `ws`, then a totals line.
pub fn write(out: &mut dyn Write, ws: &Workspace) -> io::Result<()> {
    let present = ws.vendors_present();
    if present.is_empty() {
        writeln!(
            out,
            "No Claude Code, Codex or Gemini CLI configuration found."
        )?;
    }
    for v in present.iter() {
        writeln!(out, "{}", v.display_name())?;
        line(out, "instructions", instruction_names(ws, v))?;
        line(out, "mcp servers", server_names(ws, v))?;
        line(out, "hooks", hook_names(ws, v))?;
        let m = &ws.model;
        line(
            out,
            "skills",
            m.skills
                .iter()
                .filter(|s| s.loaded_by.contains(v))
                .map(|s| {
                    s.name
                        .as_ref()
                        .map_or_else(|| s.path.clone(), |n| n.value.clone())
                })
                .collect(),
        )?;
        line(
            out,
            "agents",
            m.agents
                .iter()
                .filter(|a| a.vendor == v)
                .map(|a| {
                    a.name
                        .as_ref()
                        .map_or_else(|| a.path.clone(), |n| n.value.clone())
                })
                .collect(),
        )?;
        line(
            out,
            "commands",
            m.commands
                .iter()
                .filter(|c| c.vendor == v)
                .map(|c| format!("/{}", c.name))
                .collect(),
        )?;
        line(
            out,
            "plugins",
            m.plugins
                .iter()
                .filter(|p| p.loaded_by.contains(v))
                .map(|p| {
                    p.name
                        .as_ref()
                        .map_or_else(|| p.path.clone(), |n| n.value.clone())
                })
                .collect(),
        )?;
        line(
            out,
            "marketplaces",
            m.marketplaces
                .iter()
                .filter(|p| p.loaded_by.contains(v))
                .map(|p| format!("{} ({} plugins)", p.path, p.plugins.len()))
                .collect(),
        )?;
    }
    let errors = ws
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = ws
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    writeln!(
        out,
        "\n{} files read; {errors} {}, {warnings} {}",
        ws.sources.len(),
        plural(errors, "error"),
        plural(warnings, "warning"),
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn line(out: &mut dyn Write, label: &str, names: Vec<String>) -> io::Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    let shown: Vec<&str> = names.iter().take(NAMES_SHOWN).map(String::as_str).collect();
    let more = names.len().saturating_sub(NAMES_SHOWN);
    let tail = if more > 0 {
        format!(", +{more} more")
    } else {
        String::new()
    };
    writeln!(
        out,
        "  {label:<13}{:>4}  {}{tail}",
        names.len(),
        shown.join(", ")
    )
}

fn instruction_names(ws: &Workspace, v: Vendor) -> Vec<String> {
    ws.model
        .instructions
        .iter()
        .filter(|i| i.vendor == v)
        .map(|i| {
            let mut s = i.path.clone();
            if let Some(t) = &i.symlink_to {
                s.push_str(&format!(" -> {t}"));
            }
            match &i.role {
                InstructionRole::Imported { .. } => s.push_str(" (imported)"),
                InstructionRole::Rule { paths } if !paths.is_empty() => {
                    s.push_str(" (path-scoped)")
                }
                InstructionRole::Local => s.push_str(" (local)"),
                InstructionRole::Override => s.push_str(" (override)"),
                InstructionRole::Fallback => s.push_str(" (fallback)"),
                _ => {}
            }
            s
        })
        .collect()
}

fn server_names(ws: &Workspace, v: Vendor) -> Vec<String> {
    ws.model
        .mcp_servers
        .iter()
        .filter(|s| s.vendor == v)
        .map(|s| {
            let t = match &s.transport.value {
                Transport::Stdio => "stdio",
                Transport::Http => "http",
                Transport::Sse => "sse",
                Transport::Ws => "ws",
                Transport::Unknown(t) => t.as_str(),
            };
            format!("{} ({t})", s.name.value)
        })
        .collect()
}

fn hook_names(ws: &Workspace, v: Vendor) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for h in ws.model.hooks.iter().filter(|h| h.vendor == v) {
        match counts.iter_mut().find(|(e, _)| *e == h.event.value) {
            Some((_, n)) => *n += 1,
            None => counts.push((h.event.value.clone(), 1)),
        }
    }
    counts
        .into_iter()
        .flat_map(|(e, n)| std::iter::repeat_n(e, n))
        .collect()
}
