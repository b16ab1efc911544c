//! AP205 `guard-fails-open`: A blocking hook would fail open on another vendor: the tool call it guards would run unchecked.
//!
//! The module owns the analysis of a guard hook shared with AP204: what its command and
//! script can answer ([`Answers`]), whether it is a guard at all ([`GuardKind`]), and how
//! each vendor evaluates its matcher ([`Matcher`]).

use std::sync::OnceLock;

use regex::Regex;

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts;
use crate::model::{Hook, HookHandlerType, Scope};
use crate::source::Origin;
use crate::vendor::{Vendor, VendorSet};
use crate::workspace::Workspace;

/// A blocking hook would fail open on another vendor: the tool call it guards would run unchecked.
pub struct GuardFailsOpen;

static META: RuleMeta = RuleMeta {
    code: "AP205",
    name: "guard-fails-open",
    category: Category::Portability,
    severity: Severity::Error,
    summary: "A blocking hook would fail open on another vendor: the tool call it guards would run unchecked.",
    doc: DOC,
    from_loader: false,
};

/// Whether handler key `key` is set to `true`.
pub(crate) fn flag(h: &Hook, key: &str) -> bool {
    h.extra
        .iter()
        .any(|e| e.key == key && e.value == serde_json::Value::Bool(true))
}

/// What the hook runs, shortened for a message: the command, or the URL, prompt or MCP tool
/// of other handler types.
pub(crate) fn short_command(h: &Hook) -> String {
    let text = h.command.as_ref().map(|c| c.value.clone()).or_else(|| {
        ["url", "prompt", "tool"].iter().find_map(|k| {
            h.extra
                .iter()
                .find(|e| e.key == *k)
                .and_then(|e| e.value.as_str().map(str::to_string))
        })
    });
    let Some(text) = text else {
        return format!("({} handler)", h.handler_type.value.as_str());
    };
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = one_line.chars().take(50).collect();
    if s.len() < one_line.len() {
        s.push('…');
    }
    format!("`{s}`")
}

/// Lists names as "`a`, `b` and `c`".
pub(crate) fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Something a hook can answer, and where that answer is written.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The value (`ask`, `deny`, ...) or the construct (`exit 2`).
    pub value: String,
    /// Where: inside the script, or the command.
    pub at: Origin,
}

/// What a hook's command and script can answer, found conservatively in their text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Answers {
    /// `hookSpecificOutput.permissionDecision` values (`allow`, `deny`, `ask`, `defer`).
    pub permission_decision: Vec<Found>,
    /// Top-level `decision` values (`approve`, `block`, `deny`, `ask`, ...).
    pub decision: Vec<Found>,
    /// Exits with code 2 (blocks in every vendor).
    pub exit2: Option<Found>,
    /// Answers `continue: false`.
    pub continue_false: Option<Found>,
    /// Writes a `permissionDecisionReason`.
    pub has_reason: bool,
    /// The whole text was seen: the script was read, or the command runs nothing else.
    pub complete: bool,
}

impl Answers {
    /// Whether any answer blocks or asks.
    fn blocks(&self) -> bool {
        self.exit2.is_some()
            || self.continue_false.is_some()
            || self
                .permission_decision
                .iter()
                .any(|f| matches!(f.value.as_str(), "deny" | "ask" | "defer"))
            || self
                .decision
                .iter()
                .any(|f| matches!(f.value.as_str(), "block" | "deny" | "ask" | "defer"))
    }

    fn permission(&self, values: &[&str]) -> Option<&Found> {
        self.permission_decision
            .iter()
            .find(|f| values.contains(&f.value.as_str()))
    }

    fn top_level(&self, values: &[&str]) -> Option<&Found> {
        self.decision
            .iter()
            .find(|f| values.contains(&f.value.as_str()))
    }
}

