//! AP109 `plugin-manifest-mismatch`: Two vendors' manifests of one plugin disagree on name, version or description.
//!
//! Owns the comparison of the manifests found at one plugin root (`.claude-plugin/plugin.json`,
//! `.codex-plugin/plugin.json`, `gemini-extension.json`): the name (Codex falls back to the
//! directory name), the version (a leading `v` ignored) and the description (compared word by
//! word, ignoring case, punctuation and the vendor's own name, which manifests legitimately
//! tailor: "for Claude Code").

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Plugin;
use crate::source::Origin;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// Two vendors' manifests of one plugin disagree on name, version or description.
pub struct PluginManifestMismatch;

static META: RuleMeta = RuleMeta {
    code: "AP109",
    name: "plugin-manifest-mismatch",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "Two vendors' manifests of one plugin disagree on name, version or description.",
    doc: DOC,
    from_loader: false,
};

/// A compared manifest field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// `name`.
    Name,
    /// `version`.
    Version,
    /// `description`.
    Description,
}

impl Field {
    /// The manifest key.
    fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Version => "version",
            Field::Description => "description",
        }
    }
}

/// One manifest's value of a field: the text shown, the form compared, and where it is.
struct Value {
    /// The manifest's vendor.
    vendor: Vendor,
    /// The value as written (or implied).
    shown: String,
    /// The form compared.
    key: String,
    /// Where the value is (the manifest's start for an implied value).
    origin: Origin,
    /// The value is not written: the vendor's fallback (Codex: the directory name).
    implied: bool,
}

/// Words of vendor names that manifests use to tailor a description to their vendor.
const VENDOR_WORDS: &[&[&str]] = &[
    &["claude", "code"],
    &["gemini", "cli"],
    &["openai", "codex"],
    &["claude"],
    &["codex"],
    &["gemini"],
];

/// Prepositions dropped together with a following vendor name ("for Claude Code").
const PREPOSITIONS: &[&str] = &["for", "in", "with", "on", "inside", "via"];

/// The words of a description, lowercase, without punctuation and without vendor names
/// (and the preposition before one).
pub(crate) fn description_key(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '+' && c != '#')
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = VENDOR_WORDS.iter().find(|v| {
            words.len() >= i + v.len() && v.iter().zip(&words[i..]).all(|(a, b)| *a == b)
        });
        match hit {
            Some(v) => {
                if out.last().is_some_and(|p| PREPOSITIONS.contains(p)) {
                    out.pop();
                }
                i += v.len();
            }
            None => {
                out.push(&words[i]);
                i += 1;
            }
        }
    }
    out.join(" ")
}

/// The version compared: trimmed, without a leading `v`.
pub(crate) fn version_key(s: &str) -> String {
    let t = s.trim();
    t.strip_prefix(['v', 'V']).unwrap_or(t).to_string()
}

/// The value of `field` in manifest `p`, if it has one (or, for a Codex name, its fallback).
fn value(ws: &Workspace, p: &Plugin, field: Field) -> Option<Value> {
    let spanned = match field {
        Field::Name => &p.name,
        Field::Version => &p.version,
        Field::Description => &p.description,
    };
    match spanned {
        Some(s) => {
            let key = match field {
                Field::Name => s.value.trim().to_string(),
                Field::Version => version_key(&s.value),
                Field::Description => description_key(&s.value),
            };
            Some(Value {
                vendor: p.vendor,
                shown: s.value.clone(),
                key,
                origin: s.origin,
                implied: false,
            })
        }
        // Codex names a plugin without `name` after its directory.
        None if field == Field::Name && p.vendor == Vendor::Codex => {
            let dir = if p.root.is_empty() {
                ws.root.file_name()?.to_string_lossy().into_owned()
            } else {
                p.root.rsplit('/').next()?.to_string()
            };
            Some(Value {
                vendor: p.vendor,
                key: dir.clone(),
                shown: dir,
                origin: Origin::file_start(p.origin.file),
                implied: true,
            })
        }
        None => None,
    }
}

