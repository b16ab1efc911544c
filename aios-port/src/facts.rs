//! Facts about what each vendor accepts and can express, as verified against the pinned
//! clients (Claude Code 2.1.332, Codex 0.169, Gemini CLI 0.61; see the project's reference
//! notes). Rules and writers read these tables; nothing here does I/O.

use crate::vendor::Vendor;

/// Hook events Claude Code accepts (an unknown event is ignored with a warning).
pub const CLAUDE_HOOK_EVENTS: &[&str] = &[
    "PreToolUse",
    "PostToolUse",
    "PostToolUseFailure",
    "PostToolBatch",
    "Notification",
    "UserPromptSubmit",
    "UserPromptExpansion",
    "SessionStart",
    "SessionEnd",
    "Stop",
    "StopFailure",
    "SubagentStart",
    "SubagentStop",
    "PreCompact",
    "PostCompact",
    "PreModelSwitch",
    "PostModelSwitch",
    "PermissionRequest",
    "PermissionDenied",
    "Setup",
    "TeammateIdle",
    "TaskCreated",
    "TaskCompleted",
    "Elicitation",
    "ElicitationResult",
    "ConfigChange",
    "WorktreeCreate",
    "WorktreeRemove",
    "InstructionsLoaded",
    "CwdChanged",
    "FileChanged",
    "DirectoryAdded",
    "MessageDisplay",
    "PreSkillShellCommand",
];

/// Hook events Codex fires (other names are accepted and never fire).
pub const CODEX_HOOK_EVENTS: &[&str] = &[
    "PreToolUse",
    "PermissionRequest",
    "PostToolUse",
    "PreCompact",
    "PostCompact",
    "SessionStart",
    "SessionEnd",
    "UserPromptSubmit",
    "SubagentStart",
    "SubagentStop",
    "Stop",
    "Interrupt",
];

/// Hook events Gemini CLI fires.
pub const GEMINI_HOOK_EVENTS: &[&str] = &[
    "BeforeTool",
    "AfterTool",
    "BeforeAgent",
    "AfterAgent",
    "BeforeModel",
    "AfterModel",
    "BeforeToolSelection",
    "SessionStart",
    "SessionEnd",
    "PreCompress",
    "Notification",
];

/// The events `v` fires.
pub fn hook_events(v: Vendor) -> &'static [&'static str] {
    match v {
        Vendor::Claude => CLAUDE_HOOK_EVENTS,
        Vendor::Codex => CODEX_HOOK_EVENTS,
        Vendor::Gemini => GEMINI_HOOK_EVENTS,
    }
}

/// Gemini event name ↔ the Claude/Codex name of the same lifecycle point.
const GEMINI_EVENT_MAP: &[(&str, &str)] = &[
    ("BeforeTool", "PreToolUse"),
    ("AfterTool", "PostToolUse"),
    ("BeforeAgent", "UserPromptSubmit"),
    ("AfterAgent", "Stop"),
    ("SessionStart", "SessionStart"),
    ("SessionEnd", "SessionEnd"),
    ("PreCompress", "PreCompact"),
    ("Notification", "Notification"),
];

/// The neutral (Claude-spelled) name of event `name` of vendor `v`, if the lifecycle point
/// exists outside that vendor.
pub fn neutral_event(v: Vendor, name: &str) -> Option<&'static str> {
    match v {
        Vendor::Gemini => GEMINI_EVENT_MAP
            .iter()
            .find(|(g, _)| *g == name)
            .map(|(_, n)| *n),
        _ => hook_events(v).iter().copied().find(|e| *e == name),
    }
}

/// Neutral events whose handlers guard what the agent does: they can block a tool call, a
/// permission or a prompt. Guards that would not run must never be ported silently.
pub const GUARD_EVENTS: &[&str] = &["PreToolUse", "PermissionRequest", "UserPromptSubmit"];

/// Whether event `name` of vendor `v` is one of the [`GUARD_EVENTS`].
pub fn is_guard_event(v: Vendor, name: &str) -> bool {
    neutral_event(v, name).is_some_and(|n| GUARD_EVENTS.contains(&n))
}