/// Patterns over hook text: `permissionDecision` value, top-level `decision` value, exit 2,
/// `continue: false`. They accept JSON, JS/Python object syntax and shell-escaped JSON.
fn patterns() -> &'static [Regex; 4] {
    static P: OnceLock<[Regex; 4]> = OnceLock::new();
    P.get_or_init(|| {
        // Constant, tested patterns: compiling them cannot fail.
        let re = |p: &str| Regex::new(p).expect("constant regex");
        [
            re(r#"permissionDecision\\?["']?\s*[:=]\s*\\?["'](allow|deny|ask|defer)\b"#),
            re(r#"(?:^|[^A-Za-z0-9_.])decision\\?["']?\s*[:=]\s*\\?["'](approve|allow|block|deny|ask|defer)\b"#),
            re(r"(?:\bexit\s*\(?\s*2\b|\bexitCode\s*=\s*2\b|\bExit\(\s*2\s*\))"),
            re(r#"\bcontinue\\?["']?\s*[:=]\s*(?:false|False)\b"#),
        ]
    })
}

/// Programs whose invocation cannot answer a hook decision (they print, log or notify); a
/// command made only of these is seen whole.
const TRIVIAL_PROGRAMS: &[&str] = &[
    "echo",
    "printf",
    "cat",
    "tee",
    "date",
    "logger",
    "touch",
    "true",
    ":",
    "say",
    "afplay",
    "notify-send",
    "osascript",
    "terminal-notifier",
    "mkdir",
    "sleep",
    "tput",
];

/// Whether a command runs nothing but [`TRIVIAL_PROGRAMS`] (no script, no interpreter, no
/// command substitution).
fn self_contained(command: &str) -> bool {
    if command.contains("$(") || command.contains('`') {
        return false;
    }
    command
        .split(['\n', ';', '|', '&'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .all(|seg| {
            let first = seg.split_whitespace().next().unwrap_or("");
            TRIVIAL_PROGRAMS.contains(&first)
        })
}

/// Scans `text` (whose source is `src` at `base`, when the text is written verbatim there).
fn scan(a: &mut Answers, text: &str, locate: &dyn Fn(&str, usize) -> Origin) {
    let [perm, decision, exit2, cont] = patterns();
    for c in perm.captures_iter(text) {
        if let (Some(m), Some(v)) = (c.get(0), c.get(1)) {
            a.permission_decision.push(Found {
                value: v.as_str().to_string(),
                at: locate(m.as_str(), m.start()),
            });
        }
    }
    for c in decision.captures_iter(text) {
        if let (Some(m), Some(v)) = (c.get(0), c.get(1)) {
            let s = m
                .as_str()
                .trim_start_matches(|ch: char| !ch.is_ascii_alphanumeric());
            a.decision.push(Found {
                value: v.as_str().to_string(),
                at: locate(s, m.end() - s.len()),
            });
        }
    }
    if a.exit2.is_none()
        && let Some(m) = exit2.find(text)
    {
        a.exit2 = Some(Found {
            value: "exit 2".into(),
            at: locate(m.as_str(), m.start()),
        });
    }
    if a.continue_false.is_none()
        && let Some(m) = cont.find(text)
    {
        a.continue_false = Some(Found {
            value: "continue: false".into(),
            at: locate(m.as_str(), m.start()),
        });
    }
    a.has_reason |= text.contains("permissionDecisionReason");
}

/// What hook `h` can answer, from its inline command and its script (when read).
pub(crate) fn answers(ws: &Workspace, h: &Hook) -> Answers {
    let mut a = Answers::default();
    if let Some(c) = &h.command {
        let src = ws.sources.get(c.origin.file).slice(&c.origin);
        let locate = |m: &str, _: usize| match src.find(m) {
            Some(i) => Origin::new(
                c.origin.file,
                c.origin.start as usize + i..c.origin.start as usize + i + m.len(),
            ),
            None => c.origin,
        };
        scan(&mut a, &c.value, &locate);
        a.complete = self_contained(&c.value);
    }
    if let Some(id) = h.script {
        let text = &ws.sources.get(id).text;
        let locate = |m: &str, start: usize| Origin::new(id, start..start + m.len());
        scan(&mut a, text, &locate);
        a.complete = true;
    }
    a
}

/// Whether a hook guards a tool call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GuardKind {
    /// Its text blocks, denies or asks.
    Blocks,
    /// Its text could not be seen (a script outside the workspace, a program): on a blocking
    /// event it is presumed to be a guard.
    Unknown,
    /// It cannot block: it runs in the background, or its whole text answers nothing.
    NotAGuard,
}

/// The [`GuardKind`] of a hook on a blocking event, given its [`Answers`].
pub(crate) fn guard_kind(h: &Hook, a: &Answers) -> GuardKind {
    if flag(h, "async") {
        GuardKind::NotAGuard
    } else if a.blocks()
        // A model deciding before the tool call is a guard by construction.
        || matches!(h.handler_type.value, HookHandlerType::Prompt | HookHandlerType::Agent)
    {
        GuardKind::Blocks
    } else if a.complete {
        GuardKind::NotAGuard
    } else {
        GuardKind::Unknown
    }
}

/// A hook matcher as one vendor evaluates it.
#[derive(Debug, Clone)]
pub(crate) enum Matcher {
    /// Omitted, `""` or `"*"`.
    All,
    /// A list of exact names.
    Exact(Vec<String>),
    /// An unanchored regular expression.
    Regex(Regex),
    /// A regex this vendor rejects: the handler never runs.
    Rejected,
    /// A regex aios-port cannot evaluate (JavaScript syntax the Rust engine lacks).
    Opaque,
}

impl Matcher {
    /// How vendor `v` reads `matcher` on a tool event.
    pub(crate) fn parse(v: Vendor, matcher: Option<&str>) -> Matcher {
        let Some(m) = matcher else {
            return Matcher::All;
        };
        let m = if v == Vendor::Gemini { m.trim() } else { m };
        if m.is_empty() || m == "*" {
            return Matcher::All;
        }
        let exact = match v {
            // Claude: only `[A-Za-z0-9_\- ,|]` means a list of names split on `|` or `,`.
            Vendor::Claude => m
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' ' | ',' | '|')),
            // Codex: `[A-Za-z0-9_|]` is an exact list split on `|`.
            Vendor::Codex => m
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '|')),
            // Gemini: always a regex (a literal when it does not compile).
            Vendor::Gemini => false,
        };
        if exact {
            let names = m
                .split(|c| c == '|' || (v == Vendor::Claude && c == ','))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            return Matcher::Exact(names);
        }
        match Regex::new(m) {
            Ok(re) => Matcher::Regex(re),
            Err(_) => match v {
                Vendor::Codex => Matcher::Rejected,
                Vendor::Gemini if !m.contains("(?") => Matcher::Exact(vec![m.to_string()]),
                _ => Matcher::Opaque,
            },
        }
    }

    /// Whether the matcher selects a tool known under any of `names`.
    pub(crate) fn selects(&self, names: &[&str]) -> bool {
        match self {
            Matcher::All => true,
            Matcher::Exact(list) => names.iter().any(|n| list.iter().any(|l| l == n)),
            Matcher::Regex(re) => names.iter().any(|n| re.is_match(n)),
            Matcher::Rejected | Matcher::Opaque => false,
        }
    }
}

