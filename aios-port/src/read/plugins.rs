//! Plugins, extensions and marketplaces.
//!
//! This module owns the plugin manifests (`.claude-plugin/plugin.json`,
//! `.codex-plugin/plugin.json`, `gemini-extension.json`), the marketplaces
//! (`.claude-plugin/marketplace.json`, `.agents/plugins/marketplace.json`) and the components
//! inside every plugin root (skills, commands, subagents, hooks, MCP servers), which it reads
//! with [`Scope::Plugin`] through the vendor readers' own functions.
//!
//! A plugin root is a directory holding a manifest, or a directory a marketplace's local source
//! points at (Claude loads such a directory without a manifest; the marketplace entry then
//! describes the plugin). Rules that shape what is read:
//!
//! * Components are read once per root. Hooks, MCP files, commands and agents that two manifests
//!   of one root share are read in the format of the root's primary manifest: Claude's when it
//!   has one (Codex reads Claude's plugin format), else Codex's. Gemini reads its own commands
//!   (`*.toml`), hooks and inline servers; a file already read for Claude is not read again.
//! * A component file that the vendor readers already read as a project file (a plugin at the
//!   workspace root sharing the root `.mcp.json`) is not read again: every component appears once.
//! * Declared paths that leave the plugin root (`../x`, absolute paths) are never read; the
//!   security rule about them belongs to `check`. Paths that do not exist are dangling references.
//! * `.cursor-plugin/` and `.kimi-plugin/` manifests belong to other vendors and are ignored.

use std::collections::{BTreeMap, HashSet};

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::{Marketplace, MarketplaceEntry, Plugin, PluginSource, Scope};
use crate::read::tree::{Fields, Node, NodeKind};
use crate::read::{LoadCx, claude, codex, gemini, hooks, join, normalize, parent, skills};
use crate::source::{FileId, Origin, Spanned};
use crate::vendor::{Vendor, VendorSet};

/// Claude plugin manifest, relative to the plugin root.
const CLAUDE_MANIFEST: &str = ".claude-plugin/plugin.json";
/// Codex plugin manifest, relative to the plugin root.
const CODEX_MANIFEST: &str = ".codex-plugin/plugin.json";
/// Gemini extension manifest, relative to the extension root.
const GEMINI_MANIFEST: &str = "gemini-extension.json";
/// Claude marketplace, relative to the marketplace root (also read by Codex).
const CLAUDE_MARKETPLACE: &str = ".claude-plugin/marketplace.json";
/// Codex marketplace, relative to the marketplace root.
const CODEX_MARKETPLACE: &str = ".agents/plugins/marketplace.json";

/// Claude manifest (and marketplace entry) keys whose values are component paths.
const CLAUDE_PATH_KEYS: &[&str] = &[
    "skills",
    "commands",
    "agents",
    "hooks",
    "mcpServers",
    "lspServers",
    "outputStyles",
    "themes",
    "workflows",
    "monitors",
];
/// Codex manifest keys whose values are component paths.
const CODEX_PATH_KEYS: &[&str] = &["skills", "hooks", "mcpServers", "apps"];
/// Component keys whose inline objects are read as components.
const INLINE_KEYS: &[&str] = &["hooks", "mcpServers"];
/// Manifest keys modelled on [`Plugin`] itself.
const IDENTITY_KEYS: &[&str] = &["name", "version", "description"];
/// Plugin source kinds Claude Code accepts in a marketplace (plus the Codex `local` form).
const CLAUDE_SOURCE_KINDS: &[&str] = &[
    "github",
    "url",
    "git-subdir",
    "npm",
    "archive",
    "command",
    "local",
];
/// Plugin source kinds Codex accepts in its marketplace.
const CODEX_SOURCE_KINDS: &[&str] = &["local", "url", "git-subdir", "npm"];

/// Reads the plugin, extension and marketplace files of the workspace.
pub(crate) fn read(cx: &mut LoadCx) {
    let mut seen = Seen {
        vendor_files: u32::try_from(cx.sources.len()).unwrap_or(u32::MAX),
        taken: HashSet::new(),
    };
    let mut roots: BTreeMap<String, Root> = BTreeMap::new();
    let found: Vec<(Vendor, String, String)> = [
        (Vendor::Claude, CLAUDE_MANIFEST),
        (Vendor::Codex, CODEX_MANIFEST),
        (Vendor::Gemini, GEMINI_MANIFEST),
    ]
    .into_iter()
    .flat_map(|(v, tail)| {
        let name = tail.rsplit('/').next().unwrap_or(tail);
        cx.index
            .named(name)
            .filter_map(move |p| root_of(p, tail).map(|r| (v, p.to_string(), r)))
            .collect::<Vec<_>>()
    })
    .collect();
    for (vendor, path, root) in found {
        roots
            .entry(root)
            .or_default()
            .manifests
            .push((vendor, path));
    }
    let markets: Vec<(Vendor, String, String)> = cx
        .index
        .named("marketplace.json")
        .filter_map(|p| {
            root_of(p, CLAUDE_MARKETPLACE)
                .map(|r| (Vendor::Claude, p.to_string(), r))
                .or_else(|| {
                    root_of(p, CODEX_MARKETPLACE).map(|r| (Vendor::Codex, p.to_string(), r))
                })
        })
        .collect();
    for (vendor, path, root) in markets {
        marketplace(cx, vendor, &path, &root, &mut roots);
    }
    for (root, r) in roots {
        plugin_root(cx, &mut seen, &root, r);
    }
}

/// The directory holding `tail` (`""` for the workspace root), when `path` ends with it.
fn root_of(path: &str, tail: &str) -> Option<String> {
    if path == tail {
        return Some(String::new());
    }
    path.strip_suffix(tail)?
        .strip_suffix('/')
        .map(str::to_string)
}

/// What is known about one plugin root before its components are read.
#[derive(Default)]
struct Root {
    /// Manifest files at this root, with the vendor whose format they are.
    manifests: Vec<(Vendor, String)>,
    /// Marketplace entries whose local source is this root.
    entries: Vec<Decl>,
}

/// One source of component declarations for a plugin root: a manifest or a marketplace entry.
struct Decl {
    /// Format the declarations are written in.
    vendor: Vendor,
    /// Vendors that load what it declares.
    loaders: VendorSet,
    /// The manifest object or the marketplace entry object.
    node: Node,
    /// For messages: "plugin `x`" or "marketplace entry `x`".
    what: String,
    /// For a marketplace entry: the plugin it defines when its root has no manifest.
    entry_plugin: Option<Plugin>,
}

