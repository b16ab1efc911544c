//! `aios-port.toml`: the choices a user makes once (primary vendor, targets, rule selection).
//!
//! ```toml
//! primary = "claude"            # source of truth for `sync`
//! targets = ["codex", "gemini"] # vendors the workspace must work with
//!
//! [instructions]
//! strategy = "import"           # "import", "symlink" or "copy" (sync)
//!
//! [check]
//! select = ["AP"]               # codes, code prefixes, names or categories
//! ignore = ["AP303"]
//! fail-on = "warning"           # "error" or "warning"
//! ```
//!
//! The file is aios-port's own, so it is read strictly: an unknown key is an error.

use std::fmt;
use std::path::Path;

use crate::diagnostic::Severity;
use crate::read::tree::{Node, NodeKind};
use crate::source::{FileId, SourceFile};
use crate::vendor::{Vendor, VendorSet};

/// File name of the configuration, at the workspace root.
pub const FILE_NAME: &str = "aios-port.toml";

/// The parsed configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Source of truth for `sync`.
    pub primary: Option<Vendor>,
    /// Vendors the workspace must work with.
    pub targets: Option<Vec<Vendor>>,
    /// Rule selectors to run (empty: all).
    pub select: Vec<String>,
    /// Rule selectors to skip.
    pub ignore: Vec<String>,
    /// Lowest severity that fails `check`.
    pub fail_on: Option<Severity>,
    /// How `sync` writes instruction files.
    pub strategy: Option<crate::sync::Strategy>,
}

impl Config {
    /// The vendors drift is judged against: `targets` plus `primary`, if either is set.
    pub fn vendors(&self) -> Option<VendorSet> {
        if self.primary.is_none() && self.targets.is_none() {
            return None;
        }
        let mut set = VendorSet::EMPTY;
        if let Some(p) = self.primary {
            set = set.with(p);
        }
        for v in self.targets.iter().flatten() {
            set = set.with(*v);
        }
        Some(set)
    }
}

/// A problem in `aios-port.toml`, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Line (1-based).
    pub line: usize,
    /// Column (1-based).
    pub column: usize,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{FILE_NAME}:{}:{}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// Reads `aios-port.toml` under `root`; Ok(None) when there is none.
pub fn load(root: &Path) -> Result<Option<Config>, ConfigError> {
    let path = root.join(FILE_NAME);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ConfigError {
                line: 1,
                column: 1,
                message: format!("cannot read: {e}"),
            });
        }
    };
    parse(&text).map(Some)
}

/// Parses the text of `aios-port.toml`.
pub fn parse(text: &str) -> Result<Config, ConfigError> {
    let file = SourceFile::new(FILE_NAME.into(), text.to_string(), false);
    let err = |origin: &crate::source::Origin, message: String| {
        let (line, column) = file.line_col(origin.start as usize);
        ConfigError {
            line,
            column,
            message,
        }
    };
    let mut diags = Vec::new();
    let Some(root) = crate::read::toml::parse(FileId(0), text, &mut diags) else {
        let d = &diags[0];
        return Err(err(&d.primary.origin, d.message.clone()));
    };
    let mut config = Config::default();
    for e in root.entries().unwrap_or(&[]) {
        match e.key.value.as_str() {
            "primary" => {
                config.primary = Some(vendor(&e.value).map_err(|m| err(&e.value.origin, m))?)
            }
            "targets" => {
                let items = e.value.items().ok_or_else(|| {
                    err(
                        &e.value.origin,
                        "`targets` must be a list of vendors".into(),
                    )
                })?;
                let vs = items.iter().map(vendor).collect::<Result<Vec<_>, _>>();
                config.targets = Some(vs.map_err(|m| err(&e.value.origin, m))?);
            }
            "check" => {
                for c in e.value.entries().unwrap_or(&[]) {
                    match c.key.value.as_str() {
                        "select" => {
                            config.select =
                                strings(&c.value).map_err(|m| err(&c.value.origin, m))?
                        }
                        "ignore" => {
                            config.ignore =
                                strings(&c.value).map_err(|m| err(&c.value.origin, m))?
                        }
                        "fail-on" => {
                            config.fail_on = Some(match c.value.as_str() {
                                Some("error") => Severity::Error,
                                Some("warning") => Severity::Warning,
                                _ => {
                                    return Err(err(
                                        &c.value.origin,
                                        "`fail-on` must be \"error\" or \"warning\"".into(),
                                    ));
                                }
                            })
                        }
                        other => {
                            return Err(err(
                                &c.key.origin,
                                format!(
                                    "unknown key `check.{other}`; expected select, ignore or fail-on"
                                ),
                            ));
                        }
                    }
                }
            }
            "instructions" => {
                for c in e.value.entries().unwrap_or(&[]) {
                    match c.key.value.as_str() {
                        "strategy" => {
                            config.strategy = Some(
                                c.value
                                    .as_str()
                                    .and_then(crate::sync::Strategy::parse)
                                    .ok_or_else(|| {
                                        err(
                                        &c.value.origin,
                                        "`strategy` must be \"import\", \"symlink\" or \"copy\""
                                            .into(),
                                    )
                                    })?,
                            )
                        }
                        other => {
                            return Err(err(
                                &c.key.origin,
                                format!("unknown key `instructions.{other}`; expected strategy"),
                            ));
                        }
                    }
                }
            }
            // Reserved for later features (failover tasks); accepted here.
            "failover" | "tasks" => {}
            other => {
                return Err(err(
                    &e.key.origin,
                    format!(
                        "unknown key `{other}`; expected primary, targets, check, instructions or sync"
                    ),
                ));
            }
        }
    }
    Ok(config)
}

fn vendor(n: &Node) -> Result<Vendor, String> {
    n.as_str()
        .and_then(Vendor::parse)
        .ok_or_else(|| "expected a vendor: \"claude\", \"codex\" or \"gemini\"".to_string())
}

fn strings(n: &Node) -> Result<Vec<String>, String> {
    match &n.kind {
        NodeKind::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| "expected a list of strings".to_string())
            })
            .collect(),
        _ => Err("expected a list of strings".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_unknown_keys() {
        let c = parse("primary = \"claude\"\ntargets = [\"codex\"]\n[check]\nignore = [\"AP303\"]\nfail-on = \"error\"\n")
            .expect("valid");
        assert_eq!(c.primary, Some(Vendor::Claude));
        assert_eq!(
            c.vendors(),
            Some(VendorSet::of(&[Vendor::Claude, Vendor::Codex]))
        );
        assert_eq!(c.fail_on, Some(Severity::Error));
        let e = parse("[check]\nselct = []\n").expect_err("typo");
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("check.selct"));
    }
}
