//! Sync of slash commands (FORMATS.md §4c, REAL-CLIENTS.md §2.1 "command_migration", §2.2,
//! §2.3 "Custom commands"): Claude Code `.claude/commands/a/b.md` ↔ Gemini CLI
//! `.gemini/commands/a/b.toml` (both `/a:b`), and for Codex, which has no project commands, a
//! skill.
//!
//! - Claude → Gemini: `description` and `prompt` (TOML, multi-line prompts as `"""` strings).
//!   `$ARGUMENTS` → `{{args}}`, `` !`cmd` `` → `!{cmd}`, `@path` → `@{path}` (only for a path
//!   that exists in the workspace: elsewhere `@` is ordinary text), `\$1` → `$1`. Gemini has no
//!   positional arguments: `$0`/`$1`/`$ARGUMENTS[N]`/named arguments become `(argument N)` and
//!   the prompt starts with a line giving the model `{{args}}` to split (FORMATS.md: "fall back
//!   to `{{args}}` plus prose"; a field loss, so `/a:b` still exists for Gemini). Frontmatter
//!   Gemini lacks (`allowed-tools`, `argument-hint`, `model`, ...) is lost; text Gemini would
//!   run or fill in (`!{`, `@{`, `{{args}}`) and ```` ```! ```` blocks skip the command.
//! - Gemini → Claude: the rules of Claude Code's own `claude import gemini` (REAL-CLIENTS.md §3):
//!   `{{args}}` → `$ARGUMENTS`, `!{cmd}` → `` !`cmd` ``, `@{p}` → `@p`; a command Claude would
//!   run differently is skipped (arguments inside a shell block, which Gemini shell-escapes and
//!   Claude does not; backticks or `!` mixed with arguments; a block not preceded by
//!   whitespace; text that would become a live `` !` `` marker). Claude placeholders written
//!   literally in the Gemini prompt are escaped (`\$1`). Gemini commands are typed by the user
//!   only, so the Claude command gets `disable-model-invocation: true`. Claude Code runs the
//!   shell commands of a command only where `allowed-tools` or its permission rules allow them
//!   (it fails the command otherwise; Gemini asks each time): aios-port grants nothing and
//!   reports it, as it reports a Claude skill of the same name, which Claude runs instead.
//! - To Codex: the skill `.codex/skills/<name, lowercase, `:` and `_` as `-`>/SKILL.md` (what
//!   AP108 counts as the command), `name` = that directory name, `description` = the command's
//!   (none: skipped, Codex skips a skill without one), body = the prompt as written. Codex
//!   skills take no arguments and run no shell or file injection, so the placeholders stay as
//!   written and a first paragraph tells the model what they stand for (a field loss). The
//!   skill goes to `.codex/skills`, not `.agents/skills`, because Gemini CLI reads
//!   `.agents/skills` too: there it would add a model-activated skill beside the command it
//!   already has (and change the primary itself when the primary is Gemini CLI). A command only
//!   the user may invoke (Claude `disable-model-invocation: true`, every Gemini command) gets
//!   `agents/openai.yaml` with `policy.allow_implicit_invocation: false`.
//! - From Codex nothing becomes a command: Codex has no project commands, and its skills are
//!   synced as skills (Claude Code runs them as `/name`); the skills writer does not copy the
//!   Codex port of a command back to a vendor that has the command.

use crate::check::rules::ap106_skill_not_visible::visible_to;
use crate::check::rules::ap108_command_missing::skill_key;
use crate::model::{Command, Scope};
use crate::source::Origin;
use crate::sync::plan::Planner;
use crate::vendor::Vendor;
use crate::workspace::Workspace;
use crate::write::Loss;
use crate::write::encode::{toml_basic, toml_multiline, yaml_scalar};
use crate::write::skills::{Action, apply, blocked_parent, skill_names};

/// Plans the commands of `primary` for `target`.
pub(crate) fn plan(p: &mut Planner<'_>, primary: Vendor, target: Vendor) {
    let actions = actions(p.ws(), primary, target);
    apply(p, actions);
}

// ---------------------------------------------------------------------------------------------
// Prompt syntax

