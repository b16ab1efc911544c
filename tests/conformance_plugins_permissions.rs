//! Conformance of synced plugins and permissions with the real vendor CLIs (see conformance.rs
//! for how these tests run): every manifest sync writes must pass the target's own validator
//! (`gemini extensions validate`, `claude plugin validate`, `codex plugin add`), and the
//! permission settings must load without an unknown key (`codex exec --strict-config`, Gemini's
//! settings schema, `claude doctor`).
//!
//! Run with `cargo test -p aios-port-tests --test conformance_plugins_permissions -- --ignored`.

mod support;

use std::fs;

use aios_port::Vendor;
use serde_json::Value;
use support::{NEEDS, passed, synced, validate};

/// The JSON file at `rel` of `dir`.
fn json(dir: &std::path::Path, rel: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(dir.join(rel)).expect("written")).expect("JSON")
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_plugin_to_gemini_extension() {
    let _ = NEEDS;
    let (ws, losses) = synced("sync-from-claude-plugin", Vendor::Gemini);
    assert!(
        losses
            .iter()
            .any(|l| l == "commands `rollout` of plugin `deploy-tools`"),
        "{losses:?}"
    );
    let ext = json(ws.path(), "plugins/deploy-tools/gemini-extension.json");
    assert_eq!(ext["version"], "1.4.0");
    assert_eq!(
        ext["mcpServers"]["rollout"]["command"],
        "${extensionPath}/bin/rollout-mcp"
    );
    let records = validate("gemini", ws.path());
    let ext = passed(&records, "ext:plugins/deploy-tools");
    assert_eq!(ext["status"], "PASS", "{ext}");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_plugin_is_read_by_codex_as_it_is() {
    let (ws, _) = synced("sync-from-claude-plugin", Vendor::Codex);
    // Nothing is written for Codex: it reads Claude's marketplace and manifest itself.
    assert!(!ws.path().join(".agents/plugins/marketplace.json").exists());
    assert!(
        !ws.path()
            .join("plugins/deploy-tools/.codex-plugin/plugin.json")
            .exists()
    );
    let records = validate("codex", ws.path());
    passed(&records, "plugin-marketplace");
    passed(&records, "plugin-install");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn codex_plugin_to_claude_plugin() {
    let (ws, _) = synced("sync-from-codex-plugin", Vendor::Claude);
    let manifest = json(ws.path(), "plugins/lint-kit/.claude-plugin/plugin.json");
    assert_eq!(manifest["name"], "lint-kit");
    assert_eq!(manifest["displayName"], "Lint Kit");
    // `claude plugin validate` on the plugin directory: manifest mode, strict schema; an
    // unknown key would be a warning, so the check must be a clean PASS.
    let records = validate("claude", &ws.path().join("plugins/lint-kit"));
    let v = passed(&records, "validate:root");
    assert_eq!(v["status"], "PASS", "{v}");
    assert!(v.to_string().contains("mcpServers=1"), "{v}");
    assert!(v.to_string().contains("skills=1"), "{v}");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn codex_plugin_to_gemini_extension() {
    let (ws, _) = synced("sync-from-codex-plugin", Vendor::Gemini);
    let records = validate("gemini", ws.path());
    let ext = passed(&records, "ext:plugins/lint-kit");
    assert_eq!(ext["status"], "PASS", "{ext}");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn gemini_extension_to_claude_and_codex_plugins() {
    let (ws, losses) = synced("sync-from-gemini-plugin", Vendor::Claude);
    assert!(
        losses
            .iter()
            .any(|l| l == "the context file of plugin `notes`"),
        "{losses:?}"
    );
    let records = validate("claude", &ws.path().join("extensions/notes"));
    let v = passed(&records, "validate:root");
    // The extension names no author; Claude's validator only suggests one.
    assert!(
        v["detail"].as_str().is_some_and(|d| d.contains("errors=0")),
        "{v}"
    );
    assert!(
        v["lines"]
            .as_array()
            .is_none_or(|l| l.iter().all(|x| x.to_string().contains("author"))),
        "{v}"
    );
    assert!(v.to_string().contains("mcpServers=2"), "{v}");

    let (ws, losses) = synced("sync-from-gemini-plugin", Vendor::Codex);
    assert!(
        losses
            .iter()
            .any(|l| l == "MCP server `notes-index` of plugin `notes`"),
        "{losses:?}"
    );
    // A bare `.codex-plugin/plugin.json` is installed through a synthetic marketplace.
    let records = validate("codex", &ws.path().join("extensions/notes"));
    passed(&records, "plugin-install");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_permissions_to_codex() {
    let (ws, losses) = synced("sync-from-claude-permissions", Vendor::Codex);
    assert!(
        losses
            .iter()
            .any(|l| l == "deny rule `Bash(rm -rf:*)` of `.claude/settings.json`"),
        "{losses:?}"
    );
    let config = fs::read_to_string(ws.path().join(".codex/config.toml")).expect("written");
    // `untrusted` is rejected by Codex 0.169; a deny rule for a command keeps the sandbox
    // read-only, so that nothing changes files without approval.
    assert!(
        config.contains("approval_policy = \"on-request\"\nsandbox_mode = \"read-only\""),
        "{config}"
    );
    assert!(config.contains("web_search = \"disabled\""), "{config}");
    let records = validate("codex", ws.path());
    // Every written key is one Codex knows: an unknown field is fatal with --strict-config.
    passed(&records, "strict-config");
    passed(&records, "doctor-config");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_permissions_to_gemini() {
    let (ws, _) = synced("sync-from-claude-permissions", Vendor::Gemini);
    let settings = json(ws.path(), ".gemini/settings.json");
    assert_eq!(settings["general"]["defaultApprovalMode"], "auto_edit");
    let records = validate("gemini", ws.path());
    // Gemini's settings schema accepts the approval mode and the excluded tools.
    passed(&records, "settings+mcp");
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn codex_permissions_to_claude() {
    let (ws, _) = synced("sync-from-codex-permissions", Vendor::Claude);
    let settings = json(ws.path(), ".claude/settings.json");
    assert_eq!(settings["permissions"]["defaultMode"], "acceptEdits");
    let records = validate("claude", ws.path());
    let doctor = passed(&records, "doctor-settings");
    assert_eq!(doctor["status"], "PASS", "{doctor}");
}