/// Whether `aios-port sync` can translate matcher `written` name by name: a list of plain
/// names (any vendor), as opposed to a regular expression.
fn translatable(own: &Matcher, written: Option<&str>) -> bool {
    matches!(own, Matcher::All | Matcher::Exact(_))
        || written.is_some_and(|w| {
            w.trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '|')
        })
}

/// An MCP tool name used to probe regular-expression matchers (Claude and Codex spelling).
const MCP_PROBE: &str = "mcp__srv__tool";

/// Gemini's spelling of MCP tool `mcp__server__tool`: `mcp_server_tool`.
fn gemini_mcp(name: &str) -> String {
    let rest = name.strip_prefix("mcp__").unwrap_or(name);
    match rest.split_once("__") {
        Some((server, tool)) => format!("mcp_{server}_{tool}"),
        None => format!("mcp_{rest}"),
    }
}

/// The names vendor `v`'s hooks see for Claude tool `claude` (Codex `apply_patch` also
/// answers to `Edit` and `Write`; MCP tools keep their name, spelled `mcp_server_tool` by
/// Gemini). None: `v` cannot intercept it.
fn hook_names(v: Vendor, claude: &str) -> Option<Vec<String>> {
    if claude.starts_with("mcp__") {
        return Some(vec![if v == Vendor::Gemini {
            gemini_mcp(claude)
        } else {
            claude.to_string()
        }]);
    }
    let n = facts::tool_for(v, claude)?;
    Some(if n == "apply_patch" {
        vec!["apply_patch".into(), "Edit".into(), "Write".into()]
    } else {
        vec![n.to_string()]
    })
}

/// Whether matcher `m` selects a tool known under any of `names`.
fn selects_any(m: &Matcher, names: &[String]) -> bool {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    m.selects(&names)
}

/// The tools (Claude names; MCP tools as `mcp__server__tool`) the matcher of hook `h` selects
/// for its own vendor. None: every tool (a catch-all), or a matcher aios-port cannot evaluate.
fn selected_tools(h: &Hook) -> Option<Vec<String>> {
    let m = Matcher::parse(h.vendor, h.matcher.as_ref().map(|m| m.value.as_str()));
    if matches!(m, Matcher::All | Matcher::Opaque | Matcher::Rejected) {
        return None;
    }
    // The tools the hook's own vendor can intercept, and an MCP tool.
    let probes: Vec<&'static str> = facts::TOOLS
        .iter()
        .map(|t| t.0)
        .chain(std::iter::once(MCP_PROBE))
        .filter(|t| h.vendor == Vendor::Claude || hook_names(h.vendor, t).is_some())
        .collect();
    let mut selected: Vec<String> = probes
        .iter()
        .filter(|t| match h.vendor {
            Vendor::Claude => m.selects(&[t]),
            v => hook_names(v, t).is_some_and(|n| selects_any(&m, &n)),
        })
        .map(|t| t.to_string())
        .collect();
    if selected.len() == probes.len() {
        return None;
    }
    // A Claude list of exact MCP names selects those tools.
    if h.vendor == Vendor::Claude
        && let Matcher::Exact(list) = &m
    {
        selected.extend(list.iter().filter(|n| n.starts_with("mcp__")).cloned());
    }
    Some(selected)
}

