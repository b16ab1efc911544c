//! Skills (`<root>/<name>/SKILL.md`, the Agent Skills format shared by all vendors).
//!
//! The same skill directory is often visible from several roots (`.claude/skills/x` a symlink
//! to `.agents/skills/x`); it becomes one [`Skill`] whose `loaded_by` is the union.

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::{Scope, Skill};
use crate::read::tree::{Fields, split_csv};
use crate::read::{LoadCx, join};
use crate::vendor::{Vendor, VendorSet};

/// Frontmatter keys modelled on [`Skill`].
const KNOWN: &[&str] = &["name", "description", "allowed-tools"];

/// Reads every `<root>/<name>/SKILL.md` under the skills directory `root`.
pub(crate) fn read_root(cx: &mut LoadCx, root: &str, loaded_by: VendorSet, scope: &Scope) {
    if !cx.is_dir(root) {
        return;
    }
    for name in cx.list_dir(root) {
        let dir = join(root, &name);
        // A skill directory may be a git symlink checked out as a plain file.
        let real_dir = if cx.is_dir(&dir) {
            dir.clone()
        } else {
            match cx.symlink_target(&dir) {
                Some(t) if cx.is_dir(&t) => {
                    // Reading the placeholder reports it once; its content is not used.
                    let _ = cx.read(&dir);
                    t
                }
                _ => continue,
            }
        };
        let path = join(&dir, "SKILL.md");
        let real_path = join(&real_dir, "SKILL.md");
        if !cx.is_file(&real_path) {
            continue;
        }
        read_skill(cx, &dir, &path, &real_path, loaded_by, scope);
    }
}

/// Reads one `SKILL.md`.
/// `path` is where the vendor finds it, `real_path` where it can be read (they differ when the
/// directory is a symlink placeholder).
pub(crate) fn read_skill(
    cx: &mut LoadCx,
    dir: &str,
    path: &str,
    real_path: &str,
    loaded_by: VendorSet,
    scope: &Scope,
) {
    let Some((file, doc)) = cx.markdown(real_path, true) else {
        return;
    };
    if let Some(existing) = cx
        .model
        .skills
        .iter_mut()
        .find(|s| s.origin.file == file.id)
    {
        existing.loaded_by = existing.loaded_by.union(loaded_by);
        if existing.path != path && !existing.also_at.iter().any(|p| p == path) {
            existing.also_at.push(path.to_string());
        }
        return;
    }
    let whole = crate::source::Origin::new(file.id, 0..cx.text(file.id).len());
    let (name, description, allowed_tools, extra) = match &doc.frontmatter {
        Some(fm) => {
            let mut f = Fields::new(&fm.node, format!("skill `{dir}`"), &mut cx.diags);
            let name = f.str("name");
            let description = f.str("description");
            let allowed = match fm.node.get("allowed-tools") {
                Some(n) => match (n.as_str(), n.items()) {
                    // The spec separates with spaces; Claude also accepts commas.
                    (Some(s), _) if s.contains(',') => split_csv(s, n.origin, ','),
                    (Some(s), _) => split_csv(s, n.origin, ' '),
                    (None, Some(_)) => f.str_list("allowed-tools").unwrap_or_default(),
                    _ => Vec::new(),
                },
                None => Vec::new(),
            };
            (name, description, allowed, f.extras(KNOWN))
        }
        None => (None, None, Vec::new(), Vec::new()),
    };
    let strict_loaders: Vec<&str> = loaded_by
        .iter()
        .filter(|v| *v != Vendor::Claude)
        .map(|v| v.display_name())
        .collect();
    if (name.is_none() || description.is_none()) && !strict_loaders.is_empty() {
        let what = match (&doc.frontmatter, &name, &description) {
            (None, _, _) => "has no `---` frontmatter",
            (_, None, None) => "has no `name` and no `description`",
            (_, None, _) => "has no `name`",
            _ => "has no `description`",
        };
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                doc.frontmatter.as_ref().map_or(whole, |f| f.origin),
                format!("`{path}` {what}; {} skip the skill", strict_loaders.join(" and ")),
            )
            .with_help("start SKILL.md with `---`, `name: <dir name>`, `description: <when to use it>`, `---`"),
        );
    }
    cx.model.skills.push(Skill {
        loaded_by,
        scope: scope.clone(),
        path: path.to_string(),
        also_at: Vec::new(),
        symlink_to: cx.symlink_target(dir),
        name,
        description,
        allowed_tools,
        body: doc.body,
        extra,
        origin: whole,
    });
}
