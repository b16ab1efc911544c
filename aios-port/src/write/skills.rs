//! Sync of skills (FORMATS.md §4a, REAL-CLIENTS.md §2.1/§2.3 "Skills"): every project skill
//! the primary vendor loads is made visible where each target looks.
//!
//! - Where: Claude Code reads only `.claude/skills/<name>`; Codex reads `.agents/skills` and
//!   `.codex/skills`; Gemini CLI reads `.agents/skills` and `.gemini/skills`. One
//!   `.agents/skills/<name>` serves Codex and Gemini CLI, and is what both get, unless the other
//!   of the two already loads the skill from its own directory: then the target gets its own
//!   directory (`.codex/skills` or `.gemini/skills`), so that no vendor lists the skill twice
//!   (Codex shows both copies; Gemini prefers the `.agents` copy, which a stale copy would
//!   shadow). A skills root in a subdirectory maps to the same subdirectory.
//! - How: by the instructions strategy of `aios-port.toml`. `symlink` and `import` link the
//!   skill directory (`.agents/skills/x -> ../../.claude/skills/x`); `copy` copies every file
//!   of the skill directory (binary, oversized or linked files are reported, not copied; the
//!   executable bit is not kept). A real directory already at the destination is filled file
//!   by file, whatever the strategy, so identical files are adopted and others conflict.
//! - What is lost: frontmatter a target ignores (Claude's `allowed-tools`, `model`, `context`,
//!   ...: Codex and Gemini CLI read only `name` and `description`; the informational
//!   `license`, `metadata` and `compatibility` of the Agent Skills spec lose nothing), a skill
//!   without `description` (Codex and Gemini CLI skip it) or without `name` (Gemini CLI skips
//!   it; Codex 0.169 falls back to the directory name), and Codex's `agents/openai.yaml`
//!   policy for the vendors that do not read it. Skill hooks that guard tools would fail open
//!   elsewhere and are refused. A skill a target already sees needs nothing, and neither does
//!   a skill that is the Codex port of a slash command the target has itself.
//!
//! [`Action`] and [`apply`] are shared with the commands writer: both compute what to write
//! from the workspace first, then hand it to the planner.

use std::path::Path;

use serde_json::Value;

use crate::check::rules::ap106_skill_not_visible::{skill_location, visible_to};
use crate::check::rules::ap108_command_missing::skill_key;
use crate::model::{Scope, Skill};
use crate::read::{join, parent};
use crate::source::Origin;
use crate::sync::plan::{Planner, Strategy, SyncOptions};
use crate::vendor::{Vendor, VendorSet};
use crate::workspace::Workspace;
use crate::write::Loss;

/// Frontmatter keys every vendor reads, or that carry no behaviour (Agent Skills spec).
const PORTABLE_KEYS: &[&str] = &[
    "name",
    "description",
    "license",
    "metadata",
    "compatibility",
];

/// One thing a writer wants from the planner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
    /// A file aios-port owns whole.
    File(String, String),
    /// A symlink (target relative to the link's directory).
    Link(String, String),
    /// Something the target cannot express.
    Lose(Loss),
}

/// Hands `actions` to the planner, in order.
pub(crate) fn apply(p: &mut Planner<'_>, actions: Vec<Action>) {
    for a in actions {
        match a {
            Action::File(path, text) => p.whole_file(&path, text),
            Action::Link(path, target) => p.symlink(&path, &target),
            Action::Lose(l) => p.lose(l),
        }
    }
}

/// Plans the skills of `primary` for `target`.
pub(crate) fn plan(p: &mut Planner<'_>, primary: Vendor, target: Vendor) {
    // A skill both already see may be visible through a link or copy an earlier sync made:
    // those files are still needed.
    let keep: Vec<String> = p
        .ws()
        .model
        .skills
        .iter()
        .filter(|s| s.scope == Scope::Project)
        .filter(|s| visible_to(s).contains(primary) && visible_to(s).contains(target))
        .flat_map(|s| {
            s.paths()
                .flat_map(|path| [path.to_string(), parent(path).to_string()])
                .collect::<Vec<_>>()
        })
        .collect();
    for path in keep {
        p.keep(&path);
    }
    let actions = actions(p.ws(), p.options(), primary, target);
    apply(p, actions);
}

