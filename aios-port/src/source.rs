//! Source files as read from disk: workspace-relative path, text, line index, and byte spans.
//!
//! Every value in the model points back into a [`SourceFile`] through an [`Origin`]
//! (file id + byte range). Line and column are computed only when rendering.

use std::ops::Range;

use serde::Serialize;

/// Index of a file in a [`SourceDb`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// Serializes as a marker object (`{"$file": id}`) that reports replace with the file's path;
/// a marker, not a bare number, so no user value is ever taken for a file id.
impl Serialize for FileId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(FILE_MARKER, &self.0)?;
        m.end()
    }
}

/// Key of the marker object a [`FileId`] serializes to before resolution.
pub(crate) const FILE_MARKER: &str = "$file";

/// Where a value came from: a file and a byte range in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The file.
    pub file: FileId,
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
}

impl Origin {
    /// An origin covering `range` of `file`.
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Origin {
            file,
            start: clamp_u32(range.start),
            end: clamp_u32(range.end.max(range.start)),
        }
    }

    /// An empty origin at the start of `file` (a finding about the whole file).
    pub fn file_start(file: FileId) -> Self {
        Origin {
            file,
            start: 0,
            end: 0,
        }
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Serialized as a marker object that `scan` output resolves to path, line and column.
impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(ORIGIN_MARKER, &[self.file.0, self.start, self.end])?;
        m.end()
    }
}

/// Key of the marker object an [`Origin`] serializes to before resolution.
pub(crate) const ORIGIN_MARKER: &str = "$origin";

/// A value together with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
}

impl<T> Spanned<T> {
    /// Pairs a value with its origin.
    pub fn new(value: T, origin: Origin) -> Self {
        Spanned { value, origin }
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// A path that is a symbolic link (or a git symlink placeholder) to another workspace file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub struct SymlinkInfo {
    /// The link text, as stored in the link.
    pub target: String,
    /// The workspace-relative path the link resolves to.
    pub resolved: String,
}

/// One file's text and metadata.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Workspace-relative path with `/` separators.
    pub path: String,
    /// The text, without a leading UTF-8 byte order mark.
    pub text: String,
    /// The file started with a UTF-8 byte order mark.
    pub bom: bool,
    /// The file uses CRLF line endings (at least one `\r\n`).
    pub crlf: bool,
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// Builds a source file and its line index.
    pub fn new(path: String, text: String, bom: bool) -> Self {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(clamp_u32(i + 1));
            }
        }
        let crlf = text.contains("\r\n");
        SourceFile {
            path,
            text,
            bom,
            crlf,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&clamp_u32(offset)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let col = self
            .text
            .get(start..offset)
            .map(|s| s.chars().filter(|c| *c != '\r').count())
            .unwrap_or(offset - start);
        (line + 1, col + 1)
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Text of the span.
    pub fn slice(&self, origin: &Origin) -> &str {
        self.text.get(origin.range()).unwrap_or("")
    }
}

/// All files read for one workspace.
#[derive(Debug, Clone, Default)]
pub struct SourceDb {
    files: Vec<SourceFile>,
}

impl SourceDb {
    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(clamp_u32(self.files.len() - 1))
    }

    /// The file with this id.
    ///
    /// Ids are only created by [`SourceDb::add`], so an id from this db is always valid.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Mutable access, for recording facts found after the file was added.
    pub fn get_mut(&mut self, id: FileId) -> &mut SourceFile {
        &mut self.files[id.0 as usize]
    }

    /// The file at this workspace-relative path, if it was read.
    pub fn find(&self, path: &str) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path)
            .map(|i| FileId(clamp_u32(i)))
    }

    /// Every file, in the order they were read.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(clamp_u32(i)), f))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// No file was read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Path, line and column of an origin, for messages.
    pub fn locate(&self, origin: &Origin) -> (&str, usize, usize) {
        let f = self.get(origin.file);
        let (l, c) = f.line_col(origin.start as usize);
        (&f.path, l, c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_and_ignores_cr() {
        let f = SourceFile::new("a".into(), "ab\r\nçd\nx".into(), false);
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(4), (2, 1));
        // 'ç' is two bytes; 'd' is the second character of line 2.
        assert_eq!(f.line_col(6), (2, 2));
        assert_eq!(f.line_col(8), (3, 1));
        assert!(f.crlf);
    }
}