/// The name vendor `v` uses for the neutral event `neutral`, if `v` fires it.
pub fn event_for(v: Vendor, neutral: &str) -> Option<&'static str> {
    match v {
        Vendor::Gemini => GEMINI_EVENT_MAP
            .iter()
            .find(|(_, n)| *n == neutral)
            .map(|(g, _)| *g),
        _ => hook_events(v).iter().copied().find(|e| *e == neutral),
    }
}

/// Hook handler types each vendor runs (Codex parses `prompt`/`agent` but skips them).
pub fn runs_handler_type(v: Vendor, ty: &str) -> bool {
    match v {
        Vendor::Claude => matches!(ty, "command" | "http" | "mcp_tool" | "prompt" | "agent"),
        Vendor::Codex => matches!(ty, "command" | "mcp_tool"),
        Vendor::Gemini => ty == "command",
    }
}

/// Tool names: (Claude, Codex hook name, Gemini). `None`: the vendor has no such tool, or
/// (Codex) it cannot be intercepted by a hook.
pub const TOOLS: &[(&str, Option<&str>, Option<&str>)] = &[
    ("Bash", Some("Bash"), Some("run_shell_command")),
    ("Edit", Some("apply_patch"), Some("replace")),
    ("Write", Some("apply_patch"), Some("write_file")),
    ("MultiEdit", Some("apply_patch"), Some("replace")),
    ("Read", None, Some("read_file")),
    ("Glob", None, Some("glob")),
    ("Grep", None, Some("grep_search")),
    ("LS", None, Some("list_directory")),
    ("WebFetch", None, Some("web_fetch")),
    ("WebSearch", None, Some("google_web_search")),
    ("NotebookEdit", None, None),
    ("TodoWrite", None, Some("write_todos")),
    ("AskUserQuestion", None, Some("ask_user")),
    ("Skill", None, Some("activate_skill")),
    ("Agent", None, None),
    ("Task", None, None),
    // Claude's task tools ↔ Gemini's tracker tools (opt-in: `tracker` setting).
    ("TaskCreate", None, Some("tracker_create_task")),
    ("TaskUpdate", None, Some("tracker_update_task")),
    ("TaskGet", None, Some("tracker_get_task")),
    ("TaskList", None, Some("tracker_list_tasks")),
];

/// Gemini aliases of the tools above.
const GEMINI_ALIASES: &[(&str, &str)] = &[
    ("grep", "grep_search"),
    ("search_file_content", "grep_search"),
    ("ls", "list_directory"),
    ("read_many_files", "read_file"),
];

/// The Claude name of tool `name` of vendor `v` (MCP tools and unknown names: None).
pub fn claude_tool(v: Vendor, name: &str) -> Option<&'static str> {
    match v {
        Vendor::Claude => TOOLS.iter().find(|t| t.0 == name).map(|t| t.0),
        Vendor::Codex => match name {
            "apply_patch" | "Edit" | "Write" => Some("Edit"),
            "Bash" => Some("Bash"),
            _ => None,
        },
        Vendor::Gemini => {
            let name = GEMINI_ALIASES
                .iter()
                .find(|(a, _)| *a == name)
                .map_or(name, |(_, n)| *n);
            TOOLS.iter().find(|t| t.2 == Some(name)).map(|t| t.0)
        }
    }
}

/// Server and tool of a Claude Code MCP tool name, `mcp__<server>[__<tool>]` (tool None: every
/// tool of the server, also for `__*`). None when `name` names no MCP server.
pub fn claude_mcp_tool(name: &str) -> Option<(&str, Option<&str>)> {
    let rest = name.strip_prefix("mcp__")?;
    let (server, tool) = match rest.split_once("__") {
        Some((s, t)) => (s, Some(t)),
        None => (rest, None),
    };
    let tool = tool.filter(|t| *t != "*" && !t.is_empty());
    (!server.is_empty()).then_some((server, tool))
}

/// Server and tool of a Gemini CLI MCP tool name, `mcp_<server>_<tool>` (tool None for `*`),
/// for a server among `servers`: names may hold `_`, so the longest that fits. None when no
/// server fits.
pub fn gemini_mcp_tool<'a, 'b>(
    name: &'a str,
    servers: impl IntoIterator<Item = &'b str>,
) -> Option<(&'a str, Option<&'a str>)> {
    let rest = name.strip_prefix("mcp_")?;
    let len = servers
        .into_iter()
        .filter(|s| {
            !s.is_empty()
                && rest.len() > s.len() + 1
                && rest.starts_with(s)
                && rest.as_bytes().get(s.len()) == Some(&b'_')
        })
        .map(str::len)
        .max()?;
    let tool = &rest[len + 1..];
    Some((&rest[..len], (tool != "*").then_some(tool)))
}

