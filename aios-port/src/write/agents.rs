//! Sync of subagents: each project subagent of the primary vendor written as the target
//! vendor's own agent file, which aios-port owns whole.
//!
//! - Claude Code: `.claude/agents/<name>.md`, YAML frontmatter `name`, `description`, `tools`
//!   (`"A, B"`), `model`, `effort`, `maxTurns`; the body is the system prompt.
//! - Codex: `.codex/agents/<name>.toml` with `name`, `description`, `developer_instructions`
//!   (required), and only the `config.toml` keys that carry a mapped meaning (`model` of a
//!   Codex model, `model_reasoning_effort`, `sandbox_mode`): any key Codex does not know makes it
//!   ignore the whole role.
//! - Gemini CLI: `.gemini/agents/<name>.md`, strict frontmatter `name` (slug), `description`,
//!   `tools` (a YAML list of Gemini tool names), `model`, `max_turns`; the body is the prompt.
//!
//! Tool names go through [`crate::facts`] (MCP tools `mcp__s__t` ↔ `mcp_s_t`), model names only
//! to the vendor of their family, and everything a target cannot express is a [`Loss`] naming
//! the subagent in backticks. Agents are matched with the target's existing ones the way AP107
//! matches them (name, case and `_`/`-` ignored): an agent the target already defines is
//! rewritten in its own file, under its own name.

use serde_json::Value;

use crate::check::rules::ap107_agent_missing::{agent_name, match_key};
use crate::check::rules::ap206_unportable_tool_name::base_name;
use crate::facts;
use crate::model::{Agent, Scope};
use crate::source::Origin;
use crate::sync::plan::Planner;
use crate::vendor::Vendor;
use crate::write::Loss;
use crate::write::encode::{toml_basic, toml_multiline, yaml_scalar};

/// Plans the agents of `primary` for `target`.
pub(crate) fn plan(p: &mut Planner<'_>, primary: Vendor, target: Vendor) {
    let (writes, losses) = planned(p, primary, target);
    for l in losses {
        p.lose(l);
    }
    for (path, text) in writes {
        p.whole_file(&path, text);
    }
}

/// The files to write (path, text) and the losses, computed from the loaded workspace.
fn planned(p: &Planner<'_>, primary: Vendor, target: Vendor) -> (Vec<(String, String)>, Vec<Loss>) {
    let ws = p.ws();
    let servers: Vec<String> = ws
        .model
        .mcp_servers
        .iter()
        .map(|s| s.name.value.clone())
        .collect();
    let project = |a: &&Agent| a.scope == Scope::Project;
    let sources: Vec<&Agent> = ws
        .model
        .agents
        .iter()
        .filter(project)
        .filter(|a| a.vendor == primary)
        .collect();
    let existing: Vec<&Agent> = ws
        .model
        .agents
        .iter()
        .filter(project)
        .filter(|a| a.vendor == target)
        .collect();
    let mut out = Out {
        target,
        losses: Vec::new(),
    };
    let mut done: Vec<(String, String)> = Vec::new();
    let mut writes: Vec<(String, String)> = Vec::new();
    for a in sources {
        let name = agent_name(a).to_string();
        let key = match_key(&name);
        if let Some((_, first)) = done.iter().find(|(k, _)| *k == key) {
            let first = first.clone();
            out.skip(
                at(a),
                format!("subagent `{name}`"),
                format!("its name matches subagent `{first}` of the same vendor once case and `_`/`-` are ignored, and only the first is written"),
                "give the subagents distinct names",
            );
            continue;
        }
        let there = existing
            .iter()
            .copied()
            .find(|b| match_key(agent_name(b)) == key);
        // The name the target knows it by: its own spelling when it has the agent already
        // (and that spelling is valid there).
        let target_name = there
            .and_then(|b| name_for(target, agent_name(b)))
            .or_else(|| name_for(target, &name));
        let Some(target_name) = target_name else {
            out.skip(
                at(a),
                format!("subagent `{name}`"),
                format!(
                    "{} agent names may only contain {}",
                    target.display_name(),
                    match target {
                        Vendor::Claude => "lowercase letters, digits and hyphens",
                        _ => "lowercase letters, digits, hyphens and underscores",
                    }
                ),
                "rename the subagent (lowercase words joined by hyphens), then sync again",
            );
            continue;
        };
        let path = match there {
            Some(b) => match existing_file(ws, b) {
                Ok(path) => path,
                Err(why) => {
                    out.skip(
                        at(a),
                        format!("subagent `{name}`"),
                        why,
                        format!(
                            "move the role to `.codex/agents/{}.toml`, then sync again",
                            file_stem(&target_name)
                        ),
                    );
                    continue;
                }
            },
            None => default_path(target, &target_name),
        };
        if writes.iter().any(|(w, _)| *w == path) {
            out.skip(
                at(a),
                format!("subagent `{name}`"),
                format!("another subagent is written to `{path}` already"),
                "give the subagents names that differ in letters or digits",
            );
            continue;
        }
        let Some(c) = convert(a, primary, &target_name, &servers, &mut out) else {
            continue;
        };
        done.push((key, name));
        writes.push((path, render(target, &c)));
    }
    (writes, out.losses)
}

