//! AP204 `unsupported-hook`: A hook uses an event, handler type or option another vendor of the workspace lacks.

use crate::check::rules::ap205_guard_fails_open::{flag, list, short_command};
use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts;
use crate::model::{Hook, HookHandlerType, Scope};
use crate::source::Origin;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// A hook uses an event, handler type or option another vendor of the workspace lacks.
pub struct UnsupportedHook;

static META: RuleMeta = RuleMeta {
    code: "AP204",
    name: "unsupported-hook",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "A hook uses an event, handler type or option another vendor of the workspace lacks.",
    doc: DOC,
    from_loader: false,
};

/// The nearest equivalent of an event a vendor lacks (neutral event, vendor, advice).
const NEAREST: &[(&str, Vendor, &str)] = &[
    (
        "PostToolUseFailure",
        Vendor::Codex,
        "the nearest is `PostToolUse`, which Codex also fires after a failed shell command",
    ),
    (
        "PostToolUseFailure",
        Vendor::Gemini,
        "the nearest is `AfterTool`, whose input carries `tool_response.error` on failure",
    ),
    (
        "Notification",
        Vendor::Codex,
        "the nearest is the `notify` program of the user's `~/.codex/config.toml` (not allowed in a project config)",
    ),
    (
        "PermissionRequest",
        Vendor::Gemini,
        "Gemini's `Notification` hook sees `ToolPermission` prompts but cannot answer them",
    ),
    (
        "PostCompact",
        Vendor::Gemini,
        "the nearest is `PreCompress`, which runs before compression",
    ),
];

/// One thing vendor `vendor` cannot express. `note` and `label` say `{B}` where the vendors
/// go: the same reason for several vendors is reported once, naming them all.
struct Reason {
    vendor: Vendor,
    /// Short name of the construct (`the \`Notification\` event`, `\`async\``).
    what: String,
    /// What happens there.
    note: String,
    /// Where the construct is written.
    at: Origin,
    /// Label there.
    label: &'static str,
    /// What to do about it.
    fix: &'static str,
}

/// The value of handler key `key`, if written.
fn extra<'h>(h: &'h Hook, key: &str) -> Option<&'h crate::read::tree::Extra> {
    h.extra.iter().find(|e| e.key == key)
}

/// "a" or "an" before a handler type.
fn article(t: &str) -> &'static str {
    if t.starts_with(['a', 'e', 'i', 'o', 'u', 'h', 'm']) {
        "an"
    } else {
        "a"
    }
}

