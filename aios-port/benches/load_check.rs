//! Benchmarks of `Workspace::load` and `check` on the demo workspace, the largest corpus
//! workspace and a synthetic 10,000-file monorepo. Run with `cargo bench -p aios-port`.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use aios_port::check::{CheckOptions, check};
use aios_port::{LoadOptions, Workspace};

fn main() {
    divan::main();
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The synthetic monorepo, generated once per run by `scripts/gen-monorepo.py`.
fn monorepo() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let status = std::process::Command::new("python3")
            .arg(repo().join("scripts/gen-monorepo.py"))
            .arg(dir.path())
            .stdout(std::process::Stdio::null())
            .status()
            .expect("python3 runs");
        assert!(status.success());
        dir
    })
    .path()
}

fn workspaces() -> Vec<(&'static str, PathBuf)> {
    vec![
        ("demo", repo().join("examples/demo-workspace")),
        (
            "claude-plugins-official",
            repo().join("../shared/corpus/anthropics__claude-plugins-official"),
        ),
        ("monorepo-10k", monorepo().to_path_buf()),
    ]
}

#[divan::bench(args = ["demo", "claude-plugins-official", "monorepo-10k"])]
fn load(name: &str) {
    let path = workspaces()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| p)
        .expect("known");
    divan::black_box(Workspace::load(&path, &LoadOptions::default()).expect("loads"));
}

#[divan::bench(args = ["demo", "claude-plugins-official", "monorepo-10k"])]
fn load_and_check(name: &str) {
    let path = workspaces()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| p)
        .expect("known");
    let ws = Workspace::load(&path, &LoadOptions::default()).expect("loads");
    divan::black_box(check(&ws, &CheckOptions::default()));
}
