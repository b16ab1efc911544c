//! AP106 `skill-not-visible`: A skill is only where one vendor looks; another vendor of the workspace does not see it.
//!
//! Owns the visibility of project skills: which vendors find a skill directory, judged from
//! [`Skill::loaded_by`] and from the skills root it sits in, and the per-name comparison
//! against the vendors of the workspace.

use crate::check::rules::ap108_command_missing::skill_key;
use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Scope, Skill};
use crate::source::Origin;
use crate::vendor::{Vendor, VendorSet};
use crate::workspace::Workspace;

/// A skill is only where one vendor looks; another vendor of the workspace does not see it.
pub struct SkillNotVisible;

static META: RuleMeta = RuleMeta {
    code: "AP106",
    name: "skill-not-visible",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A skill is only where one vendor looks; another vendor of the workspace does not see it.",
    doc: DOC,
    from_loader: false,
};

/// Where a skill directory sits: `<base>/<dot>/skills/<name>/SKILL.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SkillLocation<'a> {
    /// The directory holding the vendor directory (`""` for the workspace root).
    pub base: String,
    /// The vendor directory: `.claude`, `.agents`, `.codex` or `.gemini`.
    pub dot: &'a str,
    /// The skill directory's name.
    pub name: &'a str,
}

/// Splits a `SKILL.md` path into its skills root and directory name; None for a path that is
/// not under a `.claude`, `.agents`, `.codex` or `.gemini` `skills` directory.
pub(crate) fn skill_location(path: &str) -> Option<SkillLocation<'_>> {
    let segs: Vec<&str> = path.split('/').collect();
    // The last `<dot>/skills/<name>` triple: a skills root nested inside a skill is not a root.
    let i = (0..segs.len().saturating_sub(2)).rev().find(|&i| {
        matches!(segs[i], ".claude" | ".agents" | ".codex" | ".gemini") && segs[i + 1] == "skills"
    })?;
    let name = *segs.get(i + 2)?;
    // `<dot>/skills/SKILL.md` itself is not a skill directory.
    if name.is_empty() || i + 3 >= segs.len() {
        return None;
    }
    Some(SkillLocation {
        base: segs[..i].join("/"),
        dot: segs[i],
        name,
    })
}

/// The vendors that see the skill: those that load it from the workspace root, plus, for a
/// skills root nested in a subdirectory, the vendors that read that root when started there
/// (the reader records Gemini CLI only for the root `.agents/skills`, while Gemini CLI, like
/// Codex, reads `.agents/skills` of the directory it is started in).
pub(crate) fn visible_to(s: &Skill) -> VendorSet {
    s.paths()
        .filter_map(skill_location)
        .filter(|l| !l.base.is_empty())
        .fold(s.loaded_by, |set, l| {
            set.union(crate::model::skills::root_readers(l.dot))
        })
}

/// The names a skill answers to: its directory names and its `name` frontmatter.
fn names(s: &Skill) -> Vec<&str> {
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

/// The vendors with a project slash command that this skill is the port of (a skill named
/// `git-commit` for `/git:commit`): `aios-port sync` ports commands to Codex as skills, so the
/// vendors that have the command have what the skill offers.
fn command_vendors(ws: &Workspace, names: &[&str]) -> VendorSet {
    let keys: Vec<String> = names.iter().map(|n| skill_key(n)).collect();
    ws.model
        .commands
        .iter()
        .filter(|c| c.scope == Scope::Project && keys.contains(&skill_key(&c.name)))
        .fold(VendorSet::EMPTY, |set, c| set.with(c.vendor))
}

/// `a, b and c`.
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// Display names of a set of vendors.
fn vendor_names(set: VendorSet) -> Vec<&'static str> {
    set.iter().map(Vendor::display_name).collect()
}

impl Rule for SkillNotVisible {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors = cx.vendors();
        let skills: Vec<&Skill> = ws
            .model
            .skills
            .iter()
            .filter(|s| s.scope == Scope::Project)
            .collect();
        // A skill that ports a slash command (how commands reach Codex) is judged by
        // `command-missing` (AP108), not here.
        let command_keys: Vec<String> = ws
            .model
            .commands
            .iter()
            .map(|c| crate::check::rules::ap108_command_missing::skill_key(&c.name))
            .collect();
        let mut reported: Vec<&str> = Vec::new();
        for s in &skills {
            let my_names = names(s);
            if my_names.iter().any(|n| reported.contains(n)) {
                continue;
            }
            if s.path.contains(".codex/skills/")
                && my_names.iter().any(|n| command_keys.iter().any(|k| k == n))
            {
                continue;
            }
            // Copies under the same name count: each vendor needs to see one of them.
            let copies: Vec<&Skill> = skills
                .iter()
                .copied()
                .filter(|o| names(o).iter().any(|n| my_names.contains(n)))
                .collect();
            let seen = copies
                .iter()
                .fold(VendorSet::EMPTY, |set, o| set.union(visible_to(o)))
                .union(command_vendors(ws, &my_names));
            let missing: Vec<Vendor> = vendors.iter().filter(|v| !seen.contains(*v)).collect();
            if missing.is_empty() {
                continue;
            }
            reported.extend(my_names.iter().copied());
            cx.report(finding(s, &copies, &missing));
        }
    }
}

