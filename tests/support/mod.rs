//! Helpers shared by the conformance test files: sync a fixture into a temporary copy, run the
//! real-client validator and read its records.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use aios_port::sync::{self, SyncOptions, lock::Lock};
use aios_port::{LoadOptions, Vendor, Workspace};
use serde_json::Value;

pub const NEEDS: &str =
    "needs the pinned vendor CLIs: bash ../shared/tools/real-clients/install.sh";

pub fn validator() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/tools/real-clients/validate.sh")
}

pub fn copy_tree(from: &Path, to: &Path) {
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
pub fn synced(name: &str, target: Vendor) -> (tempfile::TempDir, Vec<String>) {
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
pub fn validate(client: &str, ws: &Path) -> Vec<Value> {
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
pub fn passed<'a>(records: &'a [Value], check: &str) -> &'a Value {
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

pub fn codex_helper(mode: &str, arg: Option<&str>, ws: &Path) -> String {
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

pub fn codex_server(name: &str, ws: &Path) -> Value {
    serde_json::from_str(&codex_helper("--codex-mcp-json", Some(name), ws)).expect("JSON")
}
