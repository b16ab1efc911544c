//! `@import` resolution for the vendors that follow imports (Claude Code: `@path`, at most
//! 4 hops; Gemini CLI: `@./path`, depth 5), with cycle detection. Imported files join the
//! model as instruction files of role [`InstructionRole::Imported`].
//!
//! Codex reads `@path` literally; nothing is resolved for it.

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::{Import, InstructionFile, InstructionRole};
use crate::read::{LoadCx, normalize, parent};
use crate::source::FileId;
use crate::vendor::Vendor;

/// Deepest import each vendor follows.
fn max_depth(v: Vendor) -> u8 {
    match v {
        Vendor::Claude => 4,
        Vendor::Gemini => 5,
        Vendor::Codex => 0,
    }
}

/// Extensions that make an unresolved `@word` look like a file reference worth reporting.
const DOC_EXTENSIONS: &[&str] = &[
    "md", "mdx", "markdown", "txt", "json", "yaml", "yml", "toml", "rst",
];

fn looks_like_path(p: &str) -> bool {
    p.contains('/')
        || p.rsplit_once('.')
            .is_some_and(|(_, ext)| DOC_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Whether `vendor` treats `@path` as an import.
fn accepts(vendor: Vendor, p: &str) -> bool {
    match vendor {
        Vendor::Claude => true,
        // Gemini's memport (`findImports` in memoryImportProcessor.ts) takes a path starting
        // with `.`, `/` or an ASCII letter.
        Vendor::Gemini => p
            .chars()
            .next()
            .is_some_and(|c| c == '.' || c == '/' || c.is_ascii_alphabetic()),
        Vendor::Codex => false,
    }
}

/// Resolves imports of every instruction file, breadth first, adding imported files.
pub(crate) fn resolve(cx: &mut LoadCx) {
    let mut i = 0;
    while i < cx.model.instructions.len() {
        let (vendor, depth, chain) = {
            let f = &cx.model.instructions[i];
            (f.vendor, import_depth(cx, i), chain_of(cx, i))
        };
        if max_depth(vendor) == 0 {
            i += 1;
            continue;
        }
        let from = cx.model.instructions[i].file;
        let from_path = cx.model.instructions[i].path.clone();
        let refs = cx.model.instructions[i].doc.import_refs.clone();
        for r in refs {
            if !accepts(vendor, &r.path) {
                continue;
            }
            let target = target_path(cx, parent(&from_path), &r.path);
            let exists = target.as_deref().is_some_and(|t| cx.is_file(t));
            if !exists {
                if looks_like_path(&r.path) && target.is_some() {
                    cx.report(
                        Diagnostic::new(
                            codes::DANGLING_REFERENCE,
                            Severity::Warning,
                            r.origin,
                            format!("import `@{}` points at a file that does not exist", r.path),
                        )
                        .with_label(format!("{} finds nothing here", vendor.display_name()))
                        .with_help("fix the path, or escape the `@` if this is not an import"),
                    );
                }
                cx.model.imports.push(Import {
                    vendor,
                    from,
                    raw: r.path.clone(),
                    target,
                    resolved: None,
                    depth: depth + 1,
                    origin: r.origin,
                });
                continue;
            }
            let Some(target) = target else { continue };
            if depth + 1 > max_depth(vendor) {
                cx.report(
                    Diagnostic::new(
                        codes::IMPORT_CYCLE,
                        Severity::Warning,
                        r.origin,
                        format!(
                            "import `@{}` is {} levels deep; {} follows at most {}",
                            r.path,
                            depth + 1,
                            vendor.display_name(),
                            max_depth(vendor)
                        ),
                    )
                    .with_help("inline the deepest file into its importer"),
                );
                continue;
            }
            let Some((file, doc)) = cx.markdown(&target, false) else {
                continue;
            };
            let cyclic = chain.contains(&file.id) || file.id == from;
            cx.model.imports.push(Import {
                vendor,
                from,
                raw: r.path.clone(),
                target: Some(target.clone()),
                resolved: Some(file.id),
                depth: depth + 1,
                origin: r.origin,
            });
            if cyclic {
                cx.report(
                    Diagnostic::new(
                        codes::IMPORT_CYCLE,
                        Severity::Warning,
                        r.origin,
                        format!("import `@{}` forms a cycle", r.path),
                    )
                    .with_label("imports a file that is already importing this one")
                    .with_help("remove one of the imports"),
                );
                continue;
            }
            let already = cx
                .model
                .instructions
                .iter()
                .any(|f| f.vendor == vendor && f.file == file.id);
            if already {
                continue;
            }
            let bytes = cx.text(file.id).len();
            cx.model.instructions.push(InstructionFile {
                vendor,
                path: target.clone(),
                dir: parent(&target).to_string(),
                role: InstructionRole::Imported {
                    by: from_path.clone(),
                },
                file: file.id,
                symlink_to: file.symlink.map(|s| s.resolved),
                bytes,
                doc,
            });
        }
        i += 1;
    }
}

/// Workspace-relative target of an import written in a file of directory `dir`, or None when
/// it lies outside the workspace (home or absolute paths elsewhere).
fn target_path(cx: &LoadCx, dir: &str, raw: &str) -> Option<String> {
    if raw.starts_with('~') {
        return None;
    }
    if raw.starts_with('/') {
        let p = std::path::Path::new(raw);
        let rel = p.strip_prefix(&cx.root).ok()?;
        return Some(rel.to_string_lossy().replace('\\', "/"));
    }
    normalize(dir, raw)
}

/// Depth of instruction `i` in the import tree (0 for a file the vendor loads directly).
fn import_depth(cx: &LoadCx, i: usize) -> u8 {
    chain_of(cx, i).len() as u8
}

/// The importers of instruction `i`, nearest first.
fn chain_of(cx: &LoadCx, i: usize) -> Vec<FileId> {
    let mut chain = Vec::new();
    let mut cur = i;
    while let InstructionRole::Imported { by } = &cx.model.instructions[cur].role {
        let vendor = cx.model.instructions[cur].vendor;
        let Some(next) = cx
            .model
            .instructions
            .iter()
            .position(|f| f.vendor == vendor && &f.path == by)
        else {
            break;
        };
        if chain.contains(&cx.model.instructions[next].file) || chain.len() > 16 {
            break;
        }
        chain.push(cx.model.instructions[next].file);
        cur = next;
    }
    chain
}
