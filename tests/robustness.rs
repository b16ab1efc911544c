//! No panics on broken input: every corpus file, mutated many ways (truncated, bytes flipped,
//! brackets and quotes inserted, lines duplicated), goes through the JSON, TOML, YAML and
//! Markdown readers and through a whole-workspace load and check. Deterministic (fixed seed).

use std::path::{Path, PathBuf};

use aios_port::check::{CheckOptions, check};
use aios_port::read::{json, markdown, toml, yaml};
use aios_port::{FileId, LoadOptions, Workspace};

fn corpus() -> PathBuf {
    std::env::var_os("AIOS_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
        PathBuf::from,
    )
}

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INSERTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    ":",
    ",",
    "\n",
    "---\n",
    "@",
    "${",
    "`",
    "\u{202E}",
    "\u{E0041}",
    "é",
    "\r\n",
    "\\",
    "=",
    "[[",
    "#",
];

/// A mutation of `text` that is still a `String` (the readers take text).
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(5) {
            0 => s.truncate(at),
            1 if at < s.len() => {
                s.remove(at);
            }
            2 => {
                let ins: Vec<char> = INSERTS[rng.below(INSERTS.len())].chars().collect();
                s.splice(at..at, ins);
            }
            3 if at < s.len() => {
                let end = (at + rng.below(40)).min(s.len());
                let dup: Vec<char> = s[at..end].to_vec();
                s.splice(at..at, dup);
            }
            _ => {
                if at < s.len() {
                    s[at] = char::from_u32(rng.below(0x3000) as u32).unwrap_or('x');
                }
            }
        }
    }
    s.into_iter().collect()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn readers_never_panic_on_mutated_corpus_files() {
    let mut all = Vec::new();
    files(&corpus(), &mut all);
    all.sort();
    assert!(all.len() > 300);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut runs = 0;
    for path in &all {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for _ in 0..12 {
            let m = mutate(&text, &mut rng);
            let mut d = Vec::new();
            let _ = json::parse(FileId(0), &m, &mut d);
            let _ = toml::parse(FileId(0), &m, &mut d);
            let _ = yaml::parse(FileId(0), &m, 0, &mut d);
            let _ = markdown::parse(FileId(0), &m, true, &mut d);
            runs += 1;
        }
    }
    assert!(runs > 3000, "{runs}");
}

#[test]
fn load_and_check_never_panic_on_mutated_workspaces() {
    let mut rng = Rng(42);
    for ws in [
        "1iveowl__PlatformPlatform",
        "5throck__ai-workspace-standards",
        "obra__superpowers",
        "affaan-m__everything-claude-code",
    ] {
        let src = corpus().join(ws);
        let mut all = Vec::new();
        files(&src, &mut all);
        for round in 0..6 {
            let dir = tempfile::tempdir().expect("tempdir");
            for p in &all {
                let rel = p.strip_prefix(&src).expect("inside");
                let dst = dir.path().join(rel);
                std::fs::create_dir_all(dst.parent().expect("parent")).expect("mkdir");
                let text = std::fs::read_to_string(p).unwrap_or_default();
                let out = if rng.below(3) == 0 || round == 0 {
                    mutate(&text, &mut rng)
                } else {
                    text
                };
                std::fs::write(&dst, out).expect("write");
            }
            let loaded = Workspace::load(dir.path(), &LoadOptions::default()).expect("loads");
            let _ = check(&loaded, &CheckOptions::default());
            let _ = aios_port::scan::to_json(&loaded);
            // Sync plans and writes without panicking, and never writes a file it cannot read.
            let options = aios_port::sync::SyncOptions {
                allow_lossy: true,
                force: true,
                ..Default::default()
            };
            if let Ok(plan) =
                aios_port::sync::plan(&loaded, &options, aios_port::sync::lock::Lock::default())
                && plan.blocked(&options).is_none()
            {
                aios_port::sync::apply(&loaded.root, &plan).expect("applies");
                let again = Workspace::load(dir.path(), &LoadOptions::default()).expect("loads");
                let _ = check(&again, &CheckOptions::default());
            }
        }
    }
}
