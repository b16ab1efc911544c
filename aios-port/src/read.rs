//! Readers: vendor files into the neutral model.
//!
//! [`LoadCx`] owns what every reader shares: safe file reading (size cap, symlink
//! containment, encoding), the source database, diagnostics and the model being built.
//! One module per vendor reads that vendor's files; shared formats (SKILL.md, the hooks
//! JSON shape, instruction imports) have their own modules.

pub mod json;
pub mod markdown;
pub mod toml;
pub mod tree;
pub mod yaml;

pub(crate) mod claude;
pub(crate) mod codex;
pub mod discover;
pub(crate) mod gemini;
pub(crate) mod hooks;
pub(crate) mod imports;
pub(crate) mod plugins;
pub(crate) mod skills;

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::Model;
use crate::read::discover::FileIndex;
use crate::read::markdown::MarkdownDoc;
use crate::read::tree::Node;
use crate::source::{FileId, Origin, SourceDb, SourceFile, SymlinkInfo};
use crate::workspace::LoadOptions;

/// Files larger than this are not read (a finding says so).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Largest file considered as a git symlink placeholder (link text stored as content).
const PLACEHOLDER_MAX: u64 = 1024;

/// The result of reading one path.
#[derive(Debug, Clone)]
pub(crate) struct ReadFile {
    /// The source file (the real file, shared by every path that leads to it).
    pub id: FileId,
    /// The path read is a symlink to another file of the workspace.
    pub symlink: Option<SymlinkInfo>,
}

/// State shared by all readers while one workspace loads.
pub(crate) struct LoadCx {
    /// Canonical workspace root.
    pub root: PathBuf,
    /// Canonical home directory, for `~/` paths (only with `--user`).
    pub home: Option<PathBuf>,
    /// Files and directories found by discovery.
    pub index: FileIndex,
    /// Files read.
    pub sources: SourceDb,
    /// Findings so far.
    pub diags: Vec<Diagnostic>,
    /// The model being built.
    pub model: Model,
    by_real: HashMap<PathBuf, FileId>,
    failed: HashMap<PathBuf, ()>,
    placeholder_depth: u8,
}

impl LoadCx {
    pub(crate) fn new(root: PathBuf, options: &LoadOptions, index: FileIndex) -> Self {
        let home = if options.user {
            options.home.clone().and_then(|h| fs::canonicalize(h).ok())
        } else {
            None
        };
        LoadCx {
            root,
            home,
            index,
            sources: SourceDb::default(),
            diags: Vec::new(),
            model: Model::default(),
            by_real: HashMap::new(),
            failed: HashMap::new(),
            placeholder_depth: 0,
        }
    }

    /// The filesystem path and the directory it must stay inside, for a display path
    /// (`~/x` is under home, anything else under the root).
    fn locate(&self, rel: &str) -> Option<(PathBuf, &Path)> {
        match rel.strip_prefix("~/") {
            Some(r) => self.home.as_deref().map(|h| (h.join(r), h)),
            None => Some((self.root.join(rel), self.root.as_path())),
        }
    }

    /// Display path of a canonical path inside `base`.
    fn display(&self, real: &Path, base: &Path) -> String {
        let rel = real.strip_prefix(base).unwrap_or(real);
        let s = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if Some(base) == self.home.as_deref() && base != self.root {
            format!("~/{s}")
        } else {
            s
        }
    }

    /// Whether a regular file (or a symlink to one) exists at `rel`.
    pub fn is_file(&self, rel: &str) -> bool {
        self.locate(rel).is_some_and(|(p, _)| p.is_file())
    }

    /// Whether a directory exists at `rel`.
    pub fn is_dir(&self, rel: &str) -> bool {
        self.locate(rel).is_some_and(|(p, _)| p.is_dir())
    }

