//! Sync of permissions (FORMATS.md §6a; REAL-CLIENTS.md §2): the approval mode and the
//! allow / ask / deny rules of the primary's project settings, written where the target has a
//! mapping, never wider than the source.
//!
//! This module owns:
//! * Claude `permissions.defaultMode` ↔ Codex top-level `approval_policy` + `sandbox_mode`
//!   (`.codex/config.toml`) ↔ Gemini `general.defaultApprovalMode` (`default`, `auto_edit`,
//!   `plan`; `yolo` is not accepted in settings);
//! * Claude `permissions.deny` ↔ Gemini `tools.exclude` (whole tools), Codex `web_search`;
//! * the losses and refusals of everything else.
//!
//! **Never wider.** The target must not let the agent cause, without a human, an effect the
//! source makes it ask for or denies. Modes are compared by those effects: changing files of the
//! workspace, changing anything outside it or reaching the network; reading is allowed
//! unprompted by every mode of every vendor. Codex 0.169 cannot ask before each command any
//! more (`approval_policy = "untrusted"` is rejected: "is no longer supported; remove this
//! setting", verified), its guard is the sandbox: `on-request` runs a command in the sandbox
//! without asking and asks before leaving it. A mapping that would widen is refused
//! (`Loss::refuse`, never written); a narrower or different one is written and reported.
//! Concretely:
//! * Claude `default` / `plan` → Codex `on-request` + `read-only` (a command that would change
//!   anything, or an edit, needs approval); `acceptEdits` → `on-request` + `workspace-write`
//!   (FORMATS.md §6a's nearest match; reported: Codex also runs commands in the sandbox without
//!   asking), tightened to `read-only` when a deny or ask rule names a command or an edit,
//!   which Codex cannot deny in project settings. `dontAsk` → `never` + `read-only`.
//! * Gemini `auto_edit` is likewise tightened to `default` when a rule limits edits to paths.
//! * `bypassPermissions`, Codex `danger-full-access` without `untrusted`, Gemini `yolo`: never
//!   propagated (refused).
//! * Rules: Codex keeps command rules in user-level rules files only, and Gemini CLI 0.61 cannot
//!   deny one command in project settings: its `tools.exclude` entries become policy rules whose
//!   tool name is the whole string, so `run_shell_command(git push)` matches nothing (verified
//!   with the 0.61 policy engine: `git push` stays `ask_user`), and workspace policy files are
//!   disabled (`disableWorkspacePolicies = true` in 0.61). A denied command is therefore a loss
//!   on both (with the modes written here both need approval before a command changes
//!   anything); denying a whole tool is written where the target can (`tools.exclude:
//!   ["web_fetch"]` is enforced). Reading cannot be denied on either target (both run `cat`,
//!   `grep`, `ls` without asking: the clients' `is_known_safe_command`), so a Read rule is
//!   refused.
//! * Allow rules are dropped (narrower) and reported. Gemini's `tools.allowed` would even turn
//!   every other shell command into a denial (its "narrowing enforcement").
//!
//! Only the primary's project settings file is read (`.claude/settings.json`,
//! `.codex/config.toml`, `.gemini/settings.json`); personal `.local` files never are.

use serde_json::{Value, json};

use crate::facts;
use crate::model::{Permissions, Scope};
use crate::source::{Origin, Spanned};
use crate::sync::plan::Planner;
use crate::vendor::Vendor;
use crate::write::Loss;

/// The project settings file of each vendor, where its permissions live.
fn settings_file(v: Vendor) -> &'static str {
    match v {
        Vendor::Claude => ".claude/settings.json",
        Vendor::Codex => ".codex/config.toml",
        Vendor::Gemini => ".gemini/settings.json",
    }
}

/// What the agent may do unprompted, in vendor-neutral terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Asks before edits and commands (Claude `default`, Codex `untrusted` before 0.169,
    /// Gemini `default`).
    Default,
    /// Edits without asking, asks before commands (Claude `acceptEdits`, Gemini `auto_edit`).
    AcceptEdits,
    /// Plans only: no edits, no commands that change anything (Claude and Gemini `plan`).
    Plan,
    /// Never asks; whatever is not allowed fails (Claude `dontAsk`, Codex `never` + `read-only`).
    DenyRest,
    /// A classifier decides (Claude `auto`).
    Classifier,
    /// Codex running commands in its sandbox without asking: `writes` when the sandbox lets
    /// them write the workspace; `outside_fails` when leaving the sandbox fails (`never`)
    /// rather than asks (`on-request`, `on-failure`).
    Sandboxed {
        /// `workspace-write` (else `read-only`).
        writes: bool,
        /// `never` (else the user is asked).
        outside_fails: bool,
    },
    /// Codex `approval_policy = { granular = { ... } }`.
    Granular,
    /// No confirmation at all.
    Bypass,
}

/// The primary's mode: what it means, how it is written, where.
struct SourceMode {
    /// Meaning (None: a value aios-port does not know).
    mode: Option<Mode>,
    /// As written, for messages (`` `acceptEdits` ``).
    shown: String,
    /// Where.
    origin: Origin,
    /// Not written: implied by rules in a settings file without a mode.
    implied: bool,
}

/// What a rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Allowed without asking.
    Allow,
    /// Always asks.
    Ask,
    /// Denied.
    Deny,
}

impl Kind {
    /// For messages.
    fn word(self) -> &'static str {
        match self {
            Kind::Allow => "allow",
            Kind::Ask => "ask",
            Kind::Deny => "deny",
        }
    }
}

/// One rule of the primary, in Claude's syntax (`Bash(git push:*)`, `mcp__srv__tool`).
struct Rule {
    /// Allow, ask or deny.
    kind: Kind,
    /// Claude spelling (None: no Claude equivalent).
    claude: Option<String>,
    /// As written in the source.
    shown: String,
    /// Where.
    origin: Origin,
    /// The source vendor itself ignores it (a Gemini `tools.exclude` entry with arguments).
    inert: bool,
}