impl Rule for PluginManifestMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors = cx.vendors();
        let manifests: Vec<&Plugin> = ws
            .model
            .plugins
            .iter()
            .filter(|p| vendors.contains(p.vendor))
            .collect();
        let mut roots: Vec<&str> = manifests.iter().map(|p| p.root.as_str()).collect();
        roots.sort_unstable();
        roots.dedup();
        for root in roots {
            let mut group: Vec<&Plugin> = manifests
                .iter()
                .copied()
                .filter(|p| p.root == root)
                .collect();
            group.sort_by_key(|p| p.vendor);
            group.dedup_by_key(|p| p.vendor);
            if group.len() < 2 {
                continue;
            }
            for field in [Field::Name, Field::Version, Field::Description] {
                let values: Vec<Value> = group.iter().filter_map(|p| value(ws, p, field)).collect();
                if values.len() < 2 || values.windows(2).all(|w| w[0].key == w[1].key) {
                    continue;
                }
                if let Some(d) = finding(root, &group, field, &values) {
                    cx.report(d);
                }
            }
        }
    }
}

/// The finding for disagreeing `values` of `field` among the manifests `group` at `root`.
fn finding(root: &str, group: &[&Plugin], field: Field, values: &[Value]) -> Option<Diagnostic> {
    let plugin = group
        .iter()
        .find_map(|p| p.name.as_ref())
        .map_or_else(|| root.to_string(), |n| n.value.clone());
    let at = if root.is_empty() {
        String::new()
    } else {
        format!(" in `{root}`")
    };
    // Vendors grouped by the value they agree on, in vendor order.
    let mut camps: Vec<(String, Vec<Vendor>)> = Vec::new();
    for v in values {
        match camps.iter_mut().find(|(k, _)| *k == v.key) {
            Some((_, vs)) => vs.push(v.vendor),
            None => camps.push((v.key.clone(), vec![v.vendor])),
        }
    }
    let sides: Vec<String> = match field {
        Field::Description => camps
            .iter()
            .map(|(_, vs)| {
                vs.iter()
                    .map(|v| v.display_name())
                    .collect::<Vec<_>>()
                    .join(" and ")
            })
            .collect(),
        _ => camps
            .iter()
            .map(|(_, vs)| {
                let shown = values
                    .iter()
                    .find(|x| vs.first() == Some(&x.vendor))
                    .map_or(String::new(), |x| x.shown.clone());
                format!(
                    "`{shown}` for {}",
                    vs.iter()
                        .map(|v| v.display_name())
                        .collect::<Vec<_>>()
                        .join(" and ")
                )
            })
            .collect(),
    };
    let message = match field {
        Field::Description => format!(
            "the manifests of plugin `{plugin}`{at} have different descriptions ({})",
            sides.join(" vs ")
        ),
        _ => format!(
            "the manifests of plugin `{plugin}`{at} disagree on the {}: {}",
            field.key(),
            sides.join(", ")
        ),
    };
    let label = |v: &Value| -> String {
        let vendor = v.vendor.display_name();
        if v.implied {
            format!(
                "no `name`: {vendor} names the plugin `{}` after its directory",
                v.shown
            )
        } else {
            format!("{} for {vendor}", field.key())
        }
    };
    let (first, rest) = values.split_first()?;
    let mut d =
        Diagnostic::new(META.code, META.severity, first.origin, message).with_label(label(first));
    for v in rest {
        d = d.with_secondary(v.origin, label(v));
    }
    let files: Vec<String> = group.iter().map(|p| format!("`{}`", p.path)).collect();
    let files = match files.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        _ => files.join(""),
    };
    let note = match field {
        Field::Name => {
            "each vendor installs and enables the plugin under its manifest's name, so references to it (`name@marketplace`, namespaced skills) differ per vendor"
        }
        Field::Version => {
            "each vendor's marketplace and update check see a different version; Codex caches installs per version"
        }
        Field::Description => {
            "each vendor's plugin browser describes the plugin differently; descriptions are compared ignoring case, punctuation and vendor names"
        }
    };
    let when = if field == Field::Version {
        "; bump them together when releasing"
    } else {
        ""
    };
    Some(
        d.with_note(note)
            .with_help(format!("use the same {} in {files}{when}", field.key())),
    )
}

