//! Writing a plan: every file checked first (still as planned, inside the workspace, not a
//! symlink), then each written atomically: a temporary file in the same directory with the
//! original mode, renamed over the target. Unchanged files are never touched.

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::sync::plan::{FileChange, SyncPlan};

/// Why a plan could not be written.
#[derive(Debug)]
pub enum ApplyError {
    /// A file changed since the plan was made; nothing was written.
    Changed(String),
    /// A path leads outside the workspace or through a symlink; nothing was written.
    Unsafe(String),
    /// An I/O error; files before it in the plan were written.
    Io {
        /// The file.
        path: String,
        /// The error.
        error: std::io::Error,
        /// Files already written.
        written: Vec<String>,
    },
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::Changed(p) => write!(
                f,
                "`{p}` changed while aios-port was planning; nothing was written, run sync again"
            ),
            ApplyError::Unsafe(p) => write!(
                f,
                "`{p}` is reached through a symlink or lies outside the workspace; nothing was written"
            ),
            ApplyError::Io {
                path,
                error,
                written,
            } => write!(
                f,
                "cannot write `{path}`: {error}{}",
                if written.is_empty() {
                    String::new()
                } else {
                    format!(" (already written: {})", written.join(", "))
                }
            ),
        }
    }
}

impl std::error::Error for ApplyError {}

/// The path of `rel` under `root`, when every existing component on the way is a real
/// directory inside the workspace.
fn checked_path(root: &Path, rel: &str) -> Result<PathBuf, ApplyError> {
    if rel.split('/').any(|s| s == ".." || s.is_empty()) || rel.starts_with('/') {
        return Err(ApplyError::Unsafe(rel.to_string()));
    }
    let mut cur = root.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for seg in &parts[..parts.len() - 1] {
        cur.push(seg);
        match fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() || !m.is_dir() => {
                return Err(ApplyError::Unsafe(rel.to_string()));
            }
            _ => {}
        }
    }
    Ok(root.join(rel))
}

fn current_text(path: &Path) -> Option<String> {
    let bytes = fs::read(path).ok()?;
    let bytes = bytes
        .strip_prefix(&[0xEF, 0xBB, 0xBF])
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).ok()
}

/// Checks one change against the disk before anything is written.
fn preflight(root: &Path, c: &FileChange) -> Result<PathBuf, ApplyError> {
    let path = checked_path(root, &c.path)?;
    match fs::symlink_metadata(&path) {
        // A link aios-port made may be removed (its target is left alone).
        Ok(m) if m.file_type().is_symlink() && c.delete && c.before.is_none() => {}
        Ok(m) if m.file_type().is_symlink() => {
            if c.symlink.is_none() {
                return Err(ApplyError::Unsafe(c.path.clone()));
            }
        }
        Ok(_) => {
            if c.before.is_none() || current_text(&path) != c.before {
                return Err(ApplyError::Changed(c.path.clone()));
            }
        }
        Err(_) => {
            if c.before.is_some() {
                return Err(ApplyError::Changed(c.path.clone()));
            }
        }
    }
    Ok(path)
}

#[cfg(unix)]
fn mode_of(path: &Path) -> Option<fs::Permissions> {
    fs::metadata(path).ok().map(|m| m.permissions())
}

#[cfg(unix)]
fn default_mode() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o644)
}

fn write_one(path: &Path, c: &FileChange) -> std::io::Result<()> {
    if c.delete {
        return fs::remove_file(path);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    if let Some(target) = &c.symlink {
        #[cfg(unix)]
        {
            let tmp = dir.join(format!(".aios-port-link-{}", std::process::id()));
            let _ = fs::remove_file(&tmp);
            std::os::unix::fs::symlink(target, &tmp)?;
            return fs::rename(&tmp, path);
        }
        #[cfg(not(unix))]
        {
            let _ = target;
            return Err(std::io::Error::other(
                "symlinks are not supported here; use the copy strategy",
            ));
        }
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".aios-port-")
        .tempfile_in(dir)?;
    if c.bom {
        tmp.write_all(&[0xEF, 0xBB, 0xBF])?;
    }
    tmp.write_all(c.after.as_bytes())?;
    tmp.as_file().sync_all()?;
    #[cfg(unix)]
    fs::set_permissions(tmp.path(), mode_of(path).unwrap_or_else(default_mode))?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes the plan's changes under `root`; returns the paths written.
pub fn apply(root: &Path, plan: &SyncPlan) -> Result<Vec<String>, ApplyError> {
    let mut paths = Vec::new();
    for c in &plan.changes {
        paths.push(preflight(root, c)?);
    }
    let mut written = Vec::new();
    for (c, path) in plan.changes.iter().zip(paths) {
        write_one(&path, c).map_err(|error| ApplyError::Io {
            path: c.path.clone(),
            error,
            written: written.clone(),
        })?;
        written.push(c.path.clone());
    }
    Ok(written)
}