/// The name vendor `v` uses for Claude tool `claude`, if it has one (for Codex: if a hook can
/// intercept it).
pub fn tool_for(v: Vendor, claude: &str) -> Option<&'static str> {
    let t = TOOLS.iter().find(|t| t.0 == claude)?;
    match v {
        Vendor::Claude => Some(t.0),
        Vendor::Codex => t.1,
        Vendor::Gemini => t.2,
    }
}

/// The tool Codex's *model* has for each Claude tool (what a permission rule or a tool list
/// can refer to), as opposed to what a Codex hook can intercept ([`tool_for`]). `None`: Codex
/// has no such tool.
const CODEX_MODEL_TOOLS: &[(&str, Option<&str>)] = &[
    ("Bash", Some("shell")),
    ("Edit", Some("apply_patch")),
    ("Write", Some("apply_patch")),
    ("MultiEdit", Some("apply_patch")),
    ("NotebookEdit", None),
    ("Read", Some("read_file")),
    ("Glob", Some("list_dir")),
    ("Grep", Some("grep_files")),
    ("LS", Some("list_dir")),
    ("WebFetch", None),
    ("WebSearch", Some("web_search")),
    ("TodoWrite", Some("update_plan")),
    ("TaskCreate", Some("update_plan")),
    ("TaskUpdate", Some("update_plan")),
    ("TaskGet", Some("update_plan")),
    ("TaskList", Some("update_plan")),
    ("AskUserQuestion", Some("request_user_input")),
    // Codex skills are invoked by a `$name` mention rather than a tool.
    ("Skill", Some("$skill mention")),
    ("Agent", Some("spawn_agent")),
    ("Task", Some("spawn_agent")),
];

/// The tool vendor `v`'s model has for Claude tool `claude` (Codex: see
/// `CODEX_MODEL_TOOLS`; Gemini: [`tool_for`]). Outer `None`: `claude` is not a tool these
/// tables know; inner `None`: the vendor has no such tool.
pub fn model_tool(v: Vendor, claude: &str) -> Option<Option<&'static str>> {
    match v {
        Vendor::Codex => CODEX_MODEL_TOOLS
            .iter()
            .find(|t| t.0 == claude)
            .map(|t| t.1),
        _ => TOOLS
            .iter()
            .find(|t| t.0 == claude)
            .map(|_| tool_for(v, claude)),
    }
}

/// Keys Codex 0.169 accepts in `[mcp_servers.NAME]`; any other key is silently ignored
/// (only `codex doctor` and `--strict-config` mention it).
pub const CODEX_MCP_KEYS: &[&str] = &[
    "command",
    "args",
    "env",
    "env_vars",
    "cwd",
    "url",
    "bearer_token_env_var",
    "http_headers",
    "env_http_headers",
    "http_headers_helper",
    "oauth",
    "oauth_resource",
    "auth",
    "scopes",
    "startup_timeout_sec",
    "startup_timeout_ms",
    "tool_timeout_sec",
    "enabled",
    "required",
    "enabled_tools",
    "disabled_tools",
    "default_tools_approval_mode",
    "tools",
    "supports_parallel_tool_calls",
    "tool_input_schema_max_bytes",
    "startup_readiness",
    "environment_id",
    "name",
];

/// Top-level keys Codex removes from a project `.codex/config.toml` with a warning (they only
/// work in the user's config).
pub const CODEX_PROJECT_DENYLIST: &[&str] = &[
    "openai_base_url",
    "chatgpt_base_url",
    "apps_mcp_product_sku",
    "responses_api_metadata",
    "model_provider",
    "model_providers",
    "notify",
    "profile",
    "profiles",
    "experimental_realtime_webrtc_call_base_url",
    "experimental_realtime_ws_base_url",
    "otel",
];