/// What a Claude rule is about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Class {
    /// Every shell command (`Bash`, `Bash(*)`).
    ShellAll,
    /// Some shell commands (`Bash(git push:*)`, `Bash(npm test)`).
    Shell,
    /// File edits (`Edit`, `Write`, `MultiEdit`, `NotebookEdit`), `scoped` to paths.
    Edit {
        /// The Claude tool.
        tool: String,
        /// Limited to some paths.
        scoped: bool,
    },
    /// File reads and searches (`Read`, `Grep`, `Glob`, `LS`).
    Read,
    /// `WebFetch`, `scoped` to domains.
    WebFetch {
        /// Limited to some domains.
        scoped: bool,
    },
    /// `WebSearch`.
    WebSearch,
    /// An MCP server's tools (`tool` None: all of them).
    Mcp {
        /// Server name.
        server: String,
        /// Tool name.
        tool: Option<String>,
    },
    /// Any other tool, `scoped` by a specifier.
    Other {
        /// The Claude tool.
        tool: String,
        /// With a `(...)` specifier.
        scoped: bool,
    },
}

/// Splits `Tool(spec)` into the tool and its specifier.
fn split_rule(rule: &str) -> (&str, Option<&str>) {
    let r = rule.trim();
    match r.find('(') {
        Some(i) if r.ends_with(')') => (r[..i].trim(), Some(&r[i + 1..r.len() - 1])),
        _ => (r, None),
    }
}

/// Classifies a rule written in Claude's syntax.
fn classify(rule: &str) -> Class {
    let (tool, spec) = split_rule(rule);
    let spec = spec.map(str::trim).filter(|s| !s.is_empty());
    if let Some((server, t)) = facts::claude_mcp_tool(tool) {
        return Class::Mcp {
            server: server.to_string(),
            tool: t.map(str::to_string),
        };
    }
    match tool {
        "Bash" | "PowerShell" => match spec {
            None | Some("*" | ":*" | "**") => Class::ShellAll,
            Some(_) => Class::Shell,
        },
        "Edit" | "Write" | "MultiEdit" | "NotebookEdit" => Class::Edit {
            tool: tool.to_string(),
            scoped: spec.is_some_and(|s| s != "*" && s != "**"),
        },
        "Read" | "Grep" | "Glob" | "LS" => Class::Read,
        "WebFetch" => Class::WebFetch {
            scoped: spec.is_some_and(|s| s != "*"),
        },
        "WebSearch" => Class::WebSearch,
        _ => Class::Other {
            tool: tool.to_string(),
            scoped: spec.is_some(),
        },
    }
}

/// The mode a target ends up in, for judging rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TargetMode {
    /// Codex `on-request`: commands run in the sandbox without asking; edits and leaving the
    /// sandbox ask. `writes`: the sandbox is `workspace-write` (else `read-only`).
    CodexOnRequest {
        /// `workspace-write`.
        writes: bool,
    },
    /// Codex `never` + `read-only`: edits and writes fail, nothing asks.
    CodexNever,
    /// Gemini `default`.
    GeminiDefault,
    /// Gemini `auto_edit`: edits without asking.
    GeminiAutoEdit,
    /// Gemini `plan`.
    GeminiPlan,
    /// Claude Code (rules are written as they are).
    Claude,
}

/// A mode as the target writes it.
struct Mapped {
    /// Keys and values: Codex top-level keys; `defaultMode` / `defaultApprovalMode`.
    values: Vec<(&'static str, &'static str)>,
    /// How the target then behaves.
    target_mode: TargetMode,
    /// How the target differs from the source, when it does (never wider).
    note: Option<String>,
}

