//! The hooks shape shared by Claude settings, plugin `hooks/hooks.json`, Codex `hooks.json`
//! and `[hooks]`, and Gemini settings: `{Event: [{matcher, hooks: [handler]}]}`.

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::hooks::{Hook, HookHandlerType, Timeout, TimeoutUnit};
use crate::model::Scope;
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
        schema(cx, events, "`hooks` must be an object mapping event names to lists of matcher groups");
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
                &format!("hook event `{}` must be a list of matcher groups", e.key.value),
            );
            continue;
        };
        for g in groups {
            if g.entries().is_none() {
                schema(cx, g, &format!("a `{}` matcher group must be an object", e.key.value));
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
                schema(cx, handlers, "`hooks` of a matcher group must be a list of handlers");
                continue;
            };
            for h in handlers {
                if let Some(hook) =
                    handler(cx, vendor, scope, &e.key, matcher.clone(), &group_extra, h, unit)
                {
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
    let written_type = Fields::new(h, format!("`{}` hook handler", event.value), &mut cx.diags).str("type");
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
    let timeout_key = if vendor == Vendor::Codex && h.get("timeout").is_none() && h.get("timeoutSec").is_some() {
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
    })
}

fn schema(cx: &mut LoadCx, at: &Node, msg: &str) {
    let found = match at.kind {
        NodeKind::Null => "null",
        _ => at.type_name(),
    };
    cx.report(
        Diagnostic::new(codes::SCHEMA_VIOLATION, Severity::Error, at.origin, msg.to_string())
            .with_label(format!("found {found}")),
    );
}
