//! `sync` end to end: reviewed diffs of every `fixtures/sync-*` workspace, the round trip
//! (apply, then a second sync changes nothing and `check` finds no drift sync fixes), and the
//! whole corpus synced to every other vendor in a temporary copy.

use std::fs;
use std::path::{Path, PathBuf};

use aios_port::check::{CheckOptions, RuleSelection, check};
use aios_port::sync::{self, SyncOptions, diff, lock::Lock};
use aios_port::{LoadOptions, Vendor, Workspace};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

fn corpus() -> PathBuf {
    std::env::var_os("AIOS_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
        PathBuf::from,
    )
}

/// Copies a directory tree (symlinks as symlinks, files as files).
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read_dir").flatten() {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        let t = e.file_type().expect("file type");
        if t.is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(fs::read_link(&src).expect("link"), &dst).expect("symlink");
        } else if t.is_dir() {
            copy_tree(&src, &dst);
        } else {
            fs::copy(&src, &dst).expect("copy");
            // The corpus is read-only; the copy must be writable.
            let mut p = fs::metadata(&dst).expect("meta").permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            p.set_readonly(false);
            fs::set_permissions(&dst, p).expect("chmod");
        }
    }
}

fn load(dir: &Path) -> Workspace {
    Workspace::load(dir, &LoadOptions::default()).expect("loads")
}

fn lock_of(dir: &Path) -> Lock {
    fs::read_to_string(dir.join(sync::lock::FILE_NAME))
        .map(|t| Lock::parse(&t).expect("valid lock"))
        .unwrap_or_default()
}

fn lossy() -> SyncOptions {
    SyncOptions {
        allow_lossy: true,
        ..SyncOptions::default()
    }
}

/// The plan as text: summary, losses, then every diff.
fn render(ws: &Workspace, plan: &sync::SyncPlan) -> String {
    let mut out = format!(
        "primary: {}\ntargets: {}\n",
        plan.primary.id(),
        plan.targets
            .iter()
            .map(|v| v.id())
            .collect::<Vec<_>>()
            .join(", ")
    );
    for l in &plan.losses {
        let (p, line, col) = ws.sources.locate(&l.origin);
        out.push_str(&format!(
            "loss for {}{}: {} ({p}:{line}:{col}): {}\n",
            l.target.id(),
            if l.refused {
                " (refused)"
            } else if l.skipped {
                " (not written)"
            } else {
                ""
            },
            l.what,
            l.why
        ));
    }
    for c in &plan.conflicts {
        out.push_str(&format!(
            "conflict: {} {:?}: {}\n",
            c.path, c.entry, c.reason
        ));
    }
    for e in &plan.errors {
        out.push_str(&format!("error: {e}\n"));
    }
    for c in &plan.changes {
        out.push('\n');
        out.push_str(&diff::unified(c));
    }
    out
}

#[test]
fn sync_fixture_diffs() {
    let mut names: Vec<String> = fs::read_dir(fixtures())
        .expect("fixtures")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("sync-"))
        .collect();
    names.sort();
    assert!(names.len() >= 4);
    let mut mismatched = Vec::new();
    for name in names {
        let ws = load(&fixtures().join(&name));
        let plan = sync::plan(&ws, &lossy(), Lock::default()).expect("plans");
        let text = render(&ws, &plan);
        let snap = std::panic::catch_unwind(|| {
            insta::with_settings!({snapshot_suffix => name.clone(), prepend_module_to_snapshot => false, omit_expression => true}, {
                insta::assert_snapshot!("sync", text);
            });
        });
        if snap.is_err() {
            mismatched.push(name);
        }
    }
    assert!(mismatched.is_empty(), "snapshots differ: {mismatched:?}");
}