/// Where a finding about `a` points: its name, else the whole definition.
fn at(a: &Agent) -> Origin {
    a.name.as_ref().map_or(a.origin, |n| n.origin)
}

/// The losses of one target, being collected.
struct Out {
    /// The target vendor.
    target: Vendor,
    /// The losses so far.
    losses: Vec<Loss>,
}

impl Out {
    /// A detail the target cannot express; the agent is still written.
    fn field(&mut self, origin: Origin, what: String, why: String, help: impl Into<String>) {
        self.losses
            .push(Loss::field(self.target, origin, what, why, help));
    }

    /// The agent is not written for the target.
    fn skip(&mut self, origin: Origin, what: String, why: String, help: impl Into<String>) {
        self.losses
            .push(Loss::field(self.target, origin, what, why, help).skip());
    }
}

/// `name` as `target` allows it: Claude Code lowercase and hyphens, Gemini CLI a lowercase slug
/// (`^[a-z0-9-_]+$`), Codex any non-blank name. None when it cannot be spelled there without
/// becoming another name for AP107.
fn name_for(target: Vendor, name: &str) -> Option<String> {
    let name = name.trim();
    let (n, extra): (String, &[char]) = match target {
        Vendor::Codex => return (!name.is_empty()).then(|| name.to_string()),
        Vendor::Claude => (name.to_lowercase().replace('_', "-"), &['-']),
        Vendor::Gemini => (name.to_lowercase(), &['-', '_']),
    };
    let ok = !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(&c));
    ok.then_some(n)
}

/// A file name for `name`: the characters a file name may safely hold, the rest as `-`.
fn file_stem(name: &str) -> String {
    let s: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    // Gemini CLI skips agent files whose name starts with `_`; no file may be hidden.
    let s = s.trim_start_matches(['_', '.']).to_string();
    if s.is_empty() { "agent".into() } else { s }
}

/// Where aios-port writes a new agent of `target` named `name`.
fn default_path(target: Vendor, name: &str) -> String {
    match target {
        Vendor::Claude => format!(".claude/agents/{}.md", file_stem(name)),
        Vendor::Codex => format!(".codex/agents/{}.toml", file_stem(name)),
        Vendor::Gemini => format!(".gemini/agents/{}.md", file_stem(name)),
    }
}

/// The file that defines the target's existing agent `b`, which aios-port may own whole; Err
/// with the reason when the agent lives in a file that holds more than the agent (a Codex
/// `[agents.<name>]` table without a role file of its own).
fn existing_file(ws: &crate::workspace::Workspace, b: &Agent) -> Result<String, String> {
    if b.vendor != Vendor::Codex || !b.path.ends_with("config.toml") {
        return Ok(b.path.clone());
    }
    let dir = crate::read::parent(&b.path);
    let role_file = b
        .extra
        .iter()
        .find(|e| e.key == "config_file")
        .and_then(|e| e.value.as_str())
        .and_then(|f| crate::read::normalize(dir, f));
    match role_file {
        Some(f) if ws.sources.find(&f).is_some() => Ok(f),
        _ => Err(format!(
            "Codex declares it in `{}` as `[agents.{}]` without a role file, and aios-port does not rewrite roles inside config.toml",
            b.path,
            agent_name(b)
        )),
    }
}

/// One agent as the target writes it.
#[derive(Debug, Clone, PartialEq, Default)]
struct Converted {
    /// `name`.
    name: String,
    /// `description`.
    description: String,
    /// Tool names in the target's spelling (Claude Code, Gemini CLI); None: every tool.
    tools: Option<Vec<String>>,
    /// A model of the target's family.
    model: Option<String>,
    /// Claude `effort` / Codex `model_reasoning_effort`.
    effort: Option<String>,
    /// Codex `sandbox_mode = "read-only"`.
    read_only: bool,
    /// Claude `maxTurns` / Gemini `max_turns`.
    max_turns: Option<u64>,
    /// The system prompt.
    instructions: String,
}