    /// Reads a file. Returns None, silently, when nothing is at `rel`; returns None with a
    /// finding when something is there but cannot be used (directory, dangling or escaping
    /// symlink, too large, not UTF-8). A file reached twice (through a symlink) is read once.
    pub fn read(&mut self, rel: &str) -> Option<ReadFile> {
        let (path, base) = self.locate(rel)?;
        let base = base.to_path_buf();
        let meta = fs::symlink_metadata(&path).ok()?;
        let mut symlink = None;
        let real = if meta.file_type().is_symlink() {
            let target = fs::read_link(&path)
                .map(|t| t.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            match fs::canonicalize(&path) {
                Ok(real) if real.starts_with(&base) => {
                    symlink = Some(SymlinkInfo {
                        target,
                        resolved: self.display(&real, &base),
                    });
                    real
                }
                Ok(real) => {
                    self.report_once(
                        &path,
                        rel,
                        codes::SYMLINK_ESCAPES,
                        Severity::Warning,
                        format!(
                            "`{rel}` is a symlink to `{target}`, outside the workspace; it is not read"
                        ),
                        "vendors follow it, but aios-port never reads or writes outside the workspace; copy the file in if it belongs to the workspace",
                    );
                    let _ = real;
                    return None;
                }
                Err(_) => {
                    self.report_once(
                        &path,
                        rel,
                        codes::DANGLING_REFERENCE,
                        Severity::Error,
                        format!("`{rel}` is a symlink to `{target}`, which does not exist"),
                        "fix the link target or delete the link",
                    );
                    return None;
                }
            }
        } else {
            // A symlinked parent directory can still lead outside.
            match fs::canonicalize(&path) {
                Ok(real) if real.starts_with(&base) => real,
                Ok(_) => {
                    self.report_once(
                        &path,
                        rel,
                        codes::SYMLINK_ESCAPES,
                        Severity::Warning,
                        format!("`{rel}` lies behind a symlinked directory outside the workspace; it is not read"),
                        "move the directory into the workspace or replace the link with a copy",
                    );
                    return None;
                }
                Err(_) => return None,
            }
        };
        if symlink.is_none()
            && let Some(target) = self.placeholder_target(&real, &base)
        {
            return self.read_placeholder(rel, &real, &base, target);
        }
        if let Some(id) = self.by_real.get(&real) {
            return Some(ReadFile { id: *id, symlink });
        }
        if self.failed.contains_key(&real) {
            return None;
        }
        let display = self.display(&real, &base);
        match self.load_text(&real, &display) {
            Some(id) => {
                self.by_real.insert(real, id);
                Some(ReadFile { id, symlink })
            }
            None => {
                self.failed.insert(real, ());
                None
            }
        }
    }

    /// The link text of a git symlink checked out as a plain file (`core.symlinks=false`):
    /// a file of at most [`PLACEHOLDER_MAX`] bytes, one line without a newline, holding a relative
    /// path to an existing file or directory of the workspace.
    fn placeholder_target(&self, real: &Path, base: &Path) -> Option<String> {
        let meta = fs::metadata(real).ok()?;
        if !meta.is_file() || meta.len() == 0 || meta.len() > PLACEHOLDER_MAX {
            return None;
        }
        let text = fs::read_to_string(real).ok()?;
        if text.contains(['\n', '\r', '\0']) || text.trim() != text || text.starts_with('/') {
            return None;
        }
        let dir = real.parent()?;
        let target = fs::canonicalize(dir.join(&text)).ok()?;
        (target != real && target.starts_with(base)).then_some(text)
    }

    /// Reads the target of a symlink placeholder, reporting once that vendors see the link text.
    fn read_placeholder(
        &mut self,
        rel: &str,
        real: &Path,
        base: &Path,
        target: String,
    ) -> Option<ReadFile> {
        let resolved_real = real.parent().map(|d| d.join(&target))?;
        let resolved_real = fs::canonicalize(resolved_real).ok()?;
        let resolved = self.display(&resolved_real, base);
        if self.placeholder_depth > 8 {
            return None;
        }
        if !self.failed.contains_key(real) {
            self.failed.insert(real.to_path_buf(), ());
            let display = self.display(real, base);
            let id = self
                .sources
                .add(SourceFile::new(display.clone(), target.clone(), false));
            self.diags.push(
                Diagnostic::new(
                    codes::SYMLINK_PLACEHOLDER,
                    Severity::Warning,
                    Origin::new(id, 0..target.len()),
                    format!(
                        "`{display}` is a git symlink to `{target}` checked out as a plain file; vendors read the text `{target}`, not the target"
                    ),
                )
                .with_label("link text stored as file content")
                .with_note("aios-port models it as the symlink git records")
                .with_help("enable symlinks (`git config core.symlinks true`, Developer Mode on Windows) and check the file out again"),
            );
        }
        if !resolved_real.is_file() {
            // A placeholder for a directory: callers that list directories resolve it.
            return None;
        }
        self.placeholder_depth += 1;
        let inner = self.read(&resolved);
        self.placeholder_depth -= 1;
        let _ = rel;
        inner.map(|f| ReadFile {
            id: f.id,
            symlink: Some(SymlinkInfo { target, resolved }),
        })
    }

    fn report_once(
        &mut self,
        key: &Path,
        rel: &str,
        code: &'static str,
        severity: Severity,
        message: String,
        help: &str,
    ) {
        if self.failed.insert(key.to_path_buf(), ()).is_some() {
            return;
        }
        let id = self
            .sources
            .add(SourceFile::new(rel.to_string(), String::new(), false));
        self.diags
            .push(Diagnostic::new(code, severity, Origin::file_start(id), message).with_help(help));
    }

    fn unreadable(&mut self, display: &str, message: String, help: &str) -> Option<FileId> {
        let id = self
            .sources
            .add(SourceFile::new(display.to_string(), String::new(), false));
        self.diags.push(
            Diagnostic::new(
                codes::UNREADABLE_FILE,
                Severity::Error,
                Origin::file_start(id),
                message,
            )
            .with_help(help),
        );
        None
    }

    fn load_text(&mut self, real: &Path, display: &str) -> Option<FileId> {
        let meta = match fs::metadata(real) {
            Ok(m) => m,
            Err(e) => {
                return self.unreadable(
                    display,
                    format!("cannot read `{display}`: {e}"),
                    "check the file's permissions",
                );
            }
        };
        if meta.is_dir() {
            return self.unreadable(
                display,
                format!("`{display}` is a directory, but a file is expected here"),
                "remove or rename the directory",
            );
        }
        if !meta.is_file() {
            return self.unreadable(
                display,
                format!("`{display}` is not a regular file"),
                "replace it with a regular file",
            );
        }
        if meta.len() > MAX_FILE_BYTES {
            return self.unreadable(
                display,
                format!(
                    "`{display}` is {} MiB, over the {} MiB limit; it is not read",
                    meta.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
                "vendors truncate or choke on files this large; split it",
            );
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        let read =
            fs::File::open(real).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
        if let Err(e) = read {
            return self.unreadable(
                display,
                format!("cannot read `{display}`: {e}"),
                "check the file's permissions",
            );
        }
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return self.unreadable(
                display,
                format!("`{display}` is UTF-16 encoded; vendors expect UTF-8"),
                "save the file as UTF-8 (PowerShell `>` writes UTF-16; use `Out-File -Encoding utf8`)",
            );
        }
        let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
        if bom {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(text) => Some(
                self.sources
                    .add(SourceFile::new(display.to_string(), text, bom)),
            ),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                // Offsets in the lossy text match the original up to the first bad byte.
                let id = self
                    .sources
                    .add(SourceFile::new(display.to_string(), text, bom));
                self.diags.push(
                    Diagnostic::new(
                        codes::UNREADABLE_FILE,
                        Severity::Error,
                        Origin::new(id, at..at),
                        format!("`{display}` is not valid UTF-8 (first bad byte at offset {at})"),
                    )
                    .with_label("invalid UTF-8 here")
                    .with_help("save the file as UTF-8"),
                );
                None
            }
        }
    }

    /// Text of a file read earlier.
    pub fn text(&self, id: FileId) -> &str {
        &self.sources.get(id).text
    }

    /// Reads and parses a JSON file.
    pub fn json(&mut self, rel: &str) -> Option<(ReadFile, Node)> {
        let f = self.read(rel)?;
        let node = json::parse(f.id, &self.sources.get(f.id).text, &mut self.diags)?;
        Some((f, node))
    }

    /// Reads and parses a TOML file.
    pub fn toml(&mut self, rel: &str) -> Option<(ReadFile, Node)> {
        let f = self.read(rel)?;
        let node = toml::parse(f.id, &self.sources.get(f.id).text, &mut self.diags)?;
        Some((f, node))
    }

    /// Reads and parses a Markdown file, with frontmatter when `frontmatter` is set.
    pub fn markdown(&mut self, rel: &str, frontmatter: bool) -> Option<(ReadFile, MarkdownDoc)> {
        let f = self.read(rel)?;
        let doc = markdown::parse(
            f.id,
            &self.sources.get(f.id).text,
            frontmatter,
            &mut self.diags,
        );
        Some((f, doc))
    }

    /// Adds an instruction file `vendor` loads, unless the same real file is already one of
    /// that vendor's.
    pub fn push_instruction(
        &mut self,
        vendor: crate::vendor::Vendor,
        path: &str,
        dir: &str,
        role: crate::model::InstructionRole,
        f: ReadFile,
        doc: MarkdownDoc,
    ) {
        if self
            .model
            .instructions
            .iter()
            .any(|i| i.vendor == vendor && i.file == f.id)
        {
            return;
        }
        let bytes = self.text(f.id).len();
        self.model.instructions.push(crate::model::InstructionFile {
            vendor,
            path: path.to_string(),
            dir: dir.to_string(),
            role,
            file: f.id,
            symlink_to: f.symlink.map(|s| s.resolved),
            bytes,
            doc,
        });
    }

    /// Reports a finding.
    pub fn report(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// The sorted names of the entries of directory `rel` (empty when it is not a directory
    /// or lies outside its base). Symlinked entries are listed; callers read them through
    /// [`LoadCx::read`], which checks containment.
    pub fn list_dir(&self, rel: &str) -> Vec<String> {
        let Some((path, base)) = self.locate(rel) else {
            return Vec::new();
        };
        match fs::canonicalize(&path) {
            Ok(real) if real.starts_with(base) => {}
            _ => return Vec::new(),
        }
        let mut names: Vec<String> = fs::read_dir(&path)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Every file below directory `rel`, sorted. Inside the workspace this is the discovery
    /// index (gitignore-aware); under `~/` it walks the directory itself, visiting each real
    /// directory once so a symlink loop cannot make it run forever.
    pub fn files_below(&self, rel: &str) -> Vec<String> {
        let (Some(rest), Some(home)) = (rel.strip_prefix("~/"), self.home.as_deref()) else {
            return self.index.files_under(rel).map(str::to_string).collect();
        };
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![(rel.to_string(), home.join(rest))];
        while let Some((dir, real)) = stack.pop() {
            let Ok(canonical) = fs::canonicalize(&real) else {
                continue;
            };
            if !seen.insert(canonical) {
                continue;
            }
            for name in self.list_dir(&dir) {
                let p = join(&dir, &name);
                if self.is_dir(&p) {
                    stack.push((p, real.join(&name)));
                } else {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }

    /// The workspace-relative real path of `rel` when it is a symlink inside the workspace.
    pub fn symlink_target(&self, rel: &str) -> Option<String> {
        let (path, base) = self.locate(rel)?;
        let meta = fs::symlink_metadata(&path).ok()?;
        if !meta.file_type().is_symlink() {
            let real = fs::canonicalize(&path).ok()?;
            let text = self.placeholder_target(&real, base)?;
            let target = fs::canonicalize(real.parent()?.join(text)).ok()?;
            return Some(self.display(&target, base));
        }
        let real = fs::canonicalize(&path).ok()?;
        real.starts_with(base).then(|| self.display(&real, base))
    }
}

/// Joins a workspace-relative directory and a name.
pub(crate) fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// The directory part of a workspace-relative path (`""` for a root file).
pub(crate) fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Normalises `dir/rel` lexically (`.` and `..` resolved). None when it climbs above the root.
pub(crate) fn normalize(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = if rel.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Helpers for tests that build small workspaces on disk.
#[cfg(test)]
pub(crate) mod testing {
    use std::fs;
    use std::path::Path;

    use crate::workspace::{LoadOptions, Workspace};

    /// Writes `text` at `root/rel`, creating directories.
    pub(crate) fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        if let Some(d) = p.parent() {
            fs::create_dir_all(d).expect("mkdir");
        }
        fs::write(p, text).expect("write");
    }

    /// Loads the workspace at `root`.
    pub(crate) fn load(root: &Path) -> Workspace {
        Workspace::load(root, &LoadOptions::default()).expect("loads")
    }
}
