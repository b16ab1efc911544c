//! Sync of plugins, extensions and marketplaces (FORMATS.md §5; REAL-CLIENTS.md §2.1 "Plugins &
//! marketplaces", §2.2 plugin manifest and marketplace, §2.3 extensions).
//!
//! This module owns the manifests aios-port writes at a plugin root of the primary
//! (`Plugin.root`): `.claude-plugin/plugin.json`, `.codex-plugin/plugin.json`,
//! `gemini-extension.json`, the Codex marketplace `.agents/plugins/marketplace.json`, and the
//! losses of every plugin component a target does not get.
//!
//! **Write only what a target needs.** What each vendor already reads natively is never
//! written again, because a second manifest would change what that vendor loads:
//! * Codex reads `.claude-plugin/plugin.json` when a plugin has no `.codex-plugin/plugin.json`,
//!   and Claude's `marketplace.json` when a marketplace root has no
//!   `.agents/plugins/marketplace.json` (REAL-CLIENTS.md §2.1). So Claude → Codex writes
//!   nothing for such a plugin: a `.codex-plugin/plugin.json` would replace what Codex loads
//!   (its declared paths replace the defaults). Only the losses are reported (Codex loads no
//!   plugin subagents, and turns a command into a skill only when it has a description and no
//!   placeholders).
//! * Where the target has its own manifest at the root, its `name`, `version` and
//!   `description` are kept in sync (compared as AP109 compares them, so a description tailored
//!   "for Codex" stays), keys it lacks are added, nothing it has is rewritten; a different
//!   `name` is reported, never rewritten (marketplaces and `enabledPlugins` refer to it).
//! * Codex's marketplace is written only when Claude's has entries Codex skips but can read in
//!   its own format (`github` sources become `url` ones, bare paths get `./`): Codex then reads
//!   it instead of Claude's, so it carries every entry.
//!
//! **Components.** Each vendor reads other components from the plugin directory itself
//! (`skills/`, `commands/`, `agents/`, `hooks/hooks.json`), in its own format; they belong to the
//! other writers' formats and are never converted here. What a target would not get, or would
//! misread, is a loss; a plugin whose `PreToolUse` (`BeforeTool`) hooks would not run on the
//! target is not written at all (its tools must not arrive without their guards). MCP servers
//! are written inline in the manifest, with `${CLAUDE_PLUGIN_ROOT}` ↔ `${extensionPath}` ↔
//! Codex `${PLUGIN_ROOT}` mapped; component paths must stay inside the plugin (AP305).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::check::rules::ap109_plugin_manifest_mismatch::{description_key, version_key};
use crate::check::rules::ap305_plugin_path_escapes::escape_reason;
use crate::model::{Marketplace, McpServer, Plugin, PluginSource, Scope};
use crate::source::Origin;
use crate::sync::plan::Planner;
use crate::vendor::Vendor;
use crate::write::{Loss, mcp};

/// Claude's manifest, relative to the plugin root.
const CLAUDE_MANIFEST: &str = ".claude-plugin/plugin.json";
/// Codex's manifest, relative to the plugin root.
const CODEX_MANIFEST: &str = ".codex-plugin/plugin.json";
/// Gemini's manifest, relative to the extension root.
const GEMINI_MANIFEST: &str = "gemini-extension.json";
/// Codex's marketplace, relative to the marketplace root.
const CODEX_MARKETPLACE: &str = ".agents/plugins/marketplace.json";

/// Manifest keys that only describe a plugin in a catalog (no effect on what is loaded): not
/// reported when a target has no place for them.
const CATALOG_KEYS: &[&str] = &[
    "$schema",
    "author",
    "homepage",
    "repository",
    "license",
    "keywords",
    "displayName",
    "metadata",
    "category",
    "tags",
    "interface",
    "defaultEnabled",
    "engines",
    "migratedTo",
    "source",
    "strict",
];

/// Root-path variables, as each vendor spells them in a manifest (Codex expands none in MCP
/// configs; its hooks get `PLUGIN_ROOT` from the environment).
fn root_var(v: Vendor) -> &'static str {
    match v {
        Vendor::Claude => "${CLAUDE_PLUGIN_ROOT}",
        Vendor::Codex => "${PLUGIN_ROOT}",
        Vendor::Gemini => "${extensionPath}",
    }
}

/// The manifest of vendor `v` at plugin root `root`.
fn manifest_path(v: Vendor, root: &str) -> String {
    let tail = match v {
        Vendor::Claude => CLAUDE_MANIFEST,
        Vendor::Codex => CODEX_MANIFEST,
        Vendor::Gemini => GEMINI_MANIFEST,
    };
    crate::read::join(root, tail)
}

/// Whether `pl` is a manifest file (not a plugin a marketplace entry defines).
fn is_manifest(pl: &Plugin) -> bool {
    pl.path == manifest_path(pl.vendor, &pl.root)
}

/// The plugin's name as its vendor loads it (Codex: the directory name when unnamed).
fn plugin_name(p: &Planner<'_>, pl: &Plugin) -> Option<String> {
    if let Some(n) = &pl.name {
        return Some(n.value.trim().to_string());
    }
    if pl.vendor == Vendor::Codex {
        return if pl.root.is_empty() {
            p.ws()
                .root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        } else {
            pl.root.rsplit('/').next().map(str::to_string)
        };
    }
    None
}

/// "plugin `name`" for messages.
fn label(p: &Planner<'_>, pl: &Plugin) -> String {
    match plugin_name(p, pl) {
        Some(n) => format!("plugin `{n}`"),
        None => format!("plugin `{}`", display_dir(&pl.root)),
    }
}

/// A directory for messages (`.` for the workspace root).
fn display_dir(dir: &str) -> &str {
    if dir.is_empty() { "." } else { dir }
}

/// Plans the plugins and marketplaces of `primary` for `target`.
pub(crate) fn plan(p: &mut Planner<'_>, primary: Vendor, target: Vendor) {
    let plugins: Vec<Plugin> = p
        .ws()
        .model
        .plugins
        .iter()
        .filter(|pl| pl.vendor == primary)
        .cloned()
        .collect();
    for pl in &plugins {
        let sharing = plugins.iter().filter(|q| q.root == pl.root).count();
        plugin(p, pl, target, sharing);
    }
    let markets: Vec<Marketplace> = p
        .ws()
        .model
        .marketplaces
        .iter()
        .filter(|m| m.vendor == primary)
        .cloned()
        .collect();
    for m in &markets {
        marketplace(p, m, target);
    }
}

// ---------------------------------------------------------------------------------------------
// Plugins