/// The target's mode for `m`, or why it is refused.
fn map_mode(m: Mode, target: Vendor) -> Result<Mapped, &'static str> {
    let mapped = |values: Vec<(&'static str, &'static str)>, t, n: Option<&str>| {
        Ok(Mapped {
            values,
            target_mode: t,
            note: n.map(str::to_string),
        })
    };
    match (target, m) {
        (_, Mode::Bypass) => {
            Err("it turns every confirmation off; aios-port never propagates a permission bypass")
        }
        (Vendor::Claude, Mode::Default) => {
            mapped(vec![("defaultMode", "default")], TargetMode::Claude, None)
        }
        (Vendor::Claude, Mode::AcceptEdits) => mapped(
            vec![("defaultMode", "acceptEdits")],
            TargetMode::Claude,
            None,
        ),
        (Vendor::Claude, Mode::Plan) => {
            mapped(vec![("defaultMode", "plan")], TargetMode::Claude, None)
        }
        (Vendor::Claude, Mode::DenyRest) => {
            mapped(vec![("defaultMode", "dontAsk")], TargetMode::Claude, None)
        }
        (Vendor::Claude, Mode::Classifier) => {
            mapped(vec![("defaultMode", "auto")], TargetMode::Claude, None)
        }
        (Vendor::Claude, Mode::Sandboxed { writes: false, .. }) => mapped(
            vec![("defaultMode", "default")],
            TargetMode::Claude,
            Some(
                "Claude Code asks before the commands Codex runs in its read-only sandbox without asking",
            ),
        ),
        (
            Vendor::Claude,
            Mode::Sandboxed {
                writes: true,
                outside_fails: false,
            },
        ) => mapped(
            vec![("defaultMode", "acceptEdits")],
            TargetMode::Claude,
            Some("Claude Code asks before the commands Codex runs in its sandbox without asking"),
        ),
        (
            Vendor::Claude,
            Mode::Sandboxed {
                writes: true,
                outside_fails: true,
            },
        ) => mapped(
            vec![("defaultMode", "dontAsk")],
            TargetMode::Claude,
            Some(
                "Claude Code denies the edits and commands Codex runs in its workspace-write sandbox without asking (only allow rules run)",
            ),
        ),
        (Vendor::Claude, Mode::Granular) => mapped(
            vec![("defaultMode", "dontAsk")],
            TargetMode::Claude,
            Some(
                "Claude Code has no per-category approvals; `dontAsk` denies whatever is not allowed",
            ),
        ),
        (Vendor::Codex, Mode::Default | Mode::Plan) => mapped(
            vec![
                ("approval_policy", "on-request"),
                ("sandbox_mode", "read-only"),
            ],
            TargetMode::CodexOnRequest { writes: false },
            None,
        ),
        (Vendor::Codex, Mode::AcceptEdits) => mapped(
            vec![
                ("approval_policy", "on-request"),
                ("sandbox_mode", "workspace-write"),
            ],
            TargetMode::CodexOnRequest { writes: true },
            Some(
                "Codex also runs commands in its sandbox without asking: they can change files of the workspace, as edits can, but not reach the network or anything outside it",
            ),
        ),
        (Vendor::Codex, Mode::DenyRest) => mapped(
            vec![("approval_policy", "never"), ("sandbox_mode", "read-only")],
            TargetMode::CodexNever,
            None,
        ),
        (Vendor::Codex, Mode::Classifier) => mapped(
            vec![
                ("approval_policy", "on-request"),
                ("sandbox_mode", "workspace-write"),
            ],
            TargetMode::CodexOnRequest { writes: true },
            Some(
                "Codex asks the user before leaving its sandbox where Claude Code's classifier decides",
            ),
        ),
        (Vendor::Gemini, Mode::Default) => mapped(
            vec![("defaultApprovalMode", "default")],
            TargetMode::GeminiDefault,
            None,
        ),
        (Vendor::Gemini, Mode::AcceptEdits) => mapped(
            vec![("defaultApprovalMode", "auto_edit")],
            TargetMode::GeminiAutoEdit,
            None,
        ),
        (Vendor::Gemini, Mode::Plan) => mapped(
            vec![("defaultApprovalMode", "plan")],
            TargetMode::GeminiPlan,
            None,
        ),
        (Vendor::Gemini, Mode::DenyRest) => mapped(
            vec![("defaultApprovalMode", "plan")],
            TargetMode::GeminiPlan,
            Some(
                "Gemini CLI has no mode that runs only allowed tools without asking; `plan` runs read-only tools only",
            ),
        ),
        (Vendor::Gemini, Mode::Classifier) => mapped(
            vec![("defaultApprovalMode", "default")],
            TargetMode::GeminiDefault,
            Some("Gemini CLI asks the user where Claude Code's classifier decides"),
        ),
        (Vendor::Gemini, Mode::Sandboxed { writes: false, .. }) => mapped(
            vec![("defaultApprovalMode", "default")],
            TargetMode::GeminiDefault,
            Some(
                "Gemini CLI asks before the commands Codex runs in its read-only sandbox without asking",
            ),
        ),
        (
            Vendor::Gemini,
            Mode::Sandboxed {
                writes: true,
                outside_fails: false,
            },
        ) => mapped(
            vec![("defaultApprovalMode", "auto_edit")],
            TargetMode::GeminiAutoEdit,
            Some("Gemini CLI asks before the commands Codex runs in its sandbox without asking"),
        ),
        (
            Vendor::Gemini,
            Mode::Sandboxed {
                writes: true,
                outside_fails: true,
            },
        ) => mapped(
            vec![("defaultApprovalMode", "plan")],
            TargetMode::GeminiPlan,
            Some(
                "Gemini CLI would ask where Codex fails (`never`), so it gets `plan`, which makes no edits",
            ),
        ),
        (Vendor::Gemini, Mode::Granular) => mapped(
            vec![("defaultApprovalMode", "plan")],
            TargetMode::GeminiPlan,
            Some("Gemini CLI has no per-category approvals; `plan` runs read-only tools only"),
        ),
        // A vendor's own modes never reach itself (the primary is not a target).
        (Vendor::Codex, Mode::Sandboxed { .. } | Mode::Granular) => {
            Err("it is Codex's own setting")
        }
    }
}

/// The primary's mode, from its permissions record.
fn source_mode(v: Vendor, p: &Permissions) -> Option<SourceMode> {
    match v {
        Vendor::Claude | Vendor::Gemini => {
            let m = p.default_mode.as_ref()?;
            let mode = match (v, m.value.as_str()) {
                (Vendor::Claude, "default" | "manual") | (Vendor::Gemini, "default") => {
                    Some(Mode::Default)
                }
                (Vendor::Claude, "acceptEdits") | (Vendor::Gemini, "auto_edit" | "autoEdit") => {
                    Some(Mode::AcceptEdits)
                }
                (_, "plan") => Some(Mode::Plan),
                (Vendor::Claude, "dontAsk") => Some(Mode::DenyRest),
                (Vendor::Claude, "auto") => Some(Mode::Classifier),
                (Vendor::Claude, "bypassPermissions") | (Vendor::Gemini, "yolo") => {
                    Some(Mode::Bypass)
                }
                _ => None,
            };
            Some(SourceMode {
                mode,
                shown: format!("`{}`", m.value),
                origin: m.origin,
                implied: false,
            })
        }
        Vendor::Codex => {
            if p.approval_policy.is_none() && p.sandbox_mode.is_none() {
                return None;
            }
            // Unset keys take Codex's defaults for a trusted project: `on-request` and
            // `workspace-write`, the looser reading (so whatever the target gets is no wider).
            let a = p.approval_policy.as_ref().map(|s| s.value.as_str());
            let s = p.sandbox_mode.as_ref().map(|s| s.value.as_str());
            let approval = a.unwrap_or("on-request");
            let sandbox = s.unwrap_or("workspace-write");
            let mode = if approval.starts_with('{') {
                Some(Mode::Granular)
            } else {
                match (approval, sandbox) {
                    ("untrusted", "read-only" | "workspace-write" | "danger-full-access") => {
                        Some(Mode::Default)
                    }
                    (_, "danger-full-access") => Some(Mode::Bypass),
                    ("on-request" | "on-failure", "read-only") => Some(Mode::Sandboxed {
                        writes: false,
                        outside_fails: false,
                    }),
                    ("on-request" | "on-failure", "workspace-write") => Some(Mode::Sandboxed {
                        writes: true,
                        outside_fails: false,
                    }),
                    ("never", "read-only") => Some(Mode::DenyRest),
                    ("never", "workspace-write") => Some(Mode::Sandboxed {
                        writes: true,
                        outside_fails: true,
                    }),
                    _ => None,
                }
            };
            let mut parts = Vec::new();
            if let Some(a) = &p.approval_policy {
                parts.push(format!("`approval_policy = {}`", toml_shown(&a.value)));
            }
            if let Some(s) = &p.sandbox_mode {
                parts.push(format!("`sandbox_mode = \"{}\"`", s.value));
            }
            let origin = p
                .approval_policy
                .as_ref()
                .or(p.sandbox_mode.as_ref())
                .map_or(p.origin, |x| x.origin);
            Some(SourceMode {
                mode,
                shown: parts.join(" with "),
                origin,
                implied: false,
            })
        }
    }
}