/// Top-level keys Codex 0.169 accepts in `config.toml` (others are "ignored").
pub const CODEX_TOP_LEVEL_KEYS: &[&str] = &[
    "model",
    "model_reasoning_effort",
    "model_reasoning_summary",
    "model_verbosity",
    "model_context_window",
    "model_auto_compact_token_limit",
    "approval_policy",
    "approvals_reviewer",
    "sandbox_mode",
    "sandbox_workspace_write",
    "developer_instructions",
    "instructions",
    "model_instructions_file",
    "project_doc_max_bytes",
    "project_doc_fallback_filenames",
    "project_root_markers",
    "features",
    "hooks",
    "agents",
    "skills",
    "plugins",
    "marketplaces",
    "memories",
    "permissions",
    "default_permissions",
    "shell_environment_policy",
    "history",
    "tui",
    "tools",
    "apps",
    "web_search",
    "file_opener",
    "personality",
    "review_model",
    "check_for_update_on_startup",
    "forced_login_method",
    "forced_chatgpt_workspace_id",
    "allow_login_shell",
    "windows",
    "mcp_servers",
    "mcp_oauth_callback_port",
    "mcp_oauth_callback_url",
    "mcp_oauth_credentials_store",
    "cli_auth_credentials_store",
    "projects",
    "hide_agent_reasoning",
    "show_raw_agent_reasoning",
    "disable_paste_burst",
    "notice",
    "analytics",
    "feedback",
    "zdr",
    "sandbox",
    "experimental_use_unified_exec_tool",
    "include_apply_patch_tool",
    "tool_output_token_limit",
    "log_dir",
    "sqlite_home",
    "ghost_snapshot",
    "notify",
    "profile",
    "profiles",
    "model_provider",
    "model_providers",
    "otel",
    "openai_base_url",
    "chatgpt_base_url",
    "requirements",
];

/// Further top-level keys of `ConfigToml` in the openai/codex source (`codex-rs/config/src/
/// config_toml.rs`, possibly newer than 0.169) that [`CODEX_TOP_LEVEL_KEYS`] does not list.
/// A key here is not reported as ignored: that finding must be certain.
pub const CODEX_TOP_LEVEL_KEYS_SOURCE: &[&str] = &[
    "model_auto_compact_token_limit_scope",
    "auto_review",
    "include_permissions_instructions",
    "include_apps_instructions",
    "include_collaboration_mode_instructions",
    "include_environment_context",
    "compact_prompt",
    "background_terminal_max_timeout",
    "js_repl_node_path",
    "js_repl_node_module_dirs",
    "sqlite",
    "debug",
    "plan_mode_reasoning_effort",
    "model_supports_reasoning_summaries",
    "model_catalog_json",
    "service_tier",
    "apps_mcp_product_sku",
    "audio",
    "experimental_realtime_ws_base_url",
    "experimental_realtime_ws_model",
    "realtime",
    "experimental_realtime_ws_backend_prompt",
    "experimental_realtime_ws_startup_context",
    "experimental_realtime_start_instructions",
    "experimental_thread_config_endpoint",
    "experimental_thread_store_endpoint",
    "experimental_thread_store",
    "tool_suggest",
    "suppress_unstable_features_warning",
    "desktop",
    "experimental_compact_prompt_file",
    "oss_provider",
    "responses_api_metadata",
    "experimental_realtime_webrtc_call_base_url",
];

/// `[mcp_servers.NAME]` keys the openai/codex source accepts although Codex 0.169 ignored them
/// (REAL-CLIENTS.md); not reported as ignored, since newer clients read them.
pub const CODEX_MCP_KEYS_SOURCE: &[&str] = &["experimental_environment"];

/// Codex's default `project_doc_max_bytes`.
pub const CODEX_PROJECT_DOC_MAX_BYTES: u64 = 32 * 1024;

/// Model aliases that only mean something to one vendor.
pub fn model_family(model: &str) -> Option<Vendor> {
    let m = model.to_ascii_lowercase();
    if matches!(
        m.as_str(),
        "sonnet" | "opus" | "haiku" | "fable" | "opusplan"
    ) || m.starts_with("claude")
    {
        Some(Vendor::Claude)
    } else if m.starts_with("gpt")
        || m.starts_with("o3")
        || m.starts_with("o4")
        || m.contains("codex")
    {
        Some(Vendor::Codex)
    } else if m.starts_with("gemini") || matches!(m.as_str(), "pro" | "flash" | "flash-lite") {
        Some(Vendor::Gemini)
    } else {
        None
    }
}