/// One piece of a command prompt.
#[derive(Debug, Clone, PartialEq)]
enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// Text written in place of an escape (Claude `\$` before a placeholder: `$`).
    Literal(&'static str),
    /// All arguments (`$ARGUMENTS`, `{{args}}`).
    Args,
    /// One positional argument, 0-based, and its spelling after `$` (`0`, `ARGUMENTS[0]`).
    Pos(usize, &'a str),
    /// A named argument of Claude's `arguments` frontmatter: its index and name.
    Named(usize, &'a str),
    /// A shell injection (`` !`cmd` ``, `!{cmd}`) and the pieces of its command.
    Shell(Vec<Piece<'a>>),
    /// A Claude ```` ```! ```` block (its whole text).
    ShellBlock(&'a str),
    /// A file injection (`@path`, `@{path}`).
    File(&'a str),
    /// A Gemini injection whose braces never close.
    Unclosed(&'a str),
}

/// Whether `c` is a regex word character.
fn word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The Claude placeholder at the start of `rest` (which starts after `$`) and its length.
fn claude_placeholder<'a>(rest: &'a str, names: &[(usize, &'a str)]) -> Option<(Piece<'a>, usize)> {
    let next_ok = |n: usize| {
        rest[n..]
            .chars()
            .next()
            .is_none_or(|c| !(word(c) || c == '['))
    };
    for (i, name) in names {
        if rest.starts_with(name) && next_ok(name.len()) {
            return Some((Piece::Named(*i, name), name.len()));
        }
    }
    if let Some(r) = rest.strip_prefix("ARGUMENTS[") {
        let digits = r.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && r[digits..].starts_with(']') {
            let n = r[..digits].parse().unwrap_or(usize::MAX);
            let len = "ARGUMENTS[".len() + digits + 1;
            return Some((Piece::Pos(n, &rest[..len]), len));
        }
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && rest[digits..].chars().next().is_none_or(|c| !word(c)) {
        return Some((
            Piece::Pos(
                rest[..digits].parse().unwrap_or(usize::MAX),
                &rest[..digits],
            ),
            digits,
        ));
    }
    if rest.starts_with("ARGUMENTS") {
        return Some((Piece::Args, "ARGUMENTS".len()));
    }
    None
}

/// Whether the character before byte `i` of `s` is whitespace (or `i` is the start).
fn after_space(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_none_or(char::is_whitespace)
}

/// Splits a Claude command body into pieces, as Claude Code 2.1 substitutes it: `\$` before
/// a placeholder is a literal `$`; `$name` (from `arguments`), `$ARGUMENTS[N]`, `$N`,
/// `$ARGUMENTS`; `` !`cmd` `` after whitespace; ```` ```! ```` blocks; `@path` after
/// whitespace when `exists(path)`. In a shell command (`top` false) only placeholders count.
fn claude_pieces<'a>(
    s: &'a str,
    names: &[(usize, &'a str)],
    exists: &dyn Fn(&str) -> bool,
    top: bool,
) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut text = 0usize;
    let mut i = 0usize;
    let flush = |out: &mut Vec<Piece<'a>>, from: usize, to: usize| {
        if to > from {
            out.push(Piece::Text(&s[from..to]));
        }
    };
    while i < s.len() {
        let rest = &s[i..];
        let Some(c) = rest.chars().next() else { break };
        if rest.starts_with("\\$") && claude_placeholder(&rest[2..], names).is_some() {
            flush(&mut out, text, i);
            out.push(Piece::Literal("$"));
            i += 2;
            text = i;
            continue;
        }
        if c == '$'
            && let Some((piece, len)) = claude_placeholder(&rest[1..], names)
        {
            flush(&mut out, text, i);
            out.push(piece);
            i += 1 + len;
            text = i;
            continue;
        }
        if top && rest.starts_with("```!") && (i == 0 || s[..i].ends_with('\n')) {
            let end = rest[4..]
                .find("\n```")
                .map_or(s.len(), |e| (i + 4 + e + 4).min(s.len()));
            flush(&mut out, text, i);
            out.push(Piece::ShellBlock(&s[i..end]));
            i = end;
            text = i;
            continue;
        }
        if top
            && rest.starts_with("!`")
            && after_space(s, i)
            && let Some(close) = rest[2..].find('`')
        {
            flush(&mut out, text, i);
            let cmd = &rest[2..2 + close];
            out.push(Piece::Shell(claude_pieces(cmd, names, exists, false)));
            i += 2 + close + 1;
            text = i;
            continue;
        }
        if top && c == '@' && after_space(s, i) {
            let word_end = rest[1..]
                .find(char::is_whitespace)
                .map_or(rest.len(), |e| e + 1);
            let path = rest[1..word_end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
            if !path.is_empty() && exists(path) {
                flush(&mut out, text, i);
                out.push(Piece::File(path));
                i += 1 + path.len();
                text = i;
                continue;
            }
        }
        i += c.len_utf8();
    }
    flush(&mut out, text, s.len());
    out
}

/// The byte length of the balanced `{...}` group that starts at `s[0] == '{'`, if it closes.
fn balanced(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits a Gemini prompt into pieces: `{{args}}`, `!{cmd}` and `@{path}` (brace-balanced,
/// as Gemini CLI's injection parser reads them). In a shell command (`top` false) only
/// `{{args}}` counts.
fn gemini_pieces(s: &str, top: bool) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text = 0usize;
    let mut i = 0usize;
    while i < s.len() {
        let rest = &s[i..];
        let Some(c) = rest.chars().next() else { break };
        let found = if rest.starts_with("{{args}}") {
            Some((Piece::Args, "{{args}}".len()))
        } else if top && (rest.starts_with("!{") || rest.starts_with("@{")) {
            Some(match balanced(&rest[1..]) {
                Some(n) => {
                    let inner = &rest[2..n];
                    if c == '!' {
                        (Piece::Shell(gemini_pieces(inner, false)), n + 1)
                    } else {
                        (Piece::File(inner), n + 1)
                    }
                }
                None => (Piece::Unclosed(rest), rest.len()),
            })
        } else {
            None
        };
        match found {
            Some((piece, len)) => {
                if i > text {
                    out.push(Piece::Text(&s[text..i]));
                }
                out.push(piece);
                i += len;
                text = i;
            }
            None => i += c.len_utf8(),
        }
    }
    if s.len() > text {
        out.push(Piece::Text(&s[text..]));
    }
    out
}

/// Why a prompt cannot be written for a target, or one detail it loses.
#[derive(Debug, Clone, PartialEq)]
struct Note {
    /// What, before "of command `/x`" (e.g. "positional arguments").
    what: String,
    /// Why.
    why: String,
    /// What to do.
    help: String,
}

impl Note {
    /// A note.
    fn new(what: impl Into<String>, why: impl Into<String>, help: impl Into<String>) -> Self {
        Note {
            what: what.into(),
            why: why.into(),
            help: help.into(),
        }
    }
}

/// A converted prompt: the text and the details lost; Err when it cannot be written.
type Converted = Result<(String, Vec<Note>), Note>;

/// Escapes what Claude Code would substitute in literal text: `$N` and `$ARGUMENTS` → `\$`.
fn escape_claude(t: &str) -> Result<String, Note> {
    let mut out = String::with_capacity(t.len());
    let mut i = 0;
    while i < t.len() {
        let rest = &t[i..];
        let Some(c) = rest.chars().next() else { break };
        if c == '$' && claude_placeholder(&rest[1..], &[]).is_some() {
            if out.ends_with('\\') {
                return Err(Note::new(
                    "the literal text",
                    format!(
                        "`\\{}` cannot be written literally for Claude Code, which reads `\\$` as an escape",
                        rest.chars().take(12).collect::<String>()
                    ),
                    "port the command by hand",
                ));
            }
            out.push('\\');
        }
        out.push(c);
        i += c.len_utf8();
    }
    Ok(out)
}

/// A Claude body as a Gemini prompt.
fn claude_to_gemini(pieces: &[Piece<'_>], names: &[(usize, &str)]) -> Converted {
    let live = |t: &str| {
        ["{{args}}", "!{", "@{"]
            .into_iter()
            .find(|m| t.contains(m))
            .map(|m| {
                Note::new(
                    format!("the text `{m}`"),
                    format!("Gemini CLI would read `{m}` in the prompt as an injection, while Claude Code keeps it as text"),
                    "rephrase that part of the command, then sync again",
                )
            })
    };
    let mut out = String::new();
    let mut notes = Vec::new();
    let mut positional = false;
    let mut args_in_shell = false;
    for p in pieces {
        match p {
            Piece::Text(t) => {
                if let Some(n) = live(t) {
                    return Err(n);
                }
                out.push_str(t);
            }
            Piece::Literal(l) => out.push_str(l),
            Piece::Args => out.push_str("{{args}}"),
            Piece::Pos(n, _) | Piece::Named(n, _) => {
                positional = true;
                out.push_str(&format!("(argument {})", n.saturating_add(1)));
            }
            Piece::Shell(inner) => {
                let mut cmd = String::new();
                for q in inner {
                    match q {
                        Piece::Text(t) => {
                            if let Some(n) = live(t) {
                                return Err(n);
                            }
                            cmd.push_str(t);
                        }
                        Piece::Literal(l) => cmd.push_str(l),
                        Piece::Args => {
                            args_in_shell = true;
                            cmd.push_str("{{args}}");
                        }
                        _ => {
                            return Err(Note::new(
                                "a positional argument in a shell command",
                                "Gemini CLI has no positional arguments, and the shell command cannot be reworded",
                                "use `$ARGUMENTS` in the shell command, or port the command by hand",
                            ));
                        }
                    }
                }
                let wrapped = format!("{{{cmd}}}");
                if balanced(&wrapped) != Some(wrapped.len()) {
                    return Err(Note::new(
                        format!("the shell command `{cmd}`"),
                        "its braces do not balance, and Gemini CLI ends `!{…}` at the matching brace",
                        "port the command by hand",
                    ));
                }
                out.push('!');
                out.push_str(&wrapped);
            }
            Piece::ShellBlock(_) => {
                return Err(Note::new(
                    "a ```! shell block",
                    "Gemini CLI has only inline `!{…}` shell injection",
                    "write the block as `` !`command` `` lines, then sync again",
                ));
            }
            Piece::File(path) => out.push_str(&format!("@{{{path}}}")),
            Piece::Unclosed(t) => out.push_str(t),
        }
    }
    if positional {
        let order = if names.is_empty() {
            String::new()
        } else {
            format!(
                " ({})",
                names
                    .iter()
                    .map(|(i, n)| format!("argument {} is `{n}`", i + 1))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        out =
            format!("The arguments, split like a shell command line{order}: {{{{args}}}}\n\n{out}");
        notes.push(Note::new(
            "positional arguments",
            "Gemini CLI passes only the whole argument string (`{{args}}`); the prompt names them `(argument 1)`, … and gives the model `{{args}}` to split",
            "check that the model reads the arguments right, or use `$ARGUMENTS` in the command",
        ));
    }
    if args_in_shell {
        notes.push(Note::new(
            "the arguments inside a shell command",
            "Gemini CLI shell-escapes `{{args}}` inside `!{…}`: the arguments reach the command as one word",
            "check the shell command in Gemini CLI",
        ));
    }
    Ok((out, notes))
}

/// Whether Claude's importer would read a `!` as able to start a marker (`cn` in Claude
/// Code's `claude import gemini`): `$word` tokens blanked, a `!` not after a letter (other
/// than `S`), `_`, closing or sentence punctuation.
fn stray_bang(s: &str) -> bool {
    let mut blanked = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || matches!(n, '_' | '.' | '-'))
        {
            blanked.push(' ');
            while let Some(n) = chars.peek().copied() {
                if n.is_alphanumeric() || matches!(n, '_' | '.' | '-') {
                    blanked.push(' ');
                    chars.next();
                } else {
                    break;
                }
            }
        } else {
            blanked.push(c);
        }
    }
    let ok_before = |c: char| {
        (c.is_ascii_alphabetic() && c != 'S')
            || matches!(
                c,
                '_' | ')' | '.' | ',' | ';' | ':' | '\'' | '"' | '?' | '!' | '>' | '-'
            )
    };
    let b: Vec<char> = blanked.chars().collect();
    s.chars()
        .enumerate()
        .any(|(i, c)| c == '!' && !(i > 0 && ok_before(b[i - 1])))
}

/// `s` with every Claude shell marker (`` !`…` `` after whitespace) removed.
fn without_markers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with("!`")
            && after_space(s, i)
            && let Some(close) = rest[2..].find('`')
        {
            i += 2 + close + 1;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// A Gemini prompt as a Claude command body, by the rules of Claude Code's importer.
fn gemini_to_claude(pieces: &[Piece<'_>]) -> Converted {
    let manual = "port the command by hand";
    let mut out = String::new();
    let mut shells: Vec<String> = Vec::new();
    let mut args = false;
    for p in pieces {
        match p {
            Piece::Text(t) => {
                if t.contains("!`") || t.contains("```!") {
                    return Err(Note::new(
                        "a literal `` !` ``",
                        "it is inert in Gemini CLI but a live shell marker in Claude Code",
                        manual,
                    ));
                }
                out.push_str(&escape_claude(t)?);
            }
            Piece::Args => {
                args = true;
                out.push_str("$ARGUMENTS");
            }
            Piece::Shell(inner) => {
                let mut cmd = String::new();
                for q in inner {
                    match q {
                        Piece::Text(t) => cmd.push_str(t),
                        _ => {
                            return Err(Note::new(
                                "the arguments inside a shell command",
                                "Gemini CLI shell-escapes `{{args}}` inside `!{…}`, Claude Code's `$ARGUMENTS` does not: typed arguments could inject shell commands",
                                manual,
                            ));
                        }
                    }
                }
                if cmd.contains('`') {
                    return Err(Note::new(
                        format!("the shell command `{cmd}`"),
                        "it contains a backtick, which Claude Code's `` !`cmd` `` cannot hold",
                        manual,
                    ));
                }
                if !after_space(&out, out.len()) {
                    return Err(Note::new(
                        format!("the shell command `{cmd}`"),
                        "it does not follow whitespace, which Claude Code's `` !`cmd` `` marker needs",
                        manual,
                    ));
                }
                let cmd = escape_claude(&cmd)?;
                out.push_str(&format!("!`{cmd}`"));
                shells.push(cmd);
            }
            Piece::File(path) => {
                if path.contains('{') {
                    return Err(Note::new(
                        format!("the file `{path}`"),
                        "its path holds a brace",
                        manual,
                    ));
                }
                out.push('@');
                out.push_str(&path.replace(' ', "\\ "));
            }
            Piece::Unclosed(_) => {
                return Err(Note::new(
                    "an unclosed `!{` or `@{`",
                    "Gemini CLI itself rejects the prompt",
                    "close the braces",
                ));
            }
            Piece::Literal(l) => out.push_str(l),
            Piece::Pos(..) | Piece::Named(..) | Piece::ShellBlock(_) => {}
        }
    }
    let rest = without_markers(&out);
    let dangling = rest
        .char_indices()
        .any(|(i, c)| c == '!' && after_space(&rest, i) && rest[i + 1..].starts_with(['`', '$']));
    if dangling {
        return Err(Note::new(
            "a dangling shell marker",
            "argument substitution could complete it into a live command in Claude Code",
            manual,
        ));
    }
    if args {
        let bang = if shells.is_empty() {
            stray_bang(&out)
        } else {
            rest.contains('!')
        };
        if rest.contains('`') || bang {
            return Err(Note::new(
                "the arguments beside backticks or `!`",
                "in Claude Code typed arguments could assemble a live `` !`…` `` shell marker from them",
                manual,
            ));
        }
        if shells.iter().any(|c| c.contains('!')) {
            return Err(Note::new(
                "a `!` inside a shell command",
                "with arguments in the command, a backtick in them could re-pair the marker in Claude Code",
                manual,
            ));
        }
    }
    // Claude Code must find exactly the shell commands Gemini CLI runs.
    let reparsed: Vec<String> = claude_pieces(&out, &[], &|_| false, true)
        .iter()
        .filter_map(|p| match p {
            Piece::Shell(inner) => Some(render_claude_raw(inner)),
            _ => None,
        })
        .collect();
    if reparsed != shells {
        return Err(Note::new(
            "its shell commands",
            "Claude Code would read other shell commands from the translated text",
            manual,
        ));
    }
    let notes = if shells.is_empty() {
        Vec::new()
    } else {
        vec![Note::new(
            "running the shell commands",
            format!(
                "Claude Code runs {} only where `allowed-tools` or its permission rules allow it, and fails the command otherwise, while Gemini CLI asks each time; aios-port grants nothing",
                and_list(&shells.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>())
            ),
            "if you trust them, allow them in the command's `allowed-tools` (e.g. `Bash(git diff:*)`) or in .claude/settings.json",
        )]
    };
    Ok((out, notes))
}

/// The text of Claude pieces as written.
fn render_claude_raw(pieces: &[Piece<'_>]) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) | Piece::File(t) | Piece::ShellBlock(t) | Piece::Unclosed(t) => {
                out.push_str(t);
            }
            Piece::Literal(_) => out.push_str("\\$"),
            Piece::Args => out.push_str("$ARGUMENTS"),
            Piece::Pos(_, raw) | Piece::Named(_, raw) => {
                out.push('$');
                out.push_str(raw);
            }
            Piece::Shell(inner) => {
                out.push_str("!`");
                out.push_str(&render_claude_raw(inner));
                out.push('`');
            }
        }
    }
    out
}

/// The placeholders of a prompt in order of appearance (each once), with the argument they
/// stand for (None: all of them), searching shell commands too.
fn placeholders(pieces: &[Piece<'_>], from: Vendor, out: &mut Vec<(String, Option<usize>)>) {
    for p in pieces {
        let found = match p {
            Piece::Args if from == Vendor::Claude => Some(("`$ARGUMENTS`".to_string(), None)),
            Piece::Args => Some(("`{{args}}`".to_string(), None)),
            Piece::Pos(n, raw) | Piece::Named(n, raw) => Some((format!("`${raw}`"), Some(*n))),
            Piece::Shell(inner) => {
                placeholders(inner, from, out);
                None
            }
            _ => None,
        };
        if let Some(f) = found
            && !out.contains(&f)
        {
            out.push(f);
        }
    }
}

/// `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The paragraph that tells the model of a Codex skill what the command's placeholders and
/// injections mean, and the details lost.
fn codex_preamble(pieces: &[Piece<'_>], from: Vendor) -> (String, Vec<Note>) {
    let mut found = Vec::new();
    placeholders(pieces, from, &mut found);
    let shell = pieces
        .iter()
        .any(|p| matches!(p, Piece::Shell(_) | Piece::ShellBlock(_)));
    let file = pieces.iter().any(|p| matches!(p, Piece::File(_)));
    let claude = from == Vendor::Claude;
    let mut sentences = Vec::new();
    let mut notes = Vec::new();
    if !found.is_empty() {
        let parts: Vec<String> = found
            .iter()
            .map(|(token, n)| match n {
                None => format!("{token} is all"),
                Some(n) => format!("{token} is word {}", n.saturating_add(1)),
            })
            .collect();
        sentences.push(format!(
            "In this skill, {} of the text the user gave with the request that invoked it.",
            and_list(&parts)
        ));
        notes.push(Note::new(
            "the arguments",
            "Codex skills take no arguments; the skill keeps the placeholders and tells the model what they stand for",
            "mention the skill with the text it needs (`$skill text`)",
        ));
    }
    if shell {
        sentences.push(if claude {
            "A `` !`command` `` stands for the output of that shell command: run it first."
                .to_string()
        } else {
            "A `!{command}` stands for the output of that shell command: run it first.".to_string()
        });
        notes.push(Note::new(
            "its shell commands",
            "Codex does not run them when the skill loads; the skill asks the model to run them",
            "check the skill in Codex",
        ));
    }
    if file {
        sentences.push(if claude {
            "A `@path` stands for the content of that file: read it.".to_string()
        } else {
            "A `@{path}` stands for the content of that file: read it.".to_string()
        });
        notes.push(Note::new(
            "its file references",
            "Codex does not inline files into a skill; the skill asks the model to read them",
            "check the skill in Codex",
        ));
    }
    let text = if sentences.is_empty() {
        String::new()
    } else {
        format!("> {}\n\n", sentences.join(" "))
    };
    (text, notes)
}

// ---------------------------------------------------------------------------------------------
// Output formats

/// A TOML string: multi-line basic (`"""`, starting on its own line) when `s` has a line
/// break, else basic. Line breaks are written as LF.
fn toml_string(s: &str) -> String {
    if s.contains('\n') {
        toml_multiline(&s.replace("\r\n", "\n"))
    } else {
        toml_basic(s)
    }
}

/// The relative path of command `name` (`a:b` → `a/b`), when every segment is a usable name.
fn command_rel(name: &str) -> Option<String> {
    let rel = name.replace(':', "/");
    rel.split('/')
        .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains('\\'))
        .then_some(rel)
}

// ---------------------------------------------------------------------------------------------
// Planning

/// The names of Claude's `arguments` frontmatter, in order (a list, or a space-separated
/// string; numbers are not names), longest first as Claude Code substitutes them.
fn argument_names(c: &Command) -> Vec<(usize, &str)> {
    let Some(e) = c.extra.iter().find(|e| e.key == "arguments") else {
        return Vec::new();
    };
    let raw: Vec<&str> = match &e.value {
        serde_json::Value::Array(items) => items.iter().filter_map(|v| v.as_str()).collect(),
        serde_json::Value::String(s) => s.split_whitespace().collect(),
        _ => Vec::new(),
    };
    let mut names: Vec<(usize, &str)> = raw
        .into_iter()
        .filter(|n| !n.trim().is_empty() && !n.chars().all(|c| c.is_ascii_digit()))
        .enumerate()
        .filter(|(_, n)| n.len() <= 64)
        .take(64)
        .collect();
    names.sort_by_key(|(_, n)| std::cmp::Reverse(n.len()));
    names
}

/// Whether `c` is `key: true` in the command's frontmatter.
fn flag(c: &Command, key: &str) -> Option<bool> {
    c.extra
        .iter()
        .find(|e| e.key == key)
        .and_then(|e| e.value.as_bool())
}

/// What syncing the commands of `primary` to `target` needs, in order.
fn actions(ws: &Workspace, primary: Vendor, target: Vendor) -> Vec<Action> {
    let mut out = Vec::new();
    let mut planned: Vec<String> = Vec::new();
    let exists = |p: &str| {
        let p = p.trim_start_matches("./");
        !p.is_empty()
            && !p.starts_with('/')
            && !p.split('/').any(|s| s == "..")
            // The index lists are sorted.
            && (ws.index.files.binary_search_by(|f| f.as_str().cmp(p)).is_ok()
                || ws.index.dirs.binary_search_by(|d| d.as_str().cmp(p)).is_ok())
    };
    for c in ws
        .model
        .commands
        .iter()
        .filter(|c| c.vendor == primary && c.scope == Scope::Project)
    {
        let origin = Origin::file_start(c.origin.file);
        let what = format!("command `/{}`", c.name);
        let skip = |why: String, help: &str| {
            Action::Lose(Loss::field(target, origin, what.clone(), why, help).skip())
        };
        let Some(prompt) = &c.prompt else {
            out.push(skip(
                format!(
                    "it has no `prompt`, so {} does not load it",
                    primary.display_name()
                ),
                "add a `prompt`",
            ));
            continue;
        };
        let lose_note = |n: Note, skipped: bool| {
            let l = Loss::field(
                target,
                prompt.origin,
                format!("{} of command `/{}`", n.what, c.name),
                n.why,
                n.help,
            );
            Action::Lose(if skipped { l.skip() } else { l })
        };
        let names = argument_names(c);
        let pieces = match primary {
            Vendor::Claude => claude_pieces(&prompt.value, &names, &exists, true),
            _ => gemini_pieces(&prompt.value, true),
        };
        // Files written beside the main one (a Codex skill's `agents/openai.yaml`).
        let mut also: Vec<(String, String)> = Vec::new();
        let (path, text) = match target {
            Vendor::Codex => {
                let key = skill_key(&c.name);
                // A skill of that name already stands for the command (Claude Code prefers a
                // skill to a command of the same name; the skills writer syncs it).
                let port = format!(".codex/skills/{key}/SKILL.md");
                let stand_in = ws.model.skills.iter().any(|s| {
                    s.scope == Scope::Project
                        && (visible_to(s).contains(primary) || visible_to(s).contains(target))
                        && skill_names(s).iter().any(|n| skill_key(n) == key)
                        && std::iter::once(&s.path)
                            .chain(&s.also_at)
                            .any(|p| *p != port)
                });
                if stand_in {
                    continue;
                }
                let Some(desc) = &c.description else {
                    out.push(skip(
                        "it has no `description`, which a Codex skill needs (Codex skips a skill without one)".into(),
                        "add a `description` to the command",
                    ));
                    continue;
                };
                let dir = format!(".codex/skills/{key}");
                if planned.contains(&dir) {
                    out.push(skip(
                        format!("another command is also ported to `{dir}`"),
                        "rename one of the commands",
                    ));
                    continue;
                }
                planned.push(dir.clone());
                let (pre, notes) = codex_preamble(&pieces, primary);
                out.extend(notes.into_iter().map(|n| lose_note(n, false)));
                let user_only = match primary {
                    Vendor::Claude => flag(c, "disable-model-invocation") == Some(true),
                    _ => true,
                };
                // Written when the command is for the user only, and kept up to date once there.
                let yaml = format!("{dir}/agents/openai.yaml");
                if user_only || ws.root.join(&yaml).symlink_metadata().is_ok() {
                    also.push((
                        yaml,
                        format!("policy:\n  allow_implicit_invocation: {}\n", !user_only),
                    ));
                }
                let body = prompt.value.trim_start_matches(['\n', '\r']).trim_end();
                (
                    format!("{dir}/SKILL.md"),
                    format!(
                        "---\nname: {}\ndescription: {}\n---\n\n{pre}{body}\n",
                        yaml_scalar(&key),
                        yaml_scalar(&desc.value)
                    ),
                )
            }
            Vendor::Gemini => {
                let Some(rel) = command_rel(&c.name) else {
                    out.push(skip(
                        "its name is not a usable file path".into(),
                        "rename the command",
                    ));
                    continue;
                };
                if crate::read::gemini::command_name(&rel) != c.name {
                    out.push(Action::Lose(Loss::field(
                        target,
                        origin,
                        format!("the name of command `/{}`", c.name),
                        format!(
                            "Gemini CLI calls the file `/{}`",
                            crate::read::gemini::command_name(&rel)
                        ),
                        "rename the command with letters, digits, `_`, `.` and `-` only",
                    )));
                }
                let (text, notes) = match claude_to_gemini(&pieces, &names) {
                    Ok(t) => t,
                    Err(n) => {
                        out.push(lose_note(n, true));
                        continue;
                    }
                };
                out.extend(notes.into_iter().map(|n| lose_note(n, false)));
                let mut toml = String::new();
                if let Some(d) = &c.description {
                    toml.push_str(&format!("description = {}\n", toml_basic(&d.value)));
                }
                let text = text.trim_start_matches(['\n', '\r']);
                toml.push_str(&format!("prompt = {}\n", toml_string(text)));
                (format!(".gemini/commands/{rel}.toml"), toml)
            }
            Vendor::Claude => {
                let Some(rel) = command_rel(&c.name) else {
                    out.push(skip(
                        "its name is not a usable file path".into(),
                        "rename the command",
                    ));
                    continue;
                };
                let (body, notes) = match gemini_to_claude(&pieces) {
                    Ok(t) => t,
                    Err(n) => {
                        out.push(lose_note(n, true));
                        continue;
                    }
                };
                out.extend(notes.into_iter().map(|n| lose_note(n, false)));
                // Claude Code runs a skill of the same name instead of the command.
                if ws.model.skills.iter().any(|s| {
                    s.scope == Scope::Project
                        && (visible_to(s).contains(primary) || visible_to(s).contains(target))
                        && skill_names(s).contains(&c.name.as_str())
                }) {
                    out.push(Action::Lose(Loss::field(
                        target,
                        origin,
                        format!("the prompt of command `/{}`", c.name),
                        format!("Claude Code has a skill `{}`, which it runs for `/{}` instead of the command", c.name, c.name),
                        "rename the command or the skill",
                    )));
                }
                let mut md = String::from("---\n");
                if let Some(d) = &c.description {
                    md.push_str(&format!("description: {}\n", yaml_scalar(&d.value)));
                }
                // Gemini CLI commands are typed by the user only.
                md.push_str("disable-model-invocation: true\n---\n\n");
                md.push_str(body.trim_start_matches(['\n', '\r']).trim_end());
                md.push('\n');
                (format!(".claude/commands/{rel}.md"), md)
            }
        };
        // Frontmatter the target has no place for (Gemini CLI itself ignores unknown keys).
        for e in c.extra.iter().filter(|_| primary == Vendor::Claude) {
            let kept = match (target, e.key.as_str()) {
                (_, "arguments") => true,
                (Vendor::Gemini, "disable-model-invocation") => true,
                (Vendor::Codex, "disable-model-invocation") => true,
                (_, "user-invocable") => e.value == serde_json::Value::Bool(true),
                _ => false,
            };
            if !kept {
                out.push(Action::Lose(Loss::field(
                    target,
                    e.origin,
                    format!("`{}` of command `/{}`", e.key, c.name),
                    match target {
                        Vendor::Codex => {
                            "a Codex skill has only `name` and `description`".to_string()
                        }
                        _ => format!(
                            "{} custom commands have only `prompt` and `description`",
                            target.display_name()
                        ),
                    },
                    "move what it says into the prompt if it matters",
                )));
            }
        }
        if let Some(blocked) = blocked_parent(&ws.root, &path) {
            out.push(skip(
                format!("`{blocked}` is a symlink or a file; aios-port does not write through it"),
                "replace it by a directory",
            ));
            continue;
        }
        out.push(Action::File(path, text));
        out.extend(also.into_iter().map(|(p, t)| Action::File(p, t)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::testing::{load, write};
    use crate::sync::lock::Lock;
    use crate::sync::{SyncOptions, plan};

    /// A Claude body converted for Gemini (`src/main.rs` exists).
    fn to_gemini(body: &str) -> Converted {
        claude_to_gemini(
            &claude_pieces(body, &[], &|p| p == "src/main.rs", true),
            &[],
        )
    }

    /// A Gemini prompt converted for Claude.
    fn to_claude(prompt: &str) -> Converted {
        gemini_to_claude(&gemini_pieces(prompt, true))
    }

    #[test]
    fn claude_placeholders_and_injections_become_gemini_syntax() {
        let (t, notes) = to_gemini("Commit: $ARGUMENTS\nStatus: !`git status`\nSee @src/main.rs and @nothere, cost \\$1.\n")
            .expect("converts");
        assert_eq!(
            t,
            "Commit: {{args}}\nStatus: !{git status}\nSee @{src/main.rs} and @nothere, cost $1.\n"
        );
        assert!(notes.is_empty());
        let (t, notes) = to_gemini("Fix issue $0 with $ARGUMENTS[1].\n").expect("converts");
        assert_eq!(
            t,
            "The arguments, split like a shell command line: {{args}}\n\nFix issue (argument 1) with (argument 2).\n"
        );
        assert_eq!(notes[0].what, "positional arguments");
        // A word character after the digits: not a placeholder.
        assert_eq!(
            to_gemini("$1abc $ARGUMENTSX").expect("converts").0,
            "$1abc {{args}}X"
        );
        let (t, notes) = to_gemini("Log: !`git log $ARGUMENTS`").expect("converts");
        assert_eq!(t, "Log: !{git log {{args}}}");
        assert_eq!(notes[0].what, "the arguments inside a shell command");
        assert!(to_gemini("a !`echo $1`").is_err());
        assert!(to_gemini("```!\nls\n```\n").is_err());
        assert!(to_gemini("literal !{x} here").is_err());
        assert!(to_gemini("ref HEAD@{1}").is_err());
        assert!(to_gemini("x !`echo }`").is_err());
    }

    #[test]
    fn named_arguments() {
        let names = [(1usize, "priority"), (0usize, "issue")];
        let p = claude_pieces(
            "Fix $issue at $priority ($issues)",
            &names,
            &|_| false,
            true,
        );
        let (t, _) = claude_to_gemini(&p, &names).expect("converts");
        assert_eq!(
            t,
            "The arguments, split like a shell command line (argument 2 is `priority`, argument 1 is `issue`): {{args}}\n\nFix (argument 1) at (argument 2) ($issues)"
        );
    }

    #[test]
    fn gemini_prompts_become_claude_bodies_by_claude_importer_rules() {
        assert_eq!(
            to_claude("Review {{args}}.\n").expect("converts").0,
            "Review $ARGUMENTS.\n"
        );
        assert_eq!(
            to_claude("Diff:\n!{git diff --staged}\nRead @{docs/a b.md}. Costs $5.")
                .expect("converts")
                .0,
            "Diff:\n!`git diff --staged`\nRead @docs/a\\ b.md. Costs \\$5."
        );
        // Nested braces are kept whole.
        assert_eq!(
            to_claude("!{awk '{print $1}' f}").expect("converts").0,
            "!`awk '{print \\$1}' f`"
        );
        for bad in [
            "!{git log {{args}}}",
            "x!{ls}",
            "!{echo `a`}",
            "Use `{{args}}` here",
            "Run {{args}} !{ls}! now",
            "literal !`x` here",
            "unclosed !{ls",
        ] {
            assert!(to_claude(bad).is_err(), "{bad}");
        }
        assert!(to_claude("Hello {{args}}, thanks!").is_ok());
        // As Claude Code's importer judges it: a `!` after the arguments could start a marker.
        assert!(to_claude("Use {{args}}!").is_err());
        assert!(to_claude("- ! {{args}}").is_err());
    }

    #[test]
    fn strings() {
        for s in [
            "one line",
            "multi\nline \"quoted\"\n",
            "ends with quote\"",
            "triple \"\"\" inside\nand \\ backslash\r\n",
            "tab\tand \u{7}bell\n",
        ] {
            let doc: toml_edit::DocumentMut = format!("k = {}\n", toml_string(s))
                .parse()
                .expect("valid TOML");
            assert_eq!(
                doc["k"].as_str(),
                Some(s.replace("\r\n", "\n").as_str()),
                "{s:?}"
            );
        }
        assert_eq!(
            crate::read::gemini::command_name("git/commit"),
            "git:commit"
        );
        assert_eq!(crate::read::gemini::command_name("my cmd"), "my_cmd");
        assert_eq!(command_rel("a:b"), Some("a/b".into()));
        assert_eq!(command_rel("a::b"), None);
        assert_eq!(command_rel(".."), None);
    }

    #[test]
    fn claude_commands_for_gemini_and_codex() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "CLAUDE.md", "# r\n");
        write(
            dir.path(),
            ".claude/commands/git/commit.md",
            "---\ndescription: Commit staged changes\nargument-hint: <message>\ndisable-model-invocation: true\n---\nCommit with message: $ARGUMENTS\n",
        );
        write(dir.path(), ".claude/commands/nodesc.md", "Just do it.\n");
        let ws = load(dir.path());
        let o = SyncOptions {
            allow_lossy: true,
            ..SyncOptions::default()
        };
        let p = plan(&ws, &o, Lock::default()).expect("plans");
        let file = |path: &str| {
            p.changes
                .iter()
                .find(|c| c.path == path)
                .map(|c| c.after.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            file(".gemini/commands/git/commit.toml"),
            "description = \"Commit staged changes\"\nprompt = \"\"\"\nCommit with message: {{args}}\n\"\"\"\n"
        );
        assert_eq!(
            file(".gemini/commands/nodesc.toml"),
            "prompt = \"\"\"\nJust do it.\n\"\"\"\n"
        );
        assert_eq!(
            file(".codex/skills/git-commit/SKILL.md"),
            "---\nname: git-commit\ndescription: Commit staged changes\n---\n\n> In this skill, `$ARGUMENTS` is all of the text the user gave with the request that invoked it.\n\nCommit with message: $ARGUMENTS\n"
        );
        assert_eq!(
            file(".codex/skills/git-commit/agents/openai.yaml"),
            "policy:\n  allow_implicit_invocation: false\n"
        );
        let losses: Vec<String> = p
            .losses
            .iter()
            .map(|l| {
                format!(
                    "{} {}{}",
                    l.target.id(),
                    l.what,
                    if l.skipped { " (skip)" } else { "" }
                )
            })
            .collect();
        assert_eq!(
            losses,
            [
                "codex the arguments of command `/git:commit`",
                "codex `argument-hint` of command `/git:commit`",
                "codex command `/nodesc` (skip)",
                "gemini `argument-hint` of command `/git:commit`",
            ]
        );
    }

    #[test]
    fn gemini_commands_for_claude() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "GEMINI.md", "# r\n");
        write(
            dir.path(),
            ".gemini/commands/review.toml",
            "description = \"Review: the diff\"\nprompt = \"\"\"\nReview {{args}} and\n!{git diff}\n\"\"\"\n",
        );
        let ws = load(dir.path());
        let o = SyncOptions {
            to: vec![Vendor::Claude],
            allow_lossy: true,
            ..SyncOptions::default()
        };
        let p = plan(&ws, &o, Lock::default()).expect("plans");
        let c = p
            .changes
            .iter()
            .find(|c| c.path == ".claude/commands/review.md")
            .expect("written");
        assert_eq!(
            c.after,
            "---\ndescription: \"Review: the diff\"\ndisable-model-invocation: true\n---\n\nReview $ARGUMENTS and\n!`git diff`\n"
        );
    }
}
