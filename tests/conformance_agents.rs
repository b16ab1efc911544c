//! Conformance of synced subagents with the real vendor CLIs (see conformance.rs for how these
//! tests run): every agent file sync writes must be loaded by the target client, which rejects
//! a whole Codex role for one unknown key and a whole Gemini agent for one unknown frontmatter
//! key or a tool list written as a string.
//!
//! Run with `cargo test -p aios-port-tests --test conformance_agents -- --ignored`.

mod support;

use std::fs;
use std::path::Path;

use aios_port::{LoadOptions, Vendor, Workspace};
use support::{passed, synced, validate};

/// The agents aios-port reads back from `dir` for `v`, by name, with no load diagnostic on
/// their files.
fn agents_of(dir: &Path, v: Vendor) -> Vec<String> {
    let ws = Workspace::load(dir, &LoadOptions::default()).expect("loads");
    let mut names: Vec<String> = ws
        .model
        .agents
        .iter()
        .filter(|a| a.vendor == v)
        .filter_map(|a| a.name.as_ref().map(|n| n.value.clone()))
        .collect();
    names.sort();
    for d in &ws.diagnostics {
        let path = &ws.sources.get(d.primary.origin.file).path;
        assert!(
            !path.contains("agents/"),
            "{path}: {} {}",
            d.code,
            d.message
        );
    }
    names
}

/// Whether the records of one check mention `needle` in their output lines.
fn lines_mention(records: &[serde_json::Value], check: &str, needle: &str) -> bool {
    records
        .iter()
        .filter(|r| r["check"] == check)
        .any(|r| r.to_string().contains(needle))
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_to_codex() {
    let (ws, losses) = synced("sync-from-claude-agents", Vendor::Codex);
    // The tool lists and the Claude model are reported, never written.
    assert!(
        losses
            .iter()
            .any(|l| l == "the tool list of subagent `reviewer`"),
        "{losses:?}"
    );
    assert!(
        losses
            .iter()
            .any(|l| l == "model `sonnet` of subagent `reviewer`"),
        "{losses:?}"
    );
    let reviewer =
        fs::read_to_string(ws.path().join(".codex/agents/reviewer.toml")).expect("written");
    assert!(!reviewer.contains("sonnet"), "{reviewer}");
    assert!(
        reviewer.contains("sandbox_mode = \"read-only\""),
        "{reviewer}"
    );
    let records = validate("codex", ws.path());
    // Codex ignores a role with an unknown key or without developer_instructions, saying
    // "Ignoring malformed agent role" at startup: exec-startup fails on it.
    let startup = passed(&records, "exec-startup");
    assert_eq!(startup["status"], "PASS", "{startup}");
    assert!(
        !startup.to_string().contains("malformed agent role"),
        "{startup}"
    );
    assert!(!lines_mention(&records, "doctor-config", "agent role"));
    passed(&records, "strict-config");
    assert_eq!(
        agents_of(ws.path(), Vendor::Codex),
        ["release-manager", "reviewer"]
    );
    // The prompt (quotes, backslashes, `"""`) survives TOML escaping byte for byte.
    let ws_model = Workspace::load(ws.path(), &LoadOptions::default()).expect("loads");
    let prompt = |v: Vendor| {
        ws_model
            .model
            .agents
            .iter()
            .find(|a| a.vendor == v && a.name.as_ref().is_some_and(|n| n.value == "reviewer"))
            .and_then(|a| a.instructions.as_ref())
            .map(|i| i.value.trim().to_string())
            .expect("reviewer")
    };
    assert_eq!(prompt(Vendor::Codex), prompt(Vendor::Claude));
    assert!(prompt(Vendor::Codex).contains(r#"C:\Users\dev\repo"#));
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_to_gemini() {
    let (ws, losses) = synced("sync-from-claude-agents", Vendor::Gemini);
    assert!(
        losses
            .iter()
            .any(|l| l == "`color` of subagent `release-manager`"),
        "{losses:?}"
    );
    let records = validate("gemini", ws.path());
    // Gemini's strict agent loader: an unknown key (`color`), a string `tools` or an invalid
    // tool name is an "Agent loading error".
    let loaded = passed(&records, "agents+skills");
    assert_eq!(loaded["status"], "PASS", "{loaded}");
    assert!(
        !loaded.to_string().contains("Agent loading error"),
        "{loaded}"
    );
    let release =
        fs::read_to_string(ws.path().join(".gemini/agents/release-manager.md")).expect("written");
    assert!(
        release.contains("tools:\n  - run_shell_command\n  - replace\n  - write_file\n  - mcp_github_create_pull_request\n"),
        "{release}"
    );
    assert!(!release.contains("color"), "{release}");
    assert_eq!(
        agents_of(ws.path(), Vendor::Gemini),
        ["release-manager", "reviewer"]
    );
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn codex_to_claude() {
    let (ws, losses) = synced("sync-from-codex-agents", Vendor::Claude);
    assert!(
        losses
            .iter()
            .any(|l| l == "model `gpt-5.4` of subagent `explorer`"),
        "{losses:?}"
    );
    let records = validate("claude", ws.path());
    // Claude Code's own validator of `.claude/`: no error and no warning about the agents.
    let checked = passed(&records, "validate:.claude");
    assert_eq!(checked["status"], "PASS", "{checked}");
    // The declared role `docs_researcher` becomes `docs-researcher` (Claude names use hyphens);
    // the read-only sandbox becomes read-only tools; the reasoning effort carries over.
    assert_eq!(
        agents_of(ws.path(), Vendor::Claude),
        ["docs-researcher", "explorer"]
    );
    let explorer =
        fs::read_to_string(ws.path().join(".claude/agents/explorer.md")).expect("written");
    assert!(explorer.contains("tools: Read, Grep, Glob\n"), "{explorer}");
    assert!(explorer.contains("effort: high\n"), "{explorer}");
    assert!(!explorer.contains("gpt-"), "{explorer}");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn codex_to_gemini() {
    let (ws, _) = synced("sync-from-codex-agents", Vendor::Gemini);
    let records = validate("gemini", ws.path());
    let loaded = passed(&records, "agents+skills");
    assert_eq!(loaded["status"], "PASS", "{loaded}");
    assert_eq!(
        agents_of(ws.path(), Vendor::Gemini),
        ["docs_researcher", "explorer"]
    );
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn gemini_to_claude_and_codex() {
    let (ws, losses) = synced("sync-from-gemini-agents", Vendor::Claude);
    assert!(
        losses
            .iter()
            .any(|l| l == "tool `complete_task` of subagent `test_runner`"),
        "{losses:?}"
    );
    let records = validate("claude", ws.path());
    // Claude Code's own validator of `.claude/`: no error and no warning about the agents.
    let checked = passed(&records, "validate:.claude");
    assert_eq!(checked["status"], "PASS", "{checked}");
    let runner =
        fs::read_to_string(ws.path().join(".claude/agents/test-runner.md")).expect("written");
    assert!(
        runner.contains("tools: Bash, Read, Grep, mcp__ci_server__get_job_log\n"),
        "{runner}"
    );
    assert!(runner.contains("maxTurns: 12\n"), "{runner}");

    let (ws, _) = synced("sync-from-gemini-agents", Vendor::Codex);
    let records = validate("codex", ws.path());
    let startup = passed(&records, "exec-startup");
    assert_eq!(startup["status"], "PASS", "{startup}");
    passed(&records, "strict-config");
    assert_eq!(agents_of(ws.path(), Vendor::Codex), ["test_runner"]);
}
