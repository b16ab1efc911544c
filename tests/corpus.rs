//! Every workspace of the real-world corpus (`../shared/corpus`, or `$AIOS_CORPUS`) loads
//! without panic, with no error-level finding except the files that really are malformed, and
//! with the specific facts below read correctly.

use std::path::PathBuf;

use aios_port::model::{InstructionRole, Transport};
use aios_port::{LoadOptions, Severity, Vendor, Workspace};

fn corpus() -> PathBuf {
    std::env::var_os("AIOS_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
        PathBuf::from,
    )
}

fn load(name: &str) -> Workspace {
    Workspace::load(corpus().join(name), &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn workspaces() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .expect("the corpus is at ../shared/corpus (or set AIOS_CORPUS)")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Error-level findings of reading the corpus, each a file that really is malformed:
/// (workspace, file, code, why).
const EXPECTED_LOAD_ERRORS: &[(&str, &str, &str, &str)] = &[(
    "5throck__ai-workspace-standards",
    ".gemini/settings.json",
    "AP003",
    "its SessionStart entry is a bare handler without the `hooks` wrapper (the corpus notes it as malformed); Gemini skips it",
)];

#[test]
fn every_workspace_loads_with_only_the_known_errors() {
    let names = workspaces();
    assert!(names.len() >= 17, "corpus has {} workspaces", names.len());
    let mut found = Vec::new();
    for name in &names {
        let ws = load(name);
        for d in ws
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            let path = ws.sources.locate(&d.primary.origin).0.to_string();
            found.push((name.clone(), path, d.code.to_string(), d.message.clone()));
        }
    }
    let expected: Vec<(String, String, String)> = EXPECTED_LOAD_ERRORS
        .iter()
        .map(|(w, p, c, _)| (w.to_string(), p.to_string(), c.to_string()))
        .collect();
    let got: Vec<(String, String, String)> = found
        .iter()
        .map(|(w, p, c, _)| (w.clone(), p.clone(), c.clone()))
        .collect();
    assert_eq!(got, expected, "unexpected error-level findings: {found:#?}");
}

#[test]
fn obra_superpowers_agents_md_is_a_symlink_to_claude_md() {
    let ws = load("obra__superpowers");
    let m = &ws.model;
    let claude = m
        .instructions
        .iter()
        .find(|i| i.vendor == Vendor::Claude && i.path == "CLAUDE.md")
        .expect("CLAUDE.md");
    let codex = m
        .instructions
        .iter()
        .find(|i| i.vendor == Vendor::Codex && i.path == "AGENTS.md")
        .expect("AGENTS.md");
    assert_eq!(codex.symlink_to.as_deref(), Some("CLAUDE.md"));
    assert_eq!(codex.file, claude.file, "one document, read once");
    assert_eq!(
        ws.sources
            .iter()
            .filter(|(_, f)| f.path == "CLAUDE.md")
            .count(),
        1
    );
    // GEMINI.md is two `@./` imports of skill files, both followed by Gemini.
    let gemini_imports: Vec<&str> = m
        .imports
        .iter()
        .filter(|i| i.vendor == Vendor::Gemini && i.resolved.is_some())
        .map(|i| i.raw.as_str())
        .collect();
    assert_eq!(
        gemini_imports,
        [
            "./skills/using-superpowers/SKILL.md",
            "./skills/using-superpowers/references/gemini-tools.md"
        ]
    );
}

#[test]
fn pydantic_ai_monorepo_instructions() {
    let ws = load("pydantic__pydantic-ai");
    let m = &ws.model;
    let agents_md = m
        .instructions
        .iter()
        .filter(|i| i.vendor == Vendor::Codex && i.role == InstructionRole::Main)
        .count();
    assert_eq!(agents_md, 15, "15 AGENTS.md");
    let claude_links: Vec<&str> = m
        .instructions
        .iter()
        .filter(|i| i.vendor == Vendor::Claude && i.symlink_to.is_some())
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(
        claude_links.len(),
        10,
        "CLAUDE.md symlinks to AGENTS.md: {claude_links:?}"
    );
    // `@agent.tool` and `@pytest.fixture` sit in code fences: not import candidates.
    for i in &m.instructions {
        for r in &i.doc.import_refs {
            assert!(
                !r.path.starts_with("pytest") && !r.path.starts_with("agent."),
                "{}: {} taken for an import",
                i.path,
                r.path
            );
        }
    }
    let fenced = m
        .instructions
        .iter()
        .filter(|i| ws.sources.get(i.file).text.contains("@pytest.fixture"))
        .count();
    assert!(
        fenced > 0,
        "the corpus still has fenced @pytest.fixture lines"
    );
    // `.claude/skills/x` symlinks to `.agents/skills/x`: one skill seen by all three vendors.
    let s = m
        .skills
        .iter()
        .find(|s| {
            s.name
                .as_ref()
                .is_some_and(|n| n.value == "complete-partial-pr")
        })
        .expect("skill");
    assert!(Vendor::ALL.iter().all(|v| s.loaded_by.contains(*v)));
}

#[test]
fn laravel_love_claude_md_imports_agents_md() {
    let ws = load("cybercog__laravel-love");
    let imp = ws
        .model
        .imports
        .iter()
        .find(|i| i.vendor == Vendor::Claude)
        .expect("an import");
    assert_eq!(imp.raw, "AGENTS.md");
    assert_eq!(imp.target.as_deref(), Some("AGENTS.md"));
    assert!(imp.resolved.is_some());
}

#[test]
fn triads_front_matter_lookalike_is_not_yaml() {
    let ws = load("reliable-agents-ai__triads");
    let f = &ws.model.instructions[0];
    assert!(f.doc.frontmatter.is_none());
    assert!(ws.diagnostics.is_empty());
    assert!(f.doc.sections.len() > 3);
}

#[test]
fn humanlayer_nested_claude_md_and_csv_tools() {
    let ws = load("humanlayer__humanlayer");
    let nested = ws
        .model
        .instructions
        .iter()
        .filter(|i| i.vendor == Vendor::Claude && !i.dir.is_empty())
        .count();
    assert_eq!(nested, 8);
    let a = ws
        .model
        .agents
        .iter()
        .find(|a| {
            a.name
                .as_ref()
                .is_some_and(|n| n.value == "codebase-locator")
        })
        .expect("agent");
    let tools: Vec<&str> = a.tools.iter().flatten().map(|t| t.value.as_str()).collect();
    assert_eq!(tools, ["Grep", "Glob", "LS"]);
    assert_eq!(a.model.as_ref().map(|m| m.value.as_str()), Some("sonnet"));
}

#[test]
fn platformplatform_invalid_yaml_is_read_leniently() {
    let ws = load("1iveowl__PlatformPlatform");
    let codes: Vec<&str> = ws.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["AP004", "AP004"],
        "agent `tools: *` and rule `paths: **/…`"
    );
    let guardian = ws
        .model
        .agents
        .iter()
        .find(|a| a.path.ends_with("guardian.md"))
        .expect("agent");
    assert_eq!(
        guardian.tools.as_ref().map(|t| t[0].value.as_str()),
        Some("*")
    );
    let rule = ws
        .model
        .instructions
        .iter()
        .find(|i| matches!(i.role, InstructionRole::Rule { .. }))
        .expect("rule");
    let InstructionRole::Rule { paths } = &rule.role else {
        unreachable!()
    };
    assert!(
        paths.iter().any(|p| p.value.contains("Dialog")),
        "{paths:?}"
    );
    // Codex servers: a multi-line args array with a trailing comma, and a url server.
    let codex: Vec<_> = ws
        .model
        .mcp_servers
        .iter()
        .filter(|s| s.vendor == Vendor::Codex)
        .collect();
    assert!(
        codex
            .iter()
            .any(|s| s.transport.value == Transport::Stdio && !s.args.is_empty())
    );
    assert!(codex.iter().any(|s| s.transport.value == Transport::Http));
}