/// A Codex approval policy as written in TOML (the granular table is kept as JSON text).
fn toml_shown(v: &str) -> String {
    if v.starts_with('{') {
        "{ granular = ... }".to_string()
    } else {
        format!("\"{v}\"")
    }
}

/// The primary's rules, in Claude's syntax.
fn source_rules(p: &Planner<'_>, v: Vendor, perms: &Permissions) -> Vec<Rule> {
    let mut out = Vec::new();
    let lists = [
        (Kind::Allow, &perms.allow),
        (Kind::Ask, &perms.ask),
        (Kind::Deny, &perms.deny),
    ];
    for (kind, list) in lists {
        for r in list {
            out.push(match v {
                Vendor::Gemini => gemini_rule(p, kind, r),
                _ => Rule {
                    kind,
                    claude: Some(r.value.trim().to_string()),
                    shown: r.value.clone(),
                    origin: r.origin,
                    inert: false,
                },
            });
        }
    }
    out
}

/// A Gemini `tools.allowed` / `tools.exclude` entry in Claude's syntax.
fn gemini_rule(p: &Planner<'_>, kind: Kind, r: &Spanned<String>) -> Rule {
    let (tool, spec) = split_rule(&r.value);
    let mut rule = Rule {
        kind,
        claude: None,
        shown: r.value.clone(),
        origin: r.origin,
        inert: false,
    };
    let claude_tool = facts::claude_tool(Vendor::Gemini, tool);
    match (claude_tool, spec) {
        (Some("Bash"), Some(args)) => {
            // Gemini 0.61 turns an excluded `tool(args)` into a rule for a tool of that whole
            // name, which matches nothing; allowed ones are prefixes.
            rule.inert = kind == Kind::Deny;
            let args = args.trim();
            rule.claude = Some(if args.is_empty() {
                "Bash".to_string()
            } else {
                format!("Bash({args}:*)")
            });
        }
        (Some(c), None) => rule.claude = Some(c.to_string()),
        (_, Some(_)) => rule.inert = kind == Kind::Deny,
        (None, None) => {
            // `mcp_<server>_<tool>` for a Gemini server of the workspace; an unknown server is
            // not guessed (a deny rule converted wrongly would fail open).
            let servers = p
                .ws()
                .model
                .mcp_servers
                .iter()
                .filter(|s| s.vendor == Vendor::Gemini)
                .map(|s| s.name.value.as_str());
            if let Some((s, t)) = facts::gemini_mcp_tool(tool, servers) {
                rule.claude = Some(match t {
                    Some(t) => format!("mcp__{s}__{t}"),
                    None => format!("mcp__{s}"),
                });
            }
        }
    }
    rule
}

/// Plans the permissions of `primary` for `target`.
pub(crate) fn plan(p: &mut Planner<'_>, primary: Vendor, target: Vendor) {
    let path = settings_file(primary);
    let Some(perms) = p
        .ws()
        .model
        .permissions
        .iter()
        .find(|x| x.vendor == primary && x.scope == Scope::Project && x.path == path)
        .cloned()
    else {
        return;
    };
    let rules = source_rules(p, primary, &perms);
    let mut mode = source_mode(primary, &perms);
    // Rules that ask or deny only mean something against the mode they sit in: without one,
    // Claude Code and Gemini CLI ask before edits and commands (`default`).
    if mode.is_none() && rules.iter().any(|r| r.kind != Kind::Allow && !r.inert) {
        mode = Some(SourceMode {
            mode: Some(Mode::Default),
            shown: "no mode (`default`)".to_string(),
            origin: perms.origin,
            implied: true,
        });
    }
    let mut target_mode = None;
    if let Some(m) = &mode {
        target_mode = write_mode(p, target, m, &rules, path);
    }
    write_rules(p, target, target_mode, &rules, path);
    if let Some(first) = perms.additional_directories.first() {
        let dirs: Vec<String> = perms
            .additional_directories
            .iter()
            .map(|d| format!("`{}`", d.value))
            .collect();
        p.lose(Loss::field(
            target,
            first.origin,
            format!("additional directories {} of `{path}`", dirs.join(", ")),
            format!(
                "{} gets no extra directories from project settings here; it works in the workspace only (narrower)",
                target.display_name()
            ),
            "grant them in the target's own settings if the agent needs them",
        ));
    }
}

/// Writes the target's mode for the primary's `m`; returns how the target then behaves (None
/// when nothing was written).
fn write_mode(
    p: &mut Planner<'_>,
    target: Vendor,
    m: &SourceMode,
    rules: &[Rule],
    path: &str,
) -> Option<TargetMode> {
    let what = if m.implied {
        format!("the approval mode of `{path}` ({})", m.shown)
    } else {
        format!("approval mode {} of `{path}`", m.shown)
    };
    let Some(mode) = m.mode else {
        p.lose(
            Loss::field(
                target,
                m.origin,
                what,
                "aios-port does not know this mode",
                "use a documented mode",
            )
            .skip(),
        );
        return None;
    };
    let mapped = match map_mode(mode, target) {
        Ok(x) => tighten(x, rules),
        Err(why) => {
            p.lose(
                Loss::field(
                    target,
                    m.origin,
                    what,
                    format!("{} is not given this mode: {why}", target.display_name()),
                    "use a mode that asks (`acceptEdits`, `workspace-write`, `auto_edit`) and allow the specific commands the project needs",
                )
                .refuse(),
            );
            return None;
        }
    };
    let file = settings_file(target);
    for (key, value) in &mapped.values {
        match target {
            Vendor::Codex => p.toml_value(file, key, &json!(value)),
            Vendor::Claude => p.json_entry(file, &["permissions"], key, &json!(value)),
            Vendor::Gemini => p.json_entry(file, &["general"], key, &json!(value)),
        }
    }
    if let Some(why) = &mapped.note {
        let written: Vec<String> = mapped
            .values
            .iter()
            .map(|(k, v)| format!("`{k}` `{v}`"))
            .collect();
        p.lose(Loss::field(
            target,
            m.origin,
            what,
            format!("written as {}: {why}", written.join(" and ")),
            "none needed: the target is never looser than the source; adjust it by hand if you accept the difference",
        ));
    }
    Some(mapped.target_mode)
}

