//! Hooks in each vendor's spelling (FORMATS.md §3): events renamed (`PreToolUse` ↔
//! `BeforeTool`), matcher tool names mapped (`Bash` ↔ `run_shell_command`), timeouts converted
//! (seconds ↔ Gemini milliseconds), project-directory variables rewritten. A blocking hook that
//! would fail open on the target is refused.

use serde_json::{Map, Value, json};

use crate::facts;
use crate::model::{Hook, TimeoutUnit};
use crate::vendor::Vendor;
use crate::write::Loss;

/// Tools named by a simple matcher (`Edit|Write`, `Bash`); None for wildcards and regexes.
fn matcher_tools(m: &str) -> Option<Vec<&str>> {
    let m = m.trim();
    if m.is_empty() || m == "*" || m == ".*" {
        return None;
    }
    m.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '|' | ',' | ' ' | '-'))
        .then(|| {
            m.split(['|', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
}

/// The Claude name of a tool of `v`, including MCP tools (`mcp__s__t` / Gemini `mcp_s_t`).
fn neutral_tool(v: Vendor, t: &str) -> Option<String> {
    if t.starts_with("mcp__") {
        return Some(t.to_string());
    }
    if v == Vendor::Gemini
        && let Some(rest) = t.strip_prefix("mcp_")
        && let Some((server, tool)) = rest.split_once('_')
    {
        return Some(format!("mcp__{server}__{tool}"));
    }
    facts::claude_tool(v, t).map(str::to_string)
}

/// A neutral tool name as `target` spells it in a matcher.
fn target_tool(target: Vendor, neutral: &str) -> Option<String> {
    if let Some(rest) = neutral.strip_prefix("mcp__") {
        return Some(match target {
            Vendor::Gemini => format!("mcp_{}", rest.replacen("__", "_", 1)),
            _ => neutral.to_string(),
        });
    }
    match target {
        // Codex matches `Edit` and `Write` as aliases of apply_patch: keep the Claude name.
        Vendor::Codex => facts::tool_for(Vendor::Codex, neutral).map(|_| neutral.to_string()),
        _ => facts::tool_for(target, neutral).map(str::to_string),
    }
}

/// The command with the project-directory variable `target` provides.
fn command_for(cmd: &str, target: Vendor) -> String {
    match target {
        Vendor::Codex => cmd
            .replace("${CLAUDE_PROJECT_DIR}", "$(git rev-parse --show-toplevel)")
            .replace("$CLAUDE_PROJECT_DIR", "$(git rev-parse --show-toplevel)")
            .replace("${GEMINI_PROJECT_DIR}", "$(git rev-parse --show-toplevel)")
            .replace("$GEMINI_PROJECT_DIR", "$(git rev-parse --show-toplevel)"),
        Vendor::Claude => cmd
            .replace("${GEMINI_PROJECT_DIR}", "${CLAUDE_PROJECT_DIR}")
            .replace("$GEMINI_PROJECT_DIR", "$CLAUDE_PROJECT_DIR"),
        // Gemini sets CLAUDE_PROJECT_DIR as an alias of GEMINI_PROJECT_DIR.
        Vendor::Gemini => cmd.to_string(),
    }
}

/// The `hooks` object `target` needs for `hooks` (all of one source vendor), plus losses.
/// `fail_open` says why a guard would fail open on the target (the `guard-fails-open` rule's
/// judgement, so that `sync` refuses exactly what `check` reports).
pub fn hooks_for(
    hooks: &[&Hook],
    target: Vendor,
    fail_open: &dyn Fn(&Hook) -> Vec<String>,
    losses: &mut Vec<Loss>,
) -> Value {
    let mut events: Map<String, Value> = Map::new();
    for h in hooks {
        let Some(handler) = handler_for(h, target, fail_open, losses) else {
            continue;
        };
        let Some(event) = facts::neutral_event(h.vendor, &h.event.value)
            .and_then(|n| facts::event_for(target, n))
        else {
            continue;
        };
        // Only tool events match tool names; lifecycle matchers (`startup`, `manual`, agent
        // types) are the same words for every vendor.
        let tool_event = facts::neutral_event(h.vendor, &h.event.value).is_some_and(|n| {
            matches!(
                n,
                "PreToolUse" | "PostToolUse" | "PostToolUseFailure" | "PermissionRequest"
            )
        });
        let matcher = match &h.matcher {
            Some(m) if !tool_event => Some(m.value.clone()),
            Some(m) => match matcher_tools(&m.value) {
                Some(tools) => {
                    let mapped: Vec<String> = tools
                        .iter()
                        .filter_map(|t| {
                            neutral_tool(h.vendor, t).and_then(|n| target_tool(target, &n))
                        })
                        .collect();
                    let mut uniq: Vec<String> = Vec::new();
                    for t in mapped {
                        if !uniq.contains(&t) {
                            uniq.push(t);
                        }
                    }
                    Some(uniq.join("|"))
                }
                None => Some(m.value.clone()),
            },
            None => None,
        };
        let groups = events
            .entry(event.to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        let Value::Array(groups) = groups else {
            continue;
        };
        let same_group = groups
            .last_mut()
            .filter(|g| g.get("matcher").and_then(Value::as_str) == matcher.as_deref());
        match same_group {
            Some(g) => {
                if let Some(Value::Array(hs)) = g.get_mut("hooks") {
                    hs.push(handler);
                }
            }
            None => {
                let mut g = Map::new();
                if let Some(m) = matcher {
                    g.insert("matcher".into(), json!(m));
                }
                g.insert("hooks".into(), json!([handler]));
                groups.push(Value::Object(g));
            }
        }
    }
    Value::Object(events)
}

fn handler_for(
    h: &Hook,
    target: Vendor,
    fail_open: &dyn Fn(&Hook) -> Vec<String>,
    losses: &mut Vec<Loss>,
) -> Option<Value> {
    let src = h.vendor.display_name();
    let Some(neutral) = facts::neutral_event(h.vendor, &h.event.value) else {
        losses.push(
            Loss::field(
                target,
                h.event.origin,
                format!("{src} `{}` hook", h.event.value),
                "the event exists only for its vendor",
                "none: keep it for that vendor only",
            )
            .skip(),
        );
        return None;
    };
    if facts::event_for(target, neutral).is_none() {
        losses.push(
            Loss::field(
                target,
                h.event.origin,
                format!("`{}` hook", h.event.value),
                format!("{} has no `{neutral}` event", target.display_name()),
                "none: the hook runs only where the event exists",
            )
            .skip(),
        );
        return None;
    }
    let ty = h.handler_type.value.as_str();
    let blocking = matches!(
        neutral,
        "PreToolUse" | "PermissionRequest" | "UserPromptSubmit" | "Stop"
    );
    if !facts::runs_handler_type(target, ty) {
        let loss = Loss::field(
            target,
            h.handler_type.origin,
            format!("`{ty}` handler of a `{}` hook", h.event.value),
            format!(
                "{} runs only {} handlers",
                target.display_name(),
                if target == Vendor::Codex {
                    "`command` and `mcp_tool`"
                } else {
                    "`command`"
                }
            ),
            "rewrite the handler as a command",
        );
        losses.push(if blocking && neutral == "PreToolUse" {
            loss.refuse()
        } else {
            loss.skip()
        });
        return None;
    }
    // Guard-rails that would fail open.
    let reasons = fail_open(h);
    if !reasons.is_empty() {
        losses.push(
            Loss::field(
                target,
                h.matcher.as_ref().map_or(h.origin, |m| m.origin),
                format!("`{}` guard `{}`", h.event.value, h.command.as_ref().map_or("", |c| c.value.as_str())),
                reasons.join("; "),
                "see `aios-port explain guard-fails-open`; keep this guard for its vendor only, or make it work there",
            )
            .refuse(),
        );
        return None;
    }
    let mut out = Map::new();
    out.insert("type".into(), json!(ty));
    if let Some(c) = &h.command {
        out.insert("command".into(), json!(command_for(&c.value, target)));
    }
    if let Some(t) = &h.timeout {
        let unit = if target == Vendor::Gemini {
            TimeoutUnit::Millis
        } else {
            TimeoutUnit::Seconds
        };
        let v = match unit {
            TimeoutUnit::Millis => json!(t.ms),
            TimeoutUnit::Seconds if t.ms.is_multiple_of(1000) => json!(t.ms / 1000),
            // Claude and Codex want whole seconds; round up so the hook keeps its time.
            TimeoutUnit::Seconds => json!(t.ms.div_ceil(1000)),
        };
        out.insert("timeout".into(), v);
    }
    for e in &h.extra {
        let keep = match (target, e.key.as_str()) {
            (Vendor::Claude | Vendor::Codex, "statusMessage") => true,
            (Vendor::Claude, "async" | "if" | "once" | "shell" | "args" | "asyncRewake") => {
                h.vendor == Vendor::Claude
            }
            (Vendor::Gemini, "name" | "description") => true,
            _ => false,
        };
        if keep {
            out.insert(e.key.clone(), e.value.clone());
        } else {
            losses.push(Loss::field(
                target,
                e.origin,
                format!("`{}` of a `{}` hook", e.key, h.event.value),
                format!("{} has no such handler option", target.display_name()),
                "check the hook still behaves as intended without it",
            ));
        }
    }
    for e in &h.group_extra {
        losses.push(Loss::field(
            target,
            e.origin,
            format!("`{}` of a `{}` matcher group", e.key, h.event.value),
            format!("{} has no such group option", target.display_name()),
            "none",
        ));
    }
    Some(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_and_commands_map() {
        assert_eq!(
            neutral_tool(Vendor::Gemini, "run_shell_command").as_deref(),
            Some("Bash")
        );
        assert_eq!(
            target_tool(Vendor::Gemini, "mcp__github__create_issue").as_deref(),
            Some("mcp_github_create_issue")
        );
        assert_eq!(
            neutral_tool(Vendor::Gemini, "mcp_github_create_issue").as_deref(),
            Some("mcp__github__create_issue")
        );
        assert_eq!(target_tool(Vendor::Codex, "Read"), None);
        assert_eq!(target_tool(Vendor::Codex, "Edit").as_deref(), Some("Edit"));
        assert_eq!(matcher_tools("Edit|Write"), Some(vec!["Edit", "Write"]));
        assert_eq!(matcher_tools("^Bash$"), None);
        assert_eq!(
            command_for("\"$CLAUDE_PROJECT_DIR\"/x.sh", Vendor::Codex),
            "\"$(git rev-parse --show-toplevel)\"/x.sh"
        );
    }
}