/// Reads the manifests at `root`, the plugins its marketplace entries define, and its components.
fn plugin_root(cx: &mut LoadCx, seen: &mut Seen, root: &str, r: Root) {
    let mut decls = Vec::new();
    for (vendor, path) in &r.manifests {
        if let Some(d) = manifest(cx, *vendor, path, root) {
            decls.push(d);
        }
    }
    let has = |v: Vendor| r.manifests.iter().any(|(mv, _)| *mv == v);
    let (has_claude, has_codex) = (has(Vendor::Claude), has(Vendor::Codex));
    for mut e in r.entries {
        // Claude loads a directory without a manifest as a plugin named by the entry; Codex
        // builds a fallback manifest from the entry only when the directory has none it reads.
        let defines = match e.vendor {
            Vendor::Claude => !has_claude,
            Vendor::Codex => !has_claude && !has_codex,
            Vendor::Gemini => false,
        };
        if let Some(p) = e.entry_plugin.take()
            && defines
        {
            cx.model.plugins.push(p);
        }
        // Claude merges an entry's components with the plugin's own (`strict`); Codex reads
        // them only as the fallback manifest.
        if e.vendor == Vendor::Claude || defines {
            decls.push(e);
        }
    }
    components(cx, seen, root, &decls);
}

// ---------------------------------------------------------------------------------------------
// Manifests

/// Reads one manifest, records its [`Plugin`], and returns its declarations.
fn manifest(cx: &mut LoadCx, vendor: Vendor, path: &str, root: &str) -> Option<Decl> {
    let (file, node) = cx.json(path)?;
    if node.entries().is_none() {
        not_an_object(cx, &node, path, vendor);
        return None;
    }
    let whole = Origin::new(file.id, 0..cx.text(file.id).len());
    let (name, version, description) = match vendor {
        // Codex's parser is lenient: a value of the wrong type is ignored.
        Vendor::Codex => (
            lenient_str(cx, &node, "name", path),
            lenient_str(cx, &node, "version", path),
            lenient_str(cx, &node, "description", path),
        ),
        Vendor::Claude | Vendor::Gemini => {
            let mut f = Fields::new(&node, format!("`{path}`"), &mut cx.diags);
            (f.str("name"), f.str("version"), f.str("description"))
        }
    };
    match vendor {
        Vendor::Claude => check_claude_manifest(cx, &node, path, whole, name.as_ref()),
        Vendor::Gemini => {
            check_gemini_manifest(cx, &node, path, whole, name.as_ref(), version.is_some())
        }
        Vendor::Codex => {}
    }
    let keys = path_keys(vendor);
    check_component_types(cx, &node, path, vendor, keys);
    let declared = declared(&node, keys);
    let mut known: Vec<&str> = IDENTITY_KEYS.to_vec();
    known.extend(declared.consumed.iter().copied());
    if vendor == Vendor::Gemini
        && node
            .get("mcpServers")
            .is_some_and(|m| m.entries().is_some())
    {
        known.push("mcpServers");
    }
    let loaded_by = match vendor {
        // Codex falls back to `.claude-plugin/plugin.json` when there is no Codex manifest.
        Vendor::Claude if !cx.is_file(&join(root, CODEX_MANIFEST)) => {
            VendorSet::of(&[Vendor::Claude, Vendor::Codex])
        }
        v => VendorSet::only(v),
    };
    let what = match &name {
        Some(n) => format!("plugin `{}`", n.value),
        None => format!("plugin `{path}`"),
    };
    cx.model.plugins.push(Plugin {
        vendor,
        loaded_by,
        root: root.to_string(),
        path: path.to_string(),
        name,
        version,
        description,
        component_paths: declared.paths,
        extra: node.extras(&known),
        origin: whole,
    });
    Some(Decl {
        vendor,
        loaders: loaded_by,
        node,
        what,
        entry_plugin: None,
    })
}

/// The component path keys of a vendor's manifest format.
fn path_keys(vendor: Vendor) -> &'static [&'static str] {
    match vendor {
        Vendor::Claude => CLAUDE_PATH_KEYS,
        Vendor::Codex => CODEX_PATH_KEYS,
        Vendor::Gemini => &[],
    }
}

/// A string field read the way Codex does: a value of another type is ignored (with a warning).
fn lenient_str(cx: &mut LoadCx, node: &Node, key: &str, path: &str) -> Option<Spanned<String>> {
    let v = node.get(key)?;
    match &v.kind {
        NodeKind::Str(s) => Some(Spanned::new(s.clone(), v.origin)),
        NodeKind::Null => None,
        _ => {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Warning,
                    v.origin,
                    format!(
                        "`{key}` of `{path}` must be a string, found {}; Codex ignores it",
                        v.type_name()
                    ),
                )
                .with_label("expected a string")
                .with_help(format!("write `{key}` as a string")),
            );
            None
        }
    }
}

/// Claude rejects a manifest without a usable `name` or with a string `author`.
fn check_claude_manifest(
    cx: &mut LoadCx,
    node: &Node,
    path: &str,
    whole: Origin,
    name: Option<&Spanned<String>>,
) {
    match name {
        None if node.get("name").is_none_or(|n| n.kind == NodeKind::Null) => cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                whole,
                format!("`{path}` has no `name`; Claude Code does not load the plugin"),
            )
            .with_help("add `\"name\": \"<kebab-case-name>\"`"),
        ),
        Some(n)
            if n.value.trim().is_empty()
                || n.value.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    n.origin,
                    format!(
                        "plugin name \"{}\" is empty or contains spaces; Claude Code does not load the plugin",
                        n.value
                    ),
                )
                .with_label("not a kebab-case name")
                .with_help("use a kebab-case name such as `my-plugin`"),
            );
        }
        _ => {}
    }
    if let Some(a) = node.get("author")
        && a.entries().is_none()
        && a.kind != NodeKind::Null
    {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                a.origin,
                format!(
                    "`author` of `{path}` must be an object, found {}; Claude Code does not load the plugin",
                    a.type_name()
                ),
            )
            .with_label("expected `{\"name\": ...}`")
            .with_help("write `\"author\": {\"name\": \"...\"}`"),
        );
    }
}