/// The vendors that run hook `h` and how: `(vendor, as_is)`. Project hooks reach the other
/// vendors of the workspace through `aios-port sync` (names translated); plugin hooks are
/// loaded as written by every vendor that loads the plugin.
fn targets(ws: &Workspace, h: &Hook, vendors: VendorSet) -> Vec<(Vendor, bool)> {
    let others = [Vendor::Codex, Vendor::Gemini]
        .into_iter()
        .filter(|v| *v != h.vendor && vendors.contains(*v));
    match &h.scope {
        // Personal settings are never synced to another vendor.
        Scope::Project if ws.sources.get(h.origin.file).path.ends_with(".local.json") => Vec::new(),
        Scope::Project if vendors.contains(h.vendor) => others.map(|v| (v, false)).collect(),
        Scope::Plugin(root) => others
            .filter(|v| {
                ws.model
                    .plugins
                    .iter()
                    .any(|p| &p.root == root && p.loaded_by.contains(*v))
            })
            .map(|v| (v, true))
            .collect(),
        _ => Vec::new(),
    }
}

/// One way the guard fails open in one vendor.
struct Case {
    vendor: Vendor,
    /// What happens there (a note).
    note: String,
    /// Where the cause is written, with a label.
    at: Option<(Origin, String)>,
    /// The cause is the matcher (its label goes there).
    on_matcher: bool,
    /// Which fix applies.
    fix: Fix,
}

