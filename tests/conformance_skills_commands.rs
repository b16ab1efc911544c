//! Conformance of synced skills and commands with the real vendor CLIs (see conformance.rs for
//! how these tests run): the skills and the command ports that `sync` writes load in Codex, the
//! Gemini commands and skills load through Gemini CLI's own loaders, and Claude Code's validator
//! accepts the commands written from Gemini.

mod support;

use aios_port::Vendor;
use support::{codex_helper, passed, synced, validate};

/// The names Codex lists as project skills in `codex/prompt-input` (`project skills: a, b 0.2s`).
fn project_skills(detail: &str) -> Vec<String> {
    let list = detail.split("project skills: ").nth(1).unwrap_or("");
    list.split(", ")
        .filter_map(|s| s.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_skills_and_commands_to_codex() {
    let (ws, losses) = synced("sync-from-claude-skills-commands", Vendor::Codex);
    assert!(
        losses
            .iter()
            .any(|l| l == "`allowed-tools` of skill `release`"),
        "{losses:?}"
    );
    let records = validate("codex", ws.path());
    // Codex loads every skill and command port without a `failed to load skill`.
    passed(&records, "exec-startup");
    let input = passed(&records, "prompt-input");
    let skills = project_skills(input["detail"].as_str().unwrap_or(""));
    assert_eq!(
        skills,
        ["changelog", "fix-issue", "git-commit", "release", "status"],
        "{input}"
    );
    // The skills reach the model by name and description.
    let prompt = codex_helper("--codex-prompt-input", None, ws.path());
    for needle in [
        "release: Cut a release of the crate.",
        "git-commit: Commit the staged changes with a conventional message",
        "changelog: Write the changelog entry",
    ] {
        assert!(prompt.contains(needle), "{needle} not in {prompt}");
    }
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn claude_skills_and_commands_to_gemini() {
    let (ws, losses) = synced("sync-from-claude-skills-commands", Vendor::Gemini);
    assert!(
        losses
            .iter()
            .any(|l| l == "positional arguments of command `/fix-issue`"),
        "{losses:?}"
    );
    let records = validate("gemini", ws.path());
    let commands = passed(&records, "commands");
    let detail = commands["detail"].as_str().unwrap_or("");
    for name in ["/git:commit", "/status", "/fix-issue"] {
        assert!(detail.contains(name), "{name} not loaded: {commands}");
    }
    let skills = passed(&records, "agents+skills");
    assert!(
        skills["detail"]
            .as_str()
            .is_some_and(|d| d.contains("skills: changelog release")),
        "{skills}"
    );
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn gemini_commands_to_claude() {
    let (ws, losses) = synced("sync-from-gemini-commands", Vendor::Claude);
    assert_eq!(losses, ["running the shell commands of command `/changes`"]);
    let records = validate("claude", ws.path());
    passed(&records, "validate:.claude");
    let written =
        std::fs::read_to_string(ws.path().join(".claude/commands/git/commit.md")).expect("written");
    assert!(
        written.contains("conventional commit: $ARGUMENTS"),
        "{written}"
    );
}

#[test]
#[ignore = "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh"]
fn gemini_commands_to_codex() {
    let (ws, _) = synced("sync-from-gemini-commands", Vendor::Codex);
    let records = validate("codex", ws.path());
    // The ports, with their `agents/openai.yaml` policy, load cleanly...
    passed(&records, "exec-startup");
    // ...and, as Gemini commands are typed by the user only, Codex does not offer them to the
    // model (`allow_implicit_invocation: false`); they are invoked as `$git-commit`.
    let input = passed(&records, "prompt-input");
    assert_eq!(
        project_skills(input["detail"].as_str().unwrap_or("")),
        ["none"],
        "{input}"
    );
    // Without the policy file the same skill is offered: the policy is what hides it.
    std::fs::remove_file(ws.path().join(".codex/skills/explain/agents/openai.yaml"))
        .expect("written");
    let records = validate("codex", ws.path());
    let input = passed(&records, "prompt-input");
    assert_eq!(
        project_skills(input["detail"].as_str().unwrap_or("")),
        ["explain"],
        "{input}"
    );
}
