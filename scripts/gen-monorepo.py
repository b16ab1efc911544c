#!/usr/bin/env python3
"""Writes a synthetic monorepo for benchmarks: N source files in nested packages, with an
AGENTS.md and a CLAUDE.md importing it in every package, MCP config for Claude and Codex,
hooks, skills and a node_modules tree that discovery must skip.

usage: gen-monorepo.py DIR [--files 10000] [--packages 300]
"""
import argparse
import os

ap = argparse.ArgumentParser()
ap.add_argument("dir")
ap.add_argument("--files", type=int, default=10000)
ap.add_argument("--packages", type=int, default=300)
a = ap.parse_args()


def write(rel, text):
    p = os.path.join(a.dir, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)


write("AGENTS.md", "# Monorepo\n\n## Build\n\nRun `make` at the root.\n")
write("CLAUDE.md", "@AGENTS.md\n")
write(".mcp.json", '{"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"], "env": {"GITHUB_TOKEN": "${GITHUB_TOKEN}"}}}}\n')
write(".codex/config.toml", '[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github@2025.4.8"]\nenv_vars = ["GITHUB_TOKEN"]\n')
write(".claude/settings.json", '{"hooks": {"PostToolUse": [{"matcher": "Edit|Write", "hooks": [{"type": "command", "command": "make fmt"}]}]}}\n')
write(".codex/hooks.json", '{"hooks": {"PostToolUse": [{"matcher": "apply_patch", "hooks": [{"type": "command", "command": "make fmt"}]}]}}\n')
write(".agents/skills/release/SKILL.md", "---\nname: release\ndescription: Cuts a release. Use when asked to release.\n---\nSteps.\n")
per_pkg = max(1, a.files // a.packages)
n = 0
for p in range(a.packages):
    pkg = f"packages/group{p % 20}/pkg{p}"
    write(f"{pkg}/AGENTS.md", f"# Package {p}\n\n## Rules\n\n- Keep package {p} pure.\n- Test with `make test-{p}`.\n")
    write(f"{pkg}/CLAUDE.md", "@AGENTS.md\n")
    for i in range(per_pkg):
        if n >= a.files:
            break
        write(f"{pkg}/src/mod{i}/file{i}.ts", f"export const v{i} = {i};\n")
        n += 1
for i in range(200):
    write(f"node_modules/dep{i}/CLAUDE.md", "# vendored: must be skipped\n")
print(f"wrote {n} source files and {a.packages} packages to {a.dir}")