/// The fix a case calls for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fix {
    /// Enforce the rule outside the hook (or drop the vendor).
    Interception,
    /// Rewrite the matcher or the hook for the vendor, as the text says.
    Hook(&'static str),
    /// Answer in a form the vendor honours.
    Answer(&'static str),
}

/// Blocking with exit code 2 works in every vendor.
const EXIT2: &str = "block by exiting with code 2 and the reason on stderr, which Claude Code, Codex and Gemini CLI all honour";

/// The ways guard `h` (answering `a`) fails open in vendor `b`, which loads it as written
/// (`as_is`) or receives it through `aios-port sync`.
fn vendor_cases(h: &Hook, a: &Answers, kind: GuardKind, b: Vendor, as_is: bool) -> Vec<Case> {
    let bn = b.display_name();
    let mut cases = Vec::new();
    let matcher_at = h.matcher.as_ref().map(|m| m.origin);
    // The file is loaded as written: the event and handler type must exist there.
    if as_is {
        if !facts::hook_events(b).contains(&h.event.value.as_str()) {
            let theirs = facts::neutral_event(h.vendor, &h.event.value)
                .and_then(|n| facts::event_for(b, n))
                .map(|e| format!(" (its event is `{e}`)"))
                .unwrap_or_default();
            cases.push(Case {
                vendor: b,
                note: format!(
                    "{bn} loads this plugin's hooks file as written, but has no `{}` event{theirs}: the guard never runs there",
                    h.event.value
                ),
                at: Some((h.event.origin, format!("no `{}` event in {bn}", h.event.value))),
                on_matcher: false,
                fix: Fix::Hook("ship a hooks file in each loading vendor's own format, with its event and tool names"),
            });
            return cases;
        }
        let t = h.handler_type.value.as_str();
        if !facts::runs_handler_type(b, t) {
            cases.push(Case {
                vendor: b,
                note: format!("{bn} loads this plugin's hooks file but skips `{t}` handlers: the guard never runs there"),
                at: Some((h.handler_type.origin, format!("{bn} skips `{t}` hooks"))),
                on_matcher: false,
                fix: Fix::Hook("make the guard a `command` hook that exits with code 2 to block"),
            });
            return cases;
        }
    }
    // Matchers (tool guards of Claude and Gemini).
    if facts::neutral_event(h.vendor, &h.event.value) == Some("PreToolUse")
        && h.vendor != Vendor::Codex
        && kind != GuardKind::NotAGuard
        && let Some(tools) = selected_tools(h)
    {
        let written = h.matcher.as_ref().map(|m| m.value.as_str());
        let theirs = Matcher::parse(b, written);
        let own = Matcher::parse(h.vendor, written);
        let mut unseen: Vec<String> = Vec::new();
        let mut missed: Vec<String> = Vec::new();
        for t in tools {
            let Some(names) = hook_names(b, &t) else {
                // Gemini lacks the tool itself: nothing runs unchecked.
                if b == Vendor::Codex {
                    // Named as the hook's own vendor names it.
                    let own_name = match h.vendor {
                        Vendor::Gemini => facts::tool_for(Vendor::Gemini, &t).unwrap_or(&t),
                        _ => &t,
                    };
                    unseen.push(format!("`{own_name}`"));
                }
                continue;
            };
            if (as_is || !translatable(&own, written)) && !selects_any(&theirs, &names) {
                for n in names {
                    let n = format!("`{n}`");
                    if !missed.contains(&n) {
                        missed.push(n);
                    }
                }
            }
        }
        if !unseen.is_empty() {
            cases.push(Case {
                vendor: b,
                note: format!(
                    "{bn} hooks only intercept shell commands (`Bash`), file edits (`apply_patch`) and MCP tools: in {bn} the {} calls this guard checks run unchecked",
                    list(&unseen)
                ),
                at: matcher_at.map(|o| (o, format!("{bn} hooks cannot intercept {}", list(&unseen)))),
                on_matcher: true,
                fix: Fix::Interception,
            });
        }
        if !missed.is_empty() {
            let w = written.unwrap_or("");
            let why = match (&theirs, &own) {
                (Matcher::Rejected, _) => {
                    format!("{bn} rejects the matcher `{w}` as an invalid regular expression")
                }
                (Matcher::Regex(_), Matcher::Exact(_)) if b == Vendor::Codex => format!(
                    "{bn} reads `{w}` as a regular expression, not as a list of names (its lists are split on `|` only)"
                ),
                (Matcher::Exact(_), _) => format!("{bn} reads `{w}` as a list of exact names"),
                _ => format!("{bn} reads `{w}` as a regular expression over its own tool names"),
            };
            cases.push(Case {
                vendor: b,
                note: format!(
                    "{why}, which matches none of the names {bn} gives these tools ({}): the guard never runs for them there",
                    missed.join(", ")
                ),
                at: matcher_at.map(|o| (o, format!("matches no {bn} tool name"))),
                on_matcher: true,
                fix: if as_is {
                    Fix::Hook("use a matcher every vendor reads the same way: exact tool names joined with `|`, such as `Edit|Write`")
                } else {
                    Fix::Hook("write the hook for the other vendor by hand with its own tool names: `aios-port sync` translates only lists of exact tool names")
                },
            });
        }
    }
    // Answers.
    let label = |f: &Found, what: &str| Some((f.at, what.to_string()));
    match b {
        Vendor::Codex => {
            if let Some(f) = a.permission(&["ask"]) {
                cases.push(Case {
                    vendor: b,
                    note: format!("{bn} does not support `permissionDecision: \"ask\"`: it marks the hook failed and runs the tool without asking"),
                    at: label(f, "answers `ask`"),
                    on_matcher: false,
                    fix: Fix::Answer("where Codex must stop the call, answer `deny` with a `permissionDecisionReason` instead of `ask`"),
                });
            }
            if let Some(f) = a.permission(&["defer"]).or_else(|| a.top_level(&["defer"])) {
                cases.push(Case {
                    vendor: b,
                    note: format!("`defer` is not a {bn} decision: the output is invalid, the hook is marked failed and the tool runs"),
                    at: label(f, "answers `defer`"),
                    on_matcher: false,
                    fix: Fix::Answer("where Codex must stop the call, answer `deny` with a `permissionDecisionReason` instead of `defer`"),
                });
            }
            if let Some(f) = a.top_level(&["deny", "ask"]) {
                cases.push(Case {
                    vendor: b,
                    note: format!(
                        "{bn} accepts only `approve` or `block` as a top-level `decision`: `\"{}\"` makes the output invalid, the hook is marked failed and the tool runs",
                        f.value
                    ),
                    at: label(f, &format!("answers `decision: \"{}\"`", f.value)),
                    on_matcher: false,
                    fix: Fix::Answer("answer `\"decision\": \"block\"` with a `reason`, which Gemini CLI, Codex and Claude Code all accept"),
                });
            }
            if let Some(f) = &a.continue_false {
                cases.push(Case {
                    vendor: b,
                    note: format!("{bn} does not support `continue: false` in a pre-tool hook: it marks the hook failed and runs the tool"),
                    at: label(f, "answers `continue: false`"),
                    on_matcher: false,
                    fix: Fix::Answer(EXIT2),
                });
            }
            if a.complete
                && !a.has_reason
                && let Some(f) = a.permission(&["deny"])
            {
                cases.push(Case {
                    vendor: b,
                    note: format!("{bn} requires a non-empty `permissionDecisionReason` with `deny`; without one it marks the hook failed and runs the tool"),
                    at: label(f, "`deny` without a reason"),
                    on_matcher: false,
                    fix: Fix::Answer("add a non-empty `permissionDecisionReason` to every `deny`"),
                });
            }
        }
        Vendor::Gemini => {
            let dual = a.top_level(&["block", "deny"]).is_some();
            if !dual && let Some(f) = a.permission(&["deny", "ask", "defer"]) {
                cases.push(Case {
                    vendor: b,
                    note: format!(
                        "{bn} reads only the top-level `decision` and ignores `hookSpecificOutput.permissionDecision`: where this hook answers `{}`, {bn} runs the tool",
                        f.value
                    ),
                    at: label(f, &format!("answers `{}` through `permissionDecision`", f.value)),
                    on_matcher: false,
                    fix: Fix::Answer("also print a top-level `\"decision\": \"block\"` with a `reason` (Claude Code and Codex accept it too), or exit with code 2 and the reason on stderr"),
                });
            }
        }
        Vendor::Claude => {}
    }
    cases
}

impl Rule for GuardFailsOpen {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors = cx.vendors();
        for h in &ws.model.hooks {
            if !matches!(
                facts::neutral_event(h.vendor, &h.event.value),
                Some("PreToolUse" | "PermissionRequest")
            ) {
                continue;
            }
            let targets = targets(ws, h, vendors);
            if targets.is_empty() {
                continue;
            }
            let a = answers(ws, h);
            let kind = guard_kind(h, &a);
            if kind == GuardKind::NotAGuard {
                continue;
            }
            let cases: Vec<Case> = targets
                .iter()
                .flat_map(|(b, as_is)| vendor_cases(h, &a, kind, *b, *as_is))
                .collect();
            if cases.is_empty() {
                continue;
            }
            report(cx, h, kind, &cases);
        }
    }
}