/// What vendor `b` cannot express of hook `h`. `sequential` is reported only on the first hook
/// of its group (`seen` holds the groups already reported).
fn reasons(h: &Hook, b: Vendor, seen: &[Origin]) -> Vec<Reason> {
    let mut out = Vec::new();
    let neutral = facts::neutral_event(h.vendor, &h.event.value);
    if neutral.and_then(|n| facts::event_for(b, n)).is_none() {
        let nearest = neutral
            .and_then(|n| NEAREST.iter().find(|(e, v, _)| *e == n && *v == b))
            .map_or(
                "it has no equivalent; `aios-port sync` reports it as a loss",
                |(_, _, advice)| advice,
            );
        out.push(Reason {
            vendor: b,
            what: format!("the `{}` event", h.event.value),
            note: format!("in {{B}} there is no `{}` event, so the hook never runs there: {nearest}", h.event.value),
            at: h.event.origin,
            label: "no such event in {B}",
            fix: "keep the hook for its own vendor and, where a note names a nearest equivalent, write that by hand (`aios-port sync` reports the rest as a loss)",
        });
        return out;
    }
    let t = h.handler_type.value.as_str();
    if !matches!(h.handler_type.value, HookHandlerType::Unknown(_))
        && !facts::runs_handler_type(b, t)
    {
        let how = match (b, t) {
            (Vendor::Codex, "http") => {
                "`http` handlers are rejected (a load error in `config.toml`, a skipped `hooks.json`)"
            }
            (Vendor::Codex, _) => "`prompt` and `agent` handlers are parsed but skipped",
            _ => "only `command` handlers run",
        };
        out.push(Reason {
            vendor: b,
            what: format!("{} `{t}` handler", article(t)),
            note: format!(
                "in {{B}}, {how}, so the hook never runs there{}",
                if t == "http" {
                    " (a `command` hook can post the input with `curl`)"
                } else {
                    ""
                }
            ),
            at: h.handler_type.origin,
            label: "not run by {B}",
            fix: "rewrite the hook as a `command` hook",
        });
        return out;
    }
    // The options below are Claude's (Codex parses `async`); Claude runs them as meant.
    let claude_options = b != Vendor::Claude;
    if claude_options
        && flag(h, "async")
        && let Some(e) = extra(h, "async")
    {
        let (note, label) = match b {
            Vendor::Codex => (
                "in {B}, handlers with `async` are parsed and skipped, so the hook as written never runs there (`aios-port sync` drops `async`: the synced hook runs in the foreground)",
                "skipped by {B}",
            ),
            _ => (
                "in {B} there is no `async`: the hook runs in the foreground and the agent waits for it",
                "ignored by {B}",
            ),
        };
        out.push(Reason {
            vendor: b,
            what: "`async`".into(),
            note: note.into(),
            at: e.origin,
            label,
            fix: "remove `async` so that every vendor runs the hook the same way (in the foreground), or keep the hook for its own vendor only",
        });
    } else if claude_options
        && flag(h, "asyncRewake")
        && let Some(e) = extra(h, "asyncRewake")
    {
        out.push(Reason {
            vendor: b,
            what: "`asyncRewake`".into(),
            note: "in {B} there is no `asyncRewake`: the hook runs in the foreground and the agent waits for it, instead of running in the background and waking the agent on exit 2".into(),
            at: e.origin,
            label: "ignored by {B}",
            fix: "accept that other vendors wait for the hook, or keep it for Claude Code only",
        });
    }
    if claude_options
        && let Some(e) = extra(h, "if")
        && let Some(cond) = e.value.as_str()
    {
        out.push(Reason {
            vendor: b,
            what: "an `if` condition".into(),
            note: format!("in {{B}}, hooks have no `if` condition: the hook runs on every call its matcher selects, not only on `{cond}`"),
            at: e.origin,
            label: "ignored by {B}",
            fix: "test the condition inside the command and exit 0 early when it does not apply",
        });
    }
    if claude_options
        && let Some(e) = extra(h, "args")
        && e.value.as_array().is_some_and(|a| !a.is_empty())
    {
        out.push(Reason {
            vendor: b,
            what: "`args`".into(),
            note: "in {B} there is no exec form: `args` is ignored and `command` runs alone through the shell".into(),
            at: e.origin,
            label: "ignored by {B}",
            fix: "write the whole command line in `command`",
        });
    }
    if claude_options
        && let Some(e) = extra(h, "shell")
        && e.value.as_str() == Some("powershell")
    {
        out.push(Reason {
            vendor: b,
            what: "`shell: \"powershell\"`".into(),
            note: "in {B}, hook commands run in the default shell, not PowerShell".into(),
            at: e.origin,
            label: "ignored by {B}",
            fix: "call PowerShell explicitly in the command (`pwsh -File script.ps1`)",
        });
    }
    if claude_options
        && let Some(e) = extra(h, "onFailure")
        && e.value.as_str() == Some("block")
    {
        out.push(Reason {
            vendor: b,
            what: "`onFailure: \"block\"`".into(),
            note: "in {B} there is no `onFailure`: when the hook crashes or times out, the call proceeds instead of being blocked".into(),
            at: e.origin,
            label: "ignored by {B}",
            fix: "make the command itself exit 2 when it cannot do its check, so that it fails closed everywhere",
        });
    }
    if b != Vendor::Gemini
        && let Some(e) = h.group_extra.iter().find(|e| e.key == "sequential")
        && e.value == serde_json::Value::Bool(true)
        && !seen.contains(&e.origin)
    {
        out.push(Reason {
            vendor: b,
            what: "`sequential`".into(),
            note: "in {B}, the hooks of a matcher group run in parallel: their order, and each hook seeing the previous one's `tool_input` changes, are lost".into(),
            at: e.origin,
            label: "ignored by {B}",
            fix: "merge the hooks of the group into one command that runs them in order",
        });
    }
    out
}

/// `items` in first-seen order without repeats.
fn unique<T: PartialEq + Clone>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

impl Rule for UnsupportedHook {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors: Vec<Vendor> = cx.vendors().iter().collect();
        let mut sequential_seen: Vec<Origin> = Vec::new();
        for h in &ws.model.hooks {
            if h.scope != Scope::Project
                || !vendors.contains(&h.vendor)
                // Personal settings are never synced to another vendor.
                || ws.sources.get(h.origin.file).path.ends_with(".local.json")
                // An event its own vendor does not fire is a validity problem, not a portability one.
                || !facts::hook_events(h.vendor).contains(&h.event.value.as_str())
            {
                continue;
            }
            let rs: Vec<Reason> = vendors
                .iter()
                .filter(|b| **b != h.vendor)
                .flat_map(|b| reasons(h, *b, &sequential_seen))
                .collect();
            sequential_seen.extend(rs.iter().filter(|r| r.what == "`sequential`").map(|r| r.at));
            let Some(first) = rs.first() else { continue };
            let whats = unique(rs.iter().map(|r| r.what.clone()));
            let bs = unique(rs.iter().map(|r| r.vendor.display_name().to_string()));
            let mut d = Diagnostic::new(
                META.code,
                META.severity,
                first.at,
                format!(
                    "{} `{}` hook {} uses {}, which {} cannot express",
                    h.vendor.display_name(),
                    h.event.value,
                    short_command(h),
                    list(&whats),
                    list(&bs)
                ),
            );
            // The vendors of each (place, label) and of each note.
            let vendors_of = |pred: &dyn Fn(&Reason) -> bool| {
                list(&unique(
                    rs.iter()
                        .filter(|r| pred(r))
                        .map(|r| r.vendor.display_name().to_string()),
                ))
            };
            let places = unique(rs.iter().map(|r| r.at));
            for (i, o) in places.iter().enumerate() {
                let labels: Vec<String> = unique(rs.iter().filter(|r| r.at == *o).map(|r| r.label))
                    .into_iter()
                    .map(|l| {
                        l.replace("{B}", &vendors_of(&|r: &Reason| r.at == *o && r.label == l))
                    })
                    .collect();
                let text = labels.join("; ");
                d = if i == 0 {
                    d.with_label(text)
                } else {
                    d.with_secondary(*o, text)
                };
            }
            for n in unique(rs.iter().map(|r| r.note.clone())) {
                let who = vendors_of(&|r: &Reason| r.note == n);
                d = d.with_note(n.replace("{B}", &who));
            }
            let fixes = unique(rs.iter().map(|r| r.fix));
            d = d.with_help(fixes.join("; "));
            cx.report(d);
        }
    }
}