#[test]
fn round_trip_keeps_every_other_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixtures().join("sync-roundtrip-comments"), dir.path());
    let before_codex = fs::read_to_string(dir.path().join(".codex/config.toml")).expect("read");
    let before_gemini = fs::read_to_string(dir.path().join(".gemini/settings.json")).expect("read");
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &SyncOptions::default(), Lock::default()).expect("plans");
    assert_eq!(plan.blocked(&SyncOptions::default()), None);
    sync::apply(&ws.root, &plan).expect("applies");
    let after_codex = fs::read_to_string(dir.path().join(".codex/config.toml")).expect("read");
    let after_gemini = fs::read_to_string(dir.path().join(".gemini/settings.json")).expect("read");
    // The new table sits with the other servers; every other byte is untouched.
    let table = "[mcp_servers.docs]\ncommand = \"docs-mcp\"\nargs = [\"--stdio\"]\nenv_vars = [\"DOCS_TOKEN\"]\n\n";
    assert!(after_codex.contains(table), "{after_codex}");
    assert_eq!(after_codex.replacen(table, "", 1), before_codex);
    assert!(after_gemini.starts_with("{\n    // Four-space indentation and comments: all kept.\n    \"general\": { \"vimMode\": true },\n    \"mcpServers\": {\n        \"gemini_only\": { \"command\": \"g\" }, // Gemini-only server\n"), "{after_gemini}");
    assert_ne!(before_gemini, after_gemini);
    // Unchanged files keep their modification time: a second sync writes nothing.
    let ws = load(dir.path());
    let again = sync::plan(&ws, &SyncOptions::default(), lock_of(dir.path())).expect("plans");
    assert!(
        again.changes.is_empty(),
        "{:?}",
        again.changes.iter().map(|c| &c.path).collect::<Vec<_>>()
    );
}

#[test]
fn hand_edit_is_a_conflict_and_force_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixtures().join("sync-roundtrip-comments"), dir.path());
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &SyncOptions::default(), Lock::default()).expect("plans");
    sync::apply(&ws.root, &plan).expect("applies");
    let p = dir.path().join(".codex/config.toml");
    let edited = fs::read_to_string(&p)
        .expect("read")
        .replace("\"--stdio\"", "\"--http\"");
    fs::write(&p, &edited).expect("write");
    // The primary changes too, so sync wants to rewrite the entry.
    let mcp = dir.path().join(".mcp.json");
    fs::write(
        &mcp,
        fs::read_to_string(&mcp)
            .expect("read")
            .replace("--stdio", "--stdio2"),
    )
    .expect("write");
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &SyncOptions::default(), lock_of(dir.path())).expect("plans");
    assert_eq!(plan.conflicts.len(), 1, "{:?}", plan.conflicts);
    assert_eq!(plan.conflicts[0].entry.as_deref(), Some("mcp_servers.docs"));
    assert!(plan.blocked(&SyncOptions::default()).is_some());
    let forced = SyncOptions {
        force: true,
        ..SyncOptions::default()
    };
    let plan = sync::plan(&ws, &forced, lock_of(dir.path())).expect("plans");
    assert_eq!(plan.blocked(&forced), None);
    sync::apply(&ws.root, &plan).expect("applies");
    assert!(
        fs::read_to_string(&p)
            .expect("read")
            .contains("\"--stdio2\"")
    );
}

/// The vendor a workspace file configures, by its path.
fn vendor_of(path: &str) -> Option<Vendor> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let has = |dir: &str| path.starts_with(dir) || path.contains(&format!("/{dir}"));
    if has(".claude/")
        || has(".claude-plugin/")
        || matches!(name, "CLAUDE.md" | "CLAUDE.local.md" | ".mcp.json")
    {
        Some(Vendor::Claude)
    } else if has(".codex/")
        || has(".codex-plugin/")
        || has(".agents/")
        || matches!(name, "AGENTS.md" | "AGENTS.override.md")
    {
        Some(Vendor::Codex)
    } else if has(".gemini/") || matches!(name, "GEMINI.md" | "gemini-extension.json") {
        Some(Vendor::Gemini)
    } else {
        None
    }
}

/// Drift rules whose findings sync fixes.
const SYNC_FIXES: [&str; 9] = [
    "AP101", "AP102", "AP103", "AP104", "AP105", "AP106", "AP107", "AP108", "AP109",
];