/// Why guard `h` would fail open once `aios-port sync` writes it for `target` (empty: it would
/// not). `sync` refuses such hooks with these reasons, so `sync` and `check` agree.
pub(crate) fn sync_fail_open(ws: &Workspace, h: &Hook, target: Vendor) -> Vec<String> {
    if !matches!(
        facts::neutral_event(h.vendor, &h.event.value),
        Some("PreToolUse" | "PermissionRequest")
    ) {
        return Vec::new();
    }
    let a = answers(ws, h);
    let kind = guard_kind(h, &a);
    if kind == GuardKind::NotAGuard {
        return Vec::new();
    }
    vendor_cases(h, &a, kind, target, false)
        .into_iter()
        .map(|c| c.note)
        .collect()
}

fn report(cx: &mut LintContext<'_>, h: &Hook, kind: GuardKind, cases: &[Case]) {
    let mut vendors: Vec<Vendor> = Vec::new();
    for c in cases {
        if !vendors.contains(&c.vendor) {
            vendors.push(c.vendor);
        }
    }
    let names: Vec<String> = vendors
        .iter()
        .map(|v| v.display_name().to_string())
        .collect();
    let primary = cases
        .iter()
        .filter(|c| c.at.is_some())
        .min_by_key(|c| !c.on_matcher)
        .and_then(|c| c.at.clone())
        .unwrap_or_else(|| {
            let at = h.command.as_ref().map_or(h.origin, |c| c.origin);
            (
                at,
                format!("guard declared for {}", h.vendor.display_name()),
            )
        });
    let mut d = Diagnostic::new(
        META.code,
        META.severity,
        primary.0,
        format!(
            "{} `{}` guard {} would fail open in {}",
            h.vendor.display_name(),
            h.event.value,
            short_command(h),
            list(&names)
        ),
    )
    .with_label(primary.1.clone());
    let mut labelled = vec![primary.0];
    for c in cases {
        if let Some((o, l)) = &c.at
            && !labelled.contains(o)
        {
            labelled.push(*o);
            d = d.with_secondary(*o, l.clone());
        }
    }
    // The hook's declaration is shown even when every cause is in its script.
    if !labelled.iter().any(|o| o.file == h.origin.file) {
        let at = h.command.as_ref().map_or(h.origin, |c| c.origin);
        d = d.with_secondary(at, format!("the {} guard", h.vendor.display_name()));
    }
    for c in cases {
        d = d.with_note(c.note.clone());
    }
    if kind == GuardKind::Unknown {
        d = d.with_note(
            "aios-port cannot see what this hook answers (what it runs is not in the workspace); it runs before the tool call, so it is treated as a guard",
        );
    }
    let mut help: Vec<String> = Vec::new();
    for c in cases {
        if let Fix::Answer(text) = c.fix
            && !help.iter().any(|h| h == text)
        {
            help.push(text.to_string());
        }
    }
    if !help.is_empty() && !help.iter().any(|h| h.contains("code 2")) {
        help.push(format!("or {EXIT2}"));
    }
    for c in cases {
        if let Fix::Hook(text) = c.fix
            && !help.iter().any(|h| h == text)
        {
            help.push(text.to_string());
        }
    }
    if cases.iter().any(|c| c.fix == Fix::Interception) {
        help.push(
            "enforce the rule for those tools another way in Codex (`sandbox_mode`, permission profiles), or remove Codex from `targets` in `aios-port.toml`".into(),
        );
    }
    d = d.with_help(help.join("; "));
    cx.report(d);
}

const DOC: &str = r#"## What it does
Finds blocking hooks (guard-rails on `PreToolUse` / `BeforeTool` / `PermissionRequest`) that
would let the tool call run unchecked in another vendor of the workspace:

- the matcher names tools Codex hooks cannot intercept (`Read`, `Glob`, `Grep`, `LS`,
  `WebFetch`, `WebSearch`, ...: Codex hooks only see `Bash`, `apply_patch` and MCP tools);
