//! Conformance with the real vendor CLIs: sync a fixture to a vendor, then ask the pinned
//! Claude Code, Codex and Gemini CLI (offline, through `../shared/tools/real-clients`) what
//! they loaded. A case the real client rejects, or loads with another meaning, fails.
//!
//! These tests need the clients: `bash ../shared/tools/real-clients/install.sh` (about 20 s,
//! from the npm registry). They are `#[ignore]`d in the ordinary test run and run with
//! `cargo test -p aios-port-tests --test conformance -- --ignored` (as `.ci/run` does).

mod support;

use std::fs;

use aios_port::Vendor;
use serde_json::Value;
use support::{codex_helper, codex_server, passed, synced, validate};

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_to_codex() {
    let (ws, losses) = synced("sync-from-claude", Vendor::Codex);
    assert!(losses.is_empty(), "{losses:?}");
    let records = validate("codex", ws.path());
    let list = passed(&records, "mcp-list");
    assert!(
        list["detail"]
            .as_str()
            .is_some_and(|d| d.contains("servers: github linear search")),
        "{list}"
    );
    passed(&records, "strict-config");
    passed(&records, "exec-startup");
    // stdio with env pass-through and a literal env value.
    let github = codex_server("github", ws.path());
    assert_eq!(github["transport"]["type"], "stdio");
    assert_eq!(github["transport"]["command"], "npx");
    assert_eq!(github["transport"]["env_vars"][0], "GITHUB_TOKEN");
    assert_eq!(github["transport"]["env"]["GITHUB_HOST"], "github.com");
    assert_eq!(
        github["transport"]["args"][1],
        "@modelcontextprotocol/server-github@2025.4.8"
    );
    // http with a bearer token from the environment.
    let linear = codex_server("linear", ws.path());
    assert_eq!(linear["transport"]["type"], "streamable_http");
    assert_eq!(
        linear["transport"]["bearer_token_env_var"],
        "LINEAR_API_KEY"
    );
    // env-derived and static headers, timeout in seconds.
    let search = codex_server("search", ws.path());
    assert_eq!(
        search["transport"]["env_http_headers"]["X-Api-Key"],
        "SEARCH_API_KEY"
    );
    assert_eq!(search["transport"]["http_headers"]["X-Client"], "aios");
    assert_eq!(search["tool_timeout_sec"], 45.0);
    // The imported file's text reaches the model; the `@path` does not.
    let agents = codex_helper("--codex-agents-md", None, ws.path());
    assert!(
        agents.contains("Run `make test` before every commit."),
        "{agents}"
    );
    assert!(agents.contains("Prefer small functions."), "{agents}");
    assert!(!agents.contains("@docs"), "{agents}");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_to_gemini() {
    let (ws, losses) = synced("sync-from-claude", Vendor::Gemini);
    assert!(losses.is_empty(), "{losses:?}");
    let records = validate("gemini", ws.path());
    let settings = passed(&records, "settings+mcp");
    assert!(
        settings["detail"]
            .as_str()
            .is_some_and(|d| d.contains("servers: github linear search")),
        "{settings}"
    );
    let written = fs::read_to_string(ws.path().join(".gemini/settings.json")).expect("written");
    assert!(
        written.contains("\"BeforeTool\"") && written.contains("\"timeout\": 10000"),
        "{written}"
    );
    assert_eq!(
        fs::read_to_string(ws.path().join("GEMINI.md")).expect("written"),
        "@./CLAUDE.md\n"
    );
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn codex_to_claude() {
    let (ws, losses) = synced("sync-from-codex", Vendor::Claude);
    assert_eq!(losses, ["startup timeout of MCP server `github`"]);
    let records = validate("claude", ws.path());
    passed(&records, "doctor-settings");
    let list = passed(&records, "mcp-list");
    assert!(
        list["detail"]
            .as_str()
            .is_some_and(|d| d.contains("servers: github linear search")),
        "{list}"
    );
    let mcp: Value =
        serde_json::from_str(&fs::read_to_string(ws.path().join(".mcp.json")).expect("written"))
            .expect("JSON");
    assert_eq!(
        mcp["mcpServers"]["linear"]["headers"]["Authorization"],
        "Bearer ${LINEAR_API_KEY}"
    );
    assert_eq!(
        mcp["mcpServers"]["search"]["headers"]["X-Api-Key"],
        "${SEARCH_API_KEY}"
    );
    assert_eq!(mcp["mcpServers"]["search"]["timeout"], 45000);
    assert_eq!(
        mcp["mcpServers"]["github"]["env"]["GITHUB_TOKEN"],
        "${GITHUB_TOKEN}"
    );
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn gemini_to_claude() {
    let (ws, losses) = synced("sync-from-gemini", Vendor::Claude);
    assert!(losses.is_empty(), "{losses:?}");
    let records = validate("claude", ws.path());
    passed(&records, "doctor-settings");
    let list = passed(&records, "mcp-list");
    assert!(
        list["detail"]
            .as_str()
            .is_some_and(|d| d.contains("servers: github linear")),
        "{list}"
    );
    let settings: Value = serde_json::from_str(
        &fs::read_to_string(ws.path().join(".claude/settings.json")).expect("written"),
    )
    .expect("JSON");
    assert_eq!(settings["hooks"]["PreToolUse"][0]["matcher"], "Bash");
    assert_eq!(settings["hooks"]["PreToolUse"][0]["hooks"][0]["timeout"], 5);
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn gemini_to_codex_and_codex_to_gemini() {
    let (ws, _) = synced("sync-from-gemini", Vendor::Codex);
    let records = validate("codex", ws.path());
    passed(&records, "strict-config");
    passed(&records, "exec-startup");
    let agents = codex_helper("--codex-agents-md", None, ws.path());
    assert!(
        agents.contains("Run `make test` before every commit."),
        "{agents}"
    );
    let (ws, _) = synced("sync-from-codex", Vendor::Gemini);
    let records = validate("gemini", ws.path());
    let settings = passed(&records, "settings+mcp");
    assert!(
        settings["detail"]
            .as_str()
            .is_some_and(|d| d.contains("servers: github linear search")),
        "{settings}"
    );
}