/// The finding for skill `s` (and its same-named copies), invisible to `missing`.
fn finding(s: &Skill, copies: &[&Skill], missing: &[Vendor]) -> Diagnostic {
    let loc = skill_location(&s.path);
    let dir_name = loc.as_ref().map_or("", |l| l.name);
    let name = s.name.as_ref().map_or(dir_name, |n| n.value.as_str());
    let name = if name.is_empty() {
        s.path.as_str()
    } else {
        name
    };
    let base = loc.as_ref().map_or(String::new(), |l| l.base.clone());
    let prefix = if base.is_empty() {
        String::new()
    } else {
        format!("{base}/")
    };
    let root = match &loc {
        Some(l) => format!("{prefix}{}/skills", l.dot),
        None => s.path.clone(),
    };
    let readers = visible_to(s);
    let missing_names: Vec<&str> = missing.iter().map(|v| v.display_name()).collect();
    let at = |sk: &Skill| -> Origin {
        sk.name
            .as_ref()
            .map_or(Origin::file_start(sk.origin.file), |n| n.origin)
    };
    let where_ = if base.is_empty() {
        String::new()
    } else {
        format!(" (when working in `{base}`)")
    };
    let label = if readers.is_empty() {
        format!("no vendor reads `{root}`")
    } else {
        format!(
            "only {} read{} `{root}`{where_}",
            and_list(&vendor_names(readers)),
            if readers.iter().count() == 1 { "s" } else { "" }
        )
    };
    let mut d = Diagnostic::new(
        META.code,
        META.severity,
        at(s),
        format!(
            "skill `{name}` in `{root}` is not visible to {}",
            and_list(&missing_names)
        ),
    )
    .with_label(label);
    for o in copies.iter().filter(|o| !std::ptr::eq(**o, s)) {
        let other_root = skill_location(&o.path)
            .map(|l| {
                if l.base.is_empty() {
                    format!("{}/skills", l.dot)
                } else {
                    format!("{}/{}/skills", l.base, l.dot)
                }
            })
            .unwrap_or_else(|| o.path.clone());
        d = d.with_secondary(
            at(o),
            format!(
                "a copy in `{other_root}`, seen by {}",
                and_list(&vendor_names(visible_to(o)))
            ),
        );
    }
    let ids: Vec<&str> = missing.iter().map(|v| v.id()).collect();
    let canonical = format!("{prefix}.agents/skills/{dir_name}");
    let link = format!("{prefix}.claude/skills/{dir_name}");
    let how = match loc.as_ref().map(|l| l.dot) {
        Some(".agents") => format!(
            "symlink `{link}` to `../../.agents/skills/{dir_name}` (Claude Code reads only `.claude/skills`)"
        ),
        Some(".claude") => format!(
            "move it to `{canonical}` (read by Codex and Gemini CLI) and make `{link}` a symlink to `../../.agents/skills/{dir_name}`"
        ),
        _ => format!(
            "move it to `{canonical}` (read by Codex and Gemini CLI) and symlink `{link}` to it for Claude Code"
        ),
    };
    let strict: Vec<&str> = missing
        .iter()
        .filter(|v| **v != Vendor::Claude)
        .map(|v| v.display_name())
        .collect();
    let frontmatter = if (s.name.is_none() || s.description.is_none()) && !strict.is_empty() {
        format!(
            "; give SKILL.md `name` and `description` frontmatter too, without which {} skip{} it",
            and_list(&strict),
            if strict.len() == 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    d.with_note(format!(
        "in {} the agent is never offered this skill and cannot invoke it",
        and_list(&missing_names)
    ))
    .with_help(format!(
        "run `aios-port sync --to {}`, or keep one copy for all vendors: {how}{frontmatter}",
        ids.join(",")
    ))
}

/// Test support shared by the drift rules of this family: build a workspace in a tempdir and
/// run one rule over it.
const DOC: &str = r#"## What it does
Reports a project skill that a vendor of the workspace does not load from where it is. Each
vendor reads its own skills directories: Claude Code only `.claude/skills`, Codex `.agents/skills`
and `.codex/skills`, Gemini CLI `.agents/skills` and `.gemini/skills`. A skill directory that is
a symlink into another root counts for both roots, copies under the same name count as one
skill, and a skill that ports a slash command (`git-commit` for `/git:commit`, as `aios-port
sync` writes them for Codex) counts as present for the vendors that have the command. A skills
root in a subdirectory counts for the vendors that read it when started there. One finding per
skill names every vendor that cannot see it.

## Why is this bad?
A skill is a workflow the agent is offered when the task fits. When the workspace switches
vendor, a skill kept only in `.claude/skills` silently disappears: Codex and Gemini CLI never
list it and the agent improvises instead.

## Example
```markdown .claude/skills/release/SKILL.md
---
name: release
description: Cut a release (bump the version, tag and publish).
---
Run `make release` and push the tag.
```
```markdown AGENTS.md
# Repo
```
Use instead:
```markdown .agents/skills/release/SKILL.md
---
name: release
description: Cut a release (bump the version, tag and publish).
---
Run `make release` and push the tag.
```
```symlink .claude/skills/release
../../.agents/skills/release
```
```markdown AGENTS.md
# Repo
```

## How to fix
Keep one canonical copy in `.agents/skills/<name>` (Codex and Gemini CLI read it) and make
`.claude/skills/<name>` a symlink to `../../.agents/skills/<name>` for Claude Code.
`aios-port sync` does this. Give the skill `name` and `description` frontmatter: Codex and Gemini
CLI skip a SKILL.md without them.

## References
- https://code.claude.com/docs/en/skills
- https://developers.openai.com/codex/skills
- https://geminicli.com/docs/cli/skills
"#;

#[cfg(test)]
pub(crate) mod testing {
    use crate::check::{CheckOptions, RuleSelection, check};
    use crate::diagnostic::Diagnostic;
    use crate::vendor::VendorSet;
    use crate::workspace::{LoadOptions, Workspace};

    /// Writes `files` (path, text) and `links` (path, target) into a tempdir, loads it and
    /// returns the findings of rule `code` (vendors: `vendors`, else those present).
    pub(crate) fn findings(
        files: &[(&str, &str)],
        links: &[(&str, &str)],
        code: &str,
        vendors: Option<VendorSet>,
    ) -> Vec<Diagnostic> {
        let dir = tempfile::tempdir().expect("tempdir");
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, text).expect("write");
        }
        for (path, target) in links {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            #[cfg(unix)]
            std::os::unix::fs::symlink(target, &p).expect("symlink");
        }
        let ws = Workspace::load(dir.path(), &LoadOptions::default()).expect("loads");
        let options = CheckOptions {
            selection: RuleSelection::new(&[code], &[] as &[&str]).expect("known code"),
            vendors,
        };
        check(&ws, &options)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == code)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::findings;
    use super::*;

    const SKILL: &str = "---\nname: {n}\ndescription: d\n---\nbody\n";

    fn skill(n: &str) -> String {
        SKILL.replace("{n}", n)
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_copies_and_ported_commands_are_visible() {
        let (a, b, c) = (skill("alpha"), skill("beta"), skill("git-commit"));
        let found = findings(
            &[
                ("CLAUDE.md", "# r\n"),
                ("AGENTS.md", "# r\n"),
                (".claude/skills/alpha/SKILL.md", &a),
                (".agents/skills/alpha/SKILL.md", &a),
                (".agents/skills/beta/SKILL.md", &b),
                (".agents/skills/git-commit/SKILL.md", &c),
                (".claude/commands/git/commit.md", "Commit.\n"),
                (".claude/skills/only/SKILL.md", &skill("only")),
            ],
            &[(".claude/skills/beta", "../../.agents/skills/beta")],
            "AP106",
            None,
        );
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["skill `only` in `.claude/skills` is not visible to Codex"]
        );
    }

    #[test]
    fn nested_agents_skills_count_for_gemini_and_vendors_come_from_options() {
        let found = findings(
            &[
                ("GEMINI.md", "# r\n"),
                ("pkg/.agents/skills/x/SKILL.md", &skill("x")),
            ],
            &[],
            "AP106",
            Some(VendorSet::of(&[Vendor::Codex, Vendor::Gemini])),
        );
        assert!(found.is_empty(), "{found:?}");
        let found = findings(
            &[("pkg/.agents/skills/x/SKILL.md", &skill("x"))],
            &[],
            "AP106",
            Some(VendorSet::of(&[Vendor::Claude, Vendor::Codex])),
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.ends_with("not visible to Claude Code"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn locations() {
        let l = skill_location(".claude/skills/foo/SKILL.md").expect("root skill");
        assert_eq!((l.base.as_str(), l.dot, l.name), ("", ".claude", "foo"));
        let l = skill_location("pkg/a/.agents/skills/bar/SKILL.md").expect("nested skill");
        assert_eq!(
            (l.base.as_str(), l.dot, l.name),
            ("pkg/a", ".agents", "bar")
        );
        assert!(
            skill_location("skills/foo/SKILL.md").is_none(),
            "plugin layout"
        );
        assert!(
            skill_location(".agents/skills/SKILL.md").is_none(),
            "not a skill dir"
        );
        assert!(skill_location(".cursor/skills/x/SKILL.md").is_none());
        assert!(skill_location("").is_none());
    }

    #[test]
    fn lists() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }
}