fn drift_after_sync(src: &Path, options: &SyncOptions) -> (Vec<String>, sync::SyncPlan) {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(src, dir.path());
    let ws = load(dir.path());
    let plan = sync::plan(&ws, options, Lock::default()).expect("plans");
    if plan.blocked(options).is_none() {
        sync::apply(&ws.root, &plan).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
    }
    let ws = load(dir.path());
    let again = sync::plan(&ws, options, lock_of(dir.path())).expect("plans again");
    assert!(
        again.changes.is_empty(),
        "{}: second sync is not a no-op: {:?}",
        src.display(),
        again.changes.iter().map(|c| &c.path).collect::<Vec<_>>()
    );
    let selection = RuleSelection::new(&SYNC_FIXES, &[] as &[&str]).expect("codes");
    let report = check(
        &ws,
        &CheckOptions {
            selection,
            vendors: Some(aios_port::VendorSet::of(&Vendor::ALL)),
        },
    );
    let primary = plan.primary;
    let found = report
        .diagnostics
        .iter()
        // Drift about items only other vendors have is theirs to keep: sync leaves them alone.
        // A finding concerns the primary when one of its labels points into a primary file.
        .filter(|d| {
            std::iter::once(&d.primary)
                .chain(&d.secondary)
                .any(|l| vendor_of(ws.sources.locate(&l.origin).0) == Some(primary))
        })
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    (found, plan)
}

#[test]
fn sync_fixtures_leave_no_drift() {
    let mut names: Vec<String> = fs::read_dir(fixtures())
        .expect("fixtures")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("sync-from-"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let name = name.as_str();
        let (found, plan) = drift_after_sync(&fixtures().join(name), &lossy());
        assert!(
            plan.conflicts.is_empty() && plan.errors.is_empty(),
            "{name}"
        );
        assert!(found.is_empty(), "{name}: drift after sync: {found:#?}");
    }
}

#[test]
fn corpus_syncs_to_every_vendor_idempotently() {
    let options = SyncOptions {
        allow_lossy: true,
        force: true,
        ..SyncOptions::default()
    };
    let mut names: Vec<PathBuf> = fs::read_dir(corpus())
        .expect("corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    for ws_dir in names {
        let ws = load(&ws_dir);
        if ws.vendors_present().is_empty() {
            continue;
        }
        let (found, plan) = drift_after_sync(&ws_dir, &options);
        // What remains of the primary's items is what a target cannot express: each such
        // finding names an item with a loss.
        for f in found {
            // Instructions the primary keeps outside a file it imports stay its own (reported).
            if f.starts_with("AP103")
                && plan
                    .losses
                    .iter()
                    .any(|l| l.what.starts_with("sections of"))
            {
                continue;
            }
            // Every backticked name of the finding (server, file, event) that a loss also names.
            let names: Vec<&str> = f.split('`').skip(1).step_by(2).collect();
            let explained = plan
                .losses
                .iter()
                .any(|l| names.iter().any(|n| l.what.contains(&format!("`{n}`"))));
            assert!(
                explained,
                "{}: drift left after sync without a loss: {f}",
                ws_dir.display()
            );
        }
    }
}

#[test]
fn guard_that_would_fail_open_is_always_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A guard on Read, which Codex cannot intercept, and one answering `ask`.
    fs::create_dir_all(dir.path().join(".claude")).expect("mkdir");
    fs::write(
        dir.path().join(".claude/settings.json"),
        r#"{"hooks": {"PreToolUse": [
            {"matcher": "Read", "hooks": [{"type": "command", "command": "echo '{\"decision\": \"block\"}'; exit 2"}]},
            {"matcher": "Bash", "hooks": [{"type": "command", "command": "echo '{\"hookSpecificOutput\": {\"permissionDecision\": \"ask\"}}'"}]}
        ]}}"#,
    )
    .expect("write");
    let ws = load(dir.path());
    let options = SyncOptions {
        to: vec![Vendor::Codex],
        allow_lossy: true,
        force: true,
        ..SyncOptions::default()
    };
    let plan = sync::plan(&ws, &options, Lock::default()).expect("plans");
    let refused: Vec<&str> = plan
        .losses
        .iter()
        .filter(|l| l.refused)
        .map(|l| l.what.as_str())
        .collect();
    assert_eq!(refused.len(), 2, "{:?}", plan.losses);
    // Never written, even with --allow-lossy; without it the plan stops and says why.
    assert!(
        plan.changes
            .iter()
            .all(|c| !c.after.contains("permissionDecision") && !c.after.contains("\"Read\"")),
        "{:?}",
        plan.changes
    );
    let strict = SyncOptions {
        allow_lossy: false,
        ..options.clone()
    };
    assert!(
        plan.blocked(&strict)
            .is_some_and(|b| b.contains("never written")),
        "{:?}",
        plan.blocked(&strict)
    );
    // `check` reports the same hooks.
    let report = check(
        &ws,
        &CheckOptions {
            selection: RuleSelection::new(&["AP205"], &[] as &[&str]).expect("code"),
            vendors: Some(aios_port::VendorSet::of(&[Vendor::Claude, Vendor::Codex])),
        },
    );
    assert_eq!(report.diagnostics.len(), 2, "{:#?}", report.diagnostics);
}