/// A tool list entry in neutral (Claude) terms.
#[derive(Debug, Clone, PartialEq)]
enum Tool {
    /// A built-in tool (Claude name); `limited`: written with arguments (`Bash(git *)`).
    Builtin(&'static str, bool),
    /// An MCP tool; `tool` None: every tool of the server.
    Mcp {
        server: String,
        tool: Option<String>,
    },
    /// Every MCP tool.
    AllMcp,
}

/// The neutral form of entry `t` of a `v` agent's tool list (None: unknown to aios-port).
fn neutral_tool(v: Vendor, t: &str, servers: &[String]) -> Option<Tool> {
    let t = t.trim();
    match v {
        Vendor::Claude => {
            if t.starts_with("mcp__") {
                let (server, tool) = facts::claude_mcp_tool(t)?;
                return Some(Tool::Mcp {
                    server: server.to_string(),
                    tool: tool.map(str::to_string),
                });
            }
            let base = base_name(t);
            facts::claude_tool(Vendor::Claude, base).map(|n| Tool::Builtin(n, base != t))
        }
        Vendor::Gemini => {
            if t == "mcp_*" {
                return Some(Tool::AllMcp);
            }
            if let Some(rest) = t.strip_prefix("mcp_") {
                // A server of the workspace, else the part before the first `_`, as Gemini
                // CLI parses it.
                let (server, tool) =
                    match facts::gemini_mcp_tool(t, servers.iter().map(String::as_str)) {
                        Some(st) => st,
                        None => {
                            let (s, tool) = rest.split_once('_')?;
                            (s, (tool != "*").then_some(tool))
                        }
                    };
                if server.is_empty() || tool.is_some_and(str::is_empty) {
                    return None;
                }
                return Some(Tool::Mcp {
                    server: server.to_string(),
                    tool: tool.map(str::to_string),
                });
            }
            facts::claude_tool(Vendor::Gemini, t).map(|n| Tool::Builtin(n, false))
        }
        Vendor::Codex => None,
    }
}

/// Tool `t` as `target` spells it in an agent's tool list (None: it has no equivalent).
fn target_tool(target: Vendor, t: &Tool) -> Option<String> {
    match (target, t) {
        (Vendor::Codex, _) => None,
        // A tool limited to some arguments cannot be limited in a list of names.
        (_, Tool::Builtin(_, true)) => None,
        (_, Tool::Builtin(n, false)) => facts::tool_for(target, n).map(str::to_string),
        (
            Vendor::Claude,
            Tool::Mcp {
                server,
                tool: Some(tool),
            },
        ) => Some(format!("mcp__{server}__{tool}")),
        // Claude Code agent tool lists name MCP tools one by one.
        (Vendor::Claude, _) => None,
        (Vendor::Gemini, Tool::Mcp { server, tool }) => {
            let slug = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-'))
            };
            match tool {
                Some(tool) if slug(server) && slug(tool) && !tool.chars().all(|c| c == '_') => {
                    Some(format!("mcp_{server}_{tool}"))
                }
                None if slug(server) => Some(format!("mcp_{server}_*")),
                _ => None,
            }
        }
        (Vendor::Gemini, Tool::AllMcp) => Some("mcp_*".into()),
    }
}

/// Whether denying `d` takes away tool `t`.
fn denies(d: &Tool, t: &Tool) -> bool {
    match (d, t) {
        (Tool::Builtin(a, _), Tool::Builtin(b, _)) => a == b,
        (Tool::AllMcp, Tool::Mcp { .. } | Tool::AllMcp) => true,
        (Tool::Mcp { server, tool: None }, Tool::Mcp { server: s, .. }) => server == s,
        (a, b) => a == b,
    }
}

/// Whether a tool leaves files and commands alone (MCP tools: no sandbox governs them, so a
/// read-only sandbox takes nothing from them).
fn read_only(t: &Tool) -> bool {
    match t {
        Tool::Builtin(n, _) => facts::CLAUDE_READ_ONLY_TOOLS.contains(n),
        Tool::Mcp { .. } | Tool::AllMcp => true,
    }
}