/// Gemini refuses an extension without `name` and `version`, or with a name outside
/// `^[a-zA-Z0-9-]+$`.
fn check_gemini_manifest(
    cx: &mut LoadCx,
    node: &Node,
    path: &str,
    whole: Origin,
    name: Option<&Spanned<String>>,
    has_version: bool,
) {
    let mut missing = Vec::new();
    if name.is_none() && node.get("name").is_none_or(|n| n.kind == NodeKind::Null) {
        missing.push("`name`");
    }
    if !has_version && node.get("version").is_none_or(|n| n.kind == NodeKind::Null) {
        missing.push("`version`");
    }
    if !missing.is_empty() {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                whole,
                format!(
                    "`{path}` has no {}; Gemini CLI does not load the extension",
                    missing.join(" and ")
                ),
            )
            .with_help(if missing.len() == 2 {
                "add `\"name\": \"my-extension\"` and `\"version\": \"1.0.0\"`"
            } else if missing[0] == "`name`" {
                "add `\"name\": \"my-extension\"` (letters, digits and `-`)"
            } else {
                "add `\"version\": \"1.0.0\"`"
            }),
        );
    }
    if let Some(n) = name
        && (n.value.is_empty()
            || !n
                .value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                n.origin,
                format!(
                    "extension name \"{}\" may only contain letters, digits and `-`; Gemini CLI does not load the extension",
                    n.value
                ),
            )
            .with_label("must match ^[a-zA-Z0-9-]+$")
            .with_help("rename the extension, e.g. `my-extension`"),
        );
    }
    if let Some(m) = node.get("mcpServers")
        && m.entries().is_none()
        && m.kind != NodeKind::Null
    {
        Fields::new(node, format!("`{path}`"), &mut cx.diags).wrong_type(
            "mcpServers",
            m,
            "an object",
        );
    }
}

/// Component keys must hold a path, a list, or (for some) an object. Claude rejects the
/// manifest otherwise; Codex ignores the key.
fn check_component_types(cx: &mut LoadCx, node: &Node, path: &str, vendor: Vendor, keys: &[&str]) {
    let (severity, effect) = match vendor {
        Vendor::Claude => (Severity::Error, "Claude Code does not load the plugin"),
        Vendor::Codex => (Severity::Warning, "Codex ignores it"),
        Vendor::Gemini => return,
    };
    for &key in keys {
        let Some(v) = node.get(key) else {
            continue;
        };
        let bad: Vec<&Node> = match &v.kind {
            NodeKind::Str(_) | NodeKind::Table(_) | NodeKind::Null => Vec::new(),
            NodeKind::Array(items) => items
                .iter()
                .filter(|i| !matches!(i.kind, NodeKind::Str(_) | NodeKind::Table(_)))
                .collect(),
            NodeKind::Bool(_) | NodeKind::Number(_) => vec![v],
        };
        for b in bad {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    severity,
                    b.origin,
                    format!(
                        "`{key}` of `{path}` must be a path or a list of paths, found {}; {effect}",
                        b.type_name()
                    ),
                )
                .with_label("expected a \"./path\"")
                .with_help(format!("write `\"{key}\": \"./{key}/\"`")),
            );
        }
    }
}

/// Declared component paths and inline components of a manifest or marketplace entry.
struct Declared<'a> {
    /// `(key, path)` for every path written.
    paths: Vec<(String, Spanned<String>)>,
    /// `(key, object)` for every inline object read as components.
    inline: Vec<(&'static str, &'a Node)>,
    /// Keys whose whole value is paths or inline components (so not kept in `extra`).
    consumed: Vec<&'static str>,
}

/// Splits the component keys of `node` into paths and inline objects.
fn declared<'a>(node: &'a Node, keys: &[&'static str]) -> Declared<'a> {
    let mut out = Declared {
        paths: Vec::new(),
        inline: Vec::new(),
        consumed: Vec::new(),
    };
    // In file order; of duplicate keys only the last counts, as for every JSON reader.
    for e in node.entries().unwrap_or(&[]) {
        let Some(&key) = keys.iter().find(|k| **k == e.key.value) else {
            continue;
        };
        if !node.entry(key).is_some_and(|last| std::ptr::eq(last, e)) {
            continue;
        }
        let v = &e.value;
        let inline_ok = INLINE_KEYS.contains(&key);
        let mut whole = true;
        match &v.kind {
            NodeKind::Str(s) => out
                .paths
                .push((key.to_string(), Spanned::new(s.clone(), v.origin))),
            NodeKind::Array(items) => {
                for it in items {
                    match &it.kind {
                        NodeKind::Str(s) => {
                            out.paths
                                .push((key.to_string(), Spanned::new(s.clone(), it.origin)));
                        }
                        NodeKind::Table(_) if inline_ok => out.inline.push((key, it)),
                        _ => whole = false,
                    }
                }
            }
            NodeKind::Table(_) if inline_ok => out.inline.push((key, v)),
            _ => whole = false,
        }
        if whole {
            out.consumed.push(key);
        }
    }
    out
}

/// Reports a plugin file whose top level is not an object.
fn not_an_object(cx: &mut LoadCx, node: &Node, path: &str, vendor: Vendor) {
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            node.origin,
            format!(
                "`{path}` must contain a JSON object, found {}; {} does not load it",
                node.type_name(),
                vendor.display_name()
            ),
        )
        .with_help("wrap the content in `{ ... }`"),
    );
}

// ---------------------------------------------------------------------------------------------
// Marketplaces

/// What entry parsing needs to know about its marketplace.
struct Market<'a> {
    /// Format of the marketplace.
    vendor: Vendor,
    /// Vendors that read it.
    loaded_by: VendorSet,
    /// Marketplace file.
    path: &'a str,
    /// Marketplace root: the directory holding `.claude-plugin/` or `.agents/`.
    root: &'a str,
    /// Claude `metadata.pluginRoot`, for bare plugin names.
    plugin_root: Option<String>,
}

/// Reads one marketplace file; local entries whose directory exists become plugin roots.
fn marketplace(
    cx: &mut LoadCx,
    vendor: Vendor,
    path: &str,
    root: &str,
    roots: &mut BTreeMap<String, Root>,
) {
    let Some((file, node)) = cx.json(path) else {
        return;
    };
    if node.entries().is_none() {
        not_an_object(cx, &node, path, vendor);
        return;
    }
    let whole = Origin::new(file.id, 0..cx.text(file.id).len());
    let loaded_by = match vendor {
        // Codex reads `.claude-plugin/marketplace.json` when the root has no Codex marketplace.
        Vendor::Claude if !cx.is_file(&join(root, CODEX_MARKETPLACE)) => {
            VendorSet::of(&[Vendor::Claude, Vendor::Codex])
        }
        v => VendorSet::only(v),
    };
    let name = Fields::new(&node, format!("marketplace `{path}`"), &mut cx.diags).str("name");
    let mut missing = Vec::new();
    if node.get("name").is_none() {
        missing.push("`name`");
    }
    if vendor == Vendor::Claude && node.get("owner").is_none() {
        missing.push("`owner`");
    }
    if node.get("plugins").is_none() {
        missing.push("`plugins`");
    }
    if !missing.is_empty() {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                whole,
                format!(
                    "marketplace `{path}` has no {}; {} does not load it",
                    missing.join(", "),
                    vendor.display_name()
                ),
            )
            .with_help(match vendor {
                Vendor::Claude => {
                    "a marketplace needs `name`, `owner: {\"name\": ...}` and `plugins: [...]`"
                }
                _ => "a marketplace needs `name` and `plugins: [...]`",
            }),
        );
    }
    let plugin_root = match vendor {
        Vendor::Claude => node
            .get("metadata")
            .and_then(|m| m.get("pluginRoot"))
            .and_then(Node::as_str)
            .map(str::to_string),
        _ => None,
    };
    let m = Market {
        vendor,
        loaded_by,
        path,
        root,
        plugin_root,
    };
    let mut plugins = Vec::new();
    if let Some(list) = node.get("plugins") {
        match list.items() {
            Some(items) => {
                for item in items {
                    if let Some(e) = entry(cx, &m, item, roots) {
                        plugins.push(e);
                    }
                }
            }
            None if list.kind == NodeKind::Null => {}
            None => Fields::new(&node, format!("marketplace `{path}`"), &mut cx.diags).wrong_type(
                "plugins",
                list,
                "an array of plugin entries",
            ),
        }
    }
    cx.model.marketplaces.push(Marketplace {
        vendor,
        loaded_by,
        path: path.to_string(),
        name,
        plugins,
        extra: node.extras(&["name", "plugins"]),
        origin: whole,
    });
}

