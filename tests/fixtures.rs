//! Snapshot of the model read from every fixture workspace under `fixtures/`.
//!
//! Each `fixtures/<case>/` is a workspace. The snapshot is the `scan --format json` document
//! with origins shortened to `path:line:col-line:col` so that a reviewer can read it.

use std::path::{Path, PathBuf};

use aios_port::{LoadOptions, Workspace};
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// Replaces each resolved origin object with a compact string.
fn compact(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(p)), Some(l), Some(c), Some(el), Some(ec)) = (
                m.get("path"),
                m.get("line"),
                m.get("column"),
                m.get("end_line"),
                m.get("end_column"),
            ) && m.len() == 5
            {
                *v = Value::String(format!("{p}:{l}:{c}-{el}:{ec}"));
                return;
            }
            m.values_mut().for_each(compact);
        }
        Value::Array(a) => a.iter_mut().for_each(compact),
        _ => {}
    }
}

/// The snapshot document for one fixture.
pub fn model_snapshot(dir: &Path) -> Value {
    let ws = Workspace::load(dir, &LoadOptions::default()).expect("fixture loads");
    let mut doc = aios_port::scan::to_json(&ws);
    compact(&mut doc);
    doc
}

fn cases(check: bool) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            name.starts_with("check-") == check
        })
        .collect();
    cases.sort();
    cases
}

/// `check-<code>-<situation>`: the rule `<code>` alone runs; a `near-miss` situation must
/// report nothing, any other must report at least one finding. The snapshot is the human
/// output without colour.
#[test]
fn check_fixtures() {
    use aios_port::check::{CheckOptions, RuleSelection, check};
    let mut mismatched = Vec::new();
    let cases = cases(true);
    assert!(cases.len() >= 60, "{} check fixtures", cases.len());
    for case in cases {
        let name = case
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let code = name
            .split('-')
            .nth(1)
            .expect("check-<code>-<situation>")
            .to_ascii_uppercase();
        let ws = Workspace::load(&case, &LoadOptions::default()).expect("fixture loads");
        let cfg = aios_port::config::load(&ws.root)
            .expect("valid config")
            .unwrap_or_default();
        let options = CheckOptions {
            selection: RuleSelection::new(&[code.as_str()], &[] as &[&str]).expect("known code"),
            vendors: cfg.vendors(),
        };
        let report = check(&ws, &options);
        let hits = report.diagnostics.iter().filter(|d| d.code == code).count();
        if name.contains("near-miss") {
            assert_eq!(hits, 0, "{name}: a near miss must not trigger {code}");
            // A near miss is a real configuration: something must have been read.
            assert!(!ws.sources.is_empty(), "{name}: nothing was read");
        } else {
            assert!(hits > 0, "{name}: must trigger {code}");
        }
        let mut out = Vec::new();
        aios_port::render::human::write(&mut out, &ws.sources, &report.diagnostics, false)
            .expect("render");
        let text = String::from_utf8(out).expect("utf-8");
        let snap = std::panic::catch_unwind(|| {
            insta::with_settings!({snapshot_suffix => name.clone(), prepend_module_to_snapshot => false, omit_expression => true}, {
                insta::assert_snapshot!("check", text);
            });
        });
        if snap.is_err() {
            mismatched.push(name);
        }
    }
    assert!(mismatched.is_empty(), "snapshots differ: {mismatched:?}");
}

#[test]
fn fixture_models() {
    let cases = cases(false);
    assert!(!cases.is_empty());
    let mut mismatched = Vec::new();
    for case in cases {
        let name = case
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let doc = model_snapshot(&case);
        // Every fixture is compared (and `.snap.new` written) before the test fails.
        let snap = std::panic::catch_unwind(|| {
            insta::with_settings!({snapshot_suffix => name.clone(), prepend_module_to_snapshot => false, omit_expression => true}, {
                insta::assert_json_snapshot!("model", doc);
            });
        });
        if snap.is_err() {
            mismatched.push(name);
        }
    }
    assert!(mismatched.is_empty(), "snapshots differ: {mismatched:?}");
}
