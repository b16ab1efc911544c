//! `aios-port rules` and `aios-port explain CODE`.

use std::error::Error;
use std::io::Write;

use aios_port::check::{RULES, RuleMeta};

use crate::args::ExplainArgs;
use crate::exit::Status;

/// Prints the catalogue: code, name, category, default severity, summary.
pub fn list(out: &mut dyn Write) -> Result<Status, Box<dyn Error>> {
    for r in RULES {
        let m = r.meta();
        writeln!(
            out,
            "{}  {:<30} {:<12} {:<8} {}",
            m.code,
            m.name,
            m.category.name(),
            format!("{:?}", m.severity).to_lowercase(),
            m.summary
        )?;
    }
    Ok(Status::Success)
}

fn find(key: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .map(|r| r.meta())
        .find(|m| m.code.eq_ignore_ascii_case(key) || m.name.eq_ignore_ascii_case(key))
}

/// Prints one rule's documentation.
pub fn explain(args: &ExplainArgs, out: &mut dyn Write) -> Result<Status, Box<dyn Error>> {
    let m = find(&args.rule)
        .ok_or_else(|| format!("no rule `{}`; `aios-port rules` lists them", args.rule))?;
    writeln!(out, "# {} {}\n", m.code, m.name)?;
    writeln!(
        out,
        "Category: {}. Default severity: {}.\n",
        m.category.name(),
        format!("{:?}", m.severity).to_lowercase()
    )?;
    writeln!(out, "{}", m.doc.trim_end())?;
    Ok(Status::Success)
}
