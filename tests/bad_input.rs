//! Bad input that cannot live in `fixtures/` (too large, generated, or not a regular file):
//! each must give a finding that names the file, and the rest of the workspace is still read.

use std::fs;
use std::path::Path;

use aios_port::diagnostic::codes;
use aios_port::{LoadOptions, Severity, Workspace};

fn load(dir: &Path) -> Workspace {
    Workspace::load(dir, &LoadOptions::default()).expect("workspace loads")
}

fn write(dir: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
    fs::write(p, text).expect("write");
}

/// The diagnostics as `path code` pairs.
fn found(ws: &Workspace) -> Vec<(String, &'static str, Severity)> {
    ws.diagnostics
        .iter()
        .map(|d| {
            (
                ws.sources.locate(&d.primary.origin).0.to_string(),
                d.code,
                d.severity,
            )
        })
        .collect()
}

#[test]
fn fifty_megabyte_instruction_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = fs::File::create(dir.path().join("CLAUDE.md")).expect("create");
    f.set_len(50 * 1024 * 1024).expect("sparse 50 MB file");
    write(
        dir.path(),
        ".mcp.json",
        r#"{"mcpServers": {"a": {"command": "x"}}}"#,
    );
    let ws = load(dir.path());
    assert_eq!(
        found(&ws),
        vec![(
            "CLAUDE.md".to_string(),
            codes::UNREADABLE_FILE,
            Severity::Error
        )]
    );
    assert!(ws.diagnostics[0].message.contains("50 MiB"));
    assert_eq!(ws.model.mcp_servers.len(), 1, "the rest is still read");
}

#[test]
fn json_nested_ten_thousand_deep_is_a_finding_not_a_stack_overflow() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = format!(
        "{{\"mcpServers\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    write(dir.path(), ".mcp.json", deep);
    write(dir.path(), "CLAUDE.md", "# ok\n");
    let ws = load(dir.path());
    let d = &ws.diagnostics[0];
    assert_eq!(d.code, codes::UNPARSEABLE_FILE);
    let (path, line, col) = ws.sources.locate(&d.primary.origin);
    assert_eq!((path, line), (".mcp.json", 1));
    assert!(col > 500, "points at the depth limit, got column {col}");
    assert_eq!(ws.model.instructions.len(), 1);
}

#[test]
fn toml_nested_ten_thousand_deep_is_a_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    write(dir.path(), ".codex/config.toml", deep);
    let ws = load(dir.path());
    assert_eq!(
        found(&ws),
        vec![(
            ".codex/config.toml".to_string(),
            codes::UNPARSEABLE_FILE,
            Severity::Error
        )]
    );
}

#[test]
fn deep_yaml_frontmatter_does_not_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = format!(
        "---\nname: x\nmeta: {}{}\n---\nbody\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    write(dir.path(), ".claude/agents/x.md", deep);
    let ws = load(dir.path());
    assert_eq!(ws.model.agents.len(), 1);
}

#[cfg(unix)]
#[test]
fn fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join(".mcp.json");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let ws = load(dir.path());
    assert_eq!(
        found(&ws),
        vec![(
            ".mcp.json".to_string(),
            codes::UNREADABLE_FILE,
            Severity::Error
        )]
    );
    assert!(ws.diagnostics[0].message.contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn symlinked_directory_leaving_the_workspace_is_not_followed() {
    let outside = tempfile::tempdir().expect("tempdir");
    write(outside.path(), "settings.json", r#"{"model": "opus"}"#);
    write(outside.path(), "CLAUDE.md", "# outside\n");
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(outside.path(), dir.path().join(".claude")).expect("symlink");
    std::os::unix::fs::symlink(
        outside.path().join("CLAUDE.md"),
        dir.path().join("CLAUDE.md"),
    )
    .expect("symlink");
    let ws = load(dir.path());
    assert!(
        ws.model.settings.is_empty(),
        "nothing read through the link"
    );
    assert!(ws.model.instructions.is_empty());
    let codes_found: Vec<_> = found(&ws).into_iter().map(|(_, c, _)| c).collect();
    assert!(
        codes_found.iter().all(|c| *c == codes::SYMLINK_ESCAPES),
        "{codes_found:?}"
    );
    assert!(!codes_found.is_empty());
}

#[test]
fn missing_root_is_an_error_not_a_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(Workspace::load(dir.path().join("nope"), &LoadOptions::default()).is_err());
    write(dir.path(), "file", "x");
    assert!(Workspace::load(dir.path().join("file"), &LoadOptions::default()).is_err());
}