/// The manifest keys a target gets for a plugin.
#[derive(Default)]
struct Desired {
    /// `name`, `version`, `description` (compared by meaning).
    identity: Vec<(&'static str, Value)>,
    /// Other keys, written when the target manifest lacks them.
    other: Vec<(String, Value)>,
    /// MCP servers: Gemini entries of `mcpServers` (Claude and Codex get one inline object in
    /// `other`).
    servers: Vec<(String, Value)>,
}

/// Plans one plugin of the primary for `target` (`sharing`: how many plugins of the primary
/// have this root).
fn plugin(p: &mut Planner<'_>, pl: &Plugin, target: Vendor, sharing: usize) {
    let what = label(p, pl);
    if !is_manifest(pl) {
        // Defined by a marketplace entry only: the vendors that read that marketplace load
        // it; the others need a manifest the entry cannot be turned into faithfully.
        if !pl.loaded_by.contains(target) {
            p.lose(
                Loss::field(
                    target,
                    pl.origin,
                    format!("{what} (defined by a marketplace entry, without a manifest)"),
                    format!(
                        "{} loads a plugin only from its own manifest in the plugin directory",
                        target.display_name()
                    ),
                    format!(
                        "add `{}` to `{}`, then sync again",
                        CLAUDE_MANIFEST,
                        display_dir(&pl.root)
                    ),
                )
                .skip(),
            );
        }
        return;
    }
    let model = &p.ws().model;
    let own: Option<Plugin> = model
        .plugins
        .iter()
        .find(|q| q.root == pl.root && q.vendor == target && is_manifest(q))
        .cloned();
    let native = model
        .plugins
        .iter()
        .any(|q| q.root == pl.root && q.loaded_by.contains(target));
    if native && own.is_none() {
        native_losses(p, pl, target, &what);
        return;
    }
    if sharing > 1 {
        p.lose(
            Loss::field(
                target,
                pl.origin,
                format!(
                    "{what} (one of {sharing} plugins in `{}`)",
                    display_dir(&pl.root)
                ),
                format!(
                    "{} needs one manifest per plugin directory",
                    target.display_name()
                ),
                "give each plugin its own directory",
            )
            .skip(),
        );
        return;
    }
    let Some(desired) = desired(p, pl, target, own.is_some(), &what) else {
        return;
    };
    write_manifest(p, pl, target, own.as_ref(), desired, &what);
}

/// Writes `desired` into the target's manifest at the plugin root (`own`: the manifest it
/// already has there).
fn write_manifest(
    p: &mut Planner<'_>,
    pl: &Plugin,
    target: Vendor,
    own: Option<&Plugin>,
    desired: Desired,
    what: &str,
) {
    let path = manifest_path(target, &pl.root);
    let present: Map<String, Value> = own
        .and_then(|q| {
            let text = &p.ws().sources.get(q.origin.file).text;
            let mut diags = Vec::new();
            crate::read::json::parse(crate::source::FileId(0), text, &mut diags)
        })
        .map(|n| n.to_json())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default();
    for (key, want) in desired.identity {
        let have = present.get(key).and_then(Value::as_str);
        let want_s = want.as_str().unwrap_or_default();
        let same = match (key, have) {
            (_, None) => false,
            ("name", Some(h)) => h.trim() == want_s,
            ("version", Some(h)) => version_key(h) == version_key(want_s),
            (_, Some(h)) => description_key(h) == description_key(want_s),
        };
        if same {
            continue;
        }
        if key == "name"
            && let Some(h) = have
        {
            p.lose(Loss::field(
                target,
                pl.name.as_ref().map_or(pl.origin, |n| n.origin),
                format!("the name of {what} (`{h}` in `{path}`)"),
                "renaming a plugin changes how marketplaces and enabled-plugin settings refer to it, so aios-port does not rename it",
                format!("rename it by hand in `{path}` and wherever it is referred to"),
            ));
            continue;
        }
        p.json_entry(&path, &[], key, &want);
    }
    for (key, want) in desired.other {
        if !present.contains_key(&key) {
            p.json_entry(&path, &[], &key, &want);
        }
    }
    for (name, server) in desired.servers {
        p.json_entry(&path, &["mcpServers"], &name, &server);
    }
}

/// What the target misses of a plugin it loads natively (Codex reading a Claude plugin).
fn native_losses(p: &mut Planner<'_>, pl: &Plugin, target: Vendor, what: &str) {
    if !(pl.vendor == Vendor::Claude && target == Vendor::Codex) {
        return;
    }
    let scope = Scope::Plugin(pl.root.clone());
    let model = &p.ws().model;
    let agents: Vec<(String, Origin)> = model
        .agents
        .iter()
        .filter(|a| a.scope == scope && a.vendor == Vendor::Claude)
        .map(|a| {
            let name = a
                .name
                .as_ref()
                .map_or_else(|| a.path.clone(), |n| n.value.clone());
            (name, a.origin)
        })
        .collect();
    let commands: Vec<(String, Origin)> = model
        .commands
        .iter()
        .filter(|c| c.scope == scope && c.vendor == Vendor::Claude && !codex_migrates(c))
        .map(|c| (c.name.clone(), c.origin))
        .collect();
    // Codex reads the plugin's MCP servers as written, expanding no `${...}` (FORMATS.md §5c).
    let with_vars: Vec<(String, Origin)> = model
        .mcp_servers
        .iter()
        .filter(|s| s.scope == scope && s.vendor == Vendor::Claude)
        .filter(|s| {
            let values = s
                .command
                .iter()
                .chain(&s.args)
                .chain(s.env.iter().map(|(_, v)| v))
                .chain(&s.url)
                .chain(&s.cwd)
                .chain(s.headers.iter().map(|(_, v)| v));
            values.into_iter().any(|v| v.value.has_vars())
        })
        .map(|s| (s.name.value.clone(), s.name.origin))
        .collect();
    for (name, at) in with_vars {
        p.lose(Loss::field(
            target,
            at,
            format!("MCP server `{name}` of {what}"),
            "Codex loads the plugin's servers as written and expands no `${...}` in them (the root, paths and environment variables stay literal text)",
            "use relative paths and no variables in the plugin's `.mcp.json`, or give Codex its own `.codex-plugin/plugin.json` (which then replaces Claude's manifest for Codex)",
        ));
    }
    if let Some((_, at)) = agents.first() {
        p.lose(
            Loss::field(
                target,
                *at,
                format!("subagents {} of {what}", names(&agents)),
                "Codex loads no subagents from plugins (its subagents are `.codex/agents/*.toml` files)",
                "copy them to `.claude/agents/` so that `aios-port sync` writes them for Codex",
            )
            .skip(),
        );
    }
    if let Some((_, at)) = commands.first() {
        p.lose(
            Loss::field(
                target,
                *at,
                format!("commands {} of {what}", names(&commands)),
                "Codex turns a plugin command into a skill only when it has a `description` and none of `$ARGUMENTS`, `$1`, `{{...}}`, shell injection or `@file` in its text",
                "give the command a description and no placeholders, or ship it as a skill",
            )
            .skip(),
        );
    }
}

/// Whether Codex turns plugin command `c` into a skill (REAL-CLIENTS.md §3, `command_migration`).
fn codex_migrates(c: &crate::model::Command) -> bool {
    let Some(body) = c.prompt.as_ref().map(|b| b.value.as_str()) else {
        return c.description.is_some();
    };
    let digit_var = body
        .match_indices('$')
        .any(|(i, _)| body[i + 1..].starts_with(|ch: char| ch.is_ascii_digit()));
    let file_ref = body.split_whitespace().any(|w| {
        w.len() > 1
            && w.starts_with('@')
            && w[1..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '.' || ch == '/')
    });
    c.description.is_some()
        && !body.contains("$ARGUMENTS")
        && !digit_var
        && !body.contains("{{")
        && !body.contains("!`")
        && !file_ref
}

/// `` `a`, `b` `` for messages.
fn names(items: &[(String, Origin)]) -> String {
    items
        .iter()
        .map(|(n, _)| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The vendors whose model items make up plugin `pl`'s components: a root that has a Claude
/// manifest is read in Claude's format even for Codex, which reads it too.
fn component_vendors(p: &Planner<'_>, pl: &Plugin) -> Vec<Vendor> {
    match pl.vendor {
        Vendor::Codex
            if p.ws()
                .model
                .plugins
                .iter()
                .any(|q| q.root == pl.root && q.vendor == Vendor::Claude && is_manifest(q)) =>
        {
            vec![Vendor::Codex, Vendor::Claude]
        }
        v => vec![v],
    }
}

/// The keys a target manifest gets for `pl`, or None when the plugin is not written (the
/// loss says why). `exists`: the target already has its own manifest there.
fn desired(
    p: &mut Planner<'_>,
    pl: &Plugin,
    target: Vendor,
    exists: bool,
    what: &str,
) -> Option<Desired> {
    let mut d = Desired::default();
    let name = plugin_name(p, pl);
    let valid = |n: &str| match target {
        Vendor::Gemini => !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        _ => !n.trim().is_empty() && !n.chars().any(|c| c.is_whitespace() || c.is_control()),
    };
    match &name {
        Some(n) if valid(n) => d.identity.push(("name", json!(n))),
        _ if exists => {}
        _ => {
            let why = match target {
                Vendor::Gemini => {
                    "Gemini CLI loads an extension only with a name of letters, digits and `-`"
                }
                _ => "a plugin manifest needs a name without spaces",
            };
            p.lose(
                Loss::field(
                    target,
                    pl.name.as_ref().map_or(pl.origin, |n| n.origin),
                    what.to_string(),
                    why,
                    "rename the plugin (kebab-case), then sync again",
                )
                .skip(),
            );
            return None;
        }
    }
    match &pl.version {
        Some(v) => d.identity.push(("version", json!(v.value))),
        None if target == Vendor::Gemini && !exists => {
            p.lose(
                Loss::field(
                    target,
                    pl.origin,
                    what.to_string(),
                    "Gemini CLI loads an extension only with a `version`, and the plugin has none",
                    "add `\"version\": \"1.0.0\"` to the plugin manifest, then sync again",
                )
                .skip(),
            );
            return None;
        }
        None => {}
    }
    if let Some(desc) = &pl.description {
        d.identity.push(("description", json!(desc.value)));
    }
    // Claude → Codex reaches here only for Codex's own manifest: identity only.
    if pl.vendor == Vendor::Claude && target == Vendor::Codex {
        return Some(d);
    }
    if !components(p, pl, target, what, exists) {
        return None;
    }
    if target == Vendor::Claude {
        claude_keys(p, pl, &mut d, what);
    }
    let servers = servers(p, pl, target, what);
    match target {
        Vendor::Gemini => d.servers = servers,
        _ => {
            if !servers.is_empty() {
                d.other.push((
                    "mcpServers".into(),
                    Value::Object(servers.into_iter().collect()),
                ));
            }
        }
    }
    Some(d)
}

/// Reports the components `target` would not get or would misread; false when the plugin must
/// not be written (hooks that guard tools would not run). `exists`: the target already has its
/// own manifest there (then nothing stops the identity sync).
fn components(p: &mut Planner<'_>, pl: &Plugin, target: Vendor, what: &str, exists: bool) -> bool {
    let scope = Scope::Plugin(pl.root.clone());
    let vendors = component_vendors(p, pl);
    let model = &p.ws().model;
    let sources = &p.ws().sources;
    let mine = |f: crate::source::FileId| !foreign_manifest(&sources.get(f).path, pl);
    let hooks: Vec<(String, Origin)> = model
        .hooks
        .iter()
        .filter(|h| h.scope == scope && vendors.contains(&h.vendor) && mine(h.origin.file))
        .map(|h| (h.event.value.clone(), h.origin))
        .collect();
    let guards = model
        .hooks
        .iter()
        .filter(|h| h.scope == scope && vendors.contains(&h.vendor) && mine(h.origin.file))
        .find(|h| crate::facts::is_guard_event(h.vendor, &h.event.value))
        .map(|h| (h.event.value.clone(), h.origin));
    let commands: Vec<(String, Origin)> = model
        .commands
        .iter()
        .filter(|c| c.scope == scope && vendors.contains(&c.vendor))
        .map(|c| (c.name.clone(), c.origin))
        .collect();
    let agents: Vec<(String, Origin)> = model
        .agents
        .iter()
        .filter(|a| a.scope == scope && vendors.contains(&a.vendor))
        .map(|a| {
            let n = a
                .name
                .as_ref()
                .map_or_else(|| a.path.clone(), |n| n.value.clone());
            (n, a.origin)
        })
        .collect();
    let skills_dir = crate::read::join(&pl.root, "skills/");
    let odd_skills: Vec<(String, Origin)> = model
        .skills
        .iter()
        .filter(|s| s.scope == scope && !s.path.starts_with(&skills_dir))
        .map(|s| {
            let n = s
                .name
                .as_ref()
                .map_or_else(|| s.path.clone(), |n| n.value.clone());
            (n, s.origin)
        })
        .collect();
    let tname = target.display_name();
    // The target reads `hooks/hooks.json` of the plugin directory in its own format.
    if let Some((event, at)) = guards.filter(|_| !exists) {
        p.lose(
            Loss::field(
                target,
                at,
                what.to_string(),
                format!(
                    "its `{event}` hooks would not run in {tname}, which reads `hooks/hooks.json` in its own format; the plugin's tools must not arrive without their guards"
                ),
                format!("port the hooks to {tname}'s hook format in a separate plugin, or keep the plugin for {} only", pl.vendor.display_name()),
            )
            .skip(),
        );
        return false;
    }
    if let Some((_, at)) = hooks.first() {
        let mut events: Vec<String> = hooks.iter().map(|(e, _)| format!("`{e}`")).collect();
        events.dedup();
        p.lose(Loss::field(
            target,
            *at,
            format!("hooks {} of {what}", events.join(", ")),
            format!("{tname} reads `hooks/hooks.json` of the plugin directory in its own format: these events do not run there as written"),
            "ship hooks per vendor, or keep them in the project settings that `aios-port sync` converts",
        ));
    }
    let (cmd_why, agent_why) = match target {
        Vendor::Gemini => (
            "Gemini CLI reads only `commands/*.toml` in an extension",
            "Gemini CLI reads `agents/*.md` of an extension with its own strict frontmatter",
        ),
        Vendor::Claude => (
            "Claude Code reads only `commands/*.md` in a plugin",
            "Claude Code reads `agents/*.md` of a plugin in its own frontmatter (tool names differ)",
        ),
        Vendor::Codex => (
            "Codex reads no command files in a plugin",
            "Codex loads no subagents from plugins",
        ),
    };
    if let Some((_, at)) = commands.first() {
        p.lose(
            Loss::field(
                target,
                *at,
                format!("commands {} of {what}", names(&commands)),
                cmd_why,
                "ship the commands as skills (`skills/<name>/SKILL.md`), which every vendor reads",
            )
            .skip(),
        );
    }
    if let Some((_, at)) = agents.first() {
        p.lose(Loss::field(
            target,
            *at,
            format!("subagents {} of {what}", names(&agents)),
            agent_why,
            "keep subagents in the project (`aios-port sync` converts them)",
        ));
    }
    if let Some((_, at)) = odd_skills.first()
        && target == Vendor::Gemini
    {
        p.lose(
            Loss::field(
                target,
                *at,
                format!("skills {} of {what}", names(&odd_skills)),
                "Gemini CLI reads an extension's skills from `skills/` only",
                "move them under `skills/`",
            )
            .skip(),
        );
    }
    // Manifest keys with an effect that the target has no place for.
    let mut lost: Vec<(String, Origin)> = Vec::new();
    for e in &pl.extra {
        let kept = match target {
            Vendor::Claude => matches!(
                e.key.as_str(),
                "author" | "homepage" | "repository" | "license" | "keywords"
            ),
            _ => false,
        };
        if !kept && !CATALOG_KEYS.contains(&e.key.as_str()) {
            lost.push((e.key.clone(), e.origin));
        }
    }
    for (key, path) in &pl.component_paths {
        if !matches!(
            key.as_str(),
            "skills" | "commands" | "agents" | "hooks" | "mcpServers"
        ) {
            lost.push((key.clone(), path.origin));
        }
    }
    lost.sort_by(|a, b| a.0.cmp(&b.0));
    lost.dedup_by(|a, b| a.0 == b.0);
    for (key, at) in lost {
        if key == "excludeTools" && !exists {
            // Dropping an extension's tool exclusions would widen what the agent may do.
            p.lose(
                Loss::field(
                    target,
                    at,
                    what.to_string(),
                    format!("its `excludeTools` would not apply in {tname}, which would then offer tools the extension removes"),
                    format!("deny those tools in {tname}'s permission settings, then ship the plugin without `excludeTools`"),
                )
                .skip(),
            );
            return false;
        }
        if key == "settings" {
            p.lose(Loss::field(
                target,
                at,
                format!("`settings` of {what}"),
                format!("the values Gemini CLI asks for when the extension is installed (`envVar`s) have no {tname} equivalent here"),
                "pass them through the environment, which the servers read",
            ));
            continue;
        }
        if key == "contextFileName" {
            p.lose(Loss::field(
                target,
                at,
                format!("the context file of {what}"),
                format!("{tname} plugins load no instruction file"),
                "move the instructions into the plugin's skills",
            ));
            continue;
        }
        p.lose(Loss::field(
            target,
            at,
            format!("`{key}` of {what}"),
            format!("{tname} has no such plugin setting"),
            "none: the target plugin works without it",
        ));
    }
    if pl.vendor == Vendor::Gemini {
        let context = crate::read::join(&pl.root, "GEMINI.md");
        let has_context = pl.extra.iter().any(|e| e.key == "contextFileName")
            || p.ws().root.join(&context).is_file();
        if has_context && !pl.extra.iter().any(|e| e.key == "contextFileName") {
            p.lose(Loss::field(
                target,
                pl.origin,
                format!("the context file of {what}"),
                format!("{tname} plugins load no instruction file"),
                "move the instructions into the plugin's skills",
            ));
        }
    }
    true
}

/// The plugin's MCP servers as the target writes them (name, value), with root variables
/// mapped; servers that cannot be written are losses.
fn servers(p: &mut Planner<'_>, pl: &Plugin, target: Vendor, what: &str) -> Vec<(String, Value)> {
    let scope = Scope::Plugin(pl.root.clone());
    let vendors = component_vendors(p, pl);
    let list: Vec<McpServer> = p
        .ws()
        .model
        .mcp_servers
        .iter()
        .filter(|s| s.scope == scope && vendors.contains(&s.vendor))
        .cloned()
        .collect();
    let default_file = crate::read::join(&pl.root, ".mcp.json");
    let mut out = Vec::new();
    for s in &list {
        let file = p.ws().sources.get(s.origin.file).path.clone();
        if foreign_manifest(&file, pl) {
            continue;
        }
        // A Codex plugin's default `.mcp.json` is read by Claude Code too, in its own way.
        if target == Vendor::Claude && s.vendor != Vendor::Gemini && file == default_file {
            if s.vendor == Vendor::Codex {
                claude_reads_codex_server(p, s, what);
            }
            continue;
        }
        let mut losses = Vec::new();
        let Some(mut v) = mcp::server_for(s, target, &mut losses) else {
            for l in losses {
                p.lose(l);
            }
            continue;
        };
        for l in losses {
            p.lose(l);
        }
        map_vars(&mut v, s.vendor, target);
        if let Some(bad) = unsupported_var(&v, target) {
            p.lose(
                Loss::field(
                    target,
                    s.name.origin,
                    format!("MCP server `{}` of {what}", s.name.value),
                    format!(
                        "{} does not expand `{bad}` in a {} manifest",
                        target.display_name(),
                        match target {
                            Vendor::Gemini => "extension",
                            _ => "plugin",
                        }
                    ),
                    match target {
                        Vendor::Codex => "make the server find its files without the plugin root (Codex expands no variables in a plugin's MCP servers), or keep it for the primary only",
                        _ => "pass the value through an environment variable the server reads",
                    },
                )
                .skip(),
            );
            continue;
        }
        out.push((s.name.value.clone(), v));
    }
    out
}

/// Whether `file` is another vendor's manifest at `pl`'s root: what it declares belongs to
/// that vendor's plugin, not to `pl`.
fn foreign_manifest(file: &str, pl: &Plugin) -> bool {
    Vendor::ALL
        .iter()
        .any(|v| *v != pl.vendor && file == manifest_path(*v, &pl.root))
}

/// Reports what Claude Code misreads of a Codex server in the plugin's default `.mcp.json`,
/// which Claude Code reads too.
fn claude_reads_codex_server(p: &mut Planner<'_>, s: &McpServer, what: &str) {
    let mut fields: Vec<&str> = Vec::new();
    if s.url.is_some() && !s.transport_explicit {
        fields.push("`url` without `type`");
    }
    if !s.env_vars.is_empty() {
        fields.push("`env_vars`");
    }
    if s.bearer_token_env_var.is_some() {
        fields.push("`bearer_token_env_var`");
    }
    if !s.env_http_headers.is_empty() {
        fields.push("`env_http_headers`");
    }
    if !s.headers.is_empty() {
        fields.push("`http_headers`");
    }
    if s.cwd.is_some() {
        fields.push("`cwd`");
    }
    if s.startup_timeout.is_some() || s.tool_timeout.is_some() {
        fields.push("timeouts");
    }
    if s.enabled.is_some() || s.required.is_some() {
        fields.push("`enabled` / `required`");
    }
    if s.include_tools.is_some() || s.exclude_tools.is_some() {
        fields.push("tool lists");
    }
    if fields.is_empty() {
        return;
    }
    p.lose(Loss::field(
        Vendor::Claude,
        s.name.origin,
        format!(
            "{} of MCP server `{}` of {what}",
            fields.join(", "),
            s.name.value
        ),
        "Claude Code reads the plugin's `.mcp.json` too, in its own format, without Codex's keys",
        "write the server in the format both read (`command`, `args`, `env`; `type` with `url`)",
    ));
}

/// Rewrites the root-path variables of `from` into those of `to` in every string of `v`.
fn map_vars(v: &mut Value, from: Vendor, to: Vendor) {
    let pairs: Vec<(&str, &str)> = match to {
        Vendor::Gemini => vec![
            (root_var(Vendor::Claude), root_var(Vendor::Gemini)),
            (root_var(Vendor::Codex), root_var(Vendor::Gemini)),
            ("${CLAUDE_PROJECT_DIR}", "${workspacePath}"),
        ],
        Vendor::Claude => vec![
            (root_var(Vendor::Gemini), root_var(Vendor::Claude)),
            (root_var(Vendor::Codex), root_var(Vendor::Claude)),
            ("${workspacePath}", "${CLAUDE_PROJECT_DIR}"),
            ("${/}", "/"),
            ("${pathSeparator}", "/"),
        ],
        Vendor::Codex => Vec::new(),
    };
    if from == to {
        return;
    }
    match v {
        Value::String(s) => {
            for (a, b) in &pairs {
                if s.contains(a) {
                    *s = s.replace(a, b);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| map_vars(x, from, to)),
        Value::Object(m) => m.values_mut().for_each(|x| map_vars(x, from, to)),
        _ => {}
    }
}

/// The first `${...}` in server `v` that `target` would not expand in a plugin manifest.
/// Gemini CLI hydrates `${extensionPath}`, `${workspacePath}`, `${/}` and then expands
/// environment variables in the whole extension config (`resolveEnvVarsInObject` at load);
/// Claude Code expands environment variables and its own plugin variables; Codex expands
/// nothing in a plugin's MCP configuration.
fn unsupported_var(v: &Value, target: Vendor) -> Option<String> {
    let mut strings = Vec::new();
    collect_strings(v, &mut strings);
    for s in strings {
        for var in vars_in(&s) {
            let ok = match target {
                Vendor::Gemini => {
                    matches!(
                        var.as_str(),
                        "extensionPath" | "workspacePath" | "/" | "pathSeparator"
                    ) || !is_plugin_only(&var)
                }
                Vendor::Claude => !is_plugin_only(&var) || var == "CLAUDE_PLUGIN_ROOT",
                Vendor::Codex => false,
            };
            if !ok {
                return Some(format!("${{{var}}}"));
            }
        }
    }
    None
}

/// Variables only one vendor's plugin loader knows (`${CLAUDE_PLUGIN_DATA}`,
/// `${user_config.KEY}`, Gemini's and Codex's root variables).
fn is_plugin_only(var: &str) -> bool {
    var.starts_with("CLAUDE_PLUGIN_")
        || var.starts_with("user_config.")
        || matches!(
            var,
            "PLUGIN_ROOT" | "PLUGIN_DATA" | "extensionPath" | "workspacePath"
        )
}

/// Every string in `v`.
fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(m) => m.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// The names of the `${NAME}` / `${NAME:-default}` references in `s`.
fn vars_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        let after = &rest[i + 2..];
        let Some(end) = after.find('}') else { break };
        let inner = &after[..end];
        let name = inner.split(":-").next().unwrap_or(inner);
        out.push(name.to_string());
        rest = &after[end + 1..];
    }
    out
}

/// Normalised component path: no leading `./`, no trailing `/`.
fn norm(path: &str) -> &str {
    let p = path.trim();
    let p = p.strip_prefix("./").unwrap_or(p);
    let p = p.trim_end_matches('/');
    if p == "." { "" } else { p }
}

/// Claude's keys for a plugin from Codex or Gemini: catalog metadata, component paths (the
/// defaults left out: Claude reads them anyway, and declaring `hooks/hooks.json` is an error).
fn claude_keys(p: &mut Planner<'_>, pl: &Plugin, d: &mut Desired, what: &str) {
    for e in &pl.extra {
        match e.key.as_str() {
            "author" => match &e.value {
                Value::Object(m) if m.get("name").is_some_and(Value::is_string) => {
                    let kept: Map<String, Value> = m
                        .iter()
                        .filter(|(k, v)| {
                            matches!(k.as_str(), "name" | "email" | "url") && v.is_string()
                        })
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    d.other.push(("author".into(), Value::Object(kept)));
                }
                Value::String(s) => d.other.push(("author".into(), json!({"name": s}))),
                _ => {}
            },
            "homepage" | "repository" | "license" if e.value.is_string() => {
                d.other.push((e.key.clone(), e.value.clone()));
            }
            "keywords"
                if e.value
                    .as_array()
                    .is_some_and(|a| a.iter().all(Value::is_string)) =>
            {
                d.other.push((e.key.clone(), e.value.clone()));
            }
            "interface" => {
                if let Some(n) = e.value.get("displayName").and_then(Value::as_str) {
                    d.other.push(("displayName".into(), json!(n)));
                }
            }
            _ => {}
        }
    }
    if pl.vendor != Vendor::Codex {
        return;
    }
    let defaults: BTreeMap<&str, &str> = [("skills", "skills"), ("hooks", "hooks/hooks.json")]
        .into_iter()
        .collect();
    let mut paths: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, path) in &pl.component_paths {
        let Some(default) = defaults.get(key.as_str()) else {
            continue;
        };
        if let Some(why) = escape_reason(&path.value) {
            p.lose(
                Loss::field(
                    Vendor::Claude,
                    path.origin,
                    format!("`{key}` path `{}` of {what}", path.value),
                    format!("it {why}: a plugin's components must stay inside it"),
                    "move the component into the plugin directory",
                )
                .skip(),
            );
            continue;
        }
        let n = norm(&path.value);
        if n == *default {
            continue;
        }
        paths.entry(key.clone()).or_default().push(format!("./{n}"));
        // Codex's declared path replaces its default; Claude Code adds the default too.
        let default_path = crate::read::join(&pl.root, default);
        if p.ws().root.join(&default_path).exists() {
            p.lose(Loss::field(
                Vendor::Claude,
                path.origin,
                format!("`{key}` of {what}"),
                format!("Claude Code also loads `{default}`, which Codex skips because the manifest declares `{}`", path.value),
                format!("move the components into `{default}`, or remove it"),
            ));
        }
    }
    for (key, list) in paths {
        let v = if list.len() == 1 {
            json!(list[0])
        } else {
            json!(list)
        };
        d.other.push((key, v));
    }
    // Hook commands reading Codex's `PLUGIN_ROOT`: Claude Code sets `CLAUDE_PLUGIN_ROOT` only.
    let scope = Scope::Plugin(pl.root.clone());
    let odd: Vec<(String, Origin)> = p
        .ws()
        .model
        .hooks
        .iter()
        .filter(|h| h.scope == scope)
        .filter_map(|h| {
            let c = h.command.as_ref()?;
            let t = c.value.replace("CLAUDE_PLUGIN_ROOT", "");
            t.contains("PLUGIN_ROOT")
                .then(|| (h.event.value.clone(), c.origin))
        })
        .collect();
    if let Some((_, at)) = odd.first() {
        p.lose(Loss::field(
            Vendor::Claude,
            *at,
            format!("`PLUGIN_ROOT` in hooks {} of {what}", names(&odd)),
            "Claude Code sets `CLAUDE_PLUGIN_ROOT` for plugin hooks, not `PLUGIN_ROOT` (Codex sets both)",
            "use `${CLAUDE_PLUGIN_ROOT}` in the hook commands: both vendors set it",
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// Marketplaces

/// Plans one marketplace of the primary for `target`.
fn marketplace(p: &mut Planner<'_>, m: &Marketplace, target: Vendor) {
    let name = m
        .name
        .as_ref()
        .map_or_else(|| m.path.clone(), |n| n.value.clone());
    let what = format!("marketplace `{name}`");
    if target == Vendor::Gemini {
        p.lose(Loss::field(
            target,
            m.name.as_ref().map_or(m.origin, |n| n.origin),
            what,
            "Gemini CLI has no marketplaces: extensions are installed one by one from a directory or a git URL",
            "install each extension with `gemini extensions install <dir or URL>`",
        ));
        return;
    }
    // The marketplace root: the directory holding `.claude-plugin/` or `.agents/plugins/`.
    let root = match m.vendor {
        Vendor::Claude => m.path.strip_suffix(".claude-plugin/marketplace.json"),
        _ => m.path.strip_suffix(CODEX_MARKETPLACE),
    }
    .map(|r| r.trim_end_matches('/').to_string())
    .unwrap_or_default();
    // The target's own marketplace at the same root, which it reads instead.
    let theirs = p
        .ws()
        .model
        .marketplaces
        .iter()
        .find(|o| {
            o.vendor == target && o.loaded_by.contains(target) && {
                let r = match o.vendor {
                    Vendor::Claude => o.path.strip_suffix(".claude-plugin/marketplace.json"),
                    _ => o.path.strip_suffix(CODEX_MARKETPLACE),
                };
                r.map(|r| r.trim_end_matches('/')) == Some(root.as_str())
            }
        })
        .cloned();
    if let Some(o) = theirs {
        for e in &m.plugins {
            let Some(n) = &e.name else { continue };
            let listed = o
                .plugins
                .iter()
                .any(|x| x.name.as_ref().is_some_and(|y| y.value == n.value));
            if !listed {
                p.lose(
                    Loss::field(
                        target,
                        n.origin,
                        format!("plugin `{}` of {what}", n.value),
                        format!(
                            "{} reads `{}` instead, which does not list it",
                            target.display_name(),
                            o.path
                        ),
                        format!("add the entry to `{}`", o.path),
                    )
                    .skip(),
                );
            }
        }
        return;
    }
    match (m.vendor, target) {
        (Vendor::Claude, Vendor::Codex) => claude_market_for_codex(p, m, &root, &what),
        (Vendor::Codex, Vendor::Claude) => p.lose(
            Loss::field(
                target,
                m.name.as_ref().map_or(m.origin, |n| n.origin),
                what,
                "Claude Code reads only `.claude-plugin/marketplace.json`, which needs an `owner` that a Codex marketplace does not have",
                format!(
                    "create `{}` with `name`, `owner` and the plugins, or load a plugin directly with `claude --plugin-dir`",
                    crate::read::join(&root, ".claude-plugin/marketplace.json")
                ),
            )
            .skip(),
        ),
        _ => {}
    }
}

/// How Codex reads one entry of Claude's marketplace.
enum CodexEntry {
    /// As it is.
    Reads,
    /// Skipped; in Codex's own format it would be this source.
    Converts(Value),
    /// Skipped, with why; no Codex source can express it.
    Never(String),
}

/// How Codex reads Claude marketplace entry `e` (whose local source resolves to `dir`).
fn codex_entry(source: &PluginSource, dir: Option<&str>, root: &str) -> CodexEntry {
    match source {
        PluginSource::Local { path } => {
            let n = norm(path);
            let dotted = path.trim().starts_with("./");
            if n.is_empty() {
                return CodexEntry::Never("Codex needs a plugin directory below the marketplace root, not the root itself (`./`)".into());
            }
            if dotted && !n.split('/').any(|s| s == "..") {
                return CodexEntry::Reads;
            }
            // A bare path (or one resolved under `metadata.pluginRoot`): Codex wants `./`.
            match dir.and_then(|d| {
                if root.is_empty() {
                    Some(d)
                } else {
                    d.strip_prefix(root).and_then(|x| x.strip_prefix('/'))
                }
            }) {
                Some(rel) if !rel.is_empty() => {
                    CodexEntry::Converts(json!({"source": "local", "path": format!("./{rel}")}))
                }
                _ => CodexEntry::Never(format!("Codex cannot resolve the local source `{path}`")),
            }
        }
        PluginSource::Remote { source, value } => match source.as_str() {
            "url" | "git-subdir" | "npm" | "local" => CodexEntry::Reads,
            "github" => match value.get("repo").and_then(Value::as_str) {
                Some(repo) => {
                    let mut v = Map::new();
                    v.insert("source".into(), json!("url"));
                    v.insert(
                        "url".into(),
                        json!(format!("https://github.com/{repo}.git")),
                    );
                    for k in ["ref", "sha"] {
                        if let Some(x) = value.get(k) {
                            v.insert(k.into(), x.clone());
                        }
                    }
                    CodexEntry::Converts(Value::Object(v))
                }
                None => CodexEntry::Never("the `github` source has no `repo`".into()),
            },
            other => CodexEntry::Never(format!("Codex has no `{other}` plugin source")),
        },
    }
}

/// Claude's marketplace, which Codex reads natively: nothing to write unless some entries
/// are skipped by Codex but expressible in its own format.
fn claude_market_for_codex(p: &mut Planner<'_>, m: &Marketplace, root: &str, what: &str) {
    let mut entries: Vec<Value> = Vec::new();
    let mut converted = false;
    for e in &m.plugins {
        let (Some(n), Some(src)) = (&e.name, &e.source) else {
            continue;
        };
        let outcome = codex_entry(&src.value, e.local_dir.as_deref(), root);
        let source = match outcome {
            CodexEntry::Reads => match &src.value {
                PluginSource::Local { path } => json!({"source": "local", "path": path}),
                PluginSource::Remote { value, .. } => value.clone(),
            },
            CodexEntry::Converts(v) => {
                converted = true;
                v
            }
            CodexEntry::Never(why) => {
                p.lose(
                    Loss::field(
                        Vendor::Codex,
                        src.origin,
                        format!("plugin `{}` of {what}", n.value),
                        format!("Codex skips the entry: {why}"),
                        "use a `./dir`, `url` or `git-subdir` source",
                    )
                    .skip(),
                );
                continue;
            }
        };
        let mut entry = Map::new();
        entry.insert("name".into(), json!(n.value));
        entry.insert("source".into(), source);
        entry.insert(
            "policy".into(),
            json!({"installation": "AVAILABLE", "authentication": "ON_INSTALL"}),
        );
        if let Some(c) = e.extra.iter().find(|x| x.key == "category")
            && c.value.is_string()
        {
            entry.insert("category".into(), c.value.clone());
        }
        entries.push(Value::Object(entry));
    }
    if !converted {
        return;
    }
    // Codex reads `.agents/plugins/marketplace.json` before Claude's: written only because
    // some entries of Claude's are skipped by Codex, and then with every entry.
    let path = crate::read::join(root, CODEX_MARKETPLACE);
    if let Some(n) = &m.name {
        p.json_entry(&path, &[], "name", &json!(n.value));
    }
    p.json_entry(&path, &[], "plugins", &Value::Array(entries));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::testing::{load, write};
    use crate::sync::{SyncOptions, lock::Lock};

    /// Plans the sync of the workspace at `root` to `target`.
    fn synced(root: &std::path::Path, target: Vendor) -> crate::sync::SyncPlan {
        let ws = load(root);
        let options = SyncOptions {
            to: vec![target],
            allow_lossy: true,
            ..SyncOptions::default()
        };
        crate::sync::plan(&ws, &options, Lock::default()).expect("plans")
    }

    /// The planned text of `path`, if it changes.
    fn after<'a>(plan: &'a crate::sync::SyncPlan, path: &str) -> Option<&'a str> {
        plan.changes
            .iter()
            .find(|c| c.path == path)
            .map(|c| c.after.as_str())
    }

    /// A Claude plugin with a marketplace, servers, a command and a guard-free hook.
    fn claude_plugin(r: &std::path::Path) {
        write(
            r,
            ".claude-plugin/marketplace.json",
            r#"{"name": "m", "owner": {"name": "o"}, "plugins": [{"name": "demo", "source": "./plugins/demo"}]}"#,
        );
        write(
            r,
            "plugins/demo/.claude-plugin/plugin.json",
            r#"{"name": "demo", "version": "1.2.0", "description": "Demo tools"}"#,
        );
        write(
            r,
            "plugins/demo/.mcp.json",
            r#"{"mcpServers": {"docs": {"command": "${CLAUDE_PLUGIN_ROOT}/bin/docs", "args": ["--root", "${CLAUDE_PLUGIN_ROOT}/data"], "env": {"TOKEN": "${DOCS_TOKEN}"}}}}"#,
        );
        write(
            r,
            "plugins/demo/commands/ship.md",
            "---\ndescription: Ship\n---\nShip $ARGUMENTS\n",
        );
    }

    #[test]
    fn claude_to_codex_writes_nothing() {
        let t = tempfile::tempdir().expect("tempdir");
        claude_plugin(t.path());
        let plan = synced(t.path(), Vendor::Codex);
        assert!(
            plan.changes.iter().all(|c| !c.path.contains("plugin")),
            "{:?}",
            plan.changes.iter().map(|c| &c.path).collect::<Vec<_>>()
        );
        assert!(
            plan.losses
                .iter()
                .any(|l| l.what == "commands `ship` of plugin `demo`")
        );
    }

    #[test]
    fn claude_to_gemini_writes_an_extension() {
        let t = tempfile::tempdir().expect("tempdir");
        claude_plugin(t.path());
        let plan = synced(t.path(), Vendor::Gemini);
        let ext: Value = serde_json::from_str(
            after(&plan, "plugins/demo/gemini-extension.json").expect("written"),
        )
        .expect("json");
        assert_eq!(
            ext,
            json!({"name": "demo", "version": "1.2.0", "description": "Demo tools",
                   "mcpServers": {"docs": {"command": "${extensionPath}/bin/docs",
                                           "args": ["--root", "${extensionPath}/data"],
                                           "env": {"TOKEN": "${DOCS_TOKEN}"}}}})
        );
        assert!(plan.losses.iter().all(|l| !l.refused));
        assert!(plan.losses.iter().any(|l| l.what == "marketplace `m`"));
    }

    #[test]
    fn missing_version_and_guard_hooks_skip_the_extension() {
        let t = tempfile::tempdir().expect("tempdir");
        write(t.path(), "a/.claude-plugin/plugin.json", r#"{"name": "a"}"#);
        write(
            t.path(),
            "b/.claude-plugin/plugin.json",
            r#"{"name": "b", "version": "1.0.0"}"#,
        );
        write(
            t.path(),
            "b/hooks/hooks.json",
            r#"{"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "exit 2"}]}]}}"#,
        );
        // A prompt guard counts as much as a tool guard.
        write(
            t.path(),
            "c/.claude-plugin/plugin.json",
            r#"{"name": "c", "version": "1.0.0"}"#,
        );
        write(
            t.path(),
            "c/hooks/hooks.json",
            r#"{"hooks": {"UserPromptSubmit": [{"hooks": [{"type": "command", "command": "exit 2"}]}]}}"#,
        );
        let plan = synced(t.path(), Vendor::Gemini);
        assert!(after(&plan, "a/gemini-extension.json").is_none());
        assert!(after(&plan, "b/gemini-extension.json").is_none());
        assert!(after(&plan, "c/gemini-extension.json").is_none());
        let skipped: Vec<&str> = plan
            .losses
            .iter()
            .filter(|l| l.skipped && !l.refused)
            .map(|l| l.what.as_str())
            .collect();
        assert_eq!(skipped, ["plugin `a`", "plugin `b`", "plugin `c`"]);
    }

    #[test]
    fn codex_to_claude_writes_a_strict_manifest() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            "p/.codex-plugin/plugin.json",
            r#"{"name": "lint", "version": "0.3.0", "description": "Lint",
                "author": {"name": "A", "email": "a@x.dev"}, "skills": "./skills/",
                "mcpServers": {"lint": {"command": "${PLUGIN_ROOT}/lint", "args": ["--stdio"]}},
                "interface": {"displayName": "Lint Kit", "category": "Coding"}}"#,
        );
        write(
            t.path(),
            "p/skills/fix/SKILL.md",
            "---\nname: fix\ndescription: Fix lint\n---\nFix.\n",
        );
        let plan = synced(t.path(), Vendor::Claude);
        let m: Value =
            serde_json::from_str(after(&plan, "p/.claude-plugin/plugin.json").expect("written"))
                .expect("json");
        assert_eq!(
            m,
            json!({"name": "lint", "version": "0.3.0", "description": "Lint",
                   "mcpServers": {"lint": {"command": "${CLAUDE_PLUGIN_ROOT}/lint", "args": ["--stdio"]}},
                   "author": {"name": "A", "email": "a@x.dev"}, "displayName": "Lint Kit"})
        );
    }

    #[test]
    fn identity_of_an_existing_manifest_follows_by_meaning() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            ".claude-plugin/plugin.json",
            r#"{"name": "x", "version": "2.0.0", "description": "Tools for Claude Code"}"#,
        );
        write(
            t.path(),
            ".codex-plugin/plugin.json",
            r#"{"name": "x", "version": "v1.0.0", "description": "Tools for Codex"}"#,
        );
        let ws = load(t.path());
        let options = SyncOptions {
            to: vec![Vendor::Codex],
            from: Some(Vendor::Claude),
            allow_lossy: true,
            force: true,
            ..SyncOptions::default()
        };
        let plan = crate::sync::plan(&ws, &options, Lock::default()).expect("plans");
        let m: Value =
            serde_json::from_str(after(&plan, ".codex-plugin/plugin.json").expect("written"))
                .expect("json");
        // The version follows; the tailored description stays.
        assert_eq!(m["version"], "2.0.0");
        assert_eq!(m["description"], "Tools for Codex");
    }

