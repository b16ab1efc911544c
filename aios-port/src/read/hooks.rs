//! The hooks shape shared by Claude settings, plugin `hooks/hooks.json`, Codex `hooks.json`
//! and `[hooks]`, and Gemini settings: `{Event: [{matcher, hooks: [handler]}]}`.

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::Scope;
use crate::model::hooks::{Hook, HookHandlerType, Timeout, TimeoutUnit};
use crate::read::LoadCx;
use crate::read::tree::{Fields, Node, NodeKind};
use crate::source::Spanned;
use crate::vendor::Vendor;

/// Group keys every vendor understands.
const GROUP_KEYS: &[&str] = &["matcher", "hooks"];

/// Reads the event map `events` (the value of a `hooks` key) declared by `vendor`.
/// `skip` lists keys of the map that are not events (Codex `state`).
pub(crate) fn read_events(
    cx: &mut LoadCx,
    vendor: Vendor,
    scope: &Scope,
    events: &Node,
    skip: &[&str],
) {
    let unit = match vendor {
        Vendor::Gemini => TimeoutUnit::Millis,
        Vendor::Claude | Vendor::Codex => TimeoutUnit::Seconds,
    };
    let Some(entries) = events.entries() else {
        schema(
            cx,
            events,
            "`hooks` must be an object mapping event names to lists of matcher groups",
        );
        return;
    };
    for e in entries {
        if skip.contains(&e.key.value.as_str()) {
            continue;
        }
        let Some(groups) = e.value.items() else {
            schema(
                cx,
                &e.value,
                &format!(
                    "hook event `{}` must be a list of matcher groups",
                    e.key.value
                ),
            );
            continue;
        };
        for g in groups {
            if g.entries().is_none() {
                schema(
                    cx,
                    g,
                    &format!("a `{}` matcher group must be an object", e.key.value),
                );
                continue;
            }
            let mut f = Fields::new(g, format!("`{}` matcher group", e.key.value), &mut cx.diags);
            let matcher = f.str("matcher");
            let group_extra = f.extras(GROUP_KEYS);
            let Some(handlers) = g.get("hooks") else {
                let d = Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    g.origin,
                    format!(
                        "`{}` entry has no `hooks` list; the handler must be wrapped in a matcher group",
                        e.key.value
                    ),
                )
                .with_label("expected `{\"matcher\": ..., \"hooks\": [ ... ]}`")
                .with_help("move the handler into `\"hooks\": [ ... ]` inside this object");
                cx.report(d);
                continue;
            };
            let Some(handlers) = handlers.items() else {
                schema(
                    cx,
                    handlers,
                    "`hooks` of a matcher group must be a list of handlers",
                );
                continue;
            };
            for h in handlers {
                if let Some(mut hook) = handler(
                    cx,
                    vendor,
                    scope,
                    &e.key,
                    matcher.clone(),
                    &group_extra,
                    h,
                    unit,
                ) {
                    hook.script = hook
                        .command
                        .as_ref()
                        .and_then(|c| read_script(cx, scope, &c.value));
                    cx.model.hooks.push(hook);
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn handler(
    cx: &mut LoadCx,
    vendor: Vendor,
    scope: &Scope,
    event: &Spanned<String>,
    matcher: Option<Spanned<String>>,
    group_extra: &[crate::read::tree::Extra],
    h: &Node,
    unit: TimeoutUnit,
) -> Option<Hook> {
    if h.entries().is_none() {
        schema(cx, h, "a hook handler must be an object");
        return None;
    }
    let written_type =
        Fields::new(h, format!("`{}` hook handler", event.value), &mut cx.diags).str("type");
    let handler_type = match written_type {
        Some(t) => Spanned::new(HookHandlerType::parse(&t.value), t.origin),
        None => {
            // Gemini's only handler type is `command`; Claude and Codex require `type`.
            if vendor != Vendor::Gemini {
                cx.report(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Error,
                        h.origin,
                        format!("`{}` hook handler has no `type`", event.value),
                    )
                    .with_help("add `\"type\": \"command\"`"),
                );
            }
            Spanned::new(HookHandlerType::Command, h.origin)
        }
    };
    let mut f = Fields::new(h, format!("`{}` hook handler", event.value), &mut cx.diags);
    let command = f.str("command");
    let timeout_key =
        if vendor == Vendor::Codex && h.get("timeout").is_none() && h.get("timeoutSec").is_some() {
            "timeoutSec"
        } else {
            "timeout"
        };
    let timeout = f
        .number(timeout_key)
        .map(|n| Timeout::new(n.value, unit, n.origin));
    let extra = f.extras(&["type", "command", timeout_key]);
    if handler_type.value == HookHandlerType::Command && command.is_none() {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                h.origin,
                format!("`{}` command hook has no `command`", event.value),
            )
            .with_help("add the shell command to run"),
        );
    }
    Some(Hook {
        vendor,
        scope: scope.clone(),
        event: event.clone(),
        matcher,
        handler_type,
        command,
        timeout,
        origin: h.origin,
        group_extra: group_extra.to_vec(),
        extra,
        script: None,
    })
}

/// Extensions of the files read as hook scripts. Files without one are not read: they may be
/// binaries, which are not text and would be reported as unreadable.
const SCRIPT_EXTENSIONS: &[&str] = &[
    "sh", "bash", "zsh", "py", "js", "mjs", "cjs", "ts", "mts", "cts", "rb", "pl", "php", "ps1",
    "cmd", "bat",
];

/// Words that start a new command inside a shell command line.
const SHELL_SEPARATORS: &[&str] = &[";", "&&", "||", "|", "&", "(", ")"];

/// Reads the workspace script a hook `command` runs, so that rules can see what the hook
/// answers: the first word naming an existing script file (by extension) that resolves inside
/// the workspace. `$CLAUDE_PROJECT_DIR/`, `$GEMINI_PROJECT_DIR/` and relative paths resolve
/// against the workspace root (project hooks); `${CLAUDE_PLUGIN_ROOT}/`, `${PLUGIN_ROOT}/`
/// and `${extensionPath}/` against the plugin root (plugin hooks). Absolute paths, `~`, other
/// variables and user-scope hooks are not read. Reading goes through [`LoadCx::read`]
/// (containment, size cap, encoding); a missing file is skipped silently.
fn read_script(cx: &mut LoadCx, scope: &Scope, command: &str) -> Option<crate::source::FileId> {
    let mut first = true;
    for word in shell_words(command) {
        if SHELL_SEPARATORS.contains(&word.as_str()) {
            first = true;
            continue;
        }
        let was_first = std::mem::replace(&mut first, false);
        // A bare first word (`guard.sh`) is looked up in PATH, not in the project.
        if was_first && !word.contains('/') {
            continue;
        }
        let Some(rel) = script_path(scope, &word) else {
            continue;
        };
        let ext = rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if !ext.is_some_and(|e| SCRIPT_EXTENSIONS.contains(&e.as_str())) || !cx.is_file(&rel) {
            continue;
        }
        if let Some(f) = cx.read(&rel) {
            return Some(f.id);
        }
    }
    None
}

/// The workspace-relative path a command word names, for a hook of `scope`.
fn script_path(scope: &Scope, word: &str) -> Option<String> {
    const PROJECT_VARS: &[&str] = &[
        "$CLAUDE_PROJECT_DIR/",
        "${CLAUDE_PROJECT_DIR}/",
        "$GEMINI_PROJECT_DIR/",
        "${GEMINI_PROJECT_DIR}/",
        "$(git rev-parse --show-toplevel)/",
    ];
    const PLUGIN_VARS: &[&str] = &[
        "${CLAUDE_PLUGIN_ROOT}/",
        "$CLAUDE_PLUGIN_ROOT/",
        "${PLUGIN_ROOT}/",
        "$PLUGIN_ROOT/",
        "${extensionPath}/",
    ];
    let project = PROJECT_VARS.iter().find_map(|v| word.strip_prefix(v));
    let plugin = PLUGIN_VARS.iter().find_map(|v| word.strip_prefix(v));
    let (base, rest) = match (scope, project, plugin) {
        (Scope::Project, Some(rest), _) => ("", rest),
        (Scope::Plugin(root), _, Some(rest)) => (root.as_str(), rest),
        // Hooks run in the user's project: a relative path means the project, not the plugin.
        (Scope::Project, None, None) => ("", word),
        _ => return None,
    };
    if rest.is_empty() || rest.starts_with(['/', '~', '$']) || rest.contains(['$', '`', '*', '?']) {
        return None;
    }
    let rel = super::normalize(base, rest)?;
    (base.is_empty() || rel.starts_with(&format!("{base}/"))).then_some(rel)
}

/// Splits a shell command line into words, removing quotes; `;`, `&&`, `||`, `|`, `&`, `(`
/// and `)` outside quotes are words of their own. Good enough to find a script path, not a
/// shell parser.
fn shell_words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = command.chars().peekable();
    let flush = |cur: &mut String, in_word: &mut bool, words: &mut Vec<String>| {
        if *in_word {
            words.push(std::mem::take(cur));
            *in_word = false;
        }
    };
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some('"') if c == '\\' => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            Some(_) => cur.push(c),
            None => match c {
                '\'' | '"' => {
                    quote = Some(c);
                    in_word = true;
                }
                '\\' => {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                        in_word = true;
                    }
                }
                c if c.is_whitespace() => flush(&mut cur, &mut in_word, &mut words),
                ';' | '|' | '&' | '(' | ')' => {
                    // `$(...)` stays inside the word it belongs to.
                    if c == '(' && cur.ends_with('$') {
                        cur.push(c);
                        in_word = true;
                        continue;
                    }
                    flush(&mut cur, &mut in_word, &mut words);
                    let mut op = c.to_string();
                    if matches!(c, '|' | '&') && chars.peek() == Some(&c) {
                        chars.next();
                        op.push(c);
                    }
                    words.push(op);
                }
                c => {
                    cur.push(c);
                    in_word = true;
                }
            },
        }
    }
    flush(&mut cur, &mut in_word, &mut words);
    words
}

