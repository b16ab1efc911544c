//! Meta tests of the rule catalogue: every rule is documented with the required sections, and
//! the configuration in its `## Example` really triggers it, while the "Use instead" version
//! does not.
//!
//! Example blocks are fenced code blocks whose info string is `<lang> <path> [flags]`; each
//! becomes a file of a temporary workspace. Flags: `escapes` decodes `\xNN` bytes,
//! `no-newline` drops the final newline; lang `symlink` makes `<path>` a symlink to the
//! block's text.

use std::fs;
use std::path::Path;

use aios_port::check::{CheckOptions, RULES, RuleSelection, check};
use aios_port::{LoadOptions, Workspace};

const SECTIONS: &[&str] = &[
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## How to fix",
    "## References",
];

struct Block {
    lang: String,
    path: String,
    flags: Vec<String>,
    text: String,
}

/// The example blocks: (bad, good).
fn examples(doc: &str) -> (Vec<Block>, Vec<Block>) {
    let Some(start) = doc.find("## Example") else {
        return (Vec::new(), Vec::new());
    };
    let end = doc[start..]
        .find("## How to fix")
        .map_or(doc.len(), |e| start + e);
    let section = &doc[start..end];
    let (mut bad, mut good) = (Vec::new(), Vec::new());
    let mut in_good = false;
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("Use instead") {
            in_good = true;
            continue;
        }
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut words = info.split_whitespace();
        let lang = words.next().unwrap_or("").to_string();
        let path = words.next().unwrap_or("").to_string();
        let flags: Vec<String> = words.map(str::to_string).collect();
        let mut text = String::new();
        for l in lines.by_ref() {
            if l.starts_with("```") {
                break;
            }
            text.push_str(l);
            text.push('\n');
        }
        let block = Block {
            lang,
            path,
            flags,
            text,
        };
        if in_good {
            good.push(block);
        } else {
            bad.push(block);
        }
    }
    (bad, good)
}

fn decode_escapes(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && b.get(i + 1) == Some(&b'x')
            && i + 3 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 2..i + 4], 16)
        {
            out.push(v);
            i += 4;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn materialize(dir: &Path, blocks: &[Block]) {
    for b in blocks {
        assert!(
            !b.path.is_empty(),
            "example block without a path: {}",
            b.text
        );
        let p = dir.join(&b.path);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        if b.lang == "symlink" {
            #[cfg(unix)]
            std::os::unix::fs::symlink(b.text.trim(), &p).expect("symlink");
            continue;
        }
        let mut bytes = if b.flags.iter().any(|f| f == "escapes") {
            decode_escapes(&b.text)
        } else {
            b.text.clone().into_bytes()
        };
        if b.flags.iter().any(|f| f == "no-newline") && bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        fs::write(&p, bytes).expect("write");
    }
}

fn fires(blocks: &[Block], code: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    materialize(dir.path(), blocks);
    let ws = Workspace::load(dir.path(), &LoadOptions::default()).expect("loads");
    let options = CheckOptions {
        selection: RuleSelection::new(&[code], &[] as &[&str]).expect("selects"),
        vendors: None,
    };
    check(&ws, &options)
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn every_rule_is_documented() {
    assert!(RULES.len() >= 32);
    for r in RULES {
        let m = r.meta();
        let mut at = 0;
        for s in SECTIONS {
            let pos = m.doc[at..].find(s).map(|p| p + at);
            assert!(pos.is_some(), "{} doc lacks `{s}` (in order)", m.code);
            at = pos.unwrap_or(at);
        }
        assert!(
            !m.summary.is_empty() && m.summary.ends_with('.'),
            "{} summary",
            m.code
        );
        assert!(
            m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{} name is kebab-case",
            m.code
        );
    }
}

#[test]
fn every_example_triggers_its_rule_and_the_fix_does_not() {
    let mut failures = Vec::new();
    for r in RULES {
        let m = r.meta();
        let (bad, good) = examples(m.doc);
        if bad.is_empty() {
            failures.push(format!("{}: no example blocks", m.code));
            continue;
        }
        if fires(&bad, m.code).is_empty() {
            failures.push(format!("{}: the example does not trigger the rule", m.code));
        }
        if !good.is_empty() {
            let found = fires(&good, m.code);
            if !found.is_empty() {
                failures.push(format!(
                    "{}: the fixed example still triggers: {found:?}",
                    m.code
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
