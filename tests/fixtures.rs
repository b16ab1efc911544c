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

#[test]
fn fixture_models() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let name = case.file_name().expect("name").to_string_lossy().into_owned();
        let doc = model_snapshot(&case);
        insta::with_settings!({snapshot_suffix => name.clone(), prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_json_snapshot!("model", doc);
        });
    }
}