- the matcher is one the other vendor evaluates differently (a Claude list such as
  `Edit,Write` is a regular expression matching nothing in Codex; a regular expression over
  Claude tool names matches no Gemini tool name);
- the hook answers something the other vendor does not honour: `permissionDecision: "ask"` or
  `"defer"` (Codex marks the hook failed and runs the tool), a top-level `decision: "deny"`
  (invalid in Codex), `continue: false` (unsupported in a Codex pre-tool hook), `deny` without a
  `permissionDecisionReason` (Codex), or any `hookSpecificOutput.permissionDecision` (Gemini
  reads only the top-level `decision`);
- a plugin's hooks file is loaded as written by a vendor that lacks the event or handler type.

What a hook answers is read from its inline command and from the script it runs when that script
is in the workspace. A hook that runs in the background (`async`) or whose whole text answers
nothing is not a guard. A hook whose script cannot be read is treated as a guard. Project hooks
are judged against the other vendors of the workspace (except personal
`.claude/settings.local.json` hooks, which are never synced); plugin hooks against the vendors
of the workspace that load the plugin, which run its hooks file as written.

## Why is this bad?
A guard that silently stops guarding is worse than no guard: the workspace looks protected, and
after a switch of vendor the command it was meant to stop runs.

## Example
```json .claude/settings.json
{"hooks": {"PreToolUse": [{"matcher": "Read|Bash", "hooks": [
  {"type": "command", "command": "echo '{\"hookSpecificOutput\": {\"hookEventName\": \"PreToolUse\", \"permissionDecision\": \"ask\"}}'"}]}]}}
```
```toml .codex/config.toml
model = "gpt-5"
```
Use instead:
```json .claude/settings.json
{"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [
  {"type": "command", "command": "echo 'blocked: ask a human' >&2; exit 2"}]}]}}
```
```toml .codex/config.toml
model = "gpt-5"
```

## How to fix
Block with exit code 2 and a reason on stderr (honoured by all three vendors), or answer `deny`
with a `permissionDecisionReason`. Guard only tools the other vendor can intercept, and enforce
the rest another way there (Codex `sandbox_mode`, permission profiles). If the workspace does not
need the other vendor, remove it from `targets` in `aios-port.toml`.

