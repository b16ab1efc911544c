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
    assert!(err.starts_with("aios-port: error: cannot open `no/such/dir`"), "{err}");
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
        assert!(!p.starts_with('/') && !p.contains('\\'), "not workspace-relative: {p}");
    }
    let servers = doc["model"]["mcp_servers"].as_array().expect("servers");
    let github = &servers[0];
    assert_eq!(github["name"], "github");
    assert_eq!(github["origin"]["path"], ".mcp.json");
    assert_eq!(github["origin"]["line"], 3);
    assert_eq!(
        github["env"][0][1]["parts"][0]["var"]["name"],
        "GITHUB_TOKEN",
        "env references are parsed, not expanded"
    );
}

fn collect_paths(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "path" {
                    if let Some(s) = x.as_str() {
                        out.push(s.to_string());
                    }
                }
                collect_paths(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_paths(x, out)),
        _ => {}
    }
}