#[test]
fn claude_plugins_official_marketplace_and_both_mcp_shapes() {
    let ws = load("anthropics__claude-plugins-official");
    let m = &ws.model;
    assert_eq!(m.marketplaces.len(), 1);
    assert_eq!(m.marketplaces[0].plugins.len(), 286);
    assert!(m.plugins.len() >= 40);
    // `${CONTEXT7_API_KEY:-}` keeps its default syntax.
    let defaulted = m.mcp_servers.iter().any(|s| {
        s.headers.iter().chain(s.env.iter()).any(|(_, v)| {
            v.value.parts.iter().any(|p| {
                matches!(
                    p,
                    aios_port::model::Part::Var {
                        default: Some(_),
                        ..
                    }
                )
            })
        })
    });
    assert!(defaulted);
    // Every error here would be a reader bug: the marketplace's trimmed plugins are warnings.
    assert!(!ws.has_errors());
}

#[test]
fn gemini_cli_monorepo() {
    let ws = load("google-gemini__gemini-cli");
    let m = &ws.model;
    let nested = m
        .instructions
        .iter()
        .filter(|i| {
            i.vendor == Vendor::Gemini && i.path.ends_with("GEMINI.md") && !i.dir.is_empty()
        })
        .count();
    assert_eq!(nested, 7);
    assert!(
        m.commands
            .iter()
            .any(|c| c.vendor == Vendor::Gemini && c.name.contains(':'))
    );
}

#[test]
fn openai_codex_root_and_nested_agents_md() {
    let ws = load("openai__codex");
    let paths: Vec<&str> = ws
        .model
        .instructions
        .iter()
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(paths, ["AGENTS.md", "codex-rs/AGENTS.md"]);
}