const DOC: &str = r#"## What it does
Checks every project hook against the other vendors of the workspace (those configured in it,
or `primary` and `targets` in `aios-port.toml`) and reports, in one finding per hook, what each
of them cannot express:

- a lifecycle event it does not have (Claude `Notification`, `PermissionDenied`, `FileChanged`,
  ... for Codex; Gemini `BeforeModel`, `AfterModel`, `BeforeToolSelection` for Claude and Codex;
  Claude `PermissionRequest` for Gemini), with the nearest equivalent when there is one;
- a handler type it does not run (`http`, `prompt`, `agent` for Codex and Gemini; `mcp_tool`
  for Gemini);
- an option it ignores with a visible effect: `async` (Codex skips async handlers; Gemini runs
  them in the foreground), `asyncRewake`, `if` conditions (the hook runs on every matching call),
  the exec form `args`, `shell: "powershell"`, `onFailure: "block"`, Gemini `sequential`.

Hooks in personal settings (`.claude/settings.local.json`) are not judged: they are never synced.

## Why is this bad?
After a switch of vendor the hook silently does not run, or runs differently: a formatter never
fires, an audit blocks every edit, a check runs on every command instead of only on `git push`.

## Example
```json .claude/settings.json
{"hooks": {"Notification": [{"hooks": [{"type": "command", "command": "notify-send 'Claude needs you'"}]}],
  "PostToolUse": [{"matcher": "Edit|Write", "hooks": [{"type": "command", "command": "make fmt", "async": true}]}]}}
```
```toml .codex/config.toml
model = "gpt-5"
```
Use instead:
```json .claude/settings.json
{"hooks": {"PostToolUse": [{"matcher": "Edit|Write", "hooks": [{"type": "command", "command": "make fmt"}]}]}}
```
```toml .codex/config.toml
model = "gpt-5"
```

## How to fix
Use events, handler types and options every vendor of the workspace has, or keep the hook for
one vendor and write the equivalent for the others by hand. `aios-port sync` converts what can
be converted and lists what it drops as losses.

## References
- https://code.claude.com/docs/en/hooks
- https://developers.openai.com/codex/hooks
- https://geminicli.com/docs/hooks/reference
"#;

#[cfg(test)]
mod tests {
    use crate::check::rules::ap205_guard_fails_open::tests::run;
    use crate::vendor::Vendor;

    const ALL: &[Vendor] = &[Vendor::Claude, Vendor::Codex, Vendor::Gemini];

    #[test]
    fn sequential_is_reported_once_per_group() {
        let s = r#"{"hooks": {"BeforeTool": [{"matcher": "write_file", "sequential": true, "hooks": [
            {"type": "command", "command": "a"}, {"type": "command", "command": "b"}]}]}}"#;
        let d = run("AP204", &[(".gemini/settings.json", s)], ALL);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.contains("`a`"));
    }

    #[test]
    fn claude_options_are_only_reported_for_the_other_vendors() {
        // A Codex hook with `async`: Claude runs async hooks, Gemini does not.
        let s = r#"{"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "x", "async": true}]}]}}"#;
        let d = run("AP204", &[(".codex/hooks.json", s)], ALL);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].message.ends_with("which Gemini CLI cannot express"),
            "{d:#?}"
        );
        // Without another vendor there is nothing to report.
        assert!(run("AP204", &[(".codex/hooks.json", s)], &[Vendor::Codex]).is_empty());
    }

    #[test]
    fn unknown_events_are_left_to_validity_rules() {
        let s = r#"{"hooks": {"PreCommit": [{"hooks": [{"type": "command", "command": "pnpm fix"}]}]}}"#;
        assert!(run("AP204", &[(".codex/hooks.json", s)], ALL).is_empty());
    }
}