/// Reads one marketplace entry.
fn entry(
    cx: &mut LoadCx,
    m: &Market<'_>,
    item: &Node,
    roots: &mut BTreeMap<String, Root>,
) -> Option<MarketplaceEntry> {
    let vname = m.vendor.display_name();
    if item.entries().is_none() {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                item.origin,
                format!(
                    "a plugin entry of marketplace `{}` must be an object, found {}; {vname} does not load the marketplace",
                    m.path,
                    item.type_name()
                ),
            )
            .with_help("write the entry as `{\"name\": ..., \"source\": ...}`"),
        );
        return None;
    }
    let name = Fields::new(
        item,
        format!("a plugin entry of `{}`", m.path),
        &mut cx.diags,
    )
    .str("name");
    let label = match &name {
        Some(n) => format!("marketplace entry `{}`", n.value),
        None => "marketplace entry".to_string(),
    };
    if item.get("name").is_none() {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                item.origin,
                format!(
                    "a plugin entry of `{}` has no `name`; {vname} does not load the marketplace",
                    m.path
                ),
            )
            .with_help("add `\"name\": \"<plugin-name>\"`"),
        );
    }
    let at = name.as_ref().map_or(item.origin, |n| n.origin);
    if m.vendor == Vendor::Codex {
        codex_entry_policy(cx, item, &label, at);
    }
    let source = entry_source(cx, m, item, &label);
    let local_dir = match &source {
        Some(Spanned {
            value: PluginSource::Local { path },
            origin,
        }) => local_dir(cx, m, path, *origin, &label),
        _ => None,
    };
    if let Some(dir) = local_dir.as_ref().filter(|d| cx.is_dir(d)) {
        let dir_name = dir.rsplit('/').next().unwrap_or(dir).to_string();
        let src_origin = source.as_ref().map_or(item.origin, |s| s.origin);
        let keys = path_keys(m.vendor);
        let decl = declared(item, keys);
        let entry_plugin = Plugin {
            vendor: m.vendor,
            loaded_by: m.loaded_by,
            root: dir.clone(),
            path: m.path.to_string(),
            name: Some(
                name.clone()
                    .unwrap_or_else(|| Spanned::new(dir_name, src_origin)),
            ),
            version: str_of(item, "version"),
            description: str_of(item, "description"),
            component_paths: decl.paths,
            extra: Vec::new(),
            origin: item.origin,
        };
        roots.entry(dir.clone()).or_default().entries.push(Decl {
            vendor: m.vendor,
            loaders: m.loaded_by,
            node: item.clone(),
            what: label,
            entry_plugin: Some(entry_plugin),
        });
    }
    Some(MarketplaceEntry {
        name,
        source,
        local_dir,
        extra: item.extras(&["name", "source"]),
        origin: item.origin,
    })
}

/// A string value, without reporting a wrong type (the entry's own vendor checks it).
fn str_of(node: &Node, key: &str) -> Option<Spanned<String>> {
    let v = node.get(key)?;
    v.as_str().map(|s| Spanned::new(s.to_string(), v.origin))
}

/// Codex documents `policy` and `category` as required for every entry of its marketplace.
///
/// Codex itself defaults them (`AVAILABLE`, `ON_INSTALL`, no category): the entry loads, so
/// this is a warning (openai/codex `codex-rs/core-plugins/src/marketplace.rs`,
/// `#[serde(default)] policy`, `category: Option<String>`).
fn codex_entry_policy(cx: &mut LoadCx, item: &Node, label: &str, at: Origin) {
    let missing: Vec<&str> = ["policy", "category"]
        .into_iter()
        .filter(|k| item.get(k).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    let list = missing
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" and ");
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Warning,
            at,
            format!(
                "{label} has no {list}, which Codex's plugin format requires; Codex falls back to installation AVAILABLE, authentication ON_INSTALL and no category"
            ),
        )
        .with_label(format!("no {list} in this entry"))
        .with_help(
            "add `\"policy\": {\"installation\": \"AVAILABLE\", \"authentication\": \"ON_INSTALL\"}` and a `\"category\"`",
        ),
    );
}