mod check {
    //! `check` over the corpus: no panic in any format, only the known error-level findings,
    //! and specific real findings.

    use aios_port::check::{CheckOptions, check};
    use aios_port::render::{concise, github, human, json, sarif};
    use aios_port::{Severity, Workspace};

    use super::{load, workspaces};

    fn findings(ws: &Workspace, code: &str) -> Vec<(String, usize)> {
        check(ws, &CheckOptions::default())
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| {
                let (p, l, _) = ws.sources.locate(&d.primary.origin);
                (p.to_string(), l)
            })
            .collect()
    }

    /// Error-level findings of `check` over the corpus: (workspace, file, code, why). Reading's
    /// one malformed file is the only one: the corpus has no literal secret, hidden Unicode,
    /// `curl | sh` or guard that would fail open.
    const EXPECTED_ERRORS: &[(&str, &str, &str, &str)] = &[(
        "5throck__ai-workspace-standards",
        ".gemini/settings.json",
        "AP003",
        "the SessionStart hook entry lacks its `hooks` wrapper; Gemini skips it",
    )];

    #[test]
    fn every_workspace_checks_in_every_format() {
        let mut errors = Vec::new();
        for name in workspaces() {
            let ws = load(&name);
            let report = check(&ws, &CheckOptions::default());
            let mut out = Vec::new();
            human::write(&mut out, &ws.sources, &report.diagnostics, true).expect("human");
            concise::write(&mut out, &ws.sources, &report.diagnostics).expect("concise");
            github::write(&mut out, &ws.sources, &report.diagnostics).expect("github");
            let _ = json::document(&ws.sources, &report.diagnostics);
            let _ = sarif::document(&ws.sources, &report.diagnostics, "test");
            for d in report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
            {
                errors.push((
                    name.clone(),
                    ws.sources.locate(&d.primary.origin).0.to_string(),
                    d.code.to_string(),
                ));
            }
        }
        let expected: Vec<(String, String, String)> = EXPECTED_ERRORS
            .iter()
            .map(|(w, p, c, _)| (w.to_string(), p.to_string(), c.to_string()))
            .collect();
        assert_eq!(errors, expected);
    }

    #[test]
    fn pydantic_ai_agents_md_directories_without_claude_md() {
        let ws = load("pydantic__pydantic-ai");
        let dirs: Vec<String> = findings(&ws, "AP104").into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            dirs,
            [
                "pydantic_ai_slim/pydantic_ai/capabilities/AGENTS.md",
                "pydantic_ai_slim/pydantic_ai/durable_exec/AGENTS.md",
                "pydantic_ai_slim/pydantic_ai/profiles/AGENTS.md",
                "pydantic_ai_slim/pydantic_ai/providers/AGENTS.md",
                "pydantic_ai_slim/pydantic_ai/toolsets/AGENTS.md",
            ]
        );
        // tests/AGENTS.md pushes the chain Codex loads there past 32 KiB.
        assert_eq!(
            findings(&ws, "AP011"),
            [("tests/AGENTS.md".to_string(), 257)]
        );
        // The CLAUDE.md symlinks make Claude and Codex load the same text: no instruction drift.
        assert!(findings(&ws, "AP103").is_empty());
    }

    #[test]
    fn default_interpolation_is_not_portable_to_codex() {
        let ws = load("anthropics__claude-plugins-official");
        let found = findings(&ws, "AP202");
        assert!(
            found.contains(&("external_plugins/context7/.mcp.json".to_string(), 7)),
            "{found:?}"
        );
        let messages: Vec<String> = check(&ws, &CheckOptions::default())
            .diagnostics
            .iter()
            .filter(|d| d.code == "AP202")
            .map(|d| d.message.clone())
            .collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`${CONTEXT7_API_KEY:-}`") && m.contains("Codex"))
        );
    }

    #[test]
    fn keys_and_events_vendors_ignore() {
        let ws = load("vercel__ai");
        assert_eq!(
            findings(&ws, "AP010"),
            [(".codex/hooks.json".to_string(), 3)],
            "PreCommit never fires"
        );
        let ws = load("5throck__ai-workspace-standards");
        assert_eq!(
            findings(&ws, "AP010"),
            [(".claude/settings.json".to_string(), 2)],
            "mcpServers in settings.json"
        );
    }

    #[test]
    fn drift_in_multi_vendor_workspaces() {
        let ws = load("obra__superpowers");
        assert_eq!(
            findings(&ws, "AP109").len(),
            1,
            "plugin descriptions differ"
        );
        // CLAUDE.md imports AGENTS.md but adds its own sections, which Codex never sees.
        let ws = load("cybercog__laravel-love");
        assert_eq!(findings(&ws, "AP103").len(), 1);
        let ws = load("1iveowl__PlatformPlatform");
        assert_eq!(
            findings(&ws, "AP107"),
            [(".claude/agents/guardian.md".to_string(), 2)]
        );
    }
}