#[test]
fn generated_files_follow_the_primary_when_it_drops_an_item() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixtures().join("sync-from-claude-agents"), dir.path());
    let options = lossy();
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &options, Lock::default()).expect("plans");
    sync::apply(&ws.root, &plan).expect("applies");
    let codex = dir.path().join(".codex/agents/reviewer.toml");
    let gemini = dir.path().join(".gemini/agents/reviewer.md");
    assert!(codex.exists() && gemini.exists());
    // The primary drops the agent: the files sync made for it go too.
    fs::remove_file(dir.path().join(".claude/agents/reviewer.md")).expect("rm");
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &options, lock_of(dir.path())).expect("plans");
    let deleted: Vec<&str> = plan
        .changes
        .iter()
        .filter(|c| c.delete)
        .map(|c| c.path.as_str())
        .collect();
    assert_eq!(
        deleted,
        [".codex/agents/reviewer.toml", ".gemini/agents/reviewer.md"]
    );
    sync::apply(&ws.root, &plan).expect("applies");
    assert!(!codex.exists() && !gemini.exists());
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &options, lock_of(dir.path())).expect("plans");
    assert!(
        plan.changes.is_empty(),
        "{:?}",
        plan.changes.iter().map(|c| &c.path).collect::<Vec<_>>()
    );
    // A generated file edited by hand is not deleted: it is a conflict.
    let edited = dir.path().join(".codex/agents/release-manager.toml");
    let text = fs::read_to_string(&edited).expect("generated") + "# my note\n";
    fs::write(&edited, text).expect("write");
    fs::remove_file(dir.path().join(".claude/agents/release-manager.md")).expect("rm");
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &options, lock_of(dir.path())).expect("plans");
    assert!(
        plan.conflicts
            .iter()
            .any(|c| c.path == ".codex/agents/release-manager.toml"),
        "{:?}",
        plan.conflicts
    );
    assert!(
        !plan
            .changes
            .iter()
            .any(|c| c.delete && c.path == ".codex/agents/release-manager.toml")
    );
}

#[test]
fn literal_secrets_are_never_copied_or_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let token = "ghp_Zq8Lm3Nv7Bx2Cw9Dk4Ej6Fh1Gi5Hp0QsTuVw";
    fs::write(
        dir.path().join(".mcp.json"),
        format!(r#"{{"mcpServers": {{"gh": {{"command": "gh-mcp", "env": {{"GITHUB_TOKEN": "{token}"}}}}, "ok": {{"command": "ok-mcp"}}}}}}"#),
    )
    .expect("write");
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &lossy(), Lock::default()).expect("plans");
    let refused: Vec<&str> = plan
        .losses
        .iter()
        .filter(|l| l.refused)
        .map(|l| l.why.as_str())
        .collect();
    assert_eq!(refused.len(), 2, "one per target: {refused:?}");
    assert!(
        refused
            .iter()
            .all(|w| w.contains("ghp_…TuVw") && !w.contains(token))
    );
    for c in &plan.changes {
        assert!(!c.after.contains(token), "{} would hold the secret", c.path);
        assert!(!diff::unified(c).contains(token));
    }
    // The other server is still synced.
    assert!(plan.changes.iter().any(|c| c.after.contains("ok-mcp")));
    // A plugin's server goes through the same converter.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("plug/.claude-plugin")).expect("mkdir");
    fs::write(
        dir.path().join("plug/.claude-plugin/plugin.json"),
        r#"{"name": "plug", "version": "1.0.0"}"#,
    )
    .expect("write");
    fs::write(
        dir.path().join("plug/.mcp.json"),
        format!(r#"{{"mcpServers": {{"gh": {{"command": "gh-mcp", "env": {{"GITHUB_TOKEN": "{token}"}}}}}}}}"#),
    )
    .expect("write");
    let ws = load(dir.path());
    let plan = sync::plan(&ws, &lossy(), Lock::default()).expect("plans");
    assert!(
        plan.losses
            .iter()
            .any(|l| l.refused && l.why.contains("literal")),
        "{:?}",
        plan.losses
    );
    for c in &plan.changes {
        assert!(!c.after.contains(token), "{} would hold the secret", c.path);
    }
}