const DOC: &str = r#"## What it does
Compares the manifests that sit at one plugin root for the vendors of the workspace
(`.claude-plugin/plugin.json`, `.codex-plugin/plugin.json`, `gemini-extension.json`) and reports
a `name`, `version` or `description` they disagree on, labelling the value in every manifest.
Codex's fallback name (the directory name) counts for a Codex manifest without `name`; a leading
`v` in versions is ignored; descriptions are compared word by word, ignoring case, punctuation
and vendor names ("for Claude Code"), which manifests tailor on purpose.

## Why is this bad?
The manifests describe one plugin. When they drift, users of one vendor install another
version, under another name, or read a description that no longer matches what the plugin
does; release scripts that bump one manifest leave the others behind.

## Example
```json .claude-plugin/plugin.json
{"name": "deploy-tools", "version": "1.3.0", "description": "Deploy helpers"}
```
```json .codex-plugin/plugin.json
{"name": "deploy-tools", "version": "1.2.0", "description": "Deploy helpers"}
```
Use instead:
```json .claude-plugin/plugin.json
{"name": "deploy-tools", "version": "1.3.0", "description": "Deploy helpers for Claude Code"}
```
```json .codex-plugin/plugin.json
{"name": "deploy-tools", "version": "1.3.0", "description": "Deploy helpers for Codex"}
```

## How to fix
Give every manifest of the plugin the same name, version and description, and bump the
versions together when releasing.

## References
- https://code.claude.com/docs/en/plugins-reference
- https://developers.openai.com/codex/plugins/build
- https://geminicli.com/docs/extensions/reference
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::ap106_skill_not_visible::testing::findings;

    #[test]
    fn only_the_workspace_vendors_manifests_are_compared() {
        let files = [
            (
                "p/.claude-plugin/plugin.json",
                r#"{"name": "p", "version": "1.0.0"}"#,
            ),
            ("p/.codex-plugin/plugin.json", r#"{"version": "v1.0.0"}"#),
            (
                "p/gemini-extension.json",
                r#"{"name": "p", "version": "2.0.0"}"#,
            ),
        ];
        let both = crate::vendor::VendorSet::of(&[Vendor::Claude, Vendor::Codex]);
        assert!(findings(&files, &[], "AP109", Some(both)).is_empty());
        let all = findings(&files, &[], "AP109", None);
        let messages: Vec<&str> = all.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the manifests of plugin `p` in `p` disagree on the version: `1.0.0` for Claude Code and Codex, `2.0.0` for Gemini CLI"
            ]
        );
        assert_eq!(all[0].secondary.len(), 2);
    }

    #[test]
    fn descriptions_ignore_vendor_tailoring() {
        assert_eq!(
            description_key(
                "Core skills library for Claude Code: TDD, debugging, and proven techniques"
            ),
            description_key("Core skills library: TDD, debugging, and proven techniques")
        );
        assert_eq!(
            description_key("Tools for Gemini CLI."),
            description_key("tools")
        );
        assert_eq!(
            description_key("Python 3.12+ and C# helpers"),
            "python 3.12+ and c# helpers"
        );
        assert_ne!(
            description_key("Core skills library: TDD"),
            description_key("An agentic skills framework: TDD")
        );
        // A vendor name that is the subject, not a tailoring, still drops; the rest must agree.
        assert_ne!(
            description_key("Claude Code hooks"),
            description_key("Codex rules")
        );
    }

    #[test]
    fn versions() {
        assert_eq!(version_key("v1.2.0"), version_key("1.2.0 "));
        assert_ne!(version_key("1.2"), version_key("1.2.0"));
    }
}
