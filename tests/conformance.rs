//! Conformance with the real vendor CLIs: sync a fixture to a vendor, then ask the pinned
//! Claude Code, Codex and Gemini CLI (offline, through `../shared/tools/real-clients`) what
//! they loaded. A case the real client rejects, or loads with another meaning, fails.
//!
//! These tests need the clients: `bash ../shared/tools/real-clients/install.sh` (about 20 s,
//! from the npm registry). They are `#[ignore]`d in the ordinary test run and run with
//! `cargo test -p aios-port-tests --test conformance -- --ignored` (as `.ci/run` does).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use aios_port::sync::{self, SyncOptions, lock::Lock};
use aios_port::{LoadOptions, Vendor, Workspace};
use serde_json::Value;

const NEEDS: &str = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh";

fn validator() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/tools/real-clients/validate.sh")
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read_dir").flatten() {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if e.file_type().expect("type").is_dir() {
            copy_tree(&src, &dst);
        } else {
            fs::copy(&src, &dst).expect("copy");
        }
    }
}

/// A temporary copy of `fixtures/<name>` synced to `target`; returns the directory and the
/// losses reported.
fn synced(name: &str, target: Vendor) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fixtures")
            .join(name),
        dir.path(),
    );
    let ws = Workspace::load(dir.path(), &LoadOptions::default()).expect("loads");
    let options = SyncOptions {
        to: vec![target],
        allow_lossy: true,
        ..SyncOptions::default()
    };
    let plan = sync::plan(&ws, &options, Lock::default()).expect("plans");
    assert_eq!(plan.blocked(&options), None, "{name} -> {target}");
    sync::apply(&ws.root, &plan).expect("applies");
    let losses = plan.losses.iter().map(|l| l.what.clone()).collect();
    (dir, losses)
}

/// `validate.sh --only CLIENT --json`: one record per check.
fn validate(client: &str, ws: &Path) -> Vec<Value> {
    let out = Command::new("bash")
        .arg(validator())
        .args(["--only", client, "--json"])
        .arg(ws)
        .output()
        .expect("validate.sh runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let records: Vec<Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(
        !records.is_empty(),
        "validate.sh printed no checks (are the clients installed? {NEEDS}): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    records
}

/// Fails on any FAIL; returns the record of `check`.
fn passed<'a>(records: &'a [Value], check: &str) -> &'a Value {
    for r in records {
        assert_ne!(
            r["status"], "FAIL",
            "{} {} failed: {}",
            r["client"], r["check"], r
        );
    }
    let r = records
        .iter()
        .find(|r| r["check"] == check)
        .unwrap_or_else(|| panic!("no `{check}` check in {records:#?}"));
    assert!(r["status"] == "PASS" || r["status"] == "WARN", "{r}");
    r
}

fn codex_helper(mode: &str, arg: Option<&str>, ws: &Path) -> String {
    let mut c = Command::new("bash");
    c.arg(validator()).arg(mode);
    if let Some(a) = arg {
        c.arg(a);
    }
    let out = c.arg(ws).output().expect("validate.sh runs");
    assert!(
        out.status.success(),
        "{mode}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn codex_server(name: &str, ws: &Path) -> Value {
    serde_json::from_str(&codex_helper("--codex-mcp-json", Some(name), ws)).expect("JSON")
}

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