/// The `source` of an entry.
fn entry_source(
    cx: &mut LoadCx,
    m: &Market<'_>,
    item: &Node,
    label: &str,
) -> Option<Spanned<PluginSource>> {
    let vname = m.vendor.display_name();
    let Some(s) = item.get("source") else {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                item.origin,
                format!("{label} has no `source`; {vname} does not load the marketplace"),
            )
            .with_help("add `\"source\": \"./plugins/<name>\"` or a source object"),
        );
        return None;
    };
    match &s.kind {
        NodeKind::Str(p) => Some(Spanned::new(
            PluginSource::Local { path: p.clone() },
            s.origin,
        )),
        NodeKind::Table(_) => {
            let Some(kind) = s.get("source").and_then(Node::as_str) else {
                cx.report(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Error,
                        s.origin,
                        format!("the source object of {label} has no `source` kind; {vname} does not load the marketplace"),
                    )
                    .with_help("add `\"source\": \"github\"` (or url, git-subdir, npm, ...)"),
                );
                return None;
            };
            let (allowed, effect) = match m.vendor {
                Vendor::Codex => (CODEX_SOURCE_KINDS, "Codex skips the entry"),
                _ => (
                    CLAUDE_SOURCE_KINDS,
                    "Claude Code does not load the marketplace",
                ),
            };
            if !allowed.contains(&kind) {
                cx.report(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Error,
                        s.origin,
                        format!("{label} has source kind \"{kind}\", which {vname} does not know; {effect}"),
                    )
                    .with_help(format!("use one of: {}", allowed.join(", "))),
                );
            }
            if kind == "local" {
                return match s.get("path").and_then(Node::as_str) {
                    Some(p) => Some(Spanned::new(
                        PluginSource::Local {
                            path: p.to_string(),
                        },
                        s.origin,
                    )),
                    None => {
                        cx.report(
                            Diagnostic::new(
                                codes::SCHEMA_VIOLATION,
                                Severity::Error,
                                s.origin,
                                format!("the local source of {label} has no string `path`; {vname} skips the entry"),
                            )
                            .with_help("add `\"path\": \"./plugins/<name>\"`"),
                        );
                        None
                    }
                };
            }
            Some(Spanned::new(
                PluginSource::Remote {
                    source: kind.to_string(),
                    value: s.to_json(),
                },
                s.origin,
            ))
        }
        _ => {
            Fields::new(item, label.to_string(), &mut cx.diags).wrong_type(
                "source",
                s,
                "a path or a source object",
            );
            None
        }
    }
}

/// The workspace-relative directory a local source resolves to, when it stays inside the
/// marketplace root (`..` and absolute paths are left to `check`). Reports a source whose
/// directory does not exist.
fn local_dir(
    cx: &mut LoadCx,
    m: &Market<'_>,
    raw: &str,
    at: Origin,
    label: &str,
) -> Option<String> {
    if is_absolute(raw) || raw.split(['/', '\\']).any(|s| s == "..") {
        return None;
    }
    let dotted = raw == "." || raw.starts_with("./");
    if !dotted {
        let codex_reads = m.loaded_by.contains(Vendor::Codex);
        if m.vendor == Vendor::Codex || codex_reads {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    if m.vendor == Vendor::Codex { Severity::Error } else { Severity::Warning },
                    at,
                    format!("the local source \"{raw}\" of {label} does not start with `./`; Codex skips the entry"),
                )
                .with_label("expected \"./...\"")
                .with_help(format!("write \"./{raw}\"")),
            );
            if m.vendor == Vendor::Codex {
                return None;
            }
        }
    }
    // Claude resolves bare plugin names under `metadata.pluginRoot`.
    let base = match (&m.plugin_root, dotted) {
        (Some(pr), false) if !is_absolute(pr) => normalize(m.root, pr)?,
        _ => m.root.to_string(),
    };
    let dir = normalize(&base, raw)?;
    if !cx.is_dir(&dir) {
        let who: Vec<&str> = m.loaded_by.iter().map(Vendor::display_name).collect();
        cx.report(
            Diagnostic::new(
                codes::DANGLING_REFERENCE,
                Severity::Warning,
                at,
                format!(
                    "{label} points at \"{raw}\", which does not exist; {} cannot install the plugin",
                    who.join(" and ")
                ),
            )
            .with_label(format!("no `{}` directory in the workspace", display_dir(&dir)))
            .with_help("fix the path, or remove the entry"),
        );
    }
    Some(dir)
}

/// A directory for messages (`.` for the workspace root).
fn display_dir(dir: &str) -> &str {
    if dir.is_empty() { "." } else { dir }
}

/// Whether a written path is absolute (Unix, Windows drive or UNC, or `~`).
fn is_absolute(p: &str) -> bool {
    p.starts_with('/')
        || p.starts_with('\\')
        || p.starts_with('~')
        || p.as_bytes().get(1) == Some(&b':')
}

// ---------------------------------------------------------------------------------------------
// Components

/// Which component files this module already turned into model items.
struct Seen {
    /// Files with a smaller id were read by the vendor readers, which ran first.
    vendor_files: u32,
    /// Component files read here that produced items or findings.
    taken: HashSet<FileId>,
}

impl Seen {
    /// Whether `f` already contributed components (or was read by a vendor reader).
    fn is_taken(&self, f: FileId) -> bool {
        f.0 < self.vendor_files || self.taken.contains(&f)
    }
}

/// Runs a component reader and keeps only what it found in files not read before (and, with
/// `only`, in that one file): a component shared by two manifests, or by a plugin at the
/// workspace root and the project, appears once.
fn guarded(cx: &mut LoadCx, seen: &mut Seen, only: Option<FileId>, f: impl FnOnce(&mut LoadCx)) {
    let marks = (
        cx.model.mcp_servers.len(),
        cx.model.hooks.len(),
        cx.model.agents.len(),
        cx.model.commands.len(),
        cx.diags.len(),
    );
    f(cx);
    let keep = |file: FileId| !seen.is_taken(file) && only.is_none_or(|o| o == file);
    let mut kept = Vec::new();
    retain_new(
        &mut cx.model.mcp_servers,
        marks.0,
        |s| s.origin.file,
        &keep,
        &mut kept,
    );
    retain_new(
        &mut cx.model.hooks,
        marks.1,
        |h| h.origin.file,
        &keep,
        &mut kept,
    );
    retain_new(
        &mut cx.model.agents,
        marks.2,
        |a| a.origin.file,
        &keep,
        &mut kept,
    );
    retain_new(
        &mut cx.model.commands,
        marks.3,
        |c| c.origin.file,
        &keep,
        &mut kept,
    );
    retain_new(
        &mut cx.diags,
        marks.4,
        |d| d.primary.origin.file,
        &keep,
        &mut kept,
    );
    seen.taken.extend(kept);
}

/// Keeps the items of `v` from index `from` on whose file passes `keep`, recording the files.
fn retain_new<T>(
    v: &mut Vec<T>,
    from: usize,
    file: impl Fn(&T) -> FileId,
    keep: &impl Fn(FileId) -> bool,
    kept: &mut Vec<FileId>,
) {
    let tail = v.split_off(from.min(v.len()));
    for t in tail {
        let f = file(&t);
        if keep(f) {
            kept.push(f);
            v.push(t);
        }
    }
}