/// The rules (ask or deny, in effect in the source) that limit commands or edits.
fn limits(rules: &[Rule]) -> (Vec<&Rule>, Vec<&Rule>) {
    let live = rules
        .iter()
        .filter(|r| r.kind != Kind::Allow && !r.inert)
        .filter_map(|r| r.claude.as_deref().map(|c| (r, classify(c))));
    let mut commands = Vec::new();
    let mut edits = Vec::new();
    for (r, class) in live {
        match class {
            Class::Shell | Class::ShellAll => commands.push(r),
            Class::Edit { .. } => edits.push(r),
            _ => {}
        }
    }
    (commands, edits)
}

/// Narrows a mapped mode where the target cannot express a rule that limits commands or
/// edits: Codex's `workspace-write` sandbox would run a denied command or edit without asking,
/// Gemini's `auto_edit` would make an edit limited to some paths without asking.
fn tighten(mut m: Mapped, rules: &[Rule]) -> Mapped {
    let (commands, edits) = limits(rules);
    let shown = |rs: &[&Rule]| {
        rs.iter()
            .map(|r| format!("`{}`", r.shown))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match m.target_mode {
        TargetMode::CodexOnRequest { writes: true }
            if !commands.is_empty() || !edits.is_empty() =>
        {
            let named: Vec<&Rule> = commands.iter().chain(&edits).copied().collect();
            for v in &mut m.values {
                if v.0 == "sandbox_mode" {
                    v.1 = "read-only";
                }
            }
            m.target_mode = TargetMode::CodexOnRequest { writes: false };
            m.note = Some(format!(
                "Codex cannot deny or ask before {} in project settings, and its `workspace-write` sandbox would run them without asking; in `read-only` every edit and every command that changes files needs approval (narrower)",
                shown(&named)
            ));
        }
        TargetMode::GeminiAutoEdit => {
            let scoped: Vec<&Rule> = edits
                .iter()
                .copied()
                .filter(|r| {
                    r.kind == Kind::Ask
                        || r.claude.as_deref().is_some_and(|c| {
                            matches!(classify(c), Class::Edit { scoped: true, .. })
                        })
                })
                .collect();
            if !scoped.is_empty() {
                m.values = vec![("defaultApprovalMode", "default")];
                m.target_mode = TargetMode::GeminiDefault;
                m.note = Some(format!(
                    "Gemini CLI cannot limit edits to paths or ask before some of them ({}), and `auto_edit` would make them without asking; in `default` it asks before every edit (narrower)",
                    shown(&scoped)
                ));
            }
        }
        _ => {}
    }
    m
}

/// What happens to one ask or deny rule on a target.
enum Outcome {
    /// Written: the target's own spellings (Gemini tool names, Claude rules, Codex keys).
    Write(Vec<String>),
    /// Written more broadly than the source (narrower), with why.
    WriteBroader(Vec<String>, String),
    /// The target has no such tool: nothing to deny, nothing lost.
    Moot,
    /// Not written; the target still asks or refuses, with why.
    Lost(String),
    /// Not written and the target would let it happen: refused, with why.
    Refused(String),
}

/// Gemini tools for a Claude edit tool: Claude's `Edit` rules cover every tool that edits.
fn gemini_edit_tools(tool: &str) -> Vec<String> {
    match tool {
        "NotebookEdit" => Vec::new(),
        _ => vec!["replace".to_string(), "write_file".to_string()],
    }
}

/// The outcome of an ask or deny rule `class` on `target` in mode `tm`.
fn outcome(class: &Class, kind: Kind, target: Vendor, tm: TargetMode) -> Outcome {
    let asks_commands = "it asks before running any command that is not read-only";
    let read_why = "reads files and runs read-only commands such as `cat`, `grep` and `ls` without asking, so reading cannot be limited";
    match (target, class) {
        (Vendor::Claude, _) => Outcome::Moot,
        // ---- Gemini CLI
        (Vendor::Gemini, Class::ShellAll) if kind == Kind::Deny => {
            Outcome::Write(vec!["run_shell_command".into()])
        }
        (Vendor::Gemini, Class::ShellAll | Class::Shell) => Outcome::Lost(match (kind, tm) {
            (Kind::Deny, TargetMode::GeminiPlan) => "Gemini CLI 0.61 cannot deny one command in project settings (`tools.exclude` takes whole tools; workspace policies are disabled); in `plan` mode it runs no command that changes anything".into(),
            (Kind::Deny, _) => format!("Gemini CLI 0.61 cannot deny one command in project settings (`tools.exclude` takes whole tools; workspace policies are disabled); {asks_commands}"),
            _ => format!("Gemini CLI has no project ask rules; {asks_commands}"),
        }),
        (Vendor::Gemini, Class::Edit { tool, scoped }) => match (kind, scoped, tm) {
            (Kind::Deny, false, _) => {
                let tools = gemini_edit_tools(tool);
                if tools.is_empty() { Outcome::Moot } else { Outcome::Write(tools) }
            }
            (_, _, TargetMode::GeminiAutoEdit) => Outcome::Refused(
                "Gemini CLI in `auto_edit` edits files without asking and cannot limit that to paths".into(),
            ),
            (_, _, TargetMode::GeminiPlan) => Outcome::Lost("Gemini CLI has no path rules; in `plan` mode it edits no files".into()),
            _ => Outcome::Lost("Gemini CLI has no path rules; it asks before every edit".into()),
        },
        (Vendor::Gemini, Class::Read) => Outcome::Refused(format!("Gemini CLI {read_why}")),
        (Vendor::Gemini, Class::WebFetch { scoped }) => match (kind, scoped) {
            (Kind::Deny, false) => Outcome::Write(vec!["web_fetch".into()]),
            (Kind::Deny, true) => Outcome::WriteBroader(
                vec!["web_fetch".into()],
                "Gemini CLI cannot deny single domains in project settings, so every `web_fetch` is denied".into(),
            ),
            _ => Outcome::Lost("Gemini CLI has no project ask rules; it asks before fetching".into()),
        },
        (Vendor::Gemini, Class::WebSearch) => match kind {
            Kind::Deny => Outcome::Write(vec!["google_web_search".into()]),
            _ => Outcome::WriteBroader(
                vec!["google_web_search".into()],
                "Gemini CLI cannot ask before a web search, so `google_web_search` is denied".into(),
            ),
        },
        (Vendor::Gemini, Class::Mcp { server, tool }) => match kind {
            Kind::Deny => Outcome::Write(vec![match tool {
                Some(t) => format!("mcp_{server}_{t}"),
                None => format!("mcp_{server}_*"),
            }]),
            _ => Outcome::Lost("Gemini CLI has no project ask rules; it asks before MCP tool calls of servers that are not trusted".into()),
        },
        (Vendor::Gemini, Class::Other { tool, scoped }) => {
            match (crate::facts::model_tool(Vendor::Gemini, tool), scoped, kind) {
                (Some(None), _, _) => Outcome::Moot,
                (Some(Some(g)), false, Kind::Deny) => Outcome::Write(vec![g.to_string()]),
                (Some(Some(_)), _, Kind::Ask) => {
                    Outcome::Lost("Gemini CLI has no project ask rules".into())
                }
                _ => Outcome::Refused(format!(
                    "Gemini CLI cannot deny `{tool}`{} in project settings",
                    if *scoped { " for some uses only" } else { "" }
                )),
            }
        }
        // ---- Codex
        (Vendor::Codex, Class::ShellAll | Class::Shell) => match tm {
            TargetMode::CodexOnRequest { writes: true } => Outcome::Refused(
                "Codex cannot deny or ask before one command in project settings, and its `workspace-write` sandbox runs commands without asking".into(),
            ),
            TargetMode::CodexNever => Outcome::Lost("Codex keeps command rules in user-level rules files only (`~/.codex/rules`); with `never` and `read-only` it runs commands only where they change nothing".into()),
            _ => Outcome::Lost(format!(
                "Codex keeps command rules in user-level rules files only (`~/.codex/rules`); {}",
                "with `on-request` and `read-only` it runs a command without asking only where the command changes nothing, and asks before it writes files or reaches the network"
            )),
        },
        (Vendor::Codex, Class::Edit { .. }) => match tm {
            TargetMode::CodexNever => Outcome::Moot,
            TargetMode::CodexOnRequest { writes: true } => Outcome::Refused(
                "Codex cannot deny or ask before edits in project settings, and in `workspace-write` it edits without asking".into(),
            ),
            _ => Outcome::Lost("Codex cannot deny edits in project settings; in `read-only` it asks before every edit".into()),
        },
        (Vendor::Codex, Class::Read) => Outcome::Refused(format!("Codex {read_why}")),
        // Codex has no tool that fetches a URL; its sandbox keeps commands off the network.
        (Vendor::Codex, Class::WebFetch { .. }) => Outcome::Moot,
        (Vendor::Codex, Class::WebSearch) => match kind {
            Kind::Deny => Outcome::Write(vec!["disabled".into()]),
            _ => Outcome::WriteBroader(
                vec!["disabled".into()],
                "Codex cannot ask before a web search, so `web_search` is disabled".into(),
            ),
        },
        (Vendor::Codex, Class::Mcp { server, .. }) => Outcome::Refused(format!(
            "Codex cannot limit the tools of MCP server `{server}` from a permission rule (only `enabled_tools` / `disabled_tools` in its server table)"
        )),
        (Vendor::Codex, Class::Other { tool, .. }) => match crate::facts::model_tool(Vendor::Codex, tool) {
            Some(None) => Outcome::Moot,
            _ => Outcome::Refused(format!("Codex cannot deny or ask before `{tool}` in project settings")),
        },
    }
}

/// Writes or reports the rules for `target`.
fn write_rules(
    p: &mut Planner<'_>,
    target: Vendor,
    tm: Option<TargetMode>,
    rules: &[Rule],
    path: &str,
) {
    let allow: Vec<&Rule> = rules.iter().filter(|r| r.kind == Kind::Allow).collect();
    if let Some(first) = allow.first() {
        let names: Vec<String> = allow.iter().map(|r| format!("`{}`", r.shown)).collect();
        let why = match target {
            Vendor::Claude => "Claude Code asks instead (narrower): aios-port does not widen a target by porting allow rules".to_string(),
            Vendor::Codex => "Codex keeps command rules in user-level rules files only; these commands need approval whenever they change files (narrower)".to_string(),
            Vendor::Gemini => "Gemini CLI's `tools.allowed` is deprecated and would deny every other shell command; it asks instead (narrower)".to_string(),
        };
        p.lose(Loss::field(
            target,
            first.origin,
            format!("allow rules {} of `{path}`", names.join(", ")),
            why,
            match target {
                Vendor::Codex => "add `prefix_rule(pattern = [...], decision = \"allow\")` lines to ~/.codex/rules/default.rules",
                Vendor::Gemini => "add `[[rule]]` entries with `decision = \"allow\"` to ~/.gemini/policies/*.toml",
                Vendor::Claude => "add them to `permissions.allow` in .claude/settings.json",
            },
        ));
    }
    let mut written: Vec<String> = Vec::new();
    for r in rules.iter().filter(|r| r.kind != Kind::Allow) {
        let what = format!("{} rule `{}` of `{path}`", r.kind.word(), r.shown);
        if r.inert {
            // Gemini itself ignores it; porting the intent is narrower, never wider.
            if target == Vendor::Claude
                && let Some(c) = &r.claude
            {
                push_unique(&mut written, c.clone());
            }
            p.lose(Loss::field(
                target,
                r.origin,
                what,
                match (&r.claude, target) {
                    (Some(_), Vendor::Claude) => "Gemini CLI 0.61 ignores `tools.exclude` entries with arguments; Claude Code gets the deny rule it meant (narrower than what Gemini CLI enforces)".to_string(),
                    _ => "Gemini CLI 0.61 ignores `tools.exclude` entries with arguments, so it denies nothing to port".to_string(),
                },
                "deny the command in a user policy (~/.gemini/policies) for Gemini CLI",
            ));
            continue;
        }
        let Some(claude) = &r.claude else {
            p.lose(
                Loss::field(
                    target,
                    r.origin,
                    what,
                    format!(
                        "aios-port cannot tell which tool it names, so {} would not deny it",
                        target.display_name()
                    ),
                    "write the rule with a tool name aios-port knows",
                )
                .refuse(),
            );
            continue;
        };
        if target == Vendor::Claude {
            push_unique(&mut written, claude.clone());
            continue;
        }
        // With no mode written (refused or unknown), judge against the target's `default`.
        let tm = tm.unwrap_or(match target {
            Vendor::Codex => TargetMode::CodexOnRequest { writes: false },
            Vendor::Gemini => TargetMode::GeminiDefault,
            Vendor::Claude => TargetMode::Claude,
        });
        let help = match (target, r.kind) {
            (Vendor::Codex, Kind::Ask) => {
                "add a `prefix_rule(..., decision = \"prompt\")` to ~/.codex/rules/default.rules, or remove the rule"
            }
            (Vendor::Codex, _) => {
                "add a `prefix_rule(..., decision = \"forbidden\")` to ~/.codex/rules/default.rules, or remove the rule"
            }
            (_, Kind::Ask) => {
                "add a `[[rule]]` with `decision = \"ask_user\"` to ~/.gemini/policies/*.toml, or remove the rule"
            }
            _ => {
                "add a `[[rule]]` with `decision = \"deny\"` to ~/.gemini/policies/*.toml, or remove the rule"
            }
        };
        match outcome(&classify(claude), r.kind, target, tm) {
            Outcome::Write(names) => {
                for n in names {
                    push_unique(&mut written, n);
                }
            }
            Outcome::WriteBroader(names, why) => {
                for n in names {
                    push_unique(&mut written, n);
                }
                p.lose(Loss::field(
                    target,
                    r.origin,
                    what,
                    why,
                    "none needed (narrower)",
                ));
            }
            Outcome::Moot => {}
            Outcome::Lost(why) => p.lose(Loss::field(target, r.origin, what, why, help)),
            Outcome::Refused(why) => p.lose(
                Loss::field(
                    target,
                    r.origin,
                    what,
                    format!("{why}: writing the rest would widen what the source allows"),
                    help,
                )
                .refuse(),
            ),
        }
    }
    if written.is_empty() {
        return;
    }
    let file = settings_file(target);
    match target {
        Vendor::Claude => p.json_entry(file, &["permissions"], "deny", &json!(written)),
        Vendor::Gemini => p.json_entry(file, &["tools"], "exclude", &json!(written)),
        Vendor::Codex => {
            if written.iter().any(|w| w == "disabled") {
                p.toml_value(file, "web_search", &Value::String("disabled".into()));
            }
        }
    }
}

/// Appends `s` unless present.
fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::testing::{load, write};
    use crate::sync::{SyncOptions, lock::Lock, plan};

    /// Plans `primary` → `target` for the workspace at `root`.
    fn synced(root: &std::path::Path, target: Vendor) -> crate::sync::SyncPlan {
        let ws = load(root);
        let options = SyncOptions {
            to: vec![target],
            allow_lossy: true,
            ..SyncOptions::default()
        };
        plan(&ws, &options, Lock::default()).expect("plans")
    }

    /// The planned text of `path` (empty when it does not change).
    fn after<'a>(plan: &'a crate::sync::SyncPlan, path: &str) -> &'a str {
        plan.changes
            .iter()
            .find(|c| c.path == path)
            .map_or("", |c| c.after.as_str())
    }

    #[test]
    fn classify_rules() {
        assert_eq!(classify("Bash"), Class::ShellAll);
        assert_eq!(classify("Bash(*)"), Class::ShellAll);
        assert_eq!(classify("Bash(git push:*)"), Class::Shell);
        assert_eq!(classify("Read(./.env)"), Class::Read);
        assert_eq!(
            classify("Edit(./src/**)"),
            Class::Edit {
                tool: "Edit".into(),
                scoped: true
            }
        );
        assert_eq!(
            classify("mcp__github__create_issue"),
            Class::Mcp {
                server: "github".into(),
                tool: Some("create_issue".into())
            }
        );
        assert_eq!(
            classify("mcp__github"),
            Class::Mcp {
                server: "github".into(),
                tool: None
            }
        );
        assert_eq!(
            classify("WebFetch(domain:example.com)"),
            Class::WebFetch { scoped: true }
        );
    }

    #[test]
    fn modes_never_widen() {
        // Every Claude mode maps to a Codex mode that lets the agent change no more unprompted.
        let codex = |m| map_mode(m, Vendor::Codex).map(|x| x.values);
        assert_eq!(
            codex(Mode::AcceptEdits).ok(),
            Some(vec![
                ("approval_policy", "on-request"),
                ("sandbox_mode", "workspace-write")
            ])
        );
        assert_eq!(
            codex(Mode::Default).ok(),
            Some(vec![
                ("approval_policy", "on-request"),
                ("sandbox_mode", "read-only")
            ])
        );
        assert_eq!(
            codex(Mode::DenyRest).ok(),
            Some(vec![
                ("approval_policy", "never"),
                ("sandbox_mode", "read-only")
            ])
        );
        assert!(codex(Mode::Bypass).is_err());
        let gemini = |m| map_mode(m, Vendor::Gemini).map(|x| x.values);
        assert_eq!(
            gemini(Mode::AcceptEdits).ok(),
            Some(vec![("defaultApprovalMode", "auto_edit")])
        );
        assert_eq!(
            gemini(Mode::DenyRest).ok(),
            Some(vec![("defaultApprovalMode", "plan")])
        );
        // Codex running commands in its sandbox unprompted never becomes a mode that runs
        // them unprompted elsewhere.
        let claude = |m| map_mode(m, Vendor::Claude).map(|x| x.values);
        assert_eq!(
            claude(Mode::Sandboxed {
                writes: true,
                outside_fails: false
            })
            .ok(),
            Some(vec![("defaultMode", "acceptEdits")])
        );
        assert_eq!(
            claude(Mode::Sandboxed {
                writes: true,
                outside_fails: true
            })
            .ok(),
            Some(vec![("defaultMode", "dontAsk")])
        );
    }

    #[test]
    fn claude_to_codex_and_gemini() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            ".claude/settings.json",
            r#"{"permissions": {"defaultMode": "acceptEdits",
                "allow": ["Bash(npm test:*)"],
                "deny": ["Bash(rm -rf:*)", "WebSearch", "WebFetch"]}}"#,
        );
        let codex = synced(t.path(), Vendor::Codex);
        let config = after(&codex, ".codex/config.toml");
        assert_eq!(
            config,
            "approval_policy = \"on-request\"\nsandbox_mode = \"read-only\"\nweb_search = \"disabled\"\n"
        );
        assert!(
            codex.losses.iter().all(|l| !l.refused),
            "{:?}",
            codex.losses
        );
        assert!(
            codex
                .losses
                .iter()
                .any(|l| l.what == "deny rule `Bash(rm -rf:*)` of `.claude/settings.json`")
        );
        let gemini = synced(t.path(), Vendor::Gemini);
        let settings: Value =
            serde_json::from_str(after(&gemini, ".gemini/settings.json")).expect("json");
        assert_eq!(settings["general"]["defaultApprovalMode"], "auto_edit");
        assert_eq!(
            settings["tools"]["exclude"],
            json!(["google_web_search", "web_fetch"])
        );
        assert!(gemini.losses.iter().all(|l| !l.refused));
    }

    #[test]
    fn rules_tighten_the_mode() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            ".claude/settings.json",
            r#"{"permissions": {"defaultMode": "acceptEdits"}}"#,
        );
        let codex = synced(t.path(), Vendor::Codex);
        assert!(after(&codex, ".codex/config.toml").contains("sandbox_mode = \"workspace-write\""));
        write(
            t.path(),
            ".claude/settings.json",
            r#"{"permissions": {"defaultMode": "acceptEdits", "deny": ["Edit(./migrations/**)"]}}"#,
        );
        // Codex would edit without asking in `workspace-write`; Gemini in `auto_edit`.
        let codex = synced(t.path(), Vendor::Codex);
        assert!(after(&codex, ".codex/config.toml").contains("sandbox_mode = \"read-only\""));
        let gemini = synced(t.path(), Vendor::Gemini);
        let settings: Value =
            serde_json::from_str(after(&gemini, ".gemini/settings.json")).expect("json");
        assert_eq!(settings["general"]["defaultApprovalMode"], "default");
        assert!(
            gemini.losses.iter().all(|l| !l.refused),
            "{:?}",
            gemini.losses
        );
        assert!(
            codex.losses.iter().all(|l| !l.refused),
            "{:?}",
            codex.losses
        );
    }

    #[test]
    fn bypass_and_unlimitable_reads_are_refused() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            ".claude/settings.json",
            r#"{"permissions": {"defaultMode": "bypassPermissions", "deny": ["Read(./.env)"]}}"#,
        );
        for target in [Vendor::Codex, Vendor::Gemini] {
            let plan = synced(t.path(), target);
            let refused: Vec<&str> = plan
                .losses
                .iter()
                .filter(|l| l.refused)
                .map(|l| l.what.as_str())
                .collect();
            assert_eq!(
                refused,
                [
                    "approval mode `bypassPermissions` of `.claude/settings.json`",
                    "deny rule `Read(./.env)` of `.claude/settings.json`"
                ],
                "{target}"
            );
            assert!(
                !plan
                    .changes
                    .iter()
                    .any(|c| c.path.starts_with(".codex") && c.after.contains("never"))
            );
        }
    }

    #[test]
    fn codex_to_claude_and_gemini() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            ".codex/config.toml",
            "approval_policy = \"on-request\"\nsandbox_mode = \"workspace-write\"\n",
        );
        let claude = synced(t.path(), Vendor::Claude);
        let settings: Value =
            serde_json::from_str(after(&claude, ".claude/settings.json")).expect("json");
        assert_eq!(settings["permissions"]["defaultMode"], "acceptEdits");
        let gemini = synced(t.path(), Vendor::Gemini);
        let settings: Value =
            serde_json::from_str(after(&gemini, ".gemini/settings.json")).expect("json");
        assert_eq!(settings["general"]["defaultApprovalMode"], "auto_edit");
        // Danger-full-access without `untrusted` is a bypass.
        write(
            t.path(),
            ".codex/config.toml",
            "approval_policy = \"never\"\nsandbox_mode = \"danger-full-access\"\n",
        );
        let claude = synced(t.path(), Vendor::Claude);
        assert!(claude.losses.iter().any(|l| l.refused));
        assert!(after(&claude, ".claude/settings.json").is_empty());
    }

    #[test]
    fn gemini_excludes_become_claude_denies() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            ".gemini/settings.json",
            r#"{"general": {"defaultApprovalMode": "default"},
                "tools": {"exclude": ["web_fetch", "run_shell_command(git push)"]}}"#,
        );
        let claude = synced(t.path(), Vendor::Claude);
        let settings: Value =
            serde_json::from_str(after(&claude, ".claude/settings.json")).expect("json");
        assert_eq!(settings["permissions"]["defaultMode"], "default");
        assert_eq!(
            settings["permissions"]["deny"],
            json!(["WebFetch", "Bash(git push:*)"])
        );
        assert!(claude.losses.iter().all(|l| !l.refused));
    }
}