fn schema(cx: &mut LoadCx, at: &Node, msg: &str) {
    let found = match at.kind {
        NodeKind::Null => "null",
        _ => at.type_name(),
    };
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            at.origin,
            msg.to_string(),
        )
        .with_label(format!("found {found}")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_split_quotes_and_operators() {
        assert_eq!(
            shell_words(r#"bash "${CLAUDE_PLUGIN_ROOT}/hooks/a b.sh" x && echo 'y z'|tee"#),
            [
                "bash",
                "${CLAUDE_PLUGIN_ROOT}/hooks/a b.sh",
                "x",
                "&&",
                "echo",
                "y z",
                "|",
                "tee"
            ]
        );
        assert_eq!(
            shell_words(r#""$CLAUDE_PROJECT_DIR"/.claude/hooks/g.sh;python3 x\ y.py"#),
            [
                "$CLAUDE_PROJECT_DIR/.claude/hooks/g.sh",
                ";",
                "python3",
                "x y.py"
            ]
        );
        assert_eq!(shell_words("a \"unterminated"), ["a", "unterminated"]);
    }

    #[test]
    fn script_paths_resolve_per_scope() {
        let project = Scope::Project;
        let plugin = Scope::Plugin("plugins/p".to_string());
        assert_eq!(
            script_path(&project, "$CLAUDE_PROJECT_DIR/.claude/h.sh").as_deref(),
            Some(".claude/h.sh")
        );
        assert_eq!(
            script_path(&project, "./scripts/../h.py").as_deref(),
            Some("h.py")
        );
        assert_eq!(script_path(&project, "../outside.sh"), None);
        assert_eq!(script_path(&project, "/abs/h.sh"), None);
        assert_eq!(script_path(&project, "~/h.sh"), None);
        assert_eq!(script_path(&project, "$HOME/h.sh"), None);
        assert_eq!(script_path(&project, "${CLAUDE_PLUGIN_ROOT}/h.sh"), None);
        assert_eq!(
            script_path(&plugin, "${CLAUDE_PLUGIN_ROOT}/hooks/h.sh").as_deref(),
            Some("plugins/p/hooks/h.sh")
        );
        assert_eq!(
            script_path(&plugin, "${CLAUDE_PLUGIN_ROOT}/../q/h.sh"),
            None
        );
        assert_eq!(script_path(&plugin, "./h.sh"), None);
        assert_eq!(script_path(&Scope::User, "./h.sh"), None);
    }
}
