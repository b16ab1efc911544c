//! Planning: what every target file must become, computed in memory.
//!
//! Ownership, per file or per entry (`.codex/config.toml#mcp_servers.github`):
//! - absent in the target: created;
//! - present with the same meaning: adopted (recorded in the lock, not rewritten);
//! - present, written by aios-port (its hash is in the lock) and not edited since: updated;
//! - anything else (edited by hand since the last sync, or never written by aios-port):
//!   a conflict, written only with `--force`.
//!
//! Entries aios-port wrote that the primary no longer has are removed when unedited.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Value, json};

use crate::diagnostic::codes;
use crate::model::{InstructionRole, Scope};
use crate::source::Origin;
use crate::sync::edit::TargetFile;
use crate::sync::lock::{self, Lock};
use crate::vendor::Vendor;
use crate::workspace::Workspace;
use crate::write::{Loss, hooks, mcp};

/// How instruction files are made for the targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strategy {
    /// Targets that follow imports get a file importing the primary's (`@AGENTS.md`); Codex,
    /// which does not, gets the text with imports inlined.
    #[default]
    Import,
    /// Targets get a symlink to the primary's file when its text needs no inlining.
    Symlink,
    /// Targets get the text, imports inlined.
    Copy,
}

impl Strategy {
    /// Parses `import`, `symlink` or `copy`.
    pub fn parse(s: &str) -> Option<Strategy> {
        match s {
            "import" => Some(Strategy::Import),
            "symlink" => Some(Strategy::Symlink),
            "copy" => Some(Strategy::Copy),
            _ => None,
        }
    }
}

/// What to sync.
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// The source of truth (None: `aios-port.toml`, else detected).
    pub from: Option<Vendor>,
    /// The targets (empty: `aios-port.toml`, else every other vendor).
    pub to: Vec<Vendor>,
    /// Write even though some constructs cannot be expressed (never guard-rails).
    pub allow_lossy: bool,
    /// Overwrite entries edited by hand and files aios-port does not own.
    pub force: bool,
    /// Instruction strategy.
    pub strategy: Strategy,
}

/// A file the plan writes.
#[derive(Debug, Clone, PartialEq)]
pub struct FileChange {
    /// Workspace-relative path.
    pub path: String,
    /// Text before (None: created).
    pub before: Option<String>,
    /// Text after, without BOM.
    pub after: String,
    /// Write a symlink to this target instead of text.
    pub symlink: Option<String>,
    /// Restore a UTF-8 BOM.
    pub bom: bool,
    /// The entries written, for messages (empty: the whole file).
    pub entries: Vec<String>,
    /// Delete the file (aios-port wrote it, nobody edited it, and the primary no longer has
    /// what it was made from).
    pub delete: bool,
}

/// An entry or file the plan may not overwrite without `--force`.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Workspace-relative path.
    pub path: String,
    /// The entry (None: the whole file).
    pub entry: Option<String>,
    /// Why.
    pub reason: String,
}

/// The plan: every change, loss and conflict.
#[derive(Debug, Clone)]
pub struct SyncPlan {
    /// The source of truth.
    pub primary: Vendor,
    /// How the primary was chosen, when aios-port chose it.
    pub detected: Option<String>,
    /// The targets.
    pub targets: Vec<Vendor>,
    /// Files to write (the lock last), in path order.
    pub changes: Vec<FileChange>,
    /// What the targets cannot express.
    pub losses: Vec<Loss>,
    /// What may not be overwritten without `--force`.
    pub conflicts: Vec<Conflict>,
    /// Problems that stop the plan whatever the flags (a target file that does not parse).
    pub errors: Vec<String>,
}

impl SyncPlan {
    /// Whether anything would be written.
    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    /// Why the plan may not be applied with these options, if it may not. Refused constructs
    /// (a guard-rail that would fail open, a permission that would widen) are never written;
    /// the rest of the plan needs `--allow-lossy` when any construct is lost or refused.
    pub fn blocked(&self, options: &SyncOptions) -> Option<String> {
        if !self.errors.is_empty() {
            return Some(format!(
                "{} target file(s) cannot be edited",
                self.errors.len()
            ));
        }
        if !self.conflicts.is_empty() && !options.force {
            return Some(format!(
                "{} conflict(s): pass --force to overwrite",
                self.conflicts.len()
            ));
        }
        if !self.losses.is_empty() && !options.allow_lossy {
            let refused = self.losses.iter().filter(|l| l.refused).count();
            let never = if refused > 0 {
                format!(
                    " ({refused} of them would weaken a guard-rail or widen permissions and are never written)"
                )
            } else {
                String::new()
            };
            return Some(format!(
                "{} construct(s) cannot be expressed{never}: pass --allow-lossy to sync the rest",
                self.losses.len()
            ));
        }
        None
    }
}