/// The strings of a value that is a list of strings or one comma-separated string.
fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => s
            .split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(|s| s.trim().to_string()))
            .filter(|x| !x.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// A value as written, for messages (long values cut at 60 characters).
fn shown(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

/// `a` (of vendor `from`) converted for `out.target` under `name`; None when it is not written
/// (the skip is recorded).
fn convert(
    a: &Agent,
    from: Vendor,
    name: &str,
    servers: &[String],
    out: &mut Out,
) -> Option<Converted> {
    let target = out.target;
    let tn = target.display_name();
    let shown_name = agent_name(a).to_string();
    let what = |detail: &str| format!("{detail} of subagent `{shown_name}`");
    let agent = format!("subagent `{shown_name}`");
    let remote = a.extra.iter().any(|e| {
        (e.key == "kind" && e.value.as_str() == Some("remote"))
            || e.key == "agent_card_url"
            || e.key == "agent_card_json"
    });
    if remote {
        out.skip(
            at(a),
            agent,
            format!("it is a remote (A2A) agent, which {tn} cannot call"),
            format!("define a local agent with a prompt for {tn}"),
        );
        return None;
    }
    let description = a
        .description
        .as_ref()
        .map(|d| d.value.trim().to_string())
        .unwrap_or_default();
    if description.is_empty() {
        out.skip(
            at(a),
            agent,
            format!("it has no description, which {tn} requires"),
            "describe when the subagent should be used (`description`)",
        );
        return None;
    }
    let instructions = a
        .instructions
        .as_ref()
        .map(|i| i.value.replace("\r\n", "\n").trim().to_string())
        .unwrap_or_default();
    if instructions.is_empty() && target == Vendor::Codex {
        out.skip(
            at(a),
            agent,
            "it has no prompt, and Codex requires non-blank `developer_instructions`".into(),
            "write the subagent's system prompt",
        );
        return None;
    }
    let mut c = Converted {
        name: name.to_string(),
        description,
        instructions,
        ..Converted::default()
    };

    // Model: only within its own family; `inherit` is every vendor's default.
    if let Some(m) = &a.model {
        let v = m.value.trim();
        if !v.is_empty() && v != "inherit" {
            match facts::model_family(v) {
                Some(f) if f == target => c.model = Some(v.to_string()),
                family => out.field(
                    m.origin,
                    what(&format!("model `{v}`")),
                    match family {
                        Some(f) => format!(
                            "`{v}` is a {} model, which {tn} cannot use; the {tn} agent uses the session's model",
                            f.display_name()
                        ),
                        None => format!(
                            "`{v}` is not known to be a {tn} model; the {tn} agent uses the session's model"
                        ),
                    },
                    format!("set a {tn} model in the {tn} agent file by hand if it needs one"),
                ),
            }
        }
    }

    // Tools.
    let listed: Vec<&crate::source::Spanned<String>> = a
        .tools
        .iter()
        .flatten()
        .filter(|t| !t.value.trim().is_empty())
        .collect();
    let restricts = !listed.is_empty() && !listed.iter().any(|t| t.value.trim() == "*");
    let list_origin = listed.first().map_or(a.origin, |t| t.origin);
    let disallowed = a
        .extra
        .iter()
        .find(|e| e.key == "disallowedTools" || e.key == "disallowed-tools");
    if restricts {
        let neutral: Vec<(String, Option<Tool>, Origin)> = listed
            .iter()
            .map(|t| {
                (
                    t.value.trim().to_string(),
                    neutral_tool(from, &t.value, servers),
                    t.origin,
                )
            })
            .collect();
        if target == Vendor::Codex {
            let names: Vec<String> = neutral.iter().map(|(n, _, _)| format!("`{n}`")).collect();
            c.read_only = neutral
                .iter()
                .all(|(_, t, _)| t.as_ref().is_some_and(read_only));
            out.field(
                list_origin,
                what("the tool list"),
                format!(
                    "Codex agent roles have no tool list: the Codex agent can use every tool, not only {}{}",
                    names.join(", "),
                    if c.read_only {
                        "; it runs with `sandbox_mode = \"read-only\"`, so it cannot change files"
                    } else {
                        ""
                    }
                ),
                "limit the Codex role with `sandbox_mode` or per-server `enabled_tools` by hand if it must not use other tools",
            );
        } else {
            let mut list: Vec<String> = Vec::new();
            let mut lost: Vec<(String, Origin)> = Vec::new();
            for (shown, t, origin) in &neutral {
                match t.as_ref().and_then(|t| target_tool(target, t)) {
                    Some(n) => {
                        if !list.contains(&n) {
                            list.push(n);
                        }
                    }
                    None => lost.push((shown.clone(), *origin)),
                }
            }
            // Denied tools leave the list (a tool denied only for some arguments leaves it whole).
            if let Some(d) = disallowed {
                for x in strings(&d.value) {
                    let Some(dt) = neutral_tool(from, &x, servers) else {
                        continue;
                    };
                    let before = list.len();
                    list.retain(|n| {
                        !neutral_tool(target, n, servers).is_some_and(|t| denies(&dt, &t))
                    });
                    if list.len() < before && matches!(dt, Tool::Builtin(_, true)) {
                        out.field(
                            d.origin,
                            what(&format!("`{}` entry `{x}`", d.key)),
                            format!("{tn} cannot deny a tool for some arguments only: the {tn} agent is written without the whole tool"),
                            "list the tool again by hand if the agent needs it",
                        );
                    }
                }
            }
            for (n, origin) in &lost {
                out.field(
                    *origin,
                    what(&format!("tool `{n}`")),
                    format!(
                        "{tn} has no such tool{}; the {tn} agent is written without it",
                        if n.contains('(') {
                            " limited to these arguments"
                        } else {
                            ""
                        }
                    ),
                    format!("add the {tn} tool that does the same work by hand, if there is one"),
                );
            }
            if list.is_empty() {
                out.skip(
                    list_origin,
                    agent,
                    format!("none of its tools exist in {tn}, and an agent without a tool list would get every tool"),
                    format!("give it tools {tn} has, or define the {tn} agent by hand"),
                );
                return None;
            }
            c.tools = Some(list);
        }
    }

    // Keys beyond the common ones.
    for e in &a.extra {
        let k = e.key.as_str();
        let v = &e.value;
        let value = v.as_str().unwrap_or("");
        let keep = |why: String, help: &str, out: &mut Out| {
            out.field(e.origin, what(&format!("`{k}`")), why, help.to_string());
        };
        match (from, k) {
            (Vendor::Codex, "config_file") | (Vendor::Gemini, "kind") => {}
            (Vendor::Claude, "disallowedTools" | "disallowed-tools") => {
                if !(target == Vendor::Gemini && c.tools.is_some()) {
                    keep(
                        format!(
                            "{tn} agents cannot deny tools: the {tn} agent can use {}",
                            strings(v)
                                .iter()
                                .map(|t| format!("`{t}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        "list the tools the agent may use instead (`tools`), or restrict it with the target's own settings",
                        out,
                    );
                }
            }
            (Vendor::Claude, "effort") | (Vendor::Codex, "model_reasoning_effort") => {
                let other = match target {
                    Vendor::Claude => facts::CLAUDE_EFFORT_LEVELS,
                    Vendor::Codex => facts::CODEX_REASONING_EFFORTS,
                    Vendor::Gemini => &[],
                };
                let shared = facts::CLAUDE_EFFORT_LEVELS.contains(&value)
                    && facts::CODEX_REASONING_EFFORTS.contains(&value);
                if shared && other.contains(&value) {
                    c.effort = Some(value.to_string());
                } else {
                    keep(
                        if target == Vendor::Gemini {
                            "Gemini CLI agents have no reasoning effort setting".into()
                        } else {
                            format!("{tn} has no effort level `{}`", shown(v))
                        },
                        "set the target's own effort level by hand if it matters",
                        out,
                    );
                }
            }
            (Vendor::Claude, "permissionMode") if value == "plan" && target == Vendor::Codex => {
                // Plan mode is read-only research: the Codex equivalent is a read-only sandbox.
                c.read_only = true;
            }
            (Vendor::Claude, "maxTurns") | (Vendor::Gemini, "max_turns")
                if target != Vendor::Codex =>
            {
                match v.as_u64().filter(|n| *n > 0) {
                    Some(n) => c.max_turns = Some(n),
                    None => keep(
                        format!("`{}` is not a positive whole number", shown(v)),
                        "write the turn limit as a whole number",
                        out,
                    ),
                }
            }
            (Vendor::Codex, "sandbox_mode") => match value {
                "read-only" if target != Vendor::Codex => {
                    let tools: Vec<String> = facts::READ_ONLY_AGENT_TOOLS
                        .iter()
                        .filter_map(|t| facts::tool_for(target, t).map(str::to_string))
                        .collect();
                    keep(
                        format!(
                            "the Codex role may run read-only shell commands; {tn} has no read-only sandbox, so the {tn} agent gets only {} (no shell, no edits)",
                            tools
                                .iter()
                                .map(|t| format!("`{t}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        "add tools to the target agent by hand if it needs them",
                        out,
                    );
                    c.tools = Some(tools);
                }
                "workspace-write" => {}
                _ => keep(
                    format!(
                        "{tn} has no per-agent sandbox `{}`; the {tn} agent runs with the session's permissions",
                        shown(v)
                    ),
                    "grant the permissions in the target's own settings if the agent needs them",
                    out,
                ),
            },
            _ => keep(
                format!(
                    "{tn} agents have no `{k}` setting (`{k}: {}` is left out)",
                    shown(v)
                ),
                "drop it, or configure the equivalent in the target by hand",
                out,
            ),
        }
    }
    Some(c)
}

/// The text of the target's agent file.
fn render(target: Vendor, c: &Converted) -> String {
    match target {
        Vendor::Codex => {
            let mut s = format!(
                "name = {}\ndescription = {}\n",
                toml_basic(&c.name),
                toml_basic(&c.description)
            );
            if let Some(m) = &c.model {
                s.push_str(&format!("model = {}\n", toml_basic(m)));
            }
            if let Some(e) = &c.effort {
                s.push_str(&format!("model_reasoning_effort = {}\n", toml_basic(e)));
            }
            if c.read_only {
                s.push_str("sandbox_mode = \"read-only\"\n");
            }
            s.push_str(&format!(
                "developer_instructions = {}\n",
                toml_multiline(&format!("{}\n", c.instructions))
            ));
            s
        }
        Vendor::Claude | Vendor::Gemini => {
            let mut s = format!(
                "---\nname: {}\ndescription: {}\n",
                yaml_scalar(&c.name),
                yaml_scalar(&c.description)
            );
            if let Some(tools) = &c.tools {
                if target == Vendor::Claude {
                    s.push_str(&format!("tools: {}\n", yaml_scalar(&tools.join(", "))));
                } else {
                    s.push_str("tools:\n");
                    for t in tools {
                        s.push_str(&format!("  - {}\n", yaml_scalar(t)));
                    }
                }
            }
            if let Some(m) = &c.model {
                s.push_str(&format!("model: {}\n", yaml_scalar(m)));
            }
            if let Some(e) = &c.effort {
                s.push_str(&format!("effort: {}\n", yaml_scalar(e)));
            }
            if let Some(n) = c.max_turns {
                let key = if target == Vendor::Claude {
                    "maxTurns"
                } else {
                    "max_turns"
                };
                s.push_str(&format!("{key}: {n}\n"));
            }
            s.push_str("---\n");
            if !c.instructions.is_empty() {
                s.push('\n');
                s.push_str(&c.instructions);
                s.push('\n');
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::testing::{load, write};
    use crate::sync::lock::Lock;
    use crate::sync::{SyncOptions, SyncPlan};

    fn plan_to(dir: &std::path::Path, to: Vendor) -> SyncPlan {
        let ws = load(dir);
        let options = SyncOptions {
            to: vec![to],
            allow_lossy: true,
            ..SyncOptions::default()
        };
        let lock = std::fs::read_to_string(dir.join(crate::sync::lock::FILE_NAME))
            .map(|t| Lock::parse(&t).expect("valid lock"))
            .unwrap_or_default();
        crate::sync::plan(&ws, &options, lock).expect("plans")
    }

    fn after<'a>(plan: &'a SyncPlan, path: &str) -> &'a str {
        plan.changes
            .iter()
            .find(|c| c.path == path)
            .map(|c| c.after.as_str())
            .unwrap_or_else(|| panic!("no change of {path}: {:?}", plan.changes))
    }

    fn losses(plan: &SyncPlan) -> Vec<String> {
        plan.losses
            .iter()
            .map(|l| format!("{}{}", if l.skipped { "skip " } else { "" }, l.what))
            .collect()
    }

    /// Applies the plan, reloads, and checks the target's agents load without a diagnostic
    /// and that a second sync changes nothing.
    fn round_trip(dir: &std::path::Path, to: Vendor) -> crate::workspace::Workspace {
        let plan = plan_to(dir, to);
        crate::sync::apply(dir, &plan).expect("applies");
        let ws = load(dir);
        for d in &ws.diagnostics {
            let path = &ws.sources.get(d.primary.origin.file).path;
            let written = plan.changes.iter().any(|c| c.path == *path);
            assert!(!written, "{path}: {}", d.message);
        }
        let lock = Lock::parse(
            &std::fs::read_to_string(dir.join(crate::sync::lock::FILE_NAME)).expect("lock"),
        )
        .expect("parses");
        let options = SyncOptions {
            to: vec![to],
            allow_lossy: true,
            ..SyncOptions::default()
        };
        let again = crate::sync::plan(&ws, &options, lock).expect("plans");
        assert!(again.changes.is_empty(), "{:?}", again.changes);
        ws
    }

    #[test]
    fn names_per_vendor() {
        assert_eq!(
            name_for(Vendor::Claude, "docs_researcher").as_deref(),
            Some("docs-researcher")
        );
        assert_eq!(
            name_for(Vendor::Gemini, "Docs_Researcher").as_deref(),
            Some("docs_researcher")
        );
        assert_eq!(name_for(Vendor::Claude, "docs researcher"), None);
        assert_eq!(name_for(Vendor::Gemini, "a.b"), None);
        assert_eq!(
            name_for(Vendor::Codex, " Docs Researcher ").as_deref(),
            Some("Docs Researcher")
        );
        assert_eq!(name_for(Vendor::Codex, "  "), None);
        assert_eq!(file_stem("Docs Researcher"), "Docs-Researcher");
        assert_eq!(file_stem("_hidden"), "hidden");
        assert_eq!(file_stem("../x"), "-x");
        assert_eq!(file_stem("///"), "---");
        assert_eq!(
            shown(&Value::from("é".repeat(70))),
            format!("{}…", "é".repeat(60))
        );
        assert_eq!(shown(&serde_json::json!({"a": 1})), "{\"a\":1}");
    }

    #[test]
    fn tools_map_through_the_facts() {
        let servers = vec!["ci_server".to_string()];
        let n = |v, t| neutral_tool(v, t, &servers);
        assert_eq!(
            n(Vendor::Claude, "Read"),
            Some(Tool::Builtin("Read", false))
        );
        assert_eq!(
            n(Vendor::Claude, "Bash(git *)"),
            Some(Tool::Builtin("Bash", true))
        );
        assert_eq!(n(Vendor::Claude, "KillShell"), None);
        assert_eq!(
            n(Vendor::Gemini, "search_file_content"),
            Some(Tool::Builtin("Grep", false))
        );
        // A workspace server with `_` in its name is recognised; others split at the first `_`.
        let ci = n(Vendor::Gemini, "mcp_ci_server_get_log").expect("mcp");
        assert_eq!(
            target_tool(Vendor::Claude, &ci).as_deref(),
            Some("mcp__ci_server__get_log")
        );
        let gh = n(Vendor::Gemini, "mcp_github_create_issue").expect("mcp");
        assert_eq!(
            target_tool(Vendor::Claude, &gh).as_deref(),
            Some("mcp__github__create_issue")
        );
        let all_gh = n(Vendor::Claude, "mcp__github").expect("mcp");
        assert_eq!(
            target_tool(Vendor::Gemini, &all_gh).as_deref(),
            Some("mcp_github_*")
        );
        assert_eq!(target_tool(Vendor::Claude, &all_gh), None);
        assert_eq!(n(Vendor::Gemini, "mcp_*"), Some(Tool::AllMcp));
        assert_eq!(
            target_tool(Vendor::Gemini, &Tool::Builtin("Bash", false)).as_deref(),
            Some("run_shell_command")
        );
        assert_eq!(
            target_tool(Vendor::Gemini, &Tool::Builtin("Bash", true)),
            None
        );
        assert_eq!(
            target_tool(Vendor::Gemini, &Tool::Builtin("Agent", false)),
            None
        );
        assert!(read_only(&Tool::Builtin("Grep", false)));
        assert!(!read_only(&Tool::Builtin("Edit", false)));
        assert!(denies(
            &Tool::Mcp {
                server: "github".into(),
                tool: None
            },
            &gh
        ));
    }

    #[test]
    fn claude_agent_to_codex_and_gemini() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            ".claude/agents/planner.md",
            "---\nname: planner\ndescription: Plans work\ntools: Read, Grep, Bash(git log *), KillShell\ndisallowedTools: Grep\nmodel: opus\neffort: max\npermissionMode: plan\nmaxTurns: 7\nhooks:\n  Stop: []\n---\n\nPlan \"carefully\".\n",
        );
        // Claude does not load an agent without a description: nothing to write.
        write(dir.path(), ".claude/agents/notes.md", "Just notes.\n");
        // Same name for AP107 as `planner`: only the first is written.
        write(
            dir.path(),
            ".claude/agents/sub/Planner.md",
            "---\nname: Planner\ndescription: d\n---\nx\n",
        );
        let codex = plan_to(dir.path(), Vendor::Codex);
        assert_eq!(
            after(&codex, ".codex/agents/planner.toml"),
            "name = \"planner\"\ndescription = \"Plans work\"\nsandbox_mode = \"read-only\"\ndeveloper_instructions = \"\"\"\nPlan \"carefully\".\n\"\"\"\n"
        );
        let l = losses(&codex);
        for want in [
            "model `opus` of subagent `planner`",
            "the tool list of subagent `planner`",
            "`disallowedTools` of subagent `planner`",
            "`effort` of subagent `planner`",
            "`maxTurns` of subagent `planner`",
            "`hooks` of subagent `planner`",
            "skip subagent `notes`",
            "skip subagent `Planner`",
        ] {
            assert!(l.iter().any(|x| x == want), "{want}: {l:?}");
        }
        assert!(
            codex
                .losses
                .iter()
                .any(|l| l.what == "subagent `Planner`" && l.why.contains("`planner`")),
            "{:?}",
            codex.losses
        );
        // Not read-only: `Bash(...)` and an unknown tool are in the list; read-only comes
        // from plan mode.
        assert!(!l.iter().any(|x| x.contains("permissionMode")), "{l:?}");

        let gemini = plan_to(dir.path(), Vendor::Gemini);
        assert_eq!(
            after(&gemini, ".gemini/agents/planner.md"),
            "---\nname: planner\ndescription: Plans work\ntools:\n  - read_file\nmax_turns: 7\n---\n\nPlan \"carefully\".\n"
        );
        let l = losses(&gemini);
        for want in [
            "tool `Bash(git log *)` of subagent `planner`",
            "tool `KillShell` of subagent `planner`",
            "`permissionMode` of subagent `planner`",
            "`effort` of subagent `planner`",
        ] {
            assert!(l.iter().any(|x| x == want), "{want}: {l:?}");
        }
        // Grep is denied, so it leaves the Gemini list instead of being reported.
        assert!(!l.iter().any(|x| x.contains("disallowedTools")), "{l:?}");
        let ws = round_trip(dir.path(), Vendor::Gemini);
        assert!(ws.model.agents.iter().any(|a| a.vendor == Vendor::Gemini));
        round_trip(dir.path(), Vendor::Codex);
    }

    #[test]
    fn codex_roles_to_claude() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            ".codex/config.toml",
            "[agents.docs_researcher]\ndescription = \"Checks docs\"\nconfig_file = \"agents/docs.toml\"\n\n[agents.bare]\ndescription = \"Only a description\"\n",
        );
        write(
            dir.path(),
            ".codex/agents/docs.toml",
            "model_reasoning_effort = \"minimal\"\nsandbox_mode = \"danger-full-access\"\ndeveloper_instructions = \"Read the docs.\"\n",
        );
        let plan = plan_to(dir.path(), Vendor::Claude);
        assert_eq!(
            after(&plan, ".claude/agents/docs-researcher.md"),
            "---\nname: docs-researcher\ndescription: Checks docs\n---\n\nRead the docs.\n"
        );
        // A role without a prompt still becomes a (prompt-less) Claude agent.
        assert_eq!(
            after(&plan, ".claude/agents/bare.md"),
            "---\nname: bare\ndescription: Only a description\n---\n"
        );
        let l = losses(&plan);
        for want in [
            "`model_reasoning_effort` of subagent `docs_researcher`",
            "`sandbox_mode` of subagent `docs_researcher`",
        ] {
            assert!(l.iter().any(|x| x == want), "{want}: {l:?}");
        }
        assert!(!l.iter().any(|x| x.contains("config_file")), "{l:?}");
        round_trip(dir.path(), Vendor::Claude);
    }

    #[test]
    fn existing_target_agents_keep_their_file_and_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            ".claude/agents/docs-researcher.md",
            "---\nname: docs-researcher\ndescription: d\n---\n\nRead.\n",
        );
        write(
            dir.path(),
            ".claude/agents/bare.md",
            "---\nname: bare\ndescription: d\n---\n\nB.\n",
        );
        // Codex knows the first under its own name and file; the second only in config.toml.
        write(
            dir.path(),
            ".codex/agents/docs.toml",
            "name = \"docs_researcher\"\ndescription = \"d\"\ndeveloper_instructions = \"\"\"\nRead.\n\"\"\"\n",
        );
        write(
            dir.path(),
            ".codex/config.toml",
            "[agents.bare]\ndescription = \"d\"\n",
        );
        let plan = plan_to(dir.path(), Vendor::Codex);
        // The same meaning, byte for byte: adopted, nothing written but the lock.
        assert!(
            plan.changes.iter().all(|c| c.path == "aios-port.lock"),
            "{:?}",
            plan.changes
        );
        assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
        assert!(
            losses(&plan).contains(&"skip subagent `bare`".to_string()),
            "{:?}",
            plan.losses
        );
        // A different prompt in the existing file is a conflict, not a second role.
        write(
            dir.path(),
            ".claude/agents/docs-researcher.md",
            "---\nname: docs-researcher\ndescription: d\n---\n\nRead twice.\n",
        );
        let plan = plan_to(dir.path(), Vendor::Codex);
        assert_eq!(plan.conflicts.len(), 1, "{:?}", plan.conflicts);
        assert_eq!(plan.conflicts[0].path, ".codex/agents/docs.toml");
    }

    #[test]
    fn gemini_remote_agents_and_empty_tool_lists_are_not_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            ".gemini/agents/remote.md",
            "---\nkind: remote\nname: remote\ndescription: d\nagent_card_url: https://example.com/card.json\n---\n",
        );
        write(
            dir.path(),
            ".gemini/agents/odd.md",
            "---\nname: odd\ndescription: d\ntools:\n  - complete_task\n---\nx\n",
        );
        let plan = plan_to(dir.path(), Vendor::Claude);
        let l = losses(&plan);
        assert!(l.contains(&"skip subagent `remote`".to_string()), "{l:?}");
        assert!(l.contains(&"skip subagent `odd`".to_string()), "{l:?}");
        assert!(
            !plan.changes.iter().any(|c| c.path.contains("agents/")),
            "{:?}",
            plan.changes
        );
    }
}