/// Reads the components of one plugin root.
fn components(cx: &mut LoadCx, seen: &mut Seen, root: &str, decls: &[Decl]) {
    if decls.is_empty() {
        return;
    }
    let scope = Scope::Plugin(root.to_string());
    // Default `skills/`, read once with every vendor that loads this root.
    let all = decls
        .iter()
        .fold(VendorSet::EMPTY, |s, d| s.union(d.loaders));
    let skills_dir = join(root, "skills");
    if cx.is_dir(&skills_dir) {
        skills::read_root(cx, &skills_dir, all, &scope);
    }
    let of = |v: Vendor| decls.iter().filter(move |d| d.vendor == v);
    let declares = |v: Vendor, key: &str| of(v).any(|d| d.node.get(key).is_some());

    // Claude first: when a root has both, Codex reads Claude's format, so shared files are
    // modelled once, as Claude's.
    if of(Vendor::Claude).next().is_some() {
        hooks_file(
            cx,
            seen,
            Vendor::Claude,
            &join(root, "hooks/hooks.json"),
            &scope,
        );
        mcp_file(cx, seen, Vendor::Claude, &join(root, ".mcp.json"), &scope);
        // A declared `commands` / `agents` replaces the default directory.
        if !declares(Vendor::Claude, "commands") {
            default_dir(cx, seen, &join(root, "commands"), &scope, claude::commands);
        }
        if !declares(Vendor::Claude, "agents") {
            default_dir(cx, seen, &join(root, "agents"), &scope, claude::agents);
        }
        for d in of(Vendor::Claude) {
            declarations(cx, seen, root, d, &scope);
        }
    }
    if of(Vendor::Codex).next().is_some() {
        // A declared `hooks` / `mcpServers` replaces Codex's default file.
        if !declares(Vendor::Codex, "hooks") {
            hooks_file(
                cx,
                seen,
                Vendor::Codex,
                &join(root, "hooks/hooks.json"),
                &scope,
            );
        }
        if !declares(Vendor::Codex, "mcpServers") {
            mcp_file(cx, seen, Vendor::Codex, &join(root, ".mcp.json"), &scope);
        }
        for d in of(Vendor::Codex) {
            declarations(cx, seen, root, d, &scope);
        }
    }
    for d in of(Vendor::Gemini) {
        default_dir(cx, seen, &join(root, "commands"), &scope, gemini::commands);
        default_dir(cx, seen, &join(root, "agents"), &scope, gemini::agents);
        hooks_file(
            cx,
            seen,
            Vendor::Gemini,
            &join(root, "hooks/hooks.json"),
            &scope,
        );
        if let Some(map) = d.node.get("mcpServers")
            && map.entries().is_some()
        {
            gemini::server_map(cx, map, &scope);
        }
    }
}

/// Reads a default component directory (`commands/`, `agents/`) with a vendor reader.
fn default_dir(
    cx: &mut LoadCx,
    seen: &mut Seen,
    dir: &str,
    scope: &Scope,
    reader: fn(&mut LoadCx, &str, &Scope),
) {
    if cx.is_dir(dir) {
        guarded(cx, seen, None, |cx| reader(cx, dir, scope));
    }
}

/// Reads what one manifest or entry declares: its paths and inline components.
fn declarations(cx: &mut LoadCx, seen: &mut Seen, root: &str, d: &Decl, scope: &Scope) {
    let decl = declared(&d.node, path_keys(d.vendor));
    for (key, p) in &decl.paths {
        declared_path(cx, seen, root, d, key, p, scope);
    }
    for (key, node) in &decl.inline {
        match *key {
            "hooks" => inline_hooks(cx, d.vendor, node, scope),
            "mcpServers" => match d.vendor {
                Vendor::Claude => claude::server_map(cx, node, scope),
                Vendor::Codex => {
                    let map = node
                        .get("mcpServers")
                        .or_else(|| node.get("mcp_servers"))
                        .unwrap_or(node);
                    let file = cx.sources.get(node.origin.file).path.clone();
                    codex::server_map(cx, map, scope, &file);
                }
                Vendor::Gemini => {}
            },
            _ => {}
        }
    }
}

/// Reads one declared component path.
fn declared_path(
    cx: &mut LoadCx,
    seen: &mut Seen,
    root: &str,
    d: &Decl,
    key: &str,
    p: &Spanned<String>,
    scope: &Scope,
) {
    let raw = p.value.as_str();
    // MCP bundles may be URLs; nothing to read here.
    if key == "mcpServers" && raw.contains("://") {
        return;
    }
    // Paths leaving the plugin root are never read (`check` reports them).
    let Some(rel) = inside(root, raw) else {
        return;
    };
    let vname = d.vendor.display_name();
    let prefixed = match d.vendor {
        Vendor::Codex => raw.starts_with("./") && raw != "./",
        _ => raw.starts_with("./") || (key == "skills" && raw == "."),
    };
    if !prefixed {
        let (severity, effect) = match d.vendor {
            Vendor::Codex => (
                Severity::Warning,
                format!("Codex ignores this `{key}` path"),
            ),
            _ => (Severity::Error, format!("{vname} does not load the plugin")),
        };
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                severity,
                p.origin,
                format!(
                    "`{key}` path \"{raw}\" of {} must start with `./`; {effect}",
                    d.what
                ),
            )
            .with_label("expected \"./...\"")
            .with_help("write the path relative to the plugin root, starting with `./`"),
        );
        return;
    }
    if key == "hooks" && d.vendor == Vendor::Claude && rel == join(root, "hooks/hooks.json") {
        // Claude loads the default file already and refuses to load it a second time.
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                p.origin,
                format!(
                    "`hooks` of {} names the default `hooks/hooks.json`, which Claude Code loads anyway; it fails with \"Duplicate hooks file detected\" and marks the plugin's hooks as failed",
                    d.what
                ),
            )
            .with_label("already loaded by default")
            .with_help("remove this path: `hooks` is only for additional hook files"),
        );
        return;
    }
    if !cx.is_file(&rel) && !cx.is_dir(&rel) {
        cx.report(
            Diagnostic::new(
                codes::DANGLING_REFERENCE,
                Severity::Warning,
                p.origin,
                format!(
                    "`{key}` path \"{raw}\" of {} does not exist; {vname} finds nothing there",
                    d.what
                ),
            )
            .with_label(format!("no `{}` in the workspace", display_dir(&rel)))
            .with_help("fix the path, or remove it from the manifest"),
        );
        return;
    }
    match key {
        "skills" => skills_path(cx, &rel, d.loaders, scope),
        "commands" if d.vendor == Vendor::Claude => {
            markdown_path(cx, seen, &rel, scope, claude::commands)
        }
        "agents" if d.vendor == Vendor::Claude => {
            markdown_path(cx, seen, &rel, scope, claude::agents)
        }
        "hooks" => hooks_file(cx, seen, d.vendor, &rel, scope),
        "mcpServers" if !rel.ends_with(".mcpb") && !rel.ends_with(".dxt") => {
            mcp_file(cx, seen, d.vendor, &rel, scope);
        }
        _ => {}
    }
}