/// aios-port could not plan at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// Nothing to sync from.
    NoPrimary,
    /// A target equals the primary.
    TargetIsPrimary(Vendor),
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::NoPrimary => write!(
                f,
                "no Claude Code, Codex or Gemini CLI configuration to sync from; pass --from"
            ),
            SyncError::TargetIsPrimary(v) => {
                write!(f, "{v} is the primary vendor; it cannot also be a target")
            }
        }
    }
}

impl std::error::Error for SyncError {}

/// The vendor with the most project configuration (ties: Claude, Codex, Gemini).
fn detect_primary(ws: &Workspace) -> Option<(Vendor, usize)> {
    let present = ws.vendors_present();
    Vendor::ALL
        .iter()
        .filter(|v| present.contains(**v))
        .map(|v| {
            let c = ws.counts(*v);
            (
                *v,
                c.instructions + c.mcp_servers + c.hooks + c.agents + c.commands,
            )
        })
        .fold(None, |best: Option<(Vendor, usize)>, cur| match best {
            Some(b) if b.1 >= cur.1 => Some(b),
            _ => Some(cur),
        })
}

/// The plan being built. Writers of each artifact kind (in `crate::write`) add to it through
/// its ownership-aware operations: [`Planner::whole_file`], [`Planner::symlink`],
/// [`Planner::json_entry`], [`Planner::toml_table`] and [`Planner::lose`].
pub(crate) struct Planner<'a> {
    ws: &'a Workspace,
    options: &'a SyncOptions,
    lock_before: Lock,
    lock: Lock,
    files: BTreeMap<String, TargetFile>,
    entries: BTreeMap<String, Vec<String>>,
    symlinks: BTreeMap<String, String>,
    /// Lock keys this run considered (whatever it decided): the others are stale.
    touched: std::collections::BTreeSet<String>,
    losses: Vec<Loss>,
    conflicts: Vec<Conflict>,
    errors: Vec<String>,
}

/// Plans the sync of `ws` with `options`; `lock` is the current `aios-port.lock` (empty when
/// there is none). Nothing is written.
pub fn plan(ws: &Workspace, options: &SyncOptions, lock: Lock) -> Result<SyncPlan, SyncError> {
    let (primary, detected) = match options.from.or(lock.primary) {
        Some(v) => (v, None),
        None => {
            let (v, n) = detect_primary(ws).ok_or(SyncError::NoPrimary)?;
            (
                v,
                Some(format!(
                    "{} has the most configuration ({n} items)",
                    v.display_name()
                )),
            )
        }
    };
    let targets: Vec<Vendor> = if options.to.is_empty() {
        Vendor::ALL
            .iter()
            .copied()
            .filter(|v| *v != primary)
            .collect()
    } else {
        options.to.clone()
    };
    if let Some(t) = targets.iter().find(|t| **t == primary) {
        return Err(SyncError::TargetIsPrimary(*t));
    }
    let mut p = Planner {
        ws,
        options,
        lock_before: lock.clone(),
        lock: Lock {
            primary: Some(primary),
            ..lock
        },
        files: BTreeMap::new(),
        entries: BTreeMap::new(),
        symlinks: BTreeMap::new(),
        touched: std::collections::BTreeSet::new(),
        losses: Vec::new(),
        conflicts: Vec::new(),
        errors: Vec::new(),
    };
    for t in &targets {
        p.mcp(primary, *t);
        p.hooks(primary, *t);
        p.instructions(primary, *t);
        crate::write::skills::plan(&mut p, primary, *t);
        crate::write::agents::plan(&mut p, primary, *t);
        crate::write::commands::plan(&mut p, primary, *t);
        crate::write::plugins::plan(&mut p, primary, *t);
        crate::write::permissions::plan(&mut p, primary, *t);
    }
    Ok(p.finish(primary, detected, targets))
}