/// The names a skill answers to: its directory names and its `name` frontmatter.
pub(crate) fn skill_names(s: &Skill) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .paths()
        .filter_map(skill_location)
        .map(|l| l.name)
        .collect();
    if let Some(n) = &s.name {
        out.push(n.value.as_str());
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether an existing path component of `path` (its parents) is a symlink or not a
/// directory: aios-port never writes through one.
pub(crate) fn blocked_parent(root: &Path, path: &str) -> Option<String> {
    let segs: Vec<&str> = path.split('/').collect();
    let mut cur = String::new();
    for seg in &segs[..segs.len().saturating_sub(1)] {
        cur = join(&cur, seg);
        match root.join(&cur).symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() || !m.is_dir() => return Some(cur),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

/// The relative path from directory `from` to `to` (both workspace-relative).
pub(crate) fn relative(from: &str, to: &str) -> String {
    let f: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut out: Vec<&str> = vec![".."; f.len() - common];
    out.extend(&t[common..]);
    out.join("/")
}

/// The workspace-relative real directory of `dir` (symlinks resolved), when it is a
/// directory inside the workspace.
fn real_dir(ws: &Workspace, dir: &str) -> Option<String> {
    let root = std::fs::canonicalize(&ws.root).ok()?;
    let real = std::fs::canonicalize(ws.root.join(dir)).ok()?;
    if !real.is_dir() {
        return None;
    }
    let rel = real.strip_prefix(&root).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// One skill of the primary: where the primary finds it and where it really is.
struct Source<'a> {
    /// The skill.
    skill: &'a Skill,
    /// The skill directory as the primary finds it (`.claude/skills/x`).
    dir: String,
    /// The directory that holds the skill's files (symlinks resolved).
    real: Option<String>,
    /// The directory holding the vendor directory (`""` for the workspace root).
    base: String,
    /// The skill directory's name.
    name: String,
}

/// The skill's name for messages: its `name` frontmatter, else its directory name.
fn display_name<'a>(src: &'a Source<'_>) -> &'a str {
    src.skill
        .name
        .as_ref()
        .map_or(src.name.as_str(), |n| n.value.as_str())
}

/// Where `target` should find a skill of the primary, as `<base>/<dot>/skills/<name>`.
fn destination(src: &Source<'_>, seen: VendorSet, target: Vendor) -> String {
    let dot = match target {
        Vendor::Claude => ".claude",
        // The other reader of `.agents` already loads it from its own directory.
        Vendor::Codex if src.base.is_empty() && seen.contains(Vendor::Gemini) => ".codex",
        Vendor::Gemini if src.base.is_empty() && seen.contains(Vendor::Codex) => ".gemini",
        _ => ".agents",
    };
    join(&src.base, &format!("{dot}/skills/{}", src.name))
}

/// What syncing the skills of `primary` to `target` needs, in order.
fn actions(ws: &Workspace, options: &SyncOptions, primary: Vendor, target: Vendor) -> Vec<Action> {
    let project: Vec<&Skill> = ws
        .model
        .skills
        .iter()
        .filter(|s| s.scope == Scope::Project)
        .collect();
    let mut out = Vec::new();
    let mut planned: Vec<String> = Vec::new();
    for s in project.iter().copied() {
        let seen = visible_to(s);
        if !seen.contains(primary) {
            continue;
        }
        if seen.contains(target) {
            continue;
        }
        // The path under which the primary finds it.
        let Some((path, loc)) = s.paths().find_map(|p| {
            skill_location(p)
                .filter(|l| crate::model::skills::root_readers(l.dot).contains(primary))
                .map(|l| (p, l))
        }) else {
            continue;
        };
        let dir = parent(path).to_string();
        let src = Source {
            skill: s,
            real: real_dir(ws, &dir),
            dir,
            base: loc.base.clone(),
            name: loc.name.to_string(),
        };
        // The Codex port of a slash command the target has itself stands for nothing new.
        let keys: Vec<String> = skill_names(s).iter().map(|n| skill_key(n)).collect();
        if ws.model.commands.iter().any(|c| {
            c.vendor == target && c.scope == Scope::Project && keys.contains(&skill_key(&c.name))
        }) {
            continue;
        }
        let skill_origin = s
            .name
            .as_ref()
            .map_or(Origin::file_start(s.origin.file), |n| n.origin);
        let what = format!("skill `{}`", display_name(&src));
        let lose = |why: String, help: &str| {
            Action::Lose(Loss::field(target, skill_origin, what.clone(), why, help).skip())
        };
        let losses = frontmatter_losses(ws, &src, target);
        if losses.iter().any(|l| l.skipped) {
            out.extend(losses.into_iter().map(Action::Lose));
            continue;
        }
        out.extend(losses.into_iter().map(Action::Lose));
        let dest = destination(&src, seen, target);
        // Codex and Gemini CLI share `.agents/skills`: when both are targets, both plan the same
        // link or files, which the planner writes once.
        if planned.contains(&dest) {
            out.push(lose(
                format!(
                    "another skill of {} is also named `{}`; only the first is synced to `{dest}`",
                    primary.display_name(),
                    src.name
                ),
                "rename one of the skill directories",
            ));
            continue;
        }
        // The target already has a different skill of this name elsewhere: it would list both.
        if let Some(o) = project.iter().find(|o| {
            !std::ptr::eq(**o, s)
                && visible_to(o).contains(target)
                && skill_names(o).contains(&src.name.as_str())
                && !o.paths().any(|p| parent(p) == dest)
        }) {
            out.push(lose(
                format!(
                    "{} already has its own skill `{}` (`{}`); a second one would be listed beside it",
                    target.display_name(),
                    src.name,
                    parent(&o.path)
                ),
                "keep one copy of the skill, or rename one of them",
            ));
            continue;
        }
        if let Some(blocked) = blocked_parent(&ws.root, &dest) {
            out.push(lose(
                format!("`{blocked}` is a symlink or a file; aios-port does not write through it"),
                "replace it by a directory, or make the skill visible by hand",
            ));
            continue;
        }
        planned.push(dest.clone());
        let existing = ws.root.join(&dest).symlink_metadata().ok();
        match existing {
            Some(m) if m.file_type().is_symlink() => {
                if options.strategy == Strategy::Copy {
                    out.push(lose(
                        format!(
                            "`{dest}` is a symlink; the copy strategy does not write through it"
                        ),
                        "remove the link, or use the symlink strategy",
                    ));
                } else {
                    // The planner adopts a link that already points there, or reports a conflict.
                    out.push(Action::Link(dest.clone(), link_target(&src, &dest)));
                }
            }
            Some(m) if m.is_dir() => copy(ws, &src, &dest, target, &mut out),
            Some(_) => out.push(lose(
                format!("`{dest}` exists and is not a directory"),
                "move the file away",
            )),
            None if options.strategy == Strategy::Copy => copy(ws, &src, &dest, target, &mut out),
            None => out.push(Action::Link(dest.clone(), link_target(&src, &dest))),
        }
    }
    out
}

/// The link target for a link at `dest` to the skill (its real directory when known).
fn link_target(src: &Source<'_>, dest: &str) -> String {
    relative(parent(dest), src.real.as_deref().unwrap_or(&src.dir))
}

/// Copies every file of the skill directory to `dest`.
fn copy(ws: &Workspace, src: &Source<'_>, dest: &str, target: Vendor, out: &mut Vec<Action>) {
    let origin = Origin::file_start(src.skill.origin.file);
    let skill = display_name(src).to_string();
    let Some(real) = src.real.as_deref() else {
        out.push(Action::Lose(
            Loss::field(
                target,
                origin,
                format!("skill `{skill}`"),
                format!("`{}` does not resolve to a directory of the workspace, so its files cannot be copied", src.dir),
                "make the skill a directory inside the workspace",
            )
            .skip(),
        ));
        return;
    };
    let files: Vec<&str> = ws.index.files_under(real).collect();
    for f in files {
        let rel = f.strip_prefix(real).unwrap_or(f).trim_start_matches('/');
        let to = join(dest, rel);
        let full = ws.root.join(f);
        let lose = |why: &str, out: &mut Vec<Action>| {
            out.push(Action::Lose(Loss::field(
                target,
                origin,
                format!("file `{rel}` of skill `{skill}`"),
                why.to_string(),
                "copy it by hand, or use the symlink strategy",
            )));
        };
        let Ok(meta) = full.symlink_metadata() else {
            lose("it could not be read, so it is not copied", out);
            continue;
        };
        if meta.file_type().is_symlink() {
            lose("it is a symlink, which aios-port does not copy", out);
            continue;
        }
        if meta.len() > crate::read::MAX_FILE_BYTES {
            lose(
                "it is larger than aios-port reads, so it is not copied",
                out,
            );
            continue;
        }
        let text = match ws.sources.find(f) {
            Some(id) => Some(ws.sources.get(id).text.clone()),
            None => std::fs::read(&full).ok().and_then(|b| {
                let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&b).to_vec();
                String::from_utf8(b).ok()
            }),
        };
        let Some(text) = text.filter(|t| !t.contains('\0')) else {
            lose("it is binary or not UTF-8, so it is not copied", out);
            continue;
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let executable = |m: &std::fs::Metadata| m.permissions().mode() & 0o111 != 0;
            let copy_executable = ws.root.join(&to).metadata().is_ok_and(|m| executable(&m));
            if executable(&meta) && !copy_executable {
                out.push(Action::Lose(Loss::field(
                    target,
                    origin,
                    format!("the executable bit of `{rel}` in skill `{skill}`"),
                    "aios-port writes the copy without it",
                    format!("run `chmod +x {to}` after the sync, or use the symlink strategy"),
                )));
            }
        }
        out.push(Action::File(to, text));
    }
}

/// What `target` does not read of the skill's frontmatter (and of `agents/openai.yaml`).
fn frontmatter_losses(ws: &Workspace, src: &Source<'_>, target: Vendor) -> Vec<Loss> {
    let s = src.skill;
    let name = display_name(src);
    let mut out = Vec::new();
    let start = Origin::file_start(s.origin.file);
    let t = target.display_name();
    if target == Vendor::Claude {
        // Claude Code reads every key of the Agent Skills spec; what it adds is worth saying.
        if !s.allowed_tools.is_empty() {
            let list: Vec<&str> = s.allowed_tools.iter().map(|a| a.value.as_str()).collect();
            out.push(Loss::field(
                target,
                s.allowed_tools[0].origin,
                format!("`allowed-tools` of skill `{name}`"),
                format!(
                    "Claude Code pre-approves {} while the skill runs, which the primary ignores",
                    list.join(", ")
                ),
                "review the list: remove it from SKILL.md if Claude Code should ask as before",
            ));
        }
        if let Some(real) = &src.real {
            let yaml = join(real, "agents/openai.yaml");
            let text = std::fs::read_to_string(ws.root.join(&yaml)).unwrap_or_default();
            if text.contains("allow_implicit_invocation") || text.contains("dependencies") {
                out.push(Loss::field(
                    target,
                    start,
                    format!("`agents/openai.yaml` of skill `{name}`"),
                    format!("{t} does not read Codex's invocation policy and tool dependencies"),
                    "set `disable-model-invocation` in SKILL.md (Claude Code) for a skill only the user may invoke",
                ));
            }
        }
        return out;
    }
    if s.description.is_none() {
        out.push(
            Loss::field(
                target,
                start,
                format!("skill `{name}`"),
                format!("SKILL.md has no `description`; {t} skips such a skill"),
                "add `description: <when to use it>` to the frontmatter",
            )
            .skip(),
        );
        return out;
    }
    if s.name.is_none() && target == Vendor::Gemini {
        out.push(
            Loss::field(
                target,
                start,
                format!("skill `{name}`"),
                format!("SKILL.md has no `name`; {t} skips such a skill"),
                format!("add `name: {}` to the frontmatter", src.name),
            )
            .skip(),
        );
        return out;
    }
    if !s.allowed_tools.is_empty() {
        out.push(Loss::field(
            target,
            s.allowed_tools[0].origin,
            format!("`allowed-tools` of skill `{name}`"),
            format!("{t} ignores it: the tools are not pre-approved while the skill runs"),
            format!("allow the commands in {t}'s own permission settings if the skill needs them"),
        ));
    }
    for e in &s.extra {
        if PORTABLE_KEYS.contains(&e.key.as_str()) {
            continue;
        }
        let what = format!("`{}` of skill `{name}`", e.key);
        match (e.key.as_str(), &e.value) {
            ("user-invocable", Value::Bool(true)) | ("disable-model-invocation", Value::Bool(false)) => {}
            ("hooks", v) if guards(v) => out.push(
                Loss::field(
                    target,
                    e.origin,
                    what,
                    format!("{t} ignores skill hooks, so the guard on the skill's tool calls would not run"),
                    "move the guard into the target's own hooks, then sync again",
                )
                .refuse(),
            ),
            _ => out.push(Loss::field(
                target,
                e.origin,
                what,
                format!("{t} reads only `name` and `description` of a skill"),
                "move what it says into the skill's text if it matters",
            )),
        }
    }
    out
}

/// Whether a `hooks` value (Claude settings shape) declares a guard event.
fn guards(v: &Value) -> bool {
    v.as_object().is_some_and(|m| {
        m.keys()
            .any(|k| crate::facts::is_guard_event(Vendor::Claude, k))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::testing::{load, write};
    use crate::sync::lock::Lock;
    use crate::sync::{SyncOptions, plan};

    const X: &str = "---\nname: x\ndescription: Does x.\nallowed-tools: Bash(git *)\nmodel: opus\nlicense: MIT\n---\nDo x.\n";

    /// Lossy sync options to `to` (empty: every other vendor) with `strategy`.
    fn options(to: &[Vendor], strategy: Strategy) -> SyncOptions {
        SyncOptions {
            from: None,
            to: to.to_vec(),
            allow_lossy: true,
            force: false,
            strategy,
        }
    }

    /// The skill links a plan writes: (path, target).
    fn links(p: &crate::sync::SyncPlan) -> Vec<(String, String)> {
        p.changes
            .iter()
            .filter(|c| c.path.contains("skills/"))
            .filter_map(|c| c.symlink.clone().map(|t| (c.path.clone(), t)))
            .collect()
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(".agents/skills", ".claude/skills/x"),
            "../../.claude/skills/x"
        );
        assert_eq!(
            relative("pkg/.claude/skills", "pkg/.agents/skills/x"),
            "../../.agents/skills/x"
        );
        assert_eq!(relative("a", "a/b"), "b");
    }

    #[cfg(unix)]
    #[test]
    fn claude_skill_is_linked_once_for_codex_and_gemini_with_losses() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "CLAUDE.md", "# r\n");
        write(dir.path(), ".claude/skills/x/SKILL.md", X);
        write(
            dir.path(),
            ".claude/skills/nodesc/SKILL.md",
            "---\nname: nodesc\n---\nb\n",
        );
        let ws = load(dir.path());
        let p = plan(&ws, &options(&[], Strategy::Symlink), Lock::default()).expect("plans");
        assert_eq!(
            links(&p),
            [(
                ".agents/skills/x".to_string(),
                "../../.claude/skills/x".to_string()
            )]
        );
        let what: Vec<String> = p
            .losses
            .iter()
            .map(|l| format!("{} {} {}", l.target.id(), l.what, l.skipped))
            .collect();
        assert_eq!(
            what,
            [
                "codex skill `nodesc` true",
                "codex `allowed-tools` of skill `x` false",
                "codex `model` of skill `x` false",
                "gemini skill `nodesc` true",
                "gemini `allowed-tools` of skill `x` false",
                "gemini `model` of skill `x` false",
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn codex_only_skill_goes_to_gemini_dir_and_claude() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "AGENTS.md", "# r\n");
        write(
            dir.path(),
            ".codex/skills/y/SKILL.md",
            "---\nname: y\ndescription: d\n---\nb\n",
        );
        write(
            dir.path(),
            ".agents/skills/z/SKILL.md",
            "---\nname: z\ndescription: d\n---\nb\n",
        );
        let ws = load(dir.path());
        let p = plan(&ws, &options(&[], Strategy::Import), Lock::default()).expect("plans");
        assert_eq!(
            links(&p),
            [
                (
                    ".claude/skills/y".to_string(),
                    "../../.codex/skills/y".to_string()
                ),
                (
                    ".claude/skills/z".to_string(),
                    "../../.agents/skills/z".to_string()
                ),
                (
                    ".gemini/skills/y".to_string(),
                    "../../.codex/skills/y".to_string()
                ),
            ]
        );
    }

    #[test]
    fn copy_strategy_copies_files_and_reports_binary_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "CLAUDE.md", "# r\n");
        write(
            dir.path(),
            ".claude/skills/x/SKILL.md",
            "---\nname: x\ndescription: d\n---\nb\n",
        );
        write(dir.path(), ".claude/skills/x/scripts/run.py", "print(1)\n");
        std::fs::write(
            dir.path().join(".claude/skills/x/logo.png"),
            [0u8, 159, 146, 150],
        )
        .expect("write");
        let ws = load(dir.path());
        let p = plan(
            &ws,
            &options(&[Vendor::Codex], Strategy::Copy),
            Lock::default(),
        )
        .expect("plans");
        let paths: Vec<&str> = p
            .changes
            .iter()
            .map(|c| c.path.as_str())
            .filter(|p| p.contains("skills/"))
            .collect();
        assert_eq!(
            paths,
            [
                ".agents/skills/x/SKILL.md",
                ".agents/skills/x/scripts/run.py"
            ]
        );
        assert!(
            p.losses
                .iter()
                .any(|l| l.what == "file `logo.png` of skill `x`"),
            "{:?}",
            p.losses
        );
    }

    #[test]
    fn guard_hooks_are_refused_and_ported_commands_are_not_copied_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "CLAUDE.md", "# r\n");
        write(
            dir.path(),
            ".claude/skills/g/SKILL.md",
            "---\nname: g\ndescription: d\nhooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n        - type: command\n          command: ./guard.sh\n---\nb\n",
        );
        let ws = load(dir.path());
        let p = plan(
            &ws,
            &options(&[Vendor::Gemini], Strategy::Symlink),
            Lock::default(),
        )
        .expect("plans");
        assert!(
            p.losses
                .iter()
                .any(|l| l.refused && l.what == "`hooks` of skill `g`")
        );

        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "AGENTS.md", "# r\n");
        write(
            dir.path(),
            ".codex/skills/git-commit/SKILL.md",
            "---\nname: git-commit\ndescription: d\n---\nb\n",
        );
        write(dir.path(), ".claude/commands/git/commit.md", "Commit.\n");
        let ws = load(dir.path());
        let o = SyncOptions {
            from: Some(Vendor::Codex),
            ..options(&[Vendor::Claude], Strategy::Symlink)
        };
        let p = plan(&ws, &o, Lock::default()).expect("plans");
        assert!(links(&p).is_empty(), "{:?}", links(&p));
    }

    #[cfg(unix)]
    #[test]
    fn existing_directory_is_filled_file_by_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "AGENTS.md", "# r\n");
        write(
            dir.path(),
            ".agents/skills/z/SKILL.md",
            "---\nname: z\ndescription: d\n---\nb\n",
        );
        // An empty directory where a git symlink was not checked out.
        std::fs::create_dir_all(dir.path().join(".claude/skills/z")).expect("mkdir");
        let ws = load(dir.path());
        let p = plan(
            &ws,
            &options(&[Vendor::Claude], Strategy::Symlink),
            Lock::default(),
        )
        .expect("plans");
        let paths: Vec<&str> = p
            .changes
            .iter()
            .map(|c| c.path.as_str())
            .filter(|p| p.contains("skills/"))
            .collect();
        assert_eq!(paths, [".claude/skills/z/SKILL.md"]);
    }
}