/// `root/raw`, normalised, when it stays inside `root`.
fn inside(root: &str, raw: &str) -> Option<String> {
    if is_absolute(raw) {
        return None;
    }
    let n = normalize(root, raw)?;
    let within = root.is_empty()
        || n == root
        || n.strip_prefix(root)
            .is_some_and(|rest| rest.starts_with('/'));
    within.then_some(n)
}

/// A declared skills path: one skill directory, a directory of skills, or a `SKILL.md`.
fn skills_path(cx: &mut LoadCx, rel: &str, loaders: VendorSet, scope: &Scope) {
    if cx.is_dir(rel) {
        let md = join(rel, "SKILL.md");
        if cx.is_file(&md) {
            skills::read_skill(cx, rel, &md, &md, loaders, scope);
        } else {
            skills::read_root(cx, rel, loaders, scope);
        }
    } else if rel.ends_with("/SKILL.md") || rel == "SKILL.md" {
        skills::read_skill(cx, parent(rel), rel, rel, loaders, scope);
    }
}

/// A declared Markdown commands / agents path: a directory, or one `.md` file (read through its
/// directory, keeping only that file).
fn markdown_path(
    cx: &mut LoadCx,
    seen: &mut Seen,
    rel: &str,
    scope: &Scope,
    reader: fn(&mut LoadCx, &str, &Scope),
) {
    if cx.is_dir(rel) {
        guarded(cx, seen, None, |cx| reader(cx, rel, scope));
    } else if rel.ends_with(".md") {
        let Some(file) = cx.read(rel) else {
            return;
        };
        let dir = parent(rel).to_string();
        guarded(cx, seen, Some(file.id), |cx| reader(cx, &dir, scope));
    }
}

/// Reads a plugin hooks file (`{"description"?, "hooks": {...}}`) in `vendor`'s format.
fn hooks_file(cx: &mut LoadCx, seen: &mut Seen, vendor: Vendor, path: &str, scope: &Scope) {
    if !cx.is_file(path) {
        return;
    }
    guarded(cx, seen, None, |cx| hooks_json(cx, vendor, path, scope));
}

/// Parses a hooks file and reads its events (see [`hooks_file`]).
fn hooks_json(cx: &mut LoadCx, vendor: Vendor, path: &str, scope: &Scope) {
    let Some((_, node)) = cx.json(path) else {
        return;
    };
    let Some(entries) = node.entries() else {
        not_an_object(cx, &node, path, vendor);
        return;
    };
    let vname = vendor.display_name();
    match node.get("hooks") {
        Some(h) => {
            // Codex's hooks file is strict: any other top-level key makes it skip the file.
            if vendor == Vendor::Codex
                && let Some(bad) = entries
                    .iter()
                    .find(|e| !matches!(e.key.value.as_str(), "description" | "hooks"))
            {
                cx.report(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Error,
                        bad.key.origin,
                        format!(
                            "`{path}` has the unknown top-level key `{}`; Codex skips the whole file",
                            bad.key.value
                        ),
                    )
                    .with_label("only `description` and `hooks` are allowed")
                    .with_help("remove the key"),
                );
                return;
            }
            hooks::read_events(cx, vendor, scope, h, &[]);
        }
        None => {
            if let Some(first) = entries
                .iter()
                .find(|e| !matches!(e.key.value.as_str(), "description" | "$schema"))
            {
                cx.report(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Error,
                        first.key.origin,
                        format!(
                            "`{path}` has hook events at the top level (`{}`); {vname} expects them under a `\"hooks\"` key and loads none of them",
                            first.key.value
                        ),
                    )
                    .with_label("event outside `\"hooks\"`")
                    .with_help("wrap the events: `{\"hooks\": {\"PreToolUse\": [ ... ]}}`"),
                );
            }
        }
    }
}

/// Reads an inline hooks object of a manifest: `{"hooks": {...}}` or the event map itself.
fn inline_hooks(cx: &mut LoadCx, vendor: Vendor, node: &Node, scope: &Scope) {
    match node.get("hooks") {
        Some(h) if h.entries().is_some() => hooks::read_events(cx, vendor, scope, h, &[]),
        _ => hooks::read_events(cx, vendor, scope, node, &["description"]),
    }
}

/// Reads a plugin MCP file in `vendor`'s format.
fn mcp_file(cx: &mut LoadCx, seen: &mut Seen, vendor: Vendor, path: &str, scope: &Scope) {
    if !cx.is_file(path) {
        return;
    }
    guarded(cx, seen, None, |cx| match vendor {
        Vendor::Claude => claude::mcp_file(cx, path, scope),
        Vendor::Codex => codex_mcp_file(cx, path, scope),
        Vendor::Gemini => {}
    });
}