/// Where each vendor keeps project MCP servers: file, JSON object path or TOML table prefix.
fn mcp_location(v: Vendor) -> (&'static str, &'static [&'static str]) {
    match v {
        Vendor::Claude => (".mcp.json", &["mcpServers"]),
        Vendor::Codex => (".codex/config.toml", &["mcp_servers"]),
        Vendor::Gemini => (".gemini/settings.json", &["mcpServers"]),
    }
}

/// Where each vendor keeps project hooks: file and the key holding the event map.
fn hooks_location(v: Vendor) -> &'static str {
    match v {
        Vendor::Claude => ".claude/settings.json",
        Vendor::Codex => ".codex/hooks.json",
        Vendor::Gemini => ".gemini/settings.json",
    }
}

impl Planner<'_> {
    /// The workspace being synced.
    pub(crate) fn ws(&self) -> &Workspace {
        self.ws
    }

    /// The options of this sync.
    pub(crate) fn options(&self) -> &SyncOptions {
        self.options
    }

    /// Declares the file `path`, and every file aios-port wrote under it, still needed although
    /// this run does not write them again (a skill the target already sees through the link or
    /// copy an earlier sync made).
    pub(crate) fn keep(&mut self, path: &str) {
        let under = format!("{path}/");
        let kept: Vec<(String, String)> = self
            .lock_before
            .entries
            .iter()
            .filter(|(k, _)| !k.contains('#') && (k.as_str() == path || k.starts_with(&under)))
            .map(|(k, h)| (k.clone(), h.clone()))
            .collect();
        for (k, h) in kept {
            self.lock.entries.insert(k.clone(), h);
            self.touched.insert(k);
        }
    }

    /// Reports what a target cannot express.
    pub(crate) fn lose(&mut self, l: Loss) {
        self.losses.push(l);
    }

    /// What is at `path` now, as the value the lock hashes: `{"symlink": target}` for a link,
    /// the text for a file, None when nothing is there.
    fn current(&self, path: &str) -> Option<Value> {
        let full = self.ws.root.join(path);
        let meta = full.symlink_metadata().ok()?;
        if meta.file_type().is_symlink() {
            let t = std::fs::read_link(&full).ok()?;
            return Some(json!({"symlink": t.to_string_lossy().replace('\\', "/")}));
        }
        if let Some(id) = self.ws.sources.find(path) {
            return Some(json!(self.ws.sources.get(id).text));
        }
        if meta.len() > crate::read::MAX_FILE_BYTES {
            return Some(json!({"too_large": meta.len()}));
        }
        std::fs::read_to_string(&full).ok().map(|t| json!(t))
    }

    /// Makes `path` hold exactly `text`: a file aios-port owns whole (created; updated when it
    /// wrote it and nobody edited it since; otherwise a conflict).
    pub(crate) fn whole_file(&mut self, path: &str, text: String) {
        let key = lock::key(path, None);
        let current = self.current(path);
        if current.as_ref().is_some_and(|c| c.get("symlink").is_some()) {
            self.conflicts.push(Conflict {
                path: path.to_string(),
                entry: None,
                reason: "is a symlink; aios-port does not write through links".into(),
            });
            return;
        }
        let desired = json!(text);
        if !self.may_write(&key, path, None, current.as_ref(), &desired) {
            return;
        }
        if let Some(f) = self.file(path) {
            f.set_text(text);
            self.record(path, None, &desired);
        }
    }

    /// Makes `path` a symlink to `target` (relative to the link's directory).
    pub(crate) fn symlink(&mut self, path: &str, target: &str) {
        let key = lock::key(path, None);
        let current = self.current(path);
        let desired = json!({"symlink": target});
        if !self.may_write(&key, path, None, current.as_ref(), &desired) {
            return;
        }
        self.symlinks.insert(path.to_string(), target.to_string());
        self.record(path, None, &desired);
    }

    /// Sets `key` of the JSON object at `object` (created when missing) in the JSON file
    /// `path` to `value`, owned as the entry `object.key`.
    pub(crate) fn json_entry(&mut self, path: &str, object: &[&str], key: &str, value: &Value) {
        if self.file(path).is_none() {
            return;
        }
        let entry = object
            .iter()
            .copied()
            .chain([key])
            .collect::<Vec<_>>()
            .join(".");
        let lock_key = lock::key(path, Some(&entry));
        let current = self.files.get(path).and_then(|f| f.json_get(object, key));
        if self.may_write(&lock_key, path, Some(&entry), current.as_ref(), value) {
            let ok = self
                .files
                .get_mut(path)
                .is_some_and(|f| f.json_set(object, key, value));
            if ok {
                self.record(path, Some(&entry), value);
            } else {
                self.errors
                    .push(format!("`{path}`: `{}` is not an object", object.join(".")));
            }
        }
    }

    /// Makes the TOML table `table` of `path` hold exactly `value` (an object), owned as the
    /// entry `table` (dotted).
    pub(crate) fn toml_table(&mut self, path: &str, table: &[&str], value: &Value) {
        if self.file(path).is_none() {
            return;
        }
        let entry = table.join(".");
        let lock_key = lock::key(path, Some(&entry));
        let current = self.files.get(path).and_then(|f| f.toml_get(table));
        if self.may_write(&lock_key, path, Some(&entry), current.as_ref(), value) {
            let ok = self
                .files
                .get_mut(path)
                .is_some_and(|f| f.toml_set(table, value));
            if ok {
                self.record(path, Some(&entry), value);
            } else {
                self.errors
                    .push(format!("`{path}`: `{entry}` is not a table"));
            }
        }
    }

    /// Sets the top-level key `key` of the TOML file `path` to `value` (a scalar or an array),
    /// owned as the entry `key` (Codex `approval_policy`, `sandbox_mode`). The value is edited in
    /// place: its comment and spacing survive.
    pub(crate) fn toml_value(&mut self, path: &str, key: &str, value: &Value) {
        if self.file(path).is_none() {
            return;
        }
        let lock_key = lock::key(path, Some(key));
        let current = self.files.get(path).and_then(|f| match &f.editing {
            crate::sync::edit::Editing::Toml(doc) => doc
                .get(key)
                .and_then(|i| i.as_value())
                .and_then(crate::sync::edit::toml_json),
            _ => None,
        });
        if !self.may_write(&lock_key, path, Some(key), current.as_ref(), value) {
            return;
        }
        let Some(new) = crate::sync::edit::toml_value(value) else {
            self.errors
                .push(format!("`{path}`: `{key}` cannot be written as TOML"));
            return;
        };
        let ok = match self.files.get_mut(path).map(|f| &mut f.editing) {
            Some(crate::sync::edit::Editing::Toml(doc)) => match doc.get_mut(key) {
                Some(toml_edit::Item::Value(cur)) => {
                    let decor = cur.decor().clone();
                    *cur = new;
                    *cur.decor_mut() = decor;
                    true
                }
                Some(_) => false,
                None => {
                    doc.insert(key, toml_edit::Item::Value(new));
                    true
                }
            },
            _ => false,
        };
        if ok {
            self.record(path, Some(key), value);
        } else {
            self.errors
                .push(format!("`{path}`: `{key}` is a table, not a value"));
        }
    }

    /// The target file at `path`, opened for editing (from the text the loader read).
    fn file(&mut self, path: &str) -> Option<&mut TargetFile> {
        if !self.files.contains_key(path) {
            let src = self.ws.sources.find(path).map(|id| self.ws.sources.get(id));
            let exists_on_disk = self.ws.root.join(path).symlink_metadata().is_ok();
            let unparsed = self.ws.diagnostics.iter().any(|d| {
                matches!(d.code, codes::UNREADABLE_FILE | codes::UNPARSEABLE_FILE)
                    && self.ws.sources.get(d.primary.origin.file).path == path
            });
            if unparsed || (exists_on_disk && src.is_none()) {
                self.errors.push(format!("`{path}` could not be read or parsed; aios-port never overwrites it (fix it first)"));
                return None;
            }
            let (before, bom) = match src {
                Some(f) => (Some(f.text.clone()), f.bom),
                None => (None, false),
            };
            let opened = if path.ends_with(".toml") {
                TargetFile::toml(before, bom)
            } else if path.ends_with(".json") {
                TargetFile::json(before, bom)
            } else {
                Ok(TargetFile::text(before, bom))
            };
            match opened {
                Ok(f) => {
                    self.files.insert(path.to_string(), f);
                }
                Err(e) => {
                    self.errors.push(format!("`{path}` cannot be edited: {e}"));
                    return None;
                }
            }
        }
        self.files.get_mut(path)
    }

    /// Decides whether an entry may be written. `current` is its value in the target now.
    fn may_write(
        &mut self,
        key: &str,
        path: &str,
        entry: Option<&str>,
        current: Option<&Value>,
        desired: &Value,
    ) -> bool {
        self.touched.insert(key.to_string());
        let Some(cur) = current else { return true };
        if lock::hash_value(cur) == lock::hash_value(desired) {
            // Same meaning already: adopt it.
            self.lock
                .entries
                .insert(key.to_string(), lock::hash_value(desired));
            return false;
        }
        let owned_unedited = self.lock_before.entries.get(key) == Some(&lock::hash_value(cur));
        if owned_unedited || self.options.force {
            return true;
        }
        let reason = if self.lock_before.entries.contains_key(key) {
            "edited by hand since aios-port wrote it"
        } else {
            "exists and was not written by aios-port"
        };
        self.conflicts.push(Conflict {
            path: path.to_string(),
            entry: entry.map(str::to_string),
            reason: reason.to_string(),
        });
        false
    }

    fn record(&mut self, path: &str, entry: Option<&str>, v: &Value) {
        self.lock
            .entries
            .insert(lock::key(path, entry), lock::hash_value(v));
        self.entries
            .entry(path.to_string())
            .or_default()
            .push(entry.unwrap_or("").to_string());
    }

    fn mcp(&mut self, primary: Vendor, target: Vendor) {
        let (path, prefix) = mcp_location(target);
        let servers: Vec<_> = self
            .ws
            .model
            .mcp_servers
            .iter()
            .filter(|s| s.vendor == primary && s.scope == Scope::Project)
            .collect();
        let mut desired: Vec<(String, Value)> = Vec::new();
        for s in servers {
            if let Some(v) = mcp::server_for(s, target, &mut self.losses) {
                desired.push((s.name.value.clone(), v));
            }
        }
        let lock_prefix = format!("{path}#{}.", prefix.join("."));
        let stale: Vec<String> = self
            .lock_before
            .entries
            .keys()
            .filter_map(|k| k.strip_prefix(&lock_prefix))
            .filter(|name| !desired.iter().any(|(n, _)| n == name))
            .map(str::to_string)
            .collect();
        if desired.is_empty() && stale.is_empty() {
            return;
        }
        if self.file(path).is_none() {
            return;
        }
        for (name, v) in &desired {
            if target == Vendor::Codex {
                self.toml_table(path, &[prefix[0], name], v);
            } else {
                self.json_entry(path, prefix, name, v);
            }
        }
        for name in stale {
            let entry = format!("{}.{name}", prefix.join("."));
            let key = lock::key(path, Some(&entry));
            let Some(f) = self.files.get_mut(path) else {
                return;
            };
            let current = if target == Vendor::Codex {
                f.toml_get(&[prefix[0], &name])
            } else {
                f.json_get(prefix, &name)
            };
            let unedited = current.as_ref().map(lock::hash_value)
                == self.lock_before.entries.get(&key).cloned();
            if current.is_none() {
                self.lock.entries.remove(&key);
            } else if unedited || self.options.force {
                if target == Vendor::Codex {
                    f.toml_remove(&[prefix[0], &name]);
                } else {
                    f.json_remove(prefix, &name);
                }
                self.lock.entries.remove(&key);
                self.entries
                    .entry(path.to_string())
                    .or_default()
                    .push(format!("-{entry}"));
            } else {
                self.conflicts.push(Conflict {
                    path: path.to_string(),
                    entry: Some(entry),
                    reason: "no longer in the primary, but edited by hand since aios-port wrote it"
                        .into(),
                });
            }
        }
    }

    fn hooks(&mut self, primary: Vendor, target: Vendor) {
        let path = hooks_location(target);
        let sources = &self.ws.sources;
        let hooks: Vec<_> = self
            .ws
            .model
            .hooks
            .iter()
            .filter(|h| h.vendor == primary && h.scope == Scope::Project)
            // Personal settings are never copied into committed files.
            .filter(|h| {
                !sources
                    .get(h.origin.file)
                    .path
                    .ends_with("settings.local.json")
            })
            .collect();
        // A literal secret in a hook command is never copied into more files.
        let (hooks, with_secret): (Vec<_>, Vec<_>) = hooks.into_iter().partition(|h| {
            h.command
                .as_ref()
                .is_none_or(|c| crate::secrets::text_secrets(&c.value).is_empty())
        });
        for h in with_secret {
            self.losses.push(
                Loss::field(
                    target,
                    h.origin,
                    format!("`{}` hook", h.event.value),
                    "its command holds a literal secret; aios-port never copies secrets into more files",
                    "read the secret from an environment variable in the command, then sync again",
                )
                .refuse(),
            );
        }
        let key = lock::key(path, Some("hooks"));
        if hooks.is_empty() && !self.lock_before.entries.contains_key(&key) {
            return;
        }
        let ws = self.ws;
        let fail_open = |h: &crate::model::Hook| {
            crate::check::rules::ap205_guard_fails_open::sync_fail_open(ws, h, target)
        };
        let desired = hooks::hooks_for(&hooks, target, &fail_open, &mut self.losses);
        if desired.as_object().is_some_and(serde_json::Map::is_empty)
            && !self.lock_before.entries.contains_key(&key)
        {
            return;
        }
        if target == Vendor::Codex
            && self.ws.model.hooks.iter().any(|h| {
                h.vendor == Vendor::Codex
                    && sources.get(h.origin.file).path.ends_with("config.toml")
            })
        {
            self.conflicts.push(Conflict {
                path: ".codex/config.toml".into(),
                entry: Some("hooks".into()),
                reason: "Codex hooks are declared in config.toml; aios-port writes .codex/hooks.json, and Codex warns when both exist (move them to hooks.json first)".into(),
            });
            return;
        }
        if self.file(path).is_none() {
            return;
        }
        let current = self.files.get(path).and_then(|f| f.json_get(&[], "hooks"));
        if self.may_write(&key, path, Some("hooks"), current.as_ref(), &desired) {
            let Some(f) = self.files.get_mut(path) else {
                return;
            };
            if f.json_set(&[], "hooks", &desired) {
                self.record(path, Some("hooks"), &desired);
            }
        }
    }

    /// The text `v` loads from file `file`, followed imports inlined: an import's text goes
    /// to the end of the section that imports it, a line holding only imports disappears, an
    /// import inside prose keeps its path without the `@` (as `Model::loaded_sections` reads it).
    fn inlined(&self, v: Vendor, file: crate::source::FileId, depth: u8) -> String {
        let text = &self.ws.sources.get(file).text;
        let Some(doc) = self
            .ws
            .model
            .instructions
            .iter()
            .find(|f| f.vendor == v && f.file == file)
            .map(|f| &f.doc)
        else {
            return text.clone();
        };
        let imports: Vec<_> = self
            .ws
            .model
            .imports
            .iter()
            .filter(|i| i.vendor == v && i.from == file && i.resolved.is_some())
            .collect();
        let mut out = String::new();
        let mut at = 0usize;
        for s in &doc.sections {
            let (ss, se) = (s.origin.start as usize, s.origin.end as usize);
            if ss < at {
                continue;
            }
            out.push_str(text.get(at..ss).unwrap_or(""));
            let inside: Vec<_> = imports
                .iter()
                .filter(|i| i.origin.start as usize >= ss && i.origin.end as usize <= se)
                .collect();
            let body = crate::model::instructions::strip_imports(
                text,
                ss,
                se,
                inside.iter().map(|i| i.origin),
            );
            let mut imported = String::new();
            for i in &inside {
                if let Some(t) = i.resolved
                    && depth < 8
                    && t != file
                {
                    let sub = self.inlined(v, t, depth + 1);
                    let sub = sub.trim();
                    if !sub.is_empty() {
                        if !imported.is_empty() {
                            imported.push_str("\n\n");
                        }
                        imported.push_str(sub);
                    }
                }
            }
            if imported.is_empty() {
                out.push_str(&body);
            } else {
                let kept = body.trim_end();
                out.push_str(kept);
                if !kept.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&imported);
                out.push_str("\n\n");
                // The blank line after the inserted text replaces the one that followed.
                let rest = text.get(se..).unwrap_or("");
                at = se + (rest.len() - rest.trim_start_matches(['\n', '\r']).len());
                continue;
            }
            at = se;
        }
        out.push_str(text.get(at..).unwrap_or(""));
        let mut out = out.trim_end().to_string();
        out.push('\n');
        out
    }

    fn instructions(&mut self, primary: Vendor, target: Vendor) {
        let m = &self.ws.model;
        for dir in m
            .instruction_dirs(primary)
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
        {
            let files: Vec<_> = m
                .dir_instructions(primary, &dir)
                .into_iter()
                .cloned()
                .collect();
            // Path-scoped rules have no equivalent elsewhere.
            for r in m
                .instructions
                .iter()
                .filter(|i| i.vendor == primary && i.dir == dir)
            {
                if let InstructionRole::Rule { paths } = &r.role
                    && !paths.is_empty()
                {
                    self.losses.push(
                        Loss::field(
                            target,
                            Origin::file_start(r.file),
                            format!("path-scoped rule `{}`", r.path),
                            format!(
                                "{} has no rules loaded only for matching files",
                                target.display_name()
                            ),
                            "move it into a nested instruction file of the directory it applies to",
                        )
                        .skip(),
                    );
                }
            }
            // Nothing to do when the target already loads the same text here.
            let want = m.loaded_sections(&self.ws.sources, primary, &dir);
            let have = m.loaded_sections(&self.ws.sources, target, &dir);
            let same = want.len() == have.len()
                && want.iter().all(|s| {
                    have.iter()
                        .any(|h| h.heading == s.heading && h.text == s.text)
                });
            let name = match target {
                Vendor::Claude => "CLAUDE.md",
                Vendor::Codex => "AGENTS.md",
                Vendor::Gemini => "GEMINI.md",
            };
            let path = crate::read::join(&dir, name);
            let key = lock::key(&path, None);
            // A file the primary imports is part of the source: never rewrite it.
            if let Some(id) = self.ws.sources.find(&path)
                && self
                    .imported_by(primary, &files.iter().map(|f| f.file).collect::<Vec<_>>())
                    .contains(&id)
            {
                if !same {
                    let own: Vec<String> = want
                        .iter()
                        .filter(|w| {
                            !have
                                .iter()
                                .any(|h| h.heading == w.heading && h.text == w.text)
                        })
                        .map(|w| {
                            format!(
                                "`{}`",
                                if w.heading.is_empty() {
                                    "(untitled)"
                                } else {
                                    &w.heading
                                }
                            )
                        })
                        .collect();
                    self.losses.push(Loss::field(
                        target,
                        Origin::file_start(id),
                        format!("sections of `{}` outside the imported `{path}` ({})", files.first().map_or("", |f| f.path.as_str()), own.join(", ")),
                        format!("`{path}` is imported by the primary's instructions, so aios-port does not rewrite it; {} reads only `{path}`", target.display_name()),
                        format!("move those sections into `{path}` if every vendor should follow them"),
                    ));
                }
                continue;
            }
            if same && !files.is_empty() {
                self.touched.insert(key.clone());
                if let Some(id) = self.ws.sources.find(&path) {
                    let cur = json!(self.ws.sources.get(id).text);
                    self.lock.entries.insert(key, lock::hash_value(&cur));
                }
                continue;
            }
            let names: Vec<String> = files
                .iter()
                .map(|f| {
                    f.path
                        .strip_prefix(&format!("{dir}/"))
                        .unwrap_or(&f.path)
                        .to_string()
                })
                .collect();
            let needs_inline = files.iter().any(|f| {
                m.imports
                    .iter()
                    .any(|i| i.vendor == primary && i.from == f.file)
            });
            let strategy = self.options.strategy;
            // Codex follows no imports; every target reads a symlink's target text.
            let (text, link) = match (strategy, target) {
                (Strategy::Symlink, _)
                    if files.len() == 1 && (target != Vendor::Codex || !needs_inline) =>
                {
                    (String::new(), Some(names[0].clone()))
                }
                (Strategy::Import, Vendor::Claude) => {
                    (names.iter().map(|n| format!("@{n}\n")).collect(), None)
                }
                (Strategy::Import, Vendor::Gemini) => {
                    (names.iter().map(|n| format!("@./{n}\n")).collect(), None)
                }
                _ => {
                    let mut t = String::new();
                    for f in &files {
                        if !t.is_empty() {
                            t.push('\n');
                        }
                        t.push_str(&self.inlined(primary, f.file, 0));
                    }
                    (t, None)
                }
            };
            if target == Vendor::Codex {
                self.codex_cap(&dir, &path, &text, files.first().map(|f| f.file));
            }
            // The planner's own operations see links (an existing link is never replaced
            // silently) and handle ownership.
            match link {
                Some(l) => self.symlink(&path, &l),
                None => self.whole_file(&path, text),
            }
        }
    }

    /// Every file the primary's `files` import, directly or not.
    fn imported_by(
        &self,
        v: Vendor,
        files: &[crate::source::FileId],
    ) -> Vec<crate::source::FileId> {
        let mut out: Vec<crate::source::FileId> = Vec::new();
        let mut todo: Vec<crate::source::FileId> = files.to_vec();
        while let Some(f) = todo.pop() {
            for i in self
                .ws
                .model
                .imports
                .iter()
                .filter(|i| i.vendor == v && i.from == f)
            {
                if let Some(t) = i.resolved
                    && !out.contains(&t)
                {
                    out.push(t);
                    todo.push(t);
                }
            }
        }
        out
    }

    /// Reports a Codex chain over `project_doc_max_bytes`.
    fn codex_cap(
        &mut self,
        dir: &str,
        path: &str,
        text: &str,
        source: Option<crate::source::FileId>,
    ) {
        let cap = self
            .ws
            .model
            .settings
            .iter()
            .find(|s| s.vendor == Vendor::Codex)
            .and_then(|s| s.project_doc_max_bytes.as_ref().map(|b| b.value))
            .unwrap_or(crate::facts::CODEX_PROJECT_DOC_MAX_BYTES);
        if text.len() as u64 > cap {
            self.losses.push(Loss::field(
                Vendor::Codex,
                source.map_or(Origin::file_start(crate::source::FileId(0)), Origin::file_start),
                format!("{} bytes of `{path}` past Codex's {cap}-byte limit", text.len() as u64 - cap),
                "Codex cuts project instructions at `project_doc_max_bytes`",
                format!("shorten the instructions of `{}`, or raise `project_doc_max_bytes` in .codex/config.toml", if dir.is_empty() { "." } else { dir }),
            ));
        }
    }

    /// Files aios-port generated from something the primary no longer has: deleted when
    /// unedited, a conflict otherwise. Only on a sync to every other vendor, so that a file
    /// another target needs is never taken for stale.
    fn stale_files(&mut self, targets: &[Vendor], primary: Vendor) -> Vec<FileChange> {
        let full = Vendor::ALL
            .iter()
            .all(|v| *v == primary || targets.contains(v));
        if !full || !self.errors.is_empty() {
            return Vec::new();
        }
        let stale: Vec<(String, String)> = self
            .lock_before
            .entries
            .iter()
            .filter(|(k, _)| !k.contains('#') && !self.touched.contains(*k))
            .map(|(k, h)| (k.clone(), h.clone()))
            .collect();
        let mut out = Vec::new();
        for (path, hash) in stale {
            let current = self.current(&path);
            let Some(cur) = current else {
                self.lock.entries.remove(&path);
                continue;
            };
            // An edited file is never deleted, not even with --force: that only overwrites.
            if lock::hash_value(&cur) != hash {
                self.conflicts.push(Conflict {
                    path: path.clone(),
                    entry: None,
                    reason: "no longer in the primary, but edited by hand since aios-port wrote it"
                        .into(),
                });
                continue;
            }
            self.lock.entries.remove(&path);
            out.push(FileChange {
                before: cur.as_str().map(str::to_string),
                path,
                after: String::new(),
                symlink: None,
                bom: false,
                entries: Vec::new(),
                delete: true,
            });
        }
        out
    }

    fn finish(
        mut self,
        primary: Vendor,
        detected: Option<String>,
        targets: Vec<Vendor>,
    ) -> SyncPlan {
        let mut changes = self.stale_files(&targets, primary);
        for (path, f) in &self.files {
            let after = f.after();
            if f.before.as_deref() != Some(after.as_str()) {
                changes.push(FileChange {
                    path: path.clone(),
                    before: f.before.clone(),
                    after,
                    symlink: None,
                    bom: f.bom,
                    entries: self.entries.get(path).cloned().unwrap_or_default(),
                    delete: false,
                });
            }
        }
        for (path, target) in &self.symlinks {
            changes.push(FileChange {
                path: path.clone(),
                before: self
                    .ws
                    .sources
                    .find(path)
                    .map(|id| self.ws.sources.get(id).text.clone()),
                after: String::new(),
                symlink: Some(target.clone()),
                bom: false,
                entries: Vec::new(),
                delete: false,
            });
        }
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        if self.lock != self.lock_before && (!changes.is_empty() || !self.lock.entries.is_empty()) {
            let before = self.lock_before.source.clone();
            changes.push(FileChange {
                path: lock::FILE_NAME.to_string(),
                before,
                after: self.lock.render(),
                symlink: None,
                bom: false,
                entries: Vec::new(),
                delete: false,
            });
        }
        SyncPlan {
            primary,
            detected,
            targets,
            changes,
            losses: self.losses,
            conflicts: self.conflicts,
            errors: self.errors,
        }
    }
}