/// Claude tools whose use cannot change files or run commands: a subagent limited to them
/// (and MCP tools, which no sandbox governs) is approximated in Codex by
/// `sandbox_mode = "read-only"` (FORMATS.md §4b: "approximate read-only agents with
/// sandbox_mode").
pub const CLAUDE_READ_ONLY_TOOLS: &[&str] = &[
    "Read",
    "Grep",
    "Glob",
    "LS",
    "WebFetch",
    "WebSearch",
    "NotebookRead",
    "TodoWrite",
];

/// The Claude tools a Codex subagent role with `sandbox_mode = "read-only"` becomes in Claude
/// Code and (through [`tool_for`]) Gemini CLI: reading and searching files, nothing that writes
/// or runs commands.
pub const READ_ONLY_AGENT_TOOLS: &[&str] = &["Read", "Grep", "Glob"];

/// Claude Code `effort` levels (subagent frontmatter; the client's own list in 2.1.332).
pub const CLAUDE_EFFORT_LEVELS: &[&str] = &["low", "medium", "high", "xhigh", "max"];

/// Codex `model_reasoning_effort` values (config reference: `minimal` to `xhigh`, and `none`).
pub const CODEX_REASONING_EFFORTS: &[&str] = &["none", "minimal", "low", "medium", "high", "xhigh"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mcp_tool_names_split_into_server_and_tool() {
        assert_eq!(
            claude_mcp_tool("mcp__github__create_issue"),
            Some(("github", Some("create_issue")))
        );
        assert_eq!(claude_mcp_tool("mcp__github"), Some(("github", None)));
        assert_eq!(claude_mcp_tool("mcp__github__*"), Some(("github", None)));
        assert_eq!(claude_mcp_tool("mcp__"), None);
        assert_eq!(claude_mcp_tool("Bash"), None);
        let servers = ["ci", "ci_server", "github"];
        assert_eq!(
            gemini_mcp_tool("mcp_ci_server_get_log", servers),
            Some(("ci_server", Some("get_log")))
        );
        assert_eq!(
            gemini_mcp_tool("mcp_ci_get_log", servers),
            Some(("ci", Some("get_log")))
        );
        assert_eq!(
            gemini_mcp_tool("mcp_github_*", servers),
            Some(("github", None))
        );
        assert_eq!(gemini_mcp_tool("mcp_github_", servers), None);
        assert_eq!(gemini_mcp_tool("mcp_other_tool", servers), None);
        assert_eq!(gemini_mcp_tool("mcp_*", servers), None);
    }

    #[test]
    fn event_and_tool_maps_round_trip() {
        assert_eq!(
            neutral_event(Vendor::Gemini, "BeforeTool"),
            Some("PreToolUse")
        );
        assert_eq!(event_for(Vendor::Gemini, "PreToolUse"), Some("BeforeTool"));
        assert_eq!(event_for(Vendor::Codex, "Notification"), None);
        assert_eq!(tool_for(Vendor::Gemini, "Bash"), Some("run_shell_command"));
        assert_eq!(
            claude_tool(Vendor::Gemini, "search_file_content"),
            Some("Grep")
        );
        assert_eq!(tool_for(Vendor::Codex, "Read"), None);
        assert_eq!(model_family("opus"), Some(Vendor::Claude));
        assert_eq!(model_family("gemini-2.5-pro"), Some(Vendor::Gemini));
        assert_eq!(model_tool(Vendor::Codex, "Read"), Some(Some("read_file")));
        assert_eq!(model_tool(Vendor::Codex, "WebFetch"), Some(None));
        assert_eq!(model_tool(Vendor::Gemini, "NotebookEdit"), Some(None));
        assert_eq!(model_tool(Vendor::Gemini, "KillShell"), None);
        assert_eq!(
            claude_tool(Vendor::Gemini, "tracker_create_task"),
            Some("TaskCreate")
        );
        for (claude, _, _) in TOOLS {
            assert!(
                model_tool(Vendor::Codex, claude).is_some(),
                "{claude} in CODEX_MODEL_TOOLS"
            );
        }
    }
}
