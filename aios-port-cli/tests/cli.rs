//! The real `aios-port` binary: output, exit codes and JSON shape.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn aios() -> Command {
    let mut c = Command::cargo_bin("aios-port").expect("binary built");
    c.current_dir(repo());
    c
}

#[test]
fn scan_demo_workspace_human() {
    let out = aios()
        .args(["scan", "examples/demo-workspace"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!(String::from_utf8(out).expect("utf-8"));
}

#[test]
fn scan_malformed_file_exits_1_and_names_line_and_column() {
    let out = aios()
        .args(["scan", "fixtures/bad-json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.contains(".mcp.json:4:23: error[AP002] invalid JSON: Expected comma"),
        "{text}"
    );
    // The rest of the workspace is still read.
    assert!(text.contains("CLAUDE.md"), "{text}");
}

#[test]
fn scan_missing_directory_exits_2() {
    let assert = aios().args(["scan", "no/such/dir"]).assert().code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    assert!(
        err.starts_with("aios-port: error: cannot open `no/such/dir`"),
        "{err}"
    );
}

#[test]
fn scan_bad_usage_exits_2() {
    aios().args(["scan", "--format", "yaml"]).assert().code(2);
}

#[test]
fn scan_json_is_versioned_and_workspace_relative() {
    let out = aios()
        .args(["scan", "examples/demo-workspace", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("valid JSON");
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["root"], ".");
    let mut paths = Vec::new();
    collect_paths(&doc, &mut paths);
    assert!(paths.len() > 10);
    for p in &paths {
        assert!(
            !p.starts_with('/') && !p.contains('\\'),
            "not workspace-relative: {p}"
        );
    }
    let servers = doc["model"]["mcp_servers"].as_array().expect("servers");
    let github = &servers[0];
    assert_eq!(github["name"], "github");
    assert_eq!(github["origin"]["path"], ".mcp.json");
    assert_eq!(github["origin"]["line"], 3);
    assert_eq!(
        github["env"][0][1]["parts"][0]["var"]["name"], "GITHUB_TOKEN",
        "env references are parsed, not expanded"
    );
}

fn collect_paths(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "path"
                    && let Some(s) = x.as_str()
                {
                    out.push(s.to_string());
                }
                collect_paths(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_paths(x, out)),
        _ => {}
    }
}

/// A temporary workspace with the given files.
fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (rel, text) in files {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("aios-port")
        .expect("binary built")
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const TOKEN: &str = "ghp_Zq8Lm3Nv7Bx2Cw9Dk4Ej6Fh1Gi5Hp0QsTuVw";

fn leaky() -> tempfile::TempDir {
    workspace(&[(
        ".mcp.json",
        &format!(
            r#"{{"mcpServers": {{"github": {{"command": "github-mcp-server", "env": {{"GITHUB_TOKEN": "{TOKEN}"}}}}}}}}"#
        ),
    )])
}

#[test]
fn check_clean_two_vendor_workspace_exits_0() {
    let out = aios()
        .args(["check", "examples/two-vendors"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).expect("utf-8"),
        "No problems found (9 files checked).\n"
    );
}

#[test]
fn check_fail_levels_and_exit_zero() {
    // One warning only: an unpinned package.
    let dir = workspace(&[(
        ".mcp.json",
        r#"{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"]}}}"#,
    )]);
    assert_eq!(
        run_in(dir.path(), &["check"]).0,
        1,
        "warnings fail by default"
    );
    assert_eq!(run_in(dir.path(), &["check", "--fail-on", "error"]).0, 0);
    assert_eq!(run_in(dir.path(), &["check", "--exit-zero"]).0, 0);
    assert_eq!(run_in(dir.path(), &["check", "--ignore", "AP303"]).0, 0);
    assert_eq!(run_in(dir.path(), &["check", "--select", "security"]).0, 1);
    // A malformed vendor file is always a finding, whatever the fail level.
    assert_eq!(
        aios()
            .args(["check", "fixtures/bad-json", "--fail-on", "error"])
            .output()
            .expect("runs")
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn check_bad_selector_and_bad_config_exit_2() {
    let dir = workspace(&[("CLAUDE.md", "# x\n")]);
    let (code, _, err) = run_in(dir.path(), &["check", "--select", "AP999"]);
    assert_eq!(code, 2);
    assert!(err.contains("`AP999` matches no rule"), "{err}");
    let dir = workspace(&[
        ("CLAUDE.md", "# x\n"),
        ("aios-port.toml", "[check]\nfail-on = \"info\"\n"),
    ]);
    let (code, _, err) = run_in(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("aios-port.toml:2:11: `fail-on` must be"),
        "{err}"
    );
}

#[test]
fn config_selection_applies() {
    let dir = workspace(&[
        (
            ".mcp.json",
            r#"{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"]}}}"#,
        ),
        (
            "aios-port.toml",
            "[check]\nignore = [\"unpinned-mcp-package\"]\n",
        ),
    ]);
    let (code, out, _) = run_in(dir.path(), &["check"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "No problems found (1 files checked).\n")
    );
}

#[test]
fn secrets_are_redacted_in_every_format() {
    let dir = leaky();
    for format in ["human", "concise", "json", "sarif", "github"] {
        let (code, out, _) = run_in(
            dir.path(),
            &["check", "--format", format, "--color", "always"],
        );
        assert_eq!(code, 1, "{format}");
        assert!(out.contains("AP301"), "{format}: {out}");
        assert!(!out.contains(TOKEN), "{format} leaks the secret:\n{out}");
        assert!(
            !out.contains(&TOKEN[8..30]),
            "{format} leaks part of the secret"
        );
    }
    let (_, human, _) = run_in(
        dir.path(),
        &["check", "--format", "human", "--color", "never"],
    );
    assert!(human.contains("ghp_…TuVw"), "{human}");
}

#[test]
fn json_format_is_documented_shape() {
    let dir = leaky();
    let (_, out, _) = run_in(dir.path(), &["check", "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["summary"]["errors"], 1);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["code"], "AP301");
    assert_eq!(d["name"], "literal-secret");
    assert_eq!(d["category"], "security");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], ".mcp.json");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(85)),
        "points at the token itself"
    );
    assert_eq!(d["labels"][0]["primary"], true);
    assert!(d["help"].as_str().is_some_and(|h| h.contains("rotate")));
}

#[test]
fn sarif_is_valid_2_1_0() {
    let dir = leaky();
    let (_, out, _) = run_in(dir.path(), &["check", "--format", "sarif"]);
    let doc: Value = serde_json::from_str(&out).expect("JSON");
    // Typed against the SARIF 2.1.0 schema (serde-sarif's types are generated from it).
    let sarif: serde_sarif::sarif::Sarif =
        serde_json::from_value(doc.clone()).expect("SARIF 2.1.0");
    assert_eq!(sarif.version, serde_json::json!("2.1.0"));
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(rules.len() >= 30);
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "AP301");
    let idx = result["ruleIndex"].as_u64().expect("index") as usize;
    assert_eq!(rules[idx]["id"], "AP301");
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 1);
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        ".mcp.json"
    );
}

#[test]
fn github_annotations() {
    let (code, out, _) = {
        let o = aios()
            .args(["check", "fixtures/bad-json", "--format", "github"])
            .output()
            .expect("runs");
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            (),
        )
    };
    assert_eq!(code, Some(1));
    assert!(
        out.lines().any(|l| l
            == "::error title=aios-port (AP002),file=.mcp.json,line=4,endLine=4,col=23,endColumn=23::invalid JSON: Expected comma%0Ahelp: fix the JSON syntax; the vendor cannot load this file either"),
        "{out}"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = leaky();
    let (_, plain, _) = run_in(dir.path(), &["check"]);
    assert!(!plain.contains('\u{1b}'), "not a terminal: no colour");
    let (_, always, _) = run_in(dir.path(), &["check", "--color", "always"]);
    assert!(always.contains('\u{1b}'));
}

#[test]
fn rules_and_explain() {
    let out = aios()
        .arg("rules")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.lines()
            .any(|l| l.starts_with("AP101  mcp-server-missing"))
    );
    let out = aios()
        .args(["explain", "mcp-server-missing"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.starts_with("# AP101 mcp-server-missing"));
    assert!(text.contains("## Why is this bad?"));
    aios().args(["explain", "AP999"]).assert().code(2);
}

#[cfg(unix)]
#[test]
fn closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_aios-port"))
        .current_dir(repo())
        .args([
            "scan",
            "../shared/corpus/anthropics__claude-plugins-official",
            "--format",
            "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut first = [0u8; 1];
    child
        .stdout
        .as_mut()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("reads");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("waits");
    assert_eq!(first[0], b'{');
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
