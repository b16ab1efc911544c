//! The files whose text reaches a model as instructions: instruction files, skills, subagents
//! and commands. Security rules scan their text.

use crate::source::FileId;
use crate::workspace::Workspace;

/// Each prompt file once, with what it is (`instructions`, `skill`, `subagent`, `command`).
pub fn prompt_files(ws: &Workspace) -> Vec<(FileId, &'static str)> {
    let m = &ws.model;
    let mut out: Vec<(FileId, &'static str)> = Vec::new();
    let mut push = |id: FileId, what: &'static str| {
        if !out.iter().any(|(f, _)| *f == id) {
            out.push((id, what));
        }
    };
    for i in &m.instructions {
        push(i.file, "instructions");
    }
    for s in &m.skills {
        push(s.origin.file, "skill");
    }
    for a in &m.agents {
        push(a.origin.file, "subagent");
    }
    for c in &m.commands {
        push(c.origin.file, "command");
    }
    out
}
