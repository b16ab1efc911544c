//! Discovery: one walk of the workspace that honours `.gitignore` and skips vendored and
//! build trees, recording every file and directory path for the readers to query.

use std::path::Path;

use ignore::WalkBuilder;

/// Directory names never descended into.
pub const SKIPPED_DIRS: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    ".jj",
    "node_modules",
    "target",
    ".venv",
    "venv",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".tox",
];

/// Workspace-relative paths found by the walk, sorted.
#[derive(Debug, Clone, Default)]
pub struct FileIndex {
    /// Files, and symlinks (to anything).
    pub files: Vec<String>,
    /// Directories (not symlinks).
    pub dirs: Vec<String>,
}

impl FileIndex {
    /// Walks `root` (which must be canonical), on all cores: the walk is bound by directory
    /// reads, which run in parallel.
    pub fn walk(root: &Path) -> Self {
        use std::sync::Mutex;
        let found: Mutex<(Vec<String>, Vec<String>)> = Mutex::new((Vec::new(), Vec::new()));
        WalkBuilder::new(root)
            .hidden(false)
            .ignore(false)
            .git_global(false)
            .git_ignore(true)
            .git_exclude(true)
            .require_git(false)
            .parents(false)
            .follow_links(false)
            .filter_entry(|e| {
                !(e.file_type().is_some_and(|t| t.is_dir())
                    && SKIPPED_DIRS.contains(&e.file_name().to_string_lossy().as_ref()))
            })
            .build_parallel()
            .run(|| {
                let found = &found;
                Box::new(move |entry| {
                    let Ok(entry) = entry else {
                        return ignore::WalkState::Continue;
                    };
                    let Ok(rel) = entry.path().strip_prefix(root) else {
                        return ignore::WalkState::Continue;
                    };
                    if rel.as_os_str().is_empty() {
                        return ignore::WalkState::Continue;
                    }
                    let rel = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                    // A poisoned lock only means another walker thread panicked; keep its data.
                    let mut g = found
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    if is_dir {
                        g.1.push(rel);
                    } else {
                        g.0.push(rel);
                    }
                    ignore::WalkState::Continue
                })
            });
        let (mut files, mut dirs) = found
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort();
        dirs.sort();
        FileIndex { files, dirs }
    }

    /// Files whose last path segment is `name`, in path order.
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.files
            .iter()
            .map(String::as_str)
            .filter(move |p| p.rsplit('/').next() == Some(name))
    }

    /// Directories whose path ends with `suffix` (a `/`-separated tail such as `.claude/skills`).
    pub fn dirs_ending<'a>(&'a self, suffix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.dirs.iter().map(String::as_str).filter(move |d| {
            *d == suffix
                || d.strip_suffix(suffix)
                    .is_some_and(|head| head.ends_with('/'))
        })
    }

    /// Files under directory `dir` (recursively).
    pub fn files_under<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.files.iter().map(String::as_str).filter(move |p| {
            dir.is_empty()
                || p.strip_prefix(dir)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    }
}
