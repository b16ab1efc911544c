//! Hook handlers: event, matcher, handler type, command and timeout in one unit.

use serde::Serialize;

use crate::model::Scope;
use crate::read::tree::Extra;
use crate::source::{FileId, Origin, Spanned};
use crate::vendor::Vendor;

/// One hook handler together with the event and matcher group it belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct Hook {
    /// The vendor whose file declares it.
    pub vendor: Vendor,
    /// Where it is configured.
    pub scope: Scope,
    /// Event name as written (`PreToolUse`, `BeforeTool`, ...).
    pub event: Spanned<String>,
    /// Matcher of the group (None: omitted, which matches everything).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matcher: Option<Spanned<String>>,
    /// Handler type.
    pub handler_type: Spanned<HookHandlerType>,
    /// Shell command (command handlers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<Spanned<String>>,
    /// Timeout with its unit, normalised to milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Timeout>,
    /// The handler object.
    pub origin: Origin,
    /// Group-level keys not modelled (Gemini `sequential`, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub group_extra: Vec<Extra>,
    /// Handler keys not modelled (`async`, `statusMessage`, `if`, `url`, `prompt`, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The workspace script file the command runs (`.claude/hooks/guard.sh`,
    /// `"$CLAUDE_PROJECT_DIR"/x.py`, `${CLAUDE_PLUGIN_ROOT}/hooks/x.sh`, ...), read into the
    /// source database so that rules can see what the hook answers. None: the command runs no
    /// script of the workspace, or it could not be read.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_script"
    )]
    pub script: Option<FileId>,
}

/// Serializes a script file as an origin at its start, so that reports show its path.
fn serialize_script<S: serde::Serializer>(
    script: &Option<FileId>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match script {
        Some(id) => Origin::file_start(*id).serialize(s),
        None => s.serialize_none(),
    }
}

/// Hook handler types across vendors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HookHandlerType {
    /// Runs a shell command.
    Command,
    /// Calls a URL (Claude).
    Http,
    /// Calls an MCP tool (Claude, Codex).
    McpTool,
    /// Asks a model (Claude).
    Prompt,
    /// Runs an agent (Claude).
    Agent,
    /// Anything else, as written.
    Unknown(String),
}

impl HookHandlerType {
    /// The `type` value as written in hook files.
    pub fn as_str(&self) -> &str {
        match self {
            HookHandlerType::Command => "command",
            HookHandlerType::Http => "http",
            HookHandlerType::McpTool => "mcp_tool",
            HookHandlerType::Prompt => "prompt",
            HookHandlerType::Agent => "agent",
            HookHandlerType::Unknown(s) => s,
        }
    }

    /// Parses a `type` value.
    pub fn parse(s: &str) -> Self {
        match s {
            "command" => HookHandlerType::Command,
            "http" => HookHandlerType::Http,
            "mcp_tool" => HookHandlerType::McpTool,
            "prompt" => HookHandlerType::Prompt,
            "agent" => HookHandlerType::Agent,
            other => HookHandlerType::Unknown(other.to_string()),
        }
    }
}

/// A timeout as written, with its unit and the value in milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeout {
    /// Milliseconds.
    pub ms: u64,
    /// The unit the file uses.
    pub unit: TimeoutUnit,
    /// The number as written.
    pub raw: f64,
    /// Where.
    pub origin: Origin,
}

/// Units of timeouts in vendor files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeoutUnit {
    /// Seconds (Claude and Codex hooks, Codex MCP `*_sec`).
    Seconds,
    /// Milliseconds (Gemini, Claude MCP `timeout`, Codex `startup_timeout_ms`).
    Millis,
}

impl Timeout {
    /// A timeout of `raw` in `unit` written at `origin`.
    pub fn new(raw: f64, unit: TimeoutUnit, origin: Origin) -> Self {
        let ms = match unit {
            TimeoutUnit::Seconds => raw * 1000.0,
            TimeoutUnit::Millis => raw,
        };
        let ms = if ms.is_finite() && ms > 0.0 {
            ms.round() as u64
        } else {
            0
        };
        Timeout {
            ms,
            unit,
            raw,
            origin,
        }
    }
}