    #[test]
    fn github_entries_make_codex_read_its_own_marketplace() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            ".claude-plugin/marketplace.json",
            r#"{"name": "m", "owner": {"name": "o"}, "plugins": [
                {"name": "far", "source": {"source": "github", "repo": "o/far", "ref": "v1"}, "category": "dev"},
                {"name": "near", "source": "./near"}]}"#,
        );
        write(
            t.path(),
            "near/.claude-plugin/plugin.json",
            r#"{"name": "near"}"#,
        );
        let plan = synced(t.path(), Vendor::Codex);
        let m: Value = serde_json::from_str(
            after(&plan, ".agents/plugins/marketplace.json").expect("written"),
        )
        .expect("json");
        assert_eq!(
            m["plugins"][0],
            json!({"name": "far", "source": {"source": "url", "url": "https://github.com/o/far.git", "ref": "v1"},
                   "policy": {"installation": "AVAILABLE", "authentication": "ON_INSTALL"}, "category": "dev"})
        );
        assert_eq!(
            m["plugins"][1]["source"],
            json!({"source": "local", "path": "./near"})
        );
    }

    #[test]
    fn variables() {
        assert_eq!(vars_in("${A}/x/${B:-d}"), ["A", "B"]);
        let mut v = json!({"args": ["${CLAUDE_PLUGIN_ROOT}/a"]});
        map_vars(&mut v, Vendor::Claude, Vendor::Gemini);
        assert_eq!(v, json!({"args": ["${extensionPath}/a"]}));
        assert_eq!(
            unsupported_var(
                &json!({"args": ["${CLAUDE_PLUGIN_DATA}/db"]}),
                Vendor::Gemini
            )
            .as_deref(),
            Some("${CLAUDE_PLUGIN_DATA}")
        );
        assert_eq!(
            unsupported_var(&json!({"args": ["${TOKEN}"]}), Vendor::Gemini),
            None
        );
        assert_eq!(
            unsupported_var(&json!({"args": ["${extensionPath}/x"]}), Vendor::Codex).as_deref(),
            Some("${extensionPath}")
        );
        assert_eq!(norm("./skills/"), "skills");
    }
}