/// A Codex plugin `.mcp.json`: `{"mcpServers": {...}}`, `{"mcp_servers": {...}}` or a bare map.
fn codex_mcp_file(cx: &mut LoadCx, path: &str, scope: &Scope) {
    let Some((_, node)) = cx.json(path) else {
        return;
    };
    let Some(entries) = node.entries() else {
        not_an_object(cx, &node, path, Vendor::Codex);
        return;
    };
    // The Codex reader's parser: a plugin's servers follow the `config.toml` server rules.
    if let Some(map) = node.get("mcpServers").or_else(|| node.get("mcp_servers")) {
        codex::server_map(cx, map, scope, path);
    } else if entries
        .iter()
        .all(|e| e.value.get("command").is_some() || e.value.get("url").is_some())
    {
        codex::server_map(cx, &node, scope, path);
    } else {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                node.origin,
                format!("`{path}` has no `mcpServers` object; Codex finds no servers in it"),
            )
            .with_help("put the servers under `\"mcpServers\": { ... }`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::read::testing::{load, write};

    use crate::diagnostic::{Severity, codes};
    use crate::model::{PluginSource, Scope};
    use crate::vendor::{Vendor, VendorSet};

    #[test]
    fn claude_plugin_with_marketplace_and_components() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".claude-plugin/marketplace.json",
            r#"{"name": "m", "owner": {"name": "o"}, "plugins": [
                {"name": "demo", "source": "./plugins/demo"},
                {"name": "far", "source": {"source": "github", "repo": "o/far"}}
            ]}"#,
        );
        write(
            r,
            "plugins/demo/.claude-plugin/plugin.json",
            r#"{"name": "demo", "version": "1.0.0", "author": {"name": "o"}}"#,
        );
        write(
            r,
            "plugins/demo/hooks/hooks.json",
            r#"{"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "x"}]}]}}"#,
        );
        write(
            r,
            "plugins/demo/.mcp.json",
            r#"{"mcpServers": {"s": {"command": "npx"}}}"#,
        );
        write(
            r,
            "plugins/demo/skills/a/SKILL.md",
            "---\nname: a\ndescription: d\n---\nbody\n",
        );
        write(
            r,
            "plugins/demo/commands/c.md",
            "---\ndescription: c\n---\nDo $ARGUMENTS\n",
        );
        write(
            r,
            "plugins/demo/agents/g.md",
            "---\nname: g\ndescription: d\n---\nYou are g.\n",
        );
        let ws = load(r);
        let m = &ws.model;
        assert_eq!(m.marketplaces.len(), 1);
        let mk = &m.marketplaces[0];
        assert_eq!(
            mk.loaded_by,
            VendorSet::of(&[Vendor::Claude, Vendor::Codex])
        );
        assert_eq!(mk.plugins[0].local_dir.as_deref(), Some("plugins/demo"));
        assert!(matches!(
            mk.plugins[1].source.as_ref().map(|s| &s.value),
            Some(PluginSource::Remote { source, .. }) if source == "github"
        ));
        assert_eq!(m.plugins.len(), 1);
        assert_eq!(
            m.plugins[0].loaded_by,
            VendorSet::of(&[Vendor::Claude, Vendor::Codex])
        );
        let scope = Scope::Plugin("plugins/demo".into());
        assert_eq!(m.hooks.len(), 1);
        assert_eq!(m.hooks[0].scope, scope);
        assert_eq!(m.mcp_servers.len(), 1);
        assert_eq!(m.skills.len(), 1);
        assert_eq!(m.commands.len(), 1);
        assert_eq!(m.agents.len(), 1);
        assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    }

    #[test]
    fn root_plugin_does_not_duplicate_project_files() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(r, ".claude-plugin/plugin.json", r#"{"name": "p"}"#);
        write(
            r,
            ".codex-plugin/plugin.json",
            r#"{"name": "p", "mcpServers": "./.mcp.json"}"#,
        );
        write(
            r,
            ".mcp.json",
            r#"{"mcpServers": {"s": {"command": "npx"}}}"#,
        );
        write(
            r,
            "skills/a/SKILL.md",
            "---\nname: a\ndescription: d\n---\n",
        );
        let ws = load(r);
        assert_eq!(ws.model.mcp_servers.len(), 1);
        assert_eq!(ws.model.mcp_servers[0].scope, Scope::Project);
        assert_eq!(ws.model.plugins.len(), 2);
        // Claude's manifest is not Codex's fallback here.
        assert_eq!(
            ws.model.plugins[0].loaded_by,
            VendorSet::only(Vendor::Claude)
        );
        assert_eq!(ws.model.skills.len(), 1);
        assert_eq!(
            ws.model.skills[0].loaded_by,
            VendorSet::of(&[Vendor::Claude, Vendor::Codex])
        );
    }

    #[test]
    fn bad_inputs_are_findings() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".agents/plugins/marketplace.json",
            r#"{"name": "m", "plugins": [
                {"name": "a", "source": {"source": "local", "path": "./nowhere"}},
                {"name": "b", "source": "plugins/b", "policy": {}, "category": "x"},
                {"name": "c", "source": {"source": "local", "path": "../up"}, "policy": {}, "category": "x"},
                7
            ]}"#,
        );
        write(
            r,
            "p/.claude-plugin/plugin.json",
            r#"{"name": "p", "skills": "./missing", "agents": "agents/", "commands": "../../etc"}"#,
        );
        write(r, "p/hooks/hooks.json", r#"{"PreToolUse": []}"#);
        write(r, "g/gemini-extension.json", r#"{"name": "bad name"}"#);
        let ws = load(r);
        let has = |code: &str, sev: Severity, needle: &str| {
            ws.diagnostics
                .iter()
                .any(|d| d.code == code && d.severity == sev && d.message.contains(needle))
        };
        assert!(has(
            codes::DANGLING_REFERENCE,
            Severity::Warning,
            "./nowhere"
        ));
        assert!(has(
            codes::SCHEMA_VIOLATION,
            Severity::Warning,
            "no `policy` and `category`"
        ));
        assert!(has(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            "does not start with `./`"
        ));
        assert!(has(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            "must be an object"
        ));
        assert!(has(
            codes::DANGLING_REFERENCE,
            Severity::Warning,
            "./missing"
        ));
        assert!(has(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            "must start with `./`"
        ));
        assert!(has(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            "at the top level"
        ));
        assert!(has(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            "no `version`"
        ));
        assert!(has(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            "may only contain"
        ));
        // The escaping paths are neither read nor reported here.
        assert!(!ws.diagnostics.iter().any(|d| d.message.contains("../")));
        let mk = &ws.model.marketplaces[0];
        assert_eq!(mk.plugins.len(), 3);
        assert_eq!(mk.plugins[2].local_dir, None);
        assert!(ws.model.hooks.is_empty());
    }
    #[test]
    fn manifestless_root_and_single_file_paths() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".claude-plugin/marketplace.json",
            r#"{"name": "m", "owner": {"name": "o"}, "plugins": [
                {"name": "bare", "source": "./bare", "strict": false,
                 "commands": ["./extra/one.md"], "skills": ["./picked"]}
            ]}"#,
        );
        write(r, "bare/extra/one.md", "---\ndescription: one\n---\nOne.\n");
        // A sibling with broken frontmatter: not declared, so neither read into the model
        // nor reported.
        write(r, "bare/extra/two.md", "---\ndescription: [\n---\nTwo.\n");
        write(
            r,
            "bare/picked/SKILL.md",
            "---\nname: picked\ndescription: d\n---\n",
        );
        write(
            r,
            "bare/commands/default.md",
            "---\ndescription: d\n---\nNot loaded.\n",
        );
        let ws = load(r);
        let m = &ws.model;
        assert_eq!(m.plugins.len(), 1);
        let p = &m.plugins[0];
        assert_eq!(p.path, ".claude-plugin/marketplace.json");
        assert_eq!(p.root, "bare");
        assert_eq!(p.name.as_ref().map(|n| n.value.as_str()), Some("bare"));
        assert_eq!(p.component_paths.len(), 2);
        // The declared `commands` replaces `commands/`.
        let names: Vec<&str> = m.commands.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["one"]);
        assert_eq!(m.skills.len(), 1);
        assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    }

    #[test]
    fn declaring_the_default_hooks_file_is_an_error() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            "p/.claude-plugin/plugin.json",
            r#"{"name": "p", "hooks": "./hooks/hooks.json"}"#,
        );
        write(
            r,
            "p/hooks/hooks.json",
            r#"{"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "x"}]}]}}"#,
        );
        let ws = load(r);
        assert_eq!(ws.model.hooks.len(), 1);
        assert!(
            ws.diagnostics.iter().any(
                |d| d.severity == Severity::Error && d.message.contains("Duplicate hooks file")
            )
        );
    }
}