## References
- https://code.claude.com/docs/en/hooks
- https://developers.openai.com/codex/hooks
- https://geminicli.com/docs/hooks/reference
"#;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn matchers_per_vendor() {
        let claude = Matcher::parse(Vendor::Claude, Some("Edit, Write"));
        assert!(claude.selects(&["Write"]));
        let codex = Matcher::parse(Vendor::Codex, Some("Edit,Write"));
        assert!(!codex.selects(&["apply_patch", "Edit", "Write"]));
        let codex = Matcher::parse(Vendor::Codex, Some("Edit|Write"));
        assert!(codex.selects(&["apply_patch", "Edit", "Write"]));
        assert!(!Matcher::parse(Vendor::Codex, Some("Bash")).selects(&["BashOutput"]));
        assert!(Matcher::parse(Vendor::Gemini, Some("write_file|replace")).selects(&["replace"]));
        assert!(matches!(
            Matcher::parse(Vendor::Codex, Some("(?!x)")),
            Matcher::Rejected
        ));
        assert!(matches!(
            Matcher::parse(Vendor::Claude, Some("(?!x)")),
            Matcher::Opaque
        ));
        assert!(matches!(
            Matcher::parse(Vendor::Gemini, Some(" * ")),
            Matcher::All
        ));
    }

    #[test]
    fn answers_are_found_in_json_js_python_and_escaped_shell() {
        let [perm, decision, exit2, cont] = patterns();
        let cap = |re: &Regex, s: &str| {
            re.captures(s)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string())
        };
        assert_eq!(
            cap(perm, r#"{"permissionDecision": "ask"}"#).as_deref(),
            Some("ask")
        );
        assert_eq!(
            cap(perm, r#"permissionDecision: 'defer',"#).as_deref(),
            Some("defer")
        );
        assert_eq!(
            cap(perm, r#"echo "{\"permissionDecision\":\"ask\"}""#).as_deref(),
            Some("ask")
        );
        assert_eq!(
            cap(
                decision,
                r#"print(json.dumps({"decision": "block", "reason": r}))"#
            )
            .as_deref(),
            Some("block")
        );
        assert_eq!(cap(decision, r#"{"permissionDecision": "deny"}"#), None);
        assert_eq!(cap(decision, r#"{"decision": {"behavior": "deny"}}"#), None);
        assert!(
            exit2.is_match("  exit 2\n")
                && exit2.is_match("sys.exit(2)")
                && exit2.is_match("process.exit(2)")
        );
        assert!(!exit2.is_match("exit 20") && !exit2.is_match("exit 0"));
        assert!(cont.is_match(r#"{"continue": false}"#) && !cont.is_match("continue\n"));
    }

    /// Findings of this rule on a workspace made of `files`, judged against `vendors`.
    pub(crate) fn run(code: &str, files: &[(&str, &str)], vendors: &[Vendor]) -> Vec<Diagnostic> {
        let t = tempfile::tempdir().expect("tempdir");
        for (path, text) in files {
            let p = t.path().join(path);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        }
        let ws = Workspace::load(t.path(), &Default::default()).expect("loads");
        let options = crate::check::CheckOptions {
            selection: crate::check::RuleSelection::new(&[code], &[] as &[&str]).expect("code"),
            vendors: Some(VendorSet::of(vendors)),
        };
        crate::check::check(&ws, &options)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == code)
            .collect()
    }

    const BOTH: &[Vendor] = &[Vendor::Claude, Vendor::Codex, Vendor::Gemini];

    fn settings(matcher: &str, handler: &str) -> String {
        format!(
            r#"{{"hooks": {{"PreToolUse": [{{"matcher": "{matcher}", "hooks": [{handler}]}}]}}}}"#
        )
    }

    #[test]
    fn unreadable_script_on_an_unhookable_tool_is_presumed_a_guard() {
        let s = settings(
            "Glob",
            r#"{"type": "command", "command": "/opt/guards/glob-guard"}"#,
        );
        let d = run("AP205", &[(".claude/settings.json", &s)], BOTH);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.contains("would fail open in Codex"));
        assert!(d[0].notes.iter().any(|n| n.contains("treated as a guard")));
    }

    #[test]
    fn background_and_logging_hooks_are_not_guards() {
        let s = settings(
            "Read",
            r#"{"type": "command", "command": "./audit.sh", "async": true}"#,
        );
        assert!(run("AP205", &[(".claude/settings.json", &s)], BOTH).is_empty());
        let s = settings(
            "Read",
            r#"{"type": "command", "command": "echo read >> .claude/reads.log"}"#,
        );
        assert!(run("AP205", &[(".claude/settings.json", &s)], BOTH).is_empty());
        let s = settings(
            "Read",
            r#"{"type": "command", "command": "bash .claude/hooks/log.sh"}"#,
        );
        let files = [
            (".claude/settings.json", s.as_str()),
            (".claude/hooks/log.sh", "cat >> .claude/reads.log\n"),
        ];
        assert!(run("AP205", &files, BOTH).is_empty());
    }

    #[test]
    fn vendors_outside_the_workspace_are_not_judged() {
        let s = settings("Read", r#"{"type": "command", "command": "exit 2"}"#);
        assert!(
            run(
                "AP205",
                &[(".claude/settings.json", &s)],
                &[Vendor::Claude, Vendor::Gemini]
            )
            .is_empty()
        );
    }

    #[test]
    fn plugin_hooks_are_judged_as_written_by_the_vendors_loading_the_plugin() {
        let manifest = r#"{"name": "p", "version": "1.0.0"}"#;
        // Exact MCP names and `|` lists read the same in Codex: no finding.
        let hooks = r#"{"hooks": {"PreToolUse": [
            {"matcher": "mcp__github__merge_pull_request|Edit|Write", "hooks": [{"type": "command", "command": "exit 2"}]}]}}"#;
        let files = [
            (".claude-plugin/plugin.json", manifest),
            ("hooks/hooks.json", hooks),
        ];
        assert!(run("AP205", &files, BOTH).is_empty());
        // A Gemini extension loading a Claude-format hooks file has no `PreToolUse` event.
        let files = [
            (".claude-plugin/plugin.json", manifest),
            (
                "gemini-extension.json",
                r#"{"name": "p", "version": "1.0.0"}"#,
            ),
            ("hooks/hooks.json", hooks),
        ];
        let d = run("AP205", &files, BOTH);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].notes
                .iter()
                .any(|n| n.contains("no `PreToolUse` event")),
            "{d:#?}"
        );
    }

    #[test]
    fn regex_matchers_are_checked_against_gemini_names() {
        let s = settings(
            "^(Bash|Edit)$",
            r#"{"type": "command", "command": "exit 2"}"#,
        );
        let d = run("AP205", &[(".claude/settings.json", &s)], BOTH);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].message.matches("Gemini CLI").count(), 1, "{d:#?}");
        assert!(
            d[0].notes[0].contains("`run_shell_command`, `replace`"),
            "{d:#?}"
        );
        // Codex evaluates the same regex over `Bash` and the `Edit` alias of `apply_patch`.
        assert!(!d[0].message.contains("Codex"));
    }

    #[test]
    fn trivial_commands_are_seen_whole() {
        assert!(self_contained("echo \"$TOOL_INPUT\" >> .claude/log.txt"));
        assert!(!self_contained("python3 guard.py"));
        assert!(!self_contained("echo $(./x.sh)"));
    }
}
